#include "core/utf8.h"

#include <algorithm>
#include <cstring>

#include "core/byte_blocks.h"

namespace qe::utf8 {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Decodes one code point at `pos`; returns its length in bytes, or 0 if it is invalid
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
size_t decode(std::string_view text, size_t pos, char32_t& out) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  size_t length;
  char32_t minimum;
  if (lead < 0x80) {
    out = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, out = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, out = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, out = lead & 0x07;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(byte)) return 0;
    out = (out << 6) | (byte & 0x3F);
  }
  if (out < minimum || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
  return length;
}

struct FoldEntry {
  std::uint16_t code_point, offset;  // the tables stop below U+FFFF, which ends each one
};

// kSearchFold and kLowerFold, generated at build time from utf8proc by tools/fold_table_gen.c
// for the code points the fonts draw (plus combining accents); each ends with a sentinel.
#include "fold_table.inc"

template <std::size_t N>
std::string_view folded_of(const FoldEntry (&table)[N], const char* bytes, char32_t c) {
  const FoldEntry* last = table + N - 1;  // the sentinel
  if (c >= 0xFFFF) return {};
  const FoldEntry* found = std::lower_bound(table, last, c, [](const FoldEntry& e, char32_t v) { return e.code_point < v; });
  if (found == last || found->code_point != c) return {};
  return std::string_view(bytes + found->offset, found[1].offset - found->offset);
}

// Appends the folded form of the code point at `pos` (length `length`, value `c`).
template <std::size_t N>
void append_folded(std::string& out, const FoldEntry (&table)[N], const char* bytes, std::string_view text,
                   size_t pos, size_t length, char32_t c) {
  const FoldEntry* last = table + N - 1;
  const FoldEntry* found = c < 0xFFFF ? std::lower_bound(table, last, c, [](const FoldEntry& e, char32_t v) { return e.code_point < v; }) : last;
  if (found != last && found->code_point == c)
    out.append(bytes + found->offset, found[1].offset - found->offset);
  else
    out.append(text.substr(pos, length));
}

constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

// Eight ASCII bytes (as one little-endian word) lower-cased at once: 'A' to 'Z' gain 0x20.
// No byte's sum below carries into the next, as every byte is under 0x80.
std::uint64_t lower_ascii8(std::uint64_t bytes) {
  const std::uint64_t above_z = bytes + kOnes * (0x7F - 'Z');
  const std::uint64_t from_a = bytes + kOnes * (0x80 - 'A');
  return bytes | ((from_a & ~above_z & kHighs) >> 2);
}

}  // namespace

size_t skip_ascii(std::string_view text, size_t pos) {
  const char* const begin = text.data();
  return static_cast<size_t>(blocks::find_first(begin + pos, begin + text.size(), blocks::non_ascii) - begin);
}

namespace {

template <std::size_t N>
void fold_onto(std::string& out, const FoldEntry (&table)[N], const char* bytes, std::string_view text) {
  char32_t c;
  for (size_t pos = 0; pos < text.size();) {
    std::uint64_t word;
    if (pos + 8 <= text.size() && (std::memcpy(&word, text.data() + pos, 8), (word & kHighs) == 0)) {
      word = lower_ascii8(word);  // the common case: a run of ASCII, 8 bytes at a time
      char lowered[8];
      std::memcpy(lowered, &word, 8);
      out.append(lowered, 8);
      pos += 8;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {  // ASCII: both maps only lower-case it
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      ++pos;
      continue;
    }
    const size_t length = decode(text, pos, c);
    if (length == 0) {  // not expected for validated text; keep the byte, never loop forever
      out += text[pos++];
      continue;
    }
    append_folded(out, table, bytes, text, pos, length, c);
    pos += length;
  }
}

template <std::size_t N>
std::string fold_with(const FoldEntry (&table)[N], const char* bytes, std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fold_onto(out, table, bytes, text);
  return out;
}

}  // namespace

size_t decode_at(std::string_view text, size_t pos, char32_t& out) { return pos < text.size() ? decode(text, pos, out) : 0; }

namespace {

// The first byte that does not start a valid sequence, skipping what `plain` leaves unmarked
// (ASCII, at least) a block at a time; a byte it marks that decodes is stepped over.
template <class Plain>
size_t find_invalid_past(std::string_view text, Plain plain) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  char32_t ignored;
  for (const char* p = begin; (p = blocks::find_first(p, end, plain)) != end;) {
    const auto at = static_cast<size_t>(p - begin);
    const size_t length = *p == '\0' ? 0 : decode(text, at, ignored);
    if (length == 0) return at;
    p += length;
  }
  return std::string_view::npos;
}

}  // namespace

