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

TEST_CASE("search folding lower-cases Latin, Greek and Cyrillic and straightens quotes") {
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

TEST_CASE("removing invalid UTF-8 drops each bad byte and keeps the rest") {
  CHECK(remove_invalid("a\xFF" "b\xC0\xAF" "c“d”") == "abc“d”");
  const std::string many = std::string(100000, 'a') + std::string(100000, '\xFF');
  CHECK(remove_invalid(many) == std::string(100000, 'a'));
}
