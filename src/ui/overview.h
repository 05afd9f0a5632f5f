// overview.h: the corpus at a glance, in the reader's column until a quote is picked:
// quotes per country and the most quoted speakers as bars. A bar counts the quotes the
// other facets keep (the facet's own choice does not shrink it, so every value stays
// comparable) and clicking it ticks or unticks the value, as a row chart in crossfilter or
// dc.js does; ticked bars are drawn in the accent colour, the others muted.
#pragma once

#include "ui/view_state.h"

namespace qe::ui {

void DrawOverview(const Explorer& explorer, ViewState& view, Actions& actions);

// The values a bar chart shows, in order: ticked values and the `limit` largest non-zero
// counts, by count, ties by `name_rank` (a value's place in name order).
std::vector<std::size_t> TopValues(const std::vector<std::uint32_t>& counts, const std::vector<bool>& ticked,
                                   const std::vector<std::uint32_t>& name_rank, std::size_t limit);

}  // namespace qe::ui
