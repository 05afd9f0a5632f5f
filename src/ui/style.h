// style.h: fonts and colours. Text is rasterised at the device scale (devicePixelRatio) so
// it stays crisp on high-DPI screens; call again when the scale changes, then re-upload the
// font texture in the renderer backend.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ui/view_state.h"

namespace qe::ui {

// Builds the font atlas from the embedded DejaVu subsets (Latin, Latin Extended, Greek,
// Cyrillic, general punctuation) at `scale`, and scales the style's sizes to match. The
// colours are the current theme's.
void SetupFontsAndStyle(ViewState& view, float scale);

// Adds the glyphs of newly loaded or typed text to the font atlas (rebuilding it); call
// before NewFrame. Returns true when the atlas changed: the platform then re-uploads the
// font texture.
bool UpdateFonts(const Explorer& explorer, ViewState& view);

// The glyph-collecting half of UpdateFonts, without a rebuild: before SetupFontsAndStyle,
// so that a start-up with data builds the atlas once. Returns true when glyphs were added.
bool AddGlyphsOfText(const Explorer& explorer, ViewState& view);

// Two palettes, both meeting WCAG AA (4.5:1 for text; tests/unit/style_test.cpp checks every
// text/background pair). The web page follows prefers-color-scheme (or ?theme=); the native
// app is light unless started with --theme dark.
enum class Theme { Light, Dark };

// Switches the palette: ImGui's style colours and Palette's. Sizes and fonts stay.
void SetTheme(Theme theme);
Theme CurrentTheme();

// Extracted quotes whose confidence is below this carry an amber "check" badge in the list
// and the reader (whole percent; the JSON's "confidence" is 0..1).
inline constexpr int kLowConfidencePercent = 60;

// Whether quote `q` carries a confidence below kLowConfidencePercent.
bool IsLowConfidence(const Corpus& corpus, QuoteIndex q);

// "Confidence 45%: …", the tooltip of a "check" badge.
std::string ConfidenceTooltip(const Corpus& corpus, QuoteIndex q);

// Numbers for people: "1,234,567"; and with a noun: "1 quote", "1,234 quotes".
std::string FormatNumber(std::uint64_t n);
std::string Counted(std::uint64_t n, std::string_view singular, std::string_view plural);

// Colours shared by the views, in the current theme.
struct Palette {
  static unsigned Background();             // the window (and the GL clear colour)
  static unsigned Kind(QuoteKind kind);     // badge colour of a quote kind
  static unsigned Highlight();              // the selected quote in the reader
  static unsigned SoftHighlight();          // the article's other quotes
  static unsigned MutedText();
  static unsigned Caution();                // "check" and "not reviewed" marks: amber text
  static unsigned CautionFill();            // … on a pale amber background
  static unsigned ErrorText();              // the load-error banner
  static unsigned ErrorFill();
};

}  // namespace qe::ui
