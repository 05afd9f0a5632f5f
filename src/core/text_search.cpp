#include "core/text_search.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "core/byte_blocks.h"
#include "core/utf8.h"

namespace qe {
namespace {

// Search reads most quotes' texts, not keys (Corpus::search_bytes): their keys are the texts
// with 'A' to 'Z' lower-cased. The needle is a key, so lower case: a text byte h matches a
// needle byte n when (h | case_bit(n)) == n, where case_bit(n) is 0x20 for 'a' to 'z' (h is
// then n or its capital) and 0 for any other byte (h is then n: the bit would let '@' match
// '`', or 0xA0 match 0x80). On a stored key, which holds no capital A to Z, that is equality.
char case_bit(char n) { return static_cast<unsigned char>(n - 'a') < 26 ? 0x20 : 0; }

// Bit i of the result is set when bytes p[i] and p[i + 1] match `first` and `second` (any
// case), for i in 0..15 (wasm SIMD in the browser, SSE2 natively: core/byte_blocks.h).
constexpr std::size_t kStride = blocks::kSize;
std::uint32_t pair_hits(const char* p, char first, char second) {
  using namespace blocks;
  const Block a = equal(either(load(p), splat(case_bit(first))), splat(first));
  const Block b = equal(either(load(p + 1), splat(case_bit(second))), splat(second));
  return high_bits(both(a, b));
}

// Whether `needle` (at least 1 byte) is at p, in any ASCII case; inline, as most candidates
// differ early.
bool holds_at(const char* p, std::string_view needle) {
  for (std::size_t i = 0; i < needle.size(); ++i)
    if ((p[i] | case_bit(needle[i])) != needle[i]) return false;
  return true;
}

// First byte offset at or after `from` where the key [key, key + size) holds `needle`, or
// npos, the key read as search_bytes gives it (ASCII case ignored). Tests kStride offsets at
// a time for the needle's first two bytes, then compares the rest: keys are tens of bytes.
// A 1-byte needle (rare: common bytes are answered by the index) takes the plain loop.
std::size_t find_in_key(const char* key, std::size_t size, std::string_view needle, std::size_t from) {
  if (needle.size() > size) return std::string_view::npos;
  const std::size_t last = size - needle.size();  // the last offset a match can start at
  std::size_t at = from;
  if (needle.size() >= 2)
    for (; at + kStride + 1 <= size && at <= last; at += kStride)  // reads bytes at .. at + kStride
      for (std::uint32_t hits = pair_hits(key + at, needle[0], needle[1]); hits; hits &= hits - 1) {
        const std::size_t candidate = at + static_cast<std::size_t>(__builtin_ctz(hits));
        if (candidate > last) return std::string_view::npos;
        if (holds_at(key + candidate, needle)) return candidate;
      }
  for (; at <= last; ++at)
    if (holds_at(key + at, needle)) return at;
  return std::string_view::npos;
}

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "TextSearch::next keeps key bytes in a word, first byte lowest");

// TextSearch::next: up to 15 key bytes (first lowest), their count, and whether the match is
// the key's only one (then a longer needle that does not match there matches nowhere).
using NextBytes = TextSearch::NextBytes;
constexpr std::size_t kNextBytes = 15;
constexpr std::uint64_t kHighBytes = (std::uint64_t{1} << 56) - 1;  // NextBytes::high's key bytes
constexpr std::uint64_t kOnlyMatch = std::uint64_t{1} << 63;
std::size_t next_count(NextBytes next) { return static_cast<std::size_t>(next.high >> 56) & 15; }
bool only_match(NextBytes next) { return next.high & kOnlyMatch; }
std::uint64_t low_bytes_mask(std::size_t bytes) { return bytes >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1; }

// Up to 15 bytes of the key [key, key + size) from `at` on, with their count.
NextBytes bytes_from(const char* key, std::size_t size, std::size_t at) {
  const std::size_t count = std::min(kNextBytes, size - at);
  unsigned char bytes[16] = {};
  if (count) std::memcpy(bytes, key + at, count);
  NextBytes next;
  std::memcpy(&next.low, bytes, 8);
  std::memcpy(&next.high, bytes + 8, 8);
  next.high |= std::uint64_t{count} << 56;
  return next;
}

// case_bit of each of eight needle bytes (lower case): 0x20 where a byte is 'a' to 'z'. No
// byte's sum carries into the next (each adds at most 0x1F to a value under 0x80).
std::uint64_t case_bits8(std::uint64_t bytes) {
  constexpr std::uint64_t kOnes8 = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  const std::uint64_t low = bytes & ~kHighs;
  const std::uint64_t from_a = low + kOnes8 * (0x80 - 'a'), above_z = low + kOnes8 * (0x7F - 'z');
  return (from_a & ~above_z & ~bytes & kHighs) >> 2;
}

// What follows a match found at `at` in a key just read (so looking on for a second one is
// cheap): TextSearch::next.
NextBytes next_after(const char* key, std::size_t size, std::size_t at, std::string_view needle) {
  NextBytes next = bytes_from(key, size, at + needle.size());
  if (find_in_key(key, size, needle, at + 1) == std::string_view::npos) next.high |= kOnlyMatch;
  return next;
}

// The bytes a keystroke appends to the needle (up to kNextBytes), to compare with the next
// bytes of the last matches.
class AddedBytes {
 public:
  explicit AddedBytes(std::string_view added) : size_(added.size()) {
    const NextBytes bytes = bytes_from(added.data(), added.size(), 0);
    low_mask_ = low_bytes_mask(size_);
    high_mask_ = size_ > 8 ? low_bytes_mask(size_ - 8) : 0;
    low_ = bytes.low & low_mask_;
    high_ = bytes.high & high_mask_;
    low_case_ = case_bits8(low_);
    high_case_ = case_bits8(high_);
  }

