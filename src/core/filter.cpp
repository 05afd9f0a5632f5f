#include "core/filter.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <map>
#include <optional>
#include <tuple>

#include "core/utf8.h"

namespace qe {
namespace {

// The wasm build compiles this file for speed (-O1: at -Oz a facet change at a million
// quotes is several times slower), but what runs once per change rather than once per
// quote (resolving the filter's values) for size.
#if defined(__clang__)
#define QE_COLD [[clang::minsize]]
#define QE_INLINE inline __attribute__((always_inline))
#else
#define QE_COLD
#define QE_INLINE inline
#endif

QE_COLD std::string ascii_case(std::string value, int (*convert)(int)) {
  std::transform(value.begin(), value.end(), value.begin(),
                 [convert](unsigned char c) { return static_cast<char>(convert(c)); });
  return value;
}

QE_COLD void append_unique(std::vector<std::string>& values, std::string value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(std::move(value));
}

QE_COLD std::optional<std::size_t> country_slot_of(std::string_view value) {
  const std::string upper = ascii_case(std::string(value), ::toupper);
  if (upper == ascii_case(std::string(kNoCountryValue), ::toupper)) return country_slot(kNoCountry);
  if (auto id = find_country(upper)) return country_slot(*id);
  return std::nullopt;
}

}  // namespace

QE_COLD bool Filter::operator==(const Filter& other) const {
  return speakers == other.speakers && countries == other.countries && kinds == other.kinds &&
         sources == other.sources && articles == other.articles && text == other.text && published_from == other.published_from &&
         published_to == other.published_to;
}

namespace {

// "2025-3-1" is not a date here, but "2025-03-01T10:00Z" is 2025-03-01.
QE_COLD std::string canonical_day(const std::string& value) {
  const auto day = parse_day(value);
  return day ? format_day(*day) : value;
}

}  // namespace

QE_COLD Filter canonical_filter(const Corpus& corpus, const Filter& filter) {
  Filter canonical;
  for (const std::string& value : filter.speakers) {
    const auto found = corpus.find_speakers(value);
    if (found.empty()) append_unique(canonical.speakers, value);
    for (SpeakerId s : found) append_unique(canonical.speakers, corpus.speakers[s].id);
  }
  for (const std::string& value : filter.countries) {
    const std::string upper = ascii_case(value, ::toupper);
    append_unique(canonical.countries, upper == "NONE" ? std::string(kNoCountryValue) : upper);
  }
  for (const std::string& value : filter.kinds) append_unique(canonical.kinds, ascii_case(value, ::tolower));
  for (const std::string& value : filter.sources) {
    const auto source = corpus.find_source(value);
    append_unique(canonical.sources, source ? corpus.source_names[*source] : value);
  }
  for (const std::string& value : filter.articles) {
    const auto found = corpus.find_articles(value);
    if (found.empty()) append_unique(canonical.articles, value);
    for (ArticleId a : found) append_unique(canonical.articles, corpus.articles[a].id);
  }
  canonical.text = filter.text;
  canonical.published_from = canonical_day(filter.published_from);
  canonical.published_to = canonical_day(filter.published_to);
  return canonical;
}

FilterResult apply_filter(const Corpus& corpus, const Filter& filter) { return apply_filter(corpus, filter, nullptr); }

namespace {

// [Facets] Each facet but text is described once, by a FacetParts entry of facet_parts():
// the filter's values for it, how a value names the facet's values, the posting lists, the
// value of each quote, and where its counts go. Compiling, filtering and counting read that
// table, so adding a facet is one line there (plus its Filter field and FilterResult counts).

enum Facet {
  kSpeakerFacet, kCountryFacet, kKindFacet, kSourceFacet, kArticleFacet, kPublishedFacet, kTextFacet, kFacetCount
};
constexpr int kCountedFacetCount = kTextFacet;  // every facet before text has counts
constexpr int kNoFacet = -1;

// A facet's value of each quote, read from its QuoteTable column (1, 2 or 4 bytes a value).
// Values past the facet's last one read as the last, which is "none" where a facet has one:
// kNoCountry (0xFFFF) lies past every country slot, and country_slot() maps it to the last.
class ValueColumn {
 public:
  ValueColumn() = default;
  template <typename T>
  ValueColumn(const std::vector<T>& column, std::size_t value_count)
      : data_(column.data()), width_(sizeof(T)), last_(value_count ? static_cast<std::uint32_t>(value_count - 1) : 0) {
    static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4, "a facet's column holds 1, 2 or 4-byte values");
  }

