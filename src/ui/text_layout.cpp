#include "ui/text_layout.h"

#include <algorithm>
#include <cfloat>

namespace qe::ui {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The end of the line starting at `s` when wrapped at `width`; always past `s`, and never
// inside a UTF-8 sequence, even when one word is wider than the line.
const char* LineEnd(const char* s, const char* end, float width) {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  const char* eol = font->CalcWordWrapPositionA(scale, s, end, width);
  if (eol <= s) {
    eol = s + 1;
    while (eol < end && IsContinuationByte(*eol)) ++eol;
  }
  return eol;
}

const char* SkipBlanks(const char* s, const char* end) {
  while (s < end && (*s == ' ' || *s == '\n')) ++s;
  return s;
}

float TextWidth(const char* begin, const char* end) {
  return ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, begin, end).x;
}

// The offset in [s, eol) whose caret position is nearest to `x` (relative to the line's start).
const char* NearestOffset(const char* s, const char* eol, float x) {
  float left = 0;
  while (s < eol) {
    const char* next = s + 1;
    while (next < eol && IsContinuationByte(*next)) ++next;
    const float width = TextWidth(s, next);
    if (x < left + width * 0.5f) return s;
    left += width;
    s = next;
  }
  return eol;
}

void PaintRange(ImDrawList* draw, ImVec2 origin, float y, const char* line, const char* eol, const char* from,
                const char* to, ImU32 color) {
  from = std::max(line, from);
  to = std::min(eol, to);
  if (from >= to) return;
  draw->AddRectFilled(ImVec2(origin.x + TextWidth(line, from) - 1, y),
                      ImVec2(origin.x + TextWidth(line, to) + 1, y + ImGui::GetTextLineHeight()), color, 2.0f);
}

}  // namespace

float DrawBadge(ImDrawList* draw, ImVec2 top_right, std::string_view label, ImU32 color, ImU32 fill) {
  const ImVec2 size = ImGui::CalcTextSize(label.data(), label.data() + label.size());
  const float pad = ImGui::GetStyle().FramePadding.x * 0.6f;
  const ImVec2 min(top_right.x - size.x - pad * 2, top_right.y);
  const ImVec2 max(top_right.x, top_right.y + size.y);
  if (fill) draw->AddRectFilled(min, max, fill, size.y * 0.25f);
  draw->AddRect(min, max, color, size.y * 0.25f);
  draw->AddText(ImVec2(min.x + pad, min.y), color, label.data(), label.data() + label.size());
  return min.x;
}

bool BadgeItem(const char* id, std::string_view label, ImU32 color, ImU32 fill, const char* tooltip) {
  const ImVec2 text = ImGui::CalcTextSize(label.data(), label.data() + label.size());
  const float pad = ImGui::GetStyle().FramePadding.x * 0.6f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, ImVec2(text.x + pad * 2, text.y));
  DrawBadge(ImGui::GetWindowDrawList(), ImVec2(at.x + text.x + pad * 2, at.y), label, color, fill);
  const bool hovered = ImGui::IsItemHovered();
  if (hovered && tooltip && *tooltip) ImGui::SetTooltip("%s", tooltip);
  return hovered;
}

float DrawClampedText(ImVec2 position, ImU32 color, std::string_view text, float width, int max_lines,
                      const std::vector<ByteRange>& marks, ImU32 mark_color) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line_height = ImGui::GetTextLineHeight();
  const char* begin = text.data();
  const char* s = text.data();
  const char* end = text.data() + text.size();
  // Paints the parts of `marks` inside [s, eol) of the line at `at`.
  auto paint_marks = [&](ImVec2 at, const char* eol) {
    for (const ByteRange& mark : marks)
      PaintRange(draw, at, at.y, s, eol, begin + std::min(mark.begin, text.size()), begin + std::min(mark.end, text.size()),
                 mark_color);
  };
  int line = 0;
  for (; s < end && line < max_lines; ++line) {
    const char* eol = LineEnd(s, end, width);
    const ImVec2 at(position.x, position.y + line * line_height);
    if (line == max_lines - 1 && SkipBlanks(eol, end) < end) {
      static constexpr char kEllipsis[] = "…";
      eol = LineEnd(s, end, width - TextWidth(kEllipsis, kEllipsis + sizeof kEllipsis - 1));
      while (eol > s && eol[-1] == ' ') --eol;
      paint_marks(at, eol);
      draw->AddText(at, color, s, eol);
      draw->AddText(ImVec2(at.x + TextWidth(s, eol), at.y), color, kEllipsis);
      return (line + 1) * line_height;
    }
    paint_marks(at, eol);
    draw->AddText(at, color, s, eol);
    s = SkipBlanks(eol, end);
  }
  return line * line_height;
}

SpanLayoutResult TextWithSpans(std::string_view text, const std::vector<TextSpan>& spans, const ByteRange* selection) {
  SpanLayoutResult result;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4);
  const float line_height = ImGui::GetTextLineHeightWithSpacing();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 mouse = ImGui::GetMousePos();
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const char* begin = text.data();
  const char* end = begin + text.size();
  float y = origin.y;
  result.mouse_offset = mouse.y < origin.y ? 0 : text.size();
  for (const char* s = begin; s < end; y += line_height) {
    const char* eol = LineEnd(s, end, width);
    if (selection)
      PaintRange(draw, origin, y, s, eol, begin + selection->begin, begin + selection->end,
                 ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
    for (const TextSpan& span : spans) {
      const char* from = std::max(s, begin + span.begin);
      const char* to = std::min(eol, begin + span.end);
      if (from >= to) continue;
      const ImVec2 min(origin.x + TextWidth(s, from), y);
      const ImVec2 max(origin.x + TextWidth(s, to), y + ImGui::GetTextLineHeight());
      draw->AddRectFilled(ImVec2(min.x - 1, min.y), ImVec2(max.x + 1, max.y), span.background, 2.0f);
      if (span.focus && result.focus_y < 0) result.focus_y = y;
      if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(min, max)) {
        result.hovered = span.id;
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) result.clicked = span.id;
      }
    }
    if (mouse.y >= y && mouse.y < y + line_height) {
      result.mouse_offset = static_cast<std::size_t>(NearestOffset(s, eol, mouse.x - origin.x) - begin);
      result.mouse_inside = mouse.x >= origin.x && mouse.x < origin.x + width;
    }
    draw->AddText(ImVec2(origin.x, y), text_color, s, eol);
    s = SkipBlanks(eol, end);
  }
  ImGui::Dummy(ImVec2(width, std::max(y - origin.y, line_height)));
  return result;
}

}  // namespace qe::ui
