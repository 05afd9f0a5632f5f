// filter_bench: how much faster the core's indexed filter is than scanning JSON objects, and
// how much less memory the columnar corpus holds than the parsed JSON, measured in the same
// run on a generated corpus, and what a search keystroke costs with the text index against a
// full scan of the search keys. Prints ratios, asserts nothing.
//
//   build/native/filter_bench [--quotes N]     (default 1,000,000)
#include <malloc.h>
#include <time.h>

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


double MsSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

// This thread's CPU time: on a shared machine, wall time also counts the time other
// processes held the core.
double CpuMs() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// One keystroke as the explorer pays it: the text step, then the filter with its facet counts.
struct Keystroke {
  double text_ms = 0, total_ms = 0, cpu_ms = 0;  // wall, wall, CPU
  std::vector<qe::QuoteIndex> matches;
};

Keystroke Type(const qe::Corpus& corpus, const std::string& query, const std::function<std::vector<qe::QuoteIndex>()>& search) {
  Keystroke k;
  const double cpu_start = CpuMs();
  const auto start = Clock::now();
  k.matches = search();
  k.text_ms = MsSince(start);
  qe::Filter filter;
  filter.text = query;
  const std::size_t visible = qe::apply_filter(corpus, filter, &k.matches).visible.size();
  k.total_ms = MsSince(start);
  k.cpu_ms = CpuMs() - cpu_start;
  if (visible != k.matches.size()) std::printf("(visible %zu != matches %zu)\n", visible, k.matches.size());
  return k;
}

// "ceasefire talks" typed one byte at a time, then pasted whole, `rounds` times: each
// keystroke through the index (refining the previous keystroke's matches, as Explorer does)
// and through the full scan of all search keys, interleaved so that the machine's load falls
// on both alike. Between keystrokes, the matches an answer from the index's bit sets left
// unlocated are located (timed apart, as the explorer's idle work: Explorer::do_idle_work).
// Prints p50/p95 of each (wall time, and CPU time beside it) and their ratio, and the
// keystrokes one by one.
void TypingBench(const qe::Corpus& corpus, double load_ms) {
  const std::string typed = "ceasefire talks";
  std::vector<std::string> queries;
  for (std::size_t n = 1; n <= typed.size(); ++n) queries.push_back(typed.substr(0, n));
  queries.push_back(typed);  // pasted: no previous search to refine
  const std::size_t typed_count = typed.size();
  constexpr int kRounds = 5;
  std::vector<double> index_text, index_total, scan_text, scan_total, index_cpu, scan_cpu;
  std::vector<std::vector<double>> by_query_index(queries.size()), by_query_scan(queries.size()),
      by_query_text(queries.size()), by_query_idle(queries.size());
  std::vector<std::size_t> match_counts(queries.size());
  bool same = true;
  for (int round = 0; round < kRounds; ++round) {
    qe::TextSearch previous;
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const std::string& query = queries[i];
      const bool refine = i > 0 && i < typed_count;
      const Keystroke indexed = Type(corpus, query, [&] {
        previous = qe::search_text(corpus, query, refine ? std::move(previous) : qe::TextSearch{});
        return previous.quotes;
      });
      const auto idle_start = Clock::now();
      while (qe::needs_locating(previous)) qe::locate_matches(corpus, previous, 4096);
      by_query_idle[i].push_back(MsSince(idle_start));
      const Keystroke scanned = Type(corpus, query, [&] { return qe::scan_text(corpus, query); });
      same = same && indexed.matches == scanned.matches;
      index_text.push_back(indexed.text_ms), index_total.push_back(indexed.total_ms);
      scan_text.push_back(scanned.text_ms), scan_total.push_back(scanned.total_ms);
      index_cpu.push_back(indexed.cpu_ms), scan_cpu.push_back(scanned.cpu_ms);
      by_query_index[i].push_back(indexed.total_ms), by_query_scan[i].push_back(scanned.total_ms);
      by_query_text[i].push_back(indexed.text_ms);
      match_counts[i] = indexed.matches.size();
    }
  }
  std::printf("\ntyping \"%s\" then pasting it, %d rounds (%zu keystrokes), p50/p95 ms:\n", typed.c_str(), kRounds,
              index_total.size());
  std::printf("%-27s %9s %9s %10s\n", "", "index", "scan", "scan/index");
  const auto row = [](const char* name, const std::vector<double>& index, const std::vector<double>& scan) {
    for (double p : {0.5, 0.95})
      std::printf("%-22s p%-4.0f %9.2f %9.2f %8.1fx\n", name, p * 100, Percentile(index, p), Percentile(scan, p),
                  Percentile(scan, p) / Percentile(index, p));
  };
  row("text step", index_text, scan_text);
  row("keystroke (+ filter)", index_total, scan_total);
  row("keystroke, CPU time", index_cpu, scan_cpu);
  std::printf("results %s\n", same ? "identical" : "DIFFER (MISMATCH)");
  std::printf("\nper keystroke, median of %d rounds: query, matches, keystroke ms index (its text step) / scan;"
              " then idle work ms\n", kRounds);
  for (std::size_t i = 0; i < queries.size(); ++i)
    std::printf("  %-18s %9zu %8.2f (%5.2f) %8.2f %8.2f%s\n", ("\"" + queries[i] + "\"").c_str(), match_counts[i],
                Percentile(by_query_index[i], 0.5), Percentile(by_query_text[i], 0.5), Percentile(by_query_scan[i], 0.5),
                Percentile(by_query_idle[i], 0.5), i < typed_count ? "" : "  (pasted)");

  const std::size_t quotes = corpus.quotes.size();
  const auto build_start = Clock::now();
  qe::TextIndex index;
  index.build(corpus);
  const double build_ms = MsSince(build_start);
  std::printf("\ntext index: %.1f MB, %.1f bytes a quote; built in %.0f ms (%.1f %% of load); search keys kept %.0f MB\n",
              index.memory_bytes() / 1e6, static_cast<double>(index.memory_bytes()) / quotes, build_ms,
              100 * build_ms / load_ms, corpus.quotes.search_keys.keys().size() / 1e6);
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
  std::printf("\n%-22s %10s %12s %12s %12s %9s\n", "filter", "matches", "first ms", "indexed ms", "JSON scan ms", "speed-up");
  for (const Case& c : cases) {
    std::size_t indexed = 0, scanned = 0;
    const auto filter = [&] { return qe::apply_filter(*loaded.corpus, c.filter).visible.size(); };
    const double first = BestMs(1, filter, &indexed);
    const double fast = BestMs(5, filter, &indexed);
    const double slow = BestMs(2, [&] { return ScanJson(articles, c.filter); }, &scanned);
    std::printf("%-22s %10zu %12.2f %12.2f %12.1f %8.0fx%s\n", c.name, indexed, first, fast, slow, slow / fast,
                indexed == scanned ? "" : "  (MISMATCH)");
  }
  std::printf("\nindexed times include all facet counts (best of 5; \"first\": the first time, before the\n"
              "histograms kept for one facet's value exist); the scan computes only the visible set.\n");

  TypingBench(*loaded.corpus, load_ms);
  return 0;
}
