#include "ui/facet_panel.h"

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <numeric>

#include <imgui.h>
#include <imgui_internal.h>  // ActivateItemByID

#include "ui/style.h"

namespace qe::ui {
namespace {

using FacetValues = std::vector<std::string> Filter::*;

bool Contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

Filter Toggled(const Filter& filter, FacetValues facet, const std::string& value) {
  Filter next = filter;
  auto& values = next.*facet;
  auto it = std::find(values.begin(), values.end(), value);
  if (it == values.end()) values.push_back(value);
  else values.erase(it);
  return next;
}

// Orders facet rows once per corpus: most quoted first, so the answer to "who is quoted
// most" is the top of the list.
void OrderFacets(const Corpus& corpus, ViewState& view) {
  if (view.ordered_for == &corpus) return;
  view.ordered_for = &corpus;
  view.speaker_order.resize(corpus.speakers.size());
  std::iota(view.speaker_order.begin(), view.speaker_order.end(), 0);
  std::stable_sort(view.speaker_order.begin(), view.speaker_order.end(), [&](SpeakerId a, SpeakerId b) {
    return corpus.quotes_by_speaker.of(a).size() > corpus.quotes_by_speaker.of(b).size();
  });
  view.country_order.clear();
  for (std::size_t slot = 0; slot < country_slot_count(); ++slot)
    if (corpus.quotes_by_country.of(slot).size() > 0) view.country_order.push_back(slot);
  std::stable_sort(view.country_order.begin(), view.country_order.end(), [&](std::size_t a, std::size_t b) {
    return corpus.quotes_by_country.of(a).size() > corpus.quotes_by_country.of(b).size();
  });
}

// A checkbox row: label, a muted detail, and the count right-aligned. Zero counts are
// dimmed, as the choice would show nothing. Returns true when toggled.
// With `detail_below` the detail takes a second line (every row then has two, which the
// list clipper needs).
bool FacetRow(ViewState& view, const std::string& name, const char* label, const char* detail, bool detail_below,
              bool checked, std::uint32_t count) {
  ImGui::PushID(name.c_str());
  const bool dim = count == 0 && !checked;
  if (dim) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  const std::string count_text = std::to_string(count);
  const float count_width = ImGui::CalcTextSize(count_text.c_str()).x;
  const float count_x = ImGui::GetContentRegionMax().x - count_width;
  // Long names are cut before the count rather than drawn under it.
  ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                      ImVec2(ImGui::GetWindowPos().x + count_x - ImGui::GetStyle().ItemSpacing.x, FLT_MAX), true);
  bool value = checked;
  // A label holding "##" would be cut there by ImGui: such labels are drawn beside the box.
  const bool plain_label = std::strstr(label, "##") == nullptr;
  const bool toggled = ImGui::Checkbox(plain_label ? label : "##checkbox", &value);
  RecordItem(view, name);
  const float label_end = ImGui::GetItemRectMin().x + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                          ImGui::CalcTextSize(label).x;
  if (ImGui::IsItemHovered() && label_end > ImGui::GetWindowPos().x + count_x)  // cut: show it whole
    ImGui::SetTooltip("%s%s%s", label, *detail ? "\n" : "", detail);
  if (!plain_label) {
    ImGui::SameLine();
    ImGui::TextUnformatted(label);
  }
  const ImVec4 muted = ImGui::ColorConvertU32ToFloat4(Palette::MutedText());
  if (!detail_below && *detail) {
    ImGui::SameLine();
    ImGui::TextColored(muted, "%s", detail);
  }
  ImGui::PopClipRect();
  ImGui::SameLine(count_x);
  ImGui::TextUnformatted(count_text.c_str());
  if (detail_below) {
    const float indent = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
    ImGui::Indent(indent);
    ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                        ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, FLT_MAX), true);
    ImGui::TextColored(muted, "%s", detail);
    ImGui::PopClipRect();
    ImGui::Unindent(indent);
  }
  if (dim) ImGui::PopStyleColor();
  ImGui::PopID();
  return toggled;
}

// Copies as much of `text` as fits, never cutting a UTF-8 sequence.
void CopyTruncated(const std::string& text, char* buffer, std::size_t size) {
  std::size_t length = std::min(text.size(), size - 1);
  while (length > 0 && length < text.size() && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  std::memcpy(buffer, text.data(), length);
  buffer[length] = '\0';
}

void DrawSearchBox(const Explorer& explorer, ViewState& view, Actions& actions) {
  const std::string& text = explorer.filter().text;
  if (text != view.search_synced && !view.search_active) {  // changed from outside (JS API, URL hash)
    CopyTruncated(text, view.search, sizeof view.search);
    view.search_synced = text;
  }
  if (view.focus_search) {
    // Not SetKeyboardFocusHere(): it resolves through keyboard navigation, which ignores a
    // child window that does not have focus yet.
    ImGui::ActivateItemByID(ImGui::GetID("##search"));
    view.focus_search = false;
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::InputTextWithHint("##search", "Search quotes (Ctrl+F)", view.search, sizeof view.search,
                               ImGuiInputTextFlags_EscapeClearsAll)) {
    Filter next = explorer.filter();
    next.text = view.search;
    view.search_synced = next.text;
    actions.filter = next;
  }
  view.search_active = ImGui::IsItemActive();
  RecordItem(view, "search");
}

void DrawResultLine(const Explorer& explorer, ViewState& view, Actions& actions) {
  ImGui::PushFont(view.fonts.bold);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ResultLine(explorer).c_str());
  ImGui::PopFont();
  const char* label = "Clear filters";
  ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(label).x -
                  ImGui::GetStyle().FramePadding.x * 2);
  ImGui::BeginDisabled(explorer.filter().empty());
  if (ImGui::Button(label)) {
    actions.filter = Filter{};
    view.search[0] = '\0';
  }
  RecordItem(view, "clear");
  ImGui::EndDisabled();
}

