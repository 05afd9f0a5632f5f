// The extractor as its own WebAssembly module (quote-extractor.js / .wasm), separate from
// the explorer so that readers of an embed never download it: web/app.js loads it the first
// time something is extracted (QuoteExplorer.extract, a dropped .txt or .html file, pasted
// text) and hands the article JSON it returns to the explorer's ordinary load path.
#include <emscripten/emscripten.h>

#include <new>
#include <nlohmann/json.hpp>
#include <string>

#include "extract/extract.h"

namespace {

using json = nlohmann::json;

const char* Returned(std::string text) {
  static std::string buffer;  // lives until the next call, as in js_api.cpp
  buffer = std::move(text);
  return buffer.c_str();
}

const char* Error(const std::string& message) { return Returned(json{{"error", message}}.dump()); }

std::string StringOption(const json& options, const char* key) {
  const auto it = options.find(key);
  return it != options.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

extern "C" {

// Extracts an article from `length` bytes of text or HTML. `options_json` (checked by
// app.js): {"name", "title", "source", "url", "published", "format": "auto"|"text"|"html"}.
// Returns {"article": {...article@1...}} or {"error": "name:line:column: message"}; the
// string lives until the next call.
EMSCRIPTEN_KEEPALIVE const char* qe_extract(const char* bytes, int length, const char* options_json) {
  const json options = json::parse(options_json ? options_json : "{}", nullptr, /*allow_exceptions=*/false);
  const json given = options.is_object() ? options : json::object();
  std::string name = StringOption(given, "name");
  if (name.empty()) name = "pasted text";
  qe::extract::Options extract_options;
  extract_options.info.title = StringOption(given, "title");
  extract_options.info.source = StringOption(given, "source");
  extract_options.info.url = StringOption(given, "url");
  extract_options.info.published = StringOption(given, "published");
  const std::string format = StringOption(given, "format");
  extract_options.format = format == "html"   ? qe::extract::InputFormat::Html
                           : format == "text" ? qe::extract::InputFormat::Text
                                              : qe::extract::InputFormat::Auto;
  extract_options.generator = "quote-explorer (browser)";
  try {
    const std::string_view input(bytes ? bytes : "", bytes ? static_cast<std::size_t>(length) : 0);
    const qe::extract::ExtractResult result = qe::extract::extract_article(input, name, extract_options);
    if (!result.ok())
      return Error(result.error ? result.error->to_string() : name + ": the extractor found no article");
    nlohmann::ordered_json answer;
    answer["article"] = *result.article;
    return Returned(answer.dump());
  } catch (const std::bad_alloc&) {
    return Error(name + ": out of memory while extracting; the previous data is kept");
  } catch (const std::exception& e) {  // the extractor reports errors as values; this is a bug
    return Error(name + ": internal error while extracting (" + e.what() + "); the previous data is kept");
  }
}

}  // extern "C"
