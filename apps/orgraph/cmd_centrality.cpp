// orgraph centrality GRAPH --at DATE | --from D1 --to D2 --every PERIOD: who mattered most at a
// date, and how that changed over time, on a named projection of the graph.

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <orgraph/analysis/centrality.hpp>
#include <orgraph/analysis/graphml.hpp>
#include <orgraph/analysis/projection.hpp>
#include <orgraph/analysis/series.hpp>
#include <orgraph/io/atomic_file.hpp>
#include <orgraph/names.hpp>

#include "centrality_output.hpp"
#include "centrality_plot.hpp"
#include "centrality_progress.hpp"
#include "commands.hpp"
#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct CentralityCommand {
  std::string graph, at, from, to, every = "1y";
  std::string measure = "betweenness";
  std::string projection = "affiliation";
  std::optional<std::size_t> top;
  unsigned threads = 0;
  std::size_t max_steps = 1000;
  Format format = Format::table;
  Lang lang = Lang::both;
  std::string plot, export_projection;
  bool certain_only = false, keep_isolated = false, weighted = false, ignore_weights = false;
  std::string normalization = "networkx", disconnected = "wf_improved";
  double damping = 0.85, tolerance = 1e-6, epsilon = 0.01, delta = 0.1;
  int max_iterations = 100;
  std::uint64_t seed = 1;
  std::vector<std::string> personalize;
};

analysis::ProjectOptions project_options(const CentralityCommand& o) {
  return {.certainties = o.certain_only ? analysis::Certainties::certain_only
                                        : analysis::Certainties::certain_and_possible,
          .isolated = o.keep_isolated ? analysis::Isolated::keep : analysis::Isolated::drop};
}

// ENTITY or ENTITY=WEIGHT.
std::pair<EntityId, double> personalization_entry(const TemporalGraph& g, const std::string& arg) {
  const auto eq = arg.rfind('=');
  if (eq != std::string::npos) {
    try {
      std::size_t used = 0;
      const double weight = std::stod(arg.substr(eq + 1), &used);
      if (used == arg.size() - eq - 1) return {resolve(g, arg.substr(0, eq)), weight};
    } catch (const std::exception&) {
      // Not a number: the '=' belongs to the name.
    }
  }
  return {resolve(g, arg), 1.0};
}

analysis::CentralityOptions centrality_options(const TemporalGraph& g, const CentralityCommand& o) {
  analysis::CentralityOptions c;
  c.normalization =
      o.normalization == "none" ? analysis::Normalization::none : analysis::Normalization::networkx;
  c.degree_weighting = o.weighted ? analysis::Weighting::weighted : analysis::Weighting::unweighted;
  c.spectral_weighting =
      o.ignore_weights ? analysis::Weighting::unweighted : analysis::Weighting::weighted;
  c.disconnected = o.disconnected == "reachable_only" ? analysis::Disconnected::reachable_only
                                                      : analysis::Disconnected::wf_improved;
  c.threads = o.threads;
  c.damping = o.damping;
  c.max_iterations = o.max_iterations;
  c.tolerance = o.tolerance;
  for (const std::string& p : o.personalize)
    c.personalization.push_back(personalization_entry(g, p));
  analysis::check_personalization(g, c.personalization);
  c.epsilon = o.epsilon;
  c.delta = o.delta;
  c.seed = o.seed;
  return c;
}

std::string kinds_text(const analysis::ProjectionSpec& spec) {
  std::string out;
  for (RelationKind k : spec.relations) out += fmt::format("{}{}", out.empty() ? "" : ", ", k);
  return out;
}

int run_at(const TemporalGraph& g, const CentralityCommand& o, const analysis::ProjectionSpec& spec,
           analysis::Measure measure) {
  const DayRange at = parse_at(o.at);
  check_not_before_history(g, spec, at, o.at);
  const analysis::Projection p = analysis::project(g, at, spec, project_options(o));
  if (!o.export_projection.empty()) {
    io::write_file_atomically(o.export_projection,
                              [&p](std::ostream& out) { analysis::write_graphml(p, out); });
  }
  if (p.vertex_count() == 0) throw analysis::empty_projection_error(spec, o.at);
  analysis::CentralityOptions options = centrality_options(g, o);
  ProgressBar bar(fmt::format("{} on {} vertices", measure, p.vertex_count()));
  options.progress = [&bar](std::size_t done, std::size_t total) { bar(done, total); };
  const analysis::Scores scores = analysis::centrality(p, measure, options);
  bar.clear();
  print_centrality(p, scores, {.format = o.format, .lang = o.lang, .top = o.top, .at = o.at});
  return 0;
}

