// Replays tests/data/bad/ (made by tests/data/make_bad_inputs.py from the format's rules):
// every input must be rejected with exactly the first error its NAME.err names, by the
// loader and by `quotes validate`. Inputs too large to commit are generated here.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/loader.h"
#include "fixtures.h"
#include "platform/cli/cli.h"

namespace fs = std::filesystem;

namespace {

const fs::path kBadDir = fs::path(QE_SOURCE_DIR) / "tests/data/bad";

struct BadFile {
  fs::path path;
  std::string expected;  // first error line
};

std::vector<BadFile> BadFiles() {
  std::vector<BadFile> files;
  for (const auto& entry : fs::directory_iterator(kBadDir)) {
    if (entry.path().extension() == ".err") continue;
    std::string expected = qe::test::ReadFile(entry.path().string() + ".err");
    if (!expected.empty() && expected.back() == '\n') expected.pop_back();
    files.push_back({entry.path(), expected});
  }
  std::sort(files.begin(), files.end(), [](const BadFile& a, const BadFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace

TEST_CASE("the loader rejects every input in tests/data/bad with its expected message and location") {
  const auto files = BadFiles();
  CHECK(files.size() >= 200);
  for (const BadFile& bad : files) {
    const std::string name = bad.path.filename().string();
    CAPTURE(name);
    const auto result = qe::load_corpus(qe::test::ReadFile(bad.path.string()), name);
    CHECK_FALSE(result.ok());
    REQUIRE_FALSE(result.errors.empty());
    CHECK(result.errors.front().to_string() == bad.expected);
  }
}

TEST_CASE("quotes validate exits 1 on every input in tests/data/bad, printing its expected error first") {
  for (const BadFile& bad : BadFiles()) {
    const std::string path = bad.path.string();
    CAPTURE(path);
    std::istringstream in;
    std::ostringstream out, err;
    CHECK(qe::cli::run({"validate", path}, in, out, err) == 1);
    const std::string first_line = err.str().substr(0, err.str().find('\n'));
    CHECK(first_line == (kBadDir / bad.expected).string());
    CHECK(out.str().empty());
  }
}

TEST_CASE("100,000-deep nesting is refused at the depth limit, before parsing") {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  const auto result = qe::load_corpus(deep, "deep.json");
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].to_string() == "deep.json:1:65: nesting deeper than 64 levels; expected an article (4 levels)");
  const std::string objects = "{\"format\": " + std::string(100'000, '{');
  CHECK(qe::load_corpus(objects, "deep.json").errors[0].to_string() ==
        "deep.json:1:75: nesting deeper than 64 levels; expected an article (4 levels)");
}

TEST_CASE("a 100 MB string is refused at the string length limit, with its position") {
  auto article = qe::test::SmallArticle();
  article["paragraphs"][1] = "x";
  std::string text = article.dump();
  const std::size_t at = text.find("\"x\"");
  text.replace(at, 3, "\"" + std::string(100u << 20, 'a') + "\"");
  const auto result = qe::load_corpus(text, "huge.json");
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].line == 1);
  CHECK(result.errors[0].column == at + 1 - 4);  // “ and ” before it: 3 bytes, 1 column each
  CHECK(result.errors[0].message == "string longer than 16777216 bytes; expected at most that");
}

TEST_CASE("a document whose parse would need more memory than allowed is refused before parsing") {
  qe::LoadLimits limits;
  limits.max_parse_bytes = 8192;
  const std::string text = qe::test::SmallArticle().dump();
  const auto result = qe::load_corpus(text, "big.json", limits);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].to_string() ==
        "big.json:1:1: reading this JSON needs up to 15 KiB of memory, more than the 8192 bytes allowed; expected a "
        "smaller document (a large corpus reads best as JSON Lines, one article per line)");
  // JSON Lines are budgeted line by line: two articles that fail as one corpus document
  // load as two lines.
  auto second = qe::test::SmallArticle();
  second["id"] = "second";
  second.erase("format");
  limits.max_parse_bytes = 20 << 10;
  const nlohmann::json corpus = {{"format", "quote-explorer/corpus@1"}, {"articles", {qe::test::SmallArticle(), second}}};
  CHECK_FALSE(qe::load_corpus(corpus.dump(), "corpus.json", limits).ok());
  const auto lines = qe::load_corpus(text + "\n" + second.dump() + "\n", "lines.jsonl", limits);
  CHECK_MESSAGE(lines.ok(), qe::describe_errors(lines.errors));
}

TEST_CASE("more quotes than the limit is an error, not an abort") {
  auto article = qe::test::SmallArticle();
  auto quotes = nlohmann::json::array();
  for (int i = 0; i < 1001; ++i) {
    auto quote = article["quotes"][1];
    quote["id"] = "q" + std::to_string(i);
    quotes.push_back(quote);
  }
  article["quotes"] = quotes;
  qe::LoadLimits limits;
  limits.max_quotes = 1000;
  const auto result = qe::load_corpus(article.dump(), "many.json", limits);
  REQUIRE_FALSE(result.ok());
  CHECK(result.errors.back().to_string() == "many.json: /quotes: more than 1000 quotes in all; expected at most that many");
  limits.max_quotes = 1001;
  CHECK(qe::load_corpus(article.dump(), "many.json", limits).ok());
}
