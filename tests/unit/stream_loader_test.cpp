// StreamLoader: bytes fed in any pieces load exactly as load_corpus loads them whole.
#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <random>

#include "core/explorer.h"
#include "core/loader.h"
#include "fixtures.h"
#include "../load_fingerprint.h"

using nlohmann::json;
using qe::test::Fingerprint;
using qe::test::SmallArticle;

namespace {

qe::LoadResult Streamed(std::string_view text, const std::string& name, const std::vector<std::size_t>& cuts,
                        const qe::LoadLimits& limits = {}) {
  qe::StreamLoader loader(name, limits);
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    if (!loader.feed(text.substr(from, cut - from))) return loader.finish();
    from = cut;
  }
  loader.feed(text.substr(from));
  return loader.finish();
}

// Where a cut can change how bytes are read: next to anything but a plain letter or space
// (quotes, escapes, brackets, digits, line ends, UTF-8 sequences). The test documents repeat
// one article's shape, so every such place is tried in the first third and the last bytes;
// elsewhere every 16th byte. (Trying every byte of every document took minutes under the
// sanitizers: cutting inside a run of letters is the same case however often it is tried.)
bool InterestingCut(const std::string& text, std::size_t cut) {
  if (cut % 16 == 0 || cut + 64 >= text.size()) return true;
  if (cut > text.size() / 3) return false;
  const auto plain = [&](std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    return c == ' ' || (c < 0x80 && std::isalpha(c));
  };
  return !plain(cut) || !plain(cut - 1);
}

// Every interesting way of cutting `text` in two, and one-byte pieces, give load_corpus's result.
void CheckEverySplit(const std::string& text, const std::string& name, const qe::LoadLimits& limits = {}) {
  const std::string expected = Fingerprint(qe::load_corpus(text, name, limits));
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    if (!InterestingCut(text, cut)) continue;
    const std::string got = Fingerprint(Streamed(text, name, {cut}, limits));
    if (got != expected) {
      CHECK_MESSAGE(got == expected, name << " cut at " << cut);
      return;
    }
  }
  std::vector<std::size_t> every(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) every[i] = i;
  CHECK_MESSAGE(Fingerprint(Streamed(text, name, every, limits)) == expected, name << " in one-byte pieces");
}

// A corpus@1 document with "format" first, as people and JSON.stringify write it (nlohmann's
// dump() sorts keys, which would put "articles" first).
std::string CorpusDocument(const std::vector<json>& articles, const std::string& separator = ",\n  ") {
  std::string text = "{\"format\": \"quote-explorer/corpus@1\", \"articles\": [\n  ";
  for (std::size_t i = 0; i < articles.size(); ++i) text += (i ? separator : "") + articles[i].dump(2);
  return text + "\n]}\n";
}

std::vector<json> ThreeArticles() {
  std::vector<json> articles;
  for (const char* id : {"a", "b", "c"}) {
    json article = SmallArticle();
    article.erase("format");
    article["id"] = id;
    articles.push_back(article);
  }
  articles[2]["title"] = "Ünïcode “title” — ok";
  return articles;
}

std::string JsonLines(const std::vector<json>& articles, const std::string& line_end = "\n") {
  std::string text;
  for (const json& article : articles) text += article.dump() + line_end;
  return text;
}

}  // namespace

TEST_CASE("a corpus@1 document streams article by article, cut anywhere") {
  const auto articles = ThreeArticles();
  const std::string text = CorpusDocument(articles);
  const auto whole = qe::load_corpus(text, "corpus.json");
  REQUIRE_MESSAGE(whole.ok(), qe::describe_errors(whole.errors));
  CHECK(whole.corpus->articles.size() == 3);
  CheckEverySplit(text, "corpus.json");
  CheckEverySplit("\xEF\xBB\xBF" + text, "bom.json");
  CheckEverySplit(CorpusDocument(articles, ","), "one-line.json");  // no newline: one line
}

