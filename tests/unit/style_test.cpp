// Both themes meet WCAG 2.1 AA: every text colour the views draw has a contrast ratio of at
// least 4.5:1 with every background it is drawn on (and the check mark, a graphic, 3:1).
#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>
#include <string>
#include <utility>

#include "core/explorer.h"
#include "ui/style.h"

namespace {

using qe::ui::Palette;
using qe::ui::Theme;

double Channel(float c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double Luminance(ImVec4 c) { return 0.2126 * Channel(c.x) + 0.7152 * Channel(c.y) + 0.0722 * Channel(c.z); }

// `top` composited over the opaque `bottom` (ImGui colours may be translucent).
ImVec4 Over(ImVec4 top, ImVec4 bottom) {
  const float a = top.w;
  return ImVec4(top.x * a + bottom.x * (1 - a), top.y * a + bottom.y * (1 - a), top.z * a + bottom.z * (1 - a), 1);
}

double Contrast(ImVec4 a, ImVec4 b) {
  const double la = Luminance(a), lb = Luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImVec4 U32(unsigned c) { return ImGui::ColorConvertU32ToFloat4(c); }

class ThemeContext {
 public:
  explicit ThemeContext(Theme theme) {
    context_ = ImGui::CreateContext();
    qe::ui::SetTheme(theme);
  }
  ~ThemeContext() {
    qe::ui::SetTheme(Theme::Light);
    ImGui::DestroyContext(context_);
  }
  ImVec4 Col(ImGuiCol col) const { return ImGui::GetStyle().Colors[col]; }

 private:
  ImGuiContext* context_;
};

void CheckTheme(Theme theme) {
  ThemeContext context(theme);
  const ImVec4 window = context.Col(ImGuiCol_WindowBg);
  REQUIRE(window.w == 1.0f);
  CHECK(U32(Palette::Background()).x == doctest::Approx(window.x).epsilon(0.01));
  // Backgrounds text is drawn on: the window, fields (the search box, its hint), list rows
  // (selected, hovered, pressed), buttons, tooltips.
  struct Background {
    const char* name;
    ImVec4 color;
  };
  const Background window_bg{"WindowBg", window};
  const Background fields[] = {{"FrameBg", Over(context.Col(ImGuiCol_FrameBg), window)},
                               {"FrameBgHovered", Over(context.Col(ImGuiCol_FrameBgHovered), window)},
                               {"FrameBgActive", Over(context.Col(ImGuiCol_FrameBgActive), window)}};
  const Background rows[] = {{"Header", Over(context.Col(ImGuiCol_Header), window)},
                             {"HeaderHovered", Over(context.Col(ImGuiCol_HeaderHovered), window)},
                             {"HeaderActive", Over(context.Col(ImGuiCol_HeaderActive), window)}};
  const Background others[] = {{"Button", Over(context.Col(ImGuiCol_Button), window)},
                               {"ButtonHovered", Over(context.Col(ImGuiCol_ButtonHovered), window)},
                               {"ButtonActive", Over(context.Col(ImGuiCol_ButtonActive), window)},
                               {"PopupBg", Over(context.Col(ImGuiCol_PopupBg), window)}};
  const auto check = [](const char* text_name, ImVec4 text, const Background& background) {
    const double ratio = Contrast(text, background.color);
    const std::string pair = std::string(text_name) + " on " + background.name + ": " + std::to_string(ratio);
    CHECK_MESSAGE(ratio >= 4.5, pair);
  };
  // Body text: everywhere.
  const ImVec4 body = context.Col(ImGuiCol_Text);
  check("Text", body, window_bg);
  for (const auto& b : fields) check("Text", body, b);
  for (const auto& b : rows) check("Text", body, b);
  for (const auto& b : others) check("Text", body, b);
  // Dimmed text (zero-count facet rows, the search hint) and muted details (facet details,
  // a quote's country in the list, the reader's byline): the window, fields and list rows.
  for (const auto& [name, color] : {std::pair<const char*, ImVec4>{"TextDisabled", context.Col(ImGuiCol_TextDisabled)},
                                    std::pair<const char*, ImVec4>{"MutedText", U32(Palette::MutedText())}}) {
    check(name, color, window_bg);
    for (const auto& b : fields) check(name, color, b);
    for (const auto& b : rows) check(name, color, b);
  }
  // Kind badges: outlined text on list rows.
  for (auto kind : {qe::QuoteKind::Direct, qe::QuoteKind::Indirect, qe::QuoteKind::Mixed}) {
    const std::string name = "kind " + std::to_string(static_cast<int>(kind));
    check(name.c_str(), U32(Palette::Kind(kind)), window_bg);
    for (const auto& b : rows) check(name.c_str(), U32(Palette::Kind(kind)), b);
  }
  const ImVec4 text = body;
  CHECK(Contrast(U32(Palette::Caution()), U32(Palette::CautionFill())) >= 4.5);
  CHECK(Contrast(U32(Palette::Caution()), window) >= 4.5);  // "check" in the reader's byline
  CHECK(Contrast(text, U32(Palette::Highlight())) >= 4.5);
  CHECK(Contrast(text, U32(Palette::SoftHighlight())) >= 4.5);
  CHECK(Contrast(U32(Palette::ErrorText()), U32(Palette::ErrorFill())) >= 4.5);
  // Graphics (WCAG 1.4.11): the check mark inside a checkbox.
  CHECK(Contrast(context.Col(ImGuiCol_CheckMark), fields[0].color) >= 3.0);
  // The keyboard's focus ring (WCAG 2.4.7, 1.4.11), around controls on the window.
  CHECK(Contrast(context.Col(ImGuiCol_NavHighlight), window) >= 3.0);
}

}  // namespace

TEST_CASE("the light theme meets WCAG AA contrast") { CheckTheme(Theme::Light); }

TEST_CASE("the dark theme meets WCAG AA contrast") { CheckTheme(Theme::Dark); }

TEST_CASE("themes are really different, and switching keeps the style's sizes") {
  ImGuiContext* context = ImGui::CreateContext();
  qe::ui::SetTheme(Theme::Light);
  const ImGuiStyle light = ImGui::GetStyle();
  qe::ui::SetTheme(Theme::Dark);
  CHECK(qe::ui::CurrentTheme() == Theme::Dark);
  const ImGuiStyle& dark = ImGui::GetStyle();
  CHECK(Luminance(light.Colors[ImGuiCol_WindowBg]) > 0.8);
  CHECK(Luminance(dark.Colors[ImGuiCol_WindowBg]) < 0.05);
  CHECK(dark.FramePadding.x == light.FramePadding.x);
  qe::ui::SetTheme(Theme::Light);
  ImGui::DestroyContext(context);
}

TEST_CASE("numbers and nouns for people") {
  using qe::ui::Counted;
  using qe::ui::FormatNumber;
  CHECK(FormatNumber(0) == "0");
  CHECK(FormatNumber(999) == "999");
  CHECK(FormatNumber(1000) == "1,000");
  CHECK(FormatNumber(1000000) == "1,000,000");
  CHECK(FormatNumber(123456789) == "123,456,789");
  CHECK(Counted(0, "quote", "quotes") == "0 quotes");
  CHECK(Counted(1, "quote", "quotes") == "1 quote");
  CHECK(Counted(1234, "quote", "quotes") == "1,234 quotes");
}

TEST_CASE("the font atlas holds ASCII and the UI's symbols, and gains the glyphs of new text") {
  qe::ui::GlyphSet glyphs;
  CHECK(glyphs.Has('A'));
  CHECK(glyphs.Has(0x201C));   // “ around direct quotes
  CHECK(glyphs.Has(0x2026));   // … in cut lines
  CHECK_FALSE(glyphs.Has(0x00E1));
  const std::size_t before = glyphs.size();
  CHECK(glyphs.Add("Viktor Orbán said “ναι”"));
  CHECK(glyphs.Has(0x00E1));   // á
  CHECK(glyphs.Has(0x03BD));   // ν
  CHECK(glyphs.size() == before + 4);  // á ν α ι
  CHECK_FALSE(glyphs.Add("Orbán"));  // nothing new
  CHECK_FALSE(glyphs.Add("北京"));    // outside the fonts: drawn as the replacement box, not rasterised
  CHECK_FALSE(glyphs.Add(std::string("\xC3", 1)));  // a cut sequence is skipped
  const std::vector<std::uint16_t> ranges = glyphs.Ranges();
  REQUIRE(ranges.size() % 2 == 1);
  CHECK(ranges.back() == 0);
  CHECK(ranges[0] == 0x20);
  CHECK(ranges[1] >= 0x7E);
}

TEST_CASE("fonts follow the loaded corpus") {
  ImGuiContext* context = ImGui::CreateContext();
  qe::ui::ViewState view;
  qe::ui::SetupFontsAndStyle(view, 1.0f);
  qe::Explorer explorer;
  REQUIRE(explorer.load(R"({"format": "quote-explorer/article@1", "id": "g", "title": "Ελλάδα",
    "paragraphs": ["Ο υπουργός είπε ότι θα συνεχίσουν."], "speakers": [{"id": "s", "name": "Łukasz"}],
    "quotes": [{"id": "q", "speaker": "s", "kind": "indirect", "text": "θα συνεχίσουν", "paragraph": 0, "start": 20, "end": 33}]})",
                        "g.json").empty());
  CHECK(qe::ui::UpdateFonts(explorer, view));
  CHECK(view.fonts.body->FindGlyphNoFallback(0x03BB) != nullptr);  // λ
  CHECK(view.fonts.bold->FindGlyphNoFallback(0x0141) != nullptr);  // Ł
  CHECK_FALSE(qe::ui::UpdateFonts(explorer, view));                 // nothing new: no rebuild
  ImGui::DestroyContext(context);
}
