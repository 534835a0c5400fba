#pragma once

// An SVG line chart of centrality scores over time, written directly (no plotting library):
// one line per entity, a time axis with year (or month) ticks, a score axis, and a numbered
// legend with each entity's Arabic name above its English one, both whole (wrapped, not cut).
// Entities whose scores are tied at every step (analysis::tied) would draw one line over the
// other: the later is drawn in dashes over the earlier, and the legend says "same scores as N".

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <orgraph/date.hpp>

namespace orgraph::app {

struct PlotLine {
  std::string name;                           // primary name (often Arabic)
  std::string name_en;                        // "" when none
  std::vector<std::optional<double>> values;  // one per step; nullopt: absent at that step
};

struct Plot {
  std::string title;
  std::string subtitle;
  std::string y_label;
  std::vector<DayRange> steps;  // each value is drawn at its step's middle day
  std::vector<PlotLine> lines;  // best first: the legend keeps this order
};

// Writes `plot` as a standalone SVG 1.1 document, 1200 user units wide and 620 high, or higher
// when the legend needs it. Text is XML-escaped; a legend name whose first letter is Arabic is
// held in a <tspan direction="rtl" unicode-bidi="embed">. Each entity's line is a <g
// class="series"> with a <title>, each legend entry a <g class="legend-entry">, each time-axis
// label a <text class="time-tick">. Time: O(lines² · steps).
void write_plot_svg(const Plot& plot, std::ostream& out);

}  // namespace orgraph::app
