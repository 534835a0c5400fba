#include "orgraph/analysis/centrality.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

#include "analysis/fixtures.hpp"

namespace orgraph {
namespace {

using analysis::Direction;
using test::projection_of;

void check_scores(const std::vector<double>& got, const std::vector<double>& want,
                  double epsilon = 1e-12) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i] == doctest::Approx(want[i]).epsilon(epsilon));
  }
}

// A random simple graph: n vertices, m distinct edges (no loops), deterministic for a seed.
std::vector<std::pair<int, int>> random_edges(std::uint32_t seed, int n, int m, bool directed) {
  std::mt19937 rng(seed);
  std::vector<std::pair<int, int>> edges;
  std::vector<std::vector<bool>> seen(n, std::vector<bool>(n, false));
  while (static_cast<int>(edges.size()) < m) {
    int a = static_cast<int>(rng() % n), b = static_cast<int>(rng() % n);
    if (a == b) continue;
    if (!directed && a > b) std::swap(a, b);
    if (seen[a][b]) continue;
    seen[a][b] = true;
    edges.emplace_back(a, b);
  }
  return edges;
}

// Betweenness by Boost.Graph's own Brandes on an adjacency_list: an independent reference.
template <class Graph>
std::vector<double> boost_betweenness(int n, const std::vector<std::pair<int, int>>& edges) {
  Graph g(static_cast<std::size_t>(n));
  for (auto [a, b] : edges) boost::add_edge(a, b, g);
  std::vector<double> centrality(static_cast<std::size_t>(n), 0);
  boost::brandes_betweenness_centrality(
      g, boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, g)));
  return centrality;  // raw: unordered pairs for undirected graphs, ordered for directed
}

}  // namespace

// 0 — 1 — 2 — 3
TEST_CASE("centrality of a path") {
  const TemporalGraph g = test::vertices_graph(4);
  const auto p = projection_of(g, 4, {{0, 1}, {1, 2}, {2, 3}}, Direction::undirected);
  check_scores(analysis::degree(p), {1.0 / 3, 2.0 / 3, 2.0 / 3, 1.0 / 3});
  check_scores(analysis::degree(p, {.normalization = analysis::Normalization::none}), {1, 2, 2, 1});
  // v1 lies on 0–2 and 0–3: 2 of the 3 pairs it is not part of.
  check_scores(analysis::betweenness(p), {0, 2.0 / 3, 2.0 / 3, 0});
  check_scores(analysis::betweenness(p, {.normalization = analysis::Normalization::none}),
               {0, 2, 2, 0});
  // Edge 0–1 carries 3 pairs, 1–2 carries 4, normalised by n(n−1)/2 = 6.
  check_scores(analysis::edge_betweenness(p), {0.5, 4.0 / 6, 0.5});
  check_scores(analysis::closeness(p), {3.0 / 6, 3.0 / 4, 3.0 / 4, 3.0 / 6});
  check_scores(analysis::harmonic(p), {1 + 0.5 + 1.0 / 3, 2.5, 2.5, 1 + 0.5 + 1.0 / 3});
}

// 0 — 1 — 2 — 3      4 — 5
TEST_CASE("raw closeness is 1/Σd; harmonic centrality is raw either way") {
  const TemporalGraph g = test::vertices_graph(6);
  const auto p = projection_of(g, 6, {{0, 1}, {1, 2}, {2, 3}, {4, 5}}, Direction::undirected);
  const analysis::ClosenessOptions raw{.normalization = analysis::Normalization::none};
  // v0: 1 + 2 + 3; v1: 1 + 1 + 2; v4: 1. Neither the reachable count nor n scales it.
  check_scores(analysis::closeness(p, raw), {1.0 / 6, 1.0 / 4, 1.0 / 4, 1.0 / 6, 1, 1});
  auto reachable_only = raw;
  reachable_only.disconnected = analysis::Disconnected::reachable_only;
  check_scores(analysis::closeness(p, reachable_only), analysis::closeness(p, raw));
  CHECK(analysis::harmonic(p, raw) == analysis::harmonic(p));
  // The dispatcher passes the normalization on.
  check_scores(analysis::centrality(p, analysis::Measure::closeness,
                                    {.normalization = analysis::Normalization::none})
                   .values,
               analysis::closeness(p, raw));
}

