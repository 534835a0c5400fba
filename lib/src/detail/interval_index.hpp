#pragma once

// A static centred interval tree (Edelsbrunner 1980; de Berg et al., "Computational Geometry",
// §10.1) over the possible parts [possible_from, possible_until) of 16-byte time spans: which
// spans meet a closed day range. Built once in O(n log n); a query costs O(log n + answer).
// Days are int32 (±5.8 million years); wider values are clamped, which keeps open sides open.
//
// The tree holds ids (8 bytes a span: one list by start, one by end) and, for every 16th
// position of each list, the day it is sorted by (half a byte a span). The days of the other
// positions are read from the spans themselves, which the caller keeps and passes to every
// query. A query finds where a node's answer ends by a binary search over the sampled days and
// at most 16 reads of spans, so it hands over whole runs of ids without touching their spans:
// a large answer costs a sequential copy of ids, not a cache miss per span.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "detail/huge_pages.hpp"
#include "orgraph/date.hpp"
#include "orgraph/time_span.hpp"

namespace orgraph::detail {

using Day32 = std::int32_t;

// Clamps a Day into Day32, mapping the open sentinels to the int32 extremes.
Day32 to_day32(Day day);
// The inverse of to_day32 for the sentinels; other values convert exactly.
Day from_day32(Day32 day);

// A TimeSpan in 16 bytes.
struct TimeSpan32 {
  Day32 possible_from, certain_from, certain_until, possible_until;

  static TimeSpan32 from(const TimeSpan& s) {
    return {to_day32(s.possible_from), to_day32(s.certain_from), to_day32(s.certain_until),
            to_day32(s.possible_until)};
  }
  TimeSpan wide() const {
    return {from_day32(possible_from), from_day32(certain_from), from_day32(certain_until),
            from_day32(possible_until)};
  }
  // TimeSpan::at on the 32-bit days of a range (see Range32). Time: O(1).
  std::optional<Certainty> at(Day32 earliest, Day32 latest) const {
    if (certain_from <= earliest && latest < certain_until) return Certainty::certain;
    if (possible_from < possible_until && possible_from <= latest && earliest < possible_until) {
      return Certainty::possible;
    }
    return std::nullopt;
  }
};

class IntervalIndex {
 public:
  IntervalIndex() = default;
  // Indexes the possible part of spans[i] under id i; spans never possible are left out.
  explicit IntervalIndex(std::span<const TimeSpan32> spans);

  // A run of ids of one node's list.
  struct Run {
    const std::uint32_t* first;
    std::uint32_t count;
  };
  // Sets `out` to runs of ids that together are every span (of those indexed, passed again as
  // `spans`) whose possible part meets [earliest, latest], each once, in no particular order.
  // Time: O(log n) per node visited, O(log n + answer) in all.
  void overlapping(Day32 earliest, Day32 latest, std::span<const TimeSpan32> spans,
                   std::vector<Run>& out) const;

  std::size_t memory_bytes() const;

 private:
  struct Node {
    Day32 center;
    std::uint32_t begin;  // ids of this node: by_start_/by_end_[begin, begin + count)
    std::uint32_t count;
    std::int32_t left = -1;
    std::int32_t right = -1;
  };
  // A span's keys and id while the tree is built.
  struct Keyed {
    Day32 from, until;
    std::uint32_t id;
  };
  // Builds the subtree of recs[0, count) (sorted by possible_from, then id) and returns its
  // node; scratch holds at least count records. Time: O(count log count).
  std::int32_t build(Keyed* recs, std::size_t count, Keyed* scratch);

  static constexpr std::uint32_t kSample = 16;

  std::vector<Node> nodes_;
  BigVector<std::uint32_t> by_start_;  // per node, ascending possible_from
  BigVector<std::uint32_t> by_end_;    // per node, descending possible_until
  BigVector<Day32> start_samples_;     // [i]: possible_from of by_start_[i * kSample]
  BigVector<Day32> end_samples_;       // [i]: possible_until of by_end_[i * kSample]
  std::int32_t root_ = -1;
};

// Sets `out` to the ids of the spans whose possible part meets `range`, in ascending order.
// Large answers are put in order through a bitmap over all ids (O(n/64 + answer)), small ones
// by sorting (O(k log k)). Time: O(log n) plus one of those.
void ids_during(const IntervalIndex& index, std::span<const TimeSpan32> spans, DayRange range,
                std::vector<std::uint32_t>& out);

}  // namespace orgraph::detail
