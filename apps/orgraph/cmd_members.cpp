// orgraph members GRAPH ORG [--at DATE] [--transitive]: the members of a body at a date, or its
// whole membership history with joins and leaves.

#include <fmt/format.h>

#include <orgraph/query/members.hpp>

#include "commands.hpp"
#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct MembersCommand {
  std::string graph, org, at;
  bool transitive = false, certain_only = false;
  Format format = Format::table;
  Lang lang = Lang::both;
};

int run_members(const MembersCommand& o) {
  const TemporalGraph g = load_graph({o.graph});
  const EntityId body = resolve(g, o.org);
  query::MembersOptions options;
  options.transitive = o.transitive;
  options.certain_only = o.certain_only;
  if (!o.at.empty()) options.at = parse_at(o.at);
  const auto found = query::members(g, body, options);
  if (o.format == Format::json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const query::Membership& m : found) {
      nlohmann::ordered_json j;
      j["member"] = entity_json(g, m.member);
      merge_json(j, fact_fields(g, m.relation, m.certainty));
      if (o.transitive) {
        j["body"] = g.entity(m.body).key;
        j["depth"] = m.depth;
      }
      out.push_back(std::move(j));
    }
    print_json(out);
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const query::Membership& m : found) {
    const Relation r = g.relation(m.relation);
    std::vector<std::string> row{label(g, m.member, o.lang), std::string(to_string(r.kind))};
    if (o.transitive) row.push_back(label(g, m.body, o.lang));
    row.insert(row.end(),
               {r.start->text(), r.end->text(),
                certainty_cell(m.certainty.value_or(overall_certainty(g.span(m.relation)))),
                sources_cell(g, r.sources), std::string(r.note)});
    rows.push_back(std::move(row));
  }
  std::vector<std::string> header{"member", "relation"};
  if (o.transitive) header.push_back("of");
  header.insert(header.end(), {"joined", "left", "certainty", "sources", "note"});
  const std::string title =
      o.at.empty()
          ? fmt::format("membership history of {} ({}):", label(g, body, o.lang), rows.size())
          : fmt::format("members of {} at {} ({}):", label(g, body, o.lang), o.at, rows.size());
  print_rows(o.format, header, std::move(rows), title);
  return 0;
}

}  // namespace

void add_members_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<MembersCommand>();
  CLI::App* cmd =
      app.add_subcommand("members", "Members of a body at a date, or its whole membership history");
  cmd->add_option("GRAPH", o->graph, "a graph file or directory")->required();
  cmd->add_option("ORG", o->org, "the body: an id, a name or an alias")->required();
  add_at_option(cmd, o->at);
  cmd->add_flag("--transitive", o->transitive, "also members of member bodies, recursively");
  cmd->add_flag("--certain-only", o->certain_only, "leave out memberships only possible at --at");
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  add_lang_option(cmd, o->lang);
  cmd->callback([o, &action] { action = [o] { return run_members(*o); }; });
}

}  // namespace orgraph::app
