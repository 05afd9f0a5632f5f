// explorer_view.h: the whole explorer window: facet panel, quote list and reader side by
// side, stacked on narrow screens (an embed beside a story), plus keyboard shortcuts:
// Ctrl+F focuses search, Esc clears it, Up/Down/PageUp/PageDown/Home/End move the selection.
#pragma once

#include "ui/view_state.h"

namespace qe::ui {

// Draws one frame's explorer into the current ImGui frame, filling the display.
void DrawExplorer(const Explorer& explorer, ViewState& view, Actions& actions);

}  // namespace qe::ui
