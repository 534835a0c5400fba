#pragma once

// Reads graphs written in Graphviz DOT with orgraph's attribute conventions (DESIGN §2),
// through Graphviz's own parser (cgraph), into a GraphBuilder.

#include <cstdint>
#include <string_view>

#include "orgraph/graph_builder.hpp"

namespace orgraph::io {

struct DotLimits {
  // The longest token (quoted string, HTML string, name, comment line) accepted. cgraph's
  // lexer takes time quadratic in a token's length (256 KiB: 0.03 s, 1 MiB: 0.5 s, 10 MiB:
  // minutes), so longer ones are refused before parsing, with the limit named in the error.
  std::size_t max_token_bytes = std::size_t{256} << 10;
  // The deepest nesting of subgraphs (`{ … }` inside the graph's braces) accepted. cgraph's
  // parser stack and its recursive subgraph handling grow with it; deeper files are refused
  // before parsing, with the limit named in the error.
  std::size_t max_nesting = 100;
};

// Parses DOT `text` (the content of file `name`) and feeds every node and edge to `builder`
// with the line it was written on. Syntax errors, invalid UTF-8, NUL bytes and other control
// characters (all but tab, line breaks, \v and \f), over-long tokens and too deeply nested
// subgraphs (DotLimits) become error diagnostics in the builder (nothing of a file with a syntax
// error is used). Several graphs in one text are read one after the other. cgraph is closed before
// this returns. Thread-safe (cgraph's parser is global, so concurrent calls take turns). Time: O(n)
// in the text length.
void read_dot(std::string_view text, std::string_view name, GraphBuilder& builder,
              const DotLimits& limits = {});

}  // namespace orgraph::io
