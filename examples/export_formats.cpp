// Embedding example: load a graph and write it for other tools: the lossless JSON form, GraphML
// for networkx or igraph, and a GEXF timeline of one year for Gephi. Each file is written beside
// its target and renamed into place, so it is either complete or untouched.
// Run: export_formats GRAPH OUTPUT_DIR
#include <orgraph/io/atomic_file.hpp>
#include <orgraph/io/gexf.hpp>
#include <orgraph/io/graphml.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/orgraph.hpp>

#include <fmt/format.h>

#include <filesystem>

int main(int argc, char** argv) {
  if (argc != 3) {
    fmt::print(stderr, "usage: {} GRAPH OUTPUT_DIR\n", argv[0]);
    return 2;
  }
  namespace io = orgraph::io;
  try {
    const orgraph::TemporalGraph g = orgraph::load(argv[1]);
    const std::filesystem::path dir = argv[2];
    io::write_file_atomically(dir / "graph.json",
                              [&](std::ostream& out) { io::write_json(g, out); });
    io::write_file_atomically(dir / "graph.graphml",
                              [&](std::ostream& out) { io::write_graphml(g, out); });
    const io::NetworkExportOptions in_2013{.at = orgraph::Date::parse("2013")};
    io::write_file_atomically(dir / "2013.gexf",
                              [&](std::ostream& out) { io::write_gexf(g, out, in_2013); });
    // The JSON form loads like any graph file, as the same graph.
    const orgraph::TemporalGraph again = orgraph::load(dir / "graph.json");
    fmt::print("wrote graph.json, graph.graphml and 2013.gexf ({} entities, {} relations)\n",
               again.entity_count(), again.relation_count());
  } catch (const orgraph::load_error& e) {
    for (const auto& d : e.diagnostics()) fmt::print(stderr, "{}\n", orgraph::to_string(d));
    return 1;
  } catch (const orgraph::error& e) {  // io::write_error: a file that cannot be written
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
  return 0;
}
