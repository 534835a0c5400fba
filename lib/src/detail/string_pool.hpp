#pragma once

// Interned, stable strings: each distinct string is stored once in append-only blocks, so the
// string_views handed out stay valid while the pool lives (also after a move).

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace orgraph::detail {

using StringId = std::uint32_t;  // 0 is always the empty string

class StringPool {
 public:
  StringPool() {
    ids_.reserve(1024);
    views_.push_back({});
  }

  // The id of `text`, storing a copy the first time it is seen. Time: O(|text|) expected.
  StringId intern(std::string_view text, bool* inserted = nullptr) {
    if (text.empty()) {
      if (inserted) *inserted = false;
      return 0;
    }
    auto it = ids_.find(text);
    if (it != ids_.end()) {
      if (inserted) *inserted = false;
      return it->second;
    }
    std::string_view stored = store(text);
    auto id = static_cast<StringId>(views_.size());
    views_.push_back(stored);
    ids_.emplace(stored, id);
    if (inserted) *inserted = true;
    return id;
  }

  // The id of `text` if it was interned. Time: O(|text|) expected.
  std::optional<StringId> lookup(std::string_view text) const {
    if (text.empty()) return StringId{0};
    auto it = ids_.find(text);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }

  std::string_view view(StringId id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }
  const std::vector<std::string_view>& views() const { return views_; }

  // Drops the lookup table once no more strings will be added (the views stay).
  void freeze() { ids_ = {}; }

  std::size_t memory_bytes() const {
    return bytes_ + views_.capacity() * sizeof(std::string_view) +
           ids_.size() * (sizeof(std::string_view) + sizeof(StringId) + 2 * sizeof(void*));
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
  std::unordered_map<std::string_view, StringId> ids_;
};

}  // namespace orgraph::detail
