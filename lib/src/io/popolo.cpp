// read_popolo: Popolo JSON into a GraphBuilder (orgraph/io/popolo.hpp).

#include "orgraph/io/popolo.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_records.hpp"
#include "orgraph/date.hpp"
#include "popolo_fields.hpp"
#include "popolo_names.hpp"

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

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!p.empty()) out += (out.empty() ? "" : "; ") + p;
  }
  return out;
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

// A src value ("popolo_source src_1 src_2") built one id at a time, each id once: the set beside
// the text keeps a record with many sources linear.
class SourceIds {
 public:
  explicit SourceIds(std::string_view ids) {
    while (!ids.empty()) {
      const std::size_t space = ids.find(' ');
      add(ids.substr(0, space));
      if (space == std::string_view::npos) break;
      ids.remove_prefix(space + 1);
    }
  }
  void add(std::string_view id) {
    if (id.empty() || !seen_.emplace(id).second) return;
    if (!text_.empty()) text_ += ' ';
    text_ += id;
  }
  const std::string& text() const& { return text_; }
  std::string text() && { return std::move(text_); }

 private:
  std::string text_;
  std::unordered_set<std::string> seen_;
};

class PopoloReader {
 public:
  PopoloReader(std::string_view name, GraphBuilder& builder, const ReadLimits& limits)
      : name_(name), builder_(builder), file_(builder.add_file(name)), limits_(limits) {}

  void read(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    detail::JsonSyntaxError syntax;
    if (!detail::parse_json_with_positions(text, doc_, positions_, syntax, limits_)) {
      report(syntax.line, syntax.text(), {}, syntax.hint);
      return;
    }
    for (std::size_t i = 0; i < positions_.duplicate_keys.size(); ++i) {
      const auto& [pointer, key] = positions_.duplicate_keys[i];
      report(positions_.duplicate_lines[i],
             fmt::format("key '{}' appears twice in one record", key), pointer,
             "JSON keeps only the last value; give each field once");
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
    report_what_is_not_imported();
  }

 private:
  // Where a record is: its line, its JSON pointer, and its type for warnings ("persons[]",
  // "persons[].other_names[]").
  struct Where {
    std::uint32_t line = 0;
    std::string pointer;
    std::string type;
  };

  // A record defined in one of the arrays: its orgraph id and its record.
  struct Defined {
    std::string id;
    const Json* record = nullptr;
  };

  using Table = std::map<std::string, Defined, std::less<>>;

  void report(std::uint32_t line, std::string message, std::string subject = {},
              std::string hint = {}) {
    builder_.add_diagnostic({Severity::error,
                             {std::string(name_), line},
                             std::move(message),
                             std::move(subject),
                             std::move(hint)});
  }

  void warn(std::string message, std::string hint) {
    builder_.add_diagnostic(
        {Severity::warning, {std::string(name_), 0}, std::move(message), {}, std::move(hint)});
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
      Where w{positions_.line_of(key, objects), fmt::format("/{}/{}", key, i),
              fmt::format("{}[]", key)};
      if (!r.is_object()) {
        report(w.line == 0 ? 1 : w.line, "record is not an object", w.pointer);
        continue;
      }
      ++objects;
      f(r, w);
    }
  }

