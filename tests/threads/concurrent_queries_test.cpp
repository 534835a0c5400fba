// One built graph queried (and drawn) from several threads at once gives every thread the answers
// a single thread gets. Run under ThreadSanitizer (the tsan preset) this also shows the queries
// free of data races, including the first name search, which builds the name index lazily.
//
// Two graphs are built from the same generated history: `reference` is queried by one thread
// first, `shared` by all threads together, starting at one latch, so that even the first search
// on `shared` races with the others.
#include <doctest/doctest.h>

#include <cstddef>
#include <latch>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "orgraph/generate.hpp"
#include "orgraph/graph_builder.hpp"
#include "orgraph/io/jsonl_reader.hpp"
#include "orgraph/query/diff.hpp"
#include "orgraph/query/history.hpp"
#include "orgraph/query/lineage.hpp"
#include "orgraph/query/members.hpp"
#include "orgraph/query/path.hpp"
#include "orgraph/query/roles.hpp"
#include "orgraph/query/snapshot.hpp"
#include "orgraph/render/ego_view.hpp"
#include "orgraph/render/lineage_view.hpp"
#include "orgraph/render/render.hpp"

namespace orgraph {
namespace {

constexpr int kThreads = 4;

TemporalGraph generated_graph() {
  std::ostringstream text;
  generate({.orgs = 200, .people = 200, .years = 14, .seed = 8}, GraphFormat::jsonl, text);
  GraphBuilder builder;
  io::read_jsonl(text.str(), "history.jsonl", builder);
  return builder.build();
}

DayRange year(int y) { return query_range(Date::parse(std::to_string(y))); }

// The entities of one kind, in id order.
std::vector<EntityId> of_kind(const TemporalGraph& g, EntityKind kind) {
  std::vector<EntityId> out;
  for (EntityId e = 0; e < g.entity_count(); ++e) {
    if (g.entity(e).kind == kind) out.push_back(e);
  }
  return out;
}

// Every query kind over a slice of the graph (each thread starts at a different `offset`, so the
// threads run different queries at the same moment), summed up as text: equal texts mean equal
// answers.
std::string answers(const TemporalGraph& g, std::size_t offset) {
  const std::vector<EntityId> orgs = of_kind(g, EntityKind::org);
  const std::vector<EntityId> people = of_kind(g, EntityKind::person);
  std::string out;
  auto add = [&out](const auto&... parts) {
    ((out += fmt::format("{},", parts)), ...);
    out += ' ';
  };
  for (std::size_t k = 0; k < orgs.size(); ++k) {
    const EntityId org = orgs[(k + offset) % orgs.size()];
    const EntityId person = people[(k + offset) % people.size()];
    const DayRange at = year(2011 + static_cast<int>(k % 14));

    for (const NameMatch& m : g.search(g.entity(org).name, 3)) {
      add(m.entity, m.matched, m.quality);
    }
    for (const NameMatch& m : g.search(g.entity(person).name_en.substr(0, 5), 5)) {
      add(m.entity, m.quality);
    }
    add(g.find(g.entity(org).key));

    for (const auto& m : query::members(g, org, {.at = at})) {
      add(m.member, m.relation, *m.certainty);
    }
    for (const auto& m : query::members(g, org, {.transitive = true})) {
      add(m.member, m.depth);
    }
    for (const auto& r : query::roles(g, {.org = org})) add(r.relation);
    for (const auto& r : query::roles(g, {.person = person, .at = at})) {
      add(r.relation, *r.certainty);
    }
    const query::Lineage lineage = query::lineage(g, org);
    for (EntityId n : lineage.nodes) add(n);
    for (RelationId r : lineage.edges) add(r);
    for (const query::Path& path :
         query::shortest_paths(g, person, orgs[(k * 7 + offset) % orgs.size()], {.at = at})) {
      for (const query::PathStep& step : path) add(step.relation);
    }
    for (const auto& h : query::history(g, person)) {
      add(h.relation ? fmt::to_string(*h.relation) : std::string("-"));
    }
    if (k % 20 == 0) {
      const query::Snapshot s = query::snapshot(g, at);
      add(s.entities.size(), s.relations.size());
      for (const auto& r : s.relations) add(r.relation);
      add(query::diff(g, at, year(2024)).size());
      // Views read the graph like queries; drawing takes its turn at Graphviz.
      add(render::render_to_string(render::ego_view(g, {.center = org, .depth = 2}),
                                   render::Format::canon));
      add(render::lineage_view(g, {.focus = org}).nodes.size());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("several threads querying one graph get the answers one thread gets") {
  const TemporalGraph reference = generated_graph();
  const TemporalGraph shared = generated_graph();
  REQUIRE(reference.entity_count() == shared.entity_count());
  REQUIRE(of_kind(shared, EntityKind::org).size() >= 200);

  std::vector<std::string> expected;
  for (int t = 0; t < kThreads; ++t) {
    expected.push_back(answers(reference, static_cast<std::size_t>(t) * 50));
  }

  std::vector<std::string> got(kThreads);
  std::latch start(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        got[static_cast<std::size_t>(t)] = answers(shared, static_cast<std::size_t>(t) * 50);
      });
    }
  }
  for (int t = 0; t < kThreads; ++t) {
    CAPTURE(t);
    CHECK(got[static_cast<std::size_t>(t)].size() > 10000);
    CHECK(got[static_cast<std::size_t>(t)] == expected[static_cast<std::size_t>(t)]);
  }
}

}  // namespace orgraph
