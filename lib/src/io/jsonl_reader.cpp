#include "orgraph/io/jsonl_reader.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgraph/names.hpp"

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

  // Prepares for a new line; `check_controls` says whether strings may hold control characters
  // (through escapes such as \u001b or \b, or a raw DEL), which are then refused.
  void reset(bool check_controls) {
    check_controls_ = check_controls;
    text_.clear();
    members_.clear();
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
  const std::vector<Member>& members() const { return members_; }
  std::string_view view(Slice s) const { return {text_.data() + s.begin, s.size}; }

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
        for (const Member& m : members_) {
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
    for (const Member& m : members_) {
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
    const auto control = std::find_if(s.begin(), s.end(), [](char c) {
      const auto byte = static_cast<unsigned char>(c);
      return (byte < 0x20 && std::string_view("\t\n\v\f\r").find(c) == std::string_view::npos) ||
             byte == 0x7F;
    });
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

}  // namespace

void read_jsonl(std::string_view text, std::string_view name, GraphBuilder& builder,
                const JsonlLimits& limits) {
  const std::uint32_t file = builder.add_file(name);
  auto report = [&](std::uint32_t line, std::string message, std::string subject = {},
                    std::string hint = {}) {
    builder.add_diagnostic({Severity::error,
                            {std::string(name), line},
                            std::move(message),
                            std::move(subject),
                            std::move(hint)});
  };
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark

  LineHandler handler(limits.max_token_bytes);
  std::vector<Attribute> attributes;
  std::size_t objects = 0;
  std::uint32_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_number;
    const void* newline = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t end =
        newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text.data())
                : text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#' ||
        line.substr(first).starts_with("//")) {
      continue;
    }
    ++objects;

    handler.reset(false);
    bool parsed = handler.scan_simple(line);
    if (!parsed) {
      handler.reset(true);
      parsed = Json::sax_parse(line.data(), line.data() + line.size(), &handler,
                               nlohmann::detail::input_format_t::json, true, false);
    }
    if (!parsed) {
      std::size_t bad = 0;
      if (handler.syntax_error() && !names::is_valid_utf8(line, &bad)) {
        report(line_number,
               fmt::format("invalid UTF-8 (byte 0x{:02X} at column {})",
                           static_cast<unsigned char>(line[bad]), column_of(line, bad)),
               {}, "save the file as UTF-8");
      } else if (handler.syntax_error()) {
        // nlohmann's position (1-based) is the last byte it read: the bad byte of a token it
        // could not read, or the end of a token it did not expect; point at the start of an
        // unexpected string, number or literal (its text is the token).
        const std::string& token = handler.error_token();
        std::size_t at = handler.error_position() > 0 ? handler.error_position() - 1 : 0;
        if (unexpected_literal(handler.parser_message()) && at + 1 >= token.size()) {
          at = at + 1 - token.size();
        }
        report(line_number,
               fmt::format("malformed JSON at column {}: {}", column_of(line, at),
                           describe_syntax_error(handler.parser_message(), handler.error_token())),
               {}, R"(one JSON object per line: {"id":"…", …} or {"from":"…","to":"…", …})");
      } else {
        report(line_number, std::move(handler.error().message), {},
               std::move(handler.error().hint));
      }
      continue;
    }

    const Member* id = nullptr;
    const Member* from = nullptr;
    const Member* to = nullptr;
    attributes.clear();
    for (const Member& m : handler.members()) {
      std::string_view key = handler.view(m.key);
      if (key == "id") {
        id = &m;
      } else if (key == "from") {
        from = &m;
      } else if (key == "to") {
        to = &m;
      } else {
        attributes.push_back({key, handler.view(m.value)});
      }
    }
    const FileLine where{file, line_number};
    constexpr std::string_view kShapes =
        R"(an entity is {"id":"…", …}, a relation {"from":"…","to":"…", …})";
    if (id && (from || to)) {
      report(line_number, R"(a line has either "id" (an entity) or "from" and "to" (a relation))",
             std::string(handler.view(id->value)), std::string(kShapes));
    } else if (id) {
      if (id->value.size == 0) {
        report(line_number, R"("id" is empty)", {}, "ids are ASCII slugs such as snc, wadi");
      } else {
        builder.add_entity(handler.view(id->value), attributes, where);
      }
    } else if (from || to) {
      if (!from || !to || from->value.size == 0 || to->value.size == 0) {
        const bool no_from = !from || from->value.size == 0;
        report(line_number, fmt::format(R"(relation has no "{}")", no_from ? "from" : "to"),
               fmt::format("{} -> {}", from ? handler.view(from->value) : "?",
                           to ? handler.view(to->value) : "?"),
               std::string(kShapes));
      } else {
        builder.add_relation(handler.view(from->value), handler.view(to->value), attributes, where);
      }
    } else {
      report(line_number, R"(line has neither "id" (an entity) nor "from" and "to" (a relation))",
             {}, std::string(kShapes));
    }
  }
  if (objects == 0) {
    report(
        0, "no entities or relations in file", {},
        R"(a JSON lines graph holds one object per line: {"id":"…", …} or {"from":"…","to":"…", …})");
  }
}

}  // namespace orgraph::io
