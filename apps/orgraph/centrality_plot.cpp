#include "centrality_plot.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include <orgraph/text.hpp>

namespace orgraph::app {
namespace {

constexpr double kWidth = 1100, kHeight = 620;
constexpr double kLeft = 80, kRight = 780, kTop = 80, kBottom = 560;  // the plotting area
constexpr std::string_view kFont =
    "font-family=\"Noto Sans, Noto Naskh Arabic, DejaVu Sans, sans-serif\"";

// Tableau 10: distinct at a glance and for most colour-blind readers; lines past the tenth are
// dashed to stay apart.
constexpr std::string_view kColours[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                         "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

std::string escape(std::string_view text) { return text::xml_escape(text); }

// A "nice" step for about `count` ticks over [0, max]: 1, 2 or 5 times a power of ten.
double nice_step(double max, int count) {
  const double raw = max / count;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

// At most `max` code points of UTF-8 `text`, with "…" when cut (legend names must fit).
std::string shorten(std::string_view text, std::size_t max) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++points > max) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

std::string number(double v) { return fmt::format("{:.4g}", v); }

}  // namespace

void write_plot_svg(const Plot& plot, std::ostream& out) {
  const Day first = plot.steps.empty() ? 0 : plot.steps.front().earliest;
  const Day last = plot.steps.empty() ? 1 : std::max(plot.steps.back().latest, first + 1);
  auto x_of = [&](Day d) {
    return kLeft +
           (kRight - kLeft) * static_cast<double>(d - first) / static_cast<double>(last - first);
  };
  double max = 0;
  for (const PlotLine& line : plot.lines) {
    for (const auto& v : line.values) {
      if (v) max = std::max(max, *v);
    }
  }
  if (!(max > 0)) max = 1;
  const double step = nice_step(max, 5);
  const double top = std::ceil(max / step) * step;
  auto y_of = [&](double v) { return kBottom - (kBottom - kTop) * v / top; };

  out << fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      kWidth, kHeight);
  out << fmt::format("<text x=\"{}\" y=\"34\" {} font-size=\"20\" font-weight=\"bold\">{}</text>\n",
                     kLeft, kFont, escape(plot.title));
  out << fmt::format("<text x=\"{}\" y=\"58\" {} font-size=\"13\" fill=\"#555\">{}</text>\n", kLeft,
                     kFont, escape(plot.subtitle));

  // Score axis: grid lines and labels.
  for (double v = 0; v <= top + step / 2; v += step) {
    const double y = y_of(v);
    out << fmt::format(
        "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#ddd\" "
        "stroke-width=\"1\"/>\n"
        "<text x=\"{}\" y=\"{:.1f}\" {} font-size=\"12\" text-anchor=\"end\" "
        "fill=\"#333\">{}</text>\n",
        kLeft, y, kRight, y, kLeft - 8, y + 4, kFont, number(v));
  }
  out << fmt::format(
      "<text transform=\"translate(20 {}) rotate(-90)\" {} font-size=\"13\" text-anchor=\"middle\" "
      "fill=\"#333\">{}</text>\n",
      (kTop + kBottom) / 2, kFont, escape(plot.y_label));

