#include "core/corpus.h"

#include <algorithm>
#include <climits>

#include "core/utf8.h"

namespace qe {
namespace {

constexpr std::array<std::string_view, kQuoteKindCount> kKindNames = {"direct", "indirect", "mixed"};
constexpr std::array<std::string_view, 3> kSpeakerKindNames = {"person", "organization", "group"};

}  // namespace

std::string_view kind_name(QuoteKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

std::optional<QuoteKind> parse_kind(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == name) return static_cast<QuoteKind>(i);
  return std::nullopt;
}

std::string_view speaker_kind_name(SpeakerKind kind) {
  return kSpeakerKindNames[static_cast<std::size_t>(kind)];
}

std::optional<SpeakerKind> parse_speaker_kind(std::string_view name) {
  for (std::size_t i = 0; i < kSpeakerKindNames.size(); ++i)
    if (kSpeakerKindNames[i] == name) return static_cast<SpeakerKind>(i);
  return std::nullopt;
}

void StringPool::grow(std::size_t more) { reallocate(std::max(size_ + more, 2 * capacity_)); }

void StringPool::reallocate(std::size_t capacity) {
  std::unique_ptr<char[]> bytes(new char[capacity]);  // not value-initialised: untouched until used
  if (size_) std::memcpy(bytes.get(), bytes_.get(), size_);
  bytes_ = std::move(bytes);
  capacity_ = capacity;
}

// An ASCII text's key is the text lower-cased (search_key folds nothing else of ASCII), so
// it is read in place; other texts keep their keys.
void SearchKeys::add(std::string_view text, std::size_t text_begin) {
  std::size_t begin = text_begin, size = text.size();
  std::uint32_t keyed = 0;
  if (!utf8::is_ascii(text)) {
    begin = keys_.size();
    utf8::append_search_key(keys_, text);
    size = keys_.size() - begin;
    keyed = kKeyed;
  }
  bytes_ += size + 1;
  spans_.push_back(static_cast<std::uint32_t>(begin));
  spans_.push_back(static_cast<std::uint32_t>(size) | keyed);
}

// The loops over every quote here and in build_indexes read raw arrays: this file is built
// for size (-Oz), where each vector::operator[] stays a call (a tenth of a million-quote
// load's indexing).
void PostingLists::build(std::size_t value_count, const std::vector<std::uint32_t>& value_of_quote) {
  const std::uint32_t* const values = value_of_quote.data();
  const std::size_t quote_count = value_of_quote.size();
  offsets_.assign(value_count + 1, 0);
  std::uint32_t* const offsets = offsets_.data();
  for (std::size_t q = 0; q < quote_count; ++q) ++offsets[values[q] + 1];
  for (std::size_t v = 0; v < value_count; ++v) offsets[v + 1] += offsets[v];
  quotes_.resize(quote_count);
  std::vector<std::uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  std::uint32_t* const cursors = next.data();
  QuoteIndex* const quotes = quotes_.data();
  for (std::size_t q = 0; q < quote_count; ++q) quotes[cursors[values[q]]++] = static_cast<QuoteIndex>(q);
}

namespace {

// out[q] = of_article[article[q]]: an article's value for each of its quotes.
void spread_to_quotes(const std::vector<std::uint32_t>& of_article, const std::vector<ArticleId>& article,
                      std::vector<std::uint32_t>& out) {
  out.resize(article.size());
  const std::uint32_t* const values = of_article.data();
  const ArticleId* const articles = article.data();
  std::uint32_t* const quotes = out.data();
  for (std::size_t q = 0; q < article.size(); ++q) quotes[q] = values[articles[q]];
}

}  // namespace

std::size_t country_slot(CountryId id) { return id == kNoCountry ? country_count() : id; }
std::size_t country_slot_count() { return country_count() + 1; }

void Corpus::build_indexes(bool text_index_later) {
  static std::uint64_t next_serial = 0;
  serial = ++next_serial;
  speaker_by_id_.clear();
  speaker_by_folded_label_.clear();
  for (SpeakerId s = 0; s < speakers.size(); ++s) {
    const Speaker& speaker = speakers[s];
    speaker_by_id_.emplace(speaker.id, s);
    std::vector<std::string> labels = {utf8::search_key(speaker.id),
                                       utf8::search_key(speaker.name)};
    for (const std::string& alias : speaker.aliases) labels.push_back(utf8::search_key(alias));
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    for (std::string& label : labels) speaker_by_folded_label_.emplace(std::move(label), s);
  }

  const std::size_t n = quotes.size();
  std::vector<std::uint32_t> values(n);
  quotes_by_speaker.build(speakers.size(), quotes.speaker);
  country_slot_of_speaker.resize(speakers.size());
  for (std::size_t s = 0; s < speakers.size(); ++s)
    country_slot_of_speaker[s] = static_cast<std::uint32_t>(country_slot(speakers[s].country));
  const CountryId* const countries = quotes.country.data();
  const auto no_country_slot = static_cast<std::uint32_t>(country_slot(kNoCountry));
  for (std::size_t q = 0; q < n; ++q) values.data()[q] = countries[q] == kNoCountry ? no_country_slot : countries[q];
  quotes_by_country.build(country_slot_count(), values);
  const QuoteKind* const kinds = quotes.kind.data();
  for (std::size_t q = 0; q < n; ++q) values.data()[q] = static_cast<std::uint32_t>(kinds[q]);
  quotes_by_kind.build(kQuoteKindCount, values);
  index_published_days();
  index_sources();
  index_articles();
  if (quotes.search_keys.bytes() < kTextIndexMinBytes) return;
  if (text_index_later) {
    text_index.start_build(*this);
  } else {
    text_index.build(*this);
  }
}

void Corpus::index_published_days() {
  std::vector<Day> article_day(articles.size(), kNoDay);
  Day first = INT32_MAX, last = INT32_MIN;
  for (std::size_t a = 0; a < articles.size(); ++a) {
    const auto day = parse_day(articles[a].published);
    if (!day) continue;
    article_day[a] = *day;
    first = std::min(first, *day);
    last = std::max(last, *day);
  }
  published_bins = first <= last ? DateBins::spanning(first, last) : DateBins{};
  std::vector<std::uint32_t> article_bin(articles.size(), published_bins.count);
  for (std::size_t a = 0; a < articles.size(); ++a)
    if (article_day[a] != kNoDay) article_bin[a] = published_bins.bin_of(article_day[a]);
  spread_to_quotes(article_bin, quotes.article, quotes.published_bin);
  quotes_by_published.build(published_bins.count + 1, quotes.published_bin);
  published_bin_of_article = std::move(article_bin);
  published_day_of_article = std::move(article_day);
}

void Corpus::index_sources() {
  source_names.clear();
  source_by_folded_name_.clear();
  std::vector<std::uint32_t> article_source(articles.size());
  for (std::size_t a = 0; a < articles.size(); ++a) {
    const std::string& name = articles[a].source.name;
    if (name.empty()) continue;  // resolved to "none" below, once the count is known
    const auto [it, added] = source_by_folded_name_.emplace(utf8::search_key(name), source_names.size());
    if (added) source_names.push_back(name);
    article_source[a] = it->second;
  }
  const auto none = static_cast<std::uint32_t>(source_names.size());
  for (std::size_t a = 0; a < articles.size(); ++a)
    if (articles[a].source.name.empty()) article_source[a] = none;
  spread_to_quotes(article_source, quotes.article, quotes.source);
  quotes_by_source.build(source_names.size() + 1, quotes.source);
  source_of_article = std::move(article_source);
}

std::optional<std::uint32_t> Corpus::find_source(std::string_view name) const {
  const auto it = source_by_folded_name_.find(utf8::search_key(name));
  if (it == source_by_folded_name_.end()) return std::nullopt;
  return it->second;
}

namespace {

// FNV-1a: a stable 64-bit hash (std::hash is 32 bits in the wasm build).
std::uint64_t label_hash(std::string_view folded) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : folded) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

}  // namespace

