#include "orgraph/io/jsonl_reader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orgraph/generate.hpp"
#include "orgraph/load.hpp"
#include "support/build_errors.hpp"

namespace orgraph {
namespace {

TemporalGraph read(std::string_view text, std::vector<Diagnostic>* warnings = nullptr) {
  GraphBuilder b;
  io::read_jsonl(text, "t.jsonl", b);
  return b.build({.on_warning = [&](const Diagnostic& d) {
    if (warnings) warnings->push_back(d);
  }});
}

// Every diagnostic of a failed read, as printed; empty if the text loads.
std::vector<std::string> errors_of(std::string_view text) {
  GraphBuilder b;
  io::read_jsonl(text, "t.jsonl", b);
  return testing::build_errors(b);
}

// The first line of an error list (the one a single bad line produces).
std::string first_error(std::string_view text) {
  auto errors = errors_of(text);
  return errors.empty() ? std::string() : errors.front();
}

// A source and two bodies that the error tests build on (lines 1-3).
const std::string kHeader = R"({"id":"s","kind":"source","title":"t"})"
                            "\n"
                            R"({"id":"a","kind":"org","name":"A","src":"s"})"
                            "\n"
                            R"({"id":"b","kind":"org","name":"B","src":"s"})"
                            "\n";

// A temporary directory removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("orgraph_jsonl_test_" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  std::filesystem::path write(const std::string& name, std::string_view text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

}  // namespace

TEST_CASE("JSON lines: entities and relations are read with their lines") {
  // Line numbers count every line, blank and comment lines too.
  const std::string text =
      "// sources\n"
      R"({"id":"s001","kind":"source","title":"مقال","lang":"ar"})"
      "\n\n"
      R"({"id":"snc","kind":"org","type":"council","name":"المجلس الوطني السوري","name_en":"Syrian National Council","alias":["SNC","National Council"],"start":"2011-08-23","src":["s001"]})"
      "\n"
      "# people and bodies\n"
      R"({"id":"lcc","kind":"org","name":"لجان التنسيق المحلية","src":"s001"})"
      "\n"
      R"(  {"from":"lcc","to":"snc","rel":"member_of","start":"2011-10-02","end":"2011-10-02/","src":["s001"],"note":"later withdrew"})"
      "\r\n";
  TemporalGraph g = read(text);
  REQUIRE(g.entity_count() == 3);
  REQUIRE(g.relation_count() == 1);
  Entity snc = g.entity(*g.find_key("snc"));
  CHECK(snc.name == "المجلس الوطني السوري");  // UTF-8 kept byte for byte
  CHECK(snc.name_en == "Syrian National Council");
  CHECK(snc.type == "council");
  CHECK(snc.start->text() == "2011-08-23");
  CHECK(snc.where().line == 4);
  CHECK(snc.where().file == "t.jsonl");
  CHECK(g.entity(*g.find_key("s001")).where().line == 2);
  CHECK(g.entity(*g.find_key("lcc")).where().line == 6);
  Relation r = g.relation(0);
  CHECK(r.kind == RelationKind::member_of);
  CHECK(g.entity(r.from).key == "lcc");
  CHECK(g.entity(r.to).key == "snc");
  CHECK(r.start->text() == "2011-10-02");
  CHECK(r.end->text() == "2011-10-02/");
  CHECK(r.note == "later withdrew");
  CHECK(r.where().line == 7);
  REQUIRE(r.sources.size() == 1);
  CHECK(g.entity(r.sources[0]).key == "s001");
}

TEST_CASE("alias and src take arrays of strings, or one string as in DOT") {
  TemporalGraph g = read(
      R"({"id":"s1","kind":"source","title":"one"}
{"id":"s2","kind":"source","title":"two"}
{"id":"snc","kind":"org","name":"المجلس","alias":["SNC","National Council","المجلس الوطني"],"src":["s1","s2"]}
{"id":"lcc","kind":"org","name":"لجان","alias":"LCC|Local Committees","src":"s1 s2"}
{"id":"x","kind":"org","name":"X","alias":[],"src":["s1"]}
{"from":"lcc","to":"snc","rel":"member_of","src":["s2","s1"]})");
  Entity snc = g.entity(*g.find_key("snc"));
  CHECK(std::vector<std::string_view>(snc.aliases.begin(), snc.aliases.end()) ==
        std::vector<std::string_view>{"SNC", "National Council", "المجلس الوطني"});
  CHECK(snc.sources.size() == 2);
  Entity lcc = g.entity(*g.find_key("lcc"));
  CHECK(std::vector<std::string_view>(lcc.aliases.begin(), lcc.aliases.end()) ==
        std::vector<std::string_view>{"LCC", "Local Committees"});
  CHECK(lcc.sources.size() == 2);
  CHECK(g.entity(*g.find_key("x")).aliases.empty());
  CHECK(g.relation(0).sources.size() == 2);
  CHECK(g.find("National Council") == *g.find_key("snc"));
}

TEST_CASE("an alias holding '|' is refused on both parsing paths: it would become two") {
  const std::string hint =
      "; '|' separates aliases (alias=\"a|b\" is two), so one alias cannot hold it; give each "
      "alias as its own item";
  SUBCASE("a plain line (the fast path)") {
    CHECK(errors_of(kHeader + R"({"id":"c","kind":"org","name":"C","alias":["C1","p|q"]})") ==
          std::vector<std::string>{"t.jsonl:4: error: alias 'p|q' contains '|'" + hint});
  }
  SUBCASE("a line with escapes (the general parser)") {
    CHECK(errors_of(kHeader + R"({"id":"c","kind":"org","name":"Cé","alias":["p|q"]})") ==
          std::vector<std::string>{"t.jsonl:4: error: alias 'p|q' contains '|'" + hint});
  }
  SUBCASE("src items are ids, and '|' in a src item is not an alias") {
    CHECK(first_error(kHeader + R"({"id":"c","kind":"org","name":"C","src":["s|t"]})") ==
          "t.jsonl:4: error: src names no source 's|t' [c]; did you mean 's'?");
  }
}

TEST_CASE("JSON escapes are decoded, and other attributes reach the builder as is") {
  std::vector<Diagnostic> warnings;
  TemporalGraph g =
      read(kHeader + R"({"id":"c","kind":"org","name":"\"C\" \u0627\\","color":"red","src":"s"})",
           &warnings);
  CHECK(g.entity(*g.find_key("c")).name == "\"C\" ا\\");
  REQUIRE(warnings.size() == 1);  // the builder warns about attributes outside the conventions
  CHECK(to_string(warnings[0]) ==
        "t.jsonl:4: warning: unknown entity attribute 'color' is ignored [c]; Graphviz styling is "
        "not used by orgraph");
}

