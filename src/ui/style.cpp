#include "ui/style.h"

#include <imgui.h>

#include <string>

extern const unsigned char kDejaVuSans[];
extern const unsigned kDejaVuSansSize;
extern const unsigned char kDejaVuSans_Bold[];
extern const unsigned kDejaVuSans_BoldSize;

namespace qe::ui {
namespace {

// Must match QE_FONT_UNICODES in CMakeLists.txt, which subsets the fonts to these ranges.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x007E,  // Basic Latin
    0x00A0, 0x024F,  // Latin-1 Supplement, Latin Extended-A and -B
    0x0370, 0x03FF,  // Greek
    0x0400, 0x052F,  // Cyrillic and Cyrillic Supplement
    0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese, Welsh, …)
    0x2000, 0x206F,  // General Punctuation: curly quotes, dashes, ellipsis
    0x20A0, 0x20BF,  // Currency symbols
    0x2100, 0x2122,  // Letterlike symbols (№, ™)
    0x2190, 0x2193,  // Arrows
    0x2212, 0x2212,  // Minus sign
    0x2713, 0x2713,  // Check mark
    0xFFFD, 0xFFFD,  // Replacement character
    0,
};

constexpr float kBodySize = 15.0f;     // CSS pixels
constexpr float kHeadingSize = 19.0f;

ImFont* AddFont(const unsigned char* data, unsigned size, float pixels) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are static, embedded in the binary
  config.OversampleH = 1;               // rasterised at device scale, so no oversampling:
  config.OversampleV = 1;               // glyphs land on whole pixels and stay sharp
  config.PixelSnapH = true;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), pixels,
                                                    &config, kGlyphRanges);
}

Theme g_theme = Theme::Light;

constexpr ImVec4 Rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

// Colours only: sizes are set (and scaled) once by SetupFontsAndStyle.
void ApplyColors(ImGuiStyle& style, Theme theme) {
  ImVec4* colors = style.Colors;
  if (theme == Theme::Light) {
    ImGui::StyleColorsLight(&style);
    colors[ImGuiCol_WindowBg] = Rgb(250, 250, 248);
    colors[ImGuiCol_Text] = Rgb(26, 28, 33);
    colors[ImGuiCol_TextDisabled] = Rgb(92, 97, 106);  // zero-count rows and hints
    colors[ImGuiCol_FrameBg] = Rgb(255, 255, 255);
    colors[ImGuiCol_FrameBgHovered] = Rgb(238, 242, 250);  // opaque: the search hint stays readable
    colors[ImGuiCol_FrameBgActive] = Rgb(226, 234, 250);
    colors[ImGuiCol_Border] = Rgb(204, 207, 212);
    colors[ImGuiCol_Header] = Rgb(217, 230, 250);
    colors[ImGuiCol_HeaderHovered] = Rgb(230, 237, 250);
    colors[ImGuiCol_HeaderActive] = Rgb(210, 226, 250);
    colors[ImGuiCol_CheckMark] = Rgb(26, 90, 191);
    colors[ImGuiCol_Separator] = Rgb(219, 222, 224);
  } else {
    ImGui::StyleColorsDark(&style);
    colors[ImGuiCol_WindowBg] = Rgb(27, 29, 34);
    colors[ImGuiCol_PopupBg] = Rgb(36, 39, 46, 0.98f);
    colors[ImGuiCol_Text] = Rgb(230, 232, 235);
    colors[ImGuiCol_TextDisabled] = Rgb(162, 168, 178);
    colors[ImGuiCol_FrameBg] = Rgb(40, 43, 51);
    colors[ImGuiCol_FrameBgHovered] = Rgb(46, 50, 59);
    colors[ImGuiCol_FrameBgActive] = Rgb(50, 54, 64);
    colors[ImGuiCol_Border] = Rgb(82, 87, 97);
    colors[ImGuiCol_Button] = Rgb(44, 66, 104);
    colors[ImGuiCol_ButtonHovered] = Rgb(54, 82, 130);
    colors[ImGuiCol_ButtonActive] = Rgb(62, 96, 150);
    colors[ImGuiCol_Header] = Rgb(35, 56, 92);
    colors[ImGuiCol_HeaderHovered] = Rgb(40, 46, 58);
    colors[ImGuiCol_HeaderActive] = Rgb(33, 52, 86);
    colors[ImGuiCol_CheckMark] = Rgb(128, 178, 255);
    colors[ImGuiCol_SliderGrab] = Rgb(128, 178, 255);
    colors[ImGuiCol_Separator] = Rgb(58, 62, 70);
    colors[ImGuiCol_TextSelectedBg] = Rgb(60, 100, 170, 0.60f);
  }
  colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
}

