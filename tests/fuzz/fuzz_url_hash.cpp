// libFuzzer: any URL fragment decodes to a filter that encodes and decodes back unchanged,
// and applies to a corpus without crashing: whatever the dates say, every quote it keeps
// was published within the range, and, with article= values, is in an article they name
// (canonically, by id).
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "core/filter.h"
#include "core/loader.h"
#include "core/url_hash.h"

namespace {

// Two articles a year apart (so a bin a month) and one undated.
const qe::Corpus& Dated() {
  static const qe::LoadResult result = [] {
    std::string lines;
    for (const char* published : {"2024-02-29", "2025-03-01T10:00:00Z", ""}) {
      lines += std::string("{\"format\":\"quote-explorer/article@1\",\"id\":\"a") + std::to_string(lines.size()) +
               "\",\"title\":\"T\",\"published\":\"" + published +
               "\",\"paragraphs\":[\"Said so.\"],\"speakers\":[{\"id\":\"s\",\"name\":\"S\",\"country\":null}],"
               "\"quotes\":[{\"id\":\"q\",\"speaker\":\"s\",\"kind\":\"direct\",\"text\":\"Said so\",\"paragraph\":0,"
               "\"start\":0,\"end\":7}]}\n";
    }
    return qe::load_corpus(lines, "dated.jsonl");
  }();
  if (!result.ok()) __builtin_trap();
  return *result.corpus;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const qe::Filter filter = qe::filter_from_hash(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string hash = qe::filter_to_hash(filter);
  if (!(qe::filter_from_hash(hash) == filter)) __builtin_trap();
  if (!(qe::filter_to_hash(qe::filter_from_hash("#" + hash)) == hash)) __builtin_trap();

  const qe::Corpus& corpus = Dated();
  const qe::Filter canonical = qe::canonical_filter(corpus, filter);
  const auto from = qe::parse_day(canonical.published_from), to = qe::parse_day(canonical.published_to);
  for (qe::QuoteIndex q : qe::apply_filter(corpus, canonical).visible) {
    const qe::Day day = qe::parse_day(corpus.articles[corpus.quotes.article[q]].published).value_or(qe::kNoDay);
    if (canonical.has_published() && (day == qe::kNoDay || (from && day < *from) || (to && day > *to))) __builtin_trap();
    const std::string& article = corpus.articles[corpus.quotes.article[q]].id;
    if (!canonical.articles.empty() &&
        std::find(canonical.articles.begin(), canonical.articles.end(), article) == canonical.articles.end())
      __builtin_trap();
  }
  return 0;
}
