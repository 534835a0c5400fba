#include "json_records.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

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
  if (hint.empty()) return fmt::format("malformed JSON at column {}: {}", column, message);
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
  const char* begin = text.data();
  const char* furthest = begin;
  const char* counted = begin;  // newlines before this pointer are in `line`
  std::uint32_t line = 1;
  auto line_now = [&] {
    line += static_cast<std::uint32_t>(std::count(counted, furthest, '\n'));
    counted = furthest;
    return line;
  };
  std::string array;  // the top-level key whose array is being read
  std::vector<std::string> record_keys;
  auto callback = [&](int depth, nlohmann::ordered_json::parse_event_t event,
                      nlohmann::ordered_json& parsed) {
    using Event = nlohmann::ordered_json::parse_event_t;
    if ((event == Event::object_start || event == Event::array_start) &&
        static_cast<std::size_t>(depth) > limits.max_nesting) {
      throw OverLimit{fmt::format("arrays and objects nested {} deep are over the limit of {}",
                                  depth, limits.max_nesting),
                      std::string(kNestingLimitHint)};
    }
    if ((event == Event::key || event == Event::value) && parsed.is_string() &&
        parsed.get_ref<const std::string&>().size() > limits.max_token_bytes) {
      throw OverLimit{
          fmt::format("a string of {} bytes is over the limit of {} bytes",
                      parsed.get_ref<const std::string&>().size(), limits.max_token_bytes),
          std::string(kTokenLimitHint)};
    }
    if (event == Event::key && depth == 1) {
      array = parsed.get<std::string>();
    } else if (event == Event::object_start && depth == 2) {
      positions.lines[array].push_back(line_now());
      record_keys.clear();
    } else if (event == Event::key && depth == 3) {
      std::string key = parsed.get<std::string>();
      if (std::find(record_keys.begin(), record_keys.end(), key) != record_keys.end()) {
        const std::size_t index = positions.lines[array].size() - 1;
        positions.duplicate_keys.emplace_back(fmt::format("/{}/{}", array, index), key);
        positions.duplicate_lines.push_back(line_now());
      } else {
        record_keys.push_back(std::move(key));
      }
    }
    return true;
  };
  try {
    document =
        nlohmann::ordered_json::parse(CountingIterator{begin, &furthest},
                                      CountingIterator{begin + text.size(), &furthest}, callback);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    // e.byte is 1-based: the last byte read.
    locate_error(text, e.byte > 0 ? e.byte - 1 : 0, reason_of(e.what()), error);
    return false;
  } catch (const OverLimit& e) {
    const auto read = static_cast<std::size_t>(furthest - begin);
    locate_error(text, read > 0 ? read - 1 : 0, e.message, error);
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