  // Whether `next` holds them all, first (in any ASCII case, as find_in_key compares).
  bool open(NextBytes next) const {
    return next_count(next) >= size_ && ((next.low | low_case_) & low_mask_) == low_ &&
           ((next.high | high_case_) & high_mask_) == high_;
  }
  // Whether `next` tells, without the key, where the longer needle first is: at the same
  // place (they open it), or nowhere (they are all there, differ, and the match was the
  // key's only one).
  bool decides(NextBytes next) const { return open(next) || (next_count(next) >= size_ && only_match(next)); }
  // `next` after them: what follows the longer needle's match.
  NextBytes after(NextBytes next) const {
    std::uint64_t low = next.low, high = next.high & kHighBytes;
    if (size_ >= 8) {
      low = size_ == 8 ? high : high >> (8 * (size_ - 8));
      high = 0;
    } else if (size_ > 0) {
      low = low >> (8 * size_) | high << (64 - 8 * size_);
      high >>= 8 * size_;
    }
    return {low, high | std::uint64_t{next_count(next) - size_} << 56 | (next.high & kOnlyMatch)};
  }

 private:
  std::size_t size_;
  std::uint64_t low_mask_, high_mask_, low_ = 0, high_ = 0, low_case_ = 0, high_case_ = 0;
};

void record_offset(TextSearch& out, const char* key, std::size_t size, std::size_t at, std::string_view needle) {
  out.offsets.push_back(static_cast<std::uint32_t>(at));
  out.next.push_back(next_after(key, size, at, needle));
}

void add_match(TextSearch& out, QuoteIndex q, const char* key, std::size_t size, std::size_t at, std::string_view needle) {
  out.quotes.push_back(q);
  record_offset(out, key, size, at, needle);
}

// What search reads of quote q: its key, or its text, which is that key but for ASCII case.
struct Key {
  const char* data;
  std::size_t size;
};
Key key_of(const Corpus& corpus, QuoteIndex q) {
  const std::string_view key = corpus.search_bytes(q);
  return {key.data(), key.size()};
}

// How many candidates ahead a key is prefetched: enough to cover a memory access's latency.
// Its place (SearchKeys::entry) is prefetched twice as far ahead, so that finding the key
// does not wait for memory.
constexpr std::size_t kAhead = 64;
// WebAssembly has no prefetch: there, not even the address is computed.
#ifdef __wasm__
constexpr bool kPrefetches = false;
#else
constexpr bool kPrefetches = true;
#endif

void prefetch_entry(const Corpus& corpus, const QuoteIndex* quotes, std::size_t i, std::size_t n) {
  if (kPrefetches && i + 2 * kAhead < n) __builtin_prefetch(corpus.quotes.search_keys.entry(quotes[i + 2 * kAhead]));
}

// Room for up to `matches` matches, so that no push_back copies what it kept so far.
void reserve(TextSearch& out, std::size_t matches) {
  out.quotes.reserve(matches);
  out.offsets.reserve(matches);
  out.next.reserve(matches);
}

// Checks each of `quotes` (quotes[0] to quotes[n - 1], or every quote 0 to n - 1 when
// `quotes` is null: the scan) from the start of its key, keeping the matches. Most of the
// time goes to fetching keys from memory, one cache line or two a quote, so the key kAhead
// quotes on is requested early, both its ends (a no-op where there is no prefetch, as in
// wasm). A scan needs none: it reads the texts forward, mostly in paragraph order.
void check_quotes(const Corpus& corpus, std::string_view needle, const QuoteIndex* quotes, std::size_t n, TextSearch& out) {
  if (quotes) reserve(out, n);
  for (std::size_t i = 0; i < n; ++i) {
    const QuoteIndex q = quotes ? quotes[i] : static_cast<QuoteIndex>(i);
    if (quotes) {
      prefetch_entry(corpus, quotes, i, n);
      if (kPrefetches && i + kAhead < n) {
        const Key ahead = key_of(corpus, quotes[i + kAhead]);
        __builtin_prefetch(ahead.data);
        __builtin_prefetch(ahead.data + ahead.size - 1);
      }
    }
    const Key key = key_of(corpus, q);
    const std::size_t at = find_in_key(key.data, key.size, needle, 0);
    if (at != std::string_view::npos) add_match(out, q, key.data, key.size, at, needle);
  }
}

bool has_bit(const std::vector<std::uint64_t>& bits, QuoteIndex q) { return (bits[q / 64] >> (q % 64)) & 1; }

// The index's candidate quotes for a needle (TextIndex::candidate_quotes), computed when
// first asked for: typing on in a word is mostly decided by the last matches' next bytes,
// and then never asks (at a million quotes the sets' AND costs a millisecond in wasm).
class Candidates {
 public:
  Candidates(const TextIndex& index, std::string_view needle) : index_(index), needle_(needle) {}

