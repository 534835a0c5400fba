#include "centrality_output.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include <orgraph/error.hpp>

#include "json_stream.hpp"

namespace orgraph::app {
namespace {

std::string range_text(DayRange r) {
  return r.earliest == r.latest
             ? format_day(r.earliest)
             : fmt::format("{}/{}", format_day(r.earliest), format_day(r.latest));
}

std::string score_cell(double score) { return fmt::format("{:.6g}", score); }

nlohmann::ordered_json approximation_json(const analysis::ApproxBetweenness& a) {
  nlohmann::ordered_json j;
  j["samples"] = a.samples;
  j["bound"] = to_string(a.bound);
  j["vertex_diameter"] =
      a.vertex_diameter == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(a.vertex_diameter);
  j["epsilon"] = a.epsilon;
  j["delta"] = a.delta;
  j["error"] = a.error;
  return j;
}

// Which guarantee fixed the samples: "Riondato–Kornaropoulos VC bound, vertex diameter ≤ 7".
std::string bound_text(const analysis::ApproxBetweenness& a) {
  return a.bound == analysis::SampleBound::vc_dimension
             ? fmt::format("Riondato–Kornaropoulos VC bound, vertex diameter ≤ {}",
                           a.vertex_diameter)
             : std::string("Hoeffding bound with a union over the vertices");
}

// What the scores approximate: "exact normalised betweenness" or "exact raw betweenness".
std::string_view exact_text(const analysis::ApproxBetweenness& a) {
  return a.normalization == analysis::Normalization::none ? "exact raw betweenness"
                                                          : "exact normalised betweenness";
}

// "approximate: … every score within ±error of the exact one with probability ≥ 1 − δ".
std::string approximation_note(const analysis::ApproxBetweenness& a) {
  return fmt::format(
      "approximate: {} sampled shortest paths ({}); with probability ≥ {:g} every score is "
      "within ±{:.4g} of {} (ε = {:g}, δ = {:g})",
      a.samples, bound_text(a), 1 - a.delta, a.error, exact_text(a), a.epsilon, a.delta);
}

// The keys of the entities in `ids`, comma-separated.
std::string keys_text(const TemporalGraph& g, const std::vector<EntityId>& ids) {
  std::string text;
  for (EntityId id : ids) text += fmt::format("{}{}", text.empty() ? "" : ", ", g.entity(id).key);
  return text;
}

// Items (vertices or edges) by rank, ties by the entity ids that name them.
std::vector<std::uint32_t> ranked(const std::vector<double>& scores,
                                  const std::vector<std::uint32_t>& ranks,
                                  const std::vector<std::string>& names) {
  std::vector<std::uint32_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return ranks[a] != ranks[b] ? ranks[a] < ranks[b] : names[a] < names[b];
  });
  return order;
}

}  // namespace

void check_not_before_history(const TemporalGraph& g, const analysis::ProjectionSpec& spec,
                              DayRange range, const std::string& text) {
  const std::optional<Day> first = analysis::first_day(g, spec);
  if (first && range.latest < *first) {
    throw query_error(fmt::format(
        "{} is before the history: the first dated relation of projection '{}' begins on {}", text,
        spec.name, format_day(*first)));
  }
}

std::string step_label(DayRange step) {
  const CivilDate a = civil_from_days(step.earliest), b = civil_from_days(step.latest);
  if (a.day == 1 && a.month == 1 && b.month == 12 && b.day == 31 && a.year == b.year) {
    return std::to_string(a.year);
  }
  if (a.day == 1 && a.year == b.year && a.month == b.month &&
      civil_from_days(step.latest + 1).day == 1) {
    return fmt::format("{}-{:02}", a.year, a.month);
  }
  return range_text(step);
}

