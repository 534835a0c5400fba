#include <orgraph/date.hpp>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <orgraph/error.hpp>

#ifndef ORGRAPH_TEST_DATA_DIR
#define ORGRAPH_TEST_DATA_DIR "tests/data"
#endif

using orgraph::Date;
using orgraph::Day;
using orgraph::Limit;
using orgraph::Precision;
using orgraph::Qualifier;
using orgraph::Qualifiers;
using namespace std::string_view_literals;

namespace {

// One valid text and everything orgraph reads from it. Days are written as format_day writes
// them ("-inf" / "+inf" for open or unknown sides); canonical "=" means "the input itself";
// empty widened columns mean "the same as the own bounds" (only used for unqualified dates).
struct ValidCase {
  std::string_view input;
  std::string_view canonical;
  std::string_view earliest;
  std::string_view latest;
  Precision precision;
  std::string_view qualifiers;
  std::string_view widened_earliest = {};
  std::string_view widened_latest = {};
};

constexpr auto day = Precision::day;
constexpr auto month = Precision::month;
constexpr auto season = Precision::season;
constexpr auto year = Precision::year;
constexpr auto decade = Precision::decade;
constexpr auto century = Precision::century;
constexpr auto millennium = Precision::millennium;
constexpr auto open = Precision::open;

const ValidCase kValid[] = {
    // Level 0: years, year zero (1 BCE) and negative years.
    {"2013", "=", "2013-01-01", "2013-12-31", year, ""},
    {"0000", "=", "0000-01-01", "0000-12-31", year, ""},
    {"0001", "=", "0001-01-01", "0001-12-31", year, ""},
    {"9999", "=", "9999-01-01", "9999-12-31", year, ""},
    {"1970", "=", "1970-01-01", "1970-12-31", year, ""},
    {"-0044", "=", "-0044-01-01", "-0044-12-31", year, ""},
    {"-9999", "=", "-9999-01-01", "-9999-12-31", year, ""},
    // Level 0: months, leap-aware (1900 is not a leap year, 2000 and 0000 are).
    {"2013-05", "=", "2013-05-01", "2013-05-31", month, ""},
    {"2013-02", "=", "2013-02-01", "2013-02-28", month, ""},
    {"2024-02", "=", "2024-02-01", "2024-02-29", month, ""},
    {"1900-02", "=", "1900-02-01", "1900-02-28", month, ""},
    {"2000-02", "=", "2000-02-01", "2000-02-29", month, ""},
    {"0000-02", "=", "0000-02-01", "0000-02-29", month, ""},
    {"2013-04", "=", "2013-04-01", "2013-04-30", month, ""},
    {"2013-12", "=", "2013-12-01", "2013-12-31", month, ""},
    {"-0044-03", "=", "-0044-03-01", "-0044-03-31", month, ""},
    // Level 0: days.
    {"2013-05-20", "=", "2013-05-20", "2013-05-20", day, ""},
    {"2024-02-29", "=", "2024-02-29", "2024-02-29", day, ""},
    {"2000-02-29", "=", "2000-02-29", "2000-02-29", day, ""},
    {"1970-01-01", "=", "1970-01-01", "1970-01-01", day, ""},
    {"1969-12-31", "=", "1969-12-31", "1969-12-31", day, ""},
    {"-0044-03-15", "=", "-0044-03-15", "-0044-03-15", day, ""},
    {"0000-01-01", "=", "0000-01-01", "0000-01-01", day, ""},
    {"-0001-12-31", "=", "-0001-12-31", "-0001-12-31", day, ""},
    {"9999-12-31", "=", "9999-12-31", "9999-12-31", day, ""},
    // Level 0: date-times keep their time in canonical(); bounds have day resolution.
    {"2013-05-20T10:11:12", "=", "2013-05-20", "2013-05-20", day, ""},
    {"2013-05-20T00:00:00Z", "=", "2013-05-20", "2013-05-20", day, ""},
    {"2013-05-20T23:59:59+05:30", "=", "2013-05-20", "2013-05-20", day, ""},
    {"2013-05-20T23:59:59-03:00", "=", "2013-05-20", "2013-05-20", day, ""},
    {"2013-05-20T10:11:12+05", "2013-05-20T10:11:12+05:00", "2013-05-20", "2013-05-20", day, ""},
    {"2013-05-20T10:11:12-11", "2013-05-20T10:11:12-11:00", "2013-05-20", "2013-05-20", day, ""},
    // Level 1: letter-prefixed years of more than four digits.
    {"Y170000002", "=", "+170000002-01-01", "+170000002-12-31", year, ""},
    {"Y-170000002", "=", "-170000002-01-01", "-170000002-12-31", year, ""},
    {"Y10000", "=", "+10000-01-01", "+10000-12-31", year, ""},
    {"Y-10000", "=", "-10000-01-01", "-10000-12-31", year, ""},
    {"Y999999999999", "=", "+999999999999-01-01", "+999999999999-12-31", year, ""},
    {"Y12345?", "=", "+12345-01-01", "+12345-12-31", year, "uncertain", "+12344-01-01",
     "+12346-12-31"},
    // Level 1: qualifiers widen by one unit of the precision on each side.
    {"2016~", "=", "2016-01-01", "2016-12-31", year, "approximate", "2015-01-01", "2017-12-31"},
    {"2016?", "=", "2016-01-01", "2016-12-31", year, "uncertain", "2015-01-01", "2017-12-31"},
    {"2016%", "=", "2016-01-01", "2016-12-31", year, "uncertain,approximate", "2015-01-01",
     "2017-12-31"},
    {"1981-06~", "=", "1981-06-01", "1981-06-30", month, "approximate", "1981-05-01", "1981-07-31"},
    {"2019-05?", "=", "2019-05-01", "2019-05-31", month, "uncertain", "2019-04-01", "2019-06-30"},
    {"2013-01?", "=", "2013-01-01", "2013-01-31", month, "uncertain", "2012-12-01", "2013-02-28"},
    {"2013-12%", "=", "2013-12-01", "2013-12-31", month, "uncertain,approximate", "2013-11-01",
     "2014-01-31"},
    {"2024-03~", "=", "2024-03-01", "2024-03-31", month, "approximate", "2024-02-01", "2024-04-30"},
    {"2013-05-20?", "=", "2013-05-20", "2013-05-20", day, "uncertain", "2013-05-19", "2013-05-21"},
    {"2013-01-01~", "=", "2013-01-01", "2013-01-01", day, "approximate", "2012-12-31",
     "2013-01-02"},
    {"2024-02-29%", "=", "2024-02-29", "2024-02-29", day, "uncertain,approximate", "2024-02-28",
     "2024-03-01"},
    {"0000~", "=", "0000-01-01", "0000-12-31", year, "approximate", "-0001-01-01", "0001-12-31"},
    {"-0001~", "=", "-0001-01-01", "-0001-12-31", year, "approximate", "-0002-01-01", "0000-12-31"},
    {"-0044-03-15?", "=", "-0044-03-15", "-0044-03-15", day, "uncertain", "-0044-03-14",
     "-0044-03-16"},
    // Unspecified digits in the year: precision from the trailing X count.
    {"201X", "=", "2010-01-01", "2019-12-31", decade, "unspecified"},
    {"20XX", "=", "2000-01-01", "2099-12-31", century, "unspecified"},
    {"2XXX", "=", "2000-01-01", "2999-12-31", millennium, "unspecified"},
    {"XXXX", "=", "0000-01-01", "9999-12-31", open, "unspecified"},
    {"20X3", "=", "2003-01-01", "2093-12-31", year, "unspecified"},
    {"2X13", "=", "2013-01-01", "2913-12-31", year, "unspecified"},
    {"X016", "=", "0016-01-01", "9016-12-31", year, "unspecified"},
    {"2X1X", "=", "2010-01-01", "2919-12-31", decade, "unspecified"},
    {"-01XX", "=", "-0199-01-01", "-0100-12-31", century, "unspecified"},
    {"-000X", "=", "-0009-01-01", "0000-12-31", decade, "unspecified"},
    {"-XXXX", "=", "-9999-01-01", "0000-12-31", open, "unspecified"},
    {"XXXX-XX", "=", "0000-01-01", "9999-12-31", open, "unspecified"},
    {"XXXX-XX-XX", "=", "0000-01-01", "9999-12-31", open, "unspecified"},
    {"201X-XX", "=", "2010-01-01", "2019-12-31", decade, "unspecified"},
    // Unspecified months: the smallest and largest month matching the pattern.
    {"2004-XX", "=", "2004-01-01", "2004-12-31", year, "unspecified"},
    {"1985-XX-XX", "=", "1985-01-01", "1985-12-31", year, "unspecified"},
    {"1984-1X", "=", "1984-10-01", "1984-12-31", month, "unspecified"},
    {"1984-0X", "=", "1984-01-01", "1984-09-30", month, "unspecified"},
    {"2016-X1", "=", "2016-01-01", "2016-11-30", month, "unspecified"},
    {"2016-X2", "=", "2016-02-01", "2016-12-31", month, "unspecified"},
    {"2016-X0", "=", "2016-10-01", "2016-10-31", month, "unspecified"},
    {"2016-X3", "=", "2016-03-01", "2016-03-31", month, "unspecified"},
    {"XXXX-12-XX", "=", "0000-12-01", "9999-12-31", month, "unspecified"},
    // Unspecified days: clipped to the month's length, leap-aware.
    {"1985-04-XX", "=", "1985-04-01", "1985-04-30", month, "unspecified"},
    {"2016-02-XX", "=", "2016-02-01", "2016-02-29", month, "unspecified"},
    {"2017-02-XX", "=", "2017-02-01", "2017-02-28", month, "unspecified"},
    {"2019-04-2X", "=", "2019-04-20", "2019-04-29", day, "unspecified"},
    {"2016-01-3X", "=", "2016-01-30", "2016-01-31", day, "unspecified"},
    {"2016-04-3X", "=", "2016-04-30", "2016-04-30", day, "unspecified"},
    {"2016-02-2X", "=", "2016-02-20", "2016-02-29", day, "unspecified"},
    {"2017-02-2X", "=", "2017-02-20", "2017-02-28", day, "unspecified"},
    {"2017-02-X9", "=", "2017-02-09", "2017-02-19", day, "unspecified"},
    {"2016-02-X9", "=", "2016-02-09", "2016-02-29", day, "unspecified"},
    {"2016-09-X1", "=", "2016-09-01", "2016-09-21", day, "unspecified"},
    {"2016-01-X0", "=", "2016-01-10", "2016-01-30", day, "unspecified"},
    {"2016-01-0X", "=", "2016-01-01", "2016-01-09", day, "unspecified"},
    {"156X-12-25", "=", "1560-12-25", "1569-12-25", day, "unspecified"},
    {"1560-XX-25", "=", "1560-01-25", "1560-12-25", day, "unspecified"},
    {"XXXX-XX-23", "=", "0000-01-23", "9999-12-23", day, "unspecified"},
    {"2013-XX-31", "=", "2013-01-31", "2013-12-31", day, "unspecified"},
    {"2013-XX-29", "=", "2013-01-29", "2013-12-29", day, "unspecified"},
    {"2013-XX-3X", "=", "2013-01-30", "2013-12-31", day, "unspecified"},
    {"2013-X2-29", "=", "2013-12-29", "2013-12-29", day, "unspecified"},
    {"2X12-1X-X4", "=", "2012-10-04", "2912-12-24", day, "unspecified"},
    // 29 February needs a leap year: the first and last one the year pattern allows.
    {"XXXX-02-29", "=", "0000-02-29", "9996-02-29", day, "unspecified"},
    {"XX00-02-29", "=", "0000-02-29", "9600-02-29", day, "unspecified"},
    {"19XX-02-29", "=", "1904-02-29", "1996-02-29", day, "unspecified"},
    // Qualified and unspecified together: widened by the unit of the precision.
    {"201X~", "=", "2010-01-01", "2019-12-31", decade, "approximate,unspecified", "2000-01-01",
     "2029-12-31"},
    {"20XX?", "=", "2000-01-01", "2099-12-31", century, "uncertain,unspecified", "1900-01-01",
     "2199-12-31"},
    {"2XXX%", "=", "2000-01-01", "2999-12-31", millennium, "uncertain,approximate,unspecified",
     "1000-01-01", "3999-12-31"},
    {"XXXX~", "=", "0000-01-01", "9999-12-31", open, "approximate,unspecified", "0000-01-01",
     "9999-12-31"},
    {"2004-XX?", "=", "2004-01-01", "2004-12-31", year, "uncertain,unspecified", "2003-01-01",
     "2005-12-31"},
    {"1985-04-XX~", "=", "1985-04-01", "1985-04-30", month, "approximate,unspecified", "1985-03-01",
     "1985-05-31"},
    {"2019-04-2X?", "=", "2019-04-20", "2019-04-29", day, "uncertain,unspecified", "2019-04-19",
     "2019-04-30"},
    {"1984-1X%", "=", "1984-10-01", "1984-12-31", month, "uncertain,approximate,unspecified",
     "1984-09-01", "1985-01-31"},
    // Seasons and other sub-year groupings, DESIGN's rule (winter ends in next February).
    {"2001-21", "=", "2001-03-01", "2001-05-31", season, ""},
    {"2001-22", "=", "2001-06-01", "2001-08-31", season, ""},
    {"2001-23", "=", "2001-09-01", "2001-11-30", season, ""},
    {"2001-24", "=", "2001-12-01", "2002-02-28", season, ""},
    {"2003-24", "=", "2003-12-01", "2004-02-29", season, ""},
    {"2019-24", "=", "2019-12-01", "2020-02-29", season, ""},
    {"2001-25", "=", "2001-03-01", "2001-05-31", season, ""},
    {"2001-26", "=", "2001-06-01", "2001-08-31", season, ""},
    {"2001-27", "=", "2001-09-01", "2001-11-30", season, ""},
    {"2001-28", "=", "2001-12-01", "2002-02-28", season, ""},
    {"2001-29", "=", "2001-09-01", "2001-11-30", season, ""},
    {"2001-30", "=", "2001-12-01", "2002-02-28", season, ""},
    {"2001-31", "=", "2001-03-01", "2001-05-31", season, ""},
    {"2001-32", "=", "2001-06-01", "2001-08-31", season, ""},
    {"2001-33", "=", "2001-01-01", "2001-03-31", season, ""},
    {"2001-34", "=", "2001-04-01", "2001-06-30", season, ""},
    {"2001-35", "=", "2001-07-01", "2001-09-30", season, ""},
    {"2001-36", "=", "2001-10-01", "2001-12-31", season, ""},
    {"2001-37", "=", "2001-01-01", "2001-04-30", season, ""},
    {"2001-38", "=", "2001-05-01", "2001-08-31", season, ""},
    {"2001-39", "=", "2001-09-01", "2001-12-31", season, ""},
    {"2001-40", "=", "2001-01-01", "2001-06-30", season, ""},
    {"2001-41", "=", "2001-07-01", "2001-12-31", season, ""},
    {"-0100-21", "=", "-0100-03-01", "-0100-05-31", season, ""},
    {"201X-22", "=", "2010-06-01", "2019-08-31", season, "unspecified"},
    {"201X-33", "=", "2010-01-01", "2019-03-31", season, "unspecified"},
    // A grouping is widened by its own length: 3, 4 or 6 months.
    {"2001-22~", "=", "2001-06-01", "2001-08-31", season, "approximate", "2001-03-01",
     "2001-11-30"},
    {"2001-24?", "=", "2001-12-01", "2002-02-28", season, "uncertain", "2001-09-01", "2002-05-31"},
    {"2001-37~", "=", "2001-01-01", "2001-04-30", season, "approximate", "2000-09-01",
     "2001-08-31"},
    {"2001-40%", "=", "2001-01-01", "2001-06-30", season, "uncertain,approximate", "2000-07-01",
     "2001-12-31"},
    // Between-dates "A/B": A's earliest to B's latest; precision of A (of B when A is absent).
    {"2013-05/2015-01", "=", "2013-05-01", "2015-01-31", month, ""},
    {"1964/2008", "=", "1964-01-01", "2008-12-31", year, ""},
    {"2004-02-01/2005-02", "=", "2004-02-01", "2005-02-28", day, ""},
    {"2013/2015", "=", "2013-01-01", "2015-12-31", year, ""},
    {"2013/2013", "=", "2013-01-01", "2013-12-31", year, ""},
    {"2013-05/2013-05-10", "=", "2013-05-01", "2013-05-10", month, ""},
    {"2013-05-20/2013-05-20", "=", "2013-05-20", "2013-05-20", day, ""},
    {"-2005/-1999-02", "=", "-2005-01-01", "-1999-02-28", year, ""},
    {"Y-170000002/2000", "=", "-170000002-01-01", "2000-12-31", year, ""},
    {"201X/202X", "=", "2010-01-01", "2029-12-31", decade, "unspecified"},
    {"2004-06-XX/2004-07-03", "=", "2004-06-01", "2004-07-03", month, "unspecified"},
    {"2013-05-20T10:00:00Z/2013-05-21", "=", "2013-05-20", "2013-05-21", day, ""},
    // Open ("..") and unknown (empty) sides: no bound on that side.
    {"2011-10/..", "=", "2011-10-01", "+inf", month, ""},
    {"2011-10/", "=", "2011-10-01", "+inf", month, ""},
    {"2011-10-02/", "=", "2011-10-02", "+inf", day, ""},
    {"../2013", "=", "-inf", "2013-12-31", year, ""},
    {"/2013-05-20", "=", "-inf", "2013-05-20", day, ""},
    {"../2013-05-20T10:00:00+05", "../2013-05-20T10:00:00+05:00", "-inf", "2013-05-20", day, ""},
    {"..", "=", "-inf", "+inf", open, ""},
    {"", "=", "-inf", "+inf", open, ""},
    // Each side of "A/B" is widened by its own qualifier.
    {"1984~/2004-06", "=", "1984-01-01", "2004-06-30", year, "approximate", "1983-01-01",
     "2004-06-30"},
    {"1984/2004-06~", "=", "1984-01-01", "2004-06-30", year, "approximate", "1984-01-01",
     "2004-07-31"},
    {"2016-22/2017-23?", "=", "2016-06-01", "2017-11-30", season, "uncertain", "2016-06-01",
     "2018-02-28"},
    {"../2006?", "=", "-inf", "2006-12-31", year, "uncertain", "-inf", "2007-12-31"},
    {"2004-01-01~/..", "=", "2004-01-01", "+inf", day, "approximate", "2003-12-31", "+inf"},
};

// python-edtf rows (tests/data/edtf_published_bounds.tsv) whose convention differs from DESIGN's
// for some bound: orgraph's own reading of the same text. Every such TSV row must be listed here.
struct OwnRuleCase {
  std::string_view input;
  std::string_view earliest;
  std::string_view latest;
  std::string_view widened_earliest;
  std::string_view widened_latest;
};

const OwnRuleCase kOwnRuleWherePythonEdtfDiffers[] = {
    // They widen year, month and day of a qualified day; we widen by one day.
    {"2004-06-11?", "2004-06-11", "2004-06-11", "2004-06-10", "2004-06-12"},
    // They widen year and month of a qualified month; we widen by one month.
    {"2004-06?", "2004-06-01", "2004-06-30", "2004-05-01", "2004-07-31"},
    // They widen '%' by two units; we by one, like '?' and '~'.
    {"1984%", "1984-01-01", "1984-12-31", "1983-01-01", "1985-12-31"},
    // They put an unknown side ten years away; for us it adds no bound.
    {"/2006", "-inf", "2006-12-31", "-inf", "2006-12-31"},
    {"2004-06-01/", "2004-06-01", "+inf", "2004-06-01", "+inf"},
    {"1984/2004-06~", "1984-01-01", "2004-06-30", "1984-01-01", "2004-07-31"},
    {"1984?/2004%", "1984-01-01", "2004-12-31", "1983-01-01", "2005-12-31"},
    {"1984-06?/2004-08?", "1984-06-01", "2004-08-31", "1984-05-01", "2004-09-30"},
    {"1984-06-02?/2004-08-08~", "1984-06-02", "2004-08-08", "1984-06-01", "2004-08-09"},
    {"1984-06-02?/", "1984-06-02", "+inf", "1984-06-01", "+inf"},
    // Their winter ends on 31 December; DESIGN's winter runs to the end of next February.
    {"2010-24", "2010-12-01", "2011-02-28", "2010-12-01", "2011-02-28"},
    {"2004-06-11%", "2004-06-11", "2004-06-11", "2004-06-10", "2004-06-12"},
};

// One invalid text: where reading stops and a part of what the message says was expected.
struct InvalidCase {
  std::string_view input;
  std::size_t position;
  std::string_view expected;
};

const InvalidCase kInvalid[] = {
    // Months and seasons out of range (the position is where the field starts).
    {"2013-13", 5, "a month 01-12 or season 21-41"},
    {"2013-00", 5, "a month 01-12 or season 21-41"},
    {"2013-42", 5, "a month 01-12 or season 21-41"},
    {"2013-20", 5, "a month 01-12 or season 21-41"},
    {"2013-13/2014", 5, "a month 01-12 or season 21-41"},
    {"2013/2014-13", 10, "a month 01-12 or season 21-41"},
    // Days that do not exist, leap-aware.
    {"2013-02-29", 8, "day 29 does not exist in 2013-02"},
    {"2013-02-30", 8, "day 30 does not exist in 2013-02"},
    {"2013-02-31", 8, "day 31 does not exist in 2013-02"},
    {"2013-04-31", 8, "day 31 does not exist in 2013-04"},
    {"2023-02-29", 8, "day 29 does not exist in 2023-02"},
    {"1900-02-29", 8, "day 29 does not exist in 1900-02"},
    {"2100-02-29", 8, "day 29 does not exist in 2100-02"},
    {"-0001-02-29", 9, "day 29 does not exist in -0001-02"},
    {"2013-05-00", 8, "a day 01-31"},
    {"2013-05-32", 8, "a day 01-31"},
    {"2016-02-39", 8, "a day 01-31"},
    // Fields too short or not digits (the position is where reading stopped).
    {"2013-5", 6, "a month 01-12 or season 21-41"},
    {"2001-2", 6, "a month 01-12 or season 21-41"},
    {"2013-05-2", 9, "a day 01-31"},
    {"13", 2, "a four-digit year"},
    {"201", 3, "a four-digit year"},
    {"+2013", 0, "a four-digit year"},
    {"--2013", 1, "a four-digit year"},
    {"?2004", 0, "a four-digit year"},
    {" 2013", 0, "a four-digit year"},
    {"not a edtf string", 0, "a four-digit year"},
    {"[1667, 1668]", 0, "a four-digit year"},
    {"{1667,1668}", 0, "a four-digit year"},
    {"2004-(06)?-11", 5, "a month 01-12 or season 21-41"},
    // Lower-case x and non-ASCII digits.
    {"201x", 3, "upper-case 'X'"},
    {"2013-0x", 6, "upper-case 'X'"},
    {"2013-05-x1", 8, "upper-case 'X'"},
    {"\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x93", 0, "a four-digit year"},  // fullwidth
    {"\xD9\xA2\xD9\xA0\xD9\xA1\xD9\xA3", 0, "a four-digit year"},  // Arabic-Indic digits
    {"201\xD9\xA3", 3, "a four-digit year"},
    // Trailing junk: the message lists what could have followed.
    {"2013-05-20abc", 10, "'T', '?', '~', '%', '/' or end of date"},
    {"2013x", 4, "'-', '?', '~', '%', '/' or end of date"},
    {"2013 ", 4, "or end of date"},
    {"2013-05-20 ", 10, "or end of date"},
    {"2013\0"sv, 4, "or end of date"},
    {"99999-99-99", 4, "'-', '?', '~', '%', '/' or end of date"},
    {"2013-05T10:00:00", 7, "'-', '?', '~', '%', '/' or end of date"},
    {"2013-05-20t10:00:00", 10, "'T'"},
    {"2001-21-05", 7, "a season has no day"},
    // Qualifiers: one, at the end of a date; never after a time.
    {"2013~?", 5, "one qualifier per date"},
    {"2013??", 5, "one qualifier per date"},
    {"2013?~", 5, "one qualifier per date"},
    {"2004?-06-11", 5, "a qualifier goes at the end of the date"},
    {"2004-06~-11", 8, "a qualifier goes at the end of the date"},
    {"2013-05-20T10:00:00Z?", 20, "'/' or end of date"},
    {"2013-05-20T10:00:00?", 19, "'Z', '+hh:mm', '-hh:mm', '/' or end of date"},
    // Times.
    {"2013-05-20T25:00:00", 11, "an hour 00-23"},
    {"2013-05-20T24:00:00", 11, "an hour 00-23"},
    {"2013-05-20T10:60:00", 14, "minutes 00-59"},
    {"2013-05-20T10:00:60", 17, "seconds 00-59"},
    {"2013-05-20T10:00", 16, "':'"},
    {"2013-05-20T", 11, "an hour 00-23"},
    {"2013-05-20T10:00:00+5", 21, "an offset hour 00-23"},
    {"2013-05-20T10:00:00+24:00", 20, "an offset hour 00-23"},
    {"2013-05-20T10:00:00+05:60", 23, "offset minutes 00-59"},
    {"2013-05-20T10:11:12.5", 19, "'Z', '+hh:mm', '-hh:mm'"},
    {"201X-05-20T10:00:00", 10, "a time needs a fully specified date"},
    // 'Y' years.
    {"Y12", 3, "more than four digits"},
    {"Y1234", 5, "more than four digits"},
    {"Y", 1, "more than four digits"},
    {"Y-", 2, "more than four digits"},
    {"Y01234", 1, "no leading zero"},
    {"Y1000000000000", 13, "at most twelve digits"},
    {"Y17E7", 3, "no exponent forms"},
    {"Y17E7-12-26", 3, "no exponent forms"},
    {"Y170000002-01", 10, "a 'Y' year has no month or day"},
    // Negative zero.
    {"-0000", 0, "a year other than -0000"},
    {"-0000-01-01", 0, "a year other than -0000"},
    // Patterns no valid date matches.
    {"2013-2X", 5, "no month matches 2X"},
    {"2013-3X", 5, "no month matches 3X"},
    {"2013-05-4X", 8, "no day matches 4X"},
    {"2013-02-3X", 8, "no valid date matches 2013-02-3X"},
    {"XXX1-02-29", 8, "no valid date matches XXX1-02-29"},
    {"19X1-02-29", 8, "no valid date matches 19X1-02-29"},
    // Intervals.
    {"2013/2012", 5, "the interval ends before it starts"},
    {"2013-05-20/2013-05-19", 11, "the interval ends before it starts"},
    {"2013-06/2013-05", 8, "the interval ends before it starts"},
    {"2013-05-20T10:00:00/2013-05-19", 20, "the interval ends before it starts"},
    {"/", 1, "at least one side of '/' must be a date"},
    {"../..", 3, "at least one side of '/' must be a date"},
    {"/..", 1, "at least one side of '/' must be a date"},
    {"../", 3, "at least one side of '/' must be a date"},
    {"..2013", 2, "'/' or end of date after '..'"},
    {"2013/..x", 7, "end of date after '..'"},
    {".x", 1, "'.'"},
    {".", 1, "'.'"},
    {"2013/2014/2015", 9, "an interval has one '/'"},
    {"2013//", 5, "a four-digit year"},
    {"2013-05-20/2013-05-20?x", 22, "end of date"},
};

std::string show(Day d) { return orgraph::format_day(d); }

std::string expect_day(std::string_view written, std::string_view fallback) {
  return std::string(written.empty() ? fallback : written);
}

}  // namespace

