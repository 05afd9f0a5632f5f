#include "core/loader.h"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "core/article_reader.h"
#include "core/byte_blocks.h"
#include "core/id_table.h"
#include "core/json_text.h"
#include "core/utf8.h"

namespace qe {
namespace {

using json = nlohmann::json;

// [SECTION] Error collection

class ErrorSink {
 public:
  ErrorSink(std::string_view file, const LoadLimits& limits) : file_(file), limits_(limits) {}

  void at_position(json_text::Position position, std::string message) {
    add(LoadError{file_, position.line, position.column, "", std::move(message)});
  }
  void at_pointer(const std::string& pointer, std::string message) {
    add(LoadError{file_, line_, 0, pointer.empty() ? "/" : pointer, std::move(message)});
  }
  void set_line(std::size_t line) { line_ = line; }  // JSON Lines: the article's line
  // A problem at a byte offset of `text`, where `text` starts at `base` within `whole`.
  void at_offset(std::string_view whole, std::size_t base, const json_text::Problem& problem) {
    at_position(json_text::position_of(whole, base + problem.offset), problem.message);
  }
  // A problem at a byte offset of `text`, where `text` starts at position `start`.
  void at_offset(json_text::Position start, std::string_view text, const json_text::Problem& problem) {
    at_position(json_text::advance(start, text.substr(0, std::min(problem.offset, text.size()))), problem.message);
  }
  const std::string& file() const { return file_; }
  bool any() const { return !errors_.empty(); }
  bool full() const { return errors_.size() >= limits_.max_errors; }
  std::vector<LoadError> take() { return std::move(errors_); }

 private:
  void add(LoadError error) {
    if (!full()) errors_.push_back(std::move(error));
  }
  std::string file_;
  const LoadLimits& limits_;
  std::size_t line_ = 0;
  std::vector<LoadError> errors_;
};

// Control characters escaped as in JSON, so that messages stay on one line and never drive
// a terminal.
std::string escape_controls(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
      out += c;
      continue;
    }
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned char>(c));
    out += escaped;
  }
  return out;
}

// A value quoted in a message: at most 60 code points, controls escaped.
std::string shown(std::string_view text) {
  constexpr std::size_t kShown = 60;
  const bool cut = utf8::count_code_points(text) > kShown;
  if (cut) text = text.substr(0, utf8::byte_offset_of(text, kShown));
  return "\"" + escape_controls(text) + (cut ? "…\"" : "\"");
}

// "a string \"abc\"", "the number 3", "null": what the user wrote, for "found …".
std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case json::value_t::string: return "the string " + shown(value.get_ref<const std::string&>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "the number " + value.dump();
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    default: return "an unsupported value";
  }
}

// "a, b, c" for the first ten, then "… and 90 more": an article may have thousands.
std::string join_ids(const std::vector<std::string>& ids) {
  constexpr std::size_t kListed = 10;
  std::string out;
  for (std::size_t i = 0; i < std::min(ids.size(), kListed); ++i) out += (i ? ", " : "") + escape_controls(ids[i]);
  if (ids.size() > kListed) out += " … and " + std::to_string(ids.size() - kListed) + " more";
  return out;
}

// Parses `text` (at `base` within `whole`), reporting syntax errors at their line and column
// and duplicate keys at their JSON Pointer; returns the value only when both are absent.
// Where a piece of text sits in the input: at `base` within `whole`, or (streaming, when the
// whole is gone) at a known position.
struct Origin {
  std::string_view whole;
  std::size_t base = 0;
  std::optional<json_text::Position> start;
};

// `pointer_prefix`: the JSON Pointer of the text's value within the document (a streamed
// article: "/articles/3").
std::optional<json> parse_json(std::string_view text, const Origin& origin, const LoadLimits& limits,
                               ErrorSink& errors, const std::string& pointer_prefix = "") {
  json_text::Parsed parsed = json_text::parse(text, limits);
  for (const json_text::DuplicateKey& duplicate : parsed.duplicate_keys)
    errors.at_pointer(pointer_prefix + duplicate.pointer,
                      "duplicate key " + shown(duplicate.key) + "; expected each key once per object");
  if (parsed.problem) {
    if (origin.start) errors.at_offset(*origin.start, text, *parsed.problem);
    else errors.at_offset(origin.whole, origin.base, *parsed.problem);
  }
  if (!parsed.duplicate_keys.empty()) return std::nullopt;
  return std::move(parsed.value);
}

std::optional<json> parse_json(std::string_view text, std::size_t base, std::string_view whole,
                               const LoadLimits& limits, ErrorSink& errors) {
  return parse_json(text, Origin{whole, base, std::nullopt}, limits, errors);
}

// [SECTION] Typed field access with JSON Pointers

class ObjectReader {
 public:
  ObjectReader(const json& object, std::string pointer, ErrorSink& errors)
      : object_(object), pointer_(std::move(pointer)), errors_(errors) {}

  const std::string& pointer() const { return pointer_; }
  std::string pointer_to(std::string_view key) const { return pointer_ + "/" + std::string(key); }

  // A string member; `required` reports a missing key, `allow_null` accepts null as "".
  std::optional<std::string> string(std::string_view key, bool required, bool allow_null = true) {
    const json* value = member(key, required);
    if (!value || (allow_null && value->is_null())) return required ? std::nullopt : std::optional<std::string>("");
    if (!value->is_string()) return wrong_type(key, *value, allow_null ? "a string or null" : "a string");
    return value->get<std::string>();
  }

  std::optional<std::string> non_empty_string(std::string_view key) {
    auto text = string(key, /*required=*/true, /*allow_null=*/false);
    if (text && text->empty()) {
      errors_.at_pointer(pointer_to(key), "expected a non-empty string, found \"\"");
      return std::nullopt;
    }
    return text;
  }

  std::optional<std::uint32_t> index(std::string_view key) {
    const json* value = member(key, /*required=*/true);
    if (!value) return std::nullopt;
    if (!value->is_number_integer() || (value->is_number_integer() && value->get<std::int64_t>() < 0) ||
        (value->is_number_unsigned() && value->get<std::uint64_t>() > UINT32_MAX)) {
      wrong_type(key, *value, "a non-negative integer");
      return std::nullopt;
    }
    return static_cast<std::uint32_t>(value->get<std::uint64_t>());
  }

  // An array member; a missing or null optional array reads as empty.
  const json* array(std::string_view key, bool required) {
    static const json kEmpty = json::array();
    const json* value = member(key, required);
    if (!value) return required ? nullptr : &kEmpty;
    if (!required && value->is_null()) return &kEmpty;
    if (!value->is_array()) {
      wrong_type(key, *value, "an array");
      return nullptr;
    }
    return value;
  }

  // An optional number from 0 to 1 (null or missing: none), as a whole percent.
  std::optional<std::uint8_t> fraction(std::string_view key, bool& ok) {
    const json* value = member(key, /*required=*/false);
    if (!value || value->is_null()) return std::nullopt;
    const double number = value->is_number() ? value->get<double>() : -1.0;
    if (!value->is_number() || !(number >= 0.0 && number <= 1.0)) {
      ok = false;
      return wrong_type(key, *value, "a number from 0 to 1, or null");
    }
    return static_cast<std::uint8_t>(number * 100.0 + 0.5);
  }

  // An optional boolean; missing or null reads as `fallback`.
  std::optional<bool> boolean(std::string_view key, bool fallback) {
    const json* value = member(key, /*required=*/false);
    if (!value || value->is_null()) return fallback;
    if (!value->is_boolean()) return wrong_type(key, *value, "true, false or null");
    return value->get<bool>();
  }