// 0 → 1 → 2
TEST_CASE("raw closeness of a directed path counts distances to each vertex") {
  const TemporalGraph g = test::vertices_graph(3);
  const auto p = projection_of(g, 3, {{0, 1}, {1, 2}}, Direction::directed);
  check_scores(analysis::closeness(p, {.normalization = analysis::Normalization::none}),
               {0, 1, 1.0 / 3});
}

// 0 — 1
TEST_CASE("eigenvector centrality and PageRank have no raw form") {
  const TemporalGraph g = test::vertices_graph(2);
  const auto p = projection_of(g, 2, {{0, 1}}, Direction::undirected);
  const analysis::CentralityOptions raw{.normalization = analysis::Normalization::none};
  CHECK_THROWS_WITH_AS(analysis::centrality(p, analysis::Measure::eigenvector, raw),
                       doctest::Contains("does not apply to eigenvector"), query_error);
  CHECK_THROWS_WITH_AS(analysis::centrality(p, analysis::Measure::pagerank, raw),
                       doctest::Contains("does not apply to pagerank"), query_error);
  for (analysis::Measure m : analysis::measures()) {
    CAPTURE(m);
    const bool spectral = m == analysis::Measure::eigenvector || m == analysis::Measure::pagerank;
    CHECK_NOTHROW(analysis::check_normalization(m, analysis::Normalization::networkx));
    if (!spectral) CHECK_NOTHROW(analysis::check_normalization(m, analysis::Normalization::none));
  }
}

//      1
//      |
//  4 — 0 — 2
//      |
//      3
TEST_CASE("centrality of a star") {
  const TemporalGraph g = test::vertices_graph(5);
  const auto p = projection_of(g, 5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}, Direction::undirected);
  check_scores(analysis::betweenness(p), {1, 0, 0, 0, 0});
  check_scores(analysis::closeness(p), {1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7});
  check_scores(analysis::degree(p), {1, 0.25, 0.25, 0.25, 0.25});
  // Leading eigenvector of a star K1,4: centre 2, leaves 1, Euclidean norm 1.
  const double c = 2 / std::sqrt(8.0), l = 1 / std::sqrt(8.0);
  check_scores(analysis::eigenvector(p), {c, l, l, l, l}, 1e-5);
  // PageRank: x_c = 0.03 + 0.85·4·x_l, x_l = 0.03 + 0.85·x_c/4.
  const double xc = 0.132 / 0.2775, xl = 0.03 + 0.2125 * xc;
  check_scores(analysis::pagerank(p), {xc, xl, xl, xl, xl}, 1e-6);
}

// 0 — 1 — 2 — 3 — 4 — 0
TEST_CASE("centrality of a cycle: every vertex alike") {
  const TemporalGraph g = test::vertices_graph(5);
  const auto p =
      projection_of(g, 5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}}, Direction::undirected);
  // Each vertex is the middle of one pair at distance 2: 2·1 / (4·3).
  check_scores(analysis::betweenness(p), std::vector<double>(5, 1.0 / 6));
  check_scores(analysis::closeness(p), std::vector<double>(5, 4.0 / 6));
  check_scores(analysis::eigenvector(p), std::vector<double>(5, 1 / std::sqrt(5.0)), 1e-9);
  check_scores(analysis::pagerank(p), std::vector<double>(5, 0.2), 1e-9);
  check_scores(analysis::edge_betweenness(p), std::vector<double>(5, 3.0 / 10));
}

// 0 — 1 — 2      3 — 4
TEST_CASE("centrality of two components") {
  const TemporalGraph g = test::vertices_graph(5);
  const auto p = projection_of(g, 5, {{0, 1}, {1, 2}, {3, 4}}, Direction::undirected);
  check_scores(analysis::betweenness(p), {0, 1.0 / 6, 0, 0, 0});
  SUBCASE("closeness, Wasserman–Faust (networkx's default)") {
    check_scores(analysis::closeness(p), {2.0 / 3 * 0.5, 0.5, 2.0 / 3 * 0.5, 0.25, 0.25});
  }
  SUBCASE("closeness within the reachable part") {
    check_scores(analysis::closeness(p, {.disconnected = analysis::Disconnected::reachable_only}),
                 {2.0 / 3, 1, 2.0 / 3, 1, 1});
  }
  check_scores(analysis::harmonic(p), {1.5, 2, 1.5, 1, 1});
}

