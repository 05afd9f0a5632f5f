// reader.h: the selected quote in its article: title, source, who said it, and every
// paragraph with the quote highlighted in place (the article's other quotes softly, and
// clickable).
#pragma once

#include "ui/view_state.h"

namespace qe::ui {

void DrawReader(const Explorer& explorer, ViewState& view, Actions& actions);

}  // namespace qe::ui
