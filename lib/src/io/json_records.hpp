#pragma once

// Parsing a JSON document while remembering where its records start (private to the library):
// nlohmann's DOM keeps no positions, so the parser reads through an iterator that counts what it
// has consumed, and a parse callback notes the line of every object that starts inside an array
// under the top-level object ("/memberships/12" starts on line 4031).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgraph/io/limits.hpp"

namespace orgraph::io::detail {

struct JsonRecordPositions {
  // By top-level key: the 1-based line on which each object of that array starts.
  std::map<std::string, std::vector<std::uint32_t>, std::less<>> lines;
  // Records holding a key twice (nlohmann keeps the last value): "/entities/3" -> the key.
  std::vector<std::pair<std::string, std::string>> duplicate_keys;
  std::vector<std::uint32_t> duplicate_lines;

  // The line of record `index` of array `key`, or 0 when unknown. Time: O(log keys).
  std::uint32_t line_of(std::string_view key, std::size_t index) const;
};

// Why a document could not be read, and where: a syntax error (nlohmann's reason without its
// own prefix and position), a byte that is not text, or a string or nesting over a limit.
struct JsonSyntaxError {
  enum class Kind { syntax, bytes, limit };
  Kind kind = Kind::syntax;
  std::uint32_t line = 0;
  std::size_t column = 0;  // in characters
  std::string message;
  std::string hint;  // set for bytes and limits
  // "malformed JSON at column C: reason"; "invalid UTF-8 (byte 0xC0 at column C)" or "NUL byte
  // at column C" for bytes; "a string of … bytes … (column C)" for a limit.
  std::string text() const;
};

// Parses `text`, refusing invalid UTF-8 and NUL bytes (as the DOT reader does, before
// parsing), strings longer than limits.max_token_bytes and arrays or objects nested deeper than
// limits.max_nesting (the document itself is depth 0); on an error returns false and fills
// `error`. Time: O(n).
bool parse_json_with_positions(std::string_view text, nlohmann::ordered_json& document,
                               JsonRecordPositions& positions, JsonSyntaxError& error,
                               const ReadLimits& limits = {});

}  // namespace orgraph::io::detail
