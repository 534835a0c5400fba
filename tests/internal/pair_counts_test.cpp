#include "detail/pair_counts.hpp"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <tuple>
#include <utility>

namespace orgraph {

TEST_CASE("PairCounts counts pairs as a map does, through growth and removals (property)") {
  // Few distinct ids, so that pairs collide, come back after removal and probe runs wrap.
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    detail::PairCounts counts;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> expected;
    const std::uint32_t ids = 10 + seed * 20;
    for (int op = 0; op < 20000; ++op) {
      const std::pair<std::uint32_t, std::uint32_t> pair{rng() % ids, rng() % ids};
      auto it = expected.find(pair);
      const bool remove = it != expected.end() && rng() % 2 == 0;
      const std::uint32_t now = counts.add(pair.first, pair.second, remove ? -1 : +1);
      if (remove) {
        if (--it->second == 0) expected.erase(it);
        CHECK(now == (expected.contains(pair) ? expected[pair] : 0));
      } else {
        CHECK(now == ++expected[pair]);
      }
      REQUIRE(counts.size() == expected.size());
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> seen;
    counts.for_each([&](std::uint32_t a, std::uint32_t b, std::uint32_t n) { seen[{a, b}] = n; });
    CHECK(seen == expected);
  }
}

}  // namespace orgraph
