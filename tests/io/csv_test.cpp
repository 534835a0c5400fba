#include "orgraph/io/csv.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "io/export_fixture.hpp"
#include "support/build_errors.hpp"

namespace orgraph {
namespace {

using namespace std::string_literals;

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
  SUBCASE(
      "a header missing a column: the table is not read, and its ids are not reported "
      "again as undeclared; an id it does not hold is") {
    CHECK(errors_of({"id,knd,name,title\ns,source,,t\na,org,A,\nb,org,B,\n",
                     "from,to,rel,src\na,b,member_of,s\nb,z,part_of,\n"}) ==
          std::vector<std::string>{
              "entities.csv:1: error: missing column 'kind'; the first row names the columns: "
              "id,kind,type,name,name_en,…",
              "relations.csv:3: error: 'z' is not declared [b -> z]; declare it: z [kind=org "
              "name=\"…\"]"});
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

TEST_CASE(
    "bytes that are not text are reported with line and column, and nothing follows from them") {
  // entities.csv           relations.csv
  //   s (source)             a -> b  member_of  src=s
  //   a, b (org)             b -> a  part_of
  const std::string relations = "from,to,rel,src\na,b,member_of,s\nb,a,part_of,\n";
  SUBCASE("an overlong form (C0 AF for '/') in a name: the row is refused, a and b not") {
    CHECK(errors_of({"id,kind,name,title\ns,source,,t\na,org,A\xC0\xAF,\nb,org,B,\n", relations}) ==
          std::vector<std::string>{
              "entities.csv:3: error: invalid UTF-8 (byte 0xC0 at column 8); save the file as "
              "UTF-8"});
  }
  SUBCASE("a NUL byte; the relations naming the entity are not reported again") {
    CHECK(errors_of({"id,kind,name,title\ns,source,,t\na,org,\"A\0\",\nb,org,B,\n"s, relations}) ==
          std::vector<std::string>{
              "entities.csv:3: error: NUL byte at column 9; CSV files are text"});
  }
  SUBCASE("in a source: what cites it is not reported again") {
    CHECK(errors_of({"id,kind,name,title\ns,source,,t\xFF\na,org,A,\nb,org,B,\n", relations}) ==
          std::vector<std::string>{
              "entities.csv:2: error: invalid UTF-8 (byte 0xFF at column 12); save the file as "
              "UTF-8"});
  }
  SUBCASE("columns count characters; the line is the byte's, inside a multi-line field") {
    CHECK(errors_of({kEntities, "from,to,rel,note\na,b,part_of,\"مرحبا\nسطر \xE2\x82\"\n"}) ==
          std::vector<std::string>{
              "relations.csv:3: error: invalid UTF-8 (byte 0xE2 at column 5); save the file as "
              "UTF-8"});
  }
  SUBCASE("a relation row: only that row, the others are read") {
    CHECK(errors_of({kEntities, "from,to,rel\na,b,part_of\nb,a,spl\0it\nb,a,member_of,\n"s}) ==
          std::vector<std::string>{
              "relations.csv:3: error: NUL byte at column 8; CSV files are text",
              "relations.csv:4: error: row has 4 fields, the header 3; quote fields that hold "
              "commas: \"a, b\""});
  }
  SUBCASE("an id that is not text: each row that holds it is reported, nothing else") {
    CHECK(errors_of({kEntities + "\xC0\xAF,org,X,\n", "from,to,rel\n\xC0\xAF,a,part_of\n"}) ==
          std::vector<std::string>{
              "entities.csv:5: error: invalid UTF-8 (byte 0xC0 at column 1); save the file as "
              "UTF-8",
              "relations.csv:2: error: invalid UTF-8 (byte 0xC0 at column 1); save the file as "
              "UTF-8"});
  }
  SUBCASE("in the header: the table cannot be read, and its error comes first") {
    const auto errors = errors_of({"id,kind,na\xC0me\na,org,A\n", "from,to,rel\n"});
    CHECK(errors == std::vector<std::string>{"entities.csv:1: error: invalid UTF-8 (byte 0xC0 at "
                                             "column 11); save the file as UTF-8"});
  }
  SUBCASE("in the graph table") {
    CHECK(errors_of({kEntities, "from,to,rel\n", "attribute,value\ntitle,T\xC3\n"}) ==
          std::vector<std::string>{
              "graph.csv:2: error: invalid UTF-8 (byte 0xC3 at column 8); save the file as UTF-8"});
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
