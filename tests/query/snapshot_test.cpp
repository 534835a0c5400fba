#include "orgraph/query/snapshot.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "orgraph/graph_builder.hpp"

namespace orgraph {
namespace {

using Attrs = std::vector<Attribute>;

// A random but valid history: orgs with partial, qualified and open dates, and relations
// between them. Deterministic for a seed.
TemporalGraph random_graph(std::uint32_t seed, int orgs, int relations) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  auto date = [&](int year) -> std::string {
    switch (pick(9)) {
      case 0:
        return "";
      case 1:
        return std::to_string(year);
      case 2:
        return fmt::format("{}-{:02}", year, 1 + pick(12));
      case 3:
        return fmt::format("{}-{:02}-{:02}", year, 1 + pick(12), 1 + pick(28));
      case 4:
        return fmt::format("{}~", year);
      case 5:
        return fmt::format("{}-{:02}?", year, 1 + pick(12));
      case 6:
        return fmt::format("{}-{}", year, 21 + pick(4));
      case 7:
        return fmt::format("{}/", year);
      default:
        return fmt::format("{}/{}", year, year + 1 + pick(2));
    }
  };
  GraphBuilder b;
  const auto f = b.add_file("random.gv");
  b.add_entity("s", Attrs{{"kind", "source"}, {"title", "t"}}, {f, 1});
  for (int i = 0; i < orgs; ++i) {
    const int year = 2000 + pick(20);
    std::string start = date(year), end = pick(3) == 0 ? date(year + 2 + pick(6)) : "";
    if (start.ends_with('/') || end.starts_with(std::to_string(year))) end.clear();
    b.add_entity(fmt::format("o{}", i),
                 Attrs{{"kind", "org"},
                       {"name", fmt::format("O{}", i)},
                       {"start", start},
                       {"end", end},
                       {"src", "s"}},
                 {f, 2});
  }
  for (int i = 0; i < relations; ++i) {
    const int a = pick(orgs);
    int c = pick(orgs);
    if (c == a) c = (a + 1) % orgs;
    const int year = 2000 + pick(20);
    Attrs attrs{{"src", "s"}};
    std::string start = date(year), end = pick(2) == 0 ? date(year + 3 + pick(5)) : "";
    if (start.ends_with('/')) end.clear();
    if (pick(5) == 0) {
      attrs.push_back({"rel", "split_from"});
      if (start.empty()) start = std::to_string(year);
      attrs.push_back({"date", start});
    } else {
      attrs.push_back({"rel", pick(2) == 0 ? "member_of" : "allied_with"});
      attrs.push_back({"start", start});
      attrs.push_back({"end", end});
    }
    b.add_relation(fmt::format("o{}", a), fmt::format("o{}", c), attrs, {f, 3});
  }
  return b.build();
}

// The snapshot by looking at every fact, for comparison with the indexed one.
query::Snapshot brute_force(const TemporalGraph& g, DayRange at, bool certain_only) {
  query::Snapshot s;
  s.at = at;
  std::vector<bool> kept(g.entity_count(), false);
  for (EntityId id = 0; id < g.entity_count(); ++id) {
    if (g.entity(id).kind == EntityKind::source) continue;
    auto c = g.lifespan(id).at(at);
    if (c && (!certain_only || *c == Certainty::certain)) {
      s.entities.push_back({id, *c});
      kept[id] = true;
    }
  }
  for (RelationId id = 0; id < g.relation_count(); ++id) {
    const Relation r = g.relation(id);
    auto c = g.span(id).at(at);
    if (c && kept[r.from] && kept[r.to] && (!certain_only || *c == Certainty::certain)) {
      s.relations.push_back({id, *c});
    }
  }
  return s;
}

void check_same(const query::Snapshot& a, const query::Snapshot& b) {
  REQUIRE(a.entities.size() == b.entities.size());
  REQUIRE(a.relations.size() == b.relations.size());
  for (std::size_t i = 0; i < a.entities.size(); ++i) {
    CHECK(a.entities[i].entity == b.entities[i].entity);
    CHECK(a.entities[i].certainty == b.entities[i].certainty);
  }
  for (std::size_t i = 0; i < a.relations.size(); ++i) {
    CHECK(a.relations[i].relation == b.relations[i].relation);
    CHECK(a.relations[i].certainty == b.relations[i].certainty);
  }
}

}  // namespace

