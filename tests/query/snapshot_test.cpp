#include "orgraph/query/snapshot.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "orgraph/generate.hpp"
#include "orgraph/graph_builder.hpp"
#include "orgraph/io/jsonl_reader.hpp"
#include "orgraph/load.hpp"

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

// The snapshot by looking at every fact and every filter, for comparison with the indexed one.
query::Snapshot brute_force(const TemporalGraph& g, DayRange at,
                            const query::SnapshotOptions& options) {
  query::Snapshot s;
  s.at = at;
  auto wanted = [&](const auto& list, const auto& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
  };
  std::vector<bool> kept(g.entity_count(), false);
  for (EntityId id = 0; id < g.entity_count(); ++id) {
    const Entity e = g.entity(id);
    if (e.kind == EntityKind::source || !wanted(options.kinds, e.kind) ||
        !wanted(options.types, std::string(e.type))) {
      continue;
    }
    auto c = g.lifespan(id).at(at);
    if (c && (!options.certain_only || *c == Certainty::certain)) {
      s.entities.push_back({id, *c});
      kept[id] = true;
    }
  }
  for (RelationId id = 0; id < g.relation_count(); ++id) {
    const Relation r = g.relation(id);
    auto c = g.span(id).at(at);
    if (c && kept[r.from] && kept[r.to] && wanted(options.relations, r.kind) &&
        (!options.certain_only || *c == Certainty::certain)) {
      s.relations.push_back({id, *c});
    }
  }
  return s;
}

query::Snapshot brute_force(const TemporalGraph& g, DayRange at, bool certain_only) {
  return brute_force(g, at, {.certain_only = certain_only});
}

