#pragma once

// GEXF 1.3 export (gexf.net) with the graph's history as spells, for Gephi's timeline.

#include <ostream>

#include "orgraph/graph.hpp"
#include "orgraph/io/network_options.hpp"

namespace orgraph::io {

// Writes the graph (or the snapshot options.at) as a dynamic GEXF 1.3 graph: `mode="dynamic"`,
// `timeformat="date"`, `timerepresentation="interval"`. Nodes are the entities except sources,
// labelled with their name; edges are the relations, `type="undirected"` for symmetric ones,
// `kind` and `label` the relation kind. Static attributes (declared in <attributes>) carry the
// same values as GraphML's; the dynamic attribute `certainty` says when a node or edge is
// "certain" and when only "possible".
// Time. Each node has one spell, its lifespan, and each edge one, its span clipped to its
// endpoints' lifespans (TemporalGraph::lifespan, ::span), from the first possible day to the
// last: orgraph's half-open day interval [from, until) becomes GEXF's closed interval
// start=from, end=until - 1 day; an open side is left out (unbounded), and an element open on
// both sides has no spells (it is there at all times). A relation that is never
// possible (it lies outside an endpoint's lifespan) has no place on a timeline and is left out.
// Deterministic. Time: O(V + E), plus the snapshot query.
void write_gexf(const TemporalGraph& graph, std::ostream& out,
                const NetworkExportOptions& options = {});

}  // namespace orgraph::io
