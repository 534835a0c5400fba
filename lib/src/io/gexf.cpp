#include "orgraph/io/gexf.hpp"

#include <string>

#include "network_selection.hpp"
#include "xml_text.hpp"

namespace orgraph::io {
namespace {

using detail::xml_escape;

std::string_view type_of(std::string_view attribute) {
  return attribute == "symmetric" ? "boolean" : "string";
}

void write_declarations(std::ostream& out, std::string_view cls,
                        const std::vector<std::string>& names) {
  out << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
  for (const std::string& n : names) {
    out << "      <attribute id=\"" << n << "\" title=\"" << n << "\" type=\"" << type_of(n)
        << "\"/>\n";
  }
  out << "    </attributes>\n";
  out << "    <attributes class=\"" << cls << "\" mode=\"dynamic\">\n"
      << "      <attribute id=\"certainty\" title=\"certainty\" type=\"string\"/>\n"
      << "    </attributes>\n";
}

// ` start="…" end="…"` for the closed interval of days [from, until - 1]; open sides left out.
std::string bounds(Day from, Day until) {
  std::string out;
  if (from != kOpenEarliest) out += " start=\"" + format_day(from) + "\"";
  if (until != kOpenLatest) out += " end=\"" + format_day(until - 1) + "\"";
  return out;
}

// The dynamic certainty of a span: certain on [certain_from, certain_until), possible on the
// rest of [possible_from, possible_until).
void write_certainty(std::ostream& out, const TimeSpan& span, std::string_view indent) {
  auto piece = [&](Day from, Day until, Certainty c) {
    if (from < until) {
      out << indent << "<attvalue for=\"certainty\" value=\"" << to_string(c) << "\""
          << bounds(from, until) << "/>\n";
    }
  };
  if (span.certain_from < span.certain_until) {
    piece(span.possible_from, span.certain_from, Certainty::possible);
    piece(span.certain_from, span.certain_until, Certainty::certain);
    piece(span.certain_until, span.possible_until, Certainty::possible);
  } else {
    piece(span.possible_from, span.possible_until, Certainty::possible);
  }
}

template <typename Values>
void write_element_body(std::ostream& out, const Values& values, const TimeSpan& span) {
  out << "        <attvalues>\n";
  for (const auto& [key, value] : values) {
    out << "          <attvalue for=\"" << key << "\" value=\"" << xml_escape(value) << "\"/>\n";
  }
  write_certainty(out, span, "          ");
  out << "        </attvalues>\n";
  // Without spells an element is there at all times: an unbounded lifespan needs none.
  const std::string spell = bounds(span.possible_from, span.possible_until);
  if (!spell.empty()) {
    out << "        <spells>\n          <spell" << spell << "/>\n        </spells>\n";
  }
}

}  // namespace

void write_gexf(const TemporalGraph& graph, std::ostream& out,
                const NetworkExportOptions& options) {
  const detail::NetworkSelection s = detail::select_network(graph, options);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
         "    version=\"1.3\">\n"
         "  <meta>\n    <creator>orgraph</creator>\n    <description>"
      << xml_escape(graph.name().empty() ? std::string_view("orgraph graph") : graph.name())
      << (graph.title().empty() ? std::string() : ": " + xml_escape(graph.title()))
      << (s.snapshot ? " at " + xml_escape(options.at->text()) : std::string())
      << "</description>\n"
      << "  </meta>\n"
         "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
         "timerepresentation=\"interval\">\n";
  write_declarations(out, "node", detail::node_attribute_names(s));
  write_declarations(out, "edge", detail::edge_attribute_names());
  out << "    <nodes>\n";
  for (EntityId id : s.entities) {
    const Entity e = graph.entity(id);
    out << "      <node id=\"" << xml_escape(e.key) << "\" label=\""
        << xml_escape(e.name.empty() ? e.key : e.name) << "\">\n";
    write_element_body(out, detail::node_values(graph, id), graph.lifespan(id));
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (RelationId id : s.relations) {
    const Relation r = graph.relation(id);
    const TimeSpan span = graph.span(id);
    if (!span.ever_possible()) continue;
    const RelationTraits& t = traits(r.kind);
    out << "      <edge id=\"r" << id << "\" source=\"" << xml_escape(graph.entity(r.from).key)
        << "\" target=\"" << xml_escape(graph.entity(r.to).key) << "\""
        << (t.symmetry == Symmetry::symmetric ? " type=\"undirected\"" : "") << " kind=\"" << t.name
        << "\" label=\"" << t.name << "\">\n";
    write_element_body(out, detail::edge_values(graph, id), span);
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace orgraph::io
