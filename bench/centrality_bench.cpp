// Centrality benchmark (see README.md, "Centrality against igraph and networkx").
//
//   centrality_bench exact EDGES [--threads N]           exact betweenness on an edge list
//   centrality_bench approx EDGES [--epsilon E] [--top K] [--threads N]
//   centrality_bench series HISTORY.jsonl FROM TO [PERIOD] [--threads N]
//
// EDGES holds "u v" lines (0-based vertex numbers, undirected, no duplicates); the first line is
// "n m". The edge-list modes build a graph of n undated orgs (so the projection can name them),
// materialise the projection and run the measure; they print key=value lines: the phases'
// seconds, a checksum of the scores (their sum, raw pair dependencies for exact betweenness, the
// scale igraph reports) and, for approx, the bound and the top K. The series mode loads a
// history and times one snapshot against a one-sweep monthly projection series, and a degree
// series on top.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <orgraph/analysis/centrality.hpp>
#include <orgraph/analysis/projection.hpp>
#include <orgraph/analysis/series.hpp>
#include <orgraph/graph_builder.hpp>
#include <orgraph/load.hpp>
#include <orgraph/query/snapshot.hpp>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

[[noreturn]] void usage() {
  std::fputs(
      "usage: centrality_bench exact|approx EDGES [--threads N] [--epsilon E] [--top K]\n"
      "       centrality_bench series HISTORY FROM TO [PERIOD] [--threads N]\n",
      stderr);
  std::exit(2);
}

struct Args {
  std::string mode;
  std::vector<std::string> positional;
  unsigned threads = 0;
  double epsilon = 0.01;
  std::size_t top = 100;
};

Args parse(int argc, char** argv) {
  Args a;
  if (argc < 3) usage();
  a.mode = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 < argc && arg == "--threads") {
      a.threads = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (i + 1 < argc && arg == "--epsilon") {
      a.epsilon = std::stod(argv[++i]);
    } else if (i + 1 < argc && arg == "--top") {
      a.top = std::stoul(argv[++i]);
    } else {
      a.positional.emplace_back(arg);
    }
  }
  return a;
}

int run_edges(const Args& args) {
  const auto start = Clock::now();
  std::ifstream in(args.positional.at(0));
  std::size_t n = 0, m = 0;
  if (!(in >> n >> m)) usage();
  std::vector<orgraph::analysis::ProjectedEdge> edges(m);
  for (auto& e : edges) {
    in >> e.source >> e.target;
    if (e.source > e.target) std::swap(e.source, e.target);
  }
  if (!in) usage();
  const double read = seconds_since(start);

  // A temporal graph of n undated orgs, so that the projection's vertices are entities.
  auto phase = Clock::now();
  orgraph::GraphBuilder builder;
  const auto file = builder.add_file(args.positional[0]);
  const std::vector<orgraph::Attribute> source{{"kind", "source"}, {"title", "bench"}};
  builder.add_entity("s", source, {file, 1});
  std::vector<std::string> keys(n);
  for (std::size_t v = 0; v < n; ++v) {
    keys[v] = fmt::format("v{}", v);
    const std::vector<orgraph::Attribute> attrs{{"kind", "org"}, {"name", keys[v]}, {"src", "s"}};
    builder.add_entity(keys[v], attrs, {file, 2});
  }
  const orgraph::TemporalGraph graph = builder.build();
  std::vector<orgraph::EntityId> entities(n);
  for (std::size_t v = 0; v < n; ++v) entities[v] = *graph.find_key(keys[v]);
  // Vertices must be ascending entity ids; renumber the edges to match.
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return entities[a] < entities[b]; });
  std::vector<std::uint32_t> position(n);
  for (std::uint32_t i = 0; i < n; ++i) position[order[i]] = i;
  std::vector<orgraph::EntityId> sorted(n);
  for (std::uint32_t i = 0; i < n; ++i) sorted[i] = entities[order[i]];
  for (auto& e : edges) {
    e.source = position[e.source];
    e.target = position[e.target];
    if (e.source > e.target) std::swap(e.source, e.target);
  }
  const double build = seconds_since(phase);

  phase = Clock::now();
  static const orgraph::analysis::ProjectionSpec spec{
      "edges", "an edge list", {}, {orgraph::EntityKind::org}};
  const orgraph::analysis::Projection p = orgraph::analysis::make_projection(
      graph, spec, orgraph::DayRange{}, std::move(sorted), std::move(edges));
  const double project = seconds_since(phase);

  phase = Clock::now();
  std::vector<double> scores;
  std::optional<orgraph::analysis::ApproxBetweenness> approx;
  if (args.mode == "exact") {
    scores = orgraph::analysis::betweenness(
        p, {.normalization = orgraph::analysis::Normalization::none, .threads = args.threads});
  } else {
    approx = orgraph::analysis::approx_betweenness(
        p, {.epsilon = args.epsilon, .delta = 0.1, .threads = args.threads});
    scores = approx->scores;
  }
  const double measure = seconds_since(phase);
  fmt::print("vertices={} edges={} threads={}\n", p.vertex_count(), p.edge_count(), args.threads);
  fmt::print(
      "read_seconds={:.3f} build_seconds={:.3f} project_seconds={:.3f} {}_seconds={:.3f} "
      "total_seconds={:.3f}\n",
      read, build, project, args.mode, measure, seconds_since(start));
  fmt::print("checksum={:.10g}\n", std::accumulate(scores.begin(), scores.end(), 0.0));
  if (approx) {
    fmt::print("samples={} bound={} vertex_diameter={} epsilon={} delta={} error={:.6g}\n",
               approx->samples, approx->bound, approx->vertex_diameter, approx->epsilon,
               approx->delta, approx->error);
    const auto ranks = orgraph::analysis::ranks(scores);
    std::vector<std::uint32_t> top(scores.size());
    std::iota(top.begin(), top.end(), 0u);
    std::sort(top.begin(), top.end(), [&](auto a, auto b) { return ranks[a] < ranks[b]; });
    top.resize(std::min(args.top, top.size()));
    std::string list;
    for (std::uint32_t v : top) {
      list += fmt::format("{}{}:{:.5f}", list.empty() ? "" : " ",
                          graph.entity(p.entity(v)).key.substr(1), scores[v]);
    }
    fmt::print("top={}\n", list);
  }
  return 0;
}

