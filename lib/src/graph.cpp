#include "orgraph/graph.hpp"

#include <algorithm>
#include <set>

#include "graph_storage.hpp"
#include "orgraph/names.hpp"

namespace orgraph {

std::string_view to_string(MatchQuality quality) {
  switch (quality) {
    case MatchQuality::id:
      return "id";
    case MatchQuality::exact:
      return "exact";
    case MatchQuality::prefix:
      return "prefix";
    case MatchQuality::word:
      return "word";
    case MatchQuality::substring:
      return "substring";
    case MatchQuality::fuzzy:
      break;
  }
  return "fuzzy";
}

SourceLocation Entity::where() const { return {graph_->s_->files[file_], line_}; }

std::string_view Entity::attribute(std::string_view attribute_key) const {
  if (attribute_key == "name") return name;
  if (attribute_key == "name_en") return name_en;
  if (attribute_key == "note") return note;
  if (attribute_key == "type") return type;
  for (const Attribute& a : attributes) {
    if (a.key == attribute_key) return a.value;
  }
  return {};
}

SourceLocation Relation::where() const { return {graph_->s_->files[file_], line_}; }

TemporalGraph::TemporalGraph(std::unique_ptr<detail::GraphStorage> storage)
    : s_(std::move(storage)) {}
TemporalGraph::TemporalGraph(TemporalGraph&&) noexcept = default;
TemporalGraph& TemporalGraph::operator=(TemporalGraph&&) noexcept = default;
TemporalGraph::~TemporalGraph() = default;

std::string_view TemporalGraph::name() const { return s_->name; }
std::size_t TemporalGraph::entity_count() const { return s_->entities.size(); }
std::size_t TemporalGraph::relation_count() const { return s_->relations.size(); }

Entity TemporalGraph::entity(EntityId id) const {
  const detail::EntityRecord& r = s_->entities[id];
  Entity e;
  e.id = id;
  e.kind = r.kind;
  e.key = s_->str(r.key);
  e.type = s_->str(r.type);
  e.name = s_->str(r.name);
  e.name_en = s_->str(r.name_en);
  e.note = s_->str(r.note);
  e.start = s_->date(r.start);
  e.end = s_->date(r.end);
  e.date = s_->date(r.date);
  e.aliases = {s_->alias_pool.data() + r.aliases.begin, r.aliases.count};
  e.attributes = {s_->attribute_pool.data() + r.attributes.begin, r.attributes.count};
  e.sources = s_->sources(r.sources);
  e.graph_ = this;
  e.file_ = r.file;
  e.line_ = r.line;
  return e;
}

Relation TemporalGraph::relation(RelationId id) const {
  const detail::RelationRecord& r = s_->relations[id];
  Relation out;
  out.id = id;
  out.kind = r.kind;
  out.from = r.from;
  out.to = r.to;
  out.role = s_->str(r.role);
  out.role_en = s_->str(r.role_en);
  out.note = s_->str(r.note);
  out.start = s_->date(r.start);
  out.end = s_->date(r.end);
  out.is_point = (r.flags & detail::kPointRelation) != 0;
  out.sources = s_->sources(r.sources);
  out.graph_ = this;
  out.file_ = r.file;
  out.line_ = r.line;
  return out;
}

std::span<const RelationId> TemporalGraph::out(EntityId id, Category category) const {
  return s_->out[static_cast<std::size_t>(category)].row(id);
}

std::span<const RelationId> TemporalGraph::in(EntityId id, Category category) const {
  return s_->in[static_cast<std::size_t>(category)].row(id);
}

TimeSpan TemporalGraph::lifespan(EntityId id) const { return s_->entity_spans[id].wide(); }

TimeSpan TemporalGraph::span(RelationId id) const { return s_->relation_spans[id].wide(); }

namespace {

std::vector<std::uint32_t> query_index(const detail::IntervalIndex& index, DayRange range) {
  std::vector<std::uint32_t> ids;
  if (range.latest < range.earliest) return ids;
  index.overlapping(detail::to_day32(range.earliest), detail::to_day32(range.latest), ids);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

std::vector<EntityId> TemporalGraph::entities_during(DayRange range) const {
  return query_index(s_->entity_index, range);
}

std::vector<RelationId> TemporalGraph::relations_during(DayRange range) const {
  return query_index(s_->relation_index, range);
}

std::optional<EntityId> TemporalGraph::find_key(std::string_view key) const {
  auto it = s_->by_key.find(key);
  if (it == s_->by_key.end()) return std::nullopt;
  return it->second;
}

namespace {

// True when `needle` starts a word of `hay` (after a space or at the start).
bool starts_word(std::string_view hay, std::string_view needle) {
  for (std::size_t at = hay.find(needle); at != std::string_view::npos;
       at = hay.find(needle, at + 1)) {
    bool begins = at == 0 || hay[at - 1] == ' ';
    bool ends = at + needle.size() == hay.size() || hay[at + needle.size()] == ' ';
    if (begins && ends) return true;
  }
  return false;
}

}  // namespace

std::vector<NameMatch> TemporalGraph::search(std::string_view query, std::size_t limit) const {
  std::vector<NameMatch> found;
  std::set<EntityId> seen;
  auto add = [&](EntityId e, std::string_view matched, MatchQuality q) {
    if (seen.insert(e).second) found.push_back({e, matched, q});
  };
  if (auto id = find_key(query)) add(*id, s_->str(s_->entities[*id].key), MatchQuality::id);
  if (!names::is_valid_utf8(query)) return found;
  const std::string key = names::fold(query);
  if (key.empty()) return found;

  const auto& index = s_->name_index;
  auto lower =
      std::lower_bound(index.begin(), index.end(), key,
                       [](const detail::NameEntry& e, std::string_view k) { return e.folded < k; });
  // Exact matches, then prefixes: both are contiguous from `lower` in the sorted index.
  for (auto it = lower; it != index.end() && it->folded == key; ++it) {
    add(it->entity, it->original, MatchQuality::exact);
  }
  for (auto it = lower; it != index.end() && it->folded.starts_with(key); ++it) {
    add(it->entity, it->original, MatchQuality::prefix);
  }
  std::vector<NameMatch> words, substrings, fuzzy;
  std::size_t best_distance = SIZE_MAX;
  const std::size_t max_distance = std::max<std::size_t>(1, key.size() / 4);
  for (const detail::NameEntry& e : index) {
    if (seen.contains(e.entity)) continue;
    if (e.folded.find(key) != std::string_view::npos) {
      (starts_word(e.folded, key) ? words : substrings)
          .push_back({e.entity, e.original,
                      starts_word(e.folded, key) ? MatchQuality::word : MatchQuality::substring});
    } else if (!e.is_key) {
      std::size_t d = names::edit_distance(e.folded, key);
      if (d <= max_distance && d <= best_distance) {
        if (d < best_distance) fuzzy.clear();
        best_distance = d;
        fuzzy.push_back({e.entity, e.original, MatchQuality::fuzzy});
      }
    }
  }
  for (auto* group : {&words, &substrings, &fuzzy}) {
    for (const NameMatch& m : *group) add(m.entity, m.matched, m.quality);
  }
  if (found.size() > limit) found.resize(limit);
  return found;
}

EntityId TemporalGraph::find(std::string_view query) const {
  if (auto id = find_key(query)) return *id;
  std::vector<NameMatch> matches = search(query, 10);
  std::vector<NameMatch> exact;
  for (const NameMatch& m : matches) {
    if (m.quality == MatchQuality::exact) exact.push_back(m);
  }
  if (exact.size() == 1) return exact.front().entity;
  if (exact.empty() && matches.size() == 1 && matches.front().quality != MatchQuality::fuzzy) {
    return matches.front().entity;
  }
  auto describe = [this](const std::vector<NameMatch>& list) {
    std::string out;
    for (const NameMatch& m : list) {
      Entity e = entity(m.entity);
      out += fmt::format("{}{} ({}{}{})", out.empty() ? "" : ", ", e.key, e.name,
                         e.name_en.empty() ? "" : " / ", e.name_en);
    }
    return out;
  };
  if (!exact.empty()) {
    throw lookup_error(fmt::format("'{}' is ambiguous: {}", query, describe(exact)),
                       lookup_error::Reason::ambiguous, exact);
  }
  if (matches.empty()) {
    throw lookup_error(fmt::format("no entity named '{}'", query), lookup_error::Reason::not_found,
                       {});
  }
  bool only_fuzzy = std::all_of(matches.begin(), matches.end(), [](const NameMatch& m) {
    return m.quality == MatchQuality::fuzzy;
  });
  throw lookup_error(fmt::format("{} '{}'; candidates: {}",
                                 only_fuzzy ? "no entity named" : "several entities match", query,
                                 describe(matches)),
                     only_fuzzy ? lookup_error::Reason::not_found : lookup_error::Reason::ambiguous,
                     matches);
}

std::size_t TemporalGraph::memory_bytes() const {
  const detail::GraphStorage& s = *s_;
  std::size_t bytes =
      sizeof(detail::GraphStorage) + s.strings.memory_bytes() + s.folded_names.memory_bytes() +
      s.dates.capacity() * sizeof(Date) + s.source_pool.capacity() * sizeof(EntityId) +
      s.source_sets.capacity() * sizeof(detail::Span32) +
      s.alias_pool.capacity() * sizeof(std::string_view) +
      s.attribute_pool.capacity() * sizeof(Attribute) +
      s.entities.capacity() * sizeof(detail::EntityRecord) +
      s.relations.capacity() * sizeof(detail::RelationRecord) +
      s.name_index.capacity() * sizeof(detail::NameEntry) +
      s.by_key.size() * (sizeof(std::string_view) + sizeof(EntityId) + 2 * sizeof(void*)) +
      s.by_key.bucket_count() * sizeof(void*);
  for (const Date& d : s.dates) bytes += d.text().capacity() > 15 ? d.text().capacity() : 0;
  bytes += s.entity_spans.capacity() * sizeof(detail::TimeSpan32) +
           s.relation_spans.capacity() * sizeof(detail::TimeSpan32) +
           s.entity_index.memory_bytes() + s.relation_index.memory_bytes();
  for (const auto& csr : s.out) bytes += csr.memory_bytes();
  for (const auto& csr : s.in) bytes += csr.memory_bytes();
  return bytes;
}

}  // namespace orgraph
