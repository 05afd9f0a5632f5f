#include "ui/review_panel.h"

#include <imgui.h>

#include "core/utf8.h"
#include "ui/facet_panel.h"
#include "ui/style.h"

namespace qe::ui {
namespace {

// [SECTION] Small helpers

bool Button(ViewState& view, const char* label, const char* name, bool enabled = true) {
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::Button(label);
  ImGui::EndDisabled();
  RecordItem(view, name);
  return pressed && enabled;
}

// Keeps the next button on this line when it fits, else starts a new line: the toolbar and
// the span buttons wrap on a phone instead of running off the screen.
void SameLineIfFits(const char* next_label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(next_label, nullptr, true).x + style.FramePadding.x * 2;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

std::string SpeakerLabel(const Speaker& speaker) {
  if (speaker.country == kNoCountry) return speaker.name;
  return speaker.name + " (" + std::string(country_code(speaker.country)) + ")";
}

std::uint32_t CodePointAt(std::string_view text, std::size_t byte) {
  return static_cast<std::uint32_t>(utf8::count_code_points(text.substr(0, std::min(byte, text.size()))));
}

std::vector<std::string> SplitAliases(std::string_view text) {
  std::vector<std::string> aliases;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find(',', begin);
    if (end == std::string_view::npos) end = text.size();
    aliases.emplace_back(text.substr(begin, end - begin));  // the core trims and drops empties
    begin = end + 1;
  }
  return aliases;
}

std::string JoinAliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& alias : aliases) out += (out.empty() ? "" : ", ") + alias;
  return out;
}

// A combo of the article's speakers, then a field for a new one. Returns true when the
// editor chose: `choice` holds an id, or the typed name.
bool SpeakerCombo(const Corpus& corpus, const char* label, const std::string& current_id, ViewState& view,
                  const char* name, review::SpeakerChoice& choice) {
  bool chosen = false;
  const auto current = corpus.speaker_by_id(current_id);
  const std::string preview = current ? SpeakerLabel(corpus.speakers[*current]) : "New speaker…";
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.6f, ImGui::GetFontSize() * 18));
  const bool open = ImGui::BeginCombo(label, preview.c_str(), ImGuiComboFlags_HeightLarge);
  RecordItem(view, name);
  if (!open) return false;
  for (SpeakerId s = 0; s < corpus.speakers.size(); ++s) {
    const Speaker& speaker = corpus.speakers[s];
    ImGui::PushID(static_cast<int>(s));
    if (ImGui::Selectable(SpeakerLabel(speaker).c_str(), speaker.id == current_id)) {
      choice = review::SpeakerChoice{speaker.id, ""};
      chosen = true;
    }
    RecordItem(view, std::string(name) + ":" + speaker.id);
    ImGui::PopID();
  }
  ImGui::Separator();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  const bool entered = ImGui::InputTextWithHint("##new-speaker", "New speaker's name", view.review_form.new_speaker,
                                                sizeof view.review_form.new_speaker,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  RecordItem(view, std::string(name) + "-new");
  ImGui::SameLine();
  if ((ImGui::Button("Add") || entered) && view.review_form.new_speaker[0]) {
    choice = review::SpeakerChoice{"", view.review_form.new_speaker};
    view.review_form.new_speaker[0] = '\0';
    chosen = true;
    ImGui::CloseCurrentPopup();
  }
  RecordItem(view, std::string(name) + "-add");
  ImGui::EndCombo();
  return chosen;
}

// [SECTION] The speaker form

void OpenSpeakerForm(const Speaker& speaker, ReviewForm& form) {
  form.editing_speaker = speaker.id;
  CopyTruncated(speaker.name, form.name, sizeof form.name);
  CopyTruncated(JoinAliases(speaker.aliases), form.aliases, sizeof form.aliases);
  CopyTruncated(speaker.role, form.role, sizeof form.role);
  form.kind = speaker.kind;
  form.country = speaker.country == kNoCountry ? "" : std::string(country_code(speaker.country));
  form.country_search[0] = '\0';
  form.merge_into.clear();
}

