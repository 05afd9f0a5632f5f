// score.h: how well extracted quotes match gold ones (`quotes score GOLD EXTRACTED`).
//
// Both inputs are an article, a corpus@1 or JSON Lines of articles. Articles pair by id;
// within a pair, quotes are compared on the same paragraph (the paragraphs arrays must be
// equal). overlap = shared code points / length of the longer span. Extracted quotes are
// paired one-to-one with gold quotes, greedily by descending overlap (ties: gold quotes
// that are speech first, then reading order), which for every threshold t gives the same
// pairs at >= t as the greedy pairing restricted to pairs >= t.
//
//   precision(t) = extracted quotes paired at overlap >= t / extracted quotes
//   recall(t)    = speech gold quotes paired at >= t / speech gold quotes
//   "exact"      = start and end equal (overlap 1)
//
// Gold quotes may carry "speech": false (an attribution of thought or a non-speech report):
// an extracted quote paired with one is right, but missing one costs nothing. Over the pairs
// at >= .3: speaker accuracy (names or aliases equal ignoring case and a leading "the", "a"
// or "an", or a capitalised surname, the last word of one name, is a whole word of the
// other), also where the gold speaker is
// named (a gold speaker with "named": false is a pronoun or a description); country accuracy
// where the gold speaker has a "country" field (equal codes or both null); kind accuracy.
//
//   qe::extract::ScoreInput gold = qe::extract::read_score_input(gold_text, "gold.jsonl");
//   qe::extract::ScoreInput got = qe::extract::read_score_input(extracted_text, "out.jsonl");
//   qe::extract::ScoreReport report = qe::extract::score(gold.articles, got.articles);
//   std::cout << qe::extract::score_json(report).dump(2);
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/loader.h"

namespace qe::extract {

struct ScoreSpeaker {
  std::vector<std::string> names;      // name, then aliases
  bool named = true;                   // false: a pronoun or description ("named": false)
  bool has_country = false;            // the record has a "country" field
  std::optional<std::string> country;  // its value (null: speaks for no country)
};

struct ScoreQuote {
  std::size_t paragraph = 0, start = 0, end = 0;  // code points, end exclusive
  std::string kind;                               // direct, indirect, mixed
  std::optional<ScoreSpeaker> speaker;            // none: the quote has no speaker (null)
  bool speech = true;                             // gold "speech": false -> not counted for recall
};

struct ScoreArticle {
  std::string id;
  std::vector<std::string> paragraphs;
  std::vector<ScoreQuote> quotes;
  std::size_t line = 0;  // JSON Lines line, for messages; 0 otherwise
  std::string pointer;   // "/articles/3" in a corpus@1, else ""
};

struct ScoreInput {
  std::vector<ScoreArticle> articles;
  std::vector<LoadError> errors;  // empty when the file was read
  bool ok() const { return errors.empty(); }
};

// Reads an article, a corpus@1 or JSON Lines. Quotes need paragraph, start, end (a span
// inside the paragraph) and kind; text, when present, must equal the span; speaker is a
// speaker id of the article or null. Other fields are ignored. Errors are located like the
// loader's: file:line:column, or the JSON Pointer (and the line in JSON Lines).
ScoreInput read_score_input(std::string_view text, std::string_view file_name);

// The one-to-one pairing of one paragraph's quotes (or one article's: pairs never cross
// paragraphs). gold_for[e] is the gold index paired with extracted quote e, or npos.
struct QuotePairing {
  std::vector<std::size_t> gold_for;
  std::vector<double> overlap;  // of each extracted quote with its gold quote (0 if none)
};
QuotePairing pair_quotes(const std::vector<ScoreQuote>& gold, const std::vector<ScoreQuote>& extracted);

// Shared code points / length of the longer span; 0 on different paragraphs.
double span_overlap(const ScoreQuote& a, const ScoreQuote& b);

// Whether an extracted speaker names the gold speaker (rule above).
bool same_speaker(const ScoreSpeaker& gold, const ScoreSpeaker& extracted);

struct Ratio {
  std::size_t hits = 0, total = 0;
  std::optional<double> value() const;  // none when total is 0
};

struct SpanScore {
  Ratio precision, recall;  // precision over extracted quotes, recall over speech gold quotes
  std::optional<double> f1() const;
};

struct ArticleScore {
  std::string id;
  std::size_t gold = 0, extracted = 0, paired = 0;  // gold counts speech quotes; paired at >= .3
};

struct ScoreReport {
  std::size_t articles = 0;                      // scored pairs
  std::vector<std::string> problems;             // unpaired ids, paragraph mismatches (stderr)
  std::size_t gold_quotes = 0, gold_non_speech = 0, extracted_quotes = 0;
  SpanScore loose, strict, exact;                // overlap >= .3, >= .8, start and end equal
  Ratio direct_loose, direct_strict, direct_exact;  // recall of direct gold quotes
  std::size_t pairs = 0;                         // pairs at >= .3
  Ratio speaker, speaker_named, country, kind;   // over those pairs
  std::vector<ArticleScore> per_article;
};

ScoreReport score(const std::vector<ScoreArticle>& gold, const std::vector<ScoreArticle>& extracted);

nlohmann::ordered_json score_json(const ScoreReport& report);
std::string score_text(const ScoreReport& report);

}  // namespace qe::extract
