#include "orgraph/io/atomic_file.hpp"

#include <fstream>
#include <random>
#include <system_error>

#include <fmt/format.h>

namespace orgraph::io {
namespace {

namespace fs = std::filesystem;

// A name beside `target` that no other writer picks: NAME.tmp-XXXXXXXX, created exclusively.
fs::path temporary_beside(const fs::path& target, std::ofstream& out) {
  std::random_device random;
  for (int attempt = 0; attempt < 16; ++attempt) {
    fs::path candidate = target;
    candidate += fmt::format(".tmp-{:08x}", random());
    std::error_code ec;
    if (fs::exists(candidate, ec)) continue;
    out.open(candidate, std::ios::binary | std::ios::out | std::ios::trunc);
    if (out) return candidate;
  }
  throw write_error(
      fmt::format("cannot create a file beside '{}' (does its directory exist "
                  "and is it writable?)",
                  target.string()));
}

void remove_quietly(const fs::path& p) {
  std::error_code ignored;
  fs::remove(p, ignored);
}

// Writes through `write` into a temporary file beside `target`; returns its path.
fs::path write_temporary(const fs::path& target, const std::function<void(std::ostream&)>& write) {
  std::ofstream out;
  const fs::path temporary = temporary_beside(target, out);
  try {
    write(out);
    out.flush();
    out.close();
  } catch (...) {
    out.close();
    remove_quietly(temporary);
    throw;
  }
  if (!out) {
    remove_quietly(temporary);
    throw write_error(fmt::format("cannot write '{}' (disk full?)", target.string()));
  }
  return temporary;
}

void rename_into_place(const fs::path& temporary, const fs::path& target) {
  std::error_code ec;
  fs::rename(temporary, target, ec);
  if (ec) {
    remove_quietly(temporary);
    throw write_error(fmt::format("cannot write '{}': {}", target.string(), ec.message()));
  }
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  rename_into_place(write_temporary(path, write), path);
}

AtomicFileSet::~AtomicFileSet() {
  for (const Pending& p : pending_) remove_quietly(p.temporary);
}

void AtomicFileSet::add(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  pending_.push_back({write_temporary(path, write), path});
}

void AtomicFileSet::commit() {
  std::vector<Pending> pending = std::move(pending_);
  pending_.clear();
  for (std::size_t i = 0; i < pending.size(); ++i) {
    try {
      rename_into_place(pending[i].temporary, pending[i].target);
    } catch (...) {
      for (std::size_t j = i + 1; j < pending.size(); ++j) remove_quietly(pending[j].temporary);
      throw;
    }
  }
}

}  // namespace orgraph::io
