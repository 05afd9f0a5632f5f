// Filter semantics and facet counts, on the seed article (5 speakers, 10 quotes).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "../../bench/corpus_generator.h"
#include "core/filter.h"
#include "core/utf8.h"
#include "fixtures.h"

namespace {

const qe::Corpus& Seed() {
  static const auto result = qe::load_corpus(qe::test::SeedArticleText(), "seed.json");
  REQUIRE(result.ok());
  return *result.corpus;
}

std::vector<std::string> Ids(const qe::Corpus& corpus, const qe::FilterResult& result) {
  std::vector<std::string> ids;
  for (qe::QuoteIndex q : result.visible) ids.emplace_back(corpus.quotes.id[q]);
  return ids;
}

std::uint32_t CountryCount(const qe::FilterResult& result, const char* code) {
  return result.country_counts[qe::country_slot(*qe::find_country(code))];
}

}  // namespace

TEST_CASE("an empty filter shows every quote in reading order") {
  const auto result = qe::apply_filter(Seed(), {});
  CHECK(Ids(Seed(), result) ==
        std::vector<std::string>{"q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"});
}

TEST_CASE("speakers are matched by id, name or alias, ignoring case") {
  for (const char* value : {"sergei-lavrov", "Sergei Lavrov", "LAVROV", "lavrov"}) {
    CAPTURE(value);
    qe::Filter filter;
    filter.speakers = {value};
    CHECK(qe::apply_filter(Seed(), filter).visible.size() == 4);
  }
}

TEST_CASE("values within a facet are OR-ed and facets are AND-ed") {
  qe::Filter filter;
  filter.countries = {"UA", "US"};
  CHECK(qe::apply_filter(Seed(), filter).visible.size() == 5);
  filter.kinds = {"direct"};
  CHECK(Ids(Seed(), qe::apply_filter(Seed(), filter)) == std::vector<std::string>{"q10"});
  filter.kinds = {"direct", "mixed"};
  CHECK(Ids(Seed(), qe::apply_filter(Seed(), filter)) == std::vector<std::string>{"q6", "q10"});
}

TEST_CASE("text matches ignore case and typographic quotes, and narrow the other facets") {
  qe::Filter filter;
  filter.text = "UNACCEPTABLE";
  CHECK(Ids(Seed(), qe::apply_filter(Seed(), filter)) == std::vector<std::string>{"q1", "q3"});
  filter.text = "we're willing";  // the article writes We’re with a curly apostrophe
  CHECK(Ids(Seed(), qe::apply_filter(Seed(), filter)) == std::vector<std::string>{"q10"});
  filter.text = "\"direct threat\"";
  CHECK(Ids(Seed(), qe::apply_filter(Seed(), filter)) == std::vector<std::string>{"q5"});
  filter.text = "no such words";
  CHECK(qe::apply_filter(Seed(), filter).visible.empty());
}

TEST_CASE("text search ignores accents and folds case fully, in every script the fonts draw") {
  auto article = qe::test::SmallArticle();
  const std::vector<std::string> texts = {"Viktor Orbán said ZELENSKYY came", "Die Straße ist lang",
                                          "ΟΔΥΣΣΕΥΣ και Αθήνα", "Лавров сказал: нет", "We’re «ready»"};
  article["paragraphs"] = texts;
  nlohmann::json quotes = nlohmann::json::array();
  for (std::size_t i = 0; i < texts.size(); ++i)
    quotes.push_back({{"id", "t" + std::to_string(i)}, {"speaker", article["speakers"][0]["id"]}, {"kind", "direct"},
                      {"text", texts[i]}, {"paragraph", i}, {"start", 0},
                      {"end", qe::utf8::count_code_points(texts[i])}});
  article["quotes"] = quotes;
  const auto loaded = qe::test::Load(article);
  REQUIRE(loaded.ok());
  auto ids = [&](const char* text) {
    qe::Filter filter;
    filter.text = text;
    return Ids(*loaded.corpus, qe::apply_filter(*loaded.corpus, filter));
  };
  CHECK(ids("orban") == std::vector<std::string>{"t0"});
  CHECK(ids("ORBÁN") == std::vector<std::string>{"t0"});
  CHECK(ids("zelenskyy") == std::vector<std::string>{"t0"});
  CHECK(ids("strasse") == std::vector<std::string>{"t1"});
  CHECK(ids("STRASSE") == std::vector<std::string>{"t1"});
  CHECK(ids("οδυσσευς") == std::vector<std::string>{"t2"});   // final sigma and no accents
  CHECK(ids("αθηνα") == std::vector<std::string>{"t2"});
  CHECK(ids("ЛАВРОВ") == std::vector<std::string>{"t3"});
  CHECK(ids("we're \"ready\"") == std::vector<std::string>{"t4"});
  CHECK(ids("orbans").empty());
}

