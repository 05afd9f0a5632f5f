#include "core/utf8.h"

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

char32_t fold(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;           // Latin-1 capitals
  if (c == 0x178) return 0xFF;                                        // Ÿ
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149) {
    // Latin Extended-A alternates capital/small, with the parity flipped in 0x139..0x148
    // and 0x179..0x17E.
    const bool odd_capitals = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    return ((c & 1) == (odd_capitals ? 1u : 0u)) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;           // Greek capitals
  if (c == 0x3C2) return 0x3C3;                                        // final sigma
  if (c == 0x386) return 0x3AC;                                        // accented capitals
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x410 && c <= 0x42F) return c + 32;                         // Cyrillic А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 80;                         // Cyrillic Ѐ..Џ
  if (c >= 0x460 && c <= 0x4FF && c != 0x482 && !(c >= 0x483 && c <= 0x489) &&
      c != 0x4C0 && c != 0x4CF) {
    // Cyrillic extensions alternate capital/small from 0x460 (0x4C1.. shifted by one).
    const bool odd_capitals = c >= 0x4C1 && c <= 0x4CE;
    return ((c & 1) == (odd_capitals ? 1u : 0u)) ? c + 1 : c;
  }
  switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201F: case 0x00AB: case 0x00BB: return '"';
    case 0x00A0: case 0x2007: case 0x202F: return ' ';
    case 0x2010: case 0x2011: return '-';
    default: return c;
  }
}

}  // namespace

size_t decode_at(std::string_view text, size_t pos, char32_t& out) { return pos < text.size() ? decode(text, pos, out) : 0; }

size_t find_invalid(std::string_view text) {
  char32_t ignored;
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = decode(text, pos, ignored);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

size_t count_code_points(std::string_view valid_text) {
  size_t count = 0;
  for (unsigned char byte : valid_text) count += !is_continuation(byte);
  return count;
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

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char32_t c;
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = decode(text, pos, c);
    if (length == 0) {  // not expected for validated text; keep the byte, never loop forever
      out += text[pos++];
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(fold(c));
    } else {
      append(out, fold(c));
    }
    pos += length;
  }
  return out;
}

}  // namespace qe::utf8
