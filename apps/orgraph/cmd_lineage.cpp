// orgraph lineage GRAPH ORG [--up|--down|--both] [--depth N]: ancestors and descendants through
// splits, mergers, renames, successions, formations and foundings.

#include <algorithm>

#include <fmt/format.h>

#include <orgraph/query/lineage.hpp>

#include "commands.hpp"
#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct LineageCommand {
  std::string graph, org;
  bool up = false, down = false, both = false;
  int depth = -1;
  Format format = Format::table;
  Lang lang = Lang::both;
};

int run_lineage(const LineageCommand& o) {
  if (o.up + o.down + o.both > 1) throw query_error("give one of --up, --down, --both");
  const TemporalGraph g = load_graph({o.graph});
  const EntityId focus = resolve(g, o.org);
  query::LineageOptions options;
  options.direction =
      o.up ? query::Direction::up : (o.down ? query::Direction::down : query::Direction::both);
  if (o.depth >= 0) options.depth = o.depth;
  const query::Lineage l = query::lineage(g, focus, options);
  for (const auto& cycle : l.cycles) {
    std::string ids;
    for (EntityId v : cycle) ids += fmt::format("{}{}", ids.empty() ? "" : ", ", g.entity(v).key);
    fmt::print(stderr, "orgraph: warning: inconsistent lineage: a cycle through {}\n", ids);
  }
  if (o.format == Format::json) {
    nlohmann::ordered_json j;
    j["focus"] = entity_json(g, focus);
    j["nodes"] = nlohmann::ordered_json::array();
    for (EntityId v : l.nodes) {
      nlohmann::ordered_json node = entity_json(g, v);
      const Entity e = g.entity(v);
      node["start"] = date_json(e.date->empty() ? *e.start : *e.date);
      node["end"] = date_json(*e.end);
      j["nodes"].push_back(std::move(node));
    }
    j["edges"] = nlohmann::ordered_json::array();
    for (RelationId id : l.edges) {
      const Relation r = g.relation(id);
      nlohmann::ordered_json edge;
      edge["from"] = g.entity(r.from).key;
      edge["to"] = g.entity(r.to).key;
      edge["rel"] = to_string(r.kind);
      edge["date"] = date_json(*r.start);
      edge["sources"] = nlohmann::ordered_json::array();
      for (EntityId s : r.sources) edge["sources"].push_back(g.entity(s).key);
      if (!r.note.empty()) edge["note"] = r.note;
      j["edges"].push_back(std::move(edge));
    }
    j["cycles"] = nlohmann::ordered_json::array();
    for (const auto& cycle : l.cycles) {
      nlohmann::ordered_json ids = nlohmann::ordered_json::array();
      for (EntityId v : cycle) ids.push_back(g.entity(v).key);
      j["cycles"].push_back(std::move(ids));
    }
    print_json(j);
    return 0;
  }
  std::vector<std::vector<std::string>> nodes;
  for (EntityId v : l.nodes) {
    const Entity e = g.entity(v);
    nodes.push_back({std::string(e.key), label(g, v, o.lang), std::string(e.type),
                     (e.date->empty() ? e.start : e.date)->text(), e.end->text()});
  }
  print_rows(o.format, {"id", "name", "type", "start", "end"}, std::move(nodes),
             fmt::format("lineage of {} ({}):", label(g, focus, o.lang), options.direction));
  // The table reads in time order; JSON keeps id order.
  std::vector<RelationId> by_date = l.edges;
  std::stable_sort(by_date.begin(), by_date.end(), [&](RelationId a, RelationId b) {
    return g.relation(a).start->widened().earliest < g.relation(b).start->widened().earliest;
  });
  std::vector<std::vector<std::string>> edges;
  for (RelationId id : by_date) {
    const Relation r = g.relation(id);
    edges.push_back({r.start->text(), label(g, r.from, o.lang), std::string(to_string(r.kind)),
                     label(g, r.to, o.lang), sources_cell(g, r.sources)});
  }
  if (o.format == Format::table) fmt::print("\n");
  print_rows(o.format, {"date", "from", "relation", "to", "sources"}, std::move(edges),
             "lineage events:");
  return 0;
}

}  // namespace

void add_lineage_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<LineageCommand>();
  CLI::App* cmd = app.add_subcommand(
      "lineage", "Ancestors and descendants of an org through splits, mergers and renames");
  cmd->add_option("GRAPH", o->graph, "a graph file or directory")->required();
  cmd->add_option("ORG", o->org, "the org: an id, a name or an alias")->required();
  cmd->add_flag("--up", o->up, "ancestors only (older bodies)");
  cmd->add_flag("--down", o->down, "descendants only");
  cmd->add_flag("--both", o->both, "both (the default)");
  cmd->add_option("--depth", o->depth, "at most this many lineage steps")
      ->check(CLI::NonNegativeNumber);
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  add_lang_option(cmd, o->lang);
  cmd->callback([o, &action] { action = [o] { return run_lineage(*o); }; });
}

}  // namespace orgraph::app