TEST_CASE("a speaker is found without the accents of their name") {
  auto article = qe::test::SmallArticle();
  article["speakers"][0]["name"] = "Viktor Orbán";
  const auto loaded = qe::test::Load(article);
  REQUIRE(loaded.ok());
  qe::Filter filter;
  filter.speakers = {"VIKTOR ORBAN"};
  CHECK(Ids(*loaded.corpus, qe::apply_filter(*loaded.corpus, filter)) == std::vector<std::string>{"q1"});
}

TEST_CASE("facet counts apply every other active facet, not their own") {
  qe::Filter filter;
  filter.countries = {"RU"};
  auto result = qe::apply_filter(Seed(), filter);
  CHECK(result.visible.size() == 5);
  // Country counts ignore the country facet, so other countries still show what they'd add.
  CHECK(CountryCount(result, "RU") == 5);
  CHECK(CountryCount(result, "US") == 3);
  // Kind counts apply the country facet: RU has 2 direct, 1 indirect, 2 mixed.
  CHECK(result.kind_counts == std::array<std::uint32_t, 3>{2, 1, 2});
  // Speaker counts apply it too: only Russian speakers count.
  const auto trump = Seed().find_speakers("trump")[0];
  CHECK(result.speaker_counts[trump] == 0);

  filter.kinds = {"direct"};
  result = qe::apply_filter(Seed(), filter);
  CHECK(CountryCount(result, "RU") == 2);
  CHECK(CountryCount(result, "US") == 1);
  CHECK(result.kind_counts == std::array<std::uint32_t, 3>{2, 1, 2});
}

TEST_CASE("values that match nothing select nothing, and canonical filters use ids") {
  qe::Filter filter;
  filter.speakers = {"Nobody"};
  CHECK(qe::apply_filter(Seed(), filter).visible.empty());
  filter.speakers = {"Lavrov", "sergei-lavrov", "Zelensky"};
  filter.countries = {"ru", "none"};
  filter.kinds = {"DIRECT"};
  const qe::Filter canonical = qe::canonical_filter(Seed(), filter);
  CHECK(canonical.speakers == std::vector<std::string>{"sergei-lavrov", "volodymyr-zelenskyy"});
  CHECK(canonical.countries == std::vector<std::string>{"RU", "none"});
  CHECK(canonical.kinds == std::vector<std::string>{"direct"});
}

TEST_CASE("a speaker with no country is found under the \"none\" country") {
  auto article = qe::test::SmallArticle();
  article["speakers"][1]["country"] = nullptr;
  const auto loaded = qe::test::Load(article);
  REQUIRE(loaded.ok());
  qe::Filter filter;
  filter.countries = {"none"};
  const auto result = qe::apply_filter(*loaded.corpus, filter);
  REQUIRE(result.visible.size() == 1);
  CHECK(loaded.corpus->quotes.id[result.visible[0]] == "q2");
}

