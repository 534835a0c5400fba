#include "orgraph/query/diff.hpp"

#include <algorithm>
#include <tuple>

namespace orgraph::query {

std::string_view to_string(Change change) { return change == Change::began ? "began" : "ended"; }

namespace {

// Whether a written date falls in the window: certain when wholly inside, possible when it
// overlaps; nullopt when outside or empty.
std::optional<Certainty> within(const Date& date, DayRange window) {
  if (date.empty()) return std::nullopt;
  const DayRange d = date.widened();
  if (d.latest < window.earliest || d.earliest > window.latest) return std::nullopt;
  if (window.earliest <= d.earliest && d.latest <= window.latest) return Certainty::certain;
  return Certainty::possible;
}

// True for an end that marks an end at all ("" and ".." do not).
bool is_end(const Date& end) {
  return !end.empty() &&
         !(end.earliest_limit() == Limit::open && end.latest_limit() == Limit::open);
}

}  // namespace

std::vector<ChangeItem> diff(const TemporalGraph& graph, DayRange from, DayRange to) {
  if (from.earliest > to.latest) throw query_error("--from is later than --to");
  const DayRange window{from.earliest, to.latest};
  std::vector<ChangeItem> out;
  for (EntityId id = 0; id < graph.entity_count(); ++id) {
    const Entity e = graph.entity(id);
    if (e.kind == EntityKind::source) continue;
    const Date* start = e.date->empty() ? e.start : e.date;
    if (auto c = within(*start, window)) out.push_back({Change::began, start, id, {}, *c});
    if (is_end(*e.end)) {
      if (auto c = within(*e.end, window)) out.push_back({Change::ended, e.end, id, {}, *c});
    }
  }
  for (RelationId id = 0; id < graph.relation_count(); ++id) {
    const Relation r = graph.relation(id);
    if (auto c = within(*r.start, window)) out.push_back({Change::began, r.start, {}, id, *c});
    if (!r.is_point && is_end(*r.end)) {
      if (auto c = within(*r.end, window)) out.push_back({Change::ended, r.end, {}, id, *c});
    }
  }
  auto key = [](const ChangeItem& c) {
    return std::make_tuple(c.date->widened().earliest, c.date->widened().latest,
                           c.relation.has_value(), c.entity.value_or(0), c.relation.value_or(0),
                           c.change);
  };
  std::sort(out.begin(), out.end(),
            [&](const ChangeItem& a, const ChangeItem& b) { return key(a) < key(b); });
  return out;
}

}  // namespace orgraph::query
