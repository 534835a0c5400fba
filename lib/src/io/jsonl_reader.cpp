#include "orgraph/io/jsonl_reader.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "builder_state.hpp"
#include "orgraph/names.hpp"
#include "orgraph/text.hpp"

namespace orgraph::io {
namespace {

using Json = nlohmann::json;

// A piece of LineHandler's text buffer (offsets, since the buffer grows while a line is read).
struct Slice {
  std::uint32_t begin = 0;
  std::uint32_t size = 0;
};

struct Member {
  Slice key;
  Slice value;
};

// The first problem found in a line, and a hint.
struct LineError {
  std::string message;
  std::string hint;
};

// The SAX handler for one line: copies keys and string values into one reused buffer (the
// parser's own string is overwritten by the next token) and rejects everything that is not a
// flat object of strings, or of arrays of strings for alias and src. Returning false stops the
// parse of the line at the first problem. Satisfies nlohmann's SAX concept (no virtual calls).
class LineHandler {
 public:
  explicit LineHandler(std::size_t max_token_bytes) : max_token_bytes_(max_token_bytes) {}

  // Prepares for a new line, whose keys and values are appended to those of the lines before it
  // (a batch; see take()); `check_controls` says whether strings may hold control characters
  // (through escapes such as \u001b or \b, or a raw DEL), which are then refused.
  void reset(bool check_controls) {
    check_controls_ = check_controls;
    text_.resize(line_text_);
    members_.resize(line_members_);
    depth_ = 0;
    in_array_ = false;
    syntax_error_ = false;
    error_.message.clear();
    error_.hint.clear();
  }

  // Results of the last parse.
  bool syntax_error() const { return syntax_error_; }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_token() const { return error_token_; }
  const std::string& parser_message() const { return parser_message_; }
  LineError& error() { return error_; }
  // The members of the line just parsed.
  std::span<const Member> members() const {
    return std::span<const Member>(members_).subspan(line_members_);
  }
  std::string_view view(Slice s) const { return {text_.data() + s.begin, s.size}; }

  // Where the line just parsed begins among the batch's members.
  std::size_t line_members() const { return line_members_; }
  // Keeps the line just parsed in the batch (else the next reset() drops it).
  void keep_line() {
    line_text_ = text_.size();
    line_members_ = members_.size();
  }
  // The kept lines' texts and members, moved out; the handler starts an empty batch.
  void take(std::string& text, std::vector<Member>& members) {
    text_.resize(line_text_);
    members_.resize(line_members_);
    text = std::exchange(text_, {});
    members = std::exchange(members_, {});
    line_text_ = line_members_ = 0;
  }

  // Reads the common shape of a line without the general parser: a flat object of plain
  // strings (no escapes, no control characters), arrays of them for alias and src, valid UTF-8,
  // no repeated key, nothing over the token limit. Returns false for anything else, and the
  // caller then parses the line with nlohmann (after reset), which reports what is wrong; so
  // both paths accept the same lines and give the same members. Time: O(line).
  bool scan_simple(std::string_view line) {
    if (!names::is_valid_utf8(line)) return false;
    const char* p = line.data();
    const char* const end = p + line.size();
    auto skip_space = [&] {
      while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) ++p;
    };
    // A plain string at p (just after its opening quote): its text, p after the closing quote.
    auto plain_string = [&](std::string_view& out) {
      const char* begin = p;
      while (p < end && *p != '"') {
        if (*p == '\\' || static_cast<unsigned char>(*p) < 0x20 || *p == 0x7F) return false;
        ++p;
      }
      if (p == end || static_cast<std::size_t>(p - begin) > max_token_bytes_) return false;
      out = {begin, static_cast<std::size_t>(p - begin)};
      ++p;
      return true;
    };
    skip_space();
    if (p == end || *p++ != '{') return false;
    skip_space();
    if (p < end && *p == '}') {
      ++p;
    } else {
      for (;;) {
        std::string_view key, value;
        if (p == end || *p++ != '"' || !plain_string(key)) return false;
        for (const Member& m : members()) {
          if (view(m.key) == key) return false;
        }
        members_.push_back({append(key), {}});
        skip_space();
        if (p == end || *p++ != ':') return false;
        skip_space();
        if (p < end && *p == '[') {
          if (key != "alias" && key != "src") return false;
          const char separator = key == "alias" ? '|' : ' ';
          Member& m = members_.back();
          m.value = {static_cast<std::uint32_t>(text_.size()), 0};
          ++p;
          skip_space();
          if (p < end && *p == ']') {
            ++p;
          } else {
            for (;;) {
              if (p == end || *p++ != '"' || !plain_string(value)) return false;
              // An alias holding the separator is refused by the general parser.
              if (separator == '|' && value.find('|') != std::string_view::npos) return false;
              if (!value.empty()) {
                if (m.value.size > 0) text_ += separator;
                text_ += value;
                m.value.size = static_cast<std::uint32_t>(text_.size()) - m.value.begin;
              }
              skip_space();
              if (p < end && *p == ',') {
                ++p;
                skip_space();
                continue;
              }
              if (p == end || *p++ != ']') return false;
              break;
            }
          }
        } else {
          if (p == end || *p++ != '"' || !plain_string(value)) return false;
          members_.back().value = append(value);
        }
        skip_space();
        if (p < end && *p == ',') {
          ++p;
          skip_space();
          continue;
        }
        if (p == end || *p++ != '}') return false;
        break;
      }
    }
    skip_space();
    return p == end;
  }

