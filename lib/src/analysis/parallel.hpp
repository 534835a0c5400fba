#pragma once

// Deterministic parallel loops for the measures: work is cut into a fixed number of lanes,
// independent of the thread count; threads take whole lanes, and per-lane results are combined
// in lane order afterwards, so a result never depends on how many threads ran.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "orgraph/analysis/centrality.hpp"

namespace orgraph::analysis::detail {

// The number of threads to use: `requested`, or every hardware thread when 0, at most `work`.
inline unsigned thread_count(unsigned requested, std::size_t work) {
  unsigned n = requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, work)));
}

// Shared progress counter: workers add what they finish; the calling thread (thread 0) reports.
class ProgressCounter {
 public:
  ProgressCounter(const Progress& progress, std::size_t total)
      : progress_(progress), total_(total) {}
  void add(std::size_t n, unsigned thread) {
    const std::size_t done = done_.fetch_add(n, std::memory_order_relaxed) + n;
    if (thread == 0 && progress_) progress_(done, total_);
  }
  void finish() {
    if (progress_) progress_(total_, total_);
  }

 private:
  const Progress& progress_;
  std::size_t total_;
  std::atomic<std::size_t> done_{0};
};

// Calls work(lane, thread) for every lane in [0, lanes), on `threads` threads (the calling
// thread is thread 0). Each lane runs entirely on one thread. Rethrows the first exception.
template <class Work>
void for_each_lane(std::size_t lanes, unsigned threads, Work&& work) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&](unsigned thread) {
    try {
      for (std::size_t lane; (lane = next.fetch_add(1)) < lanes;) work(lane, thread);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = lanes;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run, t);
  run(0);
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace orgraph::analysis::detail
