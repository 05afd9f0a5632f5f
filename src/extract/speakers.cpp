#include "extract/speakers.h"

#include <algorithm>
#include <cctype>

#include "extract/country_lexicon.h"
#include "extract/lexicons.h"

namespace qe::extract {
namespace {

// Pronouns and descriptions look back this many mentions at most: a few pages of text.
constexpr std::size_t kMaxAntecedentMentions = 200;

std::string last_word(const std::string& name) {
  const std::size_t space = name.rfind(' ');
  return space == std::string::npos ? name : name.substr(space + 1);
}

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Collapses doubled letters and a final "iy"/"ij" to "y", so transliterations compare equal.
std::string surname_key(const std::string& name) {
  std::string key;
  for (unsigned char c : lower_ascii(last_word(name)))
    if (key.empty() || key.back() != static_cast<char>(c)) key += static_cast<char>(c);
  for (const char* ending : {"iy", "ij", "yi"})
    if (key.size() > 3 && key.compare(key.size() - 2, 2, ending) == 0) key.replace(key.size() - 2, 2, "y");
  return key;
}

void add_alias(Entity& entity, const std::string& alias) {
  if (alias.empty() || alias == entity.name) return;
  if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) == entity.aliases.end()) entity.aliases.push_back(alias);
}


bool compatible_person(const Entity& entity, const Mention& mention) {
  if (entity.kind != "person") return false;
  return mention.gender == 0 || entity.gender == 0 || entity.gender == mention.gender;
}

bool organisation_for(const Entity& entity, const Mention&) { return entity.kind != "person"; }

bool has_role(const Entity& entity, const Mention& mention) {
  if (entity.kind != "person" || entity.role.empty()) return false;
  if (!mention.country.empty() && !entity.country.empty() && mention.country != entity.country) return false;
  // "top diplomat", else its last word that names a role: "minister for energy" -> "minister"
  const auto* roles = Lexicons::get().description_roles(mention.description);
  for (std::string_view rest = mention.description; !roles && !rest.empty();) {
    const std::size_t space = rest.rfind(' ');
    if (space == std::string_view::npos) break;
    roles = Lexicons::get().description_roles(rest.substr(space + 1));
    rest = rest.substr(0, space);
  }
  if (!roles) return false;
  const std::string role = lower_ascii(entity.role);
  for (std::string_view word : *roles)
    if (role.find(word) != std::string::npos) return true;
  return false;
}

bool names_noun(const Entity& entity, const Mention& mention) {
  if (entity.kind == "person") return false;
  const std::string noun = last_word(mention.description);
  return !noun.empty() && lower_ascii(entity.name).find(noun) != std::string::npos;
}

std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace

bool same_surname(const std::string& a, const std::string& b) { return surname_key(a) == surname_key(b); }

int SpeakerRegistry::add(Entity entity) {
  const int e = static_cast<int>(entities_.size());
  if (entity.kind == "person") people_by_surname_[surname_key(entity.name)].push_back(e);
  else organisations_by_name_.emplace(entity.name, e);
  entities_.push_back(std::move(entity));
  return e;
}

int SpeakerRegistry::find_person(const std::string& name) const {
  const bool single = name.find(' ') == std::string::npos;
  const auto candidates = people_by_surname_.find(surname_key(name));
  if (candidates == people_by_surname_.end()) return -1;
  for (auto it = candidates->second.rbegin(); it != candidates->second.rend(); ++it) {
    const int e = *it;
    const Entity& entity = entities_[static_cast<std::size_t>(e)];
    if (entity.kind != "person") continue;
    if (entity.name == name) return e;
    if (!same_surname(entity.name, name)) continue;
    const bool entity_single = entity.name.find(' ') == std::string::npos;
    // "Lavrov" is "Sergei Lavrov"; "Sergei Lavrov" and "Anna Lavrova" stay apart.
    if (single || entity_single) return e;
    if (lower_ascii(entity.name.substr(0, entity.name.find(' '))) == lower_ascii(name.substr(0, name.find(' ')))) return e;
  }
  return -1;
}

