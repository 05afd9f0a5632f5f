// The loader: what valid input becomes, and what every kind of bad input reports.
#include <doctest/doctest.h>

#include <functional>

#include "core/export.h"
#include "core/loader.h"
#include "fixtures.h"

using nlohmann::json;
using qe::test::Load;
using qe::test::SmallArticle;

TEST_CASE("the seed article loads with its speakers, countries and quotes") {
  const auto result = qe::load_corpus(qe::test::SeedArticleText(), "lavrov-european-troops.json");
  REQUIRE_MESSAGE(result.ok(), qe::describe_errors(result.errors));
  const qe::Corpus& corpus = *result.corpus;
  CHECK(corpus.articles.size() == 1);
  CHECK(corpus.articles[0].title.find("Lavrov") != std::string::npos);
  CHECK(corpus.articles[0].source.name == "Brussels Morning Newspaper");
  CHECK(corpus.articles[0].paragraph_count == 14);
  CHECK(corpus.speakers.size() == 5);
  CHECK(corpus.quotes.size() == 10);
  const auto lavrov = corpus.find_speakers("Lavrov");
  REQUIRE(lavrov.size() == 1);
  CHECK(corpus.quotes_by_speaker.of(lavrov[0]).size() == 4);
  CHECK(corpus.quotes_by_country.of(*qe::find_country("RU")).size() == 5);
  CHECK(corpus.quotes_by_country.of(*qe::find_country("UA")).size() == 2);
  CHECK(corpus.quotes_by_country.of(*qe::find_country("US")).size() == 3);
}

TEST_CASE("quotes are stored in reading order with byte spans that match their text") {
  auto article = SmallArticle();
  std::swap(article["quotes"][0], article["quotes"][1]);  // listed out of order
  const auto result = Load(article);
  REQUIRE(result.ok());
  const qe::QuoteTable& quotes = result.corpus->quotes;
  CHECK(quotes.id[0] == "q1");
  CHECK(quotes.id[1] == "q2");
  const std::string paragraph(result.corpus->paragraph(result.corpus->articles[0], 0));
  CHECK(paragraph.substr(quotes.start_byte[0], quotes.end_byte[0] - quotes.start_byte[0]) == "We will not give up,");
  CHECK(quotes.start_byte[0] == 3);  // after the three bytes of “
}

TEST_CASE("a quote's text and code point span are read from its paragraph, as the JSON gives them") {
  // No column holds them (corpus.h): both come from the paragraph and the byte span, on both
  // paths, and for paragraphs with multi-byte characters before and inside the span.
  for (const bool fast_path : {true, false}) {
    qe::LoadLimits limits;
    limits.fast_path = fast_path;
    const std::string text = qe::test::SeedArticleText();
    const auto result = qe::load_corpus(text, "seed.json", limits);
    REQUIRE_MESSAGE(result.ok(), qe::describe_errors(result.errors));
    const qe::Corpus& corpus = *result.corpus;
    const json document = json::parse(text);
    REQUIRE(corpus.quotes.size() == document["quotes"].size());
    for (const json& quote : document["quotes"]) {
      const auto q = corpus.find_quote(document["id"].get<std::string>(), quote["id"].get<std::string>());
      REQUIRE(q);
      CHECK(corpus.quote_text(*q) == quote["text"].get<std::string>());
      const qe::Corpus::CodePointSpan span = corpus.quote_code_points(*q);
      CHECK(span.start == quote["start"].get<std::uint32_t>());
      CHECK(span.end == quote["end"].get<std::uint32_t>());
    }
  }
  const auto small = Load(SmallArticle());
  REQUIRE(small.ok());
  CHECK(small.corpus->quote_text(0) == "We will not give up,");
  CHECK(small.corpus->quote_code_points(0).start == 1);  // after “, one code point of 3 bytes
  CHECK(small.corpus->quote_code_points(0).end == 21);
  CHECK(small.corpus->quote_text(1) == "talks continue");
  CHECK(small.corpus->quote_code_points(1).start == 10);
}

