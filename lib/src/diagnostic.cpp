#include "orgraph/diagnostic.hpp"

#include <algorithm>

namespace orgraph {
namespace {

std::string first_error_line(const std::vector<Diagnostic>& diagnostics) {
  auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (it == diagnostics.end()) return "invalid input";
  return to_string(*it);
}

}  // namespace

std::string_view to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

std::string to_string(const Diagnostic& d) {
  std::string out = d.where.file.empty() ? std::string("<input>") : d.where.file;
  if (d.where.line > 0) out += fmt::format(":{}", d.where.line);
  out += fmt::format(": {}: {}", d.severity, d.message);
  if (!d.subject.empty()) out += fmt::format(" [{}]", d.subject);
  if (!d.hint.empty()) out += fmt::format("; {}", d.hint);
  return out;
}

load_error::load_error(std::vector<Diagnostic> diagnostics)
    : error(first_error_line(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::size_t load_error::error_count() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(diagnostics_.begin(), diagnostics_.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

}  // namespace orgraph
