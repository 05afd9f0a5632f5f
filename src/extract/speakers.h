// speakers.h: one record per person or organisation an article quotes. Mentions
// ("Sergei Lavrov", "Lavrov", "he", "the top diplomat", "the Kremlin", "Moscow") resolve to
// the entity they name: surnames and full names merge, pronouns go to the nearest
// compatible person before them, descriptions to the person the article gave that role,
// capitals and institutions to organisation speakers. Known speakers (--speakers) lend
// their ids, names and countries.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/extract.h"
#include "extract/extraction.h"
#include "extract/mentions.h"

namespace qe::extract {

// Where a mention stands: paragraph and token, comparable in reading order.
using TextPosition = std::uint64_t;
inline TextPosition position_of(std::uint32_t paragraph, std::uint32_t token) {
  return (static_cast<TextPosition>(paragraph) << 32) | token;
}

struct Entity {
  std::string name, role, kind = "person", country, role_owner;
  std::vector<std::string> aliases;
  int country_evidence = 0;  // 0 none, 1 inferred from context, 2 stated in a mention
  char gender = 0;           // 'm', 'f' or 0
  bool quoted = false;
};

class SpeakerRegistry {
 public:
  explicit SpeakerRegistry(const std::vector<KnownSpeaker>& known) : known_(known) {}

  // A person or organisation named anywhere in the text: a candidate for later pronouns,
  // descriptions and "the ministry".
  void note_mention(const Mention& mention, TextPosition where);

  // The entity a speaker mention at `where` names, or -1; `confidence` says how sure.
  int resolve(const Mention& mention, TextPosition where, double& confidence);

  // "his"/"her" right after a person's mention tells that person's gender.
  void note_gender(TextPosition where, char gender);

  // A country suggested by context (what the speaker's reported words are about), used
  // only for officials whose country the text did not state.
  void suggest_country(int entity, const std::string& code);

  Entity& at(int entity) { return entities_[static_cast<std::size_t>(entity)]; }

  // The quoted entities as speaker records with unique ids; `record_of[e]` gives entity
  // e's index in the result (or -1).
  std::vector<SpeakerRecord> records(std::vector<int>& record_of);

 private:
  int resolve_entity(const Mention& mention, TextPosition where, double& confidence);
  int find_person(const std::string& name) const;
  int add(Entity entity);
  int person(const Mention& mention);
  int organisation(const std::string& name, const std::string& kind, const std::string& country, const std::string& alias);
  int antecedent(TextPosition where, bool (*accept)(const Entity&, const Mention&), const Mention& mention) const;
  void absorb(Entity& entity, const Mention& mention);
  void inherit_countries();
  void link_known(Entity& entity, std::string& id) const;

  void remember(TextPosition where, int entity);

  const std::vector<KnownSpeaker>& known_;
  std::vector<Entity> entities_;
  std::multimap<TextPosition, int> mentions_;  // where each entity was mentioned
  std::unordered_map<std::string, std::vector<int>> people_by_surname_;  // by surname_key
  std::unordered_map<std::string, int> organisations_by_name_;
};

// Surnames compare with transliteration variants folded: "Zelenskyy" is "Zelensky".
bool same_surname(const std::string& a, const std::string& b);

}  // namespace qe::extract