  // nlohmann's SAX interface.
  bool null() { return wrong_value("null"); }
  bool boolean(bool) { return wrong_value("a boolean"); }
  bool number_integer(Json::number_integer_t) { return wrong_value("a number"); }
  bool number_unsigned(Json::number_unsigned_t) { return wrong_value("a number"); }
  bool number_float(Json::number_float_t, const Json::string_t&) { return wrong_value("a number"); }
  bool binary(Json::binary_t&) { return wrong_value("binary data"); }

  bool string(Json::string_t& value) {
    if (depth_ == 0) return wrong_value("a string");
    if (!check_string(value, "value of")) return false;
    Member& m = members_.back();
    if (in_array_) {
      if (value.empty()) return true;
      if (separator_ == '|' && value.find('|') != std::string::npos) {
        return fail(fmt::format("alias '{}' contains '|'", value),
                    std::string(detail::kAliasSeparatorHint));
      }
      if (m.value.size > 0) text_ += separator_;
      text_ += value;
      m.value.size = static_cast<std::uint32_t>(text_.size()) - m.value.begin;
    } else {
      m.value = append(value);
    }
    return true;
  }

  bool start_object(std::size_t) {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    return wrong_value("an object");
  }

  bool key(Json::string_t& key) {
    if (!check_string(key, "key")) return false;
    for (const Member& m : members()) {
      if (m.key.size == key.size() && view(m.key) == key) {
        return fail(fmt::format("key '{}' appears twice in one object", key),
                    "give each attribute once; alias and src take arrays for several values");
      }
    }
    members_.push_back({append(key), {}});
    return true;
  }

  bool end_object() {
    depth_ = 0;
    return true;
  }

  bool start_array(std::size_t) {
    if (depth_ == 0) return wrong_value("an array");
    if (in_array_) return wrong_value("an array");
    std::string_view key = view(members_.back().key);
    if (key != "alias" && key != "src") {
      return fail(fmt::format("value of '{}' is an array; only alias and src take arrays", key),
                  fmt::format("write \"{}\" as one string", key));
    }
    in_array_ = true;
    separator_ = key == "alias" ? '|' : ' ';
    members_.back().value = {static_cast<std::uint32_t>(text_.size()), 0};
    return true;
  }

  bool end_array() {
    in_array_ = false;
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& e) {
    syntax_error_ = true;
    error_position_ = position;
    error_token_ = last_token;
    parser_message_ = e.what();
    return false;
  }

 private:
  Slice append(std::string_view s) {
    Slice slice{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(s.size())};
    text_ += s;
    return slice;
  }

  bool fail(std::string message, std::string hint = {}) {
    error_.message = std::move(message);
    error_.hint = std::move(hint);
    return false;
  }

