// orgraph import INPUT --from popolo|json|csv -o GRAPH.gv|GRAPH.json [--name NAME]: reads
// foreign or exported data through GraphBuilder (so it is validated like any graph) and writes
// it as an orgraph graph. Nothing is written when the input has an error.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

#include <orgraph/graph_builder.hpp>
#include <orgraph/io/atomic_file.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/dot_writer.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/io/popolo.hpp>

#include "commands.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

namespace fs = std::filesystem;

struct ImportCommand {
  std::string input;
  std::string from;
  std::string output;
  std::string name;
};

int usage(const std::string& message) {
  fmt::print(stderr, "orgraph: error: {}\n", message);
  return 2;
}

// The whole of `path`, or nullopt with the reason in `why`.
std::optional<std::string> try_read_input(const fs::path& path, Diagnostic& why) {
  auto fail = [&](std::string message, std::string hint = {}) {
    why = {Severity::error, {path.string(), 0}, std::move(message), {}, std::move(hint)};
    return std::nullopt;
  };
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return fail("cannot read file: " + ec.message());
  if (size > load_options().max_file_bytes) {
    return fail(fmt::format("file is {} bytes, over the limit of {} bytes", size,
                            load_options().max_file_bytes),
                "raise LoadOptions::max_file_bytes (orgraph --max-file-bytes) for larger files");
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(size, '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(size))) return fail("cannot read file");
  return text;
}

// The whole of `path`, or a load_error naming it.
std::string read_input(const fs::path& path) {
  Diagnostic why;
  std::optional<std::string> text = try_read_input(path, why);
  if (!text) throw load_error({std::move(why)});
  return std::move(*text);
}

// io::read_entities_csv, read_relations_csv or read_graph_csv.
using CsvTableReader = void (*)(std::string_view text, std::string_view name, GraphBuilder& builder,
                                const io::ReadLimits& limits);

// Reads one table of a CSV directory into `builder`. A file that cannot be read is the
// builder's error, so that it is reported with those of the other tables.
void read_csv_table(const fs::path& path, GraphBuilder& builder, const io::ReadLimits& limits,
                    CsvTableReader read) {
  Diagnostic why;
  if (const std::optional<std::string> text = try_read_input(path, why)) {
    read(*text, path.string(), builder, limits);
    return;
  }
  if (std::error_code ec; !fs::exists(path, ec)) {
    why.hint = fmt::format("--from csv reads a directory holding {} and {} ({} is optional)",
                           io::kEntitiesCsv, io::kRelationsCsv, io::kGraphCsv);
  }
  builder.add_file(path.string());  // so that its diagnostic sorts after the tables before it
  builder.add_diagnostic(std::move(why));
}

int run_import(const ImportCommand& c) {
  const fs::path output = c.output;
  const auto ext = output.extension();
  const bool to_json = ext == ".json";
  if (c.output != "-" && !to_json && ext != ".gv" && ext != ".dot") {
    return usage(
        fmt::format("cannot tell the format of '{}': write GRAPH.gv or GRAPH.dot (DOT) "
                    "or GRAPH.json (orgraph's JSON)",
                    c.output));
  }
  GraphBuilder builder;
  if (!c.name.empty()) builder.set_name(c.name);
  const fs::path input = c.input;
  const io::ReadLimits limits{.max_token_bytes = load_options().max_token_bytes,
                              .max_nesting = load_options().max_nesting};
  if (c.from == "csv") {
    const bool is_dir = fs::is_directory(input);
    const fs::path dir = is_dir ? input : input.parent_path();
    if (!is_dir && input.filename() != io::kEntitiesCsv) {
      return usage(fmt::format("--from csv reads a directory holding {} and {}", io::kEntitiesCsv,
                               io::kRelationsCsv));
    }
    const fs::path entities = dir / io::kEntitiesCsv;
    const fs::path relations = dir / io::kRelationsCsv;
    read_csv_table(entities, builder, limits, io::read_entities_csv);
    read_csv_table(relations, builder, limits, io::read_relations_csv);
    // graph.csv is optional: tables made by hand or by other tools often have only the two.
    if (const fs::path graph = dir / io::kGraphCsv; fs::exists(graph)) {
      read_csv_table(graph, builder, limits, io::read_graph_csv);
    }
  } else if (c.from == "json") {
    io::read_json(read_input(input), input.string(), builder, limits);
  } else {
    io::read_popolo(read_input(input), input.string(), builder, limits);
  }
  const TemporalGraph graph = builder.build(
      {.on_warning = [](const Diagnostic& d) { fmt::print(stderr, "{}\n", to_string(d)); }});
  const std::function<void(std::ostream&)> write = [&](std::ostream& out) {
    if (to_json) {
      io::write_json(graph, out);
    } else {
      io::write_dot(graph, out);
    }
  };
  if (c.output == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw io::write_error("cannot write to standard output");
    return 0;
  }
  io::write_file_atomically(output, write);
  return 0;
}

}  // namespace

void add_import_command(CLI::App& app, Action& action) {
  auto c = std::make_shared<ImportCommand>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Read Popolo JSON, orgraph's JSON or CSV tables, validate them as a graph, and write a .gv "
      "(or .json) graph");
  cmd->add_option("input", c->input,
                  "the file to read (for csv: the directory holding entities.csv and "
                  "relations.csv)")
      ->required();
  cmd->add_option("--from", c->from, "popolo, json or csv")
      ->required()
      ->check(CLI::IsMember({"popolo", "json", "csv"}));
  cmd->add_option("-o,--output", c->output,
                  "the graph to write: GRAPH.gv or GRAPH.dot (DOT), GRAPH.json, or - (DOT on "
                  "standard output)")
      ->required();
  cmd->add_option("--name", c->name, "the graph's name (default: the input's, if it has one)");
  cmd->callback([c, &action] { action = [c] { return run_import(*c); }; });
}

}  // namespace orgraph::app
