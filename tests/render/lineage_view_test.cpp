// The lineage view on graphs/examples/movement.gv (and small inline graphs), checked on the DOT
// and SVG Graphviz draws: nodes, edges, styles, and that earlier is always before later.
//
//   2011-03 city_committees ◀─split_from 2011-06── central_coord (2011-06)
//   2011-06 central_coord ◀─formed_from 2013-05── free_gathering (2013-05)
//   2013-05 free_gathering ──merged_into 2015-01──▶ civic_front (2015-01)
//   2012~   youth_league   ──merged_into 2015-01──▶ civic_front
//   2015-01 civic_front    ──renamed_to 2016-22──▶ civic_alliance (2016-22)
//   2011-03 city_committees ──succeeded_by 2016-22?──▶ civic_alliance
//           amal (person)  ──founded 2012~──▶ youth_league
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/dot_reader.hpp"
#include "orgraph/load.hpp"
#include "orgraph/render/inspect.hpp"
#include "orgraph/render/lineage_view.hpp"
#include "orgraph/render/render.hpp"

namespace orgraph::render {
namespace {

const TemporalGraph& example() {
  static const TemporalGraph g = load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/graphs/examples"));
  return g;
}

EntityId id(std::string_view key) { return *example().find_key(key); }

using Pair = std::pair<std::string, std::string>;

std::set<Pair> entity_edges(const DrawnLayout& l) {
  std::set<Pair> out;
  for (const auto& e : l.edges) {
    if (e.first[0] != '~') out.insert(e);  // ruler marks start with '~'
  }
  return out;
}

std::set<std::string> entity_nodes(const DrawnLayout& l) {
  std::set<std::string> out;
  for (const auto& n : l.nodes) {
    if (n.id[0] != '~') out.insert(n.id);
  }
  return out;
}

// The start day of each drawn entity node (persons: none).
std::map<std::string, Day> starts(const TemporalGraph& g, const DrawnLayout& l) {
  std::map<std::string, Day> out;
  for (const auto& n : l.nodes) {
    auto key = g.find_key(n.id);
    if (!key) continue;
    const Entity e = g.entity(*key);
    if (auto d = e.start->earliest()) out.emplace(n.id, *d);
  }
  return out;
}

TemporalGraph graph_from(std::string_view dot) {
  GraphBuilder builder;
  io::read_dot(dot, "inline.gv", builder);
  return builder.build();
}

}  // namespace

TEST_CASE("lineage of civic_alliance, up: every ancestor and lineage event, in time order") {
  const TemporalGraph& g = example();
  LineageViewOptions o;
  o.focus = id("civic_alliance");
  o.direction = query::Direction::up;
  const RenderGraph rg = lineage_view(g, o);
  const std::set<std::string> expected_nodes{
      "civic_alliance",  "civic_front", "free_gathering", "youth_league", "central_coord",
      "city_committees", "amal"};
  const std::set<Pair> expected_edges{{"central_coord", "city_committees"},
                                      {"free_gathering", "central_coord"},
                                      {"free_gathering", "civic_front"},
                                      {"youth_league", "civic_front"},
                                      {"civic_front", "civic_alliance"},
                                      {"city_committees", "civic_alliance"},
                                      {"amal", "youth_league"}};
  const DrawnLayout svg = svg_layout(render_to_string(rg, Format::svg));
  const DrawnLayout dot = dot_layout(render_to_string(rg, Format::dot));
  for (const DrawnLayout* l : {&svg, &dot}) {
    CHECK(entity_nodes(*l) == expected_nodes);
    CHECK(entity_edges(*l) == expected_edges);
  }
  SUBCASE("city_committees (2011-03) is left of civic_front (2015-01), in SVG and DOT") {
    CHECK(find_node(svg, "city_committees")->x < find_node(svg, "civic_front")->x);
    CHECK(find_node(dot, "city_committees")->x < find_node(dot, "civic_front")->x);
  }
  SUBCASE("every org starting in an earlier year is further left") {
    const auto start = starts(g, svg);
    for (const auto& [a, da] : start) {
      for (const auto& [b, db] : start) {
        if (civil_from_days(da).year < civil_from_days(db).year) {
          CAPTURE(a);
          CAPTURE(b);
          CHECK(find_node(svg, a)->x < find_node(svg, b)->x);
        }
      }
    }
  }
  SUBCASE("the ruler: one mark per year from 2011 to 2016, in order") {
    std::vector<double> xs;
    for (int year = 2011; year <= 2016; ++year) {
      const DrawnBox* mark = find_node(svg, "~" + std::to_string(year));
      REQUIRE(mark != nullptr);
      xs.push_back(mark->x);
    }
    CHECK(std::is_sorted(xs.begin(), xs.end()));
  }
  SUBCASE("with rankdir TB, earlier is above (smaller SVG y)") {
    LineageViewOptions tb = o;
    tb.view.rankdir = RankDir::tb;
    const DrawnLayout l = svg_layout(render_to_string(lineage_view(g, tb), Format::svg));
    CHECK(find_node(l, "city_committees")->y < find_node(l, "civic_front")->y);
    CHECK(find_node(l, "civic_front")->y < find_node(l, "civic_alliance")->y);
  }
}

TEST_CASE("lineage edges: one style per kind, labelled with the date as written") {
  const RenderGraph rg = lineage_view(example(), {});
  const std::string dot = render_to_string(rg, Format::canon);
  auto edge_has = [&](const char* tail, const char* head, std::string_view what) {
    const std::size_t at = dot.find(std::string(tail) + " -> " + head);
    REQUIRE(at != std::string::npos);
    const std::size_t end = dot.find("];", at);
    return dot.substr(at, end - at).find(what) != std::string::npos;
  };
  CHECK(edge_has("central_coord", "city_committees", "style=dashed"));
  CHECK(edge_has("central_coord", "city_committees", "split from"));
  CHECK(edge_has("central_coord", "city_committees", "2011-06"));
  CHECK(edge_has("free_gathering", "civic_front", "penwidth=2.4"));
  CHECK(edge_has("free_gathering", "civic_front", "merged into"));
  CHECK(edge_has("civic_front", "civic_alliance", "style=dotted"));
  CHECK(edge_has("civic_front", "civic_alliance", "2016-22"));
  CHECK(edge_has("city_committees", "civic_alliance", "2016-22?"));
  CHECK(edge_has("free_gathering", "central_coord", "formed from"));
  CHECK(edge_has("amal", "youth_league", "founded"));
}

TEST_CASE("labels are bilingual, with the lifespan, and Arabic reaches the SVG as UTF-8 text") {
  LineageViewOptions o;
  o.focus = id("central_coord");
  SUBCASE("both") {
    const std::string svg = render_to_string(lineage_view(example(), o), Format::svg);
    CHECK(svg.find(">تنسيقية الوسط</text>") != std::string::npos);
    CHECK(svg.find(">Central Coordination</text>") != std::string::npos);
    CHECK(svg.find(">2011&#45;06 – 2013&#45;05</text>") != std::string::npos);
    CHECK(svg.find("font-family=\"Noto Naskh Arabic\"") != std::string::npos);
  }
  SUBCASE("en only") {
    o.view.lang = Lang::en;
    const std::string svg = render_to_string(lineage_view(example(), o), Format::svg);
    CHECK(svg.find("تنسيقية الوسط</text>") == std::string::npos);
    CHECK(svg.find(">Central Coordination</text>") != std::string::npos);
  }
  SUBCASE("ar only") {
    o.view.lang = Lang::ar;
    const std::string svg = render_to_string(lineage_view(example(), o), Format::svg);
    CHECK(svg.find(">تنسيقية الوسط</text>") != std::string::npos);
    CHECK(svg.find(">Central Coordination</text>") == std::string::npos);
  }
}

TEST_CASE("the time axis: months for a short span, years otherwise, undated orgs first") {
  SUBCASE("a span of under three years is drawn by month") {
    LineageViewOptions o;
    o.focus = id("central_coord");
    o.direction = query::Direction::down;
    o.depth = 1;
    const RenderGraph rg = lineage_view(example(), o);  // 2011-06 … 2013-05
    CHECK(find_node(rg, "~2011-06") != nullptr);
    CHECK(find_node(rg, "~2013-05") != nullptr);
    CHECK(find_node(rg, "~2011") == nullptr);
    const DrawnLayout l = svg_layout(render_to_string(rg, Format::svg));
    CHECK(find_node(l, "central_coord")->x < find_node(l, "free_gathering")->x);
  }
  SUBCASE("the whole example spans six years: by year, long empty runs collapsed") {
    const RenderGraph rg = lineage_view(example(), {});
    CHECK(find_node(rg, "~2011") != nullptr);
    CHECK(find_node(rg, "~2014") != nullptr);  // one empty year is kept
    CHECK(find_node(rg, "~2011-03") == nullptr);
  }
  SUBCASE("orgs without a start sit in an undated column before the first period") {
    const TemporalGraph g = graph_from(R"(digraph t {
      a [kind=org name="A"] b [kind=org name="B" start=2001] c [kind=org name="C" start=2010]
      d [kind=org name="D" start=1990]
      b -> a [rel=merged_into date=2005] c -> b [rel=split_from date=2010]
      d -> b [rel=renamed_to date=2001]
    })");
    const RenderGraph rg = lineage_view(g, {});
    REQUIRE(find_node(rg, "~undated") != nullptr);
    CHECK(find_node(rg, "~gap_1991") != nullptr);  // 1991-2000: ten empty years become "…"
    CHECK(find_node(rg, "~1995") == nullptr);
    const DrawnLayout l = svg_layout(render_to_string(rg, Format::svg));
    CHECK(find_node(l, "a")->x < find_node(l, "d")->x);
    CHECK(find_node(l, "d")->x < find_node(l, "b")->x);
    CHECK(find_node(l, "b")->x < find_node(l, "c")->x);
    bool noted = std::any_of(rg.legend.begin(), rg.legend.end(), [](const LegendEntry& e) {
      return e.text.find("undated") != std::string::npos;
    });
    CHECK(noted);
  }
  SUBCASE("a lineage event running backwards in time cannot pull an org out of its year") {
    const TemporalGraph g = graph_from(R"(digraph t {
      old [kind=org name="Old" start=2015] young [kind=org name="Young" start=2011]
      old -> young [rel=merged_into date=2016]
    })");
    const DrawnLayout l = svg_layout(render_to_string(lineage_view(g, {}), Format::svg));
    CHECK(find_node(l, "young")->x < find_node(l, "old")->x);
  }
}

