#include "orgraph/graph.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "graph_storage.hpp"
#include "orgraph/names.hpp"

namespace orgraph {

const detail::GraphStorage& detail::storage(const TemporalGraph& graph) { return *graph.s_; }

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
std::string_view TemporalGraph::title() const { return s_->title; }
std::string_view TemporalGraph::note() const { return s_->note; }
std::string_view TemporalGraph::lang() const { return s_->lang; }
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
  const detail::EntityExtra& extra = s_->entity_extras[r.extra];
  e.note = s_->str(extra.note);
  e.start = s_->date(r.start);
  e.end = s_->date(r.end);
  e.date = s_->date(r.date);
  e.aliases = {s_->alias_pool.data() + extra.aliases.begin, extra.aliases.count};
  e.attributes = {s_->attribute_pool.data() + extra.attributes.begin, extra.attributes.count};
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
  out.kind = r.kind();
  out.from = r.from;
  out.to = r.to;
  const detail::RelationExtra& extra = s_->relation_extras[r.extra];
  out.role = s_->str(extra.role);
  out.role_en = s_->str(extra.role_en);
  out.note = s_->str(extra.note);
  out.start = s_->date(r.start());
  out.end = s_->date(r.end());
  out.is_point = r.is_point();
  out.sources = s_->sources(extra.sources);
  out.graph_ = this;
  out.file_ = s_->file_of(id);
  out.line_ = r.line;
  return out;
}

namespace {

// The part of an entity's row in one category (rows are grouped by category). Time: O(log deg).
std::span<const RelationId> category_part(const detail::GraphStorage& s,
                                          std::span<const RelationId> row, Category category) {
  auto category_of = [&](RelationId id) { return traits(s.relations[id].kind()).category; };
  auto first = std::partition_point(row.begin(), row.end(),
                                    [&](RelationId id) { return category_of(id) < category; });
  auto last = std::partition_point(first, row.end(),
                                   [&](RelationId id) { return category_of(id) == category; });
  return {first, last};
}

}  // namespace

std::span<const RelationId> TemporalGraph::out(EntityId id, Category category) const {
  return category_part(*s_, s_->out.row(id), category);
}

std::span<const RelationId> TemporalGraph::in(EntityId id, Category category) const {
  return category_part(*s_, s_->in.row(id), category);
}

std::span<const RelationId> TemporalGraph::out(EntityId id) const { return s_->out.row(id); }

std::span<const RelationId> TemporalGraph::in(EntityId id) const { return s_->in.row(id); }

TimeSpan TemporalGraph::lifespan(EntityId id) const { return s_->entity_spans[id].wide(); }

TimeSpan TemporalGraph::span(RelationId id) const { return s_->relation_spans[id].wide(); }

namespace {

std::vector<std::uint32_t> query_index(const detail::IntervalIndex& index,
                                       std::span<const detail::TimeSpan32> spans, DayRange range) {
  std::vector<std::uint32_t> ids;
  detail::ids_during(index, spans, range, ids);
  return ids;
}

}  // namespace

std::vector<EntityId> TemporalGraph::entities_during(DayRange range) const {
  return query_index(s_->entity_index, s_->entity_spans, range);
}

std::vector<RelationId> TemporalGraph::relations_during(DayRange range) const {
  return query_index(s_->relation_index, s_->relation_spans, range);
}

