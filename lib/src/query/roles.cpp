#include "orgraph/query/roles.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "orgraph/names.hpp"

namespace orgraph::query {
namespace {

void require_kind(const TemporalGraph& g, EntityId id, EntityKind kind, std::string_view as) {
  const Entity e = g.entity(id);
  if (e.kind != kind) {
    throw query_error(fmt::format("'{}' is {}, not {} ({})", e.key, with_article(e.kind),
                                  with_article(kind), as));
  }
}

}  // namespace

std::vector<RoleHolding> roles(const TemporalGraph& graph, const RolesOptions& options) {
  if (options.org) require_kind(graph, *options.org, EntityKind::org, "--org");
  if (options.person) require_kind(graph, *options.person, EntityKind::person, "--person");
  const std::string role = options.role.empty() ? std::string() : names::fold(options.role);

  std::vector<RelationId> candidates;
  if (options.org) {
    auto in = graph.in(*options.org, Category::office);
    candidates.assign(in.begin(), in.end());
  } else if (options.person) {
    auto out = graph.out(*options.person, Category::office);
    candidates.assign(out.begin(), out.end());
  } else {
    for (RelationId id = 0; id < graph.relation_count(); ++id) {
      if (graph.relation(id).kind == RelationKind::holds) candidates.push_back(id);
    }
  }
  std::vector<RoleHolding> out;
  for (RelationId id : candidates) {
    const Relation r = graph.relation(id);
    if (r.kind != RelationKind::holds) continue;
    if (options.person && r.from != *options.person) continue;
    if (options.org && r.to != *options.org) continue;
    if (!role.empty() && names::fold(r.role) != role && names::fold(r.role_en) != role) continue;
    std::optional<Certainty> certainty;
    if (options.at) {
      certainty = graph.span(id).at(*options.at);
      if (!certainty || (options.certain_only && *certainty != Certainty::certain)) continue;
    }
    out.push_back({r.from, r.to, id, certainty});
  }
  std::stable_sort(out.begin(), out.end(), [&](const RoleHolding& a, const RoleHolding& b) {
    const Relation ra = graph.relation(a.relation), rb = graph.relation(b.relation);
    return std::make_tuple(a.org, graph.span(a.relation).possible_from, ra.role, a.person) <
           std::make_tuple(b.org, graph.span(b.relation).possible_from, rb.role, b.person);
  });
  return out;
}

std::vector<std::string> role_titles(const TemporalGraph& graph) {
  std::set<std::string> titles;
  for (RelationId id = 0; id < graph.relation_count(); ++id) {
    const Relation r = graph.relation(id);
    if (r.kind != RelationKind::holds) continue;
    if (!r.role.empty()) titles.emplace(r.role);
    if (!r.role_en.empty()) titles.emplace(r.role_en);
  }
  return {titles.begin(), titles.end()};
}

}  // namespace orgraph::query
