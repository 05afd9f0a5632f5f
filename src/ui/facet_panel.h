// facet_panel.h: search box, result count, "clear filters", and the speaker, country and
// kind checkboxes with their counts, most quoted first (ties by name, zero counts greyed at
// the end). Lists longer than 20 get their own search box and show the top 20 until
// "Show all" is clicked.
#pragma once

#include "ui/view_state.h"

namespace qe::ui {

void DrawFacetPanel(const Explorer& explorer, ViewState& view, Actions& actions);

// Builds the facet lists' per-corpus part (values, name order, search labels) once per corpus.
void PrepareFacets(const Explorer& explorer, ViewState& view);

// "10 quotes", "1 quote", or with a filter "67,132 of 1,000,000 quotes"
std::string ResultLine(const Explorer& explorer);

// The button under a long list: "Show all 2,000 speakers", "Show all 35 matches" (while
// its search box has text) or "Show the top 20".
std::string ShowAllLabel(const FacetList& list, std::string_view singular, std::string_view plural);

// Copies as much of `text` as fits into a text field's buffer, never cutting a UTF-8 sequence.
void CopyTruncated(std::string_view text, char* buffer, std::size_t size);

// Whether a facet's filter values hold `value` (a ticked checkbox or bar).
bool Contains(const std::vector<std::string>& values, std::string_view value);

// The filter with `value` added to or removed from one facet's values: what ticking a
// checkbox or clicking a chart's bar does.
using FacetValues = std::vector<std::string> Filter::*;
Filter Toggled(const Filter& filter, FacetValues facet, const std::string& value);

// A country slot's filter value: its ISO code, or "none" for quotes without a country.
std::string CountryValue(std::size_t slot);

// Records the last item's rectangle under `name` (see ItemRect).
void RecordItem(ViewState& view, std::string name);

}  // namespace qe::ui
