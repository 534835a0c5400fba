#include "orgraph/analysis/projection.hpp"

#include <algorithm>
#include <utility>

#include "analysis/projection_graph.hpp"
#include "analysis/projection_state.hpp"

namespace orgraph::analysis {
namespace {

using RK = RelationKind;

const std::vector<ProjectionSpec>& table() {
  static const std::vector<ProjectionSpec> specs{
      {"affiliation",
       "orgs and people; membership, office and alignment relations; undirected (the default)",
       {RK::member_of, RK::part_of, RK::represented_in, RK::holds, RK::allied_with, RK::supports,
        RK::opposes, RK::controls, RK::approved},
       {EntityKind::org, EntityKind::person},
       Direction::undirected,
       Fold::none},
      {"affiliation_directed",
       "as affiliation, with directions: member -> body, holder -> office, backer -> backed",
       {RK::member_of, RK::part_of, RK::represented_in, RK::holds, RK::allied_with, RK::supports,
        RK::opposes, RK::controls, RK::approved},
       {EntityKind::org, EntityKind::person},
       Direction::directed,
       Fold::none},
      {"membership",
       "orgs and people; member_of, part_of, represented_in; directed member -> body",
       {RK::member_of, RK::part_of, RK::represented_in},
       {EntityKind::org, EntityKind::person},
       Direction::directed,
       Fold::none},
      {"alignment",
       "orgs; allied_with, supports, opposes, controls, approved; directed",
       {RK::allied_with, RK::supports, RK::opposes, RK::controls, RK::approved},
       {EntityKind::org},
       Direction::directed,
       Fold::none},
      {"shared_members",
       "org-org, weighted by the members (people or orgs, incl. office holders) two bodies share",
       {RK::member_of, RK::part_of, RK::represented_in, RK::holds},
       {EntityKind::org},
       Direction::undirected,
       Fold::shared_members},
      {"shared_coalitions",
       "org-org, weighted by the bodies (coalitions, councils) two orgs both belong to",
       {RK::member_of, RK::part_of, RK::represented_in},
       {EntityKind::org},
       Direction::undirected,
       Fold::shared_coalitions},
  };
  return specs;
}

// Merges parallel edges (sorted by endpoints) into one whose weight is their sum.
std::vector<ProjectedEdge> merge_parallel(std::vector<ProjectedEdge> edges) {
  std::sort(edges.begin(), edges.end(), [](const ProjectedEdge& a, const ProjectedEdge& b) {
    return std::pair(a.source, a.target) < std::pair(b.source, b.target);
  });
  std::vector<ProjectedEdge> merged;
  merged.reserve(edges.size());
  for (const ProjectedEdge& e : edges) {
    if (!merged.empty() && merged.back().source == e.source && merged.back().target == e.target) {
      merged.back().weight += e.weight;
    } else {
      merged.push_back(e);
    }
  }
  return merged;
}

// Joins every two vertices that share a neighbour in a bipartite graph, given as a list of
// (shared neighbour, vertex) pairs; the weight counts the shared neighbours.
std::vector<ProjectedEdge> fold(std::vector<std::pair<EntityId, std::uint32_t>> incidences) {
  std::sort(incidences.begin(), incidences.end());
  incidences.erase(std::unique(incidences.begin(), incidences.end()), incidences.end());
  std::vector<ProjectedEdge> edges;
  for (std::size_t i = 0; i < incidences.size();) {
    std::size_t j = i;
    while (j < incidences.size() && incidences[j].first == incidences[i].first) ++j;
    for (std::size_t a = i; a < j; ++a) {
      for (std::size_t b = a + 1; b < j; ++b) {
        edges.push_back({incidences[a].second, incidences[b].second, 1});
      }
    }
    i = j;
  }
  return merge_parallel(std::move(edges));
}

}  // namespace

empty_projection_error::empty_projection_error(const ProjectionSpec& spec, std::string_view at)
    : error(fmt::format("projection '{}' is empty at {}: it has no edge then (its edges come "
                        "from {})",
                        spec.name, at, fmt::join(spec.relations, ", "))) {}

std::string_view to_string(Direction direction) {
  return direction == Direction::directed ? "directed" : "undirected";
}
std::string_view to_string(Fold f) {
  switch (f) {
    case Fold::none:
      return "none";
    case Fold::shared_members:
      return "shared_members";
    case Fold::shared_coalitions:
      return "shared_coalitions";
  }
  return "?";
}
std::string_view to_string(Isolated isolated) {
  return isolated == Isolated::keep ? "keep" : "drop";
}
std::string_view to_string(Certainties certainties) {
  return certainties == Certainties::certain_only ? "certain_only" : "certain_and_possible";
}

std::span<const ProjectionSpec> projections() { return table(); }

const ProjectionSpec& projection_by_name(std::string_view name) {
  std::string names;
  for (const ProjectionSpec& spec : table()) {
    if (spec.name == name) return spec;
    names += names.empty() ? "" : ", ";
    names += spec.name;
  }
  throw query_error(fmt::format("unknown projection '{}': expected one of {}", name, names));
}

std::optional<std::uint32_t> Projection::vertex_of(EntityId entity) const {
  auto it = std::lower_bound(entities_.begin(), entities_.end(), entity);
  if (it == entities_.end() || *it != entity) return std::nullopt;
  return static_cast<std::uint32_t>(it - entities_.begin());
}

Projection make_projection(const TemporalGraph& graph, const ProjectionSpec& spec, DayRange at,
                           std::vector<EntityId> entities, std::vector<ProjectedEdge> edges) {
  Projection p;
  p.graph_ = &graph;
  p.spec_ = &spec;
  p.at_ = at;
  p.entities_ = std::move(entities);
  p.edges_ = std::move(edges);
  // Arcs: each edge once if directed, both ways if not; the Arc property names the edge.
  const bool both_ways = spec.direction == Direction::undirected;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  std::vector<detail::Arc> properties;
  arcs.reserve(p.edges_.size() * (both_ways ? 2 : 1));
  properties.reserve(arcs.capacity());
  for (std::uint32_t i = 0; i < p.edges_.size(); ++i) {
    const ProjectedEdge& e = p.edges_[i];
    arcs.emplace_back(e.source, e.target);
    properties.push_back({i, e.weight});
    if (both_ways) {
      arcs.emplace_back(e.target, e.source);
      properties.push_back({i, e.weight});
    }
  }
  auto csr = std::make_shared<detail::ProjectionGraph>(detail::ProjectionGraph{
      detail::Csr(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(),
                  properties.begin(), static_cast<std::uint32_t>(p.entities_.size()))});
  p.csr_ = std::move(csr);
  return p;
}

query::SnapshotOptions snapshot_options(const ProjectionSpec& spec, const ProjectOptions& options) {
  query::SnapshotOptions q;
  q.certain_only = options.certainties == Certainties::certain_only;
  q.relations = spec.relations;
  // A fold needs the members too (people and orgs), not only the org vertices.
  for (EntityKind kind :
       {EntityKind::org, EntityKind::person, EntityKind::event, EntityKind::place}) {
    if (spec.vertices.contains(kind) || (spec.fold != Fold::none && kind == EntityKind::person)) {
      q.kinds.push_back(kind);
    }
  }
  return q;
}

Projection project(const TemporalGraph& graph, const query::Snapshot& snapshot,
                   const ProjectionSpec& spec, const ProjectOptions& options) {
  // Candidate vertices: entities of the vertex kinds in the snapshot (ascending ids).
  std::vector<EntityId> candidates;
  for (const query::EntityAt& e : snapshot.entities) {
    if (spec.vertices.contains(graph.entity(e.entity).kind)) candidates.push_back(e.entity);
  }
  auto index_of = [&](EntityId id) -> std::optional<std::uint32_t> {
    auto it = std::lower_bound(candidates.begin(), candidates.end(), id);
    if (it == candidates.end() || *it != id) return std::nullopt;
    return static_cast<std::uint32_t>(it - candidates.begin());
  };
  std::vector<ProjectedEdge> edges;
  if (spec.fold == Fold::none) {
    const bool directed = spec.direction == Direction::directed;
    for (const query::RelationAt& r : snapshot.relations) {
      const Relation rel = graph.relation(r.relation);
      auto a = index_of(rel.from), b = index_of(rel.to);
      if (!a || !b || *a == *b) continue;
      if (!directed && *a > *b) std::swap(a, b);
      edges.push_back({*a, *b, 1});
      if (directed && traits(rel.kind).symmetry == Symmetry::symmetric) {
        edges.push_back({*b, *a, 1});
      }
    }
    edges = merge_parallel(std::move(edges));
  } else {
    std::vector<std::pair<EntityId, std::uint32_t>> incidences;
    for (const query::RelationAt& r : snapshot.relations) {
      const Relation rel = graph.relation(r.relation);
      if (spec.fold == Fold::shared_members) {
        if (auto body = index_of(rel.to)) incidences.emplace_back(rel.from, *body);
      } else if (rel.kind != RelationKind::holds) {
        if (auto member = index_of(rel.from)) incidences.emplace_back(rel.to, *member);
      }
    }
    edges = fold(std::move(incidences));
  }
  if (options.isolated == Isolated::keep) {
    return make_projection(graph, spec, snapshot.at, std::move(candidates), std::move(edges));
  }
  // Drop untouched vertices and renumber the edges' ends.
  std::vector<std::uint32_t> renumber(candidates.size(), 0);
  for (const ProjectedEdge& e : edges) renumber[e.source] = renumber[e.target] = 1;
  std::vector<EntityId> kept;
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    if (renumber[i] != 0) {
      renumber[i] = static_cast<std::uint32_t>(kept.size());
      kept.push_back(candidates[i]);
    }
  }
  for (ProjectedEdge& e : edges) {
    e.source = renumber[e.source];
    e.target = renumber[e.target];
  }
  return make_projection(graph, spec, snapshot.at, std::move(kept), std::move(edges));
}