TEST_CASE("a malformed line is reported with its line, column and what was expected") {
  SUBCASE("a missing colon") {
    CHECK(first_error(kHeader + R"({"id" "c"})") ==
          "t.jsonl:4: error: malformed JSON at column 7: syntax error while parsing object "
          "separator - unexpected string literal; expected ':'; one JSON object per line: "
          "{\"id\":\"…\", …} or {\"from\":\"…\",\"to\":\"…\", …}");
  }
  SUBCASE("a bad literal") {
    CHECK(first_error(kHeader + R"({"id":"c","note":nul})")
              .starts_with("t.jsonl:4: error: malformed JSON at column 21: syntax error while "
                           "parsing value - invalid literal; last read: '"));
  }
  SUBCASE("a truncated line") {
    CHECK(first_error(kHeader + R"({"from":"a","to":"b")")
              .starts_with("t.jsonl:4: error: malformed JSON at column 21: syntax error while "
                           "parsing object - unexpected end of input; expected '}'"));
  }
  SUBCASE("columns count characters, not bytes") {
    CHECK(first_error(kHeader + R"({"id":"c","name":"جمال"x})")
              .starts_with("t.jsonl:4: error: malformed JSON at column 24: syntax error while "
                           "parsing object - invalid literal; last read: '\"جمال\"x'"));
  }
  SUBCASE("two objects on one line") {
    CHECK(first_error(kHeader + R"({"id":"c"} {"id":"d"})")
              .starts_with("t.jsonl:4: error: malformed JSON at column 12: syntax error while "
                           "parsing value - unexpected '{'; expected end of input"));
  }
  SUBCASE("a long bad token is cut short in the message") {
    std::string e = first_error(kHeader + R"({"id":"c","note":")" + std::string(5000, 'x'));
    CHECK(e.starts_with("t.jsonl:4: error: malformed JSON at column 5019:"));
    CHECK(e.size() < 400);
  }
}

