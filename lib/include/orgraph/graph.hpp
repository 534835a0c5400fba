#pragma once

// TemporalGraph: the immutable, indexed, typed temporal graph every query runs on.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/date.hpp"
#include "orgraph/diagnostic.hpp"
#include "orgraph/error.hpp"
#include "orgraph/model.hpp"
#include "orgraph/time_span.hpp"

namespace orgraph {

using EntityId = std::uint32_t;
using RelationId = std::uint32_t;
inline constexpr EntityId kNoEntity = 0xFFFFFFFFu;

// A key/value pair kept verbatim from the input (names in further languages, source metadata).
struct Attribute {
  std::string_view key;
  std::string_view value;
};

// A read-only view of one entity. Valid as long as its graph lives; cheap to copy.
struct Entity {
  EntityId id = kNoEntity;
  EntityKind kind = EntityKind::org;
  std::string_view key;      // the stable ASCII id written in the file ("snc")
  std::string_view type;     // "" when not given
  std::string_view name;     // primary name, in its original language
  std::string_view name_en;  // "" when not given
  std::string_view note;
  const Date* start = nullptr;  // never null in a view from a graph; empty() when not given
  const Date* end = nullptr;
  const Date* date = nullptr;  // an event's point date
  std::span<const std::string_view> aliases;
  std::span<const Attribute> attributes;  // name_xx, title, publisher, url, … as written
  std::span<const EntityId> sources;
  SourceLocation where() const;

  // The value of attribute `key` among name/name_en/note/attributes, or "" if absent.
  std::string_view attribute(std::string_view key) const;

 private:
  friend class TemporalGraph;
  const class TemporalGraph* graph_ = nullptr;
  std::uint32_t file_ = 0;
  std::uint32_t line_ = 0;
};

// A read-only view of one relation (a dated, sourced claim between two entities).
struct Relation {
  RelationId id = 0;
  RelationKind kind = RelationKind::member_of;
  EntityId from = kNoEntity;
  EntityId to = kNoEntity;
  std::string_view role;  // `holds` only; "" otherwise
  std::string_view role_en;
  std::string_view note;
  const Date* start = nullptr;  // for point relations: the date; end is then empty
  const Date* end = nullptr;
  bool is_point = false;  // written with date= (a point), not start/end
  std::span<const EntityId> sources;
  SourceLocation where() const;

 private:
  friend class TemporalGraph;
  const class TemporalGraph* graph_ = nullptr;
  std::uint32_t file_ = 0;
  std::uint32_t line_ = 0;
};

// How well a name query matched, best first.
enum class MatchQuality : std::uint8_t { id, exact, prefix, word, substring, fuzzy };
std::string_view to_string(MatchQuality quality);

// One result of TemporalGraph::search.
struct NameMatch {
  EntityId entity;
  std::string_view matched;  // the id, name or alias that matched, as written
  MatchQuality quality;
};

// Thrown by TemporalGraph::find when a query names no entity or several.
class lookup_error : public error {
 public:
  enum class Reason : std::uint8_t { not_found, ambiguous };
  lookup_error(std::string message, Reason reason, std::vector<NameMatch> candidates)
      : error(std::move(message)), reason_(reason), candidates_(std::move(candidates)) {}
  Reason reason() const noexcept { return reason_; }
  const std::vector<NameMatch>& candidates() const noexcept { return candidates_; }

