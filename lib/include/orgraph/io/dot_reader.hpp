#pragma once

// Reads graphs written in Graphviz DOT with orgraph's attribute conventions (DESIGN §2),
// through Graphviz's own parser (cgraph), into a GraphBuilder.

#include <cstdint>
#include <string_view>

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/limits.hpp"

namespace orgraph::io {

using DotLimits = ReadLimits;  // max_token_bytes and max_nesting (orgraph/io/limits.hpp)

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
