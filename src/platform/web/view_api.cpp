// The hot half of window.QuoteExplorer (web/app.js): the filter, the selection, the visible
// quotes and the accessibility mirror's counts, called on every click and keystroke.
// Built without exception support (unlike js_api.cpp, whose loading catches running out of
// memory): Emscripten routes every call that may throw out of a -fexceptions function
// through a JavaScript trampoline, which cost more than the filter itself.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/export.h"
#include "core/json_text.h"
#include "core/url_hash.h"
#include "core/utf8.h"
#include "platform/web/web_app.h"

namespace qe::web {
namespace {

using json = nlohmann::json;

// DESIGN.md's four keys, then "sources", "articles" and "published": {"from", "to"} only
// while set.
json FilterJson(const Filter& filter) {
  json out = {{"speakers", filter.speakers}, {"countries", filter.countries}, {"kinds", filter.kinds},
              {"text", filter.text}};
  if (!filter.sources.empty()) out["sources"] = filter.sources;
  if (!filter.articles.empty()) out["articles"] = filter.articles;
  if (filter.has_published()) out["published"] = {{"from", filter.published_from}, {"to", filter.published_to}};
  return out;
}

// The filter as JSON text, kept with the filter it was made for: a change emits it and
// setFilter returns it, and building it (nlohmann objects) costs a tenth of a facet change
// at a million quotes.
const std::string& FilterJsonText() {
  static Filter made_for;
  static std::string text;
  const Filter& filter = App().explorer.filter();
  if (text.empty() || filter != made_for) {
    made_for = filter;
    text = FilterJson(filter).dump();
  }
  return text;
}

// The selected quote's record (export.h), or null.
std::string SelectedJsonText() {
  const Explorer& explorer = App().explorer;
  if (!explorer.selected()) return "null";
  return quote_record(explorer.corpus(), *explorer.selected()).dump(-1, ' ', false, json::error_handler_t::replace);
}

// clang-format off
EM_JS(void, js_emit, (const char* event, const char* detail), {
  if (Module.qeEmit) Module.qeEmit(UTF8ToString(event), JSON.parse(UTF8ToString(detail)));
});
// clang-format on

std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// The order of the accessibility mirror's facet checkboxes (web/app.js, #qe-a11y): most
// quoted first, then by name; fixed per corpus, so checkboxes never move under the reader's
// focus. qe_a11y_counts follows it.
struct FacetOrder {
  std::uint64_t generation = 0;  // Explorer::corpus_generation()
  std::vector<SpeakerId> speakers;
  std::vector<std::size_t> countries;  // country slots with at least one quote
};

const FacetOrder& A11yFacetOrder() {
  static FacetOrder order;
  const Corpus& corpus = App().explorer.corpus();
  if (order.generation == App().explorer.corpus_generation()) return order;
  order.generation = App().explorer.corpus_generation();
  order.speakers.resize(corpus.speakers.size());
  for (std::size_t s = 0; s < order.speakers.size(); ++s) order.speakers[s] = static_cast<SpeakerId>(s);
  std::stable_sort(order.speakers.begin(), order.speakers.end(), [&](SpeakerId a, SpeakerId b) {
    const auto count_a = corpus.quotes_by_speaker.of(a).size(), count_b = corpus.quotes_by_speaker.of(b).size();
    return count_a != count_b ? count_a > count_b : corpus.speakers[a].name < corpus.speakers[b].name;
  });
  order.countries.clear();
  for (std::size_t slot = 0; slot < country_slot_count(); ++slot)
    if (corpus.quotes_by_country.of(slot).size() > 0) order.countries.push_back(slot);
  std::stable_sort(order.countries.begin(), order.countries.end(), [&](std::size_t a, std::size_t b) {
    return corpus.quotes_by_country.of(a).size() > corpus.quotes_by_country.of(b).size();
  });
  return order;
}

// Each article's title and id, folded for the mirror's article search; once per corpus.
const std::vector<std::string>& ArticleSearchLabels() {
  static std::uint64_t generation = 0;
  static std::vector<std::string> labels;
  if (generation == App().explorer.corpus_generation()) return labels;
  generation = App().explorer.corpus_generation();
  const auto& articles = App().explorer.corpus().articles;
  labels.resize(articles.size());
  for (std::size_t a = 0; a < articles.size(); ++a) labels[a] = utf8::search_key(articles[a].title + "\n" + articles[a].id);
  return labels;
}

// The ticked articles, then up to `limit` others whose title or id holds `query`, most quotes
// (under the other facets) first, ties in corpus order. `matches` counts the articles that
// hold `query`, `unlisted` those of them left out.
std::vector<ArticleId> ListedArticles(std::string_view query, std::size_t limit, std::size_t& matches, std::size_t& unlisted) {
  const Explorer& explorer = App().explorer;
  const Corpus& corpus = explorer.corpus();
  std::vector<ArticleId> listed;
  for (const std::string& id : explorer.filter().articles)
    for (ArticleId a : corpus.find_articles(id))
      if (std::find(listed.begin(), listed.end(), a) == listed.end()) listed.push_back(a);
  const std::size_t ticked = listed.size();
  const std::string folded = utf8::search_key(query);
  const auto& labels = ArticleSearchLabels();
  const auto& counts = explorer.result().article_counts;
  const auto more_quoted = [&](ArticleId a, ArticleId b) { return counts[a] != counts[b] ? counts[a] > counts[b] : a < b; };
  // One pass keeping the best `limit` in order (a corpus may hold 100,000 articles: no list
  // of every match, no sort of them).
  std::vector<ArticleId> top;
  matches = 0;
  std::size_t others = 0;
  for (ArticleId a = 0; a < corpus.articles.size(); ++a) {
    if (!folded.empty() && labels[a].find(folded) == std::string::npos) continue;
    ++matches;
    if (std::find(listed.begin(), listed.begin() + static_cast<std::ptrdiff_t>(ticked), a) != listed.begin() + static_cast<std::ptrdiff_t>(ticked))
      continue;
    ++others;
    if (top.size() == limit && (limit == 0 || !more_quoted(a, top.back()))) continue;
    top.insert(std::upper_bound(top.begin(), top.end(), a, more_quoted), a);
    if (top.size() > limit) top.pop_back();
  }
  listed.insert(listed.end(), top.begin(), top.end());
  unlisted = others - top.size();
  return listed;
}

CountryId SlotCountry(std::size_t slot) { return slot == country_count() ? kNoCountry : static_cast<CountryId>(slot); }

// UTF-16 code units of one UTF-8 byte: a lead byte is one unit, or two for a code point
// beyond the BMP; a continuation byte adds none.
std::uint32_t Utf16Units(unsigned char byte) { return ((byte & 0xC0) != 0x80) + (byte >= 0xF0); }

// UTF-16 code units of UTF-8 text (JavaScript's string offsets), eight ASCII bytes at a time.
std::uint32_t Utf16Length(std::string_view text) {
  std::uint32_t units = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if ((word & 0x8080808080808080ull) == 0) {
      units += 8;
      continue;
    }
    for (std::size_t k = i; k < i + 8; ++k) units += Utf16Units(static_cast<unsigned char>(text[k]));
  }
  for (; i < text.size(); ++i) units += Utf16Units(static_cast<unsigned char>(text[i]));
  return units;
}

// qe_visible_columns' buffers, kept until qe_release_columns.
struct VisibleColumns {
  std::string text;                    // every visible quote's id, then its text
  std::vector<std::uint32_t> bounds;   // UTF-16 offsets into `text`: id i at [2i, 2i+1), text at [2i+1, 2i+2)
  std::vector<std::uint32_t> rows;     // per quote: article, speaker, kind, country id, confidence
  std::uint32_t header[5] = {};
};
VisibleColumns g_columns;

}  // namespace

