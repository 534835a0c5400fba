// The private building blocks of TemporalGraph's storage: the string pool and the time index.

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "detail/interval_index.hpp"
#include "detail/string_pool.hpp"

using orgraph::detail::IntervalIndex;
using orgraph::detail::StringPool;
using orgraph::detail::TimeSpan32;

TEST_CASE("string pool: ids are stable and texts survive block boundaries and long strings") {
  StringPool pool;
  CHECK(pool.intern("") == 0);
  CHECK(pool.view(0).empty());
  std::vector<std::string> texts;
  std::mt19937 random(7);
  for (int i = 0; i < 20000; ++i) {
    // Mostly short names, now and then one longer than a quarter block (a block of its own).
    const std::size_t length = i % 997 == 0 ? 40000 + i : 1 + random() % 60;
    std::string text(length, static_cast<char>('a' + i % 26));
    text += std::to_string(i);
    texts.push_back(text);
  }
  std::vector<orgraph::detail::StringId> ids;
  for (const std::string& t : texts) {
    bool inserted = false;
    ids.push_back(pool.intern(t, &inserted));
    CHECK(inserted);
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    bool inserted = true;
    REQUIRE(pool.intern(texts[i], &inserted) == ids[i]);
    CHECK_FALSE(inserted);
    REQUIRE(pool.lookup(texts[i]) == ids[i]);
  }
  CHECK_FALSE(pool.lookup("not there").has_value());
  StringPool moved = std::move(pool);
  moved.freeze();
  for (std::size_t i = 0; i < texts.size(); ++i) REQUIRE(moved.view(ids[i]) == texts[i]);
  CHECK(moved.size() == texts.size() + 1);
}

TEST_CASE("interval index: answers equal a scan, with open sides and empty spans") {
  constexpr orgraph::detail::Day32 kMin = INT32_MIN, kMax = INT32_MAX;
  std::mt19937 random(11);
  std::vector<TimeSpan32> spans;
  for (int i = 0; i < 3000; ++i) {
    orgraph::detail::Day32 from = static_cast<orgraph::detail::Day32>(random() % 2000);
    orgraph::detail::Day32 until = from + static_cast<orgraph::detail::Day32>(random() % 300) - 20;
    if (i % 17 == 0) from = kMin;
    if (i % 23 == 0) until = kMax;
    spans.push_back({from, from, until, until});
  }
  const IntervalIndex index(spans);
  for (int q = 0; q < 500; ++q) {
    const orgraph::Day earliest = static_cast<orgraph::Day>(random() % 2400) - 200;
    const orgraph::Day latest = earliest + static_cast<orgraph::Day>(random() % (q % 2 ? 3 : 400));
    std::vector<std::uint32_t> expected;
    for (std::uint32_t id = 0; id < spans.size(); ++id) {
      const TimeSpan32& s = spans[id];
      if (s.possible_from < s.possible_until && s.possible_from <= latest &&
          s.possible_until > earliest) {
        expected.push_back(id);
      }
    }
    std::vector<std::uint32_t> found;
    orgraph::detail::ids_during(index, spans, {earliest, latest}, found);
    REQUIRE(found == expected);  // ascending, through the bitmap or the sort
  }
  std::vector<std::uint32_t> none;
  orgraph::detail::ids_during(index, spans, {10, 5}, none);
  CHECK(none.empty());
}

// A node's ids are handed over in runs bounded through every 16th key: spans that all hold one
// day make one large node (the root), whose prefixes must end at the right id whatever their
// length, with runs of equal keys across the sampled positions.
TEST_CASE("interval index: large nodes answer through their sampled keys") {
  std::mt19937 random(5);
  std::vector<TimeSpan32> spans;
  for (int i = 0; i < 5000; ++i) {
    const auto from = 1000 - static_cast<orgraph::detail::Day32>(random() % (i % 3 ? 400 : 4));
    const auto until = 1001 + static_cast<orgraph::detail::Day32>(random() % (i % 5 ? 400 : 4));
    spans.push_back({from, from, until, until});
  }
  const IntervalIndex index(spans);
  for (orgraph::Day earliest = 550; earliest < 1450; ++earliest) {
    for (const orgraph::Day length : {0, 2, 37}) {
      const orgraph::Day latest = earliest + length;
      std::vector<std::uint32_t> expected;
      for (std::uint32_t id = 0; id < spans.size(); ++id) {
        if (spans[id].possible_from <= latest && spans[id].possible_until > earliest) {
          expected.push_back(id);
        }
      }
      std::vector<std::uint32_t> found;
      orgraph::detail::ids_during(index, spans, {earliest, latest}, found);
      CAPTURE(earliest);
      CAPTURE(latest);
      REQUIRE(found == expected);
    }
  }
}
