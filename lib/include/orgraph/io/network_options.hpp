#pragma once

// Options shared by the network exports (GraphML, GEXF): the whole graph or one snapshot.

#include <optional>

#include "orgraph/date.hpp"

namespace orgraph::io {

struct NetworkExportOptions {
  // When set, export only the snapshot at this date (query::snapshot over its widened days:
  // the entities alive and the relations holding then), each with a `certainty` attribute;
  // otherwise every entity but the sources and every relation.
  std::optional<Date> at;
};

}  // namespace orgraph::io
