// The snapshot view: query::snapshot at a date, bodies as clusters around their members.
//
// Each body is a cluster holding its own node (drawn first, emphasised) and its members, so that
// relations to the body attach to a named box, not to the cluster's border. Graphviz clusters must
// nest, so each member sits in one body (its primary membership) and the memberships that do not
// fit the tree are drawn as thin edges; a body whose primary membership would close a loop stays
// at the top level.

#include "orgraph/render/snapshot_view.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "orgraph/query/snapshot.hpp"
#include "orgraph/render/style.hpp"

namespace orgraph::render {
namespace {

bool wanted_kind(const ViewOptions& view, RelationKind kind) {
  if (view.relations.empty()) return traits(kind).category != Category::events;
  return std::find(view.relations.begin(), view.relations.end(), kind) != view.relations.end();
}

bool wanted_type(const ViewOptions& view, const Entity& e) {
  if (view.types.empty() || e.kind != EntityKind::org) return true;
  return std::find(view.types.begin(), view.types.end(), e.type) != view.types.end();
}

// part_of before member_of before represented_in: how firmly a member belongs to a body.
int membership_rank(RelationKind kind) {
  switch (kind) {
    case RelationKind::part_of:
      return 0;
    case RelationKind::member_of:
      return 1;
    default:
      return 2;
  }
}

struct Membership {
  EntityId member;
  EntityId body;
  RelationId relation;
  Certainty certainty;
};

constexpr std::string_view kBodyFill = "#d6e4f5";

std::string cluster_id(const Entity& body) { return fmt::format("cluster_{}", body.key); }

class SnapshotBuilder {
 public:
  SnapshotBuilder(const TemporalGraph& g, const SnapshotViewOptions& o) : g_(g), o_(o) {}

  RenderGraph build() {
    // The query keeps only what this view can draw, so that "connected" means connected by a
    // drawn relation (or a membership, drawn as a cluster).
    query::SnapshotOptions q;
    q.certain_only = o_.view.certainty == CertaintyFilter::certain_only;
    q.kinds = {EntityKind::org, EntityKind::event, EntityKind::place};
    if (o_.people == People::shown) q.kinds.push_back(EntityKind::person);
    for (const RelationTraits& t : relation_table()) {
      if (drawable(t.kind)) q.relations.push_back(t.kind);
    }
    q.connected_only = o_.connectivity == Connectivity::connected_only;
    const query::Snapshot s = query::snapshot(g_, query_range(o_.at), q);
    for (const query::EntityAt& e : s.entities) certainty_[e.entity] = e.certainty;
    choose_nodes(s);
    choose_relations(s);
    place_members();

    rg_.name = std::string(g_.name().empty() ? "snapshot" : g_.name());
    rg_.rankdir = o_.view.rankdir;
    rg_.nodesep = 0.3;
    rg_.ranksep = 0.6;
    for (EntityId v : shown_) rg_.nodes.push_back(entity_node(v));
    for (EntityId v : shown_) {
      if (is_body(v) && !parent_.contains(v)) rg_.clusters.push_back(cluster(v));
    }
    for (const auto& [id, certainty] : edges_) add_edge(id, certainty);
    for (const Membership& m : extra_) add_membership_edge(m);
    arrange_unlinked();
    title_and_legend();
    return std::move(rg_);
  }

 private:
  bool drawable(RelationKind kind) const {
    const Category cat = traits(kind).category;
    if (cat == Category::lineage || !wanted_kind(o_.view, kind)) return false;
    return cat != Category::office || o_.people == People::shown;
  }

  void choose_nodes(const query::Snapshot& s) {
    for (const query::EntityAt& e : s.entities) {
      const Entity entity = g_.entity(e.entity);
      if (entity.kind == EntityKind::org && wanted_type(o_.view, entity)) shown_.insert(e.entity);
      if (entity.kind == EntityKind::person && o_.people == People::shown) shown_.insert(e.entity);
    }
  }