  // A value that is not a string: name the key it belongs to.
  bool wrong_value(std::string_view what) {
    if (depth_ == 0) {
      return fail(fmt::format("a line holds one JSON object, not {}", what),
                  R"(write {"id":"…", …} for an entity, {"from":"…","to":"…", …} for a relation)");
    }
    std::string_view key = view(members_.back().key);
    if (in_array_) {
      return fail(fmt::format("'{}' holds {}; its items must be strings", key, what));
    }
    return fail(fmt::format("value of '{}' is {}; values are strings", key, what),
                fmt::format("quote it: \"{}\":\"…\" (dates too: \"start\":\"2013\")", key));
  }

  bool check_string(std::string_view s, std::string_view what) {
    if (s.size() > max_token_bytes_) {
      std::string_view key = what == "key" ? std::string_view() : view(members_.back().key);
      return fail(
          fmt::format("a string of {} bytes{} is over the limit of {} bytes", s.size(),
                      key.empty() ? std::string() : fmt::format(" in '{}'", key), max_token_bytes_),
          std::string(kTokenLimitHint));
    }
    if (!check_controls_) return true;
    if (s.find('\0') != std::string_view::npos) {
      return fail(what == "key" ? std::string("NUL character in a key")
                                : fmt::format("NUL character in the value of '{}'",
                                              view(members_.back().key)),
                  "graph files are text");
    }
    // Other control characters (ESC above all) would reach terminals through diagnostics and
    // tables; only the white space characters are text, as in DOT files.
    const auto control = std::find_if(s.begin(), s.end(), orgraph::text::is_control_character);
    if (control != s.end()) {
      const auto byte = static_cast<unsigned char>(*control);
      return fail(what == "key" ? fmt::format("control character 0x{:02X} in a key", byte)
                                : fmt::format("control character 0x{:02X} in the value of '{}'",
                                              byte, view(members_.back().key)),
                  "graph files are text: tabs and line breaks are the only control characters "
                  "allowed");
    }
    return true;
  }

