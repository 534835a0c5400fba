#pragma once

// GraphML export of a projection: exactly the graph a measure ran on, for other tools
// (networkx read_graphml, igraph, Gephi, yEd).

#include <ostream>

#include "orgraph/analysis/projection.hpp"

namespace orgraph::analysis {

// Writes `p` as GraphML 1.0 (http://graphml.graphdrawing.org/): one <node> per vertex with the
// entity's id as node id and data keys kind, name, name_en, type; one <edge> per projection edge
// with data key weight (a double); edgedefault directed or undirected as the projection is.
// Graph data keys: projection (its name), earliest, latest (the days it was taken over,
// YYYY-MM-DD or empty when open). Text is XML-escaped; characters XML 1.0 forbids are dropped.
// The caller checks `out` for write errors. Time: O(V + E).
void write_graphml(const Projection& p, std::ostream& out);

}  // namespace orgraph::analysis
