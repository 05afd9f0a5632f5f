#include "extract/tokens.h"

#include <cstring>

#include "core/utf8.h"

namespace qe::extract {
namespace {

constexpr char32_t kRightSingle = 0x2019;

bool is_letter_or_digit(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  // Latin-1 letters, Latin extended, Greek, Cyrillic and beyond: everything above U+00BF
  // that is not punctuation, a symbol or a space we know of.
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF20) return false;
  return true;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000; }

bool is_upper(std::string_view text, char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  const std::string folded = utf8::fold_for_search(text);
  return folded != text;
}

struct Cursor {
  std::string_view text;
  std::size_t pos = 0;
  char32_t peek(std::size_t at, std::size_t* length = nullptr) const {
    char32_t c = 0;
    const std::size_t n = utf8::decode_at(text, at, c);
    if (length) *length = n ? n : 1;
    return n ? c : 0;
  }
};

// "U.S.", "U.K.", "Mr." and friends keep their periods, so sentences do not end there.
bool is_abbreviation(std::string_view word) {
  static const char* const kAbbreviations[] = {"Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "St", "Lt", "Col", "Maj",
                                               "Sgt", "Gov", "Prof", "Jr", "Sr", "Adm", "Capt", "Cmdr", "Rev", "Hon",
                                               "Pres", "Sec", "Amb", "Brig", "Cpl", "Pvt", "Supt", "Insp", "No", "Mt", "Ft"};
  for (const char* abbreviation : kAbbreviations)
    if (word == abbreviation) return true;
  return false;
}

// The end of a word starting at `start`: letters and digits, joined by inner apostrophes
// (it’s), hyphens (Jean-Yves), and periods between single letters (U.S.).
// A comma or period between digits is part of the number (50,000, 4.9), not punctuation.
std::size_t word_end(const Cursor& cursor, std::size_t start) {
  std::size_t pos = start, length = 0;
  bool after_digit = false;
  for (;;) {
    const char32_t c = cursor.peek(pos, &length);
    if (is_letter_or_digit(c)) {
      after_digit = c >= '0' && c <= '9';
      pos += length;
      continue;
    }
    std::size_t next_length = 0;
    const char32_t next = cursor.peek(pos + length, &next_length);
    if (after_digit && (c == ',' || c == '.') && next >= '0' && next <= '9') {
      pos += length;
      continue;
    }
    const bool joiner = c == '-' || c == 0x2010 || c == '\'' || c == kRightSingle;
    if (joiner && is_letter_or_digit(next)) {
      // ’s closing a word is a possessive, not part of the word.
      const bool possessive = (c == '\'' || c == kRightSingle) && (next == 's' || next == 'S') &&
                              !is_letter_or_digit(cursor.peek(pos + length + next_length));
      if (possessive) return pos;
      pos += length;
      continue;
    }
    return pos;
  }
}

}  // namespace

bool is_quote_character(char32_t c) {
  switch (c) {
    case '"': case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x201C: case 0x201D:
    case 0x201E: case 0x201F: case 0xAB: case 0xBB: case 0x2039: case 0x203A: case 0x300C: case 0x300D:
      return true;
    default:
      return false;
  }
}

std::string_view ascii_lower(std::string_view word, char (&buffer)[64]) {
  const std::size_t n = word.size() < sizeof buffer ? word.size() : sizeof buffer - 1;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = word[i];
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return {buffer, n};
}

// "D-Md", "Calif", "Pa": a short capitalised word or one with a hyphen, as before ".)" in
// "(D-Md.)"; a lower-case word before ".)" ends a sentence in parentheses.
bool abbreviation_like(std::string_view word) {
  if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0]))) return false;
  return word.size() <= 6 || word.find('-') != std::string_view::npos;
}

std::vector<Token> tokenize(std::string_view paragraph) {
  std::vector<Token> tokens;
  Cursor cursor{paragraph};
  bool space_before = true;
  std::size_t pos = 0, length = 0;
  while (pos < paragraph.size()) {
    const char32_t c = cursor.peek(pos, &length);
    if (is_space(c)) {
      pos += length;
      space_before = true;
      continue;
    }
    Token token;
    token.begin = static_cast<std::uint32_t>(pos);
    token.space_before = space_before;
    std::size_t end = pos + length;
    if (is_letter_or_digit(c)) {
      end = word_end(cursor, pos);
      const std::string_view word = paragraph.substr(pos, end - pos);
      // U.S., U.K., E.U.: single letters joined by periods; Mr. and friends.
      if (end < paragraph.size() && paragraph[end] == '.') {
        std::size_t scan = end;
        bool initials = word.size() == 1;
        while (initials && scan + 2 < paragraph.size() && paragraph[scan] == '.' &&
               std::isupper(static_cast<unsigned char>(paragraph[scan + 1])) && paragraph[scan + 2] == '.')
          scan += 2;
        if (initials && scan > end) end = scan + 1;
        else if (is_abbreviation(word) || (initials && std::isupper(static_cast<unsigned char>(word[0]))) ||
                 (end + 1 < paragraph.size() && (paragraph[end + 1] == ',' || paragraph[end + 1] == ';')) ||
                 (end + 1 < paragraph.size() && paragraph[end + 1] == ')' && abbreviation_like(word)))
          end += 1;  // "George W. Bush", "R-Ky., said", "(D-Md.)": not a sentence end; "(… reopen it.)" is one
      }
      token.kind = TokenKind::Word;
      token.capitalised = is_upper(paragraph.substr(pos, length), c);
    } else if ((c == '\'' && cursor.peek(end) == '\'') || (c == '`' && cursor.peek(end) == '`')) {
      end += 1;  // '' and `` stand for a double quotation mark in some wire copy
      token.kind = TokenKind::QuoteMark;
    } else if ((c == '\'' || c == kRightSingle) && !tokens.empty() && !space_before &&
               tokens.back().kind == TokenKind::Word) {
      const char32_t next = cursor.peek(end);
      const std::string_view previous = tokens.back().text;
      if ((next == 's' || next == 'S') && !is_letter_or_digit(cursor.peek(end + 1))) {
        end += 1;
        token.kind = TokenKind::Possessive;
      } else if (!previous.empty() && (previous.back() == 's') && !is_letter_or_digit(next) &&
                 next != '.' && next != ',') {
        token.kind = TokenKind::Possessive;  // Jones’ remarks; "Jones’." stays a possible closing mark
      } else {
        token.kind = TokenKind::QuoteMark;
      }
    } else if (is_quote_character(c)) {
      token.kind = TokenKind::QuoteMark;
    } else {
      token.kind = TokenKind::Punct;
    }
    token.end = static_cast<std::uint32_t>(end);
    token.text = paragraph.substr(token.begin, token.end - token.begin);
    tokens.push_back(token);
    pos = end;
    space_before = false;
  }
  return tokens;
}

}  // namespace qe::extract
