// The text index (core/text_index.h) and the searches that use it: they find exactly what a
// full scan of the search keys finds, for short and long, accented and Cyrillic queries,
// typed one keystroke at a time or pasted.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/explorer.h"
#include "core/filter.h"
#include "core/utf8.h"
#include "fixtures.h"

namespace {

// One article whose quotes are `texts`, one paragraph each.
nlohmann::json ArticleOf(const std::vector<std::string>& texts) {
  auto article = qe::test::SmallArticle();
  article["paragraphs"] = texts;
  nlohmann::json quotes = nlohmann::json::array();
  for (std::size_t i = 0; i < texts.size(); ++i)
    quotes.push_back({{"id", "t" + std::to_string(i)}, {"speaker", "minister"}, {"kind", "direct"},
                      {"text", texts[i]}, {"paragraph", i}, {"start", 0},
                      {"end", qe::utf8::count_code_points(texts[i])}});
  article["quotes"] = quotes;
  return article;
}

// Indexed whatever its size (the loader indexes only search keys of kTextIndexMinBytes or
// more), so that these small corpora test the index.
std::shared_ptr<const qe::Corpus> CorpusOf(const std::vector<std::string>& texts) {
  const auto loaded = qe::test::Load(ArticleOf(texts));
  REQUIRE(loaded.ok());
  loaded.corpus->text_index.build(*loaded.corpus);
  return loaded.corpus;
}

// The naive answer: each quote's search key searched on its own.
std::vector<qe::QuoteIndex> Naive(const qe::Corpus& corpus, std::string_view query) {
  const std::string needle = qe::search_needle(query);
  std::vector<qe::QuoteIndex> found;
  for (qe::QuoteIndex q = 0; q < corpus.quotes.size() && !needle.empty(); ++q)
    if (qe::utf8::search_key(corpus.quote_text(q)).find(needle) != std::string::npos) found.push_back(q);
  return found;
}

// The quotes whose bit is set in `bits` (one bit a quote, as TextIndex's sets), ascending.
std::vector<qe::QuoteIndex> QuotesIn(const qe::Corpus& corpus, const std::uint64_t* bits) {
  std::vector<qe::QuoteIndex> quotes;
  for (qe::QuoteIndex q = 0; q < corpus.quotes.size(); ++q)
    if ((bits[q / 64] >> (q % 64)) & 1) quotes.push_back(q);
  return quotes;
}

// Many blocks of quotes from a small vocabulary with accents, Greek and Cyrillic.
std::vector<std::string> MixedTexts(std::size_t count) {
  const std::vector<std::string> words = {"ceasefire", "talks", "Orbán", "Straße", "Лавров", "сказал", "Αθήνα",
                                          "We’re", "troops", "«ready»", "naïve", "ØRESUND", "x", "ab", "peace"};
  std::mt19937 random(11);
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    const std::size_t length = 1 + random() % 6;
    for (std::size_t w = 0; w < length; ++w) text += (w ? " " : "") + words[random() % words.size()];
    texts.push_back(text);
  }
  texts.push_back("a rare zygote");  // one quote with trigrams no other quote holds
  return texts;
}

}  // namespace

TEST_CASE("the index finds what the scan finds, for queries of 1, 2, 3 and more bytes") {
  const auto corpus = CorpusOf(MixedTexts(300));
  REQUIRE(corpus->text_index.block_count() > 10);
  for (const char* query : {"c", "e", "é", "ß", "a", " ", "ce", "ss", "r ", "ab", "cea", "alk", "s t", "ceasefire",
                            "ceasefire talks", "talks ceasefire", "orban", "ORBÁN", "strasse", "STRASSE",
                            "лавров", "ЛАВРОВ сказал", "αθηνα", "we're", "\"ready\"", "naive", "oresund", "zygote",
                            "no such words", "xx", "x x", "qqq"}) {
    CAPTURE(query);
    const auto scanned = qe::scan_text(*corpus, query);
    CHECK(scanned == Naive(*corpus, query));
    CHECK(qe::match_text(*corpus, query) == scanned);
  }
}

