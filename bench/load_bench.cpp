// The measured side of the load benchmark: orgraph's whole load of one DOT file.
//
//   load_bench FILE [RUNS]
//
// Times orgraph::load(path) (read the file, parse it with cgraph, convert, validate, build the
// indexes, run the consistency checks; destroying the graph is not timed) with a monotonic
// clock and prints the best of RUNS runs (default 5) as one line of key=value pairs:
//   orgraph_load_seconds=<x> relations=<n> entities=<m> bytes=<memory_bytes>
//   bytes_per_relation=<b> warnings=<w> runs=<RUNS>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>

#include <fmt/format.h>

#include <orgraph/orgraph.hpp>

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    fmt::print(stderr, "usage: {} FILE [RUNS]\n", argc > 0 ? argv[0] : "load_bench");
    return 2;
  }
  const std::filesystem::path path = argv[1];
  int runs = 5;
  if (argc == 3) {
    runs = std::atoi(argv[2]);
    if (runs < 1) {
      fmt::print(stderr, "RUNS must be a positive number, got '{}'\n", argv[2]);
      return 2;
    }
  }

  // Warnings are counted, not printed: the count is part of the result (printing is not).
  std::size_t warnings = 0;
  orgraph::LoadOptions options;
  options.on_warning = [&warnings](const orgraph::Diagnostic&) { ++warnings; };

  using clock = std::chrono::steady_clock;
  double best = -1;
  std::size_t relations = 0, entities = 0, bytes = 0, run_warnings = 0;
  try {
    for (int run = 0; run < runs; ++run) {
      warnings = 0;
      std::optional<orgraph::TemporalGraph> graph;
      const auto t0 = clock::now();
      graph.emplace(orgraph::load(path, options));
      const double elapsed = std::chrono::duration<double>(clock::now() - t0).count();
      if (best < 0 || elapsed < best) best = elapsed;
      relations = graph->relation_count();
      entities = graph->entity_count();
      bytes = graph->memory_bytes();
      run_warnings = warnings;
    }
  } catch (const orgraph::load_error& e) {
    fmt::print(stderr, "{}: load failed\n", path.string());
    for (const orgraph::Diagnostic& d : e.diagnostics()) fmt::print(stderr, "{}\n", to_string(d));
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: {}\n", path.string(), e.what());
    return 1;
  }
  const double per_relation =
      relations ? static_cast<double>(bytes) / static_cast<double>(relations) : 0.0;
  fmt::print(
      "orgraph_load_seconds={:.6f} relations={} entities={} bytes={} "
      "bytes_per_relation={:.1f} warnings={} runs={}\n",
      best, relations, entities, bytes, per_relation, run_warnings, runs);
  return 0;
}
