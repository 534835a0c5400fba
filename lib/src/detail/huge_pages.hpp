#pragma once

// An allocator for the large arrays of a graph and of its builder (private to the library).
//
// Building a graph of a million relations first-touches about 600 MB of fresh memory (the file,
// the builder's records, the built arrays, each vector growing by doubling). In 4 KiB pages that
// is some 150,000 page faults, a third of the load's CPU time on a virtual machine. Arrays of at
// least kMinHugeBytes are allocated aligned to 2 MiB and offered to the kernel's transparent
// huge pages (madvise(MADV_HUGEPAGE), which Debian's default "madvise" mode honours), so they
// fault in 2 MiB at a time. Smaller arrays come from operator new as usual. Where huge pages are
// unavailable the advice is ignored and the arrays behave as ordinary memory.

#include <cstddef>
#include <new>
#include <vector>

namespace orgraph::detail {

// Arrays from this size go on huge pages; smaller ones would waste most of a 2 MiB page.
inline constexpr std::size_t kMinHugeBytes = std::size_t{4} << 20;

// Allocates `bytes` (>= kMinHugeBytes) aligned to 2 MiB, advised for huge pages; throws
// std::bad_alloc when the system has no memory. Time: O(1) (pages fault in on first touch).
void* allocate_huge(std::size_t bytes);
// Frees what allocate_huge(bytes) returned.
void deallocate_huge(void* p, std::size_t bytes) noexcept;

template <typename T>
struct HugePageAllocator {
  using value_type = T;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kMinHugeBytes) return static_cast<T*>(::operator new(bytes));
    return static_cast<T*>(allocate_huge(bytes));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kMinHugeBytes) {
      ::operator delete(p);
    } else {
      deallocate_huge(p, bytes);
    }
  }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

// A vector whose storage, once large, lies on huge pages.
template <typename T>
using BigVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace orgraph::detail
