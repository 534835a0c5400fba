// The measure table, the run-time dispatcher and ranking.

#include "orgraph/analysis/centrality.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace orgraph::analysis {
namespace {

constexpr std::array kMeasures{
    Measure::degree,           Measure::in_degree,
    Measure::out_degree,       Measure::betweenness,
    Measure::edge_betweenness, Measure::closeness,
    Measure::harmonic,         Measure::eigenvector,
    Measure::pagerank,         Measure::approx_betweenness,
};

}  // namespace

std::string_view to_string(Normalization normalization) {
  return normalization == Normalization::none ? "none" : "networkx";
}
std::string_view to_string(DegreeMode mode) {
  switch (mode) {
    case DegreeMode::total:
      return "total";
    case DegreeMode::in:
      return "in";
    case DegreeMode::out:
      return "out";
  }
  return "?";
}
std::string_view to_string(Weighting weighting) {
  return weighting == Weighting::weighted ? "weighted" : "unweighted";
}
std::string_view to_string(Disconnected disconnected) {
  return disconnected == Disconnected::reachable_only ? "reachable_only" : "wf_improved";
}

std::string_view to_string(Measure measure) {
  switch (measure) {
    case Measure::degree:
      return "degree";
    case Measure::in_degree:
      return "in_degree";
    case Measure::out_degree:
      return "out_degree";
    case Measure::betweenness:
      return "betweenness";
    case Measure::edge_betweenness:
      return "edge_betweenness";
    case Measure::closeness:
      return "closeness";
    case Measure::harmonic:
      return "harmonic";
    case Measure::eigenvector:
      return "eigenvector";
    case Measure::pagerank:
      return "pagerank";
    case Measure::approx_betweenness:
      return "approx_betweenness";
  }
  return "?";
}

std::span<const Measure> measures() { return kMeasures; }

Measure measure_by_name(std::string_view name) {
  std::string names;
  for (Measure m : kMeasures) {
    if (to_string(m) == name) return m;
    names += names.empty() ? "" : ", ";
    names += to_string(m);
  }
  throw query_error(fmt::format("unknown measure '{}': expected one of {}", name, names));
}

void check_normalization(Measure measure, Normalization normalization) {
  if (normalization != Normalization::none) return;
  if (measure == Measure::eigenvector) {
    throw query_error(
        "--normalization none does not apply to eigenvector: its scores are normalised by "
        "definition (Euclidean norm 1) and have no raw form");
  }
  if (measure == Measure::pagerank) {
    throw query_error(
        "--normalization none does not apply to pagerank: its scores are a probability "
        "distribution (they add up to 1) and have no raw form");
  }
}

Scores centrality(const Projection& p, Measure measure, const CentralityOptions& o) {
  check_normalization(measure, o.normalization);
  Scores s;
  s.measure = measure;
  const DegreeOptions degree_options{.weighting = o.degree_weighting,
                                     .normalization = o.normalization};
  const BetweennessOptions betweenness_options{
      .normalization = o.normalization, .threads = o.threads, .progress = o.progress};
  const ClosenessOptions closeness_options{.disconnected = o.disconnected,
                                           .normalization = o.normalization,
                                           .threads = o.threads,
                                           .progress = o.progress};
  switch (measure) {
    case Measure::degree:
    case Measure::in_degree:
    case Measure::out_degree: {
      DegreeOptions d = degree_options;
      d.mode = measure == Measure::in_degree    ? DegreeMode::in
               : measure == Measure::out_degree ? DegreeMode::out
                                                : DegreeMode::total;
      s.values = degree(p, d);
      break;
    }
    case Measure::betweenness:
      s.values = betweenness(p, betweenness_options);
      break;
    case Measure::edge_betweenness:
      s.values = edge_betweenness(p, betweenness_options);
      break;
    case Measure::closeness:
      s.values = closeness(p, closeness_options);
      break;
    case Measure::harmonic:
      s.values = harmonic(p, closeness_options);
      break;
    case Measure::eigenvector:
      s.values = eigenvector(p, {.max_iterations = o.max_iterations,
                                 .tolerance = o.tolerance,
                                 .weighting = o.spectral_weighting});
      break;
    case Measure::pagerank:
      s.values = pagerank(p, {.damping = o.damping,
                              .max_iterations = o.max_iterations,
                              .tolerance = o.tolerance,
                              .weighting = o.spectral_weighting,
                              .personalization = o.personalization});
      break;
    case Measure::approx_betweenness:
      s.approximation = approx_betweenness(p, {.epsilon = o.epsilon,
                                               .delta = o.delta,
                                               .seed = o.seed,
                                               .threads = o.threads,
                                               .normalization = o.normalization,
                                               .progress = o.progress});
      s.values = s.approximation->scores;
      break;
  }
  return s;
}

bool tied(double a, double b) {
  return a == b || std::abs(a - b) <= kTieTolerance * std::max(std::abs(a), std::abs(b));
}

std::vector<std::uint32_t> ranks(std::span<const double> scores) {
  std::vector<std::uint32_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return scores[a] > scores[b]; });
  std::vector<std::uint32_t> rank(scores.size());
  // Each run of tied scores is measured from its highest, so a run spans at most kTieTolerance
  // and ranks do not drift along a chain of near-equal scores.
  std::size_t leader = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || !tied(scores[order[leader]], scores[order[i]])) leader = i;
    rank[order[i]] = static_cast<std::uint32_t>(leader + 1);
  }
  return rank;
}

}  // namespace orgraph::analysis
