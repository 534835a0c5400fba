#include "orgraph/io/graphml.hpp"

#include <string>

#include "graph_fields.hpp"
#include "network_selection.hpp"
#include "xml_text.hpp"

namespace orgraph::io {
namespace {

using detail::xml_escape;

std::string_view type_of(std::string_view attribute) {
  return attribute == "symmetric" ? "boolean" : "string";
}

void write_key(std::ostream& out, std::string_view prefix, std::string_view domain,
               std::string_view name) {
  out << "  <key id=\"" << prefix << name << "\" for=\"" << domain << "\" attr.name=\"" << name
      << "\" attr.type=\"" << type_of(name) << "\"/>\n";
}

void write_data(std::ostream& out, std::string_view prefix, std::string_view key,
                std::string_view value) {
  out << "      <data key=\"" << prefix << key << "\">" << xml_escape(value) << "</data>\n";
}

}  // namespace

void write_graphml(const TemporalGraph& graph, std::ostream& out,
                   const NetworkExportOptions& options) {
  const detail::NetworkSelection s = detail::select_network(graph, options);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  write_key(out, "g_", "graph", "name");
  const auto graph_attributes = detail::graph_attributes(graph);
  for (const auto& a : graph_attributes) write_key(out, "g_", "graph", a.first);
  if (s.snapshot) write_key(out, "g_", "graph", "at");
  const std::vector<std::string> node_names = detail::node_attribute_names(s);
  for (const std::string& n : node_names) write_key(out, "n_", "node", n);
  if (s.snapshot) write_key(out, "n_", "node", "certainty");
  for (const std::string& n : detail::edge_attribute_names()) write_key(out, "e_", "edge", n);
  if (s.snapshot) write_key(out, "e_", "edge", "certainty");

  out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
  out << "    <data key=\"g_name\">" << xml_escape(graph.name()) << "</data>\n";
  for (const auto& [key, value] : graph_attributes) {
    out << "    <data key=\"g_" << key << "\">" << xml_escape(value) << "</data>\n";
  }
  if (s.snapshot) out << "    <data key=\"g_at\">" << xml_escape(options.at->text()) << "</data>\n";
  for (std::size_t i = 0; i < s.entities.size(); ++i) {
    const EntityId id = s.entities[i];
    out << "    <node id=\"" << xml_escape(graph.entity(id).key) << "\">\n";
    for (const auto& [key, value] : detail::node_values(graph, id))
      write_data(out, "n_", key, value);
    if (s.snapshot) write_data(out, "n_", "certainty", to_string(s.entity_certainty[i]));
    out << "    </node>\n";
  }
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const RelationId id = s.relations[i];
    const Relation r = graph.relation(id);
    out << "    <edge id=\"r" << id << "\" source=\"" << xml_escape(graph.entity(r.from).key)
        << "\" target=\"" << xml_escape(graph.entity(r.to).key) << "\">\n";
    for (const auto& [key, value] : detail::edge_values(graph, id))
      write_data(out, "e_", key, value);
    if (s.snapshot) write_data(out, "e_", "certainty", to_string(s.relation_certainty[i]));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace orgraph::io
