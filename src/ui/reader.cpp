#include "ui/reader.h"

#include <cctype>

#include <imgui.h>

#include "ui/facet_panel.h"
#include "ui/review_panel.h"
#include "ui/style.h"
#include "ui/text_layout.h"

namespace qe::ui {
namespace {

std::string Join(std::initializer_list<std::string_view> parts, std::string_view separator) {
  std::string out;
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out.append(separator);
    out.append(part);
  }
  return out;
}

bool IsWebLink(std::string_view url) {
  auto starts = [&](std::string_view scheme) {
    if (url.size() <= scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
    return true;
  };
  return starts("https://") || starts("http://");
}

// The source's URL: a link when it is http(s) (opened by the platform, in a new tab), else
// plain text, so a "javascript:" or "data:" URL in an article can never run.
void DrawSourceLink(const Article& article, ViewState& view, Actions& actions) {
  const std::string& url = article.source.url;
  if (url.empty()) return;
  if (!IsWebLink(url) || !view.can_open_links) {
    ImGui::TextWrapped("%s", url.c_str());
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(url.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y), max, ImGui::GetColorU32(ImGuiCol_ButtonActive));
  RecordItem(view, "source-link");
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("Open the original article in a new tab");
  }
  if (ImGui::IsItemClicked()) actions.open_url = url;
}

void DrawArticleHeader(const Article& article, ViewState& view, Actions& actions) {
  ImGui::PushFont(view.fonts.heading);
  ImGui::TextWrapped("%s", article.title.empty() ? article.id.c_str() : article.title.c_str());
  ImGui::PopFont();
  if (article.needs_review()) {
    // Quotes found by a program and not yet checked by a person: say so before anyone cites them.
    const std::string tooltip = "The quotes of this article were found automatically" +
                                (article.extracted_by.empty() ? std::string() : " (by " + article.extracted_by + ")") +
                                " and nobody has checked them yet.\nCheck each quote against the article before citing it.";
    BadgeItem("##extracted", "Extracted, not reviewed", Palette::Caution(), Palette::CautionFill(), tooltip.c_str());
    RecordItem(view, "extracted");
  }
  const std::string meta = Join({article.source.name, article.dateline, article.published}, " · ");
  ImGui::PushStyleColor(ImGuiCol_Text, Palette::MutedText());
  if (!meta.empty()) ImGui::TextWrapped("%s", meta.c_str());
  ImGui::PopStyleColor();
  DrawSourceLink(article, view, actions);
}

// "“quote” (Speaker, Role), Source, Title": what a journalist pastes into a draft.
std::string Citation(const Corpus& corpus, QuoteIndex q) {
  const Speaker& speaker = corpus.speakers[corpus.quotes.speaker[q]];
  const Article& article = corpus.articles[corpus.quotes.article[q]];
  const std::string_view text = corpus.quote_text(q);
  const std::string quoted = corpus.quotes.kind[q] == QuoteKind::Direct ? "“" + std::string(text) + "”"
                                                                          : std::string(text);
  return quoted + " (" + Join({speaker.name, speaker.role}, ", ") + "), " +
         Join({article.source.name, article.title}, ", ");
}

void DrawAttribution(const Corpus& corpus, QuoteIndex q, ViewState& view) {
  const Speaker& speaker = corpus.speakers[corpus.quotes.speaker[q]];
  // The button first, at the right; then the name, wrapped before it however long it is.
  const char* copy_label = "Copy quote";
  const float button_width = ImGui::CalcTextSize(copy_label).x + ImGui::GetStyle().FramePadding.x * 2;
  const ImVec2 line_start = ImGui::GetCursorPos();
  ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - button_width);
  if (ImGui::SmallButton(copy_label)) ImGui::SetClipboardText(Citation(corpus, q).c_str());
  RecordItem(view, "copy");
  ImGui::SetCursorPos(line_start);
  ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - button_width - ImGui::GetStyle().ItemSpacing.x);
  ImGui::PushFont(view.fonts.bold);
  ImGui::TextUnformatted(speaker.name.c_str());
  ImGui::PopFont();
  ImGui::PopTextWrapPos();
  const std::string country = speaker.country == kNoCountry
                                  ? std::string("country unknown")
                                  : std::string(country_name(speaker.country)) + " (" +
                                        std::string(country_code(speaker.country)) + ")";
  const std::string_view cue = corpus.quotes.cue[q];
  const std::string how = std::string(kind_name(corpus.quotes.kind[q])) +
                          (cue.empty() ? "" : ", “" + std::string(cue) + "”");
  ImGui::PushStyleColor(ImGuiCol_Text, Palette::MutedText());
  ImGui::TextWrapped("%s", Join({speaker.role, "speaking for " + country, how}, " · ").c_str());
  ImGui::PopStyleColor();
  if (IsLowConfidence(corpus, q)) {
    const std::string tooltip = ConfidenceTooltip(corpus, q);
    BadgeItem("##check", "check", Palette::Caution(), Palette::CautionFill(), tooltip.c_str());
    RecordItem(view, "reader-check");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, Palette::Caution());
    ImGui::TextWrapped("confidence %d%%: check this quote against the article", corpus.quotes.confidence[q]);
    ImGui::PopStyleColor();
  }
}

