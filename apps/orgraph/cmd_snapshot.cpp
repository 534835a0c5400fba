// orgraph snapshot GRAPH --at DATE: every entity alive and every relation holding at DATE;
// with --from/--to/--every, a series of snapshots computed in one sweep.

#include <fmt/format.h>

#include <orgraph/query/snapshot.hpp>

#include "commands.hpp"
#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct SnapshotCommand {
  std::string graph, at, from, to, every;
  bool certain_only = false, connected = false;
  std::vector<std::string> kinds, rels, types;
  Format format = Format::table;
  Lang lang = Lang::both;
};

query::SnapshotOptions options_of(const SnapshotCommand& o) {
  query::SnapshotOptions q;
  q.certain_only = o.certain_only;
  for (const std::string& k : o.kinds) q.kinds.push_back(*parse_entity_kind(k));
  for (const std::string& r : o.rels) q.relations.push_back(*parse_relation_kind(r));
  q.types = o.types;
  q.connected_only = o.connected;
  return q;
}

std::string range_text(DayRange r) {
  return r.earliest == r.latest
             ? format_day(r.earliest)
             : fmt::format("{}/{}", format_day(r.earliest), format_day(r.latest));
}

nlohmann::ordered_json snapshot_json(const TemporalGraph& g, const std::string& at,
                                     const query::Snapshot& s) {
  nlohmann::ordered_json j;
  j["at"] = at;
  j["nodes"] = nlohmann::ordered_json::array();
  for (const query::EntityAt& e : s.entities) {
    nlohmann::ordered_json node = entity_json(g, e.entity);
    node["certainty"] = to_string(e.certainty);
    j["nodes"].push_back(std::move(node));
  }
  j["edges"] = nlohmann::ordered_json::array();
  for (const query::RelationAt& r : s.relations) {
    const Relation rel = g.relation(r.relation);
    nlohmann::ordered_json edge;
    edge["from"] = g.entity(rel.from).key;
    edge["to"] = g.entity(rel.to).key;
    merge_json(edge, fact_fields(g, r.relation, r.certainty));
    j["edges"].push_back(std::move(edge));
  }
  return j;
}

void print_snapshot_table(const TemporalGraph& g, const SnapshotCommand& o, const std::string& at,
                          const query::Snapshot& s) {
  std::vector<std::vector<std::string>> nodes;
  for (const query::EntityAt& e : s.entities) {
    const Entity entity = g.entity(e.entity);
    nodes.push_back({std::string(entity.key), std::string(to_string(entity.kind)),
                     std::string(entity.type), label(g, e.entity, o.lang),
                     certainty_cell(e.certainty)});
  }
  print_rows(o.format, {"id", "kind", "type", "name", "certainty"}, std::move(nodes),
             fmt::format("entities at {} ({}):", at, s.entities.size()));
  std::vector<std::vector<std::string>> edges;
  for (const query::RelationAt& r : s.relations) {
    const Relation rel = g.relation(r.relation);
    edges.push_back({std::string(to_string(rel.kind)), label(g, rel.from, o.lang),
                     label(g, rel.to, o.lang), role_cell(rel, o.lang), rel.start->text(),
                     rel.end->text(), certainty_cell(r.certainty), sources_cell(g, rel.sources)});
  }
  if (o.format == Format::table) fmt::print("\n");
  print_rows(o.format, {"relation", "from", "to", "role", "start", "end", "certainty", "sources"},
             std::move(edges), fmt::format("relations at {} ({}):", at, s.relations.size()));
}

int run_series(const TemporalGraph& g, const SnapshotCommand& o) {
  const DayRange from = parse_at(o.from), to = parse_at(o.to);
  if (from.earliest > to.latest) throw query_error("--from is later than --to");
  auto steps = query::periods(from.earliest, to.latest, o.every.empty() ? "1y" : o.every);
  nlohmann::ordered_json series = nlohmann::ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  query::snapshot_series(g, steps, options_of(o), [&](std::size_t, const query::Snapshot& s) {
    if (o.format == Format::json) {
      series.push_back(snapshot_json(g, range_text(s.at), s));
      return;
    }
    std::size_t certain_entities = 0, certain_relations = 0;
    for (const auto& e : s.entities) certain_entities += e.certainty == Certainty::certain;
    for (const auto& r : s.relations) certain_relations += r.certainty == Certainty::certain;
    rows.push_back({range_text(s.at), std::to_string(s.entities.size()),
                    std::to_string(certain_entities), std::to_string(s.relations.size()),
                    std::to_string(certain_relations)});
  });
  if (o.format == Format::json) {
    print_json(series);
  } else {
    print_rows(o.format, {"at", "entities", "certain", "relations", "certain"}, std::move(rows));
  }
  return 0;
}

int run_snapshot(const SnapshotCommand& o) {
  if (o.at.empty() == o.from.empty()) {
    throw query_error("give either --at DATE, or --from DATE --to DATE [--every PERIOD]");
  }
  if (o.from.empty() != o.to.empty()) throw query_error("--from and --to go together");
  const TemporalGraph g = load_graph({o.graph});
  if (!o.from.empty()) return run_series(g, o);
  const query::Snapshot s = query::snapshot(g, parse_at(o.at), options_of(o));
  if (o.format == Format::json) {
    print_json(snapshot_json(g, o.at, s));
  } else {
    print_snapshot_table(g, o, o.at, s);
  }
  return 0;
}

std::vector<std::string> names_of_relations() {
  std::vector<std::string> names;
  for (const RelationTraits& t : relation_table()) names.emplace_back(t.name);
  return names;
}

}  // namespace

void add_snapshot_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<SnapshotCommand>();
  CLI::App* cmd = app.add_subcommand(
      "snapshot", "Entities alive and relations holding at a date (certain or possible)");
  cmd->add_option("GRAPH", o->graph, "a graph file or directory")->required();
  add_at_option(cmd, o->at);
  cmd->add_option("--from", o->from, "first date of a series (with --to and --every)");
  cmd->add_option("--to", o->to, "last date of a series");
  cmd->add_option("--every", o->every, "series step: 1y, 6m, 2w, 10d (default 1y)");
  cmd->add_flag("--certain-only", o->certain_only, "leave out facts that are only possible");
  cmd->add_option("--kind", o->kinds, "keep only these entity kinds")
      ->check(CLI::IsMember({"org", "person", "event", "place"}));
  cmd->add_option("--rel", o->rels, "keep only these relation kinds")
      ->check(CLI::IsMember(names_of_relations()));
  cmd->add_option("--type", o->types, "keep only entities of these types");
  cmd->add_flag("--connected", o->connected, "keep only entities that a kept relation touches");
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  add_lang_option(cmd, o->lang);
  cmd->callback([o, &action] { action = [o] { return run_snapshot(*o); }; });
}

}  // namespace orgraph::app