TEST_CASE("an exact speaker id names one speaker even when another's name or alias folds to it") {
  auto article = qe::test::SmallArticle();
  article["speakers"][0]["id"] = "A";
  article["speakers"][1]["id"] = "a";
  article["quotes"][0]["speaker"] = "A";
  article["quotes"][1]["speaker"] = "a";
  const auto loaded = qe::test::Load(article);
  REQUIRE(loaded.ok());
  qe::Filter filter;
  filter.speakers = {"A"};
  CHECK(qe::canonical_filter(*loaded.corpus, filter).speakers == std::vector<std::string>{"A"});
  CHECK(qe::apply_filter(*loaded.corpus, filter).visible.size() == 1);
}

namespace {

// Three dated articles and one undated, one quote each (q1 … q4), for the published facet.
const qe::Corpus& Dated() {
  static const auto result = [] {
    std::string lines;
    const char* published[] = {"2025-03-01", "2025-03-15T08:00:00Z", "2025-04-02", ""};
    for (int a = 0; a < 4; ++a) {
      const std::string date = published[a][0] ? std::string(",\"published\":\"") + published[a] + "\"" : "";
      lines += "{\"format\":\"quote-explorer/article@1\",\"id\":\"a" + std::to_string(a + 1) + "\",\"title\":\"T\"" + date +
               ",\"paragraphs\":[\"Words said.\"],\"speakers\":[{\"id\":\"s\",\"name\":\"S\",\"country\":\"FR\"}],"
               "\"quotes\":[{\"id\":\"q" + std::to_string(a + 1) + "\",\"speaker\":\"s\",\"kind\":\"direct\","
               "\"text\":\"Words\",\"paragraph\":0,\"start\":0,\"end\":5}]}\n";
    }
    return qe::load_corpus(lines, "dated.jsonl");
  }();
  REQUIRE(result.ok());
  return *result.corpus;
}

}  // namespace

TEST_CASE("a quote's published day is its article's, kept once per article") {
  const qe::Corpus& corpus = Dated();
  REQUIRE(corpus.published_day_of_article.size() == 4);
  for (qe::QuoteIndex q = 0; q < corpus.quotes.size(); ++q)
    CHECK(corpus.published_day(q) ==
          qe::parse_day(corpus.articles[corpus.quotes.article[q]].published).value_or(qe::kNoDay));
  CHECK(corpus.published_day(3) == qe::kNoDay);
  CHECK(corpus.published_day(1) == *qe::parse_day("2025-03-15"));
}

TEST_CASE("a published range keeps quotes of articles dated within it, inclusive; undated ones never") {
  qe::Filter filter;
  filter.published_from = "2025-03-15";
  CHECK(Ids(Dated(), qe::apply_filter(Dated(), filter)) == std::vector<std::string>{"q2", "q3"});
  filter.published_to = "2025-03-15";
  CHECK(Ids(Dated(), qe::apply_filter(Dated(), filter)) == std::vector<std::string>{"q2"});
  filter.published_from.clear();
  CHECK(Ids(Dated(), qe::apply_filter(Dated(), filter)) == std::vector<std::string>{"q1", "q2"});
  filter.published_to = "not a date";  // selects nothing, like an unknown speaker
  CHECK(qe::apply_filter(Dated(), filter).visible.empty());
}

TEST_CASE("published counts are per day bin, apply the other facets, and keep undated quotes last") {
  const qe::Corpus& corpus = Dated();
  REQUIRE(corpus.published_bins.unit == qe::DateBins::Unit::Day);
  REQUIRE(corpus.published_bins.count == 33);  // 1 March … 2 April
  const auto all = qe::apply_filter(corpus, {});
  CHECK(all.published_counts.size() == 34);
  CHECK(all.published_counts[0] == 1);
  CHECK(all.published_counts[14] == 1);
  CHECK(all.published_counts[32] == 1);
  CHECK(all.published_counts[33] == 1);  // undated
  qe::Filter filter;
  filter.published_from = "2025-03-02";
  filter.text = "words";
  const auto both = qe::apply_filter(corpus, filter);
  CHECK(Ids(corpus, both) == std::vector<std::string>{"q2", "q3"});
  CHECK(both.published_counts[0] == 1);  // a count ignores its own facet's range
  CHECK(both.kind_counts[0] == 2);
}

