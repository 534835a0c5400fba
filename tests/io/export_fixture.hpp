#pragma once

// Test support for the exporters: a small graph whose attribute values are hard to carry
// (quotes, backslashes, line breaks, markup, Arabic, further names in an unusual order), built in
// memory, and the lossless JSON of a graph as a string.

#include <sstream>
#include <string>
#include <vector>

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/json.hpp"

namespace orgraph::testing {

//   s1 (source, "Report \"A\"")   s2 (source)
//   amal (person) --holds "مديرة"--> office (org) --part_of--> council (org)
//   council --split_from (date 2013-05)--> office;  rally (event) <--participated_in (date)-- amal
//   council <--allied_with--> office
inline TemporalGraph hard_to_carry_graph() {
  GraphBuilder b;
  const auto f = b.add_file("<memory>");
  b.set_name("hard to carry");
  b.set_graph_attribute("title", "Hard \"to\" carry: <1> & «٢»", {f, 1});
  b.set_graph_attribute("note", "two lines,\nthe second with a back\\slash", {f, 1});
  b.set_graph_attribute("lang", "ar", {f, 1});
  using A = std::vector<Attribute>;
  b.add_entity("s1",
               A{{"kind", "source"},
                 {"type", "report"},
                 {"title", "Report \"A\", part 1"},
                 {"url", "https://example.org/a?x=1&y=<2>"},
                 {"lang", "en"},
                 {"date", "2016~"}},
               {f, 1});
  b.add_entity("s2", A{{"kind", "source"}, {"title", "تقرير"}}, {f, 2});
  b.add_entity("amal",
               A{{"kind", "person"},
                 {"name", "أمل حداد"},
                 {"name_tr", "Emel Haddad"},
                 {"name_fr", "Amal Haddad"},
                 {"alias", "Umm Sami|أم سامي"},
                 {"note", "line one\nline two, with \"quotes\" and a back\\slash\\"},
                 {"src", "s2 s1"}},
               {f, 3});
  b.add_entity("office",
               A{{"kind", "org"},
                 {"type", "office"},
                 {"name", "المكتب <الإعلامي> & co"},
                 {"name_en", "Media Office"},
                 {"start", "2011-03"},
                 {"end", "2013-05"},
                 {"src", "s1"}},
               {f, 4});
  b.add_entity("council",
               A{{"kind", "org"},
                 {"type", "council"},
                 {"name", "المجلس"},
                 {"name_fr", "Le Conseil"},
                 {"start", "2011-08-23"},
                 {"src", "s1"},
                 {"note", "tab\there; a \\\" pair"}},
               {f, 5});
  b.add_entity("rally", A{{"kind", "event"}, {"name", "Rally"}, {"date", "2012-06-01"}}, {f, 6});
  b.add_relation("amal", "office",
                 A{{"rel", "holds"},
                   {"role", "مديرة"},
                   {"role_en", "director"},
                   {"start", "2011-10/"},
                   {"src", "s1"}},
                 {f, 7});
  b.add_relation("office", "council", A{{"rel", "part_of"}, {"src", "s1 s2"}}, {f, 8});
  b.add_relation("council", "office", A{{"rel", "split_from"}, {"date", "2013-05"}}, {f, 9});
  b.add_relation("amal", "rally", A{{"rel", "participated_in"}, {"date", "2012-06-01"}}, {f, 10});
  b.add_relation("council", "office",
                 A{{"rel", "allied_with"}, {"start", "2012"}, {"end", "2012/2013"}}, {f, 11});
  return b.build();
}

inline std::string json_of(const TemporalGraph& g) {
  std::ostringstream out;
  io::write_json(g, out);
  return out.str();
}

}  // namespace orgraph::testing