void write_plot(const TemporalGraph& g, const CentralityCommand& o,
                const analysis::CentralitySeries& series) {
  Plot plot;
  plot.title = fmt::format("{} over time", series.measure);
  plot.subtitle = fmt::format("projection {}, every {} from {} to {}; top {} by peak score",
                              o.projection, o.every, o.from, o.to, o.top.value_or(10));
  plot.y_label = fmt::format("{} ({})", series.measure,
                             o.normalization == "none" ? "raw" : "normalised as networkx");
  for (const auto& step : series.steps) plot.steps.push_back(step.at);
  for (EntityId id : series_entities(series, o.top.value_or(10))) {
    const Entity e = g.entity(id);
    PlotLine line{std::string(e.name.empty() ? e.key : e.name), std::string(e.name_en), {}};
    for (const auto& step : series.steps) {
      auto it = std::lower_bound(step.entities.begin(), step.entities.end(), id);
      line.values.push_back(it != step.entities.end() && *it == id
                                ? std::optional<double>(step.scores[it - step.entities.begin()])
                                : std::nullopt);
    }
    plot.lines.push_back(std::move(line));
  }
  io::write_file_atomically(o.plot, [&plot](std::ostream& out) { write_plot_svg(plot, out); });
}

int run_series(const TemporalGraph& g, const CentralityCommand& o,
               const analysis::ProjectionSpec& spec, analysis::Measure measure) {
  const DayRange from = parse_at(o.from), to = parse_at(o.to);
  if (from.earliest > to.latest) throw query_error("--from is later than --to");
  check_not_before_history(g, spec, {from.earliest, to.latest}, o.to);
  std::vector<DayRange> steps;
  try {
    steps = query::periods(from.earliest, to.latest, o.every, o.max_steps);
  } catch (const query::too_many_steps_error& e) {
    throw query_error(fmt::format(
        "--every {} from {} to {} gives {} steps, more than --max-steps {}; take a longer "
        "period or raise --max-steps",
        o.every, o.from, o.to, e.steps(), o.max_steps));
  }
  analysis::CentralityOptions options = centrality_options(g, o);
  ProgressBar bar(fmt::format("{} over {} steps", measure, steps.size()));
  const analysis::CentralitySeries series = analysis::centrality_series(
      g, steps, spec, measure, project_options(o), options,
      [&bar](std::size_t done, std::size_t total) { bar(done, total); });
  bar.clear();
  const bool all_empty = std::all_of(series.steps.begin(), series.steps.end(),
                                     [](const auto& s) { return s.vertices == 0; });
  if (all_empty) {
    throw analysis::empty_projection_error(fmt::format(
        "projection '{}' is empty at every step from {} to {}: it has no edge then (its edges "
        "come from {})",
        spec.name, o.from, o.to, kinds_text(spec)));
  }
  if (!o.plot.empty()) write_plot(g, o, series);
  print_series(g, series,
               {.format = o.format,
                .lang = o.lang,
                .top = o.top,
                .from = o.from,
                .to = o.to,
                .every = o.every,
                .projection = std::string(spec.name)});
  return 0;
}

// Refuses a `what` (projection, measure) not among `names`, suggesting the closest name, or else
// one that contains the name given ("coalitions": shared_coalitions), and listing them all.
void check_name(std::string_view what, const std::string& name,
                const std::vector<std::string>& names) {
  if (std::find(names.begin(), names.end(), name) != names.end()) return;
  const std::vector<std::string_view> views(names.begin(), names.end());
  std::string_view guess = names::closest(name, views);
  if (guess.empty() && !name.empty()) {
    auto it = std::find_if(views.begin(), views.end(),
                           [&](std::string_view n) { return n.find(name) != n.npos; });
    if (it != views.end()) guess = *it;
  }
  std::string all;
  for (std::string_view n : views) all += fmt::format("{}{}", all.empty() ? "" : ", ", n);
  throw query_error(fmt::format(
      "unknown {} '{}'{} ({}s: {})", what, name,
      guess.empty() ? std::string() : fmt::format("; did you mean '{}'?", guess), what, all));
}

std::vector<std::string> names_of_measures() {
  std::vector<std::string> names;
  for (analysis::Measure m : analysis::measures()) names.emplace_back(to_string(m));
  return names;
}

std::vector<std::string> names_of_projections() {
  std::vector<std::string> names;
  for (const analysis::ProjectionSpec& p : analysis::projections()) names.emplace_back(p.name);
  return names;
}

