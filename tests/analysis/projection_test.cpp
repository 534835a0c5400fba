#include "orgraph/analysis/projection.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "orgraph/analysis/graphml.hpp"
#include "orgraph/analysis/series.hpp"
#include "orgraph/generate.hpp"
#include "orgraph/graph_builder.hpp"
#include "orgraph/io/jsonl_reader.hpp"
#include "orgraph/load.hpp"

namespace orgraph {
namespace {

using Attrs = std::vector<Attribute>;

//   persons p, q            orgs A, B                 orgs X, Y        coalitions C, D
//   p —member_of→ A, B      A —split_from→ B (2010)   X —allied_with— Y (from 2010)
//   q —member_of→ A         Z: no relation            X, Y —member_of→ C (2010), D (2011)
//   q —holds→ B (2010–2012)
TemporalGraph fixture() {
  GraphBuilder b;
  const auto f = b.add_file("fixture.gv");
  b.add_entity("s", Attrs{{"kind", "source"}, {"title", "t"}}, {f, 1});
  for (std::string id : {"A", "B", "C", "D", "X", "Y", "Z"}) {
    b.add_entity(id,
                 Attrs{{"kind", "org"},
                       {"name", id == "A" ? "ألف <&>" : id},
                       {"name_en", id},
                       {"start", "2009"},
                       {"src", "s"}},
                 {f, 2});
  }
  for (std::string id : {"p", "q"}) {
    b.add_entity(id, Attrs{{"kind", "person"}, {"name", id}, {"src", "s"}}, {f, 3});
  }
  auto rel = [&](std::string from, std::string to, Attrs attrs) {
    attrs.push_back({"src", "s"});
    b.add_relation(from, to, attrs, {f, 4});
  };
  rel("p", "A", {{"rel", "member_of"}, {"start", "2010"}});
  rel("p", "B", {{"rel", "member_of"}, {"start", "2010"}});
  rel("q", "A", {{"rel", "member_of"}, {"start", "2010"}});
  rel("q", "B", {{"rel", "holds"}, {"role", "r"}, {"start", "2010"}, {"end", "2012"}});
  rel("A", "B", {{"rel", "split_from"}, {"date", "2010"}});
  rel("X", "Y", {{"rel", "allied_with"}, {"start", "2010"}});
  rel("X", "C", {{"rel", "member_of"}, {"start", "2010"}});
  rel("Y", "C", {{"rel", "member_of"}, {"start", "2010"}});
  rel("X", "D", {{"rel", "member_of"}, {"start", "2011"}});
  rel("Y", "D", {{"rel", "member_of"}, {"start", "2011"}});
  return b.build();
}

// The projection's edges as "from-to:weight" with entity keys.
std::map<std::string, double> edges_of(const analysis::Projection& p) {
  std::map<std::string, double> edges;
  for (const analysis::ProjectedEdge& e : p.edges()) {
    edges[fmt::format("{}-{}", p.graph().entity(p.entity(e.source)).key,
                      p.graph().entity(p.entity(e.target)).key)] = e.weight;
  }
  return edges;
}

std::vector<std::string> vertices_of(const analysis::Projection& p) {
  std::vector<std::string> keys;
  for (EntityId id : p.entities()) keys.emplace_back(p.graph().entity(id).key);
  return keys;
}

DayRange day(const char* text) { return {*parse_day(text), *parse_day(text)}; }

}  // namespace

TEST_CASE("the affiliation projection joins members, office holders and allies") {
  const TemporalGraph g = fixture();
  const auto p =
      analysis::project(g, day("2011-06-01"), analysis::projection_by_name("affiliation"));
  CHECK(vertices_of(p) == std::vector<std::string>{"A", "B", "C", "D", "X", "Y", "p", "q"});
  // No lineage edge A-B; Z touches nothing and is dropped.
  CHECK(edges_of(p) == std::map<std::string, double>{{"A-p", 1},
                                                     {"A-q", 1},
                                                     {"B-p", 1},
                                                     {"B-q", 1},
                                                     {"C-X", 1},
                                                     {"C-Y", 1},
                                                     {"D-X", 1},
                                                     {"D-Y", 1},
                                                     {"X-Y", 1}});
  SUBCASE("isolated vertices can be kept") {
    const auto kept =
        analysis::project(g, day("2011-06-01"), p.spec(), {.isolated = analysis::Isolated::keep});
    CHECK(kept.vertex_count() == 9);
    CHECK(kept.vertex_of(*g.find_key("Z")).has_value());
    CHECK(kept.edge_count() == p.edge_count());
  }
}

TEST_CASE("a directed projection keeps directions; a symmetric relation goes both ways") {
  const TemporalGraph g = fixture();
  const auto p =
      analysis::project(g, day("2011-06-01"), analysis::projection_by_name("affiliation_directed"));
  const auto edges = edges_of(p);
  CHECK(edges.count("p-A") == 1);
  CHECK(edges.count("A-p") == 0);
  CHECK(edges.count("X-Y") == 1);
  CHECK(edges.count("Y-X") == 1);
  CHECK(p.directed());
}

TEST_CASE("folds weigh org pairs by shared members and shared coalitions") {
  const TemporalGraph g = fixture();
  SUBCASE("shared members: p and q are in both A and B (q as office holder)") {
    const auto p =
        analysis::project(g, day("2011-06-01"), analysis::projection_by_name("shared_members"));
    CHECK(vertices_of(p) == std::vector<std::string>{"A", "B", "C", "D"});
    CHECK(edges_of(p) == std::map<std::string, double>{{"A-B", 2}, {"C-D", 2}});
  }
  SUBCASE("shared coalitions: X and Y are both in C, and from 2011 in D") {
    const auto& spec = analysis::projection_by_name("shared_coalitions");
    CHECK(edges_of(analysis::project(g, day("2010-06-01"), spec)) ==
          std::map<std::string, double>{{"X-Y", 1}});
    CHECK(edges_of(analysis::project(g, day("2011-06-01"), spec)) ==
          std::map<std::string, double>{{"X-Y", 2}});
  }
  SUBCASE("after q's office ends, A and B share only p") {
    const auto p =
        analysis::project(g, day("2013-06-01"), analysis::projection_by_name("shared_members"));
    CHECK(edges_of(p).at("A-B") == 1);
  }
}

TEST_CASE("unknown projections are named with the known ones") {
  CHECK_THROWS_WITH_AS(analysis::projection_by_name("afiliation"),
                       "unknown projection 'afiliation': expected one of affiliation, "
                       "affiliation_directed, membership, alignment, shared_members, "
                       "shared_coalitions",
                       query_error);
  CHECK(analysis::projections().front().name == "affiliation");
}

TEST_CASE("a projection series in one sweep equals one projection per step") {
  const TemporalGraph g = fixture();
  const auto steps = query::periods(*parse_day("2008-01-01"), *parse_day("2014-12-31"), "6m");
  for (const analysis::ProjectionSpec& spec : analysis::projections()) {
    CAPTURE(spec.name);
    std::size_t visited = 0;
    analysis::project_series(g, steps, spec, {}, [&](std::size_t i, const analysis::Projection& p) {
      const auto one = analysis::project(g, steps[i], spec);
      CHECK(vertices_of(p) == vertices_of(one));
      CHECK(edges_of(p) == edges_of(one));
      ++visited;
    });
    CHECK(visited == steps.size());
  }
  CHECK(analysis::first_day(g, analysis::projection_by_name("affiliation")) ==
        parse_day("2010-01-01"));
}

namespace {

// Real and generated histories for the property tests of the series.
std::vector<std::pair<std::string, TemporalGraph>> histories() {
  std::vector<std::pair<std::string, TemporalGraph>> graphs;
  graphs.emplace_back("examples",
                      load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/graphs/examples")));
  graphs.emplace_back("syria", load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/graphs/syria")));
  for (std::uint64_t seed : {3u, 8u}) {
    std::ostringstream text;
    generate({.orgs = 150, .people = 100, .seed = seed}, GraphFormat::jsonl, text);
    GraphBuilder b;
    io::read_jsonl(text.str(), "generated.jsonl", b);
    graphs.emplace_back(fmt::format("generated {}", seed), b.build());
  }
  return graphs;
}

void check_same(const analysis::Projection& a, const analysis::Projection& b) {
  CHECK(a.at() == b.at());
  REQUIRE(a.vertex_count() == b.vertex_count());
  REQUIRE(a.edge_count() == b.edge_count());
  CHECK(std::equal(a.entities().begin(), a.entities().end(), b.entities().begin()));
  const auto differs = std::mismatch(
      a.edges().begin(), a.edges().end(), b.edges().begin(), [](const auto& x, const auto& y) {
        return x.source == y.source && x.target == y.target && x.weight == y.weight;
      });
  if (differs.first != a.edges().end()) {
    CHECK(differs.first->source == differs.second->source);
    CHECK(differs.first->target == differs.second->target);
    CHECK(differs.first->weight == differs.second->weight);
  }
  CHECK(differs.first == a.edges().end());
}

}  // namespace

TEST_CASE("projection and degree series kept from changes equal one projection per step") {
  const auto steps_quarterly =
      query::periods(*parse_day("2010-01-01"), *parse_day("2025-12-31"), "3m");
  const auto steps_yearly =
      query::periods(*parse_day("2005-01-01"), *parse_day("2030-12-31"), "1y");
  for (const auto& [name, g] : histories()) {
    CAPTURE(name);
    for (const analysis::ProjectionSpec& spec : analysis::projections()) {
      CAPTURE(spec.name);
      for (const analysis::ProjectOptions& options :
           {analysis::ProjectOptions{},
            analysis::ProjectOptions{.isolated = analysis::Isolated::keep},
            analysis::ProjectOptions{.certainties = analysis::Certainties::certain_only}}) {
        CAPTURE(to_string(options.isolated));
        CAPTURE(to_string(options.certainties));
        for (const auto* steps : {&steps_quarterly, &steps_yearly}) {
          std::size_t visited = 0;
          analysis::project_series(
              g, *steps, spec, options, [&](std::size_t i, const analysis::Projection& p) {
                CAPTURE(i);
                check_same(p, analysis::project(g, (*steps)[i], spec, options));
                ++visited;
              });
          CHECK(visited == steps->size());
        }
        // Each degree measure, unweighted and normalised or weighted and raw.
        const analysis::CentralityOptions plain,
            weighted_raw{.normalization = analysis::Normalization::none,
                         .degree_weighting = analysis::Weighting::weighted};
        for (const auto& [m, c] : {std::pair{analysis::Measure::degree, &plain},
                                   std::pair{analysis::Measure::in_degree, &weighted_raw},
                                   std::pair{analysis::Measure::out_degree, &plain},
                                   std::pair{analysis::Measure::degree, &weighted_raw}}) {
          const auto series = analysis::centrality_series(g, steps_yearly, spec, m, options, *c);
          REQUIRE(series.steps.size() == steps_yearly.size());
          for (std::size_t i = 0; i < steps_yearly.size(); ++i) {
            CAPTURE(i);
            const auto p = analysis::project(g, steps_yearly[i], spec, options);
            const analysis::SeriesStep& step = series.steps[i];
            CHECK(step.edges == p.edge_count());
            REQUIRE(step.entities.size() == p.vertex_count());
            CHECK(std::equal(step.entities.begin(), step.entities.end(), p.entities().begin()));
            if (p.vertex_count() == 0) continue;
            const auto scores = analysis::centrality(p, m, *c).values;
            CHECK(step.scores == scores);  // bit for bit
            CHECK(step.ranks == analysis::ranks(scores));
          }
        }
      }
    }
  }
}

TEST_CASE("a centrality series ranks each step and reports who rose and who fell") {
  const TemporalGraph g = fixture();
  const auto steps = query::periods(*parse_day("2009-01-01"), *parse_day("2011-12-31"), "1y");
  const auto series = analysis::centrality_series(
      g, steps, analysis::projection_by_name("affiliation"), analysis::Measure::degree);
  REQUIRE(series.steps.size() == 3);
  CHECK(series.steps[0].entities.empty());  // 2009: nothing holds yet
  const auto& s2011 = series.steps[2];
  const auto x = std::find(s2011.entities.begin(), s2011.entities.end(), *g.find_key("X"));
  REQUIRE(x != s2011.entities.end());
  CHECK(s2011.ranks[x - s2011.entities.begin()] == 1);  // C, D and Y: 3 of 7 others
  const auto changes = analysis::rank_changes(series.steps[1], series.steps[2]);
  REQUIRE(!changes.empty());
  // 2010: every vertex has degree 2 (all rank 1). 2011: D arrives and X, Y (degree 3) stay
  // first, so the others fall to rank 3.
  CHECK(std::any_of(changes.begin(), changes.end(), [&](const analysis::RankChange& c) {
    return c.entity == *g.find_key("A") && c.before == 1 && c.after == 3;
  }));
  CHECK(std::none_of(changes.begin(), changes.end(),
                     [&](const analysis::RankChange& c) { return c.entity == *g.find_key("X"); }));
  CHECK(std::any_of(changes.begin(), changes.end(), [&](const analysis::RankChange& c) {
    return c.entity == *g.find_key("D") && c.before == 0 && c.after > 0;
  }));
  CHECK_THROWS_AS(analysis::centrality_series(g, steps, analysis::projections()[0],
                                              analysis::Measure::edge_betweenness),
                  query_error);
}

TEST_CASE("a centrality series reports progress within its steps, ending at its total") {
  std::ostringstream text;
  generate({.orgs = 400, .people = 300, .seed = 5}, GraphFormat::jsonl, text);
  GraphBuilder b;
  io::read_jsonl(text.str(), "generated.jsonl", b);
  const TemporalGraph g = b.build();
  const auto steps = query::periods(*parse_day("2016-01-01"), *parse_day("2017-12-31"), "1y");
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  const auto series = analysis::centrality_series(
      g, steps, analysis::projections()[0], analysis::Measure::betweenness, {}, {.threads = 1},
      [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });
  REQUIRE(series.steps.size() == 2);
  REQUIRE(series.steps[0].entities.size() > 128);  // betweenness reports every 64 sources
  REQUIRE(!calls.empty());
  const std::size_t total = calls.front().second;
  bool within_first_step = false;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    CAPTURE(i);
    CHECK(calls[i].second == total);
    CHECK(calls[i].first <= total);
    if (i > 0) CHECK(calls[i].first >= calls[i - 1].first);
    within_first_step |= calls[i].first > 0 && calls[i].first < total / 2;
  }
  CHECK(within_first_step);
  CHECK(calls.back().first == total);
}

TEST_CASE("GraphML export writes the projection's vertices and weighted edges") {
  const TemporalGraph g = fixture();
  const auto p =
      analysis::project(g, day("2011-06-01"), analysis::projection_by_name("shared_members"));
  std::ostringstream out;
  analysis::write_graphml(p, out);
  const std::string xml = out.str();
  CHECK(xml.find("edgedefault=\"undirected\"") != std::string::npos);
  CHECK(xml.find("<node id=\"A\"><data key=\"kind\">org</data><data key=\"name\">ألف "
                 "&lt;&amp;&gt;</data>") != std::string::npos);
  CHECK(xml.find("<edge source=\"A\" target=\"B\"><data key=\"weight\">2</data></edge>") !=
        std::string::npos);
  CHECK(xml.find("<data key=\"earliest\">2011-06-01</data>") != std::string::npos);
  CHECK(xml.find("node id=\"p\"") == std::string::npos);
}

}  // namespace orgraph
