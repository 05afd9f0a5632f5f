// extraction.h: what the extractor finds in a Document, before it becomes article JSON.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/extract.h"

namespace qe::extract {

struct SpeakerRecord {
  std::string id, name, role, kind = "person", country;  // country: ISO code or ""
  std::vector<std::string> aliases;
};

struct QuoteRecord {
  std::size_t paragraph = 0, start = 0, end = 0;  // code points in the paragraph, end exclusive
  std::string kind;                               // "direct", "indirect" or "mixed"
  std::string cue;
  std::size_t speaker = 0;                        // index into Extraction::speakers
  double confidence = 1.0;
};

struct Extraction {
  std::vector<SpeakerRecord> speakers;
  std::vector<QuoteRecord> quotes;  // in reading order
};

// An id from a name or title: lower-case ASCII letters and digits joined by '-', accents and
// other scripts dropped, at most `max_length` characters; "" when nothing is left.
std::string slug(std::string_view text, std::size_t max_length = std::string::npos);

// The quotes of a document and their speakers (attribution.cpp).
Extraction find_quotes(const Document& document, const std::vector<KnownSpeaker>& known_speakers);

}  // namespace qe::extract
