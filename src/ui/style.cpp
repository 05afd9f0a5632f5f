#include "ui/style.h"

#include "core/utf8.h"

#include <imgui.h>
#include <imgui_internal.h>  // the input event queue, read by UpdateFonts; the atlas builder

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

bool InFontRanges(std::uint32_t c) {
  for (const ImWchar* range = kGlyphRanges; range[0]; range += 2)
    if (c >= range[0] && c <= range[1]) return true;
  return false;
}

// What the UI itself draws beyond ASCII: quote marks around direct quotes, "…" in cut
// lines, "·" between details, dashes, and the replacement character.
constexpr std::string_view kUiSymbols = "“”‘’…·–—×✓←→↑↓\u00A0\uFFFD";

ImFont* AddFont(const unsigned char* data, unsigned size, float pixels, const ImWchar* ranges) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes are static, embedded in the binary
  config.OversampleH = 1;               // rasterised at device scale, so no oversampling:
  config.OversampleV = 1;               // glyphs land on whole pixels and stay sharp
  config.PixelSnapH = true;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), pixels,
                                                    &config, ranges);
}

// The atlas for view.glyphs at view.scale. ImGui keeps a pointer to the ranges until the
// next build, hence the static.
void BuildFonts(ViewState& view) {
  static std::vector<ImWchar> ranges;
  const std::vector<std::uint16_t> wanted = view.glyphs.Ranges();
  ranges.assign(wanted.begin(), wanted.end());
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  view.fonts.body = AddFont(kDejaVuSans, kDejaVuSansSize, kBodySize * view.scale, ranges.data());
  view.fonts.bold = AddFont(kDejaVuSans_Bold, kDejaVuSans_BoldSize, kBodySize * view.scale, ranges.data());
  view.fonts.heading = AddFont(kDejaVuSans_Bold, kDejaVuSans_BoldSize, kHeadingSize * view.scale, ranges.data());
  // ImGui's stb_truetype builder rather than io.Fonts->Build(), which would add ImGui's own
  // default font if none were given: calling it keeps that font's 12 kB in the wasm.
  ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(io.Fonts);
  io.FontDefault = view.fonts.body;
}

// Everything of the corpus that the views may draw.
bool AddCorpusText(const Corpus& corpus, GlyphSet& glyphs) {
  bool added = false;
  for (const Article& article : corpus.articles) {
    for (const std::string* text : {&article.id, &article.title, &article.dateline, &article.published,
                                    &article.source.name, &article.source.url})
      added |= glyphs.Add(*text);
  }
  added |= glyphs.Add(corpus.paragraphs.buffer());
  for (const Speaker& speaker : corpus.speakers) {
    added |= glyphs.Add(speaker.name);
    added |= glyphs.Add(speaker.role);
    for (const std::string& alias : speaker.aliases) added |= glyphs.Add(alias);
  }
  added |= glyphs.Add(corpus.quotes.cue.buffer());
  return added;
}

// Text the editor or reader typed or pasted into the UI's fields.
bool AddTypedText(const ViewState& view, GlyphSet& glyphs) {
  const ReviewForm& form = view.review_form;
  bool added = glyphs.Add(view.search);
  for (const char* field : {form.new_speaker, form.name, form.aliases, form.role, form.country_search})
    added |= glyphs.Add(field);
  if (view.new_article_open) added |= glyphs.Add(view.new_article_text);
  for (const std::string* message : {&view.error, &form.message, &view.notice, &view.status})
    added |= glyphs.Add(*message);
  // Characters queued for this frame's text fields, before ImGui draws them.
  for (const ImGuiInputEvent& event : ImGui::GetCurrentContext()->InputEventsQueue) {
    if (event.Type != ImGuiInputEventType_Text) continue;
    std::string utf8;
    utf8::append(utf8, event.Text.Char);
    added |= glyphs.Add(utf8);
  }
  return added;
}

Theme g_theme = Theme::Light;

constexpr ImVec4 Rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

// The windows' colour, which is also what each frame is cleared to (Palette::Background);
// web/style.css's --bg, the page under the canvas, is the same.
constexpr ImVec4 kLightBackground = Rgb(250, 250, 248), kDarkBackground = Rgb(27, 29, 34);

// Colours only: sizes are set (and scaled) once by SetupFontsAndStyle.
void ApplyColors(ImGuiStyle& style, Theme theme) {
  ImVec4* colors = style.Colors;
  if (theme == Theme::Light) {
    ImGui::StyleColorsLight(&style);
    colors[ImGuiCol_WindowBg] = kLightBackground;
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
    colors[ImGuiCol_WindowBg] = kDarkBackground;
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
  colors[ImGuiCol_NavHighlight] = colors[ImGuiCol_CheckMark];  // the keyboard focus ring, 3:1 or more
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

GlyphSet::GlyphSet() : bits_(0x10000 / 64, 0) {
  std::string ascii;
  for (char c = 0x20; c < 0x7F; ++c) ascii += c;
  Add(ascii);
  Add(kUiSymbols);
  for (std::size_t c = 0; c < country_count(); ++c) Add(country_name(static_cast<CountryId>(c)));
}

bool GlyphSet::Has(std::uint32_t c) const {
  return (c >= 0x20 && c < 0x7F) || (c < 0x10000 && (bits_[c / 64] >> (c % 64) & 1));
}

bool GlyphSet::Add(std::string_view text) {
  bool added = false;
  for (std::size_t at = 0; at < text.size();) {
    at = utf8::skip_ascii(text, at);  // ASCII is always there
    if (at == text.size()) break;
    char32_t c = 0;
    const std::size_t length = utf8::decode_at(text, at, c);
    at += length ? length : 1;
    if (!length || Has(c) || !InFontRanges(c)) continue;
    bits_[c / 64] |= std::uint64_t{1} << (c % 64);
    ++count_;
    added = true;
  }
  return added;
}

std::vector<std::uint16_t> GlyphSet::Ranges() const {
  std::vector<std::uint16_t> ranges;
  for (std::uint32_t c = 0x20; c < 0x10000; ++c) {
    if (!Has(c)) continue;
    if (!ranges.empty() && ranges.back() == c - 1) ranges.back() = static_cast<std::uint16_t>(c);
    else ranges.insert(ranges.end(), {static_cast<std::uint16_t>(c), static_cast<std::uint16_t>(c)});
  }
  ranges.push_back(0);
  return ranges;
}

void SetupFontsAndStyle(ViewState& view, float scale) {
  view.scale = scale;
  BuildFonts(view);
  ApplyTheme();
  ImGui::GetStyle().ScaleAllSizes(scale);
}

bool AddGlyphsOfText(const Explorer& explorer, ViewState& view) {
  bool added = false;
  if (explorer.has_corpus() && view.glyphs_for != explorer.corpus_generation()) {
    view.glyphs_for = explorer.corpus_generation();
    added |= AddCorpusText(explorer.corpus(), view.glyphs);
  }
  added |= AddTypedText(view, view.glyphs);
  return added;
}

bool UpdateFonts(const Explorer& explorer, ViewState& view) {
  const bool added = AddGlyphsOfText(explorer, view);
  if (added) BuildFonts(view);
  return added;
}

void SetTheme(Theme theme) {
  g_theme = theme;
  if (ImGui::GetCurrentContext()) ApplyColors(ImGui::GetStyle(), theme);
}

Theme CurrentTheme() { return g_theme; }

unsigned Palette::Background() { return ImGui::ColorConvertFloat4ToU32(g_theme == Theme::Light ? kLightBackground : kDarkBackground); }

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
