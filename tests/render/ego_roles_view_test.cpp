// The ego and roles views on graphs/examples/movement.gv.
//
//   youth_league: amal ──founded──▶ it;  karim ──member_of 2012──▶ it;
//                 it ──represented_in 2012~ … 2013──▶ council;  it ──merged_into 2015-01──▶
//                 civic_front;  free_gathering ──allied_with 2013-05 … 2015-01── it
//   media_office: amal holds مديرة / director from 2011-10/
//   civic_front:  karim holds رئيس / president 2015-01 … 2016-06?
#include <doctest/doctest.h>

#include <set>

#include "orgraph/load.hpp"
#include "orgraph/render/ego_view.hpp"
#include "orgraph/render/inspect.hpp"
#include "orgraph/render/render.hpp"
#include "orgraph/render/roles_view.hpp"

namespace orgraph::render {
namespace {

const TemporalGraph& example() {
  static const TemporalGraph g = load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/graphs/examples"));
  return g;
}

EntityId id(std::string_view key) { return *example().find_key(key); }

std::set<std::string> node_ids(const DrawnLayout& l) {
  std::set<std::string> out;
  for (const auto& n : l.nodes) out.insert(n.id);
  return out;
}

}  // namespace

TEST_CASE("ego view: the neighbourhood over all time and at a date") {
  EgoViewOptions o;
  o.center = id("youth_league");
  SUBCASE("depth 1 over all time: every entity one relation away") {
    const DrawnLayout l = dot_layout(render_to_string(ego_view(example(), o), Format::dot));
    CHECK(node_ids(l) == std::set<std::string>{"youth_league", "amal", "karim", "council",
                                               "civic_front", "free_gathering"});
    // the five relations of youth_league, and those among its neighbours: free_gathering
    // merged_into civic_front, karim holds civic_front, council approved free_gathering
    CHECK(l.edges.size() == 8);
  }
  SUBCASE("at 2014: only what holds then") {
    o.at = Date::parse("2014");
    const DrawnLayout l = dot_layout(render_to_string(ego_view(example(), o), Format::dot));
    CHECK(node_ids(l) == std::set<std::string>{"youth_league", "karim", "free_gathering"});
  }
  SUBCASE("depth 2 reaches the neighbours' neighbours, and the edges among them") {
    o.depth = 2;
    const DrawnLayout l = dot_layout(render_to_string(ego_view(example(), o), Format::dot));
    CHECK(node_ids(l).count("civic_alliance") == 1);  // youth_league → civic_front → it
    CHECK(node_ids(l).count("media_office") == 1);    // via council (part_of) and amal (holds)
    CHECK(node_ids(l).count("doc1") == 0);            // sources never
  }
  SUBCASE("only some relation kinds") {
    o.view.relations = {RelationKind::merged_into};
    const DrawnLayout l = dot_layout(render_to_string(ego_view(example(), o), Format::dot));
    CHECK(node_ids(l) == std::set<std::string>{"youth_league", "civic_front"});
  }
  SUBCASE("the center is bold; Arabic names in the SVG; deterministic") {
    const std::string svg = render_to_string(ego_view(example(), o), Format::svg);
    CHECK(svg.find("font-weight=\"bold\"") != std::string::npos);
    CHECK(svg.find(">رابطة الشباب</text>") != std::string::npos);
    CHECK(svg == render_to_string(ego_view(example(), o), Format::svg));
  }
  SUBCASE("bad arguments are usage errors") {
    o.depth = 0;
    CHECK_THROWS_AS(ego_view(example(), o), query_error);
    CHECK_THROWS_AS(ego_view(example(), {}), query_error);
  }
}

TEST_CASE("roles view: an org's office-holders as a table") {
  RolesViewOptions o;
  o.subject = id("media_office");
  const RenderGraph rg = roles_view(example(), o);
  REQUIRE(rg.nodes.size() == 1);
  REQUIRE(rg.nodes[0].table.has_value());
  const Table& t = *rg.nodes[0].table;
  REQUIRE(t.rows.size() == 2);  // header + one office
  CHECK(t.rows[0][0].label.lines[0].text == "role");
  CHECK(t.rows[0][1].label.lines[0].text == "holder");
  const std::string svg = render_to_string(rg, Format::svg);
  for (std::string_view text :
       {">مديرة</text>", ">director</text>", ">أمل حداد</text>", ">Amal Haddad</text>",
        ">2011&#45;10/</text>", ">doc1</text>", "Offices of"}) {
    CAPTURE(text);
    CHECK(svg.find(text) != std::string::npos);
  }
  SUBCASE("at a date: a certainty column, possible rows marked") {
    o.at = Date::parse("2012");
    const std::string at = render_to_string(roles_view(example(), o), Format::svg);
    CHECK(at.find(">possible ?</text>") != std::string::npos);
    CHECK(at.find(">certainty</text>") != std::string::npos);
  }
  SUBCASE("a person's offices") {
    o.subject = id("karim");
    const std::string svg2 = render_to_string(roles_view(example(), o), Format::svg);
    CHECK(svg2.find(">رئيس</text>") != std::string::npos);
    CHECK(svg2.find(">organisation</text>") != std::string::npos);
    CHECK(svg2.find(">2016&#45;06?</text>") != std::string::npos);
  }
  SUBCASE("an org without offices, an event") {
    o.subject = id("council");
    CHECK(render_to_string(roles_view(example(), o), Format::svg).find("no offices recorded") !=
          std::string::npos);
    o.subject = id("congress");
    CHECK_THROWS_AS(roles_view(example(), o), query_error);
  }
}

}  // namespace orgraph::render
