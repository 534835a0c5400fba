#pragma once

// The three-valued reading of dated facts (DESIGN §1 "Answers at a date are three-valued").

#include <cstdint>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "orgraph/date.hpp"

namespace orgraph {

// How sure an answer is: `certain` when every reading of the dates puts the day inside the
// fact, `possible` when some reading does. Ordered: possible < certain.
enum class Certainty : std::uint8_t { possible, certain };

// "possible" or "certain". Time: O(1).
std::string_view to_string(Certainty certainty);

// When a fact may and must hold, as half-open day intervals: possible on
// [possible_from, possible_until), certain on [certain_from, certain_until). Open sides hold
// kOpenEarliest / kOpenLatest. certain ⊆ possible.
struct TimeSpan {
  Day possible_from = kOpenEarliest;
  Day certain_from = kOpenEarliest;
  Day certain_until = kOpenLatest;
  Day possible_until = kOpenLatest;

  // The certainty of the fact over every day of `range` (DESIGN §1): certain when certain on
  // every day, possible when possible on some day, nullopt otherwise. Time: O(1).
  std::optional<Certainty> at(DayRange range) const;

  // The part of this span inside `other` (a relation clipped to an endpoint's lifespan keeps
  // the weaker certainty). Time: O(1).
  TimeSpan clipped_to(const TimeSpan& other) const;

  // True when some day is possible at all. Time: O(1).
  bool ever_possible() const { return possible_from < possible_until; }

  friend bool operator==(const TimeSpan&, const TimeSpan&) = default;
};

// The span of a fact written with start=/end= (either may be empty: no bound of its own).
// Certain from the start's latest day until the end's earliest day; possible from the start's
// earliest day until the end's latest day; qualified dates are widened (Date::widened), an end
// of ".." is no end. Time: O(1).
TimeSpan interval_span(const Date& start, const Date& end);

// The span of a fact written with date=: it holds exactly on that date's day, which is certain
// only when the date names a single day. Time: O(1).
TimeSpan point_span(const Date& date);

// The span of an event whose date is not known: it happened at some time, so it is possible at
// any date and certain at none (an org or person without dates is, instead, unbounded and
// certain). Time: O(1).
TimeSpan undated_event_span();

// The days a query date covers (its widened bounds): `--at 2013` is the whole of 2013.
// Time: O(1).
DayRange query_range(const Date& at);

}  // namespace orgraph

template <>
struct fmt::formatter<orgraph::Certainty> : fmt::formatter<std::string_view> {
  auto format(orgraph::Certainty v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(v), ctx);
  }
};
