// text_index.h: a block trigram index over the quotes' search keys, so that a text search
// reads the parts of the keys that can hold a match instead of all of them.
//
// Quotes are grouped in blocks of kBlockQuotes consecutive quotes. For each trigram bucket
// (three consecutive key bytes, hashed to 2^16 buckets) the index lists the blocks whose
// keys hold such a trigram. A needle of 3 bytes or more can only match in a block that holds
// every one of its trigrams, so a search scans only those blocks. The index answers "maybe":
// filter.cpp's exact search over the candidates decides, so results equal a full scan.
//
// Layout (CSR, like PostingLists): one byte array of all buckets' lists and 2^16 + 1 offsets
// into it. A list is stored in the smaller of two forms: ascending block numbers as varint
// deltas (rare trigrams), or one bit per block (common trigrams, where a varint would spend
// a byte a block).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace qe {

class StringPool;

class TextIndex {
 public:
  // 16 quotes a block: short quotes share most trigrams, so a block costs far fewer postings
  // than 16 quotes would, and scanning 16 keys (about 1 kB) for a false candidate is cheap.
  static constexpr std::uint32_t kBlockQuotes = 16;

  // `keys`: one search key per quote, each ending in '\0' (QuoteTable::folded_text).
  void build(const StringPool& keys);

  // One bit per block (bit b of byte b / 8): set when the block may hold `needle`. nullopt
  // when the index cannot narrow the search: a needle under 3 bytes has no trigram.
  std::optional<std::vector<std::uint8_t>> candidate_blocks(std::string_view needle) const;

  std::uint32_t block_count() const { return block_count_; }
  std::size_t memory_bytes() const;

 private:
  std::uint32_t block_count_ = 0;
  std::vector<std::uint32_t> offsets_;   // 2^16 + 1: bucket h's list is bytes [offsets_[h], offsets_[h + 1])
  std::vector<std::uint8_t> lists_;      // per non-empty list: a form tag, then the list

  std::size_t bitmap_bytes() const { return (block_count_ + 7) / 8; }
  void intersect(std::uint32_t bucket, std::vector<std::uint8_t>& blocks) const;
};

}  // namespace qe
