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
// "clear", "quote:3") to find widgets without knowing the layout.
struct ItemRect {
  float x = 0, y = 0, width = 0, height = 0;
};

struct ViewState {
  Fonts fonts;
  float scale = 1.0f;                       // framebuffer pixels per CSS pixel

  char search[1024] = "";                   // the search box's text
  std::string search_synced;                // the filter text the box last showed
  bool search_active = false;               // being edited: outside changes wait
  bool focus_search = false;                // Ctrl+F was pressed
  bool scroll_list_to_selection = false;    // the selection moved: bring it into view
  bool scroll_reader_to_selection = false;

  // Facet rows in display order, rebuilt when the corpus changes.
  const Corpus* ordered_for = nullptr;
  std::vector<SpeakerId> speaker_order;
  std::vector<std::size_t> country_order;   // country slots with at least one quote

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
