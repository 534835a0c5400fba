#include "orgraph/time_span.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace orgraph {
namespace {

Day day(std::string_view text) { return *parse_day(text); }

// The certainty of a fact written start=/end= (or date= when point) over query date `at`.
std::optional<Certainty> at(const char* start, const char* end, const char* when) {
  return interval_span(Date::parse(start), Date::parse(end)).at(query_range(Date::parse(when)));
}

std::optional<Certainty> point_at(const char* date, const char* when) {
  return point_span(Date::parse(date)).at(query_range(Date::parse(when)));
}

constexpr auto certain = Certainty::certain;
constexpr auto possible = Certainty::possible;
constexpr std::optional<Certainty> absent;

}  // namespace

TEST_CASE("three-valued answers at a day (DESIGN section 1)") {
  struct Row {
    const char* start;
    const char* end;
    const char* when;
    std::optional<Certainty> expected;
  };
  // clang-format off
  const Row rows[] = {
      // exact days: start inclusive, end exclusive
      {"2013-05-20", "2013-06-01", "2013-05-20", certain},
      {"2013-05-20", "2013-06-01", "2013-05-31", certain},
      {"2013-05-20", "2013-06-01", "2013-06-01", absent},
      {"2013-05-20", "2013-06-01", "2013-05-19", absent},
      // a month start: possible during the month, certain from its last day
      {"2013-05", "", "2013-05-01", possible},
      {"2013-05", "", "2013-05-30", possible},
      {"2013-05", "", "2013-05-31", certain},
      {"2013-05", "", "2013-04-30", absent},
      // a year end: certain until the year begins, possible through it
      {"", "2014", "2013-12-31", certain},
      {"", "2014", "2014-01-01", possible},
      {"", "2014", "2014-12-30", possible},
      {"", "2014", "2014-12-31", absent},
      // missing start and end: no bound of its own
      {"", "", "1900-01-01", certain},
      {"", "", "2100-01-01", certain},
      // open end `..` is no end
      {"2011", "..", "2099-01-01", certain},
      // "later withdrew": an end some day after 2011-10-02, latest unknown
      {"2011-10-02", "2011-10-02/", "2011-10-02", possible},
      {"2011-10-02", "2011-10-02/", "2011-10-01", absent},
      {"2011-10-02", "2011-10-02/", "2030-01-01", possible},
      // a start some day after October 2011: never certain
      {"2011-10/", "", "2011-10-15", possible},
      {"2011-10/", "", "2020-01-01", possible},
      {"2011-10/", "", "2011-09-30", absent},
      // qualified dates are widened by one unit of precision
      {"2016~", "", "2015-01-01", possible},
      {"2016~", "", "2014-12-31", absent},
      {"2016~", "", "2017-12-30", possible},
      {"2016~", "", "2017-12-31", certain},
      {"1981-06~", "", "1981-05-01", possible},
      {"1981-06~", "", "1981-07-31", certain},
      {"2013", "2015?", "2013-12-31", certain},
      {"2013", "2015?", "2014-01-01", possible},
      // between-dates as bounds
      {"2013/2015", "", "2013-06-01", possible},
      {"2013/2015", "", "2015-12-31", certain},
      {"", "2013/2015", "2012-12-31", certain},
      {"", "2013/2015", "2015-12-30", possible},
      // seasons: summer 2016 = June–August
      {"2016-22", "", "2016-05-31", absent},
      {"2016-22", "", "2016-06-01", possible},
      {"2016-22", "", "2016-08-31", certain},
      // unspecified digits: 2019-04-2X is some day of 20–29 April
      {"2019-04-2X", "", "2019-04-19", absent},
      {"2019-04-2X", "", "2019-04-20", possible},
      {"2019-04-2X", "", "2019-04-29", certain},
  };
  // clang-format on
  for (const Row& r : rows) {
    CAPTURE(r.start);
    CAPTURE(r.end);
    CAPTURE(r.when);
    CHECK(at(r.start, r.end, r.when) == r.expected);
  }
}

TEST_CASE("asking at a year or a month: certain only if certain on every day") {
  CHECK(at("2012", "", "2013") == certain);
  CHECK(at("2013-03", "", "2013") == possible);  // not yet in January
  CHECK(at("", "2013-07", "2013") == possible);  // gone by December
  CHECK(at("2011", "2012", "2013") == absent);
  CHECK(at("2013-05-20", "2013-05-21", "2013-05") == possible);
  CHECK(at("2013-04", "2013-07", "2013-05") == certain);
  CHECK(at("2014", "", "2013~") == possible);  // 2013~ reads as 2012..2014
  CHECK(at("", "", "2013") == certain);
}

TEST_CASE("a point date holds exactly on its day") {
  CHECK(point_at("2011-07-16", "2011-07-16") == certain);
  CHECK(point_at("2011-07-16", "2011-07-17") == absent);
  CHECK(point_at("2011-07-16", "2011-07") == possible);  // one day of July, not every day
  CHECK(point_at("2013-05", "2013-05-10") == possible);
  CHECK(point_at("2013-05", "2013-06-01") == absent);
  CHECK(point_at("2013-05", "2013-05") == possible);
  CHECK(point_at("2016?", "2015-06-01") == possible);
}

TEST_CASE("clipping to a lifespan keeps the weaker certainty") {
  const TimeSpan relation = interval_span(Date::parse("2012"), Date());
  const TimeSpan body = interval_span(Date::parse("2013-05"), Date::parse("2015"));
  const TimeSpan clipped = relation.clipped_to(body);
  CHECK(clipped.at({day("2012-06-01"), day("2012-06-01")}) == absent);
  CHECK(clipped.at({day("2013-05-10"), day("2013-05-10")}) == possible);
  CHECK(clipped.at({day("2014-06-01"), day("2014-06-01")}) == certain);
  CHECK(clipped.at({day("2015-01-01"), day("2015-01-01")}) == possible);
  CHECK(clipped.at({day("2016-01-01"), day("2016-01-01")}) == absent);
  CHECK_FALSE(interval_span(Date::parse("2016"), Date())
                  .clipped_to(interval_span(Date(), Date::parse("2014")))
                  .ever_possible());
}

TEST_CASE("an undated event is possible at any date and certain at none") {
  const TimeSpan s = undated_event_span();
  CHECK(s.at({day("1900-01-01"), day("1900-01-01")}) == possible);
  CHECK(s.at({day("2013-01-01"), day("2013-12-31")}) == possible);
  CHECK(s.ever_possible());
}

TEST_CASE("certainty prints the same everywhere") {
  CHECK(to_string(Certainty::certain) == "certain");
  CHECK(fmt::format("{}", Certainty::possible) == "possible");
}

}  // namespace orgraph
