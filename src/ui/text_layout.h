// text_layout.h: wrapped text that ImGui's TextWrapped cannot draw: line-clamped quote
// previews, and article paragraphs with quote spans painted behind the glyphs.
#pragma once

#include <string_view>
#include <vector>

#include <imgui.h>

namespace qe::ui {

struct ByteRange {
  std::size_t begin = 0, end = 0;  // byte range in the text
};

// Draws `text` wrapped to `width` with the current font, at most `max_lines` lines; a cut
// last line ends in "…". `marks` (ascending byte ranges, e.g. search matches) are painted
// in `mark_color` behind the glyphs where they are shown. Returns the height used. Draws
// through the window's draw list.
float DrawClampedText(ImVec2 position, ImU32 color, std::string_view text, float width, int max_lines,
                      const std::vector<ByteRange>& marks = {}, ImU32 mark_color = 0);

// A small rounded badge ending at `top_right` (outlined when `fill` is 0); returns its
// left edge.
float DrawBadge(ImDrawList* draw, ImVec2 top_right, std::string_view label, ImU32 color, ImU32 fill = 0);

// The same badge as an item at the cursor (hover it for `tooltip`); returns true if hovered.
bool BadgeItem(const char* id, std::string_view label, ImU32 color, ImU32 fill, const char* tooltip);

struct TextSpan {
  std::size_t begin = 0, end = 0;  // byte range in the text
  ImU32 background = 0;
  int id = -1;                     // reported when the span is clicked
  bool focus = false;              // report where this span starts (to scroll to it)
};

struct SpanLayoutResult {
  int clicked = -1;                // id of the span clicked this frame, or -1
  int hovered = -1;
  float focus_y = -1;              // screen y of the focused span's first line, or -1
  // The byte offset between characters nearest the mouse (0 above the text, its size below),
  // and whether the mouse is over the text: for selecting text by dragging.
  std::size_t mouse_offset = 0;
  bool mouse_inside = false;
};

// Lays out a paragraph at the cursor, wrapped to the available width, with span
// backgrounds and an optional text selection painted behind the glyphs; advances the
// cursor past it like TextWrapped.
SpanLayoutResult TextWithSpans(std::string_view text, const std::vector<TextSpan>& spans,
                               const ByteRange* selection = nullptr);

}  // namespace qe::ui