const char* Returned(std::string text) {
  static std::string buffer;
  buffer = std::move(text);
  return buffer.c_str();
}

void Emit(const char* event, const json& detail) { js_emit(event, detail.dump().c_str()); }
void EmitJsonText(const char* event, const char* json_text) { js_emit(event, json_text); }

void PublishChanges(const Filter& filter_before, std::optional<QuoteIndex> selected_before,
                    std::optional<std::uint64_t> generation_before) {
  WebApp& app = App();
  RequestFrames();
  if (app.explorer.filter() != filter_before) EmitJsonText("filter", FilterJsonText().c_str());
  const bool reloaded = generation_before && *generation_before != app.explorer.corpus_generation();
  if (app.explorer.selected() != selected_before || (reloaded && app.explorer.selected())) {
    app.view.scroll_list_to_selection = app.view.scroll_reader_to_selection = true;
    EmitJsonText("select", SelectedJsonText().c_str());
  }
}

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* qe_get_filter() { return FilterJsonText().c_str(); }

// Takes {"speakers": [...], "countries": [...], "kinds": [...], "text": "...", "sources": [...],
// "articles": [...], "published": {"from", "to"}} (the last three optional), already checked
// by app.js; replaces the whole filter. Returns it as applied (qe_get_filter's), so that
// setFilter needs no second call.
EMSCRIPTEN_KEEPALIVE const char* qe_set_filter(const char* filter_json) {
  Explorer& explorer = App().explorer;
  const json value = json_text::parse_value(filter_json).value_or(json());
  if (!value.is_object()) return qe_get_filter();
  Filter filter;
  filter.speakers = value.value("speakers", std::vector<std::string>{});
  filter.countries = value.value("countries", std::vector<std::string>{});
  filter.kinds = value.value("kinds", std::vector<std::string>{});
  filter.text = value.value("text", std::string{});
  filter.sources = value.value("sources", std::vector<std::string>{});
  filter.articles = value.value("articles", std::vector<std::string>{});
  if (const auto published = value.find("published"); published != value.end() && published->is_object()) {
    filter.published_from = published->value("from", std::string{});
    filter.published_to = published->value("to", std::string{});
  }
  const Filter before = explorer.filter();
  const auto selected = explorer.selected();
  explorer.set_filter(filter);
  PublishChanges(before, selected);
  return qe_get_filter();
}

