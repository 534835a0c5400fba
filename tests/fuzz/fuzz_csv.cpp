// Fuzz target: the CSV importers (io/csv.hpp) and the graph builder, from memory, as
// `orgraph import DIR --from csv` reads a directory. The input holds up to three tables separated
// by the byte 0x1E (ASCII's record separator): entities.csv, then relations.csv, then graph.csv
// (further separators stay in graph.csv's text). A table that is not there is not read, as
// graph.csv is optional on import. All go into one builder, so that the checks that need both
// tables (declared endpoints, src= naming sources, endpoint kinds) are reached. Any outcome but
// a crash, a hang, a leak or undefined behaviour is fine: a graph, or errors in a load_error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/csv.hpp"

namespace {

constexpr char kTableSeparator = '\x1E';

// The text before the next separator, removed with it from `rest` (the whole of `rest` when
// there is none, or `last`).
std::string_view next_table(std::string_view& rest, bool last) {
  const std::size_t end = last ? std::string_view::npos : rest.find(kTableSeparator);
  const std::string_view table = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const bool has_relations = rest.find(kTableSeparator) != std::string_view::npos;
  const std::string_view entities = next_table(rest, false);
  const bool has_graph = rest.find(kTableSeparator) != std::string_view::npos;
  const std::string_view relations = next_table(rest, false);
  const std::string_view graph_table = next_table(rest, true);

  orgraph::GraphBuilder builder;
  const orgraph::io::ReadLimits limits{};
  orgraph::io::read_entities_csv(entities, "entities.csv", builder, limits);
  if (has_relations) orgraph::io::read_relations_csv(relations, "relations.csv", builder, limits);
  if (has_graph) orgraph::io::read_graph_csv(graph_table, "graph.csv", builder, limits);
  try {
    const orgraph::TemporalGraph graph = builder.build();
    (void)graph.search("a");
  } catch (const orgraph::load_error&) {
  }
  return 0;
}
