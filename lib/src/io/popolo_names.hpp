#pragma once

// A Popolo record's other_names as orgraph names (private to the library): name_xx per
// language, alias for the rest, and a note for what those attributes cannot say (dates, notes,
// languages without a name_xx).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph::io::detail {

// One entry of other_names; dates as written (end_date is the last day the name was used).
struct OtherName {
  std::string name;
  std::string lang;
  std::string start;
  std::string end;
  std::string note;
};

struct MappedNames {
  std::vector<std::pair<std::string, std::string>> languages;  // ("name_en", "…"), first met
  std::vector<std::string> aliases;
  // "also named "X" (af, an), "Y" from 1990 to 2001: historic": one per distinct (note,
  // start_date, end_date) of the names that carry a note, a date, or a language no name_xx
  // records.
  std::vector<std::string> notes;
  // Names that would be aliases but hold '|', which separates aliases (alias="a|b" is two): each
  // is said in `notes` instead ("also named "A|B""), so that it is neither split nor lost.
  std::vector<std::string> piped;
};

// A two- or three-letter lower-case code ("en", "ast"), which names a name_xx attribute.
bool is_language_code(std::string_view lang);

// The first current name (one without end_date) in each language code becomes name_xx, even
// when it is spelt as `name` or as the name in another language; every other distinct name
// becomes an alias, unless it holds '|' (see `piped`). Time: O(n log n).
MappedNames map_other_names(std::string_view name, const std::vector<OtherName>& others);

}  // namespace orgraph::io::detail
