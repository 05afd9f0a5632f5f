// The `quotes` CLI, run in-process with string streams, and once as a real process.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fixtures.h"
#include "platform/cli/cli.h"

namespace {

struct Run {
  int status;
  std::string out, err;
};

Run Quotes(std::vector<std::string> args, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int status = qe::cli::run(args, in, out, err);
  return {status, out.str(), err.str()};
}

const std::string kSeed = std::string(QE_SOURCE_DIR) + "/assets/articles/lavrov-european-troops.json";

std::string TempFile(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/qe-cli-test-" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("validate exits 0 for a valid article and 1 with located errors for a bad one") {
  auto ok = Quotes({"validate", kSeed});
  CHECK(ok.status == 0);
  CHECK(ok.out.find("valid, 1 article, 5 speakers, 10 quotes") != std::string::npos);

  auto article = qe::test::SmallArticle();
  article["quotes"][0]["end"] = 22;
  const std::string bad = TempFile("bad.json", article.dump());
  auto failed = Quotes({"validate", kSeed, bad});
  CHECK(failed.status == 1);
  CHECK(failed.err.find(bad + ": /quotes/0/text: span [1, 22) of paragraph 0") != std::string::npos);

  auto missing = Quotes({"validate", "/nonexistent/article.json"});
  CHECK(missing.status == 1);
  CHECK(missing.err.find("cannot read /nonexistent/article.json") != std::string::npos);
}

TEST_CASE("query prints quote records as JSON, filtered like the explorer") {
  auto run = Quotes({"query", kSeed, "--speaker", "Lavrov", "--kind", "direct"});
  REQUIRE(run.status == 0);
  const auto records = nlohmann::json::parse(run.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0] == nlohmann::json{{"id", "q3"}, {"article", "lavrov-european-troops"}, {"speaker", "sergei-lavrov"},
                                     {"speaker_name", "Sergei Lavrov"}, {"country", "RU"}, {"kind", "direct"},
                                     {"text", "This would be absolutely unacceptable for the Russian Federation,"}});
}

TEST_CASE("query repeats OR within an option and ANDs options, with --text narrowing") {
  auto run = Quotes({"query", kSeed, "--country", "ua", "--country=US", "--text", "TROOPS"});
  REQUIRE(run.status == 0);
  const auto records = nlohmann::json::parse(run.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0]["id"] == "q8");
}

TEST_CASE("--from and --to keep quotes of articles published in the range") {
  const std::string corpus = TempFile("dated.jsonl", [] {
    std::string lines;
    for (const char* day : {"2025-03-01", "2025-03-20", "2025-04-09"})
      lines += std::string("{\"format\":\"quote-explorer/article@1\",\"id\":\"") + day +
               "\",\"title\":\"T\",\"published\":\"" + day +
               "\",\"paragraphs\":[\"Said.\"],\"speakers\":[{\"id\":\"s\",\"name\":\"S\",\"country\":null}],"
               "\"quotes\":[{\"id\":\"q\",\"speaker\":\"s\",\"kind\":\"direct\",\"text\":\"Said\",\"paragraph\":0,"
               "\"start\":0,\"end\":4}]}\n";
    return lines;
  }());
  auto run = Quotes({"query", corpus, "--from", "2025-03-02", "--to", "2025-04-09"});
  REQUIRE(run.status == 0);
  const auto records = nlohmann::json::parse(run.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0]["article"] == "2025-03-20");
  CHECK(records[1]["article"] == "2025-04-09");
}

TEST_CASE("--kind ignores case like every other filter value") {
  auto run = Quotes({"query", kSeed, "--kind", "DIRECT"});
  CHECK(run.status == 0);
  CHECK(nlohmann::json::parse(run.out).size() == 3);
}