TEST_CASE("the indexed snapshot equals a brute-force scan (property test)") {
  const Day first = days_from_civil(1998, 1, 1), last = days_from_civil(2030, 12, 31);
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    CAPTURE(seed);
    const TemporalGraph g = random_graph(seed, 80, 400);
    std::mt19937 rng(seed * 7919);
    for (int q = 0; q < 500; ++q) {
      const Day a = first + static_cast<Day>(rng() % static_cast<unsigned>(last - first));
      const Day length = q % 3 == 0 ? 0 : static_cast<Day>(rng() % 400);
      const DayRange at{a, a + length};
      const bool certain_only = q % 4 == 0;
      CAPTURE(format_day(at.earliest));
      CAPTURE(format_day(at.latest));
      check_same(query::snapshot(g, at, {.certain_only = certain_only}),
                 brute_force(g, at, certain_only));
    }
  }
}

TEST_CASE("a snapshot series in one sweep equals one snapshot per step") {
  const TemporalGraph g = random_graph(42, 60, 300);
  const auto steps =
      query::periods(days_from_civil(1999, 1, 1), days_from_civil(2028, 12, 31), "6m");
  CHECK(steps.size() == 60);
  std::size_t visited = 0;
  query::snapshot_series(g, steps, {}, [&](std::size_t i, const query::Snapshot& s) {
    CAPTURE(i);
    check_same(s, query::snapshot(g, steps[i]));
    ++visited;
  });
  CHECK(visited == steps.size());
  const std::vector<DayRange> backwards{steps[2], steps[1]};
  CHECK_THROWS_AS(query::snapshot_series(g, backwards, {}, [](std::size_t, const auto&) {}),
                  query_error);
}

TEST_CASE("periods cut a span into calendar steps") {
  const Day from = *parse_day("2013-05-20");
  const auto years = query::periods(from, *parse_day("2015-02-01"), "1y");
  REQUIRE(years.size() == 3);
  CHECK(format_day(years[0].earliest) == "2013-05-20");
  CHECK(format_day(years[0].latest) == "2013-12-31");
  CHECK(format_day(years[1].earliest) == "2014-01-01");
  CHECK(format_day(years[2].latest) == "2015-02-01");
  const auto months = query::periods(*parse_day("2013-01-01"), *parse_day("2013-12-31"), "1m");
  REQUIRE(months.size() == 12);
  CHECK(format_day(months[1].latest) == "2013-02-28");
  const auto weeks = query::periods(*parse_day("2013-01-01"), *parse_day("2013-01-31"), "2w");
  CHECK(weeks.size() == 3);
  CHECK_THROWS_AS(query::periods(from, from, "1q"), query_error);
  CHECK_THROWS_AS(query::periods(from, from, "0m"), query_error);
  CHECK_THROWS_AS(query::periods(from + 1, from, "1m"), query_error);
}

TEST_CASE("snapshot filters by kind, relation kind, type and certainty") {
  const TemporalGraph g = random_graph(3, 40, 200);
  const DayRange at{days_from_civil(2010, 1, 1), days_from_civil(2010, 12, 31)};
  const auto all = query::snapshot(g, at);
  const auto members = query::snapshot(g, at, {.relations = {RelationKind::member_of}});
  for (const auto& r : members.relations)
    CHECK(g.relation(r.relation).kind == RelationKind::member_of);
  CHECK(members.entities.size() == all.entities.size());
  const auto persons = query::snapshot(g, at, {.kinds = {EntityKind::person}});
  CHECK(persons.entities.empty());
  CHECK(persons.relations.empty());
  const auto connected =
      query::snapshot(g, at, {.relations = {RelationKind::member_of}, .connected_only = true});
  CHECK(connected.relations.size() == members.relations.size());
  for (const auto& e : connected.entities) {
    const bool touched = std::any_of(connected.relations.begin(), connected.relations.end(),
                                     [&](const query::RelationAt& r) {
                                       const Relation rel = g.relation(r.relation);
                                       return rel.from == e.entity || rel.to == e.entity;
                                     });
    CHECK(touched);
  }
  CHECK(connected.entities.size() < members.entities.size());
  const auto certain = query::snapshot(g, at, {.certain_only = true});
  for (const auto& e : certain.entities) CHECK(e.certainty == Certainty::certain);
  CHECK(certain.entities.size() <= all.entities.size());
}

}  // namespace orgraph
