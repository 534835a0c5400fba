#pragma once

// Which entities and relations a snapshot keeps, independent of time (private to the library):
// shared by the snapshot, its series and its series of changes.

#include <algorithm>
#include <array>
#include <optional>

#include "graph_storage.hpp"
#include "orgraph/query/snapshot.hpp"

namespace orgraph::detail {

// Decides which entities and relations a snapshot keeps, independent of time. Reads the
// storage arrays directly: a snapshot may weigh millions of facts, and building an Entity or
// Relation view for each costs more than the answer itself.
class SnapshotFilter {
 public:
  SnapshotFilter(const TemporalGraph& g, const query::SnapshotOptions& o) : s_(storage(g)), o_(o) {
    entity_kinds_.fill(o.kinds.empty());
    for (EntityKind k : o.kinds) entity_kinds_[static_cast<std::size_t>(k)] = true;
    relation_kinds_.fill(o.relations.empty());
    for (RelationKind k : o.relations) relation_kinds_[static_cast<std::size_t>(k)] = true;
  }

  bool keeps(EntityId id) const {
    const EntityRecord& e = s_.entities[id];
    if (e.kind == EntityKind::source) return false;
    if (!entity_kinds_[static_cast<std::size_t>(e.kind)]) return false;
    return o_.types.empty() ||
           std::find(o_.types.begin(), o_.types.end(), s_.str(e.type)) != o_.types.end();
  }

  bool keeps_kind(RelationKind kind) const {
    return relation_kinds_[static_cast<std::size_t>(kind)];
  }

  bool connected_only() const { return o_.connected_only; }

  // Whether entities are kept by kind or type (beyond leaving out sources).
  bool filters_entities() const { return !o_.kinds.empty() || !o_.types.empty(); }
  // Whether relations are kept by kind.
  bool filters_relations() const { return !o_.relations.empty(); }

  std::optional<Certainty> certainty(std::optional<Certainty> c) const {
    if (!c || (o_.certain_only && *c != Certainty::certain)) return std::nullopt;
    return c;
  }

 private:
  const GraphStorage& s_;
  const query::SnapshotOptions& o_;
  std::array<bool, kEntityKindCount> entity_kinds_{};
  std::array<bool, kRelationKindCount> relation_kinds_{};
};

// Drops from `s` the entities no relation of it touches (SnapshotOptions::connected_only).
// Time: O(k log k) for k relations.
void keep_connected(const GraphStorage& g, query::Snapshot& s);

}  // namespace orgraph::detail
