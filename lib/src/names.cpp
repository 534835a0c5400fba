#include "orgraph/names.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>

#include "orgraph/error.hpp"

namespace orgraph::names {
namespace {

// ICU's normalisers are immutable singletons owned by ICU; they are never deleted.
struct Normalizers {
  const icu::Normalizer2* nfkd;
  const icu::Normalizer2* nfc;
};

const Normalizers& normalizers() {
  static const Normalizers instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const Normalizers n{icu::Normalizer2::getNFKDInstance(status),
                        icu::Normalizer2::getNFCInstance(status)};
    if (U_FAILURE(status)) {
      throw error(std::string("ICU normalisation data unavailable: ") + u_errorName(status));
    }
    return n;
  }();
  return instance;
}

icu::UnicodeString normalize(const icu::Normalizer2& normalizer, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString result = normalizer.normalize(text, status);
  if (U_FAILURE(status)) {
    throw error(std::string("ICU normalisation failed: ") + u_errorName(status));
  }
  return result;
}

// Marks transliterators write for ayn and hamza, and apostrophes: removed so that "Hay'at",
// "Hayʾat" and "Hayat" meet. U+00B4 must go before NFKD, which would turn it into space + accent.
bool is_apostrophe(UChar32 c) {
  switch (c) {
    case U'\'':      // apostrophe
    case U'\u2019':  // right single quotation mark
    case U'\u2018':  // left single quotation mark
    case U'\u02BC':  // modifier letter apostrophe
    case U'\u02BB':  // modifier letter turned comma (ʻokina)
    case U'\u02BF':  // modifier letter left half ring (ayn)
    case U'\u02BE':  // modifier letter right half ring (hamza)
    case U'\u02B9':  // modifier letter prime
    case U'\u2032':  // prime
    case U'`':       // grave accent
    case U'\u00B4':  // acute accent
      return true;
    default:
      return false;
  }
}

// Arabic signs that are optional in writing: harakat, superscript alef, Quranic annotation marks,
// high hamza and tatweel (a stretching stroke). Not all of them are nonspacing marks, hence a list.
bool is_optional_arabic_sign(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) ||
         c == 0x0674 || c == 0x0640;
}

// Letters that writers use interchangeably. آ أ إ ؤ ئ need no entry: NFKD splits them into
// ا و ي plus a hamza or madda mark, which is removed as an optional sign.
UChar32 unify_arabic_letter(UChar32 c) {
  switch (c) {
    case 0x0671:      // ٱ alef wasla
    case 0x0672:      // ٲ alef with wavy hamza above
    case 0x0673:      // ٳ alef with wavy hamza below
      return 0x0627;  // ا
    case 0x0649:      // ى alef maqsura
    case 0x06CC:      // ی Farsi yeh
      return 0x064A;  // ي
    case 0x0629:      // ة teh marbuta
      return 0x0647;  // ه
    case 0x06A9:      // ک keheh
      return 0x0643;  // ك
    default:
      return c;
  }
}

enum class Role { keep, drop, separate };

// What a code point of the case-folded NFKD text contributes to the key.
Role role_of(UChar32 c) {
  if (is_apostrophe(c) || is_optional_arabic_sign(c)) return Role::drop;
  switch (u_charType(c)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK: {
      // Generic diacritics (accents, harakat) belong to script Inherited; a script's own vowel
      // signs and viramas (Devanagari, Thai, ...) spell the word and stay.
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(c, &status);
      return U_SUCCESS(status) && script != USCRIPT_INHERITED ? Role::keep : Role::drop;
    }
    case U_FORMAT_CHAR:  // invisible: ZWNJ, ZWJ, soft hyphen, direction marks
      return Role::drop;
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_COMBINING_SPACING_MARK:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:  // unknown to this ICU: keep it rather than guess it is punctuation
      return Role::keep;
    default:  // punctuation, symbols, separators, controls, U+FFFD from ill-formed input
      return Role::separate;
  }
}

UChar32 key_char(UChar32 c) {
  if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) return U'0' + u_charDigitValue(c);
  return unify_arabic_letter(c);
}

struct Word {
  std::string text;  // NFC UTF-8
  bool hyphen_follows = false;
};

std::vector<Word> split_words(const icu::UnicodeString& text) {
  std::vector<Word> words;
  icu::UnicodeString current;
  const auto end_word = [&](bool hyphen_follows) {
    if (current.isEmpty()) return;
    Word& word = words.emplace_back();
    normalize(*normalizers().nfc, current).toUTF8String(word.text);
    word.hyphen_follows = hyphen_follows;
    current.remove();
  };
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    switch (role_of(c)) {
      case Role::keep:
        current.append(key_char(c));
        break;
      case Role::drop:
        break;
      case Role::separate:
        end_word(u_charType(c) == U_DASH_PUNCTUATION);
        break;
    }
  }
  end_word(false);
  return words;
}

