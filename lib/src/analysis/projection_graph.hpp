#pragma once

// The Boost.Graph form of a projection and raw views of its arrays for the hot loops.

#include <cstdint>
#include <span>

#include <boost/graph/compressed_sparse_row_graph.hpp>

namespace orgraph::analysis::detail {

// The bundled property of each arc: the projection edge it comes from and that edge's weight.
struct Arc {
  std::uint32_t edge = 0;
  double weight = 1;
};

using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, Arc,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

struct ProjectionGraph {
  Csr csr;
};

// One direction of the adjacency as flat arrays: the arcs of v are rowstart[v] ..
// rowstart[v + 1] - 1, their other ends in column. `arc` maps an arc to its forward arc index
// (the identity for out-arcs), for its Arc property.
struct Adjacency {
  std::span<const std::uint32_t> rowstart;
  std::span<const std::uint32_t> column;
  std::span<const std::uint32_t> forward_arc;  // empty for out-arcs
  std::span<const Arc> arcs;                   // indexed by forward arc

  std::uint32_t begin(std::uint32_t v) const { return rowstart[v]; }
  std::uint32_t end(std::uint32_t v) const { return rowstart[v + 1]; }
  const Arc& arc(std::uint32_t i) const { return arcs[forward_arc.empty() ? i : forward_arc[i]]; }
};

// Out-arcs (successors) of every vertex. Reads the CSR's public storage members (m_forward):
// Boost documents them as non-portable, and they are what makes the inner loops index arrays.
inline Adjacency out_adjacency(const ProjectionGraph& g) {
  return {
      g.csr.m_forward.m_rowstart, g.csr.m_forward.m_column, {}, g.csr.m_forward.m_edge_properties};
}

// In-arcs (predecessors) of every vertex (m_backward holds each arc's source and forward index).
inline Adjacency in_adjacency(const ProjectionGraph& g) {
  return {g.csr.m_backward.m_rowstart, g.csr.m_backward.m_column,
          g.csr.m_backward.m_edge_properties, g.csr.m_forward.m_edge_properties};
}

}  // namespace orgraph::analysis::detail
