// Exact betweenness (Brandes 2001) for vertices and edges, parallel over sources.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analysis/parallel.hpp"
#include "analysis/projection_graph.hpp"
#include "orgraph/analysis/centrality.hpp"

namespace orgraph::analysis {
namespace {

// Sources are dealt round-robin to this many lanes (fewer in tiny graphs); see parallel.hpp.
constexpr std::size_t kLanes = 16;

// Per-vertex state of one source's run, packed so that the BFS and the back-propagation touch
// one cache line per vertex instead of three arrays.
struct Node {
  double sigma = 0;  // shortest paths from the source
  double delta = 0;  // dependency of the source on the vertex
  std::int32_t dist = -1;
};

// What one thread reuses from source to source.
struct Scratch {
  explicit Scratch(std::size_t n) : node(n), order(n) {}
  std::vector<Node> node;
  std::vector<std::uint32_t> order;
};

// Adds the dependencies of source `s` on every vertex (and, when edge_sum is not null, every
// edge) to the sums: one BFS counting shortest paths, then the back-propagation of Brandes.
void accumulate(const detail::Adjacency& out, const detail::Adjacency& in, std::uint32_t s,
                Scratch& x, double* vertex_sum, double* edge_sum) {
  Node* node = x.node.data();
  std::uint32_t* order = x.order.data();
  const std::uint32_t* out_row = out.rowstart.data();
  const std::uint32_t* out_col = out.column.data();
  std::size_t tail = 0;
  node[s].dist = 0;
  node[s].sigma = 1;
  order[tail++] = s;
  for (std::size_t head = 0; head < tail; ++head) {
    const std::uint32_t v = order[head];
    const std::int32_t next = node[v].dist + 1;
    const double sv = node[v].sigma;
    for (std::uint32_t i = out_row[v], end = out_row[v + 1]; i < end; ++i) {
      Node& w = node[out_col[i]];
      if (w.dist < 0) {
        w.dist = next;
        order[tail++] = out_col[i];
      }
      if (w.dist == next) w.sigma += sv;
    }
  }
  const std::uint32_t* in_row = in.rowstart.data();
  const std::uint32_t* in_col = in.column.data();
  for (std::size_t k = tail; k-- > 1;) {
    const std::uint32_t w = order[k];
    const double coeff = (1 + node[w].delta) / node[w].sigma;
    const std::int32_t previous = node[w].dist - 1;
    for (std::uint32_t i = in_row[w], end = in_row[w + 1]; i < end; ++i) {
      Node& v = node[in_col[i]];
      if (v.dist != previous) continue;
      const double c = v.sigma * coeff;
      v.delta += c;
      if (edge_sum != nullptr) edge_sum[in.arc(i).edge] += c;
    }
    vertex_sum[w] += node[w].delta;
  }
  for (std::size_t k = 0; k < tail; ++k) node[order[k]] = Node{};
}

struct Sums {
  std::vector<double> vertices;
  std::vector<double> edges;
};

// Σ over sources of the dependencies, lane by lane, added in lane order.
Sums brandes(const Projection& p, const BetweennessOptions& options, bool with_edges) {
  const std::size_t n = p.vertex_count();
  Sums total{std::vector<double>(n, 0), std::vector<double>(with_edges ? p.edge_count() : 0, 0)};
  if (n == 0) return total;
  const detail::Adjacency out = detail::out_adjacency(p.csr());
  // Undirected: arcs go both ways, so the predecessors of w are among its out-arcs.
  const detail::Adjacency in = p.directed() ? detail::in_adjacency(p.csr()) : out;
  const std::size_t lanes = std::min(kLanes, n);
  const unsigned threads = detail::thread_count(options.threads, lanes);
  std::vector<Scratch> scratch;
  scratch.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) scratch.emplace_back(n);
  std::vector<Sums> lane_sums(lanes);
  detail::ProgressCounter progress(options.progress, n);
  detail::for_each_lane(lanes, threads, [&](std::size_t lane, unsigned thread) {
    Sums& sums = lane_sums[lane];
    sums.vertices.assign(n, 0);
    sums.edges.assign(with_edges ? p.edge_count() : 0, 0);
    std::size_t since_report = 0;
    for (std::size_t s = lane; s < n; s += lanes) {
      accumulate(out, in, static_cast<std::uint32_t>(s), scratch[thread], sums.vertices.data(),
                 with_edges ? sums.edges.data() : nullptr);
      if (++since_report == 64) {
        progress.add(since_report, thread);
        since_report = 0;
      }
    }
    progress.add(since_report, thread);
  });
  for (const Sums& sums : lane_sums) {
    for (std::size_t v = 0; v < n; ++v) total.vertices[v] += sums.vertices[v];
    for (std::size_t e = 0; e < total.edges.size(); ++e) total.edges[e] += sums.edges[e];
  }
  progress.finish();
  return total;
}

}  // namespace

std::vector<double> betweenness(const Projection& p, const BetweennessOptions& options) {
  std::vector<double> b = brandes(p, options, false).vertices;
  const double n = static_cast<double>(p.vertex_count());
  double scale = 1;
  if (options.normalization == Normalization::networkx) {
    if (n > 2) scale = 1 / ((n - 1) * (n - 2));
  } else if (!p.directed()) {
    scale = 0.5;
  }
  for (double& x : b) x *= scale;
  return b;
}

std::vector<double> edge_betweenness(const Projection& p, const BetweennessOptions& options) {
  std::vector<double> b = brandes(p, options, true).edges;
  const double n = static_cast<double>(p.vertex_count());
  double scale = 1;
  if (options.normalization == Normalization::networkx) {
    if (n > 1) scale = 1 / (n * (n - 1));
  } else if (!p.directed()) {
    scale = 0.5;
  }
  for (double& x : b) x *= scale;
  return b;
}

}  // namespace orgraph::analysis
