#pragma once

// Centrality measures on a projection (projection.hpp), normalised as networkx 2.8 normalises
// them, so that its results can serve as an oracle. Every function returns one score per vertex
// of the projection (edge_betweenness: one per edge), in vertex order.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "orgraph/analysis/projection.hpp"
#include "orgraph/error.hpp"

namespace orgraph::analysis {

// Whether scores are scaled as networkx's *_centrality functions scale them (the default) or
// left raw: degree counts, betweenness as pair dependencies (over unordered pairs for undirected
// graphs), closeness as 1/Σd. Harmonic centrality is raw either way (networkx does not scale
// it); eigenvector centrality and PageRank are normalised by definition and have no raw form
// (check_normalization).
enum class Normalization : std::uint8_t { networkx, none };

// Which arcs a degree counts in a directed projection (undirected: all three are the degree).
enum class DegreeMode : std::uint8_t { total, in, out };

// Whether edge weights count (degree: sum of weights; eigenvector, PageRank: weighted arcs).
enum class Weighting : std::uint8_t { unweighted, weighted };

std::string_view to_string(Normalization normalization);
std::string_view to_string(DegreeMode mode);
std::string_view to_string(Weighting weighting);

// Called now and then with the work done so far and the total, from the calling thread only.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// Thrown when eigenvector centrality or PageRank does not converge within its iterations.
class convergence_error : public error {
 public:
  // measure: what did not converge, as the message names it ("PageRank", "PageRank at 2013").
  convergence_error(std::string_view measure, int iterations, double residual, double limit);
  const std::string& measure() const noexcept { return measure_; }
  int iterations() const noexcept { return iterations_; }
  // The L1 change of the last iteration, and the bound it had to fall below.
  double residual() const noexcept { return residual_; }
  double limit() const noexcept { return limit_; }

