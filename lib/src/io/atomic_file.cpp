#include "orgraph/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ostream>
#include <random>
#include <streambuf>
#include <system_error>

#include <fmt/format.h>

namespace orgraph::io {
namespace {

namespace fs = std::filesystem;

// An output stream buffer over a POSIX file descriptor, which it closes. std::ofstream cannot
// create a file exclusively (O_EXCL), and only an exclusive create makes sure the temporary
// file is a new one: not a symbolic link planted under its name, not another writer's file.
class FileDescriptorBuffer : public std::streambuf {
 public:
  explicit FileDescriptorBuffer(int fd) : fd_(fd) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  FileDescriptorBuffer(const FileDescriptorBuffer&) = delete;
  FileDescriptorBuffer& operator=(const FileDescriptorBuffer&) = delete;
  ~FileDescriptorBuffer() override { close(); }

  // Flushes and waits until the bytes are on the disk (fsync); false when a write or the fsync
  // failed (errno tells why).
  bool flush_to_disk() {
    if (fd_ < 0) return ok_;
    if (sync() != 0) {
      ok_ = false;
    } else if (::fsync(fd_) != 0 && errno != EINVAL) {  // EINVAL: a file that cannot be synced
      ok_ = false;
      errno_ = errno;
    }
    return ok_;
  }

  // Flushes and closes; false when a write or the close failed, now or before (errno tells why).
  bool close() {
    if (fd_ < 0) return ok_;
    if (sync() != 0) ok_ = false;
    if (::close(fd_) != 0 && ok_) {
      ok_ = false;
      errno_ = errno;
    }
    fd_ = -1;
    return ok_;
  }
  int saved_errno() const { return errno_; }

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  int sync() override {
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        errno_ = errno;
        ok_ = false;
        return -1;
      }
      p += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return 0;
  }

 private:
  int fd_;
  bool ok_ = true;
  int errno_ = 0;
  std::array<char, 1 << 16> buffer_;
};

void remove_quietly(const fs::path& p) {
  std::error_code ignored;
  fs::remove(p, ignored);
}

// Creates a new file beside `target` that no other writer picks: NAME.tmp-XXXXXXXX, created
// with O_CREAT | O_EXCL | O_NOFOLLOW, so nothing that already exists (a file, a symbolic link)
// is ever opened. It has the permission bits of the regular file it will replace (a file made
// private stays private), else 0666 less the umask as any new file. Returns its path and
// descriptor.
std::pair<fs::path, int> create_temporary_beside(const fs::path& target) {
  std::random_device random;
  int why = 0;
  struct stat replaced {};
  const bool replaces_file = ::lstat(target.c_str(), &replaced) == 0 && S_ISREG(replaced.st_mode);
  for (int attempt = 0; attempt < 16; ++attempt) {
    fs::path candidate = target;
    candidate += fmt::format(".tmp-{:08x}", random());
    const int fd =
        ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0 && replaces_file && ::fchmod(fd, replaced.st_mode & 0777) != 0) {
      why = errno;
      ::close(fd);
      remove_quietly(candidate);
      break;
    }
    if (fd >= 0) return {candidate, fd};
    why = errno;
    if (why != EEXIST) break;
  }
  throw write_error(
      fmt::format("cannot create a file beside '{}': {}", target.string(), std::strerror(why)));
}

// Writes through `write` into a temporary file beside `target`; returns its path.
fs::path write_temporary(const fs::path& target, const std::function<void(std::ostream&)>& write) {
  const auto [temporary, fd] = create_temporary_beside(target);
  FileDescriptorBuffer buffer(fd);
  std::ostream out(&buffer);
  try {
    write(out);
    out.flush();
  } catch (...) {
    buffer.close();
    remove_quietly(temporary);
    throw;
  }
  const bool stream_ok = static_cast<bool>(out);
  // On the disk before the rename: else a crash soon after could leave the target's name on
  // an empty or partial file, in place of the old complete one.
  if (stream_ok) buffer.flush_to_disk();
  if (!buffer.close() || !stream_ok) {
    remove_quietly(temporary);
    const int why = buffer.saved_errno();
    throw write_error(fmt::format("cannot write '{}': {}", target.string(),
                                  why != 0 ? std::strerror(why) : "write failed (disk full?)"));
  }
  return temporary;
}

// Makes a rename in `directory` durable (best effort: some file systems cannot sync a
// directory, and the file itself is complete either way).
void sync_directory(const fs::path& directory) {
  const int fd =
      ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void rename_into_place(const fs::path& temporary, const fs::path& target) {
  std::error_code ec;
  fs::rename(temporary, target, ec);
  if (ec) {
    remove_quietly(temporary);
    throw write_error(fmt::format("cannot write '{}': {}", target.string(), ec.message()));
  }
  sync_directory(target.parent_path());
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