TEST_CASE("published bounds are canonical dates in the filter") {
  qe::Filter filter;
  filter.published_from = "2025-03-15T23:59:00+05:00";
  filter.published_to = "soon";
  const qe::Filter canonical = qe::canonical_filter(Dated(), filter);
  CHECK(canonical.published_from == "2025-03-15");
  CHECK(canonical.published_to == "soon");
  CHECK_FALSE(canonical.empty());
}

TEST_CASE("sources filter by name, ignoring case and accents; counts per source apply the other facets") {
  std::string lines;
  const char* sources[] = {"Le Monde", "Reuters", "le monde", ""};
  for (int a = 0; a < 4; ++a) {
    const std::string source = sources[a][0] ? std::string(",\"source\":{\"name\":\"") + sources[a] + "\"}" : "";
    lines += "{\"format\":\"quote-explorer/article@1\",\"id\":\"a" + std::to_string(a) + "\",\"title\":\"T\"" + source +
             ",\"paragraphs\":[\"Words said.\"],\"speakers\":[{\"id\":\"s\",\"name\":\"S\",\"country\":\"FR\"}],"
             "\"quotes\":[{\"id\":\"q" + std::to_string(a) + "\",\"speaker\":\"s\",\"kind\":\"" +
             (a == 1 ? "indirect" : "direct") + "\",\"text\":\"Words\",\"paragraph\":0,\"start\":0,\"end\":5}]}\n";
  }
  const auto loaded = qe::load_corpus(lines, "sources.jsonl");
  REQUIRE(loaded.ok());
  const qe::Corpus& corpus = *loaded.corpus;
  CHECK(corpus.source_names == std::vector<std::string>{"Le Monde", "Reuters"});
  qe::Filter filter;
  filter.sources = {"LE MONDE"};
  CHECK(Ids(corpus, qe::apply_filter(corpus, filter)) == std::vector<std::string>{"q0", "q2"});
  CHECK(qe::canonical_filter(corpus, filter).sources == std::vector<std::string>{"Le Monde"});
  filter.sources = {"The Times"};
  CHECK(qe::apply_filter(corpus, filter).visible.empty());
  filter.sources.clear();
  filter.kinds = {"direct"};
  const auto counts = qe::apply_filter(corpus, filter).source_counts;
  CHECK(counts == std::vector<std::uint32_t>{2, 0, 1});  // Le Monde, Reuters, no source
}

