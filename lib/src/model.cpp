#include "orgraph/model.hpp"

#include <algorithm>
#include <array>

namespace orgraph {
namespace {

using enum EntityKind;
constexpr KindSet kOrg{org};
constexpr KindSet kActor{org, person};
constexpr KindSet kEvent{event};
constexpr KindSet kPlace{place};

// The one table of relation kinds (DESIGN §1). Order matches RelationKind.
constexpr std::array<RelationTraits, kRelationKindCount> kRelations{{
    {RelationKind::member_of, "member_of", Category::membership, Symmetry::directed,
     TimeShape::interval, kActor, kOrg, "A is a member of B"},
    {RelationKind::part_of, "part_of", Category::membership, Symmetry::directed,
     TimeShape::interval, kOrg, kOrg, "A is a sub-body of B"},
    {RelationKind::represented_in, "represented_in", Category::membership, Symmetry::directed,
     TimeShape::interval, kOrg, kOrg, "A is represented in B"},
    {RelationKind::holds, "holds", Category::office, Symmetry::directed, TimeShape::interval,
     KindSet{person}, kOrg, "A holds the office role= in B"},
    {RelationKind::split_from, "split_from", Category::lineage, Symmetry::directed,
     TimeShape::point, kOrg, kOrg, "A split from B; B continues"},
    {RelationKind::merged_into, "merged_into", Category::lineage, Symmetry::directed,
     TimeShape::point, kOrg, kOrg, "A merged into B; A ends"},
    {RelationKind::renamed_to, "renamed_to", Category::lineage, Symmetry::directed,
     TimeShape::point, kOrg, kOrg, "A was renamed B; the identity continues"},
    {RelationKind::succeeded_by, "succeeded_by", Category::lineage, Symmetry::directed,
     TimeShape::point, kOrg, kOrg, "A was replaced by its successor B"},
    {RelationKind::formed_from, "formed_from", Category::lineage, Symmetry::directed,
     TimeShape::point, kOrg, kOrg, "A was formed from constituent B"},
    {RelationKind::founded, "founded", Category::lineage, Symmetry::directed, TimeShape::point,
     kActor, kOrg, "A founded B"},
    {RelationKind::allied_with, "allied_with", Category::alignment, Symmetry::symmetric,
     TimeShape::interval, kActor, kActor, "A and B are allied"},
    {RelationKind::supports, "supports", Category::alignment, Symmetry::directed,
     TimeShape::interval, kActor, KindSet{org, person, event}, "A backs B"},
    {RelationKind::opposes, "opposes", Category::alignment, Symmetry::directed, TimeShape::interval,
     kActor, KindSet{org, person, event}, "A opposes B"},
    {RelationKind::controls, "controls", Category::alignment, Symmetry::directed,
     TimeShape::interval, kOrg, KindSet{org, place}, "A dominates or controls B"},
    {RelationKind::approved, "approved", Category::alignment, Symmetry::directed,
     TimeShape::interval, kActor, KindSet{org, event}, "authority A approved B"},
    {RelationKind::participated_in, "participated_in", Category::events, Symmetry::directed,
     TimeShape::either, kActor, kEvent, "A took part in event B"},
    {RelationKind::organized, "organized", Category::events, Symmetry::directed, TimeShape::either,
     kActor, kEvent, "A organised event B"},
    {RelationKind::located_in, "located_in", Category::events, Symmetry::directed,
     TimeShape::either, KindSet{event, org, place}, kPlace, "A took place or is based in B"},
}};

constexpr std::array<std::string_view, kEntityKindCount> kEntityKindNames{"org", "person", "event",
                                                                          "place", "source"};
constexpr std::array<std::string_view, kCategoryCount> kCategoryNames{
    "membership", "office", "lineage", "alignment", "events"};

constexpr std::array<std::string_view, 27> kOrgTypes{"coalition",      "council",
                                                     "committee",      "office",
                                                     "coordination",   "network",
                                                     "armed_group",    "government",
                                                     "party",          "campaign",
                                                     "project",        "media",
                                                     "movement",       "gathering",
                                                     "front",          "union",
                                                     "association",    "ngo",
                                                     "legislature",    "ministry",
                                                     "court",          "security_service",
                                                     "religious_body", "platform",
                                                     "body",           "company",
                                                     "other"};
constexpr std::array<std::string_view, 12> kEventTypes{
    "conference", "meeting", "dialogue", "announcement", "election",  "attack",
    "battle",     "capture", "protest",  "agreement",    "statement", "other"};
constexpr std::array<std::string_view, 10> kPlaceTypes{
    "country",  "governorate",   "region",  "city", "town",
    "district", "neighbourhood", "village", "site", "other"};
constexpr std::array<std::string_view, 5> kSourceTypes{"article", "report", "statement", "website",
                                                       "book"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names,
                               std::string_view text) {
  auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) return std::nullopt;
  return static_cast<Enum>(it - names.begin());
}

}  // namespace

std::span<const RelationTraits> relation_table() { return kRelations; }

const RelationTraits& traits(RelationKind kind) {
  return kRelations[static_cast<std::size_t>(kind)];
}

bool lineage_points_back(RelationKind kind) {
  return kind == RelationKind::split_from || kind == RelationKind::formed_from;
}

std::optional<RelationKind> parse_relation_kind(std::string_view text) {
  for (const auto& row : kRelations) {
    if (row.name == text) return row.kind;
  }
  return std::nullopt;
}

std::optional<EntityKind> parse_entity_kind(std::string_view text) {
  return parse_name<EntityKind>(kEntityKindNames, text);
}

std::optional<Category> parse_category(std::string_view text) {
  return parse_name<Category>(kCategoryNames, text);
}

std::span<const std::string_view> entity_types(EntityKind kind) {
  switch (kind) {
    case EntityKind::org:
      return kOrgTypes;
    case EntityKind::event:
      return kEventTypes;
    case EntityKind::place:
      return kPlaceTypes;
    case EntityKind::source:
      return kSourceTypes;
    case EntityKind::person:
      break;
  }
  return {};
}

bool is_known_type(EntityKind kind, std::string_view type) {
  auto types = entity_types(kind);
  return std::find(types.begin(), types.end(), type) != types.end();
}

std::string_view to_string(EntityKind kind) {
  return kEntityKindNames[static_cast<std::size_t>(kind)];
}
std::string_view with_article(EntityKind kind) {
  constexpr std::array<std::string_view, kEntityKindCount> kWithArticle{
      "an org", "a person", "an event", "a place", "a source"};
  return kWithArticle[static_cast<std::size_t>(kind)];
}

std::string_view to_string(RelationKind kind) { return traits(kind).name; }
std::string_view to_string(Category category) {
  return kCategoryNames[static_cast<std::size_t>(category)];
}
std::string_view to_string(Symmetry symmetry) {
  return symmetry == Symmetry::directed ? "directed" : "symmetric";
}
std::string_view to_string(TimeShape shape) {
  switch (shape) {
    case TimeShape::interval:
      return "interval";
    case TimeShape::point:
      return "point";
    case TimeShape::either:
      break;
  }
  return "interval or point";
}

}  // namespace orgraph
