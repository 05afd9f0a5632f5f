#include "extract/score.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <sstream>
#include <unordered_map>

#include "core/json_text.h"
#include "core/utf8.h"

namespace qe::extract {
namespace {

using json = nlohmann::json;
constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

// ---------------------------------------------------------------------------------------
// Reading

class Reader {
 public:
  Reader(std::string_view file, ScoreInput& input) : file_(file), input_(input) {}

  bool full() const { return input_.errors.size() >= LoadLimits{}.max_errors; }

  void error(std::size_t line, std::size_t column, std::string pointer, std::string message) {
    if (full()) return;
    input_.errors.push_back(LoadError{file_, line, column, std::move(pointer), std::move(message)});
  }

  // One article object at `pointer` ("" at the top level, "/articles/3" in a corpus).
  void article(const json& value, const std::string& pointer, std::size_t line) {
    if (!value.is_object()) return error(line, 0, pointer, "found " + type_of(value) + "; expected an article object");
    ScoreArticle article;
    article.line = line;
    article.pointer = pointer;
    const auto id = value.find("id");
    if (id == value.end() || !id->is_string()) return error(line, 0, pointer + "/id", "expected the article's id, a string");
    article.id = id->get<std::string>();
    const auto paragraphs = value.find("paragraphs");
    if (paragraphs == value.end() || !paragraphs->is_array())
      return error(line, 0, pointer + "/paragraphs", "expected an array of paragraph strings");
    for (std::size_t i = 0; i < paragraphs->size(); ++i) {
      if (!(*paragraphs)[i].is_string())
        return error(line, 0, pointer + "/paragraphs/" + std::to_string(i), "found " + type_of((*paragraphs)[i]) + "; expected a string");
      article.paragraphs.push_back((*paragraphs)[i].get<std::string>());
    }
    std::unordered_map<std::string, ScoreSpeaker> speakers;
    if (const auto list = value.find("speakers"); list != value.end()) {
      if (!list->is_array()) return error(line, 0, pointer + "/speakers", "found " + type_of(*list) + "; expected an array of speakers");
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = pointer + "/speakers/" + std::to_string(i);
        std::string speaker_id;
        if (auto speaker = read_speaker((*list)[i], at, line, speaker_id)) {
          if (!speakers.emplace(speaker_id, std::move(*speaker)).second)
            error(line, 0, at + "/id", "duplicate speaker id \"" + speaker_id + "\"; expected ids unique within the article");
        }
      }
    }
    const auto quotes = value.find("quotes");
    if (quotes == value.end() || !quotes->is_array()) return error(line, 0, pointer + "/quotes", "expected an array of quotes");
    for (std::size_t i = 0; i < quotes->size(); ++i)
      if (auto quote = read_quote((*quotes)[i], pointer + "/quotes/" + std::to_string(i), line, article.paragraphs, speakers))
        article.quotes.push_back(std::move(*quote));
    input_.articles.push_back(std::move(article));
  }

 private:
  static std::string type_of(const json& value) {
    switch (value.type()) {
      case json::value_t::null: return "null";
      case json::value_t::boolean: return "a boolean";
      case json::value_t::string: return "a string";
      case json::value_t::array: return "an array";
      case json::value_t::object: return "an object";
      default: return "a number";
    }
  }

  std::optional<ScoreSpeaker> read_speaker(const json& value, const std::string& at, std::size_t line, std::string& id) {
    if (!value.is_object()) {
      error(line, 0, at, "found " + type_of(value) + "; expected a speaker object");
      return std::nullopt;
    }
    const auto id_field = value.find("id");
    const auto name = value.find("name");
    if (id_field == value.end() || !id_field->is_string()) {
      error(line, 0, at + "/id", "expected the speaker's id, a string");
      return std::nullopt;
    }
    if (name == value.end() || !name->is_string()) {
      error(line, 0, at + "/name", "expected the speaker's name, a string");
      return std::nullopt;
    }
    id = id_field->get<std::string>();
    ScoreSpeaker speaker;
    speaker.names.push_back(name->get<std::string>());
    if (const auto aliases = value.find("aliases"); aliases != value.end() && !aliases->is_null()) {
      if (!aliases->is_array()) {
        error(line, 0, at + "/aliases", "found " + type_of(*aliases) + "; expected an array of strings");
        return std::nullopt;
      }
      for (std::size_t i = 0; i < aliases->size(); ++i) {
        if (!(*aliases)[i].is_string()) {
          error(line, 0, at + "/aliases/" + std::to_string(i), "found " + type_of((*aliases)[i]) + "; expected a string");
          return std::nullopt;
        }
        speaker.names.push_back((*aliases)[i].get<std::string>());
      }
    }
    if (const auto named = value.find("named"); named != value.end()) {
      if (!named->is_boolean()) {
        error(line, 0, at + "/named", "found " + type_of(*named) + "; expected true or false");
        return std::nullopt;
      }
      speaker.named = named->get<bool>();
    }
    if (const auto country = value.find("country"); country != value.end()) {
      if (!country->is_null() && !country->is_string()) {
        error(line, 0, at + "/country", "found " + type_of(*country) + "; expected a country code or null");
        return std::nullopt;
      }
      speaker.has_country = true;
      if (country->is_string()) speaker.country = country->get<std::string>();
    }
    return speaker;
  }