TEST_CASE("articles filter by id or title, ignoring case and accents; counts per article apply the other facets") {
  std::string lines;
  const char* titles[] = {"Élections à Kyiv", "Talks resume", "Talks resume"};
  for (int a = 0; a < 3; ++a) {
    const std::string id = "a" + std::to_string(a);
    for (const char* kind : {"direct", "indirect"})
      lines += "{\"format\":\"quote-explorer/article@1\",\"id\":\"" + id + kind + "\",\"title\":\"" + titles[a] +
               "\",\"paragraphs\":[\"Words said.\"],\"speakers\":[{\"id\":\"s\",\"name\":\"S\",\"country\":\"FR\"}],"
               "\"quotes\":[{\"id\":\"q\",\"speaker\":\"s\",\"kind\":\"" + kind +
               "\",\"text\":\"Words\",\"paragraph\":0,\"start\":0,\"end\":5}]}\n";
  }
  const auto loaded = qe::load_corpus(lines, "articles.jsonl");
  REQUIRE(loaded.ok());
  const qe::Corpus& corpus = *loaded.corpus;
  auto articles_of = [&](const qe::FilterResult& result) {
    std::vector<std::string> ids;
    for (qe::QuoteIndex q : result.visible) ids.push_back(corpus.articles[corpus.quotes.article[q]].id);
    return ids;
  };
  qe::Filter filter;
  filter.articles = {"ELECTIONS A KYIV"};  // a title, without its accents or case
  CHECK(articles_of(qe::apply_filter(corpus, filter)) == std::vector<std::string>{"a0direct", "a0indirect"});
  CHECK(qe::canonical_filter(corpus, filter).articles == std::vector<std::string>{"a0direct", "a0indirect"});
  filter.articles = {"talks resume", "A1DIRECT"};  // a title two articles share, and an id in another case
  CHECK(articles_of(qe::apply_filter(corpus, filter)) ==
        std::vector<std::string>{"a1direct", "a1indirect", "a2direct", "a2indirect"});
  filter.articles = {"a1direct"};  // an exact id names that article alone
  CHECK(qe::canonical_filter(corpus, filter).articles == std::vector<std::string>{"a1direct"});
  filter.articles = {"No such story"};
  CHECK(qe::apply_filter(corpus, filter).visible.empty());
  CHECK(qe::canonical_filter(corpus, filter).articles == std::vector<std::string>{"No such story"});
  filter.articles.clear();
  filter.kinds = {"direct"};
  CHECK(qe::apply_filter(corpus, filter).article_counts == std::vector<std::uint32_t>{1, 0, 1, 0, 1, 0});
}

namespace {

// What apply_filter must answer, the slow way: per quote, which facets it passes; visible
// when it passes all; a facet's count for its value when it passes every other facet.
struct Reference {
  std::vector<qe::QuoteIndex> visible;
  std::vector<std::uint32_t> speakers, countries, kinds, sources, published, articles;
};

Reference NaiveFilter(const qe::Corpus& corpus, const qe::Filter& filter) {
  const qe::QuoteTable& quotes = corpus.quotes;
  const auto text = qe::match_text(corpus, filter.text);
  const auto from = qe::parse_day(filter.published_from), to = qe::parse_day(filter.published_to);
  Reference out{{}, std::vector<std::uint32_t>(corpus.speakers.size()), std::vector<std::uint32_t>(qe::country_slot_count()),
                std::vector<std::uint32_t>(qe::kQuoteKindCount), std::vector<std::uint32_t>(corpus.source_names.size() + 1),
                std::vector<std::uint32_t>(corpus.published_bins.count + 1), std::vector<std::uint32_t>(corpus.articles.size())};
  auto has = [](const std::vector<std::string>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
  };
  for (qe::QuoteIndex q = 0; q < quotes.size(); ++q) {
    const qe::Day day = qe::parse_day(corpus.articles[quotes.article[q]].published).value_or(qe::kNoDay);
    const std::uint32_t source = quotes.source[q];
    const bool pass[] = {
        filter.speakers.empty() || has(filter.speakers, corpus.speakers[quotes.speaker[q]].id),
        filter.countries.empty() || has(filter.countries, std::string(qe::country_code(quotes.country[q]))),
        filter.kinds.empty() || has(filter.kinds, qe::kind_name(quotes.kind[q])),
        filter.sources.empty() || (source < corpus.source_names.size() && has(filter.sources, corpus.source_names[source])),
        !filter.has_published() || (day != qe::kNoDay && (!from || day >= *from) && (!to || day <= *to)),
        filter.text.empty() || std::binary_search(text.begin(), text.end(), q),
        filter.articles.empty() || has(filter.articles, corpus.articles[quotes.article[q]].id) ||
            has(filter.articles, corpus.articles[quotes.article[q]].title)};
    const int fails = static_cast<int>(std::count(std::begin(pass), std::end(pass), false));
    if (fails == 0) out.visible.push_back(q);
    auto passes_all_but = [&](int facet) { return fails == 0 || (fails == 1 && !pass[facet]); };
    if (passes_all_but(0)) ++out.speakers[quotes.speaker[q]];
    if (passes_all_but(1)) ++out.countries[qe::country_slot(quotes.country[q])];
    if (passes_all_but(2)) ++out.kinds[static_cast<std::size_t>(quotes.kind[q])];
    if (passes_all_but(3)) ++out.sources[source];
    if (passes_all_but(4)) ++out.published[quotes.published_bin[q]];
    if (passes_all_but(6)) ++out.articles[quotes.article[q]];
  }
  return out;
}

// `filter` with only its facet number `facet` (speakers, countries, kinds, sources, published,
// articles, text) kept.
qe::Filter OneFacetOf(const qe::Filter& filter, int facet) {
  qe::Filter one;
  switch (facet) {
    case 0: one.speakers = filter.speakers; break;
    case 1: one.countries = filter.countries; break;
    case 2: one.kinds = filter.kinds; break;
    case 3: one.sources = filter.sources; break;
    case 4: one.published_from = filter.published_from, one.published_to = filter.published_to; break;
    case 5: one.articles = filter.articles; break;
    default: one.text = filter.text;
  }
  return one;
}

}  // namespace

