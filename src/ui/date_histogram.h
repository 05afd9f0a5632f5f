// date_histogram.h: quotes over time, a histogram of the published-date facet that filters
// by brushing (drag across bars) or clicking a bar, as in crossfilter or dc.js.
#pragma once

#include "core/explorer.h"
#include "ui/view_state.h"

namespace qe::ui {

// Draws nothing when no article of the corpus is dated.
void DrawPublishedHistogram(const Explorer& explorer, ViewState& view, Actions& actions);

// "Mar 2025" for a month bin, "15 Mar 2025" for a day bin.
std::string BinLabel(const DateBins& bins, std::uint32_t bin);

}  // namespace qe::ui
