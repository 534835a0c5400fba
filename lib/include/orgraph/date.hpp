#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include <orgraph/error.hpp>

// EDTF dates (ISO 8601-2, the Library of Congress Extended Date/Time Format) read as day ranges.
//
// Accepted text (anything else throws orgraph::date_error with the byte position and what was
// expected there):
//   ""                       the unknown date: no bounds (a missing start/end/date attribute)
//   ".."                     explicitly open on both sides
//   DATE                     one date
//   SIDE/SIDE                "some day between A and B" (GEDCOM's BET ... AND); a SIDE is a DATE,
//                            ".." (open: no bound, on purpose) or "" (unknown: a bound exists but
//                            is not known); at least one SIDE must be a DATE
// where DATE is
//   YEAR [-MM [-DD [Thh:mm:ss [Z | ±hh | ±hh:mm]]]] [? | ~ | %]
//   YEAR [-SS] [? | ~ | %]          SS a season or other sub-year grouping 21-41
//   YEAR = [-]DDDD (year 0000 is 1 BCE, astronomical; -0000 is rejected) or Y[-]DDDDD...
//          (more than four and at most twelve digits, no leading zero, no other component).
// Any digit of a four-digit YEAR, MM or DD may be 'X' (upper case only): unspecified. A time
// needs a fully specified day; it is kept in canonical() but bounds have day resolution.
// One qualifier may end each DATE: '?' uncertain, '~' approximate, '%' both. Component-level
// qualifiers ("2004?-06"), sets ("[..]", "{..}"), exponents ("Y17E7") and significant digits are
// not read.
//
// Bounds. earliest/latest are the first and last day the text allows: the smallest and the
// largest valid calendar date matching the pattern ("1X" as a month is 10-12, "3X" as a day is
// 30-31 clipped to the month's length, leap-aware; a pattern no date matches is an error).
// Sub-year groupings (one rule, fixed by DESIGN.md section 1; a grouping that ends in the next
// year ends on that year's last day of February, leap-aware):
//   21 / 25 spring = Mar-May    22 / 26 summer = Jun-Aug    23 / 27 autumn = Sep-Nov
//   24 / 28 winter = Dec-Feb of the next year
//   southern: 29 spring = Sep-Nov, 30 summer = Dec-Feb (next), 31 autumn = Mar-May, 32 winter =
//   Jun-Aug; quarters 33-36 = Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec; quadrimesters 37-39 =
//   Jan-Apr, May-Aug, Sep-Dec; semesters 40-41 = Jan-Jun, Jul-Dec.
// "A/B" runs from A's earliest to B's latest; B's latest before A's earliest is an error.
//
// Widening. For queries a qualified ('?', '~', '%') date is widened by one unit of its precision
// on each side: a day by one day, a month by one month, a season or other grouping by its own
// length in months, a year by a year, a decade by ten years, a century by a hundred, a
// millennium by a thousand ('%' widens as much as '?' or '~'); precision open is not widened.
// In "A/B" each side is widened by its own qualifier. Unqualified: widened() == bounds().
namespace orgraph {

// A calendar day: days since 1970-01-01 in the proleptic Gregorian calendar (negative before).
using Day = std::int64_t;

// A "no day at all" marker for callers that store a Day without std::optional. Never a bound.
inline constexpr Day kNoDay = std::numeric_limits<Day>::min();
// The earliest bound of a range open (or unknown) towards the past: below every real day.
inline constexpr Day kOpenEarliest = std::numeric_limits<Day>::min() + 1;
// The latest bound of a range open (or unknown) towards the future: above every real day.
inline constexpr Day kOpenLatest = std::numeric_limits<Day>::max();

// An inclusive range of days; open sides hold kOpenEarliest / kOpenLatest, so `earliest <= d &&
// d <= latest` needs no special case.
struct DayRange {
  Day earliest = kOpenEarliest;
  Day latest = kOpenLatest;