EMSCRIPTEN_KEEPALIVE const char* qe_filter_hash() { return Returned(filter_to_hash(App().explorer.filter())); }

EMSCRIPTEN_KEEPALIVE void qe_set_filter_hash(const char* hash) {
  Explorer& explorer = App().explorer;
  const Filter before = explorer.filter();
  const auto selected = explorer.selected();
  explorer.set_filter(filter_from_hash(hash));
  PublishChanges(before, selected);
}

// Bumped whenever another corpus is shown: app.js caches qe_corpus_tables per generation.
EMSCRIPTEN_KEEPALIVE double qe_corpus_generation() { return static_cast<double>(App().explorer.corpus_generation()); }

// What the visible quotes' rows point at: {"articles": [id...], "speakers": [[id, name]...],
// "countries": [code... by CountryId], "kinds": [name... by QuoteKind]}.
EMSCRIPTEN_KEEPALIVE const char* qe_corpus_tables() {
  const Explorer& explorer = App().explorer;
  json tables = {{"articles", json::array()}, {"speakers", json::array()}, {"countries", json::array()}, {"kinds", json::array()}};
  for (std::size_t c = 0; c < country_count(); ++c) tables["countries"].push_back(country_code(static_cast<CountryId>(c)));
  for (std::size_t k = 0; k < kQuoteKindCount; ++k) tables["kinds"].push_back(kind_name(static_cast<QuoteKind>(k)));
  if (!explorer.has_corpus()) return Returned(Dump(tables));
  for (const Article& article : explorer.corpus().articles) tables["articles"].push_back(article.id);
  for (const Speaker& speaker : explorer.corpus().speakers) tables["speakers"].push_back({speaker.id, speaker.name});
  return Returned(Dump(tables));
}

// The visible quotes as columns, for visibleQuotes() (JSON would cost a second each 100,000
// quotes): a header of five uint32s {count, text pointer, text bytes, rows pointer, bounds
// pointer}; see VisibleColumns. Valid until qe_release_columns or the next call.
EMSCRIPTEN_KEEPALIVE const std::uint32_t* qe_visible_columns() {
  VisibleColumns& out = g_columns;
  out = VisibleColumns{};
  const Explorer& explorer = App().explorer;
  if (explorer.has_corpus()) {
    const Corpus& corpus = explorer.corpus();
    const QuoteTable& quotes = corpus.quotes;
    const auto& visible = explorer.result().visible;
    std::size_t text_bytes = 0;
    for (QuoteIndex q : visible) text_bytes += quotes.id[q].size() + corpus.quote_text(q).size();
    out.text.reserve(text_bytes);
    out.bounds.reserve(2 * visible.size() + 1);
    out.rows.reserve(5 * visible.size());
    std::uint32_t offset = 0;
    out.bounds.push_back(0);
    for (QuoteIndex q : visible) {
      for (std::string_view part : {quotes.id[q], corpus.quote_text(q)}) {
        out.text += part;
        out.bounds.push_back(offset += Utf16Length(part));
      }
      out.rows.insert(out.rows.end(), {quotes.article[q], quotes.speaker[q], static_cast<std::uint32_t>(quotes.kind[q]),
                                       quotes.country[q], quotes.confidence[q]});
    }
    out.header[0] = static_cast<std::uint32_t>(visible.size());
  }
  out.header[1] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(out.text.data()));
  out.header[2] = static_cast<std::uint32_t>(out.text.size());
  out.header[3] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(out.rows.data()));
  out.header[4] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(out.bounds.data()));
  return out.header;
}

