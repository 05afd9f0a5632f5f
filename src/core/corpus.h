// corpus.h: the loaded articles, speakers and quotes, laid out for fast filtering.
//
// Speakers are interned (a quote stores a 4-byte SpeakerId, its country a 2-byte CountryId),
// quotes live in parallel arrays in display order (article, then paragraph, then start), and
// per-facet posting lists are built once at load so that filters touch only the quotes that
// can match. A Corpus is immutable once built: the loader makes a new one or none at all.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/countries.h"
#include "core/dates.h"
#include "core/text_index.h"

namespace qe {

using SpeakerId = std::uint32_t;
using ArticleId = std::uint32_t;
using QuoteIndex = std::uint32_t;

enum class QuoteKind : std::uint8_t { Direct, Indirect, Mixed };
inline constexpr std::size_t kQuoteKindCount = 3;
std::string_view kind_name(QuoteKind kind);                     // "direct"
std::optional<QuoteKind> parse_kind(std::string_view name);     // exact, lower case

enum class SpeakerKind : std::uint8_t { Person, Organization, Group };
std::string_view speaker_kind_name(SpeakerKind kind);
std::optional<SpeakerKind> parse_speaker_kind(std::string_view name);

// Many short strings in one buffer: one allocation instead of one per string. Its own bytes
// rather than a std::string, so that add (two million calls as a million quotes load) is
// inlined where it is called; the bytes reserved stay untouched, and so out of the page's
// memory, until used.
class StringPool {
 public:
  std::uint32_t add(std::string_view text) {  // returns the string's index
    if (text.size() > capacity_ - size_) grow(text.size());
    if (!text.empty()) std::memcpy(bytes_.get() + size_, text.data(), text.size());
    size_ += text.size();
    ends_.push_back(static_cast<std::uint32_t>(size_));
    return static_cast<std::uint32_t>(ends_.size() - 1);
  }
  void reserve(std::size_t strings, std::size_t bytes) {
    ends_.reserve(strings);
    if (bytes > capacity_) reallocate(bytes);
  }
  std::string_view operator[](std::uint32_t index) const {
    const std::size_t begin = begin_of(index);
    return {bytes_.get() + begin, ends_[index] - begin};
  }
  std::size_t size() const { return ends_.size(); }
  std::string_view buffer() const { return {bytes_.get(), size_}; }
  std::size_t begin_of(std::uint32_t index) const { return index ? ends_[index - 1] : 0; }

 private:
  void grow(std::size_t more);
  void reallocate(std::size_t capacity);

  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0, capacity_ = 0;
  std::vector<std::uint32_t> ends_;  // 32-bit offsets keep a pool under 4 GiB (see LoadLimits)
};

// Where text search reads each quote (Corpus::search_bytes): its search key (utf8::search_key)
// but for ASCII case, which search ignores. An ASCII text's key is the text lower-cased, so
// such a text is read where it is, in Corpus::paragraphs' buffer; only texts with other
// bytes (accents, typographic quotes, other scripts) keep their keys: at a million ASCII
// quotes, none instead of 77 MB (docs/performance.md).
class SearchKeys {
 public:
  // The next quote's text, which starts at `text_begin` in Corpus::paragraphs' buffer: keeps
  // its key unless it is ASCII.
  void add(std::string_view text, std::size_t text_begin);
  bool keyed(std::uint32_t quote) const { return spans_[2 * quote + 1] & kKeyed; }
  // Two 32-bit words a quote, side by side, so that a search reads one column beside the bytes.
  std::string_view of(std::uint32_t quote, const char* texts) const {
    const std::uint32_t begin = spans_[2 * quote], size = spans_[2 * quote + 1];
    return {(size & kKeyed ? keys_.data() : texts) + begin, size & ~kKeyed};
  }
  const std::string& keys() const { return keys_; }
  const void* entry(std::uint32_t quote) const { return spans_.data() + 2 * quote; }  // to prefetch
  // The bytes searched, with one a quote (as when every key was stored, ending in a NUL).
  std::size_t bytes() const { return bytes_; }
  void reserve(std::size_t quotes, std::size_t key_bytes) {
    spans_.reserve(2 * quotes);
    keys_.reserve(key_bytes);
  }

