#pragma once

// GraphBuilder: the one place where input is validated and turned into a TemporalGraph.
// Readers (DOT, JSON lines, importers) and embedding programs feed it entities and relations
// as attribute lists with the names of the DOT conventions (DESIGN §2).

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string_view>

#include "orgraph/diagnostic.hpp"
#include "orgraph/graph.hpp"

namespace orgraph {

// A position in an input file registered with GraphBuilder::add_file.
struct FileLine {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
};

struct BuildOptions {
  // Receives every warning (also kept in load_error when the build fails).
  std::function<void(const Diagnostic&)> on_warning;
};

class GraphBuilder;
namespace detail {
struct BuilderState;
// The builder's state, for the library's own readers (lib/src/builder_state.hpp).
BuilderState& state(GraphBuilder& builder);
}  // namespace detail

// Collects entities and relations, merges repeated declarations of one id, and validates
// everything once in build(). Strings are copied, so the caller's buffers may go at once.
// Movable, not copyable.
class GraphBuilder {
 public:
  GraphBuilder();
  GraphBuilder(GraphBuilder&&) noexcept;
  GraphBuilder& operator=(GraphBuilder&&) noexcept;
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;
  ~GraphBuilder();

  // Names the graph (the first name set wins). Time: O(1).
  void set_name(std::string_view name);

  // Sets a graph attribute: `title`, `note` or `lang` (a DOT file's `digraph { title="…" }`).
  // The first value given wins; a different later one (another file's) is a warning naming
  // both, as the graph keeps one. Any other key is a warning. Empty values are ignored.
  // Time: O(1).
  void set_graph_attribute(std::string_view key, std::string_view value, FileLine where);

  // Registers an input file for locations; returns its index for FileLine. A graph is read
  // from at most kMaxFiles files; one more throws orgraph::error. Time: O(1).
  static constexpr std::size_t kMaxFiles = 65535;
  std::uint32_t add_file(std::string_view path);

  // Declares (or adds to) entity `key` with attributes named as in DESIGN §2 (kind, type, name,
  // name_en, name_xx, alias, start, end, date, src, note; title, publisher, author, url, lang,
  // file for sources). Empty values are ignored (cgraph cannot tell them from missing ones).
  // A second value for an attribute that differs from the first is an error. Time: O(attrs).
  void add_entity(std::string_view key, std::span<const Attribute> attributes, FileLine where);

  // Adds relation `from -> to` (rel, role, role_en, start, end, date, src, note). Endpoints
  // must be declared by add_entity, before or after. Time: O(attrs).
  void add_relation(std::string_view from, std::string_view to,
                    std::span<const Attribute> attributes, FileLine where);

  // Records a reader's own diagnostic (a syntax error, an unreadable file). Time: O(1).
  void add_diagnostic(Diagnostic diagnostic);

  // Number of errors recorded so far (build() finds more). Time: O(1).
  std::size_t error_count() const;

  // Validates everything and builds the graph. Throws load_error carrying every diagnostic
  // when there is at least one error; warnings go to options.on_warning. The builder is left
  // empty. Time: O((V + E) log(V + E)).
  TemporalGraph build(const BuildOptions& options = {});

 private:
  friend detail::BuilderState& detail::state(GraphBuilder& builder);
  std::unique_ptr<detail::BuilderState> s_;
};

}  // namespace orgraph
