// orgraph date EXPR...: how orgraph reads an EDTF date.

#include <fmt/format.h>

#include <orgraph/date.hpp>

#include "commands.hpp"
#include "output.hpp"

namespace orgraph::app {
namespace {

struct DateOptions {
  std::vector<std::string> expressions;
  Format format = Format::table;
};

nlohmann::ordered_json day_json(std::optional<Day> day) {
  return day ? nlohmann::ordered_json(format_day(*day)) : nlohmann::ordered_json();
}

nlohmann::ordered_json bound_json(Day day) {
  if (day == kOpenEarliest || day == kOpenLatest) return nullptr;
  return format_day(day);
}

std::string bound_text(Day day) {
  if (day == kOpenEarliest || day == kOpenLatest) return "..";
  return format_day(day);
}

nlohmann::ordered_json date_json(const std::string& input, const Date& d) {
  nlohmann::ordered_json j;
  j["input"] = input;
  j["canonical"] = d.canonical();
  j["earliest"] = day_json(d.earliest());
  j["latest"] = day_json(d.latest());
  j["precision"] = to_string(d.precision());
  j["qualifiers"] = nlohmann::ordered_json::array();
  for (Qualifier q : kQualifiers) {
    if (d.qualifiers().has(q)) j["qualifiers"].push_back(to_string(q));
  }
  j["widened"] = {{"earliest", bound_json(d.widened().earliest)},
                  {"latest", bound_json(d.widened().latest)}};
  j["between"] = d.is_between();
  j["limits"] = {{"earliest", to_string(d.earliest_limit())},
                 {"latest", to_string(d.latest_limit())}};
  return j;
}

int run_date(const DateOptions& o) {
  int status = 0;
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (const std::string& text : o.expressions) {
    std::string why;
    std::optional<Date> d = Date::try_parse(text, &why);
    if (!d) {
      fmt::print(stderr, "orgraph: error: {}\n", why);
      status = 1;
      continue;
    }
    out.push_back(date_json(text, *d));
    rows.push_back({text, d->canonical(), bound_text(d->bounds().earliest),
                    bound_text(d->bounds().latest), std::string(to_string(d->precision())),
                    to_string(d->qualifiers()),
                    fmt::format("{} … {}", bound_text(d->widened().earliest),
                                bound_text(d->widened().latest))});
  }
  std::vector<std::string> header{"input",
                                  "canonical",
                                  "earliest",
                                  "latest",
                                  "precision",
                                  "qualifiers",
                                  "widened (for queries)"};
  if (o.format == Format::json) {
    print_json(out);
  } else if (o.format == Format::csv) {
    print_csv(header, rows);
  } else if (!rows.empty()) {
    Table table(header);
    for (auto& r : rows) table.add(std::move(r));
    table.print();
  }
  return status;
}

}  // namespace

void add_date_command(CLI::App& app, Action& action) {
  auto o = std::make_shared<DateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "date", "Show how EDTF dates are read: bounds, precision, qualifiers, widened bounds");
  cmd->add_option("EXPR", o->expressions, "EDTF dates: 2013, 2013-05~, 2016-22, 2011-10-02/")
      ->required();
  add_format_option(cmd, o->format, {Format::table, Format::json, Format::csv});
  cmd->callback([o, &action] { action = [o] { return run_date(*o); }; });
}

}  // namespace orgraph::app
