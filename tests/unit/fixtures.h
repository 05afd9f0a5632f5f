// fixtures.h: inputs shared by the unit tests.
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "core/filter.h"
#include "core/loader.h"

namespace qe::test {

inline std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

inline std::string SeedArticleText() {
  return ReadFile(std::string(QE_SOURCE_DIR) + "/assets/articles/lavrov-european-troops.json");
}

// A small valid article that the bad-input tests break one field at a time.
inline nlohmann::json SmallArticle() {
  return nlohmann::json::parse(R"({
    "format": "quote-explorer/article@1",
    "id": "small",
    "title": "A small article",
    "source": {"name": "Test Wire", "url": null},
    "dateline": "Kyiv", "published": "2025-08-21", "language": "en",
    "paragraphs": ["“We will not give up,” the minister said.", "Kyiv said talks continue."],
    "speakers": [
      {"id": "minister", "name": "Olena Minister", "aliases": ["Minister"], "role": "Minister",
       "kind": "person", "country": "UA"},
      {"id": "kyiv", "name": "Ukrainian government", "kind": "organization", "country": "UA"}
    ],
    "quotes": [
      {"id": "q1", "speaker": "minister", "kind": "direct", "text": "We will not give up,",
       "paragraph": 0, "start": 1, "end": 21, "cue": "said"},
      {"id": "q2", "speaker": "kyiv", "kind": "indirect", "text": "talks continue",
       "paragraph": 1, "start": 10, "end": 24, "cue": "said"}
    ]
  })");
}

inline LoadResult Load(const nlohmann::json& document, const std::string& file = "test.json") {
  return load_corpus(document.dump(), file);
}

// The same visible quotes and the same counts for every facet.
inline void CheckSameResult(const FilterResult& result, const FilterResult& expected) {
  CHECK(result.visible == expected.visible);
  CHECK(result.speaker_counts == expected.speaker_counts);
  CHECK(result.country_counts == expected.country_counts);
  CHECK(result.kind_counts == expected.kind_counts);
  CHECK(result.source_counts == expected.source_counts);
  CHECK(result.published_counts == expected.published_counts);
  CHECK(result.article_counts == expected.article_counts);
}

}  // namespace qe::test
