#include "orgraph/query/path.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <unordered_map>

namespace orgraph::query {

std::vector<Path> shortest_paths(const TemporalGraph& graph, EntityId from, EntityId to,
                                 const PathOptions& options) {
  if (from == to || options.max_paths == 0) return {};
  auto usable = [&](RelationId id) -> std::optional<std::optional<Certainty>> {
    const Relation r = graph.relation(id);
    if (!options.relations.empty() && std::find(options.relations.begin(), options.relations.end(),
                                                r.kind) == options.relations.end()) {
      return std::nullopt;
    }
    if (!options.at) return std::optional<Certainty>();
    auto c = graph.span(id).at(*options.at);
    if (!c || (options.certain_only && *c != Certainty::certain)) return std::nullopt;
    return c;
  };
  // Breadth-first from `from`, keeping for each entity the steps that reach it on a shortest
  // path (a predecessor DAG), so that all shortest paths can be listed afterwards.
  struct Arrival {
    EntityId previous;
    PathStep step;
  };
  std::unordered_map<EntityId, int> depth{{from, 0}};
  std::unordered_map<EntityId, std::vector<Arrival>> arrivals;
  std::deque<EntityId> queue{from};
  while (!queue.empty() && !depth.contains(to)) {
    // Expand one whole level, so every shortest arrival at the next level is recorded.
    const std::size_t level_size = queue.size();
    for (std::size_t i = 0; i < level_size; ++i) {
      const EntityId v = queue.front();
      queue.pop_front();
      const int d = depth.at(v);
      auto visit = [&](RelationId id, bool forward) {
        auto certainty = usable(id);
        if (!certainty) return;
        const Relation r = graph.relation(id);
        const EntityId next = forward ? r.to : r.from;
        auto [it, fresh] = depth.emplace(next, d + 1);
        if (!fresh && it->second != d + 1) return;
        if (fresh) queue.push_back(next);
        arrivals[next].push_back({v, {id, forward, *certainty}});
      };
      for (int c = 0; c < kCategoryCount; ++c) {
        for (RelationId id : graph.out(v, static_cast<Category>(c))) visit(id, true);
        for (RelationId id : graph.in(v, static_cast<Category>(c))) visit(id, false);
      }
    }
  }
  std::vector<Path> paths;
  if (!depth.contains(to)) return paths;
  // Walk the predecessor DAG back from `to`, depth first, in relation id order.
  for (auto& [entity, list] : arrivals) {
    std::sort(list.begin(), list.end(),
              [](const Arrival& a, const Arrival& b) { return a.step.relation < b.step.relation; });
  }
  Path reversed;
  std::function<void(EntityId)> back = [&](EntityId v) {
    if (paths.size() >= options.max_paths) return;
    if (v == from) {
      paths.emplace_back(reversed.rbegin(), reversed.rend());
      return;
    }
    for (const Arrival& a : arrivals.at(v)) {
      reversed.push_back(a.step);
      back(a.previous);
      reversed.pop_back();
    }
  };
  back(to);
  return paths;
}

}  // namespace orgraph::query
