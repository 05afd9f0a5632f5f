// The scorer (extract/score.h) and `quotes score`: each metric on tiny hand-made articles,
// and each error path with its message.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/score.h"
#include "platform/cli/cli.h"

namespace {

using nlohmann::json;
using qe::extract::ScoreQuote;

// "Ab cd ef gh ij kl mn op qr st" style paragraphs: 20 code points each.
const json kParagraphs = {"0123456789abcdefghij", "“Quoted words,” she said, and more."};

json Speaker(const std::string& id, const std::string& name, json extra = json::object()) {
  json speaker = {{"id", id}, {"name", name}};
  speaker.update(extra);
  return speaker;
}

json Quote(std::size_t paragraph, std::size_t start, std::size_t end, const std::string& kind = "indirect",
           json speaker = nullptr, json extra = json::object()) {
  json quote = {{"paragraph", paragraph}, {"start", start}, {"end", end}, {"kind", kind}, {"speaker", speaker}};
  quote.update(extra);
  return quote;
}

json Article(const std::string& id, json quotes, json speakers = json::array(), json paragraphs = kParagraphs) {
  return {{"format", "quote-explorer/article@1"}, {"id", id},        {"title", id},
          {"paragraphs", paragraphs},          {"speakers", speakers}, {"quotes", quotes}};
}

qe::extract::ScoreReport Score(const json& gold, const json& extracted) {
  const auto g = qe::extract::read_score_input(gold.dump(), "gold.json");
  const auto x = qe::extract::read_score_input(extracted.dump(), "extracted.json");
  REQUIRE(g.ok());
  REQUIRE(x.ok());
  return qe::extract::score(g.articles, x.articles);
}

std::string ReadErrors(const std::string& text, const std::string& name = "gold.json") {
  const auto input = qe::extract::read_score_input(text, name);
  REQUIRE_FALSE(input.ok());
  return qe::describe_errors(input.errors);
}

struct Run {
  int status;
  std::string out, err;
};

Run Quotes(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  const int status = qe::cli::run(args, in, out, err);
  return {status, out.str(), err.str()};
}

std::string TempFile(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/qe-score-test-" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

ScoreQuote Span(std::size_t paragraph, std::size_t start, std::size_t end) {
  ScoreQuote quote;
  quote.paragraph = paragraph;
  quote.start = start;
  quote.end = end;
  return quote;
}

}  // namespace

TEST_CASE("overlap is shared code points over the longer span, and 0 across paragraphs") {
  CHECK(qe::extract::span_overlap(Span(0, 0, 10), Span(0, 0, 10)) == doctest::Approx(1.0));
  CHECK(qe::extract::span_overlap(Span(0, 0, 10), Span(0, 5, 10)) == doctest::Approx(0.5));
  CHECK(qe::extract::span_overlap(Span(0, 0, 10), Span(0, 8, 20)) == doctest::Approx(2.0 / 12));
  CHECK(qe::extract::span_overlap(Span(0, 0, 10), Span(0, 10, 20)) == doctest::Approx(0.0));
  CHECK(qe::extract::span_overlap(Span(0, 0, 10), Span(1, 0, 10)) == doctest::Approx(0.0));
}

TEST_CASE("pairing is one-to-one, the best overlap first") {
  // Two extracted quotes both overlap gold 0; the better one takes it, the other gets gold 1.
  const std::vector<ScoreQuote> gold = {Span(0, 0, 10), Span(0, 10, 20)};
  const std::vector<ScoreQuote> extracted = {Span(0, 2, 12), Span(0, 0, 10)};
  const auto pairing = qe::extract::pair_quotes(gold, extracted);
  CHECK(pairing.gold_for[1] == 0);
  CHECK(pairing.gold_for[0] == 1);
  CHECK(pairing.overlap[1] == doctest::Approx(1.0));
  CHECK(pairing.overlap[0] == doctest::Approx(0.2));
  // One gold quote, two extracted: only one is paired.
  const auto single = qe::extract::pair_quotes({Span(0, 0, 10)}, {Span(0, 0, 10), Span(0, 0, 9)});
  CHECK(single.gold_for[0] == 0);
  CHECK(single.gold_for[1] == std::size_t(-1));
}

TEST_CASE("precision, recall and F1 at overlap >= .3, >= .8 and exact") {
  const json gold = Article("a", {Quote(0, 0, 10), Quote(0, 10, 20), Quote(1, 1, 14, "direct"), Quote(1, 20, 34)});
  // exact; 0.9 (9/10); 0.5 (shared 5 of 10); a spurious quote on a paragraph with none left.
  const json extracted = Article("a", {Quote(0, 0, 10), Quote(0, 11, 20), Quote(1, 1, 6, "direct"), Quote(1, 16, 19)});
  const auto report = Score(gold, extracted);
  CHECK(report.articles == 1);
  CHECK(report.gold_quotes == 4);
  CHECK(report.extracted_quotes == 4);
  // .3: three pairs (1.0, 0.9, 5/13 = 0.38); the fourth extracted [16,19) misses [20,34).
  CHECK(report.loose.precision.hits == 3);
  CHECK(report.loose.recall.hits == 3);
  CHECK(*report.loose.precision.value() == doctest::Approx(0.75));
  CHECK(*report.loose.f1() == doctest::Approx(0.75));
  CHECK(report.strict.precision.hits == 2);
  CHECK(*report.strict.recall.value() == doctest::Approx(0.5));
  CHECK(report.exact.precision.hits == 1);
  CHECK(*report.exact.f1() == doctest::Approx(0.25));
  // Direct recall: the one direct gold quote is paired at 5/13 only.
  CHECK(report.direct_loose.total == 1);
  CHECK(report.direct_loose.hits == 1);
  CHECK(report.direct_strict.hits == 0);
  CHECK(report.direct_exact.hits == 0);
  CHECK(report.pairs == 3);
}

TEST_CASE("a gold quote with speech false counts for precision but not for recall") {
  const json gold = Article("a", {Quote(0, 0, 10, "indirect", nullptr, {{"speech", false}}),
                                  Quote(0, 10, 20, "indirect", nullptr, {{"speech", false}}), Quote(1, 0, 10)});
  const json extracted = Article("a", {Quote(0, 0, 10), Quote(1, 0, 10)});
  const auto report = Score(gold, extracted);
  CHECK(report.gold_quotes == 1);
  CHECK(report.gold_non_speech == 2);
  CHECK(*report.loose.precision.value() == doctest::Approx(1.0));  // both extracted are right
  CHECK(*report.loose.recall.value() == doctest::Approx(1.0));     // the missed [10,20) costs nothing
}

TEST_CASE("speaker accuracy: names and aliases ignoring case, or a capitalised surname as a whole word") {
  const json gold_speakers = {Speaker("trump", "Donald Trump"),
                              Speaker("post", "The New York Post"),
                              Speaker("he", "he", {{"named", false}}),
                              Speaker("sources", "a source", {{"named", false}}),
                              Speaker("kyiv", "Ukrainian government", {{"aliases", {"Kyiv"}}})};
  const json gold = Article("a", {Quote(0, 0, 2, "indirect", "trump"), Quote(0, 2, 4, "indirect", "post"),
                                  Quote(0, 4, 6, "indirect", "he"), Quote(0, 6, 8, "indirect", "sources"),
                                  Quote(0, 8, 10, "indirect", "kyiv"), Quote(0, 10, 12, "indirect", "trump"),
                                  Quote(0, 12, 14, "indirect", nullptr)},
                            gold_speakers);
  const json extracted_speakers = {Speaker("t", "TRUMP"), Speaker("p", "the Post"), Speaker("h", "Hillary Clinton"),
                                   Speaker("s", "another source"), Speaker("k", "Ukraine", {{"aliases", {"kyiv"}}}),
                                   Speaker("m", "Melania")};
  const json extracted = Article("a", {Quote(0, 0, 2, "indirect", "t"), Quote(0, 2, 4, "indirect", "p"),
                                       Quote(0, 4, 6, "indirect", "h"), Quote(0, 6, 8, "indirect", "s"),
                                       Quote(0, 8, 10, "indirect", "k"), Quote(0, 10, 12, "indirect", "m"),
                                       Quote(0, 12, 14, "indirect", "t")},
                                 extracted_speakers);
  const auto report = Score(gold, extracted);
  // Right: TRUMP (case), the Post (surname Post), kyiv (alias). Wrong: he, a source (a lower-
  // case last word is no surname), Melania. The quote whose gold speaker is null is not counted.
  CHECK(report.speaker.total == 6);
  CHECK(report.speaker.hits == 3);
  CHECK(report.speaker_named.total == 4);
  CHECK(report.speaker_named.hits == 3);
  qe::extract::ScoreSpeaker a, b;
  a.names = {"Hillary Clinton"};
  b.names = {"Clinton’s campaign"};
  CHECK(qe::extract::same_speaker(a, b));  // the possessive does not hide the surname
  b.names = {"Clintonville"};
  CHECK_FALSE(qe::extract::same_speaker(a, b));
  // A leading article is no part of the name, on either side.
  a.names = {"the county governor"};
  b.names = {"county governor"};
  CHECK(qe::extract::same_speaker(a, b));
  CHECK(qe::extract::same_speaker(b, a));
  a.names = {"a senior campaign adviser"};
  b.names = {"Senior campaign adviser"};
  CHECK(qe::extract::same_speaker(a, b));
  b.names = {"campaign adviser"};
  CHECK_FALSE(qe::extract::same_speaker(a, b));  // only the article is dropped, not "senior"
  a.names = {"The"};
  b.names = {"the"};
  CHECK(qe::extract::same_speaker(a, b));  // a name that is only an article stays itself
}

TEST_CASE("country accuracy: equal codes or both null, only where the gold speaker has a country field") {
  const json gold_speakers = {Speaker("l", "Sergei Lavrov", {{"country", "RU"}}),
                              Speaker("n", "Nobody Special", {{"country", nullptr}}), Speaker("x", "No Field")};
  const json gold = Article("a", {Quote(0, 0, 2, "indirect", "l"), Quote(0, 2, 4, "indirect", "n"),
                                  Quote(0, 4, 6, "indirect", "l"), Quote(0, 6, 8, "indirect", "x")},
                            gold_speakers);
  const json extracted_speakers = {Speaker("l", "Lavrov", {{"country", "RU"}}), Speaker("n", "Nobody", {{"country", nullptr}}),
                                   Speaker("w", "Lavrov", {{"country", "UA"}})};
  const json extracted = Article("a", {Quote(0, 0, 2, "indirect", "l"), Quote(0, 2, 4, "indirect", "n"),
                                       Quote(0, 4, 6, "indirect", "w"), Quote(0, 6, 8, "indirect", "l")},
                                 extracted_speakers);
  const auto report = Score(gold, extracted);
  CHECK(report.country.total == 3);
  CHECK(report.country.hits == 2);
}

TEST_CASE("kind accuracy over the pairs at overlap >= .3") {
  const json gold = Article("a", {Quote(0, 0, 10, "direct"), Quote(0, 10, 20, "mixed"), Quote(1, 0, 10, "indirect")});
  const json extracted = Article("a", {Quote(0, 0, 10, "direct"), Quote(0, 10, 20, "indirect"), Quote(1, 20, 30, "indirect")});
  const auto report = Score(gold, extracted);
  CHECK(report.kind.total == 2);
  CHECK(report.kind.hits == 1);
}

TEST_CASE("JSON and text output name every metric") {
  const json gold = Article("a", {Quote(0, 0, 10, "direct")});
  const auto report = Score(gold, gold);
  const auto out = qe::extract::score_json(report);
  CHECK(out["articles"] == 1);
  CHECK(out["spans"]["overlap_0.3"]["f1"] == 1.0);
  CHECK(out["spans"]["exact"]["precision"] == 1.0);
  CHECK(out["direct_recall"]["overlap_0.8"] == 1.0);
  CHECK(out["attributes"]["speaker"]["value"].is_null());  // no gold speaker: undefined, not 0
  CHECK(out["attributes"]["kind"]["value"] == 1.0);
  CHECK(out["per_article"][0]["id"] == "a");
  const std::string text = qe::extract::score_text(report);
  CHECK(text.find("overlap >= .3      100.0%   100.0%   100.0%") != std::string::npos);
  CHECK(text.find("speaker             n/a  (0/0)") != std::string::npos);
}

TEST_CASE("corpus@1 and JSON Lines pair by id; unpaired ids and different paragraphs are problems") {
  const json a = Article("a", {Quote(0, 0, 10)}), b = Article("b", {Quote(0, 0, 10)});
  const json c = Article("c", {Quote(0, 0, 10)}, json::array(), {"other text"});
  const json corpus = {{"format", "quote-explorer/corpus@1"}, {"articles", {a, b, c}}};
  json c_changed = c;
  c_changed["paragraphs"] = {"other text, changed"};
  const std::string lines = b.dump() + "\n\n" + c_changed.dump() + "\n" + Article("z", json::array()).dump() + "\n";
  const auto gold = qe::extract::read_score_input(corpus.dump(), "gold.json");
  const auto extracted = qe::extract::read_score_input(lines, "extracted.jsonl");
  REQUIRE(gold.ok());
  REQUIRE(extracted.ok());
  CHECK(extracted.articles[1].line == 3);
  const auto report = qe::extract::score(gold.articles, extracted.articles);
  CHECK(report.articles == 1);
  REQUIRE(report.problems.size() == 3);
  CHECK(report.problems[0] == "extracted article \"z\" has no gold article with that id");
  CHECK(report.problems[1] == "gold article \"a\" has no extracted article with that id");
  CHECK(report.problems[2] ==
        "article \"c\" is not scored: its paragraphs differ (paragraph 0 is \"other text\" in the gold file and "
        "\"other text, changed\" in the extracted one); expected the extracted article to keep the gold paragraphs");
}

TEST_CASE("bad files give located errors") {
  CHECK(ReadErrors("{\n  \"id\": \"a\",\n  oops\n}") .find("gold.json:3:3: ") == 0);
  CHECK(ReadErrors("") == "gold.json: the file is empty; expected an article, a corpus or JSON Lines\n");
  CHECK(ReadErrors("[1, 2]") == "gold.json: found an array; expected an article object\n");
  json no_paragraphs = Article("a", json::array());
  no_paragraphs.erase("paragraphs");
  CHECK(ReadErrors(no_paragraphs.dump()) == "gold.json: /paragraphs: expected an array of paragraph strings\n");
  CHECK(ReadErrors(Article("a", {Quote(2, 0, 1)}).dump()) ==
        "gold.json: /quotes/0/paragraph: 2 is past the last paragraph; expected 0 to 1\n");
  CHECK(ReadErrors(Article("a", {Quote(0, 5, 25)}).dump()) ==
        "gold.json: /quotes/0/end: span [5, 25) does not fit paragraph 0 (20 code points); expected start < end <= 20\n");
  json negative = Article("a", {Quote(0, 0, 5)});
  negative["quotes"][0]["start"] = -1;
  CHECK(ReadErrors(negative.dump()) ==
        "gold.json: /quotes/0/start: found -1; expected a non-negative integer\n");
  CHECK(ReadErrors(Article("a", {Quote(1, 0, 5, "direct", nullptr, {{"text", "Quoted"}})}).dump()) ==
        "gold.json: /quotes/0/text: span [0, 5) of paragraph 1 reads \"“Quot\"; expected it to equal the quote's text "
        "\"Quoted\"\n");
  CHECK(ReadErrors(Article("a", {Quote(0, 0, 5, "hearsay")}).dump()) ==
        "gold.json: /quotes/0/kind: found \"hearsay\"; expected \"direct\", \"indirect\" or \"mixed\"\n");
  CHECK(ReadErrors(Article("a", {Quote(0, 0, 5, "direct", "ghost")}).dump()) ==
        "gold.json: /quotes/0/speaker: \"ghost\" is not a speaker id of this article; expected one of its speakers' ids\n");
  CHECK(ReadErrors(Article("a", {Quote(0, 0, 5, "direct", nullptr, {{"speech", "no"}})}).dump()) ==
        "gold.json: /quotes/0/speech: found a string; expected true or false\n");
  CHECK(ReadErrors(Article("a", json::array(), {Speaker("s", "S", {{"named", 1}})}).dump()) ==
        "gold.json: /speakers/0/named: found a number; expected true or false\n");
  const json corpus = {{"format", "quote-explorer/corpus@1"}, {"articles", {Article("a", json::array()), Article("a", json::array())}}};
  CHECK(ReadErrors(corpus.dump()) ==
        "gold.json: /articles/1/id: duplicate article id \"a\"; expected each id once, as articles pair by id\n");
  const std::string lines = Article("a", json::array()).dump() + "\n" + Article("b", {Quote(0, 0, 5, "odd")}).dump() + "\n{\"id\": \n";
  CHECK(ReadErrors(lines, "gold.jsonl") ==
        "gold.jsonl:2: /quotes/0/kind: found \"odd\"; expected \"direct\", \"indirect\" or \"mixed\"\n"
        "gold.jsonl:3:8: invalid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal\n");
  CHECK(ReadErrors("{\"id\": \"\xff\"}").find("gold.json:1:9: ") == 0);
}

TEST_CASE("quotes score: exit codes, formats and messages") {
  const json gold = Article("a", {Quote(0, 0, 10, "direct")});
  const json other = Article("b", {Quote(0, 0, 10, "direct")});
  const std::string gold_path = TempFile("gold.json", gold.dump());
  const std::string both_path = TempFile("both.jsonl", gold.dump() + "\n" + other.dump() + "\n");
  const std::string other_path = TempFile("other.json", other.dump());
  const std::string bad_path = TempFile("bad.json", "{");

  auto ok = Quotes({"score", gold_path, both_path});
  CHECK(ok.status == 0);
  CHECK(json::parse(ok.out)["spans"]["exact"]["f1"] == 1.0);
  CHECK(ok.err == "quotes: extracted article \"b\" has no gold article with that id\n");

  auto text = Quotes({"score", gold_path, gold_path, "--format", "text"});
  CHECK(text.status == 0);
  CHECK(text.out.find("articles scored   1\n") == 0);

  auto none = Quotes({"score", gold_path, other_path});
  CHECK(none.status == 1);
  CHECK(none.out.empty());
  CHECK(none.err.find("quotes: no article was scored; expected GOLD and EXTRACTED to share article ids and paragraphs") !=
        std::string::npos);

  auto bad = Quotes({"score", gold_path, bad_path});
  CHECK(bad.status == 1);
  CHECK(bad.err.find(bad_path + ":1:2: invalid JSON") == 0);

  auto missing = Quotes({"score", gold_path, "/tmp/qe-score-test-no-such-file.json"});
  CHECK(missing.status == 1);
  CHECK(missing.err == "quotes: cannot read /tmp/qe-score-test-no-such-file.json: no such file or not readable\n");

  auto one = Quotes({"score", gold_path});
  CHECK(one.status == 2);
  CHECK(one.err.find("quotes: score needs two FILEs, GOLD and EXTRACTED; got 1\n") == 0);
  auto format = Quotes({"score", gold_path, gold_path, "--format", "csv"});
  CHECK(format.status == 2);
  CHECK(format.err.find("quotes: unknown --format 'csv'; expected json or text\n") == 0);
  auto option = Quotes({"score", gold_path, gold_path, "--loose"});
  CHECK(option.status == 2);
  CHECK(option.err.find("quotes: unexpected option '--loose'\n") == 0);
  auto stdin_twice = Quotes({"score", "-", "-"});
  CHECK(stdin_twice.status == 2);
  CHECK(stdin_twice.err == "quotes: score reads at most one FILE from standard input\n");
}
