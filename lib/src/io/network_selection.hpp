#pragma once

// What a network export contains (private to the library): all non-source entities and all
// relations, or one snapshot's, with the certainty each has there.

#include <optional>
#include <string>
#include <vector>

#include "orgraph/graph.hpp"
#include "orgraph/io/network_options.hpp"

namespace orgraph::io::detail {

struct NetworkSelection {
  std::vector<EntityId> entities;
  std::vector<RelationId> relations;
  // Parallel to the above when a snapshot was asked for, else empty.
  std::vector<Certainty> entity_certainty;
  std::vector<Certainty> relation_certainty;
  bool snapshot = false;
  // Further names used by the selected entities (name_fr, …), in order of first use.
  std::vector<std::string> further_names;
};

// Time: O(V + E), or the snapshot query's.
NetworkSelection select_network(const TemporalGraph& graph, const NetworkExportOptions& options);

// An entity's or relation's attribute values as the network exports write them: (name, value)
// pairs, empty values left out. Time: O(attributes).
std::vector<std::pair<std::string_view, std::string>> node_values(const TemporalGraph& graph,
                                                                  EntityId id);
std::vector<std::pair<std::string_view, std::string>> edge_values(const TemporalGraph& graph,
                                                                  RelationId id);

// The static node and edge attribute names, in the order declared (node names include
// `further`). Time: O(1).
std::vector<std::string> node_attribute_names(const NetworkSelection& selection);
std::vector<std::string> edge_attribute_names();

}  // namespace orgraph::io::detail
