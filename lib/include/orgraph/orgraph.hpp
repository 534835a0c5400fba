#pragma once

// Everything an embedding program needs: #include <orgraph/orgraph.hpp>.

#include "orgraph/date.hpp"           // IWYU pragma: export
#include "orgraph/diagnostic.hpp"     // IWYU pragma: export
#include "orgraph/error.hpp"          // IWYU pragma: export
#include "orgraph/graph.hpp"          // IWYU pragma: export
#include "orgraph/graph_builder.hpp"  // IWYU pragma: export
#include "orgraph/load.hpp"           // IWYU pragma: export
#include "orgraph/model.hpp"          // IWYU pragma: export
#include "orgraph/names.hpp"          // IWYU pragma: export

// Reading and writing other formats (orgraph/io/).
#include "orgraph/io/atomic_file.hpp"  // IWYU pragma: export
#include "orgraph/io/csv.hpp"          // IWYU pragma: export
#include "orgraph/io/dot_writer.hpp"   // IWYU pragma: export
#include "orgraph/io/gexf.hpp"         // IWYU pragma: export
#include "orgraph/io/graphml.hpp"      // IWYU pragma: export
#include "orgraph/io/json.hpp"         // IWYU pragma: export
#include "orgraph/io/popolo.hpp"       // IWYU pragma: export

// Centrality on projections of the graph at a date (orgraph/analysis/).
#include "orgraph/analysis/centrality.hpp"  // IWYU pragma: export
#include "orgraph/analysis/graphml.hpp"     // IWYU pragma: export
#include "orgraph/analysis/projection.hpp"  // IWYU pragma: export
#include "orgraph/analysis/series.hpp"      // IWYU pragma: export