void ApplyTheme() {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(12, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 12;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.ChildRounding = 0;
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FrameBorderSize = 1;
  ApplyColors(style, g_theme);
}

}  // namespace

void SetupFontsAndStyle(ViewState& view, float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  view.fonts.body = AddFont(kDejaVuSans, kDejaVuSansSize, kBodySize * scale);
  view.fonts.bold = AddFont(kDejaVuSans_Bold, kDejaVuSans_BoldSize, kBodySize * scale);
  view.fonts.heading = AddFont(kDejaVuSans_Bold, kDejaVuSans_BoldSize, kHeadingSize * scale);
  io.Fonts->Build();
  io.FontDefault = view.fonts.body;
  ApplyTheme();
  ImGui::GetStyle().ScaleAllSizes(scale);
  view.scale = scale;
}

void SetTheme(Theme theme) {
  g_theme = theme;
  if (ImGui::GetCurrentContext()) ApplyColors(ImGui::GetStyle(), theme);
}

Theme CurrentTheme() { return g_theme; }

unsigned Palette::Background() { return ImGui::ColorConvertFloat4ToU32(g_theme == Theme::Light ? Rgb(250, 250, 248) : Rgb(27, 29, 34)); }

unsigned Palette::Kind(QuoteKind kind) {
  const bool light = g_theme == Theme::Light;
  switch (kind) {
    case QuoteKind::Direct: return light ? IM_COL32(20, 90, 190, 255) : IM_COL32(128, 178, 255, 255);
    case QuoteKind::Indirect: return light ? IM_COL32(88, 92, 102, 255) : IM_COL32(176, 181, 190, 255);
    case QuoteKind::Mixed: return light ? IM_COL32(130, 60, 170, 255) : IM_COL32(208, 162, 240, 255);
  }
  return light ? IM_COL32_BLACK : IM_COL32_WHITE;
}

std::string FormatNumber(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

std::string Counted(std::uint64_t n, std::string_view singular, std::string_view plural) {
  return FormatNumber(n) + " " + std::string(n == 1 ? singular : plural);
}

bool IsLowConfidence(const Corpus& corpus, QuoteIndex q) {
  const std::uint8_t confidence = corpus.quotes.confidence[q];
  return confidence != kNoConfidence && confidence < kLowConfidencePercent;
}

std::string ConfidenceTooltip(const Corpus& corpus, QuoteIndex q) {
  return "Confidence " + std::to_string(corpus.quotes.confidence[q]) +
         "%: the extractor is unsure of this quote.\nCheck its words and speaker against the article.";
}

// Light / dark. Text drawn on Highlight and SoftHighlight is ImGuiCol_Text, so the dark
// theme's highlights are dark.
unsigned Palette::Caution() { return g_theme == Theme::Light ? IM_COL32(140, 78, 0, 255) : IM_COL32(255, 194, 102, 255); }
unsigned Palette::CautionFill() { return g_theme == Theme::Light ? IM_COL32(255, 236, 179, 255) : IM_COL32(61, 46, 10, 255); }
unsigned Palette::ErrorText() { return g_theme == Theme::Light ? IM_COL32(150, 30, 20, 255) : IM_COL32(255, 180, 171, 255); }
unsigned Palette::ErrorFill() { return g_theme == Theme::Light ? IM_COL32(253, 236, 234, 255) : IM_COL32(59, 29, 27, 255); }

unsigned Palette::Highlight() { return g_theme == Theme::Light ? IM_COL32(255, 221, 87, 255) : IM_COL32(107, 82, 0, 255); }
unsigned Palette::SoftHighlight() { return g_theme == Theme::Light ? IM_COL32(255, 240, 190, 255) : IM_COL32(62, 54, 32, 255); }
unsigned Palette::MutedText() { return g_theme == Theme::Light ? IM_COL32(90, 94, 102, 255) : IM_COL32(163, 169, 179, 255); }

}  // namespace qe::ui
