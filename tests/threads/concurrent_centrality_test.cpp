// The parallel exact measures (betweenness, edge betweenness, closeness, harmonic) run on one
// projection from several threads at once, each call itself parallel, give exactly what one
// thread computes alone. Run under ThreadSanitizer (the tsan preset) this also shows their
// lanes, per-thread scratch and shared progress counter free of data races.
#include <doctest/doctest.h>

#include <atomic>
#include <cstddef>
#include <latch>
#include <sstream>
#include <thread>
#include <vector>

#include "orgraph/analysis/centrality.hpp"
#include "orgraph/analysis/projection.hpp"
#include "orgraph/generate.hpp"
#include "orgraph/graph_builder.hpp"
#include "orgraph/io/jsonl_reader.hpp"

namespace orgraph {
namespace {

constexpr int kCallers = 3;
constexpr unsigned kThreadsPerCall = 3;

TemporalGraph generated_graph() {
  std::ostringstream text;
  generate({.orgs = 150, .people = 150, .years = 12, .seed = 5}, GraphFormat::jsonl, text);
  GraphBuilder builder;
  io::read_jsonl(text.str(), "history.jsonl", builder);
  return builder.build();
}

struct Measured {
  std::vector<double> betweenness, edge_betweenness, closeness, harmonic;
  bool operator==(const Measured&) const = default;
};

// Every parallel exact measure on `p` with `threads` threads; `progress` counts the reports.
Measured measure_all(const analysis::Projection& p, unsigned threads,
                     std::atomic<std::size_t>& reports) {
  const analysis::Progress progress = [&reports](std::size_t, std::size_t) { ++reports; };
  return {
      analysis::betweenness(p, {.threads = threads, .progress = progress}),
      analysis::edge_betweenness(p, {.threads = threads, .progress = progress}),
      analysis::closeness(p, {.threads = threads, .progress = progress}),
      analysis::harmonic(p, {.threads = threads, .progress = progress}),
  };
}

}  // namespace

TEST_CASE("parallel centrality on one projection from several threads equals one thread's") {
  const TemporalGraph g = generated_graph();
  for (const char* name : {"affiliation", "affiliation_directed"}) {
    CAPTURE(name);
    const analysis::Projection p = analysis::project(g, query_range(Date::parse("2018")),
                                                     analysis::projection_by_name(name), {});
    REQUIRE(p.vertex_count() > 100);
    std::atomic<std::size_t> reports{0};
    const Measured one = measure_all(p, 1, reports);
    REQUIRE(one.betweenness.size() == p.vertex_count());
    REQUIRE(one.edge_betweenness.size() == p.edge_count());

    std::vector<Measured> got(kCallers);
    std::latch start(kCallers);
    {
      std::vector<std::jthread> callers;
      for (int c = 0; c < kCallers; ++c) {
        callers.emplace_back([&, c] {
          start.arrive_and_wait();
          got[static_cast<std::size_t>(c)] = measure_all(p, kThreadsPerCall, reports);
        });
      }
    }
    for (int c = 0; c < kCallers; ++c) {
      CAPTURE(c);
      const Measured& m = got[static_cast<std::size_t>(c)];
      CHECK(m.betweenness == one.betweenness);
      CHECK(m.edge_betweenness == one.edge_betweenness);
      CHECK(m.closeness == one.closeness);
      CHECK(m.harmonic == one.harmonic);
    }
    CHECK(reports.load() >= static_cast<std::size_t>(4 * (kCallers + 1)));
  }
}

}  // namespace orgraph
