// The loader's fast path (ArticleReader): it reads valid articles itself, hands anything else
// to the careful path, and so loads exactly what the careful path alone loads, with the same
// errors (LoadLimits::fast_path off). tests/fuzz/fuzz_fast_path.cpp checks the same on
// random inputs.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>

#include "core/article_reader.h"
#include "core/loader.h"
#include "fixtures.h"
#include "../load_fingerprint.h"

using nlohmann::json;
using qe::test::Fingerprint;
using qe::test::SmallArticle;

namespace {

qe::LoadResult Streamed(std::string_view text, const std::string& name, const qe::LoadLimits& limits) {
  qe::StreamLoader loader(name, limits);
  for (std::size_t at = 0; at < text.size(); at += 7)
    if (!loader.feed(text.substr(at, 7))) break;
  return loader.finish();
}

// `text` loads the same with and without the fast path: whole and streamed.
void CheckSameBothWays(const std::string& text, const std::string& name, qe::LoadLimits limits = {}) {
  limits.fast_path = false;
  const std::string careful = Fingerprint(qe::load_corpus(text, name, limits));
  const std::string careful_streamed = Fingerprint(Streamed(text, name, limits));
  limits.fast_path = true;
  CHECK_MESSAGE(Fingerprint(qe::load_corpus(text, name, limits)) == careful, name << ": " << text.substr(0, 300));
  CHECK_MESSAGE(Fingerprint(Streamed(text, name, limits)) == careful_streamed, name << " streamed: " << text.substr(0, 300));
}

// One article as a document on its own (which must name the article format), as a JSON
// Lines file (with a second line, so the first is not the whole file) and inside a corpus@1
// document, beside a valid article.
void CheckArticleBothWays(const std::string& article, qe::LoadLimits limits = {}) {
  CheckSameBothWays(article, "article.json", limits);
  json other = SmallArticle();
  other["id"] = "other";
  other.erase("format");
  CheckSameBothWays(article + "\n" + other.dump() + "\n", "test.jsonl", limits);
  CheckSameBothWays(other.dump() + "\n" + article + "\n", "test.jsonl", limits);
  limits.skip_invalid = true;
  CheckSameBothWays(article + "\n" + other.dump() + "\n", "test.jsonl", limits);
  limits.skip_invalid = false;
  CheckSameBothWays(R"({"format": "quote-explorer/corpus@1", "articles": [)" + other.dump() + ",\n" + article + "]}",
                    "test.json", limits);
}

// The small article with `change` made to it, as compact JSON.
std::string Changed(const std::function<void(json&)>& change) {
  json article = SmallArticle();
  change(article);
  return article.dump();
}

}  // namespace

TEST_CASE("the fast path reads valid articles itself") {
  qe::LoadLimits limits;
  qe::ArticleReader reader(limits);
  for (const std::string& text : {SmallArticle().dump(), SmallArticle().dump(2), qe::test::SeedArticleText()}) {
    const qe::ArticleRecord* record = reader.read(text);
    REQUIRE(record != nullptr);
    CHECK(!record->quotes.empty());
  }
  const std::string text = SmallArticle().dump();  // the record's strings are views of it
  const qe::ArticleRecord* record = reader.read(text);
  REQUIRE(record != nullptr);
  CHECK(record->id == "small");
  CHECK(record->source_name == "Test Wire");
  REQUIRE(record->quotes.size() == 2);
  CHECK(record->quotes[0].start_byte == 3);  // after the 3-byte “
  CHECK(record->quotes[0].end_byte == 23);
  CHECK(record->speakers[record->quotes[1].speaker].id == "kyiv");
}

TEST_CASE("the fast path hands what is wrong or unusual to the careful path") {
  qe::LoadLimits limits;
  qe::ArticleReader reader(limits);
  for (const std::string& text :
       {Changed([](json& a) { a["quotes"][0]["start"] = 2; }), Changed([](json& a) { a["speakers"][0]["country"] = "ua"; }),
        Changed([](json& a) { a.erase("title"); }), Changed([](json& a) { a["quotes"][1]["speaker"] = "nobody"; }),
        std::string(R"({"id": "x", "id": "y"})"), std::string(R"({"i\u0064": "x"})"), std::string("{"),
        SmallArticle().dump() + " x"})
    CHECK_MESSAGE(reader.read(text) == nullptr, text);
}

