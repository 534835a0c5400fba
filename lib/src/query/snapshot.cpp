#include "orgraph/query/snapshot.hpp"

#include <algorithm>
#include <charconv>

#include "graph_storage.hpp"
#include "query/snapshot_filter.hpp"

namespace orgraph::query {

using detail::Day32;
using detail::GraphStorage;

Snapshot snapshot(const TemporalGraph& graph, DayRange at, const SnapshotOptions& options) {
  const GraphStorage& g = detail::storage(graph);
  const detail::SnapshotFilter filter(graph, options);
  Snapshot s;
  s.at = at;
  if (at.latest < at.earliest) return s;
  const Day32 earliest = detail::to_day32(at.earliest), latest = detail::to_day32(at.latest);
  std::vector<std::uint32_t> ids;
  detail::ids_during(g.entity_index, g.entity_spans, at, ids);
  // The candidates come in id order but far apart in a large graph: their records and spans
  // are requested kAhead candidates before they are read.
  constexpr std::size_t kAhead = 16;
  s.entities.reserve(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i + kAhead < ids.size()) {
      __builtin_prefetch(&g.entities[ids[i + kAhead]]);
      __builtin_prefetch(&g.entity_spans[ids[i + kAhead]]);
    }
    const EntityId id = ids[i];
    if (!filter.keeps(id)) continue;
    if (auto c = filter.certainty(g.entity_spans[id].at(earliest, latest))) {
      s.entities.push_back({id, *c});
    }
  }
  // A relation's span lies within its endpoints' lifespans (clipped, with the weaker certainty),
  // so a relation present over `at` has both endpoints present, certain where it is certain,
  // and no relation touches a source: only a filter on entity kinds or types can leave an
  // endpoint out, and only then are the kept entities looked up.
  std::vector<bool> kept;
  if (filter.filters_entities()) {
    kept.resize(graph.entity_count());
    for (const EntityAt& e : s.entities) kept[e.entity] = true;
  }
  detail::ids_during(g.relation_index, g.relation_spans, at, ids);
  s.relations.reserve(ids.size());
  const bool check_records = filter.filters_relations() || !kept.empty();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i + kAhead < ids.size()) {
      if (check_records) __builtin_prefetch(&g.relations[ids[i + kAhead]]);
      __builtin_prefetch(&g.relation_spans[ids[i + kAhead]]);
    }
    const RelationId id = ids[i];
    if (check_records) {
      const detail::RelationRecord& r = g.relations[id];
      if (!filter.keeps_kind(r.kind()) || (!kept.empty() && !(kept[r.from] && kept[r.to]))) {
        continue;
      }
    }
    if (auto c = filter.certainty(g.relation_spans[id].at(earliest, latest))) {
      s.relations.push_back({id, *c});
    }
  }
  if (filter.connected_only()) detail::keep_connected(g, s);
  return s;
}

std::vector<DayRange> periods(Day from, Day to, std::string_view period, std::size_t max_steps) {
  if (from > to) throw query_error("the series starts after it ends");
  int count = 0;
  const char* end = period.data() + period.size();
  auto [rest, ec] = std::from_chars(period.data(), end, count);
  if (ec != std::errc() || count <= 0 || rest + 1 != end ||
      std::string_view("ymwd").find(*rest) == std::string_view::npos) {
    throw query_error(fmt::format(
        "invalid period '{}': expected a count and a unit, e.g. 1y, 6m, 2w, 10d", period));
  }
  const char unit = *rest;
  const CivilDate c = civil_from_days(from);
  // After the first step, a step starts every `length` days, or every `length` months counted
  // from January of the first year (y) or from the first month (m).
  const std::int64_t length = std::int64_t{count} * (unit == 'w' ? 7 : unit == 'y' ? 12 : 1);
  const std::int64_t base = unit == 'y' ? 0 : static_cast<std::int64_t>(c.month - 1);
  // Counted before any step is made, so that a refused series costs nothing.
  std::int64_t boundaries = 0;
  if (unit == 'd' || unit == 'w') {
    boundaries = (to - from) / length;
  } else {
    const CivilDate last = civil_from_days(to);
    boundaries =
        ((last.year - c.year) * 12 + static_cast<std::int64_t>(last.month - 1) - base) / length;
  }
  const auto total = static_cast<std::size_t>(boundaries) + 1;
  if (total > max_steps) throw too_many_steps_error(total, max_steps);
  std::vector<DayRange> steps;
  steps.reserve(total);
  Day start = from;
  for (std::int64_t step = 1; start <= to; ++step) {
    Day next;
    if (unit == 'd' || unit == 'w') {
      next = from + step * length;
    } else {
      // Calendar periods end on month (or year) boundaries; the first may be partial.
      const std::int64_t months = base + step * length;
      next = days_from_civil(c.year + months / 12, static_cast<unsigned>(months % 12 + 1), 1);
    }
    steps.push_back({start, std::min(next - 1, to)});
    start = next;
  }
  return steps;
}

}  // namespace orgraph::query

namespace orgraph::detail {

void keep_connected(const GraphStorage& g, query::Snapshot& s) {
  std::vector<EntityId> touched;
  touched.reserve(s.relations.size() * 2);
  for (const query::RelationAt& r : s.relations) {
    touched.push_back(g.relations[r.relation].from);
    touched.push_back(g.relations[r.relation].to);
  }
  std::sort(touched.begin(), touched.end());
  std::erase_if(s.entities, [&](const query::EntityAt& e) {
    return !std::binary_search(touched.begin(), touched.end(), e.entity);
  });
}

}  // namespace orgraph::detail
