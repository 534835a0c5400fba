#pragma once

// An SVG line chart of centrality scores over time, written directly (no plotting library):
// one line per entity, a time axis with year (or month) ticks, a score axis, and a legend with
// each entity's Arabic name above its English one.

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

// Writes `plot` as a standalone SVG 1.1 document (1100 × 620 user units). Text is XML-escaped.
void write_plot_svg(const Plot& plot, std::ostream& out);

}  // namespace orgraph::app
