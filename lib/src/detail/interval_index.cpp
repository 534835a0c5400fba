#include "detail/interval_index.hpp"

#include <algorithm>
#include <array>
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

namespace {

// Sorts records by `from` (signed), keeping the order of equal keys: a least-significant-digit
// radix sort, one pass per byte that is not the same in every key. Time: O(n).
template <typename Record>
void radix_sort_by_from(std::vector<Record>& records) {
  std::vector<Record> buffer(records.size());
  auto key = [](const Record& r) { return static_cast<std::uint32_t>(r.from) ^ 0x80000000u; };
  for (int shift = 0; shift < 32; shift += 8) {
    std::array<std::size_t, 257> counts{};
    for (const Record& r : records) ++counts[((key(r) >> shift) & 0xFF) + 1];
    if (std::find(counts.begin(), counts.end(), records.size()) != counts.end()) continue;
    for (std::size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
    for (const Record& r : records) buffer[counts[(key(r) >> shift) & 0xFF]++] = r;
    records.swap(buffer);
  }
}

}  // namespace

IntervalIndex::IntervalIndex(std::span<const TimeSpan32> spans) {
  std::vector<Keyed> keyed;
  keyed.reserve(spans.size());
  for (std::uint32_t i = 0; i < spans.size(); ++i) {
    if (spans[i].possible_from < spans[i].possible_until) {
      keyed.push_back({spans[i].possible_from, spans[i].possible_until, i});
    }
  }
  radix_sort_by_from(keyed);  // by start, then id (the ids came in order)
  by_start_.reserve(keyed.size());
  by_end_.reserve(keyed.size());
  std::vector<Keyed> scratch(keyed.size());
  root_ = build(keyed.data(), keyed.size(), scratch.data());
  nodes_.shrink_to_fit();
  start_samples_.resize((by_start_.size() + kSample - 1) / kSample);
  end_samples_.resize(start_samples_.size());
  for (std::size_t i = 0; i < start_samples_.size(); ++i) {
    start_samples_[i] = spans[by_start_[i * kSample]].possible_from;
    end_samples_[i] = spans[by_end_[i * kSample]].possible_until;
  }
}

std::int32_t IntervalIndex::build(Keyed* recs, std::size_t count, Keyed* scratch) {
  if (count == 0) return -1;
  // The centre is the median of the starts: every span holding it stays here, and the others
  // split into two parts of at most half each. The records are sorted by start, so those
  // starting after the centre (the right part) are the last ones, and a stable pass over the
  // others moves the left part to the front and this node's spans into `scratch`, all still in
  // order of start.
  const Day32 center = recs[count / 2].from;
  Keyed* const right = std::upper_bound(recs, recs + count, center,
                                        [](Day32 c, const Keyed& r) { return c < r.from; });
  std::size_t left_count = 0, here_count = 0;
  for (Keyed* r = recs; r != right; ++r) {
    if (r->until <= center) {
      recs[left_count++] = *r;
    } else {
      scratch[here_count++] = *r;
    }
  }
  const auto begin = static_cast<std::uint32_t>(by_start_.size());
  for (std::size_t i = 0; i < here_count; ++i) by_start_.push_back(scratch[i].id);
  // By end, latest first; equal ends keep id order.
  std::sort(scratch, scratch + here_count, [](const Keyed& a, const Keyed& b) {
    return a.until != b.until ? a.until > b.until : a.id < b.id;
  });
  for (std::size_t i = 0; i < here_count; ++i) by_end_.push_back(scratch[i].id);
  const auto index = static_cast<std::int32_t>(nodes_.size());
  nodes_.push_back({center, begin, static_cast<std::uint32_t>(here_count)});
  const std::int32_t l = build(recs, left_count, scratch);
  const std::int32_t r = build(right, static_cast<std::size_t>(recs + count - right), scratch);
  nodes_[static_cast<std::size_t>(index)].left = l;
  nodes_[static_cast<std::size_t>(index)].right = r;
  return index;
}

namespace {

// How many ids of one node's list, from its start at `begin`, have a key that `keep` accepts,
// given that it accepts a prefix of the list. samples[j] is the key of ids[kSample * j]: a
// binary search over the samples inside the node bounds the prefix to kSample positions, and
// only those keys are read from the spans. Time: O(log count + kSample).
template <typename Key, typename Keep>
std::uint32_t prefix_length(const std::uint32_t* ids, const Day32* samples, std::uint32_t begin,
                            std::uint32_t count, std::uint32_t sample, Key&& key_of, Keep&& keep) {
  const std::uint32_t end = begin + count;
  const Day32* first = samples + (begin + sample - 1) / sample;  // samples inside the node
  const Day32* last = samples + (end + sample - 1) / sample;
  const Day32* missed = std::partition_point(first, last, keep);  // the first sample not kept
  // Every id up to the last kept sample is kept; the ids after it, before the missed one, are
  // read one by one.
  std::uint32_t i =
      missed == first ? begin : static_cast<std::uint32_t>(missed - samples - 1) * sample + 1;
  const std::uint32_t stop =
      missed == last ? end : static_cast<std::uint32_t>(missed - samples) * sample;
  while (i < stop && keep(key_of(ids[i]))) ++i;
  return i - begin;
}

}  // namespace

void IntervalIndex::overlapping(Day32 earliest, Day32 latest, std::span<const TimeSpan32> spans,
                                std::vector<Run>& out) const {
  // Each child holds at most half of its parent's spans, so the tree is at most 33 deep and
  // the stack holds at most one pending sibling per level.
  std::int32_t stack[64];
  int top = 0;
  if (root_ >= 0) stack[top++] = root_;
  while (top > 0) {
    const Node& n = nodes_[static_cast<std::size_t>(stack[--top])];
    if (latest < n.center) {
      // Every span here ends after the centre, so after `latest`: keep those starting by
      // `latest`. Nothing to the right can start that early.
      const std::uint32_t kept = prefix_length(
          by_start_.data(), start_samples_.data(), n.begin, n.count, kSample,
          [&](std::uint32_t id) { return spans[id].possible_from; },
          [&](Day32 from) { return from <= latest; });
      if (kept > 0) out.push_back({by_start_.data() + n.begin, kept});
      if (n.left >= 0) stack[top++] = n.left;
    } else if (earliest > n.center) {
      // Every span here starts by the centre: keep those lasting past `earliest`.
      const std::uint32_t kept = prefix_length(
          by_end_.data(), end_samples_.data(), n.begin, n.count, kSample,
          [&](std::uint32_t id) { return spans[id].possible_until; },
          [&](Day32 until) { return until > earliest; });
      if (kept > 0) out.push_back({by_end_.data() + n.begin, kept});
      if (n.right >= 0) stack[top++] = n.right;
    } else {
      if (n.count > 0) out.push_back({by_start_.data() + n.begin, n.count});
      if (n.left >= 0) stack[top++] = n.left;
      if (n.right >= 0) stack[top++] = n.right;
    }
  }
}

void ids_during(const IntervalIndex& index, std::span<const TimeSpan32> spans, DayRange range,
                std::vector<std::uint32_t>& out) {
  out.clear();
  if (range.latest < range.earliest) return;
  std::vector<IntervalIndex::Run> runs;
  index.overlapping(to_day32(range.earliest), to_day32(range.latest), spans, runs);
  std::size_t count = 0;
  for (const IntervalIndex::Run& run : runs) count += run.count;
  // Sorting k ids costs about k log k steps, the bitmap n/64 word scans plus k bit sets.
  if (count * 64 < spans.size()) {
    out.reserve(count);
    for (const IntervalIndex::Run& run : runs)
      out.insert(out.end(), run.first, run.first + run.count);
    std::sort(out.begin(), out.end());
    return;
  }
  std::vector<std::uint64_t> bits((spans.size() + 63) / 64, 0);
  for (const IntervalIndex::Run& run : runs) {
    for (const std::uint32_t id : std::span(run.first, run.count)) {
      bits[id / 64] |= std::uint64_t{1} << (id % 64);
    }
  }
  out.resize(count);
  std::uint32_t* next = out.data();
  for (std::size_t w = 0; w < bits.size(); ++w) {
    for (std::uint64_t word = bits[w]; word != 0; word &= word - 1) {
      *next++ = static_cast<std::uint32_t>(w * 64 + static_cast<unsigned>(std::countr_zero(word)));
    }
  }
}

std::size_t IntervalIndex::memory_bytes() const {
  return nodes_.capacity() * sizeof(Node) +
         (by_start_.capacity() + by_end_.capacity()) * sizeof(std::uint32_t) +
         (start_samples_.capacity() + end_samples_.capacity()) * sizeof(Day32);
}

}  // namespace orgraph::detail