  // Relations between shown entities; places and events join when an alignment or event
  // relation drawn reaches them. Memberships are kept aside: they become clusters.
  void choose_relations(const query::Snapshot& s) {
    for (const query::RelationAt& ra : s.relations) {
      const Relation r = g_.relation(ra.relation);
      const Category cat = traits(r.kind).category;
      if (!drawable(r.kind)) continue;
      auto reachable = [&](EntityId v) {
        const EntityKind k = g_.entity(v).kind;
        return shown_.contains(v) || k == EntityKind::place || k == EntityKind::event;
      };
      if (cat == Category::membership) {
        if (shown_.contains(r.from) && shown_.contains(r.to)) {
          memberships_.push_back({r.from, r.to, ra.relation, ra.certainty});
        }
        continue;
      }
      if (!reachable(r.from) || !reachable(r.to)) continue;
      if (!shown_.contains(r.from) && !shown_.contains(r.to)) continue;  // place ↔ event only
      shown_.insert(r.from);
      shown_.insert(r.to);
      edges_.emplace_back(ra.relation, ra.certainty);
    }
  }

  // Each member's primary body (the first in membership_rank, certainty, body id order), then
  // the tree: a membership that would close a loop is drawn as an edge instead.
  void place_members() {
    std::vector<Membership> ordered = memberships_;
    std::sort(ordered.begin(), ordered.end(), [&](const Membership& a, const Membership& b) {
      const RelationKind ka = g_.relation(a.relation).kind, kb = g_.relation(b.relation).kind;
      return std::make_tuple(a.member, membership_rank(ka), a.certainty != Certainty::certain,
                             a.body, a.relation) <
             std::make_tuple(b.member, membership_rank(kb), b.certainty != Certainty::certain,
                             b.body, b.relation);
    });
    for (const Membership& m : ordered) {
      if (parent_.contains(m.member) || closes_loop(m.member, m.body)) {
        extra_.push_back(m);
        continue;
      }
      parent_[m.member] = m.body;
      primary_[m.member] = m;
    }
    // A body whose members all sit elsewhere gets no box: its memberships are edges.
    for (const auto& [member, body] : parent_) bodies_.insert(body);
  }

  bool closes_loop(EntityId member, EntityId body) const {
    for (EntityId v = body;;) {
      if (v == member) return true;
      auto it = parent_.find(v);
      if (it == parent_.end()) return false;
      v = it->second;
    }
  }

  bool is_body(EntityId v) const { return bodies_.contains(v); }

  // Dashed when the entity is only possibly alive, or only possibly in its cluster.
  LineStyle border_of(EntityId v) const {
    auto it = certainty_.find(v);
    const bool possible_alive = it != certainty_.end() && it->second == Certainty::possible;
    auto m = primary_.find(v);
    const bool possible_member = m != primary_.end() && m->second.certainty == Certainty::possible;
    return possible_alive || possible_member ? LineStyle::dashed : LineStyle::solid;
  }

  Node entity_node(EntityId v) {
    const Entity e = g_.entity(v);
    const NodeLook look = entity_look(e.kind);
    Node n;
    n.id = std::string(e.key);
    n.label = name_label(e, o_.view.lang);
    if (e.kind == EntityKind::org) {
      // Undated orgs are unbounded (DESIGN §1), so they appear at every date: say so.
      std::string detail(e.type);
      if (e.start->empty() && e.end->empty()) detail += detail.empty() ? "undated" : " · undated";
      if (!detail.empty())
        n.label.lines.push_back({detail, kDetailSize, std::string(kDetailColor)});
    }
    n.shape = look.shape;
    n.fill = look.fill;
    n.border = look.border;
    if (is_body(v)) {
      n.fill = std::string(kBodyFill);
      n.penwidth = 1.8;
      n.label.lines.front().emphasis = Emphasis::bold;
    }
    n.border_style = border_of(v);
    if (n.border_style == LineStyle::dashed) possible_shown_ = true;
    kinds_shown_.insert(e.kind);
    return n;
  }

