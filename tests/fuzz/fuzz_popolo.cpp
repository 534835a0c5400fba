// Fuzz target: the Popolo importer (io/popolo.hpp) and the graph builder, from memory, as
// `orgraph` runs them on one file. Any outcome but a crash, a hang, a leak or undefined
// behaviour is fine: a graph, or errors in a load_error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/popolo.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  orgraph::GraphBuilder builder;
  orgraph::io::read_popolo(text, "fuzz.json", builder);
  try {
    const orgraph::TemporalGraph graph = builder.build();
    (void)graph.search("a");
  } catch (const orgraph::load_error&) {
  }
  return 0;
}