TEST_CASE("the index narrows a search for a rare word to the block that holds it") {
  const auto corpus = CorpusOf(MixedTexts(300));
  const auto blocks = corpus->text_index.candidate_blocks("zygote");
  REQUIRE(blocks);
  std::size_t candidates = 0;
  for (std::uint8_t byte : *blocks) candidates += static_cast<std::size_t>(__builtin_popcount(byte));
  CHECK(candidates >= 1);
  CHECK(candidates <= 2);  // the block of "a rare zygote", and at most one hash collision
  CHECK_FALSE(corpus->text_index.candidate_blocks("ab"));  // under 3 bytes: no trigram
}

TEST_CASE("a match never spans two quotes") {
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i) texts.push_back(i % 2 ? "defg" : "abc");
  const auto corpus = CorpusOf(texts);
  for (const char* query : {"cd", "cde", "abcdefg", "gab", "g a", "c d"}) {
    CAPTURE(query);
    CHECK(qe::match_text(*corpus, query).empty());
    CHECK(qe::scan_text(*corpus, query).empty());
  }
  CHECK(qe::match_text(*corpus, "bc").size() == 20);
  CHECK(qe::match_text(*corpus, "efg").size() == 20);
  const std::string with_nul("ab\0c", 4);  // the needle drops NULs: "abc"
  CHECK(qe::match_text(*corpus, with_nul).size() == 20);
}

TEST_CASE("typing refines: each keystroke checks only the previous matches and finds what a scan finds") {
  const auto corpus = CorpusOf(MixedTexts(300));
  for (const std::string typed : {"ceasefire talks", "лавров сказал", "strasse", "We’re «ready»", "a rare zygote"}) {
    qe::TextSearch search;
    for (std::size_t n = 1; n <= typed.size(); ++n) {
      const std::string query = typed.substr(0, n);
      if (qe::utf8::find_invalid(query) != std::string::npos) continue;  // inside a code point
      CAPTURE(query);
      search = qe::search_text(*corpus, query, &search);
      CHECK(search.quotes == qe::scan_text(*corpus, query));
      if (!search.offsets.empty()) {
        REQUIRE(search.offsets.size() == search.quotes.size());
        for (std::size_t i = 0; i < search.quotes.size(); ++i)  // where each quote's key first holds the needle
          CHECK(qe::utf8::search_key(corpus->quote_text(search.quotes[i])).find(search.needle) == search.offsets[i]);
      }
    }
  }
  // The first match cannot be extended but a later one can; or the key ends after the match.
  const auto twice = CorpusOf({"ceasefire ceasefire talks", "ceasefire peace", "talks ceasefire", "x ceasefire"});
  qe::TextSearch step = qe::search_text(*twice, "ceasefire ");
  for (const char* query : {"ceasefire t", "ceasefire ta", "ceasefire talks", "ceasefire talks!"}) {
    CAPTURE(query);
    step = qe::search_text(*twice, query, &step);
    CHECK(step.quotes == qe::scan_text(*twice, query));
  }
  const auto end = qe::search_text(*twice, "ceasefire");
  CHECK(qe::search_text(*twice, "ceasefire p", &end).quotes == std::vector<qe::QuoteIndex>{1});
  CHECK(qe::search_text(*twice, "ceasefire.", &end).quotes.empty());
  // A key that does not contain the previous one (a deletion, a new word) starts afresh.
  const auto talks = qe::search_text(*corpus, "talks");
  CHECK(qe::search_text(*corpus, "peace", &talks).quotes == qe::scan_text(*corpus, "peace"));
  CHECK(qe::search_text(*corpus, "talk", &talks).quotes == qe::scan_text(*corpus, "talk"));
  // Containment is decided on search keys: "TALKS" refines "talk", "ß talks" refines "ss t".
  const auto talk = qe::search_text(*corpus, "talk");
  CHECK(qe::search_text(*corpus, "TALKS", &talk).quotes == talks.quotes);
  const auto ss_t = qe::search_text(*corpus, "ss t");
  CHECK(qe::search_text(*corpus, "Straße troops", &ss_t).quotes == qe::scan_text(*corpus, "strasse troops"));
  // The previous needle in the middle of the new one: its matches start earlier than the previous.
  const auto fire = qe::search_text(*corpus, "fire");
  CHECK(qe::search_text(*corpus, "ceasefire", &fire).quotes == qe::scan_text(*corpus, "ceasefire"));
  qe::TextSearch none;
  none.needle = "zzz";
  CHECK(qe::search_text(*corpus, "zzz talks", &none).quotes.empty());  // refines an empty answer
}

