#include "orgraph/io/popolo.hpp"

#include <doctest/doctest.h>

#include <string>

#include "support/build_errors.hpp"

namespace orgraph {
namespace {

using namespace std::string_literals;

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

std::vector<std::string> warnings_of(std::string_view text) {
  GraphBuilder b;
  io::read_popolo(text, "data/ee.json", b);
  std::vector<std::string> out;
  b.build({.on_warning = [&out](const Diagnostic& d) { out.push_back(to_string(d)); }});
  return out;
}

std::vector<std::string_view> aliases(const Entity& e) {
  return {e.aliases.begin(), e.aliases.end()};
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
  CHECK(aliases(mari) == std::vector<std::string_view>{"玛丽", "M. Tamm"});
  CHECK(mari.start->text() == "1970-05-02");
  CHECK(mari.note == "Popolo id p/1; wikidata Q1; also named \"玛丽\" (zh-hans)");
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
            "data/ee.json: warning: posts[]: 1 record no membership refers to is not imported; a "
            "post is imported only as the role and note of the holds relations of its memberships",
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

TEST_CASE("Popolo bytes that are not text are errors with line and column") {
  SUBCASE("an overlong form (C0 AF for '/')") {
    CHECK(errors_of("{\"persons\": [\n{\"id\": \"a\", \"name\": \"A\xC0\xAF\"}]}") ==
          std::vector<std::string>{"data/ee.json:2: error: invalid UTF-8 (byte 0xC0 at column "
                                   "23); save the file as UTF-8"});
  }
  SUBCASE("a NUL byte") {
    CHECK(errors_of("{\"persons\": [\n{\"id\": \"a\",\0 \"name\": \"A\"}]}"s) ==
          std::vector<std::string>{
              "data/ee.json:2: error: NUL byte at column 12; JSON files are text"});
  }
  SUBCASE("a NUL character written \\u0000: the record's line and id") {
    CHECK(errors_of("{\"persons\": [\n{\"id\": \"a\", \"name\": \"A\\u0000B\"}],\n"
                    "\"organizations\": [{\"id\": \"o\", \"name\": \"O\"}],\n"
                    "\"memberships\": [{\"person_id\": \"a\", \"organization_id\": \"o\"}]}") ==
          std::vector<std::string>{"data/ee.json:2: error: NUL character in the value of 'name' "
                                   "[a]; graph files are text"});
  }
}

TEST_CASE("a Popolo other name holding '|' is kept in the note, not split into two aliases") {
  const std::string popolo = R"({"organizations": [
    {"id": "o", "name": "Left | Right",
     "other_names": [{"name": "L|R"}, {"name": "LR"}, {"name": "L | R", "note": "shorthand"}]}
  ]})";
  const TemporalGraph g = read(popolo);
  const Entity o = g.entity(g.find("o"));
  CHECK(o.name == "Left | Right");  // a name is one string: '|' separates only aliases
  CHECK(aliases(o) == std::vector<std::string_view>{"LR"});
  CHECK(o.note == "Popolo id o; also named \"L | R\": shorthand; also named \"L|R\"");
  CHECK(warnings_of(popolo) ==
        std::vector<std::string>{
            "data/ee.json:2: warning: other name 'L|R' contains '|': it is kept in the note, not "
            "as an alias [/organizations/0]; '|' separates aliases (alias=\"a|b\" is two), so "
            "one alias cannot hold it",
            "data/ee.json:2: warning: other name 'L | R' contains '|': it is kept in the note, "
            "not as an alias [/organizations/0]; '|' separates aliases (alias=\"a|b\" is two), "
            "so one alias cannot hold it"});
}

