#pragma once

// Test support: the diagnostics of a failed build, as a user sees them.

#include <string>
#include <vector>

#include "orgraph/graph_builder.hpp"

namespace orgraph::testing {

// Every diagnostic of a failed load or build as printed ("file:line: error: …").
inline std::vector<std::string> messages(const load_error& e) {
  std::vector<std::string> out;
  for (const Diagnostic& d : e.diagnostics()) out.push_back(to_string(d));
  return out;
}

// Every diagnostic of builder.build() as printed, or an empty list when the graph builds.
inline std::vector<std::string> build_errors(GraphBuilder& builder) {
  try {
    builder.build();
  } catch (const load_error& e) {
    return messages(e);
  }
  return {};
}

}  // namespace orgraph::testing