TEST_CASE("common bytes, pairs and trigrams are answered from exact bit sets") {
  const auto corpus = CorpusOf(MixedTexts(300));
  const qe::TextIndex& index = corpus->text_index;
  for (const char* gram : {"c", "e", " ", "ce", "s ", "cea", "alk"}) {
    CAPTURE(gram);
    const std::uint64_t* bits = index.quotes_holding(gram);
    REQUIRE(bits);
    CHECK(QuotesIn(*corpus, bits) == qe::scan_text(*corpus, gram));
  }
  CHECK_FALSE(index.quotes_holding("zy"));    // one quote of 301: not common
  CHECK_FALSE(index.quotes_holding("zyg"));
  CHECK_FALSE(index.quotes_holding("ceas"));  // four bytes: the candidates' business
  CHECK(qe::match_text(*corpus, "zy") == qe::scan_text(*corpus, "zy"));
  CHECK(qe::match_text(*corpus, "zy").size() == 1);
}

TEST_CASE("the sets are exact over runs of quotes without a gram, before, between and after the others") {
  // The sets are written word by word, never cleared first: build one whose sets are all ones
  // and drop it, so that the next build is likely to get the same memory back, dirty. A text
  // of NUL bytes alone has no gram (needles never hold one), so 64 of them in a row leave
  // whole words that only the zero fill writes.
  CorpusOf(std::vector<std::string>(1000, "peace xyz"));
  const std::string no_gram(2, '\0');
  std::vector<std::string> texts(200, no_gram);
  texts.insert(texts.end(), 100, "peace talks");
  texts.insert(texts.end(), 150, no_gram);
  texts.insert(texts.end(), 50, "peace");
  texts.insert(texts.end(), 130, "xyz");
  texts.insert(texts.end(), 300, no_gram);
  const auto corpus = CorpusOf(texts);
  for (const char* gram : {"p", "pe", "pea", "x", "xy", "xyz", "l"}) {
    CAPTURE(gram);
    const std::uint64_t* bits = corpus->text_index.quotes_holding(gram);
    REQUIRE(bits);
    CHECK(QuotesIn(*corpus, bits) == qe::scan_text(*corpus, gram));
    CHECK(qe::match_text(*corpus, gram) == qe::scan_text(*corpus, gram));
  }
}

// Two printable trigrams that share a bucket of the index (there are 857,375 of them for
// 65,536 buckets).
std::pair<std::string, std::string> CollidingTrigrams() {
  std::vector<std::string> seen(std::size_t{1} << 16);
  for (char a = 'a'; a <= 'z'; ++a)
    for (char b = 'a'; b <= 'z'; ++b)
      for (char c = '!'; c <= '~'; ++c) {
        const std::string trigram{a, b, c};
        std::string& other = seen[qe::TextIndex::bucket_of_trigram(trigram)];
        if (!other.empty()) return {other, trigram};
        other = trigram;
      }
  return {};
}

TEST_CASE("a common trigram that shares its bucket is not answered from the bucket's set") {
  const auto [first, second] = CollidingTrigrams();
  REQUIRE(first.size() == 3);
  std::vector<std::string> texts;
  for (int i = 0; i < 200; ++i) texts.push_back(i % 2 ? "with " + first : "with " + second + " too");
  const auto corpus = CorpusOf(texts);
  CHECK_FALSE(corpus->text_index.quotes_holding(first));  // the set holds both trigrams' quotes
  CHECK_FALSE(corpus->text_index.quotes_holding(second));
  CHECK(qe::match_text(*corpus, first) == Naive(*corpus, first));
  CHECK(qe::match_text(*corpus, first).size() == 100);
  CHECK(qe::match_text(*corpus, second) == Naive(*corpus, second));
  CHECK(corpus->text_index.quotes_holding("wit"));  // a trigram alone in its bucket still is
}

TEST_CASE("a search answered from the sets refines from matches located later, all or some") {
  const auto corpus = CorpusOf(MixedTexts(300));
  for (std::size_t located : {std::size_t{0}, std::size_t{7}, std::size_t{100000}}) {
    CAPTURE(located);
    qe::TextSearch cea = qe::search_text(*corpus, "cea");
    CHECK(cea.offsets.empty());  // from the trigram's set: no key read
    CHECK_FALSE(qe::needs_locating(qe::search_text(*corpus, "ce")));
    CHECK(qe::needs_locating(cea));
    qe::locate_matches(*corpus, cea, located);
    CHECK(cea.offsets.size() == std::min(located, cea.quotes.size()));
    CHECK(qe::needs_locating(cea) == (located < cea.quotes.size()));
    for (const char* next : {"ceas", "ceasefire", "ceasefire t", "eas", "ceasefire talks"}) {
      CAPTURE(next);
      CHECK(qe::search_text(*corpus, next, &cea).quotes == Naive(*corpus, next));
    }
  }
}

