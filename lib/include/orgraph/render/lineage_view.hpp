#pragma once

// The lineage view: the family tree of an org (or of the whole graph) on a time axis.

#include <cstdint>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "orgraph/graph.hpp"
#include "orgraph/query/lineage.hpp"
#include "orgraph/render/render_graph.hpp"
#include "orgraph/render/view_options.hpp"

namespace orgraph::render {

// The unit of the time axis: years, months, or chosen from the span (months when every dated
// org starts within three years, years otherwise).
enum class TimeResolution : std::uint8_t { automatic, year, month };
// "automatic", "year" or "month". Time: O(1).
std::string_view to_string(TimeResolution resolution);

// What lineage_view draws: one org's family tree (focus, direction, depth as query::lineage takes
// them) or every lineage in the graph, on an axis of `resolution`.
struct LineageViewOptions {
  ViewOptions view;
  std::optional<EntityId> focus;  // an org: its lineage (query::lineage); none: every lineage
  query::Direction direction = query::Direction::both;  // with a focus only
  std::optional<int> depth;                             // with a focus only
  TimeResolution resolution = TimeResolution::automatic;
};

// The lineage diagram. Nodes: the focus's lineage (query::lineage), or every org (and founder)
// touched by a lineage relation; ids are entity keys. Each org sits on the rank of the period
// (year or month) its start falls in, a ruler of periods runs along the axis (more than two empty
// periods in a row collapse into one "…" step), and orgs without a start date sit in an
// "undated" column before the first period; a founder without dates sits at its first founding.
// Earlier is always left of (LR) or above (TB) later: ranks are fixed by same-rank groups and
// the ruler chain only, lineage edges do not constrain them. Edges: one per lineage relation,
// styled per kind (lineage_look), labelled with the kind and the date as written, pointing as
// written (split_from from the new org to the old one). Labels: names per view.lang, the
// lifespan underneath. Filters: view.relations keeps only those lineage kinds, view.types only
// those org types (the focus is always kept), certain_only drops relations whose date is
// qualified (? ~ %). Title: the focus (or "all lineages"), direction, graph name and period.
// Throws query_error when the focus is not an org. Deterministic. Time: O(n log n) in the
// nodes and edges drawn.
RenderGraph lineage_view(const TemporalGraph& graph, const LineageViewOptions& options = {});

}  // namespace orgraph::render

template <>
struct fmt::formatter<orgraph::render::TimeResolution> : fmt::formatter<std::string_view> {
  auto format(orgraph::render::TimeResolution v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::render::to_string(v), ctx);
  }
};