void DrawSpeakers(const Explorer& explorer, ViewState& view, Actions& actions) {
  const Corpus& corpus = explorer.corpus();
  const Filter& filter = explorer.filter();
  ImGui::SeparatorText("Speakers");
  ImGuiListClipper clipper;  // a corpus may quote thousands of people
  clipper.Begin(static_cast<int>(view.speaker_order.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const SpeakerId s = view.speaker_order[static_cast<std::size_t>(row)];
      const Speaker& speaker = corpus.speakers[s];
      std::string detail(country_code(speaker.country));
      if (!speaker.role.empty()) detail += (detail.empty() ? "" : " · ") + speaker.role;
      if (FacetRow(view, "speaker:" + speaker.id, speaker.name.c_str(), detail.c_str(), true,
                   Contains(filter.speakers, speaker.id), explorer.result().speaker_counts[s]))
        actions.filter = Toggled(filter, &Filter::speakers, speaker.id);
    }
  }
}

void DrawCountries(const Explorer& explorer, ViewState& view, Actions& actions) {
  const Filter& filter = explorer.filter();
  ImGui::SeparatorText("Countries");
  for (std::size_t slot : view.country_order) {
    const CountryId id = slot == country_count() ? kNoCountry : static_cast<CountryId>(slot);
    const std::string value = id == kNoCountry ? std::string(kNoCountryValue) : std::string(country_code(id));
    if (FacetRow(view, "country:" + value, std::string(country_name(id)).c_str(), std::string(country_code(id)).c_str(), false,
                 Contains(filter.countries, value), explorer.result().country_counts[slot]))
      actions.filter = Toggled(filter, &Filter::countries, value);
  }
}

void DrawKinds(const Explorer& explorer, ViewState& view, Actions& actions) {
  static constexpr const char* kLabels[] = {"Direct", "Indirect", "Mixed"};
  static constexpr const char* kDetails[] = {"verbatim", "reported", "reported, with verbatim words"};
  const Filter& filter = explorer.filter();
  ImGui::SeparatorText("Kinds");
  for (std::size_t k = 0; k < kQuoteKindCount; ++k) {
    const std::string value(kind_name(static_cast<QuoteKind>(k)));
    if (FacetRow(view, "kind:" + value, kLabels[k], kDetails[k], false, Contains(filter.kinds, value),
                 explorer.result().kind_counts[k]))
      actions.filter = Toggled(filter, &Filter::kinds, value);
  }
}

}  // namespace

void RecordItem(ViewState& view, std::string name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 size = ImGui::GetItemRectSize();
  view.item_rects[std::move(name)] = ItemRect{min.x, min.y, size.x, size.y};
}

std::string ResultLine(const Explorer& explorer) {
  const std::size_t total = explorer.corpus().quotes.size();
  const std::size_t shown = explorer.result().visible.size();
  const char* noun = total == 1 ? "quote" : "quotes";
  if (explorer.filter().empty()) return std::to_string(total) + " " + noun;
  return std::to_string(shown) + " of " + std::to_string(total) + " " + noun;
}

void DrawFacetPanel(const Explorer& explorer, ViewState& view, Actions& actions) {
  OrderFacets(explorer.corpus(), view);
  DrawSearchBox(explorer, view, actions);
  DrawResultLine(explorer, view, actions);
  ImGui::BeginChild("##facets", ImVec2(0, 0));
  DrawSpeakers(explorer, view, actions);
  DrawCountries(explorer, view, actions);
  DrawKinds(explorer, view, actions);
  ImGui::Spacing();
  // Where the data came from, so a link with ?src= cannot pass off quotes as the site's own.
  ImGui::PushStyleColor(ImGuiCol_Text, Palette::MutedText());
  ImGui::TextWrapped("Data: %s", explorer.file_name().c_str());
  if (view.can_open_files) {
    ImGui::TextWrapped("Drop or paste an article's text or page to find its quotes.");
    ImGui::PopStyleColor();
    if (ImGui::SmallButton("Open file…")) actions.open_file = true;
    RecordItem(view, "open-file");
  } else {
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

}  // namespace qe::ui
