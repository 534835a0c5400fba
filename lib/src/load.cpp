#include "orgraph/load.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>

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

// Reads a whole file, or reports why it cannot be read.
bool read_file(const fs::path& path, std::uint64_t limit, std::string& text,
               GraphBuilder& builder) {
  std::error_code ec;
  // A FIFO, socket or device named like a graph file would block or never end.
  if (const auto status = fs::status(path, ec); !ec && !fs::is_regular_file(status)) {
    builder.add_diagnostic(file_error(path, "cannot read file: not a regular file"));
    return false;
  }
  const auto size = fs::file_size(path, ec);
  if (ec) {
    builder.add_diagnostic(file_error(path, "cannot read file: " + ec.message()));
    return false;
  }
  if (size > limit) {
    builder.add_diagnostic(file_error(
        path, fmt::format("file is {} bytes, over the limit of {} bytes", size, limit),
        "raise LoadOptions::max_file_bytes (orgraph --max-file-bytes) for larger files"));
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  text.resize(size);
  if (!in.read(text.data(), static_cast<std::streamsize>(size))) {
    builder.add_diagnostic(file_error(path, "cannot read file"));
    return false;
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
  std::string text;
  const io::ReadLimits limits{.max_token_bytes = options.max_token_bytes,
                              .max_nesting = options.max_nesting};
  for (const fs::path& file : graph_files(paths)) {
    if (!read_file(file, options.max_file_bytes, text, builder)) continue;
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
