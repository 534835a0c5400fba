// orgraph generate --orgs N --people M [--years Y] [--seed S] [--format gv|jsonl] -o FILE:
// writes a synthetic, valid history (orgraph/generate.hpp) for benchmarks and demonstrations.

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include <orgraph/generate.hpp>
#include <orgraph/io/atomic_file.hpp>

#include "commands.hpp"

namespace orgraph::app {
namespace {

struct GenerateCommand {
  GenerateOptions options;
  std::string format;  // "gv", "jsonl", or empty: from the output's extension
  std::string output;
};

bool is_jsonl_name(const std::filesystem::path& p) {
  return p.extension() == ".jsonl" || p.extension() == ".ndjson";
}

int run_generate(const GenerateCommand& c) {
  const bool to_stdout = c.output == "-";
  const std::filesystem::path path = c.output;
  GraphFormat format = GraphFormat::dot;
  if (c.format == "jsonl" || (c.format.empty() && !to_stdout && is_jsonl_name(path))) {
    format = GraphFormat::jsonl;
  }
  if (!to_stdout && !c.format.empty() && is_jsonl_name(path) != (format == GraphFormat::jsonl)) {
    fmt::print(stderr,
               "orgraph: error: --format {} does not match the name '{}': orgraph reads files "
               "by extension (.gv/.dot for DOT, .jsonl/.ndjson for JSON lines)\n",
               c.format, c.output);
    return 2;
  }
  if (to_stdout) {
    generate(c.options, format, std::cout);
    std::cout.flush();
    if (!std::cout) {
      fmt::print(stderr, "orgraph: error: cannot write to standard output\n");
      return 1;
    }
    return 0;
  }
  // Written beside the target and renamed, so that FILE is either complete or untouched.
  io::write_file_atomically(path, [&](std::ostream& out) { generate(c.options, format, out); });
  return 0;
}

}  // namespace

void add_generate_command(CLI::App& app, Action& action) {
  auto c = std::make_shared<GenerateCommand>();
  CLI::App* cmd = app.add_subcommand(
      "generate",
      "Write a synthetic, valid history (invented orgs and people, ~5 relations per entity); "
      "the same seed gives the same bytes");
  cmd->add_option("--orgs", c->options.orgs, "number of organisations")->required();
  cmd->add_option("--people", c->options.people, "number of persons")->required();
  cmd->add_option("--years", c->options.years, "length of the history in years")
      ->check(CLI::Range(1, 999))
      ->capture_default_str();
  cmd->add_option("--first-year", c->options.first_year, "the year the history starts")
      ->check(CLI::Range(1001, 9000))
      ->capture_default_str();
  cmd->add_option("--seed", c->options.seed, "random seed")->capture_default_str();
  cmd->add_option("--format", c->format,
                  "gv (DOT) or jsonl (JSON lines); default: from FILE's extension, else gv")
      ->check(CLI::IsMember({"gv", "jsonl"}));
  cmd->add_option("-o,--output", c->output, "the file to write (- for standard output)")
      ->required();
  cmd->callback([c, &action] { action = [c] { return run_generate(*c); }; });
}

}  // namespace orgraph::app
