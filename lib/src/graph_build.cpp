// GraphBuilder::build: validates what was collected and lays it out as a TemporalGraph.

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "builder_state.hpp"
#include "detail/side_by_side.hpp"
#include "graph_checks.hpp"
#include "graph_storage.hpp"
#include "orgraph/graph_builder.hpp"

namespace orgraph {
namespace detail {
namespace {

constexpr std::array<std::string_view, kEntityKindCount> kKindNames{"org", "person", "event",
                                                                    "place", "source"};

std::string_view describe_kinds(KindSet set) {
  // Short English for the endpoint sets used in the relation table.
  constexpr std::array<std::pair<std::uint8_t, std::string_view>, 7> kWords{{
      {KindSet{EntityKind::org}.bits(), "an org"},
      {KindSet{EntityKind::person}.bits(), "a person"},
      {KindSet{EntityKind::event}.bits(), "an event"},
      {KindSet{EntityKind::place}.bits(), "a place"},
      {KindSet{EntityKind::org, EntityKind::person}.bits(), "an org or a person"},
      {KindSet{EntityKind::org, EntityKind::person, EntityKind::event}.bits(),
       "an org, a person or an event"},
      {KindSet{EntityKind::org, EntityKind::place}.bits(), "an org or a place"},
  }};
  for (auto [bits, words] : kWords) {
    if (bits == set.bits()) return words;
  }
  if (set.bits() == KindSet{EntityKind::org, EntityKind::event}.bits()) return "an org or an event";
  return "an event, an org or a place";
}

// "did you mean 'X'?" for the choice closest to `word`, else the list of all. Callers with a
// list that may be empty say something else when it is (Validator::suggest).
std::string did_you_mean(std::string_view word, std::span<const std::string_view> choices) {
  std::string_view guess = names::closest(word, choices);
  if (!guess.empty()) return fmt::format("did you mean '{}'?", guess);
  std::string all;
  for (std::string_view c : choices) all += fmt::format("{}{}", all.empty() ? "" : ", ", c);
  return "expected one of: " + all;
}

// The entity or edge a diagnostic is about, formatted only when one is reported.
using Subject = std::function<std::string()>;

// Turns the collected raw data into storage, reporting every error it finds.
class Validator {
 public:
  explicit Validator(BuilderState& s) : s_(s), out_(std::make_unique<GraphStorage>()) {}

  std::unique_ptr<GraphStorage> run() {
    out_->name = s_.name;
    out_->title = s_.graph_attributes[0].value;
    out_->note = s_.graph_attributes[1].value;
    out_->lang = s_.graph_attributes[2].value;
    out_->files = s_.files;
    out_->dates.emplace_back();            // DateId 0: unknown
    out_->source_sets.emplace_back();      // SourceSetId 0: none
    out_->relation_extras.emplace_back();  // extra 0: no sources, no texts
    out_->entity_extras.emplace_back();
    date_ids_.push_back(0);  // StringId 0 ("") is date 0
    validate_entities();
    validate_relations();
    if (s_.errors > 0) return nullptr;
    index_time();
    trim();
    return std::move(out_);
  }

 private:
  std::string_view str(StringId id) const { return s_.strings.view(id); }

  // The relation kind a rel= text names, parsed once per distinct text.
  std::optional<RelationKind> relation_kind(StringId text) {
    if (relation_kinds_.size() <= text) relation_kinds_.resize(text + 1, kNotParsed);
    if (relation_kinds_[text] == kNotParsed) {
      auto kind = parse_relation_kind(str(text));
      relation_kinds_[text] = kind ? static_cast<std::int8_t>(*kind) : kNoKind;
    }
    if (relation_kinds_[text] == kNoKind) return std::nullopt;
    return static_cast<RelationKind>(relation_kinds_[text]);
  }

