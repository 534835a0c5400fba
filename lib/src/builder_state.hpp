#pragma once

// What GraphBuilder has collected before build(): raw entities and relations as interned
// attribute values with their locations (private to the library).

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "detail/huge_pages.hpp"
#include "detail/string_pool.hpp"
#include "orgraph/graph_builder.hpp"
#include "orgraph/names.hpp"
#include "orgraph/text.hpp"

namespace orgraph {
namespace detail {

// Attributes an entity may carry (DESIGN §2). Source metadata comes last.
enum EntityField : std::uint8_t {
  kKind,
  kType,
  kName,
  kNameEn,
  kAlias,
  kStart,
  kEnd,
  kDate,
  kSrc,
  kNote,
  kTitle,
  kPublisher,
  kAuthor,
  kUrl,
  kLang,
  kFile,
  kEntityFieldCount
};
constexpr std::array<std::string_view, kEntityFieldCount> kEntityFieldNames{
    "kind", "type", "name",  "name_en",   "alias",  "start", "end",  "date",
    "src",  "note", "title", "publisher", "author", "url",   "lang", "file"};
constexpr EntityField kFirstSourceField = kTitle;

// Attributes a relation may carry.
enum RelationField : std::uint8_t {
  kRel,
  kRole,
  kRoleEn,
  kRStart,
  kREnd,
  kRDate,
  kRSrc,
  kRNote,
  kRelationFieldCount
};
constexpr std::array<std::string_view, kRelationFieldCount> kRelationFieldNames{
    "rel", "role", "role_en", "start", "end", "date", "src", "note"};

// The index of `key` among `names`, or N when it is none of them. Called for every attribute of
// every fact, so lengths and first bytes are compared before the text. Time: O(N).
template <std::size_t N>
std::size_t field_index(const std::array<std::string_view, N>& names, std::string_view key) {
  if (key.empty()) return N;
  for (std::size_t i = 0; i < N; ++i) {
    const std::string_view name = names[i];
    if (name.size() == key.size() && name[0] == key[0] &&
        std::equal(name.begin() + 1, name.end(), key.begin() + 1)) {
      return i;
    }
  }
  return N;
}

// Every attribute name orgraph knows, for did-you-mean.
constexpr std::array<std::string_view, 17> kAllAttributeNames{
    "kind", "type",  "name",      "name_en", "alias", "start", "end",  "date", "src",
    "note", "title", "publisher", "author",  "url",   "lang",  "file", "rel"};
constexpr std::array<std::string_view, 2> kMoreAttributeNames{"role", "role_en"};

struct FieldValue {
  StringId value = 0;
  FileLine where;
};

struct RawEntity {
  StringId key = 0;
  std::array<FieldValue, kEntityFieldCount> fields;
  std::vector<StringId> aliases, sources;              // additive fields, all values seen
  std::vector<std::pair<StringId, FieldValue>> extra;  // name_xx
  FileLine first_mention;
  FileLine declared;
  bool has_attributes = false;
  // A record declaring it could not be read (an error already reported): nothing more is said
  // about it, nor about the relations and src= that name it.
  bool rejected = false;
};

struct RawRelation {
  StringId from = 0, to = 0;
  std::array<StringId, kRelationFieldCount> fields{};
  FileLine where;
};

inline bool is_language_name(std::string_view key) {
  if (!key.starts_with("name_")) return false;
  std::string_view lang = key.substr(5);
  if (lang.size() < 2 || lang.size() > 3) return false;
  return std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Splits a list written "a b", "a,b" or "a | b" (for src and alias) into trimmed items.
template <typename F>
void for_each_item(std::string_view text, std::string_view separators, F&& f) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find_first_of(separators, i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view item = text.substr(i, j - i);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) f(item);
    i = j + 1;
  }
}

// Why an item of an alias array may not hold '|': the item would silently become two aliases.
constexpr std::string_view kAliasSeparatorHint =
    "'|' separates aliases (alias=\"a|b\" is two), so one alias cannot hold it; give each alias "
    "as its own item";

// A graph attribute (title, note, lang) and where it was first given.
struct GraphAttribute {
  std::string value;
  FileLine where;
};

// The graph attributes orgraph keeps, in the order files and exports write them.
constexpr std::array<std::string_view, 3> kGraphAttributeNames{"title", "note", "lang"};

struct BuilderState {
  std::string name;
  std::array<GraphAttribute, kGraphAttributeNames.size()> graph_attributes;
  std::vector<std::string> files;
  StringPool strings;
  BigVector<RawEntity> entities;
  BigVector<EntityId> entity_of_string;  // by StringId: the entity with that key, or kNoEntity
  BigVector<RawRelation> relations;
  std::vector<Diagnostic> diagnostics;
  std::size_t errors = 0;
  std::map<std::tuple<std::uint32_t, std::string, bool>, bool> warned_attributes;
  BigVector<std::uint8_t> text_checked;  // per StringId: 0 unchecked, 1 text, 2 not text

  SourceLocation location(FileLine at) const {
    return {at.file < files.size() ? files[at.file] : std::string(), at.line};
  }

  void report(Severity severity, FileLine at, std::string message, std::string subject = {},
              std::string hint = {}) {
    if (severity == Severity::error) ++errors;
    diagnostics.push_back(
        {severity, location(at), std::move(message), std::move(subject), std::move(hint)});
  }

