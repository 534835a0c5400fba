// read_popolo: Popolo JSON into a GraphBuilder (orgraph/io/popolo.hpp).

#include "orgraph/io/popolo.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_records.hpp"
#include "orgraph/date.hpp"

namespace orgraph::io {
namespace {

using Json = nlohmann::ordered_json;

// Popolo ids ("party/mdc-t", UUIDs) as orgraph ids: ASCII letters, digits and '_'.
std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? std::string("x") : out;
}

// Popolo's end dates name the last day a fact held; orgraph's end is the first day it no longer
// holds (DESIGN §1: half-open). A full date moves one day on; a coarser one ("2012-04") already
// names the period in which the fact ended and is kept.
std::string exclusive_end(const std::string& end) {
  if (end.size() != 10) return end;
  const std::optional<Day> day = parse_day(end);
  return day ? format_day(*day + 1) : end;
}

bool is_language_code(std::string_view lang) {
  return lang.size() >= 2 && lang.size() <= 3 &&
         std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string_view org_type(std::string_view classification) {
  static const std::map<std::string, std::string_view, std::less<>> kTypes{
      {"party", "party"},
      {"political party", "party"},
      {"legislature", "legislature"},
      {"chamber", "legislature"},
      {"upper house", "legislature"},
      {"lower house", "legislature"},
      {"parliament", "legislature"},
      {"executive", "government"},
      {"government", "government"},
      {"cabinet", "government"},
      {"committee", "committee"},
      {"court", "court"},
      {"ministry", "ministry"},
      {"department", "ministry"},
      {"coalition", "coalition"},
      {"company", "company"},
      {"ngo", "ngo"},
      {"union", "union"},
      {"association", "association"},
  };
  std::string lower;
  for (char c : classification)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = kTypes.find(lower);
  return it == kTypes.end() ? std::string_view("other") : it->second;
}

std::string_view event_type(std::string_view classification) {
  return classification.find("election") != std::string_view::npos ? "election" : "other";
}

class PopoloReader {
 public:
  PopoloReader(std::string_view name, GraphBuilder& builder)
      : name_(name), builder_(builder), file_(builder.add_file(name)) {}

  void read(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    detail::JsonSyntaxError syntax;
    if (!detail::parse_json_with_positions(text, doc_, positions_, syntax)) {
      report(syntax.line,
             fmt::format("malformed JSON at column {}: {}", syntax.column, syntax.message));
      return;
    }
    if (!doc_.is_object()) {
      report(1, "a Popolo document is a JSON object with persons, organizations, memberships, …");
      return;
    }
    builder_.set_name(slug(std::filesystem::path(std::string(name_)).stem().string()));
    collect_ids("persons", persons_);
    collect_ids("organizations", organizations_);
    collect_ids("events", events_);
    collect_ids("posts", posts_);
    collect_ids("areas", areas_);
    add_file_source();
    for_each("persons", [&](const Json& r, const Where& w) { add_person(r, w); });
    for_each("organizations", [&](const Json& r, const Where& w) { add_organization(r, w); });
    for_each("events", [&](const Json& r, const Where& w) { add_event(r, w); });
    for_each("memberships", [&](const Json& r, const Where& w) { add_membership(r, w); });
    for (const auto& [key, value] : doc_.items()) {
      static const std::set<std::string, std::less<>> kKnown{
          "persons", "organizations", "memberships", "posts", "events", "areas", "meta"};
      if (!kKnown.contains(key)) {
        builder_.add_diagnostic({Severity::warning,
                                 {std::string(name_), 1},
                                 fmt::format("Popolo key '{}' is not imported", key),
                                 {},
                                 {}});
      }
    }
  }

 private:
  struct Where {
    std::uint32_t line = 0;
    std::string pointer;
  };

  // A record defined in one of the arrays: its orgraph id and its record.
  struct Defined {
    std::string id;
    const Json* record = nullptr;
  };

  void report(std::uint32_t line, std::string message, std::string subject = {},
              std::string hint = {}) {
    builder_.add_diagnostic({Severity::error,
                             {std::string(name_), line},
                             std::move(message),
                             std::move(subject),
                             std::move(hint)});
  }

  const Json* array(std::string_view key) {
    auto it = doc_.find(key);
    if (it == doc_.end() || it->is_null()) return nullptr;
    if (!it->is_array()) {
      report(1, fmt::format("'{}' is not an array", key));
      return nullptr;
    }
    return &*it;
  }

  template <typename F>
  void for_each(std::string_view key, F&& f) {
    const Json* records = array(key);
    if (!records) return;
    std::size_t objects = 0;
    for (std::size_t i = 0; i < records->size(); ++i) {
      const Json& r = (*records)[i];
      Where w{positions_.line_of(key, objects), fmt::format("/{}/{}", key, i)};
      if (!r.is_object()) {
        report(w.line == 0 ? 1 : w.line, "record is not an object", w.pointer);
        continue;
      }
      ++objects;
      f(r, w);
    }
  }

  // The string value of `key`, "" when absent; an error when it is not a string.
  std::string text(const Json& r, std::string_view key, const Where& w) {
    auto it = r.find(key);
    if (it == r.end() || it->is_null()) return {};
    if (!it->is_string()) {
      report(w.line, fmt::format("'{}' is not a string", key), w.pointer);
      return {};
    }
    return it->get<std::string>();
  }

  void collect_ids(std::string_view key, std::map<std::string, Defined, std::less<>>& into) {
    for_each(key, [&](const Json& r, const Where& w) {
      const std::string id = text(r, "id", w);
      if (id.empty()) {
        report(w.line, "record has no id", w.pointer);
        return;
      }
      if (into.contains(id)) {
        report(w.line, fmt::format("id '{}' is defined twice in '{}'", id, key), w.pointer);
        return;
      }
      if (key == "posts" || key == "areas") {
        into[id] = {id, &r};
        return;
      }
      std::string s = slug(id);
      if (used_.contains(s)) {
        for (int n = 2;; ++n) {
          if (!used_.contains(fmt::format("{}_{}", s, n))) {
            s = fmt::format("{}_{}", s, n);
            break;
          }
        }
      }
      used_.insert(s);
      into[id] = {s, &r};
    });
  }

  // The record `id` names in `table`, or an error naming the reference.
  const Defined* resolve(const std::map<std::string, Defined, std::less<>>& table,
                         std::string_view id, std::string_view field, std::string_view what,
                         const Where& w) {
    auto it = table.find(id);
    if (it == table.end()) {
      report(w.line, fmt::format("{} '{}' names no {} in this file", field, id, what), w.pointer,
             "every id a record refers to must be defined in the same file");
      return nullptr;
    }
    return &it->second;
  }

  void add_file_source() {
    file_source_ = "popolo_source";
    while (used_.contains(file_source_)) file_source_ += "_";
    used_.insert(file_source_);
    std::vector<std::string> urls;
    if (auto meta = doc_.find("meta"); meta != doc_.end() && meta->is_object()) {
      if (auto s = meta->find("sources"); s != meta->end() && s->is_array()) {
        for (const Json& u : *s) {
          if (u.is_string()) urls.push_back(u.get<std::string>());
        }
      }
    }
    const std::string base = std::filesystem::path(std::string(name_)).filename().string();
    std::vector<std::string> values{"source", "Popolo data " + base, base};
    std::vector<Attribute> a{{"kind", values[0]}, {"title", values[1]}, {"file", values[2]}};
    std::string note;
    if (!urls.empty()) {
      a.push_back({"url", urls.front()});
      for (std::size_t i = 1; i < urls.size(); ++i) note += (i > 1 ? ", " : "also ") + urls[i];
    }
    if (!note.empty()) a.push_back({"note", note});
    builder_.add_entity(file_source_, a, {file_, 1});
  }

  // The source ids of a record: the file, then one per distinct sources[].url.
  std::string sources_of(const Json& r, const Where& w) {
    std::string src = file_source_;
    auto it = r.find("sources");
    if (it == r.end() || !it->is_array()) return src;
    for (const Json& s : *it) {
      if (!s.is_object()) continue;
      const std::string url = text(s, "url", w);
      if (url.empty()) continue;
      auto [found, inserted] = url_sources_.try_emplace(url, std::string());
      if (inserted) {
        found->second = fmt::format("src_{}", url_sources_.size());
        while (used_.contains(found->second)) found->second += "_";
        used_.insert(found->second);
        const std::string title = text(s, "note", w);
        std::vector<Attribute> a{{"kind", "source"},
                                 {"type", "website"},
                                 {"title", title.empty() ? url : title},
                                 {"url", url}};
        builder_.add_entity(found->second, a, {file_, w.line});
      }
      src += " " + found->second;
    }
    return src;
  }

  // name, name_en, name_xx, alias from name and other_names; the Popolo id and identifiers in
  // note. `owned` keeps the strings the attributes point to (a deque: they never move).
  void add_names(const Json& r, const Where& w, std::string_view popolo_id,
                 std::vector<Attribute>& a, std::deque<std::string>& owned) {
    const std::string name = text(r, "name", w);
    owned.push_back(name);
    a.push_back({"name", owned.back()});
    std::set<std::string, std::less<>> languages, seen{name};
    std::string aliases;
    if (auto it = r.find("other_names"); it != r.end() && it->is_array()) {
      for (const Json& o : *it) {
        if (!o.is_object()) continue;
        const std::string other = text(o, "name", w);
        const std::string lang = text(o, "lang", w);
        if (other.empty() || seen.contains(other)) continue;
        seen.insert(other);
        if (is_language_code(lang) && !languages.contains(lang)) {
          languages.insert(lang);
          owned.push_back("name_" + lang);
          const std::string_view key = owned.back();
          owned.push_back(other);
          a.push_back({key, owned.back()});
        } else {
          aliases += (aliases.empty() ? "" : "|") + other;
        }
      }
    }
    if (!aliases.empty()) {
      owned.push_back(aliases);
      a.push_back({"alias", owned.back()});
    }
    std::string note = fmt::format("Popolo id {}", popolo_id);
    if (auto it = r.find("identifiers"); it != r.end() && it->is_array()) {
      for (const Json& i : *it) {
        if (!i.is_object()) continue;
        const std::string scheme = text(i, "scheme", w);
        const std::string value = text(i, "identifier", w);
        if (!value.empty()) note += fmt::format("; {} {}", scheme.empty() ? "id" : scheme, value);
      }
    }
    owned.push_back(note);
    a.push_back({"note", owned.back()});
  }

  void add_person(const Json& r, const Where& w) {
    const std::string id = text(r, "id", w);
    if (!persons_.contains(id) || persons_[id].record != &r) return;  // reported already
    std::deque<std::string> owned;
    std::vector<Attribute> a{{"kind", "person"}};
    add_names(r, w, id, a, owned);
    owned.push_back(text(r, "birth_date", w));
    a.push_back({"start", owned.back()});
    owned.push_back(exclusive_end(text(r, "death_date", w)));
    a.push_back({"end", owned.back()});
    owned.push_back(sources_of(r, w));
    a.push_back({"src", owned.back()});
    builder_.add_entity(persons_[id].id, a, {file_, w.line});
  }

  void add_organization(const Json& r, const Where& w) {
    const std::string id = text(r, "id", w);
    if (!organizations_.contains(id) || organizations_[id].record != &r) return;
    std::deque<std::string> owned;
    const std::string classification = text(r, "classification", w);
    std::vector<Attribute> a{{"kind", "org"}, {"type", org_type(classification)}};
    add_names(r, w, id, a, owned);
    if (org_type(classification) == "other" && !classification.empty()) {
      a.back().value =
          owned.emplace_back(fmt::format("{}; classification {}", a.back().value, classification));
    }
    owned.push_back(text(r, "founding_date", w));
    a.push_back({"start", owned.back()});
    owned.push_back(exclusive_end(text(r, "dissolution_date", w)));
    a.push_back({"end", owned.back()});
    owned.push_back(sources_of(r, w));
    a.push_back({"src", owned.back()});
    const std::string& key = organizations_[id].id;
    builder_.add_entity(key, a, {file_, w.line});
    if (const std::string parent = text(r, "parent_id", w); !parent.empty()) {
      if (const Defined* p = resolve(organizations_, parent, "parent_id", "organization", w)) {
        std::vector<Attribute> rel{{"rel", "part_of"}, {"src", file_source_}};
        builder_.add_relation(key, p->id, rel, {file_, w.line});
      }
    }
  }

  void add_event(const Json& r, const Where& w) {
    const std::string id = text(r, "id", w);
    if (!events_.contains(id) || events_[id].record != &r) return;
    std::deque<std::string> owned;
    std::vector<Attribute> a{{"kind", "event"}, {"type", event_type(text(r, "classification", w))}};
    add_names(r, w, id, a, owned);
    if (const std::string org = text(r, "organization_id", w); !org.empty()) {
      if (const Defined* o = resolve(organizations_, org, "organization_id", "organization", w)) {
        a.back().value = owned.emplace_back(fmt::format("{}; of {}", a.back().value, o->id));
      }
    }
    const std::string start = text(r, "start_date", w);
    const std::string end = text(r, "end_date", w);
    if (!start.empty() && start == end) {
      owned.push_back(start);
      a.push_back({"date", owned.back()});
    } else {
      owned.push_back(start);
      a.push_back({"start", owned.back()});
      owned.push_back(exclusive_end(end));
      a.push_back({"end", owned.back()});
    }
    owned.push_back(sources_of(r, w));
    a.push_back({"src", owned.back()});
    builder_.add_entity(events_[id].id, a, {file_, w.line});
  }

  // A membership without a start begins with its legislative period, unless it ended before
  // that began (a seat not taken up): then it is recorded on its end day, with a warning.
  std::string start_from_term(const std::string& term_start, const std::string& end,
                              std::vector<std::string>& notes, const Where& w) {
    const auto begins = Date::try_parse(term_start);
    const auto ends = Date::try_parse(end);
    if (!begins || !ends || begins->empty() || ends->empty() ||
        ends->bounds().latest >= begins->bounds().earliest) {
      return term_start;
    }
    notes.push_back(fmt::format("ended before the term began on {}; no start given", term_start));
    builder_.add_diagnostic(
        {Severity::warning,
         {std::string(name_), w.line},
         fmt::format("membership ends on {}, before its term began on {}; recorded on {} alone",
                     end, term_start, end),
         w.pointer,
         {}});
    return end;
  }

  void add_membership(const Json& r, const Where& w) {
    // The member: person_id, or member {"@type", "id"} (a person or an organization).
    std::string member_id = text(r, "person_id", w);
    const Defined* member = nullptr;
    if (!member_id.empty()) {
      member = resolve(persons_, member_id, "person_id", "person", w);
    } else if (auto m = r.find("member"); m != r.end() && m->is_object()) {
      member_id = text(*m, "id", w);
      auto p = persons_.find(member_id);
      member = p != persons_.end()
                   ? &p->second
                   : resolve(organizations_, member_id, "member.id", "person or organization", w);
    } else {
      report(w.line, "membership has no person_id (nor member)", w.pointer);
      return;
    }
    std::string org_id = text(r, "organization_id", w);
    std::string role = text(r, "role", w);
    std::string start = text(r, "start_date", w);
    std::string end = text(r, "end_date", w);
    std::vector<std::string> notes;
    if (const std::string post_id = text(r, "post_id", w); !post_id.empty()) {
      if (const Defined* post = resolve(posts_, post_id, "post_id", "post", w)) {
        const std::string label = text(*post->record, "label", w);
        if (role.empty() || role == "member")
          role = label.empty() ? text(*post->record, "role", w) : label;
        if (org_id.empty()) org_id = text(*post->record, "organization_id", w);
      } else {
        return;
      }
    }
    if (org_id.empty()) {
      report(w.line, "membership has no organization_id", w.pointer);
      return;
    }
    const Defined* org = resolve(organizations_, org_id, "organization_id", "organization", w);
    if (const std::string term_id = text(r, "legislative_period_id", w); !term_id.empty()) {
      const Defined* term = resolve(events_, term_id, "legislative_period_id", "event", w);
      if (!term) return;
      notes.push_back(fmt::format("term {}", text(*term->record, "name", w)));
      if (start.empty())
        start = start_from_term(text(*term->record, "start_date", w), end, notes, w);
      if (end.empty()) end = text(*term->record, "end_date", w);
    }
    if (const std::string area_id = text(r, "area_id", w); !area_id.empty()) {
      const Defined* area = resolve(areas_, area_id, "area_id", "area", w);
      if (!area) return;
      notes.push_back(fmt::format("area {}", text(*area->record, "name", w)));
    }
    const Defined* party = nullptr;
    if (const std::string party_id = text(r, "on_behalf_of_id", w); !party_id.empty()) {
      party = resolve(organizations_, party_id, "on_behalf_of_id", "organization", w);
      if (!party) return;
      notes.push_back(fmt::format("on behalf of {}", party->id));
    }
    if (!member || !org) return;
    std::string note;
    for (const std::string& n : notes) note += (note.empty() ? "" : "; ") + n;
    end = exclusive_end(end);
    const bool plain = role.empty() || role == "member";
    std::vector<Attribute> a{{"rel", plain ? "member_of" : "holds"},
                             {"start", start},
                             {"end", end},
                             {"src", file_source_},
                             {"note", note}};
    if (!plain) a.push_back({"role", role});
    builder_.add_relation(member->id, org->id, a, {file_, w.line});
    if (party) {
      const std::string party_note =
          fmt::format("on behalf of it in {}", text(*org->record, "name", w));
      std::vector<Attribute> p{{"rel", "member_of"},
                               {"start", start},
                               {"end", end},
                               {"src", file_source_},
                               {"note", party_note}};
      builder_.add_relation(member->id, party->id, p, {file_, w.line});
    }
  }

  std::string_view name_;
  GraphBuilder& builder_;
  std::uint32_t file_;
  Json doc_;
  detail::JsonRecordPositions positions_;
  std::map<std::string, Defined, std::less<>> persons_, organizations_, events_, posts_, areas_;
  std::set<std::string, std::less<>> used_;
  std::map<std::string, std::string, std::less<>> url_sources_;
  std::string file_source_;
};

}  // namespace

void read_popolo(std::string_view text, std::string_view name, GraphBuilder& builder) {
  PopoloReader(name, builder).read(text);
}

}  // namespace orgraph::io
