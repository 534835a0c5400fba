// Popolo other_names as name_xx, alias and note (popolo_names.hpp).

#include "popolo_names.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace orgraph::io::detail {
namespace {

// The names of one note group, each with the languages it was given in.
struct NoteGroup {
  std::string note, start, end;
  std::vector<std::pair<std::string, std::vector<std::string>>> names;
  std::map<std::string, std::size_t, std::less<>> name_index;             // into names
  std::set<std::pair<std::size_t, std::string>, std::less<>> name_langs;  // (name, lang) said
};

std::string describe(const NoteGroup& g) {
  std::string out = "also named";
  for (std::size_t i = 0; i < g.names.size(); ++i) {
    const auto& [name, langs] = g.names[i];
    out += fmt::format("{} \"{}\"", i == 0 ? "" : ",", name);
    if (!langs.empty()) out += fmt::format(" ({})", fmt::join(langs, ", "));
  }
  if (!g.start.empty()) out += " from " + g.start;
  if (!g.end.empty()) out += " to " + g.end;
  if (!g.note.empty()) out += ": " + g.note;
  return out;
}

}  // namespace

bool is_language_code(std::string_view lang) {
  return lang.size() >= 2 && lang.size() <= 3 &&
         std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

MappedNames map_other_names(std::string_view name, const std::vector<OtherName>& others) {
  MappedNames out;
  std::map<std::string, std::string, std::less<>> by_language;
  std::vector<std::string> candidates;  // aliases, unless a name or name_xx says them
  std::vector<NoteGroup> groups;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> group_index;
  for (const OtherName& o : others) {
    if (o.name.empty()) continue;
    bool in_language = false;  // a name_xx says it
    if (is_language_code(o.lang) && o.end.empty()) {
      auto [it, inserted] = by_language.try_emplace(o.lang, o.name);
      if (inserted) out.languages.emplace_back("name_" + o.lang, o.name);
      in_language = it->second == o.name;
    }
    if (!in_language) candidates.push_back(o.name);
    const bool lang_unsaid = !o.lang.empty() && !in_language;
    if (o.note.empty() && o.start.empty() && o.end.empty() && !lang_unsaid) continue;
    // Indexed, not searched: a record may have many thousands of other names.
    auto [g, new_group] = group_index.try_emplace({o.note, o.start, o.end}, groups.size());
    if (new_group) groups.push_back(NoteGroup{o.note, o.start, o.end, {}, {}, {}});
    NoteGroup& group = groups[g->second];
    auto [n, new_name] = group.name_index.try_emplace(o.name, group.names.size());
    if (new_name) group.names.push_back({o.name, {}});
    if (!o.lang.empty() && group.name_langs.emplace(n->second, o.lang).second)
      group.names[n->second].second.push_back(o.lang);
  }
  std::set<std::string, std::less<>> said{std::string(name)};
  for (const auto& [key, value] : out.languages) said.insert(value);
  for (std::string& alias : candidates) {
    if (!said.insert(alias).second) continue;
    if (alias.find('|') == std::string::npos) {
      out.aliases.push_back(std::move(alias));
    } else {
      out.piped.push_back(std::move(alias));
    }
  }
  for (const NoteGroup& g : groups) out.notes.push_back(describe(g));
  // A piped name is said once: in its group's phrase when it has one, else in a phrase of its
  // own.
  for (const std::string& piped : out.piped) {
    const bool described = std::any_of(groups.begin(), groups.end(), [&](const NoteGroup& g) {
      return g.name_index.contains(piped);
    });
    if (!described) out.notes.push_back(fmt::format("also named \"{}\"", piped));
  }
  return out;
}

}  // namespace orgraph::io::detail
