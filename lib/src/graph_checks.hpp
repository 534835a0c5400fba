#pragma once

// Consistency warnings over a built graph (private to the library).

#include <vector>

#include "orgraph/diagnostic.hpp"
#include "orgraph/graph.hpp"

namespace orgraph::detail {

struct GraphStorage;

// Appends warnings for facts that are valid one by one but doubtful together: a relation
// outside an endpoint's lifespan, two holders of one role at overlapping certain times, a
// lineage event that runs backwards in time, and lineage cycles.
// Time: O((V + E) log E).
void check_consistency(const TemporalGraph& graph, const GraphStorage& storage,
                       std::vector<Diagnostic>& out);

}  // namespace orgraph::detail