TEST_CASE("optional extraction fields: quote confidence and the article's extracted marker") {
  auto article = SmallArticle();
  article["quotes"][0]["confidence"] = 0.42;
  article["quotes"][1]["confidence"] = nullptr;
  article["extracted"] = {{"by", "quotes"}, {"reviewed", false}};
  auto result = Load(article);
  REQUIRE_MESSAGE(result.ok(), qe::describe_errors(result.errors));
  CHECK(result.corpus->quotes.confidence[0] == 42);
  CHECK(result.corpus->quotes.confidence[1] == qe::kNoConfidence);
  const qe::Article& extracted = result.corpus->articles[0];
  CHECK(extracted.extracted);
  CHECK_FALSE(extracted.reviewed);
  CHECK(extracted.extracted_by == "quotes");
  CHECK(extracted.needs_review());

  article["extracted"]["reviewed"] = true;
  article["quotes"][0]["confidence"] = 1;
  result = Load(article);
  REQUIRE(result.ok());
  CHECK(result.corpus->quotes.confidence[0] == 100);
  CHECK_FALSE(result.corpus->articles[0].needs_review());

  result = Load(SmallArticle());  // hand-annotated: neither field
  REQUIRE(result.ok());
  CHECK_FALSE(result.corpus->articles[0].extracted);
  CHECK(result.corpus->quotes.confidence[0] == qe::kNoConfidence);
}

TEST_CASE("a corpus merges speakers with equal ids across articles") {
  auto first = SmallArticle();
  auto second = SmallArticle();
  second["id"] = "second";
  second.erase("format");
  const json corpus = {{"format", "quote-explorer/corpus@1"}, {"articles", {first, second}}};
  const auto result = Load(corpus);
  REQUIRE_MESSAGE(result.ok(), qe::describe_errors(result.errors));
  CHECK(result.corpus->articles.size() == 2);
  CHECK(result.corpus->speakers.size() == 2);
  CHECK(result.corpus->quotes.size() == 4);
}

TEST_CASE("JSON Lines loads one article per line, with CRLF and blank lines") {
  auto second = SmallArticle();
  second["id"] = "second";
  const std::string text = SmallArticle().dump() + "\r\n\r\n" + second.dump() + "\r\n";
  const auto result = qe::load_corpus(text, "corpus.jsonl");
  REQUIRE_MESSAGE(result.ok(), qe::describe_errors(result.errors));
  CHECK(result.corpus->articles.size() == 2);
}

TEST_CASE("a UTF-8 byte order mark is accepted") {
  const auto result = qe::load_corpus("\xEF\xBB\xBF" + SmallArticle().dump(), "bom.json");
  CHECK(result.ok());
}

struct BadInput {
  const char* name;
  std::function<std::string()> input;
  const char* error;  // the first error, exactly as users see it
};

std::string Mutated(const std::function<void(json&)>& change) {
  json article = SmallArticle();
  change(article);
  return article.dump();
}

