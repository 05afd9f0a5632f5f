#include "extract/mentions.h"

#include <cctype>

#include "extract/country_lexicon.h"
#include "extract/lexicons.h"

namespace qe::extract {
namespace {

constexpr std::uint32_t kMaxPhraseTokens = 12;
constexpr std::uint32_t kMaxAppositiveTokens = 16;
constexpr std::uint32_t kMaxModifiedSubjectTokens = 32;

bool is_terminal_or_mark(const Token& token) {
  return token.is(".") || token.is("!") || token.is("?") || token.is(";") || token.is(":") ||
         token.kind == TokenKind::QuoteMark;
}

bool is_weekday_or_month(std::string_view word) {
  static const char* const kWords[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                                       "January", "February", "March", "April", "May", "June", "July", "August",
                                       "September", "October", "November", "December", "week", "weekend", "month",
                                       "year", "morning", "afternoon", "evening", "night", "day", "spring", "summer", "autumn", "fall", "winter"};
  for (const char* w : kWords)
    if (word == w) return true;
  return false;
}

bool is_word(const Token& token) { return token.kind == TokenKind::Word; }

bool is_pronoun(std::string_view word, char& gender) {
  const Lexicons& lexicons = Lexicons::get();
  if (lexicons.is(WordClass::PronounMale, word)) gender = 'm';
  else if (lexicons.is(WordClass::PronounFemale, word)) gender = 'f';
  else if (lexicons.is(WordClass::PronounPlural, word)) gender = 'p';
  else if (lexicons.is(WordClass::PronounIt, word)) gender = 'i';
  else return false;
  return true;
}

// A noun that can end a speaker phrase: "founder", "ministry", "officials".
bool is_head_noun(std::string_view word) {
  static const std::string_view kFunctionWords[] = {"the", "a", "an", "of", "for", "her", "his", "their", "its"};
  for (std::string_view function_word : kFunctionWords)
    if (word == function_word) return false;
  const Lexicons& lexicons = Lexicons::get();
  if (word.size() > 3 && word.back() == 's' && is_head_noun(word.substr(0, word.size() - 1))) return true;  // "attorneys"
  return lexicons.description_roles(word) || lexicons.is(WordClass::InstitutionNoun, word) ||
         lexicons.is(WordClass::Group, word) || lexicons.is(WordClass::PhraseWord, word);
}

bool is_role_word(std::string_view lower_word) { return is_head_noun(lower_word); }

// "If Weber says …", "Having lost, Weber said": a conjunction or participle that opens the
// clause is no part of the speaker's name.
bool opens_subordinate_clause(std::string_view lower_word) {
  for (const char* word : {"if", "unless", "because", "once", "whether", "since", "having", "until"})
    if (lower_word == word) return true;
  return false;
}

bool is_function_word(std::string_view lower_word) {
  const Lexicons& lexicons = Lexicons::get();
  return lexicons.is(WordClass::Adverb, lower_word) || lexicons.is(WordClass::Time, lower_word) ||
         lexicons.is(WordClass::ClauseEnd, lower_word) || lexicons.is(WordClass::TermMarker, lower_word) ||
         lower_word == "the" || lower_word == "a" || lower_word == "an" || lower_word == "editor";
}

// "that investigators said", "what critics say": a relative or question word, no subject.
bool opens_question_or_relative(std::string_view word) {
  for (const char* relative : {"that", "which", "who", "whom", "whose", "what", "when", "where", "how", "why", "whether", "if"})
    if (word == relative) return true;
  return false;
}

// A token that can be part of a speaker phrase. `next` is the token after it, if any:
// any noun before a possessive belongs ("the festival’s founder").
bool in_phrase(const Token& token, const Token* next) {
  if (next && next->kind == TokenKind::Possessive && token.kind == TokenKind::Word) return true;
  if (next && token.kind == TokenKind::Word && !token.capitalised && next->kind == TokenKind::Word && !next->capitalised) {
    char buffer[64];
    const std::string_view head = ascii_lower(next->text, buffer);  // "festival founder", "port authority"
    const Lexicons& lexicons = Lexicons::get();
    if (is_head_noun(head)) {
      const std::string_view word = ascii_lower(token.text, buffer);
      if (!lexicons.cue(word) && !lexicons.is(WordClass::Adverb, word) && !lexicons.is(WordClass::ClauseEnd, word) &&
          !opens_question_or_relative(word))
        return true;
    }
  }
  if (token.kind == TokenKind::Possessive) return true;
  if (token.kind == TokenKind::Punct) return token.is("-");
  if (!is_word(token)) return false;
  if (token.capitalised) return true;
  char buffer[64];
  const std::string_view word = lower(token, buffer);
  // a particle inside a name: "Bill de Blasio", "Pierre de Vos", "Ursula von der Leyen"
  if (next && next->kind == TokenKind::Word && (next->capitalised || (next->text == "der" || next->text == "den")))
    for (const char* particle : {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "dos", "ter"})
      if (token.text == particle) return true;
  const Lexicons& lexicons = Lexicons::get();
  char gender = 0;
  if (is_pronoun(word, gender)) return true;
  return is_head_noun(word) || lexicons.is(WordClass::PhraseWord, word);
}

std::string text_between(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last) {
  if (first >= last) return {};
  const char* begin = tokens[first].text.data();
  const char* end = tokens[last - 1].text.data() + tokens[last - 1].text.size();
  return std::string(begin, static_cast<std::size_t>(end - begin));
}

// What one phrase is made of, read left to right.
struct PhraseParts {
  std::uint32_t name_first = 0, name_last = 0;     // capitalised words that are not titles or countries
  std::uint32_t role_first = 0, role_last = 0;     // title and description words
  std::uint32_t content_first = 0;                 // the first token after articles
  std::string country, capital_country, institution, capital, country_name, owner;
  std::string description;                          // lower-case description words
  bool organisation_name = false;                   // "Ministry of Defence", "Rural Alliance"
  std::uint32_t person_first = 0, person_last = 0;  // "Anna Berg" in "Anna Berg of Sweden"
  std::uint32_t person_role_last = 0;               // the end of the title before that name
  char gender = 0;
};

enum class Head : std::uint8_t { Name, Institution, Group, Role, Other };



void note_role(PhraseParts& parts, std::uint32_t first, std::uint32_t last) {
  if (parts.role_last == 0) parts.role_first = first;
  parts.role_last = last;
}

// A country phrase at token i: records the evidence and returns the tokens it used. A
// capital speaks for its country as a government ("Moscow said") or right before a role
// ("a Kyiv official"), not inside a place ("the Berlin district of Pankow").
std::uint32_t read_country(const std::vector<Token>& tokens, std::uint32_t i, std::uint32_t last, PhraseParts& parts) {
  const Token& token = tokens[i];
  const char* start = token.text.data();
  const std::size_t room = static_cast<std::size_t>(tokens[last - 1].text.data() + tokens[last - 1].text.size() - start);
  const auto match = match_country_phrase(std::string_view(start, room));
  if (!match) return 0;
  std::uint32_t end = i;
  while (end < last && static_cast<std::size_t>(tokens[end].text.data() + tokens[end].text.size() - start) <= match->length) ++end;
  if (end == i) return 0;
  // "Jim Jordan": a country or capital right after a first name is the name.
  const bool in_name = match->evidence == CountryEvidence::Name || match->evidence == CountryEvidence::Capital;
  const bool after_name = parts.name_last > parts.name_first && parts.name_last == i;
  if (in_name && after_name) return 0;
  char buffer[64];
  const bool before_role = end < last && !tokens[end].capitalised &&
                          Lexicons::get().description_roles(lower(tokens[end], buffer)) != nullptr;
  switch (match->evidence) {
    case CountryEvidence::Institution:
      parts.institution = std::string(match->phrase);
      parts.country = std::string(match->code);
      break;
    case CountryEvidence::Capital:
      parts.capital = text_between(tokens, i, end);
      parts.capital_country = std::string(match->code);
      if (before_role) parts.country = parts.capital_country;
      break;
    case CountryEvidence::Name:
      parts.country_name = text_between(tokens, i, end);
      parts.country = std::string(match->code);
      break;
    case CountryEvidence::Demonym: parts.country = std::string(match->code); break;
  }
  if (parts.role_last == i && i > 0 && tokens[i - 1].is("of")) note_role(parts, i, end);  // "President of Ukraine"
  if (end < last && tokens[end].kind == TokenKind::Possessive) ++end;
  return end - i;
}

// Capitalised only because it opens the sentence, or a common noun in a name ("Union
// leader", "Several hundred farmers"): read as the lower-case word.
bool reads_lower_case(const Token& token, std::string_view word) {
  if (!token.capitalised) return true;
  const Lexicons& lexicons = Lexicons::get();
  return !lexicons.title(token.text) && !lexicons.is(WordClass::InstitutionNoun, word) &&
         (lexicons.is(WordClass::PhraseWord, word) || lexicons.is(WordClass::Group, word));
}

// "Foreign Minister Anna Berg of Sweden", "Mayor Ann Lee of the Greens": a person's name (two
// words, or one after a title) right before "of" is the speaker; what follows says whom they
// speak for. "Bank of …" and "Ministry of …" are no names (phrase and institution words).
bool names_person_before(const PhraseParts& parts, std::uint32_t of) {
  if (parts.person_last > 0 || parts.organisation_name || parts.name_last != of || parts.name_last <= parts.name_first) return false;
  const bool titled = parts.role_last > parts.role_first && parts.role_last == parts.name_first;
  return parts.name_last - parts.name_first >= 2 || titled || parts.gender != 0;
}

void read_word(const std::vector<Token>& tokens, std::uint32_t i, PhraseParts& parts) {
  const Token& token = tokens[i];
  const Lexicons& lexicons = Lexicons::get();
  char buffer[64];
  const std::string_view word = lower(token, buffer);
  if (word == "the" || word == "a" || word == "an" || word == "her" || word == "his" || word == "their" || word == "its") {
    if (parts.content_first == i) parts.content_first = i + 1;
    return;
  }
  if (word == "of" && names_person_before(parts, i)) {
    parts.person_first = parts.name_first;
    parts.person_last = parts.name_last;
    parts.person_role_last = parts.role_last;
  }
  if (const Title* title = token.capitalised ? lexicons.title(token.text) : nullptr) {
    if (title->gender) parts.gender = title->gender;
    const bool honorific = !title->head && title->gender;  // Sir, Mr, Dame: not a role
    if (!honorific) note_role(parts, i, i + 1);
    return;
  }
  // "Ola de Berg", "Pierre de Vos": a particle between the parts of a name (or opening it) is in the name
  if (!token.capitalised && i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::Word && tokens[i + 1].capitalised)
    for (const char* particle : {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "dos", "ter"})
      if (token.text == particle) {
        if (parts.name_last != i) parts.name_first = i;
        parts.name_last = i + 1;
        return;
      }
  if (!reads_lower_case(token, word)) {
    if (parts.name_last != i) {
      parts.name_first = i;
      parts.organisation_name = false;  // "Union leader Marit Olsen": the last run names the speaker
    }
    parts.name_last = i + 1;
    return;
  }
  if (word == "spokesman") parts.gender = 'm';
  if (word == "spokeswoman") parts.gender = 'f';
  if (!parts.description.empty()) parts.description += ' ';
  parts.description += word;
  note_role(parts, i, i + 1);
}

// "Ministry of Defence", "Rural Alliance": a capitalised institution noun makes the
// capitalised run around it (with "of", "for", "and") an organisation's name.
std::uint32_t read_organisation_name(const std::vector<Token>& tokens, std::uint32_t i, std::uint32_t last, PhraseParts& parts) {
  char buffer[64];
  if (!tokens[i].capitalised || !Lexicons::get().is(WordClass::InstitutionNoun, lower(tokens[i], buffer))) return 0;
  std::uint32_t end = i + 1;
  while (end + 1 < last && (tokens[end].is("of") || tokens[end].is("for") || tokens[end].is("and")) && tokens[end + 1].capitalised)
    end += 2;
  if (parts.name_last != i) parts.name_first = i;
  parts.name_last = end;
  parts.organisation_name = true;
  return end - i;
}

PhraseParts read_parts(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last) {
  PhraseParts parts;
  parts.content_first = first;
  for (std::uint32_t i = first; i < last;) {
    const Token& token = tokens[i];
    if (token.kind == TokenKind::Possessive) {
      // "Zelenskyy’s chief of staff": the name before a possessive owns the role.
      if (parts.name_last == i) {
        parts.owner = text_between(tokens, parts.name_first, parts.name_last);
        parts.name_first = parts.name_last = 0;
      }
      ++i;
      continue;
    }
    if (token.capitalised)
      if (const std::uint32_t used = read_country(tokens, i, last, parts)) {
        i += used;
        continue;
      }
    if (const std::uint32_t used = read_organisation_name(tokens, i, last, parts)) {
      i += used;
      continue;
    }
    if (is_word(token)) read_word(tokens, i, parts);
    ++i;
  }
  return parts;
}

bool is_acronym(std::string_view word) {
  if (word.size() < 2) return false;
  for (char c : word)
    if (!std::isupper(static_cast<unsigned char>(c)) && c != '.') return false;
  return true;
}

// What the phrase's last word makes it: "Sergei Lavrov", "defence ministry", "officials",
// "Air Force spokesman".
Head head_of(const std::vector<Token>& tokens, const PhraseParts& parts, std::uint32_t last) {
  if (parts.name_last == last) return Head::Name;
  const Token& head = tokens[last - 1];
  if (head.kind != TokenKind::Word) return Head::Other;
  char buffer[64];
  const std::string_view word = lower(head, buffer);
  const Lexicons& lexicons = Lexicons::get();
  if (lexicons.is(WordClass::InstitutionNoun, word)) return Head::Institution;
  if (lexicons.is(WordClass::Group, word)) return Head::Group;
  if (word.size() > 3 && word.back() == 's' && is_head_noun(word.substr(0, word.size() - 1))) return Head::Group;  // "attorneys"
  if (is_role_word(word) || lexicons.title(head.text)) return Head::Role;
  return Head::Other;
}

Mention mention_from(const std::vector<Token>& tokens, const PhraseParts& parts, std::uint32_t last) {
  Mention mention;
  mention.country = parts.country;
  mention.gender = parts.gender;
  mention.role_owner = parts.owner;
  mention.description = parts.description;
  if (parts.role_last > parts.role_first) mention.role = text_between(tokens, parts.role_first, parts.role_last);
  const std::string phrase = text_between(tokens, parts.content_first, last);
  if (parts.person_last > parts.person_first) {  // "Anna Berg of Sweden": the person, country SE
    mention.type = MentionType::Name;
    mention.name = text_between(tokens, parts.person_first, parts.person_last);
    mention.role = text_between(tokens, parts.role_first, parts.person_role_last);
    return mention;
  }
  switch (head_of(tokens, parts, last)) {
    case Head::Name:
      mention.type = MentionType::Name;
      mention.name = parts.organisation_name ? phrase : text_between(tokens, parts.name_first, parts.name_last);
      if (parts.organisation_name) mention.role.clear();
      mention.organisation_name = parts.organisation_name ||
                                  (parts.name_last - parts.name_first == 1 && is_acronym(tokens[parts.name_first].text));
      mention.media = Lexicons::get().is_media(mention.name);
      return mention;
    case Head::Institution:
      mention.type = MentionType::Organisation;
      mention.name = phrase;
      return mention;
    case Head::Group:
      mention.type = MentionType::Group;
      mention.name = phrase;
      return mention;
    case Head::Role:
      mention.type = MentionType::Description;
      mention.role = phrase;  // "Air Force spokesman", "Russian president"
      return mention;
    case Head::Other: break;
  }
  if (!parts.institution.empty()) {
    mention.type = MentionType::Institution;
    mention.name = parts.institution;
  } else if (!parts.capital.empty() || !parts.country_name.empty()) {
    mention.type = MentionType::Government;
    mention.name = parts.capital.empty() ? parts.country_name : parts.capital;
    mention.country = parts.capital.empty() ? parts.country : parts.capital_country;
  }
  return mention;
}

Mention role_of_something(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last);

// "a spokeswoman for Norway’s foreign ministry": a role for an organisation is a
// description; the organisation tells the country.
Mention role_for_organisation(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t i = first + 1; i + 1 < last; ++i) {
    if (!tokens[i].is("for") && !tokens[i].is("at")) continue;
    const PhraseParts left = read_parts(tokens, first, i);
    const Head head = head_of(tokens, left, i);
    if (head == Head::Name && !left.organisation_name) {  // "Cameron Easley for Morning Consult"
      Mention named = mention_from(tokens, left, i);
      named.last = last;
      return named;
    }
    if (head != Head::Role) break;
    Mention mention = mention_from(tokens, left, i);
    const PhraseParts right = read_parts(tokens, i + 1, last);
    if (mention.country.empty()) mention.country = right.country.empty() ? right.capital_country : right.country;
    mention.role = text_between(tokens, left.content_first, last);
    return mention;
  }
  Mention whole = mention_from(tokens, read_parts(tokens, first, last), last);
  if (whole.type == MentionType::None) return role_of_something(tokens, first, last);
  return whole;
}

// "the head of the harbour board": a role of something the lexicons do not know.
Mention role_of_something(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t i = first + 1; i + 1 < last; ++i) {
    if (!tokens[i].is("of")) continue;
    const PhraseParts left = read_parts(tokens, first, i);
    if (head_of(tokens, left, i) != Head::Role) return {};
    Mention mention = mention_from(tokens, left, i);
    mention.role = text_between(tokens, left.content_first, last);
    return mention;
  }
  return {};
}

}  // namespace