  const json* optional_object(std::string_view key) {
    const json* value = member(key, /*required=*/false);
    if (!value || value->is_null()) return nullptr;
    if (!value->is_object()) wrong_type(key, *value, "an object or null");
    return value->is_object() ? value : nullptr;
  }

 private:
  const json* member(std::string_view key, bool required) {
    auto it = object_.find(key);
    if (it != object_.end()) return &*it;
    if (required) errors_.at_pointer(pointer_to(key), "missing required field \"" + std::string(key) + "\"");
    return nullptr;
  }
  std::nullopt_t wrong_type(std::string_view key, const json& value, std::string_view expected) {
    errors_.at_pointer(pointer_to(key), "expected " + std::string(expected) + ", found " + describe(value));
    return std::nullopt;
  }

  const json& object_;
  std::string pointer_;
  ErrorSink& errors_;
};

bool expect_object(const json& value, const std::string& pointer, std::string_view what, ErrorSink& errors) {
  if (value.is_object()) return true;
  errors.at_pointer(pointer, "expected " + std::string(what) + " object, found " + describe(value));
  return false;
}

// [SECTION] Building the corpus, one article at a time

struct PendingQuote {
  std::string id, text, cue;
  SpeakerId speaker;
  QuoteKind kind;
  std::uint8_t confidence = kNoConfidence;
  bool reviewed = false;
  std::uint32_t paragraph, start, end, start_byte, end_byte;
};

class CorpusBuilder {
 public:
  CorpusBuilder(ErrorSink& errors, const LoadLimits& limits) : sink_(&errors), limits_(limits), reader_(limits) {}

  // The fast path: the article in `text` read by ArticleReader and added as add_article adds
  // it. False, having changed nothing, when it must go the careful way (parse_json, then
  // add_article), which says what is wrong. A document on its own must name the article
  // format (`format_required`), as read_document requires.
  bool add_fast(std::string_view text, bool format_required = false);
  void add_article(const json& value, const std::string& pointer, bool format_required);
  // add_article reporting to `errors` (one JSON Lines line's own sink); when the article is
  // invalid, undoes what add_article registered before it found out (its id, new speakers),
  // so the line is left out as if it were never read. Returns whether it was added.
  bool add_article_or_undo(const json& value, ErrorSink& errors);
  std::shared_ptr<const Corpus> finish();
  std::size_t quote_count() const { return corpus_->quotes.size(); }
  std::size_t article_count() const { return corpus_->articles.size(); }
  void reserve_for(std::uint64_t read_bytes, std::uint64_t total_bytes);

 private:
  void read_source(ObjectReader& reader, Article& article);
  void read_extracted(ObjectReader& reader, Article& article);
  bool read_paragraphs(ObjectReader& reader);
  std::unordered_map<std::string, SpeakerId> read_speakers(ObjectReader& reader);
  std::vector<PendingQuote> read_quotes(ObjectReader& reader, const std::unordered_map<std::string, SpeakerId>& speakers);
  std::optional<PendingQuote> read_quote(const json& value, const std::string& pointer,
                                         const std::unordered_map<std::string, SpeakerId>& speakers);
  bool check_span(ObjectReader& reader, PendingQuote& quote);
  const std::vector<std::uint32_t>& code_point_offsets(std::uint32_t paragraph);
  std::optional<CountryId> read_country(ObjectReader& reader);
  void append_quotes(std::vector<PendingQuote> quotes);
  // The article's paragraphs (string views, first to last) to the corpus's paragraph pool.
  template <class Iterator>
  void append_paragraphs(Article& article, Iterator first, Iterator last) {
    article.first_paragraph = first_paragraph_ = static_cast<std::uint32_t>(corpus_->paragraphs.size());
    for (; first != last; ++first) corpus_->paragraphs.add(*first);
    article.paragraph_count = static_cast<std::uint32_t>(corpus_->paragraphs.size() - article.first_paragraph);
  }
  bool add_record(const ArticleRecord& record);
  SpeakerId intern_speaker(const ArticleRecord& record, const ArticleRecord::SpeakerRecord& speaker);
  void append_quote(const ArticleRecord::QuoteRecord& quote, SpeakerId speaker, ArticleId article);

  ErrorSink* sink_;
  ErrorSink& errors_() { return *sink_; }
  const LoadLimits& limits_;
  std::unique_ptr<Corpus> corpus_ = std::make_unique<Corpus>();
  std::uint32_t first_paragraph_ = 0;  // the current article's (append_paragraphs), for its quotes' search bytes
  IdTable speaker_ids_;  // the corpus's speakers by id: one entry each, in the same order
  auto speaker_id_of() const {
    return [this](std::uint32_t s) { return std::string_view(corpus_->speakers[s].id); };
  }
  std::unordered_set<std::string> article_ids_;
  std::optional<std::string> added_id_;  // the id add_article registered, for add_article_or_undo
  // Per paragraph of the current article, the byte offset of each code point (and of the
  // end), built on first use: span checks cost O(1) however many quotes share a paragraph.
  std::vector<std::vector<std::uint32_t>> offsets_;
  // The careful path's paragraphs of the current article: views of its JSON value.
  std::vector<std::string_view> paragraphs_;
  std::vector<std::string> known_speakers_;  // sorted, for "unknown speaker" messages
  std::string known_speakers_text_;
  // The fast path's reader, and per article the corpus's SpeakerId of each of its speakers.
  ArticleReader reader_;
  std::vector<SpeakerId> record_speakers_;
};

// Reserves the columns for a whole input of `total_bytes`, as the articles in its first
// `read_bytes` suggest (with a tenth more), within bounds that no valid input passes: a
// quote takes more than 64 bytes of JSON, and no pool more than the input (folding may
// lengthen a text, so that pool gets half as much again).
void CorpusBuilder::reserve_for(std::uint64_t read_bytes, std::uint64_t total_bytes) {
  if (!read_bytes || total_bytes <= read_bytes) return;
  const double scale = 1.1 * static_cast<double>(total_bytes) / static_cast<double>(read_bytes);
  const auto scaled = [&](std::size_t now, std::uint64_t bound) {
    return static_cast<std::size_t>(std::min<double>(static_cast<double>(now) * scale, static_cast<double>(bound)));
  };
  QuoteTable& table = corpus_->quotes;
  const std::size_t quotes = scaled(table.size(), std::min<std::uint64_t>(total_bytes / 64, limits_.max_quotes));
  table.speaker.reserve(quotes);
  table.country.reserve(quotes);
  table.kind.reserve(quotes);
  table.confidence.reserve(quotes);
  table.reviewed.reserve(quotes);
  table.article.reserve(quotes);
  table.paragraph.reserve(quotes);
  table.start_byte.reserve(quotes);
  table.end_byte.reserve(quotes);
  for (StringPool* pool : {&table.id, &table.cue})
    pool->reserve(quotes, scaled(pool->buffer().size(), total_bytes));
  table.search_keys.reserve(quotes, scaled(table.search_keys.keys().size(), total_bytes + total_bytes / 2));
  corpus_->articles.reserve(scaled(corpus_->articles.size(), total_bytes / 64));
  corpus_->paragraphs.reserve(scaled(corpus_->paragraphs.size(), total_bytes / 3),
                              scaled(corpus_->paragraphs.buffer().size(), total_bytes));
}

bool CorpusBuilder::add_fast(std::string_view text, bool format_required) {
  if (!limits_.fast_path) return false;
  const ArticleRecord* record = reader_.read(text);
  return record && (!format_required || record->format == kArticleFormat) && add_record(*record);
}

