#pragma once

// The attributes of a built entity or relation under the names of the DOT conventions, in one
// canonical order (private to the library): what the lossless writers (JSON, CSV, DOT) write,
// so that they agree with each other and with what GraphBuilder reads back.

#include <string_view>
#include <utility>
#include <vector>

#include "orgraph/graph.hpp"

namespace orgraph::io::detail {

// One attribute: a text, or (alias, src) a list of texts.
struct Field {
  std::string_view key;
  std::string_view value;
  std::vector<std::string_view> items;
  bool is_list = false;
};

// kind, type, name, name_en, further names and source metadata (as stored), alias, start, end,
// date, src, note; attributes without a value are left out. Time: O(attributes).
std::vector<Field> entity_fields(const TemporalGraph& graph, EntityId id);

// rel, role, role_en, start, end, date, src, note; without a value left out. Time: O(sources).
std::vector<Field> relation_fields(const TemporalGraph& graph, RelationId id);

// The graph's attributes that have a value, as (key, value): title, note, lang. Time: O(1).
std::vector<std::pair<std::string_view, std::string_view>> graph_attributes(
    const TemporalGraph& graph);

// The entities in the order the lossless writers list them: sources first, then the others,
// each in id order. Time: O(V).
std::vector<EntityId> sources_then_entities(const TemporalGraph& graph);

}  // namespace orgraph::io::detail
