#pragma once

// The snapshot view: the graph as it stood at a date, bodies drawn around their members.

#include <cstdint>
#include <string_view>

#include <fmt/format.h>

#include "orgraph/date.hpp"
#include "orgraph/graph.hpp"
#include "orgraph/render/render_graph.hpp"
#include "orgraph/render/view_options.hpp"

namespace orgraph::render {

// Whether persons (and the offices they hold) are drawn.
enum class People : std::uint8_t { hidden, shown };
// "hidden" or "shown". Time: O(1).
std::string_view to_string(People people);

// Whether entities that no drawn relation or membership touches are drawn (undated orgs are
// alive at every date, so sparse data fills a snapshot with them).
enum class Connectivity : std::uint8_t { all, connected_only };
// "all" or "connected_only". Time: O(1).
std::string_view to_string(Connectivity connectivity);

// What snapshot_view draws: the graph at `at`, with or without persons and unconnected entities.
struct SnapshotViewOptions {
  ViewOptions view;
  Date at;  // the date (or range: `2013` is the whole year), read as query_range(at)
  People people = People::hidden;
  Connectivity connectivity = Connectivity::all;  // connected_only: query's connected_only
};

// The snapshot diagram at `options.at` (query::snapshot). Nodes: the orgs alive then (filtered
// by view.types), persons with People::shown, and the places and events an alignment or event
// relation drawn touches; ids are entity keys. Every body with members then (member_of, part_of,
// represented_in) is a cluster "cluster_<key>" holding exactly those members; a member of several
// bodies sits in one (part_of before member_of before represented_in, certain before possible,
// then the lower id) and gets a thin edge to the others, and bodies that are members nest.
// Edges: alignment relations coloured per kind (relation_look), office relations labelled with the
// role (persons shown only), event relations when asked for through view.relations. A fact or an
// entity that is only possible then is dashed; an org without any dates says "undated" (it is
// alive at every date). Entities without a drawn edge are laid out as a rough square rather than
// one long rank. Title: the date, graph name and counts. Deterministic.
// Time: O(snapshot size · log).
RenderGraph snapshot_view(const TemporalGraph& graph, const SnapshotViewOptions& options);

}  // namespace orgraph::render

template <>
struct fmt::formatter<orgraph::render::Connectivity> : fmt::formatter<std::string_view> {
  auto format(orgraph::render::Connectivity v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::render::to_string(v), ctx);
  }
};
template <>
struct fmt::formatter<orgraph::render::People> : fmt::formatter<std::string_view> {
  auto format(orgraph::render::People v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::render::to_string(v), ctx);
  }
};
