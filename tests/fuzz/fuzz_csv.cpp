// Fuzz target: the CSV importers (io/csv.hpp) and the graph builder, from memory. The input is
// read as an entities table and, separately, as a relations table. Any outcome but a crash, a
// hang, a leak or undefined behaviour is fine: a graph, or errors in a load_error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/csv.hpp"

namespace {

template <typename Read>
void build_with(Read read, std::string_view text) {
  orgraph::GraphBuilder builder;
  read(text, "fuzz.csv", builder, orgraph::io::ReadLimits{});
  try {
    const orgraph::TemporalGraph graph = builder.build();
    (void)graph.search("a");
  } catch (const orgraph::load_error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  build_with(orgraph::io::read_entities_csv, text);
  build_with(orgraph::io::read_relations_csv, text);
  return 0;
}
