#include "orgraph/analysis/series.hpp"

#include <algorithm>
#include <cstdlib>

#include "analysis/projection_state.hpp"

namespace orgraph::analysis {
namespace {

bool is_degree(Measure m) {
  return m == Measure::degree || m == Measure::in_degree || m == Measure::out_degree;
}

std::string range_text(DayRange r) {
  return r.earliest == r.latest
             ? format_day(r.earliest)
             : fmt::format("{}/{}", format_day(r.earliest), format_day(r.latest));
}

}  // namespace

CentralitySeries centrality_series(const TemporalGraph& graph, std::span<const DayRange> steps,
                                   const ProjectionSpec& spec, Measure measure,
                                   const ProjectOptions& project_options,
                                   const CentralityOptions& options,
                                   const Progress& step_progress) {
  if (measure == Measure::edge_betweenness) {
    throw query_error("edge_betweenness scores edges, not entities: it has no series");
  }
  check_normalization(measure, options.normalization);
  const bool personalized = measure == Measure::pagerank && !options.personalization.empty();
  if (personalized) check_personalization(graph, options.personalization);
  CentralitySeries series;
  series.measure = measure;
  series.personalized = personalized;
  series.steps.resize(steps.size());
  if (is_degree(measure)) {
    // Degrees change only where edges do: read them off the state the changes keep, with no
    // projection materialised per step.
    const DegreeOptions degree_options{.mode = measure == Measure::in_degree    ? DegreeMode::in
                                               : measure == Measure::out_degree ? DegreeMode::out
                                                                                : DegreeMode::total,
                                       .weighting = options.degree_weighting,
                                       .normalization = options.normalization};
    detail::ProjectionState state(graph, spec, project_options);
    query::snapshot_changes(graph, steps, snapshot_options(spec, project_options),
                            [&](std::size_t i, const query::SnapshotChange& change) {
                              state.apply(change);
                              SeriesStep& step = series.steps[i];
                              step.at = change.at;
                              step.edges = state.edge_count();
                              state.degrees(degree_options, step.entities, step.scores, step.ranks);
                              step.vertices = step.entities.size();
                              if (step_progress) step_progress(i + 1, steps.size());
                            });
    return series;
  }
  // Progress counts each step as kUnits, so a few long steps still move the bar within a step.
  constexpr std::size_t kUnits = 1000;
  std::size_t current = 0;
  CentralityOptions step_options = options;
  step_options.progress = nullptr;
  if (step_progress) {
    step_options.progress = [&](std::size_t done, std::size_t total) {
      if (total > 0) step_progress(current * kUnits + kUnits * done / total, steps.size() * kUnits);
    };
  }
  bool some_vertices = false, some_scored = false;
  project_series(graph, steps, spec, project_options, [&](std::size_t i, const Projection& p) {
    current = i;
    SeriesStep& step = series.steps[i];
    step.at = p.at();
    step.vertices = p.vertex_count();
    step.edges = p.edge_count();
    some_vertices |= p.vertex_count() > 0;
    if (p.vertex_count() > 0 && personalized) {
      // Teleport only to the personalised entities present; with no weight left, no scores.
      step_options.personalization.clear();
      double present = 0;
      for (const auto& entry : options.personalization) {
        if (p.vertex_of(entry.first)) {
          step_options.personalization.push_back(entry);
          present += entry.second;
        } else {
          step.absent_personalized.push_back(entry.first);
        }
      }
      std::sort(step.absent_personalized.begin(), step.absent_personalized.end());
      step.absent_personalized.erase(
          std::unique(step.absent_personalized.begin(), step.absent_personalized.end()),
          step.absent_personalized.end());
      if (!(present > 0)) step_options.personalization.clear();
    }
    if (p.vertex_count() > 0 && (!personalized || !step_options.personalization.empty())) {
      Scores scores;
      try {
        scores = centrality(p, measure, step_options);
      } catch (const convergence_error& e) {
        throw convergence_error(fmt::format("{} at {}", e.measure(), range_text(p.at())),
                                e.iterations(), e.residual(), e.limit());
      }
      some_scored = true;
      step.entities.assign(p.entities().begin(), p.entities().end());
      step.scores = std::move(scores.values);
      step.ranks = ranks(step.scores);
      step.approximation = std::move(scores.approximation);
    }
    if (step_progress) step_progress((i + 1) * kUnits, steps.size() * kUnits);
  });
  if (personalized && some_vertices && !some_scored) {
    throw query_error(
        "personalisation: none of its entities is in the projection at any step of the series");
  }
  return series;
}

std::vector<RankChange> rank_changes(const SeriesStep& before, const SeriesStep& after) {
  std::vector<RankChange> changes;
  std::size_t i = 0, j = 0;
  while (i < before.entities.size() || j < after.entities.size()) {
    RankChange c;
    if (j == after.entities.size() ||
        (i < before.entities.size() && before.entities[i] < after.entities[j])) {
      c = {before.entities[i], before.ranks[i], 0};
      ++i;
    } else if (i == before.entities.size() || after.entities[j] < before.entities[i]) {
      c = {after.entities[j], 0, after.ranks[j]};
      ++j;
    } else {
      c = {before.entities[i], before.ranks[i], after.ranks[j]};
      ++i;
      ++j;
    }
    if (c.before != c.after) changes.push_back(c);
  }
  // Rises (before > after) first by size, then falls by size, then arrivals, then departures.
  auto group = [](const RankChange& c) {
    if (c.before != 0 && c.after != 0) return c.after < c.before ? 0 : 1;
    return c.before == 0 ? 2 : 3;
  };
  auto size = [](const RankChange& c) {
    return std::abs(static_cast<long>(c.before) - static_cast<long>(c.after));
  };
  std::stable_sort(changes.begin(), changes.end(), [&](const RankChange& a, const RankChange& b) {
    if (group(a) != group(b)) return group(a) < group(b);
    if (group(a) < 2 && size(a) != size(b)) return size(a) > size(b);
    if (group(a) == 2 && a.after != b.after) return a.after < b.after;
    if (group(a) == 3 && a.before != b.before) return a.before < b.before;
    return a.entity < b.entity;
  });
  return changes;
}

}  // namespace orgraph::analysis
