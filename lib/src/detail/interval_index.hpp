#pragma once

// A static centred interval tree (Edelsbrunner 1980; de Berg et al., "Computational Geometry",
// §10.1) over half-open day intervals [from, until): which intervals meet a closed day range.
// Built once in O(n log n); a query costs O(log n + answer). Days are int32 (±5.8 million
// years); wider values are clamped, which keeps open sides open.

#include <cstdint>
#include <vector>

#include "orgraph/date.hpp"

namespace orgraph::detail {

using Day32 = std::int32_t;

// Clamps a Day into Day32, mapping the open sentinels to the int32 extremes.
Day32 to_day32(Day day);
// The inverse of to_day32 for the sentinels; other values convert exactly.
Day from_day32(Day32 day);

class IntervalIndex {
 public:
  struct Interval {
    Day32 from;
    Day32 until;  // exclusive
  };

  IntervalIndex() = default;
  // Indexes intervals[i] under id i; empty intervals (from >= until) are left out.
  explicit IntervalIndex(const std::vector<Interval>& intervals);

  // Appends to `out` the id of every interval meeting [earliest, latest] (from <= latest and
  // until > earliest), in no particular order. Time: O(log n + answer).
  void overlapping(Day32 earliest, Day32 latest, std::vector<std::uint32_t>& out) const;

  std::size_t memory_bytes() const;

 private:
  struct Entry {
    Day32 key;
    std::uint32_t id;
  };
  struct Node {
    Day32 center;
    std::uint32_t begin;  // entries of this node: by_start_[begin, begin + count)
    std::uint32_t count;
    std::int32_t left = -1;
    std::int32_t right = -1;
  };
  std::int32_t build(std::vector<std::uint32_t>& ids, const std::vector<Interval>& intervals);

  std::vector<Node> nodes_;
  std::vector<Entry> by_start_;  // per node, ascending from
  std::vector<Entry> by_end_;    // per node, descending until
  std::int32_t root_ = -1;
};

}  // namespace orgraph::detail
