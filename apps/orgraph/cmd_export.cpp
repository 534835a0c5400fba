// orgraph export GRAPH... --to graphml|gexf|json|csv|dot [--at DATE] [--projection P] [-o FILE|DIR]
// [--bom]:
// writes the graph in another format (orgraph/io/*.hpp). Files are written beside their target
// and renamed into place, so an output is either complete or untouched.

#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include <orgraph/analysis/graphml.hpp>
#include <orgraph/analysis/projection.hpp>
#include <orgraph/io/atomic_file.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/dot_writer.hpp>
#include <orgraph/io/gexf.hpp>
#include <orgraph/io/graphml.hpp>
#include <orgraph/io/json.hpp>

#include "centrality_output.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

namespace fs = std::filesystem;

struct ExportCommand {
  std::vector<std::string> graphs;
  std::string to;
  std::string at;
  std::string output = "-";
  bool bom = false;
  // An analysis projection (orgraph centrality --projection) instead of the typed graph.
  std::string projection;
  bool certain_only = false, keep_isolated = false;
};

int usage(const std::string& message) {
  fmt::print(stderr, "orgraph: error: {}\n", message);
  return 2;
}

// The directories that creating `dir` is about to make, removed again (deepest first, each
// only while empty) unless keep() is called: a failed export leaves no new directory behind.
// Not copyable or movable.
class NewDirectories {
 public:
  explicit NewDirectories(fs::path dir) {
    if (!dir.has_filename()) dir = dir.parent_path();  // "out/"
    std::error_code ec;
    while (!dir.empty() && !fs::exists(dir, ec) && dir != dir.parent_path()) {
      made_.push_back(dir);
      dir = dir.parent_path();
    }
  }
  NewDirectories(const NewDirectories&) = delete;
  NewDirectories& operator=(const NewDirectories&) = delete;
  ~NewDirectories() {
    for (const fs::path& dir : made_) {
      std::error_code ec;
      if (fs::is_directory(dir, ec) && fs::is_empty(dir, ec)) fs::remove(dir, ec);
    }
  }

  void keep() { made_.clear(); }

 private:
  std::vector<fs::path> made_;  // deepest first
};

int export_csv(const TemporalGraph& graph, const ExportCommand& c) {
  if (c.output == "-") {
    return usage("--to csv writes three files: give a directory with -o DIR");
  }
  const fs::path dir = c.output;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    return usage(fmt::format("'{}' is not a directory (--to csv writes {}, {} and {} into -o DIR)",
                             c.output, io::kEntitiesCsv, io::kRelationsCsv, io::kGraphCsv));
  }
  // Declared before the files, so that their temporary files are gone when it removes `dir`.
  NewDirectories made(dir);
  fs::create_directories(dir, ec);
  if (ec) throw io::write_error(fmt::format("cannot create '{}': {}", c.output, ec.message()));
  const io::CsvWriteOptions options{.bom = c.bom};
  io::AtomicFileSet files;
  files.add(dir / io::kEntitiesCsv,
            [&](std::ostream& out) { io::write_entities_csv(graph, out, options); });
  files.add(dir / io::kRelationsCsv,
            [&](std::ostream& out) { io::write_relations_csv(graph, out, options); });
  files.add(dir / io::kGraphCsv,
            [&](std::ostream& out) { io::write_graph_csv(graph, out, options); });
  files.commit();
  made.keep();
  return 0;
}

int run_export(const ExportCommand& c) {
  std::optional<Date> at;
  if (!c.at.empty()) {
    at = Date::parse(c.at);  // date_error: a usage error
    if (c.to != "graphml" && c.to != "gexf") {
      return usage(fmt::format(
          "--at applies to --to graphml and gexf; --to {} exports the whole graph", c.to));
    }
  }
  if (c.bom && c.to != "csv") return usage("--bom applies to --to csv");
  if (c.projection.empty() && (c.certain_only || c.keep_isolated)) {
    return usage("--certain-only and --keep-isolated apply to --projection");
  }
  const analysis::ProjectionSpec* spec = nullptr;
  if (!c.projection.empty()) {
    if (c.to != "graphml" || !at) {
      return usage(
          "--projection writes the projection at one date as GraphML: give --to graphml "
          "and --at");
    }
    spec = &analysis::projection_by_name(c.projection);  // query_error: a usage error
  }
  const TemporalGraph graph = load_graph(c.graphs);
  if (c.to == "csv") return export_csv(graph, c);

  std::function<void(std::ostream&)> write;
  if (spec) {
    // Exactly the graph `orgraph centrality --at … --projection …` measures with these options.
    const analysis::ProjectOptions options{
        .certainties = c.certain_only ? analysis::Certainties::certain_only
                                      : analysis::Certainties::certain_and_possible,
        .isolated = c.keep_isolated ? analysis::Isolated::keep : analysis::Isolated::drop};
    // Projected before anything is written: a date before the history is a usage error (exit
    // 2), and with no vertex at the date there is nothing to export (exit 1), as `orgraph
    // centrality` reports them.
    check_not_before_history(graph, *spec, query_range(*at), c.at);
    const analysis::Projection projection =
        analysis::project(graph, query_range(*at), *spec, options);
    if (projection.vertex_count() == 0) throw analysis::empty_projection_error(*spec, c.at);
    write = [projection](std::ostream& out) { analysis::write_graphml(projection, out); };
  } else if (c.to == "json") {
    write = [&](std::ostream& out) { io::write_json(graph, out); };
  } else if (c.to == "dot") {
    write = [&](std::ostream& out) { io::write_dot(graph, out); };
  } else if (c.to == "graphml") {
    write = [&](std::ostream& out) { io::write_graphml(graph, out, {.at = at}); };
  } else {
    write = [&](std::ostream& out) { io::write_gexf(graph, out, {.at = at}); };
  }
  if (c.output == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw io::write_error("cannot write to standard output");
    return 0;
  }
  io::write_file_atomically(c.output, write);
  return 0;
}

}  // namespace

void add_export_command(CLI::App& app, Action& action) {
  auto c = std::make_shared<ExportCommand>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write the graph as GraphML or GEXF (networks, Gephi's timeline), JSON (lossless), CSV "
      "(spreadsheets) or DOT (canonical .gv)");
  cmd->add_option("graph", c->graphs, "graph files or directories")->required();
  cmd->add_option("--to", c->to, "graphml, gexf, json, csv or dot")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "json", "csv", "dot"}));
  cmd->add_option("--at", c->at, "graphml, gexf: export the snapshot at this date (EDTF)");
  cmd->add_option("-o,--output", c->output,
                  "the file to write (- for standard output); for csv, a directory");
  cmd->add_flag("--bom", c->bom, "csv: start each file with a UTF-8 byte order mark");
  cmd->add_option("--projection", c->projection,
                  "graphml at --at: the named analysis projection that orgraph centrality "
                  "measures (affiliation, membership, shared_members, …)");
  cmd->add_flag("--certain-only", c->certain_only, "--projection: certain facts only");
  cmd->add_flag("--keep-isolated", c->keep_isolated,
                "--projection: keep vertices that no edge touches");
  cmd->callback([c, &action] { action = [c] { return run_export(*c); }; });
}

}  // namespace orgraph::app