  // The DateId of a date text, parsing each distinct text once; nullopt (and an error) if bad.
  std::optional<DateId> date(StringId text, FileLine at, std::string_view attribute,
                             const Subject& subject) {
    if (text == 0) return DateId{0};
    if (date_ids_.size() <= text) date_ids_.resize(text + 1, kUnparsed);
    DateId& slot = date_ids_[text];
    if (slot == kUnparsed) {
      std::string why;
      if (out_->dates.size() > kMaxDateId) {
        slot = kInvalid;
        date_errors_[text] = fmt::format("more than {} distinct dates in one graph", kMaxDateId);
      } else if (auto d = Date::try_parse(str(text), &why)) {
        slot = static_cast<DateId>(out_->dates.size());
        out_->dates.push_back(std::move(*d));
      } else {
        slot = kInvalid;
        date_errors_[text] = why;
      }
    }
    if (slot == kInvalid) {
      s_.report(Severity::error, at, fmt::format("{}: {}", attribute, date_errors_[text]),
                subject(), "dates are EDTF: 2013, 2013-05, 2013-05-20, 2016~, 2013/2015");
      return std::nullopt;
    }
    return slot;
  }

  // Reports an end that certainly precedes its start.
  void check_order(DateId start, DateId end, FileLine at, const Subject& subject) {
    if (start == 0 || end == 0) return;
    const Date& a = out_->dates[start];
    const Date& b = out_->dates[end];
    if (b.bounds().latest < a.bounds().earliest) {
      s_.report(Severity::error, at,
                fmt::format("end '{}' is before start '{}'", b.text(), a.text()), subject());
    }
  }

  // Resolves source ids (src="s1 s2") into a set; reports ids that name no source.
  SourceSetId sources(std::span<const StringId> texts, FileLine at, const Subject& subject) {
    // One src text (the relation case) resolves the same everywhere: cache what succeeded.
    const bool cacheable = texts.size() == 1;
    if (cacheable && texts[0] < source_set_of_text_.size() &&
        source_set_of_text_[texts[0]] != kUnresolved) {
      return source_set_of_text_[texts[0]];
    }
    const std::size_t errors_before = s_.errors;
    std::vector<EntityId> ids;
    for (StringId text : texts) {
      for_each_item(str(text), " ,\t", [&](std::string_view item) {
        auto key = s_.strings.lookup(item);
        const std::optional<EntityId> found = key ? s_.entity_of(*key) : std::nullopt;
        if (found && s_.entities[*found].rejected) return;  // reported by its reader
        if (!found || !s_.entities[*found].has_attributes) {
          s_.report(Severity::error, at, fmt::format("src names no source '{}'", item), subject(),
                    suggest(item, source_keys(),
                            fmt::format("no source is declared; declare one: {} [kind=source "
                                        "title=\"…\"]",
                                        item)));
          return;
        }
        if (kinds_[*found] != EntityKind::source) {
          s_.report(Severity::error, at,
                    fmt::format("src '{}' is not a source (it is kind={})", item, kinds_[*found]),
                    subject(), "src= lists entities of kind=source");
          return;
        }
        ids.push_back(*found);
      });
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.empty()) return 0;
    auto [it, inserted] =
        source_set_ids_.try_emplace(ids, static_cast<SourceSetId>(out_->source_sets.size()));
    if (inserted) {
      out_->source_sets.push_back({static_cast<std::uint32_t>(out_->source_pool.size()),
                                   static_cast<std::uint32_t>(ids.size())});
      out_->source_pool.insert(out_->source_pool.end(), ids.begin(), ids.end());
    }
    if (cacheable && s_.errors == errors_before) {
      if (source_set_of_text_.size() <= texts[0]) {
        source_set_of_text_.resize(texts[0] + 1, kUnresolved);
      }
      source_set_of_text_[texts[0]] = it->second;
    }
    return it->second;
  }

  // A did-you-mean over the graph's own ids, or `none` when there are none to choose from.
  // Each costs O(ids), so only the first 100 get one.
  std::string suggest(std::string_view word, std::span<const std::string_view> keys,
                      std::string none) {
    if (keys.empty()) return none;
    if (suggestions_left_ == 0) return {};
    --suggestions_left_;
    if (keys.size() <= 20) return did_you_mean(word, keys);  // few enough to list
    std::string_view guess = names::closest(word, keys);
    return guess.empty() ? std::string() : fmt::format("did you mean '{}'?", guess);
  }

