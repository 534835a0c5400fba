#pragma once

// A graph as CSV tables (RFC 4180) that spreadsheets open and orgraph reads back: entities.csv
// (one row per entity, sources first), relations.csv (one row per relation) and graph.csv (the
// graph's name, title, note and lang, one per row).
// Columns carry the attribute names of the DOT conventions (graphs/README.md "CSV").

#include <ostream>
#include <string_view>

#include "orgraph/graph.hpp"
#include "orgraph/graph_builder.hpp"
#include "orgraph/io/limits.hpp"

namespace orgraph::io {

struct CsvWriteOptions {
  // Start the file with a UTF-8 byte order mark, which some spreadsheets need to read UTF-8.
  bool bom = false;
};

// The file names `orgraph export --to csv` writes into its directory and `import --from csv`
// reads from it.
inline constexpr std::string_view kEntitiesCsv = "entities.csv";
inline constexpr std::string_view kRelationsCsv = "relations.csv";
inline constexpr std::string_view kGraphCsv = "graph.csv";

// Writes entities.csv: columns id, kind, type, name, name_en, one column per further name
// (name_fr, …, in order of first use), title, publisher, author, url, lang, file, alias (joined
// with "|"), start, end, date, src (joined with " "), note; a row per entity, sources first,
// then the others, each in id order. Fields are quoted when they hold a comma, a quote or a line
// break; records end with CRLF. Deterministic. Time: O(V · columns).
void write_entities_csv(const TemporalGraph& graph, std::ostream& out,
                        const CsvWriteOptions& options = {});

// Writes relations.csv: columns from, to, rel, role, role_en, start, end, date, src, note; a row
// per relation in id order. Time: O(E).
void write_relations_csv(const TemporalGraph& graph, std::ostream& out,
                         const CsvWriteOptions& options = {});

// Writes graph.csv: columns attribute, value; a row each for the graph's name, title, note and
// lang that have a value, in that order. Time: O(1).
void write_graph_csv(const TemporalGraph& graph, std::ostream& out,
                     const CsvWriteOptions& options = {});

// Reads an entities table (the content of file `name`) into `builder`: a header row naming the
// columns (any order; `id` and `kind` required; other names are attributes, unknown ones warned
// about by the builder), then one entity per row; empty cells are missing attributes. A UTF-8
// byte order mark is skipped; records end with LF or CRLF. Bad quoting, a row with another
// number of fields than the header, a missing or repeated column, NUL bytes and a field over
// limits.max_token_bytes become error diagnostics with the file and line. Time: O(n).
void read_entities_csv(std::string_view text, std::string_view name, GraphBuilder& builder,
                       const ReadLimits& limits = {});

// Reads a relations table as read_entities_csv does (`from`, `to` and `rel` required).
// Time: O(n).
void read_relations_csv(std::string_view text, std::string_view name, GraphBuilder& builder,
                        const ReadLimits& limits = {});

// Reads a graph table (columns `attribute` and `value`, both required) as read_entities_csv
// does: `name` names the graph (GraphBuilder::set_name), `title`, `note` and `lang` are graph
// attributes, any other attribute is the builder's warning. Time: O(n).
void read_graph_csv(std::string_view text, std::string_view name, GraphBuilder& builder,
                    const ReadLimits& limits = {});

}  // namespace orgraph::io
