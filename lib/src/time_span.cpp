#include "orgraph/time_span.hpp"

#include <algorithm>

namespace orgraph {

std::string_view to_string(Certainty certainty) {
  return certainty == Certainty::certain ? "certain" : "possible";
}

std::optional<Certainty> TimeSpan::at(DayRange range) const {
  if (certain_from <= range.earliest && range.latest < certain_until) return Certainty::certain;
  if (ever_possible() && possible_from <= range.latest && range.earliest < possible_until) {
    return Certainty::possible;
  }
  return std::nullopt;
}

TimeSpan TimeSpan::clipped_to(const TimeSpan& other) const {
  return {std::max(possible_from, other.possible_from), std::max(certain_from, other.certain_from),
          std::min(certain_until, other.certain_until),
          std::min(possible_until, other.possible_until)};
}

namespace {

// An end of "" or ".." sets no bound: the fact continues.
bool bounds_the_end(const Date& end) {
  return !end.empty() &&
         !(end.earliest_limit() == Limit::open && end.latest_limit() == Limit::open);
}

}  // namespace

TimeSpan interval_span(const Date& start, const Date& end) {
  TimeSpan s;
  if (!start.empty()) {
    s.possible_from = start.widened().earliest;
    s.certain_from = start.widened().latest;
  }
  if (bounds_the_end(end)) {
    s.certain_until = end.widened().earliest;
    s.possible_until = end.widened().latest;
  }
  return s;
}

TimeSpan point_span(const Date& date) {
  if (date.empty()) return {};
  const DayRange r = date.widened();
  TimeSpan s;
  s.possible_from = r.earliest;
  s.possible_until = r.latest == kOpenLatest ? kOpenLatest : r.latest + 1;
  // Certain only on a single known day: [latest, earliest + 1).
  s.certain_from = r.latest;
  s.certain_until = r.earliest == kOpenEarliest ? kOpenEarliest : r.earliest + 1;
  return s;
}

TimeSpan undated_event_span() {
  TimeSpan s;
  s.certain_from = kOpenLatest;
  s.certain_until = kOpenEarliest;
  return s;
}

DayRange query_range(const Date& at) { return at.widened(); }

}  // namespace orgraph