  // The objects of the array `key` of record `r` (other_names, identifiers, sources), each with
  // where it is; their keys are counted for the warnings. An error when the value is not an
  // array of objects.
  std::vector<std::pair<const Json*, Where>> objects(const Json& r, std::string_view key,
                                                     const Where& w) {
    std::vector<std::pair<const Json*, Where>> out;
    auto it = r.find(key);
    if (it == r.end() || it->is_null()) return out;
    if (!it->is_array()) {
      report(w.line, fmt::format("'{}' is not an array", key), w.pointer);
      return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& o = (*it)[i];
      Where at{w.line, fmt::format("{}/{}/{}", w.pointer, key, i),
               fmt::format("{}.{}[]", w.type, key)};
      if (!o.is_object()) {
        report(w.line, "record is not an object", at.pointer);
        continue;
      }
      unimported_.count(at.type, o);
      out.emplace_back(&o, std::move(at));
    }
    return out;
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

  void collect_ids(std::string_view key, Table& into) {
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
  const Defined* resolve(const Table& table, std::string_view id, std::string_view field,
                         std::string_view what, const Where& w) {
    auto it = table.find(id);
    if (it == table.end()) {
      report(w.line, fmt::format("{} '{}' names no {} in this file", field, id, what), w.pointer,
             "every id a record refers to must be defined in the same file");
      return nullptr;
    }
    return &it->second;
  }

  // "area NAME" for the area_id of record `r`, or "" without one (an error naming `field` when
  // it names no area; `ok` is then false).
  std::string area_note(const Json& r, const Where& w, bool& ok,
                        std::string_view field = "area_id") {
    ok = true;
    const std::string area_id = text(r, "area_id", w);
    if (area_id.empty()) return {};
    const Defined* area = resolve(areas_, area_id, field, "area", w);
    if (!area) {
      ok = false;
      return {};
    }
    used_areas_.insert(area_id);
    return fmt::format("area {}", text(*area->record, "name", w));
  }

  void add_file_source() {
    file_source_ = "popolo_source";
    while (used_.contains(file_source_)) file_source_ += "_";
    used_.insert(file_source_);
    std::vector<std::string> urls;
    if (auto meta = doc_.find("meta"); meta != doc_.end() && meta->is_object()) {
      unimported_.count("meta", *meta);
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
    SourceIds src(file_source_);
    for (const auto& [s, at] : objects(r, "sources", w)) {
      const std::string url = text(*s, "url", at);
      if (url.empty()) continue;
      auto [found, inserted] = url_sources_.try_emplace(url, std::string());
      if (inserted) {
        found->second = fmt::format("src_{}", url_sources_.size());
        while (used_.contains(found->second)) found->second += "_";
        used_.insert(found->second);
        const std::string title = text(*s, "note", at);
        std::vector<Attribute> a{{"kind", "source"},
                                 {"type", "website"},
                                 {"title", title.empty() ? url : title},
                                 {"url", url}};
        builder_.add_entity(found->second, a, {file_, w.line});
      }
      src.add(found->second);
    }
    return std::move(src).text();
  }

  // name, name_xx and alias from name and other_names (popolo_names.hpp); into `notes` the
  // Popolo id, the identifiers and what those attributes cannot say about the other names.
  // `owned` keeps the strings the attributes point to (a deque: they never move).
  void add_names(const Json& r, const Where& w, std::string_view popolo_id,
                 std::vector<Attribute>& a, std::deque<std::string>& owned,
                 std::vector<std::string>& notes) {
    const std::string& name = owned.emplace_back(text(r, "name", w));
    a.push_back({"name", name});
    std::vector<detail::OtherName> others;
    for (const auto& [o, at] : objects(r, "other_names", w)) {
      others.push_back({text(*o, "name", at), text(*o, "lang", at), text(*o, "start_date", at),
                        text(*o, "end_date", at), text(*o, "note", at)});
    }
    detail::MappedNames names = detail::map_other_names(name, others);
    for (auto& [key, value] : names.languages) {
      const std::string& k = owned.emplace_back(std::move(key));
      a.push_back({k, owned.emplace_back(std::move(value))});
    }
    for (const std::string& piped : names.piped) {
      builder_.add_diagnostic(
          {Severity::warning,
           {std::string(name_), w.line},
           fmt::format("other name '{}' contains '|': it is kept in the note, not as an alias",
                       piped),
           w.pointer,
           "'|' separates aliases (alias=\"a|b\" is two), so one alias cannot hold it"});
    }
    std::string aliases;
    for (const std::string& alias : names.aliases) aliases += (aliases.empty() ? "" : "|") + alias;
    if (!aliases.empty()) a.push_back({"alias", owned.emplace_back(std::move(aliases))});
    std::string ids = fmt::format("Popolo id {}", popolo_id);
    for (const auto& [i, at] : objects(r, "identifiers", w)) {
      const std::string scheme = text(*i, "scheme", at);
      const std::string value = text(*i, "identifier", at);
      if (!value.empty()) ids += fmt::format("; {} {}", scheme.empty() ? "id" : scheme, value);
    }
    notes.push_back(std::move(ids));
    for (std::string& n : names.notes) notes.push_back(std::move(n));
  }

  void add_person(const Json& r, const Where& w) {
    const std::string id = text(r, "id", w);
    if (!persons_.contains(id) || persons_[id].record != &r) return;  // reported already
    unimported_.count(w.type, r);
    std::deque<std::string> owned;
    std::vector<std::string> notes;
    std::vector<Attribute> a{{"kind", "person"}};
    add_names(r, w, id, a, owned, notes);
    a.push_back({"start", owned.emplace_back(text(r, "birth_date", w))});
    a.push_back({"end", owned.emplace_back(exclusive_end(text(r, "death_date", w)))});
    a.push_back({"src", owned.emplace_back(sources_of(r, w))});
    a.push_back({"note", owned.emplace_back(joined(notes))});
    builder_.add_entity(persons_[id].id, a, {file_, w.line});
  }

  void add_organization(const Json& r, const Where& w) {
    const std::string id = text(r, "id", w);
    if (!organizations_.contains(id) || organizations_[id].record != &r) return;
    unimported_.count(w.type, r);
    std::deque<std::string> owned;
    std::vector<std::string> notes;
    const std::string classification = text(r, "classification", w);
    std::vector<Attribute> a{{"kind", "org"}, {"type", org_type(classification)}};
    add_names(r, w, id, a, owned, notes);
    if (org_type(classification) == "other" && !classification.empty())
      notes.push_back("classification " + classification);
    bool area_ok = true;
    notes.push_back(area_note(r, w, area_ok));
    a.push_back({"start", owned.emplace_back(text(r, "founding_date", w))});
    a.push_back({"end", owned.emplace_back(exclusive_end(text(r, "dissolution_date", w)))});
    a.push_back({"src", owned.emplace_back(sources_of(r, w))});
    a.push_back({"note", owned.emplace_back(joined(notes))});
    const std::string& key = organizations_[id].id;
    builder_.add_entity(key, a, {file_, w.line});
    if (const std::string parent = text(r, "parent_id", w); !parent.empty()) {
      if (const Defined* p = resolve(organizations_, parent, "parent_id", "organization", w)) {
        std::vector<Attribute> rel{{"rel", "part_of"}, {"src", file_source_}};
        builder_.add_relation(key, p->id, rel, {file_, w.line});
      }
    }
  }

  // An event's organization_id and parent_id go in its note: no relation kind says "the term
  // of a legislature" or "a round of an election" (part_of joins organizations only).
  void add_event(const Json& r, const Where& w) {
    const std::string id = text(r, "id", w);
    if (!events_.contains(id) || events_[id].record != &r) return;
    unimported_.count(w.type, r);
    std::deque<std::string> owned;
    std::vector<std::string> notes;
    std::vector<Attribute> a{{"kind", "event"}, {"type", event_type(text(r, "classification", w))}};
    add_names(r, w, id, a, owned, notes);
    if (const std::string org = text(r, "organization_id", w); !org.empty()) {
      if (const Defined* o = resolve(organizations_, org, "organization_id", "organization", w))
        notes.push_back("of " + o->id);
    }
    if (const std::string parent = text(r, "parent_id", w); !parent.empty()) {
      if (const Defined* p = resolve(events_, parent, "parent_id", "event", w))
        notes.push_back("part of " + p->id);
    }
    const std::string start = text(r, "start_date", w);
    const std::string end = text(r, "end_date", w);
    if (!start.empty() && start == end) {
      a.push_back({"date", owned.emplace_back(start)});
    } else {
      a.push_back({"start", owned.emplace_back(start)});
      a.push_back({"end", owned.emplace_back(exclusive_end(end))});
    }
    a.push_back({"src", owned.emplace_back(sources_of(r, w))});
    a.push_back({"note", owned.emplace_back(joined(notes))});
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

  // What a membership learns from its post: the role (the post's label, else its role) when
  // the membership has none but "member", the organization when it names none, the dates it
  // lacks (after those of its term), the post's sources, and in `note` whatever of the post
  // the role does not say: post Chair (role Member) from 2010 to 2014 in area Tallinn also
  // labelled "Chairman". The post's dates there are as written (end_date the last day).
  struct FromPost {
    std::string role, organization_id, start, end, sources, note;
  };

  std::optional<FromPost> from_post(const Defined& post, std::string role,
                                    std::string_view membership_area, const Where& w) {
    const Json& p = *post.record;
    const Where at{w.line, w.pointer, "posts[]"};
    FromPost out;
    const std::string label = text(p, "label", at);
    const std::string post_role = text(p, "role", at);
    out.role = role.empty() || role == "member" ? (label.empty() ? post_role : label) : role;
    out.organization_id = text(p, "organization_id", at);
    out.start = text(p, "start_date", at);
    out.end = text(p, "end_date", at);
    std::string extra;
    if (!post_role.empty() && post_role != out.role) extra += fmt::format(" (role {})", post_role);
    if (!out.start.empty()) extra += " from " + out.start;
    if (!out.end.empty()) extra += " to " + out.end;
    if (const std::string area_id = text(p, "area_id", at); area_id != membership_area) {
      bool ok = true;
      const std::string area = area_note(p, at, ok, "post area_id");
      if (!ok) return std::nullopt;
      if (!area.empty()) extra += " in " + area;
    }
    if (auto o = p.find("other_label"); o != p.end() && !o->is_null()) {  // one or several
      const Json labels = o->is_array() ? *o : Json::array({*o});
      for (std::size_t i = 0; i < labels.size(); ++i) {
        if (!labels[i].is_string()) {
          report(w.line, "'other_label' is not a string or an array of strings", w.pointer);
          break;
        }
        extra +=
            fmt::format("{} \"{}\"", i == 0 ? " also labelled" : ",", labels[i].get<std::string>());
      }
    }
    const std::string title = label.empty() ? post.id : label;
    if (!extra.empty() || title != out.role) out.note = "post " + title + extra;
    auto [cached, inserted] = post_sources_.try_emplace(&p, std::string());
    if (inserted) cached->second = sources_of(p, {w.line, w.pointer, "posts[]"});
    out.sources = cached->second;
    return out;
  }

  // A membership that is skipped never reaches the builder, so its own dates are checked here:
  // an invalid start_date or end_date, or an end_date before the start_date.
  void check_skipped_dates(const Json& r, const Where& w) {
    constexpr std::array<std::string_view, 2> fields{"start_date", "end_date"};
    std::array<std::optional<Date>, 2> dates;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string value = text(r, fields[i], w);
      if (value.empty()) continue;
      std::string why;
      dates[i] = Date::try_parse(value, &why);
      if (!dates[i]) {
        report(w.line, fmt::format("{}: {}", fields[i], why), w.pointer,
               "dates are EDTF: 2013, 2013-05, 2013-05-20, 2016~, 2013/2015");
      }
    }
    if (dates[0] && dates[1] && !dates[0]->empty() && !dates[1]->empty() &&
        dates[1]->bounds().latest < dates[0]->bounds().earliest) {
      report(w.line,
             fmt::format("end_date '{}' is before start_date '{}'", dates[1]->text(),
                         dates[0]->text()),
             w.pointer);
    }
  }

  // Every problem of the record is reported (each dangling reference, its own dates); a record
  // with one is then skipped.
  void add_membership(const Json& r, const Where& w) {
    unimported_.count(w.type, r);
    bool ok = true;
    // The member: person_id, or member {"@type", "id"} (a person or an organization).
    std::string member_id = text(r, "person_id", w);
    const Defined* member = nullptr;
    if (!member_id.empty()) {
      member = resolve(persons_, member_id, "person_id", "person", w);
    } else if (auto m = r.find("member"); m != r.end() && m->is_object()) {
      unimported_.count(w.type + ".member", *m);
      member_id = text(*m, "id", w);
      auto p = persons_.find(member_id);
      member = p != persons_.end()
                   ? &p->second
                   : resolve(organizations_, member_id, "member.id", "person or organization", w);
    } else {
      report(w.line, "membership has no person_id (nor member)", w.pointer);
    }
    if (!member) ok = false;
    std::string org_id = text(r, "organization_id", w);
    std::string role = text(r, "role", w);
    std::string start = text(r, "start_date", w);
    std::string end = text(r, "end_date", w);
    SourceIds src(sources_of(r, w));
    std::vector<std::string> notes;
    if (const std::string id = text(r, "id", w); !id.empty()) notes.push_back("Popolo id " + id);
    if (const std::string label = text(r, "label", w); !label.empty())
      notes.push_back("label " + label);
    const std::string area_id = text(r, "area_id", w);
    std::optional<FromPost> post;
    bool post_failed = false;  // then the organization it might have named is unknown
    if (const std::string post_id = text(r, "post_id", w); !post_id.empty()) {
      if (const Defined* defined = resolve(posts_, post_id, "post_id", "post", w)) {
        used_posts_.insert(post_id);
        post = from_post(*defined, role, area_id, w);
      }
      if (post) {
        role = post->role;
        if (org_id.empty()) org_id = post->organization_id;
        for (std::string_view s : split_ids(post->sources)) src.add(s);
      } else {
        post_failed = true;
        ok = false;
      }
    }
    const Defined* org = nullptr;
    if (!org_id.empty()) {
      org = resolve(organizations_, org_id, "organization_id", "organization", w);
    } else if (!post_failed) {
      report(w.line, "membership has no organization_id", w.pointer);
    }
    if (!org) ok = false;
    if (const std::string term_id = text(r, "legislative_period_id", w); !term_id.empty()) {
      if (const Defined* term = resolve(events_, term_id, "legislative_period_id", "event", w)) {
        notes.push_back(fmt::format("term {}", text(*term->record, "name", w)));
        if (start.empty())
          start = start_from_term(text(*term->record, "start_date", w), end, notes, w);
        if (end.empty()) end = text(*term->record, "end_date", w);
      } else {
        ok = false;
      }
    }
    if (post) {
      if (start.empty()) start = post->start;
      if (end.empty()) end = post->end;
    }
    bool area_ok = true;
    notes.push_back(area_note(r, w, area_ok));
    if (!area_ok) ok = false;
    if (post) notes.push_back(post->note);
    const Defined* party = nullptr;
    if (const std::string party_id = text(r, "on_behalf_of_id", w); !party_id.empty()) {
      party = resolve(organizations_, party_id, "on_behalf_of_id", "organization", w);
      if (party) {
        notes.push_back(fmt::format("on behalf of {}", party->id));
      } else {
        ok = false;
      }
    }
    if (!ok) {
      check_skipped_dates(r, w);
      return;
    }
    const std::string note = joined(notes);
    end = exclusive_end(end);
    const bool plain = role.empty() || role == "member";
    std::vector<Attribute> a{{"rel", plain ? "member_of" : "holds"},
                             {"start", start},
                             {"end", end},
                             {"src", src.text()},
                             {"note", note}};
    if (!plain) a.push_back({"role", role});
    builder_.add_relation(member->id, org->id, a, {file_, w.line});
    if (party) {
      const std::string party_note =
          fmt::format("on behalf of it in {}", text(*org->record, "name", w));
      std::vector<Attribute> p{{"rel", "member_of"},
                               {"start", start},
                               {"end", end},
                               {"src", src.text()},
                               {"note", party_note}};
      builder_.add_relation(member->id, party->id, p, {file_, w.line});
    }
  }

  // The fields no attribute holds, and the posts and areas nothing imported refers to.
  void report_what_is_not_imported() {
    for (std::string_view key : {"posts", "areas"}) {
      auto it = doc_.find(key);
      if (it == doc_.end() || !it->is_array()) continue;
      for (const Json& r : *it) unimported_.count(fmt::format("{}[]", key), r);
    }
    unimported_.report(builder_, name_);
    const auto unused = [](const Table& table, const std::set<std::string, std::less<>>& used) {
      return static_cast<std::size_t>(
          std::count_if(table.begin(), table.end(),
                        [&](const auto& entry) { return !used.contains(entry.first); }));
    };
    if (const std::size_t n = unused(posts_, used_posts_); n > 0) {
      warn(fmt::format("posts[]: {} record{} no membership refers to {} not imported", n,
                       n == 1 ? "" : "s", n == 1 ? "is" : "are"),
           "a post is imported only as the role and note of the holds relations of its "
           "memberships");
    }
    if (const std::size_t n = unused(areas_, used_areas_); n > 0) {
      warn(fmt::format("areas[]: {} record{} nothing refers to {} not imported", n,
                       n == 1 ? "" : "s", n == 1 ? "is" : "are"),
           "an area is imported only as its name, in the notes of the records in it");
    }
  }

  // The ids of a src value ("popolo_source src_1").
  static std::vector<std::string_view> split_ids(std::string_view src) {
    std::vector<std::string_view> out;
    while (!src.empty()) {
      const auto space = src.find(' ');
      if (space != 0) out.push_back(src.substr(0, space));
      if (space == std::string_view::npos) break;
      src.remove_prefix(space + 1);
    }
    return out;
  }

  std::string_view name_;
  GraphBuilder& builder_;
  std::uint32_t file_;
  ReadLimits limits_;
  Json doc_;
  detail::JsonRecordPositions positions_;
  Table persons_, organizations_, events_, posts_, areas_;
  std::set<std::string, std::less<>> used_, used_posts_, used_areas_;
  std::map<std::string, std::string, std::less<>> url_sources_;
  std::map<const Json*, std::string> post_sources_;  // a post's src, counted once
  std::string file_source_;
  detail::UnimportedFields unimported_;
};

}  // namespace

void read_popolo(std::string_view text, std::string_view name, GraphBuilder& builder,
                 const ReadLimits& limits) {
  PopoloReader(name, builder, limits).read(text);
}

}  // namespace orgraph::io