int run_centrality(const CentralityCommand& o) {
  check_name("projection", o.projection, names_of_projections());
  check_name("measure", o.measure, names_of_measures());
  if (o.at.empty() == o.from.empty()) {
    throw query_error("give either --at DATE, or --from DATE --to DATE [--every PERIOD]");
  }
  if (o.from.empty() != o.to.empty()) throw query_error("--from and --to go together");
  if (!o.plot.empty() && !o.at.empty())
    throw query_error("--plot draws a series: give --from/--to");
  if (!o.export_projection.empty() && o.at.empty()) {
    throw query_error("--export-projection writes the projection at one date: give --at");
  }
  const analysis::ProjectionSpec& spec = analysis::projection_by_name(o.projection);
  const analysis::Measure measure = analysis::measure_by_name(o.measure);
  analysis::check_normalization(measure, o.normalization == "none"
                                             ? analysis::Normalization::none
                                             : analysis::Normalization::networkx);
  if (!(o.epsilon > 0 && o.epsilon < 1 && o.delta > 0 && o.delta < 1)) {
    throw query_error("--epsilon and --delta must lie strictly between 0 and 1");
  }
  if (!o.personalize.empty() && measure != analysis::Measure::pagerank) {
    throw query_error(fmt::format(
        "--personalize applies to PageRank only, not to {}; add --measure pagerank", measure));
  }
  const TemporalGraph g = load_graph({o.graph});
  return o.at.empty() ? run_series(g, o, spec, measure) : run_at(g, o, spec, measure);
}

}  // namespace

void add_centrality_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<CentralityCommand>();
  CLI::App* cmd = app.add_subcommand(
      "centrality", "Centrality of entities at a date or over time, on a named projection");
  cmd->add_option("GRAPH", o->graph, "a graph file or directory")->required();
  add_at_option(cmd, o->at);
  cmd->add_option("--from", o->from, "first date of a series (with --to and --every)");
  cmd->add_option("--to", o->to, "last date of a series");
  cmd->add_option("--every", o->every, "series step: 1y, 6m, 1m, 2w, 10d")->capture_default_str();
  cmd->add_option("--max-steps", o->max_steps, "refuse series with more steps than this")
      ->capture_default_str();
  std::string measure_help = "the measure:";
  for (const std::string& m : names_of_measures()) {
    measure_help += fmt::format("{} {}", measure_help.back() == ':' ? "" : ",", m);
  }
  cmd->add_option("--measure", o->measure, measure_help)->capture_default_str();
  std::string projection_help = "the projection:";
  for (const analysis::ProjectionSpec& p : analysis::projections()) {
    projection_help += fmt::format("\n  {}: {}", p.name, p.description);
  }
  cmd->add_option("--projection", o->projection, projection_help)->capture_default_str();
  cmd->add_option("--top", o->top,
                  "show the N best (table default 20, series 10; JSON and CSV: all)");
  cmd->add_option("--threads", o->threads, "threads for betweenness and closeness (0: all cores)")
      ->capture_default_str();
  cmd->add_flag("--certain-only", o->certain_only, "leave out facts that are only possible");
  cmd->add_flag("--keep-isolated", o->keep_isolated,
                "keep vertices no edge touches (they count in normalisations)");
  cmd->add_flag("--weighted", o->weighted, "degree: sum edge weights instead of counting edges");
  cmd->add_flag("--ignore-weights", o->ignore_weights, "eigenvector and PageRank: weights as 1");
  cmd->add_option("--normalization", o->normalization, "networkx (as networkx scales) or none")
      ->check(CLI::IsMember({"networkx", "none"}))
      ->capture_default_str();
  cmd->add_option("--disconnected", o->disconnected,
                  "closeness on disconnected graphs: wf_improved (networkx) or reachable_only")
      ->check(CLI::IsMember({"wf_improved", "reachable_only"}))
      ->capture_default_str();
  cmd->add_option("--damping", o->damping, "PageRank damping factor")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--personalize", o->personalize,
                  "PageRank teleports to these entities (ENTITY or ENTITY=WEIGHT)");
  cmd->add_option("--max-iterations", o->max_iterations, "eigenvector and PageRank iterations")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--tolerance", o->tolerance, "eigenvector and PageRank: stop below n·tolerance")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--epsilon", o->epsilon, "approx_betweenness: additive error")
      ->capture_default_str();
  cmd->add_option("--delta", o->delta, "approx_betweenness: failure probability")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "approx_betweenness: random seed")->capture_default_str();
  cmd->add_option("--plot", o->plot, "series: write an SVG line chart of the top entities");
  cmd->add_option("--export-projection", o->export_projection,
                  "write the projection at --at as GraphML (exactly the graph measured)");
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  add_lang_option(cmd, o->lang);
  cmd->callback([o, &action] { action = [o] { return run_centrality(*o); }; });
}

}  // namespace orgraph::app