TEST_CASE("the explorer locates the last search's matches while idle, and types on from them") {
  qe::Explorer explorer;
  REQUIRE(explorer.load(ArticleOf(MixedTexts(300)).dump(), "mixed.json").empty());
  const auto type = [&explorer](const char* text) {
    qe::Filter filter;
    filter.text = text;
    explorer.set_filter(filter);
  };
  CHECK_FALSE(explorer.has_idle_work());
  type("ce");  // a pair: the next keystroke is answered from the sets too
  CHECK_FALSE(explorer.has_idle_work());
  type("cea");
  // The loader indexes large corpora only: this one is scanned, so every match is located.
  CHECK_FALSE(explorer.has_idle_work());

  auto article = ArticleOf(MixedTexts(60000));  // search keys over kTextIndexMinBytes
  qe::Explorer large;
  REQUIRE(large.load(article.dump(), "large.json").empty());
  REQUIRE(large.corpus().text_index.built());
  qe::Filter filter;
  filter.text = "cea";
  large.set_filter(filter);
  const auto before = large.result().visible;
  REQUIRE(large.has_idle_work());
  large.do_idle_work(0);  // no time: nothing done
  CHECK(large.has_idle_work());
  for (int slices = 0; large.has_idle_work() && slices < 1000; ++slices) large.do_idle_work(1000);
  CHECK_FALSE(large.has_idle_work());
  CHECK(large.result().visible == before);  // nothing shown changes
  filter.text = "ceasefire t";
  large.set_filter(filter);
  CHECK(large.result().visible == Naive(large.corpus(), "ceasefire t"));
}

TEST_CASE("the explorer's search refines while typing and starts afresh after a deletion") {
  qe::Explorer explorer;
  REQUIRE(explorer.load(ArticleOf(MixedTexts(300)).dump(), "mixed.json").empty());
  for (const char* text : {"c", "ce", "cea", "ceasefire", "ceasefire t", "ceasefire", "cease", "Orbán", "orban s",
                           "", "x"}) {
    CAPTURE(text);
    qe::Filter filter;
    filter.text = text;
    explorer.set_filter(filter);
    const auto expected = *text ? qe::scan_text(explorer.corpus(), text) : std::vector<qe::QuoteIndex>{};
    if (*text) CHECK(explorer.result().visible == expected);
  }
}

TEST_CASE("an empty corpus and an empty index answer nothing") {
  qe::TextIndex index;
  CHECK_FALSE(index.candidate_blocks("abc"));  // never built
  index.build(qe::Corpus{});
  CHECK(index.block_count() == 0);
  REQUIRE(index.candidate_blocks("abc"));
  CHECK(index.candidate_blocks("abc")->empty());

  auto article = qe::test::SmallArticle();
  article["quotes"] = nlohmann::json::array();
  const auto loaded = qe::test::Load(article);
  REQUIRE(loaded.ok());
  CHECK(qe::match_text(*loaded.corpus, "talks").empty());
  CHECK(qe::match_text(*loaded.corpus, "t").empty());
  const auto talk = qe::search_text(*loaded.corpus, "talk");
  CHECK(qe::search_text(*loaded.corpus, "talks", &talk).quotes.empty());
  CHECK(qe::scan_text(*loaded.corpus, "talks").empty());
}

// MixedTexts said by two speakers in three kinds, so that counts over most quotes ("e",
// "c": the totals less the quotes that do not match) and over a few are checked per value.
qe::LoadResult MixedTextsOfTwoSpeakers() {
  auto article = ArticleOf(MixedTexts(300));
  for (std::size_t i = 0; i < article["quotes"].size(); ++i) {
    article["quotes"][i]["speaker"] = i % 5 ? "minister" : "kyiv";
    article["quotes"][i]["kind"] = std::vector<std::string>{"direct", "indirect", "mixed"}[i % 3];
  }
  return qe::test::Load(article);
}

