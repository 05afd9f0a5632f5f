// corpus_generator.h: synthetic corpora of any size, generated at run time (never committed).
// Speakers follow a Zipf-like popularity (a few are quoted a lot, most rarely), each speaks
// for one of 40 countries, and quote texts mix a fixed vocabulary so text searches hit a
// predictable share of quotes. Articles carry a publication date and a source, mostly.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "core/dates.h"

namespace qe::bench {

// Article a's "published" (spread over 800 days from 2024-01-01; every 17th undated) and
// "source" (one of 12 outlets; every 13th none), from the index alone, so the quotes stay
// those of earlier versions of the generator.
inline std::string ArticleMetadata(std::size_t a) {
  static const char* kSources[] = {"Harbour Gazette", "Valley Post", "Morning Ledger", "The Northern Courier",
                                   "Riverside Times", "Capital Wire", "Le Quotidien", "Der Abendbote",
                                   "El Mirador", "Baltic Daily", "Pacific Herald", "Sahel Review"};
  std::string out;
  if (a % 17 != 16) out += ",\"published\":\"" + format_day(day_from_civil(2024, 1, 1) + static_cast<Day>((a * 7919) % 800)) + "\"";
  if (a % 13 != 12) out += std::string(",\"source\":{\"name\":\"") + kSources[(a * 31) % 12] + "\"}";
  return out;
}

inline std::string GenerateCorpusJsonLines(std::size_t articles, std::size_t quotes_per_article, std::uint32_t seed = 7) {
  static const char* kCountries[] = {"RU", "UA", "US", "GB", "FR", "DE", "PL", "CN", "IN", "BR", "TR", "IL", "PS", "IR",
                                     "SA", "JP", "KR", "IT", "ES", "NL", "BE", "SE", "FI", "NO", "DK", "CZ", "HU", "RO",
                                     "BG", "GR", "EG", "ZA", "NG", "KE", "MX", "CA", "AU", "AR", "CL", "VN"};
  static const char* kWords[] = {"security", "guarantees", "troops", "ceasefire", "talks", "sanctions", "energy",
                                 "border", "peace", "aid", "elections", "economy", "threat", "alliance", "Kyiv",
                                 "Moscow", "Brussels", "unacceptable", "support", "negotiations"};
  constexpr std::size_t kSpeakers = 5000;
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  auto zipf_speaker = [&] { return static_cast<std::size_t>(std::pow(uniform(random), 3.0) * kSpeakers); };
  std::string out;
  out.reserve(articles * quotes_per_article * 160);
  for (std::size_t a = 0; a < articles; ++a) {
    std::string paragraph, speakers, quotes;
    std::size_t used[64];
    std::size_t used_count = 0;
    for (std::size_t q = 0; q < quotes_per_article; ++q) {
      const std::size_t speaker = zipf_speaker();
      std::string text;
      for (int w = 0; w < 8; ++w) text += std::string(w ? " " : "") + kWords[random() % 20];
      const std::size_t start = paragraph.size();  // ASCII only: bytes are code points
      paragraph += text + ". ";
      quotes += std::string(q ? "," : "") + "{\"id\":\"q" + std::to_string(q) + "\",\"speaker\":\"s" +
                std::to_string(speaker) + "\",\"kind\":\"" + (q % 3 == 0 ? "direct" : q % 3 == 1 ? "indirect" : "mixed") +
                "\",\"text\":\"" + text + "\",\"paragraph\":0,\"start\":" + std::to_string(start) +
                ",\"end\":" + std::to_string(start + text.size()) + "}";
      bool known = false;
      for (std::size_t i = 0; i < used_count; ++i) known |= used[i] == speaker;
      if (known || used_count == 64) continue;
      used[used_count++] = speaker;
      speakers += std::string(speakers.empty() ? "" : ",") + "{\"id\":\"s" + std::to_string(speaker) +
                  "\",\"name\":\"Speaker " + std::to_string(speaker) + "\",\"country\":\"" +
                  kCountries[speaker % 40] + "\"}";
    }
    out += "{\"format\":\"quote-explorer/article@1\",\"id\":\"a" + std::to_string(a) + "\",\"title\":\"Article " +
           std::to_string(a) + "\"" + ArticleMetadata(a) + ",\"paragraphs\":[\"" + paragraph + "\"],\"speakers\":[" +
           speakers + "],\"quotes\":[" + quotes + "]}\n";
  }
  return out;
}

}  // namespace qe::bench
