// quote_list.h: the visible quotes, one row each: speaker, country, kind and the text
// (clamped to two lines; the reader shows it whole). Virtualised, so a million rows cost
// what the screen shows.
#pragma once

#include "ui/view_state.h"

namespace qe::ui {

void DrawQuoteList(const Explorer& explorer, ViewState& view, Actions& actions);

// The quote as readers see it: direct quotes in curly quotation marks.
std::string DisplayText(const Corpus& corpus, QuoteIndex quote);

}  // namespace qe::ui