void check_same(const query::Snapshot& a, const query::Snapshot& b) {
  REQUIRE(a.entities.size() == b.entities.size());
  REQUIRE(a.relations.size() == b.relations.size());
  // One assertion per list (these run millions of times), then the first difference.
  const auto entity_differs = std::mismatch(
      a.entities.begin(), a.entities.end(), b.entities.begin(), [](const auto& x, const auto& y) {
        return x.entity == y.entity && x.certainty == y.certainty;
      });
  const auto relation_differs =
      std::mismatch(a.relations.begin(), a.relations.end(), b.relations.begin(),
                    [](const auto& x, const auto& y) {
                      return x.relation == y.relation && x.certainty == y.certainty;
                    });
  if (entity_differs.first != a.entities.end()) {
    CAPTURE(entity_differs.first->entity);
    CHECK(entity_differs.first->entity == entity_differs.second->entity);
    CHECK(entity_differs.first->certainty == entity_differs.second->certainty);
  }
  if (relation_differs.first != a.relations.end()) {
    CAPTURE(relation_differs.first->relation);
    CHECK(relation_differs.first->relation == relation_differs.second->relation);
    CHECK(relation_differs.first->certainty == relation_differs.second->certainty);
  }
  CHECK(entity_differs.first == a.entities.end());
  CHECK(relation_differs.first == a.relations.end());
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

namespace {

// The snapshot that applying `changes` step after step has reached, checked as it goes: an
// added fact was absent, a changed one present with another certainty, a removed one present.
class AppliedChanges {
 public:
  void apply(const query::SnapshotChange& c) {
    apply(c.entities_added, c.entities_changed, c.entities_removed, entities_);
    apply(c.relations_added, c.relations_changed, c.relations_removed, relations_);
  }
  query::Snapshot snapshot(DayRange at) const {
    query::Snapshot s;
    s.at = at;
    for (const auto& [id, c] : entities_) s.entities.push_back({id, c});
    for (const auto& [id, c] : relations_) s.relations.push_back({id, c});
    return s;
  }

 private:
  template <typename At, typename Id>
  static void apply(const std::vector<At>& added, const std::vector<At>& changed,
                    const std::vector<Id>& removed, std::map<Id, Certainty>& state) {
    for (Id id : removed) CHECK(state.erase(id) == 1);
    for (const At& a : changed) {
      auto it = state.find(id_of(a));
      REQUIRE(it != state.end());
      CHECK(it->second != a.certainty);
      it->second = a.certainty;
    }
    for (const At& a : added) CHECK(state.emplace(id_of(a), a.certainty).second);
  }
  static EntityId id_of(const query::EntityAt& e) { return e.entity; }
  static RelationId id_of(const query::RelationAt& r) { return r.relation; }

  std::map<EntityId, Certainty> entities_;
  std::map<RelationId, Certainty> relations_;
};

// Ascending steps of random lengths, with gaps and overlaps between them.
std::vector<DayRange> random_steps(std::mt19937& rng, Day first, Day last, std::size_t count) {
  std::vector<DayRange> steps;
  Day a = first, b = first;
  for (std::size_t i = 0; i < count; ++i) {
    a += static_cast<Day>(rng() % 200);
    b = std::max(b, a) + static_cast<Day>(rng() % 500);
    if (a > last) break;
    steps.push_back({a, b});
  }
  return steps;
}

void check_changes(const TemporalGraph& g, std::span<const DayRange> steps,
                   const query::SnapshotOptions& options) {
  AppliedChanges applied;
  std::size_t visited = 0;
  query::snapshot_changes(g, steps, options, [&](std::size_t i, const query::SnapshotChange& c) {
    CAPTURE(i);
    CAPTURE(format_day(steps[i].earliest));
    CAPTURE(format_day(steps[i].latest));
    REQUIRE(i == visited++);
    CHECK(c.at == steps[i]);
    applied.apply(c);
    check_same(applied.snapshot(steps[i]), query::snapshot(g, steps[i], options));
  });
  CHECK(visited == steps.size());
  // The full snapshots of the same sweep, with and without connected_only.
  for (const bool connected : {false, true}) {
    query::SnapshotOptions o = options;
    o.connected_only = connected;
    visited = 0;
    query::snapshot_series(g, steps, o, [&](std::size_t i, const query::Snapshot& s) {
      CAPTURE(i);
      CAPTURE(connected);
      check_same(s, query::snapshot(g, steps[i], o));
      ++visited;
    });
    CHECK(visited == steps.size());
  }
}

TemporalGraph generated_graph(std::uint64_t seed) {
  std::ostringstream text;
  generate({.orgs = 120, .people = 120, .seed = seed}, GraphFormat::jsonl, text);
  GraphBuilder b;
  io::read_jsonl(text.str(), "generated.jsonl", b);
  return b.build();
}

}  // namespace

TEST_CASE("the indexed snapshot with filters equals a brute-force scan (property test)") {
  const Day first = days_from_civil(2009, 1, 1), last = days_from_civil(2027, 12, 31);
  const std::vector<query::SnapshotOptions> variants{
      {},
      {.certain_only = true},
      {.kinds = {EntityKind::org}},
      {.certain_only = true, .kinds = {EntityKind::person, EntityKind::org}},
      {.relations = {RelationKind::member_of, RelationKind::holds}},
      {.types = {"council", "coalition"}},
      {.relations = {RelationKind::holds}, .types = {"office"}},
  };
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    CAPTURE(seed);
    const TemporalGraph g = generated_graph(seed);
    std::mt19937 rng(static_cast<std::uint32_t>(seed) * 104729);
    for (int q = 0; q < 300; ++q) {
      const Day a = first + static_cast<Day>(rng() % static_cast<unsigned>(last - first));
      const DayRange at{a, a + (q % 3 == 0 ? 0 : static_cast<Day>(rng() % 400))};
      const query::SnapshotOptions& options =
          variants[static_cast<std::size_t>(q) % variants.size()];
      CAPTURE(q);
      CAPTURE(format_day(at.earliest));
      CAPTURE(format_day(at.latest));
      check_same(query::snapshot(g, at, options), brute_force(g, at, options));
    }
  }
}

