#pragma once

// How organisations descend from each other: splits, mergers, renames, successions, formations
// and foundings.

#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "orgraph/graph.hpp"

namespace orgraph::query {

// Which way to follow lineage: up to ancestors (older bodies), down to descendants, or both.
enum class Direction : std::uint8_t { up, down, both };
std::string_view to_string(Direction direction);

struct LineageOptions {
  Direction direction = Direction::both;
  std::optional<int> depth;  // at most this many lineage steps from the focus
};

// The lineage graph around one org: nodes and lineage edges, plus any cycles found in it (a body
// cannot descend from itself, so a cycle means inconsistent data).
struct Lineage {
  EntityId focus;
  std::vector<EntityId> nodes;    // focus first, then by distance and id
  std::vector<RelationId> edges;  // lineage relations among the nodes, in id order
  std::vector<std::vector<EntityId>> cycles;
};

// Ancestors and/or descendants of `org` through lineage relations (older → newer:
// split_from and formed_from point back in time, the others forward). Throws orgraph::error when
// `org` is not an org. Time: O(lineage subgraph).
Lineage lineage(const TemporalGraph& graph, EntityId org, const LineageOptions& options = {});

// The older and the newer side of a lineage relation. Time: O(1).
std::pair<EntityId, EntityId> older_newer(const Relation& relation);

}  // namespace orgraph::query

template <>
struct fmt::formatter<orgraph::query::Direction> : fmt::formatter<std::string_view> {
  auto format(orgraph::query::Direction v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::query::to_string(v), ctx);
  }
};
