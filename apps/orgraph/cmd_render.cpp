// orgraph render GRAPH --view lineage|snapshot|ego|roles [--focus E] [--up|--down|--both]
// [--at DATE] [--depth N] [--people] [--lang ar|en|both] [--rankdir LR|TB|RL|BT] [--rel …]
// [--type …] [--certain-only] [--format F] -o FILE: diagrams through Graphviz, in process.

#include <fmt/format.h>

#include <orgraph/render/ego_view.hpp>
#include <orgraph/render/lineage_view.hpp>
#include <orgraph/render/render.hpp>
#include <orgraph/render/roles_view.hpp>
#include <orgraph/render/snapshot_view.hpp>

#include "commands.hpp"
#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct RenderCommand {
  std::string graph, view, focus, at, rankdir = "LR", resolution = "auto", format, output;
  bool up = false, down = false, both = false, people = false, certain_only = false,
       connected = false;
  int depth = -1;
  std::vector<std::string> rels, types;
  Lang lang = Lang::both;
};

// Loads the graph, printing the warnings about attributes orgraph ignores (Graphviz styling in
// the input never reaches the drawing; the user should know it was dropped).
TemporalGraph load_with_warnings(const std::string& path) {
  LoadOptions options = load_options();
  std::size_t shown = 0, hidden = 0;
  options.on_warning = [&](const Diagnostic& d) {
    if (d.message.find("attribute") == std::string::npos ||
        d.message.find("ignored") == std::string::npos) {
      return;
    }
    if (shown < 10) {
      fmt::print(stderr, "{}\n", to_string(d));
      ++shown;
    } else {
      ++hidden;
    }
  };
  std::vector<std::filesystem::path> files{path};
  TemporalGraph g = load(files, options);
  if (hidden > 0) fmt::print(stderr, "orgraph: warning: {} more ignored attributes\n", hidden);
  return g;
}

render::ViewOptions view_options(const RenderCommand& o) {
  render::ViewOptions v;
  v.lang = o.lang == Lang::ar ? render::Lang::ar
                              : (o.lang == Lang::en ? render::Lang::en : render::Lang::both);
  v.rankdir = *render::parse_rankdir(o.rankdir);
  for (const std::string& r : o.rels) v.relations.push_back(*parse_relation_kind(r));
  v.types = o.types;
  v.certainty =
      o.certain_only ? render::CertaintyFilter::certain_only : render::CertaintyFilter::all;
  return v;
}

std::optional<Date> at_of(const RenderCommand& o) {
  if (o.at.empty()) return std::nullopt;
  parse_at(o.at);  // a usage error (date_error) when it is not EDTF
  return Date::parse(o.at);
}

EntityId need_focus(const TemporalGraph& g, const RenderCommand& o) {
  if (o.focus.empty()) throw query_error(fmt::format("--view {} needs --focus ENTITY", o.view));
  return resolve(g, o.focus);
}

render::RenderGraph build_view(const TemporalGraph& g, const RenderCommand& o) {
  if (o.view == "lineage") {
    render::LineageViewOptions l;
    l.view = view_options(o);
    if (!o.focus.empty()) l.focus = resolve(g, o.focus);
    l.direction =
        o.up ? query::Direction::up : (o.down ? query::Direction::down : query::Direction::both);
    if (o.depth >= 0) l.depth = o.depth;
    l.resolution = o.resolution == "year"    ? render::TimeResolution::year
                   : o.resolution == "month" ? render::TimeResolution::month
                                             : render::TimeResolution::automatic;
    return render::lineage_view(g, l);
  }
  if (o.view == "snapshot") {
    if (o.at.empty()) throw query_error("--view snapshot needs --at DATE");
    render::SnapshotViewOptions s;
    s.view = view_options(o);
    s.at = *at_of(o);
    s.people = o.people ? render::People::shown : render::People::hidden;
    s.connectivity = o.connected ? render::Connectivity::connected_only : render::Connectivity::all;
    return render::snapshot_view(g, s);
  }
  if (o.view == "ego") {
    render::EgoViewOptions e;
    e.view = view_options(o);
    e.center = need_focus(g, o);
    e.depth = o.depth < 0 ? 1 : o.depth;
    e.at = at_of(o);
    return render::ego_view(g, e);
  }
  render::RolesViewOptions r;
  r.view = view_options(o);
  r.subject = need_focus(g, o);
  r.at = at_of(o);
  return render::roles_view(g, r);
}

int run_render(const RenderCommand& o) {
  if (o.up + o.down + o.both > 1) throw query_error("give one of --up, --down, --both");
  if ((o.up || o.down) && o.view != "lineage") {
    throw query_error("--up and --down apply to --view lineage");
  }
  std::optional<render::Format> format =
      o.format.empty() ? render::format_for_path(o.output) : render::parse_format(o.format);
  if (!format) {
    throw query_error(
        fmt::format("cannot tell the format of '{}': name it .svg, .png, .pdf, "
                    ".dot or .gv, or give --format",
                    o.output));
  }
  const TemporalGraph g = load_with_warnings(o.graph);
  render::render(build_view(g, o), o.output, *format);
  return 0;
}

std::vector<std::string> relation_names() {
  std::vector<std::string> names;
  for (const RelationTraits& t : relation_table()) names.emplace_back(t.name);
  return names;
}

}  // namespace

void add_render_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<RenderCommand>();
  CLI::App* cmd = app.add_subcommand(
      "render", "Draw a diagram (lineage, snapshot, ego network, office table) through Graphviz");
  cmd->add_option("GRAPH", o->graph, "a graph file or directory")->required();
  cmd->add_option("--view", o->view, "lineage, snapshot, ego or roles")
      ->required()
      ->check(CLI::IsMember({"lineage", "snapshot", "ego", "roles"}));
  cmd->add_option("--focus", o->focus,
                  "the entity: lineage of this org, ego center, roles of this org or person");
  cmd->add_flag("--up", o->up, "lineage: ancestors only");
  cmd->add_flag("--down", o->down, "lineage: descendants only");
  cmd->add_flag("--both", o->both, "lineage: both (the default)");
  add_at_option(cmd, o->at);
  cmd->add_option("--depth", o->depth, "lineage: at most N steps; ego: N steps (default 1)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--people", o->people, "snapshot: draw persons and the offices they hold");
  cmd->add_flag("--connected", o->connected,
                "snapshot: leave out entities that no drawn relation or membership touches");
  add_lang_option(cmd, o->lang);
  cmd->add_option("--rankdir", o->rankdir, "LR (default: earlier left), TB, RL or BT")
      ->check(CLI::IsMember({"LR", "TB", "RL", "BT", "lr", "tb", "rl", "bt"}));
  cmd->add_option("--resolution", o->resolution, "lineage time axis: auto, year or month")
      ->check(CLI::IsMember({"auto", "year", "month"}));
  cmd->add_option("--rel", o->rels, "draw only these relation kinds")
      ->check(CLI::IsMember(relation_names()));
  cmd->add_option("--type", o->types, "keep only orgs of these types");
  cmd->add_flag("--certain-only", o->certain_only, "leave out facts that are only possible");
  cmd->add_option("--format", o->format,
                  "svg, png, pdf, dot (laid out) or canon (DOT before layout); default: from "
                  "the extension of -o")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot", "gv", "canon"}));
  cmd->add_option("-o,--output", o->output, "the file to write (FILE.svg|png|pdf|dot|gv)")
      ->required();
  cmd->callback([o, &action] { action = [o] { return run_render(*o); }; });
}

}  // namespace orgraph::app
