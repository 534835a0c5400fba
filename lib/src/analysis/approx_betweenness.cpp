// Approximate betweenness by sampling shortest paths (Riondato and Kornaropoulos 2016), each
// path drawn with a balanced bidirectional BFS (Borassi and Natale 2016, KADABRA).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "analysis/parallel.hpp"
#include "analysis/projection_graph.hpp"
#include "orgraph/analysis/centrality.hpp"

namespace orgraph::analysis {
namespace {

// Samples are handed to threads in blocks of this many; sample i's randomness depends on i
// alone and its result is a count, so neither the blocks nor the threads change the outcome.
constexpr std::size_t kBlock = 256;

// SplitMix64 (Steele, Lea and Flood 2014): a small, well-mixed generator, seeded per sample.
class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), by rejection (no modulo bias).
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit = (~std::uint64_t{0}) - (~std::uint64_t{0}) % n;
    for (;;) {
      const std::uint64_t x = next();
      if (x < limit) return x % n;
    }
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// One side of a bidirectional BFS: distances and path counts from its root, the vertices it
// reached (to reset them) and its current frontier.
struct Side {
  explicit Side(std::size_t n) : dist(n, -1), sigma(n, 0) {}
  std::vector<std::int32_t> dist;
  std::vector<double> sigma;
  std::vector<std::uint32_t> visited, frontier, next;
  std::uint64_t frontier_degree = 0;

  void start(std::uint32_t root, std::uint64_t degree) {
    dist[root] = 0;
    sigma[root] = 1;
    visited.assign(1, root);
    frontier.assign(1, root);
    frontier_degree = degree;
  }
  void reset() {
    for (std::uint32_t v : visited) {
      dist[v] = -1;
      sigma[v] = 0;
    }
  }
};

class PathSampler {
 public:
  PathSampler(const detail::Adjacency& out, const detail::Adjacency& in, std::size_t n)
      : out_(out), in_(in), from_s_(n), to_t_(n) {}

  // Draws one shortest s–t path uniformly and appends its inner vertices to `inner`.
  void sample(std::uint32_t s, std::uint32_t t, SplitMix& rng, std::vector<std::uint32_t>& inner) {
    from_s_.start(s, out_.end(s) - out_.begin(s));
    to_t_.start(t, in_.end(t) - in_.begin(t));
    meetings_.clear();
    while (!from_s_.frontier.empty() && !to_t_.frontier.empty() && meetings_.empty()) {
      // Expand the side whose frontier has fewer arcs to follow.
      if (from_s_.frontier_degree <= to_t_.frontier_degree) {
        expand(from_s_, to_t_, out_, false);
      } else {
        expand(to_t_, from_s_, in_, true);
      }
    }
    if (!meetings_.empty()) {
      // Pick the crossing arc with probability σ_s(a)·σ_t(b) / σ_st, then walk to each end.
      double total = 0;
      for (const Meeting& m : meetings_) total += m.paths;
      double r = rng.unit() * total;
      const Meeting* chosen = &meetings_.back();
      for (const Meeting& m : meetings_) {
        if (r < m.paths) {
          chosen = &m;
          break;
        }
        r -= m.paths;
      }
      walk(chosen->a, s, from_s_, in_, rng, inner);
      walk(chosen->b, t, to_t_, out_, rng, inner);
    }
    from_s_.reset();
    to_t_.reset();
  }

 private:
  // An arc a → b of a shortest path with a reached from s and b from t.
  struct Meeting {
    std::uint32_t a, b;
    double paths;
  };

  // Expands `side` by one level along `forward`; records every arc into the other side.
  void expand(Side& side, Side& other, const detail::Adjacency& forward, bool side_is_t) {
    side.next.clear();
    std::uint64_t degree = 0;
    for (std::uint32_t x : side.frontier) {
      const std::int32_t d = side.dist[x] + 1;
      for (std::uint32_t i = forward.begin(x), end = forward.end(x); i < end; ++i) {
        const std::uint32_t y = forward.column[i];
        if (other.dist[y] >= 0) {
          const double paths = side.sigma[x] * other.sigma[y];
          meetings_.push_back(side_is_t ? Meeting{y, x, paths} : Meeting{x, y, paths});
          continue;
        }
        if (!meetings_.empty()) continue;  // the last level: only crossings matter now
        if (side.dist[y] < 0) {
          side.dist[y] = d;
          side.visited.push_back(y);
          side.next.push_back(y);
          degree += forward.end(y) - forward.begin(y);
        }
        if (side.dist[y] == d) side.sigma[y] += side.sigma[x];
      }
    }
    side.frontier.swap(side.next);
    side.frontier_degree = degree;
  }

  // Walks from v back to `root` choosing each previous vertex with probability σ(p)/σ(v),
  // appending every vertex but the root.
  static void walk(std::uint32_t v, std::uint32_t root, const Side& side,
                   const detail::Adjacency& back, SplitMix& rng,
                   std::vector<std::uint32_t>& inner) {
    while (v != root) {
      inner.push_back(v);
      const std::int32_t previous = side.dist[v] - 1;
      double r = rng.unit() * side.sigma[v];
      std::uint32_t chosen = root;
      for (std::uint32_t i = back.begin(v), end = back.end(v); i < end; ++i) {
        const std::uint32_t p = back.column[i];
        if (side.dist[p] != previous) continue;
        chosen = p;
        if (r < side.sigma[p]) break;
        r -= side.sigma[p];
      }
      v = chosen;
    }
  }