// Countries by name, narrowed by a search field that takes names and codes ("pol", "PL").
void CountryCombo(ViewState& view) {
  ReviewForm& form = view.review_form;
  const auto current = find_country(form.country);
  const std::string preview = current ? std::string(country_name(*current)) + " (" + form.country + ")" : "Unknown";
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  const bool open = ImGui::BeginCombo("Country", preview.c_str(), ImGuiComboFlags_HeightLarge);
  RecordItem(view, "speaker-country");
  if (!open) return;
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##country-search", "Search countries", form.country_search, sizeof form.country_search);
  RecordItem(view, "speaker-country-search");
  const std::string query = utf8::search_key(form.country_search);
  if (query.empty() && ImGui::Selectable("Unknown (the text does not tell)", form.country.empty())) form.country.clear();
  for (std::size_t c = 0; c < country_count(); ++c) {
    const auto id = static_cast<CountryId>(c);
    const std::string code(country_code(id));
    const std::string label = std::string(country_name(id)) + " (" + code + ")";
    if (!query.empty() && utf8::search_key(label).find(query) == std::string::npos) continue;
    if (ImGui::Selectable(label.c_str(), code == form.country)) {
      form.country = code;
      form.country_search[0] = '\0';
    }
    RecordItem(view, "speaker-country:" + code);
  }
  ImGui::EndCombo();
}

