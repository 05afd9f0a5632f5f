// quote_marks.h: the quotations of a document, from its quotation marks alone.
//
// Pairs opening and closing marks in every common style (“…”, "…", ‘…’, «…», „…“, ‹…›,
// »…«, and mixed pairs such as «…”), keeps nested quotations inside their outer one,
// tells apostrophes (it’s, the ’90s, Jones’) from closing marks, and follows a quotation
// over several paragraphs when each paragraph reopens it (only the last one closes).
// Deciding whether a quotation is speech (and whose) is attribution's job.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/tokens.h"

namespace qe::extract {

struct QuotedSpan {
  std::uint32_t paragraph = 0;
  std::uint32_t open_token = 0, close_token = 0;  // token indexes of the marks; close_token == tokens.size() when unclosed
  std::uint32_t text_begin = 0, text_end = 0;      // bytes of the quoted words, marks excluded
  bool closed = false;      // a closing mark ends it in this paragraph
  bool continues = false;   // reopened in the next paragraph (multi-paragraph quotation)
  bool continued = false;   // this paragraph reopens a quotation from the previous one
  std::uint32_t words = 0;  // word tokens inside
};

// Outermost quotations, in reading order. `tokens[i]` are the tokens of `paragraphs[i]`.
std::vector<QuotedSpan> find_quoted_spans(const std::vector<std::string>& paragraphs,
                                          const std::vector<std::vector<Token>>& tokens);

}  // namespace qe::extract