  const detail::Adjacency& out_;
  const detail::Adjacency& in_;
  Side from_s_, to_t_;
  std::vector<Meeting> meetings_;
};

// An upper bound on the vertex diameter (the most vertices on a shortest path).
std::size_t vertex_diameter_bound(const Projection& p) {
  const std::size_t n = p.vertex_count();
  const detail::Adjacency out = detail::out_adjacency(p.csr());
  const detail::Adjacency in = detail::in_adjacency(p.csr());
  std::vector<std::int32_t> dist(n, -1);
  std::vector<std::uint32_t> queue(n);
  std::size_t bound = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (dist[root] >= 0) continue;
    // One BFS per (weakly) connected component.
    std::size_t tail = 0;
    dist[root] = 0;
    queue[tail++] = root;
    std::int32_t eccentricity = 0;
    for (std::size_t head = 0; head < tail; ++head) {
      const std::uint32_t v = queue[head];
      eccentricity = std::max(eccentricity, dist[v]);
      for (const detail::Adjacency* adjacency : {&out, &in}) {
        for (std::uint32_t i = adjacency->begin(v), end = adjacency->end(v); i < end; ++i) {
          const std::uint32_t w = adjacency->column[i];
          if (dist[w] < 0) {
            dist[w] = dist[v] + 1;
            queue[tail++] = w;
          }
        }
        if (!p.directed()) break;  // undirected: in == out
      }
    }
    // Undirected: every shortest path within 2·ecc edges. Directed: the component's size.
    const std::size_t component =
        p.directed() ? tail : static_cast<std::size_t>(2 * eccentricity + 1);
    bound = std::max(bound, std::min(component, tail));
  }
  return bound;
}

}  // namespace

std::string_view to_string(SampleBound bound) {
  return bound == SampleBound::hoeffding ? "hoeffding" : "vc_dimension";
}

ApproxBetweenness approx_betweenness(const Projection& p, const ApproxBetweennessOptions& options) {
  if (!(options.epsilon > 0 && options.epsilon < 1 && options.delta > 0 && options.delta < 1)) {
    throw query_error("approximate betweenness: epsilon and delta must lie between 0 and 1");
  }
  const std::size_t n = p.vertex_count();
  ApproxBetweenness result;
  result.epsilon = options.epsilon;
  result.delta = options.delta;
  result.normalization = options.normalization;
  result.scores.assign(n, 0);
  if (n < 3) return result;  // no vertex lies inside a shortest path
  // How many samples: the smaller of the two guarantees (SampleBound).
  const double e2 = options.epsilon * options.epsilon;
  const std::size_t vd = vertex_diameter_bound(p);
  const double log_vd = vd > 3 ? std::floor(std::log2(static_cast<double>(vd - 2))) : 0.0;
  const auto vc =
      static_cast<std::size_t>(std::ceil(0.5 / e2 * (log_vd + 1 + std::log(1 / options.delta))));
  const auto hoeffding = static_cast<std::size_t>(
      std::ceil(std::log(2 * static_cast<double>(n) / options.delta) / (2 * e2)));
  result.bound = vc <= hoeffding ? SampleBound::vc_dimension : SampleBound::hoeffding;
  result.samples = std::min(vc, hoeffding);
  result.vertex_diameter = result.bound == SampleBound::vc_dimension ? vd : 0;

  const detail::Adjacency out = detail::out_adjacency(p.csr());
  const detail::Adjacency in = p.directed() ? detail::in_adjacency(p.csr()) : out;
  const std::size_t blocks = (result.samples + kBlock - 1) / kBlock;
  const unsigned threads = detail::thread_count(options.threads, blocks);
  std::vector<std::vector<std::uint32_t>> counts(threads, std::vector<std::uint32_t>(n, 0));
  std::vector<PathSampler> samplers;
  samplers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) samplers.emplace_back(out, in, n);
  detail::ProgressCounter progress(options.progress, result.samples);
  detail::for_each_lane(blocks, threads, [&](std::size_t block, unsigned thread) {
    std::vector<std::uint32_t> inner;
    const std::size_t first = block * kBlock;
    const std::size_t last = std::min(result.samples, first + kBlock);
    for (std::size_t i = first; i < last; ++i) {
      SplitMix rng(options.seed * 0xD1B54A32D192ED03ull + i);
      const auto s = static_cast<std::uint32_t>(rng.below(n));
      auto t = static_cast<std::uint32_t>(rng.below(n - 1));
      if (t >= s) ++t;
      inner.clear();
      samplers[thread].sample(s, t, rng, inner);
      for (std::uint32_t v : inner) ++counts[thread][v];
    }
    progress.add(last - first, thread);
  });
  progress.finish();
  // The fraction of samples through v estimates its dependency over the n(n−1) ordered pairs:
  // rescaled to networkx's (n−1)(n−2), or raw to the pairs themselves (unordered ones when
  // undirected, as betweenness() counts them).
  const double nd = static_cast<double>(n);
  const double pairs = options.normalization == Normalization::none
                           ? nd * (nd - 1) / (p.directed() ? 1 : 2)
                           : nd / (nd - 2);
  const double scale = pairs / static_cast<double>(result.samples);
  for (std::size_t v = 0; v < n; ++v) {
    std::uint64_t c = 0;
    for (const auto& thread_counts : counts) c += thread_counts[v];
    result.scores[v] = static_cast<double>(c) * scale;
  }
  result.error = options.normalization == Normalization::none ? options.epsilon * pairs
                                                              : options.epsilon * nd / (nd - 2);
  return result;
}

}  // namespace orgraph::analysis