  QE_INLINE std::uint32_t operator[](QuoteIndex q) const {
    switch (width_) {
      case 1: return std::min<std::uint32_t>(static_cast<const std::uint8_t*>(data_)[q], last_);
      case 2: return std::min<std::uint32_t>(static_cast<const std::uint16_t*>(data_)[q], last_);
      default: return std::min<std::uint32_t>(static_cast<const std::uint32_t*>(data_)[q], last_);
    }
  }

  // ++counts[value of q] for each q in `quotes`: one loop per column width, not per quote.
  // With `touched`, also appends each value counted whose count was zero.
  void count(const QuoteIndex* first, const QuoteIndex* last, std::uint32_t* counts,
             std::vector<std::uint32_t>* touched = nullptr) const {
    switch (width_) {
      case 1: return touched ? count_as<std::uint8_t>(first, last, counts, *touched) : count_as<std::uint8_t>(first, last, counts);
      case 2: return touched ? count_as<std::uint16_t>(first, last, counts, *touched) : count_as<std::uint16_t>(first, last, counts);
      default: return touched ? count_as<std::uint32_t>(first, last, counts, *touched) : count_as<std::uint32_t>(first, last, counts);
    }
  }
  template <typename Quotes>
  void count(const Quotes& quotes, std::uint32_t* counts) const {
    count(quotes.data(), quotes.data() + quotes.size(), counts);
  }

 private:
  template <typename T>
  void count_as(const QuoteIndex* first, const QuoteIndex* last, std::uint32_t* counts) const {
    const T* values = static_cast<const T*>(data_);
    for (const QuoteIndex* q = first; q != last; ++q) ++counts[std::min<std::uint32_t>(values[*q], last_)];
  }
  template <typename T>
  void count_as(const QuoteIndex* first, const QuoteIndex* last, std::uint32_t* counts, std::vector<std::uint32_t>& touched) const {
    const T* values = static_cast<const T*>(data_);
    for (const QuoteIndex* q = first; q != last; ++q) {
      const std::uint32_t value = std::min<std::uint32_t>(values[*q], last_);
      if (counts[value]++ == 0) touched.push_back(value);
    }
  }

