#include "orgraph/names.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

using namespace std::string_view_literals;

namespace {

namespace names = orgraph::names;

// One row of a folding table: a spelling and the key it must fold to.
struct FoldCase {
  std::string_view input;
  std::string_view expected;
};

void check_folds(std::span<const FoldCase> table) {
  for (const FoldCase& row : table) {
    CAPTURE(row.input);
    CHECK(names::fold(row.input) == row.expected);
  }
}

// ---- Arabic script -------------------------------------------------------------------------

constexpr FoldCase kHarakat[] = {
    {"هَيْئَةُ تَحْرِيرِ الشَّامِ", "هييه تحرير الشام"},  // fatha, sukun, damma, kasra, shadda
    {"جَمَالُ الوَادِي", "جمال الوادي"},
    {"مِن", "من"},                      // seed 002
    {"رسمياً", "رسميا"},                // tanwin fath, seed 001
    {"لقاءً", "لقاء"},                  // tanwin on hamza, seed 004
    {"صدّ", "صد"},                      // shadda, seed 002
    {"المُشارِكة", "المشاركه"},          // seed 002
    {"الرحمٰن", "الرحمن"},              // U+0670 superscript alef
    {"العلم\u06D7", "العلم"},          // Quranic small high qaf
    {"قال\u06DA", "قال"},              // Quranic small high jeem
    {"الارض\u06ED", "الارض"},          // Quranic small low meem, last of the range
    {"\u06DEالكتاب\u06E9", "الكتاب"},  // rub el hizb and sajdah sign are symbols, still removed
};

constexpr FoldCase kTatweel[] = {
    {"المـــجلس", "المجلس"},
    {"لـ", "ل"},  // seed 000: "لـ حكاية"
    {"سوريـا", "سوريا"},
    {"ـــ", ""},
};

constexpr FoldCase kAlefForms[] = {
    {"إدلب", "ادلب"},  // hamza below, seed 002
    {"ادلب", "ادلب"},
    {"إِدْلِب", "ادلب"},
    {"أحرار الشام", "احرار الشام"},      // hamza above, seed 003
    {"آذار", "اذار"},                    // madda, seed 000
    {"ٱلشام", "الشام"},                  // alef wasla
    {"حكومة الإنقاذ", "حكومه الانقاذ"},  // seed 002
};

constexpr FoldCase kYehTehHamzaCarriers[] = {
    {"مصطفى", "مصطفي"},                  // alef maqsura, seed 004
    {"مصطفي", "مصطفي"},                  // already with yeh
    {"مصطفى الدروبي", "مصطفي الدروبي"},  // seed 004
    {"حماة", "حماه"},                    // teh marbuta, seed 002
    {"حماه", "حماه"},                    // already with heh
    {"مؤتمر الإنقاذ", "موتمر الانقاذ"},  // hamza on waw, seed 001
    {"مسؤول", "مسوول"},                  // hamza on waw, seed 001
    {"هيئة", "هييه"},                    // hamza on yeh
    {"الفصائل", "الفصايل"},              // hamza on yeh, seed 003
};

constexpr FoldCase kDigits[] = {
    {"٢٠١١", "2011"},                              // Arabic-Indic
    {"۲۰۱۳", "2013"},                              // Eastern Arabic-Indic (Persian)
    {"23-8-2011", "23 8 2011"},                    // seed 001
    {"٨ كانون الأول ٢٠٢٤", "8 كانون الاول 2024"},  // mixed with words
    {"(72+2)", "72 2"},                            // seed 001
};

constexpr FoldCase kPersianLetters[] = {
    {"کتاب", "كتاب"},    // keheh
    {"ایران", "ايران"},  // Farsi yeh
    {"فارسی", "فارسي"},
};

// The article ال is part of the word: "الشام" (the Levant) is not "شام".
constexpr FoldCase kArabicArticleKept[] = {
    {"المجلس الوطني السوري", "المجلس الوطني السوري"},      // seed 001
    {"لجان التنسيق المحلية", "لجان التنسيق المحليه"},      // seed 000
    {"مكتب الحراك الثوري", "مكتب الحراك الثوري"},          // seed 001
    {"جمال الوادي", "جمال الوادي"},                        // seed 001
    {"حنان البلخي", "حنان البلخي"},                        // seed 001
    {"حسن عبد الغني", "حسن عبد الغني"},                    // seed 003
    {"تجمع أنصار الثورة", "تجمع انصار الثوره"},            // seed 000
    {"سرايا المقاومة الشعبية", "سرايا المقاومه الشعبيه"},  // seed 002
    {"«تجمع مصير»", "تجمع مصير"},                          // seed 004
    {"الشام", "الشام"},
};

TEST_CASE("fold removes harakat, superscript alef and Quranic marks") { check_folds(kHarakat); }

TEST_CASE("fold removes tatweel") { check_folds(kTatweel); }

TEST_CASE("fold writes every alef form as a bare alef") { check_folds(kAlefForms); }

TEST_CASE("fold unifies alef maqsura with yeh, teh marbuta with heh and drops hamza carriers") {
  check_folds(kYehTehHamzaCarriers);
}

TEST_CASE("fold writes Arabic-Indic digits as ASCII digits") { check_folds(kDigits); }

TEST_CASE("fold writes Persian keheh and yeh as Arabic kaf and yeh") {
  check_folds(kPersianLetters);
}

TEST_CASE("fold keeps the Arabic article") {
  check_folds(kArabicArticleKept);
  CHECK(names::fold("الشام") != names::fold("شام"));
}

// ---- Latin script --------------------------------------------------------------------------

constexpr FoldCase kDiacritics[] = {
    {"Jamāl", "jamal"},
    {"Ṣalāḥ", "salah"},
    {"Ḥimṣ", "hims"},
    {"Ḥamāh", "hamah"},
    {"Darʿā", "dara"},
    {"Café", "cafe"},
    {"coöperation", "cooperation"},  // combining diaeresis after NFKD
    {"Cafe\u0301", "cafe"},          // already decomposed
};

constexpr FoldCase kCaseFolding[] = {
    {"SYRIAN NATIONAL COUNCIL", "syrian national council"},
    {"Syrian National Council", "syrian national council"},
    {"Straße", "strasse"},  // full folding: ß -> ss
    {"STRASSE", "strasse"},
    {"İdlib", "idlib"},      // İ folds to i + dot above; the dot is a diacritic
    {"Σίσυφος", "σισυφοσ"},  // final sigma folds like sigma
    {"ΣΊΣΥΦΟΣ", "σισυφοσ"},
    {"ﬁnal", "final"},     // ligature, by NFKD
    {"ＨＯＭＳ", "homs"},  // fullwidth, by NFKD
};

constexpr FoldCase kApostrophes[] = {
    {"Hay'at", "hayat"},  // ASCII apostrophe
    {"Hay’at", "hayat"},  // right single quotation mark
    {"Hay‘at", "hayat"},  // left single quotation mark
    {"Hayʼat", "hayat"},  // modifier letter apostrophe
    {"Hayʾat", "hayat"},  // right half ring (hamza)
    {"Saʿid", "said"},    // left half ring (ayn)
    {"Saʻid", "said"},    // turned comma
    {"Sa`id", "said"},    // grave accent
    {"Sa´id", "said"},    // acute accent, removed before NFKD splits it into space + accent
    {"Sa＇id", "said"},   // fullwidth apostrophe, by NFKD
};

constexpr FoldCase kPunctuation[] = {
    {"Syrian National Council (SNC)", "syrian national council snc"},
    {"«Masir» Gathering", "masir gathering"},
    {"\"Ansar\" “Thawra”", "ansar thawra"},
    {"Homs, Syria.", "homs syria"},
    {"Hama / Idlib", "hama idlib"},
    {"member-of", "member of"},
    {"Homs – Hama", "homs hama"},           // en dash
    {"حمص، حماة؛ إدلب؟", "حمص حماه ادلب"},  // Arabic comma, semicolon, question mark
};

constexpr FoldCase kWhitespace[] = {
    {"  Jamal   Wadi\t\n", "jamal wadi"},
    {"Jamal\u00A0Wadi", "jamal wadi"},    // no-break space
    {"جمال\u3000الوادي", "جمال الوادي"},  // ideographic space
    {"", ""},
    {" \t ", ""},
};

// Dropped: "al"/"el" before another word; assimilated forms (ash, ez, ud, ...) before a hyphen.
constexpr FoldCase kTransliteratedArticle[] = {
    {"Jamal al-Wadi", "jamal wadi"},
    {"Jamal Al Wadi", "jamal wadi"},
    {"jamal el wadi", "jamal wadi"},
    {"Jamāl al-Wādī", "jamal wadi"},
    {"Hay'at Tahrir al-Sham", "hayat tahrir sham"},
    {"Hayat Tahrir ash-Sham", "hayat tahrir sham"},
    {"Hayʾat Taḥrīr aš-Šām", "hayat tahrir sam"},  // š is s + caron, not "sh"
    {"Jabhat an-Nuṣra", "jabhat nusra"},
    {"al-Waer", "waer"},  // at the start of the name
    {"Deir ez-Zor", "deir zor"},
    {"Deir al-Zor", "deir zor"},
    {"Abd ar-Rahman", "abd rahman"},
    {"Jabhat an-Nusra", "jabhat nusra"},
    {"Salah ad-Din", "salah din"},
    {"Salah ud-Din", "salah din"},
    {"Ras el-Ain", "ras ain"},
    {"Bab al-Hawa al-Sharqi", "bab hawa sharqi"},
};

// Words that merely look like the article keep every letter.
constexpr FoldCase kNotTheArticle[] = {
    {"Alan", "alan"},
    {"Elena", "elena"},
    {"Alawite", "alawite"},
    {"al", "al"},  // the whole name
    {"Al-", "al"},
    {"Sham al", "sham al"},  // nothing follows
    {"as Sham", "as sham"},  // an assimilated form needs its hyphen
    {"an office", "an office"},
    {"Aleppo", "aleppo"},
};

TEST_CASE("fold removes Latin diacritics") { check_folds(kDiacritics); }

TEST_CASE("fold applies full Unicode case folding") { check_folds(kCaseFolding); }

TEST_CASE("fold removes apostrophes and ayn/hamza signs inside a word") {
  check_folds(kApostrophes);
}

TEST_CASE("fold turns punctuation into word breaks") { check_folds(kPunctuation); }

TEST_CASE("fold collapses and trims whitespace") { check_folds(kWhitespace); }

TEST_CASE("fold drops the transliterated Arabic article") { check_folds(kTransliteratedArticle); }

TEST_CASE("fold keeps words that only look like the article") { check_folds(kNotTheArticle); }

// ---- Mixed and other scripts ---------------------------------------------------------------

constexpr FoldCase kMixed[] = {
    {"snc", "snc"},
    {"hirak_office", "hirak office"},
    {"homs_coord", "homs coord"},
    {"Ansar al-Thawra (أنصار الثورة)", "ansar thawra انصار الثوره"},
    {"SNC ٢٠١١", "snc 2011"},
    {"Jamal الوادي", "jamal الوادي"},
    {"ﻻ", "لا"},                   // presentation form, by NFKD
    {"Wa\u00ADdi", "wadi"},        // soft hyphen is invisible
    {"حماة\u200F", "حماه"},        // right-to-left mark
    {"می\u200Cخواهم", "ميخواهم"},  // zero-width non-joiner
    {"한국어", "한국어"},          // Hangul is recomposed (NFC) after NFKD
    {"मुक्ति", "मुक्ति"},              // Devanagari vowel signs and virama spell the word
    {"a\xFFz", "a z"},             // ill-formed byte -> U+FFFD -> word break
};

TEST_CASE("fold applies both rule sets to mixed text and leaves other scripts readable") {
  check_folds(kMixed);
}

// ---- Properties over every case above ------------------------------------------------------

constexpr std::span<const FoldCase> kAllTables[] = {
    kHarakat,
    kTatweel,
    kAlefForms,
    kYehTehHamzaCarriers,
    kDigits,
    kPersianLetters,
    kArabicArticleKept,
    kDiacritics,
    kCaseFolding,
    kApostrophes,
    kPunctuation,
    kWhitespace,
    kTransliteratedArticle,
    kNotTheArticle,
    kMixed,
};

TEST_CASE("fold is deterministic and idempotent") {
  std::size_t cases = 0;
  for (const auto table : kAllTables) {
    for (const FoldCase& row : table) {
      CAPTURE(row.input);
      const std::string key = names::fold(row.input);
      CHECK(names::fold(row.input) == key);
      CHECK(names::fold(key) == key);
      CHECK(names::is_valid_utf8(key));
      ++cases;
    }
  }
  CHECK(cases >= 40);
}

TEST_CASE("spellings of one name meet in one key") {
  const std::vector<std::vector<std::string_view>> groups = {
      {"Jamal al-Wadi", "Jamal Al Wadi", "jamal el wadi", "Jamāl al-Wādī", "JAMAL AL-WADI"},
      {"Hay'at Tahrir al-Sham", "Hayat Tahrir ash-Sham", "Hayʾat Taḥrīr al-Shām",
       "Hay’at Tahrir Al Sham"},
      {"هيئة تحرير الشام", "هَيْئَةُ تَحْرِيرِ الشَّامِ", "هيئه تحرير الشام", "هيـئة تحرير الشام"},
      {"جمال الوادي", "جَمال الوادى", "جمال الوادی"},
      {"إدلب", "ادلب", "إِدْلِب", "أدلب"},
      {"حماة", "حماه", "حَمَاة"},
      {"مصطفى", "مصطفي", "مُصْطَفَى"},
      {"٢٠١١", "۲۰۱۱", "2011"},
  };
  for (const auto& group : groups) {
    const std::string key = names::fold(group.front());
    for (const std::string_view spelling : group) {
      CAPTURE(spelling);
      CHECK(names::fold(spelling) == key);
    }
  }
}

// ---- UTF-8 validation ----------------------------------------------------------------------

// Expected offsets agree with Python's UnicodeDecodeError.start for bytes.decode("utf-8").
struct Utf8Case {
  std::string_view bytes;
  bool valid;
  std::size_t bad_offset;  // meaningful when !valid
};

constexpr Utf8Case kUtf8Cases[] = {
    {""sv, true, 0},
    {"abc"sv, true, 0},
    {"\0"sv, true, 0},  // NUL is a valid code point
    {"a\0b"sv, true, 0},
    {"جمال الوادي"sv, true, 0},
    {"\xF0\x9F\x98\x80"sv, true, 0},   // U+1F600
    {"\xF4\x8F\xBF\xBF"sv, true, 0},   // U+10FFFF, the last code point
    {"\xED\x9F\xBF"sv, true, 0},       // U+D7FF, just below the surrogates
    {"\xEE\x80\x80"sv, true, 0},       // U+E000, just above them
    {"\xC0\xAF"sv, false, 0},          // overlong '/'
    {"\xC1\xBF"sv, false, 0},          // overlong
    {"\xE0\x80\xAF"sv, false, 0},      // overlong, 3 bytes
    {"\xF0\x80\x80\xAF"sv, false, 0},  // overlong, 4 bytes
    {"\xED\xA0\x80"sv, false, 0},      // U+D800, a surrogate
    {"ab\xED\xBF\xBF"sv, false, 2},    // U+DFFF
    {"\xF4\x90\x80\x80"sv, false, 0},  // U+110000
    {"\xF5\x80\x80\x80"sv, false, 0},  // lead byte beyond F4
    {"\xFF"sv, false, 0},
    {"\x80"sv, false, 0},            // stray continuation byte
    {"a\xE2\x82"sv, false, 1},       // truncated at the end
    {"a\xE2\x82z"sv, false, 1},      // truncated before ASCII
    {"\xF0\x9F\x98"sv, false, 0},    // truncated 4-byte sequence
    {"ok\xC3\xA9\xC3"sv, false, 4},  // after a valid é
    {"جمال\xD8"sv, false, 8},        // after 4 Arabic letters of 2 bytes
};

TEST_CASE("is_valid_utf8 accepts well-formed UTF-8 and locates the first ill-formed sequence") {
  for (const Utf8Case& row : kUtf8Cases) {
    CAPTURE(row.bytes);
    std::size_t offset = 12345;
    CHECK(names::is_valid_utf8(row.bytes, &offset) == row.valid);
    CHECK(offset == (row.valid ? 12345 : row.bad_offset));  // untouched on success
    CHECK(names::is_valid_utf8(row.bytes) == row.valid);
  }
}

// Runs of ASCII are skipped eight bytes at a time: the same answers after ASCII prefixes of
// every length around a multiple of eight, and before ASCII suffixes.
TEST_CASE("is_valid_utf8 finds the same sequences after and before runs of ASCII") {
  for (const Utf8Case& row : kUtf8Cases) {
    for (std::size_t prefix = 0; prefix <= 17; ++prefix) {
      for (const std::size_t suffix : {0, 3, 9}) {
        const std::string bytes =
            std::string(prefix, 'p') + std::string(row.bytes) + std::string(suffix, 's');
        CAPTURE(row.bytes);
        CAPTURE(prefix);
        CAPTURE(suffix);
        std::size_t offset = 12345;
        CHECK(names::is_valid_utf8(bytes, &offset) == row.valid);
        CHECK(offset == (row.valid ? 12345 : prefix + row.bad_offset));
      }
    }
  }
}

// ---- Edit distance and suggestions ---------------------------------------------------------

struct DistanceCase {
  std::string_view a, b;
  std::size_t distance;
};

constexpr DistanceCase kDistances[] = {
    {"", "", 0},
    {"", "abc", 3},
    {"member_of", "member_of", 0},
    {"membr_of", "member_of", 1},     // insertion
    {"spilt_from", "split_from", 2},  // a transposition is two edits
    {"kitten", "sitting", 3},         // the textbook example
    {"flaw", "lawn", 2},
    {"é", "e", 1},  // code points, not bytes
    {"جمال", "جمل", 1},
    {"حماه", "حماة", 1},
    {"\xFF", "\xFE", 1},  // ill-formed bytes count as distinct units
};

TEST_CASE("edit_distance is Levenshtein distance in code points") {
  for (const DistanceCase& row : kDistances) {
    CAPTURE(row.a);
    CAPTURE(row.b);
    CHECK(names::edit_distance(row.a, row.b) == row.distance);
    CHECK(names::edit_distance(row.b, row.a) == row.distance);  // symmetric
  }
}

// The relation vocabulary of the model, as `rel=` values.
constexpr std::string_view kRelationKinds[] = {
    "member_of",  "part_of",      "represented_in", "holds",           "split_from",  "merged_into",
    "renamed_to", "succeeded_by", "formed_from",    "founded",         "allied_with", "supports",
    "opposes",    "controls",     "approved",       "participated_in", "organized",   "located_in",
};

TEST_CASE("closest suggests the nearest relation kind") {
  CHECK(names::closest("membr_of", kRelationKinds) == "member_of");
  CHECK(names::closest("spilt_from", kRelationKinds) == "split_from");
  CHECK(names::closest("member_of", kRelationKinds) == "member_of");
  CHECK(names::closest("hlds", kRelationKinds) == "holds");
  CHECK(names::closest("hodls", kRelationKinds) == "holds");  // 5 letters: 2 edits, not 5 / 3
  CHECK(names::closest("suports", kRelationKinds) == "supports");
  CHECK(names::closest("participatedin", kRelationKinds) == "participated_in");
}

TEST_CASE("closest returns empty when nothing is close") {
  CHECK(names::closest("xyz", kRelationKinds).empty());
  CHECK(names::closest("banana", kRelationKinds).empty());
  CHECK(names::closest("member_of", std::span<const std::string_view>{}).empty());
  // "located" is 3 edits from "located_in"; a third of 7 letters allows only 2.
  CHECK(names::closest("located", kRelationKinds).empty());
  // 9 letters allow 3 edits, not 4.
  CHECK(names::closest("membxxxof", kRelationKinds) == "member_of");
  CHECK(names::closest("mxxxxr_of", kRelationKinds).empty());
}

TEST_CASE("closest honours an explicit max_distance") {
  CHECK(names::closest("located", kRelationKinds, 3) == "located_in");
  CHECK(names::closest("membr_of", kRelationKinds, 0).empty());
  CHECK(names::closest("holds", kRelationKinds, 0) == "holds");
}

TEST_CASE("closest prefers the first of equally close candidates") {
  constexpr std::string_view candidates[] = {"ab", "ba"};
  CHECK(names::closest("aa", candidates) == "ab");
  constexpr std::string_view reversed[] = {"ba", "ab"};
  CHECK(names::closest("aa", reversed) == "ba");
}

TEST_CASE("closest measures Arabic keys in letters") {
  constexpr std::string_view places[] = {"حمص", "حماه", "ادلب"};
  CHECK(names::closest(names::fold("حماة"), places) == "حماه");
  CHECK(names::closest("ادلبب", places) == "ادلب");
}

}  // namespace
