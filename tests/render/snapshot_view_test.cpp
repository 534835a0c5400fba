// The snapshot view on graphs/examples/movement.gv: bodies drawn as clusters holding exactly
// themselves and their members at the date (checked against query::members, in the DOT and in the
// SVG), alignment edges coloured by kind, possible facts dashed, persons on request.
//
//   council ◀─member_of 2011-10-02 … 2011-10-02/── city_committees   (possible after 2011-10-02)
//   council ◀─part_of───────────────────────────── media_office      (undated: its lifespan)
//   council ◀─represented_in 2012~ … 2013───────── youth_league
//   youth_league ◀─member_of 2012── karim;  amal ──holds director 2011-10/──▶ media_office
//   authority ──opposes 2014-21──▶ guards ──supports 2015──▶ civic_front
//   authority ──controls 2014-06 … 2016/2017──▶ riverton (place)
#include <doctest/doctest.h>

#include <set>

#include "orgraph/load.hpp"
#include "orgraph/query/members.hpp"
#include "orgraph/render/inspect.hpp"
#include "orgraph/render/render.hpp"
#include "orgraph/render/snapshot_view.hpp"

namespace orgraph::render {
namespace {

const TemporalGraph& example() {
  static const TemporalGraph g = load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/graphs/examples"));
  return g;
}

SnapshotViewOptions at(const char* date, People people = People::hidden) {
  SnapshotViewOptions o;
  o.at = Date::parse(date);
  o.people = people;
  return o;
}

// The members of a body at a date, by query::members: what its cluster must hold.
std::vector<std::string> members_at(const char* body, const char* date) {
  const TemporalGraph& g = example();
  std::vector<std::string> keys;
  for (const auto& m :
       query::members(g, *g.find_key(body), {.at = query_range(Date::parse(date))})) {
    if (g.entity(m.member).kind == EntityKind::org) keys.emplace_back(g.entity(m.member).key);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// A body's cluster holds the body's own node and its members.
std::vector<std::string> with_body(std::vector<std::string> members, const char* body) {
  members.emplace_back(body);
  std::sort(members.begin(), members.end());
  return members;
}

// The attribute list of the edge tail -> head in DOT text.
std::string edge_attributes(const std::string& dot, const std::string& tail,
                            const std::string& head) {
  const std::size_t at = dot.find(tail + " -> " + head);
  if (at == std::string::npos) return {};
  return dot.substr(at, dot.find("];", at) - at);
}

}  // namespace

TEST_CASE("the snapshot at 2012-06 clusters council with exactly its members then") {
  const RenderGraph rg = snapshot_view(example(), at("2012-06"));
  const std::vector<std::string> expected = members_at("council", "2012-06");
  REQUIRE(expected == std::vector<std::string>{"city_committees", "media_office", "youth_league"});
  SUBCASE("in the laid-out DOT: the nodes declared inside the cluster") {
    const DrawnLayout l = dot_layout(render_to_string(rg, Format::dot));
    const DrawnCluster* council = find_cluster(l, "cluster_council");
    REQUIRE(council != nullptr);
    CHECK(council->nodes == with_body(expected, "council"));
    CHECK(l.clusters.size() == 1);
  }
  SUBCASE("in the SVG: the nodes drawn inside the cluster's box") {
    const std::string svg = render_to_string(rg, Format::svg);
    const DrawnLayout l = svg_layout(svg);
    const DrawnCluster* council = find_cluster(l, "cluster_council");
    REQUIRE(council != nullptr);
    CHECK(council->nodes == with_body(expected, "council"));
    CHECK(svg.find(">المجلس الوطني</text>") != std::string::npos);  // the body, in Arabic
    CHECK(find_node(l, "central_coord") != nullptr);                // alive, not a member
    CHECK(find_node(l, "civic_front") == nullptr);                  // not yet founded
  }
  SUBCASE("members only possibly there are dashed") {
    const std::string dot = render_to_string(rg, Format::canon);
    const std::size_t at = dot.find("\tcity_committees\t[");
    REQUIRE(at != std::string::npos);
    CHECK(dot.substr(at, dot.find("];", at) - at).find("dashed") != std::string::npos);
  }
}

TEST_CASE("membership follows the date") {
  const std::vector<std::string> expected = members_at("council", "2014");
  REQUIRE(expected == std::vector<std::string>{"city_committees", "media_office"});
  const DrawnLayout l =
      dot_layout(render_to_string(snapshot_view(example(), at("2014")), Format::dot));
  const DrawnCluster* council = find_cluster(l, "cluster_council");
  REQUIRE(council != nullptr);
  CHECK(council->nodes == with_body(expected, "council"));
  CHECK(find_node(l, "youth_league") != nullptr);  // still alive, no longer represented
}

TEST_CASE("alignment edges are coloured by kind, possible ones dashed") {
  const std::string dot = render_to_string(snapshot_view(example(), at("2015-06")), Format::canon);
  const std::string opposes = edge_attributes(dot, "authority", "guards");
  const std::string controls = edge_attributes(dot, "authority", "riverton");
  const std::string supports = edge_attributes(dot, "guards", "civic_front");
  CHECK(opposes.find("#c0392b") != std::string::npos);
  CHECK(controls.find("#d35400") != std::string::npos);
  CHECK(supports.find("#2e8b57") != std::string::npos);
  CHECK(supports.find("style=dashed") != std::string::npos);  // start=2015: certain only later
  CHECK(opposes.find("style=dashed") == std::string::npos);   // 2014-21 (spring): certain
  CHECK(dot.find("riverton") != std::string::npos);           // a place reached by controls
}

TEST_CASE("--people adds persons, their offices and their memberships") {
  const RenderGraph rg = snapshot_view(example(), at("2012-06", People::shown));
  const std::string dot = render_to_string(rg, Format::dot);
  const std::string holds = edge_attributes(dot, "amal", "media_office");
  CHECK(holds.find("مديرة") != std::string::npos);
  CHECK(holds.find("director") != std::string::npos);
  const DrawnLayout l = dot_layout(dot);
  const DrawnCluster* youth = find_cluster(l, "cluster_youth_league");
  REQUIRE(youth != nullptr);  // karim is a member of youth_league from 2012
  CHECK(youth->nodes == std::vector<std::string>{"karim", "youth_league"});
  const DrawnCluster* council = find_cluster(l, "cluster_council");
  REQUIRE(council != nullptr);  // youth_league's cluster nests inside council's
  CHECK(council->nodes == std::vector<std::string>{"city_committees", "council", "karim",
                                                   "media_office", "youth_league"});
  const std::string without =
      render_to_string(snapshot_view(example(), at("2012-06")), Format::dot);
  CHECK(without.find("karim") == std::string::npos);
}

TEST_CASE("--type keeps only orgs of those types, and the snapshot is deterministic") {
  SnapshotViewOptions o = at("2012-06");
  o.view.types = {"council", "office"};
  const DrawnLayout l = dot_layout(render_to_string(snapshot_view(example(), o), Format::dot));
  const DrawnCluster* council = find_cluster(l, "cluster_council");
  REQUIRE(council != nullptr);
  CHECK(council->nodes == std::vector<std::string>{"council", "media_office"});
  CHECK(find_node(l, "central_coord") == nullptr);
  const RenderGraph rg = snapshot_view(example(), at("2013"));
  CHECK(render_to_string(rg, Format::svg) ==
        render_to_string(snapshot_view(example(), at("2013")), Format::svg));
}

}  // namespace orgraph::render
