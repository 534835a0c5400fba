// orgraph history GRAPH ENTITY: one entity's whole timeline.

#include <fmt/format.h>

#include <orgraph/query/history.hpp>

#include "commands.hpp"
#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct HistoryCommand {
  std::string graph, entity;
  Format format = Format::table;
  Lang lang = Lang::both;
};

nlohmann::ordered_json about(const TemporalGraph& g, EntityId id) {
  const Entity e = g.entity(id);
  nlohmann::ordered_json j = entity_json(g, id);
  j["aliases"] = nlohmann::ordered_json::array();
  for (std::string_view a : e.aliases) j["aliases"].push_back(a);
  for (const Attribute& a : e.attributes) j[std::string(a.key)] = a.value;
  j["start"] = date_json(e.date->empty() ? *e.start : *e.date);
  j["end"] = date_json(*e.end);
  j["sources"] = nlohmann::ordered_json::array();
  for (EntityId s : e.sources) j["sources"].push_back(g.entity(s).key);
  if (!e.note.empty()) j["note"] = e.note;
  return j;
}

int run_history(const HistoryCommand& o) {
  const TemporalGraph g = load_graph({o.graph});
  const EntityId id = resolve(g, o.entity);
  const Entity e = g.entity(id);
  const auto events = query::history(g, id);
  if (o.format == Format::json) {
    nlohmann::ordered_json j;
    j["entity"] = about(g, id);
    j["events"] = nlohmann::ordered_json::array();
    for (const query::HistoryEvent& h : events) {
      nlohmann::ordered_json item;
      item["date"] = date_json(*h.date);
      if (h.relation) {
        merge_json(item, fact_json(g, *h.relation, std::nullopt));
      } else {
        item["event"] = h.what == query::HistoryEvent::What::started ? "started" : "ended";
      }
      j["events"].push_back(std::move(item));
    }
    print_json(j);
    return 0;
  }
  if (o.format == Format::table) {
    fmt::print("{} [{}{}{}]\n", label(g, id, o.lang), e.kind, e.type.empty() ? "" : ", ", e.type);
    for (std::string_view a : e.aliases) fmt::print("  also: {}\n", a);
    for (const Attribute& a : e.attributes) fmt::print("  {}: {}\n", a.key, a.value);
    if (!e.note.empty()) fmt::print("  note: {}\n", e.note);
    fmt::print("  sources: {}\n\n", sources_cell(g, e.sources));
  }
  std::vector<std::vector<std::string>> rows;
  for (const query::HistoryEvent& h : events) {
    if (!h.relation) {
      rows.push_back({h.date->text(),
                      h.what == query::HistoryEvent::What::started ? "started" : "ended", "", "",
                      "", sources_cell(g, e.sources)});
      continue;
    }
    const Relation r = g.relation(*h.relation);
    const bool outgoing = r.from == id;
    std::string rel(to_string(r.kind));
    if (r.kind == RelationKind::holds) rel += fmt::format(" ({})", role_cell(r, o.lang));
    rows.push_back(
        {h.date->text(), outgoing ? rel + " →" : "← " + rel,
         label(g, outgoing ? r.to : r.from, o.lang), r.is_point ? std::string() : r.end->text(),
         certainty_cell(overall_certainty(g.span(*h.relation))), sources_cell(g, r.sources)});
  }
  print_rows(o.format, {"date", "event", "with", "until", "certainty", "sources"}, std::move(rows));
  return 0;
}

}  // namespace

void add_history_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<HistoryCommand>();
  CLI::App* cmd = app.add_subcommand(
      "history", "One entity's whole timeline: names, lifespan, memberships, roles, lineage");
  cmd->add_option("GRAPH", o->graph, "a graph file or directory")->required();
  cmd->add_option("ENTITY", o->entity, "an id, a name or an alias")->required();
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  add_lang_option(cmd, o->lang);
  cmd->callback([o, &action] { action = [o] { return run_history(*o); }; });
}

}  // namespace orgraph::app
