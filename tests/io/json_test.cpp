#include "orgraph/io/json.hpp"

#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "io/export_fixture.hpp"
#include "support/build_errors.hpp"

namespace orgraph {
namespace {

using namespace std::string_literals;

TemporalGraph read(std::string_view text) {
  GraphBuilder b;
  io::read_json(text, "g.json", b);
  return b.build();
}

std::vector<std::string> errors_of(std::string_view text) {
  GraphBuilder b;
  io::read_json(text, "g.json", b);
  return testing::build_errors(b);
}

}  // namespace

TEST_CASE("the JSON form keeps every attribute, and reads back to the same bytes") {
  const TemporalGraph g = testing::hard_to_carry_graph();
  const std::string first = testing::json_of(g);
  const TemporalGraph again = read(first);
  CHECK(testing::json_of(again) == first);

  const auto doc = nlohmann::ordered_json::parse(first);
  CHECK(doc["format"] == "orgraph");
  CHECK(doc["version"] == 1);
  CHECK(doc["name"] == "hard to carry");
  CHECK(doc["title"] == "Hard \"to\" carry: <1> & «٢»");
  CHECK(doc["note"] == "two lines,\nthe second with a back\\slash");
  CHECK(doc["lang"] == "ar");
  CHECK(again.title() == g.title());
  CHECK(again.note() == g.note());
  CHECK(again.lang() == "ar");
  REQUIRE(doc["sources"].size() == 2);
  REQUIRE(doc["entities"].size() == 4);
  REQUIRE(doc["relations"].size() == 5);
  CHECK(doc["sources"][0]["title"] == "Report \"A\", part 1");
  CHECK(doc["sources"][0]["date"] == "2016~");
  const auto& amal = doc["entities"][0];
  CHECK(amal["alias"] == nlohmann::ordered_json::array({"Umm Sami", "أم سامي"}));
  CHECK(amal["src"] == nlohmann::ordered_json::array({"s1", "s2"}));  // in graph order
  CHECK(amal["note"] == "line one\nline two, with \"quotes\" and a back\\slash\\");
  // Further names keep the order they were given in (name_tr before name_fr).
  std::vector<std::string> keys;
  for (const auto& [k, v] : amal.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"id", "kind", "name", "name_tr", "name_fr", "alias", "src",
                                         "note"});
  CHECK(doc["relations"][0]["role"] == "مديرة");
  CHECK(doc["relations"][2]["date"] == "2013-05");  // a point keeps date=, not start=
  CHECK(doc["relations"][3]["date"] == "2012-06-01");
  CHECK_FALSE(doc["relations"][3].contains("start"));
  CHECK(doc["relations"][4]["end"] == "2012/2013");
}

TEST_CASE("JSON records are reported with their line and pointer") {
  const std::string head =
      "{\"format\":\"orgraph\",\"version\":1,\n"
      "\"sources\":[{\"id\":\"s\",\"kind\":\"source\",\"title\":\"t\"}],\n"
      "\"entities\":[\n";
  SUBCASE("a value that is not a string") {
    CHECK(errors_of(head + "{\"id\":\"a\",\"kind\":\"org\",\"name\":\"A\"},\n"
                           "{\"id\":\"b\",\"kind\":\"org\",\"name\":\"B\",\"start\":2013}]}") ==
          std::vector<std::string>{
              "g.json:5: error: value of 'start' is a number; values are strings [/entities/1]; "
              "quote it (dates too: \"start\":\"2013\")"});
  }
  SUBCASE("a bad date is the builder's error, on the record's line") {
    CHECK(errors_of(head + "\n{\"id\":\"a\",\"kind\":\"org\",\"name\":\"A\",\"start\":\"mid "
                           "2013\"}]}") ==
          std::vector<std::string>{
              "g.json:5: error: start: invalid date 'mid 2013' at position 0: expected a "
              "four-digit year (digits or 'X', e.g. 2013 or 201X) or 'Y' and more than four "
              "digits [a]; dates are EDTF: 2013, 2013-05, 2013-05-20, 2016~, 2013/2015"});
  }
  SUBCASE("malformed JSON: line and column") {
    CHECK(errors_of(head + "{\"id\":\"a\" \"kind\":\"org\"}]}") ==
          std::vector<std::string>{
              "g.json:4: error: malformed JSON at column 16: syntax error while parsing object "
              "- unexpected string literal; expected '}'"});
  }
  SUBCASE("a key twice, a relation without to") {
    const auto errors =
        errors_of(head +
                  "{\"id\":\"a\",\"kind\":\"org\",\"name\":\"A\",\"name\":\"B\"}],\n"
                  "\"relations\":[{\"from\":\"a\",\"rel\":\"part_of\"}]}");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] ==
          "g.json:4: error: key 'name' appears twice in one record [/entities/0]; give each "
          "attribute once; alias and src take arrays for several values");
    CHECK(errors[1] ==
          "g.json:5: error: relation has no \"to\" [/relations/0]; a relation is "
          "{\"from\":\"…\",\"to\":\"…\",\"rel\":\"…\", …}");
  }
  SUBCASE("not an orgraph document, or another version") {
    CHECK(errors_of("{\"persons\":[]}")
              .front()
              .starts_with("g.json:1: error: not an orgraph graph document"));
    CHECK(errors_of("{\"format\":\"orgraph\",\"version\":2}").front() ==
          "g.json:1: error: unsupported version 2 of the graph document; this orgraph reads "
          "version 1");
  }
}

