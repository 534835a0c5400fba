#pragma once

// Who held which office when.

#include <optional>
#include <string>
#include <vector>

#include "orgraph/graph.hpp"

namespace orgraph::query {

struct RolesOptions {
  std::optional<EntityId> org;     // offices of this org only
  std::optional<EntityId> person;  // this person's career only
  std::string role;                // this role only, matched after names::fold, in either language
  std::optional<DayRange> at;      // only offices held then
  bool certain_only = false;
};

// One office held: `person` held `role` in `org` through `relation` (a holds relation).
struct RoleHolding {
  EntityId person;
  EntityId org;
  RelationId relation;
  std::optional<Certainty> certainty;  // with `at` only
};

// Every office matching the options, sorted by org, start date, role and person. Throws
// orgraph::error when org is not an org or person not a person.
// Time: O(holds relations of the org/person, or of the graph without either).
std::vector<RoleHolding> roles(const TemporalGraph& graph, const RolesOptions& options = {});

// The distinct role titles (original and English) in the graph, for suggestions.
std::vector<std::string> role_titles(const TemporalGraph& graph);

}  // namespace orgraph::query
