// filter_bench: how much faster the core's indexed filter is than scanning JSON objects, and
// how much less memory the columnar corpus holds than the parsed JSON, measured in the same
// run on a generated corpus. Prints ratios, asserts nothing.
//
//   build/native/filter_bench [--quotes N]     (default 1,000,000)
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "bench/corpus_generator.h"
#include "core/filter.h"
#include "core/loader.h"

namespace {

using Clock = std::chrono::steady_clock;

std::size_t HeapInUse() { return mallinfo2().uordblks; }

// Best of `runs`, in milliseconds: the least disturbed measurement.
double BestMs(int runs, const std::function<std::size_t()>& work, std::size_t* answer) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    *answer = work();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return best;
}

// The baseline: what a straightforward implementation does, walking parsed JSON articles
// and comparing strings for every quote.
std::size_t ScanJson(const std::vector<nlohmann::json>& articles, const qe::Filter& filter) {
  std::size_t matches = 0;
  for (const auto& article : articles) {
    std::unordered_map<std::string, std::string> country_of;
    for (const auto& speaker : article["speakers"]) country_of[speaker["id"]] = speaker["country"];
    for (const auto& quote : article["quotes"]) {
      const std::string& speaker = quote["speaker"].get_ref<const std::string&>();
      auto in = [](const std::vector<std::string>& values, const std::string& v) {
        return values.empty() || std::find(values.begin(), values.end(), v) != values.end();
      };
      if (!in(filter.speakers, speaker) || !in(filter.countries, country_of[speaker]) ||
          !in(filter.kinds, quote["kind"].get<std::string>()))
        continue;
      if (!filter.text.empty()) {
        std::string text = quote["text"];
        for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (text.find(filter.text) == std::string::npos) continue;
      }
      ++matches;
    }
  }
  return matches;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t quotes = 1'000'000;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--quotes") == 0) quotes = std::strtoull(argv[i + 1], nullptr, 10);
  const std::size_t per_article = 20;
  const std::string text = qe::bench::GenerateCorpusJsonLines(quotes / per_article, per_article);
  std::printf("corpus: %zu quotes in %zu articles, %.1f MB of JSON Lines\n", quotes, quotes / per_article,
              text.size() / 1e6);

  const std::size_t heap_before_corpus = HeapInUse();
  const auto load_start = Clock::now();
  const qe::LoadResult loaded = qe::load_corpus(text, "generated.jsonl");
  const std::size_t corpus_bytes = HeapInUse() - heap_before_corpus;
  const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - load_start).count();
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s", qe::describe_errors(loaded.errors).c_str());
    return 1;
  }
  std::printf("load + validate + index: %.0f ms\n", load_ms);
  const std::size_t heap_before_dom = HeapInUse();
  std::vector<nlohmann::json> articles;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find('\n', begin);
    articles.push_back(nlohmann::json::parse(text.substr(begin, end - begin)));
    begin = end + 1;
  }
  const std::size_t dom_bytes = HeapInUse() - heap_before_dom;
  std::printf("memory: corpus with indexes %.0f MB (%.0f bytes a quote), parsed JSON %.0f MB: %.1fx less\n",
              corpus_bytes / 1e6, static_cast<double>(corpus_bytes) / quotes, dom_bytes / 1e6,
              static_cast<double>(dom_bytes) / corpus_bytes);

  struct Case {
    const char* name;
    qe::Filter filter;
  };
  const Case cases[] = {
      {"one popular speaker", {{"s0"}, {}, {}, {}}},
      {"two countries", {{}, {"RU", "UA"}, {}, {}}},
      {"country AND kind", {{}, {"US"}, {"direct"}, {}}},
      {"text search", {{}, {}, {}, "ceasefire talks"}},
      {"everything", {{"s1", "s2", "s3"}, {"UA", "PL"}, {"direct", "mixed"}, "security"}},
  };
  std::printf("\n%-22s %10s %12s %12s %9s\n", "filter", "matches", "indexed ms", "JSON scan ms", "speed-up");
  for (const Case& c : cases) {
    std::size_t indexed = 0, scanned = 0;
    const double fast = BestMs(5, [&] { return qe::apply_filter(*loaded.corpus, c.filter).visible.size(); }, &indexed);
    const double slow = BestMs(2, [&] { return ScanJson(articles, c.filter); }, &scanned);
    std::printf("%-22s %10zu %12.2f %12.1f %8.0fx%s\n", c.name, indexed, fast, slow, slow / fast,
                indexed == scanned ? "" : "  (MISMATCH)");
  }
  std::printf("\nindexed times include all facet counts; the scan computes only the visible set.\n");

  // A search typed one character at a time: what each keystroke costs today (the 16 ms goal
  // of docs/performance.md), beside one JSON scan for the whole query measured above.
  const std::string typed = "ceasefire talks";
  std::vector<double> keystrokes;
  for (std::size_t n = 1; n <= typed.size(); ++n) {
    qe::Filter filter;
    filter.text = typed.substr(0, n);
    std::size_t ignored = 0;
    keystrokes.push_back(BestMs(1, [&] { return qe::apply_filter(*loaded.corpus, filter).visible.size(); }, &ignored));
  }
  std::vector<double> sorted = keystrokes;
  std::sort(sorted.begin(), sorted.end());
  const double p95 = sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(0.95 * sorted.size()))];
  std::printf("typing \"%s\": %zu keystrokes, median %.1f ms, p95 %.1f ms, first (\"c\") %.1f ms\n", typed.c_str(),
              keystrokes.size(), sorted[sorted.size() / 2], p95, keystrokes[0]);
  std::printf("search keys: %.0f MB searched per keystroke\n", loaded.corpus->quotes.folded_text.buffer().size() / 1e6);
  return 0;
}