  const void* data_ = nullptr;
  unsigned width_ = 4;
  std::uint32_t last_ = 0;
};

// The facet values a filter value names (none when it names nothing in this corpus).
using Resolver = std::vector<std::uint32_t> (*)(const Corpus&, std::string_view);

struct FacetParts {
  std::vector<std::string> Filter::*chosen;  // the filter's values; nullptr for published (a range)
  Resolver resolve;
  const PostingLists* lists;
  ValueColumn values;
  std::uint32_t* counts;                     // into FilterResult, lists->value_count() long; or nullptr
  // When this facet's value follows from another's (a speaker's country, an article's
  // source): that facet, and this facet's value for each of its values.
  int parent = kNoFacet;
  const std::vector<std::uint32_t>* of_parent = nullptr;
};

QE_COLD std::vector<std::uint32_t> speakers_named(const Corpus& corpus, std::string_view value) { return corpus.find_speakers(value); }

QE_COLD std::vector<std::uint32_t> country_named(const Corpus&, std::string_view value) {
  const auto slot = country_slot_of(value);
  return slot ? std::vector<std::uint32_t>{static_cast<std::uint32_t>(*slot)} : std::vector<std::uint32_t>{};
}

QE_COLD std::vector<std::uint32_t> kind_named(const Corpus&, std::string_view value) {
  const auto kind = parse_kind(ascii_case(std::string(value), ::tolower));
  return kind ? std::vector<std::uint32_t>{static_cast<std::uint32_t>(*kind)} : std::vector<std::uint32_t>{};
}

QE_COLD std::vector<std::uint32_t> source_named(const Corpus& corpus, std::string_view value) {
  const auto source = corpus.find_source(value);
  return source ? std::vector<std::uint32_t>{*source} : std::vector<std::uint32_t>{};
}

QE_COLD std::vector<std::uint32_t> articles_named(const Corpus& corpus, std::string_view value) { return corpus.find_articles(value); }

// memset, not assign(): in wasm at -O1 assign() stores a value at a time, and zeroing the
// 100,000 article counts that way was a third of a speaker change.
std::uint32_t* zeroed(std::vector<std::uint32_t>& counts, std::size_t size) {
  counts.resize(size);
  std::memset(counts.data(), 0, size * sizeof(std::uint32_t));
  return counts.data();
}

template <std::size_t N>
std::uint32_t* zeroed(std::array<std::uint32_t, N>& counts, std::size_t) {
  counts.fill(0);
  return counts.data();
}

template <typename Column, typename Counts>
FacetParts parts(std::vector<std::string> Filter::*chosen, Resolver resolve, const PostingLists& lists,
                 const std::vector<Column>& column, Counts* counts) {
  return {chosen, resolve, &lists, ValueColumn(column, lists.value_count()),
          counts ? zeroed(*counts, lists.value_count()) : nullptr};
}

FacetParts derived(FacetParts parts, int parent, const std::vector<std::uint32_t>& of_parent) {
  parts.parent = parent;
  parts.of_parent = &of_parent;
  return parts;
}

// Every counted facet, in Facet order; with `result`, its counts are sized and zeroed.
QE_COLD std::array<FacetParts, kCountedFacetCount> facet_parts(const Corpus& corpus, FilterResult* result) {
  const QuoteTable& q = corpus.quotes;
  const auto counts = [result](auto member) { return result ? &(result->*member) : nullptr; };
  return {{
      parts(&Filter::speakers, speakers_named, corpus.quotes_by_speaker, q.speaker, counts(&FilterResult::speaker_counts)),
      derived(parts(&Filter::countries, country_named, corpus.quotes_by_country, q.country, counts(&FilterResult::country_counts)),
              kSpeakerFacet, corpus.country_slot_of_speaker),
      parts(&Filter::kinds, kind_named, corpus.quotes_by_kind, q.kind, counts(&FilterResult::kind_counts)),
      derived(parts(&Filter::sources, source_named, corpus.quotes_by_source, q.source, counts(&FilterResult::source_counts)),
              kArticleFacet, corpus.source_of_article),
      parts(&Filter::articles, articles_named, corpus.quotes_by_article, q.article, counts(&FilterResult::article_counts)),
      derived(parts(nullptr, nullptr, corpus.quotes_by_published, q.published_bin, counts(&FilterResult::published_counts)),
              kArticleFacet, corpus.published_bin_of_article),
  }};
}

// The ascending quotes one facet admits on its own: a posting list or the text's matches
// where one list says it (most filters: one speaker, one country, one kind), read in place;
// else `owned` (several lists merged, a date range's quotes, matches searched here). At a
// million quotes a kind admits 330,000 quotes: copying them cost more than the rest of a change.
class Admitted {
 public:
  Admitted() = default;
  Admitted(Admitted&&) = default;  // a vector's move keeps its buffer: a view of `owned` stays valid
  Admitted& operator=(Admitted&&) = default;
  Admitted(const Admitted&) = delete;  // a copy's view would point into the original
  Admitted& operator=(const Admitted&) = delete;

  void view(const QuoteIndex* first, const QuoteIndex* last) { first_ = first, last_ = last; }
  void view(const std::vector<QuoteIndex>& quotes) { view(quotes.data(), quotes.data() + quotes.size()); }
  // Adds a posting list, merging it into `owned` once there are two.
  void add(PostingLists::Run run) {
    if (first_ == last_ && owned.empty()) return view(run.first, run.last);
    if (owned.empty()) owned.assign(first_, last_);
    const auto middle = static_cast<std::ptrdiff_t>(owned.size());
    owned.insert(owned.end(), run.first, run.last);
    std::inplace_merge(owned.begin(), owned.begin() + middle, owned.end());
    view(owned);
  }
  const QuoteIndex* data() const { return first_; }
  const QuoteIndex* begin() const { return first_; }
  const QuoteIndex* end() const { return last_; }
  std::size_t size() const { return static_cast<std::size_t>(last_ - first_); }

  std::vector<QuoteIndex> owned;

 private:
  const QuoteIndex* first_ = nullptr;
  const QuoteIndex* last_ = nullptr;
};

// A filter resolved against one corpus: per-value flags for O(1) checks, and for each active
// facet the ascending list of quotes it admits on its own, to drive iteration.
struct CompiledFilter {
  std::array<bool, kFacetCount> active{};
  std::array<std::vector<std::uint8_t>, kFacetCount> on;  // by facet value; text's by quote
  std::array<std::vector<std::uint32_t>, kCountedFacetCount> chosen;  // the values `on` holds, ascending
  std::array<ValueColumn, kCountedFacetCount> values;
  const ArticleId* article = nullptr;          // the quotes' articles, and their days
  const Day* article_day = nullptr;
  Day published_from = kNoDay + 1, published_to = INT32_MAX;  // kNoDay (undated) is outside
  std::array<Admitted, kFacetCount> admitted;

