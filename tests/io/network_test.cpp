// GraphML and GEXF exports: what they contain, and how GEXF turns orgraph's half-open day
// intervals into closed spells.

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "io/export_fixture.hpp"
#include "orgraph/io/gexf.hpp"
#include "orgraph/io/graphml.hpp"

namespace orgraph {
namespace {

std::string gexf_of(const TemporalGraph& g, const io::NetworkExportOptions& options = {}) {
  std::ostringstream out;
  io::write_gexf(g, out, options);
  return out.str();
}

std::string graphml_of(const TemporalGraph& g, const io::NetworkExportOptions& options = {}) {
  std::ostringstream out;
  io::write_graphml(g, out, options);
  return out.str();
}

// The text of element `tag` whose opening tag contains `marker`, up to its closing tag.
std::string element(const std::string& xml, const std::string& tag, const std::string& marker) {
  const std::size_t at = xml.find("<" + tag + " " + marker);
  if (at == std::string::npos) return {};
  const std::size_t end = xml.find("</" + tag + ">", at);
  return xml.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("GEXF spells are closed intervals of the half-open spans") {
  const TemporalGraph g = testing::hard_to_carry_graph();
  const std::string xml = gexf_of(g);
  CHECK(xml.find("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
                 "timerepresentation=\"interval\">") != std::string::npos);
  // office: start="2011-03" end="2013-05" (it ended on some day of May 2013, and a fact does not
  // hold on its end day). Possible on [2011-03-01, 2013-05-31), certain on [2011-03-31,
  // 2013-05-01): in closed days, 2011-03-01 … 2013-05-30, certain 2011-03-31 … 2013-04-30.
  const std::string office = element(xml, "node", "id=\"office\"");
  REQUIRE_FALSE(office.empty());
  CHECK(office.find("<spell start=\"2011-03-01\" end=\"2013-05-30\"/>") != std::string::npos);
  CHECK(office.find("<attvalue for=\"certainty\" value=\"possible\" start=\"2011-03-01\" "
                    "end=\"2011-03-30\"/>") != std::string::npos);
  CHECK(office.find("<attvalue for=\"certainty\" value=\"certain\" start=\"2011-03-31\" "
                    "end=\"2013-04-30\"/>") != std::string::npos);
  CHECK(office.find("<attvalue for=\"certainty\" value=\"possible\" start=\"2013-05-01\" "
                    "end=\"2013-05-30\"/>") != std::string::npos);
  // A point on one day: start = end = that day.
  const std::string rally = element(xml, "node", "id=\"rally\"");
  CHECK(rally.find("<spell start=\"2012-06-01\" end=\"2012-06-01\"/>") != std::string::npos);
  // amal has no dates: there at all times, so no spells.
  const std::string amal = element(xml, "node", "id=\"amal\"");
  REQUIRE_FALSE(amal.empty());
  CHECK(amal.find("<spells>") == std::string::npos);
  // holds from "2011-10/" (some day in October 2011 or later), clipped to office's lifespan.
  const std::string holds = element(xml, "edge", "id=\"r0\"");
  CHECK(holds.find("<spell start=\"2011-10-01\" end=\"2013-05-30\"/>") != std::string::npos);
  // Symmetric relations are undirected edges; sources are no nodes.
  CHECK(element(xml, "edge", "id=\"r4\"").find("type=\"undirected\"") != std::string::npos);
  CHECK(count(xml, "<node ") == 4);
  CHECK(count(xml, "<edge ") == 5);
}

TEST_CASE("text that XML cannot carry is escaped or replaced") {
  const TemporalGraph g = testing::hard_to_carry_graph();
  for (const std::string& xml : {gexf_of(g), graphml_of(g)}) {
    CHECK(xml.find("المكتب &lt;الإعلامي&gt; &amp; co") != std::string::npos);
    CHECK(xml.find("line one&#10;line two, with &quot;quotes&quot;") != std::string::npos);
    CHECK(xml.find("tab&#9;here") != std::string::npos);
  }
}

TEST_CASE("GraphML --at exports the snapshot with certainties") {
  const TemporalGraph g = testing::hard_to_carry_graph();
  const std::string all = graphml_of(g);
  CHECK(count(all, "<node ") == 4);
  CHECK(count(all, "<edge ") == 5);
  CHECK(all.find("<key id=\"n_certainty\"") == std::string::npos);
  // In 2010 only the undated person is there (office starts 2011-03, council 2011-08-23, the
  // rally is in 2012).
  const std::string at_2010 = graphml_of(g, {.at = Date::parse("2010")});
  CHECK(count(at_2010, "<node ") == 1);
  CHECK(count(at_2010, "<edge ") == 0);
  CHECK(at_2010.find("<data key=\"g_at\">2010</data>") != std::string::npos);
  // On 2012-06-01: amal, office, council and the rally; holds (possible: "2011-10/"), part_of,
  // participated_in and allied_with; the split (2013-05) not yet.
  const std::string at_day = graphml_of(g, {.at = Date::parse("2012-06-01")});
  CHECK(count(at_day, "<node ") == 4);
  CHECK(count(at_day, "<edge ") == 4);
  const std::string holds = element(at_day, "edge", "id=\"r0\"");
  CHECK(holds.find("<data key=\"e_certainty\">possible</data>") != std::string::npos);
  CHECK(element(at_day, "edge", "id=\"r1\"").find("<data key=\"e_certainty\">certain</data>") !=
        std::string::npos);
}

}  // namespace orgraph
