#include "ui/quote_list.h"

#include <imgui.h>

#include "core/utf8.h"
#include "ui/facet_panel.h"
#include "ui/style.h"
#include "ui/text_layout.h"

namespace qe::ui {
namespace {

constexpr int kPreviewLines = 2;
constexpr std::size_t kMaxMarks = 16;  // more cannot show in two lines

// Draws the kind as an outlined badge ending at `top_right`; returns its left edge.
float DrawKindBadge(ImDrawList* draw, ImVec2 top_right, QuoteKind kind) {
  return DrawBadge(draw, top_right, kind_name(kind), Palette::Kind(kind));
}

// Low-confidence quotes: an amber "check" badge before the kind badge, with the confidence in
// its tooltip. Returns the left edge of what was drawn.
float DrawCheckBadge(const Corpus& corpus, ViewState& view, QuoteIndex q, int row, ImVec2 top_right) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float left = DrawBadge(draw, top_right, "check", Palette::Caution(), Palette::CautionFill());
  const ImVec2 min(left, top_right.y), max(top_right.x, top_right.y + ImGui::GetTextLineHeight());
  view.item_rects["check:" + std::to_string(row)] = ItemRect{min.x, min.y, max.x - min.x, max.y - min.y};
  if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(min, max))
    ImGui::SetTooltip("%s", ConfidenceTooltip(corpus, q).c_str());
  return left;
}

// Where the search matches the quote (utf8::find_matches), as byte ranges of DisplayText.
std::vector<ByteRange> SearchMatches(const Corpus& corpus, QuoteIndex q, std::string_view search) {
  std::vector<ByteRange> marks;
  if (search.empty()) return marks;
  // Offsets into DisplayText, which opens direct quotes with "“" (3 bytes).
  const std::size_t shift = corpus.quotes.kind[q] == QuoteKind::Direct ? 3 : 0;
  for (const utf8::ByteSpan& span : utf8::find_matches(corpus.quote_text(q), search, kMaxMarks))
    marks.push_back(ByteRange{span.begin + shift, span.end + shift});
  return marks;
}

// `padding`: the row's inner margin (the list zeroes ItemSpacing while it draws rows).
void DrawRow(const Explorer& explorer, ViewState& view, QuoteIndex q, int row, ImVec2 min, ImVec2 max, ImVec2 padding) {
  const Corpus& corpus = explorer.corpus();
  const Speaker& speaker = corpus.speakers[corpus.quotes.speaker[q]];
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 pad = padding;
  const float width = max.x - min.x - pad.x * 2;
  ImVec2 at(min.x + pad.x, min.y + pad.y);

  float badge_x = DrawKindBadge(draw, ImVec2(max.x - pad.x, at.y), corpus.quotes.kind[q]);
  if (corpus.quotes.reviewed[q])
    badge_x = DrawBadge(draw, ImVec2(badge_x - ImGui::GetStyle().ItemInnerSpacing.x, at.y), "accepted",
                        Palette::MutedText());
  else if (IsLowConfidence(corpus, q))
    badge_x = DrawCheckBadge(corpus, view, q, row, ImVec2(badge_x - ImGui::GetStyle().ItemInnerSpacing.x, at.y));
  draw->PushClipRect(min, ImVec2(badge_x - ImGui::GetStyle().ItemSpacing.x, max.y), true);  // long names stop before it
  ImGui::PushFont(view.fonts.bold);
  draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), speaker.name.c_str());
  const float name_width = ImGui::CalcTextSize(speaker.name.c_str()).x;
  ImGui::PopFont();
  std::string detail;
  if (speaker.country != kNoCountry) detail = "  " + std::string(country_name(speaker.country));
  if (corpus.articles.size() > 1) detail += "  · " + corpus.articles[corpus.quotes.article[q]].id;
  draw->AddText(ImVec2(at.x + name_width, at.y), Palette::MutedText(), detail.c_str());
  draw->PopClipRect();

  at.y += ImGui::GetTextLineHeightWithSpacing();
  DrawClampedText(at, ImGui::GetColorU32(ImGuiCol_Text), DisplayText(corpus, q), width, kPreviewLines,
                  SearchMatches(corpus, q, explorer.filter().text), Palette::Highlight());
  draw->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), ImGui::GetColorU32(ImGuiCol_Separator));
}

void DrawEmptyState(ViewState& view, Actions& actions) {
  view.list_height = ImGui::GetTextLineHeightWithSpacing() * 4;
  ImGui::Spacing();
  ImGui::TextDisabled("No quotes match these filters.");
  if (ImGui::Button("Clear filters##empty")) {
    actions.filter = Filter{};
    view.search[0] = '\0';
  }
}

// Keeps the selected row on screen after keyboard moves and filter changes.
void ScrollToRow(std::size_t row, float row_height) {
  const float top = static_cast<float>(row) * row_height;
  const float view_height = ImGui::GetWindowHeight();
  if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
  else if (top + row_height > ImGui::GetScrollY() + view_height) ImGui::SetScrollY(top + row_height - view_height);
}

}  // namespace

std::string DisplayText(const Corpus& corpus, QuoteIndex q) {
  const std::string_view text = corpus.quote_text(q);
  if (corpus.quotes.kind[q] != QuoteKind::Direct) return std::string(text);
  return "“" + std::string(text) + "”";
}

void DrawQuoteList(const Explorer& explorer, ViewState& view, Actions& actions) {
  const auto& visible = explorer.result().visible;
  if (visible.empty()) {
    DrawEmptyState(view, actions);
    return;
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 padding(style.WindowPadding.x, style.ItemSpacing.y * 1.5f);  // read before zeroing
  const float row_height = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetTextLineHeight() * kPreviewLines +
                           padding.y * 2;
  view.list_height = static_cast<float>(visible.size()) * row_height + style.WindowPadding.y * 2;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, 0));
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(visible.size()), row_height);
  const auto selected = explorer.selected();
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const QuoteIndex q = visible[static_cast<std::size_t>(row)];
      ImGui::PushID(row);
      if (selected == q && view.focus_selected_row && !actions.move_selection) {  // moved: next frame
        ImGui::SetKeyboardFocusHere();
        view.focus_selected_row = false;
      }
      if (ImGui::Selectable("##quote", selected == q, 0, ImVec2(0, row_height))) actions.select = q;
      RecordItem(view, "quote:" + std::to_string(row));
      DrawRow(explorer, view, q, row, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), padding);
      ImGui::PopID();
    }
  }
  ImGui::PopStyleVar();
  view.list_has_focus = ImGui::IsWindowFocused();
  if (view.scroll_list_to_selection) {
    if (auto row = explorer.selected_row()) ScrollToRow(*row, row_height);
    view.scroll_list_to_selection = false;
  }
}

}  // namespace qe::ui