// A party with names in several languages, historic and noted; a legislature with two posts
// (one dated, in an area, with a source; one with another label); an election with a round.
//
//   p1 -member_of-> kesk        (membership m1: label, two sources)
//   p1 -holds "Member for Tallinn"-> leg   (post mp-tln: its dates, area and source)
//   p2 -holds "Acting Speaker"-> leg       (post speaker, in area Tartu)
//   e2019_tln: part of e2019 (parent_id)
const std::string kMapped = R"({
  "persons": [{"id": "p1", "name": "Mari Tamm"}, {"id": "p2", "name": "Jaan Kask"}],
  "organizations": [
    {"id": "kesk", "name": "Keskerakond", "classification": "party",
     "other_names": [
       {"lang": "et", "name": "Keskerakond"},
       {"lang": "en", "name": "Centre Party"},
       {"lang": "de", "name": "Centre Party", "note": "multilingual"},
       {"lang": "en", "name": "Estonian Centre Party"},
       {"lang": "en", "name": "Popular Front", "end_date": "1991"},
       {"name": "Rahvarinne", "start_date": "1988", "end_date": "1991-08-19", "note": "historic"},
       {"lang": "zh-hk", "name": "中間黨"}]},
    {"id": "leg", "name": "Riigikogu", "classification": "legislature"}
  ],
  "areas": [{"id": "tln", "name": "Tallinn"}, {"id": "tartu", "name": "Tartu"}],
  "events": [
    {"id": "e2019", "name": "Election 2019", "classification": "general election",
     "start_date": "2019-03-03", "end_date": "2019-03-03"},
    {"id": "e2019-tln", "name": "Election 2019 in Tallinn", "classification": "election",
     "start_date": "2019-03-03", "end_date": "2019-03-03", "parent_id": "e2019"}
  ],
  "posts": [
    {"id": "mp-tln", "label": "Member for Tallinn", "role": "Member of Parliament",
     "organization_id": "leg", "area_id": "tln", "start_date": "1992-10-05",
     "end_date": "2019-03-03", "sources": [{"url": "https://example.org/posts"}]},
    {"id": "speaker", "label": "Speaker", "organization_id": "leg",
     "other_label": ["Chair of the Riigikogu"]}
  ],
  "memberships": [
    {"id": "m1", "person_id": "p1", "organization_id": "kesk", "label": "Party member",
     "start_date": "1991", "sources": [{"url": "https://example.org/m1", "note": "Party register"},
                                       {"url": "https://example.org/posts"}]},
    {"person_id": "p1", "post_id": "mp-tln"},
    {"person_id": "p2", "post_id": "speaker", "role": "Acting Speaker", "area_id": "tartu",
     "start_date": "2003-03-02", "end_date": "2003-04-01"}
  ]
})";

std::vector<std::string_view> source_keys(const TemporalGraph& g, const Relation& r) {
  std::vector<std::string_view> out;
  for (EntityId s : r.sources) out.push_back(g.entity(s).key);
  return out;
}

TEST_CASE("Popolo other_names keep every language, their dates and their notes") {
  const TemporalGraph g = read(kMapped);
  const Entity kesk = g.entity(g.find("kesk"));
  // The first current name in each language, even when spelt as the name or another language's.
  CHECK(kesk.attribute("name_et") == "Keskerakond");
  CHECK(kesk.name_en == "Centre Party");
  CHECK(kesk.attribute("name_de") == "Centre Party");
  // A second English name, a historic one and one in a regional code are aliases.
  CHECK(aliases(kesk) == std::vector<std::string_view>{"Estonian Centre Party", "Popular Front",
                                                       "Rahvarinne", "中間黨"});
  // What the attributes cannot say (notes, dates, languages without name_xx) is in the note.
  CHECK(kesk.note ==
        "Popolo id kesk; also named \"Centre Party\" (de): multilingual; also named \"Estonian "
        "Centre Party\" (en), \"中間黨\" (zh-hk); also named \"Popular Front\" (en) to 1991; also "
        "named \"Rahvarinne\" from 1988 to 1991-08-19: historic");
  CHECK(warnings_of(kMapped).empty());
}

TEST_CASE("Popolo memberships cite their sources and keep their id and label") {
  const TemporalGraph g = read(kMapped);
  REQUIRE(g.relation_count() == 3);
  const Relation m1 = g.relation(0);
  CHECK(m1.kind == RelationKind::member_of);
  CHECK(m1.start->text() == "1991");
  CHECK(source_keys(g, m1) == std::vector<std::string_view>{"popolo_source", "src_1", "src_2"});
  CHECK(g.entity(g.find("src_1")).attribute("title") == "Party register");
  CHECK(g.entity(g.find("src_1")).attribute("url") == "https://example.org/m1");
  CHECK(m1.note == "Popolo id m1; label Party member");
}

TEST_CASE("Popolo posts give holds relations their role, dates, area and sources") {
  const TemporalGraph g = read(kMapped);
  REQUIRE(g.relation_count() == 3);
  SUBCASE("a membership without dates takes the post's; the post's role and area are noted") {
    const Relation mp = g.relation(1);
    CHECK(mp.kind == RelationKind::holds);
    CHECK(g.entity(mp.to).key == "leg");
    CHECK(mp.role == "Member for Tallinn");  // the label: the role is every member's
    CHECK(mp.start->text() == "1992-10-05");
    CHECK(mp.end->text() == "2019-03-04");  // the day after the post's last
    CHECK(source_keys(g, mp) == std::vector<std::string_view>{"popolo_source", "src_2"});
    CHECK(mp.note ==
          "post Member for Tallinn (role Member of Parliament) from 1992-10-05 to 2019-03-03 in "
          "area Tallinn");
  }
  SUBCASE("a membership's own role and dates win; the post's label goes in the note") {
    const Relation acting = g.relation(2);
    CHECK(acting.role == "Acting Speaker");
    CHECK(acting.start->text() == "2003-03-02");
    CHECK(acting.end->text() == "2003-04-02");
    CHECK(acting.note == "area Tartu; post Speaker also labelled \"Chair of the Riigikogu\"");
  }
}