TEST_CASE("CSV guards formulas and text output keeps one line per quote") {
  auto article = qe::test::SmallArticle();
  article["paragraphs"][1] = "Kyiv said =HYPERLINK(1)\x1b[31m.";
  article["quotes"][1]["text"] = "=HYPERLINK(1)\x1b[31m";
  article["quotes"][1]["end"] = 10 + 18;
  const std::string path = TempFile("formula.json", article.dump());
  auto csv = Quotes({"query", path, "--speaker", "kyiv", "--format", "csv"});
  CHECK(csv.out.find(",indirect,'=HYPERLINK(1)\x1b[31m\r\n") != std::string::npos);
  auto text = Quotes({"query", path, "--speaker", "kyiv", "--format", "text"});
  CHECK(text.out == "Ukrainian government (UA) [indirect]: =HYPERLINK(1) [31m\n");
}

TEST_CASE("query writes CSV and text formats") {
  auto csv = Quotes({"query", kSeed, "--speaker", "trump", "--format", "csv"});
  CHECK(csv.status == 0);
  CHECK(csv.out.rfind("id,article,speaker,speaker_name,country,kind,text\r\n", 0) == 0);
  CHECK(csv.out.find("q10,lavrov-european-troops,donald-trump,Donald Trump,US,direct,\"When it comes to security, "
                     "(Europeans) are willing") != std::string::npos);
  auto text = Quotes({"query", kSeed, "--speaker", "yermak", "--format", "text"});
  CHECK(text.out.rfind("Andriy Yermak (UA) [indirect]: Kyiv has initiated", 0) == 0);
}

TEST_CASE("query reads standard input for FILE -, and warns about values that match nothing") {
  auto run = Quotes({"query", "-", "--speaker", "nobody"}, qe::test::SmallArticle().dump());
  CHECK(run.status == 0);
  CHECK(run.out == "[]\n");
  CHECK(run.err == "quotes: warning: no speaker matches 'nobody'\n");
}

TEST_CASE("query --article takes an id or a title and warns when no article has it") {
  auto by_title = Quotes({"query", "-", "--article", "a SMALL article", "--format", "text"}, qe::test::SmallArticle().dump());
  CHECK(by_title.status == 0);
  CHECK(by_title.err.empty());
  CHECK(by_title.out.rfind("Olena Minister (UA) [direct]: We will not give up,", 0) == 0);
  auto unknown = Quotes({"query", "-", "--article", "big", "--article", "small"}, qe::test::SmallArticle().dump());
  CHECK(unknown.status == 0);
  CHECK(unknown.err == "quotes: warning: no article has the id or title 'big'\n");
  CHECK(unknown.out != "[]\n");
  CHECK(Quotes({"query", "-", "--article"}, qe::test::SmallArticle().dump()).err.rfind("quotes: --article needs a value\n", 0) == 0);
}

TEST_CASE("stats counts quotes per speaker, country and kind") {
  auto run = Quotes({"stats", kSeed});
  REQUIRE(run.status == 0);
  const auto stats = nlohmann::json::parse(run.out);
  CHECK(stats["quotes"] == 10);
  CHECK(stats["speakers"][0]["id"] == "sergei-lavrov");
  CHECK(stats["speakers"][0]["quotes"] == 4);
  CHECK(stats["countries"][0] == nlohmann::json{{"code", "RU"}, {"name", "Russia"}, {"quotes", 5}});
  CHECK(stats["kinds"] == nlohmann::json{{"direct", 3}, {"indirect", 4}, {"mixed", 3}});
}

