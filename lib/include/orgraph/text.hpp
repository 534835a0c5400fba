#pragma once

// Text helpers for terminal output of names in any script, for hand-written XML, and for what
// graph files may hold.

#include <cstddef>
#include <string>
#include <string_view>

namespace orgraph::text {

// True for a byte that graph text may not hold: a C0 control character other than the white
// space ones (tab, line feed, vertical tab, form feed, carriage return), or DEL. ESC above all
// would reach terminals through diagnostics and tables. Time: O(1).
constexpr bool is_control_character(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && (byte < '\t' || byte > '\r')) || byte == 0x7F;
}

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
