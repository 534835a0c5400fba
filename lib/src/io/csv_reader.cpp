// The CSV readers of orgraph/io/csv.hpp: an RFC 4180 parser that knows the line of every record.

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "builder_state.hpp"
#include "orgraph/io/csv.hpp"
#include "orgraph/names.hpp"

namespace orgraph::io {
namespace {

struct CsvRecord {
  std::uint32_t line = 0;  // where the record starts
  std::vector<std::string> fields;
  bool unreadable = false;  // holds a byte that is not text (reported): its fields are not used
};

// Splits `text` into records; reports bad quoting and stops at the first such error (what
// follows it cannot be delimited reliably). A record holding invalid UTF-8 or a NUL byte is
// reported, with the line and column of the first such byte, and marked unreadable; the
// records after it are read as usual. Returns false on a quoting error.
class CsvParser {
 public:
  CsvParser(std::string_view text, std::string_view name, GraphBuilder& builder,
            const ReadLimits& limits)
      : text_(text), name_(name), builder_(builder), limits_(limits) {}

  bool parse(std::vector<CsvRecord>& records) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
    while (pos_ < text_.size()) {
      CsvRecord record;
      record.line = line_;
      const std::size_t begin = pos_;
      if (!parse_record(record.fields)) return false;
      record.unreadable = !check_bytes(text_.substr(begin, pos_ - begin), begin, record.line);
      const bool blank = record.fields.size() == 1 && record.fields[0].empty();
      if (!blank) records.push_back(std::move(record));
    }
    return true;
  }

  void report(std::uint32_t line, std::string message, std::string hint = {}) {
    builder_.add_diagnostic(
        {Severity::error, {std::string(name_), line}, std::move(message), {}, std::move(hint)});
  }

