// write_json: the lossless JSON document (orgraph/io/json.hpp).

#include <nlohmann/json.hpp>

#include "graph_fields.hpp"
#include "orgraph/io/json.hpp"

namespace orgraph::io {
namespace {

using Json = nlohmann::ordered_json;

Json record(std::span<const detail::Field> fields, Json start) {
  for (const detail::Field& f : fields) {
    if (f.is_list) {
      Json items = Json::array();
      for (std::string_view item : f.items) items.push_back(item);
      start[std::string(f.key)] = std::move(items);
    } else {
      start[std::string(f.key)] = f.value;
    }
  }
  return start;
}

std::string dump(const Json& j) {
  // Strings in a built graph are valid UTF-8; replace is a guard, never a silent change.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Writes `"key": [` one record per line `]`.
template <typename Records>
void write_array(std::ostream& out, std::string_view key, const Records& records, bool last) {
  out << "  \"" << key << "\": [";
  bool first = true;
  for (const std::string& r : records) {
    out << (first ? "\n    " : ",\n    ") << r;
    first = false;
  }
  out << (first ? "]" : "\n  ]") << (last ? "\n" : ",\n");
}

}  // namespace

void write_json(const TemporalGraph& graph, std::ostream& out) {
  std::vector<std::string> sources, entities, relations;
  for (EntityId id : detail::sources_then_entities(graph)) {
    const Entity e = graph.entity(id);
    Json j = record(detail::entity_fields(graph, id), Json{{"id", e.key}});
    (e.kind == EntityKind::source ? sources : entities).push_back(dump(j));
  }
  relations.reserve(graph.relation_count());
  for (RelationId id = 0; id < graph.relation_count(); ++id) {
    const Relation r = graph.relation(id);
    Json j = record(detail::relation_fields(graph, id),
                    Json{{"from", graph.entity(r.from).key}, {"to", graph.entity(r.to).key}});
    relations.push_back(dump(j));
  }
  out << "{\n  \"format\": \"orgraph\",\n  \"version\": " << kJsonFormatVersion
      << ",\n  \"name\": " << dump(Json(graph.name())) << ",\n";
  for (const auto& [key, value] : detail::graph_attributes(graph)) {
    out << "  \"" << key << "\": " << dump(Json(value)) << ",\n";
  }
  write_array(out, "sources", sources, false);
  write_array(out, "entities", entities, false);
  write_array(out, "relations", relations, true);
  out << "}\n";
}

}  // namespace orgraph::io
