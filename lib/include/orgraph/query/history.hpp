#pragma once

// One entity's whole timeline: "tell me about X".

#include <vector>

#include "orgraph/graph.hpp"

namespace orgraph::query {

// One dated line of a history: the entity's own start or end, or one of its relations
// (memberships, offices, lineage, alignment, events) at its start or date.
struct HistoryEvent {
  enum class What : std::uint8_t { started, ended, relation };
  What what;
  const Date* date;  // the date this line is sorted by (may be empty)
  std::optional<RelationId> relation;
};

// The entity's own start and end and every relation touching it, sorted by the earliest day of
// their date (undated ones last, in file order). Time: O(d log d), d the entity's degree.
std::vector<HistoryEvent> history(const TemporalGraph& graph, EntityId entity);

}  // namespace orgraph::query