EMSCRIPTEN_KEEPALIVE void qe_release_columns() { g_columns = VisibleColumns{}; }

EMSCRIPTEN_KEEPALIVE const char* qe_selected() { return Returned(SelectedJsonText()); }

// Selects a visible quote by article and quote id; returns 1 if it is now selected.
EMSCRIPTEN_KEEPALIVE int qe_select(const char* article_id, const char* quote_id) {
  Explorer& explorer = App().explorer;
  if (!explorer.has_corpus()) return 0;
  const auto quote = explorer.corpus().find_quote(article_id, quote_id);
  if (!quote) return 0;
  const auto before = explorer.selected();
  explorer.select(*quote);
  App().view.reader_tab_request = ui::ViewState::ReaderTab::Article;  // show what was picked
  PublishChanges(explorer.filter(), before);
  return explorer.selected() == quote;
}

// The facets of the accessibility mirror, once per corpus: {"speakers": [{"value", "label",
// "detail"}], "countries": [...], "kinds": [...], "sources": [...]}, in the order
// qe_a11y_counts counts them, "articles": how many (qe_a11y_articles lists them), and
// "published": {"first", "last"} (days) when articles are dated.
EMSCRIPTEN_KEEPALIVE const char* qe_a11y_facets() {
  const Explorer& explorer = App().explorer;
  json facets = {{"speakers", json::array()}, {"countries", json::array()}, {"kinds", json::array()},
                 {"sources", json::array()}};
  if (!explorer.has_corpus()) return Returned(Dump(facets));
  const Corpus& corpus = explorer.corpus();
  const FacetOrder& order = A11yFacetOrder();
  for (SpeakerId s : order.speakers) {
    const Speaker& speaker = corpus.speakers[s];
    std::string detail(country_name(speaker.country));
    if (speaker.country == kNoCountry) detail.clear();
    if (!speaker.role.empty()) detail += (detail.empty() ? "" : ", ") + speaker.role;
    facets["speakers"].push_back({{"value", speaker.id}, {"label", speaker.name}, {"detail", detail}});
  }
  for (std::size_t slot : order.countries) {
    const CountryId id = SlotCountry(slot);
    facets["countries"].push_back({{"value", id == kNoCountry ? std::string(kNoCountryValue) : std::string(country_code(id))},
                                   {"label", std::string(country_name(id))},
                                   {"detail", std::string(country_code(id))}});
  }
  facets["articles"] = corpus.articles.size();
  facets["sources"] = json::array();
  for (const std::string& name : corpus.source_names)
    facets["sources"].push_back({{"value", name}, {"label", name}, {"detail", ""}});
  const DateBins& bins = corpus.published_bins;
  if (bins.count > 0)
    facets["published"] = {{"first", format_day(bins.bin_first_day(0))}, {"last", format_day(bins.bin_last_day(bins.count - 1))}};
  static constexpr const char* kLabels[] = {"Direct", "Indirect", "Mixed"};
  static constexpr const char* kDetails[] = {"verbatim", "reported", "reported, with verbatim words"};
  for (std::size_t k = 0; k < kQuoteKindCount; ++k)
    facets["kinds"].push_back({{"value", std::string(kind_name(static_cast<QuoteKind>(k)))}, {"label", kLabels[k]},
                               {"detail", kDetails[k]}});
  return Returned(Dump(facets));
}

