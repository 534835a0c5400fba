#include "orgraph/text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace orgraph::text {

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(s.size());
  while (i < n) {
    UChar32 c;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"  // inside ICU's macro
    U8_NEXT(s.data(), i, n, c);
#pragma GCC diagnostic pop
    if (c < 0) {
      ++width;
      continue;
    }
    const auto category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_FORMAT_CHAR) {
      continue;
    }
    const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

}  // namespace orgraph::text
