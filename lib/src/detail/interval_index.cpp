#include "detail/interval_index.hpp"

#include <algorithm>
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

IntervalIndex::IntervalIndex(const std::vector<Interval>& intervals) {
  std::vector<std::uint32_t> ids;
  ids.reserve(intervals.size());
  for (std::uint32_t i = 0; i < intervals.size(); ++i) {
    if (intervals[i].from < intervals[i].until) ids.push_back(i);
  }
  by_start_.reserve(ids.size());
  by_end_.reserve(ids.size());
  root_ = build(ids, intervals);
  nodes_.shrink_to_fit();
}

std::int32_t IntervalIndex::build(std::vector<std::uint32_t>& ids,
                                  const std::vector<Interval>& intervals) {
  if (ids.empty()) return -1;
  // The centre is the median of the interval starts: every interval holding it stays here,
  // and the others split into two parts of at most half each... or fewer.
  std::vector<Day32> starts(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) starts[i] = intervals[ids[i]].from;
  auto mid = starts.begin() + static_cast<std::ptrdiff_t>(starts.size() / 2);
  std::nth_element(starts.begin(), mid, starts.end());
  const Day32 center = *mid;

  std::vector<std::uint32_t> left, right, here;
  for (std::uint32_t id : ids) {
    const Interval& iv = intervals[id];
    if (iv.until <= center) {
      left.push_back(id);
    } else if (iv.from > center) {
      right.push_back(id);
    } else {
      here.push_back(id);
    }
  }
  ids.clear();
  ids.shrink_to_fit();

  const auto index = static_cast<std::int32_t>(nodes_.size());
  nodes_.push_back({center, static_cast<std::uint32_t>(by_start_.size()),
                    static_cast<std::uint32_t>(here.size())});
  for (std::uint32_t id : here) {
    by_start_.push_back({intervals[id].from, id});
    by_end_.push_back({intervals[id].until, id});
  }
  auto node_start = by_start_.end() - static_cast<std::ptrdiff_t>(here.size());
  std::sort(node_start, by_start_.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  auto node_end = by_end_.end() - static_cast<std::ptrdiff_t>(here.size());
  std::sort(node_end, by_end_.end(), [](const Entry& a, const Entry& b) { return a.key > b.key; });
  here = {};
  const std::int32_t l = build(left, intervals);
  const std::int32_t r = build(right, intervals);
  nodes_[static_cast<std::size_t>(index)].left = l;
  nodes_[static_cast<std::size_t>(index)].right = r;
  return index;
}

void IntervalIndex::overlapping(Day32 earliest, Day32 latest,
                                std::vector<std::uint32_t>& out) const {
  std::int32_t stack[128];
  int top = 0;
  if (root_ >= 0) stack[top++] = root_;
  while (top > 0) {
    const Node& n = nodes_[static_cast<std::size_t>(stack[--top])];
    const Entry* s = by_start_.data() + n.begin;
    const Entry* e = by_end_.data() + n.begin;
    if (latest < n.center) {
      // Every interval here ends after the centre, so after `latest`: keep those starting
      // by `latest`. Nothing to the right can start that early.
      for (std::uint32_t i = 0; i < n.count && s[i].key <= latest; ++i) out.push_back(s[i].id);
      if (n.left >= 0) stack[top++] = n.left;
    } else if (earliest > n.center) {
      // Every interval here starts by the centre: keep those lasting past `earliest`.
      for (std::uint32_t i = 0; i < n.count && e[i].key > earliest; ++i) out.push_back(e[i].id);
      if (n.right >= 0) stack[top++] = n.right;
    } else {
      for (std::uint32_t i = 0; i < n.count; ++i) out.push_back(s[i].id);
      if (n.left >= 0) stack[top++] = n.left;
      if (n.right >= 0) stack[top++] = n.right;
    }
  }
}

std::size_t IntervalIndex::memory_bytes() const {
  return nodes_.capacity() * sizeof(Node) + by_start_.capacity() * sizeof(Entry) +
         by_end_.capacity() * sizeof(Entry);
}

}  // namespace orgraph::detail
