#include "centrality_plot.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <orgraph/analysis/centrality.hpp>
#include <orgraph/text.hpp>

namespace orgraph::app {
namespace {

constexpr double kWidth = 1200, kMinHeight = 620;
constexpr double kLeft = 80, kRight = 780, kTop = 80, kBottom = 560;  // the plotting area
// The legend: a number, a sample of the line, then the names wrapped to these many code points,
// about the 330 user units the legend's column leaves them at the fonts used (Arabic letters,
// joined, take about two thirds of the width of Latin ones).
constexpr double kLegendX = kRight + 30;
constexpr std::size_t kWrapLatin = 40, kWrapArabic = 60, kWrapNameEn = 46;
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

// Whether `text` has a letter of the Arabic block (U+0600–U+06FF: lead bytes D8–DB).
bool has_arabic(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0xD8 && b <= 0xDB;
  });
}

// Whether `text` reads right to left: its first strong letter is Arabic (U+0600–U+06FF but its
// digits) rather than Latin, as the Unicode bidi algorithm picks a paragraph's direction (P2).
bool right_to_left(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')) return false;
    if (b >= 0xD8 && b <= 0xDB && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      const bool digit = (b == 0xD9 && next >= 0xA0 && next <= 0xA9) ||  // U+0660–U+0669
                         (b == 0xDB && next >= 0xB0 && next <= 0xB9);    // U+06F0–U+06F9
      if (!digit) return true;
    }
  }
  return false;
}

// The content of a <text> holding `text`: escaped, and when it reads right to left, in a
// right-to-left embedding. The <text> itself stays left to right, so it is placed by its left
// end as before, while within it the Arabic words run right to left and digits, brackets and
// Latin words in the name fall where an Arabic reader expects them (without it, "اللواء 93
// (حلب)" would show its brackets reversed and its number out of place in an SVG viewer).
std::string text_content(std::string_view text, bool rtl) {
  if (!rtl) return escape(text);
  return fmt::format("<tspan direction=\"rtl\" unicode-bidi=\"embed\">{}</tspan>", escape(text));
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// UTF-8 `text` cut into lines of at most `max` code points, at spaces where it can be (a longer
// word is cut where it must), so that a legend shows every name whole.
std::vector<std::string> wrap(std::string_view text, std::size_t max) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_points = 0;
  auto push = [&] {
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    line_points = 0;
  };
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    std::size_t points = code_points(word);
    if (line_points > 0 && line_points + 1 + points > max) push();
    while (points > max) {  // a word longer than a line: cut at a code point
      std::size_t cut = 0;
      for (std::size_t taken = 0; cut < word.size(); ++cut) {
        if ((static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) continue;
        if (taken++ == max) break;
      }
      lines.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
      points -= max;
    }
    if (line_points > 0) {
      line += ' ';
      ++line_points;
    }
    line += word;
    line_points += points;
  }
  push();
  return lines;
}

// Whether two lines have a value at the same steps, and tied values there: drawn alike, one
// would hide the other.
bool coincide(const PlotLine& a, const PlotLine& b) {
  if (a.values.size() != b.values.size()) return false;
  for (std::size_t s = 0; s < a.values.size(); ++s) {
    if (a.values[s].has_value() != b.values[s].has_value()) return false;
    if (a.values[s] && !analysis::tied(*a.values[s], *b.values[s])) return false;
  }
  return true;
}

// How a line is drawn. A line that coincides with a better one (its leader) is drawn on top of
// it in dashes, the k-th such line of a group of m showing in the k-th of every m dash lengths,
// so that every colour of the group shows along the shared path.
struct LineStyle {
  std::string_view colour;
  std::string dash;                    // stroke-dasharray/-dashoffset attributes, or ""
  std::optional<std::size_t> same_as;  // the leader's index
};