// 0 → 1 → 2
TEST_CASE("centrality of a directed path follows the arcs") {
  const TemporalGraph g = test::vertices_graph(3);
  const auto p = projection_of(g, 3, {{0, 1}, {1, 2}}, Direction::directed);
  check_scores(analysis::betweenness(p), {0, 0.5, 0});
  check_scores(analysis::degree(p, {.mode = analysis::DegreeMode::in}), {0, 0.5, 0.5});
  check_scores(analysis::degree(p, {.mode = analysis::DegreeMode::out}), {0.5, 0.5, 0});
  check_scores(analysis::degree(p), {0.5, 1, 0.5});
  // Closeness and harmonic count distances *to* a vertex.
  check_scores(analysis::closeness(p), {0, 0.5, 2.0 / 3});
  check_scores(analysis::harmonic(p), {0, 1, 1.5});
  check_scores(analysis::edge_betweenness(p), {2.0 / 6, 2.0 / 6});
}

// 0 =2= 1 — 2   (the edge 0–1 has weight 2)
TEST_CASE("weights count in weighted degree, eigenvector and PageRank only") {
  const TemporalGraph g = test::vertices_graph(3);
  const auto p = projection_of(g, 3, {{0, 1}, {1, 2}}, Direction::undirected, {2, 1});
  check_scores(analysis::degree(p, {.weighting = analysis::Weighting::weighted,
                                    .normalization = analysis::Normalization::none}),
               {2, 3, 1});
  check_scores(analysis::betweenness(p), {0, 1, 0});
  const auto weighted = analysis::pagerank(p);
  const auto unweighted = analysis::pagerank(p, {.weighting = analysis::Weighting::unweighted});
  CHECK(weighted[0] > weighted[2]);
  CHECK(unweighted[0] == doctest::Approx(unweighted[2]));
}

// 0 — 1
TEST_CASE("personalised PageRank teleports to the chosen entities") {
  const TemporalGraph g = test::vertices_graph(2);
  const auto p = projection_of(g, 2, {{0, 1}}, Direction::undirected);
  // x0 = 0.85·x1 + 0.15, x1 = 0.85·x0: x0 = 1/1.85.
  const auto pr = analysis::pagerank(p, {.personalization = {{p.entity(0), 1.0}}});
  check_scores(pr, {1 / 1.85, 0.85 / 1.85}, 1e-6);
  CHECK_THROWS_AS(analysis::pagerank(p, {.personalization = {{p.entity(0), 0.0}}}), query_error);
  CHECK_THROWS_AS(analysis::pagerank(p, {.personalization = {{*g.find_key("s"), 1.0}}}),
                  query_error);
}

// 0 — 1
TEST_CASE("personalisation weights must be finite and not negative") {
  const TemporalGraph g = test::vertices_graph(2);
  const auto p = projection_of(g, 2, {{0, 1}}, Direction::undirected);
  // Adding up to a positive total is not enough: -1 and 2 would teleport with probability −1.
  CHECK_THROWS_WITH_AS(
      analysis::pagerank(p, {.personalization = {{p.entity(0), -1.0}, {p.entity(1), 2.0}}}),
      "personalisation: the weight of 'v0' is -1; weights must be finite and at least 0",
      query_error);
  CHECK_THROWS_WITH_AS(analysis::pagerank(p, {.personalization = {{p.entity(1), INFINITY}}}),
                       doctest::Contains("the weight of 'v1' is inf"), query_error);
  CHECK_THROWS_WITH_AS(analysis::pagerank(p, {.personalization = {{p.entity(1), NAN}}}),
                       doctest::Contains("the weight of 'v1' is nan"), query_error);
  // A zero weight is allowed beside a positive one: that entity is simply not teleported to.
  const auto pr =
      analysis::pagerank(p, {.personalization = {{p.entity(0), 1.0}, {p.entity(1), 0}}});
  check_scores(pr, {1 / 1.85, 0.85 / 1.85}, 1e-6);
}

TEST_CASE("power iterations that do not converge report iterations and residual") {
  const TemporalGraph g = test::vertices_graph(5);
  const auto p = projection_of(g, 5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}, Direction::undirected);
  try {
    analysis::eigenvector(p, {.max_iterations = 2});
    FAIL("no convergence_error");
  } catch (const analysis::convergence_error& e) {
    CHECK(e.iterations() == 2);
    CHECK(e.residual() > e.limit());
    CHECK(std::string(e.what()).find("2 iterations") != std::string::npos);
  }
  CHECK_THROWS_AS(analysis::pagerank(p, {.max_iterations = 1}), analysis::convergence_error);
}

