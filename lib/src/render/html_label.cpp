// Graphviz HTML-like label text for orgraph's labels. Every text from data passes through
// escape_html; the markup around it is fixed here.

#include "orgraph/render/html_label.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "orgraph/render/style.hpp"

namespace orgraph::render {
namespace {

std::string number(double v) { return fmt::format("{:g}", v); }

// <FONT> with the face for the line's script, its size and colour, then <B> or <I>.
std::string font_open(const TextLine& line) {
  std::string out =
      fmt::format(R"(<FONT FACE="{}" POINT-SIZE="{}")",
                  has_arabic(line.text) ? "Noto Naskh Arabic" : "Noto Sans", number(line.size));
  if (!line.color.empty()) out += fmt::format(R"( COLOR="{}")", escape_html(line.color));
  out += '>';
  if (line.emphasis == Emphasis::bold) out += "<B>";
  if (line.emphasis == Emphasis::italic) out += "<I>";
  return out;
}

std::string font_close(const TextLine& line) {
  std::string out;
  if (line.emphasis == Emphasis::italic) out += "</I>";
  if (line.emphasis == Emphasis::bold) out += "</B>";
  return out + "</FONT>";
}

// A TD STYLE attribute: "rounded" and a dashed or dotted border, comma-separated.
std::string td_style(LineStyle style, bool rounded = false) {
  std::string words = rounded ? "rounded" : "";
  if (style == LineStyle::dashed || style == LineStyle::dotted) {
    words +=
        std::string(words.empty() ? "" : ",") + (style == LineStyle::dashed ? "dashed" : "dotted");
  }
  return words.empty() ? std::string() : fmt::format(R"( STYLE="{}")", words);
}

// One legend entry as three cells: a sample (a line segment drawn as the bottom border of a small
// fixed-size cell, or a small box), its words, and a gap before the next entry.
std::string legend_cells(const LegendEntry& e) {
  std::string sample;
  switch (e.sample) {
    case LegendEntry::Sample::edge: {
      const int border = e.style == LineStyle::bold || e.penwidth >= 2 ? 3 : 1;
      sample = fmt::format(R"(<TD FIXEDSIZE="TRUE" WIDTH="34" HEIGHT="7" SIDES="B" BORDER="{}" )"
                           R"(COLOR="{}"{}></TD>)",
                           border, escape_html(e.color.empty() ? "#000000" : e.color),
                           td_style(e.style));
      break;
    }
    case LegendEntry::Sample::node:
      sample = fmt::format(R"(<TD FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="14" BORDER="1" COLOR="{}" )"
                           R"(BGCOLOR="{}"{}></TD>)",
                           escape_html(e.color.empty() ? "#000000" : e.color),
                           escape_html(e.fill.empty() ? "#ffffff" : e.fill),
                           td_style(e.style, e.shape == Shape::rounded));
      break;
    case LegendEntry::Sample::note:
      sample = R"(<TD WIDTH="4"></TD>)";
      break;
  }
  const TextLine words{e.text, kDetailSize + 0.5, std::string(kDetailColor),
                       e.sample == LegendEntry::Sample::note ? Emphasis::italic : Emphasis::none};
  return sample + R"(<TD ALIGN="LEFT">)" + font_open(words) + escape_html(e.text) +
         font_close(words) + R"(</TD><TD WIDTH="8"></TD>)";
}

// A rough width in points of a text line (Noto Sans and Noto Naskh Arabic average about half an
// em a character), enough to size the legend's spacer in title_html.
double estimated_width(const TextLine& line) {
  double width = 0;
  for (std::size_t i = 0; i < line.text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(line.text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte: counted with its lead
    width += (byte < 0x80 ? 0.55 : 0.5) * line.size;
  }
  return width;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == '\x7f' ? ' ' : c;
    }
  }
  return out;
}

std::string label_html(const Label& label) {
  std::string out;
  for (const TextLine& line : label.lines) {
    if (line.text.empty()) continue;
    if (!out.empty()) out += "<BR/>";
    out += font_open(line) + escape_html(line.text) + font_close(line);
  }
  return out;
}

std::string table_html(const Table& table) {
  std::string out = R"(<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">)";
  for (const auto& row : table.rows) {
    out += "<TR>";
    for (const TableCell& cell : row) {
      out += "<TD";
      if (!cell.background.empty())
        out += fmt::format(R"( BGCOLOR="{}")", escape_html(cell.background));
      out += '>';
      out += cell.label.empty() ? std::string(" ") : label_html(cell.label);
      out += "</TD>";
    }
    out += "</TR>";
  }
  return out + "</TABLE>";
}

// Graphviz spreads a table's spare width evenly over its columns, which would pull each legend
// sample away from its words under a wide title; a spacer column as wide as the title's excess
// (estimated) takes that spare width instead.
std::string title_html(const RenderGraph& graph) {
  constexpr std::size_t kPerRow = 4;
  constexpr double kSampleWidth = 34, kCellSpacing = 3;
  std::string out = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">)";
  double title_width = 0;
  for (const TextLine& line : graph.title.lines) {
    if (line.text.empty()) continue;
    title_width = std::max(title_width, estimated_width(line));
    out += "<TR><TD>" + font_open(line) + escape_html(line.text) + font_close(line) + "</TD></TR>";
  }
  // Samples in a grid, a few a row; notes (entries without a sample) on one line below.
  std::vector<const LegendEntry*> samples;
  std::string notes;
  for (const LegendEntry& e : graph.legend) {
    if (e.sample != LegendEntry::Sample::note) {
      samples.push_back(&e);
    } else if (!e.text.empty()) {
      if (!notes.empty()) notes += " · ";
      notes += e.text;
    }
  }
  if (!samples.empty()) {
    std::vector<double> columns(std::min(kPerRow, samples.size()), 0.0);
    for (std::size_t i = 0; i < samples.size(); ++i) {
      const TextLine words{samples[i]->text, kDetailSize + 0.5};
      columns[i % kPerRow] = std::max(columns[i % kPerRow], estimated_width(words));
    }
    double legend_width = 0;
    for (double c : columns) legend_width += kSampleWidth + c + 8 + 6 * kCellSpacing;
    const double spare = title_width - legend_width;
    out += R"(<TR><TD><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="0">)";
    for (std::size_t i = 0; i < samples.size(); i += kPerRow) {
      out += "<TR>";
      for (std::size_t j = i; j < std::min(i + kPerRow, samples.size()); ++j) {
        out += legend_cells(*samples[j]);
      }
      if (i == 0 && spare > 8) out += fmt::format(R"(<TD WIDTH="{:.0f}"></TD>)", spare);
      out += "</TR>";
    }
    out += "</TABLE></TD></TR>";
  }
  if (!notes.empty()) {
    const TextLine line{notes, kDetailSize + 0.5, std::string(kDetailColor), Emphasis::italic};
    out += "<TR><TD>" + font_open(line) + escape_html(line.text) + font_close(line) + "</TD></TR>";
  }
  return out + "</TABLE>";
}

std::string edge_label_html(const Label& label) {
  return R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" BGCOLOR="white">)"
         "<TR><TD>" +
         label_html(label) + "</TD></TR></TABLE>";
}

}  // namespace orgraph::render