// The mirror's numbers without JSON, as uint32s: {total, visible, changed, then every
// checkbox's count in qe_a11y_facets' order (speakers, countries, kinds, sources)}. Bit i of
// `changed` is set when facet i's counts differ from the previous call's, bit 4 when the
// articles' do (the mirror lists the top articles by count); all are set when `reset` (the
// mirror was rebuilt). The idle update then touches only the facets that changed: a facet
// change at 2,000 speakers rewrites most of one list, not every list.
EMSCRIPTEN_KEEPALIVE const std::uint32_t* qe_a11y_counts(int reset) {
  static std::vector<std::uint32_t> counts, previous, previous_articles;
  constexpr std::uint32_t kArticlesChanged = 1u << 4;
  counts.assign(3, 0);
  const Explorer& explorer = App().explorer;
  if (!explorer.has_corpus()) return counts.data();
  const FilterResult& result = explorer.result();
  const FacetOrder& order = A11yFacetOrder();
  counts[0] = static_cast<std::uint32_t>(explorer.corpus().quotes.size());
  counts[1] = static_cast<std::uint32_t>(result.visible.size());
  std::size_t facet_start[5] = {3};
  for (SpeakerId s : order.speakers) counts.push_back(result.speaker_counts[s]);
  facet_start[1] = counts.size();
  for (std::size_t slot : order.countries) counts.push_back(result.country_counts[slot]);
  facet_start[2] = counts.size();
  counts.insert(counts.end(), result.kind_counts.begin(), result.kind_counts.end());
  facet_start[3] = counts.size();
  counts.insert(counts.end(), result.source_counts.begin(), result.source_counts.end() - 1);  // not "no source"
  facet_start[4] = counts.size();
  const bool comparable = !reset && previous.size() == counts.size();
  for (int facet = 0; facet < 4; ++facet) {
    const auto first = counts.begin() + static_cast<std::ptrdiff_t>(facet_start[facet]);
    const auto last = counts.begin() + static_cast<std::ptrdiff_t>(facet_start[facet + 1]);
    if (!comparable || !std::equal(first, last, previous.begin() + (first - counts.begin()))) counts[2] |= 1u << facet;
  }
  if (reset || result.article_counts != previous_articles) counts[2] |= kArticlesChanged;
  previous = counts;
  previous_articles = result.article_counts;
  return counts.data();
}

// The first `limit` visible quotes for the mirror's list: visibleQuotes()' records with the
// speaker's role, the country's name and whether the quote is selected.
EMSCRIPTEN_KEEPALIVE const char* qe_a11y_quotes(int limit) {
  const Explorer& explorer = App().explorer;
  if (!explorer.has_corpus()) return Returned("[]");
  const Corpus& corpus = explorer.corpus();
  const auto& visible = explorer.result().visible;
  const std::size_t shown = std::min(visible.size(), static_cast<std::size_t>(std::max(limit, 0)));
  json records = json::array();
  for (std::size_t i = 0; i < shown; ++i) {
    const QuoteIndex q = visible[i];
    json record = quote_record(corpus, q);
    const CountryId country = corpus.quotes.country[q];
    record["role"] = corpus.speakers[corpus.quotes.speaker[q]].role;
    record["country_name"] = country == kNoCountry ? std::string() : std::string(country_name(country));
    record["selected"] = explorer.selected() == q;
    records.push_back(std::move(record));
  }
  return Returned(Dump(records));
}

// The mirror's article facet: a search field and a short list instead of a checkbox per
// article (a corpus may hold 100,000). {"matches": articles holding `query` in their title
// or id (ignoring case and accents), "unlisted": how many of them are not listed,
// "articles": [{"value", "label", "detail", "count", "checked"}]}: the ticked articles, then
// the `limit` other matches with the most quotes.
EMSCRIPTEN_KEEPALIVE const char* qe_a11y_articles(const char* query, int limit) {
  const Explorer& explorer = App().explorer;
  json out = {{"matches", 0}, {"unlisted", 0}, {"articles", json::array()}};
  if (!explorer.has_corpus()) return Returned(Dump(out));
  const Corpus& corpus = explorer.corpus();
  std::size_t matches = 0, unlisted = 0;
  const auto listed = ListedArticles(query, static_cast<std::size_t>(std::max(limit, 0)), matches, unlisted);
  const auto& ticked = explorer.filter().articles;
  for (ArticleId a : listed) {
    const Article& article = corpus.articles[a];
    std::string detail = article.source.name;
    if (!article.published.empty()) detail += (detail.empty() ? "" : ", ") + article.published.substr(0, 10);
    out["articles"].push_back({{"value", article.id},
                               {"label", article.title.empty() ? article.id : article.title},
                               {"detail", detail},
                               {"count", explorer.result().article_counts[a]},
                               {"checked", std::find(ticked.begin(), ticked.end(), article.id) != ticked.end()}});
  }
  out["matches"] = matches;
  out["unlisted"] = unlisted;
  return Returned(Dump(out));
}

// Frames still to draw before the explorer idles, plus one while idle work remains
// (HasIdleWork: none while a load streams in, so its slices need not wait for frames that
// would do none): 0 once input, changes and that are handled.
EMSCRIPTEN_KEEPALIVE int qe_pending_frames() {
  return App().frames_to_draw + (HasIdleWork(App()) ? 1 : 0);
}

EMSCRIPTEN_KEEPALIVE double qe_frames_drawn() { return static_cast<double>(App().frames_drawn); }

}  // extern "C"

}  // namespace qe::web
