#include "orgraph/load.hpp"

#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/build_errors.hpp"

namespace orgraph {
namespace {

namespace fs = std::filesystem;

// A fresh directory for one test case, removed afterwards.
struct ScratchDirectory {
  fs::path path = fs::temp_directory_path() / ("orgraph-load-" + std::to_string(::getpid()));
  ScratchDirectory() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

// The diagnostics of loading `paths`, as printed; empty when the graph loads.
std::vector<std::string> load_errors(const std::vector<fs::path>& paths) {
  try {
    load(std::span<const fs::path>(paths));
  } catch (const load_error& e) {
    return testing::messages(e);
  }
  return {};
}

}  // namespace

TEST_CASE("load reads regular files, through symbolic links, and refuses anything else") {
  ScratchDirectory dir;
  std::ofstream(dir.path / "a.gv") << "digraph g { a [kind=org name=\"A\"] }\n";
  SUBCASE("a symbolic link to a graph file is followed") {
    fs::create_symlink("a.gv", dir.path / "link.gv");
    const TemporalGraph g = load(dir.path / "link.gv");
    CHECK(g.entity_count() == 1);
  }
  SUBCASE("a FIFO is refused at once, with no writer to wait for") {
    REQUIRE(::mkfifo((dir.path / "pipe.gv").c_str(), 0600) == 0);
    CHECK(load_errors({dir.path / "pipe.gv"}) ==
          std::vector<std::string>{(dir.path / "pipe.gv").string() +
                                   ": error: cannot read file: not a regular file"});
  }
  SUBCASE("a symbolic link to a FIFO too") {
    REQUIRE(::mkfifo((dir.path / "pipe").c_str(), 0600) == 0);
    fs::create_symlink("pipe", dir.path / "pipe.gv");
    CHECK(load_errors({dir.path / "pipe.gv"}) ==
          std::vector<std::string>{(dir.path / "pipe.gv").string() +
                                   ": error: cannot read file: not a regular file"});
  }
  SUBCASE("a socket") {
    const fs::path socket_path = dir.path / "s.gv";
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    REQUIRE(socket_path.string().size() < sizeof(address.sun_path));
    std::strcpy(address.sun_path, socket_path.c_str());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
    CHECK(load_errors({socket_path}) ==
          std::vector<std::string>{socket_path.string() +
                                   ": error: cannot read file: not a regular file"});
    ::close(fd);
  }
}

}  // namespace orgraph
