// extract.h: turns a published news article (plain text or an HTML page) into article@1
// JSON: paragraphs verbatim, every direct, indirect and mixed quote with its exact span,
// cue, speaker and the country the speaker speaks for. Same code in the CLI, the native
// app and the browser, so a file gives the same JSON everywhere. docs/extraction.md has
// the rules and the measured quality.
//
// Accepts UTF-8 text (paragraphs separated by blank lines, or one per line; a short first
// line without a final period is the title) or an HTML page (InputFormat::Html, or Auto
// when the input starts like one). Refuses, with a located ExtractError and no output,
// input that is not UTF-8, binary, empty, over the size limit, or a page without article
// text. Output always passes the loader (core/loader.h).
//
//   qe::extract::Options options;
//   options.info.title = "Lavrov rejects troops";
//   qe::extract::ExtractResult result = qe::extract::extract_article(text, "story.txt", options);
//   if (!result.ok()) std::cerr << result.error->to_string() << '\n';
//   else std::cout << result.article->dump(2);
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace qe::extract {

// What the caller already knows about the article; empty fields are taken from the input
// (HTML metadata, the first line) or left null.
struct ArticleInfo {
  std::string id, title, source, url, published;
};

enum class InputFormat { Auto, Text, Html };

// A speaker the newsroom already has an id for (`quotes extract --speakers FILE`).
struct KnownSpeaker {
  std::string id, name, role, kind, country;  // kind and country may be empty
  std::vector<std::string> aliases;
};

struct Options {
  ArticleInfo info;
  InputFormat format = InputFormat::Auto;
  std::vector<KnownSpeaker> known_speakers;
  std::size_t max_input_bytes = std::size_t{16} << 20;  // 16 MiB: a long article is 50 kB
  std::string generator = "quotes";                      // "extracted.by" in the output
};

struct ExtractResult {
  std::optional<nlohmann::ordered_json> article;  // article@1, always valid for the loader
  std::optional<ExtractError> error;      // why there is no article
  bool ok() const { return article.has_value(); }
};

ExtractResult extract_article(std::string_view input, std::string_view file_name, const Options& options = {});

// Speakers from an article, a corpus (either form) or a JSON array of speaker records.
struct KnownSpeakersResult {
  std::vector<KnownSpeaker> speakers;
  std::optional<ExtractError> error;
};
KnownSpeakersResult read_known_speakers(std::string_view json_text, std::string_view file_name);

}  // namespace qe::extract