TEST_CASE("a search alone counts facets as the general filter does") {
  const auto loaded = MixedTextsOfTwoSpeakers();
  REQUIRE(loaded.ok());
  const auto corpus = loaded.corpus;
  for (const char* text : {"e", "c", "ceasefire", "orban", "zygote", "no such words"}) {
    CAPTURE(text);
    qe::Filter alone;
    alone.text = text;
    qe::Filter general = alone;  // every kind ticked: the same quotes, through the general path
    general.kinds = {"direct", "indirect", "mixed"};
    qe::test::CheckSameResult(qe::apply_filter(*corpus, alone), qe::apply_filter(*corpus, general));
  }
}

// The counts of `result` equal those of the filter applied afresh.
void CheckCountsAfresh(const qe::Corpus& corpus, const qe::Filter& filter, const qe::FilterResult& result) {
  qe::test::CheckSameResult(result, qe::apply_filter(corpus, filter));
}

TEST_CASE("typing recounts from the last counts, with the counts of a search made afresh") {
  const auto loaded = MixedTextsOfTwoSpeakers();
  REQUIRE(loaded.ok());
  const qe::Corpus& corpus = *loaded.corpus;
  qe::FilterResult last = qe::apply_filter(corpus, qe::Filter{});
  // Narrowing ("c" to "cea"), widening ("ceasefire" to "fire"), unrelated and facet filters
  // in between, and the same again in review order (the last list is then not ascending).
  const std::vector<std::pair<std::string, std::vector<std::string>>> steps = {
      {"c", {}}, {"ce", {}}, {"cea", {}}, {"ceasefire", {}}, {"ceasefire t", {}}, {"fire", {}}, {"x", {}},
      {"x", {"mixed"}}, {"x", {}}, {"", {}}, {"e", {}}, {"zygote", {}}, {"", {}}};
  for (const bool review_order : {false, true}) {
    for (const auto& [text, kinds] : steps) {
      CAPTURE(text);
      qe::Filter filter;
      filter.text = text;
      filter.kinds = kinds;
      const auto matches = qe::match_text(corpus, text);
      last = qe::apply_filter(corpus, filter, text.empty() ? nullptr : &matches, std::move(last));
      CheckCountsAfresh(corpus, filter, last);
      if (review_order) std::reverse(last.visible.begin(), last.visible.end());
    }
  }
  // Another corpus: the last result's counts are not its own.
  const auto other = qe::test::Load(ArticleOf(MixedTexts(50)));
  REQUIRE(other.ok());
  qe::Filter filter;
  filter.text = "ce";
  const auto matches = qe::match_text(*other.corpus, "ce");
  last = qe::apply_filter(*other.corpus, filter, &matches, std::move(last));
  CheckCountsAfresh(*other.corpus, filter, last);
}

TEST_CASE("the loader indexes search keys of a megabyte or more, and scans a smaller corpus with the same answers") {
  const auto small = qe::test::Load(ArticleOf(MixedTexts(300)));
  REQUIRE(small.ok());
  CHECK_FALSE(small.corpus->text_index.built());
  const auto indexed = CorpusOf(MixedTexts(300));
  REQUIRE(indexed->text_index.built());
  for (const char* query : {"c", "ce", "r ", "ceasefire", "orban", "ЛАВРОВ", "zygote", "no such words"}) {
    CAPTURE(query);
    CHECK(qe::match_text(*small.corpus, query) == qe::match_text(*indexed, query));
  }

  std::vector<std::string> texts;
  for (int i = 0; i < 11000; ++i) texts.push_back("quote " + std::to_string(i) + std::string(90, 'x'));
  const auto large = qe::test::Load(ArticleOf(texts));
  REQUIRE(large.ok());
  REQUIRE(11000 * 100 >= qe::Corpus::kTextIndexMinBytes);  // 100 bytes a quote and more
  CHECK(large.corpus->text_index.built());
  CHECK(qe::match_text(*large.corpus, "quote 10999") == std::vector<qe::QuoteIndex>{10999});
}

