// mentions.h: the phrase that names a speaker, read from the tokens beside a cue.
//
//   "Russia’s Foreign Minister Sergei Lavrov" -> Name "Sergei Lavrov", role "Foreign Minister", country RU
//   "Andriy Yermak, Zelenskyy’s chief of staff," -> Name "Andriy Yermak", role "chief of staff", role_owner "Zelenskyy"
//   "he" -> Pronoun (male);  "the top diplomat" -> Description "top diplomat"
//   "the Kremlin" -> Institution RU;  "Moscow" -> Government RU;  "Russian officials" -> Group RU
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/tokens.h"

namespace qe::extract {

enum class MentionType : std::uint8_t {
  None,
  Name,          // a person (or an organisation with a proper name: NATO, Gazprom)
  Pronoun,       // he, she, they, it
  Description,   // "the minister", "the Russian president"
  Institution,   // "the Kremlin", "the White House": the country's government
  Government,    // a capital or a country as speaker: "Moscow said", "Ukraine insisted"
  Organisation,  // "Ukraine’s defence ministry", "the ministry"
  Group,         // "officials", "Russian diplomats"
};

struct Mention {
  MentionType type = MentionType::None;
  std::string name;         // as written: "Sergei Lavrov", "Kremlin", "Moscow", "defence ministry"
  std::string role;         // "Foreign Minister", "chief of staff"
  std::string country;      // ISO code the phrase itself gives, or ""
  std::string role_owner;   // "Zelenskyy" in "Zelenskyy’s chief of staff"
  std::string description;  // lower-case: "top diplomat", "ministry", "he"
  char gender = 0;          // 'm', 'f', 'p' (plural) or 0
  bool organisation_name = false;  // a Name that is an organisation (NATO, "Foreign Ministry")
  bool media = false;              // a news medium: never a speaker
  std::uint32_t first = 0, last = 0;  // tokens [first, last)

  bool found() const { return type != MentionType::None && !media; }
};

// The speaker phrase that ends right before token `end`, not reaching before `floor`:
// skips adverbs and time phrases next to the cue ("Lavrov on Thursday also said") and
// reads an appositive between commas ("Yermak, Zelenskyy’s chief of staff, said").
Mention subject_before(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t end);

// A speaker phrase with the modifiers after its head, spanning [first, end) up to the cue:
// "Experts on North Korea said", "attorneys for the family said", "Megan Hall, a fellow
// at the Institute for Rural Policy, which studies farms, said", "Kall -- co-editor of a
// book -- said". The mention is the head ("Experts", "Megan Hall"), with first..last over
// the whole phrase. None when the words after the head read as a clause, not a modifier.
Mention modified_subject(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end);

// A noun phrase that opens with a determiner and ends right before `end`, for nouns the
// lexicons do not know: "The harbour-front grocer complained that", "Several bakers say".
// A Description (a Group when the head is plural), or None when the words read as a
// clause or do not start a clause (the sentence start, a comma or a conjunction before).
// antecedent: the phrase is the antecedent of a relative "who" ("came from a young boy, who
// said"), so it need not open a clause.
// An auxiliary, a cue or a past tense in -ed ("was", "said", "challenged").
bool token_reads_as_verb(const Token& token);

Mention determined_noun_phrase(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t end, bool antecedent = false);

// "About 4 in 10 say", "47% said", "more than half of those asked said": a share of people
// polled, the whole clause before the cue (from `floor`, a comma or a conjunction).
Mention numeric_subject(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t end);

// "Numerous veterans interviewed at the rallies, including Mr. Lind, said", "Families of
// those hurt in the crash urged": a long noun phrase, the whole clause before the cue, with
// no verb of its own. The last resort when no shorter reading names the speaker.
Mention clause_subject(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end);

// The speaker phrase starting at token `begin` ("said Lavrov", "said the minister, Sergei
// Lavrov,"), ending before `ceiling`.
Mention phrase_after(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t ceiling);

// Reads tokens [first, last) as one phrase.
Mention interpret_phrase(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last);

// The first tokens of `tokens` from `begin` that a speaker phrase can hold.
std::uint32_t phrase_end(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t ceiling);

// The person spoken to after "told": "reporters", "the BBC", "a crowd of farmers", "him".
std::uint32_t listener_end(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t ceiling);

// Skips adverbs and time phrases backwards from `end` (exclusive); returns the new end.
std::uint32_t skip_adjuncts_before(const std::vector<Token>& tokens, std::uint32_t floor, std::uint32_t end);

// Skips time phrases ("on Tuesday", "last week") forwards from `begin`.
std::uint32_t skip_time_after(const std::vector<Token>& tokens, std::uint32_t begin, std::uint32_t ceiling);

std::string_view lower(const Token& token, char (&buffer)[64]);

// he, she, they, it, we, I: a clause's subject; sets gender to 'm', 'f', 'p', 'i' or 0.
bool is_subject_pronoun(std::string_view lower_word, char& gender);

}  // namespace qe::extract