// What add_article does for a valid article, from its record: the article id and new
// speakers registered, then (unless earlier articles failed) the article and its quotes.
bool CorpusBuilder::add_record(const ArticleRecord& record) {
  if (corpus_->quotes.size() + record.quotes.size() > limits_.max_quotes) return false;
  if (!article_ids_.emplace(record.id).second) return false;
  record_speakers_.clear();
  for (const ArticleRecord::SpeakerRecord& speaker : record.speakers)
    record_speakers_.push_back(intern_speaker(record, speaker));
  if (errors_().any()) return true;  // as add_article: keep validating, build nothing

  Article article;
  article.id = record.id;
  article.title = record.title;
  article.dateline = record.dateline;
  article.published = record.published;
  article.language = record.language;
  article.source = Source{std::string(record.source_name), std::string(record.source_url)};
  article.extracted = record.extracted;
  article.reviewed = record.reviewed;
  article.extracted_by = record.extracted_by;
  append_paragraphs(article, record.paragraphs.begin(), record.paragraphs.end());
  article.first_quote = static_cast<QuoteIndex>(corpus_->quotes.size());
  article.quote_count = static_cast<QuoteIndex>(record.quotes.size());
  const auto article_index = static_cast<ArticleId>(corpus_->articles.size());
  for (const ArticleRecord::QuoteRecord& quote : record.quotes)
    append_quote(quote, record_speakers_[quote.speaker], article_index);
  corpus_->articles.push_back(std::move(article));
  return true;
}

// Equal ids across a corpus are one speaker: the first article's description wins.
SpeakerId CorpusBuilder::intern_speaker(const ArticleRecord& record, const ArticleRecord::SpeakerRecord& fields) {
  if (const auto found = speaker_ids_.find(fields.id, speaker_id_of()); found != IdTable::kAbsent) return found;
  const auto id = static_cast<SpeakerId>(corpus_->speakers.size());
  Speaker speaker;
  speaker.id = fields.id;
  speaker.name = fields.name;
  speaker.role = fields.role;
  const auto aliases = record.aliases.begin() + fields.first_alias;
  speaker.aliases.assign(aliases, aliases + fields.alias_count);
  speaker.kind = fields.kind;
  speaker.country = fields.country;
  corpus_->speakers.push_back(std::move(speaker));
  speaker_ids_.add(fields.id, speaker_id_of());
  return id;
}

void CorpusBuilder::append_quote(const ArticleRecord::QuoteRecord& quote, SpeakerId speaker, ArticleId article) {
  QuoteTable& table = corpus_->quotes;
  table.speaker.push_back(speaker);
  table.country.push_back(corpus_->speakers[speaker].country);
  table.kind.push_back(quote.kind);
  table.confidence.push_back(quote.confidence);
  table.reviewed.push_back(quote.reviewed ? 1 : 0);
  table.article.push_back(article);
  table.paragraph.push_back(quote.paragraph);
  table.start_byte.push_back(quote.start_byte);
  table.end_byte.push_back(quote.end_byte);
  table.id.add(quote.id);
  table.cue.add(quote.cue);
  table.search_keys.add(quote.text, corpus_->paragraphs.begin_of(first_paragraph_ + quote.paragraph) + quote.start_byte);
}

void CorpusBuilder::add_article(const json& value, const std::string& pointer, bool format_required) {
  if (!expect_object(value, pointer, "an article", errors_())) return;
  ObjectReader reader(value, pointer, errors_());
  if (auto format = reader.string("format", format_required, /*allow_null=*/false);
      format && !format->empty() && *format != kArticleFormat) {
    errors_().at_pointer(reader.pointer_to("format"), "unknown format " + shown(*format) + "; expected \"" +
                                                        std::string(kArticleFormat) + "\"");
  }
  Article article;
  if (auto id = reader.non_empty_string("id")) {
    article.id = *id;
    if (article_ids_.insert(article.id).second)
      added_id_ = article.id;
    else
      errors_().at_pointer(reader.pointer_to("id"), "duplicate article id " + shown(article.id) +
                                                      "; expected each article id once in a corpus");
  }
  article.title = reader.string("title", /*required=*/true, /*allow_null=*/false).value_or("");
  article.dateline = reader.string("dateline", false).value_or("");
  article.published = reader.string("published", false).value_or("");
  article.language = reader.string("language", false).value_or("");
  read_source(reader, article);
  read_extracted(reader, article);
  const bool paragraphs_ok = read_paragraphs(reader);
  const auto speakers = read_speakers(reader);
  offsets_.assign(paragraphs_.size(), {});
  known_speakers_.clear();
  auto quotes = paragraphs_ok ? read_quotes(reader, speakers) : std::vector<PendingQuote>{};
  if (errors_().any()) return;  // keep validating for more errors, but build nothing

  append_paragraphs(article, paragraphs_.begin(), paragraphs_.end());
  article.first_quote = static_cast<QuoteIndex>(corpus_->quotes.size());
  article.quote_count = static_cast<QuoteIndex>(quotes.size());
  append_quotes(std::move(quotes));
  corpus_->articles.push_back(std::move(article));
}

bool CorpusBuilder::add_article_or_undo(const json& value, ErrorSink& errors) {
  ErrorSink* const corpus_errors = sink_;
  sink_ = &errors;
  added_id_.reset();
  const std::size_t speakers_before = corpus_->speakers.size();
  add_article(value, "", /*format_required=*/false);
  sink_ = corpus_errors;
  if (!errors.any()) return true;
  // add_article appends quotes and the article only when valid; before it knew, it may have
  // registered the id and new speakers (read_speakers), which later lines must not see.
  for (std::size_t s = corpus_->speakers.size(); s-- > speakers_before;) speaker_ids_.remove_last(corpus_->speakers[s].id);
  corpus_->speakers.resize(speakers_before);
  if (added_id_) article_ids_.erase(*added_id_);
  return false;
}

void CorpusBuilder::read_source(ObjectReader& reader, Article& article) {
  const json* source = reader.optional_object("source");
  if (!source) return;
  ObjectReader source_reader(*source, reader.pointer_to("source"), errors_());
  article.source.name = source_reader.string("name", false).value_or("");
  article.source.url = source_reader.string("url", false).value_or("");
}

void CorpusBuilder::read_extracted(ObjectReader& reader, Article& article) {
  const json* extracted = reader.optional_object("extracted");
  if (!extracted) return;
  ObjectReader fields(*extracted, reader.pointer_to("extracted"), errors_());
  article.extracted = true;
  article.extracted_by = fields.string("by", false).value_or("");
  article.reviewed = fields.boolean("reviewed", false).value_or(false);
}

// Into paragraphs_, as views of the article's JSON value.
bool CorpusBuilder::read_paragraphs(ObjectReader& reader) {
  paragraphs_.clear();
  const json* paragraphs = reader.array("paragraphs", /*required=*/true);
  if (!paragraphs) return false;
  bool ok = true;
  for (std::size_t i = 0; i < paragraphs->size(); ++i) {
    const json& paragraph = (*paragraphs)[i];
    if (!paragraph.is_string()) {
      errors_().at_pointer(reader.pointer_to("paragraphs") + "/" + std::to_string(i),
                         "expected a paragraph string, found " + describe(paragraph));
      ok = false;
      continue;
    }
    paragraphs_.push_back(paragraph.get_ref<const std::string&>());
  }
  return ok;
}

std::optional<CountryId> CorpusBuilder::read_country(ObjectReader& reader) {
  const auto code = reader.string("country", false);
  if (!code) return std::nullopt;
  if (code->empty()) return kNoCountry;
  if (auto id = find_country(*code)) return *id;
  std::string message = shown(*code) + " is not an ISO 3166-1 alpha-2 country code";
  std::string upper = *code;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  if (find_country(upper)) message += "; did you mean \"" + upper + "\"? Codes are upper case";
  else message += "; expected two upper-case letters such as \"RU\", or null";
  errors_().at_pointer(reader.pointer_to("country"), message);
  return std::nullopt;
}

