#pragma once

// Text for hand-written XML (private to the library).

#include "orgraph/text.hpp"

namespace orgraph::io::detail {

using text::xml_escape;  // orgraph/text.hpp

}  // namespace orgraph::io::detail
