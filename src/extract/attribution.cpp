// attribution.cpp: finds the quotes of a document and who said them, as an ordered list
// of sieves (the most precise first, as in CoreNLP's quote attribution):
//
//   1. reported speech   "X said (that) …", "X told Y …", "according to X, …", "…, X said."
//                        "…, saying …"; a quotation inside makes it mixed
//   2. trailing speaker  “…,” X said. / “…,” said X.  (also at the start of the next paragraph)
//   3. leading speaker   X said: “…”  /  X said, “…”  /  …, saying “…”
//   4. same paragraph    “A,” she said. “B.”  (B continues the speaker of A)
//   5. floating          a paragraph that is only a quotation continues the last speaker
//   6. nearest speaker   a sentence-long quotation with no attribution: the last speaker, unsure
//
// Quotations that none of these claim and that read as names or scare quotes ("the
// “coalition of the willing”", a “soft” stance, the book “…”) are not quotes.
#include <algorithm>
#include <cstring>
#include <optional>

#include "core/utf8.h"
#include "extract/country_lexicon.h"
#include "extract/extraction.h"
#include "extract/lexicons.h"
#include "extract/mentions.h"
#include "extract/quote_marks.h"
#include "extract/speakers.h"

namespace qe::extract {
namespace {

constexpr std::uint32_t kMinReportedWords = 3;
constexpr std::uint32_t kMaxCueDistance = 16;      // tokens between a closing mark and its cue
constexpr std::uint32_t kSentenceLongQuote = 6;    // words that make an unattributed quotation a quote

struct Sentence {
  std::uint32_t begin = 0, end = 0;  // tokens
};

enum class SpanState : std::uint8_t { Open, Quote, Absorbed, NotQuote };

struct Paragraph {
  std::vector<Token> tokens;
  std::vector<int> span_of;           // per token: the quoted span holding it, or -1
  std::vector<Sentence> sentences;
  bool headline_like = false;         // no final punctuation: a subhead, not prose
};

// A quote found by a sieve, in tokens; turned into code points at the end.
struct Found {
  std::uint32_t paragraph = 0, first = 0, last = 0;  // tokens [first, last), or bytes when `bytes`
  bool bytes = false;
  std::string kind, cue;
  int entity = -1;
  double confidence = 1.0;
};

// "the United States": a capitalised cue word right after a capitalised word is part of a
// name, unless the words around it are all capitalised, as in a headline ("… Graham Says").
bool in_capitalised_name(const std::vector<Token>& tokens, std::uint32_t i) {
  if (!tokens[i].capitalised || i == 0 || !tokens[i - 1].capitalised || tokens[i - 1].kind != TokenKind::Word) return false;
  for (std::uint32_t t = i - 1, seen = 0; t-- > 0 && seen < 8;) {
    if (tokens[t].kind != TokenKind::Word) continue;
    if (!tokens[t].capitalised) return true;
    ++seen;
  }
  for (std::uint32_t t = i + 1, seen = 0; t < tokens.size() && seen < 3; ++t) {
    if (tokens[t].kind != TokenKind::Word) continue;
    if (!tokens[t].capitalised) return true;
    ++seen;
  }
  return false;
}

// The cue at token i: a two-word cue ("according to", "called for") before a one-word one.
const Cue* cue_at(const std::vector<Token>& tokens, std::uint32_t i) {
  if (tokens[i].kind != TokenKind::Word) return nullptr;
  const Lexicons& lexicons = Lexicons::get();
  char buffer[64];
  const std::string_view word = ascii_lower(tokens[i].text, buffer);
  const Lexicons::CueStart start = lexicons.cue_start(word);
  if (!start.single && !start.opens_phrase) return nullptr;
  if (start.opens_phrase && i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::Word) {
    char phrase[160];
    char next_buffer[64];
    const std::string_view next = ascii_lower(tokens[i + 1].text, next_buffer);
    if (word.size() + 1 + next.size() <= sizeof phrase) {
      std::memcpy(phrase, word.data(), word.size());
      phrase[word.size()] = ' ';
      std::memcpy(phrase + word.size() + 1, next.data(), next.size());
      if (const Cue* cue = lexicons.cue(std::string_view(phrase, word.size() + 1 + next.size()))) return cue;
    }
  }
  if (!start.single || start.single->according || in_capitalised_name(tokens, i)) return nullptr;
  return start.single;
}

// The cue as written: "said", "called for".
std::string text_of_cue(const std::vector<Token>& tokens, std::uint32_t c, const Cue& cue) {
  const Token& last = tokens[std::min<std::size_t>(c + cue.words, tokens.size()) - 1];
  return std::string(tokens[c].text.data(), static_cast<std::size_t>(last.text.data() + last.text.size() - tokens[c].text.data()));
}

bool is_terminal(const Token& token) { return token.is(".") || token.is("!") || token.is("?"); }

std::uint32_t word_count(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last) {
  std::uint32_t words = 0;
  for (std::uint32_t t = first; t < last; ++t) words += tokens[t].kind == TokenKind::Word;
  return words;
}

class Extractor {
 public:
  Extractor(const Document& document, const std::vector<KnownSpeaker>& known) : document_(document), registry_(known) {}

  Extraction run() {
    prepare();
    note_people();
    for (std::uint32_t p = 0; p < paragraphs_.size(); ++p) {
      paragraph_found_begin_ = found_.size();
      find_reported_speech(p);
      attribute_quotations(p);
    }
    return finish();
  }

 private:
  // [SECTION] Tokens, quotations, sentences

  void prepare() {
    std::vector<std::vector<Token>> tokens;
    tokens.reserve(document_.paragraphs.size());
    for (const std::string& paragraph : document_.paragraphs) tokens.push_back(tokenize(paragraph));
    spans_ = find_quoted_spans(document_.paragraphs, tokens);
    span_state_.assign(spans_.size(), SpanState::Open);
    span_found_.assign(spans_.size(), -1);
    paragraphs_.resize(tokens.size());
    for (std::uint32_t p = 0; p < tokens.size(); ++p) {
      paragraphs_[p].tokens = std::move(tokens[p]);
      paragraphs_[p].span_of.assign(paragraphs_[p].tokens.size(), -1);
    }
    for (std::size_t s = 0; s < spans_.size(); ++s) {
      const QuotedSpan& span = spans_[s];
      Paragraph& paragraph = paragraphs_[span.paragraph];
      if (!opens_with_single_mark(paragraph.tokens[span.open_token])) double_marks_ = true;
      const std::uint32_t last = std::min<std::uint32_t>(span.close_token + 1, static_cast<std::uint32_t>(paragraph.tokens.size()));
      for (std::uint32_t t = span.open_token; t < last; ++t) paragraph.span_of[t] = static_cast<int>(s);
    }
    for (Paragraph& paragraph : paragraphs_) split_sentences(paragraph);
  }

  // Sentences end at . ! ? outside quotations (or at a closing mark right after one) when
  // the next word starts with a capital or a quotation mark.
  static void split_sentences(Paragraph& paragraph) {
    const std::vector<Token>& tokens = paragraph.tokens;
    std::uint32_t begin = 0;
    int parentheses = 0;  // "(R-S.C.)": no sentence ends inside a parenthesis
    for (std::uint32_t t = 0; t < tokens.size(); ++t) {
      if (tokens[t].is("(")) ++parentheses;
      if (tokens[t].is(")") && parentheses > 0) --parentheses;
      if (!is_terminal(tokens[t]) || (parentheses > 0 && closes_soon(tokens, t))) continue;
      std::uint32_t end = t + 1;
      while (end < tokens.size() && !tokens[end].space_before && tokens[end].kind == TokenKind::QuoteMark &&
             paragraph.span_of[end] >= 0)
        ++end;
      const bool inside = paragraph.span_of[t] >= 0 && (end == t + 1 || paragraph.span_of[end - 1] != paragraph.span_of[t]);
      if (inside && end < tokens.size()) continue;  // a full stop inside a quotation that goes on
      const bool next_starts = end >= tokens.size() || tokens[end].capitalised || tokens[end].kind == TokenKind::QuoteMark ||
                               (tokens[end].is("(") && end + 1 < tokens.size() && tokens[end + 1].capitalised);  // ". (On Monday …)"
      if (!next_starts) continue;
      paragraph.sentences.push_back({begin, end});
      begin = end;
      t = end - 1;
    }
    if (begin < tokens.size()) paragraph.sentences.push_back({begin, static_cast<std::uint32_t>(tokens.size())});
    // "Devine said the changes include:" introduces a list; "(… reopen it.)" ends a sentence
    std::size_t last = tokens.size();
    if (last > 1 && tokens[last - 1].is(")") && is_terminal(tokens[last - 2])) --last;
    paragraph.headline_like = last > 0 && !is_terminal(tokens[last - 1]) && tokens[last - 1].kind != TokenKind::QuoteMark &&
                              !tokens[last - 1].is(":");
  }

  // A ")" within a few tokens: the full stop is inside a short parenthesis ("(R-S.C.)").
  static bool closes_soon(const std::vector<Token>& tokens, std::uint32_t t) {
    for (std::uint32_t next = t + 1; next < tokens.size() && next <= t + 4; ++next)
      if (tokens[next].is(")")) return true;
    return false;
  }

  // Everyone named in the text, for pronouns and descriptions to refer to.
  void note_people() {
    for (std::uint32_t p = 0; p < paragraphs_.size(); ++p) {
      const std::vector<Token>& tokens = paragraphs_[p].tokens;
      for (std::uint32_t t = 0; t < tokens.size();) {
        // "Added Lind: “…”": a cue that opens the sentence is no part of the name after it
        const bool opening_cue = (t == 0 || is_terminal(tokens[t - 1])) && t + 1 < tokens.size() && tokens[t + 1].capitalised &&
                                 cue_at(tokens, t);
        if (!tokens[t].capitalised || paragraphs_[p].span_of[t] >= 0 || opening_cue) {
          ++t;
          continue;
        }
        const std::uint32_t end = phrase_end(tokens, t, static_cast<std::uint32_t>(tokens.size()));
        registry_.note_mention(with_appositive(tokens, t, end), position_of(p, t));
        note_gender_after(p, std::max(end, t + 1));
        t = std::max(end, t + 1);
      }
    }
  }

  // "Ingrid Berg, a spokeswoman for Norway’s foreign ministry" and "The French minister for
  // energy transition, Sylvie Marchand,": a name and its role.
  static Mention with_appositive(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end) {
    Mention mention = interpret_phrase(tokens, first, end);
    if (mention.type == MentionType::Description) {
      std::uint32_t comma = end;
      while (comma < tokens.size() && comma < end + 5 && tokens[comma].kind == TokenKind::Word && !tokens[comma].capitalised) ++comma;
      if (comma + 1 < tokens.size() && tokens[comma].is(",")) {
        const Mention name = interpret_phrase(tokens, comma + 1, phrase_end(tokens, comma + 1, static_cast<std::uint32_t>(tokens.size())));
        if (name.type == MentionType::Name && !name.organisation_name) return merged(name, mention);
      }
      return mention;
    }
    if (mention.type != MentionType::Name || end + 1 >= tokens.size() || !tokens[end].is(",")) return mention;
    std::uint32_t stop = end + 1;
    while (stop < tokens.size() && stop < end + 16 && !tokens[stop].is(",") && !is_terminal(tokens[stop])) ++stop;
    const Mention appositive = interpret_phrase(tokens, end + 1, phrase_end(tokens, end + 1, stop));
    if (appositive.type != MentionType::Description) return mention;
    return merged(mention, appositive);
  }

  // A name with the role an appositive gives it, either way round.
  static Mention merged(Mention mention, const Mention& appositive) {
    if (mention.role.empty()) mention.role = appositive.role;
    if (mention.country.empty()) mention.country = appositive.country;
    if (mention.role_owner.empty()) mention.role_owner = appositive.role_owner;
    return mention;
  }

  // "Dan Jones … his office", "Marit Olsen, her voice hoarse": a possessive pronoun in the
  // same sentence, before anyone else is named, tells the gender of the person just named.
  void note_gender_after(std::uint32_t p, std::uint32_t from) {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    char buffer[64];
    for (std::uint32_t t = from; t < tokens.size() && t < from + 12; ++t) {
      if (tokens[t].capitalised || is_terminal(tokens[t])) return;
      const std::string_view word = ascii_lower(tokens[t].text, buffer);
      if (word == "his" || word == "himself") return registry_.note_gender(position_of(p, t), 'm');
      if (word == "her" || word == "herself") return registry_.note_gender(position_of(p, t), 'f');
    }
  }

  // [SECTION] Sieve 1: reported speech (indirect and mixed)

  void find_reported_speech(std::uint32_t p) {
    Paragraph& paragraph = paragraphs_[p];
    for (Sentence sentence : paragraph.sentences) {
      // "(On Monday he said he would …)": a sentence in parentheses is read without them
      if (sentence.end - sentence.begin > 2 && paragraph.tokens[sentence.begin].is("(") && paragraph.tokens[sentence.end - 1].is(")")) {
        ++sentence.begin;
        --sentence.end;
      }
      if (paragraph.headline_like && sentence.end - sentence.begin < 15) continue;
      if (sentence.end > sentence.begin && paragraph.tokens[sentence.end - 1].is("?")) continue;
      int sentence_speaker = -1;
      for (std::uint32_t c = sentence.begin; c < sentence.end; ++c) {
        if (paragraph.span_of[c] >= 0) continue;
        const Cue* cue = cue_at(paragraph.tokens, c);
        if (!cue) continue;
        const std::optional<Found> found = cue->according ? according_to(p, sentence, c) : reported(p, sentence, c, *cue, sentence_speaker);
        if (!found) continue;
        sentence_speaker = found->entity;
        if (found->paragraph == p && !found->bytes && found->last > c + 1) c = found->last - 1;  // the loop goes on at the token after the words
      }
      if (sentence_speaker < 0) quoting_object(p, sentence);
    }
  }

