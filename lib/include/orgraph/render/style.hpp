#pragma once

// The visual vocabulary the views share: one look per relation kind and per entity kind,
// bilingual entity labels with lifespans, and legend lines for what a diagram uses.

#include <string>
#include <string_view>
#include <vector>

#include "orgraph/graph.hpp"
#include "orgraph/model.hpp"
#include "orgraph/render/render_graph.hpp"

namespace orgraph::render {

// How edges of one relation kind are drawn, and the words that name them in labels and legend.
//   split_from dashed red "split from"     merged_into bold green "merged into"
//   renamed_to dotted black "renamed to"    succeeded_by solid purple "succeeded by"
//   formed_from blue "formed from"          founded grey "founded"
//   supports green, opposes red, controls dark orange, allied_with blue (no arrow),
//   approved teal; memberships grey; holds dark slate; event relations light grey.
struct EdgeLook {
  LineStyle style = LineStyle::solid;
  std::string color;
  double penwidth = 1.0;
  Arrow arrow = Arrow::forward;
  std::string words;  // "split from"
};

// The look of relations of `kind`. Time: O(1).
EdgeLook relation_look(RelationKind kind);

// An edge from entity `tail` to `head` (their keys as node ids) drawn with `look`: its style,
// colour, pen width and arrow; no label. Time: O(1).
Edge styled_edge(const TemporalGraph& graph, EntityId tail, EntityId head, const EdgeLook& look);

// How a node of one entity kind is drawn (lineage and ego views; snapshots add certainty).
struct NodeLook {
  Shape shape = Shape::rounded;
  std::string fill;
  std::string border;
  std::string words;  // "organisation"
};

// The look of entities of `kind`. Time: O(1).
NodeLook entity_look(EntityKind kind);

// The font sizes and colours of labels.
inline constexpr double kArabicSize = 13;  // Arabic names (Noto Naskh is small for its size)
inline constexpr double kLatinSize = 11;   // Latin names
inline constexpr double kDetailSize = 9;   // lifespans, dates, roles
inline constexpr double kTitleSize = 18;
inline constexpr std::string_view kDetailColor = "#555555";

// True when `text` holds a letter of the Arabic script (blocks U+0600–06FF, 0750–077F,
// 08A0–08FF, FB50–FDFF, FE70–FEFF). Precondition: valid UTF-8. Time: O(n).
bool has_arabic(std::string_view text);

// An entity's name lines for `lang`: both gives the original name over the English one (one
// line when they are equal or one is missing); ar the original, en the English form, each
// falling back to the other and then to the key. Sources show their title. Time: O(1).
Label name_label(const Entity& entity, Lang lang);

// A holds relation's role for `lang`, as name_label does names: both gives the original over the
// English (one line when equal or one is missing), ar or en one language, falling back to the
// other. Latin lines are `size` points, Arabic ones two more; all coloured `color`. Time: O(1).
Label role_label(const Relation& relation, Lang lang, double size = kLatinSize,
                 std::string_view color = {});

// The same names on one line, for titles and table cells: "الاسم · Name". Time: O(1).
std::string name_text(const Entity& entity, Lang lang);

// An entity's lifespan as written, "2011-06 – 2013-05", "2011-03 –", "– 2013", an event's date,
// or "" when it has no dates. Time: O(1).
std::string lifespan_text(const Entity& entity);

// A relation's dates as written: its date for a point relation, "start – end" otherwise, "" when
// undated. Time: O(1).
std::string dates_text(const Relation& relation);

// A legend line for relations of `kind` (its look and words). Time: O(1).
LegendEntry legend_entry(RelationKind kind);

// A legend line for entities of `kind`. Time: O(1).
LegendEntry legend_entry(EntityKind kind);

}  // namespace orgraph::render