TEST_CASE("every kind of bad input is rejected with its location and what was expected") {
  const BadInput cases[] = {
      {"empty file", [] { return std::string(); },
       "test.json:1:1: the input is empty; expected an article or corpus JSON object"},
      {"truncated JSON", [] { return std::string("{\n  \"format\": \"quote-explorer/article@1\",\n  \"id\": "); },
       "test.json:3:9: invalid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
      {"trailing comma", [] { return std::string("{\"format\": 1,}"); },
       "test.json:1:14: invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal"},
      {"invalid UTF-8", [] { return std::string("{\"id\": \"caf\xE9\"}"); },
       "test.json:1:12: invalid UTF-8: byte 0xE9 does not start a valid sequence; expected UTF-8 text"},
      {"overlong UTF-8", [] { return std::string("{\"id\": \"\xC0\xAF\"}"); },
       "test.json:1:9: invalid UTF-8: byte 0xC0 does not start a valid sequence; expected UTF-8 text"},
      {"too deep", [] { return std::string(100, '[') + std::string(100, ']'); },
       "test.json:1:65: nesting deeper than 64 levels; expected an article (4 levels)"},
      {"top level array", [] { return std::string("[1, 2]"); },
       "test.json: /: expected an article or corpus object, found an array"},
      {"missing format", [] { return Mutated([](json& a) { a.erase("format"); }); },
       "test.json: /format: missing required field \"format\""},
      {"unknown format", [] { return Mutated([](json& a) { a["format"] = "quote-explorer/article@2"; }); },
       "test.json: /format: unknown format \"quote-explorer/article@2\"; expected \"quote-explorer/article@1\" or \"quote-explorer/corpus@1\""},
      {"format not a string", [] { return Mutated([](json& a) { a["format"] = 1; }); },
       "test.json: /format: expected a string, found the number 1"},
      {"missing id", [] { return Mutated([](json& a) { a.erase("id"); }); },
       "test.json: /id: missing required field \"id\""},
      {"empty id", [] { return Mutated([](json& a) { a["id"] = ""; }); },
       "test.json: /id: expected a non-empty string, found \"\""},
      {"title not a string", [] { return Mutated([](json& a) { a["title"] = json::array(); }); },
       "test.json: /title: expected a string, found an array"},
      {"source not an object", [] { return Mutated([](json& a) { a["source"] = "Reuters"; }); },
       "test.json: /source: expected an object or null, found the string \"Reuters\""},
      {"source url not a string", [] { return Mutated([](json& a) { a["source"]["url"] = 5; }); },
       "test.json: /source/url: expected a string or null, found the number 5"},
      {"published not a string", [] { return Mutated([](json& a) { a["published"] = 2025; }); },
       "test.json: /published: expected a string or null, found the number 2025"},
      {"paragraphs missing", [] { return Mutated([](json& a) { a.erase("paragraphs"); }); },
       "test.json: /paragraphs: missing required field \"paragraphs\""},
      {"paragraph not a string", [] { return Mutated([](json& a) { a["paragraphs"][1] = json::object(); }); },
       "test.json: /paragraphs/1: expected a paragraph string, found an object"},
      {"speakers not an array", [] { return Mutated([](json& a) { a["speakers"] = json::object(); }); },
       "test.json: /speakers: expected an array, found an object"},
      {"speaker not an object", [] { return Mutated([](json& a) { a["speakers"][1] = "kyiv"; }); },
       "test.json: /speakers/1: expected a speaker object, found the string \"kyiv\""},
      {"speaker without name", [] { return Mutated([](json& a) { a["speakers"][0].erase("name"); }); },
       "test.json: /speakers/0/name: missing required field \"name\""},
      {"duplicate speaker id", [] { return Mutated([](json& a) { a["speakers"][1]["id"] = "minister"; }); },
       "test.json: /speakers/1/id: duplicate speaker id \"minister\"; expected each speaker once per article"},
      {"alias not a string", [] { return Mutated([](json& a) { a["speakers"][0]["aliases"][0] = true; }); },
       "test.json: /speakers/0/aliases/0: expected an alias string, found true"},
      {"unknown speaker kind", [] { return Mutated([](json& a) { a["speakers"][0]["kind"] = "robot"; }); },
       "test.json: /speakers/0/kind: unknown speaker kind \"robot\"; expected \"person\", \"organization\" or \"group\""},
      {"lower-case country", [] { return Mutated([](json& a) { a["speakers"][0]["country"] = "ua"; }); },
       "test.json: /speakers/0/country: \"ua\" is not an ISO 3166-1 alpha-2 country code; did you mean \"UA\"? Codes are upper case"},
      {"unassigned country", [] { return Mutated([](json& a) { a["speakers"][0]["country"] = "XK"; }); },
       "test.json: /speakers/0/country: \"XK\" is not an ISO 3166-1 alpha-2 country code; expected two upper-case letters such as \"RU\", or null"},
      {"country name instead of code", [] { return Mutated([](json& a) { a["speakers"][0]["country"] = "Ukraine"; }); },
       "test.json: /speakers/0/country: \"Ukraine\" is not an ISO 3166-1 alpha-2 country code; expected two upper-case letters such as \"RU\", or null"},
      {"quotes missing", [] { return Mutated([](json& a) { a.erase("quotes"); }); },
       "test.json: /quotes: missing required field \"quotes\""},
      {"quote not an object", [] { return Mutated([](json& a) { a["quotes"][0] = 7; }); },
       "test.json: /quotes/0: expected a quote object, found the number 7"},
      {"dangling speaker", [] { return Mutated([](json& a) { a["quotes"][1]["speaker"] = "putin"; }); },
       "test.json: /quotes/1/speaker: unknown speaker \"putin\"; expected one of the article's speaker ids: kyiv, minister"},
      {"unknown quote kind", [] { return Mutated([](json& a) { a["quotes"][0]["kind"] = "paraphrase"; }); },
       "test.json: /quotes/0/kind: unknown quote kind \"paraphrase\"; expected \"direct\", \"indirect\" or \"mixed\""},
      {"duplicate quote id", [] { return Mutated([](json& a) { a["quotes"][1]["id"] = "q1"; }); },
       "test.json: /quotes/1/id: duplicate quote id \"q1\"; expected each quote id once per article"},
      {"empty quote text", [] { return Mutated([](json& a) { a["quotes"][0]["text"] = ""; }); },
       "test.json: /quotes/0/text: expected a non-empty string, found \"\""},
      {"negative start", [] { return Mutated([](json& a) { a["quotes"][0]["start"] = -1; }); },
       "test.json: /quotes/0/start: expected a non-negative integer, found the number -1"},
      {"fractional end", [] { return Mutated([](json& a) { a["quotes"][0]["end"] = 20.5; }); },
       "test.json: /quotes/0/end: expected a non-negative integer, found the number 20.5"},
      {"paragraph out of range", [] { return Mutated([](json& a) { a["quotes"][1]["paragraph"] = 2; }); },
       "test.json: /quotes/1/paragraph: paragraph 2 does not exist; expected 0 to 1"},
      {"end before start", [] { return Mutated([](json& a) { a["quotes"][0]["end"] = 1; }); },
       "test.json: /quotes/0/end: end 1 is not after start 1; expected start < end"},
      {"end past the paragraph", [] { return Mutated([](json& a) { a["quotes"][1]["end"] = 99; }); },
       "test.json: /quotes/1/end: end 99 is past the end of paragraph 1 (25 code points); expected at most 25"},
      {"span off by one", [] { return Mutated([](json& a) { a["quotes"][0]["start"] = 0; a["quotes"][0]["end"] = 20; }); },
       "test.json: /quotes/0/text: span [0, 20) of paragraph 0 reads \"“We will not give up\"; expected it to equal the "
       "quote's text \"We will not give up,\" (the text is at start 1, end 21)"},
      {"span counted in bytes", [] { return Mutated([](json& a) { a["quotes"][0]["start"] = 3; a["quotes"][0]["end"] = 23; }); },
       "test.json: /quotes/0/text: span [3, 23) of paragraph 0 reads \" will not give up,” \"; expected it to equal the "
       "quote's text \"We will not give up,\" (the text is at start 1, end 21)"},
      {"confidence above 1", [] { return Mutated([](json& a) { a["quotes"][1]["confidence"] = 1.5; }); },
       "test.json: /quotes/1/confidence: expected a number from 0 to 1, or null, found the number 1.5"},
      {"confidence as a string", [] { return Mutated([](json& a) { a["quotes"][0]["confidence"] = "high"; }); },
       "test.json: /quotes/0/confidence: expected a number from 0 to 1, or null, found the string \"high\""},
      {"extracted not an object", [] { return Mutated([](json& a) { a["extracted"] = true; }); },
       "test.json: /extracted: expected an object or null, found true"},
      {"extracted.reviewed not a boolean", [] { return Mutated([](json& a) { a["extracted"] = {{"by", "quotes"}, {"reviewed", "no"}}; }); },
       "test.json: /extracted/reviewed: expected true, false or null, found the string \"no\""},
      {"corpus without articles", [] { return std::string(R"({"format": "quote-explorer/corpus@1"})"); },
       "test.json: /articles: missing required field \"articles\""},
      {"corpus with no article", [] { return std::string(R"({"format": "quote-explorer/corpus@1", "articles": []})"); },
       "test.json:1:1: the input holds no article; expected at least one"},
      {"duplicate article ids in a corpus", [] {
         return json{{"format", "quote-explorer/corpus@1"}, {"articles", {SmallArticle(), SmallArticle()}}}.dump();
       }, "test.json: /articles/1/id: duplicate article id \"small\"; expected each article id once in a corpus"},
      {"a bad article inside a corpus", [] {
         json bad = SmallArticle();
         bad["id"] = "bad";
         bad["quotes"][0]["paragraph"] = "0";
         return json{{"format", "quote-explorer/corpus@1"}, {"articles", {SmallArticle(), bad}}}.dump();
       }, "test.json: /articles/1/quotes/0/paragraph: expected a non-negative integer, found the string \"0\""},
      {"a bad line in JSON Lines", [] {
         json bad = SmallArticle();
         bad["id"] = "bad";
         bad["speakers"][0]["country"] = "EU";
         return SmallArticle().dump() + "\n" + bad.dump() + "\n";
       }, "test.json:2: /speakers/0/country: \"EU\" is not an ISO 3166-1 alpha-2 country code; expected two upper-case letters such as \"RU\", or null"},
      {"duplicate key", [] { return std::string(R"({"format": "quote-explorer/article@1", "id": "a", "id": "b"})"); },
       "test.json: /id: duplicate key \"id\"; expected each key once per object"},
      {"duplicate key deep inside", [] {
         std::string text = SmallArticle().dump();
         const std::string name = "\"name\":\"Ukrainian government\"";
         return text.replace(text.find(name), name.size(), name + ",\"name\":\"Kyiv\"");
       }, "test.json: /speakers/1/name: duplicate key \"name\"; expected each key once per object"},
      {"duplicate key in JSON Lines", [] { return SmallArticle().dump() + "\n{\"id\": 1, \"id\": 2}\n"; },
       "test.json:2: /id: duplicate key \"id\"; expected each key once per object"},
      {"malformed JSON Lines", [] { return SmallArticle().dump() + "\n{\"id\": \n"; },
       "test.json:2:8: invalid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
  };
  for (const BadInput& bad : cases) {
    CAPTURE(bad.name);
    const auto result = qe::load_corpus(bad.input(), "test.json");
    CHECK_FALSE(result.ok());
    REQUIRE_FALSE(result.errors.empty());
    CHECK(result.errors.front().to_string() == bad.error);
  }
}

TEST_CASE("all errors of a hand-written article are reported at once, up to the limit") {
  const std::string text = Mutated([](json& a) {
    a["speakers"][0]["country"] = "ua";
    a["quotes"][0]["kind"] = "quote";
    a["quotes"][1]["speaker"] = "nobody";
  });
  const auto result = qe::load_corpus(text, "test.json");
  CHECK(result.errors.size() == 3);
  qe::LoadLimits limits;
  limits.max_errors = 2;
  CHECK(qe::load_corpus(text, "test.json", limits).errors.size() == 2);
}

TEST_CASE("limits turn oversized input into errors, not aborts") {
  qe::LoadLimits limits;
  limits.max_input_bytes = 100;
  auto result = qe::load_corpus(SmallArticle().dump(), "big.json", limits);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].message.find("expected at most 100") != std::string::npos);

  limits = qe::LoadLimits{};
  limits.max_quotes = 1;
  result = qe::load_corpus(SmallArticle().dump(), "many.json", limits);
  REQUIRE_FALSE(result.ok());
  CHECK(result.errors[0].to_string() == "many.json: /quotes: more than 1 quotes in all; expected at most that many");
}

