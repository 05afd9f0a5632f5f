// libFuzzer: the text search finds exactly the quotes a naive per-quote search finds, for any
// query and any quote texts, whether through the trigram index (match_text), refining an
// earlier search for a part of the query (typing; in place, from an answer whose matches are
// located in part), or scanning every key (scan_text); and the
// list highlights a match in exactly those quotes (differential test).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/filter.h"
#include "core/loader.h"
#include "core/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Input: query '\n' quote text '\n' quote text …, all of it valid UTF-8 or skipped.
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (qe::utf8::find_invalid(input) != std::string::npos) return 0;
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = input.find('\n', begin);
    parts.push_back(input.substr(begin, end - begin));
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  if (parts.size() < 2) return 0;
  nlohmann::json article = {{"format", "quote-explorer/article@1"}, {"id", "a"}, {"title", "t"},
                            {"paragraphs", nlohmann::json::array()},
                            {"speakers", {{{"id", "s"}, {"name", "S"}}}}, {"quotes", nlohmann::json::array()}};
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].empty()) continue;
    article["paragraphs"].push_back(parts[i]);
    const std::size_t p = article["paragraphs"].size() - 1;
    article["quotes"].push_back({{"id", "q" + std::to_string(i)}, {"speaker", "s"}, {"kind", "direct"},
                                 {"text", parts[i]}, {"paragraph", p}, {"start", 0},
                                 {"end", qe::utf8::count_code_points(parts[i])}});
  }
  const auto loaded = qe::load_corpus(article.dump(), "fuzz.json");
  if (!loaded.ok()) return 0;
  // Indexed whatever its size (the loader indexes only a megabyte of search keys or more),
  // so that the index's sets, candidates and refining are what is tested; built a few quotes
  // a slice, as a page builds it while idle, so that slices end anywhere in a block or word.
  const qe::Corpus& corpus = *loaded.corpus;
  corpus.text_index.start_build(corpus);
  while (corpus.text_index_pending()) corpus.build_text_index_slice(static_cast<std::uint32_t>(1 + size % 7));
  const std::vector<qe::QuoteIndex> indexed = qe::match_text(corpus, parts[0]);
  std::string needle = qe::utf8::search_key(parts[0]);
  needle.erase(std::remove(needle.begin(), needle.end(), '\0'), needle.end());
  std::vector<qe::QuoteIndex> naive;
  for (qe::QuoteIndex q = 0; q < corpus.quotes.size() && !needle.empty(); ++q) {
    // A NUL inside a quote stays: the needle never holds one, so no match spans it.
    const std::string folded = qe::utf8::search_key(corpus.quote_text(q));
    if (folded.find(needle) != std::string::npos) naive.push_back(q);
  }
  if (indexed != naive) __builtin_trap();
  if (qe::scan_text(corpus, parts[0]) != naive) __builtin_trap();
  // Typing: the query's first and last parts (whole code points) searched first, the query
  // then refined from them.
  const std::string& query = parts[0];
  for (std::size_t cut = 0; cut <= query.size(); cut += 1 + query.size() / 4) {
    for (const std::string& part : {query.substr(0, cut), query.substr(cut)}) {
      if (qe::utf8::find_invalid(part) != std::string::npos) continue;
      qe::TextSearch previous = qe::search_text(corpus, part);
      if (qe::search_text(corpus, query, &previous).quotes != naive) __builtin_trap();
      // An answer from the index's sets, with some of its matches located (idle work
      // interrupted by the next keystroke), refined in place.
      qe::locate_matches(corpus, previous, size % 5);
      if (qe::search_text(corpus, query, std::move(previous)).quotes != naive) __builtin_trap();
    }
  }
  // The list's highlight finds a match exactly in the quotes the search admits, and each
  // span covers whole code points whose search key holds the query's.
  for (qe::QuoteIndex q = 0; q < corpus.quotes.size(); ++q) {
    const std::string_view text = corpus.quote_text(q);
    const auto spans = qe::utf8::find_matches(text, parts[0], 4);
    const bool admitted = std::binary_search(naive.begin(), naive.end(), q);
    if (spans.empty() == admitted) __builtin_trap();
    for (const auto& span : spans) {
      if (span.begin >= span.end || span.end > text.size()) __builtin_trap();
      if (qe::utf8::search_key(text.substr(span.begin, span.end - span.begin)).find(needle) == std::string::npos)
        __builtin_trap();
    }
  }
  return 0;
}
