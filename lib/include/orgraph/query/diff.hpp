#pragma once

// What changed between two dates: entities and relations that began or ended.

#include <optional>
#include <vector>

#include <fmt/format.h>

#include "orgraph/graph.hpp"

namespace orgraph::query {

enum class Change : std::uint8_t { began, ended };
std::string_view to_string(Change change);

// One change: an entity (relation empty) or a relation that began or ended. `date` is the
// start, end or date written for it; certainty is certain when that date lies wholly inside the
// window and possible when it only overlaps it.
struct ChangeItem {
  Change change;
  const Date* date;
  std::optional<EntityId> entity;
  std::optional<RelationId> relation;
  Certainty certainty;
};

// The changes from the first day of `from` to the last day of `to`, sorted by date. Throws
// orgraph::error when `from` starts after `to` ends. Time: O(n) over entities and relations.
std::vector<ChangeItem> diff(const TemporalGraph& graph, DayRange from, DayRange to);

}  // namespace orgraph::query

template <>
struct fmt::formatter<orgraph::query::Change> : fmt::formatter<std::string_view> {
  auto format(orgraph::query::Change v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::query::to_string(v), ctx);
  }
};
