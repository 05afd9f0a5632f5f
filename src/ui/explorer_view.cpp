#include "ui/explorer_view.h"

#include <imgui.h>

#include <algorithm>

#include "ui/facet_panel.h"
#include "ui/overview.h"
#include "ui/quote_list.h"
#include "ui/reader.h"
#include "ui/review_panel.h"
#include "ui/style.h"

namespace qe::ui {
namespace {

constexpr float kFacetWidth = 290.0f;       // CSS pixels
constexpr float kNarrowLayout = 760.0f;     // below this width, panels stack
// Panes join one keyboard navigation: arrow keys cross from one to the next by position,
// instead of ImGui's default of entering a pane with Enter and leaving it with Escape.
constexpr ImGuiWindowFlags kPane = ImGuiWindowFlags_NavFlattened;

void HandleShortcuts(const Explorer& explorer, ViewState& view, Actions& actions) {
  if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_F)) view.focus_search = true;
  if (ImGui::GetIO().WantTextInput || !explorer.has_corpus()) return;
  // Esc inside the search box clears it (ImGuiInputTextFlags_EscapeClearsAll); outside, too.
  if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !explorer.filter().text.empty()) {
    Filter next = explorer.filter();
    next.text.clear();
    actions.filter = next;
  }
  // The list's keys move the selection while the list has keyboard focus, or before the
  // keyboard has focused anything; then the focus ring goes to the selected row, so the
  // next arrow key moves on from there. Elsewhere the arrows are ImGui's navigation.
  if (ImGui::GetIO().NavVisible && !view.list_has_focus) return;
  const int page = 10;
  const int total = static_cast<int>(explorer.result().visible.size());
  const std::pair<ImGuiKey, int> moves[] = {{ImGuiKey_DownArrow, 1}, {ImGuiKey_UpArrow, -1},
                                            {ImGuiKey_PageDown, page}, {ImGuiKey_PageUp, -page},
                                            {ImGuiKey_End, total}, {ImGuiKey_Home, -total}};
  for (const auto& [key, delta] : moves)
    if (ImGui::IsKeyPressed(key)) actions.move_selection += delta;
  if (actions.move_selection) view.focus_selected_row = true;
}

// The first lines of a message (up to 50 errors are reported), wrapped, without ImGui's
// formatting buffer, which would cut long messages; "… and N more" for the rest.
void DrawMessageLines(const std::string& text) {
  constexpr int kShownLines = 4;
  std::size_t end = 0;
  int lines = 0;
  while (end < text.size() && lines < kShownLines) {
    end = text.find('\n', end);
    end = end == std::string::npos ? text.size() : end + 1;
    ++lines;
  }
  const auto total = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + (text.back() == '\n' ? 0 : 1);
  ImGui::TextUnformatted(text.data(), text.data() + end);
  if (total > lines) ImGui::Text("… and %s", Counted(static_cast<std::uint64_t>(total - lines), "more", "more").c_str());
}