void Corpus::index_articles() {
  quotes_by_article.build(articles.size(), quotes.article);
  article_labels_.clear();
  article_labels_.reserve(2 * articles.size());
  for (ArticleId a = 0; a < articles.size(); ++a) {
    const std::uint64_t id = label_hash(utf8::search_key(articles[a].id));
    const std::uint64_t title = label_hash(utf8::search_key(articles[a].title));
    article_labels_.emplace_back(id, a);
    if (title != id) article_labels_.emplace_back(title, a);
  }
  std::sort(article_labels_.begin(), article_labels_.end());
}

std::vector<ArticleId> Corpus::find_articles(std::string_view value) const {
  const std::string folded = utf8::search_key(value);
  const std::pair<std::uint64_t, ArticleId> first{label_hash(folded), 0};
  std::vector<ArticleId> found;
  for (auto it = std::lower_bound(article_labels_.begin(), article_labels_.end(), first);
       it != article_labels_.end() && it->first == first.first; ++it) {
    const Article& article = articles[it->second];
    if (article.id == value) return {it->second};  // an exact id names one article
    if (utf8::search_key(article.id) == folded || utf8::search_key(article.title) == folded) found.push_back(it->second);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

std::vector<SpeakerId> Corpus::find_speakers(std::string_view value) const {
  // An exact id names one speaker, even when another's name or alias folds to the same text.
  if (auto exact = speaker_by_id(value)) return {*exact};
  std::vector<SpeakerId> found;
  auto [first, last] = speaker_by_folded_label_.equal_range(utf8::search_key(value));
  for (auto it = first; it != last; ++it) found.push_back(it->second);
  std::sort(found.begin(), found.end());
  return found;
}

std::optional<SpeakerId> Corpus::speaker_by_id(std::string_view id) const {
  auto it = speaker_by_id_.find(std::string(id));
  if (it == speaker_by_id_.end()) return std::nullopt;
  return it->second;
}

Corpus::CodePointSpan Corpus::quote_code_points(QuoteIndex q) const {
  const std::string_view paragraph = this->paragraph(articles[quotes.article[q]], quotes.paragraph[q]);
  const std::uint32_t start_byte = quotes.start_byte[q], end_byte = quotes.end_byte[q];
  const auto start = static_cast<std::uint32_t>(utf8::count_code_points(paragraph.substr(0, start_byte)));
  const auto length = static_cast<std::uint32_t>(utf8::count_code_points(paragraph.substr(start_byte, end_byte - start_byte)));
  return {start, start + length};
}

std::optional<QuoteIndex> Corpus::find_quote(std::string_view article_id, std::string_view quote_id) const {
  for (const Article& article : articles) {
    if (article.id != article_id) continue;
    for (QuoteIndex q = article.first_quote; q < article.first_quote + article.quote_count; ++q)
      if (quotes.id[q] == quote_id) return q;
  }
  return std::nullopt;
}

}  // namespace qe
