// Degree, closeness and harmonic centrality.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analysis/parallel.hpp"
#include "analysis/projection_graph.hpp"
#include "orgraph/analysis/centrality.hpp"

namespace orgraph::analysis {
namespace {

// Vertices are cut into this many contiguous blocks for the threads (each vertex's score is
// computed by one BFS on one thread, so the split never changes a result).
constexpr std::size_t kBlocks = 256;

// The number of vertices at each distance from u, following arcs backwards in a directed
// projection (distances *to* u). counts[0] == 1 (u itself).
class DistanceCounter {
 public:
  explicit DistanceCounter(std::size_t n) : dist_(n, -1), queue_(n) {}

  const std::vector<std::uint64_t>& count(const detail::Adjacency& adjacency, std::uint32_t u) {
    counts_.assign(1, 1);
    std::size_t tail = 0;
    dist_[u] = 0;
    queue_[tail++] = u;
    for (std::size_t head = 0; head < tail; ++head) {
      const std::uint32_t v = queue_[head];
      const std::int32_t next = dist_[v] + 1;
      for (std::uint32_t i = adjacency.begin(v), end = adjacency.end(v); i < end; ++i) {
        const std::uint32_t w = adjacency.column[i];
        if (dist_[w] >= 0) continue;
        dist_[w] = next;
        queue_[tail++] = w;
        if (counts_.size() <= static_cast<std::size_t>(next)) counts_.push_back(0);
        ++counts_[static_cast<std::size_t>(next)];
      }
    }
    for (std::size_t k = 0; k < tail; ++k) dist_[queue_[k]] = -1;
    return counts_;
  }

 private:
  std::vector<std::int32_t> dist_;
  std::vector<std::uint32_t> queue_;
  std::vector<std::uint64_t> counts_;
};

// Calls score(u, counts) for every vertex u, in parallel blocks, and collects the results.
template <class Score>
std::vector<double> per_vertex(const Projection& p, const ClosenessOptions& options,
                               Score&& score) {
  const std::size_t n = p.vertex_count();
  std::vector<double> result(n, 0);
  if (n == 0) return result;
  const detail::Adjacency adjacency =
      p.directed() ? detail::in_adjacency(p.csr()) : detail::out_adjacency(p.csr());
  const std::size_t blocks = std::min(kBlocks, n);
  const unsigned threads = detail::thread_count(options.threads, blocks);
  std::vector<DistanceCounter> counters;
  counters.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) counters.emplace_back(n);
  detail::ProgressCounter progress(options.progress, n);
  detail::for_each_lane(blocks, threads, [&](std::size_t block, unsigned thread) {
    const std::size_t first = n * block / blocks, last = n * (block + 1) / blocks;
    for (std::size_t u = first; u < last; ++u) {
      result[u] = score(counters[thread].count(adjacency, static_cast<std::uint32_t>(u)));
    }
    progress.add(last - first, thread);
  });
  progress.finish();
  return result;
}

}  // namespace

std::vector<double> degree(const Projection& p, const DegreeOptions& options) {
  const std::size_t n = p.vertex_count();
  std::vector<double> d(n, 0);
  const bool weighted = options.weighting == Weighting::weighted;
  const bool count_out = !p.directed() || options.mode != DegreeMode::in;
  const bool count_in = p.directed() && options.mode != DegreeMode::out;
  for (const ProjectedEdge& e : p.edges()) {
    const double w = weighted ? e.weight : 1.0;
    if (count_out) d[e.source] += w;
    if (count_in || !p.directed()) d[e.target] += w;
  }
  if (options.normalization == Normalization::networkx) {
    if (n == 1) return {1.0};
    const double scale = 1.0 / static_cast<double>(n - 1);
    for (double& x : d) x *= scale;
  }
  return d;
}

std::vector<double> closeness(const Projection& p, const ClosenessOptions& options) {
  const double n = static_cast<double>(p.vertex_count());
  const bool wf = options.disconnected == Disconnected::wf_improved;
  const bool raw = options.normalization == Normalization::none;
  return per_vertex(p, options, [&](const std::vector<std::uint64_t>& counts) {
    std::uint64_t reached = 0, total = 0;
    for (std::size_t d = 0; d < counts.size(); ++d) {
      reached += counts[d];
      total += counts[d] * d;
    }
    if (raw) return total > 0 ? 1.0 / static_cast<double>(total) : 0.0;
    // networkx: (len(sp) - 1) / totsp, times (len(sp) - 1) / (n - 1) when wf_improved.
    double c = 0;
    if (total > 0 && n > 1) {
      c = (static_cast<double>(reached) - 1.0) / static_cast<double>(total);
      if (wf) c *= (static_cast<double>(reached) - 1.0) / (n - 1);
    }
    return c;
  });
}

std::vector<double> harmonic(const Projection& p, const ClosenessOptions& options) {
  return per_vertex(p, options, [](const std::vector<std::uint64_t>& counts) {
    double h = 0;
    for (std::size_t d = 1; d < counts.size(); ++d) {
      h += static_cast<double>(counts[d]) / static_cast<double>(d);
    }
    return h;
  });
}

}  // namespace orgraph::analysis
