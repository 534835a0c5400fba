#include "json_records.hpp"

#include <algorithm>
#include <functional>
#include <iterator>

#include <fmt/format.h>

#include "orgraph/names.hpp"

namespace orgraph::io::detail {
namespace {

// A pointer into the text that tells `furthest` how far nlohmann's lexer has read.
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char** furthest = nullptr;

  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    ++at;
    if (at > *furthest) *furthest = at;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const CountingIterator& a, const CountingIterator& b) {
    return a.at == b.at;
  }
};

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error
// while parsing value - invalid literal; last read: 'x'" without its prefix and position.
std::string reason_of(std::string_view what) {
  if (std::size_t p = what.find(": syntax error"); p != std::string_view::npos) {
    what.remove_prefix(p + 2);
  } else if (std::size_t q = what.find("] "); q != std::string_view::npos) {
    what.remove_prefix(q + 2);
  }
  return std::string(what);
}

// Sets `error` to the line and column (in characters) of byte `offset` of `text`.
void locate_error(std::string_view text, std::size_t offset, std::string message,
                  JsonSyntaxError& error) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  error.line = 1 + static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n'));
  error.column = 1 + static_cast<std::size_t>(std::count_if(
                         before.begin() + static_cast<std::ptrdiff_t>(line_start), before.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  error.message = std::move(message);
}

// Thrown from the parse callback to stop at a string or nesting over a limit.
struct OverLimit {
  std::string message;
  std::string hint;
};

}  // namespace

std::string JsonSyntaxError::text() const {
  switch (kind) {
    case Kind::syntax:
      return fmt::format("malformed JSON at column {}: {}", column, message);
    case Kind::bytes:
      return message;
    case Kind::limit:
      break;
  }
  return fmt::format("{} (column {})", message, column);
}

std::uint32_t JsonRecordPositions::line_of(std::string_view key, std::size_t index) const {
  auto it = lines.find(key);
  if (it == lines.end() || index >= it->second.size()) return 0;
  return it->second[index];
}

