#pragma once

// Interned, stable strings: each distinct string is stored once in append-only blocks, so the
// string_views handed out stay valid while the pool lives (also after a move).

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace orgraph::detail {

using StringId = std::uint32_t;  // 0 is always the empty string

class StringPool {
 public:
  StringPool() {
    views_.push_back({});
    slots_.assign(1024, 0);
  }

  // The id of `text`, storing a copy the first time it is seen. Time: O(|text|) expected.
  StringId intern(std::string_view text, bool* inserted = nullptr) {
    if (inserted) *inserted = false;
    if (text.empty()) return 0;
    const std::uint32_t hash = hash_of(text);
    std::size_t slot = find_slot(text, hash);
    if (slots_[slot] != 0) return id_of(slots_[slot]);
    const auto id = static_cast<StringId>(views_.size());
    views_.push_back(store(text));
    slots_[slot] = pack(hash, id);
    if (inserted) *inserted = true;
    if (views_.size() * 2 > slots_.size()) grow();
    return id;
  }

  // The id of `text` if it was interned. Time: O(|text|) expected.
  std::optional<StringId> lookup(std::string_view text) const {
    if (text.empty()) return StringId{0};
    if (slots_.empty()) return std::nullopt;
    const std::uint64_t entry = slots_[find_slot(text, hash_of(text))];
    if (entry == 0) return std::nullopt;
    return id_of(entry);
  }

  std::string_view view(StringId id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }
  const std::vector<std::string_view>& views() const { return views_; }

  // Drops the lookup table once no more strings will be added (the views stay).
  void freeze() { slots_ = {}; }

  std::size_t memory_bytes() const {
    return bytes_ + views_.capacity() * sizeof(std::string_view) +
           slots_.capacity() * sizeof(std::uint64_t);
  }

 private:
  static std::uint32_t hash_of(std::string_view text) {
    const std::size_t h = std::hash<std::string_view>{}(text);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }

  // A slot holds the string's hash beside its id, so that probing compares hashes without
  // touching the strings; 0 is an empty slot (id 0, the empty string, is never stored).
  static std::uint64_t pack(std::uint32_t hash, StringId id) {
    return std::uint64_t{hash} << 32 | id;
  }
  static StringId id_of(std::uint64_t entry) { return static_cast<StringId>(entry); }
  static std::uint32_t hash_in(std::uint64_t entry) {
    return static_cast<std::uint32_t>(entry >> 32);
  }

  // An open-addressing table with linear probing: the slot holding `text`, or the empty slot
  // where it would go. The table is at most half full.
  std::size_t find_slot(std::string_view text, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const std::uint64_t entry = slots_[slot];
      if (entry == 0 || (hash_in(entry) == hash && views_[id_of(entry)] == text)) return slot;
    }
  }

  void grow() {
    std::vector<std::uint64_t> bigger(slots_.size() * 2, 0);
    const std::size_t mask = bigger.size() - 1;
    for (std::uint64_t entry : slots_) {
      if (entry == 0) continue;
      std::size_t slot = hash_in(entry) & mask;
      while (bigger[slot] != 0) slot = (slot + 1) & mask;
      bigger[slot] = entry;
    }
    slots_ = std::move(bigger);
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;

  std::string_view store(std::string_view text) {
    if (text.size() > kBlock / 4) {  // large strings get a block of their own
      blocks_.push_back(std::make_unique<char[]>(text.size()));
      std::memcpy(blocks_.back().get(), text.data(), text.size());
      bytes_ += text.size();
      return {blocks_.back().get(), text.size()};
    }
    if (open_.empty() || used_ + text.size() > kBlock) {
      open_.push_back(std::make_unique<char[]>(kBlock));
      used_ = 0;
      bytes_ += kBlock;
    }
    char* at = open_.back().get() + used_;
    std::memcpy(at, text.data(), text.size());
    used_ += text.size();
    return {at, text.size()};
  }

  std::vector<std::unique_ptr<char[]>> blocks_;  // one string each
  std::vector<std::unique_ptr<char[]>> open_;    // shared blocks, the last one being filled
  std::size_t used_ = kBlock;
  std::size_t bytes_ = 0;
  std::vector<std::string_view> views_;
  std::vector<std::uint64_t> slots_;  // the lookup table (hash, id), while not frozen
};

}  // namespace orgraph::detail
