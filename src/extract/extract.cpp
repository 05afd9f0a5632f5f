#include "extract/extract.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/json_text.h"
#include "core/loader.h"
#include "core/utf8.h"
#include "extract/extraction.h"
#include "extract/html_input.h"
#include "extract/text_input.h"

namespace qe::extract {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxTitleCodePoints = 90;
constexpr std::size_t kMaxIdLength = 60;

bool is_stray_control(unsigned char c) { return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f'; }

// The input with stray control characters turned into spaces (they cannot be shown).
std::string without_controls(std::string_view input) {
  std::string text(input);
  for (char& c : text)
    if (is_stray_control(static_cast<unsigned char>(c))) c = ' ';
  return text;
}

ExtractError error_at(std::string_view text, std::size_t offset, std::string_view file, std::string message) {
  const auto position = json_text::position_of(text, offset);
  return {std::string(file), position.line, position.column, std::move(message)};
}

// Binary files, other encodings and oversized input are refused before any parsing.
std::optional<ExtractError> check_input(std::string_view input, std::string_view file, const Options& options) {
  if (input.size() > options.max_input_bytes)
    return ExtractError{std::string(file), 0, 0,
                        "the input has " + std::to_string(input.size()) + " bytes; expected an article of at most " +
                            std::to_string(options.max_input_bytes >> 20) + " MiB"};
  if (const std::size_t bad = utf8::find_invalid(input); bad != std::string_view::npos)
    return error_at(input, bad, file, "invalid UTF-8; expected article text encoded as UTF-8");
  // A stray control character (an ESC pasted from a terminal) is dropped later; many of
  // them, or any NUL byte, mean a binary file.
  std::size_t controls = 0, first_control = std::string_view::npos;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const auto c = static_cast<unsigned char>(input[i]);
    if (c == 0) return error_at(input, i, file, "a NUL byte: this looks like a binary file; expected article text or an HTML page");
    if (is_stray_control(c) && controls++ == 0) first_control = i;
  }
  if (controls > 0 && controls * 100 > input.size())
    return error_at(input, first_control, file, "control character " + std::to_string(input[first_control]) +
                                                    ": this looks like a binary file; expected article text or an HTML page");
  return std::nullopt;
}

bool looks_like_html(std::string_view input) {
  const std::size_t first = input.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos || input[first] != '<') return false;
  std::string head(input.substr(first, 15));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* start : {"<!doctype html", "<html", "<head", "<body", "<article", "<!--", "<meta", "<p>", "<p ", "<div"})
    if (head.rfind(start, 0) == 0) return true;
  return false;
}


std::string file_stem(std::string_view file) {
  const std::size_t slash = file.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? file : file.substr(slash + 1);
  return std::string(name.substr(0, name.find('.')));
}