  std::optional<std::size_t> read_index(const json& quote, const char* key, const std::string& at, std::size_t line) {
    const auto field = quote.find(key);
    if (field == quote.end() || !field->is_number_unsigned()) {
      error(line, 0, at + "/" + key,
            field == quote.end() ? std::string("missing; expected a non-negative integer")
                                 : "found " + (field->is_number() ? field->dump() : type_of(*field)) + "; expected a non-negative integer");
      return std::nullopt;
    }
    return field->get<std::size_t>();
  }

  std::optional<ScoreQuote> read_quote(const json& value, const std::string& at, std::size_t line,
                                       const std::vector<std::string>& paragraphs,
                                       const std::unordered_map<std::string, ScoreSpeaker>& speakers) {
    if (!value.is_object()) {
      error(line, 0, at, "found " + type_of(value) + "; expected a quote object");
      return std::nullopt;
    }
    ScoreQuote quote;
    const auto paragraph = read_index(value, "paragraph", at, line);
    const auto start = read_index(value, "start", at, line);
    const auto end = read_index(value, "end", at, line);
    if (!paragraph || !start || !end) return std::nullopt;
    if (*paragraph >= paragraphs.size()) {
      error(line, 0, at + "/paragraph",
            std::to_string(*paragraph) + (paragraphs.empty() ? std::string(" is no paragraph: the article has none")
                                                             : " is past the last paragraph; expected 0 to " +
                                                                   std::to_string(paragraphs.size() - 1)));
      return std::nullopt;
    }
    const std::string& text = paragraphs[*paragraph];
    const std::size_t length = utf8::count_code_points(text);
    if (*start >= *end || *end > length) {
      error(line, 0, at + "/end",
            "span [" + std::to_string(*start) + ", " + std::to_string(*end) + ") does not fit paragraph " +
                std::to_string(*paragraph) + " (" + std::to_string(length) + " code points); expected start < end <= " +
                std::to_string(length));
      return std::nullopt;
    }
    quote.paragraph = *paragraph;
    quote.start = *start;
    quote.end = *end;
    if (const auto quote_text = value.find("text"); quote_text != value.end()) {
      const std::size_t from = utf8::byte_offset_of(text, *start), to = utf8::byte_offset_of(text, *end);
      const std::string span = text.substr(from, to - from);
      if (!quote_text->is_string() || quote_text->get<std::string>() != span) {
        error(line, 0, at + "/text",
              "span [" + std::to_string(*start) + ", " + std::to_string(*end) + ") of paragraph " + std::to_string(*paragraph) +
                  " reads " + json(span).dump() + "; expected it to equal the quote's text " +
                  (quote_text->is_string() ? quote_text->dump() : type_of(*quote_text)));
        return std::nullopt;
      }
    }
    const auto kind = value.find("kind");
    if (kind == value.end() || !kind->is_string() ||
        (*kind != "direct" && *kind != "indirect" && *kind != "mixed")) {
      error(line, 0, at + "/kind",
            std::string(kind == value.end() ? "missing" : "found " + kind->dump()) + "; expected \"direct\", \"indirect\" or \"mixed\"");
      return std::nullopt;
    }
    quote.kind = kind->get<std::string>();
    if (const auto speaker = value.find("speaker"); speaker != value.end() && !speaker->is_null()) {
      if (!speaker->is_string()) {
        error(line, 0, at + "/speaker", "found " + type_of(*speaker) + "; expected a speaker id or null");
        return std::nullopt;
      }
      const auto found = speakers.find(speaker->get<std::string>());
      if (found == speakers.end()) {
        error(line, 0, at + "/speaker", speaker->dump() + " is not a speaker id of this article; expected one of its speakers' ids");
        return std::nullopt;
      }
      quote.speaker = found->second;
    }
    if (const auto speech = value.find("speech"); speech != value.end()) {
      if (!speech->is_boolean()) {
        error(line, 0, at + "/speech", "found " + type_of(*speech) + "; expected true or false");
        return std::nullopt;
      }
      quote.speech = speech->get<bool>();
    }
    return quote;
  }

