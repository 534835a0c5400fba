// orgraph: the command line of the orgraph library (DESIGN §5).
// Exit status: 0 success, 1 invalid input data, 2 usage error.

#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include <orgraph/diagnostic.hpp>
#include <orgraph/graph.hpp>

#include "commands.hpp"
#include "output.hpp"

namespace {

constexpr int kInvalidData = 1;
constexpr int kUsage = 2;

}  // namespace

int main(int argc, char** argv) {
  using namespace orgraph;
  CLI::App app{"orgraph: the history of organisations as a typed temporal graph"};
  app.name("orgraph");
  app.require_subcommand(1);
  app.set_version_flag("--version", "orgraph 0.1.0");
  app.add_option("--max-file-bytes", app::load_options().max_file_bytes,
                 "refuse graph files larger than this")
      ->capture_default_str();
  app.add_option("--max-token-bytes", app::load_options().max_token_bytes,
                 "refuse strings longer than this (DOT strings, names and comment lines, JSON "
                 "strings, CSV fields)")
      ->capture_default_str();
  app.add_option("--max-nesting", app::load_options().max_nesting,
                 "refuse DOT subgraphs and JSON arrays or objects nested deeper than this")
      ->capture_default_str();
  app::Action action;
  app::add_check_command(app, action);
  app::add_find_command(app, action);
  app::add_date_command(app, action);
  app::add_snapshot_command(app, action);
  app::add_members_command(app, action);
  app::add_roles_command(app, action);
  app::add_lineage_command(app, action);
  app::add_path_command(app, action);
  app::add_diff_command(app, action);
  app::add_history_command(app, action);
  app::add_generate_command(app, action);
  app::add_render_command(app, action);
  app::add_centrality_command(app, action);
  app::add_export_command(app, action);
  app::add_import_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kUsage;
  }
  try {
    return action();
  } catch (const load_error& e) {
    for (const Diagnostic& d : e.diagnostics()) fmt::print(stderr, "{}\n", to_string(d));
    return kInvalidData;
  } catch (const lookup_error& e) {
    fmt::print(stderr, "orgraph: error: {}\n", e.what());
    return kUsage;
  } catch (const query_error& e) {
    fmt::print(stderr, "orgraph: error: {}\n", e.what());
    return kUsage;
  } catch (const date_error& e) {
    fmt::print(stderr, "orgraph: error: {}\n", e.what());
    return kUsage;
  } catch (const std::exception& e) {
    fmt::print(stderr, "orgraph: error: {}\n", e.what());
    return kInvalidData;
  }
}
