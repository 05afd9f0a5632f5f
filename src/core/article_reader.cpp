#include "core/article_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/byte_blocks.h"
#include "core/utf8.h"

namespace qe {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The member names of each kind of object, in the order of the bits that mark them seen.
constexpr std::string_view kArticleKeys[] = {"format", "id", "title", "dateline", "published", "language",
                                             "source", "extracted", "paragraphs", "speakers", "quotes"};
enum ArticleKey { kFormat, kId, kTitle, kDateline, kPublished, kLanguage, kSource, kExtracted, kParagraphs, kSpeakers, kQuotes };
constexpr std::uint32_t kArticleRequired = 1u << kId | 1u << kTitle | 1u << kParagraphs | 1u << kSpeakers | 1u << kQuotes;

constexpr std::string_view kSpeakerKeys[] = {"id", "name", "role", "aliases", "kind", "country"};
enum SpeakerKey { kSpeakerId, kSpeakerName, kRole, kAliases, kSpeakerKind, kCountry };
constexpr std::uint32_t kSpeakerRequired = 1u << kSpeakerId | 1u << kSpeakerName;

constexpr std::string_view kQuoteKeys[] = {"id", "speaker", "kind", "text", "paragraph",
                                           "start", "end", "cue", "confidence", "reviewed"};
enum QuoteKey { kQuoteId, kSpeaker, kQuoteKind, kText, kParagraph, kStart, kEnd, kCue, kConfidence, kQuoteReviewed };
constexpr std::uint32_t kQuoteRequired = 1u << kQuoteId | 1u << kSpeaker | 1u << kQuoteKind | 1u << kText |
                                         1u << kParagraph | 1u << kStart | 1u << kEnd;

constexpr std::string_view kSourceKeys[] = {"name", "url"};
constexpr std::string_view kExtractedKeys[] = {"by", "reviewed"};

// What an object or an array holds. One object() and one array() serve every kind (rather
// than a template per kind), which keeps the download small.
enum class Kind { Article, Source, Extracted, Speaker, Quote, Paragraph, Alias, Any };

struct Names {
  const std::string_view* names;
  std::size_t count;
  // Tries `expected` first: writers put an object's keys in the same order every time, and
  // usually in this schema's order.
  int index_of(std::string_view key, std::size_t expected) const {
    if (expected < count && blocks::same_bytes(names[expected], key)) return static_cast<int>(expected);
    for (std::size_t i = 0; i < count; ++i)
      if (blocks::same_bytes(names[i], key)) return static_cast<int>(i);
    return -1;
  }
};
template <std::size_t N>
constexpr Names names(const std::string_view (&list)[N]) {
  return {list, N};
}

Names names_of(Kind kind) {
  switch (kind) {
    case Kind::Article: return names(kArticleKeys);
    case Kind::Source: return names(kSourceKeys);
    case Kind::Extracted: return names(kExtractedKeys);
    case Kind::Speaker: return names(kSpeakerKeys);
    case Kind::Quote: return names(kQuoteKeys);
    default: return {nullptr, 0};  // every key unknown: checked for duplicates, values skipped
  }
}

}  // namespace

// A recursive-descent reader of the article@1 schema. Every function returns false at the
// first thing it does not accept, leaving the rest unread.
class ArticleReader::Parser {
 public:
  Parser(ArticleReader& reader, std::string_view text)
      : reader_(reader), record_(reader.record_), p_(text.data()), end_(text.data() + text.size()) {}

  bool article() {
    skip_blanks();
    std::uint32_t seen = 0;
    if (peek() != '{' || !object(Kind::Article, seen)) return false;
    if ((seen & kArticleRequired) != kArticleRequired) return false;
    skip_blanks();
    return p_ == end_;
  }

 private:
  // The raw text ends at end_; the loader never passes NUL bytes, so '\0' marks the end.
  char peek() const { return p_ < end_ ? *p_ : '\0'; }

  void skip_blanks() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool enter() { return ++depth_ <= reader_.limits_.max_nesting_depth; }

