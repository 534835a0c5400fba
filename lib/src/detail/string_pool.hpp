#pragma once

// Interned, stable strings: each distinct string is stored once in append-only blocks, so the
// string_views handed out stay valid while the pool lives (also after a move). A string costs
// its bytes plus an 8-byte reference (and a 24-byte lookup slot until the pool is frozen).

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "detail/huge_pages.hpp"

namespace orgraph::detail {

using StringId = std::uint32_t;  // 0 is always the empty string

class StringPool {
 public:
  StringPool() {
    refs_.push_back(0);  // id 0: the empty string (own=0, block 0, offset 0, length 0)
    slots_.resize(1024);
  }

  // The id of `text`, storing a copy the first time it is seen. Time: O(|text|) expected.
  StringId intern(std::string_view text, bool* inserted = nullptr) {
    return intern(text, hash_of(text), inserted);
  }
  // intern() of a text whose hash_of() is known. Time: O(|text|) expected.
  StringId intern(std::string_view text, std::uint32_t hash, bool* inserted = nullptr) {
    if (inserted) *inserted = false;
    if (text.empty()) return 0;
    Slot& slot = slots_[find_slot(text, hash)];
    if (slot.id != 0) return slot.id;
    const auto id = static_cast<StringId>(refs_.size());
    refs_.push_back(store(text));
    slot = make_slot(text, hash, id);
    if (inserted) *inserted = true;
    if (refs_.size() * 2 > slots_.size()) grow();
    return id;
  }

  // The id of `text` if it was interned (and the pool is not frozen). Time: O(|text|) expected.
  std::optional<StringId> lookup(std::string_view text) const {
    if (text.empty()) return StringId{0};
    if (slots_.empty()) return std::nullopt;
    const Slot& slot = slots_[find_slot(text, hash_of(text))];
    if (slot.id == 0) return std::nullopt;
    return slot.id;
  }

  // The hash intern() and lookup() use for `text`. Time: O(|text|).
  static std::uint32_t hash_of(std::string_view text) {
    const std::size_t h = std::hash<std::string_view>{}(text);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  // Starts loading the lookup slot of a string with this hash into the cache, so that an
  // intern() of it a little later does not wait for memory. Time: O(1).
  void prefetch(std::uint32_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }

  // The text of `id`. Time: O(1).
  std::string_view view(StringId id) const {
    const std::uint64_t ref = refs_[id];
    if (ref == 0) return {};  // only the empty string has length 0
    const std::size_t block = (ref >> kBlockShift) & kBlockMask;
    if (ref & kOwnBit) return {blocks_[block].get(), ref & kOwnLengthMask};
    return {blocks_[block].get() + ((ref >> kLengthBits) & kOffsetMask), ref & kLengthMask};
  }
  std::size_t size() const { return refs_.size(); }

  // Drops the lookup table once no more strings will be added (the texts stay) and trims the
  // references to their size. Assigning `{}` would keep the table's capacity: it is swapped out.
  void freeze() {
    BigVector<Slot>().swap(slots_);
    refs_.shrink_to_fit();
  }

  std::size_t memory_bytes() const {
    return bytes_ + blocks_.capacity() * sizeof(blocks_[0]) +
           refs_.capacity() * sizeof(std::uint64_t) + slots_.capacity() * sizeof(Slot);
  }

 private:
  // A slot of the lookup table holds the string's hash and id and, for a string of at most
  // kInline bytes (ids, dates, kinds, source lists: most lookups), the string itself, so that
  // a lookup touches one cache line, not the slot, the reference and the text. A longer string
  // keeps its first kInline bytes there, which settle most mismatches. Id 0 marks an empty slot
  // (the empty string is never stored).
  static constexpr std::size_t kInline = 15;
  static constexpr std::uint8_t kLong = 0xFF;
  struct Slot {
    std::uint32_t hash = 0;
    StringId id = 0;
    std::uint8_t length = 0;  // kLong: longer than kInline
    char text[kInline] = {};
  };
  static_assert(sizeof(Slot) == 24);

  static Slot make_slot(std::string_view text, std::uint32_t hash, StringId id) {
    Slot slot;
    slot.hash = hash;
    slot.id = id;
    slot.length = text.size() <= kInline ? static_cast<std::uint8_t>(text.size()) : kLong;
    std::memcpy(slot.text, text.data(), std::min(text.size(), kInline));
    return slot;
  }

  bool holds(const Slot& slot, std::string_view text, std::uint32_t hash) const {
    if (slot.hash != hash) return false;
    if (text.size() <= kInline) {
      return slot.length == text.size() && std::memcmp(slot.text, text.data(), text.size()) == 0;
    }
    return slot.length == kLong && std::memcmp(slot.text, text.data(), kInline) == 0 &&
           view(slot.id) == text;
  }

  // An open-addressing table with linear probing: the slot holding `text`, or the empty slot
  // where it would go. The table is at most half full.
  std::size_t find_slot(std::string_view text, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const Slot& s = slots_[slot];
      if (s.id == 0 || holds(s, text, hash)) return slot;
    }
  }