TEST_CASE("stats lists names that appear under more than one speaker id") {
  CHECK(nlohmann::json::parse(Quotes({"stats", kSeed}).out)["duplicate_names"] == nlohmann::json::array());

  // Two articles enter the same minister under different ids (one in capitals, with an accent).
  auto first = qe::test::SmallArticle();
  auto second = qe::test::SmallArticle();
  second["id"] = "small-2";
  second["speakers"][0]["id"] = "olena-minister";
  second["speakers"][0]["name"] = "OLENA MÍNISTER";
  second["quotes"][0]["speaker"] = "olena-minister";
  second["speakers"][1]["id"] = "ukraine";  // a second id, but its own name
  second["speakers"][1]["name"] = "Ukraine";
  second["quotes"][1]["speaker"] = "ukraine";
  const std::string corpus = TempFile("duplicates.jsonl", first.dump() + "\n" + second.dump() + "\n");
  auto run = Quotes({"stats", corpus});
  REQUIRE(run.status == 0);
  CHECK(nlohmann::json::parse(run.out)["duplicate_names"] ==
        nlohmann::json::parse(R"([{"name": "Olena Minister", "ids": ["minister", "olena-minister"]}])"));
}

TEST_CASE("--skip-invalid loads the valid lines of JSON Lines and warns about each skipped line") {
  auto bad = qe::test::SmallArticle();
  bad["id"] = "bad";
  bad["speakers"][0]["country"] = "EU";
  auto second = qe::test::SmallArticle();
  second["id"] = "second";
  const std::string path = TempFile("skip.jsonl", qe::test::SmallArticle().dump() + "\n" + bad.dump() + "\n" +
                                                      second.dump() + "\n");
  auto strict = Quotes({"validate", path});  // without the option, one bad line rejects the file
  CHECK(strict.status == 1);
  CHECK(strict.err.find(path + ":2: /speakers/0/country") != std::string::npos);

  auto validated = Quotes({"validate", "--skip-invalid", path});
  CHECK(validated.status == 0);
  CHECK(validated.out.find("valid, 2 articles, 2 speakers, 4 quotes (1 invalid line skipped)") != std::string::npos);
  CHECK(validated.err.rfind("quotes: warning: skipped line 2: " + path + ":2: /speakers/0/country", 0) == 0);

  auto queried = Quotes({"query", path, "--text", "talks", "--skip-invalid"});
  CHECK(queried.status == 0);
  CHECK(nlohmann::json::parse(queried.out).size() == 2);
  CHECK(queried.err.find("skipped line 2") != std::string::npos);
  auto first = Quotes({"query", "--skip-invalid", path, "--format", "text"});
  CHECK(first.status == 0);

  auto stats = Quotes({"stats", path, "--skip-invalid"});
  CHECK(stats.status == 0);
  CHECK(stats.err.find("skipped line 2") != std::string::npos);
  CHECK(Quotes({"stats", path}).status == 1);

  const std::string all_bad = TempFile("all-bad.jsonl", bad.dump() + "\n{\"id\": \n");
  auto none = Quotes({"validate", "--skip-invalid", all_bad});
  CHECK(none.status == 1);
  CHECK(none.err.find(all_bad + ":1: /speakers/0/country") != std::string::npos);
  CHECK(none.err.find(all_bad + ":2:8: invalid JSON") != std::string::npos);
  CHECK(none.err.find("no valid line") != std::string::npos);
  CHECK(none.out.empty());
}

TEST_CASE("usage errors exit 2 and say what was expected") {
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{}, "quotes: missing command; expected validate, query, stats, extract or score"},
      {{"frobnicate"}, "quotes: unknown command 'frobnicate'; expected validate, query, stats, extract or score"},
      {{"validate"}, "quotes: validate needs at least one FILE"},
      {{"query"}, "quotes: query needs a FILE"},
      {{"query", "x.json", "--kind", "quoted"}, "quotes: unknown --kind 'quoted'; expected direct, indirect or mixed"},
      {{"query", "x.json", "--format", "xml"}, "quotes: unknown --format 'xml'; expected json, csv or text"},
      {{"query", "x.json", "--speaker"}, "quotes: --speaker needs a value"},
      {{"query", "x.json", "--text", "a", "--text", "b"}, "quotes: --text given twice; expected it at most once"},
      {{"query", "x.json", "--text", "", "--text", "b"}, "quotes: --text given twice; expected it at most once"},
      {{"query", "x.json", "--from", "March"}, "quotes: --from 'March' is not a date; expected YYYY-MM-DD"},
      {{"query", "x.json", "--to", "2025-02-30"}, "quotes: --to '2025-02-30' is not a date; expected YYYY-MM-DD"},
      {{"query", "x.json", "extra"}, "quotes: unexpected argument 'extra'"},
      {{"stats", "x.json", "extra"}, "quotes: unexpected argument 'extra'"},
  };
  for (const auto& [args, message] : cases) {
    CAPTURE(message);
    auto run = Quotes(args);
    CHECK(run.status == 2);
    CHECK(run.err.rfind(message + "\n", 0) == 0);
  }
  CHECK(Quotes({"--help"}).status == 0);
}

