// country_lexicon.cpp: the index behind match_country_phrase, built once from countries.tsv.
//
// Every phrase of the table is filed under its first word ("White House" under "White",
// "U.S." under "U", "Quai d'Orsay" under "Quai"); each word's candidates are kept longest
// first. A lookup reads the word at the start of the text, finds its candidates with one
// hash lookup and returns the first that matches and ends at a word boundary, so the cost is
// one short scan and one hash per call whatever the size of the table. Most capitalised words
// are not country words and stop at the first-byte filter or at the hash lookup.
//
// Comparison is byte for byte (case-sensitive), with two foldings so that news typography
// does not hide a phrase: an apostrophe in the table matches ' or ’ (U+2019) in the text, and a
// space matches any run of ASCII white space, no-break spaces (U+00A0) and narrow no-break
// spaces (U+202F).
//
// A phrase listed twice keeps its first listing: rows are read in file order and, within a row,
// the columns in evidence order (name and other names, then adjective and demonyms, then
// capitals, then institutions).
#include "extract/country_lexicon.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/lexicon.h"

namespace qe::extract {
namespace {

// Columns of countries.tsv.
enum Column : std::size_t { kCode, kName, kAdjective, kOtherNames, kDemonyms, kCapitals, kInstitutions, kColumns };

// Decodes the UTF-8 sequence at text[i] (i < size); returns its length, or 0 when invalid.
std::size_t decode(std::string_view text, std::size_t i, char32_t& code_point) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  std::size_t length;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if (lead >= 0xC2 && lead < 0xE0) {
    length = 2, code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead < 0xF0) {
    length = 3, code_point = lead & 0x0F;
  } else if (lead >= 0xF0 && lead < 0xF5) {
    length = 4, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(k) & 0x3F);
  }
  return length;
}

// Whether a code point can be part of a word: ASCII letters and digits, and outside ASCII
// everything except the punctuation, symbol and space blocks news text uses (Latin-1
// punctuation, general punctuation and symbols U+2000-U+2BFF, CJK and full-width punctuation,
// private use). Letters of every script and combining marks count as word characters.
bool is_word_code_point(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;  // ª µ º
  if (c == 0xD7 || c == 0xF7) return false;                  // × ÷
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xE000 && c <= 0xF8FF) return false;
  if (c >= 0xFE10 && c <= 0xFE6F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  return true;
}

// Bytes of the word character at text[i], or 0 when there is none (end of text, punctuation,
// space). Invalid UTF-8 counts as a word character, so it never makes a boundary.
std::size_t word_char_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  char32_t c;
  const std::size_t length = decode(text, i, c);
  if (length == 0) return 1;
  return is_word_code_point(c) ? length : 0;
}

// The leading run of word characters ("U" of "U.S.", "Russia" of "Russia's").
std::string_view first_word(std::string_view text) {
  std::size_t end = 0;
  while (const std::size_t n = word_char_at(text, end)) end += n;
  return text.substr(0, end);
}

// Bytes of the white space at text[i] that a space in a phrase matches, or 0.
std::size_t space_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  switch (text[i]) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v': return 1;
    default: break;
  }
  if (text.compare(i, 2, "\xC2\xA0") == 0) return 2;       // U+00A0 no-break space
  if (text.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;   // U+202F narrow no-break space
  return 0;
}

// Bytes of text matched by phrase at its start, or 0 when it does not match there.
std::size_t match_at_start(std::string_view phrase, std::string_view text) {
  std::size_t i = 0;
  for (const char c : phrase) {
    if (c == ' ') {
      std::size_t n = space_at(text, i);
      if (n == 0) return 0;
      do i += n; while ((n = space_at(text, i)) != 0);
    } else if (c == '\'' && text.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      i += 3;
    } else if (i < text.size() && text[i] == c) {
      ++i;
    } else {
      return 0;
    }
  }
  return i;
}

struct Entry {
  std::string_view phrase, code;
  CountryEvidence evidence;
};

struct Index {
  std::vector<CountryInfo> countries;                                 // file order
  std::unordered_map<std::string_view, const CountryInfo*> by_code;
  std::unordered_map<std::string_view, std::vector<Entry>> by_first_word;  // longest first
  std::array<bool, 256> first_bytes{};                                // bytes a phrase starts with
};

void add_phrases(Index& index, std::unordered_set<std::string_view>& seen, std::string_view code,
                 std::string_view column, CountryEvidence evidence) {
  while (!column.empty()) {
    const std::size_t bar = column.find('|');
    const std::string_view phrase = column.substr(0, bar);
    column.remove_prefix(bar == std::string_view::npos ? column.size() : bar + 1);
    if (phrase.empty() || !seen.insert(phrase).second) continue;
    index.by_first_word[first_word(phrase)].push_back({phrase, code, evidence});
    index.first_bytes[static_cast<unsigned char>(phrase[0])] = true;
  }
}

Index build_index() {
  Index index;
  const auto rows = lexicon_rows("countries.tsv");
  index.countries.reserve(rows.size());
  std::unordered_set<std::string_view> seen;
  for (const auto& row : rows) {
    const auto column = [&](std::size_t k) { return k < row.size() ? row[k] : std::string_view(); };
    if (column(kCode).empty() || column(kName).empty() || column(kAdjective).empty()) continue;
    if (index.by_code.count(column(kCode)) != 0) continue;
    index.countries.push_back({column(kCode), column(kName), column(kAdjective)});
    index.by_code.emplace(column(kCode), &index.countries.back());
    const std::string_view code = index.countries.back().code;
    add_phrases(index, seen, code, column(kName), CountryEvidence::Name);
    add_phrases(index, seen, code, column(kOtherNames), CountryEvidence::Name);
    add_phrases(index, seen, code, column(kAdjective), CountryEvidence::Demonym);
    add_phrases(index, seen, code, column(kDemonyms), CountryEvidence::Demonym);
    add_phrases(index, seen, code, column(kCapitals), CountryEvidence::Capital);
    add_phrases(index, seen, code, column(kInstitutions), CountryEvidence::Institution);
  }
  for (auto& [word, entries] : index.by_first_word)
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return a.phrase.size() > b.phrase.size();
    });
  return index;
}

const Index& index() {
  static const Index built = build_index();
  return built;
}

}  // namespace

std::optional<CountryMatch> match_country_phrase(std::string_view text) {
  const Index& lexicon = index();
  if (text.empty() || !lexicon.first_bytes[static_cast<unsigned char>(text[0])]) return std::nullopt;
  const auto found = lexicon.by_first_word.find(first_word(text));
  if (found == lexicon.by_first_word.end()) return std::nullopt;
  for (const Entry& entry : found->second) {
    const std::size_t length = match_at_start(entry.phrase, text);
    if (length != 0 && word_char_at(text, length) == 0)
      return CountryMatch{entry.code, entry.evidence, entry.phrase, length};
  }
  return std::nullopt;
}

const CountryInfo* country_info(std::string_view code) {
  const Index& lexicon = index();
  const auto found = lexicon.by_code.find(code);
  return found == lexicon.by_code.end() ? nullptr : found->second;
}

}  // namespace qe::extract
