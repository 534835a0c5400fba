#pragma once

// Writing files so that they are either complete or untouched: the content goes to a temporary
// file beside the target, which is renamed over it only once everything was written.

#include <filesystem>
#include <functional>
#include <ostream>
#include <vector>

#include "orgraph/error.hpp"

namespace orgraph::io {

// Thrown when an output file cannot be created, written or renamed into place. Bad output, not
// bad input: the message names the file and the system's reason.
class write_error : public error {
 public:
  using error::error;
};

// Calls `write` with a binary stream on a new temporary file in `path`'s directory, syncs it to
// the disk, then renames it to `path` (atomically on POSIX file systems) and syncs the directory
// (best effort). A file that replaces a regular file gets its permission bits; a new one has
// 0666 less the umask. When `write` throws or the stream fails (disk full), the temporary file
// is removed, `path` is left as it was, and the exception (or a write_error) propagates.
// Time: O(bytes written).
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

// Several files that appear together or not at all (entities.csv and relations.csv): each is
// written to a temporary file first; commit() renames them all into place. Files not committed
// are removed by the destructor. Movable, not copyable.
class AtomicFileSet {
 public:
  AtomicFileSet() = default;
  AtomicFileSet(AtomicFileSet&&) noexcept = default;
  AtomicFileSet& operator=(AtomicFileSet&&) noexcept = default;
  AtomicFileSet(const AtomicFileSet&) = delete;
  AtomicFileSet& operator=(const AtomicFileSet&) = delete;
  ~AtomicFileSet();

  // Writes the content of `path` to its temporary file; throws write_error (or what `write`
  // throws) and then removes that temporary file. Time: O(bytes written).
  void add(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

  // Renames every temporary file to its target, in the order added; throws write_error when a
  // rename fails (targets renamed before it stay replaced). Time: O(files).
  void commit();

 private:
  struct Pending {
    std::filesystem::path temporary;
    std::filesystem::path target;
  };
  std::vector<Pending> pending_;
};

}  // namespace orgraph::io