TEST_CASE("values that are not strings are errors naming their key") {
  auto check = [](std::string_view line, std::string_view expected) {
    CAPTURE(line);
    CHECK(first_error(kHeader + std::string(line)) == expected);
  };
  check(R"({"id":"c","kind":"org","name":"C","start":2013})",
        "t.jsonl:4: error: value of 'start' is a number; values are strings; quote it: "
        "\"start\":\"…\" (dates too: \"start\":\"2013\")");
  check(R"({"id":"c","name":true})",
        "t.jsonl:4: error: value of 'name' is a boolean; values are strings; quote it: "
        "\"name\":\"…\" (dates too: \"start\":\"2013\")");
  check(R"({"id":"c","note":null})",
        "t.jsonl:4: error: value of 'note' is null; values are strings; quote it: "
        "\"note\":\"…\" (dates too: \"start\":\"2013\")");
  check(R"({"id":"c","name":{"ar":"ج"}})",
        "t.jsonl:4: error: value of 'name' is an object; values are strings; quote it: "
        "\"name\":\"…\" (dates too: \"start\":\"2013\")");
  check(R"({"id":"c","name":["A","B"]})",
        "t.jsonl:4: error: value of 'name' is an array; only alias and src take arrays; write "
        "\"name\" as one string");
  check(R"({"id":"c","src":["s",1]})",
        "t.jsonl:4: error: 'src' holds a number; its items must be strings");
  check(R"({"id":"c","alias":[["A"]]})",
        "t.jsonl:4: error: 'alias' holds an array; its items must be strings");
  check(R"(["id","c"])",
        "t.jsonl:4: error: a line holds one JSON object, not an array; write {\"id\":\"…\", …} "
        "for an entity, {\"from\":\"…\",\"to\":\"…\", …} for a relation");
  check(R"("c")",
        "t.jsonl:4: error: a line holds one JSON object, not a string; write {\"id\":\"…\", …} "
        "for an entity, {\"from\":\"…\",\"to\":\"…\", …} for a relation");
  check(R"({"id":"c","note":"a\u0000b"})",
        "t.jsonl:4: error: NUL character in the value of 'note'; graph files are text");
}

TEST_CASE("a key given twice in one object is an error") {
  CHECK(first_error(kHeader + R"({"id":"c","name":"C","name":"D"})") ==
        "t.jsonl:4: error: key 'name' appears twice in one object; give each attribute once; "
        "alias and src take arrays for several values");
}

TEST_CASE("a line must be an entity (id) or a relation (from and to)") {
  const std::string shapes =
      "; an entity is {\"id\":\"…\", …}, a relation {\"from\":\"…\",\"to\":\"…\", …}";
  CHECK(first_error(kHeader + R"({"kind":"org","name":"C"})") ==
        "t.jsonl:4: error: line has neither \"id\" (an entity) nor \"from\" and \"to\" (a "
        "relation)" +
            shapes);
  CHECK(first_error(kHeader + R"({"from":"a","rel":"member_of"})") ==
        "t.jsonl:4: error: relation has no \"to\" [a -> ?]" + shapes);
  CHECK(first_error(kHeader + R"({"to":"a","rel":"member_of"})") ==
        "t.jsonl:4: error: relation has no \"from\" [? -> a]" + shapes);
  CHECK(first_error(kHeader + R"({"id":"c","from":"a","to":"b"})") ==
        "t.jsonl:4: error: a line has either \"id\" (an entity) or \"from\" and \"to\" (a "
        "relation) [c]" +
            shapes);
  CHECK(first_error(kHeader + R"({"id":"","kind":"org"})") ==
        "t.jsonl:4: error: \"id\" is empty; ids are ASCII slugs such as snc, wadi");
  CHECK(first_error(kHeader + R"({})").starts_with("t.jsonl:4: error: line has neither"));
}

