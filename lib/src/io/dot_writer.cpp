#include "orgraph/io/dot_writer.hpp"

#include <array>
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "graph_fields.hpp"
#include "orgraph/io/atomic_file.hpp"

namespace orgraph::io {
namespace {

bool is_keyword(std::string_view s) {
  constexpr std::array<std::string_view, 6> kKeywords{"node",    "edge",     "graph",
                                                      "digraph", "subgraph", "strict"};
  for (std::string_view k : kKeywords) {
    if (s.size() == k.size() && std::equal(s.begin(), s.end(), k.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return true;
    }
  }
  return false;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || is_keyword(s)) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool letter = std::isalpha(c) || c == '_';
    if (!(letter || (i > 0 && std::isdigit(c)))) return false;
  }
  return true;
}

// cgraph reads `\"` as a quote and drops a backslash before a line break, so a backslash right
// before a quote, a line break or the end of the value cannot be written in a quoted string.
bool quotable(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') continue;
    std::size_t run = i;
    while (run < s.size() && s[run] == '\\') ++run;
    // A run of backslashes: pairs are kept as they are; an odd one escapes what follows.
    const bool odd = (run - i) % 2 == 1;
    if (odd && (run == s.size() || s[run] == '"' || s[run] == '\n')) return false;
    i = run - 1;
  }
  return true;
}

bool balanced_angles(std::string_view s) {
  int depth = 0;
  for (char c : s) {
    if (c == '<') ++depth;
    if (c == '>' && --depth < 0) return false;
  }
  return depth == 0;
}

void write_attributes(std::ostream& out, std::span<const detail::Field> fields) {
  out << " [";
  bool first = true;
  for (const detail::Field& f : fields) {
    out << (first ? "" : " ") << f.key << '=';
    first = false;
    if (f.is_list) {
      std::string joined;
      for (std::string_view item : f.items) {
        if (!joined.empty()) joined += f.key == "alias" ? "|" : " ";
        joined += item;
      }
      out << dot_quote(joined);
    } else {
      out << dot_quote(f.value);
    }
  }
  out << ']';
}

}  // namespace

std::string dot_quote(std::string_view text) {
  if (is_identifier(text)) return std::string(text);
  if (!quotable(text)) {
    if (!balanced_angles(text)) {
      throw write_error(fmt::format(
          "the value '{}' cannot be written in DOT (a backslash before a quote, a line break or "
          "the end, and unbalanced angle brackets); export it as JSON instead",
          text));
    }
    return fmt::format("<{}>", text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

void write_dot(const TemporalGraph& graph, std::ostream& out) {
  out << "digraph " << (graph.name().empty() ? std::string() : dot_quote(graph.name()) + " ")
      << "{\n";
  for (const auto& [key, value] : detail::graph_attributes(graph)) {
    out << "  " << key << '=' << dot_quote(value) << '\n';
  }
  bool sources_done = false;
  bool first = true;
  for (EntityId id : detail::sources_then_entities(graph)) {
    const Entity e = graph.entity(id);
    const bool is_source = e.kind == EntityKind::source;
    if (first && is_source) out << "  // sources\n";
    if (!is_source && !sources_done) {
      out << (first ? "" : "\n") << "  // entities\n";
      sources_done = true;
    }
    first = false;
    out << "  " << dot_quote(e.key);
    write_attributes(out, detail::entity_fields(graph, id));
    out << '\n';
  }
  if (graph.relation_count() > 0) out << (first ? "" : "\n") << "  // relations\n";
  for (RelationId id = 0; id < graph.relation_count(); ++id) {
    const Relation r = graph.relation(id);
    out << "  " << dot_quote(graph.entity(r.from).key) << " -> "
        << dot_quote(graph.entity(r.to).key);
    write_attributes(out, detail::relation_fields(graph, id));
    out << '\n';
  }
  out << "}\n";
}

}  // namespace orgraph::io
