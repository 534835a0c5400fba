// The query functions on graphs/examples/movement.gv, an invented history small enough to check
// every answer by hand:
//
//   city_committees (2011-03) ◀─split_from 2011-06── central_coord (2011-06 … 2013-05)
//   central_coord ◀─formed_from 2013-05── free_gathering (2013-05 … 2015-01)
//   free_gathering, youth_league (2012~ … 2015-01) ──merged_into 2015-01──▶ civic_front
//   civic_front (2015-01 … 2016-22) ──renamed_to 2016-22──▶ civic_alliance
//   city_committees ──succeeded_by 2016-22?──▶ civic_alliance;  amal ──founded 2012~──▶
//   youth_league council ◀─member_of 2011-10-02 … 2011-10-02/── city_committees council ◀─part_of──
//   media_office;  council ◀─represented_in 2012~ … 2013── youth_league karim ──member_of 2012──▶
//   youth_league;  amal ──holds director 2011-10/──▶ media_office karim ──holds president 2015-01 …
//   2016-06?──▶ civic_front
#include <doctest/doctest.h>

#include <algorithm>

#include "orgraph/load.hpp"
#include "orgraph/query/diff.hpp"
#include "orgraph/query/history.hpp"
#include "orgraph/query/lineage.hpp"
#include "orgraph/query/members.hpp"
#include "orgraph/query/path.hpp"
#include "orgraph/query/roles.hpp"

