// libFuzzer, differential: StreamLoader fed the input in pieces of random sizes (drawn from
// the input's first two bytes) gives what load_corpus gives for the whole input: both load
// the same corpus, or both fail with located errors. Under skip_invalid the same holds for
// JSON Lines, except that a file load_corpus refuses may load when streamed (load_corpus
// counts nesting across lines, so a skipped line's open brackets can trip a later one).
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include "core/loader.h"

namespace {

std::string Fingerprint(const qe::LoadResult& result) {
  if (!result.ok()) return "failed";
  const qe::Corpus& corpus = *result.corpus;
  std::string out;
  for (const qe::Article& article : corpus.articles) out += article.id + "|" + article.title + "|";
  for (const qe::Speaker& speaker : corpus.speakers) out += speaker.id + "|";
  for (std::size_t q = 0; q < corpus.quotes.size(); ++q)
    out += std::string(corpus.quote_text(q)) + "|" + std::to_string(corpus.quotes.start_byte[q]) + "|";
  for (const qe::SkippedLine& line : result.skipped) out += "skipped " + std::to_string(line.line) + "|";
  return out;
}

qe::LoadResult Streamed(std::string_view text, const char* name, const qe::LoadLimits& limits, std::uint32_t seed) {
  std::minstd_rand random(seed);
  qe::StreamLoader loader(name, limits);
  while (!text.empty()) {
    const std::size_t size = std::min<std::size_t>(text.size(), random() % 4 == 0 ? 1 : 1 + random() % 300);
    if (!loader.feed(text.substr(0, size))) break;
    text.remove_prefix(size);
  }
  return loader.finish();
}

void CheckLocated(const qe::LoadResult& result) {
  if (result.ok() == !result.errors.empty()) __builtin_trap();  // exactly one of the two
  for (const qe::LoadError& error : result.errors)
    if (error.message.empty() || (error.line == 0 && error.pointer.empty())) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::uint32_t seed = data[0] | (data[1] << 8);
  const std::string_view text(reinterpret_cast<const char*>(data) + 2, size - 2);
  qe::LoadLimits limits;
  limits.max_input_bytes = 1 << 20;
  limits.max_quotes = 10'000;
  for (const char* name : {"fuzz.json", "fuzz.jsonl"}) {
    const qe::LoadResult whole = qe::load_corpus(text, name, limits);
    const qe::LoadResult streamed = Streamed(text, name, limits, seed);
    CheckLocated(streamed);
    if (Fingerprint(whole) != Fingerprint(streamed)) __builtin_trap();
  }
  limits.skip_invalid = true;
  const qe::LoadResult whole = qe::load_corpus(text, "fuzz.jsonl", limits);
  const qe::LoadResult streamed = Streamed(text, "fuzz.jsonl", limits, seed);
  CheckLocated(streamed);
  if (whole.ok() && Fingerprint(whole) != Fingerprint(streamed)) __builtin_trap();
  return 0;
}