std::optional<EntityId> TemporalGraph::find_key(std::string_view key) const {
  auto it = std::lower_bound(
      s_->by_key.begin(), s_->by_key.end(), key,
      [this](EntityId id, std::string_view k) { return s_->str(s_->entities[id].key) < k; });
  if (it == s_->by_key.end() || s_->str(s_->entities[*it].key) != key) return std::nullopt;
  return *it;
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

  const detail::NameIndex& names = name_index();
  const auto& index = names.entries;
  auto folded = [&](const detail::NameEntry& e) { return names.folded_of(e); };
  auto original = [&](const detail::NameEntry& e) { return name_of(e.entity, e.which); };
  auto lower = std::lower_bound(
      index.begin(), index.end(), key,
      [&](const detail::NameEntry& e, std::string_view k) { return folded(e) < k; });
  // Exact matches, then prefixes: both are contiguous from `lower` in the sorted index.
  for (auto it = lower; it != index.end() && folded(*it) == key; ++it) {
    add(it->entity, original(*it), MatchQuality::exact);
  }
  for (auto it = lower; it != index.end() && folded(*it).starts_with(key); ++it) {
    add(it->entity, original(*it), MatchQuality::prefix);
  }
  std::vector<NameMatch> words, substrings, fuzzy;
  std::size_t best_distance = SIZE_MAX;
  const std::size_t max_distance = std::max<std::size_t>(1, key.size() / 4);
  for (const detail::NameEntry& e : index) {
    if (seen.contains(e.entity)) continue;
    const std::string_view f = folded(e);
    if (f.find(key) != std::string_view::npos) {
      const bool word = starts_word(f, key);
      (word ? words : substrings)
          .push_back({e.entity, original(e), word ? MatchQuality::word : MatchQuality::substring});
    } else if (e.which != 0) {  // ids are not names: no fuzzy matching on them
      std::size_t d = names::edit_distance(f, key);
      if (d <= max_distance && d <= best_distance) {
        if (d < best_distance) fuzzy.clear();
        best_distance = d;
        fuzzy.push_back({e.entity, original(e), MatchQuality::fuzzy});
      }
    }
  }
  for (auto* group : {&words, &substrings, &fuzzy}) {
    for (const NameMatch& m : *group) add(m.entity, m.matched, m.quality);
  }
  if (found.size() > limit) found.resize(limit);
  return found;
}

std::string_view TemporalGraph::name_of(EntityId id, std::uint16_t which) const {
  const Entity e = entity(id);
  if (which == 0) return e.key;
  if (which == 1) return e.name;
  if (which == 2) return e.name_en;
  if (which - 3u < e.aliases.size()) return e.aliases[which - 3u];
  return e.attributes[which - 3u - e.aliases.size()].value;
}

const detail::NameIndex& TemporalGraph::name_index() const {
  std::call_once(s_->names_built, [this] {
    detail::NameIndex& index = s_->names;
    for (EntityId id = 0; id < entity_count(); ++id) {
      const Entity e = entity(id);
      const std::size_t names = 3 + e.aliases.size() + e.attributes.size();
      for (std::size_t which = 0; which < names && which < 0xFFFF; ++which) {
        if (which >= 3 + e.aliases.size()) {
          const Attribute& a = e.attributes[which - 3 - e.aliases.size()];
          if (!a.key.starts_with("name_") && a.key != "title") continue;
        }
        const std::string_view original = name_of(id, static_cast<std::uint16_t>(which));
        if (original.empty()) continue;
        const std::string folded = names::fold(original);
        if (folded.empty() || folded.size() > 0xFFFF) continue;
        index.entries.push_back({static_cast<std::uint32_t>(index.folded.size()),
                                 static_cast<std::uint16_t>(folded.size()),
                                 static_cast<std::uint16_t>(which), id});
        index.folded += folded;
      }
    }
    std::sort(index.entries.begin(), index.entries.end(),
              [&](const detail::NameEntry& a, const detail::NameEntry& b) {
                // A name reads better than an id in "matched": ids sort last.
                return std::make_tuple(index.folded_of(a), a.entity, a.which == 0, a.which) <
                       std::make_tuple(index.folded_of(b), b.entity, b.which == 0, b.which);
              });
    index.folded.shrink_to_fit();
  });
  return s_->names;
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
      sizeof(detail::GraphStorage) + s.strings.memory_bytes() + s.dates.capacity() * sizeof(Date) +
      s.source_pool.capacity() * sizeof(EntityId) +
      s.source_sets.capacity() * sizeof(detail::Span32) +
      s.alias_pool.capacity() * sizeof(std::string_view) +
      s.attribute_pool.capacity() * sizeof(Attribute) +
      s.entities.capacity() * sizeof(detail::EntityRecord) +
      s.entity_extras.capacity() * sizeof(detail::EntityExtra) +
      s.relations.capacity() * sizeof(detail::RelationRecord) +
      s.relation_files.capacity() * sizeof(detail::FileRun) +
      s.relation_extras.capacity() * sizeof(detail::RelationExtra) +
      s.by_key.capacity() * sizeof(EntityId) + s.out.memory_bytes() + s.in.memory_bytes() +
      s.entity_spans.capacity() * sizeof(detail::TimeSpan32) +
      s.relation_spans.capacity() * sizeof(detail::TimeSpan32) + s.entity_index.memory_bytes() +
      s.relation_index.memory_bytes() + s.names.memory_bytes();  // zero until the first name search
  for (const Date& d : s.dates) bytes += d.text().capacity() > 15 ? d.text().capacity() : 0;
  return bytes;
}

}  // namespace orgraph