  // An object of `kind` at p_: member() reads the value of each member whose key it names;
  // the values of other keys are checked and skipped. Duplicate keys are refused.
  bool object(Kind kind, std::uint32_t& seen) {
    if (!enter()) return false;
    const Names known = names_of(kind);
    ++p_;
    std::vector<std::string_view>& open_keys = reader_.open_keys_;
    const std::size_t first_other = open_keys.size();
    skip_blanks();
    if (peek() == '}') {
      ++p_;
      --depth_;
      return true;
    }
    std::size_t expected = 0;  // the index of the name the next key likely is
    for (;;) {
      std::string_view key;
      int index = expected_key(known, expected);
      if (index < 0 && (peek() != '"' || !string(key, /*escapes_allowed=*/false))) return false;
      skip_blanks();
      if (peek() != ':') return false;
      ++p_;
      skip_blanks();
      if (index < 0) index = known.index_of(key, expected);
      if (index >= 0) {
        expected = static_cast<std::size_t>(index) + 1;
        const std::uint32_t bit = 1u << index;
        if (seen & bit) return false;
        seen |= bit;
        if (!member(kind, index)) return false;
      } else {
        if (std::find(open_keys.begin() + static_cast<std::ptrdiff_t>(first_other), open_keys.end(), key) != open_keys.end())
          return false;
        open_keys.push_back(key);
        if (!any_value()) return false;
      }
      skip_blanks();
      const char c = peek();
      if (c == ',') {
        ++p_;
        skip_blanks();
      } else if (c == '}') {
        ++p_;
        break;
      } else {
        return false;
      }
    }
    open_keys.resize(first_other);
    --depth_;
    return true;
  }

  // The key at p_ when it is the name `expected` (as it usually is), read past; else -1.
  // Most keys are read this way, without scanning them as strings first.
  int expected_key(Names known, std::size_t expected) {
    if (expected >= known.count) return -1;
    const std::string_view name = known.names[expected];
    if (static_cast<std::size_t>(end_ - p_) < name.size() + 2 || p_[0] != '"' || p_[name.size() + 1] != '"' ||
        !blocks::same_bytes(std::string_view(p_ + 1, name.size()), name))
      return -1;
    p_ += name.size() + 2;
    return static_cast<int>(expected);
  }

  // An array of `kind` at p_.
  bool array(Kind kind) {
    if (peek() != '[' || !enter()) return false;
    ++p_;
    skip_blanks();
    if (peek() == ']') {
      ++p_;
      --depth_;
      return true;
    }
    for (;;) {
      if (!element(kind)) return false;
      skip_blanks();
      const char c = peek();
      if (c == ',') {
        ++p_;
        skip_blanks();
      } else if (c == ']') {
        ++p_;
        break;
      } else {
        return false;
      }
    }
    --depth_;
    return true;
  }