TEST_CASE("exact betweenness equals Boost.Graph's Brandes on random graphs") {
  for (std::uint32_t seed = 1; seed <= 4; ++seed) {
    CAPTURE(seed);
    const int n = 60;
    const TemporalGraph g = test::vertices_graph(n);
    SUBCASE("undirected") {
      const auto edges = random_edges(seed, n, 110, false);
      const auto p = projection_of(g, n, edges, Direction::undirected);
      const auto want =
          boost_betweenness<boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>>(
              n, edges);
      check_scores(analysis::betweenness(p, {.normalization = analysis::Normalization::none}), want,
                   1e-10);
    }
    SUBCASE("directed") {
      const auto edges = random_edges(seed, n, 200, true);
      const auto p = projection_of(g, n, edges, Direction::directed);
      const auto want =
          boost_betweenness<boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>>(
              n, edges);
      check_scores(analysis::betweenness(p, {.normalization = analysis::Normalization::none}), want,
                   1e-10);
    }
  }
}

TEST_CASE("parallel results are bit for bit those of one thread") {
  const int n = 300;
  const TemporalGraph g = test::vertices_graph(n);
  for (Direction direction : {Direction::undirected, Direction::directed}) {
    CAPTURE(direction);
    const auto p =
        projection_of(g, n, random_edges(7, n, 900, direction == Direction::directed), direction);
    const auto one = analysis::betweenness(p, {.threads = 1});
    const auto one_edges = analysis::edge_betweenness(p, {.threads = 1});
    const auto one_closeness = analysis::closeness(p, {.threads = 1});
    const auto one_harmonic = analysis::harmonic(p, {.threads = 1});
    for (unsigned threads : {2u, 3u, 8u}) {
      CAPTURE(threads);
      CHECK(analysis::betweenness(p, {.threads = threads}) == one);
      CHECK(analysis::edge_betweenness(p, {.threads = threads}) == one_edges);
      CHECK(analysis::closeness(p, {.threads = threads}) == one_closeness);
      CHECK(analysis::harmonic(p, {.threads = threads}) == one_harmonic);
    }
    const auto approx = analysis::approx_betweenness(p, {.epsilon = 0.05, .threads = 1});
    CHECK(analysis::approx_betweenness(p, {.epsilon = 0.05, .threads = 2}).scores == approx.scores);
  }
}

TEST_CASE("approximate betweenness stays within its stated bound") {
  const int n = 400;
  const TemporalGraph g = test::vertices_graph(n);
  for (Direction direction : {Direction::undirected, Direction::directed}) {
    CAPTURE(direction);
    const bool directed = direction == Direction::directed;
    const auto p =
        projection_of(g, n, random_edges(11, n, directed ? 1600 : 800, directed), direction);
    const auto exact = analysis::betweenness(p);
    const auto approx = analysis::approx_betweenness(p, {.epsilon = 0.02, .delta = 0.1});
    CHECK(approx.samples > 0);
    CHECK(approx.error == doctest::Approx(0.02 * n / (n - 2.0)));
    double worst = 0;
    for (int v = 0; v < n; ++v) worst = std::max(worst, std::abs(approx.scores[v] - exact[v]));
    CHECK(worst <= approx.error);
    // Not trivially zero: the estimate finds the most central vertex's weight.
    const double top = *std::max_element(exact.begin(), exact.end());
    CHECK(*std::max_element(approx.scores.begin(), approx.scores.end()) > top / 2);
    {  // Raw: on the scale of exact raw betweenness, within the bound rescaled alike.
      const analysis::Normalization none = analysis::Normalization::none;
      const auto exact_raw = analysis::betweenness(p, {.normalization = none});
      const auto raw =
          analysis::approx_betweenness(p, {.epsilon = 0.02, .delta = 0.1, .normalization = none});
      CHECK(raw.normalization == none);
      CHECK(raw.samples == approx.samples);
      // Pairs: n(n−1) ordered ones, unordered when undirected, as exact raw betweenness counts.
      const double pairs = n * (n - 1.0) / (directed ? 1 : 2);
      CHECK(raw.error == doctest::Approx(0.02 * pairs));
      double worst_raw = 0;
      for (int v = 0; v < n; ++v) {
        CHECK(raw.scores[v] ==
              doctest::Approx(approx.scores[v] * (n - 1.0) * (n - 2.0) / (directed ? 1 : 2)));
        worst_raw = std::max(worst_raw, std::abs(raw.scores[v] - exact_raw[v]));
      }
      CHECK(worst_raw <= raw.error);
      CHECK(worst_raw > 0);  // an estimate, not the exact scores
    }
  }
}