std::unordered_map<std::string, SpeakerId> CorpusBuilder::read_speakers(ObjectReader& reader) {
  std::unordered_map<std::string, SpeakerId> local;
  const json* speakers = reader.array("speakers", /*required=*/true);
  if (!speakers) return local;
  for (std::size_t i = 0; i < speakers->size(); ++i) {
    const std::string pointer = reader.pointer_to("speakers") + "/" + std::to_string(i);
    if (!expect_object((*speakers)[i], pointer, "a speaker", errors_())) continue;
    ObjectReader fields((*speakers)[i], pointer, errors_());
    Speaker speaker;
    auto id = fields.non_empty_string("id");
    auto name = fields.non_empty_string("name");
    speaker.role = fields.string("role", false).value_or("");
    if (const json* aliases = fields.array("aliases", false)) {
      for (std::size_t a = 0; a < aliases->size(); ++a) {
        if ((*aliases)[a].is_string()) speaker.aliases.push_back((*aliases)[a].get<std::string>());
        else errors_().at_pointer(fields.pointer_to("aliases") + "/" + std::to_string(a),
                                "expected an alias string, found " + describe((*aliases)[a]));
      }
    }
    if (auto kind = fields.string("kind", false, false); kind && !kind->empty()) {
      if (auto parsed = parse_speaker_kind(*kind)) speaker.kind = *parsed;
      else errors_().at_pointer(fields.pointer_to("kind"), "unknown speaker kind " + shown(*kind) +
                                                            "; expected \"person\", \"organization\" or \"group\"");
    }
    const auto country = read_country(fields);
    if (!id || !name) continue;
    if (local.count(*id)) {
      errors_().at_pointer(fields.pointer_to("id"), "duplicate speaker id " + shown(*id) +
                                                      "; expected each speaker once per article");
      continue;
    }
    speaker.id = *id;
    speaker.name = *name;
    speaker.country = country.value_or(kNoCountry);
    // Equal ids across a corpus are one speaker: the first article's description wins.
    SpeakerId global = speaker_ids_.find(*id, speaker_id_of());
    if (global == IdTable::kAbsent) {
      global = static_cast<SpeakerId>(corpus_->speakers.size());
      corpus_->speakers.push_back(std::move(speaker));
      speaker_ids_.add(*id, speaker_id_of());
    }
    local.emplace(*id, global);
  }
  return local;
}

std::vector<PendingQuote> CorpusBuilder::read_quotes(ObjectReader& reader,
                                                     const std::unordered_map<std::string, SpeakerId>& speakers) {
  std::vector<PendingQuote> quotes;
  const json* values = reader.array("quotes", /*required=*/true);
  if (!values) return quotes;
  std::unordered_set<std::string> ids;
  for (std::size_t i = 0; i < values->size() && !errors_().full(); ++i) {
    const std::string pointer = reader.pointer_to("quotes") + "/" + std::to_string(i);
    auto quote = read_quote((*values)[i], pointer, speakers);
    if (!quote) continue;
    if (!ids.insert(quote->id).second) {
      errors_().at_pointer(pointer + "/id", "duplicate quote id " + shown(quote->id) +
                                              "; expected each quote id once per article");
      continue;
    }
    quotes.push_back(std::move(*quote));
  }
  if (corpus_->quotes.size() + quotes.size() > limits_.max_quotes)
    errors_().at_pointer(reader.pointer_to("quotes"), "more than " + std::to_string(limits_.max_quotes) +
                                                        " quotes in all; expected at most that many");
  return quotes;
}

std::optional<PendingQuote> CorpusBuilder::read_quote(const json& value, const std::string& pointer,
                                                      const std::unordered_map<std::string, SpeakerId>& speakers) {
  if (!expect_object(value, pointer, "a quote", errors_())) return std::nullopt;
  ObjectReader fields(value, pointer, errors_());
  PendingQuote quote;
  auto id = fields.non_empty_string("id");
  auto speaker = fields.non_empty_string("speaker");
  auto kind = fields.string("kind", true, false);
  auto text = fields.non_empty_string("text");
  auto paragraph = fields.index("paragraph");
  auto start = fields.index("start");
  auto end = fields.index("end");
  quote.cue = fields.string("cue", false).value_or("");
  bool confidence_ok = true;
  quote.confidence = fields.fraction("confidence", confidence_ok).value_or(kNoConfidence);
  const auto reviewed = fields.boolean("reviewed", false);

  std::optional<QuoteKind> parsed_kind;
  if (kind && !(parsed_kind = parse_kind(*kind)))
    errors_().at_pointer(fields.pointer_to("kind"),
                       "unknown quote kind " + shown(*kind) + "; expected \"direct\", \"indirect\" or \"mixed\"");
  if (speaker && !speakers.count(*speaker)) {
    if (known_speakers_.empty()) {  // listed once per article, however many quotes miss
      for (const auto& entry : speakers) known_speakers_.push_back(entry.first);
      std::sort(known_speakers_.begin(), known_speakers_.end());
      known_speakers_text_ = known_speakers_.empty() ? "(none)" : join_ids(known_speakers_);
    }
    errors_().at_pointer(fields.pointer_to("speaker"), "unknown speaker " + shown(*speaker) +
                                                         "; expected one of the article's speaker ids: " +
                                                         known_speakers_text_);
    speaker.reset();
  }
  if (!id || !speaker || !parsed_kind || !text || !paragraph || !start || !end || !confidence_ok || !reviewed)
    return std::nullopt;

  quote.id = *id;
  quote.speaker = speakers.at(*speaker);
  quote.kind = *parsed_kind;
  quote.text = *text;
  quote.paragraph = *paragraph;
  quote.start = *start;
  quote.end = *end;
  quote.reviewed = *reviewed;
  if (!check_span(fields, quote)) return std::nullopt;
  return quote;
}

bool CorpusBuilder::check_span(ObjectReader& fields, PendingQuote& quote) {
  if (quote.paragraph >= paragraphs_.size()) {
    errors_().at_pointer(fields.pointer_to("paragraph"),
                       "paragraph " + std::to_string(quote.paragraph) + " does not exist; expected 0 to " +
                           std::to_string(static_cast<long>(paragraphs_.size()) - 1));
    return false;
  }
  const std::string_view paragraph = paragraphs_[quote.paragraph];
  const std::vector<std::uint32_t>& offsets = code_point_offsets(quote.paragraph);
  const std::size_t length = offsets.size() - 1;
  if (quote.start >= quote.end) {
    errors_().at_pointer(fields.pointer_to("end"), "end " + std::to_string(quote.end) + " is not after start " +
                                                     std::to_string(quote.start) + "; expected start < end");
    return false;
  }
  if (quote.end > length) {
    errors_().at_pointer(fields.pointer_to("end"), "end " + std::to_string(quote.end) + " is past the end of paragraph " +
                                                     std::to_string(quote.paragraph) + " (" + std::to_string(length) +
                                                     " code points); expected at most " + std::to_string(length));
    return false;
  }
  const std::size_t start_byte = offsets[quote.start];
  const std::size_t end_byte = offsets[quote.end];
  const std::string_view span = std::string_view(paragraph).substr(start_byte, end_byte - start_byte);
  if (span != quote.text) {
    std::string message = "span [" + std::to_string(quote.start) + ", " + std::to_string(quote.end) +
                          ") of paragraph " + std::to_string(quote.paragraph) + " reads " + shown(span) +
                          "; expected it to equal the quote's text " + shown(quote.text);
    if (const std::size_t found = paragraph.find(quote.text); found != std::string::npos) {
      const std::size_t start = utf8::count_code_points(std::string_view(paragraph).substr(0, found));
      message += " (the text is at start " + std::to_string(start) + ", end " +
                 std::to_string(start + utf8::count_code_points(quote.text)) + ")";
    }
    errors_().at_pointer(fields.pointer_to("text"), message);
    return false;
  }
  quote.start_byte = static_cast<std::uint32_t>(start_byte);
  quote.end_byte = static_cast<std::uint32_t>(end_byte);
  return true;
}