  // The ids a relation may join: declared entities other than sources. Computed once.
  std::span<const std::string_view> endpoint_keys() {
    if (!endpoint_keys_) {
      endpoint_keys_.emplace();
      for (std::size_t i = 0; i < s_.entities.size(); ++i) {
        if (known_[i] && kinds_[i] != EntityKind::source) {
          endpoint_keys_->push_back(str(s_.entities[i].key));
        }
      }
    }
    return *endpoint_keys_;
  }

  // The ids of the declared sources. Computed once.
  std::span<const std::string_view> source_keys() {
    if (!source_keys_) {
      source_keys_.emplace();
      for (std::size_t i = 0; i < s_.entities.size(); ++i) {
        if (known_[i] && kinds_[i] == EntityKind::source) {
          source_keys_->push_back(str(s_.entities[i].key));
        }
      }
    }
    return *source_keys_;
  }

  // First pass: kinds, so that src= and endpoints can be checked against them.
  void read_kinds() {
    kinds_.assign(s_.entities.size(), EntityKind::org);
    known_.assign(s_.entities.size(), false);
    for (std::size_t i = 0; i < s_.entities.size(); ++i) {
      const RawEntity& e = s_.entities[i];
      const FieldValue& kind = e.fields[kKind];
      if (kind.value == 0 || e.rejected) continue;
      if (auto k = parse_entity_kind(str(kind.value))) {
        kinds_[i] = *k;
        known_[i] = true;
      }
    }
  }

  void validate_entities() {
    read_kinds();
    out_->entities.resize(s_.entities.size());
    for (std::size_t i = 0; i < s_.entities.size(); ++i) validate_entity(static_cast<EntityId>(i));
  }

