// The lineage view: orgs on a time axis of years or months, lineage relations between them.
//
// Ranks come only from the time axis: one rank=same group per period holding its ruler mark and
// the orgs that start in it, the ruler marks chained by invisible edges, and every lineage edge
// left out of ranking (constraint=false). So an org can never be pulled away from its period by
// an edge, and earlier is always left of later, whatever the data says.

#include "orgraph/render/lineage_view.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "orgraph/render/style.hpp"

namespace orgraph::render {
namespace {

constexpr std::int64_t kUndated = std::numeric_limits<std::int64_t>::min();
constexpr int kMonthAxisMaxMonths = 36;  // "short": every dated org starts within three years
constexpr int kLongestEmptyRun = 2;      // longer runs of empty periods collapse into one "…"

bool wanted_kind(const ViewOptions& view, RelationKind kind) {
  if (view.relations.empty()) return true;
  return std::find(view.relations.begin(), view.relations.end(), kind) != view.relations.end();
}

bool wanted_type(const ViewOptions& view, const Entity& e) {
  if (view.types.empty() || e.kind != EntityKind::org) return true;
  return std::find(view.types.begin(), view.types.end(), e.type) != view.types.end();
}

// The first day an entity is known to exist, as written (not widened): what places it.
std::optional<Day> start_day(const Entity& e) {
  const Date* d = (e.date != nullptr && !e.date->empty()) ? e.date : e.start;
  if (d->empty()) return std::nullopt;
  if (auto first = d->earliest()) return first;
  return d->latest();
}

std::int64_t year_of(Day d) { return civil_from_days(d).year; }
std::int64_t month_of(Day d) {
  const CivilDate c = civil_from_days(d);
  return c.year * 12 + static_cast<std::int64_t>(c.month) - 1;
}

std::string period_text(std::int64_t period, bool months) {
  if (!months) return std::to_string(period);
  const std::int64_t year = period >= 0 ? period / 12 : (period - 11) / 12;
  return fmt::format("{}-{:02}", year, period - year * 12 + 1);
}

// A node id not used by any entity key (ruler marks live beside entity nodes).
std::string free_id(const TemporalGraph& g, std::string id) {
  while (g.find_key(id)) id += '_';
  return id;
}

struct Selection {
  std::vector<EntityId> nodes;  // in id order
  std::vector<RelationId> edges;
};

Selection select(const TemporalGraph& g, const LineageViewOptions& o) {
  std::vector<EntityId> candidates;
  std::vector<RelationId> edges;
  if (o.focus) {
    query::LineageOptions q;
    q.direction = o.direction;
    q.depth = o.depth;
    const query::Lineage l = query::lineage(g, *o.focus, q);
    candidates = l.nodes;
    edges = l.edges;
  } else {
    for (EntityId v = 0; v < g.entity_count(); ++v) {
      for (RelationId id : g.out(v, Category::lineage)) edges.push_back(id);
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  }
  std::set<EntityId> dropped;
  for (EntityId v : candidates) {
    if (!wanted_type(o.view, g.entity(v)) && v != o.focus) dropped.insert(v);
  }
  Selection s;
  std::set<EntityId> kept;
  for (RelationId id : edges) {
    const Relation r = g.relation(id);
    if (!wanted_kind(o.view, r.kind)) continue;
    if (o.view.certainty == CertaintyFilter::certain_only && r.start->qualifiers().widens()) {
      continue;
    }
    if (!wanted_type(o.view, g.entity(r.from)) && r.from != o.focus) continue;
    if (!wanted_type(o.view, g.entity(r.to)) && r.to != o.focus) continue;
    if (dropped.contains(r.from) || dropped.contains(r.to)) continue;
    s.edges.push_back(id);
    kept.insert(r.from);
    kept.insert(r.to);
  }
  if (o.focus) kept.insert(*o.focus);
  s.nodes.assign(kept.begin(), kept.end());
  return s;
}

// Where each node goes on the axis: its start, or (a founder without dates) its first founding.
std::map<EntityId, Day> place(const TemporalGraph& g, const Selection& s) {
  std::map<EntityId, Day> at;
  for (EntityId v : s.nodes) {
    if (auto d = start_day(g.entity(v))) at.emplace(v, *d);
  }
  for (RelationId id : s.edges) {
    const Relation r = g.relation(id);
    if (r.kind != RelationKind::founded || at.contains(r.from)) continue;
    if (g.entity(r.from).kind != EntityKind::person) continue;
    std::optional<Day> d = r.start->earliest();
    if (!d) continue;
    for (RelationId other : s.edges) {  // the earliest founding of this founder
      const Relation o = g.relation(other);
      if (o.kind == RelationKind::founded && o.from == r.from && o.start->earliest()) {
        d = std::min(*d, *o.start->earliest());
      }
    }
    at.emplace(r.from, *d);
  }
  return at;
}

// True when a date drawn is a season (2016-22), which readers may not know how to read.
bool uses_seasons(const TemporalGraph& g, const Selection& s) {
  auto season = [](const Date* d) { return d != nullptr && d->precision() == Precision::season; };
  for (EntityId v : s.nodes) {
    const Entity e = g.entity(v);
    if (season(e.start) || season(e.end)) return true;
  }
  for (RelationId id : s.edges) {
    if (season(g.relation(id).start)) return true;
  }
  return false;
}

Node entity_node(const TemporalGraph& g, EntityId v, const LineageViewOptions& o) {
  const Entity e = g.entity(v);
  const NodeLook look = entity_look(e.kind);
  Node n;
  n.id = std::string(e.key);
  n.label = name_label(e, o.view.lang);
  n.shape = look.shape;
  n.fill = look.fill;
  n.border = look.border;
  if (e.kind == EntityKind::org) {
    const std::string span = lifespan_text(e);
    if (!span.empty()) n.label.lines.push_back({span, kDetailSize, std::string(kDetailColor)});
    if (e.end->empty()) {  // no end known
      n.fill = "#e9f6ec";
      n.border = "#2e8b57";
    }
  }
  if (o.focus == v) n.penwidth = 2.6;
  return n;
}

}  // namespace

RenderGraph lineage_view(const TemporalGraph& g, const LineageViewOptions& o) {
  const Selection s = select(g, o);
  const std::map<EntityId, Day> at = place(g, s);

  bool months = o.resolution == TimeResolution::month;
  if (o.resolution == TimeResolution::automatic && !at.empty()) {
    auto [lo, hi] = std::minmax_element(
        at.begin(), at.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    months = month_of(hi->second) - month_of(lo->second) < kMonthAxisMaxMonths;
  }
  auto period_of = [&](EntityId v) -> std::int64_t {
    auto it = at.find(v);
    if (it == at.end()) return kUndated;
    return months ? month_of(it->second) : year_of(it->second);
  };

  // Nodes by period (undated first), each period's nodes in id order.
  std::map<std::int64_t, std::vector<EntityId>> by_period;
  for (EntityId v : s.nodes) by_period[period_of(v)].push_back(v);

  RenderGraph rg;
  rg.name = std::string(g.name().empty() ? "lineage" : g.name());
  rg.rankdir = o.view.rankdir;
  rg.nodesep = 0.25;
  rg.ranksep = 0.45;
  for (EntityId v : s.nodes) rg.nodes.push_back(entity_node(g, v, o));

  // The ruler: one mark per period from the first dated one to the last, runs of empty periods
  // collapsed into "…", and an "undated" mark first when needed.
  std::vector<std::string> ruler;
  auto mark = [&](const std::string& id, const std::string& text, bool strong) {
    Node n;
    n.id = free_id(g, id);
    n.shape = Shape::plaintext;
    n.label.lines.push_back({text, strong ? 12.0 : 10.0, strong ? "#444444" : "#999999",
                             strong ? Emphasis::bold : Emphasis::none});
    rg.nodes.push_back(n);
    ruler.push_back(n.id);
    return n.id;
  };
  if (by_period.contains(kUndated)) {
    std::vector<std::string> group{mark("~undated", "undated", false)};
    for (EntityId v : by_period[kUndated]) group.emplace_back(g.entity(v).key);
    rg.same_rank.push_back(std::move(group));
  }
  std::optional<std::int64_t> first, last;
  for (const auto& [period, nodes] : by_period) {
    if (period == kUndated) continue;
    if (!first) first = period;
    last = period;
  }
  if (first) {
    for (std::int64_t p = *first; p <= *last; ++p) {
      if (!by_period.contains(p)) {
        std::int64_t q = p;
        while (!by_period.contains(q + 1)) ++q;
        if (q - p + 1 > kLongestEmptyRun) {
          rg.same_rank.push_back(
              {mark(fmt::format("~gap_{}", period_text(p, months)), "…", false)});
          p = q;
          continue;
        }
        rg.same_rank.push_back({mark("~" + period_text(p, months), period_text(p, months), true)});
        continue;
      }
      std::vector<std::string> group{
          mark("~" + period_text(p, months), period_text(p, months), true)};
      for (EntityId v : by_period[p]) group.emplace_back(g.entity(v).key);
      rg.same_rank.push_back(std::move(group));
    }
  }
  for (std::size_t i = 1; i < ruler.size(); ++i) {
    Edge e;
    e.tail = ruler[i - 1];
    e.head = ruler[i];
    e.style = LineStyle::invisible;
    e.weight = 100;
    rg.edges.push_back(std::move(e));
  }

  // Lineage edges as written, styled per kind, labelled with kind and date.
  std::set<RelationKind> kinds;
  for (RelationId id : s.edges) {
    const Relation r = g.relation(id);
    const EdgeLook look = relation_look(r.kind);
    Edge e = styled_edge(g, r.from, r.to, look);
    e.ranking = Ranking::free;
    e.label.lines.push_back({look.words, kDetailSize, look.color});
    const std::string date = dates_text(r);
    if (!date.empty()) e.label.lines.push_back({date, kDetailSize, look.color});
    rg.edges.push_back(std::move(e));
    kinds.insert(r.kind);
  }

  // Title: what, whose, and the period covered.
  std::string what = "Lineage of all organisations";
  if (o.focus) {
    what = "Lineage of " + name_text(g.entity(*o.focus), o.view.lang);
    if (o.direction == query::Direction::up) what += " (ancestors)";
    if (o.direction == query::Direction::down) what += " (descendants)";
  }
  rg.title.lines.push_back({what, kTitleSize});
  std::string sub = fmt::format("graph {}", g.name());
  if (first) {
    sub += " · " + period_text(*first, months);
    if (*last != *first) sub += " – " + period_text(*last, months);
  }
  std::size_t orgs = 0;
  for (EntityId v : s.nodes) orgs += g.entity(v).kind == EntityKind::org;
  sub += fmt::format(" · {} organisation{}, {} lineage event{}", orgs, orgs == 1 ? "" : "s",
                     s.edges.size(), s.edges.size() == 1 ? "" : "s");
  rg.title.lines.push_back({sub, kLatinSize, std::string(kDetailColor)});

  // Legend: the edge kinds drawn, the node styles drawn, and what the axis means.
  for (RelationKind k : kinds) rg.legend.push_back(legend_entry(k));
  bool ended = false, open = false, person = false;
  for (EntityId v : s.nodes) {
    const Entity e = g.entity(v);
    if (e.kind == EntityKind::org) (e.end->empty() ? open : ended) = true;
    if (e.kind == EntityKind::person) person = true;
  }
  if (ended) rg.legend.push_back(legend_entry(EntityKind::org));
  if (open) {
    LegendEntry e = legend_entry(EntityKind::org);
    e.text = "no end known";
    e.fill = "#e9f6ec";
    e.color = "#2e8b57";
    rg.legend.push_back(e);
  }
  if (person) rg.legend.push_back(legend_entry(EntityKind::person));
  LegendEntry axis;
  axis.text = months ? "each org at its start month" : "each org at its start year";
  rg.legend.push_back(axis);
  if (uses_seasons(g, s)) {
    LegendEntry note;
    note.text = "YYYY-21…24: spring, summer, autumn, winter (EDTF)";
    rg.legend.push_back(note);
  }
  if (by_period.contains(kUndated)) {
    LegendEntry note;
    note.text = "undated: no start date known";
    rg.legend.push_back(note);
  }
  return rg;
}

}  // namespace orgraph::render