  void grow() {
    BigVector<Slot> bigger(slots_.size() * 2);
    const std::size_t mask = bigger.size() - 1;
    for (const Slot& s : slots_) {
      if (s.id == 0) continue;
      std::size_t slot = s.hash & mask;
      while (bigger[slot].id != 0) slot = (slot + 1) & mask;
      bigger[slot] = s;
    }
    slots_ = std::move(bigger);
  }

  // A string's reference in 8 bytes: [own:1][block:27][offset:16][length:20] for a string in
  // a shared 64 KiB block, [own:1][block:27][length:36] for one in a block of its own.
  static constexpr int kLengthBits = 20;
  static constexpr int kBlockShift = 36;
  static constexpr std::uint64_t kOwnBit = std::uint64_t{1} << 63;
  static constexpr std::uint64_t kBlockMask = (std::uint64_t{1} << 27) - 1;
  static constexpr std::uint64_t kOffsetMask = 0xFFFF;
  static constexpr std::uint64_t kLengthMask = (std::uint64_t{1} << kLengthBits) - 1;
  static constexpr std::uint64_t kOwnLengthMask = (std::uint64_t{1} << kBlockShift) - 1;
  static constexpr std::size_t kBlock = 1 << 16;

  std::uint64_t store(std::string_view text) {
    if (blocks_.size() > kBlockMask || text.size() > kOwnLengthMask) {
      throw std::length_error("string pool: too many or too long strings");
    }
    if (text.size() > kBlock / 4) {  // large strings get a block of their own
      blocks_.push_back(std::make_unique<char[]>(text.size()));
      std::memcpy(blocks_.back().get(), text.data(), text.size());
      bytes_ += text.size();
      return kOwnBit | std::uint64_t{blocks_.size() - 1} << kBlockShift | text.size();
    }
    if (open_block_ == kNone || used_ + text.size() > kBlock) {
      blocks_.push_back(std::make_unique<char[]>(kBlock));
      open_block_ = blocks_.size() - 1;
      used_ = 0;
      bytes_ += kBlock;
    }
    std::memcpy(blocks_[open_block_].get() + used_, text.data(), text.size());
    const std::uint64_t ref = std::uint64_t{open_block_} << kBlockShift |
                              std::uint64_t{used_} << kLengthBits | text.size();
    used_ += text.size();
    return ref;
  }

  static constexpr std::size_t kNone = SIZE_MAX;
  std::vector<std::unique_ptr<char[]>> blocks_;  // shared 64 KiB blocks and single long strings
  std::size_t open_block_ = kNone;               // the shared block being filled
  std::size_t used_ = 0;
  std::size_t bytes_ = 0;
  BigVector<std::uint64_t> refs_;  // by StringId
  BigVector<Slot> slots_;          // the lookup table, while not frozen
};

}  // namespace orgraph::detail
