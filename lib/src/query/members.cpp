#include "orgraph/query/members.hpp"

#include <algorithm>
#include <deque>
#include <tuple>
#include <unordered_set>

namespace orgraph::query {

std::vector<Membership> members(const TemporalGraph& graph, EntityId body,
                                const MembersOptions& options) {
  const Entity focus = graph.entity(body);
  if (focus.kind != EntityKind::org) {
    throw query_error(fmt::format("'{}' is {}; members are asked of an org", focus.key,
                                  with_article(focus.kind)));
  }
  std::vector<Membership> out;
  // The bodies already queued, for --transitive: a set the size of the answer, not a flag per
  // entity of the graph (which would make every question cost O(entities)).
  std::unordered_set<EntityId> visited{body};
  std::deque<std::pair<EntityId, int>> queue{{body, 1}};
  while (!queue.empty()) {
    auto [current, depth] = queue.front();
    queue.pop_front();
    for (RelationId id : graph.in(current, Category::membership)) {
      std::optional<Certainty> certainty;
      if (options.at) {
        certainty = graph.span(id).at(*options.at);
        if (!certainty || (options.certain_only && *certainty != Certainty::certain)) continue;
      }
      const Relation r = graph.relation(id);
      out.push_back({r.from, current, id, certainty, depth});
      if (options.transitive && graph.entity(r.from).kind == EntityKind::org &&
          visited.insert(r.from).second) {
        queue.push_back({r.from, depth + 1});
      }
    }
  }
  auto start_of = [&](const Membership& m) { return graph.span(m.relation).possible_from; };
  std::stable_sort(out.begin(), out.end(), [&](const Membership& a, const Membership& b) {
    return std::make_tuple(a.depth, start_of(a), a.member, a.relation) <
           std::make_tuple(b.depth, start_of(b), b.member, b.relation);
  });
  return out;
}

}  // namespace orgraph::query