  // True when day d lies in the range. Time: O(1).
  constexpr bool contains(Day d) const noexcept { return earliest <= d && d <= latest; }
  friend constexpr bool operator==(const DayRange&, const DayRange&) = default;
};

// A proleptic Gregorian calendar date; year 0 is 1 BCE.
struct CivilDate {
  std::int64_t year = 1970;
  unsigned month = 1;  // 1-12
  unsigned day = 1;    // 1-31
  friend constexpr bool operator==(const CivilDate&, const CivilDate&) = default;
};

// The Day of year-month-day (Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms").
// Precondition: 1 <= m <= 12, 1 <= d <= 31, |y| < 10^15. Time: O(1).
Day days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept;

// The calendar date of a Day (Hinnant's inverse). Precondition: |day| <= 2^62. Time: O(1).
CivilDate civil_from_days(Day day) noexcept;

// True when year y of the proleptic Gregorian calendar has 29 February. Time: O(1).
constexpr bool is_leap_year(std::int64_t y) noexcept {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

// Formats a day as "YYYY-MM-DD" for years 0000-9999, "-YYYY-MM-DD" (at least four digits) before
// year 0 and "+YYYYY-MM-DD" after 9999 (ISO 8601 expanded years). Days beyond +-2^62, which
// include the open sentinels and kNoDay, format as "-inf" / "+inf". Time: O(1).
std::string format_day(Day day);

// Reads exactly what format_day writes for a real day (not "-inf"/"+inf"; years of at most
// fifteen digits); nullopt for anything else, including impossible dates. Time: O(n).
std::optional<Day> parse_day(std::string_view text) noexcept;

// The unit of the finest written component of a date.
//   day         YYYY-MM-DD (also 2019-04-2X, 156X-12-25, XXXX-XX-23, and date-times)
//   month       YYYY-MM (also 1984-1X, 1985-04-XX, XXXX-12-XX)
//   season      YYYY-SS, any grouping 21-41
//   year        YYYY, Y-years, YYYY-XX, YYYY-XX-XX, 2X13
//   decade      YYYX (one trailing X, nothing finer given); century YYXX; millennium YXXX
//   open        no digit given (XXXX, XXXX-XX, XXXX-XX-XX, -XXXX), and the texts ".." and ""
// For "A/B" it is A's precision, or B's when A is not a date ("../B", "/B").
enum class Precision : std::uint8_t { day, month, season, year, decade, century, millennium, open };

// "day", "month", "season", "year", "decade", "century", "millennium" or "open". Time: O(1).
std::string_view to_string(Precision precision) noexcept;

// One EDTF qualifier; the values are bits of Qualifiers.
enum class Qualifier : std::uint8_t { uncertain = 1, approximate = 2, unspecified = 4 };

// Every Qualifier, in the order to_string(Qualifiers) lists them.
inline constexpr std::array<Qualifier, 3> kQualifiers = {
    Qualifier::uncertain, Qualifier::approximate, Qualifier::unspecified};

// "uncertain", "approximate" or "unspecified". Time: O(1).
std::string_view to_string(Qualifier qualifier) noexcept;

// A set of qualifiers: '?' gives uncertain, '~' approximate, '%' both, any 'X' unspecified.
class Qualifiers {
 public:
  // The empty set.
  constexpr Qualifiers() noexcept = default;
  // The set holding q alone.
  constexpr Qualifiers(Qualifier q) noexcept : bits_(static_cast<std::uint8_t>(q)) {}  // NOLINT

  // True when q is in the set. Time: O(1).
  constexpr bool has(Qualifier q) const noexcept {
    return (bits_ & static_cast<std::uint8_t>(q)) != 0;
  }
  // True when the set holds no qualifier. Time: O(1).
  constexpr bool empty() const noexcept { return bits_ == 0; }
  // True when '?', '~' or '%' was written, i.e. when the date is widened for queries. Time: O(1).
  constexpr bool widens() const noexcept {
    return has(Qualifier::uncertain) || has(Qualifier::approximate);
  }
  // Adds every qualifier of other. Time: O(1).
  constexpr Qualifiers& operator|=(Qualifiers other) noexcept {
    bits_ = static_cast<std::uint8_t>(bits_ | other.bits_);
    return *this;
  }
  // The union of two sets. Time: O(1).
  friend constexpr Qualifiers operator|(Qualifiers a, Qualifiers b) noexcept { return a |= b; }
  friend constexpr bool operator==(Qualifiers, Qualifiers) = default;

 private:
  std::uint8_t bits_ = 0;
};

// The qualifiers in kQualifiers order, comma-separated ("uncertain,approximate"); "" when
// empty. Time: O(1).
std::string to_string(Qualifiers qualifiers);

// How one side of a date is bounded.
//   bounded   a date gives the bound
//   open      ".." was written: no bound, on purpose ("since ever", "still going")
//   unknown   nothing was written: a bound exists but is not known ("2011-10/", "" text)
enum class Limit : std::uint8_t { bounded, open, unknown };

// "bounded", "open" or "unknown". Time: O(1).
std::string_view to_string(Limit limit) noexcept;

// An EDTF date held as its original text plus day bounds, precision and qualifiers. Nothing is
// ever compared as text except through canonical(). Copyable; 72 bytes plus the text's heap
// buffer when it exceeds the small-string capacity.
class Date {
 public:
  // The unknown date: empty text, both sides Limit::unknown, precision open. Time: O(1).
  Date() noexcept = default;

  // Reads EDTF text (grammar in the comment at the top of this header); throws
  // orgraph::date_error(text, byte position, what was expected there) and nothing else but
  // std::bad_alloc. Time: O(n) in the text length.
  static Date parse(std::string_view text);

  // As parse, but returns nullopt on invalid text and, when why is given, stores the error
  // message (date_error::what()) in *why. Time: O(n).
  static std::optional<Date> try_parse(std::string_view text, std::string* why = nullptr);

  // The text exactly as given to parse. Time: O(1).
  const std::string& text() const noexcept { return text_; }

  // The canonical EDTF spelling: components as read (zero-padded, 'X' kept), the qualifier at
  // the end of each date, a time-zone offset "±hh" written "±hh:00", sides joined by '/', ".."
  // for open sides. parse(d.canonical()) == d. Time: O(n).
  std::string canonical() const;

  // The first day the date allows; nullopt when that side is open or unknown. Time: O(1).
  std::optional<Day> earliest() const noexcept;
  // The last day the date allows; nullopt when that side is open or unknown. Time: O(1).
  std::optional<Day> latest() const noexcept;
  // The own bounds as written, with kOpenEarliest / kOpenLatest for open or unknown sides.
  // Time: O(1).
  DayRange bounds() const noexcept { return bounds_; }
  // The bounds queries use: bounds() widened by one precision unit on each side of each
  // qualified date (see the top of this header). Time: O(1).
  DayRange widened() const noexcept { return widened_; }

  // The unit of the finest written component (see Precision). Time: O(1).
  Precision precision() const noexcept { return precision_; }
  // The union of the qualifiers written, plus unspecified when any 'X' appears. Time: O(1).
  Qualifiers qualifiers() const noexcept { return qualifiers_; }

  // True when the text had the form "A/B": some day between A and B. Time: O(1).
  bool is_between() const noexcept { return between_; }
  // How the earliest side is bounded: a date, ".." (open) or nothing (unknown). Time: O(1).
  Limit earliest_limit() const noexcept { return earliest_limit_; }
  // How the latest side is bounded: a date, ".." (open) or nothing (unknown). Time: O(1).
  Limit latest_limit() const noexcept { return latest_limit_; }
  // True for the unknown date (default-constructed or parsed from ""). Time: O(1).
  bool empty() const noexcept { return text_.empty(); }

  // Equal iff both have the same canonical() text (so the same bounds, precision, qualifiers and
  // time of day). Time: O(1) when they differ in bounds, else O(n).
  friend bool operator==(const Date& a, const Date& b);

 private:
  std::string text_;
  DayRange bounds_;
  DayRange widened_;
  Precision precision_ = Precision::open;
  Qualifiers qualifiers_;
  bool between_ = false;
  Limit earliest_limit_ = Limit::unknown;
  Limit latest_limit_ = Limit::unknown;
};

}  // namespace orgraph

// Prints the same words as to_string.
template <>
struct fmt::formatter<orgraph::Precision> : fmt::formatter<std::string_view> {
  auto format(orgraph::Precision value, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(value), ctx);
  }
};

// Prints the same word as to_string.
template <>
struct fmt::formatter<orgraph::Qualifier> : fmt::formatter<std::string_view> {
  auto format(orgraph::Qualifier value, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(value), ctx);
  }
};

// Prints the comma-separated list of to_string.
template <>
struct fmt::formatter<orgraph::Qualifiers> : fmt::formatter<std::string_view> {
  auto format(orgraph::Qualifiers value, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(value), ctx);
  }
};

// Prints the same word as to_string.
template <>
struct fmt::formatter<orgraph::Limit> : fmt::formatter<std::string_view> {
  auto format(orgraph::Limit value, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(value), ctx);
  }
};

// Prints the canonical EDTF text.
template <>
struct fmt::formatter<orgraph::Date> : fmt::formatter<std::string_view> {
  auto format(const orgraph::Date& value, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(value.canonical(), ctx);
  }
};
