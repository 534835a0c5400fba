#pragma once

// The arrays behind TemporalGraph (private to the library).

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/huge_pages.hpp"
#include "detail/interval_index.hpp"
#include "detail/string_pool.hpp"
#include "orgraph/date.hpp"
#include "orgraph/graph.hpp"
#include "orgraph/model.hpp"
#include "orgraph/time_span.hpp"

namespace orgraph::detail {

using DateId = std::uint32_t;       // 0 is the empty (unknown) date
using SourceSetId = std::uint32_t;  // 0 is the empty set

struct Span32 {
  std::uint32_t begin = 0;
  std::uint32_t count = 0;
};

// The rarer parts of an entity, kept aside so that most entities do not pay for them.
struct EntityExtra {
  StringId note = 0;
  Span32 aliases, attributes;
};

// 44 bytes.
struct EntityRecord {
  StringId key = 0, type = 0, name = 0, name_en = 0;
  DateId start = 0, end = 0, date = 0;
  SourceSetId sources = 0;
  std::uint32_t extra = 0;  // index into GraphStorage::entity_extras; 0: none
  std::uint32_t line = 0;
  std::uint16_t file = 0;
  EntityKind kind = EntityKind::org;
};
static_assert(sizeof(EntityRecord) == 44);

// What a relation says beside its endpoints and dates: its sources and texts. Relations share
// few distinct combinations (the same sources, the same office titles), so each is stored once.
struct RelationExtra {
  SourceSetId sources = 0;
  StringId role = 0, role_en = 0, note = 0;
  friend bool operator==(const RelationExtra&, const RelationExtra&) = default;
};

// The most distinct dates a graph holds: a relation keeps its DateIds in 26 bits.
inline constexpr DateId kMaxDateId = (DateId{1} << 26) - 1;

// 24 bytes: the per-relation cost that dominates memory on large graphs. The kind and the
// point flag share words with the DateIds; the file is kept per run of relations
// (GraphStorage::relation_files), as relations come file by file.
class RelationRecord {
 public:
  EntityId from = 0, to = 0;
  std::uint32_t extra = 0;  // index into GraphStorage::relation_extras; 0: no sources, no texts
  std::uint32_t line = 0;

  RelationKind kind() const { return static_cast<RelationKind>(start_kind_ >> 26); }
  DateId start() const { return start_kind_ & kMaxDateId; }
  DateId end() const { return end_point_ & kMaxDateId; }
  bool is_point() const { return (end_point_ >> 31) != 0; }
  // Precondition: start, end <= kMaxDateId.
  void set(RelationKind kind, DateId start, DateId end, bool is_point) {
    start_kind_ = static_cast<std::uint32_t>(kind) << 26 | start;
    end_point_ = (is_point ? 1u << 31 : 0u) | end;
  }

 private:
  std::uint32_t start_kind_ = 0;  // kind << 26 | start DateId
  std::uint32_t end_point_ = 0;   // point flag << 31 | end DateId
};
static_assert(sizeof(RelationRecord) == 24);
static_assert(kRelationKindCount <= 64);

// The relations from `first` up to the next run's first came from file `file`.
struct FileRun {
  RelationId first;
  std::uint32_t file;
};

// A compressed sparse row index: the relations of entity v are ids[offsets[v]..offsets[v+1]),
// grouped by category (then in id order), so one category is a contiguous part of the row.
struct Csr {
  BigVector<std::uint32_t> offsets;
  BigVector<RelationId> ids;
  std::span<const RelationId> row(EntityId v) const {
    return {ids.data() + offsets[v], ids.data() + offsets[v + 1]};
  }
  std::size_t memory_bytes() const {
    return offsets.capacity() * sizeof(std::uint32_t) + ids.capacity() * sizeof(RelationId);
  }
};

// One entry of the name index: a folded name and where its original is.
struct NameEntry {
  std::uint32_t folded_begin;  // in NameIndex::folded
  std::uint16_t folded_length;
  std::uint16_t which;  // 0 the id, 1 name, 2 name_en, 3… aliases, then attributes
  EntityId entity;
};

// The folded-name index behind search and find, built on first use.
struct NameIndex {
  std::string folded;              // every folded name, back to back
  std::vector<NameEntry> entries;  // sorted by folded name, then entity
  std::string_view folded_of(const NameEntry& e) const {
    return std::string_view(folded).substr(e.folded_begin, e.folded_length);
  }
  std::size_t memory_bytes() const {
    return folded.capacity() + entries.capacity() * sizeof(NameEntry);
  }
};

struct GraphStorage {
  std::string name;
  std::string title, note, lang;  // graph attributes
  std::vector<std::string> files;
  StringPool strings;
  BigVector<Date> dates;
  std::vector<EntityId> source_pool;
  std::vector<Span32> source_sets;
  std::vector<std::string_view> alias_pool;
  std::vector<Attribute> attribute_pool;
  BigVector<EntityRecord> entities;
  std::vector<EntityExtra> entity_extras;  // [0] is empty
  BigVector<RelationRecord> relations;
  std::vector<FileRun> relation_files;         // ascending first; empty when no relations
  std::vector<RelationExtra> relation_extras;  // [0] is empty
  Csr out, in;
  BigVector<TimeSpan32> entity_spans;    // lifespans
  BigVector<TimeSpan32> relation_spans;  // clipped to both endpoints' lifespans
  IntervalIndex entity_index;            // over possible lifespans
  IntervalIndex relation_index;          // over possible relation spans
  BigVector<EntityId> by_key;            // entity ids sorted by key
  mutable std::once_flag names_built;
  mutable NameIndex names;  // built by the first search (see TemporalGraph::search)

  std::string_view str(StringId id) const { return strings.view(id); }
  std::uint32_t file_of(RelationId id) const {
    auto run = std::upper_bound(relation_files.begin(), relation_files.end(), id,
                                [](RelationId r, const FileRun& f) { return r < f.first; });
    return std::prev(run)->file;
  }
  const Date* date(DateId id) const { return &dates[id]; }
  std::span<const EntityId> sources(SourceSetId id) const {
    const Span32& s = source_sets[id];
    return {source_pool.data() + s.begin, s.count};
  }
};

}  // namespace orgraph::detail
