#include "orgraph/analysis/graphml.hpp"

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "orgraph/text.hpp"

namespace orgraph::analysis {
namespace {

std::string escape(std::string_view text) { return text::xml_escape(text); }

std::string day_text(Day day) {
  return day == kOpenEarliest || day == kOpenLatest ? std::string() : format_day(day);
}

}  // namespace

void write_graphml(const Projection& p, std::ostream& out) {
  const TemporalGraph& g = p.graph();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (std::string_view key : {"projection", "earliest", "latest"}) {
    out << fmt::format("  <key id=\"{0}\" for=\"graph\" attr.name=\"{0}\" attr.type=\"string\"/>\n",
                       key);
  }
  for (std::string_view key : {"kind", "name", "name_en", "type"}) {
    out << fmt::format("  <key id=\"{0}\" for=\"node\" attr.name=\"{0}\" attr.type=\"string\"/>\n",
                       key);
  }
  out << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";
  out << fmt::format("  <graph id=\"{}\" edgedefault=\"{}\">\n", escape(p.spec().name),
                     p.directed() ? "directed" : "undirected");
  out << fmt::format("    <data key=\"projection\">{}</data>\n", escape(p.spec().name));
  out << fmt::format("    <data key=\"earliest\">{}</data>\n", day_text(p.at().earliest));
  out << fmt::format("    <data key=\"latest\">{}</data>\n", day_text(p.at().latest));
  for (EntityId id : p.entities()) {
    const Entity e = g.entity(id);
    out << fmt::format("    <node id=\"{}\"><data key=\"kind\">{}</data>", escape(e.key),
                       to_string(e.kind));
    out << fmt::format("<data key=\"name\">{}</data>", escape(e.name));
    if (!e.name_en.empty())
      out << fmt::format("<data key=\"name_en\">{}</data>", escape(e.name_en));
    if (!e.type.empty()) out << fmt::format("<data key=\"type\">{}</data>", escape(e.type));
    out << "</node>\n";
  }
  for (const ProjectedEdge& edge : p.edges()) {
    out << fmt::format(
        "    <edge source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data></edge>\n",
        escape(g.entity(p.entity(edge.source)).key), escape(g.entity(p.entity(edge.target)).key),
        edge.weight);
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace orgraph::analysis
