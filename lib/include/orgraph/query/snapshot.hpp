#pragma once

// What held at a date: the entities alive and the relations holding, each certain or possible.

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "orgraph/graph.hpp"

namespace orgraph::query {

struct SnapshotOptions {
  bool certain_only = false;            // drop `possible` answers
  std::vector<EntityKind> kinds;        // keep only these entity kinds (empty: all but sources)
  std::vector<RelationKind> relations;  // keep only these relation kinds (empty: all)
  std::vector<std::string> types;       // keep only entities of these types (empty: all)
  bool connected_only = false;          // keep only entities that a kept relation touches
};

struct EntityAt {
  EntityId entity;
  Certainty certainty;
};

struct RelationAt {
  RelationId relation;
  Certainty certainty;
};

// The graph as it stood over `at`: entities alive then and relations holding then whose both
// endpoints are kept, in id order. Sources are never part of it.
struct Snapshot {
  DayRange at;
  std::vector<EntityAt> entities;
  std::vector<RelationAt> relations;
};

// The snapshot over `at` (a day or a range: certain means certain on every day of it).
// Time: O(log n + k log k) through the time index, k the facts possible at `at`.
Snapshot snapshot(const TemporalGraph& graph, DayRange at, const SnapshotOptions& options = {});

// Snapshots over each of `steps` (ascending: each step's earliest and latest days not before the
// previous step's) in one sweep over the facts sorted by start and end, not one index query per
// step. Calls visit(step index, snapshot) in order; throws orgraph::error when the steps are not
// ascending. Time: O(n log n + Σ snapshot sizes).
void snapshot_series(const TemporalGraph& graph, std::span<const DayRange> steps,
                     const SnapshotOptions& options,
                     const std::function<void(std::size_t, const Snapshot&)>& visit);

// Dates from `from` to `to` every `period` ("1y", "6m", "2w", "10d"): each step is the day range
// of one period. Throws orgraph::error for a bad period or from > to. Time: O(steps).
std::vector<DayRange> periods(Day from, Day to, std::string_view period);

}  // namespace orgraph::query