Projection project(const TemporalGraph& graph, DayRange at, const ProjectionSpec& spec,
                   const ProjectOptions& options) {
  return project(graph, query::snapshot(graph, at, snapshot_options(spec, options)), spec, options);
}

void project_series(const TemporalGraph& graph, std::span<const DayRange> steps,
                    const ProjectionSpec& spec, const ProjectOptions& options,
                    const std::function<void(std::size_t, const Projection&)>& visit) {
  detail::ProjectionState state(graph, spec, options);
  query::snapshot_changes(graph, steps, snapshot_options(spec, options),
                          [&](std::size_t step, const query::SnapshotChange& change) {
                            state.apply(change);
                            visit(step, state.projection(change.at));
                          });
}

std::optional<Day> first_day(const TemporalGraph& graph, const ProjectionSpec& spec) {
  std::optional<Day> first;
  for (RelationId id = 0; id < graph.relation_count(); ++id) {
    const RelationKind kind = graph.relation(id).kind;
    if (std::find(spec.relations.begin(), spec.relations.end(), kind) == spec.relations.end()) {
      continue;
    }
    const TimeSpan span = graph.span(id);
    if (!span.ever_possible()) continue;
    if (span.possible_from == kOpenEarliest) continue;  // undated: says nothing about when
    if (!first || span.possible_from < *first) first = span.possible_from;
  }
  return first;
}

}  // namespace orgraph::analysis
