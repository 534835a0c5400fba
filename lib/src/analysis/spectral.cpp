// Eigenvector centrality and PageRank by power iteration, step for step as networkx 2.8 does
// them (eigenvector_centrality, pagerank), so that both stop at the same iteration.

#include <cmath>
#include <vector>

#include "analysis/projection_graph.hpp"
#include "orgraph/analysis/centrality.hpp"

namespace orgraph::analysis {
namespace {

// The arcs into each vertex (in an undirected projection, every arc is also an in-arc).
detail::Adjacency arcs_in(const Projection& p) {
  return p.directed() ? detail::in_adjacency(p.csr()) : detail::out_adjacency(p.csr());
}

double l1_change(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += std::abs(a[i] - b[i]);
  return sum;
}

}  // namespace

convergence_error::convergence_error(std::string_view measure, int iterations, double residual,
                                     double limit)
    : error(fmt::format("{} did not converge in {} iteration{}: the L1 change of the last one "
                        "was {:.3g}, it must fall below {:.3g} (raise --max-iterations or "
                        "--tolerance)",
                        measure, iterations, iterations == 1 ? "" : "s", residual, limit)),
      measure_(measure),
      iterations_(iterations),
      residual_(residual),
      limit_(limit) {}

void check_personalization(const TemporalGraph& graph,
                           std::span<const std::pair<EntityId, double>> personalization) {
  double total = 0;
  for (const auto& [entity, weight] : personalization) {
    if (!std::isfinite(weight) || weight < 0) {
      throw query_error(fmt::format(
          "personalisation: the weight of '{}' is {}; weights must be finite and at least 0",
          graph.entity(entity).key, weight));
    }
    total += weight;
  }
  if (!personalization.empty() && !(total > 0)) {
    throw query_error("personalisation: the weights must add up to more than 0");
  }
}

std::vector<double> eigenvector(const Projection& p, const EigenvectorOptions& options) {
  const std::size_t n = p.vertex_count();
  if (n == 0) return {};
  const detail::Adjacency in = arcs_in(p);
  const bool weighted = options.weighting == Weighting::weighted;
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), last(n);
  const double limit = static_cast<double>(n) * options.tolerance;
  double change = 0;
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    last.swap(x);
    // x = last · (A + I): each vertex keeps its value and gains its in-neighbours'.
    double norm = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      double sum = last[v];
      for (std::uint32_t i = in.begin(v), end = in.end(v); i < end; ++i) {
        sum += last[in.column[i]] * (weighted ? in.arc(i).weight : 1.0);
      }
      x[v] = sum;
      norm += sum * sum;
    }
    norm = std::sqrt(norm);
    if (norm == 0) norm = 1;
    for (double& value : x) value /= norm;
    change = l1_change(x, last);
    if (change < limit) return x;
  }
  throw convergence_error("eigenvector centrality", options.max_iterations, change, limit);
}

std::vector<double> pagerank(const Projection& p, const PageRankOptions& options) {
  const std::size_t n = p.vertex_count();
  if (n == 0) return {};
  const bool weighted = options.weighting == Weighting::weighted;
  // Teleport (and dangling) distribution.
  std::vector<double> teleport(n, 1.0 / static_cast<double>(n));
  if (!options.personalization.empty()) {
    check_personalization(p.graph(), options.personalization);
    teleport.assign(n, 0);
    double total = 0;
    for (const auto& [entity, weight] : options.personalization) {
      const auto v = p.vertex_of(entity);
      if (!v) {
        throw query_error(fmt::format("personalisation: '{}' is not in the projection",
                                      p.graph().entity(entity).key));
      }
      teleport[*v] += weight;
      total += weight;
    }
    if (!(total > 0)) throw query_error("personalisation: the weights must add up to more than 0");
    for (double& t : teleport) t /= total;
  }
  // Out-strength of every vertex; a vertex without out-arcs is dangling.
  const detail::Adjacency out = detail::out_adjacency(p.csr());
  std::vector<double> strength(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    for (std::uint32_t i = out.begin(v), end = out.end(v); i < end; ++i) {
      strength[v] += weighted ? out.arc(i).weight : 1.0;
    }
  }
  const detail::Adjacency in = arcs_in(p);
  const double alpha = options.damping;
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), last(n), share(n);
  const double limit = static_cast<double>(n) * options.tolerance;
  double change = 0;
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    last.swap(x);
    double dangling = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
      if (strength[v] == 0) {
        dangling += last[v];
        share[v] = 0;
      } else {
        share[v] = last[v] / strength[v];
      }
    }
    for (std::uint32_t v = 0; v < n; ++v) {
      double sum = 0;
      for (std::uint32_t i = in.begin(v), end = in.end(v); i < end; ++i) {
        sum += share[in.column[i]] * (weighted ? in.arc(i).weight : 1.0);
      }
      x[v] = alpha * (sum + dangling * teleport[v]) + (1 - alpha) * teleport[v];
    }
    change = l1_change(x, last);
    if (change < limit) return x;
  }
  throw convergence_error("PageRank", options.max_iterations, change, limit);
}

}  // namespace orgraph::analysis
