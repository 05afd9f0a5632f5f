#include "core/text_index.h"

#include <algorithm>

#include "core/corpus.h"
#include "core/utf8.h"

namespace qe {
namespace {

// The build's per-byte helpers, inlined even where the file is optimised for size (the wasm
// build, -Os): as calls they made the build take twice as long there.
#define QE_INLINE inline __attribute__((always_inline))
#define QE_INLINE_LAMBDA __attribute__((always_inline))

constexpr std::size_t kBuckets = std::size_t{1} << 16;
constexpr std::uint8_t kVarintList = 0, kBitmapList = 1;  // the tag byte that opens a list

// A needle with many trigrams needs only its rarest few to narrow the search to almost
// nothing; more lists cost time (a block list or a quote set each) and rarely remove much.
constexpr std::size_t kMaxLists = 8;     // block lists
constexpr std::size_t kMaxQuoteSets = 16;  // common pairs' and trigrams' quote sets

// A trigram as one number, first byte lowest. Never 0: no indexed trigram holds a '\0'.
QE_INLINE std::uint32_t trigram_of(unsigned char a, unsigned char b, unsigned char c) {
  return a | (b << 8) | (static_cast<std::uint32_t>(c) << 16);
}

// Multiplicative hash of the 24-bit trigram; the top 16 bits of the product mix all three bytes.
QE_INLINE std::uint32_t bucket_of(std::uint32_t trigram) { return (trigram * 0x9E3779B1u) >> 16; }
QE_INLINE std::uint32_t bucket_of(unsigned char a, unsigned char b, unsigned char c) { return bucket_of(trigram_of(a, b, c)); }

QE_INLINE std::size_t varint_size(std::uint32_t value) {
  std::size_t size = 1;
  while (value >= 0x80) value >>= 7, ++size;
  return size;
}

QE_INLINE std::uint8_t* write_varint(std::uint8_t* out, std::uint32_t value) {
  for (; value >= 0x80; value >>= 7) *out++ = static_cast<std::uint8_t>(value | 0x80);
  *out++ = static_cast<std::uint8_t>(value);
  return out;
}

QE_INLINE const std::uint8_t* read_varint(const std::uint8_t* in, std::uint32_t& value) {
  value = 0;
  for (int shift = 0;; shift += 7) {
    value |= static_cast<std::uint32_t>(*in & 0x7F) << shift;
    if (!(*in++ & 0x80)) return in;
  }
}

// Bytes, pairs and trigram buckets as one dense code: a byte b is b, a pair (a, b) is
// 256 + a * 256 + b, a trigram 256 + 65536 + its bucket.
constexpr std::size_t kGramCodes = 256 + 65536 + 65536;
constexpr std::uint32_t kTrigramCodes = 256 + 65536;  // the first trigram's code
// GramCounts::Gram::trigram of a bucket that more than one trigram of the keys hashes to (no
// trigram is this: its top byte is never set).
constexpr std::uint32_t kMixedBucket = 0xFFFFFFFF;
QE_INLINE std::uint32_t gram_code(unsigned char a) { return a; }
QE_INLINE std::uint32_t gram_code(unsigned char a, unsigned char b) { return 256 + (static_cast<std::uint32_t>(a) << 8 | b); }
QE_INLINE std::uint32_t gram_code(unsigned char a, unsigned char b, unsigned char c) { return kTrigramCodes + bucket_of(a, b, c); }

// Calls visit(quote, code, trigram) for each byte, pair and trigram of the keys of quotes
// [first, last) (`trigram` is the trigram itself for a trigram's code, else 0), within one
// quote, leaving out those holding a '\0' (a text may hold one; needles never do). The key
// is the quote's search_bytes lower-cased as they are read (a no-op on a stored key).
template <class Visit>
void for_each_gram(const Corpus& corpus, std::uint32_t first, std::uint32_t last, Visit visit) {
  for (std::uint32_t q = first; q < last; ++q) {
    const std::string_view key = corpus.search_bytes(q);
    const auto* bytes = reinterpret_cast<const unsigned char*>(key.data());
    const std::size_t end = key.size();
    // a, b, c: the key's bytes at i, i + 1 and i + 2 (0 past its end), each lower-cased once.
    unsigned char b = end > 0 ? utf8::lower_ascii(bytes[0]) : 0, c = end > 1 ? utf8::lower_ascii(bytes[1]) : 0;
    for (std::size_t i = 0; i < end; ++i) {
      const unsigned char a = b;
      b = c;
      c = i + 2 < end ? utf8::lower_ascii(bytes[i + 2]) : 0;
      if (!a) continue;
      visit(q, gram_code(a), 0u);
      if (!b) continue;
      visit(q, gram_code(a, b), 0u);
      if (!c) continue;
      const std::uint32_t trigram = trigram_of(a, b, c);
      visit(q, kTrigramCodes + bucket_of(trigram), trigram);
    }
  }
}

}  // namespace

struct TextIndex::BuildState {
  bool filling = false;
  std::uint32_t next_quote = 0;
  GramCounts counts;  // the first pass's, until the lists are laid out
  // The second pass: each common gram's slot in common_sets_ (-1 for others), the bits of the
  // 64 quotes of word `word` per common gram, gathered there and then written to the sets once
  // each (the sets are far apart, and one write a gram occurrence would miss the cache almost
  // every time), and per bucket where its list continues and 1 + the last block written.
  std::vector<std::int32_t> slot;
  std::vector<std::uint64_t> word_bits;
  std::size_t word = 0;
  std::vector<std::uint8_t*> cursor;
  std::vector<std::uint32_t> last_block;
};

TextIndex::TextIndex() = default;
TextIndex::TextIndex(TextIndex&&) noexcept = default;
TextIndex& TextIndex::operator=(TextIndex&&) noexcept = default;
TextIndex::~TextIndex() = default;

// Two passes over the keys, each visiting every byte, pair and trigram once: the first counts
// (the quotes holding each gram, and each bucket's varint list size, so that both list forms
// can be compared and all lists laid out in one allocation), the second writes the lists and
// the common grams' quote sets. One pass serves both structures, as the keys are the larger
// part of the memory traffic.
void TextIndex::build(const Corpus& corpus) {
  start_build(corpus);
  while (building()) build_slice(corpus, UINT32_MAX);
}

void TextIndex::start_build(const Corpus& corpus) {
  *this = TextIndex{};
  quote_count_ = static_cast<std::uint32_t>(corpus.quotes.size());
  block_count_ = static_cast<std::uint32_t>((quote_count_ + kBlockQuotes - 1) / kBlockQuotes);
  build_ = std::make_unique<BuildState>();
  build_->counts.grams.assign(kGramCodes, {0, 0, 0});
  build_->counts.buckets.assign(kBuckets, {0, 0});
}

void TextIndex::build_slice(const Corpus& corpus, std::uint32_t max_quotes) {
  if (!build_) return;
  BuildState& state = *build_;
  const std::uint32_t first = state.next_quote;
  const std::uint32_t last = first + std::min(max_quotes, quote_count_ - first);
  if (!state.filling) {
    count_grams(corpus, first, last, state.counts);
  } else {
    fill(corpus, first, last, state);
  }
  state.next_quote = last;
  if (last < quote_count_) return;
  if (!state.filling) {
    lay_out_lists(state.counts);
    choose_common(state.counts);
    state.counts = GramCounts{};
    start_fill(state);
  } else {
    write_words(state, quote_words());
    build_.reset();
  }
}

// `last_quote` is 1 + the last quote counted for a gram; `last_block` 1 + the last block
// counted for a bucket: they drop repeats within a quote and a block, and give the delta.
void TextIndex::count_grams(const Corpus& corpus, std::uint32_t first, std::uint32_t last, GramCounts& counts) const {
  for_each_gram(corpus, first, last, [&](std::uint32_t q, std::uint32_t code, std::uint32_t trigram) QE_INLINE_LAMBDA {
    GramCounts::Gram& gram = counts.grams[code];
    if (gram.trigram != trigram) gram.trigram = gram.quotes ? kMixedBucket : trigram;
    if (gram.last_quote == q + 1) return;
    gram.last_quote = q + 1;
    ++gram.quotes;
    if (code < kTrigramCodes) return;
    GramCounts::Bucket& bucket = counts.buckets[code - kTrigramCodes];
    const std::uint32_t block = q / kBlockQuotes;
    if (bucket.last_block == block + 1) return;
    bucket.varint_bytes += static_cast<std::uint32_t>(varint_size(block + 1 - bucket.last_block));
    bucket.last_block = block + 1;
  });
}

void TextIndex::lay_out_lists(const GramCounts& counts) {
  offsets_.assign(kBuckets + 1, 0);
  for (std::size_t h = 0; h < kBuckets; ++h) {
    const std::uint32_t varint_bytes = counts.buckets[h].varint_bytes;
    const std::size_t size = varint_bytes ? 1 + std::min<std::size_t>(varint_bytes, bitmap_bytes()) : 0;
    offsets_[h + 1] = offsets_[h] + static_cast<std::uint32_t>(size);
  }
  lists_.assign(offsets_[kBuckets], 0);
  for (std::size_t h = 0; h < kBuckets; ++h) {
    if (offsets_[h] == offsets_[h + 1]) continue;
    lists_[offsets_[h]] = counts.buckets[h].varint_bytes < bitmap_bytes() ? kVarintList : kBitmapList;
  }
}

void TextIndex::choose_common(const GramCounts& counts) {
  common_.clear();
  common_count_.clear();
  common_trigram_.clear();
  for (std::uint32_t code = 0; code < kGramCodes; ++code) {
    const std::uint32_t quotes = counts.grams[code].quotes;
    if (!quotes || quotes * std::uint64_t{kCommonShare} < quote_count_) continue;
    common_.push_back(code);
    common_count_.push_back(quotes);
    common_trigram_.push_back(counts.grams[code].trigram);
  }
}

void TextIndex::start_fill(BuildState& state) {
  state.filling = true;
  state.next_quote = 0;
  state.slot.assign(kGramCodes, -1);
  for (std::size_t i = 0; i < common_.size(); ++i) state.slot[common_[i]] = static_cast<std::int32_t>(i);
  // Uninitialised: clearing 36 MB at a million quotes at once would make the page's memory
  // jump by as much before the pass, where written word by word it grows with the pass.
  common_sets_.reset(new std::uint64_t[common_.size() * quote_words()]);
  state.word_bits.assign(common_.size(), 0);
  state.cursor.assign(kBuckets, nullptr);
  for (std::size_t h = 0; h < kBuckets; ++h)
    if (offsets_[h] != offsets_[h + 1]) state.cursor[h] = lists_.data() + offsets_[h] + 1;
  state.last_block.assign(kBuckets, 0);
}

void TextIndex::fill(const Corpus& corpus, std::uint32_t first, std::uint32_t last, BuildState& state) {
  std::uint64_t* word_bits = state.word_bits.data();
  const std::int32_t* slot = state.slot.data();
  for_each_gram(corpus, first, last, [&](std::uint32_t q, std::uint32_t code, std::uint32_t) QE_INLINE_LAMBDA {
    if (q / 64 != state.word) write_words(state, q / 64);
    if (slot[code] >= 0) word_bits[static_cast<std::size_t>(slot[code])] |= std::uint64_t{1} << (q % 64);
    if (code < kTrigramCodes) return;
    const std::uint32_t h = code - kTrigramCodes, block = q / kBlockQuotes;
    std::uint32_t& last_block = state.last_block[h];
    if (last_block == block + 1) return;
    if (lists_[offsets_[h]] == kBitmapList)
      state.cursor[h][block / 8] |= static_cast<std::uint8_t>(1u << (block % 8));
    else
      state.cursor[h] = write_varint(state.cursor[h], block + 1 - last_block);
    last_block = block + 1;
  });
}

// Writes the bits gathered for quote word state.word to the common sets, and zeros to their
// words from there to `next_word` (quotes without grams): every word of the sets is written
// once, in order, so they need no clearing first (start_fill).
void TextIndex::write_words(BuildState& state, std::size_t next_word) {
  const std::size_t words = quote_words();
  for (std::size_t s = 0; s < state.word_bits.size(); ++s) {
    std::uint64_t* set = common_sets_.get() + s * words;
    set[state.word] = state.word_bits[s];
    state.word_bits[s] = 0;
    std::fill(set + state.word + 1, set + next_word, std::uint64_t{0});
  }
  state.word = next_word;
}

std::uint32_t TextIndex::bucket_of_trigram(std::string_view trigram) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(trigram.data());
  return trigram.size() == 3 ? bucket_of(bytes[0], bytes[1], bytes[2]) : 0;
}