const std::vector<std::uint32_t>& CorpusBuilder::code_point_offsets(std::uint32_t paragraph) {
  std::vector<std::uint32_t>& offsets = offsets_[paragraph];
  if (offsets.empty()) offsets = utf8::code_point_offsets(paragraphs_[paragraph]);
  return offsets;
}

void CorpusBuilder::append_quotes(std::vector<PendingQuote> quotes) {
  std::stable_sort(quotes.begin(), quotes.end(), [](const PendingQuote& a, const PendingQuote& b) {
    return a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.start < b.start;
  });
  const auto article = static_cast<ArticleId>(corpus_->articles.size());
  for (const PendingQuote& quote : quotes) {
    ArticleRecord::QuoteRecord fields;
    fields.id = quote.id;
    fields.text = quote.text;
    fields.cue = quote.cue;
    fields.paragraph = quote.paragraph;
    fields.start = quote.start;
    fields.end = quote.end;
    fields.start_byte = quote.start_byte;
    fields.end_byte = quote.end_byte;
    fields.kind = quote.kind;
    fields.confidence = quote.confidence;
    fields.reviewed = quote.reviewed;
    append_quote(fields, quote.speaker, article);
  }
}

std::shared_ptr<const Corpus> CorpusBuilder::finish() {
  if (errors_().any() || corpus_->articles.empty()) return nullptr;
  corpus_->build_indexes(limits_.text_index_later);
  return std::shared_ptr<const Corpus>(std::move(corpus_));
}

// [SECTION] Top level: article, corpus or JSON Lines

void read_document(const json& document, CorpusBuilder& builder, ErrorSink& errors) {
  if (!expect_object(document, "", "an article or corpus", errors)) return;
  ObjectReader reader(document, "", errors);
  const auto format = reader.string("format", /*required=*/true, /*allow_null=*/false);
  if (!format) return;
  if (*format == kArticleFormat) {
    builder.add_article(document, "", /*format_required=*/true);
  } else if (*format == kCorpusFormat) {
    const json* articles = reader.array("articles", /*required=*/true);
    for (std::size_t i = 0; articles && i < articles->size() && !errors.full(); ++i)
      builder.add_article((*articles)[i], "/articles/" + std::to_string(i), /*format_required=*/false);
  } else {
    errors.at_pointer("/format", "unknown format " + shown(*format) + "; expected \"" + std::string(kArticleFormat) +
                                     "\" or \"" + std::string(kCorpusFormat) + "\"");
  }
}


// One line under LoadLimits::skip_invalid: checked against its own error sink, so that an
// invalid line is left out (and listed in `skipped`) while the others load.
void read_line_or_skip(std::string_view line, const Origin& origin, std::size_t line_number,
                       const LoadLimits& limits, CorpusBuilder& builder, const ErrorSink& errors,
                       std::vector<SkippedLine>& skipped) {
  ErrorSink line_errors(errors.file(), limits);
  line_errors.set_line(line_number);
  if (auto article = parse_json(line, origin, limits, line_errors)) builder.add_article_or_undo(*article, line_errors);
  if (line_errors.any()) skipped.push_back({line_number, line_errors.take()});
}

// One non-blank JSON Lines line (its '\r' removed), read as read_json_lines reads it.
void read_line(std::string_view line, const Origin& origin, std::size_t line_number, const LoadLimits& limits,
               CorpusBuilder& builder, ErrorSink& errors, std::vector<SkippedLine>* skipped) {
  if (skipped) {
    read_line_or_skip(line, origin, line_number, limits, builder, errors, *skipped);
    return;
  }
  errors.set_line(line_number);
  if (auto article = parse_json(line, origin, limits, errors)) builder.add_article(*article, "", /*format_required=*/false);
  errors.set_line(0);
}

bool is_blank_line(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// `skipped`: null to reject the whole input on any error, else where skipped lines go.
void read_json_lines(std::string_view text, const LoadLimits& limits, CorpusBuilder& builder, ErrorSink& errors,
                     std::vector<SkippedLine>* skipped) {
  std::size_t begin = 0;
  for (std::size_t line_number = 1; begin < text.size() && !errors.full(); ++line_number) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!is_blank_line(line) && !builder.add_fast(line))
      read_line(line, Origin{text, begin, std::nullopt}, line_number, limits, builder, errors, skipped);
    begin = end + 1;
  }
}

// What every load ends with: the corpus, or why there is none.
void finish_load(CorpusBuilder& builder, ErrorSink& errors, std::string_view file_name, LoadResult& result) {
  result.corpus = builder.finish();
  if (!result.corpus && !errors.any() && !result.skipped.empty()) {
    // Every line was skipped: an error, and the skipped lines' errors say why.
    for (const SkippedLine& line : result.skipped)
      result.errors.insert(result.errors.end(), line.errors.begin(), line.errors.end());
    result.errors.push_back(LoadError{std::string(file_name), result.skipped.front().line, 0, "",
                                      "no valid line: all " + std::to_string(result.skipped.size()) +
                                          " article lines are invalid; expected at least one valid article"});
    return;
  }
  if (!result.corpus && !errors.any())
    errors.at_position({1, 1}, "the input holds no article; expected at least one");
  result.errors = errors.take();
  if (!result.errors.empty()) result.corpus.reset();
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kEmptyMessage = "the input is empty; expected an article or corpus JSON object";

}  // namespace

std::string LoadError::to_string() const {
  std::string out = file.empty() ? "<input>" : file;
  if (line) out += ":" + std::to_string(line);
  if (column) out += ":" + std::to_string(column);
  if (!pointer.empty()) out += ": " + pointer;
  return out + ": " + message;
}

std::string describe_errors(const std::vector<LoadError>& errors) {
  std::string out;
  for (const LoadError& error : errors) out += error.to_string() + "\n";
  return out;
}

LoadResult load_corpus(std::string_view text, std::string_view file_name, const LoadLimits& limits) {
  ErrorSink errors(file_name, limits);
  LoadResult result;
  if (text.size() > limits.max_input_bytes) {
    errors.at_position({1, 1}, "input is " + std::to_string(text.size()) + " bytes; expected at most " +
                                   std::to_string(limits.max_input_bytes));
    result.errors = errors.take();
    return result;
  }
  const std::size_t skip = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  const std::string_view body = text.substr(skip);
  CorpusBuilder builder(errors, limits);

  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    errors.at_position({1, 1}, std::string(kEmptyMessage));
  } else if (auto problem = json_text::check_raw_text(body, limits)) {
    errors.at_offset(body, 0, *problem);
  } else {
    // Positions count from after a byte order mark, as editors show them.
    if (json_text::looks_like_json_lines(body, file_name)) {
      read_json_lines(body, limits, builder, errors, limits.skip_invalid ? &result.skipped : nullptr);
    } else if (builder.add_fast(body, /*format_required=*/true)) {
      // one article: the fast path read it (a corpus document, or anything it refuses, is
      // read whole below)
    } else if (auto document = parse_json(body, 0, body, limits, errors)) {
      read_document(*document, builder, errors);
    }
  }
  finish_load(builder, errors, file_name, result);
  return result;
}