 private:
  // The column (1-based, in characters) of byte `offset`.
  std::size_t column_at(std::size_t offset) const {
    const std::size_t start = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t from = start == std::string_view::npos || offset == 0 ? 0 : start + 1;
    return 1 + static_cast<std::size_t>(std::count_if(
                   text_.begin() + static_cast<std::ptrdiff_t>(from),
                   text_.begin() + static_cast<std::ptrdiff_t>(offset),
                   [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  }

  // Reports the first byte of a record (`raw`, at `offset` in the text, starting on `line`) that
  // is not text: invalid UTF-8 or NUL. Quotes, commas and line ends are ASCII, so the record's
  // raw bytes are valid exactly when its fields are. Returns false when it reported one.
  bool check_bytes(std::string_view raw, std::size_t offset, std::uint32_t line) {
    std::size_t bad = 0;
    const bool valid = names::is_valid_utf8(raw, &bad);
    const std::size_t nul = raw.find('\0');
    if (valid && nul == std::string_view::npos) return true;
    const bool is_nul = nul != std::string_view::npos && (valid || nul < bad);
    const std::size_t at = is_nul ? nul : bad;
    const auto before = raw.substr(0, at);
    const auto bad_line =
        line + static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n'));
    if (is_nul) {
      report(bad_line, fmt::format("NUL byte at column {}", column_at(offset + at)),
             "CSV files are text");
    } else {
      report(bad_line,
             fmt::format("invalid UTF-8 (byte 0x{:02X} at column {})",
                         static_cast<unsigned char>(raw[at]), column_at(offset + at)),
             "save the file as UTF-8");
    }
    return false;
  }

  // Reads one record up to and including its line end.
  bool parse_record(std::vector<std::string>& fields) {
    while (true) {
      std::string field;
      const std::uint32_t field_line = line_;
      const std::size_t field_at = pos_;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        const std::uint32_t opened = line_;
        const std::size_t open_at = pos_;
        ++pos_;
        while (true) {
          if (pos_ >= text_.size()) {
            report(
                opened,
                fmt::format("quoted field opened at column {} is never closed", column_at(open_at)),
                "a quote inside a quoted field is written twice: \"\"");
            return false;
          }
          const char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              field += '"';
              ++pos_;
              continue;
            }
            break;
          }
          if (c == '\n') ++line_;
          field += c;
        }
        if (pos_ < text_.size() && !at_separator()) {
          report(line_,
                 fmt::format("unexpected character after a closing quote at column {}",
                             column_at(pos_)),
                 "a quote inside a quoted field is written twice: \"\"");
          return false;
        }
      } else {
        while (pos_ < text_.size() && !at_separator()) {
          if (text_[pos_] == '"') {
            report(line_,
                   fmt::format("quote inside an unquoted field at column {}", column_at(pos_)),
                   "quote the whole field and write the quote twice: \"a \"\"b\"\"\"");
            return false;
          }
          field += text_[pos_++];
        }
      }
      if (field.size() > limits_.max_token_bytes) {
        report(field_line,
               fmt::format("a field of {} bytes is over the limit of {} bytes (column {})",
                           field.size(), limits_.max_token_bytes, column_at(field_at)),
               std::string(kTokenLimitHint));
        return false;
      }
      fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return true;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      // A line end: CRLF or LF (a lone CR too).
      if (text_[pos_] == '\r') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
  }

  bool at_separator() const {
    const char c = text_[pos_];
    return c == ',' || c == '\n' || c == '\r';
  }

  std::string_view text_;
  std::string_view name_;
  GraphBuilder& builder_;
  ReadLimits limits_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
};

enum class Table { entities, relations, graph };

// Marks the entity a refused row of entities.csv declares, when its id can be read, as refused:
// it was reported, so what refers to it is not reported again as undeclared.
void reject_row_entity(GraphBuilder& builder, std::uint32_t file, const CsvRecord& record,
                       std::size_t header_size, std::size_t id_column) {
  if (record.fields.size() != header_size || id_column >= header_size) return;
  const std::string& id = record.fields[id_column];
  if (!id.empty() && names::is_valid_utf8(id) && id.find('\0') == std::string::npos) {
    orgraph::detail::state(builder).reject_entity(id, {file, record.line});
  }
}

void read_table(std::string_view text, std::string_view name, GraphBuilder& builder, Table table,
                const ReadLimits& limits) {
  const std::uint32_t file = builder.add_file(name);
  CsvParser parser(text, name, builder, limits);
  std::vector<CsvRecord> records;
  if (!parser.parse(records)) return;
  const std::vector<std::string_view> required =
      table == Table::entities    ? std::vector<std::string_view>{"id", "kind"}
      : table == Table::relations ? std::vector<std::string_view>{"from", "to", "rel"}
                                  : std::vector<std::string_view>{"attribute", "value"};
  const std::string example = table == Table::entities    ? "id,kind,type,name,name_en,…"
                              : table == Table::relations ? "from,to,rel,role,start,end,date,src,…"
                                                          : "attribute,value";
  if (records.empty()) {
    parser.report(0, "empty CSV file: no header row",
                  fmt::format("the first row names the columns: {}", example));
    return;
  }
  if (records.front().unreadable) return;  // reported: without a header no row can be read
  const std::vector<std::string>& header = records.front().fields;
  const std::uint32_t header_line = records.front().line;
  bool ok = true;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty()) {
      parser.report(header_line, fmt::format("column {} has no name in the header", i + 1));
      ok = false;
    } else if (std::find(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(i),
                         header[i]) != header.begin() + static_cast<std::ptrdiff_t>(i)) {
      parser.report(header_line, fmt::format("column '{}' appears twice in the header", header[i]));
      ok = false;
    }
  }
  for (std::string_view column : required) {
    if (std::find(header.begin(), header.end(), column) == header.end()) {
      parser.report(header_line, fmt::format("missing column '{}'", column),
                    fmt::format("the first row names the columns: {}", example));
      ok = false;
    }
  }
  if (!ok) {
    // No row is read; the entities they declare (by a single id column) are known to exist.
    if (table == Table::entities && std::count(header.begin(), header.end(), "id") == 1) {
      const auto id_column =
          static_cast<std::size_t>(std::find(header.begin(), header.end(), "id") - header.begin());
      for (std::size_t r = 1; r < records.size(); ++r) {
        reject_row_entity(builder, file, records[r], header.size(), id_column);
      }
    }
    return;
  }
  if (table == Table::graph) {
    for (const std::string& column : header) {
      if (column != "attribute" && column != "value") {
        builder.add_diagnostic({Severity::warning,
                                {std::string(name), header_line},
                                fmt::format("column '{}' of a graph table is ignored", column),
                                {},
                                "a graph table has the columns attribute and value"});
      }
    }
  }
  auto index_of = [&](std::string_view column) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), column) -
                                    header.begin());
  };
  std::vector<Attribute> attributes;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.unreadable) {
      // Reported; the entity it declares is known to exist.
      if (table == Table::entities) {
        reject_row_entity(builder, file, record, header.size(), index_of("id"));
      }
      continue;
    }
    if (record.fields.size() != header.size()) {
      parser.report(
          record.line,
          fmt::format("row has {} fields, the header {}", record.fields.size(), header.size()),
          "quote fields that hold commas: \"a, b\"");
      continue;
    }
    const FileLine where{file, record.line};
    if (table == Table::graph) {
      const std::string& attribute = record.fields[index_of("attribute")];
      const std::string& value = record.fields[index_of("value")];
      if (attribute == "name") {
        if (!value.empty()) builder.set_name(value);
      } else {
        builder.set_graph_attribute(attribute, value, where);
      }
      continue;
    }
    attributes.clear();
    for (std::size_t i = 0; i < header.size(); ++i) {
      const std::string_view column = header[i];
      if (column == "id" || column == "from" || column == "to") continue;
      attributes.push_back({column, record.fields[i]});
    }
    if (table == Table::entities) {
      const std::string& id = record.fields[index_of("id")];
      if (id.empty()) {
        parser.report(record.line, "row has an empty id", "ids are ASCII slugs such as snc, wadi");
        continue;
      }
      builder.add_entity(id, attributes, where);
    } else {
      const std::string& from = record.fields[index_of("from")];
      const std::string& to = record.fields[index_of("to")];
      if (from.empty() || to.empty()) {
        parser.report(record.line,
                      fmt::format("row has an empty '{}'", from.empty() ? "from" : "to"));
        continue;
      }
      builder.add_relation(from, to, attributes, where);
    }
  }
}

}  // namespace

void read_entities_csv(std::string_view text, std::string_view name, GraphBuilder& builder,
                       const ReadLimits& limits) {
  read_table(text, name, builder, Table::entities, limits);
}

void read_relations_csv(std::string_view text, std::string_view name, GraphBuilder& builder,
                        const ReadLimits& limits) {
  read_table(text, name, builder, Table::relations, limits);
}

void read_graph_csv(std::string_view text, std::string_view name, GraphBuilder& builder,
                    const ReadLimits& limits) {
  read_table(text, name, builder, Table::graph, limits);
}

}  // namespace orgraph::io