std::optional<std::size_t> TextIndex::common_slot(std::uint32_t code) const {
  const auto it = std::lower_bound(common_.begin(), common_.end(), code);
  if (it == common_.end() || *it != code) return std::nullopt;
  return static_cast<std::size_t>(it - common_.begin());
}

const std::uint64_t* TextIndex::quotes_holding(std::string_view gram) const {
  if (building()) return nullptr;  // the sets are written as the build goes (write_words)
  const auto* bytes = reinterpret_cast<const unsigned char*>(gram.data());
  std::optional<std::size_t> slot;
  switch (gram.size()) {
    case 1: slot = common_slot(gram_code(bytes[0])); break;
    case 2: slot = common_slot(gram_code(bytes[0], bytes[1])); break;
    case 3:
      // A bucket's set is this trigram's only when no other trigram of the keys shares it.
      slot = common_slot(gram_code(bytes[0], bytes[1], bytes[2]));
      if (slot && common_trigram_[*slot] != trigram_of(bytes[0], bytes[1], bytes[2])) slot.reset();
      break;
    default: break;
  }
  return slot ? common_sets_.get() + *slot * quote_words() : nullptr;
}

std::optional<std::vector<std::uint64_t>> TextIndex::candidate_quotes(std::string_view needle) const {
  if (building()) return std::nullopt;
  const auto* bytes = reinterpret_cast<const unsigned char*>(needle.data());
  std::vector<std::size_t> slots;
  for (std::size_t i = 0; i + 1 < needle.size(); ++i) {
    if (const auto slot = common_slot(gram_code(bytes[i], bytes[i + 1]))) slots.push_back(*slot);
    if (i + 2 < needle.size())
      if (const auto slot = common_slot(gram_code(bytes[i], bytes[i + 1], bytes[i + 2]))) slots.push_back(*slot);
  }
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  std::sort(slots.begin(), slots.end(), [&](std::size_t a, std::size_t b) { return common_count_[a] < common_count_[b]; });
  if (slots.size() > kMaxQuoteSets) slots.resize(kMaxQuoteSets);
  const auto blocks = candidate_blocks(needle);
  if (slots.empty() && !blocks) return std::nullopt;

  const std::size_t words = quote_words();
  std::vector<std::uint64_t> quotes(words, ~std::uint64_t{0});
  if (quote_count_ % 64) quotes.back() = (std::uint64_t{1} << (quote_count_ % 64)) - 1;
  for (std::size_t slot : slots)
    for (std::size_t w = 0; w < words; ++w) quotes[w] &= common_sets_[slot * words + w];
  static_assert(64 % kBlockQuotes == 0, "a block's quotes are bits of one word");
  constexpr std::uint64_t kBlockBits = (std::uint64_t{1} << kBlockQuotes) - 1;
  for (std::uint32_t b = 0; blocks && b < block_count_; ++b)
    if (!((*blocks)[b / 8] >> (b % 8) & 1)) quotes[b / (64 / kBlockQuotes)] &= ~(kBlockBits << (b % (64 / kBlockQuotes) * kBlockQuotes));
  return quotes;
}

