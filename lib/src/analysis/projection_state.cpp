#include "analysis/projection_state.hpp"

#include <algorithm>
#include <bit>

#include "graph_storage.hpp"

namespace orgraph::analysis::detail {

ProjectionState::ProjectionState(const TemporalGraph& graph, const ProjectionSpec& spec,
                                 const ProjectOptions& options)
    : graph_(graph), spec_(spec), options_(options) {
  const auto& storage = orgraph::detail::storage(graph);
  const std::size_t n = graph.entity_count();
  vertex_kind_.resize(n);
  for (EntityId id = 0; id < n; ++id) {
    vertex_kind_[id] = spec.vertices.contains(storage.entities[id].kind) ? 1 : 0;
  }
  out_edges_.assign(n, 0);
  in_edges_.assign(n, 0);
  out_weight_.assign(n, 0);
  in_weight_.assign(n, 0);
  vertex_bits_.assign((n + 63) / 64, 0);
}

void ProjectionState::set_vertex(EntityId id, bool on) {
  const std::uint64_t bit = std::uint64_t{1} << (id % 64);
  std::uint64_t& word = vertex_bits_[id / 64];
  if (((word & bit) != 0) == on) return;
  word ^= bit;
  if (on) {
    ++vertex_count_;
  } else {
    --vertex_count_;
  }
}

void ProjectionState::apply(const query::SnapshotChange& change) {
  const bool keep = options_.isolated == Isolated::keep;
  for (const query::EntityAt& e : change.entities_added) {
    if (keep && vertex_kind_[e.entity] != 0) set_vertex(e.entity, true);
  }
  for (EntityId id : change.entities_removed) {
    if (keep && vertex_kind_[id] != 0) set_vertex(id, false);
  }
  for (RelationId id : change.relations_removed) relation(id, -1);
  for (const query::RelationAt& r : change.relations_added) relation(r.relation, +1);
}

void ProjectionState::relation(RelationId id, int sign) {
  const orgraph::detail::RelationRecord& r = orgraph::detail::storage(graph_).relations[id];
  const EntityId from = r.from, to = r.to;
  switch (spec_.fold) {
    case Fold::none:
      if (vertex_kind_[from] == 0 || vertex_kind_[to] == 0 || from == to) return;
      if (spec_.direction == Direction::undirected) {
        edge(std::min(from, to), std::max(from, to), sign);
      } else {
        edge(from, to, sign);
        if (traits(r.kind()).symmetry == Symmetry::symmetric) edge(to, from, sign);
      }
      return;
    case Fold::shared_members:  // bodies sharing a member
      if (vertex_kind_[to] != 0) incidence(from, to, sign);
      return;
    case Fold::shared_coalitions:  // members sharing a body
      if (r.kind() != RelationKind::holds && vertex_kind_[from] != 0) incidence(to, from, sign);
      return;
  }
}

void ProjectionState::incidence(EntityId shared, EntityId vertex, int sign) {
  // Only the first relation between the two makes them share, and only the last unmakes it.
  const std::uint32_t count = incidences_.add(shared, vertex, sign);
  if (sign > 0) {
    if (count > 1) return;
    std::vector<EntityId>& others = sharing_[shared];
    for (EntityId other : others) edge(std::min(vertex, other), std::max(vertex, other), +1);
    others.push_back(vertex);
    return;
  }
  if (count > 0) return;
  auto list = sharing_.find(shared);
  std::vector<EntityId>& others = list->second;
  *std::find(others.begin(), others.end(), vertex) = others.back();
  others.pop_back();
  for (EntityId other : others) edge(std::min(vertex, other), std::max(vertex, other), -1);
  if (others.empty()) sharing_.erase(list);
}

void ProjectionState::edge(EntityId a, EntityId b, int sign) {
  const bool undirected = spec_.direction == Direction::undirected;
  std::vector<std::uint32_t>& b_edges = undirected ? out_edges_ : in_edges_;
  std::vector<std::uint32_t>& b_weight = undirected ? out_weight_ : in_weight_;
  const std::uint32_t weight = weights_.add(a, b, sign);
  const bool distinct_change = sign > 0 ? weight == 1 : weight == 0;
  const auto delta = static_cast<std::uint32_t>(sign);  // wraps for −1, as intended
  out_weight_[a] += delta;
  b_weight[b] += delta;
  if (!distinct_change) return;
  out_edges_[a] += delta;
  b_edges[b] += delta;
  if (options_.isolated == Isolated::drop) {
    set_vertex(a, out_edges_[a] + in_edges_[a] > 0);
    set_vertex(b, out_edges_[b] + in_edges_[b] > 0);
  }
}

std::vector<EntityId> ProjectionState::vertices() const {
  std::vector<EntityId> out;
  out.reserve(vertex_count_);
  for (std::size_t w = 0; w < vertex_bits_.size(); ++w) {
    for (std::uint64_t word = vertex_bits_[w]; word != 0; word &= word - 1) {
      out.push_back(static_cast<EntityId>(w * 64 + static_cast<unsigned>(std::countr_zero(word))));
    }
  }
  return out;
}

Projection ProjectionState::projection(DayRange at) const {
  std::vector<EntityId> entities = vertices();
  vertex_index_.resize(graph_.entity_count());
  for (std::uint32_t i = 0; i < entities.size(); ++i) vertex_index_[entities[i]] = i;
  std::vector<ProjectedEdge> edges;
  edges.reserve(weights_.size());
  weights_.for_each([&](EntityId a, EntityId b, std::uint32_t weight) {
    edges.push_back({vertex_index_[a], vertex_index_[b], static_cast<double>(weight)});
  });
  std::sort(edges.begin(), edges.end(), [](const ProjectedEdge& x, const ProjectedEdge& y) {
    return x.source != y.source ? x.source < y.source : x.target < y.target;
  });
  return make_projection(graph_, spec_, at, std::move(entities), std::move(edges));
}

void ProjectionState::degrees(const DegreeOptions& options, std::vector<EntityId>& entities,
                              std::vector<double>& scores,
                              std::vector<std::uint32_t>& ranks) const {
  entities = vertices();
  const std::size_t n = entities.size();
  const bool weighted = options.weighting == Weighting::weighted;
  const bool directed = spec_.direction == Direction::directed;
  const bool count_out = !directed || options.mode != DegreeMode::in;
  const bool count_in = directed && options.mode != DegreeMode::out;
  const std::vector<std::uint32_t>& out = weighted ? out_weight_ : out_edges_;
  const std::vector<std::uint32_t>& in = weighted ? in_weight_ : in_edges_;
  std::vector<std::uint32_t> counts(n);
  std::uint32_t largest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const EntityId v = entities[i];
    counts[i] = (count_out ? out[v] : 0u) + (count_in ? in[v] : 0u);
    largest = std::max(largest, counts[i]);
  }
  // Scores as degree() computes them: the integer sum (exact in a double), then the scale.
  scores.resize(n);
  const bool normalise = options.normalization == Normalization::networkx;
  const double scale = normalise && n > 1 ? 1.0 / static_cast<double>(n - 1) : 1.0;
  for (std::size_t i = 0; i < n; ++i) {
    scores[i] = normalise && n == 1 ? 1.0 : static_cast<double>(counts[i]) * scale;
  }
  // Competition ranks: 1 + the number of vertices with a larger count (equal scores, equal
  // counts: the scale is common to all).
  std::vector<std::uint32_t> above(std::size_t{largest} + 2, 0);
  for (std::uint32_t c : counts) ++above[c];
  std::uint32_t larger = 0;
  for (std::size_t c = above.size(); c-- > 0;) {
    const std::uint32_t here = above[c];
    above[c] = larger;
    larger += here;
  }
  ranks.resize(n);
  for (std::size_t i = 0; i < n; ++i) ranks[i] = 1 + above[counts[i]];
}

}  // namespace orgraph::analysis::detail