  bool published(Day day) const { return day >= published_from && day <= published_to; }

  int active_count() const { return static_cast<int>(std::count(active.begin(), active.end(), true)); }

  QE_INLINE bool passes_facet(QuoteIndex q, int facet) const {
    if (facet == kPublishedFacet) return published(article_day[article[q]]);
    if (facet == kTextFacet) return on[kTextFacet][q];
    return on[facet][values[facet][q]];
  }
};

// A facet of values (speakers, countries, …): each value the filter names switches on the
// facet values it resolves to, whose quotes it admits.
QE_COLD void compile_values(const Corpus& corpus, const Filter& filter, int facet, const FacetParts& parts,
                    CompiledFilter& compiled) {
  const std::vector<std::string>& chosen = filter.*parts.chosen;
  compiled.active[facet] = !chosen.empty();
  if (chosen.empty()) return;
  std::vector<std::uint8_t>& on = compiled.on[facet];
  on.assign(parts.lists->value_count(), 0);
  for (const std::string& value : chosen)
    for (std::uint32_t v : parts.resolve(corpus, value))
      if (!on[v]) {
        on[v] = 1;
        compiled.chosen[facet].push_back(v);
        compiled.admitted[facet].add(parts.lists->of(v));
      }
  std::sort(compiled.chosen[facet].begin(), compiled.chosen[facet].end());
}

// A bound that is not a date selects nothing (an empty range), like an unknown speaker.
QE_COLD void compile_published(const Corpus& corpus, const Filter& filter, CompiledFilter& compiled) {
  compiled.active[kPublishedFacet] = filter.has_published();
  if (!filter.has_published()) return;
  const auto from = parse_day(filter.published_from), to = parse_day(filter.published_to);
  if ((!filter.published_from.empty() && !from) || (!filter.published_to.empty() && !to)) {
    compiled.published_from = 1;
    compiled.published_to = 0;
    return;
  }
  if (from) compiled.published_from = *from;
  if (to) compiled.published_to = *to;
  // Only the bins the range touches hold candidates; each is checked by day.
  const DateBins& bins = corpus.published_bins;
  std::vector<QuoteIndex>& admitted = compiled.admitted[kPublishedFacet].owned;
  for (std::uint32_t bin = 0; bin < bins.count; ++bin) {
    if (bins.bin_last_day(bin) < compiled.published_from || bins.bin_first_day(bin) > compiled.published_to) continue;
    const PostingLists::Run run = corpus.quotes_by_published.of(bin);
    for (const QuoteIndex* q = run.first; q != run.last; ++q)
      if (compiled.published(corpus.published_day(*q))) admitted.push_back(*q);
  }
  std::sort(admitted.begin(), admitted.end());
  compiled.admitted[kPublishedFacet].view(admitted);
}

CompiledFilter compile(const Corpus& corpus, const Filter& filter, const std::vector<QuoteIndex>* text_matches) {
  CompiledFilter compiled;
  compiled.article = corpus.quotes.article.data();
  compiled.article_day = corpus.published_day_of_article.data();
  const auto facets = facet_parts(corpus, nullptr);
  for (int facet = 0; facet < kCountedFacetCount; ++facet) {
    compiled.values[facet] = facets[facet].values;
    if (facets[facet].chosen) compile_values(corpus, filter, facet, facets[facet], compiled);
  }
  compile_published(corpus, filter, compiled);

  compiled.active[kTextFacet] = !filter.text.empty();
  if (compiled.active[kTextFacet]) {
    Admitted& matches = compiled.admitted[kTextFacet];
    if (!text_matches) matches.owned = match_text(corpus, filter.text);
    matches.view(text_matches ? *text_matches : matches.owned);
    // Only another active facet's pass consults text's flags (see FacetCounter): a search
    // alone skips a pass over every quote.
    if (compiled.active_count() > 1) {
      compiled.on[kTextFacet].assign(corpus.quotes.size(), 0);
      for (QuoteIndex q : compiled.admitted[kTextFacet]) compiled.on[kTextFacet][q] = 1;
    }
  }
  return compiled;
}

constexpr unsigned bit(int facet) { return 1u << facet; }

// Adds `quotes` to every facet's counts, which must be zero, but those of the facets in
// `skipped` (a bit a facet: filled some other way): facets of their own from their columns,
// then the others from the counts of the facet they follow from (a speaker's country, an
// article's source and date), which may be among `skipped` when its counts are already the
// counts of `quotes` (`counted`). Reading columns scattered over a million quotes is what
// counting costs, and this reads three, not six.
void count_every_facet(const std::vector<QuoteIndex>& quotes, const std::array<FacetParts, kCountedFacetCount>& facets,
                       unsigned skipped = 0, unsigned counted = 0) {
  const auto derives = [&](const FacetParts& facet) {
    return facet.parent != kNoFacet && ((counted & bit(facet.parent)) || !(skipped & bit(facet.parent)));
  };
  unsigned parents = 0;  // of a facet counted here that derives from them
  for (int f = 0; f < kCountedFacetCount; ++f)
    if (!(skipped & bit(f)) && derives(facets[f])) parents |= bit(facets[f].parent);
  // A parent counted here with many more values than quotes (100,000 articles, a country's
  // 23,000 quotes) also lists the values it counted, so that deriving visits those alone;
  // listing them costs more than walking every value when the quotes are more.
  std::array<std::vector<std::uint32_t>, kCountedFacetCount> touched;
  unsigned listed = 0;  // the parents whose counted values `touched` lists
  for (int f = 0; f < kCountedFacetCount; ++f) {
    if ((skipped & bit(f)) || derives(facets[f])) continue;
    if ((parents & bit(f)) && facets[f].lists->value_count() > 4 * quotes.size()) {
      listed |= bit(f);
      touched[f].reserve(quotes.size());
    }
    facets[f].values.count(quotes.data(), quotes.data() + quotes.size(), facets[f].counts, listed & bit(f) ? &touched[f] : nullptr);
  }
  for (int p = 0; p < kCountedFacetCount; ++p) {
    if (!(parents & bit(p))) continue;
    std::array<const FacetParts*, kCountedFacetCount> children{};
    int child_count = 0;
    for (int f = 0; f < kCountedFacetCount; ++f)
      if (facets[f].parent == p && !(skipped & bit(f))) children[child_count++] = &facets[f];
    const std::uint32_t* parent_counts = facets[p].counts;
    const auto add_to_children = [&](std::uint32_t v) {
      for (int c = 0; c < child_count; ++c) children[c]->counts[(*children[c]->of_parent)[v]] += parent_counts[v];
    };
    if (listed & bit(p)) {
      for (std::uint32_t v : touched[p]) add_to_children(v);
    } else {
      for (std::uint32_t v = 0; v < facets[p].lists->value_count(); ++v)
        if (parent_counts[v]) add_to_children(v);
    }
  }
}

// Histograms of one facet over the quotes of one value of another, kept once computed: with
// two facets active, the driver's counts are the histogram over the other facet's quotes,
// which for a kind means reading a column at a third of the corpus on every change; summed
// from kept histograms it is one add per driver value. They depend on the corpus alone
// (immutable, and keyed by its serial); the explorer is single-threaded, like this cache.
class HistogramCache {
 public:
  QE_COLD const std::vector<std::uint32_t>& of(const Corpus& corpus, int counted, const FacetParts& counted_parts, int over,
                                       const FacetParts& over_parts, std::uint32_t value) {
    if (serial_ != corpus.serial || kept_values_ > kMostKeptValues) {
      entries_.clear();
      kept_values_ = 0;
      serial_ = corpus.serial;
    }
    auto [entry, added] = entries_.try_emplace(std::make_tuple(counted, over, value));
    if (added) {
      entry->second.assign(counted_parts.lists->value_count(), 0);
      const PostingLists::Run run = over_parts.lists->of(value);
      counted_parts.values.count(run.first, run.last, entry->second.data());
      kept_values_ += entry->second.size();
    }
    return entry->second;
  }

