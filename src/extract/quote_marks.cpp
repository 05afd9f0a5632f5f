#include "extract/quote_marks.h"

#include "core/utf8.h"

namespace qe::extract {
namespace {

enum class Family : std::uint8_t { Double, Single };
enum class Role : std::uint8_t { None, Open, Close, Either };

struct Mark {
  Role role = Role::None;
  Family family = Family::Double;
  char32_t character = 0;
};

char32_t first_code_point(std::string_view text) {
  char32_t c = 0;
  utf8::decode_at(text, 0, c);
  return c;
}

// Can a mark open (nothing but space, a bracket or another mark before it, a word after)
// or close (a word or punctuation before it, space or punctuation after)?
struct Flanks {
  bool can_open, can_close;
};

Flanks flanks_of(const std::vector<Token>& tokens, std::size_t i) {
  const Token& mark = tokens[i];
  const Token* before = i > 0 ? &tokens[i - 1] : nullptr;
  const Token* after = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
  const bool opening_before = mark.space_before || !before || before->kind == TokenKind::QuoteMark ||
                              before->is("(") || before->is("[") || before->is("—") || before->is("–") ||
                              before->is("-") || before->is(":");
  const bool text_after = after && !after->space_before &&
                          (after->kind != TokenKind::Punct || after->is("(") || after->is("[") || after->is("…") ||
                           after->is("."));
  const bool closing_after = !after || after->space_before || after->kind == TokenKind::Punct ||
                             after->kind == TokenKind::QuoteMark || after->kind == TokenKind::Possessive;
  return {opening_before && text_after, !opening_before || closing_after};
}

// ’90s and ’tis: an apostrophe standing for left-out letters, not a mark.
bool is_elision(const std::vector<Token>& tokens, std::size_t i) {
  if (i + 1 >= tokens.size() || tokens[i + 1].space_before) return false;
  char buffer[64];
  const std::string_view next = ascii_lower(tokens[i + 1].text, buffer);
  if (next.size() == 3 && std::isdigit(static_cast<unsigned char>(next[0])) && next[2] == 's') return true;  // ’90s
  for (const char* word : {"tis", "twas", "em", "n", "cause", "til", "round", "bout"})
    if (next == word) return true;
  return false;
}

// The second mark of rock ’n’ roll.
bool closes_elision(const std::vector<Token>& tokens, std::size_t i) {
  return i >= 2 && tokens[i - 1].is("n") && !tokens[i].space_before && is_elision(tokens, i - 2);
}

Mark classify(const std::vector<Token>& tokens, std::size_t i) {
  const Token& token = tokens[i];
  Mark mark;
  mark.character = token.text == "''" || token.text == "``" ? U'"' : first_code_point(token.text);
  if (token.kind == TokenKind::Possessive) {
    // A lone ’ after an s closes ‘…’ when no word follows ("…the Ukrainians’, she said").
    const bool word_follows = i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::Word;
    if ((token.text == "\xE2\x80\x99" || token.text == "'") && !word_follows) mark = {Role::Close, Family::Single, mark.character};
    return mark;
  }
  if (token.kind != TokenKind::QuoteMark) return mark;
  const Flanks flanks = flanks_of(tokens, i);
  const Role opening_first = flanks.can_open ? Role::Open : Role::Close;  // “ and « open unless nothing can follow
  const Role closing_first = flanks.can_close ? Role::Close : Role::Open;  // ” and » close unless they start a word
  switch (mark.character) {
    case 0x201C: case 0x201F: case 0xAB: return {opening_first, Family::Double, mark.character};  // “ (closes „), « (closes »)
    case 0x201D: case 0xBB: case 0x300D: return {closing_first, Family::Double, mark.character};  // ” », or Swedish ”…”, German »…«
    case 0x201E: case 0x300C: return {Role::Open, Family::Double, mark.character};                   // „ 「
    case 0x2039: case 0x201A: return {Role::Open, Family::Single, mark.character};                   // ‹ ‚
    case 0x203A: return {Role::Close, Family::Single, mark.character};                               // ›
    case '"':
      if (flanks.can_open && flanks.can_close) return {Role::Either, Family::Double, mark.character};
      return {flanks.can_open ? Role::Open : Role::Close, Family::Double, mark.character};
    case 0x2018: case 0x201B:
      if (is_elision(tokens, i)) return {};
      return {opening_first, Family::Single, mark.character};
    case 0x2019: case '\'':
      if (is_elision(tokens, i) || closes_elision(tokens, i)) return {};
      if (flanks.can_open && !flanks.can_close) return {Role::Open, Family::Single, mark.character};  // 'like this'
      return {Role::Close, Family::Single, mark.character};
    default: return {};
  }
}

struct OpenMark {
  Mark mark;
  std::uint32_t token = 0;
};

// The word count and byte span between two marks.
void fill_text(QuotedSpan& span, const std::vector<Token>& tokens, std::size_t first, std::size_t last_exclusive,
               std::size_t paragraph_size) {
  span.text_begin = first < tokens.size() ? tokens[first].begin : static_cast<std::uint32_t>(paragraph_size);
  span.text_end = last_exclusive > first ? tokens[last_exclusive - 1].end : span.text_begin;
  span.words = 0;
  for (std::size_t t = first; t < last_exclusive; ++t) span.words += tokens[t].kind == TokenKind::Word;
}

bool closes(const Mark& opener, const Mark& closer) {
  if (closer.role == Role::Open || closer.role == Role::None) return false;
  if (opener.family != closer.family) return false;
  if (closer.character == 0xAB) return opener.character == 0xBB;  // « closes only »…«
  return true;                                                     // mixed pairs such as «…” close too
}

bool opens(const Mark& mark) { return mark.role == Role::Open || mark.role == Role::Either; }

// The first token of a paragraph reopens a quotation that the previous one left open.
bool reopens(const std::vector<Token>& tokens, const Mark& outer) {
  if (tokens.empty()) return false;
  const Mark first = classify(tokens, 0);
  return opens(first) && first.family == outer.family;
}

class Pairing {
 public:
  Pairing(const std::vector<std::string>& paragraphs, const std::vector<std::vector<Token>>& tokens)
      : paragraphs_(paragraphs), tokens_(tokens) {}

