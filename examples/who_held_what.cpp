// Embedding example: load a graph, look an organisation up by any of its names, and list who
// held which office in it. Run: who_held_what GRAPH NAME
#include <orgraph/orgraph.hpp>

#include <fmt/format.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    fmt::print(stderr, "usage: {} GRAPH NAME\n", argv[0]);
    return 2;
  }
  try {
    const orgraph::TemporalGraph g = orgraph::load(argv[1]);
    const orgraph::EntityId office = g.find(argv[2]);  // id, Arabic or English name, alias
    const orgraph::Entity org = g.entity(office);
    fmt::print("{} ({})\n", org.name, org.name_en);
    for (orgraph::RelationId id : g.in(office, orgraph::Category::office)) {
      const orgraph::Relation r = g.relation(id);
      const orgraph::Entity person = g.entity(r.from);
      fmt::print("  {} [{}] held by {} ({}) from {}{}\n", r.role, r.role_en, person.name,
                 person.name_en, r.start->empty() ? "?" : r.start->text(),
                 r.end->empty() ? "" : " to " + r.end->text());
    }
  } catch (const orgraph::load_error& e) {
    for (const auto& d : e.diagnostics()) fmt::print(stderr, "{}\n", orgraph::to_string(d));
    return 1;
  } catch (const orgraph::error& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  }
  return 0;
}
