// style.h: fonts and colours. Text is rasterised at the device scale (devicePixelRatio) so
// it stays crisp on high-DPI screens; call again when the scale changes, then re-upload the
// font texture in the renderer backend.
#pragma once

#include "ui/view_state.h"

namespace qe::ui {

// Builds the font atlas from the embedded DejaVu subsets (Latin, Latin Extended, Greek,
// Cyrillic, general punctuation) at `scale`, and scales the style's sizes to match.
void SetupFontsAndStyle(ViewState& view, float scale);

// Extracted quotes whose confidence is below this carry an amber "check" badge in the list
// and the reader (whole percent; the JSON's "confidence" is 0..1).
inline constexpr int kLowConfidencePercent = 60;

// Whether quote `q` carries a confidence below kLowConfidencePercent.
bool IsLowConfidence(const Corpus& corpus, QuoteIndex q);

// "Confidence 45%: …", the tooltip of a "check" badge.
std::string ConfidenceTooltip(const Corpus& corpus, QuoteIndex q);

// Colours shared by the views.
struct Palette {
  static unsigned Kind(QuoteKind kind);     // badge colour of a quote kind
  static unsigned Highlight();              // the selected quote in the reader
  static unsigned SoftHighlight();          // the article's other quotes
  static unsigned MutedText();
  static unsigned Caution();                // "check" and "not reviewed" marks: amber text
  static unsigned CautionFill();            // … on a pale amber background
};

}  // namespace qe::ui
