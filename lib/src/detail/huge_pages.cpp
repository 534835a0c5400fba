#include "detail/huge_pages.hpp"

#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace orgraph::detail {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

std::size_t rounded(std::size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

}  // namespace

void* allocate_huge(std::size_t bytes) {
  // From malloc, not a mapping of our own: malloc maps blocks this large itself, and when one is
  // freed it raises its threshold for mapping (mallopt(3), M_MMAP_THRESHOLD), so that later
  // large allocations anywhere in the program reuse freed memory instead of mapping, faulting
  // in and zeroing fresh pages every time.
  const std::size_t size = rounded(bytes);
  void* p = std::aligned_alloc(kHugePage, size);
  if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__)
  madvise(p, size, MADV_HUGEPAGE);  // advice: without transparent huge pages, ordinary pages
#endif
  return p;
}

void deallocate_huge(void* p, std::size_t) noexcept { std::free(p); }

}  // namespace orgraph::detail
