#include "detail/huge_pages.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#else
#include <cstdlib>
#endif

namespace orgraph::detail {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

std::size_t rounded(std::size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

}  // namespace

#if defined(__linux__)

void* allocate_huge(std::size_t bytes) {
  const std::size_t size = rounded(bytes);
  // Map one huge page more than needed and unmap the ends, so the kept part starts on a 2 MiB
  // boundary: only aligned 2 MiB ranges can be backed by huge pages.
  void* raw =
      mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto begin = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (begin + kHugePage - 1) & ~(kHugePage - 1);
  if (aligned > begin) munmap(raw, aligned - begin);
  if (const std::uintptr_t tail = begin + size + kHugePage - (aligned + size); tail > 0) {
    munmap(reinterpret_cast<void*>(aligned + size), tail);
  }
  void* p = reinterpret_cast<void*>(aligned);
  madvise(p, size, MADV_HUGEPAGE);  // advice: without transparent huge pages, ordinary pages
  return p;
}

void deallocate_huge(void* p, std::size_t bytes) noexcept { munmap(p, rounded(bytes)); }

#else

void* allocate_huge(std::size_t bytes) {
  void* p = std::aligned_alloc(kHugePage, rounded(bytes));
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void deallocate_huge(void* p, std::size_t) noexcept { std::free(p); }

#endif

}  // namespace orgraph::detail