  void validate_entity(EntityId id) {
    const RawEntity& e = s_.entities[id];
    const std::string key(str(e.key));
    const FileLine at = e.has_attributes ? e.declared : e.first_mention;
    EntityRecord& r = out_->entities[id];
    r.key = e.key;
    r.file = static_cast<std::uint16_t>(at.file);
    r.line = at.line;
    auto field_at = [&](EntityField f) { return e.fields[f].value ? e.fields[f].where : at; };

    if (e.rejected) return;  // its reader reported why
    if (!e.has_attributes) {
      s_.report(Severity::error, at, fmt::format("'{}' is used but never declared", key), key,
                fmt::format("declare it: {} [kind=org name=\"…\"], or check the spelling", key));
      return;
    }
    const FieldValue& kind = e.fields[kKind];
    if (kind.value == 0) {
      s_.report(Severity::error, at, "entity has no kind=", key,
                "kind is one of: org, person, event, place, source");
      return;
    }
    if (!known_[id]) {
      s_.report(Severity::error, kind.where, fmt::format("unknown kind '{}'", str(kind.value)), key,
                did_you_mean(str(kind.value), kKindNames));
      return;
    }
    r.kind = kinds_[id];

    if (StringId type = e.fields[kType].value) {
      auto types = entity_types(r.kind);
      if (types.empty()) {
        s_.report(Severity::error, field_at(kType),
                  fmt::format("a {} takes no type= (got '{}')", r.kind, str(type)), key);
      } else if (!is_known_type(r.kind, str(type))) {
        s_.report(Severity::error, field_at(kType),
                  fmt::format("unknown {} type '{}'", r.kind, str(type)), key,
                  did_you_mean(str(type), types));
      }
      r.type = type;
    }
    r.name = e.fields[kName].value;
    r.name_en = e.fields[kNameEn].value;
    EntityExtra extra;
    extra.note = e.fields[kNote].value;
    if (r.kind == EntityKind::source) {
      if (r.name == 0 && e.fields[kTitle].value == 0) {
        s_.report(Severity::error, at, "source has neither title= nor name=", key);
      }
    } else {
      if (r.name == 0) {
        s_.report(Severity::error, at, "entity has no name=", key,
                  r.name_en ? "name= holds the name in its original language; name_en= the "
                              "English form"
                            : "add name=\"…\" in the original language");
      }
      for (int f = kFirstSourceField; f < kEntityFieldCount; ++f) {
        if (e.fields[f].value != 0) {
          s_.report(Severity::warning, e.fields[f].where,
                    fmt::format("'{}' is an attribute of sources; ignored on a {}",
                                kEntityFieldNames[f], r.kind),
                    key);
        }
      }
    }

    const Subject subject = [&key] { return key; };
    auto start = date(e.fields[kStart].value, field_at(kStart), "start", subject);
    auto end = date(e.fields[kEnd].value, field_at(kEnd), "end", subject);
    auto point = date(e.fields[kDate].value, field_at(kDate), "date", subject);
    if (start && end) check_order(*start, *end, at, subject);
    r.start = start.value_or(0);
    r.end = end.value_or(0);
    r.date = point.value_or(0);
    if (r.date != 0 && (r.start != 0 || r.end != 0) && r.kind != EntityKind::source) {
      s_.report(Severity::error, field_at(kDate), "give either date= or start=/end=, not both", key,
                "date= is a point in time; start=/end= an interval");
    }

    // Names in further languages and source metadata are kept as written.
    extra.attributes.begin = static_cast<std::uint32_t>(out_->attribute_pool.size());
    for (const auto& [k, v] : e.extra) out_->attribute_pool.push_back({str(k), str(v.value)});
    if (r.kind == EntityKind::source) {
      for (int f = kFirstSourceField; f < kEntityFieldCount; ++f) {
        if (e.fields[f].value) {
          out_->attribute_pool.push_back({kEntityFieldNames[f], str(e.fields[f].value)});
        }
      }
    }
    extra.attributes.count =
        static_cast<std::uint32_t>(out_->attribute_pool.size()) - extra.attributes.begin;

    extra.aliases.begin = static_cast<std::uint32_t>(out_->alias_pool.size());
    // Each alias once: searched among a few, looked up in a set beyond (an imported record may
    // have thousands of other names).
    std::unordered_set<std::string_view> seen;
    for (StringId a : e.aliases) {
      for_each_item(str(a), "|", [&](std::string_view alias) {
        const std::string_view stored = str(s_.strings.intern(alias));
        const auto first = out_->alias_pool.begin() + extra.aliases.begin;
        constexpr std::ptrdiff_t kSearched = 16;
        if (seen.empty() && out_->alias_pool.end() - first >= kSearched) {
          seen.insert(first, out_->alias_pool.end());
        }
        const bool fresh = seen.empty() ? std::find(first, out_->alias_pool.end(), stored) ==
                                              out_->alias_pool.end()
                                        : seen.insert(stored).second;
        if (fresh) out_->alias_pool.push_back(stored);
      });
    }
    extra.aliases.count = static_cast<std::uint32_t>(out_->alias_pool.size()) - extra.aliases.begin;
    if (extra.note != 0 || extra.aliases.count != 0 || extra.attributes.count != 0) {
      r.extra = static_cast<std::uint32_t>(out_->entity_extras.size());
      out_->entity_extras.push_back(extra);
    }
    r.sources = sources(e.sources, field_at(kSrc), subject);
  }

  void validate_relations() {
    out_->relations.reserve(s_.relations.size());
    for (const RawRelation& raw : s_.relations) validate_relation(raw);
  }

