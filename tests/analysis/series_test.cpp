#include "orgraph/analysis/series.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "orgraph/graph_builder.hpp"

namespace orgraph {
namespace {

using Attrs = std::vector<Attribute>;

//   A —member_of→ B (from 2010)     C —member_of→ B (from 2012)     D: no relation
//   B —member_of→ E (from 2010)
TemporalGraph fixture() {
  GraphBuilder b;
  const auto f = b.add_file("fixture.gv");
  b.add_entity("s", Attrs{{"kind", "source"}, {"title", "t"}}, {f, 1});
  for (std::string id : {"A", "B", "C", "D", "E"}) {
    b.add_entity(id, Attrs{{"kind", "org"}, {"name", id}, {"start", "2009"}, {"src", "s"}}, {f, 2});
  }
  auto member = [&](std::string from, std::string to, std::string start) {
    b.add_relation(from, to, Attrs{{"rel", "member_of"}, {"start", start}, {"src", "s"}}, {f, 3});
  };
  member("A", "B", "2010");
  member("B", "E", "2010");
  member("C", "B", "2012");
  return b.build();
}

struct Series {
  TemporalGraph graph = fixture();
  std::vector<DayRange> steps =
      query::periods(*parse_day("2010-01-01"), *parse_day("2012-12-31"), "1y");
  const analysis::ProjectionSpec& spec = analysis::projection_by_name("affiliation");

  EntityId id(const char* key) const { return *graph.find_key(key); }
  analysis::CentralitySeries run(analysis::Measure measure,
                                 const analysis::CentralityOptions& options = {}) const {
    return analysis::centrality_series(graph, steps, spec, measure, {}, options);
  }
  // The measure on the projection at step i alone.
  std::vector<double> at(std::size_t i, analysis::Measure measure,
                         const analysis::CentralityOptions& options = {}) const {
    return analysis::centrality(analysis::project(graph, steps[i], spec), measure, options).values;
  }
};

}  // namespace

TEST_CASE("a personalised PageRank series teleports to the personalised entities present") {
  const Series s;
  const EntityId a = s.id("A"), c = s.id("C");
  SUBCASE("some absent: the others take the teleport, and the step says who was absent") {
    const auto series = s.run(analysis::Measure::pagerank, {.personalization = {{c, 2}, {a, 1}}});
    REQUIRE(series.steps.size() == 3);
    CHECK(series.personalized);
    for (std::size_t i : {0, 1}) {
      CAPTURE(i);
      const analysis::SeriesStep& step = series.steps[i];
      CHECK(step.absent_personalized == std::vector<EntityId>{c});
      CHECK(step.vertices == 3);
      CHECK_FALSE(step.unscored());
      CHECK(step.scores == s.at(i, analysis::Measure::pagerank, {.personalization = {{a, 1}}}));
    }
    CHECK(series.steps[2].absent_personalized.empty());
    CHECK(series.steps[2].scores ==
          s.at(2, analysis::Measure::pagerank, {.personalization = {{c, 2}, {a, 1}}}));
  }
  SUBCASE("all absent at a step: that step has no scores, and no rank changes come from it") {
    const auto series = s.run(analysis::Measure::pagerank, {.personalization = {{c, 1}}});
    for (std::size_t i : {0, 1}) {
      CAPTURE(i);
      const analysis::SeriesStep& step = series.steps[i];
      CHECK(step.absent_personalized == std::vector<EntityId>{c});
      CHECK(step.vertices == 3);
      CHECK(step.entities.empty());
      CHECK(step.scores.empty());
      CHECK(step.unscored());
    }
    CHECK(series.steps[2].entities.size() == 4);
    CHECK(series.steps[2].scores ==
          s.at(2, analysis::Measure::pagerank, {.personalization = {{c, 1}}}));
  }
  SUBCASE("absent at every step: a usage error") {
    CHECK_THROWS_WITH_AS(
        s.run(analysis::Measure::pagerank, {.personalization = {{s.id("D"), 1}}}),
        "personalisation: none of its entities is in the projection at any step of the series",
        query_error);
  }
  SUBCASE("weights are checked before any step, present or not") {
    CHECK_THROWS_WITH_AS(
        s.run(analysis::Measure::pagerank, {.personalization = {{s.id("D"), -1}, {a, 2}}}),
        doctest::Contains("the weight of 'D' is -1"), query_error);
  }
  SUBCASE("other measures ignore personalisation, as at a date") {
    const auto series = s.run(analysis::Measure::betweenness, {.personalization = {{c, 1}}});
    CHECK_FALSE(series.personalized);
    CHECK(series.steps[0].absent_personalized.empty());
    CHECK(series.steps[0].scores == s.at(0, analysis::Measure::betweenness));
  }
}

TEST_CASE("a series names the step at which a power iteration did not converge") {
  const Series s;
  try {
    s.run(analysis::Measure::pagerank, {.max_iterations = 1});
    FAIL("no convergence_error");
  } catch (const analysis::convergence_error& e) {
    // The message at a date ("PageRank did not converge in …") with the step.
    CHECK(e.measure() == "PageRank at 2010-01-01/2010-12-31");
    CHECK(std::string(e.what()).starts_with(
        "PageRank at 2010-01-01/2010-12-31 did not converge in 1 iteration: the L1 change"));
    CHECK(e.iterations() == 1);
  }
  CHECK_THROWS_WITH_AS(s.run(analysis::Measure::eigenvector, {.max_iterations = 1}),
                       doctest::Contains("eigenvector centrality at 2010-01-01/2010-12-31 did "
                                         "not converge in 1 iteration"),
                       analysis::convergence_error);
}

TEST_CASE("a series of approximate betweenness keeps each step's bound") {
  const Series s;
  const auto series = s.run(analysis::Measure::approx_betweenness, {.epsilon = 0.2, .delta = 0.1});
  for (const analysis::SeriesStep& step : series.steps) {
    REQUIRE(step.approximation);
    CHECK(step.approximation->epsilon == 0.2);
    CHECK(step.approximation->delta == 0.1);
    const double n = static_cast<double>(step.vertices);
    CHECK(step.approximation->error == doctest::Approx(0.2 * n / (n - 2)));
  }
}

TEST_CASE("a series refuses a normalization its measure does not have, before any step") {
  const Series s;
  for (analysis::Measure m : {analysis::Measure::eigenvector, analysis::Measure::pagerank}) {
    CAPTURE(m);
    CHECK_THROWS_WITH_AS(s.run(m, {.normalization = analysis::Normalization::none}),
                         doctest::Contains("--normalization none does not apply"), query_error);
  }
  const auto raw =
      s.run(analysis::Measure::closeness, {.normalization = analysis::Normalization::none});
  CHECK(raw.steps[2].scores ==
        s.at(2, analysis::Measure::closeness, {.normalization = analysis::Normalization::none}));
}

}  // namespace orgraph