TEST_CASE("filters: --rel, --type, --certain-only") {
  SUBCASE("only merged_into") {
    LineageViewOptions o;
    o.view.relations = {RelationKind::merged_into};
    const RenderGraph rg = lineage_view(example(), o);
    const DrawnLayout l = dot_layout(render_to_string(rg, Format::dot));
    CHECK(entity_nodes(l) ==
          std::set<std::string>{"free_gathering", "youth_league", "civic_front"});
    CHECK(entity_edges(l).size() == 2);
  }
  SUBCASE("certain only drops the dates written with ? or ~") {
    LineageViewOptions o;
    o.view.certainty = CertaintyFilter::certain_only;
    const DrawnLayout l = dot_layout(render_to_string(lineage_view(example(), o), Format::dot));
    CHECK(entity_edges(l).count({"city_committees", "civic_alliance"}) == 0);  // 2016-22?
    CHECK(entity_edges(l).count({"amal", "youth_league"}) == 0);               // 2012~
    CHECK(entity_edges(l).count({"civic_front", "civic_alliance"}) == 1);
  }
  SUBCASE("only coordinations (the focus stays)") {
    LineageViewOptions o;
    o.focus = id("civic_alliance");
    o.view.types = {"coordination"};
    const DrawnLayout l = dot_layout(render_to_string(lineage_view(example(), o), Format::dot));
    CHECK(entity_nodes(l) ==
          std::set<std::string>{"civic_alliance", "city_committees", "central_coord"});
  }
}

TEST_CASE("the lineage view is deterministic and titled") {
  const RenderGraph rg = lineage_view(example(), {});
  CHECK(render_to_string(rg, Format::svg) ==
        render_to_string(lineage_view(example(), {}), Format::svg));
  const std::string svg = render_to_string(rg, Format::svg);
  CHECK(svg.find("Lineage of all organisations") != std::string::npos);
  CHECK(svg.find("graph movement · 2011 – 2016") != std::string::npos);
  LineageViewOptions o;
  o.focus = id("amal");
  CHECK_THROWS_AS(lineage_view(example(), o), query_error);
}

}  // namespace orgraph::render