// [SECTION] StreamLoader
//
// The body (the bytes after a byte order mark) passes once through feed(), in order:
//   1. its encoding is checked (a sequence cut by a chunk boundary waits for the next chunk);
//   2. leading blank lines are kept in `doc_`; then, when the first value is an object, a
//      structural scanner (strings, escapes, depth) follows it. If it closes on the first
//      line and more text follows on later lines, the input is JSON Lines: `doc_` becomes the
//      first line(s) and every later line is read as it completes (read_line, as
//      load_corpus reads it). Otherwise it is a document.
//   3. A document whose top-level "articles" is an array, unless a "format" other than the
//      corpus format came before it, streams: each object of "articles" is parsed and added
//      as soon as its closing brace arrives, and `doc_` keeps only the rest (the skeleton,
//      each streamed article replaced by {}), which finish() parses to check what lies
//      around the articles. If the skeleton's "format" is not the corpus format after all,
//      the streamed articles are dropped and the skeleton is read as the document it is (an
//      article ignores an "articles" member). Any other document (one article) is kept whole
//      and read by load_corpus at finish(), as before.
// Errors: a raw problem (encoding, nesting, a string too long, the size) is the only error
// reported, as in load_corpus; in a document, syntax errors and duplicate keys replace
// validation errors (load_corpus never validates a document that does not parse).
struct StreamLoader::Impl {
  using Position = json_text::Position;
  enum class Mode { Bom, Blank, FirstObject, AfterFirst, Lines, Document };

  Impl(std::string_view file_name, const LoadLimits& load_limits)
      : file(file_name), limits(load_limits), errors(file, limits), parse_errors(file, limits),
        builder(errors, limits) {}

  std::string file;
  LoadLimits limits;
  ErrorSink errors;        // validation, and JSON Lines' syntax errors
  ErrorSink parse_errors;  // a streamed document's syntax errors and duplicate keys
  std::optional<LoadError> raw_problem;
  CorpusBuilder builder;
  std::vector<SkippedLine> skipped;
  Mode mode = Mode::Bom;
  bool stopped = false;  // failed: later bytes are ignored
  bool finished = false;
  std::uint64_t fed = 0;
  std::string bom;  // the first bytes while they may be a byte order mark

  // The body so far: offsets and the position at the start of the chunk being read.
  std::uint64_t chunk_offset = 0;
  Position chunk_position;
  std::string utf8_carry;  // a sequence cut by the end of the last chunk
  // Positions inside the current chunk, asked for in increasing order.
  std::size_t cursor = 0;
  Position cursor_position;

  // Documents (and the first line): the text kept, or the skeleton of a streamed corpus.
  std::string doc_;
  struct Segment {
    std::size_t skeleton_offset;
    Position position;  // where that byte of the skeleton was in the input
  };
  std::vector<Segment> segments;  // only while streaming: where skeleton text came from
  bool streaming = false;         // inside the streamed "articles" array
  bool streamed = false;          // articles were streamed (doc_ is a skeleton)
  std::vector<std::size_t> streamed_indexes;
  std::size_t element = 0;        // index of the current element of "articles"

  // The scanner.
  std::size_t depth = 0;
  bool in_string = false, escaped = false, first_line = true;
  std::uint64_t string_start = 0;
  bool capture_ok = false, expect_key = false, awaiting_articles = false;
  // A top-level "format" seen before "articles" that is not the corpus format: no streaming.
  bool other_format = false;
  std::string capture, key;
  // The article being streamed: its bytes (when they span chunks) and where it started.
  bool in_piece = false;
  std::string piece;
  Position piece_position;
  std::size_t run_start = 0;  // chunk bytes from here go to doc_ or to `piece`

  // JSON Lines.
  std::size_t line_number = 1;
  std::string partial;  // the current line, when it spans chunks
  bool saw_content = false;

  bool failed() const { return stopped; }
  bool json_lines() const { return mode == Mode::Lines; }

  // The size hint (expect_bytes): used once, when enough articles have loaded to extrapolate.
  static constexpr std::size_t kQuotesToExtrapolate = 1000;
  std::uint64_t expected_bytes = 0;
  void reserve_when_known() {
    if (!expected_bytes || builder.quote_count() < kQuotesToExtrapolate) return;
    builder.reserve_for(fed, expected_bytes);
    expected_bytes = 0;
  }

  void stop_with_raw(Position at, std::string message) {
    raw_problem = LoadError{file, at.line, at.column, "", std::move(message)};
    stopped = true;
  }

  Position position_at(std::string_view chunk, std::size_t index) {
    if (index < cursor) {  // never in practice; stay correct anyway
      cursor = 0;
      cursor_position = chunk_position;
    }
    cursor_position = json_text::advance(cursor_position, chunk.substr(cursor, index - cursor));
    cursor = index;
    return cursor_position;
  }

  bool feed(std::string_view bytes) {
    if (stopped || finished) return !stopped;
    fed += bytes.size();
    if (fed > limits.max_input_bytes) {
      stop_with_raw({1, 1}, "input is more than " + std::to_string(limits.max_input_bytes) +
                                " bytes; expected at most " + std::to_string(limits.max_input_bytes));
      return false;
    }
    if (mode == Mode::Bom) {
      const std::size_t take = std::min(bytes.size(), kBom.size() - bom.size());
      bom.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (bom.size() < kBom.size() && kBom.substr(0, bom.size()) == bom) return true;  // still maybe a BOM
      mode = Mode::Blank;
      if (bom != kBom) body(bom);
      bom.clear();
    }
    if (!bytes.empty()) body(bytes);
    reserve_when_known();
    return !stopped;
  }

  // One chunk of the body.
  void body(std::string_view chunk) {
    if (stopped) return;
    check_encoding(chunk);
    run_start = 0;
    cursor = 0;
    cursor_position = chunk_position;
    std::size_t i = 0;
    while (i < chunk.size() && !stopped) {
      switch (mode) {
        case Mode::Bom:
        case Mode::Blank: i = skip_blank(chunk, i); break;
        case Mode::FirstObject:
        case Mode::Document: i = scan(chunk, i); break;
        case Mode::AfterFirst: i = after_first(chunk, i); break;
        case Mode::Lines: i = lines(chunk, i); break;
      }
    }
    if (!stopped) {
      chunk_position = json_text::advance(chunk_position, chunk);
      chunk_offset += chunk.size();
    }
  }

  void check_encoding(std::string_view chunk) {
    std::size_t start = 0;
    if (!utf8_carry.empty()) {
      const unsigned char lead = static_cast<unsigned char>(utf8_carry[0]);
      const std::size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      start = std::min(length - utf8_carry.size(), chunk.size());
      utf8_carry.append(chunk.substr(0, start));
      if (utf8_carry.size() < length && start == chunk.size()) return;
      if (auto problem = json_text::check_encoding(utf8_carry)) {
        stop_with_raw(carry_position(), problem->message);
        return;
      }
      utf8_carry.clear();
    }
    std::string_view rest = chunk.substr(start);
    // Bytes at the end that may begin a sequence the next chunk completes.
    std::size_t tail = 0;
    for (std::size_t back = 1; back <= 3 && back <= rest.size(); ++back) {
      const unsigned char c = static_cast<unsigned char>(rest[rest.size() - back]);
      if (c < 0x80) break;
      if (c >= 0xC0) {
        const std::size_t length = c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
        if (length > back) tail = back;
        break;
      }
    }
    if (auto problem = json_text::check_encoding(rest.substr(0, rest.size() - tail))) {
      stop_with_raw(json_text::advance(chunk_position, chunk.substr(0, start + problem->offset)), problem->message);
      return;
    }
    utf8_carry.assign(rest.substr(rest.size() - tail));
  }

