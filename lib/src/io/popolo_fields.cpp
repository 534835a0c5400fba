// The Popolo fields the importer reads, and warnings for the rest (popolo_fields.hpp).

#include "popolo_fields.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace orgraph::io::detail {
namespace {

struct HandledKeys {
  std::string_view record_type;
  std::vector<std::string_view> keys;
};

// What read_popolo maps (graphs/README.md "Importing Popolo"); a key added here must be read.
const std::array<HandledKeys, 11>& handled_table() {
  static const std::array<HandledKeys, 11> kTable{{
      {"persons[]",
       {"id", "name", "other_names", "identifiers", "birth_date", "death_date", "sources"}},
      {"organizations[]",
       {"id", "name", "other_names", "identifiers", "classification", "founding_date",
        "dissolution_date", "parent_id", "area_id", "sources"}},
      {"events[]",
       {"id", "name", "other_names", "identifiers", "classification", "start_date", "end_date",
        "organization_id", "parent_id", "sources"}},
      {"memberships[]",
       {"id", "person_id", "member", "organization_id", "post_id", "role", "label", "start_date",
        "end_date", "legislative_period_id", "area_id", "on_behalf_of_id", "sources"}},
      {"posts[]",
       {"id", "label", "other_label", "role", "organization_id", "area_id", "start_date",
        "end_date", "sources"}},
      {"areas[]", {"id", "name"}},
      {"other_names[]", {"name", "lang", "start_date", "end_date", "note"}},
      {"identifiers[]", {"identifier", "scheme"}},
      {"sources[]", {"url", "note"}},
      {"member", {"@type", "id"}},
      {"meta", {"sources"}},
  }};
  return kTable;
}

// "persons[].other_names[]" is an "other_names[]".
std::string_view type_of(std::string_view path) {
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

bool carries_something(const nlohmann::ordered_json& value) {
  if (value.is_null()) return false;
  if (value.is_string()) return !value.get_ref<const std::string&>().empty();
  if (value.is_array() || value.is_object()) return !value.empty();
  return true;
}

}  // namespace

std::vector<std::string_view> popolo_handled_keys(std::string_view record_type) {
  const auto& table = handled_table();
  auto it = std::find_if(table.begin(), table.end(), [&](const HandledKeys& h) {
    return h.record_type == type_of(record_type);
  });
  return it == table.end() ? std::vector<std::string_view>{} : it->keys;
}

void UnimportedFields::count(std::string_view record_type, const nlohmann::ordered_json& record) {
  if (!record.is_object()) return;
  const std::vector<std::string_view> handled = popolo_handled_keys(record_type);
  for (const auto& [key, value] : record.items()) {
    if (std::find(handled.begin(), handled.end(), key) != handled.end()) continue;
    if (!carries_something(value)) continue;
    std::string field = fmt::format("{}.{}", record_type, key);
    auto [it, inserted] = index_.try_emplace(field, counts_.size());
    if (inserted) counts_.emplace_back(std::move(field), 0);
    ++counts_[it->second].second;
  }
}

void UnimportedFields::report(GraphBuilder& builder, std::string_view file) const {
  for (const auto& [field, records] : counts_) {
    const bool area = field.starts_with("areas[].");
    builder.add_diagnostic(
        {Severity::warning,
         {std::string(file), 0},
         fmt::format("{} is not imported ({} record{})", field, records, records == 1 ? "" : "s"),
         {},
         area ? "an area is imported only as its name, in the notes of the records in it"
              : "orgraph has no attribute for it"});
  }
}

}  // namespace orgraph::io::detail