  std::size_t max_token_bytes_;
  std::string text_;
  std::vector<Member> members_;
  std::size_t line_text_ = 0, line_members_ = 0;  // where the current line's part begins
  int depth_ = 0;
  bool in_array_ = false;
  bool check_controls_ = false;
  char separator_ = ' ';
  bool syntax_error_ = false;
  std::size_t error_position_ = 0;
  std::string error_token_;
  std::string parser_message_;
  LineError error_;
};

// The column (1-based, in characters) of byte `offset` of a UTF-8 line.
std::size_t column_of(std::string_view line, std::size_t offset) {
  offset = std::min(offset, line.size());
  return 1 + static_cast<std::size_t>(std::count_if(
                 line.begin(), line.begin() + static_cast<std::ptrdiff_t>(offset),
                 [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// At most the last `keep` characters of `s`, "…" marking a cut.
std::string tail_of(std::string_view s, std::size_t keep) {
  std::size_t chars = 0;
  std::size_t i = s.size();
  while (i > 0) {
    if ((static_cast<unsigned char>(s[i - 1]) & 0xC0) != 0x80 && ++chars > keep) break;
    --i;
  }
  return i == 0 ? std::string(s) : "…" + std::string(s.substr(i));
}

// nlohmann's message "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
// error while parsing object separator - invalid literal; last read: '"a"x'; expected ':'"
// without its prefix and position (ours is the file's), the token cut short.
std::string describe_syntax_error(std::string_view message, std::string_view token) {
  constexpr std::string_view kLastRead = "; last read: '";
  if (std::size_t p = message.find(": syntax error"); p != std::string_view::npos) {
    message.remove_prefix(p + 2);
  }
  std::size_t read = message.find(kLastRead);
  if (read == std::string_view::npos) return std::string(message);
  std::string out(message.substr(0, read));
  std::string_view rest = message.substr(read + kLastRead.size());
  std::string_view expected;
  if (std::size_t q = rest.rfind("'; expected "); q != std::string_view::npos) {
    expected = rest.substr(q + 1);
  }
  out += fmt::format("; last read: '{}'{}", tail_of(token, 24), expected);
  return out;
}

// True for nlohmann's "unexpected string literal" (or number, true, false, null literal).
bool unexpected_literal(std::string_view message) {
  const std::size_t p = message.find(" - unexpected ");
  if (p == std::string_view::npos) return false;
  const std::size_t end = message.find(';', p);
  return message.substr(0, end).ends_with(" literal");
}

// What one line says: an entity or a relation (its members in the batch; id, from and to among
// them, kNone when absent), or the error that keeps it out.
struct LineRecord {
  static constexpr std::uint32_t kNone = UINT32_MAX;
  enum class Kind : std::uint8_t { entity, relation, error };
  Kind kind = Kind::error;
  std::uint32_t line = 0;
  std::uint32_t first_member = 0, member_count = 0;
  std::uint32_t id = kNone, from = kNone, to = kNone;  // member indexes
  std::uint32_t error = 0;                             // index into Batch::errors
};

struct RecordError {
  std::uint32_t line = 0;
  std::string message, subject, hint;
  std::string rejected_id;  // the id of a refused entity line, when it was read before the error
};

// The lines read from one stretch of the file, with their keys and values in one buffer.
struct Batch {
  std::string text;
  std::vector<Member> members;
  std::vector<std::uint32_t> hashes;  // by member: its value's StringPool hash
  std::vector<LineRecord> lines;
  std::vector<RecordError> errors;
  std::size_t objects = 0;  // lines that are not blank or comments
  std::string_view view(Slice s) const { return {text.data() + s.begin, s.size}; }
};

// Reads the file's lines into batches: the parsing half of read_jsonl, which touches no builder,
// so that it can run in a thread of its own.
class LineReader {
 public:
  static constexpr std::size_t kBatchLines = 8192;

  LineReader(std::string_view text, std::size_t max_token_bytes)
      : text_(text), handler_(max_token_bytes) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);  // a UTF-8 byte order mark
  }

  // Reads the next lines into `batch` (emptied first); false when the file is done.
  bool next(Batch& batch) {
    batch.lines.clear();
    batch.errors.clear();
    batch.objects = 0;
    while (pos_ < text_.size() && batch.lines.size() < kBatchLines) read_line(batch);
    handler_.take(batch.text, batch.members);
    batch.hashes = std::exchange(hashes_, {});
    return !batch.lines.empty() || batch.objects > 0 || pos_ < text_.size();
  }

 private:
  void read_line(Batch& batch) {
    ++line_number_;
    const void* newline = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
    const std::size_t end =
        newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text_.data())
                : text_.size();
    const std::string_view line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#' ||
        line.substr(first).starts_with("//")) {
      return;
    }
    ++batch.objects;
    auto fail = [&](std::string message, std::string subject = {}, std::string hint = {}) {
      LineRecord r;
      r.line = line_number_;
      r.error = static_cast<std::uint32_t>(batch.errors.size());
      batch.errors.push_back(
          {line_number_, std::move(message), std::move(subject), std::move(hint)});
      batch.lines.push_back(r);
    };

    handler_.reset(false);
    bool parsed = handler_.scan_simple(line);
    if (!parsed) {
      handler_.reset(true);
      parsed = Json::sax_parse(line.data(), line.data() + line.size(), &handler_,
                               nlohmann::detail::input_format_t::json, true, false);
    }
    if (!parsed) {
      std::size_t bad = 0;
      if (handler_.syntax_error() && !names::is_valid_utf8(line, &bad)) {
        fail(fmt::format("invalid UTF-8 (byte 0x{:02X} at column {})",
                         static_cast<unsigned char>(line[bad]), column_of(line, bad)),
             {}, "save the file as UTF-8");
      } else if (handler_.syntax_error()) {
        // nlohmann's position (1-based) is the last byte it read: the bad byte of a token it
        // could not read, or the end of a token it did not expect; point at the start of an
        // unexpected string, number or literal (its text is the token).
        const std::string& token = handler_.error_token();
        std::size_t at = handler_.error_position() > 0 ? handler_.error_position() - 1 : 0;
        if (unexpected_literal(handler_.parser_message()) && at + 1 >= token.size()) {
          at = at + 1 - token.size();
        }
        fail(fmt::format("malformed JSON at column {}: {}", column_of(line, at),
                         describe_syntax_error(handler_.parser_message(), handler_.error_token())),
             {}, R"(one JSON object per line: {"id":"…", …} or {"from":"…","to":"…", …})");
      } else {
        fail(std::move(handler_.error().message), {}, std::move(handler_.error().hint));
        // An entity line refused for a value after its id: what refers to the id is not
        // reported again as undeclared.
        for (const Member& m : handler_.members()) {
          if (handler_.view(m.key) == "id" && m.value.size > 0) {
            batch.errors.back().rejected_id = handler_.view(m.value);
          }
        }
      }
      return;
    }

    const std::span<const Member> members = handler_.members();
    const auto base = static_cast<std::uint32_t>(handler_.line_members());
    LineRecord r;
    r.line = line_number_;
    r.first_member = base;
    r.member_count = static_cast<std::uint32_t>(members.size());
    for (std::uint32_t i = 0; i < members.size(); ++i) {
      const std::string_view key = handler_.view(members[i].key);
      if (key == "id") {
        r.id = base + i;
      } else if (key == "from") {
        r.from = base + i;
      } else if (key == "to") {
        r.to = base + i;
      }
    }
    auto value = [&](std::uint32_t m) { return handler_.view(members[m - base].value); };
    constexpr std::string_view kShapes =
        R"(an entity is {"id":"…", …}, a relation {"from":"…","to":"…", …})";
    const bool has_id = r.id != LineRecord::kNone;
    const bool has_from = r.from != LineRecord::kNone, has_to = r.to != LineRecord::kNone;
    if (has_id && (has_from || has_to)) {
      fail(R"(a line has either "id" (an entity) or "from" and "to" (a relation))",
           std::string(value(r.id)), std::string(kShapes));
    } else if (has_id) {
      if (value(r.id).empty()) {
        fail(R"("id" is empty)", {}, "ids are ASCII slugs such as snc, wadi");
      } else {
        r.kind = LineRecord::Kind::entity;
      }
    } else if (has_from || has_to) {
      if (!has_from || !has_to || value(r.from).empty() || value(r.to).empty()) {
        const bool no_from = !has_from || value(r.from).empty();
        fail(fmt::format(R"(relation has no "{}")", no_from ? "from" : "to"),
             fmt::format("{} -> {}", has_from ? value(r.from) : "?", has_to ? value(r.to) : "?"),
             std::string(kShapes));
      } else {
        r.kind = LineRecord::Kind::relation;
      }
    } else {
      fail(R"(line has neither "id" (an entity) nor "from" and "to" (a relation))", {},
           std::string(kShapes));
    }
    if (r.kind == LineRecord::Kind::error) return;
    batch.lines.push_back(r);
    for (const Member& m : members) {
      hashes_.push_back(detail::StringPool::hash_of(handler_.view(m.value)));
    }
    handler_.keep_line();
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_number_ = 0;
  LineHandler handler_;
  std::vector<std::uint32_t> hashes_;  // of the kept lines' values
};

void report(GraphBuilder& builder, std::string_view name, std::uint32_t line, std::string message,
            std::string subject = {}, std::string hint = {}) {
  Diagnostic d;
  d.severity = Severity::error;
  d.where = {std::string(name), line};
  d.message = std::move(message);
  d.subject = std::move(subject);
  d.hint = std::move(hint);
  builder.add_diagnostic(std::move(d));
}

// Hands the lines of a batch to the builder, in order: the half of read_jsonl that interns and
// validates, which the builder allows in one thread only.
void feed(const Batch& batch, std::string_view name, std::uint32_t file, GraphBuilder& builder,
          std::vector<Attribute>& attributes, std::vector<std::uint32_t>& hashes) {
  // Interning waits on memory: the lookup slot of a string is a cache miss in a large graph.
  // The slots of the strings a few lines ahead are requested while this line is fed.
  constexpr std::size_t kAhead = 8;
  const detail::StringPool& strings = detail::state(builder).strings;
  for (std::size_t i = 0; i < batch.lines.size(); ++i) {
    if (i + kAhead < batch.lines.size()) {
      const LineRecord& ahead = batch.lines[i + kAhead];
      if (ahead.kind != LineRecord::Kind::error) {
        for (std::uint32_t m = ahead.first_member; m < ahead.first_member + ahead.member_count;
             ++m) {
          strings.prefetch(batch.hashes[m]);
        }
      }
    }
    const LineRecord& r = batch.lines[i];
    if (r.kind == LineRecord::Kind::error) {
      const RecordError& e = batch.errors[r.error];
      report(builder, name, e.line, e.message, e.subject, e.hint);
      if (!e.rejected_id.empty())
        detail::state(builder).reject_entity(e.rejected_id, {file, e.line});
      continue;
    }
    attributes.clear();
    hashes.clear();
    for (std::uint32_t m = r.first_member; m < r.first_member + r.member_count; ++m) {
      if (m == r.id || m == r.from || m == r.to) continue;
      attributes.push_back({batch.view(batch.members[m].key), batch.view(batch.members[m].value)});
      hashes.push_back(batch.hashes[m]);
    }
    const FileLine where{file, r.line};
    if (r.kind == LineRecord::Kind::entity) {
      const detail::TextHashes known{.first = batch.hashes[r.id], .attributes = hashes};
      detail::add_entity(builder, batch.view(batch.members[r.id].value), attributes, where, &known);
    } else {
      const detail::TextHashes known{
          .first = batch.hashes[r.from], .to = batch.hashes[r.to], .attributes = hashes};
      detail::add_relation(builder, batch.view(batch.members[r.from].value),
                           batch.view(batch.members[r.to].value), attributes, where, &known);
    }
  }
}

// Files from this size on are read in two threads (below it a thread costs more than it saves).
constexpr std::size_t kThreadedBytes = std::size_t{4} << 20;

// Batches passed from the reading thread to the feeding one: at most kDepth in flight.
class BatchQueue {
 public:
  static constexpr std::size_t kDepth = 4;

  // Waits for room; false when the consumer has stopped (then the batch is dropped).
  bool push(Batch batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return queue_.size() < kDepth || stopped_; });
    if (stopped_) return false;
    queue_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  // The consumer gives up (it failed): the reader stops at its next push.
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_one();
  }
  void finish(std::exception_ptr failure = nullptr) {
    std::lock_guard lock(mutex_);
    done_ = true;
    failure_ = failure;
    ready_.notify_one();
  }
  // The next batch, or nullopt once the reader has finished and all were taken.
  std::optional<Batch> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty() || done_; });
    if (queue_.empty()) {
      if (failure_) std::rethrow_exception(failure_);
      return std::nullopt;
    }
    Batch b = std::move(queue_.front());
    queue_.pop_front();
    room_.notify_one();
    return b;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Batch> queue_;
  bool done_ = false, stopped_ = false;
  std::exception_ptr failure_;
};

}  // namespace