TEST_CASE("the quotes binary runs as a process with the same exit codes") {
  const std::string bin = QE_QUOTES_BIN;
  CHECK(std::system((bin + " validate " + kSeed + " > /dev/null").c_str()) == 0);
  const std::string bad = TempFile("broken.json", "{\"format\": ");
  CHECK(WEXITSTATUS(std::system((bin + " validate " + bad + " 2> /dev/null").c_str())) == 1);
  CHECK(WEXITSTATUS(std::system((bin + " query 2> /dev/null").c_str())) == 2);
}

// [SECTION] quotes extract

namespace {
const std::string kSeedText = std::string(QE_SOURCE_DIR) + "/tests/data/extraction/seed/lavrov-european-troops.txt";
}

TEST_CASE("extract writes article JSON that validate accepts, with the caller's metadata") {
  auto run = Quotes({"extract", "--title", "Lavrov on troops", "--url", "https://news.example/lavrov", "--published",
                     "2025-08-21", "--source", "Test Wire", "--id", "lavrov", kSeedText});
  REQUIRE(run.status == 0);
  CHECK(run.err.empty());
  const auto article = nlohmann::json::parse(run.out);
  CHECK(article["id"] == "lavrov");
  CHECK(article["title"] == "Lavrov on troops");
  CHECK(article["source"] == nlohmann::json{{"name", "Test Wire"}, {"url", "https://news.example/lavrov"}});
  CHECK(article["published"] == "2025-08-21");
  CHECK(article["extracted"]["reviewed"] == false);
  CHECK(article["quotes"].size() == 10);
  auto validated = Quotes({"validate", "-"}, run.out);
  CHECK(validated.status == 0);
  CHECK(validated.out == "<stdin>: valid, 1 article, 5 speakers, 10 quotes\n");
}

TEST_CASE("extract of several files streams JSON Lines, one article per line") {
  const std::string second = TempFile("second.txt", "Bridge to open in May\n\n“It opens in May,” said Mayor Anna Kovac.\n");
  auto run = Quotes({"extract", kSeedText, second});
  REQUIRE(run.status == 0);
  std::istringstream lines(run.out);
  std::string line;
  std::vector<nlohmann::json> articles;
  while (std::getline(lines, line)) articles.push_back(nlohmann::json::parse(line));
  REQUIRE(articles.size() == 2);
  CHECK(articles[0]["id"] == "lavrov-european-troops");
  CHECK(articles[1]["id"] == "qe-cli-test-second");
  CHECK(articles[1]["title"] == "Bridge to open in May");
  CHECK(Quotes({"validate", "-"}, run.out).status == 0);
  CHECK(nlohmann::json::parse(Quotes({"extract", "--format", "jsonl", kSeedText}).out)["quotes"].size() == 10);
}