 private:
  // Per quote, where its bytes begin and their size, in the text or, with kKeyed set in the
  // size, in keys_ (no text or key nears 2^31 bytes: LoadLimits::max_string_bytes). 32-bit
  // words rather than a struct: the download has their vector code already.
  static constexpr std::uint32_t kKeyed = std::uint32_t{1} << 31;
  std::string keys_;
  std::vector<std::uint32_t> spans_;
  std::size_t bytes_ = 0;
};

struct Speaker {
  std::string id, name, role;          // role may be empty
  std::vector<std::string> aliases;
  SpeakerKind kind = SpeakerKind::Person;
  CountryId country = kNoCountry;
};

struct Source {
  std::string name, url;               // either may be empty
};

struct Article {
  std::string id, title, dateline, published, language;  // all but id may be empty
  Source source;
  // The article's paragraphs are Corpus::paragraphs [first_paragraph, first_paragraph +
  // paragraph_count): one pool for the corpus rather than a std::string each.
  std::uint32_t first_paragraph = 0, paragraph_count = 0;
  QuoteIndex first_quote = 0, quote_count = 0;  // the article's quotes are contiguous
  // "extracted": {"by", "reviewed"}: the quotes were found by a program (`extracted_by`), and
  // a person has (`reviewed`) or has not yet checked them.
  bool extracted = false, reviewed = false;
  std::string extracted_by;
  bool needs_review() const { return extracted && !reviewed; }
};

// A quote's optional "confidence" (0..1), stored as a whole percent; kNoConfidence when the
// JSON gives none (hand-annotated quotes).
inline constexpr std::uint8_t kNoConfidence = 255;

// One column per field. A filter pass reads speaker, country and kind: 7 bytes a quote.
struct QuoteTable {
  std::vector<SpeakerId> speaker;
  std::vector<CountryId> country;       // the speaker's, copied so filters skip a lookup
  std::vector<QuoteKind> kind;
  std::vector<std::uint8_t> confidence;             // percent 0..100, or kNoConfidence
  std::vector<std::uint8_t> reviewed;               // 1: a person accepted it ("reviewed": true)
  std::vector<ArticleId> article;
  std::vector<std::uint32_t> paragraph;
  // The span in UTF-8 bytes of the paragraph. The JSON's code point offsets are not kept:
  // Corpus::quote_code_points counts them again for the few that need them (export).
  std::vector<std::uint32_t> start_byte, end_byte;
  // No text column: a quote's text is its span of the paragraph (the loader checks that they
  // are equal), read through Corpus::quote_text.
  StringPool id, cue;
  // Where text search reads each quote, and the few keys it keeps (Corpus::search_bytes).
  SearchKeys search_keys;
  // The article's bin in Corpus::published_bins (published_bins.count when undated), copied
  // per quote like country (build_indexes) for the facet's counts. The day itself is kept
  // per article only (Corpus::published_day_of_article): only a date range reads it.
  std::vector<std::uint32_t> published_bin;
  // The article's source, an index into Corpus::source_names (source_names.size(): none).
  std::vector<std::uint32_t> source;

  std::size_t size() const { return speaker.size(); }
};

// Quote indexes grouped by facet value (CSR layout: offsets into one array), sorted within
// each group, so the quotes of a value are one contiguous, ordered run.
class PostingLists {
 public:
  void build(std::size_t value_count, const std::vector<std::uint32_t>& value_of_quote);
  struct Run {
    const QuoteIndex* first;
    const QuoteIndex* last;
    std::size_t size() const { return static_cast<std::size_t>(last - first); }
  };
  Run of(std::size_t value) const {  // inline: counting asks it of every value, 100,000 articles say
    if (value + 1 >= offsets_.size()) return {nullptr, nullptr};
    return {quotes_.data() + offsets_[value], quotes_.data() + offsets_[value + 1]};
  }
  // Every quote, grouped by value: for Corpus::quotes_by_article, whose values are the quotes'
  // own order, that is every quote ascending.
  Run all() const { return {quotes_.data(), quotes_.data() + quotes_.size()}; }
  std::size_t value_count() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }

 private:
  std::vector<std::uint32_t> offsets_;
  std::vector<QuoteIndex> quotes_;
};

// Facet values are dense indexes: SpeakerId, country slot (CountryId, or country_count()
// for "unknown"), and QuoteKind.
std::size_t country_slot(CountryId id);       // kNoCountry -> country_count()
std::size_t country_slot_count();             // country_count() + 1