TEST_CASE("one-line JSON stays a document, and a one-article .jsonl file is JSON Lines") {
  const json corpus = {{"format", "quote-explorer/corpus@1"}, {"articles", {SmallArticle()}}};
  auto result = qe::load_corpus(corpus.dump() + "\n", "corpus.json");  // jq -c output
  CHECK_MESSAGE(result.ok(), qe::describe_errors(result.errors));
  auto article = SmallArticle();
  article.erase("format");
  result = qe::load_corpus(article.dump(), "one.jsonl");
  CHECK_MESSAGE(result.ok(), qe::describe_errors(result.errors));
  result = qe::load_corpus(article.dump(), "one.json");
  REQUIRE_FALSE(result.ok());
  CHECK(result.errors[0].to_string() == "one.json: /format: missing required field \"format\"");
}

TEST_CASE("positions after a byte order mark count from the first character") {
  const auto result = qe::load_corpus("\xEF\xBB\xBF{\"a\": }", "bom.json");
  REQUIRE_FALSE(result.ok());
  CHECK(result.errors[0].to_string().rfind("bom.json:1:7: invalid JSON", 0) == 0);
}

TEST_CASE("an unknown speaker's message lists at most ten of the article's speakers") {
  auto article = SmallArticle();
  for (int i = 0; i < 10; ++i) article["speakers"].push_back({{"id", "extra-" + std::to_string(i)}, {"name", "Extra"}});
  article["quotes"][1]["speaker"] = "nobody";
  const auto result = Load(article);
  REQUIRE_FALSE(result.ok());
  CHECK(result.errors[0].to_string() ==
        "test.json: /quotes/1/speaker: unknown speaker \"nobody\"; expected one of the article's speaker ids: "
        "extra-0, extra-1, extra-2, extra-3, extra-4, extra-5, extra-6, extra-7, extra-8, extra-9 … and 2 more");
}

