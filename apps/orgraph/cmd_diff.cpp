// orgraph diff GRAPH --from D1 --to D2: what began and what ended between two dates.

#include <fmt/format.h>

#include <orgraph/query/diff.hpp>

#include "commands.hpp"
#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct DiffCommand {
  std::string graph, from, to;
  Format format = Format::table;
  Lang lang = Lang::both;
};

std::string describe(const TemporalGraph& g, RelationId id, Lang lang) {
  const Relation r = g.relation(id);
  std::string rel(to_string(r.kind));
  if (r.kind == RelationKind::holds) rel += fmt::format(" ({})", role_cell(r, lang));
  return fmt::format("{} {} {}", label(g, r.from, lang), rel, label(g, r.to, lang));
}

int run_diff(const DiffCommand& o) {
  const DayRange from = parse_at(o.from), to = parse_at(o.to);
  if (from.earliest > to.latest) throw query_error("--from is later than --to");
  const TemporalGraph g = load_graph({o.graph});
  const auto changes = query::diff(g, from, to);
  if (o.format == Format::json) {
    nlohmann::ordered_json j;
    j["from"] = o.from;
    j["to"] = o.to;
    j["changes"] = nlohmann::ordered_json::array();
    for (const query::ChangeItem& c : changes) {
      nlohmann::ordered_json item;
      item["change"] = to_string(c.change);
      item["date"] = c.date->text();
      if (c.entity) {
        merge_json(item, entity_json(g, *c.entity));
        item["certainty"] = to_string(c.certainty);
        item["sources"] = nlohmann::ordered_json::array();
        for (EntityId s : g.entity(*c.entity).sources) item["sources"].push_back(g.entity(s).key);
      } else {
        merge_json(item, fact_json(g, *c.relation, c.certainty));
      }
      j["changes"].push_back(std::move(item));
    }
    print_json(j);
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const query::ChangeItem& c : changes) {
    const bool is_entity = c.entity.has_value();
    rows.push_back({c.date->text(), std::string(to_string(c.change)),
                    is_entity ? std::string(to_string(g.entity(*c.entity).kind))
                              : std::string(to_string(g.relation(*c.relation).kind)),
                    is_entity ? label(g, *c.entity, o.lang) : describe(g, *c.relation, o.lang),
                    certainty_cell(c.certainty),
                    sources_cell(g, is_entity ? g.entity(*c.entity).sources
                                              : g.relation(*c.relation).sources)});
  }
  print_rows(o.format, {"date", "change", "kind", "what", "certainty", "sources"}, std::move(rows),
             fmt::format("changes from {} to {} ({}):", o.from, o.to, changes.size()));
  return 0;
}

}  // namespace

void add_diff_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<DiffCommand>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "What began and what ended between two dates (e.g. --from 2013 --to 2013)");
  cmd->add_option("GRAPH", o->graph, "a graph file or directory")->required();
  cmd->add_option("--from", o->from, "the first date (EDTF; its first day counts)")->required();
  cmd->add_option("--to", o->to, "the last date (EDTF; its last day counts)")->required();
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  add_lang_option(cmd, o->lang);
  cmd->callback([o, &action] { action = [o] { return run_diff(*o); }; });
}

}  // namespace orgraph::app
