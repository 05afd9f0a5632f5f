// libFuzzer: the loader must turn any bytes into a corpus or located errors, never crash,
// and a loaded corpus must survive filtering and export.
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
  if (!result.ok()) return 0;
  const qe::Corpus& corpus = *result.corpus;
  qe::Filter filter;
  if (!corpus.speakers.empty()) filter.speakers = {corpus.speakers[0].name};
  filter.countries = {"RU", "none"};
  filter.text = corpus.quotes.size() ? std::string(corpus.quotes.text[0]).substr(0, 3) : "a";
  const qe::FilterResult filtered = qe::apply_filter(corpus, filter);
  qe::export_quotes(corpus, filtered.visible, qe::ExportFormat::Json);
  qe::export_quotes(corpus, filtered.visible, qe::ExportFormat::Csv);
  qe::export_stats(corpus, filtered);
  return 0;
}
