#pragma once

// Synthetic organisational histories, for benchmarks, tests and demonstrations: invented
// bodies and people (no real ones) shaped like the hand-written graphs orgraph reads.
//
// The model. Organisations appear over the years (more at the start of the period, as in a
// movement's first years), each with a type (council, committee, office, coordination, network,
// armed group, party, coalition, front, …) and a lifespan, open or ended. A new org is founded
// fresh (by a person, or by a parent body whose sub-body it becomes: `part_of`, `founded`),
// splits from a living one (`split_from`, the new org starting on the split date), absorbs two
// or three living ones (`merged_into`, each old org ending on the merger date), replaces one
// (`renamed_to` or `succeeded_by`, the old one ending that day), or is formed from two that go
// on (`formed_from`). Orgs join and leave coalitions (`member_of` with start and end; founding
// members join on the coalition's first day); when a coalition splits or merges, some members
// move with it, leaving on the day of the event and joining the new body that day. Sub-bodies
// may be represented in councils (`represented_in`). Each org has a few offices (`holds`, with
// an Arabic `role` and `role_en`) held by one person at a time, term after term. Orgs ally
// (`allied_with`), back (`supports`), oppose (`opposes`) and approve (`approved`) one another;
// armed groups and governments `control` places and smaller bodies; orgs are based in places
// (`located_in`) and organise events (`organized`, `located_in` a place) in which other orgs and
// people take part (`participated_in`). People are members of orgs and back or oppose them.
// A few sources (articles, reports) attest every entity and every relation (`src`).
//
// Dates come in mixed precision: days, months, years, seasons (2013-22), `~`/`?` qualifiers,
// unspecified digits (201X), between-dates (`2011-10-02/`: some day after, as in "later
// withdrew"; `2013/2015`). Every written date contains the true day it was drawn from, and every
// relation's true days lie inside both endpoints' true lifespans, so the output passes
// `orgraph check` with no errors and, by construction, no warnings: no fact outside a lifespan,
// no two holders of one office at once (terms follow each other), lineage always from an older
// org to a newer one (no cycles, never backwards).
//
// Names are Arabic-looking, built from three-letter roots and word patterns (fāʿil, mafʿūl,
// tafʿīl, …), each with an English transliteration (name_en); some entities have aliases.
//
// Size (measured, 14 years): about 8.4 relations per org (offices, memberships, lineage,
// alignment, events) and 1.7 per person (memberships, support), so about 5 relations per org or
// person when there are as many people as orgs (orgs = people = 1M: 10.1M relations), plus one
// event per ~4 orgs, 8 + orgs/25 places (at most 4000) and 3 + (orgs + people)/2000 sources (at
// most 60). Longer periods hold more terms of office.
// Streaming: facts are written as they are drawn; memory holds only per-org state (lifespan,
// type, lineage links: 32 bytes an org) and place names, never the graph.
//
// Determinism: the same options and format always give the same bytes, on any platform.
// Randomness comes from std::mt19937_64 (whose output the C++ standard fixes) through this
// file's own distributions (uniform integers by rejection sampling, probabilities from the top
// 53 bits), because std::uniform_int_distribution and friends differ between standard
// libraries. The two formats carry the same facts (same random draws).

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string_view>

#include <fmt/format.h>

namespace orgraph {

struct GenerateOptions {
  std::size_t orgs = 0;    // organisations (plus ~1 event per 4 orgs, places and sources)
  std::size_t people = 0;  // persons
  int first_year = 2011;   // the history runs from 1 January of first_year …
  int years = 14;          // … for this many years (at least 1)
  std::uint64_t seed = 1;
};

enum class GraphFormat { dot, jsonl };

// "dot" or "jsonl".
std::string_view to_string(GraphFormat format);

// Writes a synthetic history (see the model above) to `out` in `format`: a DOT digraph, or
// JSON lines (graphs/README.md). Entities come before the relations that concern them where
// the stream allows it (persons are declared after the offices they hold). Throws
// std::invalid_argument when years < 1, first_year < 1001 or first_year + years > 9999 (dates are
// written with four-digit years). The caller checks
// `out` for write errors. Deterministic in (options, format). Memory: O(orgs).
// Time: O(output size).
void generate(const GenerateOptions& options, GraphFormat format, std::ostream& out);

}  // namespace orgraph

template <>
struct fmt::formatter<orgraph::GraphFormat> : fmt::formatter<std::string_view> {
  auto format(orgraph::GraphFormat v, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(orgraph::to_string(v), ctx);
  }
};