size_t find_invalid(std::string_view text) { return find_invalid_past(text, blocks::non_ascii); }

size_t find_invalid_or_nul(std::string_view text) { return find_invalid_past(text, blocks::non_ascii_or_nul); }

size_t count_code_points(std::string_view valid_text) {
  const char* const begin = valid_text.data();
  return valid_text.size() - blocks::count(begin, begin + valid_text.size(), blocks::continuations);
}

size_t byte_offset_of(std::string_view valid_text, size_t index) {
  size_t seen = 0;
  for (size_t pos = 0; pos < valid_text.size(); ++pos) {
    if (is_continuation(static_cast<unsigned char>(valid_text[pos]))) continue;
    if (seen++ == index) return pos;
  }
  return seen == index ? valid_text.size() : std::string_view::npos;
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::vector<std::uint32_t> code_point_offsets(std::string_view valid_text) {
  std::vector<std::uint32_t> offsets;
  for (size_t pos = 0; pos < valid_text.size(); ++pos)
    if (!is_continuation(static_cast<unsigned char>(valid_text[pos]))) offsets.push_back(static_cast<std::uint32_t>(pos));
  offsets.push_back(static_cast<std::uint32_t>(valid_text.size()));
  return offsets;
}

std::string remove_invalid(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char32_t ignored;
  for (std::size_t pos = 0; pos < text.size();) {
    const size_t length = decode(text, pos, ignored);
    if (length == 0) {
      ++pos;
      continue;
    }
    out.append(text.substr(pos, length));
    pos += length;
  }
  return out;
}

std::string fold_for_search(std::string_view text) { return fold_with(kLowerFold, kLowerFoldBytes, text); }

std::string search_key(std::string_view text) { return fold_with(kSearchFold, kSearchFoldBytes, text); }

void append_search_key(std::string& out, std::string_view text) { fold_onto(out, kSearchFold, kSearchFoldBytes, text); }

std::string search_key_of(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return out;
  }
  const std::string_view folded = folded_of(kSearchFold, kSearchFoldBytes, c);
  if (folded.data()) return std::string(folded);
  append(out, c);
  return out;
}

std::string_view fold_table_source() { return "utf8proc " QE_FOLD_UTF8PROC_VERSION; }

std::vector<ByteSpan> find_matches(std::string_view text, std::string_view query, size_t max_matches) {
  std::vector<ByteSpan> spans;
  std::string needle = search_key(query);
  needle.erase(std::remove(needle.begin(), needle.end(), '\0'), needle.end());
  if (needle.empty() || max_matches == 0) return spans;
  // The text's search key, with the byte where each key byte's code point starts in `text`.
  std::string key;
  std::vector<std::uint32_t> source;
  key.reserve(text.size());
  source.reserve(text.size() + 1);
  char32_t c;
  for (size_t pos = 0; pos < text.size();) {
    size_t length = decode(text, pos, c);
    if (length == 0) {
      key += text[pos];
      length = 1;
    } else if (c < 0x80) {
      key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else {
      append_folded(key, kSearchFold, kSearchFoldBytes, text, pos, length, c);
    }
    source.resize(key.size(), static_cast<std::uint32_t>(pos));
    pos += length;
  }
  source.push_back(static_cast<std::uint32_t>(text.size()));
  // The end of the code point that produced key byte i.
  auto source_end = [&](size_t i) {
    size_t j = i + 1;
    while (j < source.size() - 1 && source[j] == source[i]) ++j;
    return static_cast<size_t>(source[j]);
  };
  for (size_t at = key.find(needle); at != std::string::npos && spans.size() < max_matches;
       at = key.find(needle, at)) {
    const size_t last = at + needle.size() - 1;
    ByteSpan span{source[at], source_end(last)};
    if (!spans.empty() && span.begin < spans.back().end) {  // inside one expanded code point
      spans.back().end = std::max(spans.back().end, span.end);
    } else {
      spans.push_back(span);
    }
    at = last + 1;
  }
  return spans;
}

}  // namespace qe::utf8
