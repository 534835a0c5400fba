#include "orgraph/graph_builder.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "orgraph/names.hpp"
#include "support/build_errors.hpp"

namespace orgraph {
namespace {

using Attrs = std::vector<Attribute>;

// The fixture, drawn:
//
//   s1, s2 (sources)
//   wadi ──holds(director, 2011-10/)──▶ office ──part_of──▶ snc
//   lcc ──member_of(2011-10-02 … 2011-10-02/)──▶ snc
//   homs ──split_from(2013-05)──▶ lcc
GraphBuilder fixture() {
  GraphBuilder b;
  b.set_name("fixture");
  const auto f = b.add_file("fixture.gv");
  b.add_entity("s1", Attrs{{"kind", "source"}, {"title", "Article one"}, {"lang", "ar"}}, {f, 1});
  b.add_entity("s2", Attrs{{"kind", "source"}, {"title", "Article two"}}, {f, 2});
  b.add_entity("snc",
               Attrs{{"kind", "org"},
                     {"type", "council"},
                     {"name", "المجلس الوطني السوري"},
                     {"name_en", "Syrian National Council"},
                     {"alias", "SNC | National Council"},
                     {"name_fr", "Conseil national syrien"},
                     {"start", "2011-08-23"},
                     {"src", "s1"}},
               {f, 3});
  b.add_entity("office",
               Attrs{{"kind", "org"},
                     {"type", "office"},
                     {"name", "مكتب الحراك الثوري"},
                     {"name_en", "Revolutionary Movement Office"},
                     {"src", "s1"}},
               {f, 4});
  b.add_entity("lcc",
               Attrs{{"kind", "org"},
                     {"type", "coordination"},
                     {"name", "لجان التنسيق المحلية"},
                     {"name_en", "Local Coordination Committees"},
                     {"src", "s1 s2"}},
               {f, 5});
  b.add_entity("homs",
               Attrs{{"kind", "org"},
                     {"type", "coordination"},
                     {"name", "تنسيقية حمص"},
                     {"name_en", "Homs Coordination"},
                     {"src", "s2"}},
               {f, 6});
  b.add_entity(
      "wadi",
      Attrs{
          {"kind", "person"}, {"name", "جمال الوادي"}, {"name_en", "Jamal al-Wadi"}, {"src", "s1"}},
      {f, 7});
  b.add_relation("wadi", "office",
                 Attrs{{"rel", "holds"},
                       {"role", "مدير"},
                       {"role_en", "director"},
                       {"start", "2011-10/"},
                       {"src", "s1"}},
                 {f, 8});
  b.add_relation("office", "snc", Attrs{{"rel", "part_of"}, {"src", "s1"}}, {f, 9});
  b.add_relation("lcc", "snc",
                 Attrs{{"rel", "member_of"},
                       {"start", "2011-10-02"},
                       {"end", "2011-10-02/"},
                       {"src", "s1"},
                       {"note", "later withdrew"}},
                 {f, 10});
  b.add_relation("homs", "lcc", Attrs{{"rel", "split_from"}, {"date", "2013-05"}, {"src", "s2"}},
                 {f, 11});
  return b;
}

using testing::build_errors;

}  // namespace

TEST_CASE("a built graph keeps every entity, relation, name, date and source") {
  GraphBuilder b = fixture();
  TemporalGraph g = b.build();
  REQUIRE(g.entity_count() == 7);
  REQUIRE(g.relation_count() == 4);
  CHECK(g.name() == "fixture");

  Entity snc = g.entity(*g.find_key("snc"));
  CHECK(snc.kind == EntityKind::org);
  CHECK(snc.type == "council");
  CHECK(snc.name == "المجلس الوطني السوري");
  CHECK(snc.name_en == "Syrian National Council");
  REQUIRE(snc.aliases.size() == 2);
  CHECK(snc.aliases[0] == "SNC");
  CHECK(snc.aliases[1] == "National Council");
  CHECK(snc.attribute("name_fr") == "Conseil national syrien");
  CHECK(snc.start->text() == "2011-08-23");
  CHECK(snc.end->empty());
  REQUIRE(snc.sources.size() == 1);
  CHECK(g.entity(snc.sources[0]).key == "s1");
  CHECK(snc.where().file == "fixture.gv");
  CHECK(snc.where().line == 3);

  Entity lcc = g.entity(*g.find_key("lcc"));
  CHECK(lcc.sources.size() == 2);
  Entity s1 = g.entity(*g.find_key("s1"));
  CHECK(s1.attribute("title") == "Article one");
  CHECK(s1.attribute("lang") == "ar");

  Relation holds = g.relation(0);
  CHECK(holds.kind == RelationKind::holds);
  CHECK(g.entity(holds.from).key == "wadi");
  CHECK(g.entity(holds.to).key == "office");
  CHECK(holds.role == "مدير");
  CHECK(holds.role_en == "director");
  CHECK(holds.start->is_between());
  CHECK(holds.end->empty());
  CHECK_FALSE(holds.is_point);
  CHECK(holds.where().line == 8);

  Relation member = g.relation(2);
  CHECK(member.note == "later withdrew");
  CHECK(member.end->text() == "2011-10-02/");

  Relation split = g.relation(3);
  CHECK(split.is_point);
  CHECK(split.start->text() == "2013-05");
  CHECK(split.end->empty());
}

TEST_CASE("adjacency is indexed per category, out and in") {
  GraphBuilder b = fixture();
  TemporalGraph g = b.build();
  const EntityId snc = *g.find_key("snc");
  const EntityId lcc = *g.find_key("lcc");
  const EntityId homs = *g.find_key("homs");
  CHECK(g.in(snc, Category::membership).size() == 2);  // part_of and member_of
  CHECK(g.out(snc, Category::membership).empty());
  CHECK(g.in(snc, Category::lineage).empty());
  REQUIRE(g.out(homs, Category::lineage).size() == 1);
  CHECK(g.relation(g.out(homs, Category::lineage)[0]).to == lcc);
  REQUIRE(g.in(lcc, Category::lineage).size() == 1);
  CHECK(g.out(*g.find_key("wadi"), Category::office).size() == 1);
  CHECK(g.out(*g.find_key("wadi"), Category::membership).empty());
}

TEST_CASE("find resolves ids, names and aliases in either language") {
  GraphBuilder b = fixture();
  TemporalGraph g = b.build();
  const EntityId snc = *g.find_key("snc");
  CHECK(g.find("snc") == snc);
  CHECK(g.find("المجلس الوطني السوري") == snc);
  CHECK(g.find("المَجلِس الوَطَني السّوري") == snc);  // harakat
  CHECK(g.find("syrian national council") == snc);
  CHECK(g.find("National Council") == snc);  // alias
  CHECK(g.find("Conseil national syrien") == snc);
  CHECK(g.find("jamal el wadi") == *g.find_key("wadi"));

  SUBCASE("several matches are ambiguous and list the candidates") {
    try {
      g.find("coordination");
      FAIL("expected lookup_error");
    } catch (const lookup_error& e) {
      CHECK(e.reason() == lookup_error::Reason::ambiguous);
      CHECK(e.candidates().size() == 2);
      CHECK(std::string(e.what()).find("homs") != std::string::npos);
      CHECK(std::string(e.what()).find("lcc") != std::string::npos);
    }
  }
  SUBCASE("no match is not_found") {
    CHECK_THROWS_AS(g.find("Free Syrian Army"), lookup_error);
    try {
      g.find("Free Syrian Army");
    } catch (const lookup_error& e) {
      CHECK(e.reason() == lookup_error::Reason::not_found);
    }
  }
  SUBCASE("search ranks exact before prefix before substring") {
    auto matches = g.search("syrian");
    REQUIRE(!matches.empty());
    CHECK(matches[0].entity == snc);
    CHECK(matches[0].quality == MatchQuality::prefix);
  }
}

TEST_CASE("repeated declarations merge; conflicting ones are errors") {
  SUBCASE("same values and additive aliases and sources merge") {
    GraphBuilder b;
    auto f = b.add_file("a.gv");
    b.add_entity("s", Attrs{{"kind", "source"}, {"title", "T"}}, {f, 1});
    b.add_entity("t", Attrs{{"kind", "source"}, {"title", "U"}}, {f, 2});
    b.add_entity("a", Attrs{{"kind", "org"}, {"name", "A"}, {"alias", "AA"}, {"src", "s"}}, {f, 3});
    b.add_entity("a", Attrs{{"kind", "org"}, {"alias", "AB"}, {"src", "t"}}, {f, 4});
    TemporalGraph g = b.build();
    Entity a = g.entity(*g.find_key("a"));
    CHECK(a.aliases.size() == 2);
    CHECK(a.sources.size() == 2);
    CHECK(a.where().line == 3);
  }
  SUBCASE("a different value is an error naming both places") {
    GraphBuilder b;
    auto f = b.add_file("a.gv");
    auto f2 = b.add_file("b.gv");
    b.add_entity("a", Attrs{{"kind", "org"}, {"name", "A"}, {"start", "2011"}}, {f, 3});
    b.add_entity("a", Attrs{{"start", "2012"}}, {f2, 7});
    auto errors = build_errors(b);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "b.gv:7: error: conflicting values for 'start': '2011' (at a.gv:3) and '2012' [a]; "
          "declare each attribute once, or use alias= for other names");
  }
}