void SpeakerRegistry::absorb(Entity& entity, const Mention& mention) {
  if (mention.name.size() > entity.name.size() && mention.name.find(' ') != std::string::npos) {
    add_alias(entity, entity.name);
    entity.name = mention.name;
  } else {
    add_alias(entity, mention.name);
  }
  if (entity.role.empty()) entity.role = mention.role;
  if (entity.role_owner.empty()) entity.role_owner = mention.role_owner;
  if (!entity.gender) entity.gender = mention.gender;
  if (!mention.country.empty() && entity.country_evidence < 2) {
    entity.country = mention.country;
    entity.country_evidence = 2;
  }
}

int SpeakerRegistry::person(const Mention& mention) {
  if (mention.name.empty()) return -1;
  int e = find_person(mention.name);
  if (e < 0) {
    Entity entity;
    entity.name = mention.name;
    e = add(std::move(entity));
  }
  absorb(at(e), mention);
  return e;
}

int SpeakerRegistry::organisation(const std::string& name, const std::string& kind, const std::string& country,
                                  const std::string& alias) {
  if (name.empty()) return -1;
  for (const std::string* key : {&name, &alias}) {
    const auto it = organisations_by_name_.find(*key);
    if (key->empty() || it == organisations_by_name_.end()) continue;
    add_alias(at(it->second), alias);
    return it->second;
  }
  Entity entity;
  entity.name = name;
  entity.kind = kind;
  entity.country = country;
  entity.country_evidence = country.empty() ? 0 : 2;
  add_alias(entity, alias);
  return add(std::move(entity));
}

// The entity of the nearest mention before `where` that `accept` allows.
int SpeakerRegistry::antecedent(TextPosition where, bool (*accept)(const Entity&, const Mention&),
                                const Mention& mention) const {
  auto it = mentions_.lower_bound(where);
  for (std::size_t looked = 0; it != mentions_.begin() && looked < kMaxAntecedentMentions; ++looked) {
    --it;
    if (accept(entities_[static_cast<std::size_t>(it->second)], mention)) return it->second;
  }
  return -1;
}

void SpeakerRegistry::remember(TextPosition where, int entity) { mentions_.emplace(where, entity); }

void SpeakerRegistry::note_mention(const Mention& mention, TextPosition where) {
  if (mention.media) return;
  int e = -1;
  if ((mention.type == MentionType::Organisation && !mention.country.empty()) || mention.type == MentionType::Institution) {
    double confidence = 0;
    return (void)resolve(mention, where, confidence);
  } else if (mention.type == MentionType::Description) {
    e = antecedent(where, has_role, mention);  // "Finland’s top diplomat" is Leena Saarinen
  } else if (mention.type == MentionType::Name && !mention.organisation_name) {
    const bool full = mention.name.find(' ') != std::string::npos || !mention.role.empty();
    e = full ? person(mention) : find_person(mention.name);  // "Jones’ objection" refers to Dan Jones
  }
  if (e >= 0) remember(where, e);
}

int SpeakerRegistry::resolve(const Mention& mention, TextPosition where, double& confidence) {
  const int e = resolve_entity(mention, where, confidence);
  if (e >= 0) {
    remember(where, e);
    Entity& entity = at(e);
    if (mention.type == MentionType::Pronoun && !entity.gender && (mention.gender == 'm' || mention.gender == 'f'))
      entity.gender = mention.gender;
  }
  return e;
}

int SpeakerRegistry::resolve_entity(const Mention& mention, TextPosition where, double& confidence) {
  confidence = 0.9;
  int e = -1;
  switch (mention.type) {
    case MentionType::None: return -1;
    case MentionType::Name:
      if (mention.media) return -1;
      confidence = 1.0;
      if (mention.organisation_name) return organisation(mention.name, "organization", mention.country, "");
      e = person(mention);
      break;
    case MentionType::Pronoun:
      confidence = 0.8;
      if (mention.gender == 'p' || mention.gender == 'i') {
        e = antecedent(where, organisation_for, mention);
        if (e < 0 && mention.gender == 'p') e = antecedent(where, compatible_person, Mention{});
        return e;
      }
      e = antecedent(where, compatible_person, mention);
      break;
    case MentionType::Description:
      confidence = 0.8;
      e = antecedent(where, has_role, mention);
      if (e < 0) {
        confidence = 0.6;  // "a Kremlin spokesman": someone the article does not name
        Entity entity;
        entity.name = capitalised(mention.role.empty() ? mention.description : mention.role);
        if (entity.name.empty()) return -1;
        entity.role = mention.role;
        entity.country = mention.country;
        entity.country_evidence = mention.country.empty() ? 0 : 2;
        e = add(std::move(entity));
      }
      break;
    case MentionType::Institution:
      return organisation(mention.name, "organization", mention.country, "");
    case MentionType::Government: {
      const CountryInfo* info = country_info(mention.country);
      const std::string name = info ? std::string(info->adjective) + " government" : mention.name;
      return organisation(name, "organization", mention.country, mention.name);
    }
    case MentionType::Organisation: {
      // "the ministry" refers back to the last organisation named with that noun.
      const bool generic = mention.country.empty() && mention.description.find(' ') == std::string::npos;
      if (generic && (e = antecedent(where, names_noun, mention)) >= 0) return e;
      std::string name = mention.name;
      if (name.rfind("the ", 0) == 0) name.erase(0, 4);
      confidence = generic ? 0.6 : 0.9;
      return organisation(capitalised(name), "organization", mention.country, "");
    }
    case MentionType::Group: {
      std::string name = mention.name;
      if (name.rfind("the ", 0) == 0) name.erase(0, 4);
      return organisation(capitalised(name), "group", mention.country, "");
    }
  }
  return e;
}