TEST_CASE("thousands of quotes in one long paragraph get their exact byte spans") {
  std::string paragraph;
  std::size_t code_points = 0;
  json quotes = json::array();
  for (int i = 0; i < 5000; ++i) {
    const std::string number = std::to_string(i);
    const std::string text = "«" + number + "»";  // two-byte guillemets: bytes != code points
    quotes.push_back({{"id", "q" + number}, {"speaker", "kyiv"}, {"kind", "indirect"}, {"text", text},
                      {"paragraph", 0}, {"start", code_points}, {"end", code_points + number.size() + 2}});
    paragraph += text + " ";
    code_points += number.size() + 3;
  }
  auto article = SmallArticle();
  article["paragraphs"] = {paragraph};
  article["quotes"] = quotes;
  const auto result = Load(article);
  REQUIRE_MESSAGE(result.ok(), qe::describe_errors(result.errors));
  const qe::QuoteTable& table = result.corpus->quotes;
  CHECK(table.size() == 5000);
  CHECK(paragraph.substr(table.start_byte[4999], table.end_byte[4999] - table.start_byte[4999]) == "«4999»");
}

TEST_CASE("JSON Lines with skip_invalid loads the valid lines and lists each skipped one with its errors") {
  json bad = SmallArticle();
  bad["id"] = "later";
  bad["speakers"].push_back({{"id", "ghost"}, {"name", "Bad Ghost"}});  // registered, then undone
  bad["quotes"][0]["kind"] = "shouted";
  json good = SmallArticle();
  good["id"] = "later";                                                // the skipped line's id is free
  good["speakers"].push_back({{"id", "ghost"}, {"name", "Good Ghost"}});
  const std::string text = SmallArticle().dump() + "\n" + bad.dump() + "\n{\"id\": \n\n" + good.dump() + "\n";

  const auto strict = qe::load_corpus(text, "corpus.jsonl");  // the default rejects the file
  REQUIRE_FALSE(strict.ok());
  CHECK(strict.errors.front().line == 2);
  CHECK(strict.skipped.empty());

  qe::LoadLimits limits;
  limits.skip_invalid = true;
  const auto result = qe::load_corpus(text, "corpus.jsonl", limits);
  REQUIRE_MESSAGE(result.ok(), qe::describe_errors(result.errors));
  CHECK(result.errors.empty());
  CHECK(result.corpus->articles.size() == 2);
  CHECK(result.corpus->articles[1].id == "later");
  REQUIRE(result.corpus->speaker_by_id("ghost"));
  CHECK(result.corpus->speakers[*result.corpus->speaker_by_id("ghost")].name == "Good Ghost");
  REQUIRE(result.skipped.size() == 2);
  CHECK(result.skipped[0].line == 2);
  REQUIRE_FALSE(result.skipped[0].errors.empty());
  CHECK(result.skipped[0].errors[0].to_string().rfind("corpus.jsonl:2: /quotes/0/kind: unknown quote kind", 0) == 0);
  CHECK(result.skipped[1].line == 3);
  CHECK(result.skipped[1].errors[0].to_string().rfind("corpus.jsonl:3:8: invalid JSON", 0) == 0);
  CHECK(result.corpus->quotes.size() == 4);
}

