#pragma once

// The closed vocabulary of orgraph: entity kinds, relation kinds and their traits, entity types.
// Everything that knows what a `member_of` or an `org` is reads it from the tables declared here.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <fmt/format.h>

namespace orgraph {

// What an entity is (DESIGN §1). `source` entities document facts and are never analysed.
enum class EntityKind : std::uint8_t { org, person, event, place, source };
inline constexpr int kEntityKindCount = 5;

// The relation vocabulary (DESIGN §1); see relation_traits() for direction and time shape.
enum class RelationKind : std::uint8_t {
  member_of,
  part_of,
  represented_in,
  holds,
  split_from,
  merged_into,
  renamed_to,
  succeeded_by,
  formed_from,
  founded,
  allied_with,
  supports,
  opposes,
  controls,
  approved,
  participated_in,
  organized,
  located_in,
};
inline constexpr int kRelationKindCount = 18;

// Relation categories; the graph keeps one adjacency index per category.
enum class Category : std::uint8_t { membership, office, lineage, alignment, events };
inline constexpr int kCategoryCount = 5;

// Whether a relation has a direction (`supports`) or reads the same both ways (`allied_with`).
enum class Symmetry : std::uint8_t { directed, symmetric };

// How a relation is dated: an interval (`start`/`end`), a point (`date`), or either.
enum class TimeShape : std::uint8_t { interval, point, either };

// A set of entity kinds, used for the endpoints a relation allows.
class KindSet {
 public:
  constexpr KindSet() = default;
  constexpr KindSet(std::initializer_list<EntityKind> kinds) {
    for (auto k : kinds) bits_ |= bit(k);
  }
  constexpr bool contains(EntityKind k) const { return (bits_ & bit(k)) != 0; }
  constexpr std::uint8_t bits() const { return bits_; }

 private:
  static constexpr std::uint8_t bit(EntityKind k) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(k));
  }
  std::uint8_t bits_ = 0;
};

// One row of the relation table: everything orgraph knows about a relation kind.
struct RelationTraits {
  RelationKind kind;
  std::string_view name;  // as written in files: "member_of"
  Category category;
  Symmetry symmetry;
  TimeShape time;
  KindSet from;              // allowed kinds of the first endpoint (tail in DOT)
  KindSet to;                // allowed kinds of the second endpoint (head in DOT)
  std::string_view reading;  // how `A -> B` reads, e.g. "A is a member of B"
};

// The whole relation table, in RelationKind order. Time: O(1).
std::span<const RelationTraits> relation_table();

// The traits of one relation kind. Time: O(1).
const RelationTraits& traits(RelationKind kind);

// True for the lineage kinds whose edge points from the newer entity to the older one
// (`split_from`, `formed_from`); false for those pointing forward in time. Time: O(1).
bool lineage_points_back(RelationKind kind);

// Parses a relation kind as written in files; nullopt when unknown. Time: O(kinds).
std::optional<RelationKind> parse_relation_kind(std::string_view text);
// Parses an entity kind as written in files; nullopt when unknown. Time: O(kinds).
std::optional<EntityKind> parse_entity_kind(std::string_view text);
// Parses a category name ("membership", …); nullopt when unknown. Time: O(categories).
std::optional<Category> parse_category(std::string_view text);

// The `type=` vocabulary of one entity kind (empty for `person`, which takes no type).
// Time: O(1).
std::span<const std::string_view> entity_types(EntityKind kind);

// True when `type` is in entity_types(kind). Time: O(types).
bool is_known_type(EntityKind kind, std::string_view type);

std::string_view to_string(EntityKind kind);
// The kind with its indefinite article, for messages: "an org", "a person". Time: O(1).
std::string_view with_article(EntityKind kind);
std::string_view to_string(RelationKind kind);
std::string_view to_string(Category category);
std::string_view to_string(Symmetry symmetry);
std::string_view to_string(TimeShape shape);

}  // namespace orgraph

// Every enum prints the same in tables, JSON and errors (STYLE rule 5).
template <>
struct fmt::formatter<orgraph::EntityKind> : fmt::formatter<std::string_view> {
  auto format(orgraph::EntityKind v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(v), ctx);
  }
};
template <>
struct fmt::formatter<orgraph::RelationKind> : fmt::formatter<std::string_view> {
  auto format(orgraph::RelationKind v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(v), ctx);
  }
};
template <>
struct fmt::formatter<orgraph::Category> : fmt::formatter<std::string_view> {
  auto format(orgraph::Category v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(v), ctx);
  }
};
template <>
struct fmt::formatter<orgraph::Symmetry> : fmt::formatter<std::string_view> {
  auto format(orgraph::Symmetry v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(v), ctx);
  }
};
template <>
struct fmt::formatter<orgraph::TimeShape> : fmt::formatter<std::string_view> {
  auto format(orgraph::TimeShape v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(v), ctx);
  }
};