  // Any JSON value, checked as nlohmann would check it, and dropped.
  bool any_value() {
    std::string_view ignored;
    double number;
    std::uint32_t seen = 0;
    switch (peek()) {
      case '"': return string(ignored);
      case '{': return object(Kind::Any, seen);
      case '[': return array(Kind::Any);
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number_value(number);
    }
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()) != 0) return false;
    p_ += word.size();
    return true;
  }

  // A string at p_. Without escapes it is a view of the text; with them, of the reader's
  // buffer (whose capacity the text's size bounds, so earlier views stay valid).
  bool string(std::string_view& out, bool escapes_allowed = true) {
    const char* begin = ++p_;
    p_ = blocks::find_first(p_, end_, blocks::string_stops);
    if (p_ == end_) return false;
    if (*p_ == '\\') return escapes_allowed && escaped_string(begin, out);
    if (*p_ != '"') return false;  // a control character
    out = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
    ++p_;
    return within_string_limit(begin);
  }

  // The careful path refuses strings whose text (from the opening quote on) passes
  // max_string_bytes before parsing (json_text's scan_shape).
  bool within_string_limit(const char* begin) const {
    return static_cast<std::size_t>(p_ - begin) <= reader_.limits_.max_string_bytes;
  }

  bool escaped_string(const char* begin, std::string_view& out) {
    std::string& buffer = reader_.unescaped_;
    const std::size_t first = buffer.size();
    const char* run = begin;
    for (;;) {
      p_ = blocks::find_first(p_, end_, blocks::string_stops);
      if (p_ == end_) return false;
      const char c = *p_;
      if (c != '"' && c != '\\') return false;  // a control character
      buffer.append(run, static_cast<std::size_t>(p_ - run));
      if (c == '"') break;
      ++p_;
      if (!escape(buffer)) return false;
      run = p_;
    }
    ++p_;
    out = std::string_view(buffer).substr(first);
    return within_string_limit(begin);
  }

  // The escape after a backslash, decoded onto `buffer`.
  bool escape(std::string& buffer) {
    const char c = peek();
    ++p_;
    switch (c) {
      case '"':
      case '\\':
      case '/': buffer += c; return true;
      case 'b': buffer += '\b'; return true;
      case 'f': buffer += '\f'; return true;
      case 'n': buffer += '\n'; return true;
      case 'r': buffer += '\r'; return true;
      case 't': buffer += '\t'; return true;
      case 'u': {
        char32_t code_point;
        if (!unicode_escape(code_point)) return false;
        utf8::append(buffer, code_point);
        return true;
      }
      default: return false;
    }
  }

  bool hex4(std::uint32_t& value) {
    if (end_ - p_ < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = hex_digit(p_[i]);
      if (digit < 0) return false;
      value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    p_ += 4;
    return true;
  }

  // \uXXXX after the backslash and 'u', or a surrogate pair; a lone surrogate is an error.
  bool unicode_escape(char32_t& code_point) {
    std::uint32_t unit;
    if (!hex4(unit) || (unit >= 0xDC00 && unit <= 0xDFFF)) return false;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      std::uint32_t low;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    code_point = unit;
    return true;
  }

  bool non_empty_string(std::string_view& out) { return peek() == '"' && string(out) && !out.empty(); }
  bool any_string(std::string_view& out) { return peek() == '"' && string(out); }
  bool string_or_null(std::string_view& out) { return peek() == 'n' ? literal("null") : any_string(out); }

  bool boolean_or_null(bool& out) {
    if (peek() == 't') return (out = true, literal("true"));
    if (peek() == 'f') return (out = false, literal("false"));
    return literal("null");
  }

  // A non-negative integer that fits 32 bits, written without fraction or exponent (the
  // careful path refuses 1.0; "-0" it accepts, and reads).
  bool index(std::uint32_t& out) {
    const char* begin = p_;
    std::uint64_t value = 0;
    for (; p_ < end_ && is_digit(*p_); ++p_) {
      value = value * 10 + static_cast<std::uint64_t>(*p_ - '0');
      if (value > UINT32_MAX) return false;
    }
    const auto digits = p_ - begin;
    if (digits == 0 || (digits > 1 && *begin == '0')) return false;
    if (peek() == '.' || peek() == 'e' || peek() == 'E') return false;
    out = static_cast<std::uint32_t>(value);
    return true;
  }

  // Any JSON number, as a double the way nlohmann reads it (strtod), refused when it
  // overflows (nlohmann's "number overflow").
  bool number_value(double& out) {
    const char* begin = p_;
    if (peek() == '-') ++p_;
    if (peek() == '0') {
      ++p_;
    } else if (is_digit(peek())) {
      while (is_digit(peek())) ++p_;
    } else {
      return false;
    }
    if (peek() == '.') {
      ++p_;
      if (!is_digit(peek())) return false;
      while (is_digit(peek())) ++p_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++p_;
      if (peek() == '+' || peek() == '-') ++p_;
      if (!is_digit(peek())) return false;
      while (is_digit(peek())) ++p_;
    }
    char literal[64];
    const auto size = static_cast<std::size_t>(p_ - begin);
    if (size >= sizeof literal) return false;  // rare: the careful path reads it
    std::memcpy(literal, begin, size);
    literal[size] = '\0';
    out = std::strtod(literal, nullptr);
    return std::isfinite(out);
  }

  bool member(Kind kind, int key) {
    switch (kind) {
      case Kind::Article: return article_member(key);
      case Kind::Source: return string_or_null(key == 0 ? record_.source_name : record_.source_url);
      case Kind::Extracted: return key == 0 ? string_or_null(record_.extracted_by) : boolean_or_null(record_.reviewed);
      case Kind::Speaker: return speaker_member(key, record_.speakers.back());
      case Kind::Quote: return quote_member(key, record_.quotes.back());
      default: return false;
    }
  }

  bool element(Kind kind) {
    switch (kind) {
      case Kind::Paragraph:
        record_.paragraphs.emplace_back();
        return any_string(record_.paragraphs.back());
      case Kind::Alias:
        record_.aliases.emplace_back();
        return any_string(record_.aliases.back());
      case Kind::Speaker: return speaker();
      case Kind::Quote: return quote();
      default: return any_value();
    }
  }

  bool article_member(int key) {
    switch (key) {
      case kFormat: return any_string(record_.format) && (record_.format.empty() || record_.format == kArticleFormat);
      case kId: return non_empty_string(record_.id);
      case kTitle: return any_string(record_.title);
      case kDateline: return string_or_null(record_.dateline);
      case kPublished: return string_or_null(record_.published);
      case kLanguage: return string_or_null(record_.language);
      case kSource: return source();
      case kExtracted: return extracted();
      case kParagraphs: return array(Kind::Paragraph);
      case kSpeakers: return array(Kind::Speaker);
      case kQuotes: return array(Kind::Quote);
      default: return false;
    }
  }

  bool source() {
    if (peek() == 'n') return literal("null");
    std::uint32_t seen = 0;
    return peek() == '{' && object(Kind::Source, seen);
  }

  bool extracted() {
    if (peek() == 'n') return literal("null");
    record_.extracted = true;
    std::uint32_t seen = 0;
    return peek() == '{' && object(Kind::Extracted, seen);
  }

  bool speaker() {
    record_.speakers.emplace_back();
    ArticleRecord::SpeakerRecord& speaker = record_.speakers.back();
    speaker.first_alias = static_cast<std::uint32_t>(record_.aliases.size());
    std::uint32_t seen = 0;
    if (peek() != '{' || !object(Kind::Speaker, seen)) return false;
    speaker.alias_count = static_cast<std::uint32_t>(record_.aliases.size()) - speaker.first_alias;
    return (seen & kSpeakerRequired) == kSpeakerRequired;
  }

  bool speaker_member(int key, ArticleRecord::SpeakerRecord& speaker) {
    switch (key) {
      case kSpeakerId: return non_empty_string(speaker.id);
      case kSpeakerName: return non_empty_string(speaker.name);
      case kRole: return string_or_null(speaker.role);
      case kAliases:
        if (peek() == 'n') return literal("null");
        return array(Kind::Alias);
      case kSpeakerKind: {
        std::string_view kind;
        if (!any_string(kind)) return false;
        if (kind.empty()) return true;
        const auto parsed = parse_speaker_kind(kind);
        if (parsed) speaker.kind = *parsed;
        return parsed.has_value();
      }
      case kCountry: {
        std::string_view code;
        if (!string_or_null(code)) return false;
        if (code.empty()) return true;
        const auto id = find_country(code);
        if (id) speaker.country = *id;
        return id.has_value();
      }
      default: return false;
    }
  }

  bool quote() {
    record_.quotes.emplace_back();
    std::uint32_t seen = 0;
    if (peek() != '{' || !object(Kind::Quote, seen)) return false;
    return (seen & kQuoteRequired) == kQuoteRequired;
  }

  bool quote_member(int key, ArticleRecord::QuoteRecord& quote) {
    switch (key) {
      case kQuoteId: return non_empty_string(quote.id);
      case kSpeaker: return non_empty_string(quote.speaker_id);
      case kQuoteKind: {
        std::string_view kind;
        if (!any_string(kind)) return false;
        const auto parsed = parse_kind(kind);
        if (parsed) quote.kind = *parsed;
        return parsed.has_value();
      }
      case kText: return non_empty_string(quote.text);
      case kParagraph: return index(quote.paragraph);
      case kStart: return index(quote.start);
      case kEnd: return index(quote.end);
      case kCue: return string_or_null(quote.cue);
      case kConfidence: {
        if (peek() == 'n') return literal("null");
        double number;
        if (!number_value(number) || !(number >= 0.0 && number <= 1.0)) return false;
        quote.confidence = static_cast<std::uint8_t>(number * 100.0 + 0.5);
        return true;
      }
      case kQuoteReviewed: return boolean_or_null(quote.reviewed);
      default: return false;
    }
  }

  ArticleReader& reader_;
  ArticleRecord& record_;
  const char* p_;
  const char* const end_;
  std::size_t depth_ = 0;
};