 private:
  static constexpr std::size_t kMostKeptValues = std::size_t{1} << 22;  // 16 MB of counts
  std::uint64_t serial_ = 0;
  std::size_t kept_values_ = 0;
  std::map<std::tuple<int, int, std::uint32_t>, std::vector<std::uint32_t>> entries_;
};

QE_COLD HistogramCache& histogram_cache() {
  static HistogramCache cache;
  return cache;
}

// The quotes of [0, quote_count) that are not in `quotes` (ascending).
std::vector<QuoteIndex> complement(const std::vector<QuoteIndex>& quotes, std::size_t quote_count) {
  std::vector<QuoteIndex> rest;
  rest.reserve(quote_count - quotes.size());
  QuoteIndex next = 0;
  for (QuoteIndex q : quotes) {
    while (next < q) rest.push_back(next++);
    next = q + 1;
  }
  while (next < quote_count) rest.push_back(next++);
  return rest;
}

// The quotes of `before`'s visible list that `matches` leave out, when `before` counted its
// own visible quotes (FilterResult::counts_visible_of_serial), its list is ascending (not in
// review order), it holds every match, and fewer than `most` quotes are left out; else nullopt.
std::optional<std::vector<QuoteIndex>> left_out(const Corpus& corpus, const FilterResult& before,
                                                const std::vector<QuoteIndex>& matches, std::size_t most) {
  const std::vector<QuoteIndex>& shown = before.visible;
  if (before.counts_visible_of_serial != corpus.serial || shown.size() < matches.size() ||
      shown.size() - matches.size() >= most)
    return std::nullopt;
  std::vector<QuoteIndex> out;
  out.reserve(shown.size() - matches.size());
  std::size_t m = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (i > 0 && shown[i] <= shown[i - 1]) return std::nullopt;
    if (m < matches.size() && matches[m] == shown[i]) ++m;
    else if (m < matches.size() && matches[m] < shown[i]) return std::nullopt;  // a match not shown before
    else out.push_back(shown[i]);
  }
  if (m != matches.size()) return std::nullopt;
  return out;
}

