// Embedding example: build a graph in memory with GraphBuilder (no file) and read dates back.
#include <orgraph/orgraph.hpp>

#include <fmt/format.h>

#include <vector>

int main() {
  using orgraph::Attribute;
  orgraph::GraphBuilder builder;
  const auto file = builder.add_file("<memory>");
  builder.add_entity("s1", std::vector<Attribute>{{"kind", "source"}, {"title", "Notes"}},
                     {file, 1});
  builder.add_entity("lcc",
                     std::vector<Attribute>{{"kind", "org"},
                                            {"name", "لجان التنسيق المحلية"},
                                            {"name_en", "Local Coordination Committees"},
                                            {"src", "s1"}},
                     {file, 2});
  builder.add_entity("snc",
                     std::vector<Attribute>{{"kind", "org"},
                                            {"name", "المجلس الوطني السوري"},
                                            {"name_en", "Syrian National Council"},
                                            {"start", "2011-08-23"},
                                            {"src", "s1"}},
                     {file, 3});
  builder.add_relation(
      "lcc", "snc",
      std::vector<Attribute>{
          {"rel", "member_of"}, {"start", "2011-10-02"}, {"end", "2011-10-02/"}, {"src", "s1"}},
      {file, 4});
  const orgraph::TemporalGraph g = builder.build();
  const orgraph::Relation r = g.relation(0);
  fmt::print("{} {} {}: from {} to some day after {}\n", g.entity(r.from).name_en, r.kind,
             g.entity(r.to).name_en, orgraph::format_day(*r.start->earliest()),
             orgraph::format_day(*r.end->earliest()));
  return g.relation_count() == 1 ? 0 : 1;
}