std::string_view lower(const Token& token, char (&buffer)[64]) { return ascii_lower(token.text, buffer); }

bool is_subject_pronoun(std::string_view word, char& gender) {
  gender = 0;
  return is_pronoun(word, gender) || word == "we" || word == "i";
}

// "French", "Norwegians": a capitalised demonym alone, with no determiner or noun, as the whole
// speaker phrase ("…, French said"); "the Norwegian" or "Norwegian officials" read otherwise.
bool is_demonym_alone(const Token& token) {
  if (!token.capitalised || token.kind != TokenKind::Word) return false;
  const auto match = match_country_phrase(token.text);
  return match && match->evidence == CountryEvidence::Demonym && match->length == token.text.size();
}

Mention interpret_phrase(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last) {
  Mention mention;
  if (first >= last) return mention;
  char buffer[64];
  // "But he", "And she": a conjunction before a pronoun
  if (last - first == 2 && tokens[first].kind == TokenKind::Word &&
      (Lexicons::get().is(WordClass::ClauseEnd, lower(tokens[first], buffer)) || Lexicons::get().is(WordClass::Adverb, lower(tokens[first], buffer))) &&
      is_pronoun(lower(tokens[first + 1], buffer), mention.gender))
    ++first;  // "So he", "Then she"
  if (last - first == 1 && is_pronoun(lower(tokens[first], buffer), mention.gender)) {
    mention.type = MentionType::Pronoun;
    mention.description = std::string(lower(tokens[first], buffer));
  } else {
    // "Earlier Lavrov", "But the minister": sentence adverbs and conjunctions are not the speaker.
    const Lexicons& lexicons = Lexicons::get();
    while (last - first > 1 && (lexicons.is(WordClass::Adverb, lower(tokens[first], buffer)) ||
                                lexicons.is(WordClass::Time, lower(tokens[first], buffer)) ||
                                lexicons.is(WordClass::ClauseEnd, lower(tokens[first], buffer)) ||
                                opens_subordinate_clause(lower(tokens[first], buffer))))
      ++first;
    while (last > first && tokens[last - 1].kind != TokenKind::Word) --last;  // "Russia’s" alone: the country
    if (first < last) mention = role_for_organisation(tokens, first, last);
    if (!mention.found() && last - first == 1 && is_demonym_alone(tokens[first])) {
      // "French said": a surname; "Norwegians say": the people of a country, a group
      const std::string_view text = tokens[first].text;
      mention = Mention{};
      mention.type = text.back() == 's' ? MentionType::Group : MentionType::Name;
      mention.name = std::string(text);
      if (mention.type == MentionType::Group) mention.country = std::string(match_country_phrase(text)->code);
    }
    // "Tuesday", "After": a day or a function word that opens a sentence is nobody
    if (mention.type == MentionType::Name && last - first == 1 &&
        (is_weekday_or_month(tokens[first].text) || is_function_word(lower(tokens[first], buffer))))
      mention = Mention{};
  }
  mention.first = first;
  mention.last = last;
  return mention;
}

