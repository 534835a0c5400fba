#include "orgraph/io/csv.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "io/export_fixture.hpp"
#include "support/build_errors.hpp"

namespace orgraph {
namespace {

struct Tables {
  std::string entities, relations, graph;
};

Tables tables_of(const TemporalGraph& g, bool bom = false) {
  std::ostringstream e, r, a;
  io::write_entities_csv(g, e, {.bom = bom});
  io::write_relations_csv(g, r, {.bom = bom});
  io::write_graph_csv(g, a, {.bom = bom});
  return {e.str(), r.str(), a.str()};
}

void read_tables(const Tables& t, GraphBuilder& b) {
  io::read_entities_csv(t.entities, "entities.csv", b);
  io::read_relations_csv(t.relations, "relations.csv", b);
  if (!t.graph.empty()) io::read_graph_csv(t.graph, "graph.csv", b);
}

std::vector<std::string> errors_of(const Tables& t) {
  GraphBuilder b;
  read_tables(t, b);
  return testing::build_errors(b);
}

const std::string kEntities = "id,kind,name,title\r\ns,source,,t\r\na,org,A,\r\nb,org,B,\r\n";

}  // namespace

TEST_CASE("CSV tables carry a graph and read back to the same graph") {
  const TemporalGraph g = testing::hard_to_carry_graph();
  const Tables t = tables_of(g);
  GraphBuilder b;
  read_tables(t, b);
  const TemporalGraph again = b.build();
  CHECK(testing::json_of(again) == testing::json_of(g));
  CHECK(tables_of(again).entities == t.entities);
  CHECK(t.graph ==
        "attribute,value\r\n"
        "name,hard to carry\r\n"
        "title,\"Hard \"\"to\"\" carry: <1> & «٢»\"\r\n"
        "note,\"two lines,\nthe second with a back\\slash\"\r\n"
        "lang,ar\r\n");

  // RFC 4180: a header row, CRLF, quotes doubled, fields with commas or breaks quoted.
  CHECK(t.entities.starts_with(
      "id,kind,type,name,name_en,name_tr,name_fr,title,publisher,author,url,lang,file,alias,"
      "start,end,date,src,note\r\n"
      "s1,source,report,,,,,\"Report \"\"A\"\", part 1\",,,https://example.org/a?x=1&y=<2>,en,,,,"
      ",2016~,,\r\n"));
  CHECK(t.entities.find("\"line one\nline two, with \"\"quotes\"\" and a back\\slash\\\"") !=
        std::string::npos);
  CHECK(
      t.relations.starts_with("from,to,rel,role,role_en,start,end,date,src,note\r\n"
                              "amal,office,holds,مديرة,director,2011-10/,,,s1,\r\n"));
}

TEST_CASE("a byte order mark is written on request and skipped when read") {
  const TemporalGraph g = testing::hard_to_carry_graph();
  const Tables t = tables_of(g, true);
  CHECK(t.entities.starts_with("\xEF\xBB\xBFid,"));
  CHECK(
      t.relations.starts_with("\xEF\xBB\xBF"
                              "from,"));
  CHECK(errors_of(t).empty());
}

TEST_CASE("bad CSV is reported with its line") {
  SUBCASE("a missing column") {
    CHECK(errors_of({"id,name\na,A\n", "from,to,rel\n"}) ==
          std::vector<std::string>{
              "entities.csv:1: error: missing column 'kind'; the first row names the columns: "
              "id,kind,type,name,name_en,…"});
  }
  SUBCASE("a quote inside an unquoted field") {
    CHECK(errors_of({kEntities, "from,to,rel\na,b,part_of\nb,a,sp\"lit\n"}) ==
          std::vector<std::string>{
              "relations.csv:3: error: quote inside an unquoted field at column 7; quote the "
              "whole field and write the quote twice: \"a \"\"b\"\"\""});
  }
  SUBCASE("a quoted field never closed: the line it opened on") {
    CHECK(errors_of({kEntities, "from,to,rel,note\na,b,part_of,\"open\nstill\n"}) ==
          std::vector<std::string>{
              "relations.csv:2: error: quoted field opened at column 13 is never closed; a quote "
              "inside a quoted field is written twice: \"\""});
  }
  SUBCASE("text after a closing quote") {
    CHECK(errors_of({kEntities, "from,to,rel\n\"a\"x,b,part_of\n"}) ==
          std::vector<std::string>{
              "relations.csv:2: error: unexpected character after a closing quote at column 4; "
              "a quote inside a quoted field is written twice: \"\""});
  }
  SUBCASE("a row with too many fields, after a multi-line field") {
    CHECK(
        errors_of({kEntities, "from,to,rel,note\na,b,part_of,\"two\nlines\"\nb,a,part_of,x,y\n"}) ==
        std::vector<std::string>{
            "relations.csv:4: error: row has 5 fields, the header 4; quote fields that hold "
            "commas: \"a, b\""});
  }
  SUBCASE("a graph table without its value column") {
    CHECK(errors_of({kEntities, "from,to,rel\n", "attribute\nname\n"}) ==
          std::vector<std::string>{"graph.csv:1: error: missing column 'value'; the first row "
                                   "names the columns: attribute,value"});
  }
  SUBCASE("a bad date, found by the builder on the row's line") {
    const auto errors = errors_of({kEntities, "from,to,rel,start\na,b,member_of,2013-13\n"});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("relations.csv:2: error: start: invalid date '2013-13'"));
  }
}

TEST_CASE("a graph table names the graph; other attributes and columns are warned about") {
  GraphBuilder b;
  io::read_entities_csv(kEntities, "entities.csv", b);
  io::read_graph_csv("attribute,value,comment\r\nname,g\r\ntitle,T\r\nrankdir,LR,x\r\n",
                     "graph.csv", b);
  std::vector<std::string> warnings;
  const TemporalGraph g =
      b.build({.on_warning = [&](const Diagnostic& d) { warnings.push_back(to_string(d)); }});
  CHECK(g.name() == "g");
  CHECK(g.title() == "T");
  CHECK(warnings ==
        std::vector<std::string>{"graph.csv:1: warning: column 'comment' of a graph table is "
                                 "ignored; a graph table has the columns attribute and value",
                                 "graph.csv:4: warning: graph attribute 'rankdir' is ignored; "
                                 "orgraph keeps title, note and lang on graphs"});
}

TEST_CASE("a CSV field over the token limit is refused, naming the limit") {
  const std::string note(300, 'x');
  GraphBuilder b;
  io::read_entities_csv(kEntities, "entities.csv", b);
  io::read_relations_csv("from,to,rel,note\na,b,part_of,ok\nb,a,part_of,\"" + note + "\"\n",
                         "relations.csv", b, {.max_token_bytes = 256});
  const auto errors = testing::build_errors(b);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "relations.csv:3: error: a field of 300 bytes is over the limit of 256 bytes (column "
        "13); raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to "
        "read it");
}

}  // namespace orgraph
