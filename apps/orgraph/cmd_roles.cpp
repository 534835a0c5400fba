// orgraph roles GRAPH [--org O] [--person P] [--role R] [--at DATE]: who held which office when.

#include <fmt/format.h>

#include <orgraph/names.hpp>
#include <orgraph/query/roles.hpp>

#include "commands.hpp"
#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct RolesCommand {
  std::string graph, org, person, role, at;
  bool certain_only = false;
  Format format = Format::table;
  Lang lang = Lang::both;
};

int run_roles(const RolesCommand& o) {
  const TemporalGraph g = load_graph({o.graph});
  query::RolesOptions options;
  options.role = o.role;
  options.certain_only = o.certain_only;
  if (!o.org.empty()) options.org = resolve(g, o.org);
  if (!o.person.empty()) options.person = resolve(g, o.person);
  if (!o.at.empty()) options.at = parse_at(o.at);
  if (!o.role.empty()) {
    // A role no office has is a usage error with suggestions, not an empty answer.
    const std::string wanted = names::fold(o.role);
    std::vector<std::string> titles = query::role_titles(g);
    bool known = false;
    std::vector<std::string> folded;
    for (const std::string& t : titles) {
      folded.push_back(names::fold(t));
      known = known || folded.back() == wanted;
    }
    if (!known) {
      std::vector<std::string_view> views(folded.begin(), folded.end());
      std::string_view guess = names::closest(wanted, views);
      throw query_error(
          fmt::format("no office has the role '{}'{}", o.role,
                      guess.empty() ? std::string() : fmt::format("; did you mean '{}'?", guess)));
    }
  }
  const auto found = query::roles(g, options);
  if (o.format == Format::json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const query::RoleHolding& h : found) {
      nlohmann::ordered_json j;
      j["person"] = entity_json(g, h.person);
      j["org"] = entity_json(g, h.org);
      merge_json(j, fact_fields(g, h.relation, h.certainty));
      out.push_back(std::move(j));
    }
    print_json(out);
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const query::RoleHolding& h : found) {
    const Relation r = g.relation(h.relation);
    rows.push_back({label(g, h.org, o.lang), role_cell(r, o.lang), label(g, h.person, o.lang),
                    r.start->text(), r.end->text(),
                    certainty_cell(h.certainty.value_or(overall_certainty(g.span(h.relation)))),
                    sources_cell(g, r.sources)});
  }
  print_rows(o.format, {"org", "role", "holder", "from", "to", "certainty", "sources"},
             std::move(rows));
  return 0;
}

}  // namespace

void add_roles_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<RolesCommand>();
  CLI::App* cmd = app.add_subcommand(
      "roles", "Who held which office when: an org's office-holders, a person's career");
  cmd->add_option("GRAPH", o->graph, "a graph file or directory")->required();
  cmd->add_option("--org", o->org, "offices of this org (id, name or alias)");
  cmd->add_option("--person", o->person, "offices held by this person");
  cmd->add_option("--role", o->role, "this role only (Arabic or English title, folded)");
  add_at_option(cmd, o->at);
  cmd->add_flag("--certain-only", o->certain_only, "leave out offices only possibly held at --at");
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  add_lang_option(cmd, o->lang);
  cmd->callback([o, &action] { action = [o] { return run_roles(*o); }; });
}

}  // namespace orgraph::app