void DrawSpeakerForm(const Corpus& corpus, ViewState& view, Actions& actions) {
  ReviewForm& form = view.review_form;
  const auto id = corpus.speaker_by_id(form.editing_speaker);
  if (!id) {
    form.editing_speaker.clear();
    return;
  }
  ImGui::SeparatorText("Speaker");
  ImGui::InputText("Name", form.name, sizeof form.name);
  RecordItem(view, "speaker-name");
  ImGui::InputTextWithHint("Aliases", "Other names, separated by commas", form.aliases, sizeof form.aliases);
  RecordItem(view, "speaker-aliases");
  ImGui::InputText("Role", form.role, sizeof form.role);
  RecordItem(view, "speaker-role");
  static constexpr SpeakerKind kKinds[] = {SpeakerKind::Person, SpeakerKind::Organization, SpeakerKind::Group};
  for (const SpeakerKind kind : kKinds) {
    const std::string label(speaker_kind_name(kind));
    if (ImGui::RadioButton(label.c_str(), form.kind == kind)) form.kind = kind;
    RecordItem(view, "speaker-kind:" + label);
    ImGui::SameLine();
  }
  ImGui::NewLine();
  CountryCombo(view);
  if (Button(view, "Save speaker", "speaker-save"))
    actions.edit = review::EditSpeaker{form.editing_speaker,
                                       {form.name, form.role, SplitAliases(form.aliases), form.kind, form.country}};
  ImGui::SameLine();
  if (Button(view, "Close", "speaker-close")) form.editing_speaker.clear();

  if (corpus.speakers.size() < 2) return;
  const auto into = corpus.speaker_by_id(form.merge_into);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (ImGui::BeginCombo("##merge-into", into ? corpus.speakers[*into].name.c_str() : "Same person as…")) {
    for (SpeakerId s = 0; s < corpus.speakers.size(); ++s) {
      if (s == *id) continue;
      ImGui::PushID(static_cast<int>(s));
      if (ImGui::Selectable(SpeakerLabel(corpus.speakers[s]).c_str(), s == into)) form.merge_into = corpus.speakers[s].id;
      RecordItem(view, "speaker-merge-into:" + corpus.speakers[s].id);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  RecordItem(view, "speaker-merge-into");
  ImGui::SameLine();
  if (Button(view, "Merge", "speaker-merge", into.has_value())) {
    actions.edit = review::MergeSpeakers{form.editing_speaker, form.merge_into};
    form.editing_speaker = form.merge_into;  // the form follows the record that remains
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Moves this speaker's quotes to the chosen one, keeps this name as an alias, removes this record.");
}

}  // namespace

// [SECTION] Toolbar, quote controls, selection

void DrawReviewToolbar(const Explorer& explorer, ViewState& view, Actions& actions) {
  if (!view.can_review || !explorer.has_corpus()) return;
  const review::Session* review = view.review;
  if (!review) {
    const bool one_article = explorer.corpus().articles.size() == 1;
    if (Button(view, "Review quotes", "review-start", one_article)) actions.start_review = true;
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip(one_article ? "Correct speakers, kinds and spans, add missed quotes, then save the article."
                                    : "Review works on one article at a time: open the article on its own.");
    return;
  }
  const std::string progress = FormatNumber(review->accepted_count()) + " of " +
                               Counted(review->quote_count(), "quote", "quotes") + " accepted";
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Reviewing:");
  ImGui::SameLine();
  ImGui::TextUnformatted(progress.c_str());
  RecordItem(view, "review-progress");
  SameLineIfFits("Undo");
  if (Button(view, "Undo", "review-undo", review->can_undo())) actions.undo = true;
  SameLineIfFits("Redo");
  if (Button(view, "Redo", "review-redo", review->can_redo())) actions.redo = true;
  SameLineIfFits("Save article JSON");
  if (Button(view, "Save article JSON", "review-save")) actions.save_article = true;
  SameLineIfFits("Copy embed code");
  if (Button(view, "Copy embed code", "review-embed")) actions.copy_embed_code = true;
  SameLineIfFits("Done");
  if (Button(view, "Done", "review-done")) actions.stop_review = true;
  const ReviewForm& form = view.review_form;
  if (!form.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, form.message_is_error ? Palette::ErrorText() : Palette::MutedText());
    ImGui::TextWrapped("%s", form.message.c_str());
    ImGui::PopStyleColor();
    RecordItem(view, "review-message");
  }
}

void DrawQuoteReview(const Explorer& explorer, QuoteIndex q, ViewState& view, Actions& actions) {
  if (!view.review) return;
  const Corpus& corpus = explorer.corpus();
  const QuoteTable& quotes = corpus.quotes;
  const std::string id(quotes.id[q]);
  const Speaker& speaker = corpus.speakers[quotes.speaker[q]];

  review::SpeakerChoice choice;
  if (SpeakerCombo(corpus, "Speaker", speaker.id, view, "review-speaker", choice))
    actions.edit = review::Reattribute{id, choice};
  SameLineIfFits("Edit speaker");
  if (Button(view, "Edit speaker", "review-edit-speaker")) OpenSpeakerForm(speaker, view.review_form);

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Kind");
  for (std::size_t k = 0; k < kQuoteKindCount; ++k) {
    const auto kind = static_cast<QuoteKind>(k);
    ImGui::SameLine();
    const std::string label(kind_name(kind));
    if (ImGui::RadioButton(label.c_str(), quotes.kind[q] == kind) && quotes.kind[q] != kind)
      actions.edit = review::SetKind{id, kind};
    RecordItem(view, "review-kind:" + label);
  }

  using review::Edge;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Span");
  const struct {
    const char* label;
    const char* name;
    Edge edge;
    int words;
    const char* tooltip;
  } moves[] = {{"< Start", "review-start-extend", Edge::Start, 1, "Start one word earlier"},
               {"Start >", "review-start-shrink", Edge::Start, -1, "Start one word later"},
               {"< End", "review-end-shrink", Edge::End, -1, "End one word earlier"},
               {"End >", "review-end-extend", Edge::End, 1, "End one word later"}};
  for (const auto& move : moves) {
    SameLineIfFits(move.label);
    if (Button(view, move.label, move.name)) actions.edit = review::MoveEdge{id, move.edge, move.words};
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", move.tooltip);
  }

  const bool accepted = quotes.reviewed[q] != 0;
  if (Button(view, accepted ? "Accepted (undo accept)" : "Accept", "review-accept"))
    actions.edit = review::Accept{id, !accepted};
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+Enter: this quote is right as it stands");
  SameLineIfFits("Delete quote");
  if (Button(view, "Delete quote", "review-delete")) actions.edit = review::DeleteQuote{id};
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Drag over the article's text to add a quote or to re-select this one.");
  ImGui::PopStyleColor();
  if (!view.review_form.editing_speaker.empty()) DrawSpeakerForm(corpus, view, actions);
}

void DrawSelectionReview(const Explorer& explorer, ViewState& view, Actions& actions) {
  const ReaderSelection& selection = view.reader_selection;
  if (!view.review || selection.empty() || selection.dragging) return;
  const Corpus& corpus = explorer.corpus();
  if (selection.article >= corpus.articles.size()) return;
  const Article& article = corpus.articles[selection.article];
  if (selection.paragraph >= article.paragraph_count) return;
  const std::string_view paragraph = corpus.paragraph(article, selection.paragraph);
  const std::uint32_t start = CodePointAt(paragraph, selection.begin());
  const std::uint32_t end = CodePointAt(paragraph, selection.end());
  ReviewForm& form = view.review_form;

  ImGui::SeparatorText("Selected text");
  const std::string_view text = paragraph.substr(selection.begin(), selection.end() - selection.begin());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.data(), text.data() + std::min<std::size_t>(text.size(), 400));
  ImGui::PopTextWrapPos();
  for (std::size_t k = 0; k < kQuoteKindCount; ++k) {
    const auto kind = static_cast<QuoteKind>(k);
    const std::string label(kind_name(kind));
    if (ImGui::RadioButton((label + "##new").c_str(), form.new_quote_kind == kind)) form.new_quote_kind = kind;
    RecordItem(view, "selection-kind:" + label);
    ImGui::SameLine();
  }
  ImGui::NewLine();
  review::SpeakerChoice choice;
  if (SpeakerCombo(corpus, "Said by", form.speaker_for_new_quote, view, "selection-speaker", choice)) {
    if (choice.id.empty()) {
      actions.edit = review::AddQuote{selection.paragraph, start, end, form.new_quote_kind, choice};
      view.reader_selection = {};
      return;
    }
    form.speaker_for_new_quote = choice.id;
  }
  ImGui::SameLine();
  if (Button(view, "Add as a quote", "selection-add", corpus.speaker_by_id(form.speaker_for_new_quote).has_value())) {
    actions.edit = review::AddQuote{selection.paragraph, start, end, form.new_quote_kind,
                                    review::SpeakerChoice{form.speaker_for_new_quote, ""}};
    view.reader_selection = {};
  }
  if (const auto selected = explorer.selected();
      selected && corpus.quotes.article[*selected] == selection.article) {
    if (Button(view, "Use as the selected quote's span", "selection-span")) {
      actions.edit = review::SetSpan{std::string(corpus.quotes.id[*selected]), selection.paragraph, start, end};
      view.reader_selection = {};
    }
  }
}

