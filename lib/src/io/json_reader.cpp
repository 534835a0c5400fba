// read_json: the lossless JSON document (orgraph/io/json.hpp) into a GraphBuilder.

#include <nlohmann/json.hpp>

#include "builder_state.hpp"
#include "json_records.hpp"
#include "orgraph/io/json.hpp"

namespace orgraph::io {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kShape =
    R"(a graph document is {"format":"orgraph","version":1,"name":…,"sources":[…],)"
    R"("entities":[…],"relations":[…]} (and "title", "note", "lang"); see graphs/README.md)";

class JsonGraphReader {
 public:
  JsonGraphReader(std::string_view name, GraphBuilder& builder, const ReadLimits& limits)
      : name_(name), builder_(builder), file_(builder.add_file(name)), limits_(limits) {}

  void read(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    Json doc;
    detail::JsonSyntaxError syntax;
    if (!detail::parse_json_with_positions(text, doc, positions_, syntax, limits_)) {
      report(syntax.line, syntax.text(), {}, syntax.hint);
      return;
    }
    for (std::size_t i = 0; i < positions_.duplicate_keys.size(); ++i) {
      const auto& [pointer, key] = positions_.duplicate_keys[i];
      report(positions_.duplicate_lines[i],
             fmt::format("key '{}' appears twice in one record", key), pointer,
             "give each attribute once; alias and src take arrays for several values");
    }
    if (!doc.is_object()) {
      report(1, fmt::format("the document is {}, not an object", kind_of(doc)), {},
             std::string(kShape));
      return;
    }
    if (!check_header(doc)) return;
    for (const auto& [key, value] : doc.items()) {
      if (key != "format" && key != "version" && key != "name" && key != "title" && key != "note" &&
          key != "lang" && key != "sources" && key != "entities" && key != "relations") {
        builder_.add_diagnostic({Severity::warning,
                                 {std::string(name_), 1},
                                 fmt::format("unknown top-level key '{}' is ignored", key),
                                 {},
                                 std::string(kShape)});
      }
    }
    read_records(doc, "sources");
    read_records(doc, "entities");
    read_records(doc, "relations");
  }

 private:
  static std::string_view kind_of(const Json& j) {
    switch (j.type()) {
      case Json::value_t::null:
        return "null";
      case Json::value_t::object:
        return "an object";
      case Json::value_t::array:
        return "an array";
      case Json::value_t::string:
        return "a string";
      case Json::value_t::boolean:
        return "a boolean";
      default:
        return "a number";
    }
  }

  void report(std::uint32_t line, std::string message, std::string subject = {},
              std::string hint = {}) {
    builder_.add_diagnostic({Severity::error,
                             {std::string(name_), line},
                             std::move(message),
                             std::move(subject),
                             std::move(hint)});
  }

  bool check_header(const Json& doc) {
    auto format = doc.find("format");
    if (format == doc.end() || !format->is_string() || format->get<std::string>() != "orgraph") {
      report(1, R"(not an orgraph graph document: "format" is not "orgraph")", {},
             "Popolo JSON is imported with `orgraph import FILE --from popolo`");
      return false;
    }
    auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() ||
        version->get<std::int64_t>() != kJsonFormatVersion) {
      report(1,
             fmt::format("unsupported version {} of the graph document",
                         version == doc.end() ? std::string("(none)") : version->dump()),
             {}, fmt::format("this orgraph reads version {}", kJsonFormatVersion));
      return false;
    }
    if (auto n = doc.find("name"); n != doc.end()) {
      if (n->is_string()) {
        if (!n->get_ref<const std::string&>().empty()) builder_.set_name(n->get<std::string>());
      } else if (!n->is_null()) {
        report(1, fmt::format(R"("name" is {}, not a string)", kind_of(*n)));
      }
    }
    for (std::string_view key : {"title", "note", "lang"}) {
      auto a = doc.find(key);
      if (a == doc.end() || a->is_null()) continue;
      if (!a->is_string()) {
        report(1, fmt::format(R"("{}" is {}, not a string)", key, kind_of(*a)));
      } else {
        builder_.set_graph_attribute(key, a->get_ref<const std::string&>(), {file_, 1});
      }
    }
    return true;
  }

  void read_records(const Json& doc, std::string_view key) {
    auto it = doc.find(key);
    if (it == doc.end()) return;
    if (!it->is_array()) {
      report(1, fmt::format(R"("{}" is {}, not an array of records)", key, kind_of(*it)), {},
             std::string(kShape));
      return;
    }
    std::size_t index = 0;
    std::size_t objects = 0;  // positions count objects only
    for (const Json& record : *it) {
      const std::string pointer = fmt::format("/{}/{}", key, index++);
      if (!record.is_object()) {
        report(objects > 0 ? positions_.line_of(key, objects - 1) : 1,
               fmt::format("record is {}, not an object", kind_of(record)), pointer);
        continue;
      }
      read_record(record, key, positions_.line_of(key, objects++), pointer);
    }
  }

