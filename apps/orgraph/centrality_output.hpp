#pragma once

// How `orgraph centrality` prints its results: ranked tables, the JSON of DESIGN §5
// ({"at","measure","projection","scores":[{"entity","score","rank"}]}), CSV, and the series.

#include <optional>
#include <string>
#include <vector>

#include <orgraph/analysis/centrality.hpp>
#include <orgraph/analysis/series.hpp>

#include "facts.hpp"
#include "output.hpp"

namespace orgraph::app {

struct CentralityPrint {
  Format format = Format::table;
  Lang lang = Lang::both;
  std::optional<std::size_t> top;  // table default: 20; JSON/CSV: every score
  std::string at;                  // the date as given
};

// Refuses (query_error, a usage error) a date range that ends before the projection's first
// dated relation: `text` is the date as given. Shared by centrality and export --projection.
void check_not_before_history(const TemporalGraph& g, const analysis::ProjectionSpec& spec,
                              DayRange range, const std::string& text);

// The scores of one projection at a date.
void print_centrality(const analysis::Projection& p, const analysis::Scores& scores,
                      const CentralityPrint& print);

struct SeriesPrint {
  Format format = Format::table;
  Lang lang = Lang::both;
  std::optional<std::size_t> top;  // table default: 10 entities; JSON/CSV: all
  std::string from, to, every;
  std::string projection;
};

// The entities of a series in the order they are reported: by their highest score over all
// steps (ties by id), at most `top`.
std::vector<EntityId> series_entities(const analysis::CentralitySeries& series,
                                      std::optional<std::size_t> top);

// A step's short label: "2013" for a whole year, "2013-05" for a whole month, else its days.
std::string step_label(DayRange step);

// A series: a matrix of scores (entities × steps) and the rank changes between steps; the table
// also gives each step's error bound (approx_betweenness) and the personalised entities absent
// (PageRank), the JSON the same per step. JSON is streamed to stdout as it is made.
void print_series(const TemporalGraph& graph, const analysis::CentralitySeries& series,
                  const SeriesPrint& print);

}  // namespace orgraph::app