// counts[v] = totals[v] - counts[v] for every value of every facet.
template <typename Totals>
void subtract_from(const std::array<FacetParts, kCountedFacetCount>& facets, Totals totals) {
  for (int f = 0; f < kCountedFacetCount; ++f)
    for (std::uint32_t v = 0; v < facets[f].lists->value_count(); ++v) facets[f].counts[v] = totals(f, v) - facets[f].counts[v];
}

// A search alone (the usual keystroke): the matches are the visible quotes, and every
// facet's counts are counts over them. Reading columns at scattered quotes is what counting
// costs, so the fewest are read: the matches; or, when most of the corpus matches ("e"),
// the quotes that do not, subtracted from the corpus's totals (its posting lists' sizes); or,
// when the search narrows the last one (typing "ceasefire" after "ceasefir"), the quotes
// it left out, subtracted from the last counts.
FilterResult search_only(const Corpus& corpus, const std::vector<QuoteIndex>& matches, FilterResult recycled) {
  const std::size_t unmatched = corpus.quotes.size() - matches.size();
  auto dropped = left_out(corpus, recycled, matches, std::min(matches.size(), unmatched));
  FilterResult result;
  result.visible = std::move(recycled.visible);  // its buffer: no allocation
  const auto facets = facet_parts(corpus, &result);
  if (dropped) {
    count_every_facet(*dropped, facets);
    const std::array<const std::uint32_t*, kCountedFacetCount> before = {
        recycled.speaker_counts.data(), recycled.country_counts.data(), recycled.kind_counts.data(),
        recycled.source_counts.data(), recycled.article_counts.data(), recycled.published_counts.data()};
    static_assert(kSourceFacet == 3 && kArticleFacet == 4 && kPublishedFacet == 5, "`before` follows Facet order");
    subtract_from(facets, [&](int f, std::uint32_t v) { return before[f][v]; });
  } else if (matches.size() <= unmatched) {
    count_every_facet(matches, facets);
  } else {
    count_every_facet(complement(matches, corpus.quotes.size()), facets);
    subtract_from(facets, [&](int f, std::uint32_t v) { return static_cast<std::uint32_t>(facets[f].lists->of(v).size()); });
  }
  result.visible.assign(matches.begin(), matches.end());
  result.counts_visible_of_serial = corpus.serial;
  return result;
}

// Every facet's counts in two passes over short lists, instead of one pass a facet. A quote
// that passes every active facet counts for every facet; one that fails exactly one counts
// for that facet alone (a count applies every *other* facet). Pass one walks the shortest
// admitted list, facet d's: it holds every visible quote and every quote that fails one
// facet other than d. Pass two walks the next shortest list for the quotes that fail d
// alone; when d is the only active facet, d's counts are its posting lists' sizes. Counting
// goes a facet at a time over the lists pass one sorts the quotes into.
class FacetCounter {
 public:
  FacetCounter(const Corpus& corpus, const CompiledFilter& compiled, FilterResult& result)
      : corpus_(corpus), compiled_(compiled), result_(result), facets_(facet_parts(corpus, &result)) {
    for (int facet = 0; facet < kFacetCount; ++facet)
      if (compiled.active[facet]) active_[active_count_++] = facet;
  }