  void read_record(const Json& record, std::string_view array, std::uint32_t line,
                   const std::string& pointer) {
    std::vector<std::string> values;  // owns joined lists
    std::vector<std::pair<std::string_view, std::size_t>> attributes;
    std::string_view id, from, to;
    bool ok = true;
    values.reserve(record.size());
    for (const auto& [key, value] : record.items()) {
      std::string text;
      if (value.is_string()) {
        text = value.get<std::string>();
      } else if (value.is_array() && (key == "alias" || key == "src")) {
        for (const Json& item : value) {
          if (!item.is_string()) {
            report(line,
                   fmt::format("'{}' holds {}; its items must be strings", key, kind_of(item)),
                   pointer);
            ok = false;
            break;
          }
          const std::string& item_text = item.get_ref<const std::string&>();
          if (key == "alias" && item_text.find('|') != std::string::npos) {
            report(line, fmt::format("alias '{}' contains '|'", item_text), pointer,
                   std::string(orgraph::detail::kAliasSeparatorHint));
            ok = false;
            break;
          }
          if (!text.empty()) text += key == "alias" ? '|' : ' ';
          text += item_text;
        }
      } else {
        report(line, fmt::format("value of '{}' is {}; values are strings", key, kind_of(value)),
               pointer,
               key == "alias" || key == "src" ? "alias and src take a string or an array of strings"
                                              : "quote it (dates too: \"start\":\"2013\")");
        ok = false;
        continue;
      }
      if (text.find('\0') != std::string::npos) {
        report(line, fmt::format("NUL character in the value of '{}'", key), pointer,
               "graph files are text");
        ok = false;
        continue;
      }
      values.push_back(std::move(text));
      attributes.emplace_back(key, values.size() - 1);
    }
    if (!ok) {
      // Reported. An entity whose id could be read is known to be declared here, so what refers
      // to it is not reported again as undeclared.
      if (array != "relations") {
        auto found = record.find("id");
        if (found != record.end() && found->is_string()) {
          const std::string& key = found->get_ref<const std::string&>();
          if (!key.empty() && key.find('\0') == std::string::npos) {
            orgraph::detail::state(builder_).reject_entity(key, {file_, line});
          }
        }
      }
      return;
    }
    std::vector<Attribute> list;
    for (const auto& [key, index] : attributes) {
      const std::string_view value = values[index];
      if (key == "id") {
        id = value;
      } else if (key == "from") {
        from = value;
      } else if (key == "to") {
        to = value;
      } else {
        list.push_back({key, value});
      }
    }
    const FileLine where{file_, line};
    if (array == "relations") {
      if (from.empty() || to.empty()) {
        report(line, fmt::format(R"(relation has no "{}")", from.empty() ? "from" : "to"), pointer,
               R"(a relation is {"from":"…","to":"…","rel":"…", …})");
        return;
      }
      if (!id.empty()) {
        report(line, R"(a relation has "from" and "to", not "id")", pointer);
        return;
      }
      builder_.add_relation(from, to, list, where);
      return;
    }
    if (id.empty()) {
      report(line, R"(record has no "id")", pointer,
             R"(an entity is {"id":"…","kind":"…","name":"…", …})");
      return;
    }
    if (!from.empty() || !to.empty()) {
      report(
          line,
          fmt::format(R"(an entity in "{}" has "from"/"to"; relations go in "relations")", array),
          pointer);
      return;
    }
    if (array == "sources") {
      auto kind = std::find_if(list.begin(), list.end(),
                               [](const Attribute& a) { return a.key == "kind"; });
      if (kind != list.end() && kind->value != "source") {
        report(line, fmt::format(R"(a record in "sources" has kind '{}')", kind->value),
               std::string(id), R"(only kind=source entities go in "sources")");
        return;
      }
    }
    builder_.add_entity(id, list, where);
  }

  std::string_view name_;
  GraphBuilder& builder_;
  std::uint32_t file_;
  ReadLimits limits_;
  detail::JsonRecordPositions positions_;
};

}  // namespace

void read_json(std::string_view text, std::string_view name, GraphBuilder& builder,
               const ReadLimits& limits) {
  JsonGraphReader(name, builder, limits).read(text);
}

}  // namespace orgraph::io
