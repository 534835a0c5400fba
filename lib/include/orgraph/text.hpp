#pragma once

// Text helpers for terminal output of names in any script, and for hand-written XML.

#include <cstddef>
#include <string>
#include <string_view>

namespace orgraph::text {

// The number of terminal columns UTF-8 `s` takes: combining marks and format characters take
// none, East Asian wide characters two, everything else one. Precondition: valid UTF-8.
// Time: O(n).
std::size_t display_width(std::string_view s);

// `text` escaped for XML 1.0 character data and attribute values alike: & < > " ' as entity
// references; tab, line feed and carriage return as character references (so that attribute
// value normalisation does not turn them into spaces); and what XML 1.0 cannot carry at all
// (other C0 control characters, U+FFFE, U+FFFF, invalid UTF-8 sequences) replaced by U+FFFD.
// Time: O(n).
std::string xml_escape(std::string_view text);

}  // namespace orgraph::text