// blocks &= the blocks of `bucket`'s list.
void TextIndex::intersect(std::uint32_t bucket, std::vector<std::uint8_t>& blocks) const {
  const std::uint8_t* list = lists_.data() + offsets_[bucket];
  const std::uint8_t* end = lists_.data() + offsets_[bucket + 1];
  if (list == end) {
    std::fill(blocks.begin(), blocks.end(), 0);
  } else if (*list == kBitmapList) {
    for (std::size_t i = 0; i < blocks.size(); ++i) blocks[i] &= list[1 + i];
  } else {
    std::vector<std::uint8_t> kept(blocks.size(), 0);
    std::uint32_t block_plus_one = 0, delta = 0;
    for (const std::uint8_t* in = list + 1; in < end;) {
      in = read_varint(in, delta);
      block_plus_one += delta;
      const std::uint32_t b = block_plus_one - 1;
      kept[b / 8] |= blocks[b / 8] & static_cast<std::uint8_t>(1u << (b % 8));
    }
    blocks.swap(kept);
  }
}

std::optional<std::vector<std::uint8_t>> TextIndex::candidate_blocks(std::string_view needle) const {
  if (needle.size() < 3 || offsets_.empty()) return std::nullopt;
  std::vector<std::uint32_t> buckets;
  for (std::size_t i = 0; i + 2 < needle.size(); ++i)
    buckets.push_back(bucket_of(static_cast<unsigned char>(needle[i]), static_cast<unsigned char>(needle[i + 1]),
                                static_cast<unsigned char>(needle[i + 2])));
  std::sort(buckets.begin(), buckets.end());
  buckets.erase(std::unique(buckets.begin(), buckets.end()), buckets.end());
  // Rarest first (a shorter list names fewer blocks), so the first few lists do the work.
  const auto list_size = [&](std::uint32_t h) { return offsets_[h + 1] - offsets_[h]; };
  std::sort(buckets.begin(), buckets.end(),
            [&](std::uint32_t a, std::uint32_t b) { return list_size(a) < list_size(b); });
  if (buckets.size() > kMaxLists) buckets.resize(kMaxLists);

  std::vector<std::uint8_t> blocks(bitmap_bytes(), 0xFF);
  if (block_count_ % 8) blocks.back() = static_cast<std::uint8_t>((1u << (block_count_ % 8)) - 1);
  for (std::uint32_t h : buckets) intersect(h, blocks);
  return blocks;
}

std::size_t TextIndex::memory_bytes() const {
  return offsets_.capacity() * sizeof(std::uint32_t) + lists_.capacity() +
         (common_.capacity() + common_count_.capacity() + common_trigram_.capacity()) * sizeof(std::uint32_t) +
         (common_sets_ ? common_.size() * quote_words() * sizeof(std::uint64_t) : 0);
}

}  // namespace qe