TEST_SUITE_BEGIN("date");

TEST_CASE("days_from_civil and civil_from_days agree with std::chrono") {
  using namespace std::chrono;
  CHECK(orgraph::days_from_civil(1970, 1, 1) == 0);
  CHECK(orgraph::days_from_civil(1969, 12, 31) == -1);
  CHECK(orgraph::days_from_civil(2000, 3, 1) == 11017);
  CHECK(orgraph::days_from_civil(0, 3, 1) == -719468);
  CHECK(orgraph::civil_from_days(-719468) == orgraph::CivilDate{0, 3, 1});
  // Every 7th day from -9999 to +9999 (and every day of 1999-2001) against libstdc++'s calendar.
  const auto check_day = [](Day d) {
    const year_month_day ymd{sys_days{days{d}}};
    const orgraph::CivilDate c = orgraph::civil_from_days(d);
    REQUIRE(c.year == static_cast<int>(ymd.year()));
    REQUIRE(c.month == static_cast<unsigned>(ymd.month()));
    REQUIRE(c.day == static_cast<unsigned>(ymd.day()));
    REQUIRE(orgraph::days_from_civil(c.year, c.month, c.day) == d);
  };
  const Day first_day = orgraph::days_from_civil(-9999, 1, 1);
  const Day final_day = orgraph::days_from_civil(9999, 12, 31);
  for (Day d = first_day; d <= final_day; d += 7) check_day(d);
  for (Day d = orgraph::days_from_civil(1999, 1, 1); d <= orgraph::days_from_civil(2001, 12, 31);
       ++d) {
    check_day(d);
  }
  // Far years stay exact: a round trip through civil dates.
  for (const std::int64_t y :
       {std::int64_t{-999'999'999'999}, std::int64_t{170'000'002}, std::int64_t{999'999'999'999}}) {
    const Day d = orgraph::days_from_civil(y, 2, 28);
    CHECK(orgraph::civil_from_days(d) == orgraph::CivilDate{y, 2, 28});
    CHECK(orgraph::civil_from_days(d + 1).month == (orgraph::is_leap_year(y) ? 2u : 3u));
  }
}