const ArticleRecord* ArticleReader::read(std::string_view text) {
  // The careful path refuses a text whose parse might need more than max_parse_bytes
  // (about 96 bytes a value): below this bound it never does.
  if (static_cast<std::uint64_t>(text.size()) * 97 > limits_.max_parse_bytes) return nullptr;
  record_.format = record_.id = record_.title = record_.dateline = record_.published = record_.language = {};
  record_.source_name = record_.source_url = record_.extracted_by = {};
  record_.extracted = record_.reviewed = false;
  record_.paragraphs.clear();
  record_.aliases.clear();
  record_.speakers.clear();
  record_.quotes.clear();
  unescaped_.clear();
  if (unescaped_.capacity() < text.size()) unescaped_.reserve(text.size());
  open_keys_.clear();
  Parser parser(*this, text);
  if (!parser.article() || !check_references() || !check_spans()) return nullptr;
  return &record_;
}

// Speaker ids unique, each quote's speaker among them, quote ids unique.
bool ArticleReader::check_references() {
  // An article names a few speakers and quotes: compared pairwise, they are checked faster
  // than sorted (the sorts were 2 % of a million-quote load).
  constexpr std::size_t kFew = 16;
  auto& speakers = record_.speakers;
  auto& quotes = record_.quotes;
  if (speakers.size() > kFew || quotes.size() > kFew) return check_references_sorted();
  for (std::size_t s = 0; s < speakers.size(); ++s)
    for (std::size_t t = 0; t < s; ++t)
      if (blocks::same_bytes(speakers[s].id, speakers[t].id)) return false;
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    std::uint32_t s = 0;
    while (s < speakers.size() && !blocks::same_bytes(speakers[s].id, quotes[q].speaker_id)) ++s;
    if (s == speakers.size()) return false;
    quotes[q].speaker = s;
    for (std::size_t r = 0; r < q; ++r)
      if (blocks::same_bytes(quotes[q].id, quotes[r].id)) return false;
  }
  return true;
}

