#pragma once

// Reads graphs written as JSON lines (one entity or relation per line, graphs/README.md "Bulk
// format: JSON lines"): the bulk counterpart of DOT, with the same attribute conventions.

#include <cstddef>
#include <string_view>

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/limits.hpp"

namespace orgraph::io {

using JsonlLimits = ReadLimits;  // max_token_bytes applies (orgraph/io/limits.hpp)

// Parses JSON lines `text` (the content of file `name`) and feeds every line to `builder`:
// `{"id":…}` is an entity, `{"from":…,"to":…}` a relation; every other key is an attribute
// passed on as is (values are strings; `alias` and `src` may be arrays of strings, joined with
// "|" and " "). Blank lines and lines whose first non-blank characters are `//` or `#` are
// skipped. Every problem (malformed JSON with its column and what was expected, a value that is
// not a string, a duplicate key, a missing id/from/to, invalid UTF-8) becomes an error
// diagnostic with the file name and 1-based line, and reading goes on with the next line, so
// one pass reports every bad line. A text without any entity or relation is an error.
// Streaming: no JSON document is built (nlohmann's SAX parser, one line at a time).
// Thread-safe for distinct builders. Time: O(n) in the text length.
void read_jsonl(std::string_view text, std::string_view name, GraphBuilder& builder,
                const JsonlLimits& limits = {});

}  // namespace orgraph::io