TEST_CASE("a text index built a slice at a time after the load is the one built at once, and searches scan until then") {
  const auto article = ArticleOf(MixedTexts(60000));  // search keys over kTextIndexMinBytes
  qe::LoadLimits later;
  later.text_index_later = true;
  const auto at_once = qe::test::Load(article);
  const auto sliced = qe::load_corpus(article.dump(), "test.json", later);
  REQUIRE(at_once.ok());
  REQUIRE(sliced.ok());
  REQUIRE(at_once.corpus->text_index.built());
  const qe::Corpus& corpus = *sliced.corpus;
  CHECK_FALSE(corpus.text_index.built());
  REQUIRE(corpus.text_index_pending());
  const char* queries[] = {"c", "ce", "cea", "ceasefire t", "orban", "ЛАВРОВ", "zygote", "no such words"};
  for (const char* query : queries) CHECK(qe::match_text(corpus, query) == qe::match_text(*at_once.corpus, query));

  // Slices of an odd size, so that they end inside a block of 16 quotes and a word of 64.
  // Until the last, the sets (written as the second pass goes) answer nothing.
  int slices = 0;
  while (corpus.text_index_pending()) {
    CHECK_FALSE(corpus.text_index.quotes_holding("c"));
    CHECK_FALSE(corpus.text_index.candidate_quotes("ceasefire t"));
    corpus.build_text_index_slice(997), ++slices;
  }
  CHECK(slices == 2 * ((corpus.quotes.size() + 996) / 997));  // two passes
  REQUIRE(corpus.text_index.built());
  const qe::TextIndex& index = corpus.text_index;
  const qe::TextIndex& reference = at_once.corpus->text_index;
  CHECK(index.memory_bytes() == reference.memory_bytes());
  for (const char* query : queries) {
    CAPTURE(query);
    CHECK(index.candidate_quotes(query) == reference.candidate_quotes(query));
    CHECK(index.candidate_blocks(query) == reference.candidate_blocks(query));
    CHECK(qe::match_text(corpus, query) == qe::match_text(*at_once.corpus, query));
  }
  for (const char* gram : {"c", "ce", "cea", " t"}) {
    const std::uint64_t* mine = index.quotes_holding(gram);
    const std::uint64_t* theirs = reference.quotes_holding(gram);
    REQUIRE((mine != nullptr) == (theirs != nullptr));
    if (mine) CHECK(std::equal(mine, mine + index.quote_words(), theirs));
  }
}

TEST_CASE("the explorer builds a text index left for later while idle, and the search answers the same meanwhile") {
  qe::LoadLimits later;
  later.text_index_later = true;
  qe::Explorer explorer;
  REQUIRE(explorer.load(ArticleOf(MixedTexts(60000)).dump(), "large.json", later).empty());
  REQUIRE(explorer.has_idle_work());
  CHECK_FALSE(explorer.corpus().text_index.built());
  qe::Filter filter;
  filter.text = "ceasefire";
  explorer.set_filter(filter);  // before the index: a scan
  const auto scanned = explorer.result().visible;
  CHECK(scanned == Naive(explorer.corpus(), "ceasefire"));
  explorer.do_idle_work(0);  // no time: nothing done
  CHECK_FALSE(explorer.corpus().text_index.built());
  for (int frames = 0; explorer.has_idle_work() && frames < 10000; ++frames) explorer.do_idle_work(5);
  CHECK_FALSE(explorer.has_idle_work());
  CHECK(explorer.corpus().text_index.built());
  CHECK(explorer.result().visible == scanned);  // nothing shown changes
  filter.text = "ceasefire t";  // refines the scan's answer, now with the index
  explorer.set_filter(filter);
  CHECK(explorer.result().visible == Naive(explorer.corpus(), "ceasefire t"));
}

// Quotes read as their texts (ASCII, capitals included) beside quotes with stored keys
// (accents, typographic quotes, Cyrillic in either case),
// with punctuation whose byte differs from another's by 0x20 only ('@' and '`', '[' and '{',
// '^' and '~', '\' and '|', ']' and '}', '_' and DEL, ' ' and a control byte, digits and
// control bytes): a case bit given to any byte but 'a' to 'z' would match one for the other.
std::vector<std::string> CaseTexts() {
  return {"U.S. officials said CEASEFIRE Talks resume",
          "the u.s. envoy (@StateDept) wrote at 10:30",
          "Orbán said the U.S. was wrong",
          "Straße closed; STRASSE reopened",
          "\xE2\x80\x9CWe\xE2\x80\x99re ready,\xE2\x80\x9D he said",
          "сказал он 2024",
          "ПРЕЗИДЕНТ сказал",
          "`grave` and {brace} and ~tilde~ and |pipe| and }close",
          "AT@SIGN [X] ^Y _Z \\back ]close",
          "del\x7F and \x12\x0E\x1A bytes",
          "digits 2024 and 1999; US 10:30",
          "TALKS talks TaLkS"};
}