  std::string file_;
  ScoreInput& input_;
};


void read_document(const json& value, Reader& reader) {
  if (value.is_object()) {
    const auto format = value.find("format");
    if (format != value.end() && *format == kCorpusFormat) {
      const auto articles = value.find("articles");
      if (articles == value.end() || !articles->is_array())
        return reader.error(0, 0, "/articles", "expected the corpus's array of articles");
      for (std::size_t i = 0; i < articles->size() && !reader.full(); ++i)
        reader.article((*articles)[i], "/articles/" + std::to_string(i), 0);
      return;
    }
  }
  reader.article(value, "", 0);
}

// ---------------------------------------------------------------------------------------
// Matching

std::size_t shared_of(const ScoreQuote& a, const ScoreQuote& b) {
  if (a.paragraph != b.paragraph) return 0;
  const std::size_t from = std::max(a.start, b.start), to = std::min(a.end, b.end);
  return to > from ? to - from : 0;
}

std::size_t longer_of(const ScoreQuote& a, const ScoreQuote& b) { return std::max(a.end - a.start, b.end - b.start); }

// shared / longer >= numerator / denominator, in integers.
bool at_least(std::size_t shared, std::size_t longer, std::size_t numerator, std::size_t denominator) {
  return shared * denominator >= longer * numerator;
}

// Words of a name: runs of letters and digits (any non-ASCII byte counts as a letter, except
// general punctuation U+2000-U+206F such as curly quotes and apostrophes and dashes).
std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    length = std::min(length, name.size() - i);
    const bool punctuation = c == 0xE2 && length == 3 && (static_cast<unsigned char>(name[i + 1]) == 0x80 ||
                                                          static_cast<unsigned char>(name[i + 1]) == 0x81);
    const bool letter = c < 0x80 ? std::isalnum(c) != 0 : !punctuation;
    if (letter) current.append(name.substr(i, length));
    else if (!current.empty()) words.push_back(std::move(current)), current.clear();
    i += length;
  }
  if (!current.empty()) words.push_back(std::move(current));
  // A possessive "’s" leaves a word "s"; one-letter words (initials) never identify anyone.
  words.erase(std::remove_if(words.begin(), words.end(), [](const std::string& w) { return utf8::count_code_points(w) < 2; }),
              words.end());
  return words;
}

bool capitalised(const std::string& word) {
  const std::size_t first = utf8::byte_offset_of(word, 1);
  const std::string head = word.substr(0, first);
  if (head.size() == 1) return std::isupper(static_cast<unsigned char>(head[0])) != 0;
  return utf8::fold_for_search(head) != head;
}

// "The Lind campaign" and "Lind campaign", "a senior aide" and "Senior aide" name the
// same source: gold sets write the article ("the county governor"), speaker records
// leave it out, so a leading "the", "a" or "an" is dropped from both names before comparing.
std::string without_leading_determiner(const std::string& folded) {
  for (const char* determiner : {"the ", "a ", "an "}) {
    const std::size_t length = std::strlen(determiner);
    if (folded.size() > length && folded.compare(0, length, determiner) == 0) return folded.substr(length);
  }
  return folded;
}

bool names_match(const std::string& a, const std::string& b) {
  const std::string fa = without_leading_determiner(utf8::fold_for_search(a)),
                    fb = without_leading_determiner(utf8::fold_for_search(b));
  if (!fa.empty() && fa == fb) return true;
  const std::vector<std::string> wa = words_of(a), wb = words_of(b);
  auto surname_in = [](const std::vector<std::string>& named, const std::vector<std::string>& other) {
    if (named.empty() || !capitalised(named.back())) return false;
    const std::string surname = utf8::fold_for_search(named.back());
    for (const std::string& word : other)
      if (utf8::fold_for_search(word) == surname) return true;
    return false;
  };
  return surname_in(wa, wb) || surname_in(wb, wa);
}

