#include "orgraph/query/snapshot.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>

#include "graph_storage.hpp"

namespace orgraph::query {
namespace {

using detail::Day32;
using detail::GraphStorage;
using detail::TimeSpan32;

// Decides which entities and relations a snapshot keeps, independent of time. Reads the
// storage arrays directly: a snapshot may weigh millions of facts, and building an Entity or
// Relation view for each costs more than the answer itself.
class Filter {
 public:
  Filter(const TemporalGraph& g, const SnapshotOptions& o) : s_(detail::storage(g)), o_(o) {
    entity_kinds_.fill(o.kinds.empty());
    for (EntityKind k : o.kinds) entity_kinds_[static_cast<std::size_t>(k)] = true;
    relation_kinds_.fill(o.relations.empty());
    for (RelationKind k : o.relations) relation_kinds_[static_cast<std::size_t>(k)] = true;
  }

  bool keeps(EntityId id) const {
    const detail::EntityRecord& e = s_.entities[id];
    if (e.kind == EntityKind::source) return false;
    if (!entity_kinds_[static_cast<std::size_t>(e.kind)]) return false;
    return o_.types.empty() ||
           std::find(o_.types.begin(), o_.types.end(), s_.str(e.type)) != o_.types.end();
  }

  bool keeps_kind(RelationKind kind) const {
    return relation_kinds_[static_cast<std::size_t>(kind)];
  }

  bool connected_only() const { return o_.connected_only; }

  std::optional<Certainty> certainty(std::optional<Certainty> c) const {
    if (!c || (o_.certain_only && *c != Certainty::certain)) return std::nullopt;
    return c;
  }

 private:
  const GraphStorage& s_;
  const SnapshotOptions& o_;
  std::array<bool, kEntityKindCount> entity_kinds_{};
  std::array<bool, kRelationKindCount> relation_kinds_{};
};

// Builds one snapshot from candidate entities and relations (possible at some day of `at`,
// ascending ids).
Snapshot assemble(const GraphStorage& g, DayRange at, const Filter& filter,
                  const std::vector<EntityId>& entity_candidates,
                  const std::vector<RelationId>& relation_candidates,
                  std::vector<std::int8_t>& kept /* scratch, sized entity_count, all -1 */) {
  Snapshot s;
  s.at = at;
  if (at.latest < at.earliest) return s;
  const Day32 earliest = detail::to_day32(at.earliest), latest = detail::to_day32(at.latest);
  for (EntityId id : entity_candidates) {
    if (!filter.keeps(id)) continue;
    if (auto c = filter.certainty(g.entity_spans[id].at(earliest, latest))) {
      s.entities.push_back({id, *c});
      kept[id] = 1;
    }
  }
  s.relations.reserve(relation_candidates.size());
  for (RelationId id : relation_candidates) {
    const detail::RelationRecord& r = g.relations[id];
    if (!filter.keeps_kind(r.kind()) || kept[r.from] != 1 || kept[r.to] != 1) continue;
    if (auto c = filter.certainty(g.relation_spans[id].at(earliest, latest))) {
      s.relations.push_back({id, *c});
    }
  }
  if (filter.connected_only()) {
    for (const RelationAt& r : s.relations) {
      const detail::RelationRecord& rel = g.relations[r.relation];
      kept[rel.from] = kept[rel.to] = 2;
    }
    std::erase_if(s.entities, [&](const EntityAt& e) { return kept[e.entity] != 2; });
    for (const RelationAt& r : s.relations) {
      const detail::RelationRecord& rel = g.relations[r.relation];
      kept[rel.from] = kept[rel.to] = 1;
    }
  }
  for (const EntityAt& e : s.entities) kept[e.entity] = -1;
  return s;
}

}  // namespace

Snapshot snapshot(const TemporalGraph& graph, DayRange at, const SnapshotOptions& options) {
  const GraphStorage& g = detail::storage(graph);
  std::vector<std::int8_t> kept(graph.entity_count(), -1);
  std::vector<EntityId> entities;
  std::vector<RelationId> relations;
  detail::ids_during(g.entity_index, g.entity_spans, at, entities);
  detail::ids_during(g.relation_index, g.relation_spans, at, relations);
  return assemble(g, at, Filter(graph, options), entities, relations, kept);
}

namespace {

// The facts possible during a moving window, maintained by a sweep over their sorted start and
// end days: each fact enters once and leaves once over the whole series. The window is a bitmap
// over fact ids, so each step reads its facts in id order in O(n/64 + k).
class Sweep {
 public:
  explicit Sweep(std::span<const TimeSpan32> spans)
      : spans_(spans), active_((spans.size() + 63) / 64, 0) {
    const auto n = static_cast<std::uint32_t>(spans_.size());
    for (std::uint32_t i = 0; i < n; ++i) {
      if (spans_[i].possible_from < spans_[i].possible_until) by_start_.push_back(i);
    }
    by_end_ = by_start_;
    std::sort(by_start_.begin(), by_start_.end(), [&](std::uint32_t a, std::uint32_t b) {
      return spans_[a].possible_from < spans_[b].possible_from;
    });
    std::sort(by_end_.begin(), by_end_.end(), [&](std::uint32_t a, std::uint32_t b) {
      return spans_[a].possible_until < spans_[b].possible_until;
    });
  }

