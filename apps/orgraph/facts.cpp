#include "facts.hpp"

#include <fmt/format.h>

#include "output.hpp"

namespace orgraph::app {

CLI::Option* add_lang_option(CLI::App* command, Lang& lang) {
  static const std::map<std::string, Lang> kNames{
      {"ar", Lang::ar}, {"en", Lang::en}, {"both", Lang::both}};
  lang = Lang::both;
  return command
      ->add_option_function<std::string>(
          "--lang", [&lang](const std::string& name) { lang = kNames.at(name); },
          "names in tables: ar, en or both")
      ->check(CLI::IsMember({"ar", "en", "both"}))
      ->default_str("both");
}

CLI::Option* add_at_option(CLI::App* command, std::string& at) {
  return command->add_option("--at", at,
                             "a date in EDTF: 2013 (the whole year), 2013-05, 2013-05-20, 2016~");
}

DayRange parse_at(const std::string& text) { return query_range(Date::parse(text)); }

EntityId resolve(const TemporalGraph& graph, const std::string& query) { return graph.find(query); }

std::string label(const TemporalGraph& graph, EntityId id, Lang lang) {
  const Entity e = graph.entity(id);
  std::string_view name = e.name.empty() ? e.attribute("title") : e.name;
  if (lang == Lang::en) return std::string(e.name_en.empty() ? name : e.name_en);
  if (lang == Lang::ar || e.name_en.empty() || e.name_en == name) {
    return std::string(name.empty() ? e.key : name);
  }
  return fmt::format("{} ({})", name, e.name_en);
}

std::string certainty_cell(std::optional<Certainty> certainty) {
  if (!certainty) return "";
  return *certainty == Certainty::certain ? "certain" : "possible ?";
}

std::string sources_cell(const TemporalGraph& graph, std::span<const EntityId> sources) {
  std::string out;
  for (EntityId s : sources)
    out += fmt::format("{}{}", out.empty() ? "" : " ", graph.entity(s).key);
  return out;
}

std::string role_cell(const Relation& r, Lang lang) {
  if (lang == Lang::en && !r.role_en.empty()) return std::string(r.role_en);
  if (lang == Lang::ar && !r.role.empty()) return std::string(r.role);
  if (r.role.empty() || r.role_en.empty()) return fmt::format("{}{}", r.role, r.role_en);
  return fmt::format("{} / {}", r.role, r.role_en);
}

Certainty overall_certainty(const TimeSpan& span) {
  return span.certain_from < span.certain_until ? Certainty::certain : Certainty::possible;
}

nlohmann::ordered_json date_json(const Date& date) {
  return date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(date.text());
}

nlohmann::ordered_json fact_fields(const TemporalGraph& graph, RelationId id,
                                   std::optional<Certainty> certainty) {
  const Relation r = graph.relation(id);
  nlohmann::ordered_json j;
  j["rel"] = to_string(r.kind);
  if (r.kind == RelationKind::holds) {
    j["role"] = r.role.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.role);
    j["role_en"] = r.role_en.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.role_en);
  }
  j["start"] = date_json(*r.start);
  j["end"] = date_json(*r.end);
  if (r.is_point) j["date"] = date_json(*r.start);
  j["certainty"] = to_string(certainty.value_or(overall_certainty(graph.span(id))));
  j["sources"] = nlohmann::ordered_json::array();
  for (EntityId s : r.sources) j["sources"].push_back(graph.entity(s).key);
  if (!r.note.empty()) j["note"] = r.note;
  return j;
}

nlohmann::ordered_json fact_json(const TemporalGraph& graph, RelationId id,
                                 std::optional<Certainty> certainty) {
  const Relation r = graph.relation(id);
  nlohmann::ordered_json j;
  j["rel"] = to_string(r.kind);
  j["from"] = entity_json(graph, r.from);
  j["to"] = entity_json(graph, r.to);
  merge_json(j, fact_fields(graph, id, certainty));
  return j;
}

void merge_json(nlohmann::ordered_json& into, const nlohmann::ordered_json& from) {
  for (const auto& [key, value] : from.items()) into[key] = value;
}

}  // namespace orgraph::app
