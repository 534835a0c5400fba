#include "orgraph/load.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <system_error>

#include "detail/huge_pages.hpp"

#include "orgraph/graph_builder.hpp"
#include "orgraph/io/dot_reader.hpp"
#include "orgraph/io/json.hpp"
#include "orgraph/io/jsonl_reader.hpp"

namespace orgraph {
namespace {

namespace fs = std::filesystem;

// Graph formats, by file extension.
enum class FileFormat { none, dot, jsonl, json };

FileFormat format_of(const fs::path& p) {
  const auto ext = p.extension();
  if (ext == ".gv" || ext == ".dot") return FileFormat::dot;
  if (ext == ".jsonl" || ext == ".ndjson") return FileFormat::jsonl;
  if (ext == ".json") return FileFormat::json;  // orgraph's lossless JSON, only when named
  return FileFormat::none;
}

// What a directory contributes (not .json: a directory may hold other JSON documents).
bool is_graph_file(const fs::path& p) {
  return format_of(p) != FileFormat::none && format_of(p) != FileFormat::json;
}

Diagnostic file_error(const fs::path& path, std::string message, std::string hint = {}) {
  return {Severity::error, {path.string(), 0}, std::move(message), {}, std::move(hint)};
}

// A file's bytes. The buffer is not zeroed before the file is read into it, and a large one
// lies on huge pages (detail/huge_pages.hpp): a 150 MB file otherwise costs more in page faults
// and in clearing memory than in parsing.
class FileText {
 public:
  FileText() = default;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText() { release(); }

  char* allocate(std::size_t size) {
    release();
    size_ = size;
    data_ = size >= detail::kMinHugeBytes ? static_cast<char*>(detail::allocate_huge(size))
                                          : new char[size];
    return data_;
  }
  std::string_view view() const { return {data_, size_}; }

 private:
  void release() {
    if (data_ == nullptr) return;
    if (size_ >= detail::kMinHugeBytes) {
      detail::deallocate_huge(data_, size_);
    } else {
      delete[] data_;
    }
    data_ = nullptr;
  }
  char* data_ = nullptr;
  std::size_t size_ = 0;
};

// Closes a descriptor when it goes out of scope.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads a whole file, or reports why it cannot be read. The file is opened before it is
// examined, so what is checked is what is read: a FIFO, socket or device named like a graph
// file (which would block or never end) is refused, and opening one does not block.
bool read_file(const fs::path& path, std::uint64_t limit, FileText& text, GraphBuilder& builder) {
  auto fail = [&](std::string message, std::string hint = {}) {
    builder.add_diagnostic(file_error(path, std::move(message), std::move(hint)));
    return false;
  };
  // O_NONBLOCK: opening a FIFO does not wait for a writer (it is refused below). Symbolic
  // links are followed, as when graph_files found the file.
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0 && errno == ENXIO) return fail("cannot read file: not a regular file");  // socket
  if (file.fd < 0) return fail("cannot read file: " + std::generic_category().message(errno));
  struct stat status {};
  if (::fstat(file.fd, &status) != 0) {
    return fail("cannot read file: " + std::generic_category().message(errno));
  }
  if (!S_ISREG(status.st_mode)) return fail("cannot read file: not a regular file");
  const auto size = static_cast<std::uint64_t>(status.st_size);
  if (size > limit) {
    return fail(fmt::format("file is {} bytes, over the limit of {} bytes", size, limit),
                "raise LoadOptions::max_file_bytes (orgraph --max-file-bytes) for larger files");
  }
  char* data = text.allocate(static_cast<std::size_t>(size));
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::read(file.fd, data + done, static_cast<std::size_t>(size) - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("cannot read file: " + std::generic_category().message(errno));
    if (n == 0) return fail("cannot read file: it became shorter while it was read");
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::vector<fs::path> graph_files(std::span<const fs::path> paths) {
  std::vector<fs::path> files;
  std::vector<Diagnostic> errors;
  // Each file once, however often it is reached (named twice, inside a directory also named, or
  // through a symbolic link): reading a file twice would double its relations.
  std::set<fs::path> seen;
  auto add_file = [&](const fs::path& file) {
    std::error_code ec;
    fs::path key = fs::canonical(file, ec);
    if (ec) key = file;
    if (seen.insert(std::move(key)).second) files.push_back(file);
  };
  for (const fs::path& p : paths) {
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back(file_error(p, "no such file or directory"));
    } else if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(p, ec)) {
        if (entry.is_regular_file() && is_graph_file(entry.path())) found.push_back(entry.path());
      }
      if (ec) {
        errors.push_back(file_error(p, "cannot list directory: " + ec.message()));
      } else if (found.empty()) {
        errors.push_back(
            file_error(p, "directory has no graph files (.gv, .dot, .jsonl or .ndjson)"));
      }
      std::sort(found.begin(), found.end());
      for (const fs::path& file : found) add_file(file);
    } else if (format_of(p) == FileFormat::none) {
      errors.push_back(file_error(p,
                                  fmt::format("unknown graph format '{}'", p.extension().string()),
                                  "graphs are .gv or .dot (DOT), .jsonl or .ndjson (JSON lines) "
                                  "files, or a directory of them"));
    } else {
      add_file(p);
    }
  }
  if (!errors.empty()) throw load_error(std::move(errors));
  return files;
}

TemporalGraph load(std::span<const fs::path> paths, const LoadOptions& options) {
  GraphBuilder builder;
  FileText file_text;
  const io::ReadLimits limits{.max_token_bytes = options.max_token_bytes,
                              .max_nesting = options.max_nesting};
  for (const fs::path& file : graph_files(paths)) {
    if (!read_file(file, options.max_file_bytes, file_text, builder)) continue;
    const std::string_view text = file_text.view();
    if (format_of(file) == FileFormat::json) {
      io::read_json(text, file.string(), builder, limits);
    } else if (format_of(file) == FileFormat::jsonl) {
      io::read_jsonl(text, file.string(), builder, limits);
    } else {
      io::read_dot(text, file.string(), builder, limits);
    }
  }
  return builder.build({.on_warning = options.on_warning});
}

TemporalGraph load(const fs::path& path, const LoadOptions& options) {
  return load(std::span<const fs::path>(&path, 1), options);
}

}  // namespace orgraph
