#pragma once

// Members of a body: at a date, or its whole membership history.

#include <optional>
#include <vector>

#include "orgraph/graph.hpp"

namespace orgraph::query {

struct MembersOptions {
  std::optional<DayRange> at;  // only memberships holding then (else every membership ever)
  bool transitive = false;     // also members of member bodies, recursively
  bool certain_only = false;
};

// One membership: `member` joined `body` through `relation` (member_of, part_of or
// represented_in). depth is 1 for direct members, 2 for members of members, …
struct Membership {
  EntityId member;
  EntityId body;
  RelationId relation;
  std::optional<Certainty> certainty;  // with `at` only
  int depth;
};

// The memberships of `body`, sorted by depth, then start date, then member id. Throws
// orgraph::error when `body` is not an org. Time: O(memberships · log).
std::vector<Membership> members(const TemporalGraph& graph, EntityId body,
                                const MembersOptions& options = {});

}  // namespace orgraph::query