struct Corpus {
  std::vector<Article> articles;
  StringPool paragraphs;                // every article's, in article order (Article::first_paragraph)
  std::vector<Speaker> speakers;
  QuoteTable quotes;
  PostingLists quotes_by_speaker, quotes_by_country, quotes_by_kind;
  // The published-date histogram's bins over the dated articles, and the quotes per bin;
  // the last value (published_bins.count) holds the quotes of undated articles.
  DateBins published_bins;
  PostingLists quotes_by_published;
  // The distinct source names ("source": {"name"}) in order of first appearance, and the
  // quotes per source; the last value holds the quotes of articles without one.
  std::vector<std::string> source_names;
  PostingLists quotes_by_source;
  PostingLists quotes_by_article;       // by ArticleId: each article's contiguous quotes
  // Facet values that follow from another facet's, so that counting reads fewer columns
  // (filter.cpp): each speaker's country slot, each article's source and published bin.
  std::vector<std::uint32_t> country_slot_of_speaker, source_of_article, published_bin_of_article;
  // Each article's published day, or kNoDay; published_day(q) is its quote's.
  std::vector<Day> published_day_of_article;
  Day published_day(QuoteIndex q) const { return published_day_of_article[quotes.article[q]]; }
  // Over the quotes' search_bytes, for match_text; built only when they reach
  // kTextIndexMinBytes (counting a byte a quote, as when the keys were stored joined by NULs):
  // below that a scan answers a keystroke in a millisecond or two, and the index's fixed
  // tables would cost more to build than they save (an article's start-up).
  // Mutable: a page builds it a slice at a time after the load (build_text_index_slice), and
  // as it only narrows which bytes a search reads, no answer changes when it becomes ready.
  mutable TextIndex text_index;
  static constexpr std::size_t kTextIndexMinBytes = std::size_t{1} << 20;
  // Different for every build_indexes call in the process: what is computed from a corpus
  // and kept (filter.cpp's histograms) is keyed by it.
  std::uint64_t serial = 0;

  // The speaker whose id is exactly `value`; else all whose id, name or an alias equals it,
  // ignoring case.
  std::vector<SpeakerId> find_speakers(std::string_view value) const;
  std::optional<SpeakerId> speaker_by_id(std::string_view id) const;
  std::optional<QuoteIndex> find_quote(std::string_view article_id, std::string_view quote_id) const;
  // The source named `name`, ignoring case and accents.
  std::optional<std::uint32_t> find_source(std::string_view name) const;
  // The article whose id is exactly `value`; else all whose id or title equals it, ignoring
  // case and accents.
  std::vector<ArticleId> find_articles(std::string_view value) const;

  // The quote's text: bytes [start_byte, end_byte) of its paragraph, which the loader checked
  // equal the JSON's "text".
  std::string_view quote_text(QuoteIndex q) const {
    return paragraph(articles[quotes.article[q]], quotes.paragraph[q])
        .substr(quotes.start_byte[q], quotes.end_byte[q] - quotes.start_byte[q]);
  }
  // What text search reads of quote q: its search key but for ASCII case, which search
  // ignores (text_search.cpp, text_index.cpp): an ASCII text where it is, else its key kept
  // in quotes.search_keys. Either way, offsets in it are the key's.
  std::string_view search_bytes(QuoteIndex q) const { return quotes.search_keys.of(q, paragraphs.buffer().data()); }
  // Paragraph `p` (0 to article.paragraph_count - 1) of `article`.
  std::string_view paragraph(const Article& article, std::uint32_t p) const {
    return paragraphs[article.first_paragraph + p];
  }

  // The quote's span in code points of its paragraph, as the JSON's "start" and "end":
  // counted from the paragraph, in O(start_byte + length).
  struct CodePointSpan {
    std::uint32_t start, end;
  };
  CodePointSpan quote_code_points(QuoteIndex q) const;

  // Called once by the loader after the tables are filled. With `text_index_later`, the text
  // index is only started: build_text_index_slice builds it.
  void build_indexes(bool text_index_later = false);
  // While the text index is still to build, reads the search bytes of up to `quote_count`
  // quotes towards it (one of its two passes).
  bool text_index_pending() const { return text_index.building(); }
  void build_text_index_slice(std::uint32_t quote_count) const { text_index.build_slice(*this, quote_count); }

 private:
  void index_published_days();  // published_day_of_article, published_bins, quotes_by_published
  void index_sources();         // source_names, quotes.source, quotes_by_source
  void index_articles();        // quotes_by_article, article_labels_
  std::unordered_map<std::string, SpeakerId> speaker_by_id_;
  std::unordered_map<std::string, std::uint32_t> source_by_folded_name_;
  std::unordered_multimap<std::string, SpeakerId> speaker_by_folded_label_;
  // (hash of a folded id or title, article), sorted: 16 bytes a label rather than a string
  // each, as a corpus may hold 100,000 articles; find_articles confirms each hit.
  std::vector<std::pair<std::uint64_t, ArticleId>> article_labels_;
};

}  // namespace qe
