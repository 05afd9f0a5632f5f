#include "core/filter.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"

namespace qe {
namespace {

enum Facet { kSpeakerFacet, kCountryFacet, kKindFacet, kTextFacet, kFacetCount };
constexpr int kNoFacet = -1;

std::string ascii_case(std::string value, int (*convert)(int)) {
  std::transform(value.begin(), value.end(), value.begin(),
                 [convert](unsigned char c) { return static_cast<char>(convert(c)); });
  return value;
}

void append_unique(std::vector<std::string>& values, std::string value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(std::move(value));
}

std::optional<std::size_t> country_slot_of(std::string_view value) {
  const std::string upper = ascii_case(std::string(value), ::toupper);
  if (upper == ascii_case(std::string(kNoCountryValue), ::toupper)) return country_slot(kNoCountry);
  if (auto id = find_country(upper)) return country_slot(*id);
  return std::nullopt;
}

// A filter resolved against one corpus: per-value flags for O(1) checks, and for each active
// facet the ascending list of quotes it admits on its own, to drive iteration.
struct CompiledFilter {
  std::array<bool, kFacetCount> active{};
  std::vector<std::uint8_t> speaker_on, country_on, text_on;
  std::array<bool, kQuoteKindCount> kind_on{};
  std::array<std::vector<QuoteIndex>, kFacetCount> admitted;

