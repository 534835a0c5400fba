#pragma once

// Projections: which part of the temporal graph a network measure sees. A projection names the
// relation kinds that become edges, the entity kinds that become vertices, whether edges keep
// their direction, and whether the bipartite member–body graph is folded into an org–org graph.
// It is materialised from a snapshot at a date as a compressed sparse row graph (Boost.Graph)
// that the measures in centrality.hpp run on.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "orgraph/error.hpp"
#include "orgraph/graph.hpp"
#include "orgraph/model.hpp"
#include "orgraph/query/snapshot.hpp"

namespace orgraph::analysis {

// Whether a projection's edges keep the direction of their relations. In an undirected
// projection `a -> b` and `b -> a` are one edge; in a directed one a symmetric relation
// (`allied_with`) gives an arc each way.
enum class Direction : std::uint8_t { undirected, directed };

// How the bipartite member–body graph (membership and office relations) becomes an org–org
// graph, the "one-mode projection" of affiliation networks (Breiger 1974).
//  - none: relations are edges as they are;
//  - shared_members: vertices are the bodies (orgs that have members); two bodies are joined
//    with weight = the number of members (people or orgs, by member_of, part_of,
//    represented_in or holds) they have in common;
//  - shared_coalitions: vertices are the member orgs; two orgs are joined with weight = the
//    number of bodies (coalitions, councils, …) both belong to (member_of, part_of,
//    represented_in).
enum class Fold : std::uint8_t { none, shared_members, shared_coalitions };

// Whether vertices that no edge touches at the date stay in the projection. They change the
// normalisation of betweenness, closeness and degree (n counts them), so the default drops them.
enum class Isolated : std::uint8_t { drop, keep };

// Which answers a projection is built from.
enum class Certainties : std::uint8_t { certain_and_possible, certain_only };

std::string_view to_string(Direction direction);
std::string_view to_string(Fold fold);
std::string_view to_string(Isolated isolated);
std::string_view to_string(Certainties certainties);

// A named projection. The table of them is projections().
struct ProjectionSpec {
  std::string_view name;         // "affiliation"
  std::string_view description;  // one line, for help texts and the README
  std::vector<RelationKind> relations;
  KindSet vertices;  // kinds that become vertices (with a fold: org only)
  Direction direction = Direction::undirected;
  Fold fold = Fold::none;
};

// Every named projection, the default (affiliation) first:
//   affiliation           org + person; membership, office and alignment; undirected (default)
//   affiliation_directed  the same with directions: member → body, holder → office,
//                         backer → backed, allied_with both ways
//   membership            org + person; member_of, part_of, represented_in; directed
//   alignment             org; allied_with, supports, opposes, controls, approved; directed
//   shared_members        org–org, weighted by shared members (Fold::shared_members)
//   shared_coalitions     org–org, weighted by shared bodies (Fold::shared_coalitions)
// Lineage (split_from, merged_into, …) and event relations are in none of them: lineage links
// bodies that do not coexist. Time: O(1).
std::span<const ProjectionSpec> projections();

// The projection called `name`. Throws query_error (a usage error) naming every projection
// when there is none of that name. Time: O(projections).
const ProjectionSpec& projection_by_name(std::string_view name);

struct ProjectOptions {
  Certainties certainties = Certainties::certain_and_possible;
  Isolated isolated = Isolated::drop;
};

// One edge of a projection: vertices are indexes into Projection::entities(). Undirected edges
// are listed once with source < target; weight is the number of relations between the two (or,
// folded, the number of shared members or bodies).
struct ProjectedEdge {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  double weight = 1;
};

namespace detail {
struct ProjectionGraph;
}  // namespace detail

// Thrown when a projection has no vertex at a date: there is nothing to measure.
class empty_projection_error : public error {
 public:
  using error::error;
  // "projection 'P' is empty at AT: it has no edge then (its edges come from K, …)", with `at`
  // the date as the user wrote it.
  empty_projection_error(const ProjectionSpec& spec, std::string_view at);
};

// The graph a measure runs on: vertices (entities in id order) and weighted edges, held as a
// Boost.Graph compressed_sparse_row_graph (bidirectional; an undirected edge is an arc each
// way). Refers to its TemporalGraph, which must outlive it. Cheap to copy (shares the CSR).
class Projection {
 public:
  const ProjectionSpec& spec() const { return *spec_; }
  const TemporalGraph& graph() const { return *graph_; }
  // The days the projection was taken over. Time: O(1).
  DayRange at() const { return at_; }
  std::size_t vertex_count() const { return entities_.size(); }
  std::size_t edge_count() const { return edges_.size(); }
  // Vertex → entity, ascending. Time: O(1).
  std::span<const EntityId> entities() const { return entities_; }
  EntityId entity(std::uint32_t vertex) const { return entities_[vertex]; }
  std::span<const ProjectedEdge> edges() const { return edges_; }
  // The vertex of an entity, or nullopt when it is not in the projection. Time: O(log n).
  std::optional<std::uint32_t> vertex_of(EntityId entity) const;
  bool directed() const { return spec_->direction == Direction::directed; }

