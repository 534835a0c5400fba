// Who held which office in an organisation, and the graph in 2013 for networkx.
// Usage: offices GRAPH ORG   (prints the office holders, writes graph.graphml)
#include <orgraph/orgraph.hpp>

#include <fmt/format.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    fmt::print(stderr, "usage: offices GRAPH ORG\n");
    return 2;
  }
  try {
    const orgraph::TemporalGraph g = orgraph::load(argv[1]);  // .gv, .jsonl, .json or a directory
    const orgraph::EntityId org = g.find(argv[2]);            // id, Arabic or English name, alias
    for (orgraph::RelationId id : g.in(org, orgraph::Category::office)) {
      const orgraph::Relation r = g.relation(id);
      fmt::print("{} ({}): {} from {}\n", r.role, r.role_en, g.entity(r.from).name,
                 r.start->empty() ? "?" : r.start->text());
    }
    orgraph::io::write_file_atomically("graph.graphml", [&](std::ostream& out) {
      orgraph::io::write_graphml(g, out, {.at = orgraph::Date::parse("2013")});
    });
  } catch (const orgraph::load_error& e) {  // every diagnostic, with file and line
    for (const auto& d : e.diagnostics()) fmt::print(stderr, "{}\n", orgraph::to_string(d));
    return 1;
  } catch (const orgraph::error& e) {  // e.g. lookup_error: an ambiguous name
    fmt::print(stderr, "{}\n", e.what());
    return 2;
  }
}
