#pragma once

// How the query commands print entities and facts: JSON shapes of DESIGN §5, bilingual table
// labels, dates and certainty.

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <orgraph/graph.hpp>

namespace orgraph::app {

// Which names tables show.
enum class Lang { ar, en, both };

// Adds `--lang ar|en|both` (default both).
CLI::Option* add_lang_option(CLI::App* command, Lang& lang);

// Adds `--at DATE` (any EDTF) storing the text.
CLI::Option* add_at_option(CLI::App* command, std::string& at);

// The day range of a command-line date; throws date_error (a usage error) when it is not EDTF.
DayRange parse_at(const std::string& text);

// Resolves an entity argument (id, name or alias); throws lookup_error with candidates.
EntityId resolve(const TemporalGraph& graph, const std::string& query);

// An entity's name for tables: "الاسم (Name)" for both, or one language (falling back to the
// other, then to the id).
std::string label(const TemporalGraph& graph, EntityId id, Lang lang);

// "certain" or "possible ?" (possible facts are marked visibly in tables).
std::string certainty_cell(std::optional<Certainty> certainty);

// Source ids of a fact, space-separated.
std::string sources_cell(const TemporalGraph& graph, std::span<const EntityId> sources);

// The role of a holds relation for tables: "مدير / director".
std::string role_cell(const Relation& relation, Lang lang);

// The certainty of a fact over all time, for listings without --at: certain when it is certain
// on some day, possible when only possible.
Certainty overall_certainty(const TimeSpan& span);

// A fact (DESIGN §5): {"rel","from":ENTITY,"to":ENTITY,["role","role_en"],"start","end",
// ["date"],"certainty","sources",["note"]}. A point relation has start = its date, end null.
nlohmann::ordered_json fact_json(const TemporalGraph& graph, RelationId id,
                                 std::optional<Certainty> certainty);

// The fact fields without the endpoints (for members/roles rows that name them separately).
nlohmann::ordered_json fact_fields(const TemporalGraph& graph, RelationId id,
                                   std::optional<Certainty> certainty);

// Adds every key of `from` to `into` (in order), overwriting equal keys.
void merge_json(nlohmann::ordered_json& into, const nlohmann::ordered_json& from);

// A date as JSON: its text, or null when not given.
nlohmann::ordered_json date_json(const Date& date);

}  // namespace orgraph::app
