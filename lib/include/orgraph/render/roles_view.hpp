#pragma once

// The roles view: the office-holders of an org (or one person's offices) as a table.

#include <optional>

#include "orgraph/date.hpp"
#include "orgraph/graph.hpp"
#include "orgraph/render/render_graph.hpp"
#include "orgraph/render/view_options.hpp"

namespace orgraph::render {

// What roles_view draws: the offices of one org or one person, at `at` or over time.
struct RolesViewOptions {
  ViewOptions view;
  EntityId subject = kNoEntity;  // an org (its office-holders) or a person (their offices)
  std::optional<Date> at;        // only offices held then; none: over time
};

// One node holding a table (query::roles, in its order: by start date, role, person) with the
// columns role, holder (or org, for a person), from, to, certainty, sources; a possible office
// is greyed and marked "?". An org without offices gives a table with one "no offices" row.
// Throws query_error when the subject is neither an org nor a person. Deterministic.
// Time: O(offices · log).
RenderGraph roles_view(const TemporalGraph& graph, const RolesViewOptions& options);

}  // namespace orgraph::render