  // "Ola Lind hailed the deal as a “breakthrough.”", "Weber ticked off issues such as “fair
  // shares”": in a sentence with no cue, a subject, then a verb the cue lexicon does not know,
  // then an object that holds a quotation after a word of its own: the object reports the
  // subject's words (mixed), as a verb of kind object does.
  void quoting_object(std::uint32_t p, const Sentence& sentence) {
    const Paragraph& paragraph = paragraphs_[p];
    const std::vector<Token>& tokens = paragraph.tokens;
    // "Last year, he played down …": past an opening phrase that ends with a comma
    std::uint32_t begin = sentence.begin;
    if (opens_with_preposition(tokens[begin]) || is_subordinator(tokens[begin]) || ends_with_ing(tokens[begin]) ||
        Lexicons::get().is(WordClass::Time, lowered_text(tokens[begin])))
      begin = clause_begin_at_comma(p, sentence);
    std::uint32_t verb = begin + 1;
    while (verb < sentence.end && verb < begin + 12 && paragraph.span_of[verb] < 0 && !reads_as_finite_verb(tokens[verb])) ++verb;
    if (verb >= sentence.end || verb >= begin + 12 || paragraph.span_of[verb] >= 0) return;
    // "stars in “Harbour Nights”", "landed in Lund for a “town hall”", "served as “harbour master”":
    // a preposition of place or role right after the verb names no words ("talks about"
    // and "railed against" do)
    for (const char* preposition : {"in", "at", "as", "under", "into", "out"})
      if (verb + 1 < sentence.end && tokens[verb + 1].is(preposition)) return;
    bool quotation = false;  // an open quotation inside the object, after a word of its own
    for (std::uint32_t t = verb + 2; t < sentence.end && t < verb + 16; ++t) {
      const int s = paragraph.span_of[t];
      if (s >= 0 && span_state_[static_cast<std::size_t>(s)] == SpanState::Open && spans_[static_cast<std::size_t>(s)].open_token == t) {
        quotation = true;
        break;
      }
      if (tokens[t].is(",") || tokens[t].is(";") || tokens[t].is(":") || is_terminal(tokens[t])) break;
    }
    if (!quotation) return;
    // the subject opens the sentence: a person, a group or an organisation named as a noun, not
    // an organisation's name ("The Ferry Company filed a “notice”")
    const Mention speaker = subject_before(tokens, begin, verb);
    if (!speaker.found() || speaker.first != begin || speaker.organisation_name) return;
    // "groused to a crowd in Georgia that the network “…”": the words start after "that"
    std::uint32_t start = verb + 1;
    for (std::uint32_t t = start; t < sentence.end && t < start + 10 && paragraph.span_of[t] < 0; ++t)
      if (tokens[t].is("that")) {
        start = t + 1;
        break;
      }
    Cue object;
    object.object = true;
    claim(p, speaker, speaker.first, std::string(tokens[verb].text), start, content_last(p, object, start, sentence.end), 1);
  }

  static std::string_view lowered_text(const Token& token) {
    thread_local char buffer[64];
    return ascii_lower(token.text, buffer);
  }

  // The token after the first comma of the sentence (outside quotations), within 16 tokens.
  std::uint32_t clause_begin_at_comma(std::uint32_t p, const Sentence& sentence) const {
    for (std::uint32_t t = sentence.begin + 1; t + 1 < sentence.end && t < sentence.begin + 16; ++t)
      if (paragraphs_[p].tokens[t].is(",") && paragraphs_[p].span_of[t] < 0) return t + 1;
    return sentence.begin;
  }

  // "According to X, …" or "…, according to X."
  std::optional<Found> according_to(std::uint32_t p, const Sentence& sentence, std::uint32_t c) {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    std::uint32_t end = c + 2;  // the source runs to the comma or the sentence end
    // "- 63 percent, according to the report - still believe …": a dash ends the source too; a
    // short name in quotation marks is part of it ("According to her “clawback” plan, …")
    while (end < sentence.end && !tokens[end].is(",") && !is_dash(tokens[end]) && !is_terminal(tokens[end]) &&
           (paragraphs_[p].span_of[end] < 0 || short_quoted_name(p, end)))
      ++end;
    Mention source = source_phrase(tokens, c + 2, end);
    if (!source.found()) source = any_source(tokens, c + 2, end);
    if (!source.found()) return std::nullopt;
    // "According to the Gazette, Keane told staff that …": Keane's words are the quote.
    if (c == sentence.begin && end < sentence.end && tokens[end].is(",") && !has_cue(p, end + 1, sentence.end))
      return claim(p, source, c, "according to", end + 1, sentence.end);
    // "But, according to the survey, most ferries …", "The next day, according to Berg, the board
    // made …": after a short opening, the clause that follows is the source's.
    if (c > sentence.begin && tokens[c - 1].is(",") && short_opening(p, sentence.begin, c - 1) && end < sentence.end &&
        tokens[end].is(",") && !has_cue(p, end + 1, sentence.end))
      return claim(p, source, c, "according to", end + 1, sentence.end);
    // "… has reshuffled its diplomats and, according to officials, adopted a new plan": after a
    // conjunction, the words are the clause that follows the source
    if (c > sentence.begin + 2 && tokens[c - 1].is(",") && end < sentence.end && tokens[end].is(",") &&
        opens_reported_clause(tokens[c - 2]) && !has_cue(p, end + 1, sentence.end))
      return claim(p, source, c, "according to", end + 1, sentence.end);
    // "…, according to the poll." and "…, according to the Tax Foundation, more than …"
    if (c > sentence.begin + 1 && (tokens[c - 1].is(",") || is_dash(tokens[c - 1]) || is_dash(tokens[c - 2]))) {
      // "He started a firm, which collected $36,000 in fees, according to filings.": the words
      // are the relative clause that ends before the source
      std::uint32_t first = sentence.begin;
      for (std::uint32_t t = c - 1; t > sentence.begin + 1; --t) {
        if (paragraphs_[p].span_of[t] >= 0) break;
        if ((tokens[t - 1].is("which") || tokens[t - 1].is("who")) && tokens[t - 2].is(",") && paragraphs_[p].span_of[t - 2] < 0) {
          first = t - 1;
          break;
        }
      }
      return claim(p, source, c, "according to", first, c - 1);
    }
    return std::nullopt;
  }

  // Token t is inside a closed quotation of at most three words, a name ("her “clawback” plan").
  bool short_quoted_name(std::uint32_t p, std::uint32_t t) const {
    const QuotedSpan& span = spans_[static_cast<std::size_t>(paragraphs_[p].span_of[t])];
    return span.paragraph == p && span.closed && span.words <= 3;
  }

  static bool opens_reported_clause(const Token& token) {
    for (const char* word : {"and", "but", "that", "after", "because", "while", "since", "so"})
      if (token.is(word)) return true;
    return false;
  }

  // A few words before a comma that open a sentence: "But", "The next day", "Now".
  bool short_opening(std::uint32_t p, std::uint32_t first, std::uint32_t comma) const {
    if (comma <= first || comma - first > 7) return false;
    std::uint32_t words = 0;
    for (std::uint32_t t = first; t < comma; ++t) {
      const Token& token = paragraphs_[p].tokens[t];
      if (paragraphs_[p].span_of[t] >= 0) return false;
      if (token.kind == TokenKind::Word) ++words;
      else if (!token.is(":") && !token.is(".")) return false;  // "About 10:03 p.m."
    }
    return words <= 4;
  }

  // A cue after "According to X," that reports words of its own ("Keane told staff that …").
  // A negated cue ("has not asked"), a noun ("the report") or a passive ("is called") does
  // not, so the clause stays the source's.
  bool has_cue(std::uint32_t p, std::uint32_t first, std::uint32_t last) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    for (std::uint32_t t = first; t < last; ++t)
      if (paragraphs_[p].span_of[t] < 0 && cue_at(tokens, t) && !negated(tokens, first, t) && !noun_or_passive(tokens, first, t))
        return true;
    return false;
  }

  // "according to the poll", "according to federal statistics", "according to Politico":
  // after "according to", any noun phrase is the source, a poll, a document or a medium.
  static Mention any_source(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last) {
    Mention source;
    while (first < last && (tokens[first].is("the") || tokens[first].is("a") || tokens[first].is("an"))) ++first;
    if (first >= last || last - first > 20 || word_count(tokens, first, last) == 0) return source;
    source.type = MentionType::Organisation;
    source.name = std::string(tokens[first].text.data(),
                              static_cast<std::size_t>(tokens[last - 1].text.data() + tokens[last - 1].text.size() - tokens[first].text.data()));
    source.first = first;
    source.last = last;
    return source;
  }

  // "conservative talk radio host Rush Limbaugh": the name or role that ends the phrase.
  static Mention source_phrase(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last) {
    Mention source = phrase_after(tokens, first, last);
    if (source.found() && source.last == last) return source;
    std::uint32_t start = last;
    while (start > first && last - start < 8 && tokens[start - 1].kind != TokenKind::Punct) --start;
    return interpret_phrase(tokens, start, last);
  }