  void validate_relation(const RawRelation& raw) {
    const Subject subject = [&] { return fmt::format("{} -> {}", str(raw.from), str(raw.to)); };
    const FileLine at = raw.where;
    RelationRecord r;
    r.line = at.line;

    const StringId rel = raw.fields[kRel];
    std::optional<RelationKind> kind;
    if (rel == 0) {
      s_.report(Severity::error, at, "relation has no rel=", subject(),
                "add rel=member_of, rel=holds, rel=split_from, …");
    } else if (!(kind = relation_kind(rel))) {
      std::vector<std::string_view> names;
      for (const RelationTraits& t : relation_table()) names.push_back(t.name);
      s_.report(Severity::error, at, fmt::format("unknown rel '{}'", str(rel)), subject(),
                did_you_mean(str(rel), names));
    }
    auto endpoint = [&](StringId key) -> std::optional<EntityId> {
      const std::optional<EntityId> found = s_.entity_of(key);
      if (!found) {
        s_.report(Severity::error, at, fmt::format("'{}' is not declared", str(key)), subject(),
                  suggest(str(key), endpoint_keys(),
                          fmt::format("declare it: {} [kind=org name=\"…\"]", str(key))));
        return std::nullopt;
      }
      // A known kind implies a declaration; without one the entity is reported itself.
      if (!known_[*found]) return std::nullopt;
      return found;
    };
    auto from = endpoint(raw.from);
    auto to = endpoint(raw.to);
    if (from && to && *from == *to) {
      s_.report(Severity::error, at, "relation from an entity to itself", subject());
    }
    if (kind && from && to) {
      const RelationTraits& t = traits(*kind);
      if (!t.from.contains(kinds_[*from])) {
        s_.report(Severity::error, at,
                  fmt::format("{} needs {} as its first endpoint; '{}' is {}", t.name,
                              describe_kinds(t.from), str(raw.from), with_article(kinds_[*from])),
                  subject());
      }
      if (!t.to.contains(kinds_[*to])) {
        s_.report(Severity::error, at,
                  fmt::format("{} needs {} as its second endpoint; '{}' is {}", t.name,
                              describe_kinds(t.to), str(raw.to), with_article(kinds_[*to])),
                  subject());
      }
    }

    const Subject& who = subject;
    auto start = date(raw.fields[kRStart], at, "start", who);
    auto end = date(raw.fields[kREnd], at, "end", who);
    auto point = date(raw.fields[kRDate], at, "date", who);
    const bool has_interval = raw.fields[kRStart] != 0 || raw.fields[kREnd] != 0;
    const bool has_point = raw.fields[kRDate] != 0;
    if (kind) {
      const RelationTraits& t = traits(*kind);
      if (t.time == TimeShape::point && has_interval) {
        s_.report(Severity::error, at,
                  fmt::format("{} is a point event: write date=, not start=/end=", t.name), who());
      } else if (t.time == TimeShape::interval && has_point) {
        s_.report(Severity::error, at,
                  fmt::format("{} holds over an interval: write start=/end=, not date=", t.name),
                  who(), "an interval with one known day is start=D end=D/");
      } else if (has_point && has_interval) {
        s_.report(Severity::error, at, "give either date= or start=/end=, not both", who());
      }
      if (*kind == RelationKind::holds && raw.fields[kRole] == 0 && raw.fields[kRoleEn] == 0) {
        s_.report(Severity::error, at, "holds needs role= (the office's title)", who(),
                  "use member_of for a membership without an office");
      }
      if (*kind != RelationKind::holds && (raw.fields[kRole] || raw.fields[kRoleEn])) {
        s_.report(Severity::warning, at,
                  fmt::format("role= only applies to holds; ignored on {}", t.name), who());
      }
    }
    if (start && end) check_order(*start, *end, at, who);
    if (s_.errors > 0) {  // keep validating for diagnostics, but build nothing
      const StringId src = raw.fields[kRSrc];
      sources(std::span<const StringId>(&src, src ? 1 : 0), at, who);
      return;
    }
    r.from = *from;
    r.to = *to;
    if (has_point) {
      r.set(*kind, *point, 0, true);
    } else {
      r.set(*kind, *start, *end, false);
    }
    RelationExtra extra;
    if (r.kind() == RelationKind::holds) {
      extra.role = raw.fields[kRole];
      extra.role_en = raw.fields[kRoleEn];
    }
    extra.note = raw.fields[kRNote];
    const StringId src = raw.fields[kRSrc];
    extra.sources = sources(std::span<const StringId>(&src, src ? 1 : 0), at, who);
    if (extra != RelationExtra{}) {
      auto [it, inserted] =
          extra_ids_.try_emplace(extra, static_cast<std::uint32_t>(out_->relation_extras.size()));
      if (inserted) out_->relation_extras.push_back(extra);
      r.extra = it->second;
    }
    const auto id = static_cast<RelationId>(out_->relations.size());
    if (out_->relation_files.empty() || out_->relation_files.back().file != at.file) {
      out_->relation_files.push_back({id, at.file});
    }
    out_->relations.push_back(r);
  }

