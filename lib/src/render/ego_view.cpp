// The ego view: breadth-first from one entity through every kind of relation, at a date or over
// all time.

#include "orgraph/render/ego_view.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include <fmt/format.h>

#include "orgraph/query/snapshot.hpp"
#include "orgraph/render/style.hpp"

namespace orgraph::render {
namespace {

bool wanted_kind(const ViewOptions& view, RelationKind kind) {
  if (view.relations.empty()) return true;
  return std::find(view.relations.begin(), view.relations.end(), kind) != view.relations.end();
}

bool wanted_type(const ViewOptions& view, const Entity& e) {
  if (view.types.empty() || e.kind != EntityKind::org) return true;
  return std::find(view.types.begin(), view.types.end(), e.type) != view.types.end();
}

// Over all time a relation is certain when it is certain on some day.
Certainty overall(const TimeSpan& span) {
  return span.certain_from < span.certain_until ? Certainty::certain : Certainty::possible;
}

}  // namespace

RenderGraph ego_view(const TemporalGraph& g, const EgoViewOptions& o) {
  if (o.center == kNoEntity || o.center >= g.entity_count()) {
    throw query_error("the ego view needs a center entity (--focus)");
  }
  if (o.depth < 1) throw query_error("the ego view needs a depth of at least 1");
  const bool certain_only = o.view.certainty == CertaintyFilter::certain_only;

  // What may be walked: with a date, the snapshot's entities and relations and their certainty.
  std::map<EntityId, Certainty> alive;
  std::map<RelationId, Certainty> holding;
  if (o.at) {
    query::SnapshotOptions q;
    q.certain_only = certain_only;
    const query::Snapshot s = query::snapshot(g, query_range(*o.at), q);
    for (const auto& e : s.entities) alive.emplace(e.entity, e.certainty);
    for (const auto& r : s.relations) holding.emplace(r.relation, r.certainty);
  }
  auto usable_entity = [&](EntityId v) {
    const Entity e = g.entity(v);
    if (e.kind == EntityKind::source) return false;
    if (o.at && !alive.contains(v)) return false;
    return v == o.center || wanted_type(o.view, e);
  };
  auto certainty_of = [&](RelationId id) -> std::optional<Certainty> {
    if (!wanted_kind(o.view, g.relation(id).kind)) return std::nullopt;
    if (o.at) {
      auto it = holding.find(id);
      return it == holding.end() ? std::nullopt : std::optional<Certainty>(it->second);
    }
    const Certainty c = overall(g.span(id));
    if (certain_only && c != Certainty::certain) return std::nullopt;
    return c;
  };
  if (!usable_entity(o.center)) {
    throw query_error(fmt::format("'{}' does not exist at {}", g.entity(o.center).key,
                                  o.at ? o.at->text() : std::string("any date")));
  }

  // Breadth-first, relations taken in either direction.
  std::map<EntityId, int> distance{{o.center, 0}};
  std::deque<EntityId> queue{o.center};
  while (!queue.empty()) {
    const EntityId v = queue.front();
    queue.pop_front();
    if (distance.at(v) >= o.depth) continue;
    auto visit = [&](RelationId id, EntityId next) {
      if (!certainty_of(id) || !usable_entity(next) || distance.contains(next)) return;
      distance.emplace(next, distance.at(v) + 1);
      queue.push_back(next);
    };
    for (RelationId id : g.out(v)) visit(id, g.relation(id).to);
    for (RelationId id : g.in(v)) visit(id, g.relation(id).from);
  }

  RenderGraph rg;
  rg.name = std::string(g.name().empty() ? "ego" : g.name());
  rg.rankdir = o.view.rankdir;
  rg.nodesep = 0.3;
  rg.ranksep = 0.7;
  std::set<EntityKind> kinds;
  bool possible = false;
  for (const auto& [v, d] : distance) {
    const Entity e = g.entity(v);
    const NodeLook look = entity_look(e.kind);
    Node n;
    n.id = std::string(e.key);
    n.label = name_label(e, o.view.lang);
    const std::string span = lifespan_text(e);
    if (!span.empty() && e.kind != EntityKind::person) {
      n.label.lines.push_back({span, kDetailSize, std::string(kDetailColor)});
    }
    n.shape = look.shape;
    n.fill = look.fill;
    n.border = look.border;
    if (v == o.center) {
      n.penwidth = 2.6;
      n.label.lines.front().emphasis = Emphasis::bold;
    }
    auto a = alive.find(v);
    if (a != alive.end() && a->second == Certainty::possible) {
      n.border_style = LineStyle::dashed;
      possible = true;
    }
    kinds.insert(e.kind);
    rg.nodes.push_back(std::move(n));
  }
  std::set<RelationKind> drawn;
  std::set<RelationId> edges;
  for (const auto& [v, d] : distance) {
    for (RelationId id : g.out(v)) {
      if (distance.contains(g.relation(id).to) && certainty_of(id)) edges.insert(id);
    }
  }
  for (RelationId id : edges) {
    const Relation r = g.relation(id);
    const EdgeLook look = relation_look(r.kind);
    Edge e = styled_edge(g, r.from, r.to, look);
    if (*certainty_of(id) == Certainty::possible && o.at) {
      e.style = LineStyle::dashed;
      possible = true;
    }
    if (r.kind == RelationKind::holds) {
      e.label = role_label(r, o.view.lang, kDetailSize, look.color);
    } else {
      e.label.lines.push_back({look.words, kDetailSize, look.color});
    }
    const std::string dates = dates_text(r);
    if (!dates.empty())
      e.label.lines.push_back({dates, kDetailSize - 1, std::string(kDetailColor)});
    rg.edges.push_back(std::move(e));
    drawn.insert(r.kind);
  }

  rg.title.lines.push_back({fmt::format("Around {} {}", name_text(g.entity(o.center), o.view.lang),
                                        o.at ? "at " + o.at->text() : std::string("over time")),
                            kTitleSize});
  rg.title.lines.push_back(
      {fmt::format("graph {} · up to {} step{} away · {} entities, {} "
                   "relations",
                   g.name(), o.depth, o.depth == 1 ? "" : "s", rg.nodes.size(), rg.edges.size()),
       kLatinSize, std::string(kDetailColor)});
  for (EntityKind k : kinds) rg.legend.push_back(legend_entry(k));
  for (RelationKind k : drawn) rg.legend.push_back(legend_entry(k));
  if (possible) {
    LegendEntry p;
    p.sample = LegendEntry::Sample::edge;
    p.style = LineStyle::dashed;
    p.color = "#555555";
    p.text = "dashed: possible, not certain, at this date";
    rg.legend.push_back(p);
  }
  return rg;
}

}  // namespace orgraph::render