  // nullptr when the index cannot narrow the search.
  const std::vector<std::uint64_t>* bits() {
    if (!computed_ && index_.built()) {
      if (auto bits = index_.candidate_quotes(needle_)) {
        bits_ = std::move(*bits);
        narrows_ = true;
      }
    }
    computed_ = true;
    return narrows_ ? &bits_ : nullptr;
  }
  bool may_hold(QuoteIndex q) { return !bits() || has_bit(bits_, q); }

 private:
  const TextIndex& index_;
  std::string_view needle_;
  bool computed_ = false, narrows_ = false;
  std::vector<std::uint64_t> bits_;
};

// The quotes set in `bits`, ascending: the answer for a needle the index knows exactly.
// Counted first, so that a million quotes are written once, with no check per quote.
void append_bits(const std::uint64_t* bits, std::size_t words, TextSearch& out) {
  std::size_t count = 0;
  for (std::size_t w = 0; w < words; ++w) count += static_cast<std::size_t>(__builtin_popcountll(bits[w]));
  const std::size_t first = out.quotes.size();
  out.quotes.resize(first + count);
  QuoteIndex* next = out.quotes.data() + first;
  for (std::size_t w = 0; w < words; ++w)
    for (std::uint64_t word = bits[w]; word; word &= word - 1)
      *next++ = static_cast<QuoteIndex>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(word)));
}

// Typing refines: every match of `needle` holds previous.needle, `shift` bytes in, so it
// is in a previous match's quote and starts no earlier than `shift` bytes before where the
// previous needle first did. When the needle only appends bytes, the previous match's next
// bytes mostly tell without reading the key: equal, the match stands; different, the first
// match, if any, comes later in the key. Matches whose offsets the previous search does not
// know (past previous.offsets.size()) read their keys from the start. The answer is written
// over `previous` as it is read (entry i goes to an index at most i): no allocation, and the
// lines just read are the ones written.
void refine(const Corpus& corpus, const std::string& needle, TextSearch& previous,
            Candidates& candidates) {
  const std::size_t shift = needle.find(previous.needle);
  const std::size_t n = previous.quotes.size();
  const std::size_t known = std::min(previous.offsets.size(), previous.next.size());
  const std::string_view added = std::string_view(needle).substr(shift == 0 ? previous.needle.size() : needle.size());
  const bool appends = shift == 0 && added.size() <= kNextBytes;
  const AddedBytes appended(appends ? added : std::string_view());
  // Whether entry i must read its key: its next bytes are too few to tell, or they rule out
  // its first match and the key may hold another, and the index does not rule it out.
  const auto reads_key = [&](std::size_t i) {
    if (appends && i < known && appended.decides(previous.next[i])) return false;
    return candidates.may_hold(previous.quotes[i]);
  };
  previous.offsets.resize(n);
  previous.next.resize(n);
  QuoteIndex* quotes = previous.quotes.data();
  std::uint32_t* offsets = previous.offsets.data();
  NextBytes* nexts = previous.next.data();
  std::size_t kept = 0;
  const auto keep = [&](QuoteIndex q, std::size_t at, NextBytes next) {
    quotes[kept] = q;
    offsets[kept] = static_cast<std::uint32_t>(at);
    nexts[kept++] = next;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (kPrefetches && i + kAhead < n && reads_key(i + kAhead))
      __builtin_prefetch(key_of(corpus, quotes[i + kAhead]).data + (i + kAhead < known ? offsets[i + kAhead] : 0));
    const QuoteIndex q = quotes[i];
    const std::size_t first = i < known ? offsets[i] : 0;
    std::size_t from = first > shift ? first - shift : 0;
    if (appends && i < known) {
      const NextBytes next = nexts[i];
      if (appended.open(next)) {  // the match stands
        keep(q, first, appended.after(next));
        continue;
      }
      if (appended.decides(next)) continue;                   // no other place to match
      if (next_count(next) >= added.size()) from = first + 1;  // not here: later in the key
    }
    // The index's candidates hold every match: consulted only before reading a key, the
    // one step they can save.
    if (!candidates.may_hold(q)) continue;
    const Key key = key_of(corpus, q);
    const std::size_t at = find_in_key(key.data, key.size, needle, from);
    if (at != std::string_view::npos) keep(q, at, next_after(key.data, key.size, at, needle));
  }
  previous.quotes.resize(kept);
  previous.offsets.resize(kept);
  previous.next.resize(kept);
  previous.needle = needle;
}

}  // namespace

