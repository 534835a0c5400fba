#pragma once

// Two independent pieces of work, run in two threads when it pays (private to the library):
// building a large graph's indexes and checking its consistency.

#include <cstddef>
#include <exception>
#include <thread>

namespace orgraph::detail {

// From this many relations the builder indexes and checks a graph in two threads (below it a
// thread costs more than it saves).
inline constexpr std::size_t kParallelRelations = 100000;

// Runs a() and b(): `a` in a second thread when `parallel` (and the machine has two hardware
// threads), else one after the other. Both always finish; then the first's exception, or the
// second's, is rethrown.
template <typename A, typename B>
void side_by_side(bool parallel, A&& a, B&& b) {
  if (!parallel || std::thread::hardware_concurrency() < 2) {
    a();
    b();
    return;
  }
  std::exception_ptr failure_a, failure_b;
  std::thread thread([&] {
    try {
      a();
    } catch (...) {
      failure_a = std::current_exception();
    }
  });
  try {
    b();
  } catch (...) {
    failure_b = std::current_exception();
  }
  thread.join();
  if (failure_a) std::rethrow_exception(failure_a);
  if (failure_b) std::rethrow_exception(failure_b);
}

}  // namespace orgraph::detail