json null_if_empty(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

std::string pick(const std::string& given, const std::string& found) { return given.empty() ? found : given; }

json speaker_json(const SpeakerRecord& speaker) {
  return {{"id", speaker.id},       {"name", speaker.name},          {"aliases", speaker.aliases},
          {"role", null_if_empty(speaker.role)}, {"kind", speaker.kind}, {"country", null_if_empty(speaker.country)}};
}

json quote_json(const Document& document, const QuoteRecord& quote, std::size_t number,
                const std::vector<SpeakerRecord>& speakers) {
  const std::string& paragraph = document.paragraphs[quote.paragraph];
  const std::size_t begin = utf8::byte_offset_of(paragraph, quote.start);
  const std::size_t end = utf8::byte_offset_of(paragraph, quote.end);
  return {{"id", "q" + std::to_string(number)},
          {"speaker", speakers[quote.speaker].id},
          {"kind", quote.kind},
          {"text", paragraph.substr(begin, end - begin)},
          {"paragraph", quote.paragraph},
          {"start", quote.start},
          {"end", quote.end},
          {"cue", null_if_empty(quote.cue)},
          {"confidence", std::round(quote.confidence * 100) / 100}};
}

// Text without a headline: its first sentence (after the dateline), cut at a word.
std::string first_sentence(const Document& document) {
  if (document.paragraphs.empty()) return {};
  std::string_view text = document.paragraphs.front();
  for (const std::string_view dash : {" – ", " — ", " - "})
    if (const std::size_t at = text.find(dash); !document.dateline.empty() && at != std::string_view::npos && at < 80) {
      text.remove_prefix(at + dash.size());
      break;
    }
  const std::size_t stop = text.find(". ");
  if (stop != std::string_view::npos) text = text.substr(0, stop + 1);
  if (utf8::count_code_points(text) <= kMaxTitleCodePoints) return std::string(text);
  std::string_view cut = text.substr(0, utf8::byte_offset_of(text, kMaxTitleCodePoints));
  if (const std::size_t space = cut.rfind(' '); space != std::string_view::npos) cut = cut.substr(0, space);
  return std::string(cut) + "…";
}

// A file's own name is a stable id; pasted text takes its id from the title.
std::string article_id(const ArticleInfo& info, std::string_view file, const std::string& title) {
  if (!info.id.empty()) return info.id;
  std::string id = file.find('.') != std::string_view::npos && file.find('<') == std::string_view::npos ? slug(file_stem(file), kMaxIdLength) : "";
  if (id.empty()) id = slug(title, kMaxIdLength);
  return id.empty() ? "article" : id;
}

json article_json(const Document& document, const Extraction& extraction, std::string_view file, const Options& options) {
  const ArticleInfo& info = options.info;
  std::string title = pick(info.title, document.title);
  if (title.empty()) title = first_sentence(document);
  const std::string id = article_id(info, file, title);
  const std::string source = pick(info.source, document.source), url = pick(info.url, document.url);
  json article = {{"format", kArticleFormat},
                  {"id", id},
                  {"title", title.empty() ? file_stem(file) : title},  // file_stem: never empty for a loader
                  {"source", source.empty() && url.empty() ? json(nullptr)
                                                           : json{{"name", null_if_empty(source)}, {"url", null_if_empty(url)}}},
                  {"dateline", null_if_empty(document.dateline)},
                  {"published", null_if_empty(pick(info.published, document.published))},
                  {"language", "en"},
                  {"paragraphs", document.paragraphs},
                  {"speakers", json::array()},
                  {"quotes", json::array()},
                  {"extracted", {{"by", options.generator}, {"reviewed", false}}}};
  for (const SpeakerRecord& speaker : extraction.speakers) article["speakers"].push_back(speaker_json(speaker));
  for (std::size_t i = 0; i < extraction.quotes.size(); ++i)
    article["quotes"].push_back(quote_json(document, extraction.quotes[i], i + 1, extraction.speakers));
  return article;
}

}  // namespace

std::string slug(std::string_view text, std::size_t max_length) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (c >= 0x80) continue;  // accents and other scripts drop out of ids
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= max_length) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string ExtractError::to_string() const {
  if (line == 0) return file + ": " + message;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

ExtractResult extract_article(std::string_view input, std::string_view file_name, const Options& options) {
  ExtractResult result;
  if (auto problem = check_input(input, file_name, options)) {
    result.error = std::move(problem);
    return result;
  }
  const std::string cleaned = without_controls(input);
  input = cleaned;
  const bool html = options.format == InputFormat::Html || (options.format == InputFormat::Auto && looks_like_html(input));
  DocumentResult read = html ? read_html_article(input, file_name)
                             : read_text_article(input, file_name, options.info.title.empty());
  if (!read.document) {
    result.error = std::move(read.error);
    return result;
  }
  const Extraction extraction = find_quotes(*read.document, options.known_speakers);
  result.article = article_json(*read.document, extraction, file_name, options);
  return result;
}

}  // namespace qe::extract
