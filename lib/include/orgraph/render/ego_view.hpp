#pragma once

// The ego view: one entity and its neighbourhood, at a date or across all time.

#include <optional>

#include "orgraph/date.hpp"
#include "orgraph/graph.hpp"
#include "orgraph/render/render_graph.hpp"
#include "orgraph/render/view_options.hpp"

namespace orgraph::render {

// What ego_view draws: `center` and everything within `depth` relations, at `at` or over time.
struct EgoViewOptions {
  ViewOptions view;
  EntityId center = kNoEntity;
  int depth = 1;           // relations away from the center (at least 1)
  std::optional<Date> at;  // only relations holding then (query::snapshot); none: all time
};

// The neighbourhood diagram: every entity within `depth` relations of `center` (relations taken
// in either direction; sources excluded), breadth-first, with every drawn relation between them.
// With `at`, only entities alive and relations holding then, possible ones dashed. view.relations
// restricts the relation kinds walked, view.types the org types kept (the center always is).
// Nodes are shaped per entity kind, the center emphasised; edges styled per kind (relation_look)
// and labelled with kind, role and dates. Throws query_error when center is kNoEntity or depth
// < 1. Deterministic. Time: O(neighbourhood · log).
RenderGraph ego_view(const TemporalGraph& graph, const EgoViewOptions& options);

}  // namespace orgraph::render
