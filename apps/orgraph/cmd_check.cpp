// orgraph check GRAPH...: validate graph files and print every diagnostic.

#include <fmt/format.h>

#include <orgraph/load.hpp>

#include "commands.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct CheckOptions {
  std::vector<std::string> graphs;
  Format format = Format::table;
  bool strict = false;
};

nlohmann::ordered_json diagnostic_json(const Diagnostic& d) {
  nlohmann::ordered_json j;
  j["severity"] = to_string(d.severity);
  j["file"] = d.where.file;
  j["line"] = d.where.line;
  j["message"] = d.message;
  j["subject"] = d.subject;
  j["hint"] = d.hint;
  return j;
}

int run_check(const CheckOptions& o) {
  std::vector<std::filesystem::path> paths(o.graphs.begin(), o.graphs.end());
  std::vector<Diagnostic> diagnostics;
  std::optional<TemporalGraph> graph;
  try {
    LoadOptions options = load_options();
    options.on_warning = [&](const Diagnostic& d) { diagnostics.push_back(d); };
    graph.emplace(load(paths, options));
  } catch (const load_error& e) {
    diagnostics = e.diagnostics();
  }
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics) ++(d.severity == Severity::error ? errors : warnings);
  const bool ok = errors == 0 && !(o.strict && warnings > 0);
  if (o.format == Format::json) {
    nlohmann::ordered_json j;
    j["ok"] = ok;
    j["errors"] = errors;
    j["warnings"] = warnings;
    j["entities"] = graph ? graph->entity_count() : 0;
    j["relations"] = graph ? graph->relation_count() : 0;
    j["diagnostics"] = nlohmann::ordered_json::array();
    for (const Diagnostic& d : diagnostics) j["diagnostics"].push_back(diagnostic_json(d));
    print_json(j);
  } else {
    for (const Diagnostic& d : diagnostics) fmt::print(stderr, "{}\n", to_string(d));
    if (graph) {
      fmt::print("{}: {} entities, {} relations; {} errors, {} warnings\n",
                 fmt::join(o.graphs, " "), graph->entity_count(), graph->relation_count(), errors,
                 warnings);
    } else {
      fmt::print("{}: {} errors, {} warnings\n", fmt::join(o.graphs, " "), errors, warnings);
    }
  }
  return ok ? 0 : 1;
}

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Validate graph files; diagnostics print as FILE:LINE: error|warning: message");
  cmd->add_option("GRAPH", o->graphs, ".gv/.dot files or directories (loaded as one graph)")
      ->required();
  add_format_option(cmd, o->format, {Format::table, Format::json});
  cmd->add_flag("--strict", o->strict, "treat warnings as errors (exit 1)");
  cmd->callback([o, &action] { action = [o] { return run_check(*o); }; });
}

}  // namespace orgraph::app
