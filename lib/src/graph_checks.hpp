#pragma once

// Consistency warnings over a built graph (private to the library).

#include <vector>

#include "orgraph/diagnostic.hpp"
#include "orgraph/graph.hpp"

namespace orgraph::detail {

struct GraphStorage;

// Warnings for facts that are valid one by one but doubtful together. Both read the records,
// dates, texts and files of the storage and views of the graph, never its indexes (adjacency,
// interval trees, keys), so they may run while another thread builds those.

// Appends a warning for each relation that certainly lies (partly) outside the lifespan of an
// endpoint. Time: O(E).
void check_lifespans(const TemporalGraph& graph, const GraphStorage& storage,
                     std::vector<Diagnostic>& out);

// Appends warnings for two holders of one office (org and folded title) at overlapping certain
// times, for lineage events that run backwards in time, and for lineage cycles (strongly
// connected components, Tarjan 1972). Time: O(E log E).
void check_offices_and_lineage(const TemporalGraph& graph, const GraphStorage& storage,
                               std::vector<Diagnostic>& out);

}  // namespace orgraph::detail
