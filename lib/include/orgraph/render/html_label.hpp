#pragma once

// The Graphviz HTML-like label text orgraph writes for its labels. Every text from data is
// escaped (escape_html); the markup around it is fixed, so no input can add an <IMG>, a link or
// any other element.

#include <string>
#include <string_view>

#include "orgraph/render/render_graph.hpp"

namespace orgraph::render {

// `text` escaped for a Graphviz HTML-like label or attribute: & < > " ' become entities, control
// characters other than tab become spaces. Time: O(n).
std::string escape_html(std::string_view text);

// A label's lines joined by <BR/>, each in a <FONT> naming its face (Noto Naskh Arabic for a
// line with Arabic letters, Noto Sans otherwise), size and colour; empty lines dropped.
// Time: O(text).
std::string label_html(const Label& label);

// The same lines in a one-cell table on a white ground, so that an edge's own line does not run
// through its label. Time: O(text).
std::string edge_label_html(const Label& label);

// A <TABLE> with one bordered cell per TableCell, header cells as given. Time: O(text).
std::string table_html(const Table& table);

// The graph label: the title lines, then the legend (samples of edge and node styles, a few a
// row, then the notes on one line). Time: O(text).
std::string title_html(const RenderGraph& graph);

}  // namespace orgraph::render
