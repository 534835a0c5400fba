#include "detail/interval_index.hpp"

#include <algorithm>
#include <bit>
#include <limits>

namespace orgraph::detail {

Day32 to_day32(Day day) {
  constexpr Day lo = std::numeric_limits<Day32>::min();
  constexpr Day hi = std::numeric_limits<Day32>::max();
  if (day <= lo) return static_cast<Day32>(lo);
  if (day >= hi) return static_cast<Day32>(hi);
  return static_cast<Day32>(day);
}

Day from_day32(Day32 day) {
  if (day == std::numeric_limits<Day32>::min()) return kOpenEarliest;
  if (day == std::numeric_limits<Day32>::max()) return kOpenLatest;
  return day;
}

IntervalIndex::IntervalIndex(std::span<const TimeSpan32> spans) {
  std::vector<std::uint32_t> ids;
  ids.reserve(spans.size());
  for (std::uint32_t i = 0; i < spans.size(); ++i) {
    if (spans[i].possible_from < spans[i].possible_until) ids.push_back(i);
  }
  by_start_.reserve(ids.size());
  by_end_.reserve(ids.size());
  root_ = build(ids, spans);
  nodes_.shrink_to_fit();
}

std::int32_t IntervalIndex::build(std::vector<std::uint32_t>& ids,
                                  std::span<const TimeSpan32> spans) {
  if (ids.empty()) return -1;
  // The centre is the median of the starts: every span holding it stays here, and the others
  // split into two parts of at most half each.
  std::vector<Day32> starts(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) starts[i] = spans[ids[i]].possible_from;
  auto mid = starts.begin() + static_cast<std::ptrdiff_t>(starts.size() / 2);
  std::nth_element(starts.begin(), mid, starts.end());
  const Day32 center = *mid;
  starts = {};

  std::vector<std::uint32_t> left, right;
  const auto begin = static_cast<std::uint32_t>(by_start_.size());
  for (std::uint32_t id : ids) {
    const TimeSpan32& span = spans[id];
    if (span.possible_until <= center) {
      left.push_back(id);
    } else if (span.possible_from > center) {
      right.push_back(id);
    } else {
      by_start_.push_back(id);
      by_end_.push_back(id);
    }
  }
  ids.clear();
  ids.shrink_to_fit();

  const auto index = static_cast<std::int32_t>(nodes_.size());
  const auto count = static_cast<std::uint32_t>(by_start_.size()) - begin;
  nodes_.push_back({center, begin, count});
  // Ties keep id order, so that equal keys are visited as written.
  std::stable_sort(by_start_.begin() + begin, by_start_.end(),
                   [&](std::uint32_t a, std::uint32_t b) {
                     return spans[a].possible_from < spans[b].possible_from;
                   });
  std::stable_sort(by_end_.begin() + begin, by_end_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return spans[a].possible_until > spans[b].possible_until;
  });
  const std::int32_t l = build(left, spans);
  const std::int32_t r = build(right, spans);
  nodes_[static_cast<std::size_t>(index)].left = l;
  nodes_[static_cast<std::size_t>(index)].right = r;
  return index;
}

void ids_during(const IntervalIndex& index, std::span<const TimeSpan32> spans, DayRange range,
                std::vector<std::uint32_t>& out) {
  out.clear();
  if (range.latest < range.earliest) return;
  index.overlapping(to_day32(range.earliest), to_day32(range.latest), spans,
                    [&out](std::uint32_t id) { out.push_back(id); });
  // Sorting k ids costs about k log k steps, the bitmap n/64 word scans plus k bit sets.
  if (out.size() * 64 < spans.size()) {
    std::sort(out.begin(), out.end());
    return;
  }
  std::vector<std::uint64_t> bits((spans.size() + 63) / 64, 0);
  for (std::uint32_t id : out) bits[id / 64] |= std::uint64_t{1} << (id % 64);
  out.clear();
  for (std::size_t w = 0; w < bits.size(); ++w) {
    for (std::uint64_t word = bits[w]; word != 0; word &= word - 1) {
      out.push_back(
          static_cast<std::uint32_t>(w * 64 + static_cast<unsigned>(std::countr_zero(word))));
    }
  }
}

std::size_t IntervalIndex::memory_bytes() const {
  return nodes_.capacity() * sizeof(Node) + by_start_.capacity() * sizeof(std::uint32_t) +
         by_end_.capacity() * sizeof(std::uint32_t);
}

}  // namespace orgraph::detail
