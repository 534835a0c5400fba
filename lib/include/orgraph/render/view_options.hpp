#pragma once

// Options every view shares: label language, rank direction, and the filters of the query
// commands (--rel, --type, --certain-only).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "orgraph/model.hpp"
#include "orgraph/render/render_graph.hpp"

namespace orgraph::render {

// Whether a view keeps facts that are only possible (drawn dashed) or certain ones only.
enum class CertaintyFilter : std::uint8_t { all, certain_only };
// "all" or "certain_only". Time: O(1).
std::string_view to_string(CertaintyFilter filter);

// The options of every view: which names its labels show, which way ranks run, and what it
// leaves out, as the query commands' --lang, --rel, --type and --certain-only do.
struct ViewOptions {
  Lang lang = Lang::both;
  RankDir rankdir = RankDir::lr;
  std::vector<RelationKind> relations;  // draw only these relation kinds (empty: the view's own)
  std::vector<std::string> types;       // keep only orgs of these types (empty: all orgs)
  CertaintyFilter certainty = CertaintyFilter::all;
};

}  // namespace orgraph::render

template <>
struct fmt::formatter<orgraph::render::CertaintyFilter> : fmt::formatter<std::string_view> {
  auto format(orgraph::render::CertaintyFilter v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::render::to_string(v), ctx);
  }
};
