#include "extract/lexicons.h"

#include "extract/lexicon.h"

namespace qe::extract {
namespace {

std::vector<std::string_view> split_bars(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const std::size_t bar = text.find('|');
    parts.push_back(text.substr(0, bar));
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  return parts;
}

int word_class_of(std::string_view name) {
  static const std::string_view kNames[kWordClassCount] = {
      "pronoun-m", "pronoun-f", "pronoun-plural", "pronoun-it", "adverb", "time",
      "clause-end", "term-marker", "institution-generic", "group", "np", "not-speaker-label", "title-small-word",
      "setting", "reporter-opening", "irregular-past", "passive-not-speech"};
  for (int i = 0; i < kWordClassCount; ++i)
    if (kNames[i] == name) return i;
  return -1;
}

}  // namespace

const Lexicons& Lexicons::get() {
  static const Lexicons lexicons;
  return lexicons;
}

Lexicons::Lexicons() {
  for (const auto& row : lexicon_rows("cues.tsv")) {
    if (row.size() < 3) continue;
    const std::size_t space = row[0].find(' ');
    const std::uint32_t words = space == std::string_view::npos ? 1 : 2;
    cues_[row[0]] = Cue{row[1] == "according", row[2] == "yes", row.size() >= 4 && row[3] == "yes",
                        row.size() >= 5 && row[4] == "yes", row[1] == "object", row[1] == "naming", words};
  }
  for (const auto& [form, cue] : cues_) {
    const std::size_t space = form.find(' ');
    if (space == std::string_view::npos) cue_starts_[form].single = &cue;
    else cue_starts_[form.substr(0, space)].opens_phrase = true;
  }
  for (const auto& row : lexicon_rows("titles.tsv"))
    if (row.size() >= 3) titles_.emplace(row[0], Title{row[1] == "-" ? '\0' : row[1][0], row[2] == "yes"});
  for (const auto& row : lexicon_rows("function_words.tsv"))
    if (row.size() >= 2)
      if (const int word_class = word_class_of(row[0]); word_class >= 0) words_[word_class].insert(row[1]);
  for (const auto& row : lexicon_rows("descriptions.tsv"))
    if (row.size() >= 2) descriptions_[row[0]] = split_bars(row[1]);
  for (const auto& row : lexicon_rows("media.tsv"))
    if (row.size() >= 2) (row[0] == "name" ? media_names_ : media_endings_).insert(row[1]);
}

const Cue* Lexicons::cue(std::string_view word) const {
  const auto it = cues_.find(word);
  return it == cues_.end() ? nullptr : &it->second;
}

Lexicons::CueStart Lexicons::cue_start(std::string_view word) const {
  const auto it = cue_starts_.find(word);
  return it == cue_starts_.end() ? CueStart{} : it->second;
}

const Title* Lexicons::title(std::string_view word) const {
  const auto it = titles_.find(word);
  return it == titles_.end() ? nullptr : &it->second;
}

bool Lexicons::is(WordClass word_class, std::string_view word) const {
  return words_[static_cast<int>(word_class)].count(word) != 0;
}

const std::vector<std::string_view>* Lexicons::description_roles(std::string_view phrase) const {
  const auto it = descriptions_.find(phrase);
  return it == descriptions_.end() ? nullptr : &it->second;
}

bool Lexicons::is_media(std::string_view name) const {
  if (name.substr(0, 4) == "the " || name.substr(0, 4) == "The ") name.remove_prefix(4);
  if (media_names_.count(name)) return true;
  const std::size_t space = name.rfind(' ');
  return space != std::string_view::npos && media_endings_.count(name.substr(space + 1));
}

}  // namespace qe::extract