bool ArticleReader::check_references_sorted() {
  sorted_.clear();
  for (std::uint32_t s = 0; s < record_.speakers.size(); ++s) sorted_.emplace_back(record_.speakers[s].id, s);
  std::sort(sorted_.begin(), sorted_.end());
  const auto same_id = [](const auto& a, const auto& b) { return a.first == b.first; };
  if (std::adjacent_find(sorted_.begin(), sorted_.end(), same_id) != sorted_.end()) return false;
  for (ArticleRecord::QuoteRecord& quote : record_.quotes) {
    const auto found = std::lower_bound(sorted_.begin(), sorted_.end(), std::make_pair(quote.speaker_id, std::uint32_t{0}));
    if (found == sorted_.end() || found->first != quote.speaker_id) return false;
    quote.speaker = found->second;
  }
  sorted_.clear();
  for (std::uint32_t q = 0; q < record_.quotes.size(); ++q) sorted_.emplace_back(record_.quotes[q].id, q);
  std::sort(sorted_.begin(), sorted_.end());
  return std::adjacent_find(sorted_.begin(), sorted_.end(), same_id) == sorted_.end();
}

namespace {
constexpr std::uint32_t kNotYet = UINT32_MAX, kAscii = UINT32_MAX - 1;
}  // namespace

// Each quote's span inside its paragraph and equal to its text; then display order.
bool ArticleReader::check_spans() {
  code_points_.assign(record_.paragraphs.size(), CodePoints{kNotYet, 0});
  offsets_.clear();
  for (ArticleRecord::QuoteRecord& quote : record_.quotes) {
    if (quote.paragraph >= record_.paragraphs.size() || quote.start >= quote.end) return false;
    if (!byte_range(quote.paragraph, quote.start, quote.end, quote.start_byte, quote.end_byte)) return false;
    if (record_.paragraphs[quote.paragraph].substr(quote.start_byte, quote.end_byte - quote.start_byte) != quote.text)
      return false;
  }
  const auto before = [](const ArticleRecord::QuoteRecord& a, const ArticleRecord::QuoteRecord& b) {
    return a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.start < b.start;
  };
  if (!std::is_sorted(record_.quotes.begin(), record_.quotes.end(), before))
    std::stable_sort(record_.quotes.begin(), record_.quotes.end(), before);
  return true;
}

// Code points [start, end) of a paragraph as bytes; false when `end` is past its end. An
// ASCII paragraph's code points are its bytes; others get their offsets listed once.
bool ArticleReader::byte_range(std::uint32_t paragraph, std::uint32_t start, std::uint32_t end,
                               std::uint32_t& begin_byte, std::uint32_t& end_byte) {
  const std::string_view text = record_.paragraphs[paragraph];
  CodePoints& code_points = code_points_[paragraph];
  if (code_points.first == kNotYet) {
    if (utf8::is_ascii(text)) {
      code_points = {kAscii, static_cast<std::uint32_t>(text.size())};
    } else {
      code_points.first = static_cast<std::uint32_t>(offsets_.size());
      for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets_.push_back(static_cast<std::uint32_t>(i));
      code_points.count = static_cast<std::uint32_t>(offsets_.size()) - code_points.first;
      offsets_.push_back(static_cast<std::uint32_t>(text.size()));
    }
  }
  if (end > code_points.count) return false;
  if (code_points.first == kAscii) {
    begin_byte = start;
    end_byte = end;
  } else {
    begin_byte = offsets_[code_points.first + start];
    end_byte = offsets_[code_points.first + end];
  }
  return true;
}

}  // namespace qe