  Cluster cluster(EntityId body) {
    const Entity e = g_.entity(body);
    Cluster cl;
    cl.id = cluster_id(e);
    cl.fill = depth(body) % 2 == 0 ? "#f5f8fc" : "#ffffff";
    cl.border = "#8fb0dc";
    cl.nodes.emplace_back(e.key);  // the body itself, first
    for (EntityId v : shown_) {
      auto it = parent_.find(v);
      if (it == parent_.end() || it->second != body) continue;
      if (is_body(v)) {
        cl.children.push_back(cluster(v));
      } else {
        cl.nodes.emplace_back(g_.entity(v).key);
      }
    }
    return cl;
  }

  int depth(EntityId v) const {
    int d = 0;
    for (auto it = parent_.find(v); it != parent_.end(); it = parent_.find(it->second)) ++d;
    return d;
  }

  // True when `inner` lies inside `outer`'s cluster.
  bool inside(EntityId inner, EntityId outer) const {
    for (auto it = parent_.find(inner); it != parent_.end(); it = parent_.find(it->second)) {
      if (it->second == outer) return true;
    }
    return false;
  }

  void add_edge(RelationId id, Certainty certainty) {
    const Relation r = g_.relation(id);
    const EdgeLook look = relation_look(r.kind);
    Edge e = styled_edge(g_, r.from, r.to, look);
    if (certainty == Certainty::possible) e.style = LineStyle::dashed;
    if (certainty == Certainty::possible) possible_shown_ = true;
    if (r.kind == RelationKind::holds) {
      e.label = role_label(r, o_.view.lang, kDetailSize, look.color);
    } else {
      e.label.lines.push_back({look.words, kDetailSize, look.color});
    }
    const std::string dates = dates_text(r);
    if (!dates.empty())
      e.label.lines.push_back({dates, kDetailSize - 1, std::string(kDetailColor)});
    rg_.edges.push_back(std::move(e));
    kinds_drawn_.insert(r.kind);
    ++drawn_;
  }

  // Entities without a drawn edge would all fall on one rank, a long column (or row): lay them
  // out as a rough square instead, a chain of invisible edges per row, at the top level and in
  // each cluster.
  void arrange_unlinked() {
    std::set<std::string> linked;
    for (const Edge& e : rg_.edges) {
      linked.insert(e.tail);
      linked.insert(e.head);
    }
    std::vector<std::string> clustered;
    std::function<void(const Cluster&)> visit = [&](const Cluster& cl) {
      // The body's node leads its members: before its cluster's rows, its linked members and
      // its nested bodies.
      const std::vector<std::string> members(cl.nodes.begin() + 1, cl.nodes.end());
      std::vector<std::string> heads = grid(members, linked);
      for (const std::string& m : members) {
        if (linked.contains(m)) heads.push_back(m);
      }
      for (const Cluster& child : cl.children) heads.push_back(child.nodes.front());
      for (const std::string& head : heads) {
        rg_.edges.push_back(
            {.tail = cl.nodes.front(), .head = head, .style = LineStyle::invisible});
      }
      clustered.insert(clustered.end(), cl.nodes.begin(), cl.nodes.end());
      for (const Cluster& child : cl.children) visit(child);
    };
    for (const Cluster& cl : rg_.clusters) visit(cl);
    std::set<std::string> in_cluster(clustered.begin(), clustered.end());
    std::vector<std::string> top;
    for (const Node& n : rg_.nodes) {
      if (!in_cluster.contains(n.id)) top.push_back(n.id);
    }
    grid(top, linked);
  }

