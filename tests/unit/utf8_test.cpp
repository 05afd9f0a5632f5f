#include <doctest/doctest.h>

#include "core/utf8.h"

using namespace qe::utf8;

TEST_CASE("invalid UTF-8 is found at its first bad byte") {
  CHECK(find_invalid("plain ascii") == std::string_view::npos);
  CHECK(find_invalid("Лавров “quoted” …") == std::string_view::npos);
  CHECK(find_invalid("ab\xFF") == 2);
  CHECK(find_invalid("\xC0\x80") == 0);              // overlong NUL
  CHECK(find_invalid("x\xED\xA0\x80") == 1);          // UTF-16 surrogate
  CHECK(find_invalid("\xF4\x90\x80\x80") == 0);      // above U+10FFFF
  CHECK(find_invalid("\xE2\x80") == 0);              // truncated
}

TEST_CASE("code point offsets convert to byte offsets") {
  const std::string text = "“Hi” — ok";
  CHECK(count_code_points(text) == 9);
  CHECK(byte_offset_of(text, 0) == 0);
  CHECK(byte_offset_of(text, 1) == 3);
  CHECK(byte_offset_of(text, 9) == text.size());
  CHECK(byte_offset_of(text, 10) == std::string_view::npos);
}

TEST_CASE("fold_for_search lower-cases Latin, Greek and Cyrillic and straightens quotes") {
  CHECK(fold_for_search("ÉLYSÉE") == "élysée");
  CHECK(fold_for_search("ŁÓDŹ") == "łódź");
  CHECK(fold_for_search("ЗЕЛЕНСЬКИЙ") == "зеленський");
  CHECK(fold_for_search("ΑΘΗΝΑ") == "αθηνα");
  CHECK(fold_for_search("We’re “here”") == "we're \"here\"");
}

TEST_CASE("Greek final sigma and accented capitals fold like their small letters") {
  CHECK(fold_for_search("ΤΟΥΣ") == fold_for_search("τους"));
  CHECK(fold_for_search("ΆΈΉΊΌΎΏ") == "άέήίόύώ");
}

TEST_CASE("fold_for_search changes only capitals and typographic punctuation") {
  CHECK(fold_for_search("élysée straße łódź") == "élysée straße łódź");  // the extractor's case test
  CHECK(fold_for_search("ƏLIYEV Ǆ") == "əliyev ǆ");                    // beyond Latin Extended-A now
}

TEST_CASE("search keys ignore case and accents, as a reader searching expects") {
  CHECK(search_key("Orbán") == search_key("orban"));
  CHECK(search_key("ZELENSKYY") == "zelenskyy");
  CHECK(search_key("Straße") == "strasse");
  CHECK(search_key("STRASSE") == search_key("straße"));
  CHECK(search_key("ẞ") == "ss");
  CHECK(search_key("Erdoğan İstanbul") == "erdogan istanbul");
  CHECK(search_key("Łódź Wałęsa Søren Đoković") == "lodz walesa soren dokovic");
  CHECK(search_key("Nguyễn Xuân Phúc") == "nguyen xuan phuc");
  CHECK(search_key("Wait…") == "wait...");                          // compatibility forms
}

TEST_CASE("search keys: Greek final sigma and accents, Cyrillic case but not its letters") {
  CHECK(search_key("ΟΔΥΣΣΕΥΣ") == search_key("Οδυσσεύς"));   // final sigma, tonos
  CHECK(search_key("Αθήνα") == "αθηνα");
  CHECK(search_key("ЗЕЛЕНСЬКИЙ") == "зеленський");            // й stays й
  CHECK(search_key("Ёлка") == "ёлка");
  CHECK(search_key("Україна") == "україна");
}

TEST_CASE("search keys straighten curly quotes, apostrophes, no-break spaces and hyphens") {
  CHECK(search_key("We’re “here”") == "we're \"here\"");
  CHECK(search_key("«non»\u00A0‘yes’ well‑known") == "\"non\" 'yes' well-known");
}

TEST_CASE("search keys drop combining accents, so decomposed text matches composed text") {
  CHECK(search_key("Orba\u0301n") == "orban");
  CHECK(search_key("e\u0301") == search_key("é"));
}

TEST_CASE("search keys never turn a character into NUL, and leave spacing accents") {
  for (char32_t c = 1; c < 0x3000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    CAPTURE(static_cast<unsigned>(c));
    CHECK(search_key_of(c).find('\0') == std::string::npos);
  }
  CHECK(search_key("´") == "´");
  CHECK(fold_table_source() == "utf8proc 2.8.0");
}

TEST_CASE("find_matches gives the byte ranges of whole characters that match") {
  const std::string text = "Viktor Orbán met STRAẞE officials in Straße";
  auto spans = find_matches(text, "orban");
  REQUIRE(spans.size() == 1);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Orbán");
  spans = find_matches(text, "strasse");
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "STRAẞE");
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "Straße");
  spans = find_matches(text, "s");  // one ß holds two s: one span covers it
  CHECK(spans.back() == ByteSpan{text.find("ße"), text.find("ße") + 2});
  CHECK(find_matches("We’re willing", "we're").at(0) == ByteSpan{0, 7});
  CHECK(find_matches("Orba\u0301n", "orba").at(0) == ByteSpan{0, 6});  // the accent goes with its letter
  CHECK(find_matches("abc", "x").empty());
  CHECK(find_matches("abc", "").empty());
  CHECK(find_matches("aaaa", "a", 2).size() == 2);
}

TEST_CASE("removing invalid UTF-8 drops each bad byte and keeps the rest") {
  CHECK(remove_invalid("a\xFF" "b\xC0\xAF" "c“d”") == "abc“d”");
  const std::string many = std::string(100000, 'a') + std::string(100000, '\xFF');
  CHECK(remove_invalid(many) == std::string(100000, 'a'));
}

TEST_CASE("skip_ascii finds the first byte past an ASCII run, in a word or its tail") {
  using qe::utf8::skip_ascii;
  CHECK(skip_ascii("", 0) == 0);
  CHECK(skip_ascii("plain ascii text", 0) == 16);
  CHECK(skip_ascii("Orbán", 0) == 3);
  CHECK(skip_ascii("Orbán", 5) == 6);                     // past "á": the rest is ASCII
  CHECK(skip_ascii("sixteen bytes ..é", 0) == 16);        // after two whole words
  CHECK(skip_ascii("seven b\xC3\xA9 and more ASCII", 0) == 7);  // inside the first word
  CHECK(skip_ascii("12345678\xC3\xA9", 8) == 8);
}
