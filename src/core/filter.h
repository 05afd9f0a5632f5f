// filter.h: which quotes are visible, and how many each facet choice would give.
//
// Rules (the same for the CLI, the JS API, the URL hash and the UI):
//   - values within one facet are OR-ed, different facets are AND-ed;
//   - `text` matches inside the quote text ignoring case, accents and typographic quotes
//     (utf8::search_key: "orban" finds "Orbán", "strasse" finds "Straße");
//   - each facet's counts apply all *other* active facets (as in Datasette or crossfilter),
//     so a count says how many quotes ticking that value would add.
//
//   qe::Filter filter;
//   filter.countries = {"RU", "UA"};
//   qe::FilterResult result = qe::apply_filter(corpus, filter);   // result.visible, counts
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/text_search.h"

namespace qe {

struct Filter {
  std::vector<std::string> speakers;   // speaker ids, names or aliases (any case)
  std::vector<std::string> countries;  // ISO codes (any case), or "none" for no country
  std::vector<std::string> kinds;      // "direct", "indirect", "mixed"
  std::string text;
  std::vector<std::string> sources;    // source names (any case), as articles give them
  std::vector<std::string> articles;   // article ids or titles (any case)
  // Published between these days, inclusive ("YYYY-MM-DD"; either may be empty: open).
  // Articles without a date are outside every range.
  std::string published_from, published_to;

  bool has_published() const { return !published_from.empty() || !published_to.empty(); }
  // Whether a facet other than text is set.
  bool has_facets() const {
    return !speakers.empty() || !countries.empty() || !kinds.empty() || !sources.empty() || !articles.empty() ||
           has_published();
  }
  bool empty() const { return !has_facets() && text.empty(); }
  bool operator==(const Filter& other) const;
  bool operator!=(const Filter& other) const { return !(*this == other); }
};

inline constexpr std::string_view kNoCountryValue = "none";

// Rewrites values to their canonical form for this corpus: speaker names and aliases become
// ids, country codes upper case, kinds lower case, sources as the corpus spells them,
// article titles ids; duplicates go. Values that match nothing
// stay as given (they select nothing), so a shared link never silently widens; so do dates
// that are not "YYYY-MM-DD" calendar dates.
Filter canonical_filter(const Corpus& corpus, const Filter& filter);

struct FilterResult {
  std::vector<QuoteIndex> visible;                    // display order
  std::vector<std::uint32_t> speaker_counts;          // by SpeakerId
  std::vector<std::uint32_t> country_counts;          // by country_slot()
  std::array<std::uint32_t, kQuoteKindCount> kind_counts{};
  std::vector<std::uint32_t> published_counts;        // by bin of corpus.published_bins, then undated
  std::vector<std::uint32_t> source_counts;           // by Corpus::source_names index, then none
  std::vector<std::uint32_t> article_counts;          // by ArticleId
  // Set when the counts are the visible quotes' own (a search alone, or no filter), on the
  // corpus of this serial (Corpus::serial): a keystroke that narrows the search then counts
  // only the quotes it removes from them.
  std::uint64_t counts_visible_of_serial = 0;
};

FilterResult apply_filter(const Corpus& corpus, const Filter& filter);
FilterResult apply_filter(const Corpus& corpus, const Filter& filter, const std::vector<QuoteIndex>* text_matches);
// The same, filling `recycled` (the previous result) in place: at a million quotes its
// buffers are megabytes that need not be allocated again on every change.
FilterResult apply_filter(const Corpus& corpus, const Filter& filter, const std::vector<QuoteIndex>* text_matches,
                          FilterResult recycled);

}  // namespace qe
