#pragma once

// A static centred interval tree (Edelsbrunner 1980; de Berg et al., "Computational Geometry",
// §10.1) over the possible parts [possible_from, possible_until) of 16-byte time spans: which
// spans meet a closed day range. Built once in O(n log n); a query costs O(log n + answer).
// Days are int32 (±5.8 million years); wider values are clamped, which keeps open sides open.
//
// The tree holds only ids (8 bytes a span: one list by start, one by end); the day keys are
// read from the spans themselves, which the caller keeps and passes to every query.

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

  // Calls visit(id) for every span (of those indexed, passed again as `spans`) whose possible
  // part meets [earliest, latest], in no particular order. Time: O(log n + answer).
  template <typename Visit>
  void overlapping(Day32 earliest, Day32 latest, std::span<const TimeSpan32> spans,
                   Visit&& visit) const;

  std::size_t memory_bytes() const;

 private:
  struct Node {
    Day32 center;
    std::uint32_t begin;  // ids of this node: by_start_/by_end_[begin, begin + count)
    std::uint32_t count;
    std::int32_t left = -1;
    std::int32_t right = -1;
  };
  std::int32_t build(std::vector<std::uint32_t>& ids, std::span<const TimeSpan32> spans);

  std::vector<Node> nodes_;
  BigVector<std::uint32_t> by_start_;  // per node, ascending possible_from
  BigVector<std::uint32_t> by_end_;    // per node, descending possible_until
  std::int32_t root_ = -1;
};

template <typename Visit>
void IntervalIndex::overlapping(Day32 earliest, Day32 latest, std::span<const TimeSpan32> spans,
                                Visit&& visit) const {
  // Each child holds at most half of its parent's spans, so the tree is at most 33 deep and
  // the stack holds at most one pending sibling per level.
  std::int32_t stack[64];
  int top = 0;
  if (root_ >= 0) stack[top++] = root_;
  while (top > 0) {
    const Node& n = nodes_[static_cast<std::size_t>(stack[--top])];
    const std::uint32_t* s = by_start_.data() + n.begin;
    const std::uint32_t* e = by_end_.data() + n.begin;
    if (latest < n.center) {
      // Every span here ends after the centre, so after `latest`: keep those starting by
      // `latest`. Nothing to the right can start that early.
      for (std::uint32_t i = 0; i < n.count && spans[s[i]].possible_from <= latest; ++i) {
        visit(s[i]);
      }
      if (n.left >= 0) stack[top++] = n.left;
    } else if (earliest > n.center) {
      // Every span here starts by the centre: keep those lasting past `earliest`.
      for (std::uint32_t i = 0; i < n.count && spans[e[i]].possible_until > earliest; ++i) {
        visit(e[i]);
      }
      if (n.right >= 0) stack[top++] = n.right;
    } else {
      for (std::uint32_t i = 0; i < n.count; ++i) visit(s[i]);
      if (n.left >= 0) stack[top++] = n.left;
      if (n.right >= 0) stack[top++] = n.right;
    }
  }
}

// Sets `out` to the ids of the spans whose possible part meets `range`, in ascending order.
// Large answers are put in order through a bitmap over all ids (O(n/64 + answer)), small ones
// by sorting (O(k log k)). Time: O(log n) plus one of those.
void ids_during(const IntervalIndex& index, std::span<const TimeSpan32> spans, DayRange range,
                std::vector<std::uint32_t>& out);

}  // namespace orgraph::detail
