// tokens.h: a paragraph as words, possessives, quotation marks and punctuation, with byte
// offsets into the paragraph. The extractor's sieves read tokens, never raw bytes.
//
//   "Russia’s U.S. envoy said: “No.”" -> Russia | ’s | U.S. | envoy | said | : | “ | No | . | ”
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace qe::extract {

enum class TokenKind : std::uint8_t {
  Word,        // letters and digits, with inner apostrophes and hyphens (don’t, Jean-Yves), or an abbreviation (U.S., Mr.)
  Possessive,  // ’s or 's after a word, or a lone ’ after a word ending in s (Jones’)
  QuoteMark,   // any quotation mark or apostrophe that is not inside a word: “ ” " ‘ ’ ' « » „ ‹ ›, '' and ``
  Punct,       // everything else that is not white space
};

struct Token {
  std::uint32_t begin = 0, end = 0;  // bytes in the paragraph
  TokenKind kind = TokenKind::Punct;
  bool capitalised = false;          // starts with an upper-case letter
  bool space_before = false;         // white space (or the paragraph start) right before it
  std::string_view text;

  bool is(std::string_view word) const { return text == word; }
};

std::vector<Token> tokenize(std::string_view paragraph);

// The first code point of `text` is a quotation mark or apostrophe character.
bool is_quote_character(char32_t c);

// Lower-case ASCII copy, for lexicon lookups of English function words and cues.
std::string_view ascii_lower(std::string_view word, char (&buffer)[64]);

// "eventually", "oddly": a word of five letters or more in -ly (lower case), the shape of an
// adverb the lexicons do not list.
inline bool ends_in_ly(std::string_view word) { return word.size() > 4 && word.substr(word.size() - 2) == "ly"; }

}  // namespace qe::extract
