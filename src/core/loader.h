// loader.h: turns article JSON text into a Corpus, or into errors that say where and why.
//
// Accepts (docs/format.md has the details):
//   - one article:  {"format": "quote-explorer/article@1", "id": …, "paragraphs": […], …}
//   - a corpus:     {"format": "quote-explorer/corpus@1", "articles": [ article, … ]}
//   - JSON Lines:   one article object per line (blank lines and CRLF are fine)
//
// Returns a Corpus only when the whole input is valid (or, for JSON Lines with
// LoadLimits::skip_invalid, when at least one line is: the others are listed as skipped): a
// failed load yields errors and no partial data, so callers keep showing what they had. Each error names the file, the line
// and column (JSON syntax, UTF-8, nesting) or the JSON Pointer (everything else), and what
// was expected:
//
//   qe::LoadResult result = qe::load_corpus(text, "article.json");
//   if (!result.ok()) for (auto& e : result.errors) std::cerr << e.to_string() << '\n';
//   else use(*result.corpus);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"

namespace qe {

// Hard bounds on what one load may allocate; exceeding one is an error, never an abort.
struct LoadLimits {
  std::size_t max_input_bytes = std::size_t{1} << 30;  // 1 GiB of JSON text
  std::size_t max_nesting_depth = 64;                  // articles need 4 levels
  std::size_t max_string_bytes = std::size_t{16} << 20;  // 16 MiB: far beyond any paragraph
  std::size_t max_quotes = 10'000'000;
  // Memory one JSON document (or one JSON Lines line) may need while it is parsed, estimated
  // before parsing (about 100 bytes a value): the browser build lowers it to fit its heap.
  std::uint64_t max_parse_bytes = std::uint64_t{16} << 30;
  std::size_t max_errors = 50;                          // reported; loading stops after
  // JSON Lines only: load the valid lines and report each invalid one in
  // LoadResult::skipped, instead of rejecting the whole input. Still an error when no line
  // is valid. (Not a bound, but it decides what a load may reject, like the bounds above.)
  bool skip_invalid = false;
  // Only start the text index (Corpus::build_text_index_slice builds it): a page builds it
  // while idle after the load, which then ends seconds sooner at a million quotes. Until it is
  // built, a search scans, with the same answers.
  bool text_index_later = false;
  // Tests only: false reads every article with the careful path (nlohmann, the one that words
  // the errors) instead of trying the fast one first (article_reader.h), so that tests can
  // check that both load the same corpus and refuse the same inputs.
  bool fast_path = true;
};

struct LoadError {
  std::string file;
  std::size_t line = 0, column = 0;  // 1-based; 0 when unknown. Column counts code points.
  std::string pointer;               // JSON Pointer within the article or corpus, "" if none
  std::string message;               // what was found and what was expected

  // "article.json:3:17: message" or "article.json: /quotes/2/end: message";
  // in JSON Lines both: "corpus.jsonl:12: /quotes/0/kind: message".
  std::string to_string() const;
};

// A JSON Lines line left out under LoadLimits::skip_invalid, and why.
struct SkippedLine {
  std::size_t line = 0;            // 1-based
  std::vector<LoadError> errors;   // each names the line
};

struct LoadResult {
  std::shared_ptr<const Corpus> corpus;  // null when the input is invalid
  std::vector<LoadError> errors;         // empty when the input is valid
  std::vector<SkippedLine> skipped;      // skip_invalid: the lines left out, ascending
  bool ok() const { return corpus != nullptr; }
};

LoadResult load_corpus(std::string_view text, std::string_view file_name, const LoadLimits& limits = {});

// Loads a corpus from bytes that arrive in pieces (a download, a file read in chunks),
// parsing as they come: JSON Lines line by line, and a corpus@1 document article by article,
// so no more than one article's text is held at a time. The result, errors and limits are
// load_corpus's; a single article is kept whole and read at finish().
//
//   qe::StreamLoader loader("corpus.jsonl", limits);
//   while (read(chunk)) if (!loader.feed(chunk)) break;   // false: failed, finish() says why
//   qe::LoadResult result = loader.finish();
//
// Cancelling is destroying the loader: nothing it read is kept anywhere.
class StreamLoader {
 public:
  explicit StreamLoader(std::string_view file_name, const LoadLimits& limits = {});
  ~StreamLoader();
  StreamLoader(const StreamLoader&) = delete;
  StreamLoader& operator=(const StreamLoader&) = delete;

  // The input's size, when known (Content-Length, a file's size), before the first feed:
  // the corpus's columns are then reserved once, extrapolated from the first articles,
  // instead of growing by doubling (which holds the old and the new copy at once).
  void expect_bytes(std::uint64_t total);
  // The next bytes, in order. Returns false once the load has failed (later bytes are
  // ignored; finish() gives the errors).
  bool feed(std::string_view bytes);
  // After the last feed: the corpus, or the errors (once; later calls return nothing).
  LoadResult finish();

  std::uint64_t bytes() const;      // fed so far
  std::size_t quotes() const;       // loaded so far
  std::size_t articles() const;
  bool failed() const;
  bool json_lines() const;          // read as JSON Lines (known from the first line)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Every error on one line each, for stderr and for the browser's error display.
std::string describe_errors(const std::vector<LoadError>& errors);

inline constexpr std::string_view kArticleFormat = "quote-explorer/article@1";
inline constexpr std::string_view kCorpusFormat = "quote-explorer/corpus@1";

}  // namespace qe