// CaseTexts in many blocks, in a random order, so the index's sets and blocks are used.
std::vector<std::string> ManyCaseTexts() {
  const auto texts = CaseTexts();
  std::mt19937 random(5);
  std::vector<std::string> many = texts;
  for (int i = 0; i < 300; ++i) many.push_back(texts[random() % texts.size()]);
  return many;
}

TEST_CASE("a quote keeps a search key only when its text is not all ASCII") {
  const auto loaded = qe::test::Load(ArticleOf(CaseTexts()));
  REQUIRE(loaded.ok());
  const qe::Corpus& corpus = *loaded.corpus;
  const std::vector<bool> keyed = {false, false, true, true, true, true, true, false, false, false, false, false};
  REQUIRE(corpus.quotes.size() == keyed.size());
  for (qe::QuoteIndex q = 0; q < corpus.quotes.size(); ++q) {
    CAPTURE(q);
    CHECK(corpus.quotes.search_keys.keyed(q) == keyed[q]);
    CHECK(corpus.search_bytes(q) == (keyed[q] ? qe::utf8::search_key(corpus.quote_text(q)) : corpus.quote_text(q)));
  }
  std::size_t key_bytes = 0;
  for (qe::QuoteIndex q = 0; q < corpus.quotes.size(); ++q) key_bytes += keyed[q] ? corpus.search_bytes(q).size() : 0;
  CHECK(corpus.quotes.search_keys.keys().size() == key_bytes);  // nothing kept for the others
}

TEST_CASE("no search key holds a capital A to Z, so comparing ignoring ASCII case is exact on keys") {
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string key = qe::utf8::search_key_of(c);
    if (std::any_of(key.begin(), key.end(), [](char b) { return b >= 'A' && b <= 'Z'; })) FAIL("U+" << std::hex << c);
  }
}

TEST_CASE("texts read in place and stored keys are searched alike, ignoring ASCII case only") {
  const std::vector<const char*> queries = {
      "u.s.", "U.S.", "u.s. officials", "the u.s. was", "@", "@state", "`", "[", "{", "^", "~", "\\", "|", "]", "}",
      "_", "\x7F", " ", "\x12", "2", "0", "10:30", "2024", "; us", "ceasefire talks", "CEASEFIRE", "talks talks",
      "orban", "U.S. WAS", "strasse", "STRASSE reopened", "we're", "\"we're ready,\"", "сказал", "президент", ".", "z",
      "s t", "at@s", "ready,\" he"};
  for (const bool indexed : {false, true}) {
    CAPTURE(indexed);
    const auto loaded = qe::test::Load(ArticleOf(ManyCaseTexts()));
    REQUIRE(loaded.ok());
    const auto& corpus = loaded.corpus;
    if (indexed) corpus->text_index.build(*corpus);
    for (const char* query : queries) {
      CAPTURE(query);
      const auto naive = Naive(*corpus, query);
      CHECK(qe::scan_text(*corpus, query) == naive);
      CHECK(qe::match_text(*corpus, query) == naive);
    }
    CHECK_FALSE(qe::match_text(*corpus, "`").empty());
    CHECK(qe::match_text(*corpus, "`").size() < qe::match_text(*corpus, " ").size());
    // Typed a byte at a time: refining reads the next bytes kept after each match, which
    // must be the key's (lower case) for a text read in place.
    for (const std::string typed : {"u.s. officials said ceasefire talks", "U.S. OFFICIALS", "the u.s. envoy (@s",
                                    "talks talks talks", "digits 2024 and 1999; us 10:30", "at@sign [x] ^y _z"}) {
      qe::TextSearch search;
      for (std::size_t n = 1; n <= typed.size(); ++n) {
        const std::string query = typed.substr(0, n);
        CAPTURE(query);
        search = qe::search_text(*corpus, query, std::move(search));
        while (qe::needs_locating(search)) qe::locate_matches(*corpus, search, 5);
        CHECK(search.quotes == Naive(*corpus, query));
        for (std::size_t i = 0; i < search.offsets.size(); ++i)
          CHECK(qe::utf8::search_key(corpus->quote_text(search.quotes[i])).find(search.needle) == search.offsets[i]);
      }
    }
  }
}
