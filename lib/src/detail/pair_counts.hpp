#pragma once

// A count per pair of 32-bit ids (private to the library): the edge weights a projection series
// keeps up to date, where std::unordered_map's node per entry and pointer chase per lookup were
// most of the cost. Open addressing with linear probing over a power-of-two table at most half
// full; an entry whose count falls to zero is removed by shifting its successors back (no
// tombstones), so lookups stay short however many pairs come and go.

#include <cstdint>
#include <utility>
#include <vector>

namespace orgraph::detail {

class PairCounts {
 public:
  PairCounts() { slots_.assign(16, Slot{}); }

  // Adds `delta` (+1 or −1) to the count of (a, b) and returns the new count; a pair counted
  // down to zero is removed. Precondition: a count never goes below zero. Time: O(1) expected.
  std::uint32_t add(std::uint32_t a, std::uint32_t b, int delta) {
    const std::uint64_t key = std::uint64_t{a} << 32 | b;
    std::size_t i = home(key);
    while (slots_[i].count != 0 && slots_[i].key != key) i = (i + 1) & mask();
    Slot& slot = slots_[i];
    if (delta > 0) {
      if (slot.count == 0) {
        slot.key = key;
        if (++size_ * 2 > slots_.size()) {
          ++slot.count;
          grow();
          return 1;
        }
      }
      return ++slot.count;
    }
    if (--slot.count > 0) return slot.count;
    --size_;
    erase_at(i);
    return 0;
  }

  std::size_t size() const { return size_; }

  // Calls f(a, b, count) for every pair counted, in no particular order. Time: O(capacity).
  template <typename F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.count != 0) {
        f(static_cast<std::uint32_t>(s.key >> 32), static_cast<std::uint32_t>(s.key), s.count);
      }
    }
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t count = 0;  // 0: empty
  };

  std::size_t mask() const { return slots_.size() - 1; }
  // Fibonacci hashing: the high bits of key × 2^64/φ.
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  // Empties slot i and moves back the entries after it that would no longer be found.
  void erase_at(std::size_t i) {
    std::size_t j = i;
    for (;;) {
      j = (j + 1) & mask();
      if (slots_[j].count == 0) break;
      const std::size_t k = home(slots_[j].key);
      // Entry j may move to i when its home k is not cyclically in (i, j].
      if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = Slot{};
  }

  void grow() {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots_.size() * 2));
    --shift_;
    for (const Slot& s : old) {
      if (s.count == 0) continue;
      std::size_t i = home(s.key);
      while (slots_[i].count != 0) i = (i + 1) & mask();
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  unsigned shift_ = 64 - 4;  // log2(capacity) bits of the hash
  std::size_t size_ = 0;
};

}  // namespace orgraph::detail
