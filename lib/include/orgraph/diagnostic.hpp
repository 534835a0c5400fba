#pragma once

// Diagnostics: what loaders and the builder say about input data, and the exception that
// carries them when the data cannot be used.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "orgraph/error.hpp"

namespace orgraph {

enum class Severity : std::uint8_t { warning, error };

// Where a fact was written. line is 1-based; 0 means "the whole file".
struct SourceLocation {
  std::string file;
  std::uint32_t line = 0;
};

// One message about input data, printed as `FILE:LINE: error: message [subject]` and, when
// there is one, a hint on the next line.
struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;
  std::string subject;  // the entity id or edge ("lcc -> snc") concerned; may be empty
  std::string hint;     // e.g. "did you mean 'member_of'?"; may be empty
};

// The one-line form of a diagnostic (hint appended after "; "). Time: O(length).
std::string to_string(const Diagnostic& diagnostic);
std::string_view to_string(Severity severity);

// Thrown when input data has errors: carries every diagnostic found (errors and warnings), in
// file order, never just the first. what() is the first error's line.
class load_error : public error {
 public:
  explicit load_error(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  std::size_t error_count() const noexcept;

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace orgraph

template <>
struct fmt::formatter<orgraph::Severity> : fmt::formatter<std::string_view> {
  auto format(orgraph::Severity v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(v), ctx);
  }
};