  void run() {
    const int driver = shortest_admitted(kNoFacet);
    if (active_count_ == 1 && driver < kCountedFacetCount && facets_[driver].chosen) return run_alone(driver);
    if (active_count_ == 2) {
      const int second = shortest_admitted(driver);
      if (sums_kept_histograms(driver, second) && sums_kept_histograms(second, driver)) return run_pair(driver, second);
    }
    std::array<std::vector<QuoteIndex>, kFacetCount> fails_only;  // quotes that fail that facet alone
    result_.visible.reserve(compiled_.admitted[driver].size());
    for (QuoteIndex q : compiled_.admitted[driver]) {
      const unsigned fails = failing_facets(q, driver);
      if (fails == 0) result_.visible.push_back(q);
      else if ((fails & (fails - 1)) == 0) fails_only[__builtin_ctz(fails)].push_back(q);
    }
    // With one or two facets active, the driver's counts are filled below, not from pass one.
    count_every_facet(result_.visible, facets_, active_count_ <= 2 ? bit(driver) : 0);
    for (int facet = 0; facet < kCountedFacetCount; ++facet) facets_[facet].values.count(fails_only[facet], facets_[facet].counts);
    if (driver == kTextFacet) return;  // text has no counts
    const int second = shortest_admitted(driver);
    if (second == kNoFacet) return fill_from_lists(driver);
    const FacetParts& counted = facets_[driver];
    if (active_count_ == 2) {
      // The quotes that pass every facet but the driver are the second facet's: the driver's
      // counts are their histogram, with no check a quote, or summed from kept histograms per
      // value when that is less.
      if (sums_kept_histograms(driver, second)) return sum_kept_histograms(driver, second);
      return counted.values.count(compiled_.admitted[second], counted.counts);
    }
    for (QuoteIndex q : compiled_.admitted[second])
      if (failing_facets(q, second) == 1u << driver) ++counted.counts[counted.values[q]];
  }

  // Two facets active, each one's counts summed from kept histograms over the other's values:
  // pass one keeps only the visible quotes, and counting reads only the other facets' columns.
  void run_pair(int driver, int second) {
    result_.visible.reserve(compiled_.admitted[driver].size());
    for (QuoteIndex q : compiled_.admitted[driver])
      if (compiled_.passes_facet(q, second)) result_.visible.push_back(q);
    sum_kept_histograms(driver, second);
    sum_kept_histograms(second, driver);
    unsigned whole = 0;
    for (auto [child, other] : {std::pair{driver, second}, std::pair{second, driver}}) whole |= count_whole_parent(child, other);
    count_every_facet(result_.visible, facets_, bit(driver) | bit(second) | whole, whole);
  }

  // One facet of values is active: the visible quotes are its admitted ones. A facet read from
  // its column, with few values for as many quotes (a country's 23,000 quotes have 3 kinds),
  // sums kept histograms over the chosen values instead: the first time costs what reading
  // the column does, later ones nothing. (Facets that follow from another counted here, an
  // article's source and date, cost less than that already.)
  void run_alone(int only_active) {
    result_.visible.assign(compiled_.admitted[only_active].begin(), compiled_.admitted[only_active].end());
    unsigned counted = count_whole_parent(only_active, kNoFacet);
    for (int f = 0; f < kCountedFacetCount; ++f) {
      const bool derived = facets_[f].parent != kNoFacet && facets_[f].parent != only_active;
      if (f == only_active || derived || (counted & bit(f)) || !sums_kept_histograms(f, only_active)) continue;
      sum_kept_histograms(f, only_active);
      counted |= bit(f);
    }
    count_every_facet(result_.visible, facets_, bit(only_active) | counted, counted);
    fill_from_lists(only_active);
  }

