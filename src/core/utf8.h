// utf8.h: the few UTF-8 operations the core needs, without locale or ICU.
//
// Article offsets (`start`, `end`) count Unicode code points, so the loader converts them to
// byte offsets here. Search folds case and typographic punctuation so that "we're" finds
// "We’re" and "ЛАВРОВ" finds "Лавров".
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

size_t count_code_points(std::string_view valid_text);

// Byte offset of code point number `index`; npos when `index` is past the end.
// `index == count_code_points(text)` gives text.size().
size_t byte_offset_of(std::string_view valid_text, size_t index);

// Folds for case-insensitive search: lower-cases Latin (incl. Latin-1 and Extended-A), Greek
// and Cyrillic, and maps curly quotes and apostrophes to their ASCII forms.
std::string fold_for_search(std::string_view valid_text);

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
