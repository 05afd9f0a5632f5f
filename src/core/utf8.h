// utf8.h: the few UTF-8 operations the core needs, without locale or ICU.
//
// Article offsets (`start`, `end`) count Unicode code points, so the loader converts them to
// byte offsets here. Search compares search keys: full case folding, accents stripped and
// typographic punctuation straightened, so "orban" finds "Orbán", "strasse" finds "Straße",
// "we're" finds "We’re" and "ЛАВРОВ" finds "Лавров". The folding tables are generated at
// build time from utf8proc (tools/fold_table_gen.c), the same for native and wasm builds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qe::utf8 {

// Byte offset of the first invalid sequence (overlong, surrogate, truncated, > U+10FFFF),
// or npos when `text` is valid UTF-8.
size_t find_invalid(std::string_view text);
// The same, or the first NUL byte if that comes first (a loaded text may hold none).
size_t find_invalid_or_nul(std::string_view text);

size_t count_code_points(std::string_view valid_text);

// Byte offset of code point number `index`; npos when `index` is past the end.
// `index == count_code_points(text)` gives text.size().
size_t byte_offset_of(std::string_view valid_text, size_t index);

// Lower-cases (Unicode's simple mapping, for the code points the fonts draw) and maps curly
// quotes, apostrophes, no-break spaces and hyphens to ASCII; changes nothing else, so
// `fold_for_search(s) != s` tells whether s holds a capital (the extractor relies on this).
// Text search uses search_key.
std::string fold_for_search(std::string_view valid_text);

// What text search compares, one code point at a time (no context, so a match found in the
// key maps back to whole code points of the text): Unicode full case folding (ß -> ss,
// final sigma -> σ), compatibility forms (ﬁ -> fi), accents and combining marks stripped
// (á -> a, ά -> α, also ł ø đ ħ ŧ ı), Cyrillic letters case-folded only (й, ё, ї stay
// letters of their own), typographic quotes, apostrophes, spaces and hyphens as ASCII.
// Never produces a NUL from a non-NUL.
std::string search_key(std::string_view valid_text);
void append_search_key(std::string& out, std::string_view valid_text);  // search_key, appended
std::string search_key_of(char32_t code_point);

// The first byte at or after `pos` that is not ASCII, or text.size(): eight bytes at a time.
size_t skip_ascii(std::string_view text, size_t pos);
// Whether every byte of `text` is ASCII.
inline bool is_ascii(std::string_view text) { return skip_ascii(text, 0) == text.size(); }

// 'A' to 'Z' lower-cased, any other byte as it is: all that search_key does to ASCII.
inline unsigned char lower_ascii(unsigned char byte) {
  return static_cast<unsigned char>(byte | (static_cast<unsigned char>(byte - 'A') < 26 ? 0x20 : 0));
}

// "utf8proc 2.8.0": where the folding tables came from.
std::string_view fold_table_source();

struct ByteSpan {
  size_t begin = 0, end = 0;
  bool operator==(const ByteSpan& other) const { return begin == other.begin && end == other.end; }
};

// Where `query` matches `text` as the text search matches it (search keys), as byte ranges
// of whole code points of `text`, ascending and not overlapping; at most `max_matches`.
std::vector<ByteSpan> find_matches(std::string_view text, std::string_view query, size_t max_matches = 64);

// The byte offset of every code point, then text.size(): offsets[i] is where code point i
// starts, so a span in code points converts in O(1).
std::vector<std::uint32_t> code_point_offsets(std::string_view valid_text);

// `text` without its invalid bytes (each dropped on its own, in one pass).
std::string remove_invalid(std::string_view text);

// Decodes the code point at byte `pos` into `out`; returns its length in bytes, or 0 when
// the bytes there are not valid UTF-8.
size_t decode_at(std::string_view text, size_t pos, char32_t& out);

// Appends the UTF-8 encoding of one code point.
void append(std::string& out, char32_t code_point);

}  // namespace qe::utf8
