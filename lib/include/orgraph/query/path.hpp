#pragma once

// How two entities are connected: the shortest chains of relations between them.

#include <optional>
#include <vector>

#include "orgraph/graph.hpp"

namespace orgraph::query {

struct PathOptions {
  std::optional<DayRange> at;           // only relations holding then
  std::vector<RelationKind> relations;  // only these kinds (empty: all)
  bool certain_only = false;
  std::size_t max_paths = 10;
};

// One step of a path: a relation, walked along its direction (forward) or against it.
struct PathStep {
  RelationId relation;
  bool forward;
  std::optional<Certainty> certainty;  // with `at` only
};
using Path = std::vector<PathStep>;

// Every shortest path from `from` to `to` (relations taken in either direction), at most
// max_paths of them, in a stable order. Empty when they are not connected. Time: O(V + E) for
// the search plus the paths listed (Moore 1959, breadth-first search).
std::vector<Path> shortest_paths(const TemporalGraph& graph, EntityId from, EntityId to,
                                 const PathOptions& options = {});

}  // namespace orgraph::query