std::vector<LineStyle> line_styles(const std::vector<PlotLine>& lines) {
  constexpr int kDash = 8;
  std::vector<LineStyle> styles(lines.size());
  std::vector<std::size_t> group(lines.size());  // the leader of each line's group
  for (std::size_t i = 0; i < lines.size(); ++i) {
    group[i] = i;
    for (std::size_t j = 0; j < i; ++j) {
      if (group[j] == j && coincide(lines[j], lines[i])) {
        group[i] = j;
        break;
      }
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    LineStyle& style = styles[i];
    style.colour = kColours[i % std::size(kColours)];
    const auto size = static_cast<int>(std::count(group.begin(), group.end(), group[i]));
    const auto k = static_cast<int>(std::count(group.begin(), group.begin() + i, group[i]));
    if (group[i] != i) {
      style.same_as = group[i];
      style.dash = fmt::format(" stroke-dasharray=\"{} {}\" stroke-dashoffset=\"{}\"", kDash,
                               kDash * (size - 1), kDash * (size - k));
    } else if (i >= std::size(kColours)) {
      style.dash = " stroke-dasharray=\"6 3\"";
    }
  }
  return styles;
}

std::string number(double v) { return fmt::format("{:.4g}", v); }

// One entry of the legend, laid out: its number, names cut into lines, and a note.
struct LegendEntry {
  std::vector<std::string> names, names_en;
  bool rtl = false, rtl_en = false;  // whether each name reads right to left
  std::string note;
  double y = 0;       // the baseline of its first line
  double height = 0;  // up to the next entry
};

// Baseline to baseline: between lines of the primary name, from its last line to the English
// name (Arabic descends further than Latin), between English lines, to the note, and from an
// entry's last line to the next entry.
constexpr double kNameLine = 17, kNameToEn = 18, kNameEnLine = 15, kNoteLine = 14, kNextEntry = 27;

std::vector<LegendEntry> legend(const Plot& plot, const std::vector<LineStyle>& styles) {
  std::vector<LegendEntry> entries;
  double y = kTop + 5;
  for (std::size_t i = 0; i < plot.lines.size(); ++i) {
    const PlotLine& line = plot.lines[i];
    LegendEntry e;
    e.names = wrap(line.name, has_arabic(line.name) ? kWrapArabic : kWrapLatin);
    e.rtl = right_to_left(line.name);
    if (!line.name_en.empty() && line.name_en != line.name) {
      e.names_en = wrap(line.name_en, kWrapNameEn);
      e.rtl_en = right_to_left(line.name_en);
    }
    if (styles[i].same_as) e.note = fmt::format("same scores as {}", *styles[i].same_as + 1);
    e.y = y;
    double last = kNameLine * static_cast<double>(std::max<std::size_t>(1, e.names.size()) - 1);
    if (!e.names_en.empty()) {
      last += kNameToEn + kNameEnLine * static_cast<double>(e.names_en.size() - 1);
    }
    if (!e.note.empty()) last += kNoteLine;
    e.height = last + kNextEntry;
    y += e.height;
    entries.push_back(std::move(e));
  }
  return entries;
}

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

  const std::vector<LineStyle> styles = line_styles(plot.lines);
  const std::vector<LegendEntry> entries = legend(plot, styles);
  const double height =
      entries.empty()
          ? kMinHeight
          : std::max(kMinHeight, std::ceil(entries.back().y + entries.back().height + 20));

  out << fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      kWidth, height);
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
        "<text class=\"score-tick\" x=\"{}\" y=\"{:.1f}\" {} font-size=\"12\" "
        "text-anchor=\"end\" fill=\"#333\">{}</text>\n",
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
        "<text class=\"time-tick\" x=\"{0:.1f}\" y=\"{4}\" {5} font-size=\"12\" "
        "text-anchor=\"middle\" fill=\"#333\">{6}</text>\n",
        x, kTop, kBottom, kBottom + 5, kBottom + 20, kFont, escape(text));
  }
  out << fmt::format(
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#333\" stroke-width=\"1.2\"/>\n"
      "<line x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\" stroke-width=\"1.2\"/>\n",
      kLeft, kRight, kBottom, kTop);

  // One group per entity, its line broken where it is absent, dots at each step when there are
  // few. The best are drawn last, on top, and lines that coincide with a better one after all
  // the others, in dashes over their leader.
  const bool dots = plot.steps.size() <= 40;
  std::vector<std::size_t> order;
  for (std::size_t i = plot.lines.size(); i-- > 0;) {
    if (!styles[i].same_as) order.push_back(i);
  }
  for (std::size_t i = 0; i < plot.lines.size(); ++i) {
    if (styles[i].same_as) order.push_back(i);
  }
  for (std::size_t i : order) {
    const PlotLine& line = plot.lines[i];
    const LineStyle& style = styles[i];
    out << fmt::format("<g class=\"series\"><title>{}. {}{}</title>\n", i + 1, escape(line.name),
                       line.name_en.empty() ? "" : " — " + escape(line.name_en));
    std::string points;
    auto flush = [&] {
      if (points.empty()) return;
      out << fmt::format(
          "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2.2\" stroke-linejoin=\"round\"{} "
          "points=\"{}\"/>\n",
          style.colour, style.dash, points);
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
      if (dots && !style.same_as) {  // a coincident line's dots would hide its leader's
        out << fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>\n", x, y,
                           style.colour);
      }
    }
    flush();
    out << "</g>\n";
  }

  // Legend, best first: number, a sample of the line (over its leader's colour when it
  // coincides with a better line), the primary (often Arabic) name, the English one below it.
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LegendEntry& e = entries[i];
    const LineStyle& style = styles[i];
    const double mid = e.y - 5;
    out << "<g class=\"legend-entry\">\n";
    out << fmt::format(
        "<text x=\"{}\" y=\"{:.1f}\" {} font-size=\"12\" text-anchor=\"end\" "
        "fill=\"#555\">{}</text>\n",
        kLegendX + 14, e.y, kFont, i + 1);
    if (style.same_as) {
      out << fmt::format(
          "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\" "
          "stroke-width=\"3\"/>\n",
          kLegendX + 20, mid, kLegendX + 52, mid, styles[*style.same_as].colour);
    }
    out << fmt::format(
        "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\" "
        "stroke-width=\"3\"{}/>\n",
        kLegendX + 20, mid, kLegendX + 52, mid, style.colour, style.dash);
    double y = e.y;
    for (std::size_t k = 0; k < e.names.size(); ++k) {
      if (k > 0) y += kNameLine;
      out << fmt::format(
          "<text class=\"name\" x=\"{}\" y=\"{:.1f}\" {} font-size=\"14\" "
          "fill=\"#111\">{}</text>\n",
          kLegendX + 60, y, kFont, text_content(e.names[k], e.rtl));
    }
    y += kNameToEn;
    for (std::size_t k = 0; k < e.names_en.size(); ++k) {
      if (k > 0) y += kNameEnLine;
      out << fmt::format(
          "<text class=\"name-en\" x=\"{}\" y=\"{:.1f}\" {} font-size=\"12\" "
          "fill=\"#555\">{}</text>\n",
          kLegendX + 60, y, kFont, text_content(e.names_en[k], e.rtl_en));
    }
    if (e.names_en.empty()) y -= kNameToEn;
    if (!e.note.empty()) {
      out << fmt::format(
          "<text class=\"note\" x=\"{}\" y=\"{:.1f}\" {} font-size=\"11\" font-style=\"italic\" "
          "fill=\"#555\">{}</text>\n",
          kLegendX + 60, y + kNoteLine, kFont, escape(e.note));
    }
    out << "</g>\n";
  }
  out << "</svg>\n";
}

}  // namespace orgraph::app
