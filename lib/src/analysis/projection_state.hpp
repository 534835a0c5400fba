#pragma once

// A projection kept up to date from the changes of a snapshot series (private to the library):
// what project_series and centrality_series sweep with, instead of projecting every step's
// whole snapshot again.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "detail/pair_counts.hpp"
#include "orgraph/analysis/centrality.hpp"
#include "orgraph/analysis/projection.hpp"
#include "orgraph/query/snapshot.hpp"

namespace orgraph::analysis::detail {

// The vertices and weighted edges of `spec`'s projection of the snapshot the applied changes
// have reached: edge weights count relations (or, folded, shared members or bodies), kept in a
// flat hash table; degrees are kept per vertex as edges appear and vanish. Applying a change costs
// O(changed relations) (a fold: O(Σ memberships of the members concerned)); materialising a
// projection O(V + E log E); degrees O(V). Not copyable: it refers to its graph and spec.
class ProjectionState {
 public:
  ProjectionState(const TemporalGraph& graph, const ProjectionSpec& spec,
                  const ProjectOptions& options);
  ProjectionState(const ProjectionState&) = delete;
  ProjectionState& operator=(const ProjectionState&) = delete;

  // Moves the state to the snapshot after `change` (the changes of query::snapshot_changes
  // taken with snapshot_options(spec, options), in order).
  void apply(const query::SnapshotChange& change);

  // The projection as project() gives it for the same snapshot, over `at`.
  Projection projection(DayRange at) const;

  // The projection's vertices (ascending entity ids), degree(projection(at), options) for them
  // and ranks() of those scores, without materialising the projection. Degrees are counts, so
  // they are ranked by counting: O(V + largest degree), not O(V log V).
  void degrees(const DegreeOptions& options, std::vector<EntityId>& entities,
               std::vector<double>& scores, std::vector<std::uint32_t>& ranks) const;

  std::size_t edge_count() const { return weights_.size(); }
  std::size_t vertex_count() const { return vertex_count_; }

 private:
  void relation(RelationId id, int sign);
  void incidence(EntityId shared, EntityId vertex, int sign);
  void edge(EntityId a, EntityId b, int sign);
  void set_vertex(EntityId id, bool on);
  // The vertices, ascending. Time: O(entities / 64 + V).
  std::vector<EntityId> vertices() const;

  const TemporalGraph& graph_;
  const ProjectionSpec& spec_;
  ProjectOptions options_;
  std::vector<std::uint8_t> vertex_kind_;  // by entity: the spec makes it a vertex
  // By entity: a vertex of the projection now (kept isolated: present in the snapshot; else
  // touched by an edge).
  std::vector<std::uint64_t> vertex_bits_;
  orgraph::detail::PairCounts weights_;     // edge (a, b) -> weight; undirected: a < b
  orgraph::detail::PairCounts incidences_;  // fold: (shared, vertex) -> relations
  std::unordered_map<EntityId, std::vector<EntityId>> sharing_;  // fold: shared -> vertices
  // By entity: distinct edges and summed weights out and in (undirected: all in `out`).
  std::vector<std::uint32_t> out_edges_, in_edges_, out_weight_, in_weight_;
  std::size_t vertex_count_ = 0;
  mutable std::vector<std::uint32_t> vertex_index_;  // scratch for projection()
};

}  // namespace orgraph::analysis::detail