  // Where the carried bytes began: on the line the last chunk ended on, one code point back.
  Position carry_position() const {
    Position at = chunk_position;
    if (at.column > 1) --at.column;
    return at;
  }

  std::size_t skip_blank(std::string_view chunk, std::size_t i) {
    const std::size_t first = chunk.find_first_not_of(" \t\r\n", i);
    const std::size_t end = first == std::string_view::npos ? chunk.size() : first;
    doc_.append(chunk.substr(i, end - i));
    if (first == std::string_view::npos) return end;
    saw_content = true;
    run_start = first;
    if (chunk[first] == '{') {
      mode = Mode::FirstObject;
    } else {
      mode = Mode::Document;  // not an object: kept whole, load_corpus says what is wrong
      first_line = false;
    }
    return first;
  }

  // Where chunk bytes from run_start to `end` go: the article being streamed, or doc_.
  void flush_run(std::string_view chunk, std::size_t end) {
    if (end <= run_start) return;
    (in_piece ? piece : doc_).append(chunk.substr(run_start, end - run_start));
    run_start = end;
  }

  std::size_t scan(std::string_view chunk, std::size_t i) {
    const std::uint64_t base = chunk_offset;
    for (; i < chunk.size(); ++i) {
      // Most of a document is string bytes that only end the string or escape, and inside an
      // article only strings and brackets matter here (ArticleReader reads the article): skip
      // to those, a block at a time. On the first line its end matters too (JSON Lines?).
      if (in_string && !escaped && !capture_ok) {
        const std::size_t stop = first_line ? find(chunk, i, kStops<true, true>) : find(chunk, i, kStops<true, false>);
        if (stop > i && base + stop - 1 - string_start > limits.max_string_bytes) {
          string_too_long(chunk, base);
          return chunk.size();
        }
        i = stop;
        if (i == chunk.size()) break;
      } else if (in_piece && !in_string) {
        i = first_line ? find(chunk, i, kStops<false, true>) : find(chunk, i, kStops<false, false>);
        if (i == chunk.size()) break;
      }
      const char c = chunk[i];
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
          capture_ok = false;
        } else if (c == '"') {
          in_string = false;
          end_string();
        } else if (capture_ok) {
          if (capture.size() < 64) capture += c;
          else capture_ok = false;
        }
        if (base + i - string_start > limits.max_string_bytes) {
          string_too_long(chunk, base);
          return chunk.size();
        }
        if (c == '\n' && first_line) to_document();
        continue;
      }
      switch (c) {
        case '"':
          in_string = true;
          string_start = base + i;
          string_position_known = false;
          capture.clear();
          capture_ok = depth == 1;
          if (depth == 1 && awaiting_articles) awaiting_articles = false;
          break;
        case '{':
        case '[':
          if (++depth > limits.max_nesting_depth) {
            stop_with_raw(position_at(chunk, i), "nesting deeper than " + std::to_string(limits.max_nesting_depth) +
                                                     " levels; expected an article (4 levels)");
            return chunk.size();
          }
          if (depth == 1) {
            expect_key = c == '{';
          } else if (depth == 2 && awaiting_articles) {
            awaiting_articles = false;
            if (c == '[' && !other_format && !streamed) begin_streaming();
          } else if (depth == 3 && streaming && c == '{') {
            begin_piece(chunk, i);
          }
          break;
        case '}':
        case ']':
          if (depth == 0) break;
          --depth;
          if (depth == 2 && in_piece) {
            end_piece(chunk, i);
            if (stopped) return chunk.size();
          } else if (depth == 1 && streaming) {
            streaming = false;
          } else if (depth == 0 && first_line) {
            mode = Mode::AfterFirst;
            flush_run(chunk, i + 1);
            return i + 1;
          }
          break;
        case ',':
          if (depth == 1) expect_key = true;
          else if (depth == 2 && streaming) ++element;
          break;
        case ':':
          if (depth == 1) {
            expect_key = false;
            awaiting_articles = key == "articles";
          }
          break;
        case '\n':
          if (first_line) to_document();
          break;
        case ' ':
        case '\t':
        case '\r':
          break;
        default:
          if (depth == 1) awaiting_articles = false;
          break;
      }
    }
    flush_run(chunk, chunk.size());
    if (in_string && !string_position_known && string_start >= base) {  // the next chunk cannot place it
      string_position = position_at(chunk, static_cast<std::size_t>(string_start - base));
      string_position_known = true;
    }
    return chunk.size();
  }

  // Where the open string began, once it outlives the chunk it began in.
  bool string_position_known = false;
  Position string_position;

  void string_too_long(std::string_view chunk, std::uint64_t base) {
    if (!string_position_known) string_position = position_at(chunk, static_cast<std::size_t>(string_start - base));
    stop_with_raw(string_position, "string longer than " + std::to_string(limits.max_string_bytes) +
                                       " bytes; expected at most that");
  }

  // What scan() must look at, as a block test: in a string, its end or an escape; inside an
  // article, strings and brackets ('[' and '{' are '{' with bit 0x20 set, ']' and '}' are
  // '}'); on the first line, its end too (which tells JSON Lines from a document).
  template <bool kInString, bool kFirstLine>
  static constexpr auto kStops = [](const char* p) {
    using namespace blocks;
    const Block block = load(p);
    Block stops = equal(block, splat('"'));
    if (kInString) {
      stops = either(stops, equal(block, splat('\\')));
    } else {
      const Block folded = either(block, splat(0x20));
      stops = either(stops, either(equal(folded, splat('{')), equal(folded, splat('}'))));
    }
    if (kFirstLine) stops = either(stops, equal(block, splat('\n')));
    return high_bits(stops);
  };
  template <class Test>
  static std::size_t find(std::string_view chunk, std::size_t i, Test test) {
    return static_cast<std::size_t>(blocks::find_first(chunk.data() + i, chunk.data() + chunk.size(), test) - chunk.data());
  }

  void end_string() {
    if (depth != 1) return;
    if (expect_key) {
      key = capture_ok ? capture : std::string("\x01");  // an escaped key never matches
      return;
    }
    if (key == "format" && !(capture_ok && capture == kCorpusFormat) && !streamed) other_format = true;
  }

  void to_document() {
    first_line = false;
    if (mode == Mode::FirstObject) mode = Mode::Document;
  }

  void begin_streaming() {
    streaming = streamed = true;
    element = 0;
  }

  void begin_piece(std::string_view chunk, std::size_t i) {
    flush_run(chunk, i);
    piece_position = position_at(chunk, i);
    segments.push_back({doc_.size(), piece_position});
    doc_ += "{}";
    in_piece = true;
    run_start = i;
  }

  void end_piece(std::string_view chunk, std::size_t i) {
    std::string_view text;
    if (piece.empty()) {
      text = chunk.substr(run_start, i + 1 - run_start);
    } else {
      piece.append(chunk.substr(run_start, i + 1 - run_start));
      text = piece;
    }
    run_start = i + 1;
    in_piece = false;
    const std::string pointer = "/articles/" + std::to_string(element);
    streamed_indexes.push_back(element);
    if (!parse_errors.any() && !errors.full() && !builder.add_fast(text)) {
      if (auto article = parse_json(text, Origin{{}, 0, piece_position}, limits, parse_errors, pointer)) {
        builder.add_article(*article, pointer, /*format_required=*/false);
      }
    }
    piece.clear();
    segments.push_back({doc_.size(), position_at(chunk, i + 1)});
    // A document that does not parse is never validated: stop at its first syntax error.
    if (parse_errors.any() || errors.full()) stopped = true;
  }

  // After the first object closed on the first line: JSON Lines if more lines follow.
  std::size_t after_first(std::string_view chunk, std::size_t i) {
    if (!after_newline) {
      const std::size_t first = chunk.find_first_not_of(" \t\r", i);
      if (first == std::string_view::npos) {
        flush_run(chunk, chunk.size());
        return chunk.size();
      }
      if (chunk[first] != '\n') {  // more on the first line: a document (which may not parse)
        mode = Mode::Document;
        first_line = false;
        return first;
      }
      after_newline = true;
      flush_run(chunk, first + 1);
      return first + 1;
    }
    const std::size_t first = chunk.find_first_not_of(" \t\r\n", i);
    if (first == std::string_view::npos) {
      flush_run(chunk, chunk.size());
      return chunk.size();
    }
    flush_run(chunk, first);
    // More lines follow.
    if (streamed) {
      errors.at_position({1, 1}, "a corpus document on the first line, then more lines; expected one article object "
                                 "per line (JSON Lines) or one document");
      stopped = true;
      return chunk.size();
    }
    if (!json_text::is_complete_object(doc_)) {  // as looks_like_json_lines decides
      mode = Mode::Document;
      first_line = false;
      return first;
    }
    mode = Mode::Lines;
    std::string kept = std::move(doc_);
    doc_.clear();
    read_lines(kept, /*at_end=*/false);
    return first;
  }
  bool after_newline = false;

  std::size_t lines(std::string_view chunk, std::size_t i) {
    read_lines(chunk.substr(i), /*at_end=*/false);
    return chunk.size();
  }

  void read_lines(std::string_view text, bool at_end) {
    std::size_t begin = 0;
    const char* const bytes = text.data();
    while (begin < text.size() && !stopped) {
      const auto end = static_cast<std::size_t>(
          blocks::find_first(bytes + begin, bytes + text.size(), blocks::newlines) - bytes);
      if (end == text.size()) {
        partial.append(text.substr(begin));
        break;
      }
      if (partial.empty()) {
        line(text.substr(begin, end - begin));
      } else {
        partial.append(text.substr(begin, end - begin));
        line(partial);
        partial.clear();
      }
      begin = end + 1;
    }
    if (at_end && !partial.empty() && !stopped) {
      line(partial);
      partial.clear();
    }
  }

  void line(std::string_view text) {
    const std::size_t number = line_number++;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (is_blank_line(text) || builder.add_fast(text)) return;
    if (auto problem = json_text::check_structure(text, limits)) {
      stop_with_raw(json_text::advance({number, 1}, text.substr(0, problem->offset)), problem->message);
      return;
    }
    read_line(text, Origin{{}, 0, Position{number, 1}}, number, limits, builder, errors,
              limits.skip_invalid ? &skipped : nullptr);
    if (errors.full()) stopped = true;
  }

  // Where a byte of the skeleton was in the input.
  Position skeleton_position(std::size_t offset) const {
    auto it = std::upper_bound(segments.begin(), segments.end(), offset,
                               [](std::size_t o, const Segment& s) { return o < s.skeleton_offset; });
    if (it == segments.begin()) return json_text::position_of(doc_, offset);
    --it;
    return json_text::advance(it->position, std::string_view(doc_).substr(it->skeleton_offset, offset - it->skeleton_offset));
  }

  LoadResult finish() {
    LoadResult result;
    if (finished) return result;
    finished = true;
    if (!stopped && mode == Mode::Bom) {  // fewer than three bytes, all a BOM's beginning
      mode = Mode::Blank;
      body(bom);
    }
    if (!stopped && !utf8_carry.empty()) {
      if (auto problem = json_text::check_encoding(utf8_carry)) stop_with_raw(carry_position(), problem->message);
    }
    if (raw_problem) {
      result.errors.push_back(*raw_problem);
      return result;
    }
    if (mode == Mode::Lines) {
      if (!stopped) read_lines({}, /*at_end=*/true);
      if (raw_problem) {
        result.errors.push_back(*raw_problem);
        return result;
      }
      result.skipped = std::move(skipped);
      finish_load(builder, errors, file, result);
      return result;
    }
    if (!saw_content) {
      errors.at_position({1, 1}, std::string(kEmptyMessage));
      result.errors = errors.take();
      return result;
    }
    if (!streamed && !stopped) {
      // One article, or a document that did not stream: read whole, as load_corpus reads it
      // (which also decides JSON Lines for a one-line .jsonl file).
      LoadLimits whole = limits;
      whole.max_input_bytes = std::max<std::size_t>(whole.max_input_bytes, doc_.size());
      result = load_corpus(doc_, file, whole);
      std::string().swap(doc_);
      return result;
    }
    std::optional<json> skeleton;
    if (!parse_errors.any() && !stopped) skeleton = parse_skeleton();
    if (parse_errors.any()) {
      result.errors = parse_errors.take();
      return result;
    }
    const json* format = skeleton && skeleton->is_object() && skeleton->contains("format") ? &(*skeleton)["format"] : nullptr;
    if (skeleton && !(format && format->is_string() && format->get_ref<const std::string&>() == kCorpusFormat)) {
      // "articles" came before a "format" that is not the corpus's: the articles streamed in
      // case it was. The document is what the skeleton says (an article, whose "articles"
      // member no check reads, or an error), read as load_corpus reads a document.
      ErrorSink document_errors(file, limits);
      CorpusBuilder document_builder(document_errors, limits);
      read_document(*skeleton, document_builder, document_errors);
      finish_load(document_builder, document_errors, file, result);
      return result;
    }
    if (skeleton) add_unstreamed(*skeleton);
    finish_load(builder, errors, file, result);
    return result;
  }

  // The streamed document's skeleton (each streamed article replaced by {}): its syntax and
  // its keys, into parse_errors; its value when both are fine.
  std::optional<json> parse_skeleton() {
    json_text::Parsed parsed = json_text::parse(doc_, limits);
    for (const json_text::DuplicateKey& duplicate : parsed.duplicate_keys)
      parse_errors.at_pointer(duplicate.pointer,
                              "duplicate key " + shown(duplicate.key) + "; expected each key once per object");
    if (parsed.problem) parse_errors.at_position(skeleton_position(parsed.problem->offset), parsed.problem->message);
    if (parse_errors.any()) return std::nullopt;
    return std::move(parsed.value);
  }

  // A streamed corpus: the elements of "articles" that were not objects (so not streamed).
  void add_unstreamed(const json& skeleton) {
    if (!skeleton.is_object()) return;
    const auto articles = skeleton.find("articles");
    if (articles == skeleton.end() || !articles->is_array()) return;  // the streamed array is there
    std::size_t next_streamed = 0;
    for (std::size_t i = 0; i < articles->size() && !errors.full(); ++i) {
      if (next_streamed < streamed_indexes.size() && streamed_indexes[next_streamed] == i) {
        ++next_streamed;
        continue;
      }
      builder.add_article((*articles)[i], "/articles/" + std::to_string(i), /*format_required=*/false);
    }
  }
};

StreamLoader::StreamLoader(std::string_view file_name, const LoadLimits& limits)
    : impl_(std::make_unique<Impl>(file_name, limits)) {}
StreamLoader::~StreamLoader() = default;

void StreamLoader::expect_bytes(std::uint64_t total) { impl_->expected_bytes = total; }
bool StreamLoader::feed(std::string_view bytes) { return impl_->feed(bytes); }
LoadResult StreamLoader::finish() { return impl_->finish(); }
std::uint64_t StreamLoader::bytes() const { return impl_->fed; }
std::size_t StreamLoader::quotes() const { return impl_->builder.quote_count(); }
std::size_t StreamLoader::articles() const { return impl_->builder.article_count(); }
bool StreamLoader::failed() const { return impl_->failed(); }
bool StreamLoader::json_lines() const { return impl_->json_lines(); }

}  // namespace qe
