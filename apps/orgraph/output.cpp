#include "output.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include <orgraph/load.hpp>
#include <orgraph/text.hpp>

namespace orgraph::app {

CLI::Option* add_format_option(CLI::App* command, Format& format, std::vector<Format> allowed) {
  static const std::map<std::string, Format> kNames{
      {"table", Format::table}, {"json", Format::json}, {"csv", Format::csv}};
  std::vector<std::string> accepted;
  for (Format f : allowed) {
    for (const auto& [name, value] : kNames) {
      if (value == f) accepted.push_back(name);
    }
  }
  format = allowed.front();
  return command
      ->add_option_function<std::string>(
          "--format", [&format](const std::string& name) { format = kNames.at(name); },
          "output format")
      ->check(CLI::IsMember(accepted))
      ->default_str(accepted.front());
}

LoadOptions& load_options() {
  static LoadOptions options;
  return options;
}

TemporalGraph load_graph(const std::vector<std::string>& paths) {
  std::vector<std::filesystem::path> files(paths.begin(), paths.end());
  return load(files, load_options());
}

nlohmann::ordered_json entity_json(const TemporalGraph& graph, EntityId id) {
  Entity e = graph.entity(id);
  nlohmann::ordered_json j;
  j["id"] = e.key;
  j["kind"] = to_string(e.kind);
  j["name"] = e.name.empty() ? e.attribute("title") : e.name;
  j["name_en"] = e.name_en.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.name_en);
  if (e.kind == EntityKind::org) {
    j["type"] = e.type.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.type);
  }
  return j;
}

void print_json(const nlohmann::ordered_json& value) {
  std::string text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

void Table::print(std::FILE* out) const {
  std::vector<std::size_t> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], text::display_width(row[i]));
    }
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    std::string text;
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      text += row[i];
      if (i + 1 < row.size()) {
        text.append(widths[i] - text::display_width(row[i]) + 2, ' ');
      }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    fmt::print(out, "{}\n", text);
  };
  line(header_);
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.emplace_back(w, '-');
  line(rule);
  for (const auto& row : rows_) line(row);
}

void print_rows(Format format, const std::vector<std::string>& header,
                std::vector<std::vector<std::string>> rows, const std::string& title) {
  if (format == Format::csv) {
    print_csv(header, rows);
    return;
  }
  if (!title.empty()) fmt::print("{}\n", title);
  Table table(header);
  for (auto& row : rows) table.add(std::move(row));
  table.print();
}

void print_csv(const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
  auto field = [](const std::string& f) {
    if (f.find_first_of(",\"\r\n") == std::string::npos) return f;
    std::string quoted = "\"";
    for (char c : f) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    return quoted + "\"";
  };
  auto row = [&](const std::vector<std::string>& r) {
    std::string text;
    for (std::size_t i = 0; i < r.size(); ++i) text += (i ? "," : "") + field(r[i]);
    fmt::print("{}\r\n", text);
  };
  row(header);
  for (const auto& r : rows) row(r);
}

}  // namespace orgraph::app
