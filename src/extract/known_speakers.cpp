#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "extract/extract.h"

namespace qe::extract {
namespace {

using json = nlohmann::json;

std::string string_field(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

void add_speakers(const json& list, std::vector<KnownSpeaker>& out) {
  if (!list.is_array()) return;
  for (const json& record : list) {
    if (!record.is_object()) continue;
    KnownSpeaker speaker{string_field(record, "id"), string_field(record, "name"), string_field(record, "role"),
                         string_field(record, "kind"), string_field(record, "country"), {}};
    if (speaker.id.empty() || speaker.name.empty()) continue;
    if (const auto aliases = record.find("aliases"); aliases != record.end() && aliases->is_array())
      for (const json& alias : *aliases)
        if (alias.is_string()) speaker.aliases.push_back(alias.get<std::string>());
    out.push_back(std::move(speaker));
  }
}

void add_article(const json& article, std::vector<KnownSpeaker>& out) {
  if (article.is_object()) add_speakers(article.value("speakers", json::array()), out);
}

}  // namespace

KnownSpeakersResult read_known_speakers(std::string_view text, std::string_view file_name) {
  KnownSpeakersResult result;
  LoadLimits limits;
  limits.max_input_bytes = std::size_t{256} << 20;
  auto fail = [&](std::size_t offset, std::string message) {
    const auto position = json_text::position_of(text, offset);
    result.error = ExtractError{std::string(file_name), position.line, position.column, std::move(message)};
    return result;
  };
  if (auto problem = json_text::check_raw_text(text, limits)) return fail(problem->offset, problem->message);
  json_text::Parsed parsed = json_text::parse(text, limits);
  if (!parsed.value) {
    // Not one JSON document: JSON Lines, one article per line.
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(start, end - start);
      if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
        json article = json::parse(line, nullptr, false);
        if (article.is_discarded()) return fail(parsed.problem->offset, parsed.problem->message);
        add_article(article, result.speakers);
      }
      start = end + 1;
    }
  } else if (parsed.value->is_array()) {
    add_speakers(*parsed.value, result.speakers);
  } else if (parsed.value->is_object() && parsed.value->contains("articles")) {
    for (const json& article : parsed.value->at("articles")) add_article(article, result.speakers);
  } else {
    add_article(*parsed.value, result.speakers);
  }
  if (result.speakers.empty() && !result.error)
    result.error = ExtractError{std::string(file_name), 0, 0,
                                "no speakers found; expected an article, a corpus or an array of speaker records with id and name"};
  return result;
}

}  // namespace qe::extract