  // Lifespans, relation spans clipped to them, and the time indexes over both.
  void index_time() {
    const auto& dates = out_->dates;
    out_->entity_spans.reserve(out_->entities.size());
    for (const EntityRecord& e : out_->entities) {
      TimeSpan span =
          e.date != 0 ? point_span(dates[e.date]) : interval_span(dates[e.start], dates[e.end]);
      if (e.kind == EntityKind::event && e.date == 0 && e.start == 0 && e.end == 0) {
        span = undated_event_span();
      }
      out_->entity_spans.push_back(TimeSpan32::from(span));
    }
    out_->relation_spans.reserve(out_->relations.size());
    for (const RelationRecord& r : out_->relations) {
      TimeSpan span = r.is_point() ? point_span(dates[r.start()])
                                   : interval_span(dates[r.start()], dates[r.end()]);
      span = span.clipped_to(out_->entity_spans[r.from].wide())
                 .clipped_to(out_->entity_spans[r.to].wide());
      out_->relation_spans.push_back(TimeSpan32::from(span));
    }
  }

  // Gives back what the growing arrays reserved beyond their size.
  void trim() {
    out_->dates.shrink_to_fit();
    out_->source_pool.shrink_to_fit();
    out_->source_sets.shrink_to_fit();
    out_->alias_pool.shrink_to_fit();
    out_->attribute_pool.shrink_to_fit();
    out_->relation_extras.shrink_to_fit();
    out_->entity_extras.shrink_to_fit();
    out_->relation_files.shrink_to_fit();
  }

  static constexpr std::int8_t kNotParsed = -2;
  static constexpr std::int8_t kNoKind = -1;
  static constexpr SourceSetId kUnresolved = 0xFFFFFFFFu;
  static constexpr DateId kUnparsed = 0xFFFFFFFFu;
  static constexpr DateId kInvalid = 0xFFFFFFFEu;

  struct ExtraHash {
    std::size_t operator()(const RelationExtra& k) const {
      const std::uint64_t a = std::uint64_t{k.sources} << 32 | k.role;
      const std::uint64_t b = std::uint64_t{k.role_en} << 32 | k.note;
      return std::hash<std::uint64_t>{}(a ^ (b * 0x9E3779B97F4A7C15ull));
    }
  };