TEST_CASE("invalid UTF-8 is reported with its line and column") {
  CHECK(errors_of(kHeader + "{\"id\":\"c\",\"name\":\"\xD8\xA7\xC3(\"}") ==
        std::vector<std::string>{
            "t.jsonl:4: error: invalid UTF-8 (byte 0xC3 at column 20); save the file as UTF-8"});
  // Overlong forms and surrogates are ill-formed too.
  CHECK(first_error(kHeader + "{\"id\":\"c\",\"name\":\"\xC0\xAF\"}")
            .starts_with("t.jsonl:4: error: invalid UTF-8 (byte 0xC0 at column 19)"));
  CHECK(first_error(kHeader + "{\"id\":\"c\",\"name\":\"\xED\xA0\x80\"}")
            .starts_with("t.jsonl:4: error: invalid UTF-8 (byte 0xED at column 19)"));
}

TEST_CASE("strings longer than the token limit are refused, naming the limit") {
  GraphBuilder b;
  io::read_jsonl(kHeader + R"({"id":"c","note":")" + std::string(2000, 'x') + "\"}", "t.jsonl", b,
                 {.max_token_bytes = 1000});
  REQUIRE(b.error_count() == 1);
  try {
    b.build();
    FAIL("expected a load_error");
  } catch (const load_error& e) {
    CHECK(to_string(e.diagnostics()[0]) ==
          "t.jsonl:4: error: a string of 2000 bytes in 'note' is over the limit of 1000 bytes; "
          "raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read it");
  }
}

TEST_CASE("an empty file, or one of comments only, is an error") {
  const std::string expected =
      "t.jsonl: error: no entities or relations in file; a JSON lines graph holds one object per "
      "line: {\"id\":\"…\", …} or {\"from\":\"…\",\"to\":\"…\", …}";
  CHECK(errors_of("") == std::vector<std::string>{expected});
  CHECK(errors_of("\n\n  \n") == std::vector<std::string>{expected});
  CHECK(errors_of("// nothing yet\n# nor here\n") == std::vector<std::string>{expected});
  CHECK(errors_of("\xEF\xBB\xBF") == std::vector<std::string>{expected});  // a byte order mark
}

TEST_CASE("a byte order mark before the first line is skipped") {
  TemporalGraph g = read("\xEF\xBB\xBF" + kHeader);
  CHECK(g.entity_count() == 3);
}

TEST_CASE("every bad line of a file is reported, and the good ones are still checked") {
  // Lines 4, 6, 7 and 9 are bad; line 8 names an undeclared entity (found by the builder).
  const std::string text = kHeader +
                           R"({"id":"c","kind":"org","name":"C","src":"s"}
{"id":"d","kind":"org","name":5}
{"from":"a","to":"b","rel":"member_of","src":"s"}
{"from":"a","to":"b","rel":"member_of","src":"s"
{"id":"e","name":"E","name":"E2"}
{"from":"a","to":"zz","rel":"member_of","src":"s"}
not json at all
)";
  std::vector<std::string> errors = errors_of(text);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].starts_with("t.jsonl:5: error: value of 'name' is a number"));
  CHECK(
      errors[1].starts_with("t.jsonl:7: error: malformed JSON at column 49: syntax error while "
                            "parsing object - unexpected end of input; expected '}'"));
  CHECK(errors[2].starts_with("t.jsonl:8: error: key 'name' appears twice"));
  CHECK(errors[3].starts_with("t.jsonl:9: error: 'zz' is not declared"));
  CHECK(
      errors[4].starts_with("t.jsonl:10: error: malformed JSON at column 2: syntax error while "
                            "parsing value - invalid literal; last read: 'no'"));
}

TEST_CASE("a refused entity line is reported once: what names its id is not undeclared") {
  // c's line holds a NUL character after its id: the relations to c and d's src say nothing.
  CHECK(errors_of(kHeader + R"({"id":"c","kind":"org","name":"C\u0000"}
{"from":"a","to":"c","rel":"member_of","src":"s"}
{"id":"t","kind":"source","title":5}
{"id":"d","kind":"org","name":"D","src":"t"}
)") == std::vector<std::string>{
           "t.jsonl:4: error: NUL character in the value of 'name'; graph files are text",
           "t.jsonl:6: error: value of 'title' is a number; values are strings; quote it: "
           "\"title\":\"…\" (dates too: \"start\":\"2013\")"});
}

