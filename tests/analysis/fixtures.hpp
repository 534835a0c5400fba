#pragma once

// Hand-built projections for the analysis tests: n vertices v0 … v(n−1) and the given edges.

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "orgraph/analysis/projection.hpp"
#include "orgraph/graph_builder.hpp"

namespace orgraph::test {

// A graph of n undated orgs named v0 … v(n−1) (and one source), no relations.
inline TemporalGraph vertices_graph(int n) {
  GraphBuilder b;
  const auto f = b.add_file("fixture.gv");
  const std::vector<Attribute> source{{"kind", "source"}, {"title", "t"}};
  b.add_entity("s", source, {f, 1});
  for (int i = 0; i < n; ++i) {
    const std::string name = fmt::format("v{}", i);
    const std::vector<Attribute> attrs{{"kind", "org"}, {"name", name}, {"src", "s"}};
    b.add_entity(name, attrs, {f, 2});
  }
  return b.build();
}

inline const analysis::ProjectionSpec& spec_of(analysis::Direction direction) {
  static const analysis::ProjectionSpec undirected{
      "test", "test", {}, {EntityKind::org}, analysis::Direction::undirected};
  static const analysis::ProjectionSpec directed{
      "test_directed", "test", {}, {EntityKind::org}, analysis::Direction::directed};
  return direction == analysis::Direction::directed ? directed : undirected;
}

// The projection of `edges` over v0 … v(n−1) of `g` (vertex i is v_i). Undirected edges may be
// given either way round.
inline analysis::Projection projection_of(const TemporalGraph& g, int n,
                                          std::vector<std::pair<int, int>> edges,
                                          analysis::Direction direction,
                                          std::vector<double> weights = {}) {
  std::vector<EntityId> entities;
  for (int i = 0; i < n; ++i) entities.push_back(*g.find_key(fmt::format("v{}", i)));
  std::vector<analysis::ProjectedEdge> list;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    auto [a, b] = edges[i];
    if (direction == analysis::Direction::undirected && a > b) std::swap(a, b);
    list.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b),
                    weights.empty() ? 1.0 : weights[i]});
  }
  return analysis::make_projection(g, spec_of(direction), DayRange{}, std::move(entities),
                                   std::move(list));
}

}  // namespace orgraph::test
