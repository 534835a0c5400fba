#pragma once

// Loading graphs from files and directories.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <vector>

#include "orgraph/diagnostic.hpp"
#include "orgraph/graph.hpp"
#include "orgraph/io/dot_reader.hpp"

namespace orgraph {

struct LoadOptions {
  // Receives every warning of a successful load (a failed one carries them in load_error).
  std::function<void(const Diagnostic&)> on_warning;
  // Files larger than this are refused with an error naming the limit.
  std::uint64_t max_file_bytes = std::uint64_t{1} << 30;
  // The longest single token a file may hold (a DOT string, name or comment line; a JSON string;
  // see io::ReadLimits).
  std::size_t max_token_bytes = io::ReadLimits{}.max_token_bytes;
  // The deepest nesting of DOT subgraphs and of JSON arrays and objects.
  std::size_t max_nesting = io::ReadLimits{}.max_nesting;
};

// The graph files `paths` name: files as given, directories replaced by the `.gv`/`.dot` (DOT)
// and `.jsonl`/`.ndjson` (JSON lines) files
// directly inside them, sorted by name. A file reached twice (named twice, or through a
// symbolic link) is listed once, where first reached. Throws load_error for a missing path or a
// directory without graph files. Time: O(files log files).
std::vector<std::filesystem::path> graph_files(std::span<const std::filesystem::path> paths);

// Loads one or several files (or directories, see graph_files) as one graph: ids are shared
// across files. Throws load_error carrying every diagnostic when any file has an error; the
// graph is never returned partially loaded. Thread-safe. Time: O(input size · log).
TemporalGraph load(std::span<const std::filesystem::path> paths, const LoadOptions& options = {});

// As above, for one file or directory.
TemporalGraph load(const std::filesystem::path& path, const LoadOptions& options = {});

}  // namespace orgraph