TEST_CASE("a document whose \"format\" comes after \"articles\" streams too, corpus or not") {
  const auto articles = ThreeArticles();
  const json corpus = {{"format", "quote-explorer/corpus@1"}, {"articles", articles}};
  CheckEverySplit(corpus.dump(), "sorted.json");  // nlohmann sorts keys: "articles" first
  CheckEverySplit(corpus.dump(1), "sorted-pretty.json");
  json article = SmallArticle();  // an article with an "articles" member no check reads
  article["articles"] = articles;
  CheckEverySplit(article.dump(), "article.json");
  article["format"] = "quote-explorer/other@1";
  CheckEverySplit(article.dump(), "other.json");
  article.erase("format");
  CheckEverySplit(article.dump(), "no-format.json");
  auto bad = articles;
  bad[2]["quotes"][1]["end"] = 99;
  CheckEverySplit(json{{"format", "quote-explorer/corpus@1"}, {"articles", bad}}.dump(), "sorted-bad.json");

  std::vector<json> many(300, articles[0]);
  for (std::size_t i = 0; i < many.size(); ++i) many[i]["id"] = "a" + std::to_string(i);
  qe::LoadLimits limits;
  limits.max_parse_bytes = 64 << 10;
  const std::string text = json{{"format", "quote-explorer/corpus@1"}, {"articles", many}}.dump();
  REQUIRE_FALSE(qe::load_corpus(text, "big.json", limits).ok());
  const auto streamed = Streamed(text, "big.json", {text.size() / 2}, limits);
  REQUIRE_MESSAGE(streamed.ok(), qe::describe_errors(streamed.errors));
  CHECK(streamed.corpus->articles.size() == 300);
}

TEST_CASE("JSON Lines stream line by line, with CRLF, blank lines and a last line without newline") {
  const auto articles = ThreeArticles();
  CheckEverySplit(JsonLines(articles), "corpus.jsonl");
  CheckEverySplit("\n\r\n" + JsonLines(articles, "\r\n\r\n"), "crlf.jsonl");
  std::string text = JsonLines(articles);
  text.pop_back();
  CheckEverySplit(text, "corpus.json");
  CheckEverySplit(articles[0].dump(), "one.jsonl");
  CheckEverySplit(articles[0].dump(), "one.json");
  CheckEverySplit(SmallArticle().dump(2), "article.json");
}

TEST_CASE("errors are located as load_corpus locates them, however the bytes arrive") {
  const auto articles = ThreeArticles();
  auto bad = articles;
  bad[1]["quotes"][0]["kind"] = "shouted";
  CheckEverySplit(JsonLines(bad), "bad.jsonl");
  CheckEverySplit(CorpusDocument(bad), "bad.json");
  qe::LoadLimits skip;
  skip.skip_invalid = true;
  CheckEverySplit(JsonLines(bad), "bad.jsonl", skip);

  std::string broken = JsonLines(articles);
  broken.insert(broken.find("\n") + 1, "{\"id\": \"x\",\n");  // line 2 does not parse
  CheckEverySplit(broken, "broken.jsonl");
  CheckEverySplit(broken, "broken.jsonl", skip);

  std::string syntax = CorpusDocument(articles);
  syntax.insert(syntax.find("\"paragraphs\"", syntax.find("\"b\"")), "\"x\": ,");
  CheckEverySplit(syntax, "syntax.json");

  CheckEverySplit(CorpusDocument(articles) + "{}", "trailing.json");
  CheckEverySplit(CorpusDocument({articles[0], articles[0]}), "duplicate.json");
  // (Elements that are not objects are reported after the streamed articles' errors, so
  // these two are apart.)
  CheckEverySplit("{\"format\": \"quote-explorer/corpus@1\", \"articles\": [1, []]}", "elements.json");
  CheckEverySplit("{\"format\": \"quote-explorer/corpus@1\", \"articles\": [{}, {\"id\": 1}]}", "objects.json");
  CheckEverySplit("{\"format\": \"quote-explorer/corpus@1\", \"articles\": []}", "none.json");
  CheckEverySplit("{\"format\": \"quote-explorer/corpus@1\", \"articles\": [{\"a\": 1, \"a\": 2}]}", "keys.json");
  CheckEverySplit("{\"format\": \"quote-explorer/corpus@1\", \"articles\": [{\"id\": \"caf\xC3\xA9\xFF\"}]}", "utf8.json");
  CheckEverySplit("{\"format\": \"quote-explorer/corpus@1\", \"articles\": [{\"id\": \"caf\xC3", "cut.json");
  CheckEverySplit("   \n\t ", "blank.json");
  CheckEverySplit("", "empty.json");
  CheckEverySplit("\xEF\xBB", "half-bom.json");
}

