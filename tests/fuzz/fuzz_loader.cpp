// libFuzzer: the loader must turn any bytes into a corpus or located errors, never crash,
// and a loaded corpus must survive filtering and export; read as JSON Lines with
// skip_invalid, each skipped line has its own located errors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/export.h"
#include "core/filter.h"
#include "core/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  qe::LoadLimits limits;
  limits.max_input_bytes = 1 << 20;
  limits.max_quotes = 10'000;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const qe::LoadResult result = qe::load_corpus(text, "fuzz.json", limits);
  if (result.ok() == !result.errors.empty()) __builtin_trap();  // exactly one of the two
  for (const qe::LoadError& error : result.errors)
    if (error.message.empty() || (error.line == 0 && error.pointer.empty())) __builtin_trap();  // always located
  // JSON Lines with skip_invalid: the same invariants, each skipped line with its own located
  // errors, and a valid file loads as it does without the option.
  limits.skip_invalid = true;
  const qe::LoadResult lenient = qe::load_corpus(text, "fuzz.jsonl", limits);
  if (lenient.ok() == !lenient.errors.empty()) __builtin_trap();
  for (const qe::LoadError& error : lenient.errors)
    if (error.message.empty() || (error.line == 0 && error.pointer.empty())) __builtin_trap();
  for (std::size_t i = 0; i < lenient.skipped.size(); ++i) {
    const qe::SkippedLine& line = lenient.skipped[i];
    if (line.errors.empty() || (i && line.line <= lenient.skipped[i - 1].line)) __builtin_trap();
    for (const qe::LoadError& error : line.errors)
      if (error.line != line.line || error.message.empty()) __builtin_trap();
  }
  const qe::LoadResult strict = qe::load_corpus(text, "fuzz.jsonl", [&] { auto l = limits; l.skip_invalid = false; return l; }());
  if (strict.ok() && (!lenient.ok() || !lenient.skipped.empty() ||
                      lenient.corpus->articles.size() != strict.corpus->articles.size()))
    __builtin_trap();
  if (!result.ok()) return 0;
  const qe::Corpus& corpus = *result.corpus;
  qe::Filter filter;
  if (!corpus.speakers.empty()) filter.speakers = {corpus.speakers[0].name};
  filter.countries = {"RU", "none"};
  filter.text = corpus.quotes.size() ? std::string(corpus.quote_text(0)).substr(0, 3) : "a";
  const qe::FilterResult filtered = qe::apply_filter(corpus, filter);
  qe::export_quotes(corpus, filtered.visible, qe::ExportFormat::Json);
  qe::export_quotes(corpus, filtered.visible, qe::ExportFormat::Csv);
  qe::export_stats(corpus, filtered);
  return 0;
}
