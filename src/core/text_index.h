// text_index.h: a block trigram index over the quotes' search keys, so that a text search
// reads the parts of the keys that can hold a match instead of all of them. A key is read as
// Corpus::search_bytes gives it (for most quotes their text) and lower-cased as it is read:
// the grams are the key's.
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
//
// Common trigrams are in almost every block, so blocks cannot narrow a search for common
// words, and a 1- or 2-byte needle has no trigram at all. For those the index also keeps,
// for each byte, pair of bytes and trigram bucket held by at least 1 in kCommonShare quotes,
// the set of quotes holding it, one bit a quote: exact for bytes, pairs and the trigrams
// that have their bucket to themselves (most common ones), so the answer to such a needle;
// for longer needles, the AND of their common pairs' and trigrams' sets is a filter per
// quote rather than per block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace qe {

struct Corpus;

class TextIndex {
 public:
  // 16 quotes a block: short quotes share most trigrams, so a block costs far fewer postings
  // than 16 quotes would, and scanning 16 keys (about 1 kB) for a false candidate is cheap.
  static constexpr std::uint32_t kBlockQuotes = 16;

  TextIndex();
  TextIndex(TextIndex&&) noexcept;
  TextIndex& operator=(TextIndex&&) noexcept;
  ~TextIndex();

  // Over each quote's search_bytes, lower-cased.
  void build(const Corpus& corpus);
  // The same build a slice at a time, so that a page can do it while idle after a load
  // (seconds at a million quotes in the browser): start_build, then build_slice until
  // building() is false. Until then built() is false, and a search scans. `corpus` must be
  // the same, unchanged, at every call.
  void start_build(const Corpus& corpus);
  void build_slice(const Corpus& corpus, std::uint32_t max_quotes);
  bool building() const { return build_ != nullptr; }

  // One bit per block (bit b of byte b / 8): set when the block may hold `needle`. nullopt
  // when the index cannot narrow the search: a needle under 3 bytes has no trigram.
  std::optional<std::vector<std::uint8_t>> candidate_blocks(std::string_view needle) const;

  // A string of 1, 2 or 3 bytes held by at least 1 in kCommonShare quotes: one bit a quote
  // (bit q % 64 of word q / 64), set exactly for the quotes whose key holds `gram`.
  // nullptr for other strings, for a trigram whose bucket another trigram of the keys
  // shares (its set is then the union of both), and while the index is building.
  const std::uint64_t* quotes_holding(std::string_view gram) const;

  // One bit a quote, as above, set for the quotes that may hold `needle`: those in candidate
  // blocks and in the sets of the needle's common pairs and trigram buckets (the rarest 16).
  // nullopt when the index cannot narrow the search (a needle of 1 or 2 rare bytes), and
  // while it is building.
  std::optional<std::vector<std::uint64_t>> candidate_quotes(std::string_view needle) const;

  // The bucket of a 3-byte string's trigram (tests build colliding trigrams with it).
  static std::uint32_t bucket_of_trigram(std::string_view trigram);

  bool built() const { return block_count_ > 0 && !building(); }
  std::uint32_t block_count() const { return block_count_; }
  std::size_t quote_words() const { return (quote_count_ + 63) / 64; }
  std::size_t memory_bytes() const;

  // A string is common when at least 1 in 16 quotes hold it: then its bit set (1 bit a
  // quote) is smaller than a list of those quotes would be, and checking candidates for it
  // without the set would check many quotes.
  static constexpr std::uint32_t kCommonShare = 16;

 private:
  std::uint32_t quote_count_ = 0, block_count_ = 0;
  std::vector<std::uint32_t> offsets_;   // 2^16 + 1: bucket h's list is bytes [offsets_[h], offsets_[h + 1])
  std::vector<std::uint8_t> lists_;      // per non-empty list: a form tag, then the list
  std::vector<std::uint32_t> common_;    // common bytes', pairs' and buckets' codes (gram_code), ascending
  std::vector<std::uint32_t> common_count_;  // quotes holding each, to try the rarest first
  std::vector<std::uint32_t> common_trigram_;  // a bucket's one trigram (trigram_of), or another value
  // quote_words() words per common string. Not a vector: written once, word by word as the
  // second pass goes (write_words), so never cleared first.
  std::unique_ptr<std::uint64_t[]> common_sets_;

  std::size_t bitmap_bytes() const { return (block_count_ + 7) / 8; }
  // What the first pass over the keys learns: per gram code, the quotes holding it; per
  // trigram bucket, the size of its list as varints.
  struct GramCounts {
    struct Gram {
      std::uint32_t last_quote, quotes;
      std::uint32_t trigram;  // a bucket's one trigram so far, or kMixedBucket; 0 for bytes and pairs
    };
    struct Bucket {
      std::uint32_t last_block, varint_bytes;
    };
    std::vector<Gram> grams;
    std::vector<Bucket> buckets;
  };
  // Where a build stands: the first pass (counting) over quotes [0, next_quote), or the
  // second (filling), with what each pass carries from one slice to the next.
  struct BuildState;
  std::unique_ptr<BuildState> build_;  // null unless a build is under way
  void count_grams(const Corpus& corpus, std::uint32_t first, std::uint32_t last, GramCounts& counts) const;
  void lay_out_lists(const GramCounts& counts);
  void choose_common(const GramCounts& counts);
  void start_fill(BuildState& state);
  void fill(const Corpus& corpus, std::uint32_t first, std::uint32_t last, BuildState& state);  // the second pass
  void write_words(BuildState& state, std::size_t next_word);
  void intersect(std::uint32_t bucket, std::vector<std::uint8_t>& blocks) const;
  std::optional<std::size_t> common_slot(std::uint32_t code) const;
};

}  // namespace qe
