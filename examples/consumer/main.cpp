// Built against an installed orgraph (find_package); prints how many entities a graph has.
#include <orgraph/orgraph.hpp>

#include <fmt/format.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const orgraph::TemporalGraph g = orgraph::load(argv[1]);
  const orgraph::Date d = orgraph::Date::parse("2016~");
  fmt::print("{} entities, {} relations; 2016~ reads as {} … {}\n", g.entity_count(),
             g.relation_count(), orgraph::format_day(d.widened().earliest),
             orgraph::format_day(d.widened().latest));
  return 0;
}