TEST_CASE("validation collects every error, not just the first") {
  GraphBuilder b;
  auto f = b.add_file("bad.gv");
  b.add_entity("a", Attrs{{"kind", "orgg"}, {"name", "A"}}, {f, 1});
  b.add_entity("b", Attrs{{"kind", "org"}, {"name", "B"}, {"start", "2013-13"}}, {f, 2});
  b.add_entity("c", Attrs{{"kind", "org"}}, {f, 3});
  b.add_entity("p", Attrs{{"kind", "person"}, {"name", "P"}}, {f, 4});
  b.add_relation("b", "c", Attrs{{"rel", "holds"}, {"role", "x"}}, {f, 5});
  b.add_relation("b", "zz", Attrs{{"rel", "member_of"}}, {f, 6});
  b.add_relation("p", "b", Attrs{{"rel", "member_of"}, {"src", "nope"}}, {f, 7});
  b.add_relation("p", "b", Attrs{{"rel", "member_of"}, {"start", "2015"}, {"end", "2014"}}, {f, 8});
  auto errors = build_errors(b);
  REQUIRE(errors.size() == 7);
  CHECK(errors[0] == "bad.gv:1: error: unknown kind 'orgg' [a]; did you mean 'org'?");
  CHECK(errors[1].starts_with("bad.gv:2: error: start: invalid date '2013-13' at position 5"));
  CHECK(errors[2].starts_with("bad.gv:3: error: entity has no name= [c]"));
  CHECK(errors[3] ==
        "bad.gv:5: error: holds needs a person as its first endpoint; 'b' is an org [b -> c]");
  CHECK(errors[4].starts_with("bad.gv:6: error: 'zz' is not declared [b -> zz]"));
  CHECK(errors[5].starts_with("bad.gv:7: error: src names no source 'nope' [p -> b]"));
  CHECK(errors[6] == "bad.gv:8: error: end '2014' is before start '2015' [p -> b]");
}