TEST_CASE("every bad input loads the same with and without the fast path") {
  const std::filesystem::path dir = std::filesystem::path(QE_SOURCE_DIR) / "tests/data/bad";
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json" && entry.path().extension() != ".jsonl") continue;
    const std::string text = qe::test::ReadFile(entry.path().string());
    CheckSameBothWays(text, entry.path().filename().string());
    const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_object()) CheckArticleBothWays(parsed.dump());
    ++files;
  }
  CHECK(files > 50);
}

TEST_CASE("escapes, numbers, unknown members and limits read the same both ways") {
  const std::string article = SmallArticle().dump();
  const auto replaced = [&](std::string_view from, std::string_view to) {
    std::string text = article;
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
  };
  for (const std::string& text : {
           article,
           replaced(R"("title":"A small article")", R"("title":"A \"small\" \\ \/ \b\f\n\r\t article \u00e9\u20AC\ud83d\ude00")"),
           replaced(R"("title":"A small article")", R"("title":"\ud83d")"),           // a lone surrogate
           replaced(R"("title":"A small article")", R"("title":"\udc00\ud83d")"),
           replaced(R"("title":"A small article")", R"("title":"\u00zz")"),
           replaced(R"("title":"A small article")", "\"title\":\"tab\there\""),       // a raw control
           replaced(R"("title":"A small article")", R"("title":"A small article","extra":{"a":[1,2.5e3,-0,true,null,{"b":"c"}]})"),
           replaced(R"("title":"A small article")", R"("title":"A small article","extra":{"a":1,"a":2})"),
           replaced(R"("title":"A small article")", R"("title":"A small article","extra":1e400)"),
           replaced(R"("title":"A small article")", R"("title":"A small article","extra":01)"),
           replaced(R"("title":"A small article")", R"("title":"A small article","extra":-)"),
           replaced(R"("title":"A small article")", R"("title":"A small article","extra":[1,])"),
           replaced(R"("title":"A small article")", R"("title":"A small article","extra":tru)"),
           replaced(R"("title":"A small article")", R"("title":"A small article","title":"again")"),
           replaced(R"("title":"A small article")", R"("title":"A small article","\u0074itle":"again")"),
           replaced(R"("paragraph":0)", R"("paragraph":-0)"),
           replaced(R"("paragraph":0)", R"("paragraph":0.0)"),
           replaced(R"("paragraph":0)", R"("paragraph":4294967296)"),
           replaced(R"("paragraph":0)", R"("paragraph":00)"),
           replaced(R"("cue":"said")", R"("cue":"said","confidence":0.875)"),
           replaced(R"("cue":"said")", R"("cue":"said","confidence":1)"),
           replaced(R"("cue":"said")", R"("cue":"said","confidence":-0.0)"),
           replaced(R"("cue":"said")", R"("cue":"said","confidence":1.5)"),
           replaced(R"("cue":"said")", R"("cue":"said","confidence":"high")"),
           replaced(R"("cue":"said")", R"("cue":"said","reviewed":true)"),
           replaced(R"("cue":"said")", R"("cue":null,"reviewed":null)"),
           replaced(R"("kind":"person")", R"("kind":"")"),
           replaced(R"("kind":"person")", R"("kind":null)"),
           replaced(R"("country":"UA")", R"("country":"")"),
           replaced(R"("country":"UA")", R"("country":null)"),
           replaced(R"("aliases":["Minister"])", R"("aliases":null)"),
           replaced(R"("aliases":["Minister"])", R"("aliases":[1])"),
           replaced(R"("format":"quote-explorer/article@1")", R"("format":"")"),
           replaced(R"("format":"quote-explorer/article@1")", R"("format":"quote-explorer/corpus@1")"),
           replaced(R"("source":{"name":"Test Wire","url":null})", R"("source":null,"extracted":{"by":"quotes","reviewed":true})"),
           replaced(R"("source":{"name":"Test Wire","url":null})", R"("source":[],"extracted":null)"),
           replaced(R"("id":"q2")", R"("id":"q1")"),
           replaced(R"("id":"kyiv")", R"("id":"minister")"),
           replaced("{", " \t{ "),
       }) {
    CheckArticleBothWays(text);
  }
}