  std::optional<Found> reported(std::uint32_t p, const Sentence& sentence, std::uint32_t c, const Cue& cue,
                                int sentence_speaker) {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    if (negated(tokens, sentence.begin, c)) return std::nullopt;
    if (noun_before_verb(tokens, sentence, c, cue)) return std::nullopt;
    if (cue.question && opens_sentence(tokens, sentence, c))
      if (auto question = opening_question(p, sentence, c, cue)) return question;
    if (noun_or_passive(tokens, sentence.begin, c)) return passive(p, sentence, c, cue);
    if (c == sentence.begin && ends_with_ing(tokens[c])) return opening_participle(p, sentence, c, cue);
    const std::string cue_text = text_of_cue(tokens, c, cue);
    const bool participle = c > sentence.begin && ends_with_ing(tokens[c]) &&
                            (tokens[c - 1].is(",") || is_dash(tokens[c - 1]) || opens_participle(tokens[c - 1]) ||
                             after_closing_comma(p, c) || after_message_or_adverb(tokens, sentence.begin, c));
    // "…, saying (that) …", "… and warned that …", "…, before adding that …", "went on to
    // say that …": the sentence's subject said it.
    if (participle || follows_and(tokens, sentence.begin, c) || infinitive_of_subject(tokens, sentence.begin, c)) {
      const std::uint32_t start = content_start(p, c, cue, sentence);
      const std::uint32_t last = content_last(p, cue, start, sentence.end);
      const std::uint32_t min_words = last < sentence.end ? 1 : min_words_of(cue);  // an object however short
      if (sentence_speaker >= 0) return claim_entity(p, sentence_speaker, 0.85, cue_text, start, last, min_words);
      const Mention subject = main_subject(p, sentence, c);
      if (subject.found()) return claim(p, subject, sentence.begin, cue_text, start, last, min_words);
      if (participle) return std::nullopt;
    }
    Mention speaker = longer_subject(tokens, sentence, c, subject_before(tokens, sentence.begin, c));
    if (speaker.type == MentionType::None) speaker = determined_noun_phrase(tokens, sentence.begin, c);  // "The harbour-front grocer complained"
    if (const Mention share = numeric_subject(tokens, sentence.begin, c); share.found()) speaker = share;  // "About 4 in 10 say"
    // "The New York Times reported that …": a medium is never a listener's speaker, but it
    // is the source of what it reports itself
    if (speaker.media && speaker.type == MentionType::Name) speaker.media = false;
    if (!speaker.found() && !inverted_after_comma(p, sentence, c) && content_start(p, c, cue, sentence) < sentence.end)
      if (const Mention whole = clause_subject(tokens, clause_begin(p, sentence, c), c); whole.found()) speaker = whole;
    if (!speaker.found()) speaker = relative_antecedent(tokens, sentence.begin, c);  // "came from a young boy, who said …"
    // "what it calls a “soft” stance": the words after a naming cue name something, the
    // reporter's object; "which he said were …", "what Trump says his plan would do": the
    // relative pronoun stands for part of the words, a piece of its own.
    const bool relative = speaker.found() && speaker.first > sentence.begin + 1 &&
                          (tokens[speaker.first - 1].is("what") || tokens[speaker.first - 1].is("which")) &&
                          !starts_adjunct(tokens[speaker.first - 2]) && !tokens[speaker.first - 2].is("of");  // not "in which he said"
    if (speaker.found() && (tokens[speaker.first].is("what") || relative) && cue.naming) {
      // "which he described as “like an open orchid”": with "as", a naming verb characterises,
      // and the "as" phrase is the speaker's words
      const std::uint32_t as = c + cue.words;
      if (as + 1 < sentence.end && tokens[as].is("as"))
        return claim(p, speaker, speaker.first, cue_text, as, relative_clause_end(p, as, sentence.end), 2);
      return std::nullopt;
    }
    if (relative) {
      if (tokens[speaker.first - 1].is("what") && nothing_reported_after(tokens, c + cue.words, sentence.end)) return std::nullopt;
      const std::uint32_t start = content_start(p, c, cue, sentence);
      claim(p, speaker, speaker.first, cue_text, speaker.first - 1, speaker.first, 1);
      if (start < sentence.end) claim(p, speaker, speaker.first, cue_text, start, relative_clause_end(p, start, sentence.end), 1);
      return std::nullopt;
    }
    const bool in_relative_clause = speaker.first > sentence.begin && tokens[speaker.first - 1].is("which");
    if (!speaker.found()) return inverted(p, sentence, c, cue_text);
    if (speaker.first > sentence.begin && (tokens[speaker.first - 1].is("as") || tokens[speaker.first - 1].is("As")))
      if (auto found = as_clause(p, sentence, speaker.first - 1, c, speaker, cue_text)) return found;
    const std::uint32_t start = content_start(p, c, cue, sentence);
    // "“…,” Lou told a news briefing near …", "“…,” Weber told Fox News in Lund.": after a
    // quotation's trailing attribution, what follows a cue with a listener is the listener and
    // the occasion, not more words (unless "that" opens them)
    // (unless "that" opens them); after any cue, an adverb, a date or a phrase of place or time
    // is the occasion ("“…,” Rubio said Dec. 6 on CNN", "“…,” she said over breakfast"), also
    // after a quotation that closes with a question ("“How are you?” Lind said softly")
    const bool after_quotation =
        speaker.first > sentence.begin
            ? after_closing_comma(p, speaker.first) ||
                  (tokens[speaker.first - 1].is(",") && quotation_is_whole(p, sentence.begin, speaker.first - 1))
            : after_closing_question(p, speaker.first);
    if (start < sentence.end && after_quotation && !tokens[start - 1].is("that") &&
        (cue.listener || start > c + cue.words || reads_as_occasion(tokens, start)))
      return std::nullopt;
    if (start < sentence.end) {
      // "…, in which Kovac said she had invested, opened": the relative clause ends at its comma;
      // "Kovac, who said he would run, left early": so does a "who" clause, before the main verb
      const std::uint32_t end = in_relative_clause ? relative_clause_end(p, start, sentence.end)
                                : in_who_clause(tokens, sentence.begin, c) ? who_clause_end(p, start, sentence.end)
                                                                          : sentence.end;
      const std::uint32_t last = content_last(p, cue, start, end);
      return claim(p, speaker, speaker.first, cue_text, start, last, last < end ? 1 : min_words_of(cue));  // an object however short
    }
    if (speaker.first <= sentence.begin + 1) return std::nullopt;
    // "Details aside, her plan offers ''a stark alternative,'' Kamin said.": the words run to
    // the closing mark of a quotation that does not open them (mixed)
    if (const std::uint32_t end = quotation_ending_words(p, sentence, speaker.first); end > 0 &&
        only_adjuncts(tokens, c + cue.words, sentence.end))
      return claim(p, speaker, speaker.first, cue_text, sentence.begin, end);
    std::uint32_t comma = speaker.first - 1;
    if (!tokens[comma].is(",")) {
      // "…, a wide array of economists say, …", "…, pilots and their leaders say, …": the
      // speaker read is the head of a longer phrase that follows the comma
      std::uint32_t t = speaker.first;
      while (t > sentence.begin + 1 && speaker.first - t < 6 && tokens[t - 1].kind == TokenKind::Word &&
             !tokens[t - 1].capitalised && paragraphs_[p].span_of[t - 1] < 0 && !token_reads_as_verb(tokens[t - 1]))
        --t;
      if (t == speaker.first || speaker.type == MentionType::Name || !tokens[t - 1].is(",") || paragraphs_[p].span_of[t - 1] >= 0) return std::nullopt;
      for (const char* conjunction : {"and", "but", "or", "while", "as", "because", "so"})
        if (tokens[t].is(conjunction)) return std::nullopt;
      comma = t - 1;
    }
    if (quotation_is_whole(p, sentence.begin, comma)) return std::nullopt;  // “…,” she said: sieve 2
    const std::uint32_t after_cue = cue.listener ? listener_end(tokens, c + cue.words, sentence.end) : c + cue.words;
    if (only_adjuncts(tokens, after_cue, sentence.end) ||  // "…, Lavrov said (on Thursday).", "…, Graham told The Post."
        (paragraphs_[p].span_of[sentence.begin] < 0 && only_occasion(tokens, after_cue, sentence.end)))
      return claim(p, speaker, speaker.first, cue_text, sentence.begin, comma);
    // "The benefit, it says, would be $300.": the words on both sides of the attribution.
    const std::uint32_t after = adjunct_end(p, after_cue, sentence.end);
    if (after >= sentence.end || !tokens[after].is(",")) return std::nullopt;
    // With the rest claimed, the part before is a piece of the same words however short ("The
    // museum, he said, would …"); alone it must read as a clause. A rest that opens with a
    // conjunction is the reporter's ("…, the agency said in a report, and those …").
    std::optional<Found> rest;
    if (!reporters_clause(p, after + 1, sentence.end)) rest = claim(p, speaker, speaker.first, cue_text, after + 1, sentence.end, 2);
    const std::uint32_t before_words = rest ? 1 : kMinReportedWords + 1;
    // "When the port closed, Olsen said, “…”": before a direct quote, a subordinate clause is
    // the reporter's ("If it fails, he argues, there are …" is one reported thought)
    std::optional<Found> before;
    // ("On the subject of trade, Lind added, “…”", "Holding up a book, Weber said, “…”": so is an
    // opening phrase)
    // ("Still, she added, …", "Later in the talk, he said, “…”": so is a discourse word, alone or
    // before a quotation)
    const bool reporters_link = opens_as_reporters_link(tokens[sentence.begin]);
    const bool reporters_clause = (rest && rest->kind == "direct" &&
                                   (is_subordinator(tokens[sentence.begin]) || opens_with_preposition(tokens[sentence.begin]) ||
                                    ends_with_ing(tokens[sentence.begin]) || reporters_link)) ||
                                  (reporters_link && comma == sentence.begin + 1);
    if (word_count(tokens, sentence.begin, comma) >= before_words && !reporters_clause)
      before = claim(p, speaker, speaker.first, cue_text, sentence.begin, comma, 1);
    return rest ? rest : before;
  }

  // "puzzled by what the mayor was saying.", "what it says about the town", "what she says and
  // does": the cue ends its clause, so "what" stands for speech in general, not for words
  static bool nothing_reported_after(const std::vector<Token>& tokens, std::uint32_t after_cue, std::uint32_t end) {
    if (after_cue >= end || tokens[after_cue].kind == TokenKind::Punct) return true;
    return tokens[after_cue].is("about") || tokens[after_cue].is("and");
  }

  // "Still", "Meanwhile", "Finally": a discourse word of the reporter's (lexicon class
  // reporter-opening), or an adverb in -ly ("Eventually", "Rather oddly")
  static bool opens_as_reporters_link(const Token& token) {
    char buffer[64];
    const std::string_view word = ascii_lower(token.text, buffer);
    return Lexicons::get().is(WordClass::ReporterOpening, word) || ends_in_ly(word);
  }

  // "… of “harbour values,” saying …": the comma before the cue is inside a closing mark
  bool after_closing_comma(std::uint32_t p, std::uint32_t c) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    return c >= 2 && tokens[c - 1].kind == TokenKind::QuoteMark && paragraphs_[p].span_of[c - 1] >= 0 && tokens[c - 2].is(",");
  }