// The best of `runs` timings of f().
template <typename F>
double best_of(int runs, F&& f) {
  double best = 1e9;
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    f();
    best = std::min(best, seconds_since(start));
  }
  return best;
}

int run_series(const Args& args) {
  if (args.positional.size() < 3) usage();
  auto phase = Clock::now();
  const orgraph::TemporalGraph g = orgraph::load(args.positional[0]);
  const double load = seconds_since(phase);
  const orgraph::Day from = *orgraph::parse_day(args.positional[1]);
  const orgraph::Day to = *orgraph::parse_day(args.positional[2]);
  const auto steps = orgraph::query::periods(
      from, to, args.positional.size() > 3 ? args.positional[3] : std::string("1m"));
  const auto middle = steps[steps.size() / 2];
  const auto& spec = orgraph::analysis::projection_by_name("affiliation");
  const auto options = orgraph::analysis::snapshot_options(spec, {});
  using orgraph::analysis::Measure;

  // One step alone (the middle one), each the best of 5: the snapshot, the projection, and the
  // degree centrality with its ranks as `orgraph centrality --at` computes it.
  std::size_t one_size = 0, one_vertices = 0, one_edges = 0;
  const double one =
      best_of(5, [&] { one_size = orgraph::query::snapshot(g, middle, options).relations.size(); });
  const double one_projection = best_of(5, [&] {
    const auto p = orgraph::analysis::project(g, middle, spec);
    one_vertices = p.vertex_count();
    one_edges = p.edge_count();
  });
  const double one_degree = best_of(5, [&] {
    const auto p = orgraph::analysis::project(g, middle, spec);
    const auto scores = orgraph::analysis::centrality(p, Measure::degree).values;
    if (orgraph::analysis::ranks(scores).size() != p.vertex_count()) std::abort();
  });
  // The whole series, each the best of 3: full snapshots in one sweep, the changes between
  // steps, the projections kept from the changes, and the degree series.
  std::size_t relations = 0, changes = 0, edges = 0, scores = 0;
  const double snapshots = best_of(3, [&] {
    relations = 0;
    orgraph::query::snapshot_series(
        g, steps, options, [&](std::size_t, const auto& s) { relations += s.relations.size(); });
  });
  const double change_series = best_of(3, [&] {
    changes = 0;
    orgraph::query::snapshot_changes(g, steps, options, [&](std::size_t, const auto& c) {
      changes += c.relations_added.size() + c.relations_changed.size() + c.relations_removed.size();
    });
  });
  const double projections = best_of(3, [&] {
    edges = 0;
    orgraph::analysis::project_series(g, steps, spec, {},
                                      [&](std::size_t, const auto& p) { edges += p.edge_count(); });
  });
  const double degree = best_of(3, [&] {
    const auto series = orgraph::analysis::centrality_series(g, steps, spec, Measure::degree, {},
                                                             {.threads = args.threads});
    scores = 0;
    for (const auto& step : series.steps) scores += step.scores.size();
  });
  fmt::print("relations={} steps={} load_seconds={:.3f}\n", g.relation_count(), steps.size(), load);
  fmt::print(
      "one_snapshot_seconds={:.5f} (relations {}) one_projection_seconds={:.5f} "
      "(vertices {}, edges {}) one_degree_seconds={:.5f}\n",
      one, one_size, one_projection, one_vertices, one_edges, one_degree);
  fmt::print("series_snapshots_seconds={:.5f} (Σ relations {}) ratio_to_one_snapshot={:.2f}\n",
             snapshots, relations, snapshots / one);
  fmt::print("series_changes_seconds={:.5f} (Σ changes {}) changes_ratio_to_one_snapshot={:.2f}\n",
             change_series, changes, change_series / one);
  fmt::print("series_projections_seconds={:.5f} (Σ edges {}) ratio_to_one_projection={:.2f}\n",
             projections, edges, projections / one_projection);
  fmt::print("series_degree_seconds={:.5f} (Σ scores {}) degree_ratio_to_one_degree={:.2f}\n",
             degree, scores, degree / one_degree);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Args args = parse(argc, argv);
    if (args.mode == "exact" || args.mode == "approx") return run_edges(args);
    if (args.mode == "series") return run_series(args);
    usage();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "centrality_bench: %s\n", e.what());
    return 1;
  }
}