TEST_CASE("is_leap_year follows the Gregorian rule") {
  CHECK(orgraph::is_leap_year(2000));
  CHECK(orgraph::is_leap_year(2024));
  CHECK(orgraph::is_leap_year(0));
  CHECK(orgraph::is_leap_year(-4));
  CHECK_FALSE(orgraph::is_leap_year(1900));
  CHECK_FALSE(orgraph::is_leap_year(2023));
  CHECK_FALSE(orgraph::is_leap_year(-1));
  CHECK_FALSE(orgraph::is_leap_year(-100));
}

TEST_CASE("format_day and parse_day") {
  SUBCASE("spellings") {
    CHECK(orgraph::format_day(0) == "1970-01-01");
    CHECK(orgraph::format_day(orgraph::days_from_civil(0, 1, 1)) == "0000-01-01");
    CHECK(orgraph::format_day(orgraph::days_from_civil(-44, 3, 15)) == "-0044-03-15");
    CHECK(orgraph::format_day(orgraph::days_from_civil(12345, 1, 1)) == "+12345-01-01");
    CHECK(orgraph::format_day(orgraph::days_from_civil(-12345, 1, 1)) == "-12345-01-01");
    CHECK(orgraph::format_day(orgraph::kOpenEarliest) == "-inf");
    CHECK(orgraph::format_day(orgraph::kNoDay) == "-inf");
    CHECK(orgraph::format_day(orgraph::kOpenLatest) == "+inf");
  }
  SUBCASE("parse_day reads what format_day writes") {
    for (const Day d :
         {Day{0}, Day{-1}, orgraph::days_from_civil(0, 1, 1), orgraph::days_from_civil(-1, 12, 31),
          orgraph::days_from_civil(9999, 12, 31), orgraph::days_from_civil(10000, 1, 1),
          orgraph::days_from_civil(-44, 3, 15), orgraph::days_from_civil(-999'999'999'999, 1, 1),
          orgraph::days_from_civil(999'999'999'999, 12, 31)}) {
      CAPTURE(d);
      CHECK(orgraph::parse_day(orgraph::format_day(d)) == d);
    }
  }
  SUBCASE("parse_day rejects everything else") {
    for (const std::string_view bad :
         {""sv, "2013"sv, "2013-05"sv, "2013-5-01"sv, "2013-02-29"sv, "2013-13-01"sv,
          "2013-05-20T10:00:00"sv, "12345-01-01"sv, "+2013-01-01"sv, "+012345-01-01"sv,
          "-0000-01-01"sv, "-012345-01-01"sv, "201X-01-01"sv, "-inf"sv, "+inf"sv, "2013-05-20 "sv,
          "99999999999999999999-01-01"sv}) {
      CAPTURE(bad);
      CHECK_FALSE(orgraph::parse_day(bad).has_value());
    }
  }
}

TEST_CASE("enums print their names, in to_string and through fmt") {
  CHECK(orgraph::to_string(Precision::day) == "day");
  CHECK(orgraph::to_string(Precision::season) == "season");
  CHECK(orgraph::to_string(Precision::millennium) == "millennium");
  CHECK(orgraph::to_string(Precision::open) == "open");
  CHECK(fmt::format("{}", Precision::decade) == "decade");
  CHECK(fmt::format("{:>8}", Precision::year) == "    year");
  CHECK(fmt::format("{}", Qualifier::approximate) == "approximate");
  CHECK(fmt::format("{}", Qualifiers(Qualifier::uncertain) | Qualifier::unspecified) ==
        "uncertain,unspecified");
  CHECK(fmt::format("{}", Limit::unknown) == "unknown");
  CHECK(orgraph::to_string(Limit::bounded) == "bounded");
  CHECK(orgraph::to_string(Limit::open) == "open");
  CHECK(fmt::format("{}", Date::parse("2013-05-20T10:11:12+05")) == "2013-05-20T10:11:12+05:00");
}

TEST_CASE("Qualifiers is a bit set") {
  Qualifiers q;
  CHECK(q.empty());
  CHECK_FALSE(q.widens());
  CHECK(orgraph::to_string(q).empty());
  q |= Qualifier::unspecified;
  CHECK(q.has(Qualifier::unspecified));
  CHECK_FALSE(q.has(Qualifier::uncertain));
  CHECK_FALSE(q.widens());
  q |= Qualifier::approximate;
  CHECK(q.widens());
  CHECK(orgraph::to_string(q) == "approximate,unspecified");
  CHECK(q == (Qualifiers(Qualifier::approximate) | Qualifier::unspecified));
}

TEST_CASE("valid dates: canonical text, bounds, precision, qualifiers, widening") {
  static_assert(sizeof(Date) <= 96, "a Date is stored per distinct date; keep it small");
  for (const ValidCase& c : kValid) {
    CAPTURE(c.input);
    const Date d = Date::parse(c.input);
    CHECK(d.text() == c.input);
    CHECK(d.canonical() == (c.canonical == "=" ? c.input : c.canonical));
    CHECK(show(d.bounds().earliest) == c.earliest);
    CHECK(show(d.bounds().latest) == c.latest);
    CHECK(d.precision() == c.precision);
    CHECK(orgraph::to_string(d.qualifiers()) == c.qualifiers);
    if (c.widened_earliest.empty()) {
      REQUIRE_FALSE(d.qualifiers().widens());  // the table omits widening only when none applies
    }
    CHECK(show(d.widened().earliest) == expect_day(c.widened_earliest, c.earliest));
    CHECK(show(d.widened().latest) == expect_day(c.widened_latest, c.latest));
    // earliest()/latest() are the bounds, or nullopt on an open or unknown side.
    CHECK(d.earliest().has_value() == (c.earliest != "-inf"));
    CHECK(d.latest().has_value() == (c.latest != "+inf"));
    if (d.earliest()) CHECK(*d.earliest() == d.bounds().earliest);
    if (d.latest()) CHECK(*d.latest() == d.bounds().latest);
    // Widening never narrows.
    CHECK(d.widened().earliest <= d.bounds().earliest);
    CHECK(d.widened().latest >= d.bounds().latest);
    CHECK(d.bounds().earliest <= d.bounds().latest);
  }
}

TEST_CASE("round trip: parse(canonical(d)) == d") {
  for (const ValidCase& c : kValid) {
    CAPTURE(c.input);
    const Date d = Date::parse(c.input);
    const Date again = Date::parse(d.canonical());
    CHECK(again == d);
    CHECK(again.canonical() == d.canonical());
    CHECK(again.bounds() == d.bounds());
    CHECK(again.widened() == d.widened());
    CHECK(again.precision() == d.precision());
    CHECK(again.qualifiers() == d.qualifiers());
  }
}

TEST_CASE("every day of 1999-2001 and of years 0 and -1 reads as itself") {
  const auto check_span = [](Day first, Day last) {
    for (Day day_number = first; day_number <= last; ++day_number) {
      const Date d = Date::parse(orgraph::format_day(day_number));
      REQUIRE(d.bounds() == orgraph::DayRange{day_number, day_number});
      REQUIRE(d.precision() == Precision::day);
    }
  };
  check_span(orgraph::days_from_civil(1999, 1, 1), orgraph::days_from_civil(2001, 12, 31));
  check_span(orgraph::days_from_civil(-1, 1, 1), orgraph::days_from_civil(0, 12, 31));
}

TEST_CASE("open and unknown sides") {
  struct LimitCase {
    std::string_view input;
    Limit earliest;
    Limit latest;
    bool between;
    bool empty;
  };
  const LimitCase cases[] = {
      {"", Limit::unknown, Limit::unknown, false, true},
      {"..", Limit::open, Limit::open, false, false},
      {"2013", Limit::bounded, Limit::bounded, false, false},
      {"2013/2014", Limit::bounded, Limit::bounded, true, false},
      {"2013/", Limit::bounded, Limit::unknown, true, false},
      {"2013/..", Limit::bounded, Limit::open, true, false},
      {"/2013", Limit::unknown, Limit::bounded, true, false},
      {"../2013", Limit::open, Limit::bounded, true, false},
  };
  for (const LimitCase& c : cases) {
    CAPTURE(c.input);
    const Date d = Date::parse(c.input);
    CHECK(d.earliest_limit() == c.earliest);
    CHECK(d.latest_limit() == c.latest);
    CHECK(d.is_between() == c.between);
    CHECK(d.empty() == c.empty);
    CHECK(d.earliest().has_value() == (c.earliest == Limit::bounded));
    CHECK(d.latest().has_value() == (c.latest == Limit::bounded));
  }
  SUBCASE("the default date is the unknown date") {
    const Date d;
    CHECK(d.empty());
    CHECK(d == Date::parse(""));
    CHECK(d.text().empty());
    CHECK(d.canonical().empty());
    CHECK(d.precision() == Precision::open);
    CHECK(d.bounds() == orgraph::DayRange{orgraph::kOpenEarliest, orgraph::kOpenLatest});
    CHECK(d.widened() == d.bounds());
    CHECK(d.bounds().contains(0));
    CHECK_FALSE(d.earliest().has_value());
  }
  SUBCASE("sentinels order below and above every real day") {
    CHECK(orgraph::kNoDay < orgraph::kOpenEarliest);
    CHECK(orgraph::kOpenEarliest < Date::parse("Y-999999999999~").widened().earliest);
    CHECK(Date::parse("Y999999999999~").widened().latest < orgraph::kOpenLatest);
  }
  SUBCASE("open and unknown differ, though both have no bound") {
    CHECK(Date::parse("2013/") != Date::parse("2013/.."));
    CHECK(Date::parse("2013/").bounds() == Date::parse("2013/..").bounds());
    CHECK(Date::parse("..") != Date::parse(""));
  }
}

TEST_CASE("equality is equality of canonical meaning") {
  CHECK(Date::parse("2013-05-20T10:11:12+05") == Date::parse("2013-05-20T10:11:12+05:00"));
  CHECK(Date::parse("2013") == Date::parse("2013"));
  CHECK(Date::parse("2013") != Date::parse("2013~"));
  CHECK(Date::parse("2013") != Date::parse("2013-XX"));  // same days, written differently
  CHECK(Date::parse("2001-21") != Date::parse("2001-25"));
  CHECK(Date::parse("2013-05-20T10:11:12Z") != Date::parse("2013-05-20"));
  CHECK(Date::parse("2013/2014") != Date::parse("2013-01-01/2014-12-31"));
}

TEST_CASE("invalid dates: position and what was expected") {
  for (const InvalidCase& c : kInvalid) {
    CAPTURE(c.input);
    const bool has_nul = c.input.find('\0') != std::string_view::npos;
    bool thrown = false;
    try {
      (void)Date::parse(c.input);
    } catch (const orgraph::date_error& e) {
      thrown = true;
      CHECK(e.position() == c.position);
      CHECK(e.expected().find(c.expected) != std::string::npos);
      CHECK(e.text() == c.input);
      // what() is a C string: error.hpp quotes the text, so a NUL in it ends the message early.
      if (!has_nul) {
        CHECK(std::string_view(e.what()).find("at position " + std::to_string(c.position)) !=
              std::string_view::npos);
      }
    }
    CHECK(thrown);
    std::string why;
    CHECK_FALSE(Date::try_parse(c.input, &why).has_value());
    if (!has_nul) CHECK(why.find(c.expected) != std::string::npos);
    CHECK_FALSE(Date::try_parse(c.input).has_value());
  }
}

TEST_CASE("a year of five or more digits is hinted at the 'Y' form, only where one can say it") {
  auto expected = [](std::string_view text) {
    try {
      (void)Date::parse(text);
    } catch (const orgraph::date_error& e) {
      return e.expected();
    }
    return std::string("(parsed)");
  };
  const std::string_view kTail = "'-', '?', '~', '%', '/' or end of date";
  CHECK(expected("99999-99-99") == std::string(kTail) +
                                       " (a year of more than four digits is written with 'Y': "
                                       "Y99999)");
  CHECK(expected("-123456") == std::string(kTail) +
                                   " (a year of more than four digits is written with 'Y': "
                                   "Y-123456)");
  CHECK(expected("2013/123456").ends_with("'Y': Y123456)"));
  // No 'Y' form: a leading zero, more than twelve digits, unspecified digits, a month read.
  CHECK(expected("012345") == kTail);
  CHECK(expected("1234567890123") == kTail);
  CHECK(expected("201X5") == kTail);
  CHECK(expected("2013-051").find("'Y'") == std::string::npos);
  CHECK(expected("Y99999") == "(parsed)");
}

TEST_CASE("long inputs fail fast, without overflow") {
  const std::string digits(10 * 1024, '9');
  SUBCASE("10 kB of digits") {
    try {
      (void)Date::parse(digits);
      FAIL("parsed");
    } catch (const orgraph::date_error& e) {
      CHECK(e.position() == 4);
    }
  }
  SUBCASE("'Y' and 10 kB of digits") {
    try {
      (void)Date::parse("Y" + digits);
      FAIL("parsed");
    } catch (const orgraph::date_error& e) {
      CHECK(e.position() == 13);
      CHECK(e.expected() == "at most twelve digits after 'Y'");
    }
  }
  SUBCASE("a valid start and 1 MB of junk") {
    const std::string text = "2013-05-20/" + std::string(1 << 20, '/');
    CHECK_THROWS_AS((void)Date::parse(text), orgraph::date_error);
  }
}

TEST_CASE("random text: only date_error, and every accepted date is consistent") {
  // Deterministic: a fixed seed over an alphabet of the grammar's own characters.
  std::mt19937 random(20240611);
  constexpr std::string_view kAlphabet = "0123456789XXXX--//..?~%TZ:+Yx 0120";
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  int accepted = 0;
  for (int i = 0; i < 100000; ++i) {
    std::string text;
    const int n = length(random);
    for (int k = 0; k < n; ++k) text += kAlphabet[pick(random)];
    // Half of the inputs start from a valid prefix, so that deeper states are reached.
    if (i % 2 == 0) text = "20" + text;
    std::optional<Date> d;
    try {
      d = Date::parse(text);
    } catch (const orgraph::date_error& e) {
      REQUIRE(e.position() <= text.size());
      continue;
    }
    ++accepted;
    CAPTURE(text);
    REQUIRE(d->bounds().earliest <= d->bounds().latest);
    REQUIRE(d->widened().earliest <= d->bounds().earliest);
    REQUIRE(d->widened().latest >= d->bounds().latest);
    REQUIRE(Date::parse(d->canonical()) == *d);
  }
  CHECK(accepted > 100);
}

TEST_CASE("unspecified-digit bounds equal a brute-force scan of the calendar") {
  // Random patterns 19YY-MM-DD / 20YY-MM / ... with 'X' anywhere after the century; the expected
  // bounds are the first and last std::chrono-valid date whose digits match, or an error if none.
  using namespace std::chrono;
  std::mt19937 random(7);
  std::uniform_int_distribution<int> digit(0, 9);
  std::uniform_int_distribution<int> coin(0, 2);
  const auto random_char = [&](int max_digit) {
    return coin(random) == 0 ? 'X' : static_cast<char>('0' + digit(random) % (max_digit + 1));
  };
  for (int i = 0; i < 400; ++i) {
    std::string pattern = i % 2 == 0 ? "19" : "20";
    pattern += random_char(9);
    pattern += random_char(9);
    const int parts = 1 + i % 3;  // year; year-month; year-month-day
    std::string month_pattern = "XX";
    std::string day_pattern = "XX";
    if (parts >= 2) {
      month_pattern = {random_char(1), random_char(9)};
      pattern += "-" + month_pattern;
    }
    if (parts == 3) {
      day_pattern = {random_char(3), random_char(9)};
      pattern += "-" + day_pattern;
    }
    CAPTURE(pattern);
    const auto matches = [](std::string_view pat, int value, int width) {
      const std::string text = fmt::format("{:0{}}", value, width);
      for (int k = 0; k < width; ++k) {
        if (pat[k] != 'X' && pat[k] != text[k]) return false;
      }
      return true;
    };
    std::optional<Day> lowest;
    std::optional<Day> highest;
    const int first_year = i % 2 == 0 ? 1900 : 2000;
    for (int y = first_year; y < first_year + 100; ++y) {
      if (!matches(pattern.substr(0, 4), y, 4)) continue;
      for (int m = 1; m <= 12; ++m) {
        if (!matches(month_pattern, m, 2)) continue;
        for (int d = 1; d <= 31; ++d) {
          const year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                   std::chrono::day{unsigned(d)}};
          if (!ymd.ok() || !matches(day_pattern, d, 2)) continue;
          const Day n = sys_days{ymd}.time_since_epoch().count();
          if (!lowest) lowest = n;
          highest = n;
        }
      }
    }
    const std::optional<Date> date = Date::try_parse(pattern);
    REQUIRE(date.has_value() == lowest.has_value());
    if (!date) continue;
    CHECK(date->bounds() == orgraph::DayRange{*lowest, *highest});
  }
}

namespace {

// A day as python-edtf writes it: [-]Y...-MM-DD, "-inf" or "inf".
Day their_day(std::string_view text) {
  if (text == "-inf") return orgraph::kOpenEarliest;
  if (text == "inf") return orgraph::kOpenLatest;
  const bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);
  const std::size_t dash = text.find('-');
  REQUIRE(dash != std::string_view::npos);
  REQUIRE(text.size() == dash + 6);
  const std::int64_t y = std::stoll(std::string(text.substr(0, dash)));
  const auto m = static_cast<unsigned>(std::stoi(std::string(text.substr(dash + 1, 2))));
  const auto d = static_cast<unsigned>(std::stoi(std::string(text.substr(dash + 4))));
  return orgraph::days_from_civil(negative ? -y : y, m, d);
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

}  // namespace

TEST_CASE("oracle: python-edtf's published bounds (tests/data/edtf_published_bounds.tsv)") {
  const std::string path = std::string(ORGRAPH_TEST_DATA_DIR) + "/edtf_published_bounds.tsv";
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::string line;
  bool header_seen = false;
  int rows = 0;
  int full_matches = 0;
  std::set<std::string> differing;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      REQUIRE(line.rfind("input\t", 0) == 0);
      header_seen = true;
      continue;
    }
    const std::vector<std::string> f = split_tabs(line);
    REQUIRE(f.size() == 7);
    const std::string& input = f[0];
    const std::string& check = f[5];
    const std::string& note = f[6];
    CAPTURE(input);
    CAPTURE(note);
    ++rows;
    if (check == "reject" || check == "bad") {
      REQUIRE_MESSAGE((check == "bad" || !note.empty()), "a rejected row needs a reason");
      CHECK_THROWS_AS((void)Date::parse(input), orgraph::date_error);
      continue;
    }
    if (check == "empty") {
      CHECK(Date::parse(input).empty());
      continue;
    }
    REQUIRE(check.find_first_not_of("luLU") == std::string::npos);
    const Date d = Date::parse(input);
    if (check.find('l') != std::string::npos) CHECK(d.bounds().earliest == their_day(f[1]));
    if (check.find('u') != std::string::npos) CHECK(d.bounds().latest == their_day(f[2]));
    if (check.find('L') != std::string::npos) CHECK(d.widened().earliest == their_day(f[3]));
    if (check.find('U') != std::string::npos) CHECK(d.widened().latest == their_day(f[4]));
    if (check.size() == 4) {
      ++full_matches;
    } else {
      REQUIRE_MESSAGE(!note.empty(), "a partly matching row needs a reason");
      differing.insert(input);
    }
  }
  CHECK(rows == 93);
  CHECK(full_matches == 45);
  // Every row that differs by convention has orgraph's own reading tested below, and only those.
  std::set<std::string> own_rule;
  for (const OwnRuleCase& c : kOwnRuleWherePythonEdtfDiffers) own_rule.emplace(c.input);
  CHECK(differing == own_rule);
}

TEST_CASE("orgraph's own rule where python-edtf's convention differs") {
  for (const OwnRuleCase& c : kOwnRuleWherePythonEdtfDiffers) {
    CAPTURE(c.input);
    const Date d = Date::parse(c.input);
    CHECK(show(d.bounds().earliest) == c.earliest);
    CHECK(show(d.bounds().latest) == c.latest);
    CHECK(show(d.widened().earliest) == c.widened_earliest);
    CHECK(show(d.widened().latest) == c.widened_latest);
  }
}

TEST_SUITE_END();
