#include "orgraph/query/lineage.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

namespace orgraph::query {

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::up:
      return "up";
    case Direction::down:
      return "down";
    case Direction::both:
      break;
  }
  return "both";
}

std::pair<EntityId, EntityId> older_newer(const Relation& r) {
  if (lineage_points_back(r.kind)) return {r.to, r.from};
  return {r.from, r.to};
}

namespace {

// Cycles among the lineage edges found: strongly connected components of two or more nodes
// (Tarjan 1972, through Boost.Graph), each listed in id order.
std::vector<std::vector<EntityId>> find_cycles(const TemporalGraph& g, const Lineage& l) {
  std::unordered_map<EntityId, std::size_t> index;
  for (EntityId v : l.nodes) index.emplace(v, index.size());
  using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Digraph d(l.nodes.size());
  for (RelationId id : l.edges) {
    auto [older, newer] = older_newer(g.relation(id));
    boost::add_edge(index.at(older), index.at(newer), d);
  }
  std::vector<int> component(l.nodes.size());
  const int count = boost::strong_components(d, component.data());
  std::vector<std::vector<EntityId>> groups(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < l.nodes.size(); ++i) {
    groups[static_cast<std::size_t>(component[i])].push_back(l.nodes[i]);
  }
  std::vector<std::vector<EntityId>> cycles;
  for (auto& group : groups) {
    if (group.size() < 2) continue;
    std::sort(group.begin(), group.end());
    cycles.push_back(std::move(group));
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

}  // namespace

Lineage lineage(const TemporalGraph& graph, EntityId org, const LineageOptions& options) {
  const Entity focus = graph.entity(org);
  if (focus.kind != EntityKind::org) {
    throw query_error(
        fmt::format("'{}' is {}; lineage is asked of an org", focus.key, with_article(focus.kind)));
  }
  Lineage out;
  out.focus = org;
  // Hash maps, not arrays over every entity: a lineage is small even in a huge graph.
  std::unordered_map<EntityId, int> distance{{org, 0}};
  out.nodes.push_back(org);
  // Walk one way at a time, so that "up" never turns into a sibling's descendants.
  auto walk = [&](bool up) {
    std::deque<EntityId> queue{org};
    std::unordered_map<EntityId, int> steps{{org, 0}};
    while (!queue.empty()) {
      const EntityId v = queue.front();
      queue.pop_front();
      const int here = steps.at(v);
      if (options.depth && here >= *options.depth) continue;
      auto follow = [&](RelationId id) {
        auto [older, newer] = older_newer(graph.relation(id));
        const EntityId next = up ? older : newer;
        if ((up ? newer : older) != v || !steps.emplace(next, here + 1).second) return;
        if (distance.emplace(next, here + 1).second) out.nodes.push_back(next);
        queue.push_back(next);
      };
      for (RelationId id : graph.out(v, Category::lineage)) follow(id);
      for (RelationId id : graph.in(v, Category::lineage)) follow(id);
    }
  };
  if (options.direction != Direction::down) walk(true);
  if (options.direction != Direction::up) walk(false);

  std::sort(out.nodes.begin() + 1, out.nodes.end(), [&](EntityId a, EntityId b) {
    return std::make_pair(distance.at(a), a) < std::make_pair(distance.at(b), b);
  });
  // Edges: every lineage relation between two nodes found.
  for (EntityId v : out.nodes) {
    for (RelationId id : graph.out(v, Category::lineage)) {
      if (distance.contains(graph.relation(id).to)) out.edges.push_back(id);
    }
  }
  std::sort(out.edges.begin(), out.edges.end());
  out.cycles = find_cycles(graph, out);
  return out;
}

}  // namespace orgraph::query
