// article_reader.h: the loader's fast path. Reads one article@1 object's JSON text straight
// into a typed record, checking everything one article alone can break (syntax, duplicate
// keys, field types, enums, country codes, speaker references, quote ids and spans), in one
// pass over the bytes and without building a JSON value.
//
// It only says yes or no: anything wrong or unusual (an error of any kind, a key written
// with escapes, a negative zero, a nesting or size limit) makes read() return null, and the
// loader then reads that article with its careful path (nlohmann, json_text.h), which finds
// and words the errors. So every message comes from one place, and the fast path must only
// never accept what the careful path refuses (the loader's differential fuzz test checks
// that both agree).
//
//   qe::ArticleReader reader(limits);
//   if (const qe::ArticleRecord* article = reader.read(line)) add(*article);
//   else careful_path(line);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"
#include "core/loader.h"

namespace qe {

// One valid article. Strings are views into the text read() was given, or into the reader's
// own buffer for strings that held escapes: valid until the next read().
struct ArticleRecord {
  struct SpeakerRecord {
    std::string_view id, name, role;
    std::uint32_t first_alias = 0, alias_count = 0;  // in ArticleRecord::aliases
    SpeakerKind kind = SpeakerKind::Person;
    CountryId country = kNoCountry;
  };
  struct QuoteRecord {
    std::string_view id, speaker_id, text, cue;
    std::uint32_t speaker = 0;  // index into ArticleRecord::speakers
    std::uint32_t paragraph = 0, start = 0, end = 0, start_byte = 0, end_byte = 0;
    QuoteKind kind = QuoteKind::Direct;
    std::uint8_t confidence = kNoConfidence;
    bool reviewed = false;
  };

  std::string_view format;  // empty when the article names none (a corpus's articles need not)
  std::string_view id, title, dateline, published, language, source_name, source_url, extracted_by;
  bool extracted = false, reviewed = false;
  std::vector<std::string_view> paragraphs, aliases;
  std::vector<SpeakerRecord> speakers;
  std::vector<QuoteRecord> quotes;  // in display order: by paragraph, then start (stable)
};

class ArticleReader {
 public:
  explicit ArticleReader(const LoadLimits& limits) : limits_(limits) {}

  // The article that `text` holds (one JSON object, blanks around it allowed), or null when
  // the careful path must read it. The text must be valid UTF-8 without NUL bytes (the
  // loader checks the raw bytes first).
  const ArticleRecord* read(std::string_view text);

 private:
  class Parser;
  bool check_references();
  bool check_references_sorted();  // for articles with many speakers or quotes
  bool check_spans();
  bool byte_range(std::uint32_t paragraph, std::uint32_t start, std::uint32_t end, std::uint32_t& begin_byte,
                  std::uint32_t& end_byte);

  const LoadLimits& limits_;
  ArticleRecord record_;
  std::string unescaped_;  // strings that held escapes, decoded; reserved to the text's size
  std::vector<std::string_view> open_keys_;  // keys of the objects being read whose names are not fixed
  // Span checks, per paragraph: unknown yet, ASCII (code points are bytes), or where its code
  // point offsets start in `offsets_` and how many code points it has.
  struct CodePoints {
    std::uint32_t first, count;
  };
  std::vector<CodePoints> code_points_;
  std::vector<std::uint32_t> offsets_;
  std::vector<std::pair<std::string_view, std::uint32_t>> sorted_;  // ids, for lookups and duplicates
};

}  // namespace qe
