#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>

// Matching keys for names written in Arabic or in English transliteration, and did-you-mean
// suggestions. Users look entities up by any spelling ("Hay'at Tahrir al-Sham", "هيئة تحرير
// الشام"); every name and alias is stored under fold(name) and a query is looked up as fold(query).
// All functions are thread-safe (ICU's normaliser singletons are immutable).
namespace orgraph::names {

// Folds a UTF-8 name into its matching key: equal keys mean "the same name, spelled
// differently". The key is NFC-normalised UTF-8, words separated by one ASCII space, no leading or
// trailing space; fold is deterministic and idempotent (fold(fold(x)) == fold(x)).
//   Arabic: removes harakat (U+064B-U+065F), superscript alef U+0670, Quranic marks
//     U+06D6-U+06ED, high hamza U+0674 and tatweel U+0640; آ أ إ ٱ ٲ ٳ -> ا, ى ی -> ي, ة -> ه,
//     ؤ -> و, ئ -> ي, ک -> ك. The article ال is kept (it is part of the word).
//   Latin and other scripts: NFKD, full Unicode case folding (ß -> ss), removal of generic
//     combining marks (é -> e, ṣ -> s; marks of script Inherited — a script's own vowel signs and
//     viramas, e.g. Devanagari, are kept) and of invisible format characters (ZWNJ, soft hyphen).
//   Apostrophes and ayn/hamza signs ' ’ ‘ ʼ ʻ ʿ ʾ ʹ ′ ` ´ are removed inside the word.
//   Every decimal digit (Arabic-Indic, Eastern Arabic-Indic, ...) becomes its ASCII digit.
//   Any other non-letter, non-digit (punctuation, symbols, whitespace, controls) separates words.
//   Transliterated article: a word "al" or "el" followed by another word is dropped (al-Sham,
//     Al Sham, el Sham); an assimilated form — at ath ad adh ar az as ash an, the same with e
//     (ez-Zor, esh-Sham) and ud ul ur (Nur ud-Din) — only when a dash follows it directly and a
//     word comes after. "Alan" and a lone "al" are untouched; "El Salvador" folds to "salvador";
//     š is s + caron, so "aš-Šām" folds to "sam", not "sham".
// Precondition: valid UTF-8 (ill-formed bytes become U+FFFD, which separates words) shorter than
// 2 GiB (else throws std::length_error). Throws orgraph::error if ICU's data cannot be loaded.
// Time: O(n) in the byte length, a few allocations.
std::string fold(std::string_view utf8);

// True when text is well-formed UTF-8 (Unicode Table 3-7: rejects overlong forms, surrogates,
// code points above U+10FFFF, stray continuation bytes and truncated sequences; NUL is valid).
// On failure *bad_offset (if given) is the byte offset where the first ill-formed sequence
// starts, i.e. its lead byte, like Python's UnicodeDecodeError.start ("ED A0 80" -> 0,
// "a E2 82" -> 1); on success *bad_offset is left unchanged. Time: O(n), no allocation.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr) noexcept;

// Levenshtein distance (insertions, deletions, substitutions; a transposition counts 2) between
// two UTF-8 strings, counted in code points, so "جمال" and "جمل" are 1 apart. Meant for folded
// keys; ill-formed bytes count one code point each. Time: O(|a|·|b|), memory O(|b|).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The max_distance value that asks closest for its default rule.
inline constexpr std::size_t default_max_distance = std::numeric_limits<std::size_t>::max();

// The candidate closest to `word` by edit_distance, if it is at most max_distance away (default:
// a third of word's length in code points, rounded down, at least 2); the first of equally close
// candidates wins; empty when none qualifies. Compares the strings as given (fold them first for
// names). The result views an element of candidates. Time: O(k·|word|·L) for k candidates of
// length at most L.
std::string_view closest(std::string_view word, std::span<const std::string_view> candidates,
                         std::size_t max_distance = default_max_distance);

}  // namespace orgraph::names