TEST_CASE("paragraphs live in one pool, each article's a contiguous run in article order, on both paths") {
  json second = SmallArticle();
  second["id"] = "second";
  second["paragraphs"] = {"Éa “x”", "", "Kyiv said talks continue."};  // an empty one, and non-ASCII
  second["quotes"] = json::array({SmallArticle()["quotes"][1]});
  second["quotes"][0]["paragraph"] = 2;
  json bad = SmallArticle();
  bad["id"] = "bad";
  bad["paragraphs"] = {"Never stored.", "Not this either."};
  bad["quotes"][0]["kind"] = "shouted";  // refused after its paragraphs were read
  const std::string text = SmallArticle().dump() + "\n" + bad.dump() + "\n" + second.dump() + "\n";
  for (const bool fast_path : {true, false}) {
    qe::LoadLimits limits;
    limits.fast_path = fast_path;
    limits.skip_invalid = true;
    const auto result = qe::load_corpus(text, "corpus.jsonl", limits);
    REQUIRE_MESSAGE(result.ok(), qe::describe_errors(result.errors));
    const qe::Corpus& corpus = *result.corpus;
    REQUIRE(corpus.articles.size() == 2);
    CHECK(corpus.paragraphs.size() == 5);  // the refused article's left nothing behind
    std::uint32_t next = 0;
    for (std::size_t a = 0; a < 2; ++a) {
      const qe::Article& article = corpus.articles[a];
      const json paragraphs = (a == 0 ? SmallArticle() : second)["paragraphs"];
      CHECK(article.first_paragraph == next);
      REQUIRE(article.paragraph_count == paragraphs.size());
      for (std::uint32_t p = 0; p < article.paragraph_count; ++p)
        CHECK(corpus.paragraph(article, p) == paragraphs[p].get<std::string>());
      next += article.paragraph_count;
    }
    CHECK(corpus.quote_text(2) == "talks continue");
    CHECK(qe::export_article(corpus, 1)["paragraphs"].dump() == second["paragraphs"].dump());
  }
}

TEST_CASE("JSON Lines with skip_invalid and no valid line is an error, and loads nothing") {
  json bad = SmallArticle();
  bad["quotes"][0]["kind"] = "shouted";
  qe::LoadLimits limits;
  limits.skip_invalid = true;
  const auto result = qe::load_corpus(bad.dump() + "\nnot json\n", "corpus.jsonl", limits);
  CHECK_FALSE(result.ok());
  REQUIRE(result.errors.size() >= 3);
  CHECK(result.errors[0].line == 1);
  CHECK(result.errors[1].line == 2);
  CHECK(result.errors.back().message.find("no valid line") == 0);
  CHECK(result.skipped.size() == 2);
  // A single document is all or nothing, with or without the option.
  CHECK_FALSE(qe::load_corpus(bad.dump(), "article.json", limits).ok());
}
