#pragma once

// A diagram as orgraph describes it before Graphviz sees it: nodes, edges, clusters, same-rank
// groups, a title and a legend, every text plain UTF-8 and every style one of a few typed
// choices. Views (lineage_view, snapshot_view, ego_view, roles_view) build one; render() turns
// it into a fresh Graphviz graph, setting only the attributes this description names, so nothing
// from an input file (images, fonts, URLs, raw HTML) can reach Graphviz.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace orgraph::render {

// Which names a diagram shows: the original (usually Arabic), the English form, or both.
enum class Lang : std::uint8_t { ar, en, both };
// "ar", "en" or "both". Time: O(1).
std::string_view to_string(Lang lang);
// Reads "ar", "en" or "both"; nullopt otherwise. Time: O(1).
std::optional<Lang> parse_lang(std::string_view text);

// The direction ranks run in (Graphviz rankdir): LR puts earlier left of later on a time axis.
enum class RankDir : std::uint8_t { lr, tb, rl, bt };
// "LR", "TB", "RL" or "BT" (Graphviz spelling). Time: O(1).
std::string_view to_string(RankDir dir);
// Reads LR/TB/RL/BT in either case; nullopt otherwise. Time: O(1).
std::optional<RankDir> parse_rankdir(std::string_view text);

// How a text line is emphasised.
enum class Emphasis : std::uint8_t { none, bold, italic };
// "none", "bold" or "italic". Time: O(1).
std::string_view to_string(Emphasis emphasis);

// One line of label text. `text` is plain UTF-8 from any source: the renderer escapes it; the
// font is Noto Naskh Arabic when the line holds Arabic letters, Noto Sans otherwise.
struct TextLine {
  std::string text;
  double size = 11;   // points
  std::string color;  // "#rrggbb"; empty: black
  Emphasis emphasis = Emphasis::none;
};

// A label: lines stacked and centred. Empty: no label.
struct Label {
  std::vector<TextLine> lines;
  bool empty() const { return lines.empty(); }
};

// One cell of a table label, with its own lines and background.
struct TableCell {
  Label label;
  std::string background;  // "#rrggbb"; empty: none
};

// A table label (the roles view): rows of cells, the first `header_rows` drawn as headers.
struct Table {
  std::vector<std::vector<TableCell>> rows;
  std::size_t header_rows = 1;
};

// Node outlines.
enum class Shape : std::uint8_t { box, rounded, ellipse, plaintext, point, note, hexagon };
// The shape's name ("rounded", …). Time: O(1).
std::string_view to_string(Shape shape);
// Line styles for edges, node borders and cluster borders.
enum class LineStyle : std::uint8_t { solid, dashed, dotted, bold, invisible };
// The style's name ("dashed", …). Time: O(1).
std::string_view to_string(LineStyle style);
// Where an edge's arrowhead goes: at the head, at the tail (drawn back), or nowhere.
enum class Arrow : std::uint8_t { forward, back, none };
// "forward", "back" or "none" (Graphviz's dir values). Time: O(1).
std::string_view to_string(Arrow arrow);
// Whether an edge takes part in ranking (Graphviz constraint): time-axis views fix every rank
// through same-rank groups and leave their data edges `free`, so no edge can pull an org out of
// its period.
enum class Ranking : std::uint8_t { constrain, free };
// "constrain" or "free". Time: O(1).
std::string_view to_string(Ranking ranking);

// A node: `id` is its Graphviz name (unique in the graph; entity nodes use the entity's key).
// A node with a table shows the table instead of `label`.
struct Node {
  std::string id;
  Label label;
  std::optional<Table> table;
  Shape shape = Shape::rounded;
  std::string fill;    // "#rrggbb"; empty: not filled
  std::string border;  // "#rrggbb"; empty: black
  LineStyle border_style = LineStyle::solid;
  double penwidth = 1.0;
};

// An edge from `tail` to `head` (node ids). `head_cluster` / `tail_cluster` clip it at a
// cluster's border (Graphviz lhead/ltail), for edges to a body drawn as a cluster.
struct Edge {
  std::string tail;
  std::string head;
  Label label;
  LineStyle style = LineStyle::solid;
  std::string color;  // "#rrggbb"; empty: black
  double penwidth = 1.0;
  Arrow arrow = Arrow::forward;
  Ranking ranking = Ranking::constrain;
  int weight = 1;  // Graphviz weight: higher keeps the edge shorter and straighter
  std::string head_cluster;
  std::string tail_cluster;
};

// A cluster: a box around `nodes` and nested `children`. `id` must start with "cluster" (the
// renderer adds the prefix when it is missing). A node belongs to at most one cluster.
struct Cluster {
  std::string id;
  Label label;
  std::vector<std::string> nodes;
  std::vector<Cluster> children;
  std::string fill;
  std::string border;
  LineStyle style = LineStyle::solid;
};

// One legend line: a sample of an edge style, a node style, or a note (text only).
struct LegendEntry {
  enum class Sample : std::uint8_t { edge, node, note };
  Sample sample = Sample::note;
  std::string text;
  LineStyle style = LineStyle::solid;  // edge line, or node border
  std::string color;                   // edge colour, or node border colour
  double penwidth = 1.0;
  std::string fill;  // node samples only
  Shape shape = Shape::rounded;
};

// The whole diagram. Rendering is deterministic: the same RenderGraph gives the same SVG and
// DOT bytes, because nodes, edges, clusters and ranks are emitted in the order held here.
struct RenderGraph {
  std::string name = "orgraph";  // the Graphviz graph name
  Label title;                   // drawn at the top, above the legend
  RankDir rankdir = RankDir::lr;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<Cluster> clusters;
  // Groups of node ids kept on one rank (Graphviz rank=same); the time axis of the lineage view.
  std::vector<std::vector<std::string>> same_rank;
  std::vector<LegendEntry> legend;
  double nodesep = 0.3;  // inches between nodes of one rank
  double ranksep = 0.5;  // inches between ranks
};

// The node with this id, or null. Time: O(nodes).
const Node* find_node(const RenderGraph& graph, std::string_view id);

}  // namespace orgraph::render

// Every enum prints the same in messages and tests (STYLE rule 5).
#define ORGRAPH_RENDER_ENUM_FORMATTER(Enum)                                                \
  template <>                                                                              \
  struct fmt::formatter<orgraph::render::Enum> : fmt::formatter<std::string_view> {        \
    auto format(orgraph::render::Enum v, format_context& ctx) const {                      \
      return fmt::formatter<std::string_view>::format(orgraph::render::to_string(v), ctx); \
    }                                                                                      \
  };
ORGRAPH_RENDER_ENUM_FORMATTER(Emphasis)
ORGRAPH_RENDER_ENUM_FORMATTER(Shape)
ORGRAPH_RENDER_ENUM_FORMATTER(LineStyle)
ORGRAPH_RENDER_ENUM_FORMATTER(Arrow)
ORGRAPH_RENDER_ENUM_FORMATTER(Ranking)
#undef ORGRAPH_RENDER_ENUM_FORMATTER

template <>
struct fmt::formatter<orgraph::render::Lang> : fmt::formatter<std::string_view> {
  auto format(orgraph::render::Lang v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::render::to_string(v), ctx);
  }
};
template <>
struct fmt::formatter<orgraph::render::RankDir> : fmt::formatter<std::string_view> {
  auto format(orgraph::render::RankDir v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::render::to_string(v), ctx);
  }
};