void read_jsonl(std::string_view text, std::string_view name, GraphBuilder& builder,
                const JsonlLimits& limits) {
  const std::uint32_t file = builder.add_file(name);
  LineReader reader(text, limits.max_token_bytes);
  std::vector<Attribute> attributes;
  std::vector<std::uint32_t> hashes;
  std::size_t objects = 0;
  if (text.size() < kThreadedBytes || std::thread::hardware_concurrency() < 2) {
    Batch batch;
    while (reader.next(batch)) {
      objects += batch.objects;
      feed(batch, name, file, builder, attributes, hashes);
    }
  } else {
    // Reading and feeding overlap: parsing runs in a second thread a few batches ahead.
    BatchQueue queue;
    std::thread parser([&] {
      try {
        Batch batch;
        while (reader.next(batch)) {
          if (!queue.push(std::exchange(batch, Batch{}))) return;
        }
        queue.finish();
      } catch (...) {
        queue.finish(std::current_exception());
      }
    });
    try {
      while (std::optional<Batch> batch = queue.pop()) {
        objects += batch->objects;
        feed(*batch, name, file, builder, attributes, hashes);
      }
    } catch (...) {
      queue.stop();
      parser.join();
      throw;
    }
    parser.join();
  }
  if (objects == 0) {
    report(
        builder, name, 0, "no entities or relations in file", {},
        R"(a JSON lines graph holds one object per line: {"id":"…", …} or {"from":"…","to":"…", …})");
  }
}

}  // namespace orgraph::io
