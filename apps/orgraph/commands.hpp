#pragma once

// The subcommands of the `orgraph` app. Each registers its options on the CLI11 app and sets
// `action` when selected; actions return the exit status (0 ok, 1 invalid data, 2 usage).

#include <functional>

#include <CLI/CLI.hpp>

namespace orgraph::app {

using Action = std::function<int()>;

void add_check_command(CLI::App& app, Action& action);
void add_find_command(CLI::App& app, Action& action);
void add_date_command(CLI::App& app, Action& action);
void add_snapshot_command(CLI::App& app, Action& action);
void add_members_command(CLI::App& app, Action& action);
void add_roles_command(CLI::App& app, Action& action);
void add_lineage_command(CLI::App& app, Action& action);
void add_path_command(CLI::App& app, Action& action);
void add_diff_command(CLI::App& app, Action& action);
void add_history_command(CLI::App& app, Action& action);
void add_generate_command(CLI::App& app, Action& action);
void add_render_command(CLI::App& app, Action& action);
void add_centrality_command(CLI::App& app, Action& action);
void add_export_command(CLI::App& app, Action& action);
void add_import_command(CLI::App& app, Action& action);

}  // namespace orgraph::app
