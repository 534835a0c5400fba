#pragma once

// Which Popolo fields the importer reads, and the warnings for the others (private to the
// library): a field orgraph has no attribute for is never dropped silently, it is reported once
// per record type with the number of records that carried it.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgraph/graph_builder.hpp"

namespace orgraph::io::detail {

// The keys read from a record of `record_type` ("persons[]", "persons[].other_names[]",
// "memberships[].member", "meta", …; nested types named by their last component, so
// "…other_names[]" for every record type), or an empty list for a type read as a whole.
std::vector<std::string_view> popolo_handled_keys(std::string_view record_type);

// Counts, per record type and key, the records carrying a key the importer does not read, in
// the order first met.
class UnimportedFields {
 public:
  // Counts the keys of `record` outside popolo_handled_keys(record_type) whose value is not
  // empty (null, "", [] and {} carry nothing). Time: O(keys · handled).
  void count(std::string_view record_type, const nlohmann::ordered_json& record);

  // One warning per (record type, key), without a line:
  //   FILE: warning: persons[].gender is not imported (412 records); orgraph has no attribute
  //   for it
  void report(GraphBuilder& builder, std::string_view file) const;

 private:
  std::vector<std::pair<std::string, std::size_t>> counts_;  // "persons[].gender", records
  std::map<std::string, std::size_t, std::less<>> index_;    // into counts_
};

}  // namespace orgraph::io::detail
