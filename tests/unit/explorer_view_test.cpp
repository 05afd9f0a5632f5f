// The ImGui views without a window or GPU: input goes in through ImGuiIO, as a platform
// feeds it, and what comes out are Actions applied to the core's Explorer.
#include <doctest/doctest.h>
#include <imgui.h>

#include <cstring>

#include "core/explorer.h"
#include "fixtures.h"
#include "ui/explorer_view.h"
#include "ui/style.h"

namespace {

class HeadlessExplorer {
 public:
  HeadlessExplorer() {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    qe::ui::SetupFontsAndStyle(view, 1.0f);
    REQUIRE(explorer.load(qe::test::SeedArticleText(), "seed.json").empty());
    Frames(3);
  }
  ~HeadlessExplorer() { ImGui::DestroyContext(context_); }

  void Frames(int count) {
    for (int i = 0; i < count; ++i) {
      ImGui::NewFrame();
      qe::ui::Actions actions;
      qe::ui::DrawExplorer(explorer, view, actions);
      ImGui::Render();
      if (qe::ui::ApplyActions(actions, explorer)) view.scroll_list_to_selection = view.scroll_reader_to_selection = true;
    }
  }

  void Click(const std::string& item) {
    REQUIRE_MESSAGE(view.item_rects.count(item), item);
    const qe::ui::ItemRect rect = view.item_rects.at(item);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(rect.x + 8, rect.y + rect.height / 2);
    io.AddMouseButtonEvent(0, true);
    io.AddMouseButtonEvent(0, false);
    Frames(4);  // ImGui takes queued input one change a frame
  }

  void Press(ImGuiKeyChord chord) {
    ImGuiIO& io = ImGui::GetIO();
    const auto key = static_cast<ImGuiKey>(chord & ~ImGuiMod_Mask_);
    if (chord & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    if (chord & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    Frames(5);
  }

  void Type(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    Frames(static_cast<int>(std::strlen(text)) + 2);
  }

  qe::Explorer explorer;
  qe::ui::ViewState view;

 private:
  ImGuiContext* context_;
};

std::vector<std::string> VisibleIds(const qe::Explorer& explorer) {
  std::vector<std::string> ids;
  for (qe::QuoteIndex q : explorer.result().visible) ids.emplace_back(explorer.corpus().quotes.id[q]);
  return ids;
}

}  // namespace

TEST_CASE("the explorer view lays out every facet value of the seed article") {
  HeadlessExplorer app;
  for (const char* item : {"search", "clear", "speaker:sergei-lavrov", "speaker:donald-trump", "country:RU",
                           "country:UA", "country:US", "kind:direct", "kind:indirect", "kind:mixed", "quote:0", "copy"})
    CHECK_MESSAGE(app.view.item_rects.count(item) == 1, item);
}

TEST_CASE("clicking facet checkboxes filters; Clear filters resets") {
  HeadlessExplorer app;
  app.Click("speaker:sergei-lavrov");
  CHECK(VisibleIds(app.explorer) == std::vector<std::string>{"q1", "q3", "q4", "q5"});
  app.Click("kind:mixed");
  CHECK(VisibleIds(app.explorer) == std::vector<std::string>{"q1", "q5"});
  app.Click("speaker:sergei-lavrov");
  CHECK(VisibleIds(app.explorer) == std::vector<std::string>{"q1", "q5", "q6"});
  app.Click("clear");
  CHECK(app.explorer.filter().empty());
}

TEST_CASE("Ctrl+F focuses search, typing filters, Esc clears") {
  HeadlessExplorer app;
  app.Press(ImGuiMod_Ctrl | ImGuiKey_F);
  app.Type("threat");
  CHECK(app.explorer.filter().text == "threat");
  CHECK(VisibleIds(app.explorer) == std::vector<std::string>{"q5"});
  app.Press(ImGuiKey_Escape);
  CHECK(app.explorer.filter().text.empty());
}

TEST_CASE("arrow keys and clicks move the selection; the reader follows") {
  HeadlessExplorer app;
  app.Press(ImGuiKey_DownArrow);
  app.Press(ImGuiKey_DownArrow);
  CHECK(app.explorer.selected_row() == std::size_t{2});
  app.Click("quote:6");
  CHECK(app.explorer.corpus().quotes.id[*app.explorer.selected()] == "q7");
  app.Press(ImGuiKey_End);
  CHECK(app.explorer.selected_row() == std::size_t{9});
}

TEST_CASE("Copy quote puts a citation on the clipboard") {
  HeadlessExplorer app;
  app.Click("quote:2");
  app.Click("copy");
  CHECK(std::string(ImGui::GetClipboardText()) ==
        "“This would be absolutely unacceptable for the Russian Federation,” (Sergei Lavrov, Foreign Minister of "
        "Russia), Brussels Morning Newspaper, Lavrov: European troops in Ukraine would be “absolutely unacceptable”");
}

TEST_CASE("a narrow display folds the filters away and stacks the list above the reader") {
  HeadlessExplorer app;
  ImGui::GetIO().DisplaySize = ImVec2(420, 760);
  app.Frames(3);
  CHECK(app.view.item_rects.count("search") == 0);
  REQUIRE(app.view.item_rects.count("quote:0") == 1);
  REQUIRE(app.view.item_rects.count("copy") == 1);
  CHECK(app.view.item_rects.at("copy").y > app.view.item_rects.at("quote:0").y);
}