  // The CSR graph (see lib/src/analysis/projection_graph.hpp); for the library's algorithms.
  const detail::ProjectionGraph& csr() const { return *csr_; }

 private:
  friend Projection make_projection(const TemporalGraph&, const ProjectionSpec&, DayRange,
                                    std::vector<EntityId>, std::vector<ProjectedEdge>);
  const TemporalGraph* graph_ = nullptr;
  const ProjectionSpec* spec_ = nullptr;
  DayRange at_;
  std::vector<EntityId> entities_;
  std::vector<ProjectedEdge> edges_;
  std::shared_ptr<const detail::ProjectionGraph> csr_;
};

// Builds a projection from vertices (ascending entity ids) and edges (vertex indexes; for an
// undirected spec source < target, no duplicates). For building projections by hand (tests,
// foreign graphs); `spec` must outlive the result. Time: O(V + E).
Projection make_projection(const TemporalGraph& graph, const ProjectionSpec& spec, DayRange at,
                           std::vector<EntityId> entities, std::vector<ProjectedEdge> edges);

// The snapshot options that give exactly the facts `spec` needs (its relation kinds, the entity
// kinds at both ends). Time: O(1).
query::SnapshotOptions snapshot_options(const ProjectionSpec& spec, const ProjectOptions& options);

// The projection of a snapshot taken with snapshot_options(spec, options). Parallel relations
// between two vertices become one edge whose weight counts them. Time: O(V + E log E), a fold
// O(Σ memberships² per member).
Projection project(const TemporalGraph& graph, const query::Snapshot& snapshot,
                   const ProjectionSpec& spec, const ProjectOptions& options = {});

// The projection of the graph as it stood over `at` (a day or a range; DESIGN §1).
// Time: a snapshot's plus project()'s.
Projection project(const TemporalGraph& graph, DayRange at, const ProjectionSpec& spec,
                   const ProjectOptions& options = {});

// The projections over each of `steps` (ascending), each the one project() gives over that
// step, kept up to date from the changes between steps (query::snapshot_changes) rather than
// projected from a whole snapshot per step. Calls visit(step, projection) in order.
// Time: one sweep of the changes, O(Σ changes), plus O(V + E log E) per step to materialise.
void project_series(const TemporalGraph& graph, std::span<const DayRange> steps,
                    const ProjectionSpec& spec, const ProjectOptions& options,
                    const std::function<void(std::size_t, const Projection&)>& visit);

// The first day on which some dated relation of `spec`'s kinds may begin (relations that hold
// from the open past are not counted), or nullopt when none is dated. A date before it comes
// before the documented history: only undated facts would be measured. Time: O(R).
std::optional<Day> first_day(const TemporalGraph& graph, const ProjectionSpec& spec);

}  // namespace orgraph::analysis

template <>
struct fmt::formatter<orgraph::analysis::Direction> : fmt::formatter<std::string_view> {
  auto format(orgraph::analysis::Direction v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::analysis::to_string(v), ctx);
  }
};
template <>
struct fmt::formatter<orgraph::analysis::Fold> : fmt::formatter<std::string_view> {
  auto format(orgraph::analysis::Fold v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::analysis::to_string(v), ctx);
  }
};
template <>
struct fmt::formatter<orgraph::analysis::Isolated> : fmt::formatter<std::string_view> {
  auto format(orgraph::analysis::Isolated v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::analysis::to_string(v), ctx);
  }
};
template <>
struct fmt::formatter<orgraph::analysis::Certainties> : fmt::formatter<std::string_view> {
  auto format(orgraph::analysis::Certainties v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::analysis::to_string(v), ctx);
  }
};
