// text_input.h: plain article text into paragraphs. Paragraphs are separated by blank
// lines; text without blank lines has one paragraph per line. The first paragraph is the
// title when it looks like one: short, and without a final period.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace qe::extract {

// Lines trimmed; blank lines end paragraphs (else every line is one); lines of a paragraph
// joined by one space.
std::vector<std::string> split_paragraphs(std::string_view text);

// `text` must be valid UTF-8 without NUL bytes (the caller checks).
DocumentResult read_text_article(std::string_view text, std::string_view file_name, bool take_title);

}  // namespace qe::extract

namespace qe::extract {

// "MOSCOW (Reuters) – …" or "Kyiv — …" opening the first paragraph: sets dateline (and
// source, from the parentheses, when none is set). The paragraph stays verbatim.
void read_dateline(Document& document);

}  // namespace qe::extract
