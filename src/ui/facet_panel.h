// facet_panel.h: search box, result count, "clear filters", and the speaker, country and
// kind checkboxes with their counts.
#pragma once

#include "ui/view_state.h"

namespace qe::ui {

void DrawFacetPanel(const Explorer& explorer, ViewState& view, Actions& actions);

// "3 of 10 quotes"
std::string ResultLine(const Explorer& explorer);

// Records the last item's rectangle under `name` (see ItemRect).
void RecordItem(ViewState& view, std::string name);

}  // namespace qe::ui
