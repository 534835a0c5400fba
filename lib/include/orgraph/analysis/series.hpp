#pragma once

// Centrality over time: one measure on the projection at each step of a series, computed from
// one sweep of the time index, with the ranks at each step and who rose and who fell.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "orgraph/analysis/centrality.hpp"
#include "orgraph/analysis/projection.hpp"

namespace orgraph::analysis {

// The scores at one step. An empty projection gives an empty step (not an error).
struct SeriesStep {
  DayRange at;
  // The projection's vertices, ascending: the entities scored. Empty when the projection is, and
  // when the step has no scores (personalised PageRank with none of its entities present).
  std::vector<EntityId> entities;
  std::vector<double> scores;                      // aligned with entities
  std::vector<std::uint32_t> ranks;                // competition ranks, 1 = highest (see ranks())
  std::size_t vertices = 0;                        // vertices of the projection
  std::size_t edges = 0;                           // edges of the projection
  std::optional<ApproxBetweenness> approximation;  // approx_betweenness: samples and bound
  // Personalised PageRank: the personalised entities not in the projection at this step,
  // ascending. Their teleport weight is left out and the others' renormalised; when none is
  // present the step has no scores.
  std::vector<EntityId> absent_personalized;

  // Whether the projection had vertices but the step has no scores (see entities).
  bool unscored() const noexcept { return vertices > 0 && entities.empty(); }
};

struct CentralitySeries {
  Measure measure = Measure::degree;
  bool personalized = false;  // PageRank with personalisation
  std::vector<SeriesStep> steps;
};

// `measure` on the projection `spec` at each of `steps` (ascending; see query::periods), with
// the projections from one sweep (project_series). Calls step_progress(done, total) as the
// work advances, within steps as well as after each (done == total at the end). Throws
// query_error for edge_betweenness (scores of edges, not entities), for a normalization that does
// not apply to the measure (check_normalization) or bad personalisation weights
// (check_personalization), all before any step, and when personalisation names no entity present
// at any step with vertices; rethrows convergence_error as "PageRank at STEP did not converge …".
// Time: Σ over steps of the measure's time on that step's projection, plus one sweep.
CentralitySeries centrality_series(const TemporalGraph& graph, std::span<const DayRange> steps,
                                   const ProjectionSpec& spec, Measure measure,
                                   const ProjectOptions& project_options = {},
                                   const CentralityOptions& options = {},
                                   const Progress& step_progress = {});

// How one entity's rank moved between two steps; 0 means absent at that step.
struct RankChange {
  EntityId entity = kNoEntity;
  std::uint32_t before = 0;
  std::uint32_t after = 0;
};

// Every entity whose rank differs between `before` and `after` (including those that appear or
// disappear), biggest rise first, then biggest fall, then arrivals and departures; ties by
// entity id. Time: O(n log n).
std::vector<RankChange> rank_changes(const SeriesStep& before, const SeriesStep& after);

}  // namespace orgraph::analysis
