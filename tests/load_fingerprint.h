// load_fingerprint.h: everything a load gives (its errors and skipped lines, every field of
// the corpus) as one string, so tests and fuzzers can require two loads to agree exactly.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/loader.h"

namespace qe::test {

// Each field with its length first, so no two lists of fields give the same text.
inline std::string LengthPrefixed(std::initializer_list<std::string_view> fields) {
  std::string out;
  for (std::string_view field : fields) out += std::to_string(field.size()) + ":" + std::string(field) + " ";
  return out;
}

inline std::string Fingerprint(const LoadResult& result) {
  std::string out = describe_errors(result.errors);
  for (const SkippedLine& line : result.skipped) out += "skipped " + std::to_string(line.line) + ": " + describe_errors(line.errors);
  if (!result.ok()) return out;
  const Corpus& corpus = *result.corpus;
  for (const Article& a : corpus.articles) {
    out += LengthPrefixed({a.id, a.title, a.dateline, a.published, a.language, a.source.name, a.source.url, a.extracted_by});
    for (std::uint32_t p = 0; p < a.paragraph_count; ++p) out += LengthPrefixed({corpus.paragraph(a, p)});
    out += std::to_string(a.first_quote) + "+" + std::to_string(a.quote_count) + (a.extracted ? " extracted" : "") +
           (a.reviewed ? " reviewed" : "") + "\n";
  }
  for (const Speaker& s : corpus.speakers) {
    out += LengthPrefixed({s.id, s.name, s.role});
    for (const std::string& alias : s.aliases) out += LengthPrefixed({alias});
    out += std::to_string(static_cast<int>(s.kind)) + " " + std::to_string(s.country) + "\n";
  }
  const QuoteTable& q = corpus.quotes;
  for (std::uint32_t i = 0; i < q.size(); ++i) {
    const Corpus::CodePointSpan span = corpus.quote_code_points(i);
    out += LengthPrefixed({q.id[i], corpus.quote_text(i), q.cue[i], corpus.search_bytes(i)});
    for (std::uint32_t value : {q.speaker[i], std::uint32_t{q.country[i]}, static_cast<std::uint32_t>(q.kind[i]),
                                std::uint32_t{q.confidence[i]}, std::uint32_t{q.reviewed[i]}, q.article[i],
                                q.paragraph[i], span.start, span.end, q.start_byte[i], q.end_byte[i],
                                std::uint32_t{q.search_keys.keyed(i)}})
      out += std::to_string(value) + " ";
    out += "\n";
  }
  return out;
}

}  // namespace qe::test
