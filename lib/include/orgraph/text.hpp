#pragma once

// Text helpers for terminal output of names in any script.

#include <cstddef>
#include <string_view>

namespace orgraph::text {

// The number of terminal columns UTF-8 `s` takes: combining marks and format characters take
// none, East Asian wide characters two, everything else one. Precondition: valid UTF-8.
// Time: O(n).
std::size_t display_width(std::string_view s);

}  // namespace orgraph::text