TEST_CASE("a Popolo event's parent_id goes in its note") {
  const TemporalGraph g = read(kMapped);
  CHECK(g.entity(g.find("e2019_tln")).note == "Popolo id e2019-tln; part of e2019");
  std::string text = kMapped;
  const std::string from = R"("parent_id": "e2019")";
  text.replace(text.find(from), from.size(), R"("parent_id": "e2018")");
  CHECK(errors_of(text) ==
        std::vector<std::string>{
            "data/ee.json:19: error: parent_id 'e2018' names no event in this file [/events/1]; "
            "every id a record refers to must be defined in the same file"});
}

// Fields orgraph has no attribute for, an area and a post nothing refers to.
const std::string kUnmapped = R"({
  "meta": {"sources": ["https://example.org"], "license": "CC0"},
  "persons": [
    {"id": "p1", "name": "Mari Tamm", "gender": "female", "email": "mari@example.org",
     "given_name": "Mari", "family_name": "Tamm", "sort_name": "Tamm, Mari", "summary": "",
     "images": [{"url": "https://example.org/mari.jpg"}],
     "other_names": [{"name": "Mari T.", "family_name": "T."}]},
    {"id": "p2", "name": "Jaan Kask", "gender": "male", "links": []}
  ],
  "organizations": [
    {"id": "leg", "name": "Parliament", "classification": "legislature", "seats": 101,
     "area_id": "ee"}
  ],
  "areas": [{"id": "ee", "name": "Estonia", "type": "country"}, {"id": "tln", "name": "Tallinn"}],
  "posts": [{"id": "spare", "label": "Spare seat", "organization_id": "leg"}],
  "memberships": [{"person_id": "p1", "organization_id": "leg", "links": [{"url": "x"}]}]
})";

TEST_CASE("Popolo fields orgraph cannot hold are warned about, once per record type and field") {
  const std::string no_attribute = "; orgraph has no attribute for it";
  const std::string area_hint =
      "; an area is imported only as its name, in the notes of the records in it";
  CHECK(
      warnings_of(kUnmapped) ==
      std::vector<std::string>{
          "data/ee.json: warning: meta.license is not imported (1 record)" + no_attribute,
          "data/ee.json: warning: persons[].gender is not imported (2 records)" + no_attribute,
          "data/ee.json: warning: persons[].email is not imported (1 record)" + no_attribute,
          "data/ee.json: warning: persons[].given_name is not imported (1 record)" + no_attribute,
          "data/ee.json: warning: persons[].family_name is not imported (1 record)" + no_attribute,
          "data/ee.json: warning: persons[].sort_name is not imported (1 record)" + no_attribute,
          "data/ee.json: warning: persons[].images is not imported (1 record)" + no_attribute,
          "data/ee.json: warning: persons[].other_names[].family_name is not imported (1 "
          "record)" +
              no_attribute,
          "data/ee.json: warning: organizations[].seats is not imported (1 record)" + no_attribute,
          "data/ee.json: warning: memberships[].links is not imported (1 record)" + no_attribute,
          "data/ee.json: warning: areas[].type is not imported (1 record)" + area_hint,
          "data/ee.json: warning: posts[]: 1 record no membership refers to is not imported; "
          "a post is imported only as the role and note of the holds relations of its "
          "memberships",
          "data/ee.json: warning: areas[]: 1 record nothing refers to is not imported" +
              area_hint});
  // What is read is kept: the organization's area is in its note.
  const TemporalGraph g = read(kUnmapped);
  CHECK(g.entity(g.find("leg")).note == "Popolo id leg; area Estonia");
}

TEST_CASE("malformed nested Popolo arrays and repeated keys are errors") {
  CHECK(errors_of(R"({"persons": [{"id": "a", "name": "A", "other_names": "Alpha",
                                   "sources": [{"url": "https://example.org"}, "v"]}]})") ==
        std::vector<std::string>{
            "data/ee.json:1: error: 'other_names' is not an array [/persons/0]",
            "data/ee.json:1: error: record is not an object [/persons/0/sources/1]"});
  CHECK(errors_of(R"({"persons": [{"id": "a", "name": "A", "name": "B"}]})") ==
        std::vector<std::string>{"data/ee.json:1: error: key 'name' appears twice in one record "
                                 "[/persons/0]; JSON keeps only the last value; give each field "
                                 "once"});
  CHECK(errors_of(R"({"posts": [{"id": "mp", "label": "MP", "organization_id": "leg",
                                  "area_id": "nowhere"}],
                      "persons": [{"id": "a", "name": "A"}],
                      "organizations": [{"id": "leg", "name": "L"}],
                      "memberships": [{"person_id": "a", "post_id": "mp"}]})") ==
        std::vector<std::string>{
            "data/ee.json:5: error: post area_id 'nowhere' names no area in this file "
            "[/memberships/0]; every id a record refers to must be defined in the same file"});
}

}  // namespace orgraph
