#pragma once

// Writes a graph as canonical DOT: the form `orgraph export --to dot` gives, which reads back
// (io::read_dot, orgraph::load) as the same graph.

#include <ostream>

#include "orgraph/graph.hpp"

namespace orgraph::io {

// Writes `graph` as one `digraph NAME { … }` following the DOT conventions of graphs/README.md:
// sources, then the other entities (each in id order, one node statement per line), then the
// relations in id order, every attribute with its value as written (dates as their EDTF text,
// alias joined with "|", src with " "). Names and values that are not plain DOT identifiers
// are quoted. Deterministic. Throws io::write_error for a value DOT cannot carry: a backslash
// right before a quote, a line break or the end of the value, when the value also has
// unbalanced '<' '>' (otherwise such a value is written as an HTML-like string, which cgraph
// keeps verbatim). Time: O(V + E).
void write_dot(const TemporalGraph& graph, std::ostream& out);

// The DOT form of one identifier or value: bare when it is an ASCII DOT identifier (letters,
// digits, underscores, not starting with a digit) and not a keyword, else quoted.
// Time: O(n).
std::string dot_quote(std::string_view text);

}  // namespace orgraph::io