  // Time axis: one tick per year (every few years on long spans), or per month on short ones.
  const CivilDate from = civil_from_days(first), to = civil_from_days(last);
  const std::int64_t years = to.year - from.year + 1;
  std::vector<std::pair<Day, std::string>> ticks;
  if (years >= 3) {
    const std::int64_t every = std::max<std::int64_t>(1, (years + 11) / 12);
    for (std::int64_t y = from.year; y <= to.year + 1; ++y) {
      const Day d = days_from_civil(y, 1, 1);
      if (d >= first && d <= last && (y - from.year) % every == 0) {
        ticks.emplace_back(d, std::to_string(y));
      }
    }
  } else {
    const std::int64_t months = (to.year - from.year) * 12 + to.month - from.month + 1;
    const std::int64_t every = std::max<std::int64_t>(1, (months + 11) / 12);
    for (std::int64_t m = 0; m <= months; m += every) {
      const std::int64_t index = from.year * 12 + (from.month - 1) + m;
      const Day d = days_from_civil(index / 12, static_cast<unsigned>(index % 12 + 1), 1);
      if (d >= first && d <= last) {
        ticks.emplace_back(d, fmt::format("{}-{:02}", index / 12, index % 12 + 1));
      }
    }
  }
  for (const auto& [d, text] : ticks) {
    const double x = x_of(d);
    out << fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#eee\" "
        "stroke-width=\"1\"/>\n"
        "<line x1=\"{0:.1f}\" y1=\"{2}\" x2=\"{0:.1f}\" y2=\"{3}\" stroke=\"#333\" "
        "stroke-width=\"1\"/>\n"
        "<text x=\"{0:.1f}\" y=\"{4}\" {5} font-size=\"12\" text-anchor=\"middle\" "
        "fill=\"#333\">{6}</text>\n",
        x, kTop, kBottom, kBottom + 5, kBottom + 20, kFont, escape(text));
  }
  out << fmt::format(
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#333\" stroke-width=\"1.2\"/>\n"
      "<line x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\" stroke-width=\"1.2\"/>\n",
      kLeft, kRight, kBottom, kTop);

  // One line per entity, broken where it is absent; dots at each step when there are few.
  const bool dots = plot.steps.size() <= 40;
  for (std::size_t i = plot.lines.size(); i-- > 0;) {  // the best drawn last, on top
    const PlotLine& line = plot.lines[i];
    const std::string_view colour = kColours[i % std::size(kColours)];
    const std::string dash = i >= std::size(kColours) ? " stroke-dasharray=\"6 3\"" : "";
    std::string points;
    auto flush = [&] {
      if (points.empty()) return;
      out << fmt::format(
          "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2.2\" stroke-linejoin=\"round\"{} "
          "points=\"{}\"/>\n",
          colour, dash, points);
      points.clear();
    };
    for (std::size_t s = 0; s < line.values.size() && s < plot.steps.size(); ++s) {
      if (!line.values[s]) {
        flush();
        continue;
      }
      const Day mid = plot.steps[s].earliest + (plot.steps[s].latest - plot.steps[s].earliest) / 2;
      const double x = x_of(mid), y = y_of(*line.values[s]);
      points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x, y);
      if (dots) {
        out << fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>\n", x, y,
                           colour);
      }
    }
    flush();
  }

  // Legend: rank, colour, Arabic name, English name below it.
  const double legend_x = kRight + 30;
  const double row = std::min(
      44.0, (kBottom - kTop) / static_cast<double>(std::max<std::size_t>(1, plot.lines.size())));
  for (std::size_t i = 0; i < plot.lines.size(); ++i) {
    const PlotLine& line = plot.lines[i];
    const double y = kTop + row * static_cast<double>(i) + 10;
    const std::string_view colour = kColours[i % std::size(kColours)];
    const std::string dash = i >= std::size(kColours) ? " stroke-dasharray=\"6 3\"" : "";
    out << fmt::format(
        "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\" "
        "stroke-width=\"3\"{}/>\n",
        legend_x, y, legend_x + 24, y, colour, dash);
    const bool two_lines = !line.name_en.empty() && line.name_en != line.name && row >= 30;
    out << fmt::format("<text x=\"{}\" y=\"{:.1f}\" {} font-size=\"14\" fill=\"#111\">{}</text>\n",
                       legend_x + 32, y + 5, kFont, escape(shorten(line.name, 36)));
    if (two_lines) {
      out << fmt::format(
          "<text x=\"{}\" y=\"{:.1f}\" {} font-size=\"12\" fill=\"#555\">{}</text>\n",
          legend_x + 32, y + 21, kFont, escape(shorten(line.name_en, 40)));
    }
  }
  out << "</svg>\n";
}

}  // namespace orgraph::app
