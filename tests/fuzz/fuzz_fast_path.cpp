// libFuzzer, differential: the loader's fast path (core/article_reader.h) against its careful
// path (nlohmann) alone, LoadLimits::fast_path on and off. For any bytes, read whole or
// streamed in pieces, as a document, as JSON Lines and as JSON Lines with skip_invalid, both
// must load exactly the same corpus (every column, article and speaker field) or fail with
// exactly the same errors: the fast path may only ever hand an article to the careful path,
// never accept one the careful path refuses, nor read one differently.
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include "core/loader.h"
#include "tests/load_fingerprint.h"

using qe::test::Fingerprint;

namespace {

qe::LoadResult Streamed(std::string_view text, const char* name, const qe::LoadLimits& limits, std::uint32_t seed) {
  std::minstd_rand random(seed);
  qe::StreamLoader loader(name, limits);
  while (!text.empty()) {
    const std::size_t size = std::min<std::size_t>(text.size(), 1 + random() % 200);
    if (!loader.feed(text.substr(0, size))) break;
    text.remove_prefix(size);
  }
  return loader.finish();
}

void CheckAgree(std::string_view text, const char* name, qe::LoadLimits limits, std::uint32_t seed) {
  limits.fast_path = true;
  const std::string fast = Fingerprint(qe::load_corpus(text, name, limits));
  const std::string fast_streamed = Fingerprint(Streamed(text, name, limits, seed));
  limits.fast_path = false;
  if (fast != Fingerprint(qe::load_corpus(text, name, limits))) __builtin_trap();
  if (fast_streamed != Fingerprint(Streamed(text, name, limits, seed))) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint32_t seed = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  qe::LoadLimits limits;
  limits.max_input_bytes = 1 << 20;
  limits.max_quotes = 10'000;
  CheckAgree(text, "fuzz.json", limits, seed);
  CheckAgree(text, "fuzz.jsonl", limits, seed);
  limits.skip_invalid = true;
  CheckAgree(text, "fuzz.jsonl", limits, seed);
  // Tight limits, so that strings, nesting, quote counts and parse budgets reach them.
  limits.max_string_bytes = 24;
  limits.max_nesting_depth = 3 + seed % 3;
  limits.max_quotes = 2;
  limits.max_parse_bytes = 4000;
  limits.skip_invalid = false;
  CheckAgree(text, "fuzz.jsonl", limits, seed);
  CheckAgree(text, "fuzz.json", limits, seed);
  return 0;
}
