#include "orgraph/render/render_graph.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "orgraph/render/lineage_view.hpp"
#include "orgraph/render/snapshot_view.hpp"
#include "orgraph/render/view_options.hpp"

namespace orgraph::render {

std::string_view to_string(Lang lang) {
  switch (lang) {
    case Lang::ar:
      return "ar";
    case Lang::en:
      return "en";
    case Lang::both:
      break;
  }
  return "both";
}

std::optional<Lang> parse_lang(std::string_view text) {
  for (Lang lang : {Lang::ar, Lang::en, Lang::both}) {
    if (to_string(lang) == text) return lang;
  }
  return std::nullopt;
}

std::string_view to_string(RankDir dir) {
  switch (dir) {
    case RankDir::lr:
      return "LR";
    case RankDir::tb:
      return "TB";
    case RankDir::rl:
      return "RL";
    case RankDir::bt:
      break;
  }
  return "BT";
}

std::optional<RankDir> parse_rankdir(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (RankDir dir : {RankDir::lr, RankDir::tb, RankDir::rl, RankDir::bt}) {
    if (to_string(dir) == upper) return dir;
  }
  return std::nullopt;
}

std::string_view to_string(CertaintyFilter filter) {
  return filter == CertaintyFilter::all ? "all" : "certain_only";
}

std::string_view to_string(TimeResolution resolution) {
  switch (resolution) {
    case TimeResolution::automatic:
      return "automatic";
    case TimeResolution::year:
      return "year";
    case TimeResolution::month:
      break;
  }
  return "month";
}

std::string_view to_string(People people) { return people == People::hidden ? "hidden" : "shown"; }

std::string_view to_string(Connectivity connectivity) {
  return connectivity == Connectivity::all ? "all" : "connected_only";
}

std::string_view to_string(Emphasis emphasis) {
  switch (emphasis) {
    case Emphasis::none:
      return "none";
    case Emphasis::bold:
      return "bold";
    case Emphasis::italic:
      break;
  }
  return "italic";
}

std::string_view to_string(Shape shape) {
  switch (shape) {
    case Shape::box:
      return "box";
    case Shape::rounded:
      return "rounded";
    case Shape::ellipse:
      return "ellipse";
    case Shape::plaintext:
      return "plaintext";
    case Shape::point:
      return "point";
    case Shape::note:
      return "note";
    case Shape::hexagon:
      break;
  }
  return "hexagon";
}

std::string_view to_string(LineStyle style) {
  switch (style) {
    case LineStyle::solid:
      return "solid";
    case LineStyle::dashed:
      return "dashed";
    case LineStyle::dotted:
      return "dotted";
    case LineStyle::bold:
      return "bold";
    case LineStyle::invisible:
      break;
  }
  return "invisible";
}

std::string_view to_string(Arrow arrow) {
  switch (arrow) {
    case Arrow::forward:
      return "forward";
    case Arrow::back:
      return "back";
    case Arrow::none:
      break;
  }
  return "none";
}

std::string_view to_string(Ranking ranking) {
  return ranking == Ranking::constrain ? "constrain" : "free";
}

const Node* find_node(const RenderGraph& graph, std::string_view id) {
  auto it = std::find_if(graph.nodes.begin(), graph.nodes.end(),
                         [&](const Node& n) { return n.id == id; });
  return it == graph.nodes.end() ? nullptr : &*it;
}

}  // namespace orgraph::render