TEST_CASE("quotes out of order, shared speakers and duplicate article ids read the same both ways") {
  json first = SmallArticle();
  std::swap(first["quotes"][0], first["quotes"][1]);
  json second = SmallArticle();
  second["id"] = "second";
  second["speakers"][0]["name"] = "Another description";
  json third = SmallArticle();  // the first's id again
  const std::string lines = first.dump() + "\n" + second.dump() + "\n";
  CheckSameBothWays(lines, "test.jsonl");
  CheckSameBothWays(lines + third.dump() + "\n", "test.jsonl");
  qe::LoadLimits limits;
  limits.skip_invalid = true;
  CheckSameBothWays(lines + third.dump() + "\n" + second.dump() + "\n", "test.jsonl", limits);
  // An invalid article first: the later valid ones are still checked against each other.
  json broken = SmallArticle();
  broken["id"] = "broken";
  broken["quotes"][0]["end"] = 99;
  CheckSameBothWays(broken.dump() + "\n" + lines + third.dump() + "\n", "test.jsonl");
}

TEST_CASE("speaker and quote references check the same both ways, in articles with few and with many of them") {
  for (const int count : {3, 16, 17, 40}) {  // pairwise up to 16, sorted beyond
    json article = SmallArticle();
    std::string paragraph;
    article["speakers"] = json::array();
    article["quotes"] = json::array();
    for (int i = 0; i < count; ++i) {
      const std::string word = "w" + std::to_string(i);
      article["speakers"].push_back({{"id", "s" + std::to_string(i)}, {"name", "Speaker " + std::to_string(i)}});
      article["quotes"].push_back({{"id", "q" + std::to_string(i)}, {"speaker", "s" + std::to_string(count - 1 - i)},
                                   {"kind", "direct"}, {"text", word}, {"paragraph", 0},
                                   {"start", paragraph.size()}, {"end", paragraph.size() + word.size()}});
      paragraph += word + " ";
    }
    article["paragraphs"] = {paragraph};
    qe::LoadLimits limits;
    qe::ArticleReader reader(limits);
    CHECK_MESSAGE(reader.read(article.dump()) != nullptr, count);  // the fast path reads it itself
    CheckArticleBothWays(article.dump());
    const int last = count - 1;
    for (const auto& change : std::vector<std::function<void(json&)>>{
             [&](json& a) { a["speakers"][last]["id"] = "s0"; },       // a speaker id twice
             [&](json& a) { a["quotes"][last]["id"] = "q0"; },         // a quote id twice
             [&](json& a) { a["quotes"][last]["speaker"] = "nobody"; },  // an unknown speaker
             [&](json& a) { a["quotes"][0]["speaker"] = "s"; }}) {     // a prefix of an id
      json changed = article;
      change(changed);
      CHECK_MESSAGE(reader.read(changed.dump()) == nullptr, count);
      CheckArticleBothWays(changed.dump());
    }
  }
}

TEST_CASE("the limits stop the fast path where they stop the careful one") {
  const std::string article = SmallArticle().dump();
  qe::LoadLimits limits;
  for (std::size_t bytes : {8, 20, 21, 22, 40, 41, 42}) {
    limits.max_string_bytes = bytes;
    CheckArticleBothWays(article, limits);
  }
  limits = {};
  for (std::size_t depth : {2, 3, 4, 5}) {
    limits.max_nesting_depth = depth;
    CheckArticleBothWays(article, limits);
  }
  limits = {};
  for (std::uint64_t bytes : {1000, 10000, 100000}) {
    limits.max_parse_bytes = bytes;
    CheckArticleBothWays(article, limits);
  }
  limits = {};
  for (std::size_t quotes : {1, 2, 3, 4}) {
    limits.max_quotes = quotes;
    CheckArticleBothWays(article, limits);
  }
}