TEST_CASE("every file of tests/data/bad is rejected with the same errors when streamed") {
  std::size_t files = 0;
  std::mt19937 random(7);
  for (const auto& entry : std::filesystem::directory_iterator(std::string(QE_SOURCE_DIR) + "/tests/data/bad")) {
    const std::string path = entry.path().string();
    if (path.size() > 4 && path.substr(path.size() - 4) == ".err") continue;
    const std::string text = qe::test::ReadFile(path);
    const std::string name = entry.path().filename().string();
    const std::string expected = Fingerprint(qe::load_corpus(text, name));
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0; at < text.size(); at += 1 + random() % 97) cuts.push_back(at);
    CHECK_MESSAGE(Fingerprint(Streamed(text, name, cuts)) == expected, name);
    ++files;
  }
  CHECK(files > 200);
}

TEST_CASE("a streamed corpus is bounded by its largest article, not by the whole document") {
  std::vector<json> articles;
  for (int i = 0; i < 200; ++i) {
    json article = SmallArticle();
    article.erase("format");
    article["id"] = "a" + std::to_string(i);
    articles.push_back(article);
  }
  const std::string text = CorpusDocument(articles);
  qe::LoadLimits limits;
  limits.max_parse_bytes = 64 << 10;  // far less than the document needs, more than one article
  const auto whole = qe::load_corpus(text, "big.json", limits);
  REQUIRE_FALSE(whole.ok());
  CHECK(whole.errors[0].message.find("needs up to") != std::string::npos);
  const auto streamed = Streamed(text, "big.json", {text.size() / 3, text.size() / 2}, limits);
  REQUIRE_MESSAGE(streamed.ok(), qe::describe_errors(streamed.errors));
  CHECK(streamed.corpus->articles.size() == 200);
  CHECK(streamed.corpus->quotes.size() == 400);
}

TEST_CASE("progress counts bytes and quotes; a failed or cancelled stream changes nothing") {
  const auto articles = ThreeArticles();
  const std::string text = JsonLines(articles);
  qe::StreamLoader loader("corpus.jsonl");
  // The first line counts once the next begins (it might have been a one-line document).
  CHECK(loader.feed(text.substr(0, text.find('\n') + 2)));
  CHECK(loader.bytes() == text.find('\n') + 2);
  CHECK(loader.quotes() == 2);
  CHECK(loader.articles() == 1);
  CHECK(loader.json_lines());

  qe::Explorer explorer;
  REQUIRE(explorer.load(qe::test::SeedArticleText(), "seed.json").empty());
  {
    qe::StreamLoader cancelled("corpus.jsonl");
    cancelled.feed(text.substr(0, text.size() / 2));
  }  // destroyed mid-article: cancelled
  CHECK(explorer.corpus().quotes.size() == 10);

  std::string bad = text;
  bad.insert(text.find('\n') + 1, "{oops}\n");
  qe::StreamLoader failing("bad.jsonl");
  failing.feed(bad);
  const auto errors = explorer.load(failing.finish(), "bad.jsonl");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string().rfind("bad.jsonl:2:2: invalid JSON", 0) == 0);
  CHECK(explorer.corpus().quotes.size() == 10);
  CHECK(explorer.file_name() == "seed.json");

  qe::StreamLoader good("corpus.jsonl");
  good.feed(text);
  CHECK(explorer.load(good.finish(), "corpus.jsonl").empty());
  CHECK(explorer.corpus().quotes.size() == 6);
}

TEST_CASE("input over max_input_bytes stops the stream as soon as it passes the limit") {
  qe::LoadLimits limits;
  limits.max_input_bytes = 100;
  qe::StreamLoader loader("big.jsonl", limits);
  CHECK(loader.feed(std::string(60, ' ')));
  CHECK_FALSE(loader.feed(std::string(60, ' ')));
  CHECK(loader.failed());
  const auto result = loader.finish();
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].message.find("expected at most 100") != std::string::npos);
}