std::string search_needle(std::string_view text) {
  std::string needle = utf8::search_key(text);
  needle.erase(std::remove(needle.begin(), needle.end(), '\0'), needle.end());
  return needle;
}

std::vector<QuoteIndex> scan_text(const Corpus& corpus, std::string_view text) {
  TextSearch result;
  const std::string needle = search_needle(text);
  if (!needle.empty()) check_quotes(corpus, needle, nullptr, corpus.quotes.size(), result);
  return std::move(result.quotes);
}

TextSearch search_text(const Corpus& corpus, std::string_view text, const TextSearch* previous) {
  return search_text(corpus, text, previous ? TextSearch(*previous) : TextSearch{});
}

TextSearch search_text(const Corpus& corpus, std::string_view text, TextSearch&& previous) {
  TextSearch result;
  result.needle = search_needle(text);
  const std::string& needle = result.needle;
  const TextIndex& index = corpus.text_index;
  if (needle.empty() || corpus.quotes.size() == 0) return result;
  const std::uint64_t* exact = index.built() ? index.quotes_holding(needle) : nullptr;
  if (exact) {  // a common byte, pair or trigram
    result.quotes = std::move(previous.quotes);  // its buffer
    result.quotes.clear();
    append_bits(exact, index.quote_words(), result);
    return result;
  }
  Candidates candidates(index, needle);
  const bool refines = !previous.needle.empty() && needle.find(previous.needle) != std::string::npos;
  // A previous answer from the bit sets ("c", "ce") knows no offsets until locate_matches
  // finds them: the candidates, which include those sets, are then as narrow and cheaper to
  // walk than the previous matches.
  const bool knows_offsets = refines && !previous.offsets.empty();
  if (refines && (knows_offsets || !candidates.bits())) {
    refine(corpus, needle, previous, candidates);
    return std::move(previous);
  }
  if (const auto* bits = candidates.bits()) {
    TextSearch listed;
    append_bits(bits->data(), bits->size(), listed);
    check_quotes(corpus, needle, listed.quotes.data(), listed.quotes.size(), result);
  } else {
    check_quotes(corpus, needle, nullptr, corpus.quotes.size(), result);
  }
  return result;
}

bool needs_locating(const TextSearch& search) {
  return search.needle.size() >= 3 && search.offsets.size() < search.quotes.size();
}

void locate_matches(const Corpus& corpus, TextSearch& search, std::size_t count) {
  const std::size_t from = search.offsets.size();
  const std::size_t to = std::min(search.quotes.size(), from + count);
  search.offsets.reserve(search.quotes.size());
  search.next.reserve(search.quotes.size());
  for (std::size_t i = from; i < to; ++i) {
    prefetch_entry(corpus, search.quotes.data(), i, to);
    if (kPrefetches && i + kAhead < to) __builtin_prefetch(key_of(corpus, search.quotes[i + kAhead]).data);
    const Key key = key_of(corpus, search.quotes[i]);
    record_offset(search, key.data, key.size, find_in_key(key.data, key.size, search.needle, 0), search.needle);
  }
}

std::vector<QuoteIndex> match_text(const Corpus& corpus, std::string_view text) {
  return std::move(search_text(corpus, text).quotes);
}

}  // namespace qe
