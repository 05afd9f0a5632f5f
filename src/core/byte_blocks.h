// byte_blocks.h: the scans that read every byte of a load (to a string's end, past ASCII,
// for line breaks) or of a search's candidates, sixteen bytes at a time. Each test turns a
// block into a bit mask, one bit a byte: wasm SIMD in the browser (built with -msimd128),
// SSE2 natively on x86-64, a byte loop elsewhere. The masks are the same everywhere, so the
// native tests and fuzzers run the code the browser runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace qe::blocks {

inline constexpr std::size_t kSize = 16;

#if defined(__wasm_simd128__)

using Block = v128_t;
inline Block load(const char* p) { return wasm_v128_load(p); }
inline Block splat(char c) { return wasm_i8x16_splat(c); }
inline Block equal(Block a, Block b) { return wasm_i8x16_eq(a, b); }
inline Block either(Block a, Block b) { return wasm_v128_or(a, b); }
inline Block both(Block a, Block b) { return wasm_v128_and(a, b); }
inline Block below_unsigned(Block a, char limit) { return wasm_u8x16_lt(a, splat(limit)); }
inline Block below_signed(Block a, char limit) { return wasm_i8x16_lt(a, splat(limit)); }
inline std::uint32_t high_bits(Block a) { return wasm_i8x16_bitmask(a); }

#elif defined(__SSE2__)

using Block = __m128i;
inline Block load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline Block splat(char c) { return _mm_set1_epi8(c); }
inline Block equal(Block a, Block b) { return _mm_cmpeq_epi8(a, b); }
inline Block either(Block a, Block b) { return _mm_or_si128(a, b); }
inline Block both(Block a, Block b) { return _mm_and_si128(a, b); }
// a < limit as unsigned bytes: min(a, limit - 1) == a.
inline Block below_unsigned(Block a, char limit) { return _mm_cmpeq_epi8(_mm_min_epu8(a, splat(static_cast<char>(limit - 1))), a); }
inline Block below_signed(Block a, char limit) { return _mm_cmplt_epi8(a, splat(limit)); }
inline std::uint32_t high_bits(Block a) { return static_cast<std::uint32_t>(_mm_movemask_epi8(a)); }

#else

struct Block {
  unsigned char bytes[kSize];
};
inline Block load(const char* p) {
  Block block;
  std::memcpy(block.bytes, p, kSize);
  return block;
}
template <class Test>
Block each(Block a, Test test) {
  for (unsigned char& byte : a.bytes) byte = test(byte) ? 0xFF : 0;
  return a;
}
inline Block splat(char c) {
  Block block;
  std::memset(block.bytes, c, kSize);
  return block;
}
inline Block equal(Block a, Block b) {
  for (std::size_t i = 0; i < kSize; ++i) a.bytes[i] = a.bytes[i] == b.bytes[i] ? 0xFF : 0;
  return a;
}
inline Block either(Block a, Block b) {
  for (std::size_t i = 0; i < kSize; ++i) a.bytes[i] |= b.bytes[i];
  return a;
}
inline Block both(Block a, Block b) {
  for (std::size_t i = 0; i < kSize; ++i) a.bytes[i] &= b.bytes[i];
  return a;
}
inline Block below_unsigned(Block a, char limit) {
  return each(a, [limit](unsigned char byte) { return byte < static_cast<unsigned char>(limit); });
}
inline Block below_signed(Block a, char limit) {
  return each(a, [limit](unsigned char byte) { return static_cast<signed char>(byte) < limit; });
}
inline std::uint32_t high_bits(Block a) {
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < kSize; ++i) mask |= static_cast<std::uint32_t>(a.bytes[i] >> 7) << i;
  return mask;
}

#endif

// The tests: bit i of the result is byte i of the block at p. Each is an object of its own
// type (a lambda), so that the scans below are compiled for each test with the test inlined.

// A string's end or an escape, or a control character (which JSON strings may not hold).
inline constexpr auto string_stops = [](const char* p) -> std::uint32_t {
  const Block block = load(p);
  return high_bits(either(either(equal(block, splat('"')), equal(block, splat('\\'))), below_unsigned(block, 0x20)));
};
// Not ASCII.
inline constexpr auto non_ascii = [](const char* p) -> std::uint32_t { return high_bits(load(p)); };
// Not ASCII, or NUL (which a loaded text may not hold).
inline constexpr auto non_ascii_or_nul = [](const char* p) -> std::uint32_t {
  const Block block = load(p);
  return high_bits(either(block, equal(block, splat('\0'))));
};
// UTF-8 continuation bytes (0x80 to 0xBF, below -64 as signed bytes): each other byte starts
// a code point.
inline constexpr auto continuations = [](const char* p) -> std::uint32_t { return high_bits(below_signed(load(p), -64)); };
// Line breaks.
inline constexpr auto newlines = [](const char* p) -> std::uint32_t { return high_bits(equal(load(p), splat('\n'))); };

// `test` of the short last block [p, end) (fewer than kSize bytes), read from a copy so that
// nothing past `end` is read, with the bits past it cleared.
template <class Test>
std::uint32_t test_tail(const char* p, const char* end, Test test) {
  char tail[kSize] = {};
  const auto left = static_cast<std::size_t>(end - p);
  std::memcpy(tail, p, left);
  return test(tail) & ((1u << left) - 1);
}

// The first byte in [p, end) that `test` marks, or end.
template <class Test>
const char* find_first(const char* p, const char* end, Test test) {
  for (; static_cast<std::size_t>(end - p) >= kSize; p += kSize)
    if (const std::uint32_t mask = test(p)) return p + __builtin_ctz(mask);
  if (p == end) return end;
  const std::uint32_t mask = test_tail(p, end, test);
  return mask ? p + __builtin_ctz(mask) : end;
}

// How many bytes in [p, end) `test` marks.
template <class Test>
std::size_t count(const char* p, const char* end, Test test) {
  std::size_t marked = 0;
  for (; static_cast<std::size_t>(end - p) >= kSize; p += kSize) marked += static_cast<std::size_t>(__builtin_popcount(test(p)));
  if (p == end) return marked;
  return marked + static_cast<std::size_t>(__builtin_popcount(test_tail(p, end, test)));
}

// Whether a and b hold the same bytes, compared inline: object keys and ids are a few bytes
// long, a million quotes have ten million keys, and in wasm memcmp is a call and a byte loop.
inline bool same_bytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace qe::blocks