namespace orgraph {
namespace {

const TemporalGraph& example() {
  static const TemporalGraph g = load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/graphs/examples"));
  return g;
}

EntityId id(std::string_view key) { return *example().find_key(key); }

std::vector<std::string> keys(const std::vector<EntityId>& ids) {
  std::vector<std::string> out;
  for (EntityId e : ids) out.emplace_back(example().entity(e).key);
  return out;
}

DayRange at(const char* text) { return query_range(Date::parse(text)); }

}  // namespace

TEST_CASE("members of a body: history, at a date, transitive") {
  const TemporalGraph& g = example();
  SUBCASE("the whole history lists every membership, sorted by start") {
    auto all = query::members(g, id("council"));
    REQUIRE(all.size() == 3);
    CHECK(g.entity(all[0].member).key == "youth_league");     // 2012~ widens to 2011-01-01
    CHECK(g.entity(all[1].member).key == "media_office");     // no date: clipped to "2011-10/"
    CHECK(g.entity(all[2].member).key == "city_committees");  // 2011-10-02
    for (const auto& m : all) CHECK_FALSE(m.certainty.has_value());
  }
  SUBCASE("at a date, with certainty") {
    auto in_2012 = query::members(g, id("council"), {.at = at("2012-06-01")});
    REQUIRE(in_2012.size() == 3);
    auto later = query::members(g, id("council"), {.at = at("2014")});
    REQUIRE(later.size() == 2);  // youth_league left in 2013
    CHECK(g.entity(later[0].member).key == "media_office");
    CHECK(later[0].certainty == Certainty::possible);  // media_office starts "2011-10/"
    CHECK(query::members(g, id("council"), {.at = at("2014"), .certain_only = true}).size() == 0);
  }
  SUBCASE("transitive follows member bodies down") {
    auto deep = query::members(g, id("council"), {.transitive = true});
    REQUIRE(deep.size() == 4);
    CHECK(g.entity(deep[3].member).key == "karim");
    CHECK(deep[3].depth == 2);
    CHECK(g.entity(deep[3].body).key == "youth_league");
  }
  CHECK_THROWS_AS(query::members(g, id("karim")), query_error);
}

TEST_CASE("roles: an org's office-holders, a person's career, one role at a date") {
  const TemporalGraph& g = example();
  auto all = query::roles(g);
  REQUIRE(all.size() == 2);
  auto karim = query::roles(g, {.person = id("karim")});
  REQUIRE(karim.size() == 1);
  CHECK(g.relation(karim[0].relation).role_en == "president");
  auto office = query::roles(g, {.org = id("media_office")});
  REQUIRE(office.size() == 1);
  CHECK(g.entity(office[0].person).key == "amal");
  SUBCASE("roles match after folding, in either language") {
    CHECK(query::roles(g, {.role = "Director"}).size() == 1);
    CHECK(query::roles(g, {.role = "مُديرة"}).size() == 1);
    CHECK(query::roles(g, {.role = "رئيس"}).size() == 1);
    CHECK(query::roles(g, {.role = "chair"}).empty());
  }
  SUBCASE("at a date") {
    auto in_2015 = query::roles(g, {.org = id("civic_front"), .at = at("2015-06-01")});
    REQUIRE(in_2015.size() == 1);
    CHECK(in_2015[0].certainty == Certainty::certain);
    auto in_2016 = query::roles(g, {.org = id("civic_front"), .at = at("2016-06-15")});
    REQUIRE(in_2016.size() == 1);
    CHECK(in_2016[0].certainty == Certainty::possible);  // the end is 2016-06?
    CHECK(query::roles(g, {.org = id("civic_front"), .at = at("2014")}).empty());
  }
  CHECK_THROWS_AS(query::roles(g, {.org = id("amal")}), query_error);
  CHECK_THROWS_AS(query::roles(g, {.person = id("council")}), query_error);
}

TEST_CASE("lineage is a graph of ancestors and descendants") {
  const TemporalGraph& g = example();
  SUBCASE("up from the renamed front reaches every ancestor") {
    auto l = query::lineage(g, id("civic_alliance"), {.direction = query::Direction::up});
    // By distance, then id: central_coord and amal are both three steps up.
    CHECK(keys(l.nodes) == std::vector<std::string>{"civic_alliance", "city_committees",
                                                    "civic_front", "free_gathering", "youth_league",
                                                    "central_coord", "amal"});
    CHECK(l.cycles.empty());
    CHECK(l.edges.size() == 7);
  }
  SUBCASE("down from the city committees") {
    auto l = query::lineage(g, id("city_committees"), {.direction = query::Direction::down});
    CHECK(keys(l.nodes) == std::vector<std::string>{"city_committees", "central_coord",
                                                    "civic_alliance", "free_gathering",
                                                    "civic_front"});
  }
  SUBCASE("depth limits the steps") {
    auto l = query::lineage(g, id("civic_front"), {.depth = 1});
    CHECK(keys(l.nodes) == std::vector<std::string>{"civic_front", "free_gathering", "youth_league",
                                                    "civic_alliance"});
  }
  CHECK_THROWS_AS(query::lineage(g, id("amal")), query_error);
}

TEST_CASE("shortest paths, any direction, at a date") {
  const TemporalGraph& g = example();
  auto paths = query::shortest_paths(g, id("amal"), id("karim"));
  REQUIRE(paths.size() == 1);
  REQUIRE(paths[0].size() == 2);
  CHECK(g.relation(paths[0][0].relation).kind == RelationKind::founded);
  CHECK(paths[0][0].forward);
  CHECK_FALSE(paths[0][1].forward);
  SUBCASE("several shortest paths are all listed") {
    auto two = query::shortest_paths(g, id("free_gathering"), id("youth_league"));
    REQUIRE(two.size() == 1);  // the alliance is one step
    // Two ways of two steps: through the alliance with youth_league (karim a member) and
    // through the merger into civic_front (karim its president).
    auto via = query::shortest_paths(g, id("free_gathering"), id("karim"));
    REQUIRE(via.size() == 2);
    CHECK(g.entity(g.relation(via[0][1].relation).to).key == "youth_league");
    CHECK(g.entity(g.relation(via[1][1].relation).to).key == "civic_front");
  }
  SUBCASE("a date keeps only relations holding then") {
    CHECK(query::shortest_paths(g, id("amal"), id("karim"), {.at = at("2011-01-01")}).empty());
  }
  SUBCASE("relation kinds can be restricted") {
    CHECK(
        query::shortest_paths(g, id("amal"), id("karim"), {.relations = {RelationKind::member_of}})
            .empty());
  }
}

TEST_CASE("diff lists what began and ended in a window") {
  const TemporalGraph& g = example();
  auto changes = query::diff(g, at("2015-01"), at("2015-01"));
  int began = 0, ended = 0, maybe_began = 0, maybe_ended = 0;
  for (const auto& c : changes) {
    const bool certain = c.certainty == Certainty::certain;
    if (c.change == query::Change::began) {
      ++(certain ? began : maybe_began);
    } else {
      ++(certain ? ended : maybe_ended);
    }
  }
  CHECK(began == 4);  // civic_front, karim's presidency, two mergers: all dated 2015-01
  CHECK(ended == 3);  // free_gathering, youth_league, their alliance
  // Possible: three facts that began "2011-10/" (any day since), the support dated 2015 (a
  // year, not wholly inside January), and the withdrawal "2011-10-02/".
  CHECK(maybe_began == 4);
  CHECK(maybe_ended == 1);
  CHECK_THROWS_AS(query::diff(g, at("2016"), at("2015")), query_error);
}

TEST_CASE("history is one entity's timeline sorted by date") {
  const TemporalGraph& g = example();
  auto h = query::history(g, id("youth_league"));
  REQUIRE(h.size() == 7);
  CHECK(h.front().what == query::HistoryEvent::What::started);
  CHECK(h.front().date->text() == "2012~");
  std::vector<std::string> dates;
  for (const auto& e : h) dates.push_back(e.date->text());
  CHECK(dates == std::vector<std::string>{"2012~", "2012~", "2012~", "2012", "2013-05", "2015-01",
                                          "2015-01"});
}

}  // namespace orgraph