TEST_CASE("series of changes and of snapshots give the snapshot of every step (property)") {
  const Day first = days_from_civil(1998, 1, 1), last = days_from_civil(2030, 12, 31);
  std::vector<std::pair<std::string, TemporalGraph>> graphs;
  for (std::uint32_t seed = 1; seed <= 4; ++seed) {
    graphs.emplace_back(fmt::format("random {}", seed), random_graph(seed, 80, 400));
  }
  graphs.emplace_back("generated 5", generated_graph(5));
  graphs.emplace_back("examples",
                      load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/graphs/examples")));
  graphs.emplace_back("syria", load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/graphs/syria")));
  std::mt19937 rng(2024);
  for (const auto& [name, g] : graphs) {
    CAPTURE(name);
    const std::vector<query::SnapshotOptions> variants{
        {},
        {.certain_only = true},
        {.kinds = {EntityKind::org}},
        {.relations = {RelationKind::member_of, RelationKind::holds}},
        {.types = {"council", "coalition"}},
    };
    for (std::size_t v = 0; v < variants.size(); ++v) {
      CAPTURE(v);
      check_changes(g, query::periods(first, last, "1m"), variants[v]);
      check_changes(g, query::periods(first, last, "1y"), variants[v]);
      check_changes(g, random_steps(rng, first, last, 200), variants[v]);
    }
    // Single days, and one step over the whole history.
    std::vector<DayRange> days;
    for (Day d = days_from_civil(2011, 1, 1); d < days_from_civil(2016, 1, 1); d += 17) {
      days.push_back({d, d});
    }
    check_changes(g, days, {});
    const std::vector<DayRange> whole{{first, last}};
    check_changes(g, whole, {});
  }
}

TEST_CASE("a series of changes refuses steps out of order and connected_only") {
  const TemporalGraph g = random_graph(3, 20, 40);
  const Day d = days_from_civil(2010, 1, 1);
  auto none = [](std::size_t, const query::SnapshotChange&) {};
  const std::vector<DayRange> backwards{{d + 10, d + 20}, {d, d + 5}};
  CHECK_THROWS_WITH_AS(query::snapshot_changes(g, backwards, {}, none),
                       "the steps of a series must be in ascending order", query_error);
  const std::vector<DayRange> empty{{d + 10, d}};
  CHECK_THROWS_WITH_AS(query::snapshot_changes(g, empty, {}, none), "a step ends before it begins",
                       query_error);
  const std::vector<DayRange> one{{d, d}};
  CHECK_THROWS_AS(query::snapshot_changes(g, one, {.connected_only = true}, none), query_error);
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

TEST_CASE("periods refuse more steps than the caller allows, counting them first") {
  const Day from = *parse_day("1700-01-01"), to = *parse_day("2016-12-31");
  SUBCASE("the caller's limit, not a fixed one: 115 782 daily steps under a limit of 200 000") {
    const auto days = query::periods(from, to, "1d", 200000);
    CHECK(days.size() == static_cast<std::size_t>(to - from + 1));
    CHECK(days.size() > 100000);
  }
  SUBCASE("over the limit: the error gives the number of steps") {
    try {
      query::periods(from, to, "1d", 500);
      FAIL("no too_many_steps_error");
    } catch (const query::too_many_steps_error& e) {
      CHECK(e.steps() == static_cast<std::size_t>(to - from + 1));
      CHECK(e.max_steps() == 500);
    }
    CHECK_THROWS_AS(query::periods(from, to, "1d"), query::too_many_steps_error);
  }
  SUBCASE("the count made up front is the number of steps, for every unit") {
    std::mt19937 rng(3);
    for (int i = 0; i < 400; ++i) {
      const Day a = from + static_cast<Day>(rng() % 100000);
      const Day b = a + static_cast<Day>(rng() % 3000);
      for (const char* period : {"1d", "10d", "1w", "3w", "1m", "5m", "1y", "3y"}) {
        CAPTURE(format_day(a));
        CAPTURE(format_day(b));
        CAPTURE(period);
        const auto steps = query::periods(a, b, period, 100000);
        CHECK_NOTHROW(query::periods(a, b, period, steps.size()));
        CHECK_THROWS_AS(query::periods(a, b, period, steps.size() - 1),
                        query::too_many_steps_error);
      }
    }
  }
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
