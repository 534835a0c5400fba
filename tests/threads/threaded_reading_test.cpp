// A JSON-lines file large enough to be read in two threads (parsing ahead of the builder) gives
// the graph, and the diagnostics, that the same facts give through DOT. Run under
// ThreadSanitizer by the tsan preset, like the other tests here.

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "orgraph/generate.hpp"
#include "orgraph/graph_builder.hpp"
#include "orgraph/io/dot_reader.hpp"
#include "orgraph/io/json.hpp"
#include "orgraph/io/jsonl_reader.hpp"
#include "support/build_errors.hpp"

namespace orgraph {
namespace {

std::string generated(GraphFormat format) {
  std::ostringstream text;
  generate({.orgs = 5000, .people = 5000, .seed = 17}, format, text);
  return text.str();
}

// The graph's facts in an order of their own (the readers number entities in the order they
// meet them, which differs between DOT and JSON lines), without the graph's name.
nlohmann::json facts_of(const TemporalGraph& g) {
  std::ostringstream out;
  io::write_json(g, out);
  nlohmann::json doc = nlohmann::json::parse(out.str());
  nlohmann::json facts = nlohmann::json::object();
  for (const char* key : {"sources", "entities", "relations"}) {
    std::vector<std::string> records;
    for (const auto& r : doc[key]) records.push_back(r.dump());
    std::sort(records.begin(), records.end());
    facts[key] = records;
  }
  return facts;
}

}  // namespace

TEST_CASE("a large JSON-lines file read in two threads gives the graph DOT gives") {
  const std::string jsonl = generated(GraphFormat::jsonl);
  REQUIRE(jsonl.size() > (std::size_t{4} << 20));  // the size from which a second thread parses
  GraphBuilder from_jsonl, from_dot;
  io::read_jsonl(jsonl, "g.jsonl", from_jsonl);
  io::read_dot(generated(GraphFormat::dot), "g.gv", from_dot);
  const TemporalGraph a = from_jsonl.build(), b = from_dot.build();
  CHECK(a.relation_count() > 40000);
  CHECK(facts_of(a) == facts_of(b));
}

TEST_CASE("errors of a large JSON-lines file keep their lines across batches") {
  std::string jsonl = generated(GraphFormat::jsonl);
  // Break lines 2, 9000 (in the second batch of 8192 lines) and the last one.
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < jsonl.size(); ++i) {
    if (jsonl[i] == '\n' && i + 1 < jsonl.size()) starts.push_back(i + 1);
  }
  const std::size_t last = starts.size();
  for (std::size_t line : {last, std::size_t{9000}, std::size_t{2}}) {
    jsonl.insert(starts[line - 1], "x");
  }
  GraphBuilder b;
  io::read_jsonl(jsonl, "g.jsonl", b);
  const auto errors = testing::build_errors(b);
  REQUIRE(errors.size() >= 3);
  CHECK(errors[0].starts_with("g.jsonl:2: error: malformed JSON at column 1"));
  CHECK(std::count_if(errors.begin(), errors.end(), [](const std::string& e) {
          return e.starts_with("g.jsonl:9000: error: malformed JSON at column 1");
        }) == 1);
  CHECK(std::count_if(errors.begin(), errors.end(), [&](const std::string& e) {
          return e.starts_with(fmt::format("g.jsonl:{}: error: malformed JSON at column 1", last));
        }) == 1);
}

}  // namespace orgraph
