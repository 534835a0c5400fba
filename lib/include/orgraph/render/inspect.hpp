#pragma once

// Reading rendered diagrams back: where the nodes and clusters of an SVG or a laid-out DOT text
// ended up, and which nodes each cluster holds. For tests and tools that check a drawing's
// structure rather than its pixels.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph::render {

// A node or cluster as drawn: its Graphviz name and its box, in points, in the coordinates of
// the input (SVG: y grows downwards; DOT: Graphviz's own, y grows upwards).
struct DrawnBox {
  std::string id;
  double x = 0, y = 0;           // centre
  double width = 0, height = 0;  // extent
};

// A cluster as drawn, with the nodes it holds (directly or in nested clusters), sorted.
struct DrawnCluster {
  DrawnBox box;
  std::vector<std::string> nodes;
};

// Everything read back from one drawing.
struct DrawnLayout {
  std::vector<DrawnBox> nodes;                             // in drawing order
  std::vector<DrawnCluster> clusters;                      // in drawing order
  std::vector<std::pair<std::string, std::string>> edges;  // (tail, head) names, drawing order
};

// The layout of an SVG written by render(…, Format::svg): nodes from each `<g class="node">`
// (its <title> and the bounding box of its shapes and texts), clusters from each
// `<g class="cluster">` (its polygon), a cluster's nodes being those whose centre lies inside
// it; edges from each `<g class="edge">` title "tail->head". XML entities in names are decoded.
// Throws render_error on text that is not such an SVG. Time: O(n + nodes · clusters).
DrawnLayout svg_layout(std::string_view svg);

// The layout of DOT text written by render(…, Format::dot): nodes from their pos/width/height,
// clusters from their bb and the nodes declared inside them (nested ones included). Parsed with
// cgraph (serialised with rendering). Throws render_error on text that does not parse or has no
// layout. Time: O(n log n).
DrawnLayout dot_layout(std::string_view dot);

// The node named `id` in `layout`, or null. Time: O(nodes).
const DrawnBox* find_node(const DrawnLayout& layout, std::string_view id);

// The cluster named `id` ("cluster_council"), or null. Time: O(clusters).
const DrawnCluster* find_cluster(const DrawnLayout& layout, std::string_view id);

}  // namespace orgraph::render
