#pragma once

// The limits every reader applies to its input, so that a hostile or broken file is refused
// with an error naming the limit instead of exhausting time, memory or the stack.

#include <cstddef>
#include <string_view>

namespace orgraph::io {

struct ReadLimits {
  // The longest token accepted: a DOT quoted string, HTML string, name or comment line; a JSON
  // string (key or value, after unescaping) in JSON lines, the lossless JSON and Popolo; a CSV
  // field. cgraph's lexer takes time quadratic in a token's length (256 KiB: 0.03 s, 1 MiB:
  // 0.5 s, 10 MiB: minutes), so DOT needs it; the other formats keep the same limit so that a
  // graph loads in every format or in none (an export never writes what cannot be read back).
  std::size_t max_token_bytes = std::size_t{256} << 10;
  // The deepest nesting accepted: DOT subgraphs (`{ … }` inside the graph's braces), whose
  // parser stack and recursive handling grow with it; JSON arrays and objects (a record inside
  // the document is 2 deep, its alias array 3).
  std::size_t max_nesting = 100;
};

// The hints of the errors about each limit: how to raise it on the command line and in the
// library.
inline constexpr std::string_view kTokenLimitHint =
    "raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read it";
inline constexpr std::string_view kNestingLimitHint =
    "raise the limit (orgraph --max-nesting, LoadOptions::max_nesting) to read it";

}  // namespace orgraph::io
