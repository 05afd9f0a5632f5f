// document.h: an article's text before extraction, as the text and HTML readers give it,
// and the error they give instead when the input is unusable.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace qe::extract {

struct ExtractError {
  std::string file;
  std::size_t line = 0, column = 0;  // 1-based; 0 when the error is about the whole input
  std::string message;               // what was found; what was expected

  std::string to_string() const;     // "story.txt:3:14: message", or "story.txt: message"
};

struct Document {
  std::string title, source, url, published, dateline;  // any may be empty
  std::vector<std::string> paragraphs;                   // valid UTF-8, trimmed, non-empty
};

struct DocumentResult {
  std::optional<Document> document;
  std::optional<ExtractError> error;
};

}  // namespace qe::extract
