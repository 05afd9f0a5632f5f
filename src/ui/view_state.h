// view_state.h: what the views remember between frames, and what they ask to change.
//
// Views read core state (qe::Explorer) and never change it: they fill an Actions value,
// which the platform applies with ApplyActions() and reports (JS events, URL hash).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/explorer.h"

struct ImFont;

namespace qe::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* heading = nullptr;
};

// Screen rectangle of a named widget, in framebuffer pixels. Tests and the accessibility
// layer use these names ("speaker:sergei-lavrov", "country:RU", "kind:direct", "search",
// "clear", "quote:3", "speaker-search", "speakers-show-all", "country-search",
// "countries-show-all") to find widgets without knowing the layout.
struct ItemRect {
  float x = 0, y = 0, width = 0, height = 0;
};

// One facet's list of values. Long lists (more than kTopFacetValues) get a search box and
// show their top values by count until "Show all" is clicked.
struct FacetList {
  // Per corpus: the values listed, each value's place in name order (it breaks ties between
  // equal counts) and its searchable labels (name, aliases, role or code), folded.
  std::vector<std::size_t> values;
  std::vector<std::uint32_t> name_rank;     // by value
  std::vector<std::string> search_labels;   // by value

  char search[128] = "";                    // the facet's own search box
  bool show_all = false;                    // "Show all N speakers" was clicked

  // What the list shows, in order, and how many values match the search. Rebuilt when the
  // counts, the filter, the search or show_all change (see shown_for_*).
  std::vector<std::size_t> shown;
  std::size_t matches = 0;
  std::uint64_t shown_for_revision = ~std::uint64_t{0};
  std::string shown_for_search;
  bool shown_for_show_all = false;
};

inline constexpr std::size_t kTopFacetValues = 20;

struct ViewState {
  Fonts fonts;
  float scale = 1.0f;                       // framebuffer pixels per CSS pixel

  char search[1024] = "";                   // the search box's text
  std::string search_synced;                // the filter text the box last showed
  bool search_active = false;               // being edited: outside changes wait
  bool focus_search = false;                // Ctrl+F was pressed
  bool scroll_list_to_selection = false;    // the selection moved: bring it into view
  bool scroll_reader_to_selection = false;

  // The speaker and country lists (kinds are always three rows), rebuilt for each corpus
  // (told apart by its address and its speaker table's, as a new corpus may reuse either).
  const Corpus* facets_for = nullptr;
  const Speaker* facets_for_speakers = nullptr;
  FacetList speakers;                       // values are SpeakerIds
  FacetList countries;                      // values are country slots with a quote

  bool can_open_files = false;              // the platform handles Actions::open_file
  std::string status;                       // "Loading…" before the first article
  std::string error;                        // the last load error, shown until dismissed

  std::unordered_map<std::string, ItemRect> item_rects;  // rebuilt every frame
};

struct Actions {
  std::optional<Filter> filter;             // a new filter to apply
  std::optional<QuoteIndex> select;         // a quote to select
  int move_selection = 0;                   // rows up (negative) or down
  bool open_file = false;                   // "Open file…": the platform asks for a file
};

// Applies what the views asked for; returns true when anything changed.
bool ApplyActions(const Actions& actions, Explorer& explorer);

}  // namespace qe::ui