  // Interns a value, checking once per distinct string that it is text: valid UTF-8 without
  // NUL or other control characters than tab, line breaks, vertical tab and form feed (ESC
  // would reach terminals through diagnostics and tables). The DOT and JSON-lines readers check
  // their files first and say where in the line; this catches what reaches the builder
  // otherwise: CSV fields, JSON and Popolo strings ("\u001b"), an embedding program's strings.
  // `hash`, when given, is the text's StringPool::hash_of.
  StringId intern_checked(std::string_view text, FileLine at, std::string_view subject,
                          std::string_view attribute, std::optional<std::uint32_t> hash = {}) {
    StringId id = hash ? strings.intern(text, *hash) : strings.intern(text);
    if (text_checked.size() <= id) text_checked.resize(id + 1, 0);
    if (text_checked[id] == 0) {
      std::size_t bad = 0;
      text_checked[id] = 1;
      if (!names::is_valid_utf8(text, &bad)) {
        text_checked[id] = 2;
        const auto before = text.substr(0, bad);
        const auto character = 1 + std::count_if(before.begin(), before.end(), [](char c) {
                                 return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                               });
        report(Severity::error, at,
               fmt::format("invalid UTF-8 in the value of '{}' (byte 0x{:02X} at character {})",
                           attribute, static_cast<unsigned char>(text[bad]), character),
               std::string(subject), "save the file as UTF-8");
      } else if (text.find('\0') != std::string_view::npos) {
        text_checked[id] = 2;
        report(Severity::error, at, fmt::format("NUL character in the value of '{}'", attribute),
               std::string(subject), "graph files are text");
      } else if (const auto control =
                     std::find_if(text.begin(), text.end(), orgraph::text::is_control_character);
                 control != text.end()) {
        text_checked[id] = 2;
        report(Severity::error, at,
               fmt::format("control character 0x{:02X} in the value of '{}'",
                           static_cast<unsigned char>(*control), attribute),
               std::string(subject),
               "graph files are text: tabs and line breaks are the only control characters "
               "allowed");
      }
    }
    return id;
  }

  void report_conflict(std::string_view key, std::string_view attribute, const FieldValue& first,
                       std::string_view value, FileLine at) {
    SourceLocation was = location(first.where);
    report(Severity::error, at,
           fmt::format("conflicting values for '{}': '{}' (at {}:{}) and '{}'", attribute,
                       strings.view(first.value), was.file, was.line, value),
           std::string(key), "declare each attribute once, or use alias= for other names");
  }

  // The entity whose key is string `key`, if any. Time: O(1).
  std::optional<EntityId> entity_of(StringId key) const {
    if (key >= entity_of_string.size() || entity_of_string[key] == kNoEntity) return std::nullopt;
    return entity_of_string[key];
  }

  EntityId entity_slot(std::string_view key, FileLine at, std::optional<std::uint32_t> hash = {}) {
    StringId k = intern_checked(key, at, key, "id", hash);
    if (entity_of_string.size() <= k) {
      entity_of_string.resize(std::max<std::size_t>(k + 1, entity_of_string.size() * 2), kNoEntity);
    }
    if (entity_of_string[k] == kNoEntity) {
      entity_of_string[k] = static_cast<EntityId>(entities.size());
      entities.emplace_back();
      entities.back().key = k;
      entities.back().first_mention = at;
    }
    return entity_of_string[k];
  }

  // Notes that a record declaring entity `key` at `at` was refused by its reader, which has
  // reported an error; build() then reports nothing that follows only from its absence.
  void reject_entity(std::string_view key, FileLine at) {
    entities[entity_slot(key, at)].rejected = true;
  }

  void warn_unknown_attribute(std::string_view attribute, FileLine at, bool on_relation,
                              std::string_view subject) {
    auto key = std::make_tuple(at.file, std::string(attribute), on_relation);
    if (!warned_attributes.emplace(key, true).second) return;  // once per file and attribute
    std::vector<std::string_view> known(kAllAttributeNames.begin(), kAllAttributeNames.end());
    known.insert(known.end(), kMoreAttributeNames.begin(), kMoreAttributeNames.end());
    std::string_view guess = names::closest(attribute, known);
    report(Severity::warning, at,
           fmt::format("unknown {} attribute '{}' is ignored", on_relation ? "relation" : "entity",
                       attribute),
           std::string(subject),
           guess.empty() ? std::string("Graphviz styling is not used by orgraph")
                         : fmt::format("did you mean '{}'?", guess));
  }
};

// The StringPool hashes of a fact's texts, when its reader computed them ahead (JSON lines
// hashes in its parsing thread, which spares the builder's thread).
struct TextHashes {
  std::uint32_t first = 0;                    // the entity's key, or the relation's from
  std::uint32_t to = 0;                       // the relation's to
  std::span<const std::uint32_t> attributes;  // by attribute: of its value
};

// GraphBuilder::add_entity and add_relation, with the texts' hashes when known (nullptr: not).
void add_entity(GraphBuilder& builder, std::string_view key, std::span<const Attribute> attributes,
                FileLine where, const TextHashes* hashes);
void add_relation(GraphBuilder& builder, std::string_view from, std::string_view to,
                  std::span<const Attribute> attributes, FileLine where, const TextHashes* hashes);

}  // namespace detail
}  // namespace orgraph