TEST_CASE("visible quotes and every facet's counts equal a naive per-quote answer, for random filters") {
  static const auto loaded = qe::load_corpus(qe::bench::GenerateCorpusJsonLines(400, 8), "generated.jsonl");
  REQUIRE(loaded.ok());
  const qe::Corpus& corpus = *loaded.corpus;
  REQUIRE(corpus.source_names.size() == 12);
  std::mt19937 random(11);
  auto some = [&](std::size_t count, auto value_of) {
    std::vector<std::string> values;
    for (std::size_t n = random() % 3; n > 0; --n) values.emplace_back(value_of(random() % count));
    return values;
  };
  const char* kWords[] = {"", "", "peace", "troops ceasefire", "ta"};
  qe::FilterResult recycled;  // as Explorer does: each round fills the previous result
  for (int round = 0; round < 300; ++round) {
    qe::Filter filter;
    filter.speakers = some(corpus.speakers.size(), [&](std::size_t s) { return corpus.speakers[s].id; });
    filter.countries = some(40, [](std::size_t c) { return std::string(qe::country_code(static_cast<qe::CountryId>(c * 5))); });
    filter.kinds = some(3, [](std::size_t k) { return std::string(qe::kind_name(static_cast<qe::QuoteKind>(k))); });
    filter.sources = some(12, [&](std::size_t v) { return corpus.source_names[v]; });
    if (random() % 3 == 0) filter.published_from = qe::format_day(qe::day_from_civil(2024, 1, 1) + static_cast<qe::Day>(random() % 800));
    if (random() % 3 == 0) filter.published_to = qe::format_day(qe::day_from_civil(2024, 6, 1) + static_cast<qe::Day>(random() % 800));
    filter.articles = some(corpus.articles.size(), [&](std::size_t a) {
      return random() % 2 ? corpus.articles[a].id : corpus.articles[a].title;
    });
    filter.text = kWords[random() % 5];
    if (round % 4 == 0) filter = OneFacetOf(filter, round / 4 % 7);  // a single facet has paths of its own
    CAPTURE(round);
    const auto result = qe::apply_filter(corpus, filter);
    const Reference expected = NaiveFilter(corpus, filter);
    CHECK(result.visible == expected.visible);
    CHECK(result.speaker_counts == expected.speakers);
    CHECK(result.country_counts == expected.countries);
    CHECK(std::vector<std::uint32_t>(result.kind_counts.begin(), result.kind_counts.end()) == expected.kinds);
    CHECK(result.source_counts == expected.sources);
    CHECK(result.published_counts == expected.published);
    CHECK(result.article_counts == expected.articles);
    recycled = qe::apply_filter(corpus, filter, nullptr, std::move(recycled));
    qe::test::CheckSameResult(recycled, result);
  }
}
