#pragma once

// Shared output helpers of the app: formats, aligned tables, JSON shapes of DESIGN §5.

#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <orgraph/graph.hpp>
#include <orgraph/load.hpp>

namespace orgraph::app {

enum class Format { table, json, csv };

// Adds `--format` accepting the given formats (the first is the default).
CLI::Option* add_format_option(CLI::App* command, Format& format, std::vector<Format> allowed);

// Load limits shared by every command (set by the app's global options).
LoadOptions& load_options();

// Loads the graph files/directories named on the command line (warnings are not printed).
TemporalGraph load_graph(const std::vector<std::string>& paths);

// An entity as DESIGN §5 writes it: {"id","kind","name","name_en"} (+ "type" for orgs).
nlohmann::ordered_json entity_json(const TemporalGraph& graph, EntityId id);

// Prints JSON with two-space indentation and UTF-8 kept as is.
void print_json(const nlohmann::ordered_json& value);

// An aligned text table; widths count terminal columns, so Arabic and Latin line up.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  void print(std::FILE* out = stdout) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Prints rows as an aligned table (with an optional title line) or as CSV.
void print_rows(Format format, const std::vector<std::string>& header,
                std::vector<std::vector<std::string>> rows, const std::string& title = {});

// Writes rows as RFC 4180 CSV (fields quoted when needed).
void print_csv(const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows);

}  // namespace orgraph::app
