// extract_bench: how fast qe::extract::extract_article turns article text into article@1
// JSON, on one core, against passes over the same bytes measured in the same run: a copy
// (memcpy), the paragraph split alone (lines trimmed and joined, as text_input does), and a
// naive quotation-mark scan (every “…” or "…" span, with code point offsets). Prints MB/s
// and ratios, asserts nothing.
//
//   build/native/extract_bench [--mb N] [--seed ARTICLE.json] [TEXT_DIR]
//
// Workloads: the seed article's text (its paragraphs one per line, the title given, as
// run.sh builds it) extracted over and over as separate articles; one long article made by
// repeating the seed paragraphs (256 KiB and 2 MiB: the MB/s should not fall with size);
// and, with TEXT_DIR, every *.txt in it (e.g. build/bench/polnear/dev/texts).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "extract/extract.h"
#include "extract/text_input.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Article {
  std::string text, title;
};

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "extract_bench: cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

volatile std::size_t g_sink = 0;

// Seconds per pass over `articles`, best of several timed groups of passes (>= 0.3 s each).
double SecondsPerPass(const std::vector<Article>& articles, const std::function<std::size_t(const Article&)>& work) {
  double best = 1e300;
  for (int group = 0; group < 3; ++group) {
    std::size_t passes = 0, sink = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    do {
      for (const Article& article : articles) sink += work(article);
      ++passes;
      elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < 0.3);
    g_sink = g_sink + sink;
    best = std::min(best, elapsed / static_cast<double>(passes));
  }
  return best;
}

// --- baselines --------------------------------------------------------------------------

std::size_t Copy(const Article& article) {
  static std::string buffer;
  buffer.resize(article.text.size());
  std::memcpy(buffer.data(), article.text.data(), article.text.size());
  return static_cast<unsigned char>(buffer[buffer.size() / 2]);
}

// The paragraph split the extractor itself does first (extract/text_input.h).
std::vector<std::string> Paragraphs(std::string_view text) { return qe::extract::split_paragraphs(text); }

std::size_t Split(const Article& article) { return Paragraphs(article.text).size(); }

// The naive extractor of bench/extraction/baselines.py (marks): spans between “ and ” or
// between two ", as code point offsets within each paragraph.
std::size_t MarkScan(const Article& article) {
  std::size_t found = 0;
  for (const std::string& paragraph : Paragraphs(article.text)) {
    const std::vector<std::uint32_t> offsets = qe::utf8::code_point_offsets(paragraph);
    std::size_t open = std::string::npos, cp = 0;
    std::string_view close;
    for (std::size_t i = 0; i < paragraph.size(); ++cp) {
      const std::string_view rest = std::string_view(paragraph).substr(i);
      std::size_t length = static_cast<std::size_t>(offsets[cp + 1] - offsets[cp]);
      if (open == std::string::npos) {
        if (rest.substr(0, 3) == "\xE2\x80\x9C") open = cp + 1, close = "\xE2\x80\x9D";
        else if (rest[0] == '"') open = cp + 1, close = "\"";
      } else if (rest.substr(0, close.size()) == close) {
        found += cp > open ? cp - open : 0;  // the span [open, cp)
        open = std::string::npos;
      }
      i += length;
    }
  }
  return found;
}

// --- the extractor ------------------------------------------------------------------------

std::size_t Extract(const Article& article) {
  qe::extract::Options options;
  options.info.title = article.title;
  options.info.id = "bench";
  options.format = qe::extract::InputFormat::Text;
  options.max_input_bytes = std::size_t{64} << 20;
  const qe::extract::ExtractResult result = qe::extract::extract_article(article.text, "bench.txt", options);
  if (!result.ok()) {
    std::fprintf(stderr, "extract_bench: extraction failed: %s\n", result.error->to_string().c_str());
    std::exit(1);
  }
  return (*result.article)["quotes"].size();
}

std::size_t Bytes(const std::vector<Article>& articles) {
  std::size_t bytes = 0;
  for (const Article& a : articles) bytes += a.text.size();
  return bytes;
}

void Measure(const char* name, const std::vector<Article>& articles) {
  const double mb = static_cast<double>(Bytes(articles)) / 1e6;
  std::size_t quotes = 0;
  for (const Article& a : articles) quotes += Extract(a);
  const double extract = SecondsPerPass(articles, Extract);
  const double copy = SecondsPerPass(articles, Copy);
  const double split = SecondsPerPass(articles, Split);
  const double marks = SecondsPerPass(articles, MarkScan);
  std::printf("\n%s: %zu article(s), %.2f MB, %zu quotes extracted per pass\n", name, articles.size(), mb, quotes);
  std::printf("  %-28s %10.2f MB/s   %8.1f articles/s\n", "quotes extract (1 core)", mb / extract,
              static_cast<double>(articles.size()) / extract);
  std::printf("  %-28s %10.2f MB/s   extract is %8.1fx slower\n", "baseline: memcpy", mb / copy, extract / copy);
  std::printf("  %-28s %10.2f MB/s   extract is %8.1fx slower\n", "baseline: paragraph split", mb / split, extract / split);
  std::printf("  %-28s %10.2f MB/s   extract is %8.1fx slower\n", "baseline: quotation-mark scan", mb / marks, extract / marks);
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 4;
  std::string seed_path = std::string(QE_SOURCE_DIR) + "/assets/articles/lavrov-european-troops.json";
  std::string text_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--mb" && i + 1 < argc) target_mb = std::atof(argv[++i]);
    else if (arg == "--seed" && i + 1 < argc) seed_path = argv[++i];
    else if (!arg.empty() && arg[0] != '-' && text_dir.empty()) text_dir = arg;
    else {
      std::fprintf(stderr, "usage: extract_bench [--mb N] [--seed ARTICLE.json] [TEXT_DIR]\n");
      return 2;
    }
  }
  const nlohmann::json seed = nlohmann::json::parse(ReadFile(seed_path));
  std::string seed_text;
  for (const auto& paragraph : seed["paragraphs"]) seed_text += paragraph.get<std::string>() + "\n";
  const std::string title = seed["title"];

  std::printf("extract_bench: MB/s of input text on one core; ratios are against passes over the same bytes\n");
  std::printf("measured in this run (best of 3 groups of >= 0.3 s).\n");

  std::vector<Article> articles;
  while (Bytes(articles) < target_mb * 1e6) articles.push_back({seed_text, title});
  Measure("seed article, as many separate articles", articles);

  for (const std::size_t size : {std::size_t{256} << 10, std::size_t{2} << 20}) {
    std::string long_text;
    while (long_text.size() < size)
      for (const auto& paragraph : seed["paragraphs"]) long_text += paragraph.get<std::string>() + "\n\n";
    char name[80];
    std::snprintf(name, sizeof name, "one long article (seed paragraphs repeated, %zu KiB)", size >> 10);
    Measure(name, {{long_text, title}});
  }

  if (!text_dir.empty()) {
    std::vector<Article> texts;
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(text_dir))
      if (entry.path().extension() == ".txt") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) texts.push_back({ReadFile(path.string()), path.stem().string()});
    if (texts.empty()) {
      std::fprintf(stderr, "extract_bench: no .txt files in %s\n", text_dir.c_str());
      return 1;
    }
    Measure(("the texts in " + text_dir).c_str(), texts);
  }
  std::printf("\n(sink %zu)\n", static_cast<std::size_t>(g_sink) % 10);
  return 0;
}