bool parse_json_with_positions(std::string_view text, nlohmann::ordered_json& document,
                               JsonRecordPositions& positions, JsonSyntaxError& error,
                               const ReadLimits& limits) {
  // nlohmann would report invalid UTF-8 quoting the bytes themselves, and a raw NUL as a
  // control character or an invalid literal: name the byte and its column instead.
  std::size_t bad = 0;
  const bool valid = names::is_valid_utf8(text, &bad);
  const std::size_t nul = text.find('\0');
  if (!valid || nul != std::string_view::npos) {
    const bool is_nul = nul != std::string_view::npos && (valid || nul < bad);
    const std::size_t at = is_nul ? nul : bad;
    locate_error(text, at, {}, error);
    error.kind = JsonSyntaxError::Kind::bytes;
    if (is_nul) {
      error.message = fmt::format("NUL byte at column {}", error.column);
      error.hint = "JSON files are text";
    } else {
      error.message = fmt::format("invalid UTF-8 (byte 0x{:02X} at column {})",
                                  static_cast<unsigned char>(text[at]), error.column);
      error.hint = "save the file as UTF-8";
    }
    return false;
  }
  const char* begin = text.data();
  const char* furthest = begin;
  const char* counted = begin;  // newlines before this pointer are in `line`
  std::uint32_t line = 1;
  auto line_now = [&] {
    line += static_cast<std::uint32_t>(std::count(counted, furthest, '\n'));
    counted = furthest;
    return line;
  };
  // A SAX handler in front of nlohmann's DOM builder: it checks the limits, and notes each
  // record's line and repeated keys, as the document is read. (Not nlohmann's parse callback:
  // in 3.11 that rescans a container's elements at the end of each object, quadratic in an
  // array of records.)
  using Json = nlohmann::ordered_json;
  class Handler {
   public:
    Handler(Json& document, JsonRecordPositions& positions, const ReadLimits& limits,
            const std::function<std::uint32_t()>& line_now)
        : dom_(document), positions_(positions), limits_(limits), line_now_(line_now) {}
    bool null() { return dom_.null(); }
    bool boolean(bool v) { return dom_.boolean(v); }
    bool number_integer(Json::number_integer_t v) { return dom_.number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return dom_.number_unsigned(v); }
    bool number_float(Json::number_float_t v, const std::string& s) {
      return dom_.number_float(v, s);
    }
    bool string(std::string& v) {
      check_length(v);
      return dom_.string(v);
    }
    bool binary(Json::binary_t& v) { return dom_.binary(v); }
    bool start_object(std::size_t n) {
      open();
      if (depth_ == 2) {
        positions_.lines[array_].push_back(line_now_());
        record_keys_.clear();
      }
      ++depth_;
      return dom_.start_object(n);
    }
    bool key(std::string& k) {
      check_length(k);
      if (depth_ == 1) {
        array_ = k;
      } else if (depth_ == 3) {
        if (std::find(record_keys_.begin(), record_keys_.end(), k) != record_keys_.end()) {
          const std::size_t index = positions_.lines[array_].size() - 1;
          positions_.duplicate_keys.emplace_back(fmt::format("/{}/{}", array_, index), k);
          positions_.duplicate_lines.push_back(line_now_());
        } else {
          record_keys_.push_back(k);
        }
      }
      return dom_.key(k);
    }
    bool end_object() {
      --depth_;
      return dom_.end_object();
    }
    bool start_array(std::size_t n) {
      open();
      ++depth_;
      return dom_.start_array(n);
    }
    bool end_array() {
      --depth_;
      return dom_.end_array();
    }
    bool parse_error(std::size_t position, const std::string& token,
                     const nlohmann::detail::exception& e) {
      return dom_.parse_error(position, token, e);
    }

   private:
    void open() const {
      if (depth_ > limits_.max_nesting) {
        throw OverLimit{fmt::format("arrays and objects nested {} deep are over the limit of {}",
                                    depth_, limits_.max_nesting),
                        std::string(kNestingLimitHint)};
      }
    }
    void check_length(const std::string& v) const {
      if (v.size() > limits_.max_token_bytes) {
        throw OverLimit{fmt::format("a string of {} bytes is over the limit of {} bytes", v.size(),
                                    limits_.max_token_bytes),
                        std::string(kTokenLimitHint)};
      }
    }
    nlohmann::detail::json_sax_dom_parser<Json> dom_;
    JsonRecordPositions& positions_;
    const ReadLimits& limits_;
    const std::function<std::uint32_t()>& line_now_;
    std::size_t depth_ = 0;  // containers open
    std::string array_;      // the top-level key whose array is being read
    std::vector<std::string> record_keys_;
  };
  const std::function<std::uint32_t()> lines = line_now;
  try {
    Handler handler(document, positions, limits, lines);
    Json::sax_parse(CountingIterator{begin, &furthest},
                    CountingIterator{begin + text.size(), &furthest}, &handler);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    // e.byte is 1-based: the last byte read.
    locate_error(text, e.byte > 0 ? e.byte - 1 : 0, reason_of(e.what()), error);
    return false;
  } catch (const OverLimit& e) {
    const auto read = static_cast<std::size_t>(furthest - begin);
    locate_error(text, read > 0 ? read - 1 : 0, e.message, error);
    error.kind = JsonSyntaxError::Kind::limit;
    error.hint = e.hint;
    return false;
  } catch (const nlohmann::ordered_json::exception& e) {
    // A value the parser read but cannot hold (a number overflowing a double): it ends at the
    // furthest byte read.
    const auto read = static_cast<std::size_t>(furthest - begin);
    locate_error(text, read > 0 ? read - 1 : 0, reason_of(e.what()), error);
    return false;
  }
  return true;
}

}  // namespace orgraph::io::detail