TEST_CASE("approximate betweenness takes the smaller of the two sample bounds") {
  SUBCASE("a star: vertex diameter 3, so the VC bound needs 0.5/ε² · (0 + 1 + ln 1/δ)") {
    const int n = 1001;
    const TemporalGraph g = test::vertices_graph(n);
    std::vector<std::pair<int, int>> edges;
    for (int leaf = 1; leaf < n; ++leaf) edges.emplace_back(0, leaf);
    const auto p = projection_of(g, n, edges, Direction::undirected);
    const auto a = analysis::approx_betweenness(p, {.epsilon = 0.1, .delta = 0.1});
    CHECK(a.bound == analysis::SampleBound::vc_dimension);
    CHECK(a.vertex_diameter == 3);
    CHECK(a.samples == static_cast<std::size_t>(std::ceil(50 * (1 + std::log(10.0)))));
    // Every path between two leaves runs through the centre: exactly 1, like the exact score.
    CHECK(a.scores[0] == doctest::Approx(analysis::betweenness(p)[0]).epsilon(0.01));
  }
  SUBCASE("a short path: Hoeffding's ln(2n/δ)/(2ε²) is smaller") {
    const TemporalGraph g = test::vertices_graph(6);
    const auto p =
        projection_of(g, 6, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}}, Direction::undirected);
    const auto a = analysis::approx_betweenness(p, {.epsilon = 0.1, .delta = 0.1});
    CHECK(a.bound == analysis::SampleBound::hoeffding);
    CHECK(a.samples == static_cast<std::size_t>(std::ceil(std::log(120.0) / 0.02)));
    CHECK_THROWS_AS(analysis::approx_betweenness(p, {.epsilon = 0}), query_error);
  }
}

TEST_CASE("ranks are competition ranks, highest first") {
  const std::vector<double> scores{0.5, 0.9, 0.5, 0.1};
  CHECK(analysis::ranks(scores) == std::vector<std::uint32_t>{2, 1, 2, 4});
  CHECK(analysis::measure_by_name("pagerank") == analysis::Measure::pagerank);
  CHECK_THROWS_WITH_AS(analysis::measure_by_name("page_rank"),
                       doctest::Contains("expected one of degree"), query_error);
  CHECK(fmt::format("{}", analysis::Measure::approx_betweenness) == "approx_betweenness");
}

TEST_CASE("centrality scores that differ only in their last bits share a rank") {
  SUBCASE("two Syrian bodies alike in the graph, summed in another order") {
    // Betweenness of srgc and srcc in graphs/syria at 2014, one ulp apart.
    const std::vector<double> scores{0.04528212422949266, 0.1, 0.045282124229492654, 0.01};
    REQUIRE(scores[0] != scores[2]);
    CHECK(analysis::tied(scores[0], scores[2]));
    CHECK(analysis::ranks(scores) == std::vector<std::uint32_t>{2, 1, 2, 4});
  }
  SUBCASE("the same three terms added in two orders") {
    const double a = (0.1 + 0.2) + 0.3, b = 0.1 + (0.2 + 0.3);
    REQUIRE(a != b);
    CHECK(analysis::ranks(std::vector<double>{a, b}) == std::vector<std::uint32_t>{1, 1});
  }
  SUBCASE("a relative difference above 1e-9 is a real one") {
    CHECK_FALSE(analysis::tied(1.0, 1.0 + 1e-8));
    CHECK(analysis::ranks(std::vector<double>{1.0, 1.0 + 1e-8}) ==
          std::vector<std::uint32_t>{2, 1});
  }
  SUBCASE("zero ties only with zero") {
    CHECK(analysis::tied(0.0, 0.0));
    CHECK_FALSE(analysis::tied(0.0, 1e-300));
  }
  SUBCASE("a chain of near-equal scores is cut where it drifts past the tolerance") {
    // Each is tied to its neighbour, but the third is 1.2e-9 below the first.
    const std::vector<double> scores{1.0, 1.0 - 0.6e-9, 1.0 - 1.2e-9};
    CHECK(analysis::tied(scores[1], scores[2]));
    CHECK(analysis::ranks(scores) == std::vector<std::uint32_t>{1, 1, 3});
  }
}

}  // namespace orgraph
