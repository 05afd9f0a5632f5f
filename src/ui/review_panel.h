// review_panel.h: review mode, where an editor corrects what the extractor proposed.
//
// A toolbar starts and ends review and holds undo, redo, save and "copy embed code"; the
// reader gets the selected quote's controls (speaker, kind, span by word, accept, delete),
// the speaker form (name, aliases, role, kind, country, merge), and, for text dragged over
// in the reader, "add as a quote" and "use as this quote's span". Views only emit Actions;
// ApplyReviewActions runs them on the core's review::Session.
//
// Keys while reviewing: Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Ctrl+Enter accept, Ctrl+S save.
#pragma once

#include <optional>

#include "ui/view_state.h"

namespace qe::ui {

void DrawReviewToolbar(const Explorer& explorer, ViewState& view, Actions& actions);
void DrawQuoteReview(const Explorer& explorer, QuoteIndex quote, ViewState& view, Actions& actions);
void DrawSelectionReview(const Explorer& explorer, ViewState& view, Actions& actions);
void HandleReviewShortcuts(const Explorer& explorer, const ViewState& view, Actions& actions);

// Starts, edits, undoes and ends review as `actions` ask; returns true when the explorer
// changed. Errors and outcomes go to view.review_form.message.
bool ApplyReviewActions(const Actions& actions, Explorer& explorer, std::optional<review::Session>& session,
                        ViewState& view);

}  // namespace qe::ui