// ---------------------------------------------------------------------------------------
// Output

json rounded(const std::optional<double>& value) {
  if (!value) return nullptr;
  return std::round(*value * 10000) / 10000;
}

nlohmann::ordered_json ratio_json(const Ratio& ratio, const char* hits_name) {
  return {{"value", rounded(ratio.value())}, {hits_name, ratio.hits}, {"total", ratio.total}};
}

std::string percent(const std::optional<double>& value) {
  if (!value) return "    n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%6.1f%%", *value * 100);
  return buffer;
}

std::string ratio_text(const Ratio& ratio) {
  return percent(ratio.value()) + "  (" + std::to_string(ratio.hits) + "/" + std::to_string(ratio.total) + ")";
}

std::string first_difference(const ScoreArticle& gold, const ScoreArticle& extracted) {
  auto clip = [](const std::string& text) {
    const std::size_t cut = utf8::byte_offset_of(text, 60);
    return json(cut == std::string::npos ? text : text.substr(0, cut) + "…").dump();
  };
  const std::size_t common = std::min(gold.paragraphs.size(), extracted.paragraphs.size());
  for (std::size_t i = 0; i < common; ++i)
    if (gold.paragraphs[i] != extracted.paragraphs[i])
      return "paragraph " + std::to_string(i) + " is " + clip(gold.paragraphs[i]) + " in the gold file and " +
             clip(extracted.paragraphs[i]) + " in the extracted one";
  return "the gold file has " + std::to_string(gold.paragraphs.size()) + " paragraphs and the extracted one " +
         std::to_string(extracted.paragraphs.size());
}

}  // namespace

// ---------------------------------------------------------------------------------------

ScoreInput read_score_input(std::string_view text, std::string_view file_name) {
  ScoreInput input;
  Reader reader(file_name, input);
  const LoadLimits limits;
  const std::size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string_view body = text.substr(bom);
  if (auto problem = json_text::check_raw_text(body, limits)) {
    const auto position = json_text::position_of(text, problem->offset + bom);
    reader.error(position.line, position.column, "", problem->message);
    return input;
  }
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    reader.error(0, 0, "", "the file is empty; expected an article, a corpus or JSON Lines");
    return input;
  }
  if (json_text::looks_like_json_lines(body, file_name)) {
    std::size_t start = 0, line_number = 1;
    while (start < body.size() && !reader.full()) {
      std::size_t end = body.find('\n', start);
      if (end == std::string_view::npos) end = body.size();
      const std::string_view line = body.substr(start, end - start);
      if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
        json_text::Parsed parsed = json_text::parse(line, limits);
        if (parsed.value) reader.article(*parsed.value, "", line_number);
        else reader.error(line_number, json_text::position_of(line, parsed.problem->offset).column, "", parsed.problem->message);
      }
      start = end + 1;
      ++line_number;
    }
  } else {
    json_text::Parsed parsed = json_text::parse(body, limits);
    if (!parsed.value) {
      const auto position = json_text::position_of(text, parsed.problem->offset + bom);
      reader.error(position.line, position.column, "", parsed.problem->message);
      return input;
    }
    read_document(*parsed.value, reader);
  }
  // Articles pair by id, so an id must name one article.
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < input.articles.size(); ++i) {
    const ScoreArticle& article = input.articles[i];
    if (!seen.emplace(article.id, i).second)
      reader.error(article.line, 0, article.pointer + "/id",
                   "duplicate article id \"" + article.id + "\"; expected each id once, as articles pair by id");
  }
  if (!input.errors.empty()) input.articles.clear();
  return input;
}

double span_overlap(const ScoreQuote& a, const ScoreQuote& b) {
  const std::size_t longer = longer_of(a, b);
  return longer == 0 ? 0.0 : static_cast<double>(shared_of(a, b)) / static_cast<double>(longer);
}

