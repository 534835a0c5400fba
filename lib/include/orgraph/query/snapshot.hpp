#pragma once

// What held at a date: the entities alive and the relations holding, each certain or possible.

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "orgraph/error.hpp"
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
// previous step's), each what snapshot() gives over that step, from one sweep: the changes of
// snapshot_changes applied to the facts present, listed per step. Calls visit(step index,
// snapshot) in order; throws query_error when the steps are not ascending or a step ends before
// it begins. Time: snapshot_changes' plus O(n / 64 + snapshot size) per step.
void snapshot_series(const TemporalGraph& graph, std::span<const DayRange> steps,
                     const SnapshotOptions& options,
                     const std::function<void(std::size_t, const Snapshot&)>& visit);

// How the snapshot changed from one step of a series to the next: the facts that entered it,
// those whose certainty changed (with the new one) and those that left it, each in id order.
struct SnapshotChange {
  DayRange at;
  std::vector<EntityAt> entities_added;
  std::vector<EntityAt> entities_changed;
  std::vector<EntityId> entities_removed;
  std::vector<RelationAt> relations_added;
  std::vector<RelationAt> relations_changed;
  std::vector<RelationId> relations_removed;
};

// The changes of the snapshot over each of `steps` (ascending, as for snapshot_series) from the
// one over the step before (the first step's changes are its whole snapshot, all added):
// applying them in order gives exactly the snapshots snapshot_series gives. Every fact's
// certainty over the steps is decided from its span once (it enters, may become certain, may
// stop being certain, and leaves, each at most once), so a series costs one index query and
// the changes, not a snapshot per step. Calls visit(step index, change) in order. Throws
// query_error when the steps are not ascending or options.connected_only is set (which entities
// a relation connects is a property of a whole snapshot, not of a change).
// Time: O(log n + k + steps) for k the facts possible during some step (two passes over them),
// plus O(window days) when the steps span under 4 million days (a day-to-step table; beyond
// that O(k log steps)).
void snapshot_changes(const TemporalGraph& graph, std::span<const DayRange> steps,
                      const SnapshotOptions& options,
                      const std::function<void(std::size_t, const SnapshotChange&)>& visit);

// Thrown by periods() when a series would have more steps than its caller allows.
class too_many_steps_error : public query_error {
 public:
  too_many_steps_error(std::size_t steps, std::size_t max_steps)
      : query_error("the series has " + std::to_string(steps) + " steps, more than the " +
                    std::to_string(max_steps) + " allowed"),
        steps_(steps),
        max_steps_(max_steps) {}
  std::size_t steps() const noexcept { return steps_; }
  std::size_t max_steps() const noexcept { return max_steps_; }

 private:
  std::size_t steps_;
  std::size_t max_steps_;
};

// Dates from `from` to `to` every `period` ("1y", "6m", "2w", "10d"): each step is the day range
// of one period. Throws query_error for a bad period or from > to, and too_many_steps_error
// (before making any step) when there would be more than `max_steps`; the default keeps a
// mistyped period from filling memory, and callers with a limit of their own pass it.
// Time: O(steps).
std::vector<DayRange> periods(Day from, Day to, std::string_view period,
                              std::size_t max_steps = 100000);

}  // namespace orgraph::query
