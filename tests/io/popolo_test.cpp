#include "orgraph/io/popolo.hpp"

#include <doctest/doctest.h>

#include <string>

#include "support/build_errors.hpp"

namespace orgraph {
namespace {

// A legislature with a party and a committee (parent_id), one term, two persons, a post.
const std::string kPopolo = R"({
  "persons": [
    {"id": "p/1", "name": "Mari Tamm", "birth_date": "1970-05-02",
     "other_names": [{"lang": "en", "name": "Mary Oak"}, {"lang": "ru", "name": "Мари Тамм"},
                     {"lang": "zh-hans", "name": "玛丽"}, {"name": "M. Tamm"}],
     "identifiers": [{"scheme": "wikidata", "identifier": "Q1"}],
     "sources": [{"url": "https://example.org/mari"}]},
    {"id": "p/2", "name": "Jaan Kask"}
  ],
  "organizations": [
    {"id": "leg", "name": "Parliament", "classification": "legislature"},
    {"id": "party/a", "name": "Party A", "classification": "party"},
    {"id": "party-a", "name": "Party A again", "classification": "faction"},
    {"id": "cttee", "name": "Budget Committee", "classification": "committee", "parent_id": "leg"}
  ],
  "events": [
    {"id": "term/1", "name": "1st Parliament", "classification": "legislative period",
     "start_date": "2011-03-27", "end_date": "2015-03-23", "organization_id": "leg"},
    {"id": "e/2015", "name": "Election 2015", "classification": "general election",
     "start_date": "2015-03-01", "end_date": "2015-03-01"}
  ],
  "posts": [{"id": "chair", "label": "Chair", "organization_id": "cttee"}],
  "memberships": [
    {"person_id": "p/1", "organization_id": "leg", "on_behalf_of_id": "party/a",
     "legislative_period_id": "term/1", "end_date": "2013-12-08", "role": "member"},
    {"person_id": "p/1", "organization_id": "leg", "on_behalf_of_id": "party-a",
     "legislative_period_id": "term/1", "start_date": "2013-12-09", "role": "member"},
    {"person_id": "p/2", "post_id": "chair", "start_date": "2012"}
  ]
})";

TemporalGraph read(std::string_view text) {
  GraphBuilder b;
  io::read_popolo(text, "data/ee.json", b);
  return b.build();
}

std::vector<std::string> errors_of(std::string_view text) {
  GraphBuilder b;
  io::read_popolo(text, "data/ee.json", b);
  return testing::build_errors(b);
}

}  // namespace

TEST_CASE("Popolo persons, organizations, events and memberships become a graph") {
  const TemporalGraph g = read(kPopolo);
  CHECK(g.name() == "ee");
  // 2 persons, 4 organizations, 2 events, the file and one URL as sources.
  CHECK(g.entity_count() == 10);
  const Entity mari = g.entity(g.find("p_1"));
  CHECK(mari.kind == EntityKind::person);
  CHECK(mari.name == "Mari Tamm");
  CHECK(mari.name_en == "Mary Oak");
  CHECK(mari.attribute("name_ru") == "Мари Тамм");
  CHECK(std::vector<std::string_view>(mari.aliases.begin(), mari.aliases.end()) ==
        std::vector<std::string_view>{"玛丽", "M. Tamm"});
  CHECK(mari.start->text() == "1970-05-02");
  CHECK(mari.note == "Popolo id p/1; wikidata Q1");
  CHECK(mari.sources.size() == 2);
  // Ids are slugs, made unique: party/a and party-a both slug to party_a.
  CHECK(g.entity(g.find("party_a")).name == "Party A");
  CHECK(g.entity(g.find("party_a_2")).name == "Party A again");
  CHECK(g.entity(g.find("party_a_2")).type == "other");
  CHECK(g.entity(g.find("cttee")).type == "committee");
  const Entity election = g.entity(g.find("e_2015"));
  CHECK(election.type == "election");
  CHECK(election.date->text() == "2015-03-01");                   // one day: a point
  CHECK(g.entity(g.find("term_1")).end->text() == "2015-03-24");  // the day after the last

  // parent_id, two memberships with their parties (dates from the term where missing), a post.
  REQUIRE(g.relation_count() == 6);
  const Relation part = g.relation(0);
  CHECK(part.kind == RelationKind::part_of);
  CHECK(g.entity(part.from).key == "cttee");
  const Relation first = g.relation(1);
  CHECK(first.kind == RelationKind::member_of);
  CHECK(g.entity(first.to).key == "leg");
  CHECK(first.start->text() == "2011-03-27");
  CHECK(first.end->text() == "2013-12-09");
  const Relation first_party = g.relation(2);
  CHECK(g.entity(first_party.to).key == "party_a");
  CHECK(first_party.end->text() == "2013-12-09");
  const Relation second_party = g.relation(4);
  CHECK(g.entity(second_party.to).key == "party_a_2");
  CHECK(second_party.start->text() == "2013-12-09");
  CHECK(second_party.end->text() == "2015-03-24");
  const Relation chair = g.relation(5);
  CHECK(chair.kind == RelationKind::holds);
  CHECK(chair.role == "Chair");
  CHECK(g.entity(chair.to).key == "cttee");
}

TEST_CASE("Popolo references to undefined ids are errors with line and pointer") {
  std::string text = kPopolo;
  auto replace = [&text](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  replace(R"("on_behalf_of_id": "party-a")", R"("on_behalf_of_id": "nobody")");
  replace(R"("person_id": "p/2", "post_id": "chair")", R"("person_id": "p/9", "post_id": "vice")");
  CHECK(errors_of(text) ==
        std::vector<std::string>{
            "data/ee.json:26: error: on_behalf_of_id 'nobody' names no organization in this file "
            "[/memberships/1]; every id a record refers to must be defined in the same file",
            "data/ee.json:28: error: person_id 'p/9' names no person in this file "
            "[/memberships/2]; every id a record refers to must be defined in the same file",
            "data/ee.json:28: error: post_id 'vice' names no post in this file "
            "[/memberships/2]; every id a record refers to must be defined in the same file"});
}

TEST_CASE("malformed Popolo JSON and wrong value types are errors") {
  CHECK(errors_of("{\"persons\": [\n{\"id\": \"a\", \"name\": \"A\"},\n{\"id\": }]}") ==
        std::vector<std::string>{
            "data/ee.json:3: error: malformed JSON at column 8: syntax error while parsing value - "
            "unexpected '}'; expected '[', '{', or a literal"});
  CHECK(
      errors_of("{\"persons\": [{\"id\": \"a\", \"name\": \"A\", \"birth_date\": 1970}]}") ==
      std::vector<std::string>{"data/ee.json:1: error: 'birth_date' is not a string [/persons/0]"});
}

}  // namespace orgraph
