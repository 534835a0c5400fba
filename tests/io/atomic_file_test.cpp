#include "orgraph/io/atomic_file.hpp"

#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace orgraph {
namespace {

namespace fs = std::filesystem;

// A fresh directory for one test case, removed afterwards.
struct ScratchDirectory {
  fs::path path;
  ScratchDirectory() {
    path = fs::temp_directory_path() /
           ("orgraph-atomic-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  // The names in the directory, sorted.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(path)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::string content(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const fs::path& p, std::string_view text) { std::ofstream(p, std::ios::binary) << text; }

}  // namespace

TEST_CASE("write_file_atomically replaces the target and leaves nothing else") {
  ScratchDirectory dir;
  const fs::path target = dir.path / "out.txt";
  put(target, "old");
  io::write_file_atomically(target, [](std::ostream& out) { out << "new " << 42; });
  CHECK(content(target) == "new 42");
  CHECK(dir.names() == std::vector<std::string>{"out.txt"});
}

TEST_CASE("a writer that fails half way leaves the old file as it was") {
  ScratchDirectory dir;
  const fs::path target = dir.path / "out.txt";
  put(target, "old content");
  auto half_then_throw = [](std::ostream& out) {
    out << std::string(200000, 'x');  // more than one buffer: bytes reached the temporary file
    throw std::runtime_error("interrupted");
  };
  CHECK_THROWS_WITH_AS(io::write_file_atomically(target, half_then_throw), "interrupted",
                       std::runtime_error);
  CHECK(content(target) == "old content");
  CHECK(dir.names() == std::vector<std::string>{"out.txt"});
}

TEST_CASE("a full disk is a write_error, and the old file stays") {
  // RLIMIT_FSIZE makes write(2) fail with EFBIG past the limit, as a full disk fails it.
  ScratchDirectory dir;
  const fs::path target = dir.path / "out.txt";
  put(target, "old content");
  rlimit saved{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
  auto* previous = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = saved;
  small.rlim_cur = 4096;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  std::string message;
  try {
    io::write_file_atomically(target, [](std::ostream& out) { out << std::string(1 << 20, 'x'); });
  } catch (const io::write_error& e) {
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, previous);
  CHECK(message == "cannot write '" + target.string() + "': File too large");
  CHECK(content(target) == "old content");
  CHECK(dir.names() == std::vector<std::string>{"out.txt"});
}

TEST_CASE("a target that is a symbolic link is replaced, not written through") {
  ScratchDirectory dir;
  put(dir.path / "victim.txt", "keep me");
  fs::create_symlink("victim.txt", dir.path / "out.txt");
  io::write_file_atomically(dir.path / "out.txt", [](std::ostream& out) { out << "new"; });
  CHECK(content(dir.path / "victim.txt") == "keep me");
  CHECK_FALSE(fs::is_symlink(dir.path / "out.txt"));
  CHECK(content(dir.path / "out.txt") == "new");
}

// Sets the process's umask for its lifetime.
struct UmaskFor {
  mode_t saved;
  explicit UmaskFor(mode_t mask) : saved(::umask(mask)) {}
  UmaskFor(const UmaskFor&) = delete;
  UmaskFor& operator=(const UmaskFor&) = delete;
  ~UmaskFor() { ::umask(saved); }
};

// The permission bits of `p` (not following a symbolic link).
unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

TEST_CASE("a replaced file's permission bits go to the new file; a new file follows the umask") {
  ScratchDirectory dir;
  const fs::path target = dir.path / "out.txt";
  UmaskFor umask_022(022);
  auto write_new = [&] {
    io::write_file_atomically(target, [](std::ostream& out) { out << "new"; });
  };
  SUBCASE("a private file stays private") {
    put(target, "old");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
    write_new();
    CHECK(mode_of(target) == 0600);
  }
  SUBCASE("group bits the umask would take away are kept") {
    put(target, "old");
    fs::permissions(target, static_cast<fs::perms>(0664));
    write_new();
    CHECK(mode_of(target) == 0664);
  }
  SUBCASE("a read-only file is replaced and stays read-only") {
    put(target, "old");
    fs::permissions(target, static_cast<fs::perms>(0444));
    write_new();
    CHECK(mode_of(target) == 0444);
    CHECK(content(target) == "new");
  }
  SUBCASE("set-user-ID and sticky bits are not carried") {
    put(target, "old");
    fs::permissions(target, static_cast<fs::perms>(04755));
    write_new();
    CHECK(mode_of(target) == 0755);
  }
  SUBCASE("a new file: 0666 less the umask") {
    ::umask(027);
    write_new();
    CHECK(mode_of(target) == 0640);
  }
  SUBCASE("a symbolic link replaced: the link's bits are not a file's, so the umask decides") {
    put(dir.path / "victim.txt", "keep me");
    fs::permissions(dir.path / "victim.txt", static_cast<fs::perms>(0600));
    fs::create_symlink("victim.txt", target);
    write_new();
    CHECK(mode_of(target) == 0644);
    CHECK(mode_of(dir.path / "victim.txt") == 0600);
  }
  SUBCASE("AtomicFileSet keeps them too") {
    put(target, "old");
    fs::permissions(target, static_cast<fs::perms>(0600));
    io::AtomicFileSet files;
    files.add(target, [](std::ostream& out) { out << "new"; });
    files.add(dir.path / "fresh.txt", [](std::ostream& out) { out << "new"; });
    files.commit();
    CHECK(mode_of(target) == 0600);
    CHECK(mode_of(dir.path / "fresh.txt") == 0644);
  }
  for (const std::string& name : dir.names()) CHECK(name.find(".tmp-") == std::string::npos);
}

TEST_CASE("a directory that does not exist is a write_error naming the target") {
  ScratchDirectory dir;
  const fs::path target = dir.path / "missing" / "out.txt";
  CHECK_THROWS_WITH_AS(
      io::write_file_atomically(target, [](std::ostream& out) { out << "x"; }),
      ("cannot create a file beside '" + target.string() + "': No such file or directory").c_str(),
      io::write_error);
}

TEST_CASE("AtomicFileSet: all files or none") {
  ScratchDirectory dir;
  put(dir.path / "a.csv", "old a");
  put(dir.path / "b.csv", "old b");
  SUBCASE("a failing second file leaves both targets and no temporary file") {
    {
      io::AtomicFileSet files;
      files.add(dir.path / "a.csv", [](std::ostream& out) { out << "new a"; });
      CHECK_THROWS_AS(
          files.add(dir.path / "b.csv", [](std::ostream&) { throw std::runtime_error("no"); }),
          std::runtime_error);
    }
    CHECK(content(dir.path / "a.csv") == "old a");
    CHECK(content(dir.path / "b.csv") == "old b");
    CHECK(dir.names() == std::vector<std::string>{"a.csv", "b.csv"});
  }
  SUBCASE("commit puts both in place") {
    io::AtomicFileSet files;
    files.add(dir.path / "a.csv", [](std::ostream& out) { out << "new a"; });
    files.add(dir.path / "b.csv", [](std::ostream& out) { out << "new b"; });
    CHECK(content(dir.path / "a.csv") == "old a");  // nothing visible before commit
    files.commit();
    CHECK(content(dir.path / "a.csv") == "new a");
    CHECK(content(dir.path / "b.csv") == "new b");
    CHECK(dir.names() == std::vector<std::string>{"a.csv", "b.csv"});
  }
}

}  // namespace orgraph
