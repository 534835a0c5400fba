#include "graph_fields.hpp"

namespace orgraph::io::detail {
namespace {

void add(std::vector<Field>& fields, std::string_view key, std::string_view value) {
  if (!value.empty()) fields.push_back({key, value, {}, false});
}

void add_sources(const TemporalGraph& graph, std::vector<Field>& fields,
                 std::span<const EntityId> sources) {
  if (sources.empty()) return;
  Field f{"src", {}, {}, true};
  for (EntityId s : sources) f.items.push_back(graph.entity(s).key);
  fields.push_back(std::move(f));
}

}  // namespace

std::vector<Field> entity_fields(const TemporalGraph& graph, EntityId id) {
  const Entity e = graph.entity(id);
  std::vector<Field> fields;
  add(fields, "kind", to_string(e.kind));
  add(fields, "type", e.type);
  add(fields, "name", e.name);
  add(fields, "name_en", e.name_en);
  for (const Attribute& a : e.attributes) add(fields, a.key, a.value);
  if (!e.aliases.empty()) {
    fields.push_back({"alias", {}, {e.aliases.begin(), e.aliases.end()}, true});
  }
  add(fields, "start", e.start->text());
  add(fields, "end", e.end->text());
  add(fields, "date", e.date->text());
  add_sources(graph, fields, e.sources);
  add(fields, "note", e.note);
  return fields;
}

std::vector<Field> relation_fields(const TemporalGraph& graph, RelationId id) {
  const Relation r = graph.relation(id);
  std::vector<Field> fields;
  add(fields, "rel", to_string(r.kind));
  add(fields, "role", r.role);
  add(fields, "role_en", r.role_en);
  if (r.is_point) {
    add(fields, "date", r.start->text());
  } else {
    add(fields, "start", r.start->text());
    add(fields, "end", r.end->text());
  }
  add_sources(graph, fields, r.sources);
  add(fields, "note", r.note);
  return fields;
}

std::vector<EntityId> sources_then_entities(const TemporalGraph& graph) {
  std::vector<EntityId> order;
  order.reserve(graph.entity_count());
  for (int pass = 0; pass < 2; ++pass) {
    for (EntityId id = 0; id < graph.entity_count(); ++id) {
      if ((graph.entity(id).kind == EntityKind::source) == (pass == 0)) order.push_back(id);
    }
  }
  return order;
}

std::vector<std::pair<std::string_view, std::string_view>> graph_attributes(
    const TemporalGraph& graph) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const auto& a : {std::pair<std::string_view, std::string_view>{"title", graph.title()},
                        {"note", graph.note()},
                        {"lang", graph.lang()}}) {
    if (!a.second.empty()) out.push_back(a);
  }
  return out;
}

}  // namespace orgraph::io::detail