void HandleReviewShortcuts(const Explorer& explorer, const ViewState& view, Actions& actions) {
  // Text fields keep Ctrl+Z for their own text.
  if (!view.review || ImGui::GetIO().WantTextInput) return;
  if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_Z)) actions.undo = true;
  if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiMod_Shift | ImGuiKey_Z) ||
      ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_Y))
    actions.redo = true;
  if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_S)) actions.save_article = true;
  const auto selected = explorer.selected();
  if (selected && ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_Enter))
    actions.edit = review::Accept{std::string(explorer.corpus().quotes.id[*selected]), true};
}

// [SECTION] Applying

namespace {

void Report(ViewState& view, std::string message, bool error) {
  view.review_form.message = std::move(message);
  view.review_form.message_is_error = error;
}

// After an accept the next quote to check comes up, as in a review queue.
void SelectNextToCheck(Explorer& explorer) {
  const QuoteTable& quotes = explorer.corpus().quotes;
  for (QuoteIndex q : explorer.result().visible)
    if (!quotes.reviewed[q]) {
      explorer.select(q);
      return;
    }
}

}  // namespace

bool ApplyReviewActions(const Actions& actions, Explorer& explorer, std::optional<review::Session>& session,
                        ViewState& view) {
  const std::uint64_t before = explorer.revision();
  if (actions.start_review && !session) {
    std::string why;
    session = review::Session::start(explorer, &why);
    if (session) {
      explorer.set_review_order(true);
      if (!explorer.result().visible.empty()) explorer.select(explorer.result().visible.front());  // the least sure
      Report(view, "", false);
    } else {
      Report(view, why, true);
    }
  }
  if (session && actions.edit) {
    const review::EditResult result = session->apply(*actions.edit, explorer);
    Report(view, result.error, !result.ok());
    const auto* accept = std::get_if<review::Accept>(&*actions.edit);
    if (result.ok() && accept && accept->accepted) SelectNextToCheck(explorer);
  }
  if (session && actions.undo && session->undo(explorer)) Report(view, "", false);
  if (session && actions.redo && session->redo(explorer)) Report(view, "", false);
  if (session && actions.stop_review) {
    session.reset();
    explorer.set_review_order(false);
    view.reader_selection = {};
    view.review_form.editing_speaker.clear();
    Report(view, "", false);
  }
  view.review = session ? &*session : nullptr;
  return explorer.revision() != before;
}

}  // namespace qe::ui
