// The block scans of a load (core/byte_blocks.h), against byte-at-a-time answers: every byte
// value at every place in a block, and texts whose marked bytes fall on each side of a block's
// end and in the short tail. Then what they decide as a reader sees it: where an encoding
// error is reported, and strings with escapes and control characters at each offset read the
// same by the fast path and the careful one.
#include <doctest/doctest.h>

#include <string>

#include "core/byte_blocks.h"
#include "core/json_text.h"
#include "core/loader.h"
#include "core/utf8.h"
#include "../load_fingerprint.h"

namespace blocks = qe::blocks;

namespace {

template <class Marks>
std::uint32_t MaskByBytes(const char* p, Marks marks) {
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < blocks::kSize; ++i)
    if (marks(static_cast<unsigned char>(p[i]))) mask |= 1u << i;
  return mask;
}

bool StringStop(unsigned char c) { return c == '"' || c == '\\' || c < 0x20; }
bool NonAscii(unsigned char c) { return c >= 0x80; }
bool NonAsciiOrNul(unsigned char c) { return c >= 0x80 || c == 0; }
bool Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
bool Newline(unsigned char c) { return c == '\n'; }

}  // namespace

TEST_CASE("each test marks exactly the bytes it names, every byte value at every place in a block") {
  for (int value = 0; value < 256; ++value) {
    for (std::size_t at = 0; at < blocks::kSize; ++at) {
      std::string block(blocks::kSize, 'a');
      block[at] = static_cast<char>(value);
      block[(at + 7) % blocks::kSize] = static_cast<char>(255 - value);  // a second value beside it
      const char* p = block.data();
      CHECK(blocks::string_stops(p) == MaskByBytes(p, StringStop));
      CHECK(blocks::non_ascii(p) == MaskByBytes(p, NonAscii));
      CHECK(blocks::non_ascii_or_nul(p) == MaskByBytes(p, NonAsciiOrNul));
      CHECK(blocks::continuations(p) == MaskByBytes(p, Continuation));
      CHECK(blocks::newlines(p) == MaskByBytes(p, Newline));
    }
  }
}

TEST_CASE("find_first and count see marked bytes in whole blocks and in the tail, and nothing past the end") {
  for (std::size_t size = 0; size <= 3 * blocks::kSize + 1; ++size) {
    // The text sits at the front of a larger buffer whose bytes after it are marked (but for
    // the first, so that a scan past the end would find one beyond it).
    std::string buffer(size, 'x');
    buffer += 'y' + std::string(blocks::kSize, '\n');
    const char* begin = buffer.data();
    const char* end = begin + size;
    CHECK(blocks::find_first(begin, end, blocks::newlines) == end);
    CHECK(blocks::count(begin, end, blocks::newlines) == 0);
    for (std::size_t at = 0; at < size; ++at) {
      buffer[at] = '\n';
      CHECK(blocks::find_first(begin, end, blocks::newlines) == begin + at);
      CHECK(blocks::count(begin, end, blocks::newlines) == 1);
      buffer[at] = 'x';
    }
  }
}

TEST_CASE("UTF-8 checks and code point counts agree at every offset around a block's end") {
  const std::string accented = "é";  // two bytes
  for (std::size_t at = 0; at < 2 * blocks::kSize + 3; ++at) {
    const std::string text = std::string(at, 'a') + accented + std::string(5, 'b');
    CHECK(qe::utf8::find_invalid(text) == std::string_view::npos);
    CHECK(qe::utf8::count_code_points(text) == at + 1 + 5);
    CHECK(qe::utf8::skip_ascii(text, 0) == at);
    CHECK(!qe::utf8::is_ascii(text));
    const std::string broken = std::string(at, 'a') + "\xC3" + std::string(5, 'b');  // a lead byte alone
    CHECK(qe::utf8::find_invalid(broken) == at);
  }
}

TEST_CASE("a NUL byte or invalid UTF-8 is reported at its line and column, whichever comes first") {
  for (std::size_t at = 0; at < 2 * blocks::kSize + 3; ++at) {
    const std::string prefix = "{\"id\": \"" + std::string(at, 'a');
    const std::string with_nul = prefix + std::string(1, '\0') + "\xFF\"}";
    auto result = qe::load_corpus(with_nul, "nul.json");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].line == 1);
    CHECK(result.errors[0].column == prefix.size() + 1);
    CHECK(result.errors[0].message.find("NUL byte") != std::string::npos);
    const std::string with_bad = prefix + "\xFF" + std::string(1, '\0') + "\"}";
    result = qe::load_corpus(with_bad, "bad.json");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].column == prefix.size() + 1);
    CHECK(result.errors[0].message.find("invalid UTF-8: byte 0xFF") != std::string::npos);
  }
}

TEST_CASE("strings with an escape or a control character at any offset read the same by the fast path") {
  for (const std::string inner : {"\\\"", "\\n", "\\u00e9", "\t", "\x01"}) {
    for (std::size_t at = 0; at < 2 * blocks::kSize + 3; ++at) {
      const std::string title = std::string(at, 't') + inner + "end";
      const auto article = [&](const char* id) {
        return R"({"id": ")" + std::string(id) + R"(", "title": ")" + title +
               R"(", "paragraphs": ["Hello."], "speakers": [], "quotes": []})";
      };
      const std::string lines = article("a") + "\n" + article("b") + "\n";
      qe::LoadLimits limits;
      limits.fast_path = false;
      const std::string careful = qe::test::Fingerprint(qe::load_corpus(lines, "t.jsonl", limits));
      limits.fast_path = true;
      CHECK_MESSAGE(qe::test::Fingerprint(qe::load_corpus(lines, "t.jsonl", limits)) == careful, title);
    }
  }
}