  std::vector<QuotedSpan> run() {
    for (std::uint32_t p = 0; p < paragraphs_.size(); ++p) scan_paragraph(p);
    return std::move(spans_);
  }

 private:
  void scan_paragraph(std::uint32_t p) {
    const std::vector<Token>& tokens = tokens_[p];
    stack_.clear();
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
      const Mark mark = classify(tokens, i);
      if (mark.role == Role::None) continue;
      if (!stack_.empty() && closes(stack_.back().mark, mark)) {
        close_top(p, i);
      } else if (stack_.size() > 1 && mark.family == Family::Double && mark.role != Role::Open &&
                 closes(stack_.front().mark, mark)) {
        stack_.resize(1);  // a nested single quotation never closed: the outer one ends here
        close_top(p, i);
      } else if (reopens_unclosed(tokens, i, mark)) {
        end_unclosed(p, i);
        stack_.push_back({mark, i});
      } else if (opens(mark)) {
        stack_.push_back({mark, i});
      }
    }
    if (!stack_.empty()) leave_open(p);
  }

  void close_top(std::uint32_t p, std::uint32_t close) {
    const OpenMark open = stack_.back();
    stack_.pop_back();
    if (!stack_.empty()) return;  // a nested quotation stays inside its outer one
    QuotedSpan span;
    span.paragraph = p;
    span.open_token = open.token;
    span.close_token = close;
    span.closed = true;
    span.continued = open.token == 0 && reopened_from_previous_;
    fill_text(span, tokens_[p], open.token + 1, close, paragraphs_[p].size());
    reopened_from_previous_ = false;
    if (span.text_end > span.text_begin) spans_.push_back(span);
  }

  // “A. “B: a second opening “ after a full stop, with a “ quotation open and nothing nested,
  // starts a new quotation; the first was never closed (paragraphs run together in one line).
  bool reopens_unclosed(const std::vector<Token>& tokens, std::uint32_t i, const Mark& mark) const {
    if (mark.role != Role::Open || mark.family != Family::Double || mark.character == '"') return false;
    if (stack_.size() != 1 || stack_.front().mark.family != Family::Double || stack_.front().mark.character == '"') return false;
    return i > 0 && (tokens[i - 1].is(".") || tokens[i - 1].is("?") || tokens[i - 1].is("!") || tokens[i - 1].is("\u2026"));
  }

  void end_unclosed(std::uint32_t p, std::uint32_t next_open) {
    const OpenMark open = stack_.back();
    stack_.pop_back();
    QuotedSpan span;
    span.paragraph = p;
    span.open_token = open.token;
    span.close_token = next_open - 1;
    span.continued = open.token == 0 && reopened_from_previous_;
    fill_text(span, tokens_[p], open.token + 1, next_open, paragraphs_[p].size());
    reopened_from_previous_ = false;
    if (span.text_end > span.text_begin) spans_.push_back(span);
  }

  // The paragraph ended inside a quotation: it goes on when the next paragraph reopens it,
  // else it is a quotation whose closing mark is missing.
  void leave_open(std::uint32_t p) {
    const OpenMark outer = stack_.front();
    const std::vector<Token>& tokens = tokens_[p];
    QuotedSpan span;
    span.paragraph = p;
    span.open_token = outer.token;
    span.close_token = static_cast<std::uint32_t>(tokens.size());
    span.continued = outer.token == 0 && reopened_from_previous_;
    span.continues = p + 1 < paragraphs_.size() && reopens(tokens_[p + 1], outer.mark);
    fill_text(span, tokens, outer.token + 1, tokens.size(), paragraphs_[p].size());
    reopened_from_previous_ = span.continues;
    if (span.text_end > span.text_begin) spans_.push_back(span);
  }

  const std::vector<std::string>& paragraphs_;
  const std::vector<std::vector<Token>>& tokens_;
  std::vector<OpenMark> stack_;
  std::vector<QuotedSpan> spans_;
  bool reopened_from_previous_ = false;
};

}  // namespace

std::vector<QuotedSpan> find_quoted_spans(const std::vector<std::string>& paragraphs,
                                          const std::vector<std::vector<Token>>& tokens) {
  return Pairing(paragraphs, tokens).run();
}

}  // namespace qe::extract
