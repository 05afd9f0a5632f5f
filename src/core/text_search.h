// text_search.h: the quotes whose text holds a search, as filter.h's `text` facet finds them:
// inside the quote text, ignoring case, accents and typographic quotes (utf8::search_key:
// "orban" finds "Orbán", "strasse" finds "Straße"). The corpus's text index (text_index.h)
// narrows which search keys are read; the check of each key is exact, so the answer is a
// full scan's. A keystroke refines the last answer instead of searching afresh. Most quotes'
// keys are read as their texts, ASCII case ignored (Corpus::search_bytes): offsets in a key
// are then offsets in the text.
//
//   qe::TextSearch last = qe::search_text(corpus, "cease");
//   last = qe::search_text(corpus, "ceasefire", std::move(last));   // last.quotes, ascending
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"

namespace qe {

// A text search's answer, kept so that the next keystroke can start from it.
struct TextSearch {
  std::string needle;                  // search_needle(text)
  std::vector<QuoteIndex> quotes;      // ascending
  // Per match, for the first offsets.size() matches (all of them, unless the index's bit
  // sets gave the answer and locate_matches has not yet found them all): where the quote's
  // key first holds the needle, and up to 15 bytes after that match (as Corpus::search_bytes
  // gives them: a text's in its own ASCII case) (their count, and
  // whether it is the key's only match, in the top byte), so that keystrokes appending to
  // the needle are mostly confirmed or ruled out without reading the keys again (at 1M
  // quotes, reading them is what costs).
  // Two words rather than an unsigned __int128, whose shifts are library calls in wasm.
  struct NextBytes {
    std::uint64_t low = 0;   // bytes 0 to 7
    std::uint64_t high = 0;  // bytes 8 to 14; top byte: the count (low 4 bits), the only-match flag (bit 7)
  };
  std::vector<std::uint32_t> offsets;
  std::vector<NextBytes> next;
};

// Quotes whose folded text contains the folded `text`. Uses corpus.text_index to check only
// the quotes that may match; the check itself is exact. With `previous` (the last search's
// answer) and a needle that contains its needle (the usual keystroke: typing refines), every
// match is among the previous matches, so only those are checked, each from where the
// previous needle was found.
TextSearch search_text(const Corpus& corpus, std::string_view text, const TextSearch* previous = nullptr);
// The same, refining `previous` in place when it can (its buffers become the answer's): what
// the explorer does on each keystroke.
TextSearch search_text(const Corpus& corpus, std::string_view text, TextSearch&& previous);

// An answer from the index's bit sets ("cea" in a third of a million quotes) costs no key
// reads, but the next keystroke needs its matches' offsets (TextSearch::offsets) to refine
// from: the explorer locates them while the page is idle, `count` matches at a time, until
// needs_locating is false. Needles of 1 or 2 bytes never need it: the next keystroke's pair
// or trigram is answered from the sets too, or narrows the search to a few candidates.
bool needs_locating(const TextSearch& search);
void locate_matches(const Corpus& corpus, TextSearch& search, std::size_t count);

// search_text's quotes. Separate from apply_filter so callers can keep it while only facets
// change: it is the one step that reads text.
std::vector<QuoteIndex> match_text(const Corpus& corpus, std::string_view text);

// The reference answer: every key scanned, no index. For tests, fuzzing and the benchmark.
std::vector<QuoteIndex> scan_text(const Corpus& corpus, std::string_view text);

// What the search looks for: `text`'s search key without NULs (no match holds a NUL, as
// when the keys were stored joined by NULs).
std::string search_needle(std::string_view text);

}  // namespace qe