QuotePairing pair_quotes(const std::vector<ScoreQuote>& gold, const std::vector<ScoreQuote>& extracted) {
  struct Candidate {
    std::size_t shared, longer, g, e;
  };
  std::vector<Candidate> candidates;
  for (std::size_t e = 0; e < extracted.size(); ++e)
    for (std::size_t g = 0; g < gold.size(); ++g)
      if (const std::size_t shared = shared_of(gold[g], extracted[e]))
        candidates.push_back({shared, longer_of(gold[g], extracted[e]), g, e});
  std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
    const std::size_t left = a.shared * b.longer, right = b.shared * a.longer;
    if (left != right) return left > right;
    if (gold[a.g].speech != gold[b.g].speech) return gold[a.g].speech;
    if (a.g != b.g) return a.g < b.g;
    return a.e < b.e;
  });
  QuotePairing pairing;
  pairing.gold_for.assign(extracted.size(), npos);
  pairing.overlap.assign(extracted.size(), 0.0);
  std::vector<bool> gold_taken(gold.size(), false);
  for (const Candidate& c : candidates) {
    if (gold_taken[c.g] || pairing.gold_for[c.e] != npos) continue;
    gold_taken[c.g] = true;
    pairing.gold_for[c.e] = c.g;
    pairing.overlap[c.e] = static_cast<double>(c.shared) / static_cast<double>(c.longer);
  }
  return pairing;
}

bool same_speaker(const ScoreSpeaker& gold, const ScoreSpeaker& extracted) {
  for (const std::string& g : gold.names)
    for (const std::string& e : extracted.names)
      if (names_match(g, e)) return true;
  return false;
}

std::optional<double> Ratio::value() const {
  if (total == 0) return std::nullopt;
  return static_cast<double>(hits) / static_cast<double>(total);
}

std::optional<double> SpanScore::f1() const {
  const auto p = precision.value(), r = recall.value();
  if (!p || !r) return std::nullopt;
  return *p + *r == 0 ? 0.0 : 2 * *p * *r / (*p + *r);
}

ScoreReport score(const std::vector<ScoreArticle>& gold, const std::vector<ScoreArticle>& extracted) {
  ScoreReport report;
  std::unordered_map<std::string, const ScoreArticle*> by_id;
  for (const ScoreArticle& article : extracted) by_id.emplace(article.id, &article);
  std::unordered_map<std::string, bool> gold_ids;
  for (const ScoreArticle& article : gold) gold_ids.emplace(article.id, true);
  for (const ScoreArticle& article : extracted)
    if (!gold_ids.count(article.id))
      report.problems.push_back("extracted article \"" + article.id + "\" has no gold article with that id");

  for (const ScoreArticle& g : gold) {
    const auto found = by_id.find(g.id);
    if (found == by_id.end()) {
      report.problems.push_back("gold article \"" + g.id + "\" has no extracted article with that id");
      continue;
    }
    const ScoreArticle& x = *found->second;
    if (g.paragraphs != x.paragraphs) {
      report.problems.push_back("article \"" + g.id + "\" is not scored: its paragraphs differ (" + first_difference(g, x) +
                                "); expected the extracted article to keep the gold paragraphs");
      continue;
    }
    ++report.articles;
    ArticleScore article{g.id, 0, x.quotes.size(), 0};
    for (const ScoreQuote& quote : g.quotes) {
      if (!quote.speech) {
        ++report.gold_non_speech;
        continue;
      }
      ++article.gold;
      if (quote.kind == "direct") ++report.direct_loose.total;
    }
    report.gold_quotes += article.gold;
    report.extracted_quotes += x.quotes.size();
    report.direct_strict.total = report.direct_exact.total = report.direct_loose.total;

    const QuotePairing pairing = pair_quotes(g.quotes, x.quotes);
    for (std::size_t e = 0; e < x.quotes.size(); ++e) {
      if (pairing.gold_for[e] == npos) continue;
      const ScoreQuote& gq = g.quotes[pairing.gold_for[e]];
      const ScoreQuote& xq = x.quotes[e];
      const std::size_t shared = shared_of(gq, xq), longer = longer_of(gq, xq);
      const bool loose = at_least(shared, longer, 3, 10), strict = at_least(shared, longer, 8, 10);
      const bool exact = gq.start == xq.start && gq.end == xq.end;
      report.loose.precision.hits += loose;
      report.strict.precision.hits += strict;
      report.exact.precision.hits += exact;
      if (gq.speech) {
        report.loose.recall.hits += loose;
        report.strict.recall.hits += strict;
        report.exact.recall.hits += exact;
        if (gq.kind == "direct") {
          report.direct_loose.hits += loose;
          report.direct_strict.hits += strict;
          report.direct_exact.hits += exact;
        }
      }
      if (!loose) continue;
      ++report.pairs;
      ++article.paired;
      ++report.kind.total;
      report.kind.hits += gq.kind == xq.kind;
      if (gq.speaker) {
        const bool right = xq.speaker && same_speaker(*gq.speaker, *xq.speaker);
        ++report.speaker.total;
        report.speaker.hits += right;
        if (gq.speaker->named) {
          ++report.speaker_named.total;
          report.speaker_named.hits += right;
        }
        if (gq.speaker->has_country) {
          ++report.country.total;
          const std::optional<std::string> got = xq.speaker ? xq.speaker->country : std::nullopt;
          report.country.hits += got == gq.speaker->country;
        }
      }
    }
    report.per_article.push_back(std::move(article));
  }
  for (SpanScore* span : {&report.loose, &report.strict, &report.exact}) {
    span->precision.total = report.extracted_quotes;
    span->recall.total = report.gold_quotes;
  }
  return report;
}

