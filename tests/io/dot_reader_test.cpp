#include "orgraph/io/dot_reader.hpp"

#include <doctest/doctest.h>

#include <string>

#include "orgraph/load.hpp"
#include "support/build_errors.hpp"

namespace orgraph {
namespace {

TemporalGraph read(std::string_view text, std::vector<Diagnostic>* warnings = nullptr) {
  GraphBuilder b;
  io::read_dot(text, "t.gv", b);
  return b.build({.on_warning = [&](const Diagnostic& d) {
    if (warnings) warnings->push_back(d);
  }});
}

std::vector<std::string> errors_of(std::string_view text) {
  GraphBuilder b;
  io::read_dot(text, "t.gv", b);
  return testing::build_errors(b);
}

}  // namespace

TEST_CASE("DOT nodes and edges become entities and relations with their lines") {
  // Line numbers matter: they are how a user finds a fact.
  const char* text = R"(digraph g {
  // sources
  s [kind=source title="t"]

  snc [kind=org type=council
       name="المجلس الوطني السوري"
       start="2011-08-23" src=s]
  wadi [kind=person name="جمال الوادي" name_en="Jamal al-Wadi" src=s]
  /* a block
     comment */
  wadi -> snc [rel=member_of
               start="2011-10/" src=s]
  lcc [kind=org name="لجان التنسيق المحلية" src=s]; lcc -> snc [rel=member_of src=s]
}
)";
  TemporalGraph g = read(text);
  REQUIRE(g.entity_count() == 4);
  REQUIRE(g.relation_count() == 2);
  Entity snc = g.entity(*g.find_key("snc"));
  CHECK(snc.name == "المجلس الوطني السوري");  // UTF-8 survives byte for byte
  CHECK(snc.where().line == 5);
  CHECK(g.entity(*g.find_key("wadi")).where().line == 8);
  CHECK(g.relation(0).where().line == 11);
  CHECK(g.relation(0).start->text() == "2011-10/");
  CHECK(g.relation(1).where().line == 13);
  CHECK(g.entity(*g.find_key("lcc")).where().line == 13);
}

TEST_CASE("DOT features: defaults, subgraphs, several graphs, undirected edges") {
  SUBCASE("node defaults apply to later nodes") {
    TemporalGraph g = read(R"(digraph { s [kind=source title=t]
      node [kind=person src=s]
      a [name="A"]  b [name="B"]
      o [kind=org name="O"]
      a -> o [rel=member_of src=s] })");
    CHECK(g.entity(*g.find_key("a")).kind == EntityKind::person);
    CHECK(g.entity(*g.find_key("o")).kind == EntityKind::org);
    CHECK(g.entity(*g.find_key("b")).sources.size() == 1);
  }
  SUBCASE("nodes inside subgraphs belong to the graph") {
    TemporalGraph g = read(R"(digraph { s [kind=source title=t]
      subgraph cluster_x { a [kind=org name="A" src=s] b [kind=org name="B" src=s] }
      a -> b [rel=part_of src=s] })");
    CHECK(g.entity_count() == 3);
    CHECK(g.relation_count() == 1);
  }
  SUBCASE("several graphs in one text are one graph") {
    TemporalGraph g = read(
        "digraph one { s [kind=source title=t] a [kind=org name=A src=s] }\n"
        "digraph two { b [kind=org name=B src=s] b -> a [rel=split_from date=2013 src=s] }\n");
    CHECK(g.entity_count() == 3);
    CHECK(g.relation(0).where().line == 2);
  }
  SUBCASE("an undirected graph reads edges as written") {
    TemporalGraph g = read(R"(graph { s [kind=source title=t]
      a [kind=org name=A src=s] b [kind=org name=B src=s]
      a -- b [rel=allied_with src=s] })");
    REQUIRE(g.relation_count() == 1);
    CHECK(g.entity(g.relation(0).from).key == "a");
  }
}

TEST_CASE("a value set twice in one file is a conflict, not silently overwritten") {
  auto errors = errors_of(R"(digraph {
  a [kind=org name="A" start=2011]
  a [start=2012]
})");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].starts_with(
      "t.gv:3: error: conflicting values for 'start': '2011' (at t.gv:2) and '2012' [a]"));
}

TEST_CASE("an edge attribute given twice with two values is an error with its line") {
  // cgraph keeps the last value of `src=s src=t`: the first source would be lost silently.
  auto errors = errors_of(R"(digraph {
  s [kind=source title="S"] t [kind=source title="T"]
  a [kind=org name=A src=s] b [kind=org name=B src=s]
  a -> b [rel=member_of
          src=s src=t]
  a -> b [rel=allied_with src=s src=s]
})");
  INFO((errors.size() > 1 ? errors[1] : std::string()));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "t.gv:4: error: attribute 'src' is given twice in one edge, as 's' and as 't' [a -> b]; "
        "give each attribute once; several sources are one value: src=\"s1 s2\"");
}

TEST_CASE("a syntax error fails the file with its line, and nothing of it is used") {
  auto errors = errors_of("digraph {\n  a [kind=org name=A]\n  a -> -> b\n}\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "t.gv:3: error: syntax error near '->'");
  // The next read starts again at line 1.
  errors = errors_of("digraph {\n\n\n\n\n  ]\n}\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "t.gv:6: error: syntax error near ']'");
}

TEST_CASE("text that is not UTF-8, has NUL bytes or overlong tokens is refused before parsing") {
  CHECK(errors_of("digraph { a [name=\"\xE2\x82\"] }") ==
        std::vector<std::string>{
            "t.gv:1: error: invalid UTF-8 (byte 0xE2 at column 20); save the file as UTF-8"});
  CHECK(errors_of(std::string_view("digraph {\n a [name=\"x\0y\"] }", 28)) ==
        std::vector<std::string>{"t.gv:2: error: NUL byte at column 12; DOT files are text"});
  GraphBuilder b;
  std::string big = "digraph {\n a [note=\"" + std::string(2000, 'x') + "\"] }";
  io::read_dot(big, "t.gv", b, {.max_token_bytes = 1000});
  CHECK(b.error_count() == 1);
}

TEST_CASE("an empty file is an error, not an empty graph") {
  CHECK(errors_of("") ==
        std::vector<std::string>{
            "t.gv: error: no graph in file; a graph file holds `digraph NAME { … }`"});
  CHECK(errors_of("// nothing\n").size() == 1);
}

TEST_CASE("load reads several files and directories as one graph") {
  const std::filesystem::path examples = ORGRAPH_SOURCE_DIR "/graphs/examples";
  TemporalGraph g = load(examples);
  CHECK(g.entity_count() == 16);
  CHECK(g.relation_count() == 23);
  // Every relation kind is used by the example graph.
  for (const RelationTraits& t : relation_table()) {
    bool used = false;
    for (RelationId r = 0; r < g.relation_count(); ++r) used = used || g.relation(r).kind == t.kind;
    CAPTURE(t.name);
    CHECK(used);
  }
  for (EntityKind k : {EntityKind::org, EntityKind::person, EntityKind::event, EntityKind::place,
                       EntityKind::source}) {
    bool used = false;
    for (EntityId e = 0; e < g.entity_count(); ++e) used = used || g.entity(e).kind == k;
    CHECK(used);
  }
  CHECK_THROWS_AS(load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/tests/bad/no_graph_files")),
                  load_error);
}

}  // namespace orgraph
