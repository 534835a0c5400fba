#pragma once

// The lossless JSON form of a whole graph (graphs/README.md "Lossless JSON"): one document with
// the graph's name, its sources, its other entities and its relations, every attribute as
// written (dates as their EDTF text). Reading it back gives the same graph, and writing that
// graph again gives the same bytes.

#include <ostream>
#include <string_view>

#include "orgraph/graph.hpp"
#include "orgraph/graph_builder.hpp"
#include "orgraph/io/limits.hpp"

namespace orgraph::io {

// The version written in the document's "version" key; read_json accepts this one only.
inline constexpr int kJsonFormatVersion = 1;

// Writes `graph` as the lossless JSON document: {"format":"orgraph","version":1,"name",
// "sources":[…],"entities":[…],"relations":[…]}, one record per line, each record an object with
// the attribute names of the DOT conventions ("alias" and "src" as arrays), in graph order.
// UTF-8, deterministic: the same graph gives the same bytes. Time: O(V + E).
void write_json(const TemporalGraph& graph, std::ostream& out);

// Reads a lossless JSON document (the content of file `name`) into `builder`: sources first,
// then entities, then relations, each record with the line it starts on, so that the builder
// reports problems as `name:LINE: error: …`. Malformed JSON (with line and column), a record
// that is not an object, a value that is not a string (or, for alias and src, an array of
// strings), a key given twice, a missing id/from/to and an unsupported version become error
// diagnostics naming the record ("/entities/3"); so do a string over limits.max_token_bytes and
// arrays or objects nested deeper than limits.max_nesting. Time: O(n) in the text length.
void read_json(std::string_view text, std::string_view name, GraphBuilder& builder,
               const ReadLimits& limits = {});

}  // namespace orgraph::io