  BuilderState& s_;
  std::unique_ptr<GraphStorage> out_;
  std::unordered_map<RelationExtra, std::uint32_t, ExtraHash> extra_ids_;
  std::vector<EntityKind> kinds_;
  std::vector<bool> known_;
  std::vector<DateId> date_ids_;
  std::vector<std::int8_t> relation_kinds_;      // by StringId of a rel= text
  std::vector<SourceSetId> source_set_of_text_;  // by StringId of a src= text
  std::map<StringId, std::string> date_errors_;
  std::map<std::vector<EntityId>, SourceSetId> source_set_ids_;
  std::optional<std::vector<std::string_view>> source_keys_, endpoint_keys_;
  int suggestions_left_ = 100;
};

// The CSR adjacency, out and in: a counting sort by (entity, category), one pass to count and
// one to place, ids ascending within a group.
void build_adjacency(GraphStorage& g) {
  const std::size_t n = g.entities.size();
  auto fill = [&](Csr& csr, auto endpoint) {
    std::vector<std::uint32_t> counts(n * kCategoryCount + 1, 0);
    for (const RelationRecord& r : g.relations) {
      ++counts[endpoint(r) * kCategoryCount + static_cast<std::size_t>(traits(r.kind()).category) +
               1];
    }
    std::partial_sum(counts.begin(), counts.end(), counts.begin());
    csr.ids.resize(g.relations.size());
    for (RelationId id = 0; id < g.relations.size(); ++id) {
      const RelationRecord& r = g.relations[id];
      csr.ids[counts[endpoint(r) * kCategoryCount +
                     static_cast<std::size_t>(traits(r.kind()).category)]++] = id;
    }
    // After placing, counts[k] is the end of group k, so entity v ends at counts[v*C + C-1].
    csr.offsets.assign(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) {
      csr.offsets[v + 1] = counts[v * kCategoryCount + kCategoryCount - 1];
    }
  };
  fill(g.out, [](const RelationRecord& r) { return static_cast<std::size_t>(r.from); });
  fill(g.in, [](const RelationRecord& r) { return static_cast<std::size_t>(r.to); });
}

// by_key: entity ids in the order of their keys. Sorting by each key's first eight bytes (as a
// big-endian number, zero-padded: the same order as the text, keys hold no NUL) compares in
// registers; only keys sharing those bytes compare their texts.
void sort_by_key(GraphStorage& g) {
  struct Sortable {
    std::uint64_t prefix;
    EntityId id;
  };
  const std::size_t n = g.entities.size();
  std::vector<Sortable> order(n);
  for (EntityId id = 0; id < n; ++id) {
    const std::string_view key = g.str(g.entities[id].key);
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      prefix = prefix << 8 | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
    }
    order[id] = {prefix, id};
  }
  std::sort(order.begin(), order.end(), [&](const Sortable& a, const Sortable& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return g.str(g.entities[a.id].key) < g.str(g.entities[b.id].key);
  });
  g.by_key.resize(n);
  for (std::size_t i = 0; i < n; ++i) g.by_key[i] = order[i].id;
}

void sort_by_location(std::vector<Diagnostic>& diagnostics, const std::vector<std::string>& files) {
  std::map<std::string_view, std::size_t> order;
  for (std::size_t i = 0; i < files.size(); ++i) order.emplace(files[i], i);
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     auto fa = order.find(a.where.file), fb = order.find(b.where.file);
                     std::size_t ia = fa == order.end() ? 0 : fa->second;
                     std::size_t ib = fb == order.end() ? 0 : fb->second;
                     return std::tie(ia, a.where.line) < std::tie(ib, b.where.line);
                   });
}

}  // namespace
}  // namespace detail

TemporalGraph GraphBuilder::build(const BuildOptions& options) {
  std::unique_ptr<detail::BuilderState> state = std::exchange(s_, nullptr);
  s_ = std::make_unique<detail::BuilderState>();
  std::unique_ptr<detail::GraphStorage> storage = detail::Validator(*state).run();
  std::vector<Diagnostic> diagnostics = std::move(state->diagnostics);
  if (!storage) {
    detail::sort_by_location(diagnostics, state->files);
    throw load_error(std::move(diagnostics));
  }
  // The views in storage point into these strings' blocks, which move along.
  storage->strings = std::move(state->strings);
  storage->strings.freeze();
  detail::GraphStorage& arrays = *storage;
  TemporalGraph graph(std::move(storage));
  // The indexes, and the consistency checks (which read the records, never the indexes), in two
  // threads on large graphs: the relations' interval tree, the largest index, beside the others;
  // the warnings in the same order either way.
  std::vector<Diagnostic> lifespans, others;
  detail::side_by_side(
      arrays.relations.size() >= detail::kParallelRelations,
      [&] {
        arrays.relation_index = detail::IntervalIndex(arrays.relation_spans);
        detail::check_lifespans(graph, arrays, lifespans);
      },
      [&] {
        arrays.entity_index = detail::IntervalIndex(arrays.entity_spans);
        detail::build_adjacency(arrays);
        detail::sort_by_key(arrays);
        detail::check_offices_and_lineage(graph, arrays, others);
      });
  for (std::vector<Diagnostic>* part : {&lifespans, &others}) {
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(part->begin()),
                       std::make_move_iterator(part->end()));
  }
  detail::sort_by_location(diagnostics, state->files);
  if (options.on_warning) {
    for (const Diagnostic& d : diagnostics) options.on_warning(d);
  }
  return graph;
}

}  // namespace orgraph