  // When active facet `child` follows from another, inactive one (country from speaker), each
  // value of that parent passes `child` whole or not at all: its counts need no column, only
  // its quotes that `other` (the one other active facet, or kNoFacet) admits. Fills them when
  // they cost fewer numbers than reading quotes, and returns the parent's bit; else 0.
  unsigned count_whole_parent(int child, int other) {
    if (child >= kCountedFacetCount) return 0;  // text
    const FacetParts& active = facets_[child];
    if (!active.chosen || active.parent == kNoFacet || compiled_.active[active.parent]) return 0;
    const FacetParts& parent = facets_[static_cast<std::size_t>(active.parent)];
    if (other == kNoFacet) fill_from_lists(active.parent);
    else if (sums_kept_histograms(active.parent, other)) sum_kept_histograms(active.parent, other);
    else return 0;
    const std::vector<std::uint8_t>& on = compiled_.on[child];
    for (std::size_t v = 0; v < parent.lists->value_count(); ++v)
      if (!on[(*active.of_parent)[v]]) parent.counts[v] = 0;
    return bit(active.parent);
  }

  // A facet's counts (every facet's, given kNoFacet) when no other facet is active: the sizes
  // of its posting lists.
  void fill_from_lists(int only) {
    for (int facet = 0; facet < kCountedFacetCount; ++facet) {
      if (facet != only && only != kNoFacet) continue;
      const PostingLists& lists = *facets_[facet].lists;
      for (std::size_t v = 0; v < lists.value_count(); ++v)
        facets_[facet].counts[v] = static_cast<std::uint32_t>(lists.of(v).size());
    }
  }

 private:
  // Whether `counted`'s counts under facet `over` alone are cheaper summed from kept histograms
  // over each value `over` admits (fewer numbers than the quotes to read) than counted.
  bool sums_kept_histograms(int counted, int over) const {
    if (counted >= kCountedFacetCount || over >= kCountedFacetCount || !facets_[over].chosen) return false;  // text, dates
    return compiled_.chosen[over].size() * facets_[counted].lists->value_count() * 2 <= compiled_.admitted[over].size();
  }

  // Adds to `counted`'s counts the kept histograms over each value facet `over` admits.
  void sum_kept_histograms(int counted, int over) {
    const FacetParts& parts = facets_[counted];
    for (std::uint32_t v : compiled_.chosen[over]) {
      const auto& histogram = histogram_cache().of(corpus_, counted, parts, over, facets_[over], v);
      for (std::size_t d = 0; d < histogram.size(); ++d) parts.counts[d] += histogram[d];
    }
  }

  // The active facet other than `except` with the fewest admitted quotes, or kNoFacet.
  int shortest_admitted(int except) const {
    int shortest = kNoFacet;
    for (int facet = 0; facet < kFacetCount; ++facet) {
      if (facet == except || !compiled_.active[facet]) continue;
      if (shortest == kNoFacet || compiled_.admitted[facet].size() < compiled_.admitted[shortest].size()) shortest = facet;
    }
    return shortest;
  }

  // One bit per active facet but `skipped` that quote q fails.
  QE_INLINE unsigned failing_facets(QuoteIndex q, int skipped) const {
    unsigned fails = 0;
    for (int i = 0; i < active_count_; ++i)
      if (active_[i] != skipped && !compiled_.passes_facet(q, active_[i])) fails |= 1u << active_[i];
    return fails;
  }

  const Corpus& corpus_;
  const CompiledFilter& compiled_;
  FilterResult& result_;
  std::array<FacetParts, kCountedFacetCount> facets_;
  std::array<int, kFacetCount> active_{};
  int active_count_ = 0;
};

}  // namespace

FilterResult apply_filter(const Corpus& corpus, const Filter& filter, const std::vector<QuoteIndex>* text_matches) {
  return apply_filter(corpus, filter, text_matches, FilterResult{});
}

FilterResult apply_filter(const Corpus& corpus, const Filter& filter, const std::vector<QuoteIndex>* text_matches,
                          FilterResult recycled) {
  if (!filter.text.empty() && !filter.has_facets())
    return search_only(corpus, text_matches ? *text_matches : match_text(corpus, filter.text), std::move(recycled));
  FilterResult result = std::move(recycled);
  result.visible.clear();
  const CompiledFilter compiled = compile(corpus, filter, text_matches);
  FacetCounter counter(corpus, compiled, result);
  result.counts_visible_of_serial = 0;
  if (compiled.active_count() == 0) {
    const PostingLists::Run every_quote = corpus.quotes_by_article.all();  // a copy is cheaper than counting 0..n
    result.visible.assign(every_quote.first, every_quote.last);
    counter.fill_from_lists(kNoFacet);
    result.counts_visible_of_serial = corpus.serial;
  } else {
    counter.run();
  }
  return result;
}

}  // namespace qe
