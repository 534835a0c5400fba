#include "orgraph/io/dot_writer.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "io/export_fixture.hpp"
#include "orgraph/io/atomic_file.hpp"
#include "orgraph/io/dot_reader.hpp"

namespace orgraph {
namespace {

std::string dot_of(const TemporalGraph& g) {
  std::ostringstream out;
  io::write_dot(g, out);
  return out.str();
}

TemporalGraph read_dot_text(const std::string& text) {
  GraphBuilder b;
  io::read_dot(text, "t.gv", b);
  return b.build();
}

}  // namespace

TEST_CASE("DOT export reads back through cgraph as the same graph") {
  const TemporalGraph g = testing::hard_to_carry_graph();
  const std::string dot = dot_of(g);
  const TemporalGraph again = read_dot_text(dot);
  CHECK(testing::json_of(again) == testing::json_of(g));
  CHECK(dot_of(again) == dot);  // canonical: a fixed point
  CHECK(
      dot.starts_with("digraph \"hard to carry\" {\n"
                      "  title=\"Hard \\\"to\\\" carry: <1> & «٢»\"\n"
                      "  note=\"two lines,\nthe second with a back\\slash\"\n"
                      "  lang=ar\n"
                      "  // sources\n  s1 [kind=source"));
}

TEST_CASE("dot_quote leaves identifiers bare and quotes everything else") {
  CHECK(io::dot_quote("member_of") == "member_of");
  CHECK(io::dot_quote("_x9") == "_x9");
  CHECK(io::dot_quote("9x") == "\"9x\"");
  CHECK(io::dot_quote("2013-05") == "\"2013-05\"");
  CHECK(io::dot_quote("Node") == "\"Node\"");  // keywords, in any case
  CHECK(io::dot_quote("subgraph") == "\"subgraph\"");
  CHECK(io::dot_quote("لجان") == "\"لجان\"");
  CHECK(io::dot_quote("") == "\"\"");
  CHECK(io::dot_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(io::dot_quote("a\\\\b") == "\"a\\\\b\"");  // a pair of backslashes stays a pair
  // cgraph cannot read a lone backslash before a quote or at the end of a quoted string: such
  // values go out as HTML-like strings, which cgraph keeps verbatim.
  CHECK(io::dot_quote("ends in \\") == "<ends in \\>");
  CHECK_THROWS_AS(io::dot_quote("a < b \\"), io::write_error);
}

TEST_CASE("a value with a lone trailing backslash round-trips as an HTML-like string") {
  GraphBuilder b;
  const auto f = b.add_file("<memory>");
  b.add_entity("s", std::vector<Attribute>{{"kind", "source"}, {"title", "C:\\dir\\"}}, {f, 1});
  const TemporalGraph g = b.build();
  CHECK(testing::json_of(read_dot_text(dot_of(g))) == testing::json_of(g));
}

}  // namespace orgraph
