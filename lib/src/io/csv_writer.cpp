// The CSV writers of orgraph/io/csv.hpp.

#include <algorithm>
#include <array>
#include <string>

#include "graph_fields.hpp"
#include "orgraph/io/csv.hpp"

namespace orgraph::io {
namespace {

constexpr std::array<std::string_view, 5> kEntityHead{"id", "kind", "type", "name", "name_en"};
constexpr std::array<std::string_view, 12> kEntityTail{"title", "publisher", "author", "url",
                                                       "lang",  "file",      "alias",  "start",
                                                       "end",   "date",      "src",    "note"};
constexpr std::array<std::string_view, 10> kRelationColumns{
    "from", "to", "rel", "role", "role_en", "start", "end", "date", "src", "note"};

void write_field(std::ostream& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << value;
    return;
  }
  out << '"';
  for (char c : value) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

template <typename Row>
void write_row(std::ostream& out, const Row& row) {
  bool first = true;
  for (const auto& value : row) {
    if (!first) out << ',';
    first = false;
    write_field(out, value);
  }
  out << "\r\n";
}

std::string joined(const detail::Field& f) {
  if (!f.is_list) return std::string(f.value);
  std::string out;
  for (std::string_view item : f.items) {
    if (!out.empty()) out += f.key == "alias" ? "|" : " ";
    out += item;
  }
  return out;
}

// The cells of one record under `columns` (an attribute not among them cannot occur).
std::vector<std::string> cells(
    std::span<const std::string> columns, std::span<const detail::Field> fields,
    std::span<const std::pair<std::string_view, std::string_view>> ends) {
  std::vector<std::string> row(columns.size());
  auto put = [&](std::string_view key, std::string value) {
    auto it = std::find(columns.begin(), columns.end(), key);
    if (it != columns.end()) row[static_cast<std::size_t>(it - columns.begin())] = std::move(value);
  };
  for (const auto& [key, value] : ends) put(key, std::string(value));
  for (const detail::Field& f : fields) put(f.key, joined(f));
  return row;
}

}  // namespace

void write_entities_csv(const TemporalGraph& graph, std::ostream& out,
                        const CsvWriteOptions& options) {
  if (options.bom) out << "\xEF\xBB\xBF";
  std::vector<std::string> columns(kEntityHead.begin(), kEntityHead.end());
  const std::vector<EntityId> order = detail::sources_then_entities(graph);
  for (EntityId id : order) {  // further names, in order of first use
    for (const Attribute& a : graph.entity(id).attributes) {
      if (a.key.starts_with("name_") &&
          std::find(columns.begin(), columns.end(), a.key) == columns.end()) {
        columns.emplace_back(a.key);
      }
    }
  }
  columns.insert(columns.end(), kEntityTail.begin(), kEntityTail.end());
  write_row(out, columns);
  for (EntityId id : order) {
    const std::pair<std::string_view, std::string_view> key{"id", graph.entity(id).key};
    write_row(out, cells(columns, detail::entity_fields(graph, id), {&key, 1}));
  }
}

void write_relations_csv(const TemporalGraph& graph, std::ostream& out,
                         const CsvWriteOptions& options) {
  if (options.bom) out << "\xEF\xBB\xBF";
  const std::vector<std::string> columns(kRelationColumns.begin(), kRelationColumns.end());
  write_row(out, columns);
  for (RelationId id = 0; id < graph.relation_count(); ++id) {
    const Relation r = graph.relation(id);
    const std::array<std::pair<std::string_view, std::string_view>, 2> ends{
        {{"from", graph.entity(r.from).key}, {"to", graph.entity(r.to).key}}};
    write_row(out, cells(columns, detail::relation_fields(graph, id), ends));
  }
}

void write_graph_csv(const TemporalGraph& graph, std::ostream& out,
                     const CsvWriteOptions& options) {
  if (options.bom) out << "\xEF\xBB\xBF";
  write_row(out, std::array<std::string_view, 2>{"attribute", "value"});
  if (!graph.name().empty()) {
    write_row(out, std::array<std::string_view, 2>{"name", graph.name()});
  }
  for (const auto& [key, value] : detail::graph_attributes(graph)) {
    write_row(out, std::array<std::string_view, 2>{key, value});
  }
}

}  // namespace orgraph::io
