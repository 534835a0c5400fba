#include "network_selection.hpp"

#include <algorithm>

#include "orgraph/query/snapshot.hpp"

namespace orgraph::io::detail {
namespace {

std::string joined_sources(const TemporalGraph& graph, std::span<const EntityId> sources) {
  std::string out;
  for (EntityId s : sources) {
    if (!out.empty()) out += ' ';
    out += graph.entity(s).key;
  }
  return out;
}

void add(std::vector<std::pair<std::string_view, std::string>>& values, std::string_view key,
         std::string_view value) {
  if (!value.empty()) values.emplace_back(key, std::string(value));
}

}  // namespace

NetworkSelection select_network(const TemporalGraph& graph, const NetworkExportOptions& options) {
  NetworkSelection s;
  if (options.at) {
    s.snapshot = true;
    const query::Snapshot snap = query::snapshot(graph, query_range(*options.at));
    for (const query::EntityAt& e : snap.entities) {
      s.entities.push_back(e.entity);
      s.entity_certainty.push_back(e.certainty);
    }
    for (const query::RelationAt& r : snap.relations) {
      s.relations.push_back(r.relation);
      s.relation_certainty.push_back(r.certainty);
    }
  } else {
    for (EntityId id = 0; id < graph.entity_count(); ++id) {
      if (graph.entity(id).kind != EntityKind::source) s.entities.push_back(id);
    }
    s.relations.resize(graph.relation_count());
    for (RelationId id = 0; id < graph.relation_count(); ++id) s.relations[id] = id;
  }
  for (EntityId id : s.entities) {
    for (const Attribute& a : graph.entity(id).attributes) {
      if (a.key.starts_with("name_") && std::find(s.further_names.begin(), s.further_names.end(),
                                                  a.key) == s.further_names.end()) {
        s.further_names.emplace_back(a.key);
      }
    }
  }
  return s;
}

std::vector<std::pair<std::string_view, std::string>> node_values(const TemporalGraph& graph,
                                                                  EntityId id) {
  const Entity e = graph.entity(id);
  std::vector<std::pair<std::string_view, std::string>> values;
  add(values, "kind", to_string(e.kind));
  add(values, "type", e.type);
  add(values, "name", e.name);
  add(values, "name_en", e.name_en);
  for (const Attribute& a : e.attributes) add(values, a.key, a.value);
  std::string aliases;
  for (std::string_view a : e.aliases) aliases += (aliases.empty() ? "" : "|") + std::string(a);
  add(values, "alias", aliases);
  add(values, "start", e.start->text());
  add(values, "end", e.end->text());
  add(values, "date", e.date->text());
  add(values, "sources", joined_sources(graph, e.sources));
  add(values, "note", e.note);
  return values;
}

std::vector<std::pair<std::string_view, std::string>> edge_values(const TemporalGraph& graph,
                                                                  RelationId id) {
  const Relation r = graph.relation(id);
  const RelationTraits& t = traits(r.kind);
  std::vector<std::pair<std::string_view, std::string>> values;
  add(values, "rel", t.name);
  add(values, "category", to_string(t.category));
  add(values, "symmetric", t.symmetry == Symmetry::symmetric ? "true" : "false");
  add(values, "role", r.role);
  add(values, "role_en", r.role_en);
  if (r.is_point) {
    add(values, "date", r.start->text());
  } else {
    add(values, "start", r.start->text());
    add(values, "end", r.end->text());
  }
  add(values, "sources", joined_sources(graph, r.sources));
  add(values, "note", r.note);
  return values;
}

std::vector<std::string> node_attribute_names(const NetworkSelection& selection) {
  std::vector<std::string> names{"kind", "type", "name", "name_en"};
  names.insert(names.end(), selection.further_names.begin(), selection.further_names.end());
  for (std::string_view n : {"alias", "start", "end", "date", "sources", "note"}) {
    names.emplace_back(n);
  }
  return names;
}

std::vector<std::string> edge_attribute_names() {
  return {"rel",   "category", "symmetric", "role",    "role_en",
          "start", "end",      "date",      "sources", "note"};
}

}  // namespace orgraph::io::detail
