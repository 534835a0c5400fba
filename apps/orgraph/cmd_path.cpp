// orgraph path GRAPH A B [--at DATE] [--rel R…]: the shortest chains of relations between two
// entities.

#include <fmt/format.h>

#include <orgraph/query/path.hpp>

#include "commands.hpp"
#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct PathCommand {
  std::string graph, a, b, at;
  std::vector<std::string> rels;
  bool certain_only = false;
  std::size_t max_paths = 10;
  Format format = Format::table;
  Lang lang = Lang::both;
};

int run_path(const PathCommand& o) {
  const TemporalGraph g = load_graph({o.graph});
  const EntityId from = resolve(g, o.a);
  const EntityId to = resolve(g, o.b);
  query::PathOptions options;
  options.certain_only = o.certain_only;
  options.max_paths = o.max_paths;
  if (!o.at.empty()) options.at = parse_at(o.at);
  for (const std::string& r : o.rels) options.relations.push_back(*parse_relation_kind(r));
  const auto paths = query::shortest_paths(g, from, to, options);
  if (o.format == Format::json) {
    nlohmann::ordered_json j;
    j["paths"] = nlohmann::ordered_json::array();
    for (const query::Path& p : paths) {
      nlohmann::ordered_json steps = nlohmann::ordered_json::array();
      for (const query::PathStep& s : p) {
        nlohmann::ordered_json step = fact_json(g, s.relation, s.certainty);
        step["direction"] = s.forward ? "forward" : "backward";
        steps.push_back(std::move(step));
      }
      j["paths"].push_back(std::move(steps));
    }
    print_json(j);
    return 0;
  }
  if (paths.empty()) {
    fmt::print("no path between {} and {}{}\n", label(g, from, o.lang), label(g, to, o.lang),
               o.at.empty() ? std::string() : " at " + o.at);
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    EntityId at = from;
    for (const query::PathStep& s : paths[i]) {
      const Relation r = g.relation(s.relation);
      const EntityId next = s.forward ? r.to : r.from;
      std::string rel = std::string(to_string(r.kind));
      if (r.kind == RelationKind::holds) rel += fmt::format(" ({})", role_cell(r, o.lang));
      rows.push_back({std::to_string(i + 1), label(g, at, o.lang),
                      s.forward ? rel + " →" : "← " + rel, label(g, next, o.lang), r.start->text(),
                      r.end->text(),
                      certainty_cell(s.certainty.value_or(overall_certainty(g.span(s.relation)))),
                      sources_cell(g, r.sources)});
      at = next;
    }
  }
  print_rows(o.format, {"path", "from", "relation", "to", "start", "end", "certainty", "sources"},
             std::move(rows));
  return 0;
}

}  // namespace

void add_path_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<PathCommand>();
  CLI::App* cmd = app.add_subcommand("path", "How two entities are connected: shortest chains");
  cmd->add_option("GRAPH", o->graph, "a graph file or directory")->required();
  cmd->add_option("A", o->a, "an entity: id, name or alias")->required();
  cmd->add_option("B", o->b, "another entity")->required();
  add_at_option(cmd, o->at);
  std::vector<std::string> names;
  for (const RelationTraits& t : relation_table()) names.emplace_back(t.name);
  cmd->add_option("--rel", o->rels, "only these relation kinds")->check(CLI::IsMember(names));
  cmd->add_flag("--certain-only", o->certain_only, "only relations certain at --at");
  cmd->add_option("--max", o->max_paths, "at most this many paths")->default_val(10);
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  add_lang_option(cmd, o->lang);
  cmd->callback([o, &action] { action = [o] { return run_path(*o); }; });
}

}  // namespace orgraph::app