  // "“How are you?” Lind said …": a question or an exclamation closes the quotation before the speaker
  bool after_closing_question(std::uint32_t p, std::uint32_t c) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    return c >= 2 && tokens[c - 1].kind == TokenKind::QuoteMark && paragraphs_[p].span_of[c - 1] >= 0 &&
           (tokens[c - 2].is("?") || tokens[c - 2].is("!"));
  }

  // "derided and insulted the crews": after "and" and a second verb, its object is the words the
  // two verbs share; "were mocked and criticized on air", "chanting and waving flags" and "and
  // then left" report none (the second verb takes no object, or no determiner opens one).
  static std::uint32_t after_second_verb(const std::vector<Token>& tokens, std::uint32_t and_token, std::uint32_t end) {
    const std::uint32_t verb = and_token + 1, object = and_token + 2;
    if (object >= end || tokens[verb].capitalised || tokens[object].kind != TokenKind::Word) return end;
    if (!token_reads_as_verb(tokens[verb]) && !ends_with_ing(tokens[verb])) return end;
    char buffer[64];
    const std::string_view word = ascii_lower(tokens[object].text, buffer);
    for (const char* opener : {"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that", "these", "those"})
      if (word == opener) return object;
    return end;
  }

  // "happily", "Dec.", "Tuesday", "over breakfast", "during a visit": the start of an adverb or
  // an adjunct of time or place
  static bool reads_as_occasion(const std::vector<Token>& tokens, std::uint32_t t) {
    const Token& token = tokens[t];
    if (token.kind != TokenKind::Word) return false;
    char buffer[64];
    const std::string_view word = ascii_lower(token.text, buffer);
    if (ends_in_ly(word)) return true;
    if (Lexicons::get().is(WordClass::Adverb, word) || Lexicons::get().is(WordClass::Time, word) || word == "aloud") return true;
    // "the day after the vote", "the next morning"
    if (word == "the" && t + 1 < tokens.size()) {
      const std::string_view next = lowered_text(tokens[t + 1]);
      if (next == "day" || next == "next" || next == "following" || next == "night" || next == "morning" || next == "evening")
        return true;
    }
    for (const char* prefix : {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue",
                               "wed", "thu", "fri", "sat", "sun"})
      if (token.capitalised && word.substr(0, 3) == prefix) return true;
    for (const char* preposition : {"over", "across", "outside", "inside", "near", "during", "at", "in", "on", "after", "before",
                                    "from", "via", "with", "while", "as", "when", "aboard", "without", "into", "amid"})
      if (word == preposition) return true;
    return false;
  }

  // "issued a statement saying …": a participle cue after a message the subject put out (a
  // setting noun after "a"); "while also saying …", "before optimistically predicting …": an
  // adverb after the subordinator.
  static bool after_message_or_adverb(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t c) {
    if (c < floor + 2) return false;
    const Lexicons& lexicons = Lexicons::get();
    const std::string_view before = lowered_text(tokens[c - 1]);
    // "a statement saying", "a fundraising email Wednesday saying"
    std::uint32_t noun = c - 1;
    if (noun > floor + 1 && is_time_word(before)) --noun;
    if (lexicons.is(WordClass::Setting, lowered_text(tokens[noun])))
      for (std::uint32_t t = noun; t-- > floor && noun - t <= 3;) {
        if (tokens[t].is("a") || tokens[t].is("an")) return true;
        if (tokens[t].kind != TokenKind::Word || tokens[t].capitalised) return false;
      }
    const bool adverb = lexicons.is(WordClass::Adverb, before) || ends_in_ly(before);
    return adverb && (opens_participle(tokens[c - 2]) || tokens[c - 2].is(","));  // "…, eventually saying …"
  }

  // "by saying", "after blasting", "while arguing", "before adding": a preposition or a
  // subordinator before a participle cue; its subject is the sentence's.
  static bool opens_participle(const Token& token) {
    char buffer[64];
    const std::string_view lower = ascii_lower(token.text, buffer);
    for (const char* word : {"by", "after", "before", "while", "when", "in", "since", "upon", "through"})
      if (lower == word) return true;
    return false;
  }

  // "went on to say", "continued to insist", "were more likely to say": a cue in the
  // infinitive after a lower-case verb or adjective; the subject of the sentence speaks. Not
  // after a noun ("his call to", "the right to say") or a listener ("urged Lind to say").
  static bool infinitive_of_subject(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t c) {
    if (c < floor + 2 || !tokens[c - 1].is("to")) return false;
    const Token& before = tokens[c - 2];
    if (before.kind != TokenKind::Word || before.capitalised) return false;
    char buffer[64];
    const std::string_view word = ascii_lower(before.text, buffer);
    char gender = 0;
    if (is_subject_pronoun(word, gender) || word == "him" || word == "them" || word == "us" || word == "me") return false;
    // "urged to", "told to": the cue's own infinitive; "continued to" is a verb like any other
    if (const Cue* cue = Lexicons::get().cue(word); cue && (cue->infinitive || cue->listener)) return false;
    return word == "on" || word == "likely" || word == "going" || word == "went" || ends_with_ed(word) ||
           (word.size() > 4 && word.substr(word.size() - 3) == "ing") || word == "began" || word == "seemed" ||
           word == "appeared" || word == "wanted" || word == "tried" || word == "sought" || word == "moved" || word == "took";
  }

  static bool ends_with_ed(std::string_view word) { return word.size() > 4 && word.substr(word.size() - 2) == "ed"; }

  // The cue opens the sentence, or follows "When", "If" or "Once" that do.
  static bool opens_sentence(const std::vector<Token>& tokens, const Sentence& sentence, std::uint32_t c) {
    return c == sentence.begin || (c == sentence.begin + 1 && is_subordinator(tokens[sentence.begin]));
  }

  // "Asked whether he would run, Lind said …", "When asked by Kovac on Monday why the ferry
  // stopped, …": an opening passive question; the question is its words, up to the comma that
  // closes it, for an asker the sentence does not name ("Asked about the ferry, …" names a
  // topic, not words), unless a quotation answers it.
  std::optional<Found> opening_question(std::uint32_t p, const Sentence& sentence, std::uint32_t c, const Cue& cue) {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    char buffer[64];
    std::uint32_t start = sentence.end;
    for (std::uint32_t t = c + cue.words; t < sentence.end && t < c + cue.words + 10; ++t) {  // past "by X", "on Fox News"
      if (tokens[t].kind != TokenKind::Word || paragraphs_[p].span_of[t] >= 0) break;
      const std::string_view word = ascii_lower(tokens[t].text, buffer);
      for (const char* question : {"if", "whether", "what", "who", "which", "why", "how", "when", "where"})
        if (word == question) start = t;
      if (start < sentence.end) break;
    }
    if (start >= sentence.end) return std::nullopt;
    std::uint32_t end = start + 1;
    while (end < sentence.end && !(tokens[end].is(",") && paragraphs_[p].span_of[end] < 0)) ++end;
    if (end >= sentence.end) return std::nullopt;  // no comma: not an opening clause
    // "Asked whether …, Lindqvist said: “Of course.”": a quoted answer makes the question the
    // reporter's framing of it
    for (std::uint32_t t = end + 1; t < sentence.end; ++t)
      if (paragraphs_[p].span_of[t] >= 0) return std::nullopt;
    return claim_entity(p, unknown_speaker(), 0.3, text_of_cue(tokens, c, cue), start, end, 1);
  }

  // "Noting that the ferry was late, Lind said …": a participle cue that opens the sentence
  // reports for the subject of the clause after its comma; its words end at that comma.
  std::optional<Found> opening_participle(std::uint32_t p, const Sentence& sentence, std::uint32_t c, const Cue& cue) {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    const std::uint32_t start = content_start(p, c, cue, sentence);
    std::uint32_t comma = start;
    while (comma < sentence.end && comma < start + 40 && !(tokens[comma].is(",") && paragraphs_[p].span_of[comma] < 0)) ++comma;
    if (comma + 1 >= sentence.end || !tokens[comma].is(",")) return std::nullopt;
    const Mention subject = phrase_after(tokens, comma + 1, sentence.end);
    if (!subject.found() || subject.first != comma + 1) return std::nullopt;
    return claim(p, subject, subject.first, text_of_cue(tokens, c, cue), start, comma, 1);
  }

  // ", and those in the bottom fifth paid …": a conjunction and no quotation marks.
  bool reporters_clause(std::uint32_t p, std::uint32_t first, std::uint32_t end) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    if (first >= end || !(tokens[first].is("and") || tokens[first].is("but") || tokens[first].is("while"))) return false;
    // "He had no ties, the airline added, and had passed all checks": a verb with no subject of
    // its own after "and" goes on with the speaker's words
    if (tokens[first].is("and") && first + 1 < end && token_reads_as_verb(tokens[first + 1]) && !tokens[first + 1].is("that") &&
        !tokens[first + 1].capitalised)
      return false;
    for (std::uint32_t t = first; t < end; ++t)
      if (paragraphs_[p].span_of[t] >= 0) return false;
    return true;
  }

  // The end of time phrases and one prepositional phrase after a cue: "said on Friday",
  // "said in a June report" (up to a comma).
  std::uint32_t adjunct_end(std::uint32_t p, std::uint32_t begin, std::uint32_t end) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    begin = skip_time_after(tokens, begin, end);
    if (begin >= end || tokens[begin].is(",") || !starts_adjunct(tokens[begin])) return begin;
    for (std::uint32_t t = begin + 1; t < end && t < begin + 8; ++t) {
      if (tokens[t].is(",")) return t;
      if (tokens[t].kind != TokenKind::Word || paragraphs_[p].span_of[t] >= 0) break;
    }
    return begin;
  }

  // "Experts on North Korea said", "…, attorneys for the family said": when the phrase right
  // before the cue is the object of a preposition (or nothing was found), the speaker is the
  // head of a longer phrase that opens the clause, or that follows the clause's last comma.
  static Mention longer_subject(const std::vector<Token>& tokens, const Sentence& sentence, std::uint32_t c, Mention speaker) {
    Mention longer = modified_subject(tokens, sentence.begin, c);
    // "Marit Olsen, president of the Dockworkers Union, which …, said": the person opens the clause
    const bool before_comma = speaker.found() && speaker.first > sentence.begin && tokens[speaker.first - 1].is(",");
    if (before_comma && longer.type == MentionType::Name && !longer.organisation_name &&
        (speaker.type != MentionType::Name || speaker.organisation_name))
      return longer;
    // "Lawyers that represent the family said": the phrase before the cue is inside a relative clause
    const bool in_relative = longer.found() && speaker.found() && longer.first < speaker.first &&
                             tokens[speaker.first - 1].kind == TokenKind::Word && !tokens[speaker.first - 1].capitalised;
    if (speaker.found() && !in_relative && !(speaker.first > sentence.begin && after_preposition(tokens[speaker.first - 1]))) return speaker;
    if (longer.found()) return longer;
    for (std::uint32_t t = c; t-- > sentence.begin + 1;) {
      if (!tokens[t].is(",")) continue;
      if (t + 1 >= c) continue;  // the comma that closes an appositive
      longer = modified_subject(tokens, t + 1, c);
      break;
    }
    return longer.found() ? longer : speaker;
  }

  static bool after_preposition(const Token& token) {
    for (const char* word : {"of", "for", "at", "in", "on", "from", "with", "to", "around", "across", "including"})
      if (token.is(word)) return true;
    return false;
  }

  // "Kovac, who (has) (also) said …", "a letter, which urged …": the cue is the verb of a
  // relative clause between commas.
  static bool in_who_clause(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t c) {
    for (std::uint32_t t = c; t > floor + 1 && c - t < 4;) {
      --t;
      if (tokens[t].is("who") || tokens[t].is("which")) return tokens[t - 1].is(",");
      if (tokens[t].kind != TokenKind::Word || tokens[t].capitalised) return false;
    }
    return false;
  }

  // The comma that closes a "who" clause: a verb of the main clause follows it ("…, left early",
  // "…, has said", "…, cast himself as …"), not more of the words.
  std::uint32_t who_clause_end(std::uint32_t p, std::uint32_t start, std::uint32_t end) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    for (std::uint32_t t = start + 1; t + 1 < end; ++t) {
      if (!tokens[t].is(",") || paragraphs_[p].span_of[t] >= 0) continue;
      const Token& next = tokens[t + 1];
      if (next.kind != TokenKind::Word || next.capitalised) continue;
      if (token_reads_as_verb(next) || reads_as_finite_verb(next)) return t;
      for (const char* verb : {"left", "met", "won", "lost", "took", "made", "went", "came", "ran", "got", "gave", "held", "kept",
                               "led", "put", "spent", "sent", "became", "began", "cast", "set", "told", "said"})
        if (next.is(verb)) return t;
    }
    return end;
  }

  std::uint32_t relative_clause_end(std::uint32_t p, std::uint32_t start, std::uint32_t end) const {
    for (std::uint32_t t = start + 1; t < end; ++t)
      if (paragraphs_[p].tokens[t].is(",") && paragraphs_[p].span_of[t] < 0) return t;
    return end;
  }

  // After a verb that reports through its object, the words end before an adjunct that says
  // when or where they were said: "attacked Machado | in early-morning tweets", "cited the
  // figure | at last week's forum", "praised Weber | on Tuesday"; a prepositional phrase of
  // the object stays ("cited problems in the Middle East").
  // The fewest words a cue reports: an object however short ("attacked Trump"), a naming verb's
  // object and name ("called him divisive"), else a clause.
  static std::uint32_t min_words_of(const Cue& cue) { return cue.object ? 1 : cue.naming ? 2 : kMinReportedWords; }

  // "and" before a verb that is no part of the words: the subject's next verb.
  bool and_next_verb(std::uint32_t p, std::uint32_t t, std::uint32_t end) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    return tokens[t].is("and") && t + 1 < end && paragraphs_[p].span_of[t + 1] < 0 &&
           ((token_reads_as_verb(tokens[t + 1]) && !tokens[t + 1].is("that") && !adjective_in_ed(tokens, t + 1, end)) ||
            tokens[t + 1].is("then") || Lexicons::get().is(WordClass::IrregularPast, lowered_text(tokens[t + 1])));
  }

  // "and continued risks": a word in -ed (no cue, no auxiliary) right before a bare noun is an
  // adjective; a verb takes an object after a determiner, a pronoun or a preposition ("and
  // challenged him", "and was acquitted", "and cited the report").
  static bool adjective_in_ed(const std::vector<Token>& tokens, std::uint32_t t, std::uint32_t end) {
    const std::string_view word = lowered_text(tokens[t]);
    if (word.size() < 5 || word.substr(word.size() - 2) != "ed" || Lexicons::get().cue(word) || t + 1 >= end) return false;
    const Token& next = tokens[t + 1];
    if (next.kind != TokenKind::Word || next.capitalised) return false;
    for (const char* opener : {"the", "a", "an", "his", "her", "their", "its", "our", "my", "him", "them", "it", "us", "me", "to",
                               "that", "by", "in", "on", "at", "for", "with", "from", "as", "about", "into", "over", "against",
                               "this", "these", "those", "out", "up", "down", "off", "back"})
      if (next.is(opener)) return false;
    return true;
  }

  // After a speech verb, words that are a short noun phrase with no verb of their own end at
  // "and" before a verb ("claimed self-defense | and was acquitted", "denied the charges | and
  // counter-accused her"); a clause ("said he left and was …") goes on.
  std::uint32_t noun_phrase_end(std::uint32_t p, std::uint32_t start, std::uint32_t end) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    if (start >= end || tokens[start].kind != TokenKind::Word) return end;
    char buffer[64];
    const std::string_view first = ascii_lower(tokens[start].text, buffer);
    for (const char* word : {"he", "she", "they", "it", "we", "i", "you", "that", "to", "how", "why", "whether", "if", "there", "this"})
      if (first == word) return end;
    for (std::uint32_t t = start + 1; t < end && t <= start + 6; ++t) {
      if (paragraphs_[p].span_of[t] >= 0) return end;
      if (and_next_verb(p, t, end)) return t;
      if ((tokens[t].kind != TokenKind::Word && tokens[t].kind != TokenKind::Possessive && !tokens[t].is("-")) ||
          token_reads_as_verb(tokens[t]))
        return end;
    }
    return end;
  }

  std::uint32_t content_last(std::uint32_t p, const Cue& cue, std::uint32_t start, std::uint32_t end) const {
    if (!cue.object && !cue.naming) return noun_phrase_end(p, start, end);
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    for (std::uint32_t t = start + 1; t < end; ++t) {
      if (paragraphs_[p].span_of[t] >= 0) continue;
      if (!cue.object) {  // a naming verb: only the next verb ends its words ("called her “third-rate” | and boycotted")
        if (and_next_verb(p, t, end)) return t;
        continue;
      }
      for (const char* word : {"while", "when", "because", "until", "since", "after", "before"})
        if (tokens[t].is(word)) return t;
      for (const char* word : {"in", "at", "during", "on", "over"})
        if (tokens[t].is(word) && names_setting(tokens, t + 1, end)) return t;
      // "claimed self-defense | and was acquitted", "criticized Singer | and challenged him":
      // "and" before a verb joins the subject's next verb, not more of the object
      if (and_next_verb(p, t, end)) return t;
    }
    return end;
  }

  // "a tweet", "Tuesday", "last week's forum", "his speech": a time or a setting noun within
  // the next few words.
  static bool names_setting(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end) {
    const Lexicons& lexicons = Lexicons::get();
    char buffer[64];
    for (std::uint32_t t = first; t < end && t < first + 4; ++t) {
      if (tokens[t].kind != TokenKind::Word && tokens[t].kind != TokenKind::Possessive) return false;
      const std::string_view word = ascii_lower(tokens[t].text, buffer);
      if (lexicons.is(WordClass::Setting, word) || is_time_word(word)) return true;
    }
    return false;
  }

  static bool is_time_word(std::string_view word) {
    for (const char* time : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month",
                             "year", "morning", "afternoon", "evening", "night", "today", "yesterday", "weekend"})
      if (word == time) return true;
    return word.size() == 4 && word[0] >= '1' && word[0] <= '2' && word[1] >= '0' && word[1] <= '9';  // "in 2015"
  }

  // "As Simonyan put it (in July), RT is …" and "RT is …, as Simonyan put it.": the words
  // are the clause the "as" clause leans on.
  std::optional<Found> as_clause(std::uint32_t p, const Sentence& sentence, std::uint32_t as, std::uint32_t c,
                                 const Mention& speaker, const std::string& cue_text) {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    std::uint32_t comma = c + 1;  // the comma that closes the as-clause, if any
    while (comma < sentence.end && comma < c + 16 && !tokens[comma].is(",") && paragraphs_[p].span_of[comma] < 0) ++comma;
    const bool closed = comma < sentence.end && tokens[comma].is(",");
    // "As X put it, …" and "Yet, as X observed, …"
    const bool opens = as == sentence.begin || (as == sentence.begin + 1 && tokens[sentence.begin].kind == TokenKind::Word) ||
                       (as == sentence.begin + 2 && tokens[sentence.begin + 1].is(","));
    // "…, and as Comey noted, people involved …": after a conjunction, the clause that follows
    const bool after_conjunction = as >= sentence.begin + 2 && (tokens[as - 1].is("and") || tokens[as - 1].is("but")) &&
                                   tokens[as - 2].is(",");
    if (opens || after_conjunction) return closed ? claim(p, speaker, speaker.first, cue_text, comma + 1, sentence.end) : std::nullopt;
    if (as <= sentence.begin + 1 || !tokens[as - 1].is(",")) return std::nullopt;
    // "…, as X noted." and "Hawaii, as one adviser pointed out, does not …": both sides
    if (only_adjuncts(tokens, c + 1, sentence.end)) return claim(p, speaker, speaker.first, cue_text, sentence.begin, as - 1);
    if (!closed) return std::nullopt;
    auto rest = claim(p, speaker, speaker.first, cue_text, comma + 1, sentence.end);
    if (rest) claim(p, speaker, speaker.first, cue_text, sentence.begin, as - 1, 1);
    return rest;
  }


  // Who the sentence is about before token c: the speaker of an earlier cue ("“…,” Rendell
  // recalled, suggesting …"), else the phrase that opens the sentence.
  Mention main_subject(std::uint32_t p, const Sentence& sentence, std::uint32_t c) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    for (std::uint32_t t = c; t-- > sentence.begin;) {
      if (paragraphs_[p].span_of[t] >= 0 || !cue_at(tokens, t) || t == c) continue;
      Mention subject = subject_before(tokens, sentence.begin, t);
      if (!subject.found()) subject = phrase_after(tokens, t + 1, c);
      if (subject.found()) return subject;
    }
    // "Facing questions, Ola Lind called a meeting …": an opening participle or subordinate clause
    // ends at its comma; the subject comes after it. So does an opening prepositional phrase or
    // a short opening ("In May, a judge sided with …, saying", "Later, …").
    // ("Now, after arguing that …, Lind said": a short opening first)
    std::uint32_t begin = sentence.begin;
    if (const std::uint32_t after = clause_begin_at_comma(p, sentence); after < c && short_opening(p, begin, after - 1) &&
                                                                        !ends_with_ing(tokens[begin]) && !is_subordinator(tokens[begin]) &&
                                                                        !names_subject(tokens, begin, after - 1))
      begin = after;
    // "And he continued to complain …", "But Lind went on to say …": the conjunction is no subject
    // (nor before an opening clause: "But in describing the plan …, Lind said")
    char buffer[64];
    const auto skip_conjunctions = [&] {
      while (begin + 1 < c && tokens[begin].kind == TokenKind::Word && !tokens[begin + 1].is(",") &&
             (tokens[begin].is("And") || tokens[begin].is("But") || tokens[begin].is("and") || tokens[begin].is("but") ||
              Lexicons::get().is(WordClass::Adverb, ascii_lower(tokens[begin].text, buffer))))
        ++begin;
    };
    skip_conjunctions();
    if (c > begin && (ends_with_ing(tokens[begin]) || is_subordinator(tokens[begin]) || opens_with_preposition(tokens[begin]))) {
      for (std::uint32_t t = begin + 1; t < sentence.end && t < begin + 16; ++t)
        if (tokens[t].is(",") && paragraphs_[p].span_of[t] < 0) {
          begin = t + 1;
          break;
        }
      skip_conjunctions();
    }
    // "she’s tacked to the left, criticizing …": a subject pronoun is the whole subject
    char gender = 0;
    if (begin + 1 < c && is_subject_pronoun(ascii_lower(tokens[begin].text, buffer), gender)) return interpret_phrase(tokens, begin, begin + 1);
    // "After warning that …, Weber left": the cue is inside the opening clause, the subject after it
    const std::uint32_t ceiling = begin > c ? sentence.end : c;
    return interpret_phrase(tokens, begin, phrase_end(tokens, begin, ceiling));
  }

  // "Lind, particularly in May, has preached unity, claiming …": the words before the first comma
  // name the subject (a person or a group), not an opening such as "Later," or "In May,"
  static bool names_subject(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t comma) {
    const Mention mention = interpret_phrase(tokens, first, comma);
    return mention.found() && mention.last == comma && !is_time_word(lowered_text(tokens[first])) &&
           !Lexicons::get().is(WordClass::Adverb, lowered_text(tokens[first])) &&
           !Lexicons::get().is(WordClass::Time, lowered_text(tokens[first]));
  }

  // "…, said Lavrov": a comma right before the cue that closes no aside of the subject
  // (", including Ola Lind, said" closes one).
  bool inverted_after_comma(std::uint32_t p, const Sentence& sentence, std::uint32_t c) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    if (c == sentence.begin || !tokens[c - 1].is(",")) return false;
    for (std::uint32_t t = clause_begin(p, sentence, c); t + 1 < c; ++t)
      if (tokens[t].is(",") && paragraphs_[p].span_of[t] < 0) return false;
    return true;
  }

  // Where the clause of a cue opens: after an opening participle or subordinate clause
  // ("Facing questions, …", "When the port closed, …") that ends before the cue.
  std::uint32_t clause_begin(std::uint32_t p, const Sentence& sentence, std::uint32_t c) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    const std::uint32_t begin = sentence.begin;
    if (c <= begin || !(ends_with_ing(tokens[begin]) || is_subordinator(tokens[begin]) || opens_with_preposition(tokens[begin])))
      return begin;
    for (std::uint32_t t = begin + 1; t < c && t < begin + 16; ++t)
      if (tokens[t].is(",") && paragraphs_[p].span_of[t] < 0) return t + 1;
    return begin;
  }

  static bool opens_with_preposition(const Token& token) {
    char buffer[64];
    const std::string_view word = ascii_lower(token.text, buffer);
    for (const char* preposition : {"in", "at", "on", "during", "after", "before", "from", "of", "about", "for", "with", "by",
                                    "amid", "despite", "among", "under", "over", "like", "unlike"})
      if (word == preposition) return true;
    return false;
  }

  // "…, said Lavrov."
  std::optional<Found> inverted(std::uint32_t p, const Sentence& sentence, std::uint32_t c, const std::string& cue_text) {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    const Mention speaker = phrase_after(tokens, c + 1, sentence.end);
    const bool appositive = speaker.last < sentence.end && tokens[speaker.last].is(",");  // "said Mr. Barrett, the lawyer …"
    if (const std::uint32_t end = quotation_ending_words(p, sentence, c);
        end > 0 && speaker.found() && (appositive || only_adjuncts(tokens, speaker.last, sentence.end)))
      return claim(p, speaker, c, cue_text, sentence.begin, end);
    if (!speaker.found() || c == sentence.begin || !tokens[c - 1].is(",") ||
        !(appositive || only_adjuncts(tokens, speaker.last, sentence.end)) ||
        quotation_is_whole(p, sentence.begin, c - 1))
      return std::nullopt;
    return claim(p, speaker, c, cue_text, sentence.begin, c - 1);
  }

  // The end (exclusive) of words that close with a quotation right before token `at`
  // ("… using the tax ''is a misguided approach,'' said …"), when the quotation opens inside
  // the sentence after words of its own; 0 otherwise.
  std::uint32_t quotation_ending_words(std::uint32_t p, const Sentence& sentence, std::uint32_t at) const {
    const Paragraph& paragraph = paragraphs_[p];
    if (at < sentence.begin + 3 || paragraph.tokens[at - 1].kind != TokenKind::QuoteMark || !paragraph.tokens[at - 2].is(","))
      return 0;
    const int s = paragraph.span_of[at - 1];
    if (s < 0) return 0;
    const QuotedSpan& span = spans_[static_cast<std::size_t>(s)];
    // the quotation continues a clause: a word, not a comma or a colon, right before it
    if (span.close_token != at - 1 || span.open_token < sentence.begin + 2 || paragraph.tokens[span.open_token - 1].kind != TokenKind::Word)
      return 0;
    if (span_state_[static_cast<std::size_t>(s)] != SpanState::Open) return 0;
    return at;
  }

  static bool ends_with_ing(const Token& token) {
    return token.text.size() > 4 && token.text.substr(token.text.size() - 3) == "ing";
  }

  // The words before the comma are a quotation of their own, attributed by sieve 2:
  // “…,” she said. / … was blunter: «…», she said.
  bool quotation_is_whole(std::uint32_t p, std::uint32_t first, std::uint32_t comma) const {
    if (comma == 0) return false;
    const int s = paragraphs_[p].span_of[comma - 1];
    if (s < 0) return false;
    const std::uint32_t open = spans_[static_cast<std::size_t>(s)].open_token;
    return open <= first || paragraphs_[p].tokens[open - 1].is(":");
  }

  // "has not said", "declined to say", "neither … has said": no words are reported.
  static bool negated(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t c) {
    char buffer[64];
    for (std::uint32_t t = c; t-- > floor && c - t <= 4;) {
      const std::string_view word = ascii_lower(tokens[t].text, buffer);
      for (const char* negation : {"not", "never", "neither", "nor", "declined", "refused", "no", "without"})
        if (word == negation) return true;
      if (word.size() > 3 && (word.substr(word.size() - 3) == "n’t" || word.substr(word.size() - 3) == "n't")) return true;
      if (tokens[t].kind != TokenKind::Word) return false;
    }
    return false;
  }

  // "his claim that …" is a noun; "has been called a fraud by …", "was told that …" are
  // passive: their subject is not the speaker.
  // "Quiros was accused of using …", "Reagan was once asked how …": a passive cue reports
  // words whose speaker the sentence does not name; they go to "Unknown speaker", unsure.
  // "his claim that …" (a noun) reports nothing.
  std::optional<Found> passive(std::uint32_t p, const Sentence& sentence, std::uint32_t c, const Cue& cue) {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    char buffer[64];
    const std::string_view before = ascii_lower(tokens[c - 1].text, buffer);
    for (const char* word : {"his", "her", "their", "its", "the", "a", "an", "our", "my", "this", "that"})
      if (before == word) return std::nullopt;
    char cue_buffer[64];
    if (Lexicons::get().is(WordClass::PassiveNotSpeech, ascii_lower(text_of_cue(tokens, c, cue), cue_buffer)))
      return std::nullopt;  // "was confirmed 60 to 2"
    std::uint32_t start = c + cue.words;
    // "accused of", "criticized for"; "criticized as", "described as" after a verb of judging or naming
    const bool as_judged = (cue.object || cue.naming) && start < sentence.end && tokens[start].is("as");
    const bool asked_about = cue.question && start < sentence.end && tokens[start].is("about");  // "when asked about the plan"
    if (as_judged || asked_about || (start < sentence.end && (tokens[start].is("of") || tokens[start].is("for")))) ++start;
    else start = content_start(p, c, cue, sentence);
    if (start >= sentence.end || tokens[start].is("by") || tokens[start].kind != TokenKind::Word) return std::nullopt;
    // "has been called a charlatan by fellow physicians": the agent is the speaker
    for (std::uint32_t t = start + 1; t < sentence.end && t < start + 8; ++t) {
      if (!tokens[t].is("by") || paragraphs_[p].span_of[t] >= 0) continue;
      const Mention agent = phrase_after(tokens, t + 1, sentence.end);
      if (agent.found()) return claim(p, agent, t + 1, text_of_cue(tokens, c, cue), start, t, 1);
      break;
    }
    // "when asked about the ferry during the debate, he …": the topic of a question is a noun
    // phrase that ends at a comma or at the occasion, as an object does
    const std::uint32_t last = asked_about ? topic_end(p, start, sentence.end) : sentence.end;
    return claim_entity(p, unknown_speaker(), 0.3, text_of_cue(tokens, c, cue), start, last);
  }

  // The end of a question's topic: the first comma, or the occasion after a noun phrase.
  std::uint32_t topic_end(std::uint32_t p, std::uint32_t start, std::uint32_t end) const {
    for (std::uint32_t t = start + 1; t < end; ++t)
      if (paragraphs_[p].tokens[t].is(",") && paragraphs_[p].span_of[t] < 0) {
        end = t;
        break;
      }
    Cue object;
    object.object = true;
    return content_last(p, object, start, end);
  }

  static bool noun_or_passive(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t c) {
    if (c == floor) return false;
    char buffer[64];
    const std::string_view before = ascii_lower(tokens[c - 1].text, buffer);
    for (const char* word : {"his", "her", "their", "its", "the", "a", "an", "our", "my", "this", "that"})
      if (before == word) return true;
    if (ends_with_ing(tokens[c])) return false;  // "is saying", "was proposing": active
    for (const char* word : {"been", "being", "was", "were", "is", "are", "be", "got"})
      if (before == word) return true;
    // "he said when asked whether …", "If asked about …": asked, not asking
    return (before == "when" || before == "if" || before == "once") && tokens[c].is("asked");
  }

  // "Clinton's attacks were echoed …", "The jobs report has cleared …": a cue word right before
  // an auxiliary is a noun, the subject of that verb. Not after a relative word ("what he says
  // is true", "which the office estimates would cost …").
  static bool noun_before_verb(const std::vector<Token>& tokens, const Sentence& sentence, std::uint32_t c, const Cue& cue) {
    const std::uint32_t next = c + cue.words;
    if (next >= sentence.end || tokens[next].kind != TokenKind::Word) return false;
    char buffer[64];
    const std::string_view word = ascii_lower(tokens[next].text, buffer);
    bool verb = false;
    for (const char* auxiliary : {"is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might",
                                  "should", "must"})
      verb = verb || word == auxiliary;
    if (!verb) return false;
    for (std::uint32_t t = c; t-- > sentence.begin && c - t <= 4;) {
      const std::string_view before = ascii_lower(tokens[t].text, buffer);
      if (before == "what" || before == "which" || before == "who" || before == "that" || before == "whom") return false;
    }
    return true;
  }

  // "The question came from a young boy, who said he …": the noun phrase before ", who" (an
  // adverb may stand between "who" and the cue) is the speaker, wherever it stands in its
  // clause; names are subject_before's work.
  static Mention relative_antecedent(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t c) {
    const Lexicons& lexicons = Lexicons::get();
    char buffer[64];
    std::uint32_t t = c;
    while (t > floor && c - t < 2 && tokens[t - 1].kind == TokenKind::Word &&
           lexicons.is(WordClass::Adverb, ascii_lower(tokens[t - 1].text, buffer)))
      --t;
    if (t < floor + 3 || !tokens[t - 1].is("who") || !tokens[t - 2].is(",")) return {};
    return determined_noun_phrase(tokens, floor, t - 2, true);
  }

  // "… and warned that …", "… but noted that …": a second cue of the same subject.
  static bool follows_and(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t c) {
    const Lexicons& lexicons = Lexicons::get();
    char buffer[64];
    for (std::uint32_t t = c; t-- > floor;) {
      const std::string_view word = ascii_lower(tokens[t].text, buffer);
      if (word == "and" || word == "but") return true;
      if (word == "then" && t > floor && tokens[t - 1].is(",")) return true;  // "…, then says …"
      // "and boldly claiming"
      if (tokens[t].kind != TokenKind::Word || !(lexicons.is(WordClass::Adverb, word) || ends_in_ly(word))) return false;
    }
    return false;
  }

  static bool only_adjuncts(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t end) {
    begin = skip_time_after(tokens, begin, end);
    for (std::uint32_t t = begin; t < end; ++t)
      if (!tokens[t].is(".") && !tokens[t].is("!")) {
        if (tokens[t].is("in") || tokens[t].is("on") || tokens[t].is("at") || tokens[t].is("during")) return t + 4 >= end;
        return false;
      }
    return true;
  }

  // After a trailing cue, nothing but time and an occasion to the sentence's end or a semicolon:
  // "…, Wilkin said during his speech to the delegates.", "…, he said; his agents …". A comma, a
  // quotation, "that" or a pronoun subject after the preposition ("after she swept …") means
  // more words or a clause follow.
  static bool only_occasion(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t end) {
    if (only_adjuncts(tokens, begin, end)) return true;
    begin = skip_time_after(tokens, begin, end);
    if (begin >= end) return true;
    if (tokens[begin].is(";")) return true;
    if (!opens_occasion(tokens[begin]) || begin + 1 >= end) return false;
    char gender = 0;
    if (is_subject_pronoun(lowered_text(tokens[begin + 1]), gender)) return false;
    for (std::uint32_t u = begin + 1; u < end; ++u) {
      if (tokens[u].is(";")) return true;
      // a show's title that closes the sentence: "on Vik Radio’s “Morning Tide.”"
      if (tokens[u].kind == TokenKind::QuoteMark && u + 6 >= end && tokens[end - 1].kind == TokenKind::QuoteMark) return true;
      if (tokens[u].is(",") || tokens[u].kind == TokenKind::QuoteMark || tokens[u].is("that")) return false;
    }
    return true;
  }

  static bool opens_occasion(const Token& token) {
    for (const char* word : {"in", "on", "at", "during", "after", "before", "while", "following", "outside", "near", "via", "when",
                             "from", "over", "amid", "through"})
      if (token.is(word)) return true;
    return false;
  }

  // Where the reported words start after a cue: past the listener ("told reporters"), time
  // ("on Tuesday") and "that"; sentence end when the cue reports no words here.
  std::uint32_t content_start(std::uint32_t p, std::uint32_t c, const Cue& cue, const Sentence& sentence) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    std::uint32_t start = c + cue.words;
    if (cue.listener) {  // "told the district assembly that …", "told reporters: “…”"
      std::uint32_t listener = start;
      while (listener < sentence.end && listener < start + 8 && tokens[listener].kind != TokenKind::Punct &&
             tokens[listener].kind != TokenKind::QuoteMark && !tokens[listener].is("that") && !cue_at(tokens, listener))
        ++listener;
      const bool marked = listener < sentence.end && listener < start + 8 &&
                          (tokens[listener].is("that") || tokens[listener].is(":") || tokens[listener].is(",") ||
                           tokens[listener].kind == TokenKind::QuoteMark);
      start = marked ? listener : listener_end(tokens, start, sentence.end);  // "told reporters the tankers …"
    }
    start = skip_time_after(tokens, start, sentence.end);
    start = skip_aside_adverb(tokens, start, sentence.end);
    if (start >= sentence.end) return sentence.end;
    char buffer[64];
    const std::string_view first = ascii_lower(tokens[start].text, buffer);
    if (first == "that") return start + 1;
    if (first == "and" && start == c + cue.words) return after_second_verb(tokens, start, sentence.end);
    if (first == "to" && cue.infinitive) return start;  // "promised to cut taxes", "called on Congress to act"
    // "said if the port closes, …": a condition is part of the words, unless the cue asks
    if (first == "if" && !cue.question) return start;
    // "did not say how much …": an open question, not reported speech; but the question is
    // what a verb of asking reports ("asked whether …", "questioned why …")
    // "explained how he built …", "described why …": how and why report the account given
    // (a negated cue, "did not say how much …", never gets here)
    if (first == "how" || first == "why") return start;
    for (const char* question : {"what", "whether", "who", "whom", "which", "when", "where", "if"})
      if (first == question) return cue.question ? start : sentence.end;
    // "said about half of the …": "about" before a number is no preposition
    if (first == "about" && start + 1 < sentence.end && starts_with_digit(tokens[start + 1])) return start;
    // "reported at least six ferries …": "at least" and "at most" open a number
    if (first == "at" && start + 1 < sentence.end && (tokens[start + 1].is("least") || tokens[start + 1].is("most"))) return start;
    // "Some residents say: the ferry is late.": a colon before words that are no quotation
    if (tokens[start].is(":") && start + 1 < sentence.end && tokens[start + 1].kind == TokenKind::Word) return start + 1;
    static const char* const kPrepositions[] = {"in", "at", "on", "during", "after", "before", "to", "with", "for",
                                                "by", "from", "of", "about", "via", "through", "as", "when", "while",
                                                "into", "up", "off", "back"};
    const bool preposition = std::any_of(std::begin(kPrepositions), std::end(kPrepositions), [&](const char* w) { return first == w; });
    if (preposition) {
      // "said in a statement that …"
      for (std::uint32_t t = start + 1; t < sentence.end && t < start + 12; ++t) {  // "says at a stop in Toledo, Ohio, that"
        if (paragraphs_[p].span_of[t] >= 0 && is_short_title(paragraphs_[p].span_of[t])) {  // "on the show “Harbour Talk” that"
          t = spans_[static_cast<std::size_t>(paragraphs_[p].span_of[t])].close_token;
          continue;
        }
        if (paragraphs_[p].span_of[t] >= 0 || cue_at(tokens, t)) break;
        if (tokens[t].is("that")) return t + 1;
      }
      // "said after the convention he would …": a short adjunct, then a pronoun subject; not
      // "said as he entered the talks", where the clause is the reporter's.
      const bool conjunction = first == "as" || first == "when" || first == "while";
      for (std::uint32_t t = start + 1; !conjunction && t < sentence.end && t < start + 5; ++t) {
        char gender = 0;
        if (tokens[t].kind != TokenKind::Word) break;
        if (is_subject_pronoun(ascii_lower(tokens[t].text, buffer), gender)) return t;
      }
      return sentence.end;
    }
    if (tokens[start].kind == TokenKind::Punct) return sentence.end;  // "said, when asked", "said: “…”"
    if (tokens[start].kind == TokenKind::QuoteMark && paragraphs_[p].span_of[start] >= 0 &&
        spans_[static_cast<std::size_t>(paragraphs_[p].span_of[start])].open_token == start && c + 1 == start &&
        !clause_goes_on_after(p, spans_[static_cast<std::size_t>(paragraphs_[p].span_of[start])], sentence))
      return sentence.end;  // X said “…”: a direct quote, sieve 3; “dozens” of permits … goes on: mixed
    return start;
  }

  // "40", "half", "two-thirds": a number that "about" may stand before
  static bool starts_with_digit(const Token& token) {
    if (token.kind != TokenKind::Word || token.text.empty()) return false;
    if (token.text[0] >= '0' && token.text[0] <= '9') return true;
    char buffer[64];
    const std::string_view word = ascii_lower(token.text, buffer);
    for (const char* number : {"half", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
                               "hundred", "hundreds", "thousand", "thousands", "million", "millions", "two-thirds", "one-third"})
      if (word == number) return true;
    return false;
  }

  // A quotation of a few words that reads as a name, a show's or a book's title.
  bool is_short_title(int s) const { return s >= 0 && reads_as_title(spans_[static_cast<std::size_t>(s)]); }

  // "said, however, that …", "added, though, …": an adverb between commas right after the
  // cue is the reporter's; the words start after it.
  static std::uint32_t skip_aside_adverb(const std::vector<Token>& tokens, std::uint32_t start, std::uint32_t end) {
    if (start + 3 >= end || !tokens[start].is(",") || !tokens[start + 2].is(",")) return start;
    char buffer[64];
    const std::string_view word = ascii_lower(tokens[start + 1].text, buffer);
    if (word != "though" && !Lexicons::get().is(WordClass::Adverb, word)) return start;
    return start + 3;
  }

  // “dozens” of permits were …: the sentence's clause goes on after the closing mark with
  // a lower-case word that is no conjunction ("“…,” and left" ends the words).
  bool clause_goes_on_after(std::uint32_t p, const QuotedSpan& span, const Sentence& sentence) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    const std::uint32_t next = span.close_token + 1;
    if (next >= sentence.end || next >= tokens.size() || tokens[next].kind != TokenKind::Word || tokens[next].capitalised) return false;
    if (span.close_token > 0 && tokens[span.close_token - 1].kind == TokenKind::Punct) return false;  // “…,” she added
    char buffer[64];
    return !Lexicons::get().is(WordClass::ClauseEnd, ascii_lower(tokens[next].text, buffer)) && !tokens[next].is("and") &&
           !tokens[next].is("or");
  }

  std::optional<Found> claim(std::uint32_t p, const Mention& speaker, std::uint32_t at, const std::string& cue,
                             std::uint32_t first, std::uint32_t last, std::uint32_t min_words = kMinReportedWords) {
    double confidence = 0;
    int entity = registry_.resolve(speaker, position_of(p, at), confidence);
    if (entity < 0) {  // "he" with no one named before: the quote stands, its speaker is to be checked
      entity = unknown_speaker();
      confidence = 0.35;
    }
    return claim_entity(p, entity, confidence * 0.9, cue, first, last, min_words);
  }

  // Records tokens [first, last) as reported speech of `entity`, trimmed to the clause.
  std::optional<Found> claim_entity(std::uint32_t p, int entity, double confidence, const std::string& cue,
                                    std::uint32_t first, std::uint32_t last, std::uint32_t min_words = kMinReportedWords) {
    const Paragraph& paragraph = paragraphs_[p];
    // Words before their cue ("…; …, the report says") end at that cue's comma, so a semicolon
    // inside them is theirs; after a cue, a semicolon ends them.
    const bool after_cue = last >= sentence_of(p, first).end;
    last = clause_end(paragraph, first, subordinate_clause_end(p, first, last), after_cue);
    while (last > first && paragraph.tokens[last - 1].kind == TokenKind::Punct && paragraph.span_of[last - 1] < 0) --last;
    while (first < last && paragraph.tokens[first].kind == TokenKind::Punct && paragraph.span_of[first] < 0) ++first;
    if (word_count(paragraph.tokens, first, last) < min_words) return std::nullopt;
    Found found{p, first, last, false, "indirect", cue, entity, confidence};
    if (!absorb_quotations(found)) return std::nullopt;
    suggest_country_from_content(found);
    found_.push_back(found);
    last_speaker_ = entity;
    last_cue_ = cue;
    return found;
  }

  static bool is_subordinator(const Token& token) {
    char buffer[64];
    const std::string_view word = ascii_lower(token.text, buffer);
    for (const char* subordinator : {"while", "though", "although", "when", "after", "before", "because", "since", "if", "as",
                                     "once", "until", "whereas"})
      if (word == subordinator) return true;
    return false;
  }

  // "While his advisers have suggested …, Mr. Obama is …": reported speech inside a clause
  // that opens with a subordinator ends at the comma that closes that clause.
  std::uint32_t subordinate_clause_end(std::uint32_t p, std::uint32_t first, std::uint32_t last) const {
    const Paragraph& paragraph = paragraphs_[p];
    const Sentence sentence = sentence_of(p, first);
    if (first <= sentence.begin + 1) return last;
    if (!is_subordinator(paragraph.tokens[sentence.begin])) return last;
    for (std::uint32_t t = first + 1; t < last; ++t)
      if (paragraph.tokens[t].is(",") && paragraph.span_of[t] < 0) return t;
    return last;
  }

  // Reported speech ends at ", as …", ", while …" and similar (the reporter's context), at
  // "and" before another cue, and before a colon that introduces a quotation.
  static std::uint32_t clause_end(const Paragraph& paragraph, std::uint32_t first, std::uint32_t last, bool semicolon_ends) {
    // "calling them pirates and vowing to …": a second cue after "and" ends even short words, as
    // does a participle cue after a comma ("praised the crews, saying …")
    for (std::uint32_t t = first + 1; t < first + 3 && t + 1 < last; ++t) {
      if (paragraph.span_of[t] >= 0) continue;
      if ((paragraph.tokens[t].is("and") || paragraph.tokens[t].is("but")) && subject_then_cue(paragraph, t + 1, last, true) &&
          cue_at(paragraph.tokens, t + 1))
        return t;
      // (not after "a" or "an": "called a meeting, insisting …" names no words)
      if (paragraph.tokens[t].is(",") && ends_with_ing(paragraph.tokens[t + 1]) && cue_at(paragraph.tokens, t + 1) &&
          !paragraph.tokens[first].is("a") && !paragraph.tokens[first].is("an"))
        return t;
    }
    for (std::uint32_t t = first + 3; t + 1 < last; ++t) {
      // “…,” but …: a comma inside the closing mark ends the words as one outside would
      if (paragraph.span_of[t] >= 0 && paragraph.tokens[t].kind == TokenKind::QuoteMark && paragraph.tokens[t - 1].is(",") &&
          paragraph.span_of[t + 1] < 0 && ends_at_comma_before(paragraph, t + 1, last))
        return t + 1;
      if (paragraph.span_of[t] >= 0) continue;
      // "… would win – noting that …", "… – even though …": a dash before a participle cue or a
      // clause end is the reporter's, as a comma there is
      const std::uint32_t after_dash = paragraph.tokens[t + 1].is("even") && t + 2 < last ? t + 2 : t + 1;
      if (is_dash(paragraph.tokens[t]) && participle_cue_or_clause_end(paragraph.tokens, after_dash)) return t;
      // "… and warned that …", "…, but he said …"; before their own cue ("…, and cited a list of
      // concerns, officials said") a bare cue after the conjunction is more of the words
      if (opens_next_attribution(paragraph, t, last) && (semicolon_ends || !cue_at(paragraph.tokens, t + 1))) return t;
      if (paragraph.tokens[t].is(":") && paragraph.span_of[t + 1] >= 0) return t;      // "…: “…”" quotes on its own
      if (semicolon_ends && paragraph.tokens[t].is(";")) return t;                       // "…; they only learned …"
      if (paragraph.tokens[t].is(",") && ends_at_comma_before(paragraph, t + 1, last)) return t;
    }
    return last;
  }

  // After a comma, the reported words end before a clause end (", as …"), a cue (", adding
  // …", ", he added"), or a short subject and its cue (", Mr. Barrett said, …").
  static bool ends_at_comma_before(const Paragraph& paragraph, std::uint32_t next, std::uint32_t last) {
    char buffer[64];
    if (Lexicons::get().is(WordClass::ClauseEnd, ascii_lower(paragraph.tokens[next].text, buffer))) return true;
    if (cue_at(paragraph.tokens, next) || (next + 1 < last && cue_at(paragraph.tokens, next + 1))) return true;
    return subject_then_cue(paragraph, next, last, false);
  }

  static bool participle_cue_or_clause_end(const std::vector<Token>& tokens, std::uint32_t t) {
    char buffer[64];
    return (ends_with_ing(tokens[t]) && cue_at(tokens, t)) || Lexicons::get().is(WordClass::ClauseEnd, ascii_lower(tokens[t].text, buffer));
  }

  // A conjunction followed by a cue, with at most a short subject between: "and warned",
  // "but he said", "though she noted", "while Weber insisted".
  static bool opens_next_attribution(const Paragraph& paragraph, std::uint32_t t, std::uint32_t last) {
    const std::vector<Token>& tokens = paragraph.tokens;
    char buffer[64];
    const std::string_view word = ascii_lower(tokens[t].text, buffer);
    if (word != "and" && word != "but" && word != "though" && word != "although" && word != "while" && word != "whereas")
      return false;
    return subject_then_cue(paragraph, t + 1, last, true);
  }

  // Tokens from `first`: a short subject (or none, when `bare_cue`) and a cue, "Mr. Barrett said".
  static bool subject_then_cue(const Paragraph& paragraph, std::uint32_t first, std::uint32_t last, bool bare_cue) {
    const std::vector<Token>& tokens = paragraph.tokens;
    for (std::uint32_t c = first; c < last && c <= first + 3; ++c) {
      if (tokens[c].kind != TokenKind::Word || paragraph.span_of[c] >= 0) return false;
      if (cue_at(tokens, c)) return c == first ? bare_cue : !negated(tokens, first, c) && !noun_or_passive(tokens, first, c);
      if (!could_be_subject_word(tokens[c])) return false;
    }
    return false;
  }

  // A word of a short subject: a name, a pronoun, an adverb, or a speaker noun ("officials").
  static bool could_be_subject_word(const Token& token) {
    if (token.capitalised || (!token.text.empty() && token.text[0] >= '0' && token.text[0] <= '9')) return true;  // "73 percent"
    const Lexicons& lexicons = Lexicons::get();
    char buffer[64];
    const std::string_view word = ascii_lower(token.text, buffer);
    char gender = 0;
    return is_subject_pronoun(word, gender) || lexicons.is(WordClass::Adverb, word) || lexicons.is(WordClass::Group, word) ||
           lexicons.is(WordClass::PhraseWord, word);
  }

  // Quotations inside reported speech make it mixed; one that is the whole content is a
  // direct quote. Returns false when the content overlaps a quotation only in part.
  bool absorb_quotations(Found& found) {
    const Paragraph& paragraph = paragraphs_[found.paragraph];
    std::vector<int> inside;
    for (std::uint32_t t = found.first; t < found.last; ++t) {
      const int s = paragraph.span_of[t];
      if (s >= 0 && (inside.empty() || inside.back() != s)) inside.push_back(s);
    }
    for (int s : inside) {
      const QuotedSpan& span = spans_[static_cast<std::size_t>(s)];
      if (span_state_[static_cast<std::size_t>(s)] != SpanState::Open) return false;
      if (span.open_token < found.first) return false;
    }
    if (inside.empty()) return true;
    const QuotedSpan& first = spans_[static_cast<std::size_t>(inside.front())];
    const bool whole = inside.size() == 1 && first.open_token == found.first &&
                       (first.close_token + 1 >= found.last || first.close_token >= paragraph.tokens.size());
    if (whole) {
      found.kind = "direct";
      found.bytes = true;
      found.first = first.text_begin;
      found.last = first.text_end;
      span_state_[static_cast<std::size_t>(inside.front())] = SpanState::Quote;
      span_found_[static_cast<std::size_t>(inside.front())] = static_cast<int>(found_.size());
      return true;
    }
    found.kind = "mixed";
    // A quotation cut off by the clause end stays whole.
    const QuotedSpan& last = spans_[static_cast<std::size_t>(inside.back())];
    if (last.close_token >= found.last && last.close_token < paragraph.tokens.size()) found.last = last.close_token + 1;
    for (int s : inside) span_state_[static_cast<std::size_t>(s)] = SpanState::Absorbed;
    return true;
  }

  // An official whose country the text never states speaks for the country their
  // reported words open with ("Zelensky said that Ukraine and its allies …").
  void suggest_country_from_content(const Found& found) {
    if (found.bytes) return;
    const std::vector<Token>& tokens = paragraphs_[found.paragraph].tokens;
    const Token& first = tokens[found.first];
    if (!first.capitalised) return;
    const std::string_view rest(first.text.data(), tokens[found.last - 1].text.data() + tokens[found.last - 1].text.size() - first.text.data());
    const auto match = match_country_phrase(rest);
    if (match && (match->evidence == CountryEvidence::Name || match->evidence == CountryEvidence::Capital))
      registry_.suggest_country(found.entity, std::string(match->code));
  }

  // [SECTION] Sieves 2-6: quotations

  // The speaker of the last reported speech of paragraph p that ends before token `before`.
  int reported_speaker_before(std::uint32_t p, std::uint32_t before) const {
    int entity = -1;
    for (std::size_t f = paragraph_found_begin_; f < found_.size(); ++f)
      if (found_[f].paragraph == p && !found_[f].bytes && found_[f].last <= before) entity = found_[f].entity;
    return entity;
  }

  // Spans are in reading order, so each paragraph's are one run from next_span_.
  void attribute_quotations(std::uint32_t p) {
    int paragraph_speaker = -1;
    while (next_span_ < spans_.size() && spans_[next_span_].paragraph < p) ++next_span_;
    for (std::size_t s = next_span_; s < spans_.size() && spans_[s].paragraph == p; ++s) {
      if (paragraph_speaker < 0) paragraph_speaker = reported_speaker_before(p, spans_[s].open_token);
      if (span_state_[s] == SpanState::Quote) {
        paragraph_speaker = found_[static_cast<std::size_t>(span_found_[s])].entity;
        continue;
      }
      if (span_state_[s] != SpanState::Open) continue;
      if (attribute_quotation(s, paragraph_speaker)) paragraph_speaker = found_.back().entity;
    }
  }

  bool attribute_quotation(std::size_t s, int paragraph_speaker) {
    const QuotedSpan& span = spans_[s];
    if (reads_as_term(span) || reads_as_title(span) || reads_as_subhead(span) || excerpt_after_byline(span)) {
      span_state_[s] = SpanState::NotQuote;
      return false;
    }
    Attribution attribution = transcript_label(span);
    if (attribution.entity < 0) attribution = trailing(span);
    if (attribution.entity < 0) attribution = leading(span);
    if (attribution.entity < 0 && paragraph_speaker >= 0 && sentence_like(span)) attribution = {paragraph_speaker, 0.85, cue_of(paragraph_speaker)};
    if (attribution.entity < 0 && span.continued) return false;  // claimed with its first paragraph
    if (attribution.entity < 0 && floating(span) && last_speaker_ >= 0) attribution = {last_speaker_, 0.7, cue_of(last_speaker_)};
    if (attribution.entity < 0 && sentence_like(span) && span.words >= kSentenceLongQuote)
      attribution = last_speaker_ >= 0 ? Attribution{last_speaker_, 0.45, cue_of(last_speaker_)} : Attribution{unknown_speaker(), 0.3, ""};
    if (attribution.entity < 0) {
      span_state_[s] = SpanState::NotQuote;
      return false;
    }
    record_direct(s, attribution);
    return true;
  }

  struct Attribution {
    int entity = -1;
    double confidence = 0;
    std::string cue;
    std::uint32_t text_begin = 0;  // bytes: where the quoted words start when a label precedes them
  };

  // “WALLACE: Let’s start …” in a transcript: the capitalised label names the speaker and
  // the words after the colon are theirs.
  Attribution transcript_label(const QuotedSpan& span) {
    const std::vector<Token>& tokens = paragraphs_[span.paragraph].tokens;
    const std::uint32_t first = span.open_token + 1;
    std::uint32_t colon = first;
    while (colon < tokens.size() && colon < first + 3 && is_upper_case_word(tokens[colon])) ++colon;
    if (colon == first || colon + 1 >= tokens.size() || !tokens[colon].is(":") || colon + 1 >= span.close_token) return {};
    char buffer[64];
    if (Lexicons::get().is(WordClass::NotSpeakerLabel, ascii_lower(tokens[first].text, buffer))) return {};
    Mention label;
    label.type = MentionType::Name;
    for (std::uint32_t t = first; t < colon; ++t) label.name += (t > first ? " " : "") + title_case(tokens[t].text);
    label.first = first;
    label.last = colon;
    double confidence = 0;
    const int entity = registry_.resolve(label, position_of(span.paragraph, first), confidence);
    return {entity, confidence * 0.9, "", tokens[colon + 1].begin};
  }

  static bool is_upper_case_word(const Token& token) {
    if (token.kind != TokenKind::Word || token.text.size() < 2) return false;
    for (char c : token.text)
      if (!(c >= 'A' && c <= 'Z') && c != '.' && c != '\'' && c != '-') return false;
    return true;
  }

  static std::string title_case(std::string_view word) {
    std::string out(word);
    for (std::size_t i = 1; i < out.size(); ++i)
      if (out[i] >= 'A' && out[i] <= 'Z' && out[i - 1] != '-' && out[i - 1] != '\'') out[i] = static_cast<char>(out[i] - 'A' + 'a');
    return out;
  }

  // A quotation that continues a speaker keeps the verb that introduced them ("said").
  std::string cue_of(int entity) const { return entity == last_speaker_ ? last_cue_ : std::string(); }

  void record_direct(std::size_t s, const Attribution& attribution) {
    // A quotation over several paragraphs: every piece gets the speaker, or, in a transcript,
    // the speaker of the last label (“WALLACE: …” / “PENCE: …”).
    std::size_t first = s;
    while (first > 0 && spans_[first].continued && spans_[first - 1].continues) --first;
    std::size_t last = s;
    while (last + 1 < spans_.size() && spans_[last].continues && spans_[last + 1].continued) ++last;
    Attribution current = attribution;
    for (std::size_t piece = first; piece <= last; ++piece) {
      if (span_state_[piece] == SpanState::Quote) continue;
      const QuotedSpan& span = spans_[piece];
      Attribution label = piece == s ? Attribution{} : transcript_label(span);
      if (label.entity >= 0) current = label;
      const Attribution& mine = piece == s ? attribution : label.entity >= 0 ? label : current;
      const double unclosed = span.closed || span.continues ? 1.0 : 0.7;
      span_state_[piece] = SpanState::Quote;
      span_found_[piece] = static_cast<int>(found_.size());
      const std::uint32_t text_begin = (piece == s || label.entity >= 0) && mine.text_begin > span.text_begin ? mine.text_begin : span.text_begin;
      found_.push_back(Found{span.paragraph, text_begin, span.text_end, true, "direct", mine.cue, mine.entity,
                             mine.confidence * unclosed});
      registry_.at(mine.entity).quoted = true;
    }
    if (attribution.entity != last_speaker_ || !attribution.cue.empty()) last_cue_ = attribution.cue;
    last_speaker_ = attribution.entity;
  }

  // “…,” Lavrov said. / “…,” said Lavrov. / “…” (next paragraph:) Lavrov said, …
  Attribution trailing(const QuotedSpan& span) {
    std::uint32_t p = span.paragraph;
    std::uint32_t after = span.close_token + 1;
    if (span.continues) return {};
    if (after >= paragraphs_[p].tokens.size() || only_punct_after(p, after)) {
      if (span.open_token != 0 && !span.continued) return {};
      if (p + 1 >= paragraphs_.size()) return {};
      p += 1;  // the attribution opens the next paragraph
      after = 0;
    }
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    if (after < tokens.size() && tokens[after].is(",")) ++after;
    if (after < tokens.size() && is_dash(tokens[after])) return signed_by(p, after + 1);  // “…” ― Ana Ruiz
    for (std::uint32_t c = after; c < tokens.size() && c < after + kMaxCueDistance; ++c) {
      if (paragraphs_[p].span_of[c] >= 0 || ends_sentence(tokens, c)) break;  // "R-Ky., said" goes on
      const Cue* cue = cue_at(tokens, c);
      if (!cue || cue->according) continue;
      if (c == after && ends_with_ing(tokens[c])) return {};  // “…,” saying the city …: the words go on, no speaker after
      const Mention speaker = c == after ? named_after(tokens, c + 1, static_cast<std::uint32_t>(tokens.size()))
                                         : subject_before(tokens, after, c);
      // "“…,” panel Chairman Jason Chaffetz said": a word or two may stand before the name
      const bool next_paragraph = p != span.paragraph;  // there the name must open it: "Lavrov said, …"
      const bool adjacent = c == after || speaker.first == after || (!next_paragraph && speaker.first > after && speaker.first <= after + 2);
      if (!speaker.found() || !adjacent) return {};
      double confidence = 0;
      const int entity = registry_.resolve(speaker, position_of(p, speaker.first), confidence);
      return {entity, confidence * 0.95, text_of_cue(tokens, c, *cue)};
    }
    return {};
  }

  // A full stop that ends a sentence: followed by a capital, a quotation mark or nothing.
  static bool ends_sentence(const std::vector<Token>& tokens, std::uint32_t t) {
    if (!is_terminal(tokens[t])) return false;
    return t + 1 >= tokens.size() || tokens[t + 1].capitalised || tokens[t + 1].kind == TokenKind::QuoteMark;
  }

  // "said Lavrov", also past a word or two before the name: "said 9/11 widow Terry Strada"
  static Mention named_after(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t ceiling) {
    Mention speaker = phrase_after(tokens, begin, ceiling);
    for (std::uint32_t skip = begin + 1; !speaker.found() && skip < ceiling && skip < begin + 4; ++skip)
      if (tokens[skip].capitalised) speaker = phrase_after(tokens, skip, ceiling);
    return speaker;
  }

  static bool is_dash(const Token& token) {
    return token.is("\u2015") || token.is("\u2014") || token.is("\u2013") || token.is("-");
  }

  // A quotation signed with a dash and a name, as in letters and comments: “…” ― Ana Ruiz
  Attribution signed_by(std::uint32_t p, std::uint32_t first) {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    const Mention speaker = interpret_phrase(tokens, first, phrase_end(tokens, first, static_cast<std::uint32_t>(tokens.size())));
    if (speaker.type != MentionType::Name || speaker.media) return {};
    double confidence = 0;
    const int entity = registry_.resolve(speaker, position_of(p, first), confidence);
    return {entity, confidence * 0.9, ""};
  }

  bool only_punct_after(std::uint32_t p, std::uint32_t after) const {
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    for (std::uint32_t t = after; t < tokens.size(); ++t)
      if (tokens[t].kind != TokenKind::Punct) return false;
    return true;
  }

  // Lavrov said: “…” / Lavrov said, “…” / Lavrov told reporters “…” / …, saying “…”
  Attribution leading(const QuotedSpan& span) {
    if (span.continued) return {};
    const std::uint32_t p = span.paragraph;
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    std::uint32_t before = span.open_token;
    if (before > 0 && (tokens[before - 1].is(":") || tokens[before - 1].is(","))) --before;
    if (before > 0 && tokens[before - 1].is("that")) --before;
    for (std::uint32_t c = before; c-- > 0 && before - c <= 10;) {
      if (paragraphs_[p].span_of[c] >= 0 || is_terminal(tokens[c])) break;
      const Cue* cue = cue_at(tokens, c);
      if (!cue || cue->according) continue;
      if (c + cue->words < before && !cue->listener && !starts_adjunct(tokens[c + cue->words])) break;  // "said during a visit:"
      const Sentence sentence = sentence_of(p, c);
      Mention speaker = subject_before(tokens, sentence.begin, c);
      if (!speaker.found() && c > 0 && tokens[c - 1].is(","))  // …, saying “…”
        speaker = interpret_phrase(tokens, sentence.begin, phrase_end(tokens, sentence.begin, c));
      if (!speaker.found()) return {};
      double confidence = 0;
      const int entity = registry_.resolve(speaker, position_of(p, speaker.first), confidence);
      return {entity, confidence * 0.95, text_of_cue(tokens, c, *cue)};
    }
    if (Attribution verb = verb_before_colon(span); verb.entity >= 0) return verb;
    // A paragraph ending "Lavrov said:" introduces the quotation that opens the next one.
    if (span.open_token == 0 && p > 0) {
      const std::vector<Token>& previous = paragraphs_[p - 1].tokens;
      if (!previous.empty() && previous.back().is(":")) {
        const std::uint32_t end = static_cast<std::uint32_t>(previous.size()) - 1;
        for (std::uint32_t c = end; c-- > 0 && end - c <= 4;) {
          const Cue* cue = cue_at(previous, c);
          if (!cue || cue->according) continue;
          const Mention speaker = subject_before(previous, sentence_of(p - 1, c).begin, c);
          if (!speaker.found()) break;
          double confidence = 0;
          const int entity = registry_.resolve(speaker, position_of(p - 1, speaker.first), confidence);
          return {entity, confidence * 0.9, text_of_cue(previous, c, *cue)};
        }
      }
    }
    return {};
  }

  // "Kovac interjected: “…”", "The governor scoffed: “…”": a subject and a verb the cue
  // lexicon does not know, right before the colon that opens the quotation.
  Attribution verb_before_colon(const QuotedSpan& span) {
    const std::uint32_t p = span.paragraph;
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    if (span.open_token < 3 || !tokens[span.open_token - 1].is(":")) return {};
    const std::uint32_t verb = span.open_token - 2;
    if (paragraphs_[p].span_of[verb] >= 0) return {};
    if (!reads_as_finite_verb(tokens[verb])) return inverted_before_colon(span);
    const Mention speaker = subject_before(tokens, sentence_of(p, verb).begin, verb);
    const bool person_like = speaker.type == MentionType::Name || speaker.type == MentionType::Pronoun ||
                             speaker.type == MentionType::Description;
    if (!speaker.found() || !person_like) return {};
    double confidence = 0;
    const int entity = registry_.resolve(speaker, position_of(p, speaker.first), confidence);
    return {entity, confidence * 0.85, std::string(tokens[verb].text)};
  }

  // "Continued Lind: “…”", "Added the senator: “…”": a verb that opens the sentence, then
  // the speaker, then the colon.
  Attribution inverted_before_colon(const QuotedSpan& span) {
    const std::uint32_t p = span.paragraph;
    const std::vector<Token>& tokens = paragraphs_[p].tokens;
    const std::uint32_t colon = span.open_token - 1, verb = sentence_of(p, colon).begin;
    if (verb + 1 >= colon || !tokens[verb].capitalised) return {};
    Token lower_verb = tokens[verb];
    lower_verb.capitalised = false;
    if (!cue_at(tokens, verb) && !reads_as_finite_verb(lower_verb)) return {};
    const Mention speaker = phrase_after(tokens, verb + 1, colon);
    if (!speaker.found() || speaker.last != colon || speaker.type == MentionType::Group) return {};
    double confidence = 0;
    const int entity = registry_.resolve(speaker, position_of(p, speaker.first), confidence);
    return {entity, confidence * 0.85, std::string(tokens[verb].text)};
  }

  // "interjected", "scoffs": a lower-case past or present tense that is no function word.
  static bool reads_as_finite_verb(const Token& token) {
    if (token.kind != TokenKind::Word || token.capitalised || token.text.size() < 5) return false;
    char buffer[64];
    const std::string_view word = ascii_lower(token.text, buffer);
    if (Lexicons::get().is(WordClass::Adverb, word) || Lexicons::get().is(WordClass::Time, word)) return false;
    const bool past = word.substr(word.size() - 2) == "ed";
    const bool present = word.back() == 's' && word[word.size() - 2] != 's' && word[word.size() - 2] != 'u';  // not "less", "thus"
    return past || present;
  }

  static bool starts_adjunct(const Token& token) {
    for (const char* preposition : {"in", "at", "on", "during", "after", "before", "to", "from", "outside", "inside", "of", "about"})
      if (token.is(preposition)) return true;
    return false;
  }

  Sentence sentence_of(std::uint32_t p, std::uint32_t token) const {
    for (const Sentence& sentence : paragraphs_[p].sentences)
      if (token >= sentence.begin && token < sentence.end) return sentence;
    return {0, static_cast<std::uint32_t>(paragraphs_[p].tokens.size())};
  }

  // A paragraph that is only a quotation.
  bool floating(const QuotedSpan& span) const {
    return span.open_token == 0 && (span.close_token + 1 >= paragraphs_[span.paragraph].tokens.size() ||
                                    only_punct_after(span.paragraph, span.close_token + 1));
  }

  // Starts a sentence and holds a few words, or ends with its own punctuation.
  bool sentence_like(const QuotedSpan& span) const {
    if (span.words < 3) return false;
    const std::vector<Token>& tokens = paragraphs_[span.paragraph].tokens;
    if (span.open_token == 0) return true;
    const Token& before = tokens[span.open_token - 1];
    if (is_terminal(before) || before.is(":") || before.is(",")) return true;
    // "…, said Sen. Ann Berg, R-S.C. “…”": an abbreviation's full stop ends the sentence too;
    // "…,” Lind said on “This Week.” “…”": so does one inside the closing mark of a title
    if (before.kind == TokenKind::Word && before.text.size() > 1 && before.text.back() == '.') return true;
    return before.kind == TokenKind::QuoteMark && span.open_token >= 2 && is_terminal(tokens[span.open_token - 2]);
  }

  // Names, titles and scare quotes: short, or introduced as a name ("the book", "so-called").
  bool reads_as_term(const QuotedSpan& span) const {
    const std::vector<Token>& tokens = paragraphs_[span.paragraph].tokens;
    if (span.open_token == 0 || span.continued) return false;
    const Token& before = tokens[span.open_token - 1];
    char buffer[64];
    const std::string_view word = ascii_lower(before.text, buffer);
    const Lexicons& lexicons = Lexicons::get();
    const bool introduced = word == "the" || word == "a" || word == "an" || word == "its" || word == "his" ||
                            word == "her" || word == "their" || lexicons.is(WordClass::TermMarker, word) ||
                            titled_after_comma(tokens, span.open_token) || shown_by_medium(tokens, span.open_token);
    return introduced && span.words <= 8;
  }

  // "in his book, “Harbour Days,”", "The film, “Low Tide,”": a term marker, then a comma
  static bool titled_after_comma(const std::vector<Token>& tokens, std::uint32_t open) {
    if (open < 2 || !tokens[open - 1].is(",")) return false;
    return Lexicons::get().is(WordClass::TermMarker, lowered_text(tokens[open - 2]));
  }

  // "told NBC’s “Morning Tide”": a quotation right after a medium's possessive names its show
  static bool shown_by_medium(const std::vector<Token>& tokens, std::uint32_t open) {
    if (open < 2 || tokens[open - 1].kind != TokenKind::Possessive) return false;
    return tokens[open - 2].capitalised && Lexicons::get().is_media(tokens[open - 2].text);
  }

  // “Ferry to close,” by the Gazette’s Ola Lind: “The ferry …”: in a digest of links, a
  // headline in quotation marks and its byline introduce an excerpt of the article, not speech.
  bool excerpt_after_byline(const QuotedSpan& span) const {
    const Paragraph& paragraph = paragraphs_[span.paragraph];
    const std::vector<Token>& tokens = paragraph.tokens;
    if (span.open_token < 4 || !tokens[span.open_token - 1].is(":")) return false;
    for (std::uint32_t t = span.open_token - 2; t > 1 && t + 12 > span.open_token; --t) {
      if (paragraph.span_of[t] >= 0 || is_terminal(tokens[t])) return false;
      if (!tokens[t].is("by")) continue;
      const std::uint32_t mark = tokens[t - 1].is(",") ? t - 2 : t - 1;
      return tokens[mark].kind == TokenKind::QuoteMark && paragraph.span_of[mark] >= 0;  // “…,” by …
    }
    return false;
  }

  // ‘A long winter ahead.’ as a paragraph of its own, in an article that quotes speech in double
  // marks: a subhead that quotes a phrase, as US copy sets headlines in single marks. "See also:"
  // in quotation marks as a paragraph of its own is a label (a word or two before a colon).
  bool reads_as_subhead(const QuotedSpan& span) const {
    if (span.continued || span.continues || !floating(span)) return false;
    const std::vector<Token>& tokens = paragraphs_[span.paragraph].tokens;
    if (span.words <= 2 && span.closed && span.close_token > 0 && tokens[span.close_token - 1].is(":")) return true;
    return double_marks_ && span.words <= 8 && opens_with_single_mark(tokens[span.open_token]);
  }

  static bool opens_with_single_mark(const Token& mark) { return mark.is("'") || mark.is("\u2018"); }

  // “Face the Nation”, “Make Your Kid a Millionaire”: a short quotation in title case names
  // a show, a book or a section, it is not speech.
  bool reads_as_title(const QuotedSpan& span) const {
    if (span.words < 2 || span.words > 8 || span.continued || span.continues) return false;
    const std::vector<Token>& tokens = paragraphs_[span.paragraph].tokens;
    const std::uint32_t last = std::min<std::uint32_t>(span.close_token, static_cast<std::uint32_t>(tokens.size()));
    char buffer[64];
    for (std::uint32_t t = span.open_token + 1; t < last; ++t) {
      if (is_terminal(tokens[t]) && t + 2 < last) return false;  // “The Donald. Big Daddy.”: two sentences
      if (tokens[t].kind != TokenKind::Word || tokens[t].capitalised) continue;
      const std::string_view word = ascii_lower(tokens[t].text, buffer);
      if (t == span.open_token + 1 || !Lexicons::get().is(WordClass::TitleSmallWord, word)) return false;
    }
    return true;
  }

  int unknown_speaker() {
    if (unknown_ < 0) {
      Mention mention;
      mention.type = MentionType::Name;
      mention.name = "Unknown speaker";
      mention.organisation_name = true;
      double confidence = 0;
      unknown_ = registry_.resolve(mention, 0, confidence);
      registry_.at(unknown_).kind = "person";
    }
    return unknown_;
  }

  // [SECTION] Output

  Extraction finish() {
    for (const Found& found : found_) registry_.at(found.entity).quoted = true;
    Extraction extraction;
    std::vector<int> record_of;
    extraction.speakers = registry_.records(record_of);
    for (const Found& found : found_) {
      const std::string& text = document_.paragraphs[found.paragraph];
      const std::vector<Token>& tokens = paragraphs_[found.paragraph].tokens;
      const std::uint32_t begin = found.bytes ? found.first : tokens[found.first].begin;
      const std::uint32_t end = found.bytes ? found.last : tokens[found.last - 1].end;
      QuoteRecord quote;
      quote.paragraph = found.paragraph;
      quote.start = utf8::count_code_points(std::string_view(text).substr(0, begin));
      quote.end = quote.start + utf8::count_code_points(std::string_view(text).substr(begin, end - begin));
      quote.kind = found.kind;
      quote.cue = found.cue;
      quote.speaker = static_cast<std::size_t>(record_of[static_cast<std::size_t>(found.entity)]);
      quote.confidence = found.confidence;
      extraction.quotes.push_back(quote);
    }
    std::sort(extraction.quotes.begin(), extraction.quotes.end(), [](const QuoteRecord& a, const QuoteRecord& b) {
      return a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.start < b.start;
    });
    return extraction;
  }

  const Document& document_;
  SpeakerRegistry registry_;
  std::vector<Paragraph> paragraphs_;
  std::vector<QuotedSpan> spans_;
  bool double_marks_ = false;  // some quotation opens with a double mark (“, ", '', «, „)
  std::vector<SpanState> span_state_;
  std::vector<int> span_found_;  // per span: its entry in found_, or -1
  std::vector<Found> found_;
  int last_speaker_ = -1;
  std::string last_cue_;  // the cue of last_speaker_'s attribution: continued quotes share it
  int unknown_ = -1;
  std::size_t paragraph_found_begin_ = 0;  // found_ of the paragraph being read start here
  std::size_t next_span_ = 0;
};

}  // namespace

Extraction find_quotes(const Document& document, const std::vector<KnownSpeaker>& known_speakers) {
  return Extractor(document, known_speakers).run();
}

}  // namespace qe::extract
