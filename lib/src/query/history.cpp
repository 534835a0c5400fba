#include "orgraph/query/history.hpp"

#include <algorithm>
#include <tuple>

namespace orgraph::query {

std::vector<HistoryEvent> history(const TemporalGraph& graph, EntityId entity) {
  const Entity e = graph.entity(entity);
  std::vector<HistoryEvent> events;
  const Date* start = e.date->empty() ? e.start : e.date;
  if (!start->empty()) events.push_back({HistoryEvent::What::started, start, {}});
  if (!e.end->empty()) events.push_back({HistoryEvent::What::ended, e.end, {}});
  std::vector<RelationId> ids;
  for (int c = 0; c < kCategoryCount; ++c) {
    for (RelationId id : graph.out(entity, static_cast<Category>(c))) ids.push_back(id);
    for (RelationId id : graph.in(entity, static_cast<Category>(c))) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  for (RelationId id : ids) {
    events.push_back({HistoryEvent::What::relation, graph.relation(id).start, id});
  }
  // By the earliest day of the date; undated lines last, keeping file order among equals.
  auto key = [](const HistoryEvent& h) {
    const bool undated = h.date->empty();
    return std::make_tuple(undated, undated ? 0 : h.date->widened().earliest,
                           undated ? 0 : h.date->widened().latest,
                           h.what != HistoryEvent::What::started, h.relation.value_or(0));
  };
  std::stable_sort(events.begin(), events.end(),
                   [&](const HistoryEvent& a, const HistoryEvent& b) { return key(a) < key(b); });
  return events;
}

}  // namespace orgraph::query