TEST_CASE("invalid UTF-8 or a NUL character in a value is an error") {
  GraphBuilder b;
  auto f = b.add_file("u.gv");
  SUBCASE("an overlong form, named by its byte and character") {
    b.add_entity("a", Attrs{{"kind", "org"}, {"name", "bäd \xC0\xAF"}}, {f, 2});
    CHECK(build_errors(b) ==
          std::vector<std::string>{"u.gv:2: error: invalid UTF-8 in the value of 'name' (byte "
                                   "0xC0 at character 5) [a]; save the file as UTF-8"});
  }
  SUBCASE("NUL") {
    b.add_entity("a", Attrs{{"kind", "org"}, {"name", std::string_view("a\0b", 3)}}, {f, 3});
    CHECK(build_errors(b) ==
          std::vector<std::string>{
              "u.gv:3: error: NUL character in the value of 'name' [a]; graph files are text"});
  }
}

TEST_CASE("consistency warnings reach on_warning and do not fail the build") {
  GraphBuilder b;
  auto f = b.add_file("w.gv");
  b.add_entity("a", Attrs{{"kind", "org"}, {"name", "A"}, {"start", "2013"}}, {f, 1});
  b.add_entity("b", Attrs{{"kind", "org"}, {"name", "B"}}, {f, 2});
  b.add_relation("a", "b", Attrs{{"rel", "member_of"}, {"start", "2011"}}, {f, 3});
  b.add_relation("b", "a", Attrs{{"rel", "merged_into"}, {"date", "2012"}}, {f, 4});
  std::vector<std::string> warnings;
  TemporalGraph g =
      b.build({.on_warning = [&](const Diagnostic& d) { warnings.push_back(to_string(d)); }});
  CHECK(g.relation_count() == 2);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].starts_with(
      "w.gv:3: warning: member_of begins (2011) before 'a' exists (from 2013) [a -> b]"));
  CHECK(warnings[1].starts_with("w.gv:4: warning: merged_into"));
}

TEST_CASE("graph attributes: title, note and lang are kept; the first value wins") {
  GraphBuilder b;
  const auto f1 = b.add_file("one.gv");
  const auto f2 = b.add_file("two.gv");
  b.add_entity("a", Attrs{{"kind", "org"}, {"name", "A"}}, {f1, 3});
  b.set_graph_attribute("title", "The first title", {f1, 0});
  b.set_graph_attribute("lang", "ar", {f1, 0});
  b.set_graph_attribute("title", "The first title", {f2, 0});  // the same again: no warning
  b.set_graph_attribute("title", "Another title", {f2, 0});
  b.set_graph_attribute("note", "", {f2, 0});  // empty: as if not given
  b.set_graph_attribute("rankdir", "LR", {f2, 0});
  std::vector<std::string> warnings;
  TemporalGraph g =
      b.build({.on_warning = [&](const Diagnostic& d) { warnings.push_back(to_string(d)); }});
  CHECK(g.title() == "The first title");
  CHECK(g.lang() == "ar");
  CHECK(g.note().empty());
  CHECK(warnings == std::vector<std::string>{
                        "two.gv: warning: graph title 'Another title' differs from 'The first "
                        "title' (in one.gv); the first is kept; a graph has one title, note "
                        "and lang: give them in one file",
                        "two.gv: warning: graph attribute 'rankdir' is ignored; orgraph keeps "
                        "title, note and lang on graphs"});
}