// The start of a short parenthesis that ends at `end` ("(R-S.C.)"), else `end`.
std::uint32_t skip_parenthesis_before(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t end) {
  if (end <= floor || !tokens[end - 1].is(")")) return end;
  std::uint32_t open = end - 1;
  while (open > floor && end - open < 8 && !tokens[open - 1].is("(")) --open;
  return open > floor && tokens[open - 1].is("(") ? open - 1 : end;
}

// "repeatedly", "publicly": a lower-case word in -ly, unless it is a noun ("the family",
// "an ally", "the assembly").
bool looks_like_adverb(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t t) {
  char buffer[64];
  const std::string_view word = lower(tokens[t], buffer);
  if (tokens[t].capitalised || !ends_in_ly(word)) return false;
  if (is_head_noun(word)) return false;
  if (t > floor) {
    const std::string_view before = lower(tokens[t - 1], buffer);
    for (const char* determiner : {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"})
      if (before == determiner) return false;
  }
  return true;
}

std::uint32_t skip_adjuncts_before(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t end) {
  const Lexicons& lexicons = Lexicons::get();
  char buffer[64];
  while (end > floor) {
    const Token& token = tokens[end - 1];
    if (const std::uint32_t before = skip_parenthesis_before(tokens, floor, end); before != end) {
      end = before;  // "Lindsey Graham (R-S.C.) told": a parenthesis after the name
      continue;
    }
    // "he’s said": the auxiliary "’s" after a pronoun, as "has" would be
    if (token.kind == TokenKind::Possessive && end - 1 > floor) {
      char gender = 0;
      if (is_subject_pronoun(lower(tokens[end - 2], buffer), gender)) {
        --end;
        continue;
      }
    }
    if (!is_word(token)) break;
    const std::string_view word = lower(token, buffer);
    // "in 2010", "on Thursday": a year or day after a time preposition
    const bool year = word.size() == 4 && std::isdigit(static_cast<unsigned char>(word[0]));
    if (year && end - 1 > floor && lexicons.is(WordClass::Time, lower(tokens[end - 2], buffer))) {
      end -= 2;
      continue;
    }
    if (lexicons.is(WordClass::Adverb, word) || looks_like_adverb(tokens, floor, end - 1)) {
      --end;
      continue;
    }
    // "on Thursday", "last week", "in a statement": a time word after a time preposition.
    if (is_weekday_or_month(token.text) && end - 1 > floor) {
      std::uint32_t back = end - 1;
      while (back > floor && end - back < 4 && !lexicons.is(WordClass::Time, lower(tokens[back - 1], buffer))) --back;
      if (back > floor && lexicons.is(WordClass::Time, lower(tokens[back - 1], buffer))) {
        end = back - 1;
        continue;
      }
    }
    break;
  }
  return end;
}

std::uint32_t skip_time_after(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t ceiling) {
  const Lexicons& lexicons = Lexicons::get();
  char buffer[64];
  // "said Friday afternoon", "announced Monday"
  while (begin < ceiling && tokens[begin].capitalised && is_weekday_or_month(tokens[begin].text)) {
    ++begin;
    while (begin < ceiling && (tokens[begin].is("morning") || tokens[begin].is("afternoon") || tokens[begin].is("evening") ||
                               tokens[begin].is("night")))
      ++begin;
  }
  while (begin < ceiling && is_word(tokens[begin]) && lexicons.is(WordClass::Time, lower(tokens[begin], buffer))) {
    std::uint32_t scan = begin + 1;
    while (scan < ceiling && scan - begin < 4 && is_word(tokens[scan]) && !is_weekday_or_month(tokens[scan].text)) ++scan;
    if (scan < ceiling && is_weekday_or_month(tokens[scan].text)) begin = scan + 1;
    else break;
    while (begin < ceiling && (tokens[begin].is("morning") || tokens[begin].is("afternoon") || tokens[begin].is("evening") ||
                               tokens[begin].is("night")))
      ++begin;  // "on Saturday night"
  }
  return begin;
}

std::uint32_t listener_end(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t ceiling) {
  std::uint32_t i = begin;
  char buffer[64];
  if (i < ceiling && (tokens[i].is("the") || tokens[i].is("a") || tokens[i].is("an"))) ++i;
  if (i < ceiling && tokens[i].capitalised) {  // "Fox News", "the BBC"
    while (i < ceiling && tokens[i].capitalised) ++i;
    return i;
  }
  for (std::uint32_t t = i; t < ceiling && t < i + 4 && tokens[t].kind == TokenKind::Word; ++t)
    if (is_head_noun(lower(tokens[t], buffer))) return t + 1;  // "reporters", "a crowd of farmers"
  return std::min(begin + 1, ceiling);  // "him", "them"
}

std::uint32_t phrase_end(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t ceiling) {
  std::uint32_t end = begin;
  while (end < ceiling && end - begin < kMaxPhraseTokens && in_phrase(tokens[end], end + 1 < tokens.size() ? &tokens[end + 1] : nullptr)) ++end;
  return end;
}

// "On Monday he said", "Yesterday she said", "In May Lind said": with no comma after an opening
// time, the phrase read back from the cue starts with the time. A subject pronoun is a subject
// of its own, and a weekday or month (or "yesterday", "today") opens no name.
std::uint32_t past_opening_time(const std::vector<Token>& tokens, std::uint32_t start, std::uint32_t end) {
  if (end <= start + 1) return start;
  char buffer[64], gender = 0;
  if (is_subject_pronoun(lower(tokens[end - 1], buffer), gender)) return end - 1;
  while (start + 1 < end && tokens[start].capitalised &&
         (is_weekday_or_month(tokens[start].text) || tokens[start].is("Yesterday") || tokens[start].is("Today")))
    ++start;
  return start;
}

Mention subject_before(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t end) {
  end = skip_adjuncts_before(tokens, floor, end);
  // "Ola Lind, who, after trading insults with Weber, said": an aside between commas after
  // the relative pronoun
  if (end > floor + 4 && tokens[end - 1].is(",")) {
    for (std::uint32_t k = end - 2; k > floor + 2 && end - k <= 16; --k) {
      if (is_terminal_or_mark(tokens[k])) break;
      if (!tokens[k].is(",")) continue;
      if (tokens[k - 1].is("who") && tokens[k - 2].is(",")) end = k;
      break;
    }
  }
  // "Ted Cruz endorses Trump, who says", "a request by the Post, which argued": the relative
  // pronoun stands for the name before it.
  if (end > floor + 2 && (tokens[end - 1].is("who") || tokens[end - 1].is("which")) && tokens[end - 2].is(",")) end -= 2;
  // "an architect who said", "the Police Department which reported": the same without a comma
  else if (end > floor + 1 && (tokens[end - 1].is("who") || tokens[end - 1].is("which")) && tokens[end - 2].kind == TokenKind::Word) end -= 1;
  std::string appositive_role, appositive_country, appositive_owner;
  Mention appositive;
  // "Andriy Yermak, Zelenskyy’s chief of staff, stated" or "Dan Jones, who voted against,
  // said": read the appositive between the commas, then the name before it.
  if (end > floor && tokens[end - 1].is(",")) {
    std::uint32_t start = end - 1;
    while (start > floor && end - start <= kMaxAppositiveTokens && !tokens[start - 1].is(",") &&
           !is_terminal_or_mark(tokens[start - 1]))
      --start;
    if (start == floor || !tokens[start - 1].is(",") || start == end - 1) return {};
    // Only a role ("Zelenskyy’s chief of staff"), a relative clause ("who voted against") or an
    // aside ("her voice hoarse", "speaking on condition of anonymity") is an appositive;
    // "…, and the meeting deteriorated from there, said …" is not.
    const bool relative = tokens[start].is("who") || tokens[start].is("whose") || tokens[start].is("which");  // "The Post, which …, said"
    const bool aside = (end - 1 - start <= 4 && !tokens[start].is("and") && !tokens[start].is("but") && !tokens[start].is("or")) ||
                       (tokens[start].text.size() > 4 && tokens[start].text.substr(tokens[start].text.size() - 3) == "ing");
    const bool role = phrase_end(tokens, start, end - 1) >= start + 2;  // "chief executive of the regional airline SkyNord"
    if (!relative && !aside && !role) return {};
    appositive = interpret_phrase(tokens, start, phrase_end(tokens, start, end - 1));
    appositive_role = appositive.role;
    appositive_country = appositive.country;
    appositive_owner = appositive.role_owner;
    end = skip_parenthesis_before(tokens, floor, start - 1);  // "Jim Jordan (R-Ohio), an oversight panel member,"
  }
  std::uint32_t start = end;
  while (start > floor && end - start < kMaxPhraseTokens && in_phrase(tokens[start - 1], &tokens[start])) --start;
  // A phrase cannot start with "of" or a possessive.
  char buffer[64];
  while (start < end && (tokens[start].kind == TokenKind::Possessive || lower(tokens[start], buffer) == "of")) ++start;
  start = past_opening_time(tokens, start, end);
  Mention mention = interpret_phrase(tokens, start, end);
  // "Her co-organiser, Sam Okoro, said": the name is in the appositive.
  const bool named_appositive = appositive.type == MentionType::Name && !appositive.organisation_name;
  if (named_appositive && mention.type != MentionType::Name) {
    const std::string role = mention.role;
    const std::string country = mention.country;
    mention = appositive;
    if (mention.role.empty()) mention.role = role;
    if (mention.country.empty()) mention.country = country;
    return mention;
  }
  if (mention.role.empty()) mention.role = appositive_role;
  if (mention.country.empty()) mention.country = appositive_country;
  if (mention.role_owner.empty()) mention.role_owner = appositive_owner;
  return mention;
}

namespace {

bool is_dash(const Token& token) {
  return token.is("-") || token.is("--") || token.is("\u2014") || token.is("\u2013") || token.is("\u2015");
}

// What may follow a speaker's head: a prepositional phrase ("of the committee"), an
// appositive between commas or dashes, a relative clause ("who", "which") or a parenthesis.
bool opens_modifier(const Token& token) {
  if (token.is(",") || token.is("(") || is_dash(token)) return true;
  for (const char* word : {"of", "for", "at", "in", "on", "from", "with", "close", "to", "across", "around", "inside",
                           "outside", "within", "including", "who", "which", "whose", "that"})
    if (token.is(word)) return true;
  return false;
}

// A word that makes the words after a head a clause rather than a modifier: an auxiliary
// or a cue ("The bill in the Senate would cut …", "Sales of the car rose after Smith said").
bool reads_as_verb(const Token& token) {
  if (token.kind != TokenKind::Word || token.capitalised) return false;
  char buffer[64];
  const std::string_view word = lower(token, buffer);
  for (const char* auxiliary : {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could",
                                "may", "might", "should", "must", "did", "does", "do", "that"})
    if (word == auxiliary) return true;
  if (Lexicons::get().cue(word)) return true;
  const bool past = word.size() > 4 && word.substr(word.size() - 2) == "ed" && word.find('-') == std::string_view::npos;
  return past;
}

bool after_determiner(const std::vector<Token>& tokens, std::uint32_t t) {
  if (t == 0) return false;
  char buffer[64];
  const std::string_view before = lower(tokens[t - 1], buffer);
  for (const char* determiner : {"a", "an", "the", "his", "her", "their", "its", "our", "my"})
    if (before == determiner) return true;
  return false;
}

// "head of the harbour board", "experts on river transport": a role or group keeps its
// prepositional phrase, up to an aside or a relative clause.
void name_with_modifier(const std::vector<Token>& tokens, std::uint32_t head_end, std::uint32_t end, Mention& head) {
  auto ends_modifier = [&](const Token& token) {
    return token.is(",") || token.is("(") || is_dash(token) || token.is("who") || token.is("which") || token.is("whose") ||
           token.is("that");
  };
  if (ends_modifier(tokens[head_end])) return;
  std::uint32_t stop = head_end;
  while (stop < end && !ends_modifier(tokens[stop])) ++stop;
  std::uint32_t start = head.first;
  while (start < head_end && (tokens[start].is("the") || tokens[start].is("The") || tokens[start].is("a") || tokens[start].is("A")))
    ++start;
  std::string& text = head.type == MentionType::Group ? head.name : head.role;
  text = text_between(tokens, start, stop);
}

// "But Megan Hall, …": a conjunction or adverb that opens the clause is not the speaker.
std::uint32_t skip_clause_openers(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end) {
  const Lexicons& lexicons = Lexicons::get();
  char buffer[64];
  while (first < end && tokens[first].kind == TokenKind::Word &&
         (lexicons.is(WordClass::Adverb, lower(tokens[first], buffer)) || lexicons.is(WordClass::ClauseEnd, lower(tokens[first], buffer))))
    ++first;
  return first;
}

}  // namespace

bool token_reads_as_verb(const Token& token) { return reads_as_verb(token); }

Mention modified_subject(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end) {
  end = skip_adjuncts_before(tokens, first, end);
  first = skip_clause_openers(tokens, first, end);
  if (end <= first || end - first > kMaxModifiedSubjectTokens) return {};
  std::uint32_t head_end = phrase_end(tokens, first, end);
  // "The head of the" before an unknown noun ("harbour board"): the head ends before "of the".
  while (head_end > first + 1 && (tokens[head_end - 1].is("of") || tokens[head_end - 1].is("for") || tokens[head_end - 1].is("the") ||
                                  tokens[head_end - 1].is("a") || tokens[head_end - 1].is("an")))
    --head_end;
  if (head_end == first || head_end >= end || !opens_modifier(tokens[head_end])) return {};
  Mention head = interpret_phrase(tokens, first, head_end);
  if (!head.found() || head.type == MentionType::Pronoun) return {};
  // The modifier: no clause (auxiliaries, cues, past tenses), no sentence or quotation
  // boundary; a comma or dash run must close right before the cue, as an appositive does.
  bool in_relative = false, aside = false;
  for (std::uint32_t t = head_end; t < end; ++t) {
    const Token& token = tokens[t];
    aside = aside || token.is(",") || is_dash(token);
    if (token.kind == TokenKind::QuoteMark || token.is(".") || token.is(";") || token.is(":") || token.is("?") || token.is("!"))
      return {};
    if (token.is("who") || token.is("which") || token.is("whose") || (t == head_end && token.is("that"))) in_relative = true;
    if (token.is(",") || is_dash(token)) in_relative = false;
    if (!in_relative && reads_as_verb(token) && !after_determiner(tokens, t)) return {};  // "a spirited challenge" is no verb
  }
  if (aside && !tokens[end - 1].is(",") && !is_dash(tokens[end - 1])) return {};
  if (head.type == MentionType::Description || head.type == MentionType::Group) name_with_modifier(tokens, head_end, end, head);
  head.first = first;
  head.last = end;
  return head;
}

namespace {

constexpr std::uint32_t kMaxDeterminedPhraseWords = 5;

bool is_determiner(std::string_view word) {
  for (const char* determiner : {"the", "a", "an", "this", "these", "those", "some", "many", "several", "other", "most",
                                 "few", "two", "three", "four", "both", "all", "no", "another", "each", "every", "that"})
    if (word == determiner) return true;
  return false;
}

// What may stand before a clause's subject: nothing, punctuation or a conjunction.
bool opens_clause(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t t) {
  if (t == floor || tokens[t - 1].kind != TokenKind::Word) return true;
  char buffer[64];
  const std::string_view word = lower(tokens[t - 1], buffer);
  return word == "and" || word == "but" || word == "while" || word == "because" || word == "although" || word == "though";
}

bool is_plural_noun(std::string_view word) {
  return word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's' && word[word.size() - 2] != 'u';
}

// "harbour specialists", "union negotiators": up to three lower-case words that open a clause,
// the last a plural noun.
bool bare_plural_subject(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t t, std::uint32_t end) {
  if (end - t > 3 || !opens_clause(tokens, floor, t)) return false;
  char buffer[64];
  for (std::uint32_t i = t; i < end; ++i) {
    if (tokens[i].kind != TokenKind::Word || tokens[i].capitalised) return false;
    const std::string_view word = lower(tokens[i], buffer);
    if (is_function_word(word) || opens_question_or_relative(word)) return false;
  }
  return is_plural_noun(lower(tokens[end - 1], buffer));
}

Mention group_of(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end) {
  Mention mention;
  char buffer[64];
  mention.type = MentionType::Group;
  mention.name = text_between(tokens, first, end);
  mention.description = std::string(lower(tokens[end - 1], buffer));
  mention.first = first;
  mention.last = end;
  return mention;
}

}  // namespace

Mention determined_noun_phrase(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t end, bool antecedent) {
  if (!antecedent) end = skip_adjuncts_before(tokens, floor, end);
  if (end == floor || tokens[end - 1].capitalised) return {};  // names are the lexicons' work
  char buffer[64];
  for (std::uint32_t t = end; t-- > floor && end - t <= kMaxDeterminedPhraseWords + 1;) {
    const Token& token = tokens[t];
    if (token.kind != TokenKind::Word && !token.is("-")) return {};
    if (t + 1 < end && reads_as_verb(token)) return {};
    const std::string_view word = lower(token, buffer);
    if (!is_determiner(word)) {
      if (!antecedent && bare_plural_subject(tokens, floor, t, end)) return group_of(tokens, t, end);  // "But harbour specialists say"
      continue;
    }
    if (t + 1 == end || (!antecedent && !opens_clause(tokens, floor, t))) return {};
    const std::uint32_t first = word == "the" || word == "a" || word == "an" ? t + 1 : t;  // "Several bakers" keeps its word
    Mention mention;
    const std::string_view head = lower(tokens[end - 1], buffer);
    const bool plural = head.size() > 3 && head.back() == 's' && head[head.size() - 2] != 's';
    mention.type = plural ? MentionType::Group : MentionType::Description;
    (plural ? mention.name : mention.role) = text_between(tokens, first, end);
    mention.description = std::string(head);
    mention.first = t;
    mention.last = end;
    return mention;
  }
  return {};
}

Mention phrase_after(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t ceiling) {
  const std::uint32_t end = phrase_end(tokens, begin, ceiling);
  Mention mention = interpret_phrase(tokens, begin, end);
  // "said the minister, Sergei Lavrov" or "said Lavrov, Russia’s foreign minister"
  if (end + 1 < ceiling && tokens[end].is(",")) {
    const std::uint32_t second_end = phrase_end(tokens, end + 1, ceiling);
    const Mention second = interpret_phrase(tokens, end + 1, second_end);
    if (mention.type == MentionType::Description && second.type == MentionType::Name) {
      Mention named = second;
      if (named.role.empty()) named.role = mention.role;
      if (named.country.empty()) named.country = mention.country;
      return named;
    }
    if (mention.type == MentionType::Name && second.type == MentionType::Description) {
      if (mention.role.empty()) mention.role = second.role;
      if (mention.country.empty()) mention.country = second.country;
      if (mention.role_owner.empty()) mention.role_owner = second.role_owner;
    }
  }
  return mention;
}

namespace {

bool is_number_word(std::string_view word) {
  for (const char* number : {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "third",
                             "quarter", "two-thirds", "three-quarters", "majority", "dozen", "dozens", "hundreds", "thousands"})
    if (word == number) return true;
  return !word.empty() && word[0] >= '0' && word[0] <= '9';
}

// Words that may open a share of respondents: "about 4 in 10", "more than half of", "nearly 60%".
bool opens_share(std::string_view word) {
  for (const char* opener : {"about", "nearly", "almost", "roughly", "around", "only", "just", "over", "some", "fully", "more",
                             "less", "fewer", "than", "at", "least", "most", "a", "another", "the", "an", "overwhelming"})
    if (word == opener) return true;
  return false;
}

}  // namespace

Mention numeric_subject(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t end) {
  constexpr std::uint32_t kMaxShareTokens = 14;
  char buffer[64];
  // the clause opens after the sentence start, a comma or a conjunction
  std::uint32_t first = end;
  while (first > floor && end - first < kMaxShareTokens) {
    const Token& token = tokens[first - 1];
    if (token.is(",") || token.is(";") || token.is(":") || token.kind == TokenKind::QuoteMark) break;
    const std::string_view word = lower(token, buffer);
    if (word == "and" || word == "but" || word == "while" || word == "whereas" || word == "though") break;
    --first;
  }
  if (first >= end || (first > floor && end - first >= kMaxShareTokens)) return {};
  std::uint32_t t = first;
  while (t < end && tokens[t].kind == TokenKind::Word && opens_share(lower(tokens[t], buffer))) ++t;
  if (t >= end || tokens[t].kind != TokenKind::Word || !is_number_word(lower(tokens[t], buffer))) return {};
  if (t + 1 >= end) return {};  // "43 said": too bare to tell a share from a count of anything
  // the rest: "%", "percent", "in 10", "of those asked", "of Florida voters overall"; no verb
  for (std::uint32_t i = t + 1; i < end; ++i) {
    const Token& token = tokens[i];
    if (token.kind == TokenKind::QuoteMark || (token.kind == TokenKind::Punct && !token.is("%") && !token.is(","))) return {};
    if (token.kind == TokenKind::Word && reads_as_verb(token) && !token.is("asked") && !token.is("polled") &&
        !token.is("surveyed") && !token.is("interviewed"))
      return {};
  }
  const std::string_view unit = lower(tokens[t + 1], buffer);
  if (!(tokens[t + 1].is("%") || unit == "percent" || unit == "in" || unit == "out" || unit == "of" ||
        is_plural_noun(unit)))
    return {};
  Mention mention;
  mention.type = MentionType::Group;
  mention.name = text_between(tokens, first, end);
  mention.description = "respondents";
  mention.first = first;
  mention.last = end;
  return mention;
}

Mention clause_subject(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end) {
  end = skip_adjuncts_before(tokens, first, end);
  first = skip_clause_openers(tokens, first, end);
  const Lexicons& lexicons = Lexicons::get();
  char buffer[64];
  if (end <= first + 1 || end - first > kMaxModifiedSubjectTokens || tokens[first].kind != TokenKind::Word) return {};
  // the phrase opens with a noun, a name, a determiner or a number: not a preposition, a
  // pronoun or a relative word ("In the fall …", "It was …", "What they …")
  const std::string_view opener = lower(tokens[first], buffer);
  char gender = 0;
  if (is_pronoun(opener, gender) || opens_question_or_relative(opener) || opens_subordinate_clause(opener) ||
      is_function_word(opener) || opener == "there" || opener == "this" || opener == "we" || opener == "i" || opener == "you")
    if (opener != "the" && opener != "a" && opener != "an") return {};
  for (const char* preposition : {"in", "on", "at", "for", "with", "from", "by", "after", "before", "during", "since", "to", "of",
                                  "as", "about", "under", "over", "through", "without", "despite", "among", "into", "like", "unlike"})
    if (opener == preposition) return {};
  // "Hearing him say …", "Informed of the vote, …": a participle opens a clause, not a subject
  if (!lexicons.is(WordClass::Group, opener) && opener.size() > 4 &&
      (opener.substr(opener.size() - 3) == "ing" || opener.substr(opener.size() - 2) == "ed"))
    return {};
  // no verb of its own: no auxiliary, no cue, no sentence or quotation boundary
  for (std::uint32_t t = first; t < end; ++t) {
    const Token& token = tokens[t];
    if (token.kind == TokenKind::QuoteMark || token.is(".") || token.is(";") || token.is(":") || token.is("?") || token.is("!"))
      return {};
    if (token.kind != TokenKind::Word) continue;
    const std::string_view word = lower(token, buffer);
    for (const char* auxiliary : {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "may",
                                  "might", "should", "must", "did", "does", "do", "be", "been", "being", "am"})
      if (word == auxiliary) return {};
    if (t > first && (is_subject_pronoun(word, gender) || lexicons.cue(word))) return {};
    // a past tense is a verb ("The shift started …"), a participle before its phrase is a
    // modifier ("veterans interviewed at rallies", "a filing dated Friday", "those affected by")
    const bool past = word.size() > 4 && word.substr(word.size() - 2) == "ed" && word.find('-') == std::string_view::npos;
    if (t > first && past && !after_determiner(tokens, t) && !(t + 1 < end && (opens_modifier(tokens[t + 1]) || tokens[t + 1].is("by") ||
                                                 lexicons.is(WordClass::Time, lower(tokens[t + 1], buffer)) ||
                                                 is_weekday_or_month(tokens[t + 1].text))))
      return {};
    for (const char* irregular : {"sent", "took", "made", "gave", "went", "came", "began", "got", "found", "left", "held",
                                  "led", "brought", "thought", "felt", "kept", "saw", "knew", "exists", "seems", "appears"})
      if (word == irregular) return {};
  }
  const std::uint32_t head_end = phrase_end(tokens, first, end);
  Mention head = interpret_phrase(tokens, first, head_end);
  // "Politicians say", "Families of …": a common noun capitalised only because it opens the
  // sentence is a group, not a name
  bool capital_inside = false;
  for (std::uint32_t t = first + 1; t < head_end; ++t) capital_inside = capital_inside || tokens[t].capitalised;
  const bool opening_capital = head.type == MentionType::Name && !capital_inside && !head.organisation_name &&
                               !lexicons.title(tokens[first].text);
  if (!head.found() || head.type == MentionType::Pronoun || opening_capital) {
    std::uint32_t group_end = first + 1;
    while (group_end < end && group_end < first + 6 && !opens_modifier(tokens[group_end])) ++group_end;
    head = group_of(tokens, first, group_end);
  }
  head.first = first;
  head.last = end;
  return head;
}

}  // namespace qe::extract