// A load error over the data kept; for JSON Lines, an offer to load the valid lines.
void DrawErrorBanner(ViewState& view, Actions& actions) {
  if (view.error.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, Palette::ErrorFill());
  ImGui::BeginChild("##error", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  ImGui::PushStyleColor(ImGuiCol_Text, Palette::ErrorText());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted("Could not load:");
  DrawMessageLines(view.error);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  if (view.error_offers_skip) {
    bool skip = false;
    if (ImGui::Checkbox("Skip the invalid lines and load the rest", &skip)) actions.retry_skipping_invalid = true;
    RecordItem(view, "skip-invalid");
  }
  if (ImGui::SmallButton("Dismiss")) view.error.clear();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// After a load that skipped invalid JSON Lines lines: which, and why.
void DrawSkippedBanner(ViewState& view) {
  if (view.skipped.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, Palette::CautionFill());
  ImGui::BeginChild("##skipped", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted("Loaded without these invalid lines:");
  DrawMessageLines(view.skipped);
  ImGui::PopTextWrapPos();
  RecordItem(view, "skipped");
  if (ImGui::SmallButton("Dismiss##skipped")) view.skipped.clear();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

bool TabItem(ViewState& view, const char* label, const char* item, ViewState::ReaderTab tab) {
  const bool requested = view.reader_tab_request == tab;
  const bool open = ImGui::BeginTabItem(label, nullptr, requested ? ImGuiTabItemFlags_SetSelected : 0);
  RecordItem(view, item);
  if (requested) view.reader_tab_request.reset();
  if (open) view.reader_tab = tab;
  return open;
}

// A corpus gets two tabs here: its overview, until a quote is picked (in the list, with the
// arrow keys or through the API), then that quote's article. A single article, or one under
// review, is simply shown.
void DrawReaderColumn(const Explorer& explorer, ViewState& view, Actions& actions) {
  if (explorer.corpus().articles.size() < 2 || view.review) {
    DrawReader(explorer, view, actions);
    return;
  }
  if (view.reader_tab_for != explorer.corpus_generation()) {
    view.reader_tab_for = explorer.corpus_generation();
    view.reader_tab_request = ViewState::ReaderTab::Overview;
  }
  if (actions.select || actions.move_selection != 0) view.reader_tab_request = ViewState::ReaderTab::Article;
  if (!ImGui::BeginTabBar("##reader-tabs")) return;
  if (TabItem(view, "Overview", "tab-overview", ViewState::ReaderTab::Overview)) {
    DrawOverview(explorer, view, actions);
    ImGui::EndTabItem();
  }
  if (TabItem(view, "Article", "tab-article", ViewState::ReaderTab::Article)) {
    DrawReader(explorer, view, actions);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

void DrawWide(const Explorer& explorer, ViewState& view, Actions& actions) {
  const float top = ImGui::GetCursorPosY();
  const float facet_width = kFacetWidth * view.scale;
  ImGui::BeginChild("##facet-panel", ImVec2(facet_width, 0), 0, kPane);
  DrawFacetPanel(explorer, view, actions);
  ImGui::EndChild();
  ImGui::SameLine();
  const float list_width = (ImGui::GetContentRegionAvail().x) * 0.45f;
  ImGui::BeginChild("##quote-list", ImVec2(list_width, 0), ImGuiChildFlags_Border, kPane);
  DrawQuoteList(explorer, view, actions);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##reader", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, kPane);
  DrawReaderColumn(explorer, view, actions);
  ImGui::EndChild();
  view.content_height = top + std::max({view.facets_height, view.list_height, view.reader_height}) +
                        ImGui::GetStyle().WindowPadding.y;
}

// Narrow hosts (an embed in a story's column): filters fold away, list above reader.
void DrawNarrow(const Explorer& explorer, ViewState& view, Actions& actions) {
  const float top = ImGui::GetCursorPosY();
  const std::string header = "Filters: " + ResultLine(explorer) + "###filters";
  if (view.focus_search) ImGui::SetNextItemOpen(true);  // Ctrl+F opens the filters to reach search
  const bool open = ImGui::CollapsingHeader(header.c_str());
  RecordItem(view, "filters");
  if (open) {
    ImGui::BeginChild("##facet-panel-narrow", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f), 0, kPane);
    DrawFacetPanel(explorer, view, actions);
    ImGui::EndChild();
  }
  ImGui::BeginChild("##quote-list-narrow", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.42f),
                    ImGuiChildFlags_Border, kPane);
  DrawQuoteList(explorer, view, actions);
  ImGui::EndChild();
  ImGui::BeginChild("##reader-narrow", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, kPane);
  DrawReaderColumn(explorer, view, actions);
  ImGui::EndChild();
  // Stacked, the list keeps its share (42 %) of what is left under the filters' header, so
  // the content needs the reader's height over the remaining 58 %, or the whole list.
  const float header_height = ImGui::GetFrameHeightWithSpacing();
  view.content_height = top + header_height + std::max(view.reader_height / 0.58f, view.list_height / 0.42f);
}

}  // namespace

void DrawExplorer(const Explorer& explorer, ViewState& view, Actions& actions) {
  view.item_rects.clear();
  view.focused_item.clear();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  // No background: the frame is cleared to the window's colour (Palette::Background) already,
  // and without a GPU (a software GL) filling the screen once more took half of each frame.
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoBackground;
  ImGui::Begin("Quote Explorer", nullptr, flags);
  HandleShortcuts(explorer, view, actions);
  HandleReviewShortcuts(explorer, view, actions);
  DrawErrorBanner(view, actions);
  DrawSkippedBanner(view);
  DrawReviewToolbar(explorer, view, actions);
  if (!explorer.has_corpus()) {
    ImGui::TextDisabled("%s", view.status.empty() ? "No article loaded." : view.status.c_str());
  } else if (viewport->WorkSize.x < kNarrowLayout * view.scale) {
    DrawNarrow(explorer, view, actions);
  } else {
    DrawWide(explorer, view, actions);
  }
  ImGui::End();
}

bool ApplyActions(const Actions& actions, Explorer& explorer) {
  const std::uint64_t before = explorer.revision();
  if (actions.filter) explorer.set_filter(*actions.filter);
  if (actions.select) explorer.select(*actions.select);
  if (actions.move_selection) explorer.move_selection(actions.move_selection);
  return explorer.revision() != before;
}

}  // namespace qe::ui