void SpeakerRegistry::note_gender(TextPosition where, char gender) {
  const auto it = mentions_.lower_bound(where);
  if (it == mentions_.begin()) return;
  Entity& entity = at(std::prev(it)->second);
  if (entity.kind == "person" && !entity.gender) entity.gender = gender;
}

void SpeakerRegistry::suggest_country(int entity, const std::string& code) {
  Entity& e = at(entity);
  if (e.country_evidence > 0 || e.kind != "person" || e.role.empty()) return;
  e.country = code;
  e.country_evidence = 1;
}

// "Zelenskyy’s chief of staff" speaks for Zelenskyy's country.
void SpeakerRegistry::inherit_countries() {
  for (Entity& entity : entities_) {
    if (entity.country_evidence > 0 || entity.role_owner.empty()) continue;
    const int owner = find_person(entity.role_owner);
    if (owner >= 0 && !at(owner).country.empty() && &at(owner) != &entity) {
      entity.country = at(owner).country;
      entity.country_evidence = 1;
    }
  }
}

void SpeakerRegistry::link_known(Entity& entity, std::string& id) const {
  const KnownSpeaker* match = nullptr;
  auto names_of = [](const KnownSpeaker& known) {
    std::vector<std::string> names{known.name};
    names.insert(names.end(), known.aliases.begin(), known.aliases.end());
    return names;
  };
  for (const KnownSpeaker& known : known_) {
    for (const std::string& name : names_of(known)) {
      const bool exact = lower_ascii(name) == lower_ascii(entity.name);
      const bool surname = entity.kind == "person" && known.kind != "organization" && same_surname(name, entity.name) &&
                           (name.find(' ') == std::string::npos || entity.name.find(' ') == std::string::npos);
      if (exact || (!match && surname)) match = &known;
      if (exact) break;
    }
  }
  if (!match) return;
  id = match->id;
  add_alias(entity, entity.name);
  entity.name = match->name;
  for (const std::string& alias : match->aliases) add_alias(entity, alias);
  entity.aliases.erase(std::remove(entity.aliases.begin(), entity.aliases.end(), entity.name), entity.aliases.end());
  if (entity.role.empty()) entity.role = match->role;
  if (entity.country.empty() && !match->country.empty()) entity.country = match->country;
  if (!match->kind.empty()) entity.kind = match->kind;
}

std::vector<SpeakerRecord> SpeakerRegistry::records(std::vector<int>& record_of) {
  inherit_countries();
  std::vector<SpeakerRecord> out;
  record_of.assign(entities_.size(), -1);
  std::vector<std::string> used_ids;
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    Entity& entity = entities_[e];
    if (!entity.quoted) continue;
    std::string id = slug(entity.name);
    if (id.empty()) id = "speaker";
    link_known(entity, id);
    std::string unique = id;
    for (int n = 2; std::find(used_ids.begin(), used_ids.end(), unique) != used_ids.end(); ++n) unique = id + "-" + std::to_string(n);
    used_ids.push_back(unique);
    record_of[e] = static_cast<int>(out.size());
    out.push_back(SpeakerRecord{unique, entity.name, entity.role, entity.kind, entity.country, entity.aliases});
  }
  return out;
}

}  // namespace qe::extract