  // Moves the window to `at` (not earlier than the last one) and sets `ids` to the facts
  // possible during it, ascending.
  void advance(DayRange at, std::vector<std::uint32_t>& ids) {
    const Day32 earliest = detail::to_day32(at.earliest), latest = detail::to_day32(at.latest);
    while (next_start_ < by_start_.size() &&
           spans_[by_start_[next_start_]].possible_from <= latest) {
      const std::uint32_t id = by_start_[next_start_++];
      active_[id / 64] |= std::uint64_t{1} << (id % 64);
    }
    // A fact that both starts and ends before this window is set here and cleared just below.
    while (next_end_ < by_end_.size() && spans_[by_end_[next_end_]].possible_until <= earliest) {
      const std::uint32_t id = by_end_[next_end_++];
      active_[id / 64] &= ~(std::uint64_t{1} << (id % 64));
    }
    ids.clear();
    for (std::size_t w = 0; w < active_.size(); ++w) {
      for (std::uint64_t word = active_[w]; word != 0; word &= word - 1) {
        ids.push_back(static_cast<std::uint32_t>(w * 64 + std::countr_zero(word)));
      }
    }
  }

 private:
  std::span<const TimeSpan32> spans_;
  std::vector<std::uint32_t> by_start_, by_end_;  // the facts ever possible, by start and end
  std::vector<std::uint64_t> active_;             // bit per fact: possible in the window
  std::size_t next_start_ = 0, next_end_ = 0;
};

}  // namespace

void snapshot_series(const TemporalGraph& graph, std::span<const DayRange> steps,
                     const SnapshotOptions& options,
                     const std::function<void(std::size_t, const Snapshot&)>& visit) {
  for (std::size_t i = 1; i < steps.size(); ++i) {
    if (steps[i].earliest < steps[i - 1].earliest || steps[i].latest < steps[i - 1].latest) {
      throw query_error("snapshot_series: steps must be in ascending order");
    }
  }
  const GraphStorage& g = detail::storage(graph);
  Sweep entities(g.entity_spans);
  Sweep relations(g.relation_spans);
  const Filter filter(graph, options);
  std::vector<std::int8_t> kept(graph.entity_count(), -1);
  std::vector<EntityId> entity_ids;
  std::vector<RelationId> relation_ids;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    entities.advance(steps[i], entity_ids);
    relations.advance(steps[i], relation_ids);
    visit(i, assemble(g, steps[i], filter, entity_ids, relation_ids, kept));
  }
}

std::vector<DayRange> periods(Day from, Day to, std::string_view period) {
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
  std::vector<DayRange> steps;
  CivilDate c = civil_from_days(from);
  Day start = from;
  for (int step = 1; start <= to; ++step) {
    Day next;
    if (unit == 'd' || unit == 'w') {
      next = from + static_cast<Day>(step) * count * (unit == 'w' ? 7 : 1);
    } else {
      // Calendar periods end on month (or year) boundaries; the first may be partial.
      const std::int64_t base = unit == 'y' ? 0 : static_cast<std::int64_t>(c.month - 1);
      const std::int64_t months = base + std::int64_t{step} * count * (unit == 'y' ? 12 : 1);
      next = days_from_civil(c.year + months / 12, static_cast<unsigned>(months % 12 + 1), 1);
    }
    steps.push_back({start, std::min(next - 1, to)});
    start = next;
    if (steps.size() > 100000) throw query_error("too many steps in the series (over 100000)");
  }
  return steps;
}

}  // namespace orgraph::query