  bool passes(const QuoteTable& quotes, QuoteIndex q, int skipped) const {
    return (skipped == kSpeakerFacet || !active[kSpeakerFacet] || speaker_on[quotes.speaker[q]]) &&
           (skipped == kCountryFacet || !active[kCountryFacet] || country_on[country_slot(quotes.country[q])]) &&
           (skipped == kKindFacet || !active[kKindFacet] || kind_on[static_cast<std::size_t>(quotes.kind[q])]) &&
           (skipped == kTextFacet || !active[kTextFacet] || text_on[q]);
  }
};

void merge_run(std::vector<QuoteIndex>& into, PostingLists::Run run) {
  const auto middle = static_cast<std::ptrdiff_t>(into.size());
  into.insert(into.end(), run.first, run.last);
  std::inplace_merge(into.begin(), into.begin() + middle, into.end());
}

CompiledFilter compile(const Corpus& corpus, const Filter& filter, const std::vector<QuoteIndex>* text_matches) {
  CompiledFilter compiled;
  compiled.speaker_on.assign(corpus.speakers.size(), 0);
  compiled.country_on.assign(country_slot_count(), 0);

  compiled.active[kSpeakerFacet] = !filter.speakers.empty();
  for (const std::string& value : filter.speakers)
    for (SpeakerId s : corpus.find_speakers(value))
      if (!compiled.speaker_on[s]) {
        compiled.speaker_on[s] = 1;
        merge_run(compiled.admitted[kSpeakerFacet], corpus.quotes_by_speaker.of(s));
      }

  compiled.active[kCountryFacet] = !filter.countries.empty();
  for (const std::string& value : filter.countries)
    if (auto slot = country_slot_of(value); slot && !compiled.country_on[*slot]) {
      compiled.country_on[*slot] = 1;
      merge_run(compiled.admitted[kCountryFacet], corpus.quotes_by_country.of(*slot));
    }

  compiled.active[kKindFacet] = !filter.kinds.empty();
  for (const std::string& value : filter.kinds)
    if (auto kind = parse_kind(ascii_case(value, ::tolower))) {
      const auto k = static_cast<std::size_t>(*kind);
      if (!compiled.kind_on[k]) merge_run(compiled.admitted[kKindFacet], corpus.quotes_by_kind.of(k));
      compiled.kind_on[k] = true;
    }

  compiled.active[kTextFacet] = !filter.text.empty();
  if (compiled.active[kTextFacet]) {
    compiled.admitted[kTextFacet] = text_matches ? *text_matches : match_text(corpus, filter.text);
    compiled.text_on.assign(corpus.quotes.size(), 0);
    for (QuoteIndex q : compiled.admitted[kTextFacet]) compiled.text_on[q] = 1;
  }
  return compiled;
}

// Calls visit(q) for each quote that passes every active facet but `skipped`, ascending.
// Iterates the shortest admitted list among those facets, so cost follows selectivity.
// Returns false, visiting nothing, when no facet but `skipped` is active.
template <class Visit>
bool for_each_passing(const Corpus& corpus, const CompiledFilter& compiled, int skipped, Visit visit) {
  const std::vector<QuoteIndex>* driver = nullptr;
  for (int facet = 0; facet < kFacetCount; ++facet) {
    if (facet == skipped || !compiled.active[facet]) continue;
    if (!driver || compiled.admitted[facet].size() < driver->size()) driver = &compiled.admitted[facet];
  }
  if (!driver) return false;
  for (QuoteIndex q : *driver)
    if (compiled.passes(corpus.quotes, q, skipped)) visit(q);
  return true;
}

// Counts per value of one facet under all the other facets; with none of them active,
// the counts are the posting list sizes.
std::vector<std::uint32_t> facet_counts(const Corpus& corpus, const CompiledFilter& compiled, int facet,
                                        const PostingLists& lists, std::uint32_t (*value_of)(const QuoteTable&, QuoteIndex)) {
  std::vector<std::uint32_t> counts(lists.value_count(), 0);
  const bool filtered = for_each_passing(corpus, compiled, facet, [&](QuoteIndex q) { ++counts[value_of(corpus.quotes, q)]; });
  if (!filtered)
    for (std::size_t v = 0; v < counts.size(); ++v) counts[v] = static_cast<std::uint32_t>(lists.of(v).size());
  return counts;
}

// Appends the quotes in [first, last) whose key holds `needle`, ascending: one substring
// search over those keys' bytes, one match a quote. Keys are joined by '\0', which no needle
// holds, so no match spans two quotes.
void scan_quotes(const StringPool& keys, std::string_view needle, QuoteIndex first, QuoteIndex last,
                 std::vector<QuoteIndex>& matches) {
  if (first >= last) return;
  const std::string_view haystack = std::string_view(keys.buffer()).substr(0, keys.begin_of(last));
  QuoteIndex q = first;
  for (std::size_t at = haystack.find(needle, keys.begin_of(first)); at != std::string_view::npos;
       at = haystack.find(needle, at)) {
    while (keys.begin_of(q + 1) <= at) ++q;  // the quote whose key holds `at`
    matches.push_back(q);
    if (++q >= last) break;
    at = keys.begin_of(q);                   // one match a quote is enough
  }
}

bool has_block(const std::vector<std::uint8_t>& blocks, std::uint32_t block) {
  return (blocks[block / 8] >> (block % 8)) & 1;
}

// scan_quotes over each run of consecutive candidate blocks (TextIndex::candidate_blocks).
void scan_blocks(const StringPool& keys, std::string_view needle, const std::vector<std::uint8_t>& blocks,
                 std::uint32_t block_count, std::vector<QuoteIndex>& matches) {
  const auto quotes = static_cast<QuoteIndex>(keys.size());
  for (std::uint32_t b = 0; b < block_count;) {
    if (!blocks[b / 8]) { b = (b / 8 + 1) * 8; continue; }  // eight blocks ruled out at once
    if (!has_block(blocks, b)) { ++b; continue; }
    std::uint32_t end = b + 1;
    while (end < block_count && has_block(blocks, end)) ++end;
    scan_quotes(keys, needle, b * TextIndex::kBlockQuotes, std::min(quotes, end * TextIndex::kBlockQuotes), matches);
    b = end;
  }
}

}  // namespace

bool Filter::operator==(const Filter& other) const {
  return speakers == other.speakers && countries == other.countries && kinds == other.kinds && text == other.text;
}

Filter canonical_filter(const Corpus& corpus, const Filter& filter) {
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
  canonical.text = filter.text;
  return canonical;
}

std::string search_needle(std::string_view text) {
  std::string needle = utf8::search_key(text);
  needle.erase(std::remove(needle.begin(), needle.end(), '\0'), needle.end());
  return needle;
}

std::vector<QuoteIndex> scan_text(const Corpus& corpus, std::string_view text) {
  std::vector<QuoteIndex> matches;
  const std::string needle = search_needle(text);
  const StringPool& keys = corpus.quotes.folded_text;
  if (!needle.empty()) scan_quotes(keys, needle, 0, static_cast<QuoteIndex>(keys.size()), matches);
  return matches;
}

std::vector<QuoteIndex> match_text(const Corpus& corpus, std::string_view text) {
  std::vector<QuoteIndex> matches;
  const std::string needle = search_needle(text);
  const StringPool& keys = corpus.quotes.folded_text;
  if (needle.empty()) return matches;
  if (const auto blocks = corpus.text_index.candidate_blocks(needle))
    scan_blocks(keys, needle, *blocks, corpus.text_index.block_count(), matches);
  else
    scan_quotes(keys, needle, 0, static_cast<QuoteIndex>(keys.size()), matches);
  return matches;
}

std::vector<QuoteIndex> match_text(const Corpus& corpus, std::string_view text, std::string_view previous_text,
                                   const std::vector<QuoteIndex>& previous_matches) {
  const std::string needle = search_needle(text), previous = search_needle(previous_text);
  if (previous.empty() || needle.find(previous) == std::string::npos) return match_text(corpus, text);
  // Every match of `needle` holds a match of `previous`: check only the previous matches,
  // skipping those in blocks the index rules out.
  std::vector<QuoteIndex> matches;
  const auto blocks = corpus.text_index.candidate_blocks(needle);
  const StringPool& keys = corpus.quotes.folded_text;
  for (QuoteIndex q : previous_matches)
    if ((!blocks || has_block(*blocks, q / TextIndex::kBlockQuotes)) && keys[q].find(needle) != std::string_view::npos)
      matches.push_back(q);
  return matches;
}

FilterResult apply_filter(const Corpus& corpus, const Filter& filter) { return apply_filter(corpus, filter, nullptr); }

FilterResult apply_filter(const Corpus& corpus, const Filter& filter, const std::vector<QuoteIndex>* text_matches) {
  const CompiledFilter compiled = compile(corpus, filter, text_matches);
  FilterResult result;
  if (!for_each_passing(corpus, compiled, kNoFacet, [&](QuoteIndex q) { result.visible.push_back(q); })) {
    result.visible.resize(corpus.quotes.size());
    for (QuoteIndex q = 0; q < result.visible.size(); ++q) result.visible[q] = q;
  }
  result.speaker_counts = facet_counts(corpus, compiled, kSpeakerFacet, corpus.quotes_by_speaker,
                                       [](const QuoteTable& t, QuoteIndex q) { return t.speaker[q]; });
  result.country_counts = facet_counts(corpus, compiled, kCountryFacet, corpus.quotes_by_country,
                                       [](const QuoteTable& t, QuoteIndex q) {
                                         return static_cast<std::uint32_t>(country_slot(t.country[q]));
                                       });
  const auto kinds = facet_counts(corpus, compiled, kKindFacet, corpus.quotes_by_kind,
                                  [](const QuoteTable& t, QuoteIndex q) { return static_cast<std::uint32_t>(t.kind[q]); });
  std::copy(kinds.begin(), kinds.end(), result.kind_counts.begin());
  return result;
}

}  // namespace qe