// The Arabic article as transliterated: "al"/"el" as a word of its own or before a hyphen, and the
// assimilated forms before sun letters (ash-Sham, ad-Din, ez-Zor, ud-Din, ur-Rahman), which are
// recognised only before a hyphen because as words they are English ("as", "an", "at").
bool is_transliterated_article(const Word& word) {
  if (word.text == "al" || word.text == "el") return true;
  if (!word.hyphen_follows) return false;
  static constexpr std::string_view kAssimilated[] = {
      "at", "ath", "ad", "adh", "ar", "az", "as", "ash", "an",  // Modern Standard Arabic
      "et", "eth", "ed", "edh", "er", "ez", "es", "esh", "en",  // Levantine spellings
      "ud", "ul",  "ur",                                        // after a case ending
  };
  return std::ranges::find(kAssimilated, word.text) != std::end(kAssimilated);
}

// Length of the well-formed UTF-8 sequence starting at text[i] (i < size), or 0 if there is
// none. The byte ranges are those of Unicode 15, Table 3-7.
std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // continuation byte, overlong lead C0/C1, or F5..FF
  }
  if (text.size() - i < length) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// The Unicode scalar value at text[i], or 0x110000 + byte for an ill-formed byte; advances i.
// Ill-formed bytes thus count one code point each and differ from every scalar value.
char32_t decode_next(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const std::size_t length = sequence_length(text, i);
  if (length == 0) return 0x110000 + byte(i++);
  if (length == 1) return byte(i++);
  char32_t c = byte(i) & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (byte(i + k) & 0x3F);
  i += length;
  return c;
}

std::u32string code_points(std::string_view text) {
  std::u32string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) result.push_back(decode_next(text, i));
  return result;
}

}  // namespace

std::string fold(std::string_view utf8) {
  if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    throw std::length_error("orgraph::names::fold: name longer than 2 GiB");
  }
  const icu::UnicodeString decoded = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString text;
  for (int32_t i = 0; i < decoded.length();) {
    const UChar32 c = decoded.char32At(i);
    i += U16_LENGTH(c);
    if (!is_apostrophe(c)) text.append(c);
  }
  // NFKD, fold, NFKD again: folding can produce decomposable text (İ -> i + dot above).
  text = normalize(*normalizers().nfkd, text);
  text.foldCase(U_FOLD_CASE_DEFAULT);
  text = normalize(*normalizers().nfkd, text);

  const std::vector<Word> words = split_words(text);
  std::string key;
  key.reserve(utf8.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + 1 < words.size() && is_transliterated_article(words[i])) continue;
    if (!key.empty()) key += ' ';
    key += words[i].text;
  }
  return key;
}

bool is_valid_utf8(std::string_view text, std::size_t* bad_offset) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    // Runs of ASCII, eight bytes at a time: most of a graph file (keys, ids, dates, English).
    std::uint64_t word;
    while (text.size() - i >= sizeof word &&
           (std::memcpy(&word, text.data() + i, sizeof word), (word & 0x8080808080808080u) == 0)) {
      i += sizeof word;
    }
    if (i == text.size()) break;
    const std::size_t length = sequence_length(text, i);
    if (length == 0) {
      if (bad_offset != nullptr) *bad_offset = i;
      return false;
    }
    i += length;
  }
  return true;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::u32string s = code_points(a);
  const std::u32string t = code_points(b);
  // Wagner-Fischer with one row: row[j] is the distance between the prefix of s read so far and
  // t[0, j).
  std::vector<std::size_t> row(t.size() + 1);
  for (std::size_t j = 0; j <= t.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= s.size(); ++i) {
    std::size_t diagonal = row[0];  // distance(s[0, i-1), t[0, j-1))
    row[0] = i;
    for (std::size_t j = 1; j <= t.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (s[i - 1] == t[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[t.size()];
}

std::string_view closest(std::string_view word, std::span<const std::string_view> candidates,
                         std::size_t max_distance) {
  const std::size_t length = code_points(word).size();
  if (max_distance == default_max_distance) max_distance = std::max<std::size_t>(length / 3, 2);
  std::string_view best;
  std::size_t best_distance = max_distance + 1;
  for (const std::string_view candidate : candidates) {
    // The length difference bounds the distance from below; skip what cannot win.
    const std::size_t candidate_length = code_points(candidate).size();
    const std::size_t gap =
        length > candidate_length ? length - candidate_length : candidate_length - length;
    if (gap >= best_distance) continue;
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace orgraph::names