void print_centrality(const analysis::Projection& p, const analysis::Scores& scores,
                      const CentralityPrint& print) {
  const TemporalGraph& g = p.graph();
  const bool edges = scores.measure == analysis::Measure::edge_betweenness;
  // What each score belongs to: a vertex, or an edge (from, to).
  std::vector<std::string> names;
  for (std::size_t i = 0; i < scores.values.size(); ++i) {
    if (edges) {
      const auto& e = p.edges()[i];
      names.push_back(fmt::format("{}\t{}", g.entity(p.entity(e.source)).key,
                                  g.entity(p.entity(e.target)).key));
    } else {
      names.emplace_back(g.entity(p.entity(static_cast<std::uint32_t>(i))).key);
    }
  }
  const std::vector<std::uint32_t> ranks = analysis::ranks(scores.values);
  std::vector<std::uint32_t> order = ranked(scores.values, ranks, names);
  const std::size_t limit = print.top.value_or(print.format == Format::table ? 20 : order.size());
  if (order.size() > limit) order.resize(limit);

  if (print.format == Format::json) {
    nlohmann::ordered_json j;
    j["at"] = print.at;
    j["measure"] = to_string(scores.measure);
    j["projection"] = p.spec().name;
    j["vertices"] = p.vertex_count();
    j["edges"] = p.edge_count();
    if (scores.approximation) j["approximation"] = approximation_json(*scores.approximation);
    j["scores"] = nlohmann::ordered_json::array();
    for (std::uint32_t i : order) {
      nlohmann::ordered_json item;
      if (edges) {
        item["from"] = entity_json(g, p.entity(p.edges()[i].source));
        item["to"] = entity_json(g, p.entity(p.edges()[i].target));
      } else {
        item["entity"] = entity_json(g, p.entity(i));
      }
      item["score"] = scores.values[i];
      item["rank"] = ranks[i];
      j["scores"].push_back(std::move(item));
    }
    print_json(j);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (std::uint32_t i : order) {
    const std::string score = print.format == Format::csv ? fmt::format("{}", scores.values[i])
                                                          : score_cell(scores.values[i]);
    if (edges) {
      const EntityId a = p.entity(p.edges()[i].source), b = p.entity(p.edges()[i].target);
      rows.push_back({std::to_string(ranks[i]), std::string(g.entity(a).key),
                      label(g, a, print.lang), std::string(g.entity(b).key),
                      label(g, b, print.lang), score});
    } else {
      const Entity e = g.entity(p.entity(i));
      rows.push_back({std::to_string(ranks[i]), std::string(e.key), std::string(to_string(e.kind)),
                      label(g, e.id, print.lang), score});
    }
  }
  const std::vector<std::string> header =
      edges ? std::vector<std::string>{"rank", "from", "from_name", "to", "to_name", "score"}
            : std::vector<std::string>{"rank", "id", "kind", "name", "score"};
  const std::string title =
      fmt::format("{} at {}, projection {} ({} vertices, {} edges){}:", to_string(scores.measure),
                  print.at, p.spec().name, p.vertex_count(), p.edge_count(),
                  order.size() < scores.values.size()
                      ? fmt::format(", top {} of {}", order.size(), scores.values.size())
                      : "");
  print_rows(print.format, header, std::move(rows), title);
  if (scores.approximation && print.format == Format::table) {
    fmt::print("{}\n", approximation_note(*scores.approximation));
  }
}

std::vector<EntityId> series_entities(const analysis::CentralitySeries& series,
                                      std::optional<std::size_t> top) {
  std::map<EntityId, double> peak;
  for (const analysis::SeriesStep& step : series.steps) {
    for (std::size_t i = 0; i < step.entities.size(); ++i) {
      auto [it, inserted] = peak.emplace(step.entities[i], step.scores[i]);
      if (!inserted) it->second = std::max(it->second, step.scores[i]);
    }
  }
  std::vector<EntityId> entities;
  for (const auto& [id, score] : peak) entities.push_back(id);
  std::stable_sort(entities.begin(), entities.end(),
                   [&](EntityId a, EntityId b) { return peak[a] > peak[b]; });
  if (top && entities.size() > *top) entities.resize(*top);
  return entities;
}

namespace {

// Below a series table: the error bound of each step of approximate betweenness, and the
// personalised entities absent at each step of PageRank.
void print_series_notes(const TemporalGraph& g, const analysis::CentralitySeries& series) {
  const auto approximated =
      std::find_if(series.steps.begin(), series.steps.end(),
                   [](const analysis::SeriesStep& step) { return step.approximation.has_value(); });
  if (approximated != series.steps.end()) {
    const analysis::ApproxBetweenness& a = *approximated->approximation;
    fmt::print(
        "\napproximate: at each step, with probability ≥ {:g} every score is within ±error of {} "
        "(ε = {:g}, δ = {:g}):\n",
        1 - a.delta, exact_text(a), a.epsilon, a.delta);
    for (const analysis::SeriesStep& step : series.steps) {
      if (!step.approximation) continue;
      fmt::print("  {}: error ±{:.4g}, {} sampled shortest paths ({})\n", step_label(step.at),
                 step.approximation->error, step.approximation->samples,
                 bound_text(*step.approximation));
    }
  }
  const bool absences = std::any_of(
      series.steps.begin(), series.steps.end(),
      [](const analysis::SeriesStep& step) { return !step.absent_personalized.empty(); });
  if (absences) {
    fmt::print(
        "\npersonalised entities not in the projection (PageRank teleports to the others; a step "
        "with none of them has no scores):\n");
    for (const analysis::SeriesStep& step : series.steps) {
      if (step.absent_personalized.empty()) continue;
      fmt::print("  {}: {}{}\n", step_label(step.at), keys_text(g, step.absent_personalized),
                 step.unscored() ? " (none present: no scores)" : "");
    }
  }
}

}  // namespace

void print_series(const TemporalGraph& g, const analysis::CentralitySeries& series,
                  const SeriesPrint& print) {
  const std::vector<EntityId> entities =
      series_entities(series, print.format == Format::table ? print.top.value_or(10) : print.top);
  std::map<EntityId, std::size_t> column;
  for (std::size_t i = 0; i < entities.size(); ++i) column[entities[i]] = i;
  // matrix[entity][step]: score and rank, or absent.
  struct Cell {
    double score;
    std::uint32_t rank;
  };
  std::vector<std::vector<std::optional<Cell>>> matrix(
      entities.size(), std::vector<std::optional<Cell>>(series.steps.size()));
  for (std::size_t s = 0; s < series.steps.size(); ++s) {
    const analysis::SeriesStep& step = series.steps[s];
    for (std::size_t i = 0; i < step.entities.size(); ++i) {
      if (auto it = column.find(step.entities[i]); it != column.end()) {
        matrix[it->second][s] = Cell{step.scores[i], step.ranks[i]};
      }
    }
  }
  // Rank changes between consecutive steps, among the reported entities.
  struct Changes {
    std::size_t before_step;
    std::vector<analysis::RankChange> changes;
  };
  std::vector<Changes> changes;
  for (std::size_t s = 0; s + 1 < series.steps.size(); ++s) {
    // A step without scores (personalisation absent) says nothing of who rose or fell.
    if (series.steps[s].unscored() || series.steps[s + 1].unscored()) continue;
    Changes c{s, {}};
    for (const auto& change : analysis::rank_changes(series.steps[s], series.steps[s + 1])) {
      if (column.count(change.entity) != 0) c.changes.push_back(change);
    }
    if (!c.changes.empty()) changes.push_back(std::move(c));
  }
  auto kind_of = [](const analysis::RankChange& c) -> std::string_view {
    if (c.before == 0) return "entered";
    if (c.after == 0) return "left";
    return c.after < c.before ? "rose" : "fell";
  };

  if (print.format == Format::json) {
    // Streamed: a long series of a large graph holds far more JSON than scores.
    JsonStream json;
    json.begin_object();
    json.member("from", print.from);
    json.member("to", print.to);
    json.member("every", print.every);
    json.member("measure", to_string(series.measure));
    json.member("projection", print.projection);
    json.key("steps");
    json.begin_array();
    for (const analysis::SeriesStep& step : series.steps) {
      nlohmann::ordered_json item{
          {"at", range_text(step.at)}, {"vertices", step.vertices}, {"edges", step.edges}};
      if (series.measure == analysis::Measure::approx_betweenness) {
        item["approximation"] =
            step.approximation ? approximation_json(*step.approximation) : nlohmann::ordered_json();
      }
      if (series.personalized) {
        item["absent_personalized"] = nlohmann::ordered_json::array();
        for (EntityId id : step.absent_personalized) {
          item["absent_personalized"].push_back(g.entity(id).key);
        }
      }
      json.value(item);
    }
    json.end_array();
    json.key("series");
    json.begin_array();
    for (std::size_t i = 0; i < entities.size(); ++i) {
      nlohmann::ordered_json row;
      row["entity"] = entity_json(g, entities[i]);
      row["scores"] = nlohmann::ordered_json::array();
      row["ranks"] = nlohmann::ordered_json::array();
      for (const auto& cell : matrix[i]) {
        row["scores"].push_back(cell ? nlohmann::ordered_json(cell->score)
                                     : nlohmann::ordered_json());
        row["ranks"].push_back(cell ? nlohmann::ordered_json(cell->rank)
                                    : nlohmann::ordered_json());
      }
      json.value(row);
    }
    json.end_array();
    json.key("changes");
    json.begin_array();
    for (const Changes& c : changes) {
      nlohmann::ordered_json item;
      item["from"] = range_text(series.steps[c.before_step].at);
      item["to"] = range_text(series.steps[c.before_step + 1].at);
      for (std::string_view kind : {"rose", "fell", "entered", "left"}) {
        item[std::string(kind)] = nlohmann::ordered_json::array();
      }
      for (const analysis::RankChange& change : c.changes) {
        item[std::string(kind_of(change))].push_back(
            {{"entity", entity_json(g, change.entity)},
             {"before", change.before == 0 ? nlohmann::ordered_json()
                                           : nlohmann::ordered_json(change.before)},
             {"after", change.after == 0 ? nlohmann::ordered_json()
                                         : nlohmann::ordered_json(change.after)}});
      }
      json.value(item);
    }
    json.end_array();
    json.end_object();
    return;
  }
  if (print.format == Format::csv) {
    std::vector<std::string> header{"id", "name", "name_en"};
    for (const auto& step : series.steps) header.push_back(step_label(step.at));
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < entities.size(); ++i) {
      const Entity e = g.entity(entities[i]);
      std::vector<std::string> row{std::string(e.key), std::string(e.name), std::string(e.name_en)};
      for (const auto& cell : matrix[i]) row.push_back(cell ? fmt::format("{}", cell->score) : "");
      rows.push_back(std::move(row));
    }
    print_csv(header, rows);
    return;
  }
  // Table: the entities as columns (by id), steps as rows, so long series stay readable.
  fmt::print("{} over time, projection {}, {} steps of {} from {} to {}; top {} by peak score:\n",
             to_string(series.measure), print.projection, series.steps.size(), print.every,
             print.from, print.to, entities.size());
  for (EntityId id : entities) {
    fmt::print("  {:<4} {}\n", fmt::format("{}.", column[id] + 1), label(g, id, print.lang));
  }
  fmt::print("\n");
  std::vector<std::string> header{"at", "vertices"};
  for (std::size_t i = 0; i < entities.size(); ++i) header.push_back(fmt::format("{}.", i + 1));
  std::vector<std::vector<std::string>> rows;
  for (std::size_t s = 0; s < series.steps.size(); ++s) {
    std::vector<std::string> row{step_label(series.steps[s].at),
                                 std::to_string(series.steps[s].vertices)};
    for (std::size_t i = 0; i < entities.size(); ++i) {
      const auto& cell = matrix[i][s];
      row.push_back(cell ? fmt::format("{:.4g} #{}", cell->score, cell->rank) : "-");
    }
    rows.push_back(std::move(row));
  }
  print_rows(Format::table, header, std::move(rows));
  print_series_notes(g, series);
  if (changes.empty()) return;
  fmt::print("\nrank changes (#rank before → after):\n");
  for (const Changes& c : changes) {
    std::map<std::string_view, std::vector<std::string>> by_kind;
    for (const analysis::RankChange& change : c.changes) {
      const std::string_view key = g.entity(change.entity).key;
      const std::string_view kind = kind_of(change);
      by_kind[kind].push_back(kind == "entered" ? fmt::format("{} (#{})", key, change.after)
                              : kind == "left"
                                  ? fmt::format("{} (was #{})", key, change.before)
                                  : fmt::format("{} #{}→#{}", key, change.before, change.after));
    }
    std::string line;
    for (std::string_view kind : {"rose", "fell", "entered", "left"}) {
      if (by_kind[kind].empty()) continue;
      line +=
          fmt::format("{}{}: {}", line.empty() ? "" : "; ", kind, fmt::join(by_kind[kind], ", "));
    }
    fmt::print("  {} → {}: {}\n", step_label(series.steps[c.before_step].at),
               step_label(series.steps[c.before_step + 1].at), line);
  }
}

}  // namespace orgraph::app