TEST_CASE("find_key finds every id, also ids sharing long prefixes") {
  GraphBuilder b;
  const auto f = b.add_file("keys.gv");
  const std::vector<std::string> keys{"abcdefgh1", "abcdefgh", "abcdefghz",  "abcdefgh0", "abc",
                                      "b",         "abcdefg",  "abcdefgh10", "Abc",       "a_b"};
  for (const std::string& k : keys) {
    b.add_entity(k, Attrs{{"kind", "org"}, {"name", k}}, {f, 1});
  }
  const TemporalGraph g = b.build();
  for (const std::string& k : keys) {
    CAPTURE(k);
    const auto id = g.find_key(k);
    REQUIRE(id);
    CHECK(g.entity(*id).key == k);
  }
  CHECK_FALSE(g.find_key("abcdefgh2"));
  CHECK_FALSE(g.find_key("abcdefg0"));
}

TEST_CASE("the builder is empty again after build") {
  GraphBuilder b = fixture();
  TemporalGraph first = b.build();
  TemporalGraph second = b.build();
  CHECK(first.entity_count() == 7);
  CHECK(second.entity_count() == 0);
  CHECK(second.relation_count() == 0);
}

TEST_CASE("memory stays compact per relation") {
  GraphBuilder b;
  auto f = b.add_file("m.gv");
  b.add_entity("s", Attrs{{"kind", "source"}, {"title", "T"}}, {f, 1});
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    b.add_entity(fmt::format("o{}", i), Attrs{{"kind", "org"}, {"name", fmt::format("Org {}", i)}},
                 {f, 2});
  }
  for (int i = 0; i < 20 * n; ++i) {
    std::string from = fmt::format("o{}", i % n);
    std::string to = fmt::format("o{}", (i * 7 + 1) % n);
    if (from == to) to = fmt::format("o{}", (i + 1) % n);
    std::string start = fmt::format("{}-{:02}", 2000 + i % 20, 1 + i % 12);
    b.add_relation(from, to, Attrs{{"rel", "member_of"}, {"start", start}, {"src", "s"}}, {f, 3});
  }
  TemporalGraph g = b.build();
  REQUIRE(g.relation_count() == 20 * n);
  const double per_relation =
      static_cast<double>(g.memory_bytes()) / static_cast<double>(g.relation_count());
  CAPTURE(per_relation);
  CHECK(per_relation < 100.0);
}

TEST_CASE("relations keep the file and line they came from, also when files interleave") {
  GraphBuilder b;
  const auto f = b.add_file("a.gv");
  const auto f2 = b.add_file("b.gv");
  b.add_entity("x", Attrs{{"kind", "org"}, {"name", "X"}}, {f, 1});
  b.add_entity("y", Attrs{{"kind", "org"}, {"name", "Y"}}, {f, 2});
  b.add_relation("x", "y", Attrs{{"rel", "split_from"}, {"date", "2012"}}, {f, 3});
  b.add_relation("x", "y", Attrs{{"rel", "supports"}, {"start", "2012"}}, {f2, 4});
  b.add_relation("y", "x", Attrs{{"rel", "opposes"}, {"start", "2013"}}, {f2, 5});
  b.add_relation("y", "x", Attrs{{"rel", "member_of"}, {"end", "2014"}}, {f, 6});
  const TemporalGraph g = b.build();
  REQUIRE(g.relation_count() == 4);
  const std::vector<std::pair<std::string, std::uint32_t>> expected{
      {"a.gv", 3}, {"b.gv", 4}, {"b.gv", 5}, {"a.gv", 6}};
  for (RelationId id = 0; id < 4; ++id) {
    CAPTURE(id);
    CHECK(g.relation(id).where().file == expected[id].first);
    CHECK(g.relation(id).where().line == expected[id].second);
  }
  // The kind, the point flag and the dates share words in the stored record.
  CHECK(g.relation(0).kind == RelationKind::split_from);
  CHECK(g.relation(0).is_point);
  CHECK(g.relation(0).start->text() == "2012");
  CHECK(g.relation(3).kind == RelationKind::member_of);
  CHECK_FALSE(g.relation(3).is_point);
  CHECK(g.relation(3).start->empty());
  CHECK(g.relation(3).end->text() == "2014");
}

}  // namespace orgraph
