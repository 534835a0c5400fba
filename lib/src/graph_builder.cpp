#include "orgraph/graph_builder.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "builder_state.hpp"
#include "graph_storage.hpp"

namespace orgraph {

using detail::BuilderState;

namespace {

// The hash its reader computed of one of a fact's texts, or none when it gave none.
std::optional<std::uint32_t> known_hash(const detail::TextHashes* hashes,
                                        std::uint32_t detail::TextHashes::*text) {
  return hashes ? std::optional(hashes->*text) : std::nullopt;
}
// Likewise for the value of attribute i.
std::optional<std::uint32_t> known_hash(const detail::TextHashes* hashes, std::size_t i) {
  return hashes ? std::optional(hashes->attributes[i]) : std::nullopt;
}

}  // namespace

BuilderState& detail::state(GraphBuilder& builder) { return *builder.s_; }

GraphBuilder::GraphBuilder() : s_(std::make_unique<BuilderState>()) {}
GraphBuilder::GraphBuilder(GraphBuilder&&) noexcept = default;
GraphBuilder& GraphBuilder::operator=(GraphBuilder&&) noexcept = default;
GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::set_name(std::string_view name) {
  if (s_->name.empty()) s_->name = std::string(name);
}

void GraphBuilder::set_graph_attribute(std::string_view key, std::string_view value,
                                       FileLine where) {
  using namespace detail;
  BuilderState& s = *s_;
  if (value.empty()) return;
  auto known = std::find(kGraphAttributeNames.begin(), kGraphAttributeNames.end(), key);
  if (known == kGraphAttributeNames.end()) {
    s.report(Severity::warning, where, fmt::format("graph attribute '{}' is ignored", key), {},
             "orgraph keeps title, note and lang on graphs");
    return;
  }
  GraphAttribute& slot = s.graph_attributes[known - kGraphAttributeNames.begin()];
  if (slot.value.empty()) {
    slot = {std::string(value), where};
    s.intern_checked(value, where, {}, key);  // reports invalid UTF-8
  } else if (slot.value != value) {
    const SourceLocation first = s.location(slot.where);
    const std::string at =
        first.line == 0 ? first.file : fmt::format("{}:{}", first.file, first.line);
    s.report(Severity::warning, where,
             fmt::format("graph {} '{}' differs from '{}' (in {}); the first is kept", key, value,
                         slot.value, at),
             {}, "a graph has one title, note and lang: give them in one file");
  }
}

std::uint32_t GraphBuilder::add_file(std::string_view path) {
  // Records keep a 16-bit file index (memory: see graph_storage.hpp).
  if (s_->files.size() >= kMaxFiles) {
    throw error(fmt::format("too many files in one graph (at most {}): {}", kMaxFiles, path));
  }
  s_->files.emplace_back(path);
  return static_cast<std::uint32_t>(s_->files.size() - 1);
}

void GraphBuilder::add_diagnostic(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::error) ++s_->errors;
  s_->diagnostics.push_back(std::move(diagnostic));
}

std::size_t GraphBuilder::error_count() const { return s_->errors; }

void GraphBuilder::add_entity(std::string_view key, std::span<const Attribute> attributes,
                              FileLine where) {
  detail::add_entity(*this, key, attributes, where, nullptr);
}

void GraphBuilder::add_relation(std::string_view from, std::string_view to,
                                std::span<const Attribute> attributes, FileLine where) {
  detail::add_relation(*this, from, to, attributes, where, nullptr);
}

void detail::add_entity(GraphBuilder& builder, std::string_view key,
                        std::span<const Attribute> attributes, FileLine where,
                        const TextHashes* hashes) {
  BuilderState& s = state(builder);
  EntityId id = s.entity_slot(key, where, known_hash(hashes, &TextHashes::first));
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    const Attribute& a = attributes[i];
    if (a.value.empty()) continue;
    RawEntity& e = s.entities[id];
    if (!e.has_attributes) {
      e.has_attributes = true;
      e.declared = where;
    }
    const std::size_t known = field_index(kEntityFieldNames, a.key);
    if (known == kEntityFieldCount && !is_language_name(a.key)) {
      s.warn_unknown_attribute(a.key, where, false, key);
      continue;
    }
    StringId value = s.intern_checked(a.value, where, key, a.key, known_hash(hashes, i));
    if (known == kEntityFieldCount) {
      {
        StringId k = s.strings.intern(a.key);
        auto it = std::find_if(e.extra.begin(), e.extra.end(),
                               [k](const auto& x) { return x.first == k; });
        if (it == e.extra.end()) {
          e.extra.push_back({k, {value, where}});
        } else if (it->second.value != value) {
          s.report_conflict(key, a.key, it->second, a.value, where);
        }
      }
      continue;
    }
    auto field = static_cast<EntityField>(known);
    if (field == kAlias || field == kSrc) {
      auto& list = field == kAlias ? e.aliases : e.sources;
      if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
      if (e.fields[field].value == 0) e.fields[field] = {value, where};
      continue;
    }
    FieldValue& slot = e.fields[field];
    if (slot.value == 0) {
      slot = {value, where};
    } else if (slot.value != value) {
      s.report_conflict(key, a.key, slot, a.value, where);
    }
  }
}

void detail::add_relation(GraphBuilder& builder, std::string_view from, std::string_view to,
                          std::span<const Attribute> attributes, FileLine where,
                          const TextHashes* hashes) {
  BuilderState& s = state(builder);
  RawRelation r;
  r.from = s.intern_checked(from, where, from, "id", known_hash(hashes, &TextHashes::first));
  r.to = s.intern_checked(to, where, to, "id", known_hash(hashes, &TextHashes::to));
  r.where = where;
  auto subject = [&] { return fmt::format("{} -> {}", from, to); };
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    const Attribute& a = attributes[i];
    if (a.value.empty()) continue;
    const std::size_t known = field_index(kRelationFieldNames, a.key);
    if (known == kRelationFieldCount) {
      s.warn_unknown_attribute(a.key, where, true, subject());
      continue;
    }
    StringId value = s.intern_checked(a.value, where, from, a.key, known_hash(hashes, i));
    StringId& slot = r.fields[known];
    if (slot != 0 && slot != value) {
      s.report(Severity::error, where,
               fmt::format("conflicting values for '{}': '{}' and '{}'", a.key,
                           s.strings.view(slot), a.value),
               subject());
    }
    slot = value;
  }
  s.relations.push_back(r);
}

}  // namespace orgraph
