#include "orgraph/model.hpp"

#include <doctest/doctest.h>

#include <set>

namespace orgraph {

TEST_CASE("the relation table lists every kind once, in enum order") {
  auto table = relation_table();
  REQUIRE(table.size() == kRelationKindCount);
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < table.size(); ++i) {
    CAPTURE(table[i].name);
    CHECK(static_cast<std::size_t>(table[i].kind) == i);
    CHECK(names.insert(table[i].name).second);
    CHECK(parse_relation_kind(table[i].name) == table[i].kind);
    CHECK(to_string(table[i].kind) == table[i].name);
    CHECK(fmt::format("{}", table[i].kind) == table[i].name);
  }
}

TEST_CASE("relation traits follow DESIGN section 1") {
  SUBCASE("categories") {
    CHECK(traits(RelationKind::member_of).category == Category::membership);
    CHECK(traits(RelationKind::part_of).category == Category::membership);
    CHECK(traits(RelationKind::represented_in).category == Category::membership);
    CHECK(traits(RelationKind::holds).category == Category::office);
    for (auto k : {RelationKind::split_from, RelationKind::merged_into, RelationKind::renamed_to,
                   RelationKind::succeeded_by, RelationKind::formed_from, RelationKind::founded}) {
      CHECK(traits(k).category == Category::lineage);
      CHECK(traits(k).time == TimeShape::point);
    }
    for (auto k : {RelationKind::allied_with, RelationKind::supports, RelationKind::opposes,
                   RelationKind::controls, RelationKind::approved}) {
      CHECK(traits(k).category == Category::alignment);
      CHECK(traits(k).time == TimeShape::interval);
    }
    for (auto k :
         {RelationKind::participated_in, RelationKind::organized, RelationKind::located_in}) {
      CHECK(traits(k).category == Category::events);
      CHECK(traits(k).time == TimeShape::either);
    }
  }
  SUBCASE("only allied_with is symmetric") {
    for (const auto& t : relation_table()) {
      CAPTURE(t.name);
      CHECK((t.symmetry == Symmetry::symmetric) == (t.kind == RelationKind::allied_with));
    }
  }
  SUBCASE("endpoint kinds") {
    CHECK(traits(RelationKind::holds).from.contains(EntityKind::person));
    CHECK_FALSE(traits(RelationKind::holds).from.contains(EntityKind::org));
    CHECK(traits(RelationKind::holds).to.contains(EntityKind::org));
    CHECK(traits(RelationKind::member_of).from.contains(EntityKind::person));
    CHECK(traits(RelationKind::member_of).from.contains(EntityKind::org));
    CHECK_FALSE(traits(RelationKind::member_of).to.contains(EntityKind::person));
    CHECK(traits(RelationKind::participated_in).to.contains(EntityKind::event));
    CHECK(traits(RelationKind::located_in).to.contains(EntityKind::place));
    CHECK(traits(RelationKind::controls).to.contains(EntityKind::place));
    for (const auto& t : relation_table()) {
      CAPTURE(t.name);
      CHECK_FALSE(t.from.contains(EntityKind::source));  // sources are never analysed
      CHECK_FALSE(t.to.contains(EntityKind::source));
    }
  }
  SUBCASE("lineage direction") {
    CHECK(lineage_points_back(RelationKind::split_from));
    CHECK(lineage_points_back(RelationKind::formed_from));
    CHECK_FALSE(lineage_points_back(RelationKind::merged_into));
    CHECK_FALSE(lineage_points_back(RelationKind::renamed_to));
  }
}

TEST_CASE("entity kinds and types") {
  CHECK(parse_entity_kind("org") == EntityKind::org);
  CHECK(parse_entity_kind("source") == EntityKind::source);
  CHECK_FALSE(parse_entity_kind("organisation").has_value());
  CHECK(is_known_type(EntityKind::org, "coalition"));
  CHECK(is_known_type(EntityKind::org, "armed_group"));
  CHECK_FALSE(is_known_type(EntityKind::org, "armed group"));
  CHECK(is_known_type(EntityKind::event, "conference"));
  CHECK(is_known_type(EntityKind::place, "city"));
  CHECK(entity_types(EntityKind::person).empty());
  CHECK(parse_category("lineage") == Category::lineage);
  CHECK(fmt::format("{} {}", EntityKind::place, Category::office) == "place office");
}

}  // namespace orgraph
