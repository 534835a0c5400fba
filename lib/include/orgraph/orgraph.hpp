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