// While reviewing, dragging over a paragraph selects text (ViewState::reader_selection) for
// "add as a quote" or "use as the selected quote's span"; a plain click still selects quotes.
void FollowTextDrag(ArticleId article, std::uint32_t paragraph, const SpanLayoutResult& layout, ViewState& view) {
  ReaderSelection& selection = view.reader_selection;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && layout.mouse_inside && ImGui::IsWindowHovered()) {
    selection = ReaderSelection{article, paragraph, layout.mouse_offset, layout.mouse_offset, true};
  } else if (selection.dragging && selection.article == article && selection.paragraph == paragraph) {
    selection.focus = layout.mouse_offset;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) selection.dragging = false;
  }
}

void DrawParagraphs(const Explorer& explorer, ArticleId article_id, std::optional<QuoteIndex> selected,
                    ViewState& view, Actions& actions) {
  const Corpus& corpus = explorer.corpus();
  const QuoteTable& quotes = corpus.quotes;
  const Article& article = corpus.articles[article_id];
  const ReaderSelection& drag = view.reader_selection;
  for (std::uint32_t p = 0; p < article.paragraph_count; ++p) {
    std::vector<TextSpan> spans;
    for (QuoteIndex q = article.first_quote; q < article.first_quote + article.quote_count; ++q) {
      if (quotes.paragraph[q] != p) continue;
      const bool is_selected = q == selected;
      spans.push_back(TextSpan{quotes.start_byte[q], quotes.end_byte[q],
                               is_selected ? Palette::Highlight() : Palette::SoftHighlight(),
                               static_cast<int>(q), is_selected});
    }
    const bool painted = view.review && !drag.empty() && drag.article == article_id && drag.paragraph == p;
    const ByteRange selection{drag.begin(), drag.end()};
    const SpanLayoutResult layout = TextWithSpans(corpus.paragraph(article, p), spans, painted ? &selection : nullptr);
    RecordItem(view, "paragraph:" + std::to_string(p));
    if (layout.hovered >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    else if (view.review && layout.mouse_inside) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (layout.clicked >= 0) actions.select = static_cast<QuoteIndex>(layout.clicked);
    if (view.review) FollowTextDrag(article_id, p, layout, view);
    if (layout.focus_y >= 0 && view.scroll_reader_to_selection) {
      ImGui::SetScrollFromPosY(layout.focus_y - ImGui::GetWindowPos().y, 0.3f);
      view.scroll_reader_to_selection = false;
    }
    ImGui::Spacing();
  }
  if (drag.dragging && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) view.reader_selection.dragging = false;
}

}  // namespace

void DrawReader(const Explorer& explorer, ViewState& view, Actions& actions) {
  const auto selected = explorer.selected();
  const Corpus& corpus = explorer.corpus();
  // While reviewing, the article stays readable with no quote selected (all deleted, or none
  // found), so the editor can still add quotes from its text.
  if (!selected && !(view.review && corpus.articles.size() == 1)) {
    ImGui::TextDisabled("Select a quote to read it in its article.");
    view.reader_height = ImGui::GetCursorPosY();
    return;
  }
  const ArticleId article = selected ? corpus.quotes.article[*selected] : 0;
  DrawArticleHeader(corpus.articles[article], view, actions);
  ImGui::Separator();
  if (selected) {
    DrawAttribution(corpus, *selected, view);
    DrawQuoteReview(explorer, *selected, view, actions);
  } else {
    ImGui::TextDisabled("No quotes: drag over the text to add one.");
  }
  DrawSelectionReview(explorer, view, actions);
  ImGui::Separator();
  const float article_top = ImGui::GetCursorPosY();
  ImGui::BeginChild("##article", ImVec2(0, 0), 0, ImGuiWindowFlags_NavFlattened);  // one navigation with the pane
  DrawParagraphs(explorer, article, selected, view, actions);
  view.reader_height = article_top + ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
  ImGui::EndChild();
}

}  // namespace qe::ui