  // Chains the unlinked ones among `ids` into rows of about √n; returns the first of each row.
  std::vector<std::string> grid(const std::vector<std::string>& ids,
                                const std::set<std::string>& linked) {
    std::vector<std::string> free, heads;
    for (const std::string& id : ids) {
      if (!linked.contains(id)) free.push_back(id);
    }
    const std::size_t per_row =
        free.size() < 3 ? 1 : static_cast<std::size_t>(std::ceil(std::sqrt(double(free.size()))));
    for (std::size_t i = 0; i < free.size(); ++i) {
      if (i % per_row == 0) {
        heads.push_back(free[i]);
        continue;
      }
      Edge e;
      e.tail = free[i - 1];
      e.head = free[i];
      e.style = LineStyle::invisible;
      rg_.edges.push_back(std::move(e));
    }
    return heads;
  }

  void title_and_legend() {
    rg_.title.lines.push_back({fmt::format("Snapshot at {}", o_.at.text()), kTitleSize});
    std::size_t orgs = 0;
    for (EntityId v : shown_) orgs += g_.entity(v).kind == EntityKind::org;
    rg_.title.lines.push_back(
        {fmt::format("graph {} · {} organisation{}, {} {} with members, {} relation{} drawn",
                     g_.name(), orgs, orgs == 1 ? "" : "s", bodies_.size(),
                     bodies_.size() == 1 ? "body" : "bodies", drawn_, drawn_ == 1 ? "" : "s"),
         kLatinSize, std::string(kDetailColor)});
    for (EntityKind k :
         {EntityKind::org, EntityKind::person, EntityKind::event, EntityKind::place}) {
      if (kinds_shown_.contains(k)) rg_.legend.push_back(legend_entry(k));
    }
    if (!bodies_.empty()) {
      LegendEntry body;
      body.sample = LegendEntry::Sample::node;
      body.text = "body, boxed with its members then";
      body.color = "#3b6fb6";
      body.fill = std::string(kBodyFill);
      rg_.legend.push_back(body);
    }
    for (RelationKind k : kinds_drawn_) rg_.legend.push_back(legend_entry(k));
    if (possible_shown_) {
      LegendEntry possible;
      possible.sample = LegendEntry::Sample::edge;
      possible.style = LineStyle::dashed;
      possible.color = "#555555";
      possible.text = "dashed: possible, not certain, at this date";
      rg_.legend.push_back(possible);
    }
  }

  // A membership that does not fit the cluster tree: a thin edge to the other body. One whose
  // member already sits inside the body's cluster (through a nested body) is left to the nesting.
  void add_membership_edge(const Membership& m) {
    if (inside(m.member, m.body)) return;
    const Relation r = g_.relation(m.relation);
    const EdgeLook look = relation_look(r.kind);
    Edge e = styled_edge(g_, m.member, m.body, look);
    if (m.certainty == Certainty::possible) e.style = LineStyle::dashed;
    e.label.lines.push_back({look.words, kDetailSize, look.color});
    rg_.edges.push_back(std::move(e));
    kinds_drawn_.insert(r.kind);
    ++drawn_;
  }

  const TemporalGraph& g_;
  const SnapshotViewOptions& o_;
  RenderGraph rg_;
  std::map<EntityId, Certainty> certainty_;
  std::set<EntityId> shown_;  // ordered: nodes and clusters come out in id order
  std::vector<std::pair<RelationId, Certainty>> edges_;
  std::vector<Membership> memberships_;
  std::set<EntityId> bodies_;
  std::map<EntityId, EntityId> parent_;
  std::map<EntityId, Membership> primary_;
  std::vector<Membership> extra_;
  std::set<EntityKind> kinds_shown_;
  std::set<RelationKind> kinds_drawn_;
  bool possible_shown_ = false;
  std::size_t drawn_ = 0;  // relations drawn (not counting layout helpers)
};

}  // namespace

RenderGraph snapshot_view(const TemporalGraph& graph, const SnapshotViewOptions& options) {
  return SnapshotBuilder(graph, options).build();
}

}  // namespace orgraph::render