TEST_CASE("bytes that are not text are refused before parsing, with line and column") {
  const std::string head = "{\"format\":\"orgraph\",\"version\":1,\n\"entities\":[\n";
  SUBCASE("an overlong form (C0 AF for '/')") {
    CHECK(errors_of(head + "{\"id\":\"a\",\"kind\":\"org\",\"name\":\"\xC0\xAF\"}]}") ==
          std::vector<std::string>{
              "g.json:3: error: invalid UTF-8 (byte 0xC0 at column 32); save the file as UTF-8"});
  }
  SUBCASE("a truncated sequence after Arabic: the column counts characters") {
    CHECK(errors_of(head + "{\"id\":\"a\",\"kind\":\"org\",\"name\":\"علم\xD8\"}]}") ==
          std::vector<std::string>{
              "g.json:3: error: invalid UTF-8 (byte 0xD8 at column 35); save the file as UTF-8"});
  }
  SUBCASE("a NUL byte") {
    CHECK(errors_of(head + "{\"id\":\"a\",\"kind\":\"org\",\"name\":\"A\"}\0]}"s) ==
          std::vector<std::string>{"g.json:3: error: NUL byte at column 35; JSON files are text"});
  }
}

TEST_CASE("a NUL character in a value (\\u0000) refuses the record, and only that is reported") {
  // s (source) <- a -> b: a's record is refused; the relation and src= naming it say nothing.
  CHECK(errors_of("{\"format\":\"orgraph\",\"version\":1,\n"
                  "\"sources\":[{\"id\":\"s\",\"kind\":\"source\",\"title\":\"t\\u0000\"}],\n"
                  "\"entities\":[{\"id\":\"a\",\"kind\":\"org\",\"name\":\"A\\u0000\"},\n"
                  "{\"id\":\"b\",\"kind\":\"org\",\"name\":\"B\",\"src\":[\"s\"]}],\n"
                  "\"relations\":[{\"from\":\"a\",\"to\":\"b\",\"rel\":\"part_of\"}]}") ==
        std::vector<std::string>{
            "g.json:2: error: NUL character in the value of 'title' [/sources/0]; graph files "
            "are text",
            "g.json:3: error: NUL character in the value of 'name' [/entities/0]; graph files "
            "are text"});
}

TEST_CASE("an alias holding '|' is refused: it would silently become two aliases") {
  const std::string head = "{\"format\":\"orgraph\",\"version\":1,\n\"entities\":[\n";
  CHECK(errors_of(head +
                  "{\"id\":\"a\",\"kind\":\"org\",\"name\":\"A\",\"alias\":[\"A1\",\"p|q\"]},\n" +
                  "{\"id\":\"b\",\"kind\":\"org\",\"name\":\"B\"}],\n" +
                  "\"relations\":[{\"from\":\"a\",\"to\":\"b\",\"rel\":\"part_of\"}]}") ==
        std::vector<std::string>{
            "g.json:3: error: alias 'p|q' contains '|' [/entities/0]; '|' separates aliases "
            "(alias=\"a|b\" is two), so one alias cannot hold it; give each alias as its own "
            "item"});
  SUBCASE("one string is the DOT form, where '|' separates") {
    const TemporalGraph g =
        read(head + "{\"id\":\"a\",\"kind\":\"org\",\"name\":\"A\",\"alias\":\"p|q\"}]}");
    const Entity a = g.entity(0);
    CHECK(std::vector<std::string_view>(a.aliases.begin(), a.aliases.end()) ==
          std::vector<std::string_view>{"p", "q"});
  }
}

TEST_CASE("JSON strings and nesting over the limits are refused, naming the limit") {
  GraphBuilder b;
  SUBCASE("a long string") {
    io::read_json(
        "{\"format\":\"orgraph\",\"version\":1,\n\"name\":\"" + std::string(40, 'n') + "\"}",
        "g.json", b, {.max_token_bytes = 32});
    const auto errors = testing::build_errors(b);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "g.json:2: error: a string of 40 bytes is over the limit of 32 bytes (column 49); "
          "raise the limit (orgraph --max-token-bytes, LoadOptions::max_token_bytes) to read "
          "it");
  }
  SUBCASE("deep nesting") {
    std::string deep = "{\"format\":\"orgraph\",\"version\":1,\"x\":";
    for (int i = 0; i < 200; ++i) deep += '[';
    io::read_json(deep, "g.json", b, {.max_nesting = 100});
    const auto errors = testing::build_errors(b);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "g.json:1: error: arrays and objects nested 101 deep are over the limit of 100 "
          "(column 137); raise the limit (orgraph --max-nesting, LoadOptions::max_nesting) "
          "to read it");
  }
  SUBCASE("a million brackets end as an error, not a crash") {
    io::read_json(std::string(1000000, '['), "g.json", b);
    const auto errors = testing::build_errors(b);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("g.json:1: error: arrays and objects nested 101 deep"));
  }
}

}  // namespace orgraph
