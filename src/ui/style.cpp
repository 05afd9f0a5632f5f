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

void ApplyTheme() {
  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsLight(&style);
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
  ImVec4* colors = style.Colors;
  colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1.0f);
  colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  colors[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
  colors[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.44f, 0.48f, 1.0f);
  colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
  colors[ImGuiCol_Border] = ImVec4(0.80f, 0.81f, 0.83f, 1.0f);
  colors[ImGuiCol_Header] = ImVec4(0.85f, 0.90f, 0.98f, 1.0f);
  colors[ImGuiCol_HeaderHovered] = ImVec4(0.90f, 0.93f, 0.98f, 1.0f);
  colors[ImGuiCol_HeaderActive] = ImVec4(0.80f, 0.87f, 0.98f, 1.0f);
  colors[ImGuiCol_CheckMark] = ImVec4(0.10f, 0.35f, 0.75f, 1.0f);
  colors[ImGuiCol_Separator] = ImVec4(0.86f, 0.87f, 0.88f, 1.0f);
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

unsigned Palette::Kind(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::Direct: return IM_COL32(20, 90, 190, 255);
    case QuoteKind::Indirect: return IM_COL32(95, 100, 110, 255);
    case QuoteKind::Mixed: return IM_COL32(130, 60, 170, 255);
  }
  return IM_COL32_BLACK;
}

bool IsLowConfidence(const Corpus& corpus, QuoteIndex q) {
  const std::uint8_t confidence = corpus.quotes.confidence[q];
  return confidence != kNoConfidence && confidence < kLowConfidencePercent;
}

std::string ConfidenceTooltip(const Corpus& corpus, QuoteIndex q) {
  return "Confidence " + std::to_string(corpus.quotes.confidence[q]) +
         "%: the extractor is unsure of this quote.\nCheck its words and speaker against the article.";
}

unsigned Palette::Caution() { return IM_COL32(150, 84, 0, 255); }
unsigned Palette::CautionFill() { return IM_COL32(255, 236, 179, 255); }

unsigned Palette::Highlight() { return IM_COL32(255, 221, 87, 255); }
unsigned Palette::SoftHighlight() { return IM_COL32(255, 240, 190, 255); }
unsigned Palette::MutedText() { return IM_COL32(100, 104, 112, 255); }

}  // namespace qe::ui