 private:
  Reason reason_;
  std::vector<NameMatch> candidates_;
};

class TemporalGraph;
namespace detail {
struct GraphStorage;
struct NameIndex;
// The arrays behind a graph, for the library's own queries.
const GraphStorage& storage(const TemporalGraph& graph);
}  // namespace detail

// The built graph: entities and relations in flat arrays, strings and dates interned, CSR
// adjacency (out and in) per relation category, and a folded-name index. Immutable once built
// (by GraphBuilder); all const member functions are safe to call from several threads at once,
// and so are the query functions (query/*.hpp) and views (render/*_view.hpp) that read it: the
// one lazily built part, the name index of the first search(), is built once under
// std::call_once. Moving or destroying a graph while others read it is a data race.
// Movable, not copyable.
class TemporalGraph {
 public:
  TemporalGraph(TemporalGraph&&) noexcept;
  TemporalGraph& operator=(TemporalGraph&&) noexcept;
  TemporalGraph(const TemporalGraph&) = delete;
  TemporalGraph& operator=(const TemporalGraph&) = delete;
  ~TemporalGraph();

  // The graph's name (the first DOT graph's name). Time: O(1).
  std::string_view name() const;
  // The graph's attributes `title`, `note` and `lang` ("" when not given). Time: O(1).
  std::string_view title() const;
  std::string_view note() const;
  std::string_view lang() const;
  std::size_t entity_count() const;
  std::size_t relation_count() const;

  // A view of entity `id`; precondition id < entity_count(). Time: O(1).
  Entity entity(EntityId id) const;
  // A view of relation `id`; precondition id < relation_count(). Time: O(1).
  Relation relation(RelationId id) const;

  // Relations of one category leaving (out) or entering (in) an entity, in file order.
  // Symmetric relations are listed from their first endpoint (out) and second (in).
  // Time: O(log degree) (the category's part of the row is found by binary search).
  std::span<const RelationId> out(EntityId id, Category category) const;
  std::span<const RelationId> in(EntityId id, Category category) const;
  // Every relation leaving / entering an entity, grouped by category. Time: O(1).
  std::span<const RelationId> out(EntityId id) const;
  std::span<const RelationId> in(EntityId id) const;

  // When entity `id` exists (its lifespan, or an event's date). Time: O(1).
  TimeSpan lifespan(EntityId id) const;
  // When relation `id` holds: its own dates clipped to both endpoints' lifespans, so a
  // relation never holds outside them (keeping the weaker certainty). Time: O(1).
  TimeSpan span(RelationId id) const;

  // The entities / relations that are possible (or certain) on some day of `range`, in id
  // order: the time index's answer, before any certainty filter. Time: O(log n + k log k).
  std::vector<EntityId> entities_during(DayRange range) const;
  std::vector<RelationId> relations_during(DayRange range) const;

  // The entity with exactly this id (key), if any. Time: O(log n).
  std::optional<EntityId> find_key(std::string_view key) const;

  // Every entity whose id, name or alias matches `query` after folding (names::fold), best
  // match first: exact id, exact name, name prefix, whole word, substring, then names within a
  // small edit distance. At most `limit` results. The first search builds the folded-name index
  // (O(names log names), thread-safe). Time: O(log n + answer) for exact and prefix, O(names)
  // for the rest.
  std::vector<NameMatch> search(std::string_view query, std::size_t limit = 20) const;

  // The one entity `query` names: an exact id, else the unique entity whose name or alias folds
  // to the same key. Throws lookup_error listing candidates when none or several match.
  // Time: as search().
  EntityId find(std::string_view query) const;

  // Bytes held by the built graph (arrays, strings, indexes; the name index only once a name
  // search has built it). Time: O(distinct dates).
  std::size_t memory_bytes() const;

 private:
  friend class GraphBuilder;
  friend struct Entity;
  friend struct Relation;
  friend const detail::GraphStorage& detail::storage(const TemporalGraph& graph);
  explicit TemporalGraph(std::unique_ptr<detail::GraphStorage> storage);
  const detail::NameIndex& name_index() const;
  std::string_view name_of(EntityId id, std::uint16_t which) const;
  std::unique_ptr<detail::GraphStorage> s_;
};

}  // namespace orgraph

template <>
struct fmt::formatter<orgraph::MatchQuality> : fmt::formatter<std::string_view> {
  auto format(orgraph::MatchQuality v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(v), ctx);
  }
};
