#include <orgraph/date.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace orgraph {
namespace {

// A 'Y' year has at most this many digits, so that every day computation stays far from int64
// overflow (|year| < 10^12 gives |day| < 4 * 10^14).
constexpr int kMaxYearDigits = 12;
// format_day prints days beyond this as "-inf" / "+inf"; civil_from_days is exact within it.
constexpr Day kMaxFormattableDay = Day{1} << 62;

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

unsigned days_in_month(std::int64_t year, unsigned month) {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Months are numbered year * 12 + (month - 1), so that month arithmetic is plain addition.
std::int64_t month_number(std::int64_t year, unsigned month) { return year * 12 + (month - 1); }

std::pair<std::int64_t, unsigned> year_month_of(std::int64_t number) {
  const std::int64_t year = floor_div(number, 12);
  return {year, static_cast<unsigned>(number - year * 12) + 1};
}

Day first_day_of_month(std::int64_t number) {
  const auto [year, month] = year_month_of(number);
  return days_from_civil(year, month, 1);
}

Day last_day_of_month(std::int64_t number) {
  const auto [year, month] = year_month_of(number);
  return days_from_civil(year, month, days_in_month(year, month));
}

std::int64_t month_number_of_day(Day day) {
  const CivilDate c = civil_from_days(day);
  return month_number(c.year, c.month);
}

// A sub-year grouping 21-41: the month it starts in and how many months it lasts. The rule is
// documented in date.hpp (DESIGN.md section 1).
struct Grouping {
  unsigned first_month;
  unsigned months;
};

Grouping grouping_of(unsigned code) {
  static constexpr std::array<Grouping, 21> kGroupings = {{
      {3, 3}, {6, 3},  {9, 3}, {12, 3},  // 21-24 spring, summer, autumn, winter
      {3, 3}, {6, 3},  {9, 3}, {12, 3},  // 25-28 northern hemisphere, the same
      {9, 3}, {12, 3}, {3, 3}, {6, 3},   // 29-32 southern spring ... winter
      {1, 3}, {4, 3},  {7, 3}, {10, 3},  // 33-36 quarters
      {1, 4}, {5, 4},  {9, 4},           // 37-39 quadrimesters
      {1, 6}, {7, 6},                    // 40-41 semesters
  }};
  return kGroupings[code - 21];
}

constexpr bool is_digit(int c) { return c >= '0' && c <= '9'; }
constexpr bool is_qualifier(int c) { return c == '?' || c == '~' || c == '%'; }

// A bit per value lo..hi (bit v) whose two-digit spelling matches a pattern of digits and 'X'.
std::uint64_t matching_values(const std::array<char, 2>& pattern, unsigned lo, unsigned hi) {
  std::uint64_t mask = 0;
  for (unsigned v = lo; v <= hi; ++v) {
    const char tens = static_cast<char>('0' + v / 10);
    const char ones = static_cast<char>('0' + v % 10);
    if ((pattern[0] == 'X' || pattern[0] == tens) && (pattern[1] == 'X' || pattern[1] == ones)) {
      mask |= std::uint64_t{1} << v;
    }
  }
  return mask;
}

bool year_matches(const std::array<char, 4>& pattern, unsigned value) {
  for (int k = 3; k >= 0; --k) {
    const char digit = static_cast<char>('0' + value % 10);
    if (pattern[k] != 'X' && pattern[k] != digit) return false;
    value /= 10;
  }
  return true;
}

unsigned two_digit_value(const std::array<char, 2>& digits) {
  return static_cast<unsigned>(digits[0] - '0') * 10 + static_cast<unsigned>(digits[1] - '0');
}

std::int64_t four_digit_value(const std::array<char, 4>& digits) {
  std::int64_t value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// One DATE (a side of "A/B", or the whole text) as read, and then resolved to days.
struct Written {
  enum class Sub : std::uint8_t { none, month, grouping };

  std::size_t begin = 0;   // byte offset of the date in the text
  std::size_t day_at = 0;  // byte offset of the day field
  bool negative = false;
  bool y_form = false;       // 'Y' followed by more than four digits
  std::int64_t y_value = 0;  // |year| of a 'Y' year
  std::array<char, 4> year{};
  Sub sub = Sub::none;
  std::array<char, 2> month{};  // a month, or the digits of a grouping
  bool has_day = false;
  std::array<char, 2> day{};
  std::string_view time;    // "hh:mm:ss", empty without a time
  std::string_view offset;  // "Z", "+hh" or "+hh:mm" (or '-'), empty without
  char qualifier = 0;       // '?', '~', '%' or 0
  bool has_x = false;

  DayRange own;
  DayRange widened;
  Precision precision = Precision::year;
  Qualifiers qualifiers;
};

bool year_has_x(const Written& w) {
  return !w.y_form &&
         (w.year[0] == 'X' || w.year[1] == 'X' || w.year[2] == 'X' || w.year[3] == 'X');
}

bool has_any_digit(const std::array<char, 2>& field) { return field[0] != 'X' || field[1] != 'X'; }

Precision precision_of(const Written& w) {
  if (w.has_day && has_any_digit(w.day)) return Precision::day;
  if (w.sub == Written::Sub::grouping) return Precision::season;
  if (w.sub == Written::Sub::month && has_any_digit(w.month)) return Precision::month;
  if (w.y_form) return Precision::year;
  int trailing_x = 0;
  for (int k = 3; k >= 0 && w.year[k] == 'X'; --k) ++trailing_x;
  static constexpr std::array<Precision, 5> kByTrailingX = {Precision::year, Precision::decade,
                                                            Precision::century,
                                                            Precision::millennium, Precision::open};
  return kByTrailingX[trailing_x];
}

// How many months one unit of a precision spans, for widening; 0 for day and open.
std::int64_t months_per_unit(Precision precision, const Written& w) {
  switch (precision) {
    case Precision::month:
      return 1;
    case Precision::season:
      return grouping_of(two_digit_value(w.month)).months;
    case Precision::year:
      return 12;
    case Precision::decade:
      return 120;
    case Precision::century:
      return 1200;
    case Precision::millennium:
      return 12000;
    case Precision::day:
    case Precision::open:
      return 0;
  }
  return 0;
}

DayRange widen(const DayRange& own, Precision precision, Qualifiers qualifiers, const Written& w) {
  if (!qualifiers.widens() || precision == Precision::open) return own;
  if (precision == Precision::day) return {own.earliest - 1, own.latest + 1};
  const std::int64_t months = months_per_unit(precision, w);
  return {first_day_of_month(month_number_of_day(own.earliest) - months),
          last_day_of_month(month_number_of_day(own.latest) + months)};
}

void append_written(std::string& out, const Written& w) {
  if (w.y_form) {
    out += 'Y';
    if (w.negative) out += '-';
    out += std::to_string(w.y_value);
  } else {
    if (w.negative) out += '-';
    out.append(w.year.data(), w.year.size());
  }
  if (w.sub != Written::Sub::none) {
    out += '-';
    out.append(w.month.data(), w.month.size());
  }
  if (w.has_day) {
    out += '-';
    out.append(w.day.data(), w.day.size());
  }
  if (!w.time.empty()) {
    out += 'T';
    out += w.time;
    out += w.offset;
    if (w.offset.size() == 3) out += ":00";
  }
  if (w.qualifier != 0) out += w.qualifier;
}

// The first year, in ascending or descending order, that the year field of w allows and accept
// takes. Time: O(1), or O(10^4) for a four-digit pattern with 'X'.
template <typename Accept>
std::optional<std::int64_t> find_year(const Written& w, bool ascending, Accept accept) {
  if (w.y_form || !year_has_x(w)) {
    const std::int64_t magnitude = w.y_form ? w.y_value : four_digit_value(w.year);
    const std::int64_t y = w.negative ? -magnitude : magnitude;
    return accept(y) ? std::optional(y) : std::nullopt;
  }
  // A negative year runs the digit values 0..9999 the other way round.
  for (unsigned step = 0; step <= 9999; ++step) {
    const unsigned value = ascending != w.negative ? step : 9999 - step;
    if (!year_matches(w.year, value)) continue;
    const std::int64_t y = w.negative ? -std::int64_t{value} : std::int64_t{value};
    if (accept(y)) return y;
  }
  return std::nullopt;
}

// The own bounds of one date: the smallest and the largest valid calendar date matching its
// pattern; nullopt when none does (only a day can make that happen).
std::optional<DayRange> own_bounds(const Written& w) {
  const auto any_year = [](std::int64_t) { return true; };
  if (w.sub == Written::Sub::grouping) {
    const Grouping g = grouping_of(two_digit_value(w.month));
    const std::int64_t lo = *find_year(w, /*ascending=*/true, any_year);
    const std::int64_t hi = *find_year(w, /*ascending=*/false, any_year);
    return DayRange{first_day_of_month(month_number(lo, g.first_month)),
                    last_day_of_month(month_number(hi, g.first_month) + g.months - 1)};
  }
  constexpr std::array<char, 2> kAny = {'X', 'X'};
  const std::uint64_t months =
      matching_values(w.sub == Written::Sub::month ? w.month : kAny, 1, 12);
  const std::uint64_t days = matching_values(w.has_day ? w.day : kAny, 1, 31);
  // The first and last (month, day) the patterns allow, in a common [0] and in a leap year [1].
  struct MonthDay {
    unsigned month = 0;  // 0: none
    unsigned day = 0;
  };
  std::array<MonthDay, 2> lowest{};
  std::array<MonthDay, 2> highest{};
  for (int leap = 0; leap < 2; ++leap) {
    const std::int64_t sample_year = leap == 1 ? 2000 : 2001;
    for (unsigned m = 1; m <= 12; ++m) {
      if ((months >> m & 1) == 0) continue;
      for (unsigned d = 1; d <= days_in_month(sample_year, m); ++d) {
        if ((days >> d & 1) == 0) continue;
        if (lowest[leap].month == 0) lowest[leap] = {m, d};
        highest[leap] = {m, d};
      }
    }
  }
  const auto kind = [](std::int64_t y) { return is_leap_year(y) ? 1 : 0; };
  const std::optional<std::int64_t> lo =
      find_year(w, /*ascending=*/true, [&](std::int64_t y) { return lowest[kind(y)].month != 0; });
  const std::optional<std::int64_t> hi = find_year(
      w, /*ascending=*/false, [&](std::int64_t y) { return highest[kind(y)].month != 0; });
  if (!lo || !hi) return std::nullopt;
  const MonthDay& a = lowest[kind(*lo)];
  const MonthDay& b = highest[kind(*hi)];
  return DayRange{days_from_civil(*lo, a.month, a.day), days_from_civil(*hi, b.month, b.day)};
}

// One side of "A/B" (or the whole text when there is no '/').
struct Side {
  Limit limit = Limit::unknown;
  std::size_t begin = 0;
  Written date;  // meaningful when limit == Limit::bounded
};

// The syntax of a whole text; bounds are filled in by resolve().
struct Reading {
  bool between = false;
  Side first;
  Side second;  // only when between
};

// Reads EDTF text left to right, once; every error names the byte where reading stopped (a
// malformed field) or where the offending field starts (a well-formed but impossible value).
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Reading read() {
    Reading reading;
    if (text_.empty()) return reading;
    reading.first = read_side(/*first=*/true);
    if (at_end()) return reading;
    // read_side(true) stops only at the end or at '/'.
    reading.between = true;
    ++pos_;
    reading.second = read_side(/*first=*/false);
    if (reading.first.limit != Limit::bounded && reading.second.limit != Limit::bounded) {
      fail(reading.second.begin, "a date (at least one side of '/' must be a date)");
    }
    return reading;
  }

  // Computes own and widened bounds of every date; fails when no day matches a pattern or an
  // interval ends before it starts.
  void resolve(Reading& reading) const {
    if (reading.first.limit == Limit::bounded) resolve(reading.first.date);
    if (reading.second.limit == Limit::bounded) resolve(reading.second.date);
    if (reading.between && reading.first.limit == Limit::bounded &&
        reading.second.limit == Limit::bounded &&
        reading.second.date.own.latest < reading.first.date.own.earliest) {
      fail(reading.second.begin,
           "a date not before the start (the interval ends before it starts)");
    }
  }

  [[noreturn]] void fail(std::size_t position, std::string expected) const {
    throw date_error(std::string(text_), position, std::move(expected));
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  // The byte at pos_ + ahead as an unsigned value, or -1 past the end (so NUL is a byte).
  int peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? static_cast<unsigned char>(text_[pos_ + ahead]) : -1;
  }

  Side read_side(bool first) {
    Side side;
    side.begin = pos_;
    if ((first && peek() == '/') || (!first && at_end())) return side;  // unknown
    if (peek() == '.') {
      ++pos_;
      if (peek() != '.') fail(pos_, "'.' (\"..\" marks an open side)");
      ++pos_;
      if (!(at_end() || (first && peek() == '/'))) {
        fail(pos_, first ? "'/' or end of date after '..'" : "end of date after '..'");
      }
      side.limit = Limit::open;
      return side;
    }
    side.limit = Limit::bounded;
    side.date = read_date(first);
    return side;
  }

  // Reads one character of a digit field; 'X' is allowed when allow_x.
  char read_digit_or_x(std::string_view what, bool allow_x) {
    const int c = peek();
    if (is_digit(c) || (allow_x && c == 'X')) {
      ++pos_;
      return static_cast<char>(c);
    }
    if (allow_x && c == 'x') fail(pos_, "an upper-case 'X' for an unspecified digit");
    fail(pos_, std::string(what));
  }

  Written read_date(bool first) {
    Written w;
    w.begin = pos_;
    if (peek() == 'Y') {
      read_y_year(w);
    } else {
      read_four_digit_year(w);
      if (peek() == '-') {
        ++pos_;
        read_month_or_grouping(w);
        if (w.sub == Written::Sub::month && peek() == '-') {
          ++pos_;
          read_day(w);
          if (peek() == 'T' && !w.has_x) read_time(w);
        }
      }
    }
    read_tail(w, first);
    return w;
  }

  void read_y_year(Written& w) {
    ++pos_;  // 'Y'
    w.y_form = true;
    if (peek() == '-') {
      w.negative = true;
      ++pos_;
    }
    const std::size_t digits_at = pos_;
    int digits = 0;
    while (is_digit(peek())) {
      if (digits == kMaxYearDigits) fail(pos_, "at most twelve digits after 'Y'");
      w.y_value = w.y_value * 10 + (peek() - '0');
      ++digits;
      ++pos_;
    }
    if (digits <= 4) {
      fail(pos_, peek() == 'E'
                     ? "a digit: 'Y' takes more than four digits (no exponent forms)"
                     : "a digit: 'Y' takes more than four digits (write YYYY for others)");
    }
    if (text_[digits_at] == '0') fail(digits_at, "a first digit 1-9 after 'Y' (no leading zero)");
  }

  void read_four_digit_year(Written& w) {
    if (peek() == '-') {
      w.negative = true;
      ++pos_;
    }
    constexpr std::string_view kYear =
        "a four-digit year (digits or 'X', e.g. 2013 or 201X) or 'Y' and more than four digits";
    for (char& c : w.year) c = read_digit_or_x(kYear, /*allow_x=*/true);
    w.has_x = year_has_x(w);
    if (w.negative && w.year == std::array<char, 4>{'0', '0', '0', '0'}) {
      fail(w.begin, "a year other than -0000 (year zero is written 0000)");
    }
  }

  void read_month_or_grouping(Written& w) {
    const std::size_t field_at = pos_;
    constexpr std::string_view kMonth = "a month 01-12 or season 21-41";
    for (char& c : w.month) c = read_digit_or_x(kMonth, /*allow_x=*/true);
    if (w.month[0] == 'X' || w.month[1] == 'X') {
      w.has_x = true;
      w.sub = Written::Sub::month;
      if (matching_values(w.month, 1, 12) == 0) {
        fail(field_at, fmt::format("{} (no month matches {}{}; a season takes no 'X')", kMonth,
                                   w.month[0], w.month[1]));
      }
      return;
    }
    const unsigned value = two_digit_value(w.month);
    if (value >= 1 && value <= 12) {
      w.sub = Written::Sub::month;
    } else if (value >= 21 && value <= 41) {
      w.sub = Written::Sub::grouping;
    } else {
      fail(field_at, std::string(kMonth));
    }
  }

  void read_day(Written& w) {
    w.day_at = pos_;
    w.has_day = true;
    constexpr std::string_view kDay = "a day 01-31";
    for (char& c : w.day) c = read_digit_or_x(kDay, /*allow_x=*/true);
    if (w.day[0] == 'X' || w.day[1] == 'X') {
      w.has_x = true;
      if (matching_values(w.day, 1, 31) == 0) {
        fail(w.day_at, fmt::format("{} (no day matches {}{})", kDay, w.day[0], w.day[1]));
      }
      return;
    }
    const unsigned value = two_digit_value(w.day);
    if (value < 1 || value > 31) fail(w.day_at, std::string(kDay));
  }

  unsigned read_two_digits(std::string_view what, unsigned max) {
    const std::size_t field_at = pos_;
    std::array<char, 2> digits{};
    for (char& c : digits) c = read_digit_or_x(what, /*allow_x=*/false);
    const unsigned value = two_digit_value(digits);
    if (value > max) fail(field_at, std::string(what));
    return value;
  }

  void expect_colon() {
    if (peek() != ':') fail(pos_, "':'");
    ++pos_;
  }

  void read_time(Written& w) {
    ++pos_;  // 'T'
    const std::size_t time_at = pos_;
    read_two_digits("an hour 00-23", 23);
    expect_colon();
    read_two_digits("minutes 00-59", 59);
    expect_colon();
    read_two_digits("seconds 00-59", 59);
    w.time = text_.substr(time_at, pos_ - time_at);
    const std::size_t offset_at = pos_;
    if (peek() == 'Z') {
      ++pos_;
    } else if (peek() == '+' || peek() == '-') {
      ++pos_;
      read_two_digits("an offset hour 00-23", 23);
      if (peek() == ':') {
        ++pos_;
        read_two_digits("offset minutes 00-59", 59);
      }
    }
    w.offset = text_.substr(offset_at, pos_ - offset_at);
  }

  // The optional qualifier, then '/' (first side only) or the end; anything else fails with the
  // list of what would have been read at that point.
  // When `w` is a four-digit year that more digits follow (99999-01), the year as the 'Y' form
  // writes it ("99999", "-12345"); nullopt when no 'Y' form can say it.
  std::optional<std::string> long_year(const Written& w) const {
    if (w.sub != Written::Sub::none || w.y_form || w.has_x || w.qualifier != 0 ||
        !is_digit(peek())) {
      return std::nullopt;
    }
    std::size_t end = pos_;
    while (end < text_.size() && is_digit(static_cast<unsigned char>(text_[end]))) ++end;
    const std::size_t digits_at = w.begin + (w.negative ? 1 : 0);
    const std::size_t digits = end - digits_at;
    if (text_[digits_at] == '0' || digits > static_cast<std::size_t>(kMaxYearDigits)) {
      return std::nullopt;
    }
    return std::string(text_.substr(w.begin, end - w.begin));
  }

  void read_tail(Written& w, bool first) {
    const bool has_time = !w.time.empty();
    if (!has_time && is_qualifier(peek())) {
      w.qualifier = static_cast<char>(peek());
      ++pos_;
    }
    if (at_end() || (first && peek() == '/')) return;

    std::string expected;
    const auto add = [&expected](std::string_view what) {
      if (!expected.empty()) expected += ", ";
      expected += what;
    };
    if (w.qualifier == 0) {
      const bool dash_possible = !w.y_form && (w.sub == Written::Sub::none ||
                                               (w.sub == Written::Sub::month && !w.has_day));
      if (dash_possible) add("'-'");
      if (w.has_day && !w.has_x && !has_time) add("'T'");
      if (has_time && w.offset.empty()) add("'Z', '+hh:mm', '-hh:mm'");
      if (!has_time) add("'?', '~', '%'");
    }
    if (first) add("'/'");
    if (expected.empty()) {
      expected = "end of date";
    } else {
      expected += " or end of date";
    }
    if (w.qualifier != 0 && is_qualifier(peek())) {
      expected += " (one qualifier per date: '%' means both '?' and '~')";
    } else if (w.qualifier != 0 && peek() == '-') {
      expected += " (a qualifier goes at the end of the date)";
    } else if (w.sub == Written::Sub::grouping && peek() == '-') {
      expected += " (a season has no day)";
    } else if (w.y_form && peek() == '-') {
      expected += " (a 'Y' year has no month or day)";
    } else if (!first && peek() == '/') {
      expected += " (an interval has one '/')";
    } else if (w.has_x && peek() == 'T') {
      expected += " (a time needs a fully specified date)";
    } else if (auto year = long_year(w)) {
      expected += fmt::format(" (a year of more than four digits is written with 'Y': Y{})", *year);
    }
    fail(pos_, std::move(expected));
  }

  // Fills own, widened, precision and qualifiers of a date read by read_date.
  void resolve(Written& w) const {
    w.precision = precision_of(w);
    if (w.qualifier == '?' || w.qualifier == '%') w.qualifiers |= Qualifier::uncertain;
    if (w.qualifier == '~' || w.qualifier == '%') w.qualifiers |= Qualifier::approximate;
    if (w.has_x) w.qualifiers |= Qualifier::unspecified;
    const std::optional<DayRange> own = own_bounds(w);
    if (!own) fail_no_such_day(w);
    w.own = *own;
    w.widened = widen(w.own, w.precision, w.qualifiers, w);
  }

  [[noreturn]] void fail_no_such_day(const Written& w) const {
    // Only a day can make a pattern impossible: every year, month and grouping exists.
    const std::string_view written = text_.substr(w.begin, w.day_at + 2 - w.begin);
    if (!w.has_x) {
      const unsigned day = two_digit_value(w.day);
      const std::string_view year_month = text_.substr(w.begin, w.day_at - 1 - w.begin);
      const std::int64_t year = (w.negative ? -1 : 1) * four_digit_value(w.year);
      const unsigned month = two_digit_value(w.month);
      fail(w.day_at, fmt::format("a day 01-{:02}: day {:02} does not exist in {}",
                                 days_in_month(year, month), day, year_month));
    }
    fail(w.day_at, fmt::format("a day that exists (no valid date matches {})", written));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

std::string canonical_side(const Side& side) {
  std::string out;
  if (side.limit == Limit::bounded) append_written(out, side.date);
  if (side.limit == Limit::open) out = "..";
  return out;
}

}  // namespace

Day days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);                 // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + static_cast<Day>(doe) - 719468;
}

CivilDate civil_from_days(Day day) noexcept {
  const Day z = day + 719468;
  const Day era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;                             // [1, 31]
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;                                // [1, 12]
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  return {y, m, d};
}

std::string format_day(Day day) {
  if (day < -kMaxFormattableDay) return "-inf";
  if (day > kMaxFormattableDay) return "+inf";
  const CivilDate c = civil_from_days(day);
  if (c.year < 0) return fmt::format("-{:04}-{:02}-{:02}", -c.year, c.month, c.day);
  if (c.year > 9999) return fmt::format("+{}-{:02}-{:02}", c.year, c.month, c.day);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::optional<Day> parse_day(std::string_view text) noexcept {
  constexpr int kMaxDigits = 15;  // days_from_civil's precondition |y| < 10^15
  std::size_t i = 0;
  const char sign = !text.empty() && (text[0] == '-' || text[0] == '+') ? text[0] : 0;
  if (sign != 0) ++i;
  const std::size_t digits_at = i;
  std::int64_t year = 0;
  while (i < text.size() && is_digit(text[i])) {
    if (static_cast<int>(i - digits_at) == kMaxDigits) return std::nullopt;
    year = year * 10 + (text[i] - '0');
    ++i;
  }
  const std::size_t digits = i - digits_at;
  const bool leading_zero = digits > 0 && text[digits_at] == '0';
  if (sign == 0 && digits != 4) return std::nullopt;
  if (sign == '+' && (digits < 5 || leading_zero)) return std::nullopt;
  if (sign == '-' && (digits < 4 || (digits > 4 && leading_zero) || year == 0)) {
    return std::nullopt;
  }
  if (sign == '-') year = -year;
  const std::string_view rest = text.substr(i);
  if (rest.size() != 6 || rest[0] != '-' || rest[3] != '-' || !is_digit(rest[1]) ||
      !is_digit(rest[2]) || !is_digit(rest[4]) || !is_digit(rest[5])) {
    return std::nullopt;
  }
  const auto month = static_cast<unsigned>((rest[1] - '0') * 10 + (rest[2] - '0'));
  const auto day = static_cast<unsigned>((rest[4] - '0') * 10 + (rest[5] - '0'));
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return days_from_civil(year, month, day);
}

std::string_view to_string(Precision precision) noexcept {
  switch (precision) {
    case Precision::day:
      return "day";
    case Precision::month:
      return "month";
    case Precision::season:
      return "season";
    case Precision::year:
      return "year";
    case Precision::decade:
      return "decade";
    case Precision::century:
      return "century";
    case Precision::millennium:
      return "millennium";
    case Precision::open:
      return "open";
  }
  return "?";
}

std::string_view to_string(Qualifier qualifier) noexcept {
  switch (qualifier) {
    case Qualifier::uncertain:
      return "uncertain";
    case Qualifier::approximate:
      return "approximate";
    case Qualifier::unspecified:
      return "unspecified";
  }
  return "?";
}

std::string to_string(Qualifiers qualifiers) {
  std::string out;
  for (const Qualifier q : kQualifiers) {
    if (!qualifiers.has(q)) continue;
    if (!out.empty()) out += ',';
    out += to_string(q);
  }
  return out;
}

std::string_view to_string(Limit limit) noexcept {
  switch (limit) {
    case Limit::bounded:
      return "bounded";
    case Limit::open:
      return "open";
    case Limit::unknown:
      return "unknown";
  }
  return "?";
}

Date Date::parse(std::string_view text) {
  Reader reader(text);
  Reading reading = reader.read();
  reader.resolve(reading);

  Date date;
  date.text_ = std::string(text);
  date.between_ = reading.between;
  const Side& first = reading.first;
  const Side& last = reading.between ? reading.second : reading.first;
  date.earliest_limit_ = first.limit;
  date.latest_limit_ = last.limit;
  if (first.limit == Limit::bounded) {
    date.bounds_.earliest = first.date.own.earliest;
    date.widened_.earliest = first.date.widened.earliest;
  }
  if (last.limit == Limit::bounded) {
    date.bounds_.latest = last.date.own.latest;
    date.widened_.latest = last.date.widened.latest;
  }
  if (first.limit == Limit::bounded) {
    date.precision_ = first.date.precision;
  } else if (last.limit == Limit::bounded) {
    date.precision_ = last.date.precision;
  }
  if (first.limit == Limit::bounded) date.qualifiers_ |= first.date.qualifiers;
  if (last.limit == Limit::bounded) date.qualifiers_ |= last.date.qualifiers;
  return date;
}

std::optional<Date> Date::try_parse(std::string_view text, std::string* why) {
  try {
    return parse(text);
  } catch (const date_error& e) {
    if (why != nullptr) *why = e.what();
    return std::nullopt;
  }
}

std::string Date::canonical() const {
  const Reading reading = Reader(text_).read();  // text_ was read once already: cannot fail
  if (!reading.between) return canonical_side(reading.first);
  return canonical_side(reading.first) + '/' + canonical_side(reading.second);
}

std::optional<Day> Date::earliest() const noexcept {
  if (earliest_limit_ != Limit::bounded) return std::nullopt;
  return bounds_.earliest;
}

std::optional<Day> Date::latest() const noexcept {
  if (latest_limit_ != Limit::bounded) return std::nullopt;
  return bounds_.latest;
}

bool operator==(const Date& a, const Date& b) {
  if (a.text_ == b.text_) return true;
  if (a.bounds_ != b.bounds_ || a.widened_ != b.widened_ || a.precision_ != b.precision_ ||
      a.qualifiers_ != b.qualifiers_ || a.between_ != b.between_ ||
      a.earliest_limit_ != b.earliest_limit_ || a.latest_limit_ != b.latest_limit_) {
    return false;
  }
  return a.canonical() == b.canonical();
}

}  // namespace orgraph