TEST_CASE("extract refuses each unusable input with exit 1 and its location, and still writes the good files") {
  const std::pair<std::string, std::string> cases[] = {
      {std::string("Caf\xE9\n", 5), "latin1.txt:1:4: invalid UTF-8; expected article text encoded as UTF-8"},
      {std::string("\x7F" "ELF\x02\x01", 6), "binary.txt:1:5: control character 2: this looks like a binary file; expected article text or an HTML page"},
      {"", "empty.txt: no text: expected an article, paragraphs separated by blank lines or one per line"},
      {std::string(17u << 20, 'x'), "huge.txt: the input has 17825792 bytes; expected an article of at most 16 MiB"},
  };
  const char* names[] = {"latin1.txt", "binary.txt", "empty.txt", "huge.txt"};
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    CAPTURE(names[i]);
    const std::string path = TempFile(names[i], cases[i].first);
    auto run = Quotes({"extract", path, kSeedText});
    CHECK(run.status == 1);
    CHECK(run.err == "quotes: /tmp/qe-cli-test-" + cases[i].second + "\n");
    CHECK(nlohmann::json::parse(run.out)["id"] == "lavrov-european-troops");  // the good file still comes out
  }
  auto missing = Quotes({"extract", "/nonexistent/story.txt"});
  CHECK(missing.status == 1);
  CHECK(missing.err == "quotes: cannot read /nonexistent/story.txt: no such file or not readable\n");
}

TEST_CASE("extract usage errors exit 2") {
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"extract"}, "quotes: extract needs at least one FILE"},
      {{"extract", "--format", "xml", "a.txt"}, "quotes: unknown --format 'xml'; expected article or jsonl"},
      {{"extract", "--title"}, "quotes: --title needs a value"},
      {{"extract", "--id", "x", "a.txt", "b.txt"}, "quotes: --id names one article; it cannot be given with several FILEs"},
      {{"extract", "--bogus", "a.txt"}, "quotes: unexpected option '--bogus'"},
  };
  for (const auto& [args, message] : cases) {
    CAPTURE(message);
    auto run = Quotes(args);
    CHECK(run.status == 2);
    CHECK(run.err.rfind(message + "\n", 0) == 0);
  }
}

TEST_CASE("extract --speakers links mentions to a newsroom's existing speaker ids") {
  const std::string known = TempFile("known.json", R"([{"id": "lavrov-s", "name": "Sergei Lavrov", "aliases": ["Lavrov"], "country": "RU"}])");
  auto run = Quotes({"extract", "--speakers", known, kSeedText});
  REQUIRE(run.status == 0);
  const auto article = nlohmann::json::parse(run.out);
  CHECK(article["speakers"][0]["id"] == "lavrov-s");
  CHECK(article["quotes"][0]["speaker"] == "lavrov-s");
  auto seed_as_known = Quotes({"extract", "--speakers", kSeed, kSeedText});
  CHECK(nlohmann::json::parse(seed_as_known.out)["speakers"][1]["id"] == "volodymyr-zelenskyy");

  const std::string broken = TempFile("known-broken.json", "[{\"id\": ");
  auto bad = Quotes({"extract", "--speakers", broken, kSeedText});
  CHECK(bad.status == 1);
  CHECK(bad.err.rfind("quotes: /tmp/qe-cli-test-known-broken.json:1:9: ", 0) == 0);
  const std::string empty = TempFile("known-empty.json", "[]");
  auto none = Quotes({"extract", "--speakers", empty, kSeedText});
  CHECK(none.status == 1);
  CHECK(none.err == "quotes: /tmp/qe-cli-test-known-empty.json: no speakers found; expected an article, a corpus or an array of speaker records with id and name\n");
}

TEST_CASE("extract | validate passes as processes") {
  const std::string bin = QE_QUOTES_BIN;
  CHECK(std::system((bin + " extract " + kSeedText + " | " + bin + " validate - > /dev/null").c_str()) == 0);
  const std::string empty = TempFile("empty-process.txt", "");
  CHECK(WEXITSTATUS(std::system((bin + " extract " + empty + " > /dev/null 2>&1").c_str())) == 1);
}
