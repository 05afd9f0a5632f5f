// lexicons.h: the word lists of src/extract/lexicon/ as lookup tables, built once.
// Keys are views into the embedded files, so lookups never allocate.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace qe::extract {

struct Cue {
  bool according = false;   // "according to X"
  bool listener = false;    // "told reporters that …"
  bool infinitive = false;  // "promised to …", "called on X to …": "to" opens the reported words
  bool question = false;    // "asked whether …", "questioned why …": a question word opens them
  bool object = false;      // "attacked Machado (in tweets)": the words reported are the object
  bool naming = false;      // "called it a “soft” stance": after "what it calls", a name, not speech
  std::uint32_t words = 1;  // tokens the cue spans: "called for", "pointed out" are two
};

struct Title {
  char gender = 0;     // 'm', 'f' or 0
  bool head = false;   // names an office on its own ("President"), not a modifier ("Foreign")
};

enum class WordClass {
  PronounMale, PronounFemale, PronounPlural, PronounIt,  // he, she, they, it
  Adverb,           // "also", "has": between a speaker and the cue
  Time,             // "on", "last": opens a time phrase between a speaker and the cue
  ClauseEnd,        // after a comma, ends reported speech: ", as allies meet"
  TermMarker,       // before a quotation, marks a name or title: "the book “…”"
  InstitutionNoun,  // "ministry": "the ministry said" refers to an organisation
  Group,            // "officials": a group speaker
  PhraseWord,       // lower-case words that belong in a speaker phrase: "the top diplomat"
  NotSpeakerLabel,  // a capitalised label before a colon that names no speaker: "UPDATE:"
  TitleSmallWord,   // lower case inside a title: "Face the Nation"
  Setting,          // where or how words were said: "attacked Weber | in a tweet", "| at a rally"
  ReporterOpening,  // opens a sentence before a parenthetical attribution as the reporter's: "Still, she added, …"
  IrregularPast,    // a past tense without -ed: "and took the stage" is the subject's next verb
  PassiveNotSpeech, // a cue whose passive reports no words: "was confirmed 92 to 0", "are posted abroad"
};
inline constexpr int kWordClassCount = 17;

class Lexicons {
 public:
  static const Lexicons& get();

  const Cue* cue(std::string_view lower_word) const;                  // "said", "according to"
  // One lookup for a word in running text: its one-word cue, if any, and whether it opens a
  // two-word cue ("called" of "called for").
  struct CueStart {
    const Cue* single = nullptr;
    bool opens_phrase = false;
  };
  CueStart cue_start(std::string_view lower_word) const;
  const Title* title(std::string_view word) const;                    // "Minister" (case as written)
  bool is(WordClass word_class, std::string_view lower_word) const;
  const std::vector<std::string_view>* description_roles(std::string_view lower_phrase) const;  // "top diplomat"
  bool is_media(std::string_view name) const;                         // "Fox News", "The Daily Planet"

 private:
  Lexicons();
  std::unordered_map<std::string_view, Cue> cues_;
  std::unordered_map<std::string_view, CueStart> cue_starts_;
  std::unordered_map<std::string_view, Title> titles_;
  std::unordered_set<std::string_view> words_[kWordClassCount];
  std::unordered_map<std::string_view, std::vector<std::string_view>> descriptions_;
  std::unordered_set<std::string_view> media_names_, media_endings_;
};

}  // namespace qe::extract
