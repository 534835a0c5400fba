// Fuzz target: the EDTF parser (Date::parse) and the properties its header promises for every
// date it accepts: bounds in order, widened bounds around them, the canonical text read back to
// the same date, and parse_day reading back what format_day writes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "orgraph/date.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

bool real_day(orgraph::Day day) {
  return day != orgraph::kOpenEarliest && day != orgraph::kOpenLatest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  orgraph::Date date;
  try {
    date = orgraph::Date::parse(text);
  } catch (const orgraph::date_error&) {
    return 0;
  }
  const orgraph::DayRange own = date.bounds();
  const orgraph::DayRange widened = date.widened();
  require(own.earliest <= own.latest);
  require(widened.earliest <= own.earliest && own.latest <= widened.latest);
  const orgraph::Date again = orgraph::Date::parse(date.canonical());
  require(again == date);
  require(again.bounds() == own && again.widened() == widened);
  require(again.precision() == date.precision() && again.qualifiers() == date.qualifiers());
  for (orgraph::Day day : {own.earliest, own.latest, widened.earliest, widened.latest}) {
    if (real_day(day)) require(orgraph::parse_day(orgraph::format_day(day)) == day);
  }
  return 0;
}
