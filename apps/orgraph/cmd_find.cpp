// orgraph find GRAPH QUERY: entities whose id, name or alias matches, best first.

#include <fmt/format.h>

#include <orgraph/graph.hpp>

#include "commands.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct FindOptions {
  std::string graph;
  std::string query;
  Format format = Format::table;
  std::size_t limit = 20;
};

int run_find(const FindOptions& o) {
  TemporalGraph g = load_graph({o.graph});
  std::vector<NameMatch> matches = g.search(o.query, o.limit);
  if (matches.empty()) {
    fmt::print(stderr, "orgraph: error: no entity matches '{}'\n", o.query);
    return 2;
  }
  if (o.format == Format::json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const NameMatch& m : matches) {
      nlohmann::ordered_json j = entity_json(g, m.entity);
      j["matched"] = m.matched;
      j["match"] = to_string(m.quality);
      out.push_back(std::move(j));
    }
    print_json(out);
    return 0;
  }
  std::vector<std::string> header{"id", "kind", "type", "name", "name_en", "matched", "match"};
  std::vector<std::vector<std::string>> rows;
  for (const NameMatch& m : matches) {
    Entity e = g.entity(m.entity);
    rows.push_back({std::string(e.key), std::string(to_string(e.kind)), std::string(e.type),
                    std::string(e.name), std::string(e.name_en), std::string(m.matched),
                    std::string(to_string(m.quality))});
  }
  if (o.format == Format::csv) {
    print_csv(header, rows);
  } else {
    Table table(header);
    for (auto& r : rows) table.add(std::move(r));
    table.print();
  }
  return 0;
}

}  // namespace

void add_find_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<FindOptions>();
  CLI::App* cmd = app.add_subcommand(
      "find", "Entities whose id, name or alias matches QUERY (Arabic or Latin, folded)");
  cmd->add_option("GRAPH", o->graph, "a .gv/.dot file or a directory")->required();
  cmd->add_option("QUERY", o->query, "an id, a name or an alias, in any language")->required();
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  cmd->add_option("--limit", o->limit, "at most this many matches")->default_val(20);
  cmd->callback([o, &action] { action = [o] { return run_find(*o); }; });
}

}  // namespace orgraph::app
