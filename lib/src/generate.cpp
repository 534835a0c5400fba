#include "orgraph/generate.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "orgraph/date.hpp"

#include <fmt/format.h>

namespace orgraph {
namespace {

// ---- randomness: std::mt19937_64 with portable distributions --------------------------------

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, n), n > 0: draws below the largest multiple of n that fits in 64 bits are
  // kept (x % n is then unbiased), others are drawn again (rejection sampling).
  std::uint64_t below(std::uint64_t n) {
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t excess = (kMax % n + 1) % n;  // 2^64 mod n
    std::uint64_t x = engine_();
    while (x > kMax - excess) x = engine_();
    return x % n;
  }
  std::size_t index(std::size_t n) { return static_cast<std::size_t>(below(n)); }
  std::int32_t between(std::int32_t lo, std::int32_t hi) {  // inclusive, lo <= hi
    return lo + static_cast<std::int32_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // True with probability p: compares the top 53 bits, scaled exactly into [0, 1).
  bool chance(double p) { return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < p; }
  // An index drawn with the given integer weights.
  std::size_t weighted(std::span<const std::uint16_t> weights) {
    std::uint64_t total = 0;
    for (auto w : weights) total += w;
    std::uint64_t r = below(total);
    for (std::size_t i = 0;; ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
  }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[index(N)];
  }

 private:
  std::mt19937_64 engine_;
};

// ---- days and EDTF text -------------------------------------------------------------------

using Day = std::int32_t;  // days since 1970-01-01 (proleptic Gregorian)
constexpr Day kOpen = std::numeric_limits<Day>::max();
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Calendar arithmetic comes from date.hpp (Hinnant's algorithms, in 64 bits, so that the open
// sentinel converts without overflow; its text is never printed).
Day days_from_civil(int y, int m, int d) {
  return static_cast<Day>(
      orgraph::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
}

struct Civil {
  int y, m, d;
};

Civil civil_from_days(Day z) {
  const orgraph::CivilDate c = orgraph::civil_from_days(z);
  return {static_cast<int>(c.year), static_cast<int>(c.month), static_cast<int>(c.day)};
}

// How a true day is written. Every style's text contains the day it renders.
enum class Style : std::uint8_t {
  day,              // 2013-05-20
  month,            // 2013-05
  year,             // 2013
  year_approx,      // 2013~
  year_uncertain,   // 2013?
  month_approx,     // 2013-05~
  month_uncertain,  // 2013-05?
  day_uncertain,    // 2013-05-20?
  season,           // 2013-22 (summer); Dec 2013 and Jan-Feb 2014 are 2013-24 (winter)
  decade,           // 201X
  after_month,      // 2013-05/  (some day from May 2013 on)
  after_day,        // 2013-05-20/  (some day from then on)
  year_range,       // 2012/2013, 2013/2014 or 2012/2014
  count
};

// Style weights (indexed by Style) for points (lineage, events), starts and ends.
using StyleWeights = std::array<std::uint16_t, static_cast<std::size_t>(Style::count)>;
constexpr StyleWeights kPointStyles{40, 35, 12, 4, 0, 0, 4, 0, 5, 0, 0, 0, 0};
constexpr StyleWeights kStartStyles{30, 30, 16, 4, 2, 2, 0, 1, 6, 1, 5, 3, 0};
constexpr StyleWeights kEndStyles{30, 30, 16, 4, 0, 0, 3, 0, 6, 0, 0, 6, 5};

struct DateText {
  std::array<char, 24> data{};
  std::size_t size = 0;
  std::string_view view() const { return {data.data(), size}; }
  DateText& digits(int value, int width) {  // zero-padded
    for (int i = width - 1; i >= 0; --i) {
      data[size + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
    size += static_cast<std::size_t>(width);
    return *this;
  }
  DateText& put(char c) {
    data[size++] = c;
    return *this;
  }
};

DateText render(Day day, Style style) {
  const Civil c = civil_from_days(day);
  DateText t;
  switch (style) {
    case Style::day:
      return t.digits(c.y, 4).put('-').digits(c.m, 2).put('-').digits(c.d, 2);
    case Style::month:
      return t.digits(c.y, 4).put('-').digits(c.m, 2);
    case Style::year:
      return t.digits(c.y, 4);
    case Style::year_approx:
      return t.digits(c.y, 4).put('~');
    case Style::year_uncertain:
      return t.digits(c.y, 4).put('?');
    case Style::month_approx:
      return t.digits(c.y, 4).put('-').digits(c.m, 2).put('~');
    case Style::month_uncertain:
      return t.digits(c.y, 4).put('-').digits(c.m, 2).put('?');
    case Style::day_uncertain:
      return t.digits(c.y, 4).put('-').digits(c.m, 2).put('-').digits(c.d, 2).put('?');
    case Style::season:
      if (c.m <= 2) return t.digits(c.y - 1, 4).put('-').digits(24, 2);
      return t.digits(c.y, 4).put('-').digits(c.m == 12 ? 24 : 21 + (c.m - 3) / 3, 2);
    case Style::decade:
      return t.digits(c.y / 10, 3).put('X');
    case Style::after_month:
      return t.digits(c.y, 4).put('-').digits(c.m, 2).put('/');
    case Style::after_day:
      return t.digits(c.y, 4).put('-').digits(c.m, 2).put('-').digits(c.d, 2).put('/');
    case Style::year_range: {  // chosen from the day itself, so that a day always reads alike
      const int from = c.y - (day & 1);
      return t.digits(from, 4).put('/').digits(from + 1 + ((day >> 1) & 1), 4);
    }
    case Style::count:
      break;
  }
  return t;
}

// ---- names ---------------------------------------------------------------------------------

struct Pair {
  std::string_view ar, en;
};

// Consonants of three-letter roots, and word patterns: 1, 2, 3 stand for the root's letters.
constexpr std::array<Pair, 21> kConsonants{
    {{"ب", "b"}, {"ت", "t"}, {"ج", "j"},  {"ح", "h"}, {"خ", "kh"}, {"د", "d"}, {"ر", "r"},
     {"ز", "z"}, {"س", "s"}, {"ش", "sh"}, {"ص", "s"}, {"ط", "t"},  {"ع", "'"}, {"غ", "gh"},
     {"ف", "f"}, {"ق", "q"}, {"ك", "k"},  {"ل", "l"}, {"م", "m"},  {"ن", "n"}, {"ه", "h"}}};
constexpr std::array<Pair, 9> kPatterns{{
    {"1ا23", "1a2i3"},    // fāʿil: nāṣir
    {"12ي3", "1a2i3"},    // faʿīl: kabīr
    {"م12و3", "ma12u3"},  // mafʿūl: manṣūr
    {"12ا3", "1i2a3"},    // fiʿāl: jihād
    {"ت12ي3", "ta12i3"},  // tafʿīl: taḥrīr
    {"123ان", "1a23an"},  // faʿlān: salmān
    {"12و3", "1a2u3"},    // faʿūl: ṣabūr
    {"أ123", "a12a3"},    // afʿal: aḥmad
    {"م123", "ma12a3"},   // mafʿal: maktab
}};

// An Arabic word and its transliteration (capitalised), built from a random root and pattern.
void append_word(Random& rng, std::string& ar, std::string& en) {
  const std::array<const Pair*, 3> root{&rng.pick(kConsonants), &rng.pick(kConsonants),
                                        &rng.pick(kConsonants)};
  const Pair& pattern = rng.pick(kPatterns);
  for (char c : pattern.ar) {
    if (c >= '1' && c <= '3') {
      ar += root[static_cast<std::size_t>(c - '1')]->ar;
    } else {
      ar += c;
    }
  }
  const std::size_t first = en.size();
  for (char c : pattern.en) {
    if (c >= '1' && c <= '3') {
      std::string_view letter = root[static_cast<std::size_t>(c - '1')]->en;
      if (letter == "'" && en.size() == first) continue;  // no leading ayn mark
      en += letter;
    } else {
      en += c;
    }
  }
  if (en.size() > first && en[first] >= 'a' && en[first] <= 'z') en[first] -= 'a' - 'A';
}

struct Name {
  std::string ar, en;
  void clear() {
    ar.clear();
    en.clear();
  }
};

// "الناصر" / "al-Nasir"
void append_with_article(Random& rng, Name& n) {
  n.ar += "ال";
  n.en += "al-";
  append_word(rng, n.ar, n.en);
}

enum class RoleSet : std::uint8_t { leadership, office, grassroots, military };

struct OrgType {
  std::string_view type, ar, en;
  RoleSet roles;
};
constexpr std::array<OrgType, 16> kOrgTypes{{
    {"coalition", "ائتلاف", "Coalition", RoleSet::leadership},
    {"council", "مجلس", "Council", RoleSet::leadership},
    {"committee", "لجنة", "Committee", RoleSet::grassroots},
    {"office", "مكتب", "Office", RoleSet::office},
    {"coordination", "تنسيقية", "Coordination", RoleSet::grassroots},
    {"network", "شبكة", "Network", RoleSet::grassroots},
    {"armed_group", "لواء", "Brigade", RoleSet::military},
    {"party", "حزب", "Party", RoleSet::leadership},
    {"front", "جبهة", "Front", RoleSet::leadership},
    {"gathering", "تجمع", "Gathering", RoleSet::grassroots},
    {"movement", "حركة", "Movement", RoleSet::leadership},
    {"union", "اتحاد", "Union", RoleSet::leadership},
    {"media", "إذاعة", "Radio", RoleSet::office},
    {"ngo", "منظمة", "Organisation", RoleSet::office},
    {"government", "حكومة", "Government", RoleSet::leadership},
    {"platform", "منصة", "Platform", RoleSet::leadership},
}};
constexpr std::array<std::uint16_t, 16> kOrgTypeWeights{4, 8, 8, 6, 12, 6, 12, 5,
                                                        3, 6, 6, 4, 3,  5, 1,  2};
enum TypeIndex : std::uint8_t {
  kCoalition = 0,
  kCouncil = 1,
  kCommittee = 2,
  kOffice = 3,
  kArmedGroup = 6,
  kFront = 8,
  kMedia = 12,
  kGovernment = 14,
  kPlatform = 15
};
constexpr std::array<std::uint8_t, 3> kSubBodyTypes{kOffice, kCommittee, kMedia};

bool is_coalition(std::uint8_t t) { return t == kCoalition || t == kFront || t == kPlatform; }
bool is_authority(std::uint8_t t) { return t == kCouncil || t == kGovernment || t == kCoalition; }
bool is_controller(std::uint8_t t) { return t == kArmedGroup || t == kGovernment; }

// Offices per kind of body; the first is the head of the body.
constexpr std::array<Pair, 6> kLeadershipRoles{
    {{"رئيس", "president"},
     {"نائب الرئيس", "vice president"},
     {"أمين عام", "secretary general"},
     {"متحدث رسمي", "spokesperson"},
     {"أمين الصندوق", "treasurer"},
     {"مسؤول العلاقات الخارجية", "head of foreign relations"}}};
constexpr std::array<Pair, 3> kOfficeRoles{
    {{"مدير", "director"}, {"نائب المدير", "deputy director"}, {"متحدث رسمي", "spokesperson"}}};
constexpr std::array<Pair, 3> kGrassrootsRoles{
    {{"منسق", "coordinator"}, {"متحدث رسمي", "spokesperson"}, {"أمين السر", "secretary"}}};
constexpr std::array<Pair, 4> kMilitaryRoles{{{"قائد عام", "commander"},
                                              {"نائب القائد", "deputy commander"},
                                              {"متحدث عسكري", "military spokesperson"},
                                              {"قائد العمليات", "operations commander"}}};

std::span<const Pair> roles_of(RoleSet set) {
  switch (set) {
    case RoleSet::leadership:
      return kLeadershipRoles;
    case RoleSet::office:
      return kOfficeRoles;
    case RoleSet::grassroots:
      return kGrassrootsRoles;
    case RoleSet::military:
      return kMilitaryRoles;
  }
  return kLeadershipRoles;
}

// Events: the Arabic head noun and the type.
constexpr std::array<Pair, 9> kEventTypes{{{"مؤتمر", "conference"},
                                           {"اجتماع", "meeting"},
                                           {"حوار", "dialogue"},
                                           {"إعلان", "announcement"},
                                           {"انتخابات", "election"},
                                           {"مظاهرة", "protest"},
                                           {"اتفاق", "agreement"},
                                           {"بيان", "statement"},
                                           {"معركة", "battle"}}};
constexpr std::array<std::string_view, 9> kEventTypeEn{"Conference",   "Meeting",   "Dialogue",
                                                       "Announcement", "Election",  "Protest",
                                                       "Agreement",    "Statement", "Battle"};
constexpr std::array<Pair, 6> kPlacePrefixes{{{"كفر", "Kafr"},
                                              {"تل", "Tell"},
                                              {"عين", "Ain"},
                                              {"دير", "Deir"},
                                              {"جسر", "Jisr"},
                                              {"معرة", "Maarat"}}};
constexpr std::array<std::string_view, 4> kPlaceTypes{"city", "town", "village", "district"};
constexpr std::array<Pair, 4> kTitles{{{"تقرير عن", "Report on"},
                                       {"شهادات من", "Testimonies from"},
                                       {"ملف", "Dossier on"},
                                       {"بيانات", "Statements from"}}};
constexpr std::array<std::string_view, 4> kSourceTypes{"article", "report", "statement", "website"};
constexpr std::array<std::string_view, 5> kPublishers{"Example Press", "Levant Monitor",
                                                      "مركز التوثيق", "Field Reports Collective",
                                                      "شبكة الأخبار المحلية"};

// ---- output ----------------------------------------------------------------------------------

struct Field {
  std::string_view key, value;
};

// A fixed-capacity list of fields for one entity or relation.
class Fields {
 public:
  Fields& add(std::string_view key, std::string_view value) {
    items_[size_++] = {key, value};
    return *this;
  }
  std::span<const Field> view() const { return {items_.data(), size_}; }

 private:
  std::array<Field, 12> items_{};
  std::size_t size_ = 0;
};

// One or two source ids (s1, s2, …), by index.
struct Sources {
  std::size_t first, second;  // second == first: one source
};

// Writes entities and relations as DOT statements or JSON lines, through a buffer.
class Writer {
 public:
  Writer(GraphFormat format, std::ostream& out) : format_(format), out_(out) {
    buffer_.reserve(kFlushAt + 4096);
  }

  void begin(const GenerateOptions& o) {
    if (format_ != GraphFormat::dot) return;
    buffer_ += fmt::format(
        "// A synthetic history written by orgraph generate --orgs {} --people {} "
        "--first-year {} --years {} --seed {}.\n// Invented bodies and people: no claim about "
        "real ones.\ndigraph synthetic_history {{\n",
        o.orgs, o.people, o.first_year, o.years, o.seed);
  }
  void end() {
    if (format_ == GraphFormat::dot) buffer_ += "}\n";
    flush();
  }
  void comment(std::string_view text) {
    if (format_ != GraphFormat::dot) return;
    buffer_ += "\n  // ";
    buffer_ += text;
    buffer_ += '\n';
  }

  void entity(std::string_view id, const Fields& fields, std::span<const std::string_view> aliases,
              const Sources* sources) {
    if (format_ == GraphFormat::dot) {
      buffer_ += "  ";
      buffer_ += id;
      buffer_ += " [";
      dot_fields(fields);
      if (!aliases.empty()) {
        buffer_ += " alias=\"";
        for (std::size_t i = 0; i < aliases.size(); ++i) {
          if (i > 0) buffer_ += '|';
          dot_escaped(aliases[i]);
        }
        buffer_ += '"';
      }
      dot_sources(sources);
      buffer_ += "]\n";
    } else {
      buffer_ += "{\"id\":";
      json_string(id);
      json_fields(fields);
      if (!aliases.empty()) {
        buffer_ += ",\"alias\":[";
        for (std::size_t i = 0; i < aliases.size(); ++i) {
          if (i > 0) buffer_ += ',';
          json_string(aliases[i]);
        }
        buffer_ += ']';
      }
      json_sources(sources);
      buffer_ += "}\n";
    }
    maybe_flush();
  }

  void relation(std::string_view from, std::string_view to, const Fields& fields,
                const Sources& sources) {
    if (format_ == GraphFormat::dot) {
      buffer_ += "  ";
      buffer_ += from;
      buffer_ += " -> ";
      buffer_ += to;
      buffer_ += " [";
      dot_fields(fields);
      dot_sources(&sources);
      buffer_ += "]\n";
    } else {
      buffer_ += "{\"from\":";
      json_string(from);
      buffer_ += ",\"to\":";
      json_string(to);
      json_fields(fields);
      json_sources(&sources);
      buffer_ += "}\n";
    }
    maybe_flush();
  }

 private:
  static constexpr std::size_t kFlushAt = std::size_t{1} << 20;

  void maybe_flush() {
    if (buffer_.size() >= kFlushAt) flush();
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  void source_id(std::size_t i) {
    buffer_ += 's';
    buffer_ += fmt::format_int(i + 1).c_str();
  }

  // DOT: values are quoted unless they are plain identifiers.
  void dot_escaped(std::string_view s) {
    for (char c : s) {
      if (c == '"' || c == '\\') buffer_ += '\\';
      buffer_ += c;
    }
  }
  void dot_fields(const Fields& fields) {
    bool first = true;
    for (const Field& f : fields.view()) {
      if (!first) buffer_ += ' ';
      first = false;
      buffer_ += f.key;
      buffer_ += '=';
      const bool plain = !f.value.empty() &&
                         std::all_of(f.value.begin(), f.value.end(),
                                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
      if (plain) {
        buffer_ += f.value;
      } else {
        buffer_ += '"';
        dot_escaped(f.value);
        buffer_ += '"';
      }
    }
  }
  void dot_sources(const Sources* s) {
    if (!s) return;
    if (s->second == s->first) {
      buffer_ += " src=";
      source_id(s->first);
    } else {
      buffer_ += " src=\"";
      source_id(s->first);
      buffer_ += ' ';
      source_id(s->second);
      buffer_ += '"';
    }
  }

  // JSON: strings escaped as RFC 8259 requires (the generated text needs it rarely).
  void json_string(std::string_view s) {
    buffer_ += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') {
        buffer_ += '\\';
        buffer_ += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        buffer_ += fmt::format("\\u{:04x}", static_cast<int>(c));
      } else {
        buffer_ += c;
      }
    }
    buffer_ += '"';
  }
  void json_fields(const Fields& fields) {
    for (const Field& f : fields.view()) {
      buffer_ += ',';
      json_string(f.key);
      buffer_ += ':';
      json_string(f.value);
    }
  }
  void json_sources(const Sources* s) {
    if (!s) return;
    buffer_ += ",\"src\":[\"";
    source_id(s->first);
    if (s->second != s->first) {
      buffer_ += "\",\"";
      source_id(s->second);
    }
    buffer_ += "\"]";
  }

  GraphFormat format_;
  std::ostream& out_;
  std::string buffer_;
};

// An entity id: a letter prefix and a number (o12, p7, e3, pl4, s1).
struct Id {
  std::array<char, 24> data{};
  std::size_t size = 0;
  Id(std::string_view prefix, std::size_t n) {
    std::memcpy(data.data(), prefix.data(), prefix.size());
    const fmt::format_int number(n + 1);
    std::memcpy(data.data() + prefix.size(), number.data(), number.size());
    size = prefix.size() + number.size();
  }
  std::string_view view() const { return {data.data(), size}; }
};

// ---- the model -------------------------------------------------------------------------------

// How an org came to be, and how it ended (DESIGN's lineage kinds).
enum class Origin : std::uint8_t { fresh, split, merger, rename, succession, formation, sub_body };
enum class Fate : std::uint8_t { none, merged_into, renamed_to, succeeded_by };

// The per-org state kept for the whole run (32 bytes an org).
struct Org {
  Day start = 0;
  Day end = kOpen;
  std::uint8_t type = 0;
  Style start_style = Style::day;
  Style end_style = Style::day;
  Origin origin = Origin::fresh;
  Fate fate = Fate::none;
  bool founded_by_parent = false;
  std::uint32_t parent = kNone;       // split: the old org; sub-body: its body; formation: one
  std::uint32_t parent2 = kNone;      // formation: the other constituent
  std::uint32_t successor = kNone;    // fate: the org it ended into
  std::uint32_t split_child = kNone;  // the latest org that split from this one
};

class Generator {
 public:
  Generator(const GenerateOptions& o, GraphFormat format, std::ostream& out)
      : o_(o),
        rng_(o.seed),
        w_(format, out),
        first_(days_from_civil(o.first_year, 1, 1)),
        last_(days_from_civil(o.first_year + o.years - 1, 12, 31)) {
    const std::size_t entities = o.orgs + o.people;
    sources_ = std::clamp<std::size_t>(3 + entities / 2000, 3, 60);
    places_ = std::clamp<std::size_t>(8 + o.orgs / 25, 8, 4000);
  }

  void run() {
    plan_orgs();
    w_.begin(o_);
    write_sources();
    write_places();
    w_.comment("Organisations, each followed by its relations");
    for (std::uint32_t i = 0; i < orgs_.size(); ++i) write_org(i);
    w_.comment("People");
    for (std::size_t k = 0; k < o_.people; ++k) write_person(k);
    w_.end();
  }

 private:
  // ---- planning: lifespans and lineage of every org, in order of their start ---------------

  bool alive_at(std::uint32_t j, Day d) const {
    return orgs_[j].start + 30 <= d && orgs_[j].end > d;
  }

  // An org among the first `n` that exists (for a month already) on day d, if one is found.
  std::uint32_t find_alive(std::uint32_t n, Day d, std::uint32_t other = kNone) {
    if (n == 0) return kNone;
    for (int tries = 0; tries < 8; ++tries) {
      auto j = static_cast<std::uint32_t>(rng_.below(n));
      if (j != other && alive_at(j, d)) return j;
    }
    return kNone;
  }

  void plan_orgs() {
    const std::size_t n = o_.orgs;
    orgs_.resize(n);
    // Start days, front-loaded: a movement's bodies appear mostly in its first years.
    const auto span = static_cast<std::uint64_t>(last_ - first_ + 1 - 180);
    std::vector<Day> starts(n);
    for (Day& s : starts) {
      std::uint64_t d = rng_.below(span);
      if (rng_.chance(0.6)) d = std::min(d, rng_.below(span));
      s = first_ + static_cast<Day>(d);
    }
    std::sort(starts.begin(), starts.end());
    for (std::uint32_t i = 0; i < n; ++i) {
      Org& org = orgs_[i];
      org.start = starts[i];
      org.type = static_cast<std::uint8_t>(rng_.weighted(kOrgTypeWeights));
      ended_now_.clear();
      plan_origin(i);
      const bool lineage = org.origin != Origin::fresh && org.origin != Origin::sub_body;
      org.start_style = static_cast<Style>(
          rng_.weighted(lineage || org.founded_by_parent ? kPointStyles : kStartStyles));
      org.end_style = static_cast<Style>(rng_.weighted(kEndStyles));
      // Lineage ends old orgs on the day, and in the words, of the new org's start.
      for (std::uint32_t j : ended_now_) orgs_[j].end_style = org.start_style;
      if (rng_.chance(0.4)) {
        const Day end = org.start + rng_.between(180, 8 * 365);
        if (end <= last_) org.end = end;
      }
      if (is_coalition(org.type)) coalitions_.push_back(i);
    }
  }

  void plan_origin(std::uint32_t i) {
    Org& org = orgs_[i];
    const std::uint64_t r = rng_.below(1000);  // per mille
    auto end_into = [&](std::uint32_t j, Fate fate) {
      orgs_[j].fate = fate;
      orgs_[j].successor = i;
      orgs_[j].end = org.start;  // now, so that later orgs do not pick it
      ended_now_.push_back(j);
    };
    if (r < 160) {
      const std::uint32_t p = find_alive(i, org.start);
      if (p == kNone) return;
      org.origin = Origin::split;
      org.parent = p;
      orgs_[p].split_child = i;
      if (is_coalition(orgs_[p].type) && rng_.chance(0.7)) org.type = orgs_[p].type;
    } else if (r < 230) {
      const std::uint32_t a = find_alive(i, org.start);
      const std::uint32_t b = a == kNone ? kNone : find_alive(i, org.start, a);
      if (b == kNone) return;
      org.origin = Origin::merger;
      end_into(a, Fate::merged_into);
      end_into(b, Fate::merged_into);
      if (rng_.chance(0.3)) {
        const std::uint32_t c = find_alive(i, org.start);
        if (c != kNone) end_into(c, Fate::merged_into);
      }
    } else if (r < 290) {
      const std::uint32_t p = find_alive(i, org.start);
      if (p == kNone) return;
      org.origin = Origin::rename;
      org.type = orgs_[p].type;
      end_into(p, Fate::renamed_to);
    } else if (r < 330) {
      const std::uint32_t p = find_alive(i, org.start);
      if (p == kNone) return;
      org.origin = Origin::succession;
      end_into(p, Fate::succeeded_by);
    } else if (r < 380) {
      const std::uint32_t a = find_alive(i, org.start);
      const std::uint32_t b = a == kNone ? kNone : find_alive(i, org.start, a);
      if (b == kNone) return;
      org.origin = Origin::formation;
      org.parent = a;
      org.parent2 = b;
    } else if (r < 550) {
      const std::uint32_t p = find_alive(i, org.start);
      if (p == kNone) return;
      org.origin = Origin::sub_body;
      org.parent = p;
      org.type = rng_.pick(kSubBodyTypes);
      org.founded_by_parent = rng_.chance(0.5);
    }
  }

  // ---- helpers for writing -------------------------------------------------------------------

  Sources sources() {
    const std::size_t a = rng_.index(sources_);
    if (rng_.chance(0.8)) return {a, a};
    return {a, rng_.index(sources_)};
  }

  DateText start_text(Day d) { return render(d, static_cast<Style>(rng_.weighted(kStartStyles))); }
  DateText end_text(Day d) { return render(d, static_cast<Style>(rng_.weighted(kEndStyles))); }
  DateText start_of(const Org& org) const { return render(org.start, org.start_style); }
  DateText end_of(const Org& org) const { return render(org.end, org.end_style); }

  Day end_or_last(Day end) const { return std::min(end, last_ + 1); }

  void relation(std::string_view from, std::string_view to, const Fields& fields) {
    w_.relation(from, to, fields, sources());
  }

  // A relation holding over a random part of [lo, hi) (hi may be kOpen), at least a month
  // long; nothing when the window is shorter than two months. `p_end` is the chance of an end
  // when neither endpoint has one; `at_start` that of starting on day lo itself.
  // `lo_text`, if given, is how day lo is written.
  void interval(std::string_view rel, std::string_view from, std::string_view to, Day lo, Day hi,
                double at_start = 0.2, double p_end = 0.4, const DateText* lo_text = nullptr) {
    const Day limit = end_or_last(hi);
    if (limit - lo < 60) return;
    const bool on_lo = rng_.chance(at_start);
    const Day start = on_lo ? lo : lo + rng_.between(0, limit - lo - 60);
    Fields f;
    f.add("rel", rel);
    const DateText s = on_lo && lo_text ? *lo_text : start_text(start);
    f.add("start", s.view());
    DateText e;
    if (hi != kOpen ? rng_.chance(0.75) : rng_.chance(p_end)) {
      const Day end =
          hi != kOpen && rng_.chance(0.3) ? hi : start + rng_.between(30, limit - start - 1);
      if (rng_.chance(0.05)) {  // "later withdrew": only a day when it still held is known
        e = render(start, Style::after_day);
      } else {
        e = end_text(end);
      }
      f.add("end", e.view());
    }
    relation(from, to, f);
  }

  Day overlap_start(const Org& a, const Org& b) const { return std::max(a.start, b.start); }
  Day overlap_end(const Org& a, const Org& b) const { return std::min(a.end, b.end); }

  void point(std::string_view rel, std::string_view from, std::string_view to,
             std::string_view date) {
    Fields f;
    f.add("rel", rel).add("date", date);
    relation(from, to, f);
  }

  // ---- entities --------------------------------------------------------------------------------

  void write_sources() {
    w_.comment("Sources");
    for (std::size_t i = 0; i < sources_; ++i) {
      const Pair& title = rng_.pick(kTitles);
      name_.clear();
      append_word(rng_, name_.ar, name_.en);
      const bool arabic = rng_.chance(0.5);
      const std::string text = arabic ? fmt::format("{} {} ({})", title.ar, name_.ar, i + 1)
                                      : fmt::format("{} {} ({})", title.en, name_.en, i + 1);
      const DateText date = render(last_ + rng_.between(30, 400), Style::day);
      Fields f;
      f.add("kind", "source")
          .add("type", rng_.pick(kSourceTypes))
          .add("title", text)
          .add("publisher", rng_.pick(kPublishers))
          .add("date", date.view())
          .add("lang", arabic ? "ar" : "en");
      w_.entity(Id("s", i).view(), f, {}, nullptr);
    }
  }

  void write_places() {
    w_.comment("Places");
    place_names_.reserve(places_);
    for (std::size_t i = 0; i < places_; ++i) {
      name_.clear();
      if (rng_.chance(0.4)) {
        const Pair& prefix = rng_.pick(kPlacePrefixes);
        name_.ar = fmt::format("{} ", prefix.ar);
        name_.en = fmt::format("{} ", prefix.en);
      }
      append_word(rng_, name_.ar, name_.en);
      Fields f;
      f.add("kind", "place")
          .add("type", rng_.pick(kPlaceTypes))
          .add("name", name_.ar)
          .add("name_en", name_.en);
      const Sources src = sources();
      w_.entity(Id("pl", i).view(), f, {}, &src);
      place_names_.push_back(name_);
    }
  }

  void org_name(const Org& org) {
    const OrgType& t = kOrgTypes[org.type];
    name_.clear();
    name_.ar = fmt::format("{} ", t.ar);
    append_with_article(rng_, name_);
    name_.en += ' ';
    name_.en += t.en;
    if (rng_.chance(0.3)) {
      const Name& place = place_names_[rng_.index(places_)];
      name_.ar += " في ";
      name_.ar += place.ar;
      name_.en += " in ";
      name_.en += place.en;
    }
  }

  void write_org(std::uint32_t i) {
    const Org& org = orgs_[i];
    const Id id("o", i);
    org_name(org);
    std::string acronym;
    if (rng_.chance(0.1)) {  // initials of the English name: "al-Nasir Gathering" -> NG
      bool word_start = true;
      for (std::size_t k = 0; k < name_.en.size(); ++k) {
        const char c = name_.en[k];
        if (word_start && c >= 'A' && c <= 'Z') acronym += c;
        word_start = c == ' ' || c == '-';
      }
    }
    const DateText start = start_of(org);
    const DateText end = end_of(org);
    Fields f;
    f.add("kind", "org")
        .add("type", kOrgTypes[org.type].type)
        .add("name", name_.ar)
        .add("name_en", name_.en)
        .add("start", start.view());
    if (org.end != kOpen) f.add("end", end.view());
    const std::string_view alias[] = {acronym};
    const Sources src = sources();
    w_.entity(id.view(), f, std::span<const std::string_view>(alias, acronym.size() > 1 ? 1 : 0),
              &src);

    write_lineage(i, id.view(), start.view());
    write_offices(org, id.view());
    write_coalitions(i, id.view());
    write_alignment(i, id.view());
    if (rng_.chance(0.5)) {
      Fields p;
      p.add("rel", "located_in");
      relation(id.view(), Id("pl", rng_.index(places_)).view(), p);
    }
    if (rng_.chance(0.25)) write_event(i, id.view());
  }

  void write_lineage(std::uint32_t i, std::string_view id, std::string_view start) {
    const Org& org = orgs_[i];
    switch (org.origin) {
      case Origin::split:
        point("split_from", id, Id("o", org.parent).view(), start);
        break;
      case Origin::formation:
        point("formed_from", id, Id("o", org.parent).view(), start);
        point("formed_from", id, Id("o", org.parent2).view(), start);
        break;
      case Origin::sub_body: {
        const Id parent("o", org.parent);
        Fields f;
        f.add("rel", "part_of").add("start", start);
        // It ends with the first of the two to end; a body ended by a lineage event on (or
        // just after) the sub-body's first day is left to clip it (no end of its own).
        const Day end = overlap_end(org, orgs_[org.parent]);
        const bool has_end = end != kOpen && end - org.start >= 30;
        const DateText e = has_end ? end_text(end) : DateText{};
        if (has_end) f.add("end", e.view());
        relation(id, parent.view(), f);
        if (org.founded_by_parent) point("founded", parent.view(), id, start);
        break;
      }
      case Origin::fresh:
        if (o_.people > 0 && rng_.chance(0.35)) {
          point("founded", Id("p", rng_.index(o_.people)).view(), id, start);
        }
        break;
      case Origin::merger:
      case Origin::rename:
      case Origin::succession:
        break;  // written by the old orgs (their fate)
    }
    if (org.fate != Fate::none) {
      constexpr std::array<std::string_view, 4> kFateRel{"", "merged_into", "renamed_to",
                                                         "succeeded_by"};
      point(kFateRel[static_cast<std::size_t>(org.fate)], id, Id("o", org.successor).view(),
            end_of(org).view());
    }
  }

  // Offices held by one person at a time: each term starts when (or after) the last one ended.
  void write_offices(const Org& org, std::string_view id) {
    if (o_.people == 0) return;
    const std::span<const Pair> roles = roles_of(kOrgTypes[org.type].roles);
    const std::size_t offices = 1 + rng_.index(std::min<std::size_t>(3, roles.size()));
    std::array<std::size_t, 3> chosen{0, 0, 0};  // the head of the body, then distinct others
    for (std::size_t k = 1; k < offices; ++k) {
      do {
        chosen[k] = 1 + rng_.index(roles.size() - 1);
      } while (std::find(chosen.begin() + 1, chosen.begin() + static_cast<std::ptrdiff_t>(k),
                         chosen[k]) != chosen.begin() + static_cast<std::ptrdiff_t>(k));
    }
    const Day limit = end_or_last(org.end);
    for (std::size_t k = 0; k < offices; ++k) {
      const Pair& role = roles[chosen[k]];
      Day t = org.start + rng_.between(0, 120);
      while (t + 60 < limit) {
        Day end = t + rng_.between(180, 6 * 365);
        bool last = false;
        if (end >= limit - 30) {
          end = org.end;  // the last term ends with the body, or stays open
          last = true;
        }
        Fields f;
        f.add("rel", "holds").add("role", role.ar).add("role_en", role.en);
        const DateText s = start_text(t);
        f.add("start", s.view());
        const DateText e = end != kOpen ? end_text(end) : DateText{};
        if (end != kOpen) f.add("end", e.view());
        relation(Id("p", rng_.index(o_.people)).view(), id, f);
        if (last) break;
        t = end + rng_.between(0, 90);
      }
    }
  }

  // Memberships in coalitions; members follow a coalition's split or merger on its day.
  void write_coalitions(std::uint32_t i, std::string_view id) {
    if (coalitions_.empty()) return;
    const Org& org = orgs_[i];
    constexpr std::array<std::uint16_t, 4> kCount{35, 35, 20, 10};
    const std::size_t n = rng_.weighted(kCount);
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t c = coalitions_[rng_.index(coalitions_.size())];
      const Org& body = orgs_[c];
      const Day lo = overlap_start(org, body);
      const Day hi = overlap_end(org, body);
      if (c == i || end_or_last(hi) - lo < 90) continue;
      const Id cid("o", c);
      const Day limit = end_or_last(hi);
      const Day start = rng_.chance(0.35) ? lo : lo + rng_.between(0, (limit - lo) / 2);
      const DateText s = start_text(start);
      Fields f;
      f.add("rel", "member_of").add("start", s.view());
      // Follow the coalition into its split-off or its successor.
      std::uint32_t next = kNone;
      Day moved = 0;
      if (body.split_child != kNone && rng_.chance(0.5)) {
        const Org& child = orgs_[body.split_child];
        if (child.start > start + 30 && child.start + 60 < end_or_last(org.end)) {
          next = body.split_child;
          moved = child.start;
        }
      } else if (body.fate != Fate::none && body.end > start + 30 && rng_.chance(0.6) &&
                 body.end + 60 < end_or_last(org.end)) {
        next = body.successor;
        moved = body.end;
      }
      DateText e;
      if (next != kNone) {
        e = start_of(orgs_[next]);  // the day of the split or merger, as the new body dates it
        f.add("end", e.view());
        relation(id, cid.view(), f);
        interval("member_of", id, Id("o", next).view(), moved, overlap_end(org, orgs_[next]), 1.0,
                 0.4, &e);
        continue;
      }
      if (rng_.chance(hi != kOpen ? 0.7 : 0.4)) {
        e = rng_.chance(0.08) ? render(start, Style::after_day)
                              : end_text(start + rng_.between(30, limit - start - 1));
        f.add("end", e.view());
      }
      relation(id, cid.view(), f);
    }
    if (org.origin == Origin::sub_body && rng_.chance(0.3)) {
      const std::uint32_t c = coalitions_[rng_.index(coalitions_.size())];
      if (c != i) {
        interval("represented_in", id, Id("o", c).view(), overlap_start(org, orgs_[c]),
                 overlap_end(org, orgs_[c]));
      }
    }
  }

  // An org existing during part of org i's life, for alignment relations.
  std::uint32_t partner(std::uint32_t i) {
    for (int tries = 0; tries < 8; ++tries) {
      const auto j = static_cast<std::uint32_t>(rng_.index(orgs_.size()));
      if (j != i &&
          end_or_last(overlap_end(orgs_[i], orgs_[j])) - overlap_start(orgs_[i], orgs_[j]) >= 90) {
        return j;
      }
    }
    return kNone;
  }

  void aligned(std::string_view rel, std::uint32_t i, std::string_view id, std::uint32_t j) {
    interval(rel, id, Id("o", j).view(), overlap_start(orgs_[i], orgs_[j]),
             overlap_end(orgs_[i], orgs_[j]));
  }

  void write_alignment(std::uint32_t i, std::string_view id) {
    const Org& org = orgs_[i];
    if (rng_.chance(0.3)) {
      if (auto j = partner(i); j != kNone) aligned("allied_with", i, id, j);
    }
    if (rng_.chance(0.3)) {
      if (auto j = partner(i); j != kNone) aligned("supports", i, id, j);
    }
    if (rng_.chance(0.2)) {
      if (auto j = partner(i); j != kNone) aligned("opposes", i, id, j);
    }
    if (is_authority(org.type) && rng_.chance(0.5)) {
      if (auto j = partner(i); j != kNone) aligned("approved", i, id, j);
    }
    if (is_controller(org.type) && rng_.chance(0.6)) {
      if (rng_.chance(0.7)) {
        interval("controls", id, Id("pl", rng_.index(places_)).view(), org.start, org.end);
      } else if (auto j = partner(i); j != kNone) {
        aligned("controls", i, id, j);
      }
    }
  }

  // An event organised by org i during its life, with other orgs and people taking part.
  void write_event(std::uint32_t i, std::string_view id) {
    const Org& org = orgs_[i];
    const Day limit = end_or_last(org.end);
    if (limit - org.start < 30) return;
    const Day day = org.start + rng_.between(1, limit - org.start - 1);
    const Id ev("e", events_++);
    const std::size_t type = rng_.index(kEventTypes.size());
    name_.clear();
    name_.ar = fmt::format("{} ", kEventTypes[type].ar);
    append_with_article(rng_, name_);
    name_.en += ' ';
    name_.en += kEventTypeEn[type];
    const DateText date = render(day, static_cast<Style>(rng_.weighted(kPointStyles)));
    Fields f;
    f.add("kind", "event")
        .add("type", kEventTypes[type].en)
        .add("name", name_.ar)
        .add("name_en", name_.en)
        .add("date", date.view());
    const Sources src = sources();
    w_.entity(ev.view(), f, {}, &src);
    point("organized", id, ev.view(), date.view());
    Fields at;
    at.add("rel", "located_in");
    relation(ev.view(), Id("pl", rng_.index(places_)).view(), at);
    const auto n_orgs = orgs_.size() < 2 ? 0 : 1 + rng_.index(3);
    for (std::size_t k = 0; k < n_orgs; ++k) {
      const std::uint32_t j = find_alive(static_cast<std::uint32_t>(orgs_.size()), day, i);
      if (j != kNone) point("participated_in", Id("o", j).view(), ev.view(), date.view());
    }
    const auto n_people = o_.people == 0 ? 0 : rng_.index(4);
    for (std::size_t k = 0; k < n_people; ++k) {
      point("participated_in", Id("p", rng_.index(o_.people)).view(), ev.view(), date.view());
    }
  }

  void write_person(std::size_t k) {
    const Id id("p", k);
    name_.clear();
    if (rng_.chance(0.25)) {  // عبد + a name: Abd al-…
      name_.ar = "عبد ";
      name_.en = "Abd ";
      append_with_article(rng_, name_);
    } else {
      append_word(rng_, name_.ar, name_.en);
    }
    std::string father_ar, father_en;
    append_word(rng_, father_ar, father_en);
    Name family;
    append_with_article(rng_, family);
    const std::string full_ar = fmt::format("{} {} {}", name_.ar, father_ar, family.ar);
    const std::string full_en = fmt::format("{} {}", name_.en, family.en);
    Name kunya;
    std::string_view aliases[2];
    std::span<const std::string_view> alias;
    if (rng_.chance(0.08)) {  // a kunya: أبو … / Abu …
      kunya.ar = "أبو ";
      kunya.en = "Abu ";
      append_word(rng_, kunya.ar, kunya.en);
      aliases[0] = kunya.ar;
      aliases[1] = kunya.en;
      alias = aliases;
    }
    Fields f;
    f.add("kind", "person").add("name", full_ar).add("name_en", full_en);
    const Sources src = sources();
    w_.entity(id.view(), f, alias, &src);
    if (orgs_.empty()) return;
    constexpr std::array<std::uint16_t, 4> kMemberships{15, 40, 30, 15};
    const std::size_t n = rng_.weighted(kMemberships);
    for (std::size_t m = 0; m < n; ++m) {
      const Org& org = orgs_[rng_.index(orgs_.size())];
      const auto j = static_cast<std::size_t>(&org - orgs_.data());
      interval("member_of", id.view(), Id("o", j).view(), org.start, org.end);
    }
    if (rng_.chance(0.3)) {
      const auto j = rng_.index(orgs_.size());
      interval(rng_.chance(0.6) ? "supports" : "opposes", id.view(), Id("o", j).view(),
               orgs_[j].start, orgs_[j].end);
    }
  }

  const GenerateOptions& o_;
  Random rng_;
  Writer w_;
  const Day first_, last_;
  std::size_t sources_ = 3, places_ = 8, events_ = 0;
  std::vector<Org> orgs_;
  std::vector<std::uint32_t> ended_now_;  // while planning: the orgs the current one ends
  std::vector<std::uint32_t> coalitions_;
  std::vector<Name> place_names_;
  Name name_;
};

}  // namespace

std::string_view to_string(GraphFormat format) {
  return format == GraphFormat::dot ? "dot" : "jsonl";
}

void generate(const GenerateOptions& options, GraphFormat format, std::ostream& out) {
  if (options.years < 1 || options.first_year < 1001 || options.first_year + options.years > 9999) {
    throw std::invalid_argument(fmt::format(
        "years must be at least 1 and the period must lie within 1001..9998 (got {} years "
        "from {})",
        options.years, options.first_year));
  }
  Generator(options, format, out).run();
}

}  // namespace orgraph