 private:
  std::string measure_;
  int iterations_;
  double residual_;
  double limit_;
};

struct DegreeOptions {
  DegreeMode mode = DegreeMode::total;
  Weighting weighting = Weighting::unweighted;
  Normalization normalization = Normalization::networkx;
};

// Degree of every vertex, divided by n − 1 when normalised (networkx degree_centrality,
// in_degree_centrality, out_degree_centrality; a one-vertex graph scores 1). Weighted: the sum
// of edge weights (networkx G.degree(weight="weight")), divided likewise. Time: O(V + E).
std::vector<double> degree(const Projection& p, const DegreeOptions& options = {});

struct BetweennessOptions {
  Normalization normalization = Normalization::networkx;
  unsigned threads = 0;  // 0: every hardware thread
  Progress progress;
};

// Exact shortest-path betweenness (Brandes 2001, "A faster algorithm for betweenness
// centrality"), unweighted. Normalised as networkx: by 1/((n−1)(n−2)) (no scaling when n ≤ 2);
// raw: pair dependencies, halved for undirected graphs. Parallel over sources with per-thread
// scratch; the sources are dealt to a fixed number of lanes whose sums are added in lane order,
// so the result is the same bit for bit for any number of threads. Time: O(V·E / threads).
// Memory: O(V) per thread plus O(V) per lane (16 lanes at most).
std::vector<double> betweenness(const Projection& p, const BetweennessOptions& options = {});

// Exact edge betweenness (Brandes 2008, "On variants of shortest-path betweenness"), one score
// per Projection::edges() entry. Normalised as networkx: by 1/(n(n−1)); raw: halved when
// undirected. Same parallel scheme and guarantees as betweenness(). Time: O(V·E / threads).
std::vector<double> edge_betweenness(const Projection& p, const BetweennessOptions& options = {});

// How closeness treats a vertex that reaches only part of the graph.
//  - wf_improved: networkx's default, Wasserman–Faust: (r/(n−1)) · (r/Σd) over the r vertices
//    that reach it;
//  - reachable_only: r/Σd over those vertices (networkx wf_improved=False).
enum class Disconnected : std::uint8_t { wf_improved, reachable_only };
std::string_view to_string(Disconnected disconnected);

struct ClosenessOptions {
  Disconnected disconnected = Disconnected::wf_improved;
  // closeness: none gives 1/Σd; harmonic: the same values either way.
  Normalization normalization = Normalization::networkx;
  unsigned threads = 0;
  Progress progress;
};

// Closeness centrality, unweighted, on distances *to* each vertex in a directed projection
// (networkx closeness_centrality). Raw (Normalization::none): 1/Σd over the vertices that reach
// it, the closeness of Sabidussi 1966, unscaled by their number whatever `disconnected` says.
// Isolated vertices score 0. Time: O(V·E / threads).
std::vector<double> closeness(const Projection& p, const ClosenessOptions& options = {});

// Harmonic centrality: Σ 1/d(v, u) over the vertices v that reach u (Marchiori and Latora 2000;
// networkx harmonic_centrality, unnormalised); defined on disconnected graphs.
// Time: O(V·E / threads).
std::vector<double> harmonic(const Projection& p, const ClosenessOptions& options = {});

struct EigenvectorOptions {
  int max_iterations = 100;
  double tolerance = 1e-6;  // stop when the L1 change is below n · tolerance
  Weighting weighting = Weighting::weighted;
};

// Eigenvector centrality by power iteration on A + I (networkx eigenvector_centrality: the left
// eigenvector, so in a directed projection a vertex scores by the arcs into it), Euclidean norm
// 1. Throws convergence_error after max_iterations. Time: O(iterations · (V + E)).
std::vector<double> eigenvector(const Projection& p, const EigenvectorOptions& options = {});

struct PageRankOptions {
  double damping = 0.85;
  int max_iterations = 100;
  double tolerance = 1e-6;  // stop when the L1 change is below n · tolerance
  Weighting weighting = Weighting::weighted;
  // Teleport weights by entity (normalised to sum 1); empty: uniform. Also the dangling
  // distribution, as in networkx. Throws query_error for a weight that is negative or not
  // finite (check_personalization), an entity not in the projection, or a total weight that is
  // not positive.
  std::vector<std::pair<EntityId, double>> personalization;
};

// Throws query_error naming the entity (by its id in `graph`) when a personalisation weight is
// negative or not finite (a teleport probability cannot be either), or when the weights add up
// to 0. Time: O(entries).
void check_personalization(const TemporalGraph& graph,
                           std::span<const std::pair<EntityId, double>> personalization);

// PageRank (Page, Brin, Motwani and Winograd 1999) by power iteration, as networkx pagerank:
// an undirected edge is an arc each way, dangling vertices jump as the personalisation says.
// Throws convergence_error after max_iterations. Time: O(iterations · (V + E)).
std::vector<double> pagerank(const Projection& p, const PageRankOptions& options = {});

// Which guarantee fixed the number of samples of approximate betweenness.
//  - vc_dimension: Riondato and Kornaropoulos 2016, "Fast approximation of betweenness
//    centrality through sampling": r = (c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ)), c = 0.5, VD an
//    upper bound on the vertex diameter (undirected: 2·eccentricity + 1 of one vertex per
//    component; directed: the largest weakly connected component's size);
//  - hoeffding: Hoeffding's inequality with a union bound over the n vertices,
//    r = ln(2n/δ) / (2ε²); used when it needs fewer samples.
enum class SampleBound : std::uint8_t { vc_dimension, hoeffding };
std::string_view to_string(SampleBound bound);

struct ApproxBetweennessOptions {
  double epsilon = 0.01;  // additive error, on the scale of normalised betweenness (n(n−1))
  double delta = 0.1;     // probability that some score is off by more than epsilon
  std::uint64_t seed = 1;
  unsigned threads = 0;
  // The scale of the scores and of the error: that of betweenness() with the same normalization.
  Normalization normalization = Normalization::networkx;
  Progress progress;
};

struct ApproxBetweenness {
  std::vector<double> scores;  // on the scale of betweenness() with the same normalization
  std::size_t samples = 0;
  SampleBound bound = SampleBound::vc_dimension;
  std::size_t vertex_diameter = 0;  // the upper bound used (0 with hoeffding)
  // With probability at least 1 − delta every score is within ±error of the exact one. error is
  // epsilon rescaled from the n(n−1) scale of ordered pairs to the scores' scale: networkx's
  // (n−1)(n−2), epsilon · n/(n−2); raw, epsilon · n(n−1), halved when undirected.
  double error = 0;
  double epsilon = 0;
  double delta = 0;
  Normalization normalization = Normalization::networkx;
};

// Betweenness estimated from r random shortest paths (Riondato–Kornaropoulos sampling): pick an
// ordered pair of distinct vertices uniformly, draw one of their shortest paths uniformly (a
// balanced bidirectional BFS, as in KADABRA, Borassi and Natale 2016), and credit 1/r to each
// inner vertex. Deterministic for a seed, whatever the number of threads. Precondition: epsilon
// and delta in (0, 1). Time: O(r · cost of a bidirectional BFS), far below O(V·E) on large
// sparse graphs.
ApproxBetweenness approx_betweenness(const Projection& p,
                                     const ApproxBetweennessOptions& options = {});

// The measures `orgraph centrality --measure` offers.
enum class Measure : std::uint8_t {
  degree,
  in_degree,
  out_degree,
  betweenness,
  edge_betweenness,
  closeness,
  harmonic,
  eigenvector,
  pagerank,
  approx_betweenness,
};
std::string_view to_string(Measure measure);
// Every measure, in enum order. Time: O(1).
std::span<const Measure> measures();
// Throws query_error when `normalization` is none and `measure` is eigenvector or PageRank:
// their scores are normalised by definition (Euclidean norm 1; a probability distribution), so
// they have no raw form to give. Time: O(1).
void check_normalization(Measure measure, Normalization normalization);
// The measure called `name`; throws query_error listing every measure otherwise.
Measure measure_by_name(std::string_view name);

// The options of every measure at once, for callers that pick the measure at run time.
struct CentralityOptions {
  Normalization normalization = Normalization::networkx;
  Weighting degree_weighting = Weighting::unweighted;
  Weighting spectral_weighting = Weighting::weighted;  // eigenvector and PageRank
  Disconnected disconnected = Disconnected::wf_improved;
  unsigned threads = 0;
  double damping = 0.85;
  int max_iterations = 100;
  double tolerance = 1e-6;
  std::vector<std::pair<EntityId, double>> personalization;
  double epsilon = 0.01;
  double delta = 0.1;
  std::uint64_t seed = 1;
  Progress progress;
};

struct Scores {
  Measure measure = Measure::degree;
  std::vector<double> values;                      // per vertex; per edge for edge_betweenness
  std::optional<ApproxBetweenness> approximation;  // approx_betweenness: samples and bound
};

// Runs `measure` on `p` with the matching fields of `options`. Throws query_error when the
// normalization does not apply to the measure (check_normalization). Time: that measure's.
Scores centrality(const Projection& p, Measure measure, const CentralityOptions& options = {});

// The relative difference up to which two scores count as equal. Structurally equal vertices get
// scores that differ in the last bits (their sums are added in another order); the exact measures
// are checked against networkx to this relative error, so closer scores are not told apart.
inline constexpr double kTieTolerance = 1e-9;

// Whether a and b are equal scores: |a − b| ≤ kTieTolerance · max(|a|, |b|) (exact for 0).
bool tied(double a, double b);

// Standard competition ranks ("1224") of scores, highest first: tied() scores share a rank. A
// run of tied scores is measured from its highest score, so its lowest is within kTieTolerance of
// it. Time: O(n log n).
std::vector<std::uint32_t> ranks(std::span<const double> scores);

}  // namespace orgraph::analysis

#define ORGRAPH_ANALYSIS_ENUM_FORMATTER(Type)                                                \
  template <>                                                                                \
  struct fmt::formatter<orgraph::analysis::Type> : fmt::formatter<std::string_view> {        \
    auto format(orgraph::analysis::Type v, format_context& ctx) const {                      \
      return fmt::formatter<std::string_view>::format(orgraph::analysis::to_string(v), ctx); \
    }                                                                                        \
  };
ORGRAPH_ANALYSIS_ENUM_FORMATTER(Normalization)
ORGRAPH_ANALYSIS_ENUM_FORMATTER(DegreeMode)
ORGRAPH_ANALYSIS_ENUM_FORMATTER(Weighting)
ORGRAPH_ANALYSIS_ENUM_FORMATTER(Disconnected)
ORGRAPH_ANALYSIS_ENUM_FORMATTER(SampleBound)
ORGRAPH_ANALYSIS_ENUM_FORMATTER(Measure)
#undef ORGRAPH_ANALYSIS_ENUM_FORMATTER
