#pragma once

// GraphML export (graphml.graphdrawing.org), for networkx, igraph, yEd, Cytoscape and Gephi.

#include <ostream>

#include "orgraph/graph.hpp"
#include "orgraph/io/network_options.hpp"

namespace orgraph::io {

// Writes the graph (or the snapshot options.at) as one directed GraphML graph. Nodes are the
// entities except sources, with node id = the entity's id and string attributes kind, type,
// name, name_en, each further name_xx, alias (joined with "|"), start, end, date (EDTF text as
// written), sources (source ids joined with " ") and note; edges are the relations (id "r" +
// relation id) with rel, category, symmetric ("true" for allied_with), role, role_en, start,
// end, date, sources and note. A snapshot adds `certainty` ("certain" or "possible") to nodes
// and edges and the graph attribute `at`; the graph attribute `name` is the graph's name, and
// `title`, `note` and `lang` are written when the graph has them.
// Attributes without a value are left out of a node or edge. Text is escaped for XML 1.0
// (characters XML cannot carry become U+FFFD). Deterministic. Time: O(V + E), plus the
// snapshot query.
void write_graphml(const TemporalGraph& graph, std::ostream& out,
                   const NetworkExportOptions& options = {});

}  // namespace orgraph::io