TEST_CASE("load reads .jsonl and .ndjson files, and directories with both formats") {
  TempDir dir;
  dir.write("a.gv", R"(digraph g { s [kind=source title="t"] a [kind=org name="A" src=s] })");
  dir.write("b.jsonl", R"({"id":"b","kind":"org","name":"B","src":"s"})"
                       "\n"
                       R"({"from":"b","to":"a","rel":"split_from","date":"2013","src":"s"})");
  dir.write("c.ndjson", R"({"id":"s","kind":"source","title":"t"})"
                        "\n"
                        R"({"id":"c","kind":"person","name":"Camilla Cortez","src":"s"})");
  dir.write("notes.txt", "not a graph");
  TemporalGraph g = load(dir.path);
  CHECK(g.entity_count() == 4);
  CHECK(g.relation_count() == 1);
  CHECK(g.relation(0).where().file == (dir.path / "b.jsonl").string());
  CHECK(load(dir.path / "c.ndjson").entity_count() == 2);  // s, declared again, is merged

  SUBCASE("the file-size limit applies to JSON lines") {
    CHECK_THROWS_WITH_AS(load(dir.path / "c.ndjson", {.max_file_bytes = 10}),
                         doctest::Contains("over the limit of 10 bytes"), load_error);
  }
  SUBCASE("the token limit applies to JSON lines") {
    LoadOptions options;
    options.max_token_bytes = 10;
    CHECK_THROWS_WITH_AS(load(dir.path / "c.ndjson", options),
                         doctest::Contains("over the limit of 10 bytes"), load_error);
  }
}

// The example graph (graphs/examples/movement.gv) written as JSON lines by the test itself and
// read back: every entity and relation keeps its kind, names, dates, sources and notes, so the
// bulk format carries everything the DOT conventions carry.
TEST_CASE("round trip: the DOT example graph written as JSON lines reads back the same") {
  const TemporalGraph dot = load(std::filesystem::path(ORGRAPH_SOURCE_DIR "/graphs/examples"));
  std::string jsonl;
  auto keys = [&](std::span<const EntityId> ids) {
    nlohmann::json a = nlohmann::json::array();
    for (EntityId id : ids) a.push_back(std::string(dot.entity(id).key));
    return a;
  };
  for (EntityId id = 0; id < dot.entity_count(); ++id) {
    Entity e = dot.entity(id);
    nlohmann::ordered_json j;
    j["id"] = e.key;
    j["kind"] = to_string(e.kind);
    if (!e.type.empty()) j["type"] = e.type;
    if (!e.name.empty()) j["name"] = e.name;
    if (!e.name_en.empty()) j["name_en"] = e.name_en;
    if (!e.aliases.empty())
      j["alias"] = std::vector<std::string>(e.aliases.begin(), e.aliases.end());
    if (!e.start->empty()) j["start"] = e.start->text();
    if (!e.end->empty()) j["end"] = e.end->text();
    if (!e.date->empty()) j["date"] = e.date->text();
    if (!e.note.empty()) j["note"] = e.note;
    for (const Attribute& a : e.attributes) j[std::string(a.key)] = a.value;
    if (!e.sources.empty()) j["src"] = keys(e.sources);
    jsonl += j.dump() + "\n";
  }
  for (RelationId id = 0; id < dot.relation_count(); ++id) {
    Relation r = dot.relation(id);
    nlohmann::ordered_json j;
    j["from"] = dot.entity(r.from).key;
    j["to"] = dot.entity(r.to).key;
    j["rel"] = to_string(r.kind);
    if (!r.role.empty()) j["role"] = r.role;
    if (!r.role_en.empty()) j["role_en"] = r.role_en;
    if (!r.start->empty()) j[r.is_point ? "date" : "start"] = r.start->text();
    if (!r.end->empty()) j["end"] = r.end->text();
    if (!r.note.empty()) j["note"] = r.note;
    if (!r.sources.empty()) j["src"] = keys(r.sources);
    jsonl += j.dump() + "\n";
  }
  TempDir dir;
  std::vector<Diagnostic> warnings;
  const TemporalGraph back =
      load(dir.write("movement.jsonl", jsonl),
           {.on_warning = [&](const Diagnostic& d) { warnings.push_back(d); }});
  CHECK(warnings.empty());

  REQUIRE(back.entity_count() == dot.entity_count());
  REQUIRE(back.relation_count() == dot.relation_count());
  auto source_keys = [](const TemporalGraph& g, std::span<const EntityId> ids) {
    std::vector<std::string_view> out;
    for (EntityId id : ids) out.push_back(g.entity(id).key);
    std::sort(out.begin(), out.end());
    return out;
  };
  for (EntityId id = 0; id < dot.entity_count(); ++id) {
    Entity a = dot.entity(id);
    CAPTURE(a.key);
    REQUIRE(back.find_key(a.key));
    Entity b = back.entity(*back.find_key(a.key));
    CHECK(b.kind == a.kind);
    CHECK(b.type == a.type);
    CHECK(b.name == a.name);
    CHECK(b.name_en == a.name_en);
    CHECK(b.note == a.note);
    CHECK(b.start->text() == a.start->text());
    CHECK(b.end->text() == a.end->text());
    CHECK(b.date->text() == a.date->text());
    CHECK(std::vector<std::string_view>(b.aliases.begin(), b.aliases.end()) ==
          std::vector<std::string_view>(a.aliases.begin(), a.aliases.end()));
    CHECK(source_keys(back, b.sources) == source_keys(dot, a.sources));
    CHECK(b.attributes.size() == a.attributes.size());
    for (const Attribute& attribute : a.attributes) {
      CHECK(b.attribute(attribute.key) == attribute.value);
    }
  }
  for (RelationId id = 0; id < dot.relation_count(); ++id) {
    Relation a = dot.relation(id);
    Relation b = back.relation(id);  // both files list relations in the same order
    CAPTURE(id);
    CHECK(b.kind == a.kind);
    CHECK(back.entity(b.from).key == dot.entity(a.from).key);
    CHECK(back.entity(b.to).key == dot.entity(a.to).key);
    CHECK(b.role == a.role);
    CHECK(b.role_en == a.role_en);
    CHECK(b.is_point == a.is_point);
    CHECK(b.start->text() == a.start->text());
    CHECK(b.end->text() == a.end->text());
    CHECK(b.note == a.note);
    CHECK(source_keys(back, b.sources) == source_keys(dot, a.sources));
  }
}

}  // namespace orgraph