nlohmann::ordered_json score_json(const ScoreReport& report) {
  using ordered = nlohmann::ordered_json;
  auto span = [](const SpanScore& s) {
    return ordered{{"precision", rounded(s.precision.value())},
                   {"recall", rounded(s.recall.value())},
                   {"f1", rounded(s.f1())},
                   {"right_extracted", s.precision.hits},
                   {"found_gold", s.recall.hits}};
  };
  ordered articles = ordered::array();
  for (const ArticleScore& a : report.per_article)
    articles.push_back({{"id", a.id}, {"gold", a.gold}, {"extracted", a.extracted}, {"paired", a.paired}});
  return {{"articles", report.articles},
          {"quotes", {{"gold", report.gold_quotes}, {"gold_non_speech", report.gold_non_speech}, {"extracted", report.extracted_quotes}}},
          {"spans", {{"overlap_0.3", span(report.loose)}, {"overlap_0.8", span(report.strict)}, {"exact", span(report.exact)}}},
          {"direct_recall",
           {{"gold", report.direct_loose.total},
            {"overlap_0.3", rounded(report.direct_loose.value())},
            {"overlap_0.8", rounded(report.direct_strict.value())},
            {"exact", rounded(report.direct_exact.value())}}},
          {"attributes",
           {{"pairs", report.pairs},
            {"speaker", ratio_json(report.speaker, "right")},
            {"speaker_named", ratio_json(report.speaker_named, "right")},
            {"country", ratio_json(report.country, "right")},
            {"kind", ratio_json(report.kind, "right")}}},
          {"problems", report.problems},
          {"per_article", articles}};
}

std::string score_text(const ScoreReport& report) {
  std::ostringstream out;
  out << "articles scored   " << report.articles;
  if (!report.problems.empty()) out << "   (" << report.problems.size() << " problem(s) on stderr)";
  out << "\nquotes            gold " << report.gold_quotes << " (+" << report.gold_non_speech << " non-speech), extracted "
      << report.extracted_quotes << "\n\n";
  out << "spans             precision   recall       F1\n";
  const std::pair<const char*, const SpanScore*> rows[] = {
      {"  overlap >= .3 ", &report.loose}, {"  overlap >= .8 ", &report.strict}, {"  exact         ", &report.exact}};
  for (const auto& [name, s] : rows)
    out << name << "    " << percent(s->precision.value()) << "  " << percent(s->recall.value()) << "  "
        << percent(s->f1()) << "\n";
  out << "direct recall     >= .3 " << percent(report.direct_loose.value()) << "   >= .8 "
      << percent(report.direct_strict.value()) << "   exact " << percent(report.direct_exact.value()) << "   ("
      << report.direct_loose.total << " direct gold quotes)\n\n";
  out << "over the " << report.pairs << " pairs at overlap >= .3:\n";
  out << "  speaker         " << ratio_text(report.speaker) << "\n";
  out << "  speaker, named  " << ratio_text(report.speaker_named) << "\n";
  out << "  country         " << ratio_text(report.country) << "\n";
  out << "  kind            " << ratio_text(report.kind) << "\n";
  return out.str();
}

}  // namespace qe::extract