namespace orgraph {
namespace {

// Every fact of a graph as text, with its line, for comparing two reads of the same history.
std::vector<std::string> facts_of(const TemporalGraph& g) {
  std::vector<std::string> out;
  auto sources = [&](std::span<const EntityId> ids) {
    std::string s;
    for (EntityId id : ids) s += std::string(g.entity(id).key) + ",";
    return s;
  };
  for (EntityId id = 0; id < g.entity_count(); ++id) {
    const Entity e = g.entity(id);
    std::string line = fmt::format(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", e.key, to_string(e.kind), e.type, e.name, e.name_en,
        e.note, e.start->text(), e.end->text(), e.date->text(), sources(e.sources), e.where().line);
    for (std::string_view a : e.aliases) line += fmt::format("|alias={}", a);
    for (const Attribute& a : e.attributes) line += fmt::format("|{}={}", a.key, a.value);
    out.push_back(line);
  }
  for (RelationId id = 0; id < g.relation_count(); ++id) {
    const Relation r = g.relation(id);
    out.push_back(fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", g.entity(r.from).key,
                              g.entity(r.to).key, to_string(r.kind), r.role, r.role_en, r.note,
                              r.start->text(), r.end->text(), r.is_point, sources(r.sources),
                              r.where().line));
  }
  return out;
}

}  // namespace
}  // namespace orgraph

TEST_CASE("plain lines and lines with escapes and spacing read the same (both parsing paths)") {
  using namespace orgraph;
  std::ostringstream generated;
  generate({.orgs = 60, .people = 80, .seed = 5}, GraphFormat::jsonl, generated);
  const std::string plain = generated.str();
  // Escaping every 'e' (in keys and values alike) sends each line through the general parser;
  // spaces around ':' and ',' keep lines on the simple path.
  std::string escaped, spaced;
  bool in_string = false;  // the generator writes no escapes, so quotes delimit strings
  for (char c : plain) {
    escaped += c == 'e' ? std::string("\\u0065") : std::string(1, c);
    if (c == '"') in_string = !in_string;
    const bool structural = !in_string && (c == ':' || c == ',');
    spaced += structural ? fmt::format(" {}\t", c) : std::string(1, c);
  }
  REQUIRE(spaced != plain);
  const std::vector<std::string> expected = facts_of(read(plain));
  CHECK(expected.size() > 200);
  CHECK(facts_of(read(escaped)) == expected);
  CHECK(facts_of(read(spaced)) == expected);
}
