#include "ui/facet_panel.h"

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <numeric>

#include <imgui.h>
#include <imgui_internal.h>  // ActivateItemByID

#include "core/format.h"
#include "core/utf8.h"
#include "ui/date_histogram.h"
#include "ui/style.h"
#include "ui/text_layout.h"

namespace qe::ui {
namespace {

// Fills a list's per-corpus part: its values, their order by name and their search labels.
void PrepareList(FacetList& list, std::vector<std::size_t> values, std::size_t value_count,
                 const std::vector<std::string>& names, std::vector<std::string> search_labels) {
  list = FacetList{};
  list.values = std::move(values);
  list.search_labels = std::move(search_labels);
  std::vector<std::string> folded(value_count);
  for (std::size_t v : list.values) folded[v] = utf8::search_key(names[v]);
  std::vector<std::size_t> by_name = list.values;
  std::sort(by_name.begin(), by_name.end(), [&](std::size_t a, std::size_t b) {
    // One comparison a key (std::tie made two): 100,000 article titles sort as a
    // million-quote corpus loads.
    if (const int by_folded = folded[a].compare(folded[b])) return by_folded < 0;
    if (const int by_name = names[a].compare(names[b])) return by_name < 0;
    return a < b;
  });
  list.name_rank.assign(value_count, 0);
  for (std::size_t rank = 0; rank < by_name.size(); ++rank)
    list.name_rank[by_name[rank]] = static_cast<std::uint32_t>(rank);
}

void PrepareSpeakers(const Corpus& corpus, FacetList& list) {
  const std::size_t count = corpus.speakers.size();
  std::vector<std::size_t> values(count);
  std::iota(values.begin(), values.end(), 0);
  std::vector<std::string> names(count), labels(count);
  for (std::size_t s = 0; s < count; ++s) {
    const Speaker& speaker = corpus.speakers[s];
    names[s] = speaker.name;
    std::string label = speaker.name;
    for (const std::string& alias : speaker.aliases) label += "\n" + alias;
    labels[s] = utf8::search_key(label + "\n" + speaker.role);
  }
  PrepareList(list, std::move(values), count, names, std::move(labels));
}

CountryId CountryOfSlot(std::size_t slot) {
  return slot == country_count() ? kNoCountry : static_cast<CountryId>(slot);
}

// Countries nobody in the corpus speaks for are not listed.
void PrepareCountries(const Corpus& corpus, FacetList& list) {
  const std::size_t count = country_slot_count();
  std::vector<std::size_t> values;
  std::vector<std::string> names(count), labels(count);
  for (std::size_t slot = 0; slot < count; ++slot) {
    if (corpus.quotes_by_country.of(slot).size() == 0) continue;
    values.push_back(slot);
    names[slot] = std::string(country_name(CountryOfSlot(slot)));
    labels[slot] = utf8::search_key(names[slot] + "\n" + std::string(country_code(CountryOfSlot(slot))));
  }
  PrepareList(list, std::move(values), count, names, std::move(labels));
}

void PrepareSources(const Corpus& corpus, FacetList& list) {
  const std::size_t count = corpus.source_names.size();
  std::vector<std::size_t> values(count);
  std::iota(values.begin(), values.end(), 0);
  std::vector<std::string> labels(count);
  for (std::size_t v = 0; v < count; ++v) labels[v] = utf8::search_key(corpus.source_names[v]);
  PrepareList(list, std::move(values), count, corpus.source_names, std::move(labels));
}

// Articles by title (their id when untitled); the search also finds ids.
void PrepareArticles(const Corpus& corpus, FacetList& list) {
  const std::size_t count = corpus.articles.size();
  std::vector<std::size_t> values(count);
  std::iota(values.begin(), values.end(), 0);
  std::vector<std::string> names(count), labels(count);
  for (std::size_t a = 0; a < count; ++a) {
    const Article& article = corpus.articles[a];
    names[a] = article.title.empty() ? article.id : article.title;
    labels[a] = utf8::search_key(article.title + "\n" + article.id);
  }
  PrepareList(list, std::move(values), count, names, std::move(labels));
}

// Chooses and orders the rows a list shows: values matching its search, most quotes first
// (ties by name), so zero counts come last; only the top kTopFacetValues unless show_all.
// Ticked values are always shown, so they can be unticked. Runs when the counts, the search
// or show_all change, not every frame; the top values are picked in one pass, without
// sorting every value (a corpus may hold 100,000 articles).
template <typename IsTicked>
void UpdateShown(FacetList& list, const std::vector<std::uint32_t>& counts, IsTicked is_ticked,
                 std::uint64_t revision) {
  if (list.shown_for_revision == revision && list.shown_for_search == list.search &&
      list.shown_for_show_all == list.show_all)
    return;
  list.shown_for_revision = revision;
  list.shown_for_search = list.search;
  list.shown_for_show_all = list.show_all;
  const std::string query = utf8::search_key(list.search);
  auto by_count = [&](std::size_t a, std::size_t b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : list.name_rank[a] < list.name_rank[b];
  };
  std::vector<std::size_t>& shown = list.shown;
  std::vector<std::size_t> ticked_below;  // ticked values outside the top ones
  shown.clear();
  list.matches = 0;
  for (std::size_t v : list.values) {
    const bool ticked = is_ticked(v);
    if (!query.empty() && list.search_labels[v].find(query) == std::string::npos && !ticked) continue;
    ++list.matches;
    if (list.show_all) {
      shown.push_back(v);
    } else if (shown.size() < kTopFacetValues || by_count(v, shown.back())) {
      shown.insert(std::upper_bound(shown.begin(), shown.end(), v, by_count), v);
      if (shown.size() <= kTopFacetValues) continue;
      if (is_ticked(shown.back())) ticked_below.push_back(shown.back());
      shown.pop_back();
    } else if (ticked) {
      ticked_below.push_back(v);
    }
  }
  if (list.show_all) std::sort(shown.begin(), shown.end(), by_count);
  std::sort(ticked_below.begin(), ticked_below.end(), by_count);
  shown.insert(shown.end(), ticked_below.begin(), ticked_below.end());
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
  const std::string count_text = format_number(count);
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
    // A long role ends in an ellipsis (the whole of it in a tooltip) rather than mid-word.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - at.x;
    DrawClampedText(at, ImGui::GetColorU32(muted), detail, width, 1, {}, 0);
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
    if (ImGui::IsItemHovered() && ImGui::CalcTextSize(detail).x > width) ImGui::SetTooltip("%s", detail);
    ImGui::Unindent(indent);
  }
  if (dim) ImGui::PopStyleColor();
  ImGui::PopID();
  return toggled;
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

// A long list's search box: narrows the list to values whose name (alias, role, code)
// contains the text, ignoring case and accents.
void DrawListSearch(ViewState& view, FacetList& list, const char* name, const char* hint) {
  if (list.values.size() <= kTopFacetValues) return;
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint((std::string("##") + name).c_str(), hint, list.search, sizeof list.search,
                           ImGuiInputTextFlags_EscapeClearsAll);
  RecordItem(view, name);
}

// Below a list: "No speaker matches" when its search finds nothing, "Show all 2,000
// speakers" when only the top values are shown, "Show the top 20" when all are.
void DrawListFooter(ViewState& view, FacetList& list, const char* name, const char* singular, const char* plural) {
  if (list.matches == 0 && list.search[0]) ImGui::TextDisabled("No %s matches.", singular);
  if (list.matches <= kTopFacetValues) return;
  if (ImGui::SmallButton((ShowAllLabel(list, singular, plural) + "###" + name).c_str())) list.show_all = !list.show_all;
  RecordItem(view, name);
}

// [List facets] Speakers, countries, sources and articles are drawn alike: a search box (for
// long lists), the rows UpdateShown picks, through the clipper (a corpus may quote thousands
// of people), and "show all". Each is one entry of kListFacets, which says where its list,
// counts and ticked values are, and how a value reads.
struct RowText {
  std::string label, detail;
};

struct ListFacet {
  const char* title;     // "Speakers"
  const char* singular;  // names the widgets: "speaker:VALUE", "speaker-search"
  const char* plural;    // "speakers-show-all"
  const char* hint;      // in the search box
  bool detail_below;     // the detail on a second line (every row then has two, as the clipper needs)
  FacetList ViewState::*list;
  const std::vector<std::uint32_t> FilterResult::*counts;
  FacetValues ticked;
  std::string_view (*value)(const Corpus&, std::size_t);  // the filter's value
  RowText (*text)(const Corpus&, std::size_t);
  std::size_t min_values;  // fewer values filter nothing: the facet is not drawn
  std::size_t (*value_count)(const Corpus&);
};

constexpr ListFacet kListFacets[] = {
    {"Speakers", "speaker", "speakers", "Find a speaker", true, &ViewState::speakers, &FilterResult::speaker_counts,
     &Filter::speakers, [](const Corpus& c, std::size_t s) -> std::string_view { return c.speakers[s].id; },
     [](const Corpus& c, std::size_t s) {
       const Speaker& speaker = c.speakers[s];
       std::string detail(country_code(speaker.country));
       if (!speaker.role.empty()) detail += (detail.empty() ? "" : " · ") + speaker.role;
       return RowText{speaker.name, detail};
     },
     0, [](const Corpus& c) { return c.speakers.size(); }},
    {"Countries", "country", "countries", "Find a country", false, &ViewState::countries,
     &FilterResult::country_counts, &Filter::countries,
     [](const Corpus&, std::size_t slot) -> std::string_view {
       const CountryId id = CountryOfSlot(slot);
       return id == kNoCountry ? kNoCountryValue : country_code(id);
     },
     [](const Corpus&, std::size_t slot) {
       const CountryId id = CountryOfSlot(slot);
       return RowText{std::string(country_name(id)), std::string(country_code(id))};
     },
     0, [](const Corpus&) { return country_slot_count(); }},
    // Only when articles name more than one source: a single source filters nothing.
    {"Sources", "source", "sources", "Find a source", false, &ViewState::sources, &FilterResult::source_counts,
     &Filter::sources, [](const Corpus& c, std::size_t v) -> std::string_view { return c.source_names[v]; },
     [](const Corpus& c, std::size_t v) { return RowText{c.source_names[v], ""}; }, 2,
     [](const Corpus& c) { return c.source_names.size(); }},
    // Only when the corpus holds more than one article; listed by title, with the date.
    {"Articles", "article", "articles", "Find an article", false, &ViewState::articles, &FilterResult::article_counts,
     &Filter::articles, [](const Corpus& c, std::size_t a) -> std::string_view { return c.articles[a].id; },
     [](const Corpus& c, std::size_t a) {
       const Article& article = c.articles[a];
       return RowText{article.title.empty() ? article.id : article.title, article.published.substr(0, 10)};
     },
     2, [](const Corpus& c) { return c.articles.size(); }},
};
enum ListFacetIndex { kSpeakerList, kCountryList, kSourceList, kArticleList };

void DrawListFacet(const Explorer& explorer, ViewState& view, Actions& actions, const ListFacet& facet) {
  const Corpus& corpus = explorer.corpus();
  if (facet.value_count(corpus) < facet.min_values) return;
  const Filter& filter = explorer.filter();
  const std::vector<std::string>& ticked = filter.*facet.ticked;
  const std::vector<std::uint32_t>& counts = explorer.result().*facet.counts;
  FacetList& list = view.*facet.list;
  ImGui::SeparatorText(facet.title);
  DrawListSearch(view, list, (std::string(facet.singular) + "-search").c_str(), facet.hint);
  UpdateShown(list, counts, [&](std::size_t v) { return Contains(ticked, facet.value(corpus, v)); }, explorer.revision());
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(list.shown.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const std::size_t v = list.shown[static_cast<std::size_t>(row)];
      const std::string value(facet.value(corpus, v));
      const RowText text = facet.text(corpus, v);
      if (FacetRow(view, facet.singular + (":" + value), text.label.c_str(), text.detail.c_str(), facet.detail_below,
                   Contains(ticked, value), counts[v]))
        actions.filter = Toggled(filter, facet.ticked, value);
    }
  }
  DrawListFooter(view, list, (std::string(facet.plural) + "-show-all").c_str(), facet.singular, facet.plural);
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

void CopyTruncated(std::string_view text, char* buffer, std::size_t size) {
  std::size_t length = std::min(text.size(), size - 1);
  while (length > 0 && length < text.size() && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  std::memcpy(buffer, text.data(), length);
  buffer[length] = '\0';
}

void RecordItem(ViewState& view, std::string name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 size = ImGui::GetItemRectSize();
  if (ImGui::IsItemFocused()) view.focused_item = name;
  view.item_rects[std::move(name)] = ItemRect{min.x, min.y, size.x, size.y};
}

std::string ShowAllLabel(const FacetList& list, std::string_view singular, std::string_view plural) {
  if (list.show_all) return "Show the top " + format_number(kTopFacetValues);
  return "Show all " + (list.search[0] ? format_count(list.matches, "match", "matches")
                                       : format_count(list.matches, singular, plural));
}

std::string ResultLine(const Explorer& explorer) {
  const std::size_t total = explorer.corpus().quotes.size();
  const std::size_t shown = explorer.result().visible.size();
  if (explorer.filter().empty()) return format_count(total, "quote", "quotes");
  return format_number(shown) + " of " + format_count(total, "quote", "quotes");
}

namespace {

int ResizeString(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}

// "New article": a window to paste a story into, for screens without a clipboard shortcut
// or a file to drop (phones, tablets); "Find quotes" extracts it like a paste.
void DrawNewArticle(ViewState& view, Actions& actions) {
  if (ImGui::SmallButton("New article…")) {
    view.new_article_open = true;
    ImGui::OpenPopup("New article");
  }
  RecordItem(view, "new-article");
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(viewport->WorkSize.x * 0.9f, ImGui::GetFontSize() * 40), 0),
                           ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("New article", &view.new_article_open)) return;
  std::string& text = view.new_article_text;
  if (text.capacity() < 64) text.reserve(64);
  ImGui::TextWrapped("Paste the story's text: the title first, then a paragraph a line. Its quotes are found here, "
                     "in this browser; nothing is sent anywhere.");
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::InputTextMultiline("##new-article-text", text.data(), text.capacity() + 1,
                            ImVec2(-1, std::min(ImGui::GetTextLineHeight() * 14, viewport->WorkSize.y * 0.5f)),
                            ImGuiInputTextFlags_CallbackResize, ResizeString, &text);
  RecordItem(view, "new-article-text");
  ImGui::BeginDisabled(text.find_first_not_of(" \t\r\n") == std::string::npos);
  if (ImGui::Button("Find quotes")) {
    actions.extract_text = text;
    text.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  RecordItem(view, "new-article-extract");
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  RecordItem(view, "new-article-cancel");
  ImGui::EndPopup();
}

void DrawExport(const Explorer& explorer, ViewState& view, Actions& actions) {
  if (!view.can_export || explorer.result().visible.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, Palette::MutedText());
  ImGui::TextWrapped("Export the %s shown:", format_count(explorer.result().visible.size(), "quote", "quotes").c_str());
  ImGui::PopStyleColor();
  if (ImGui::SmallButton("CSV")) actions.export_quotes = ExportFormat::Csv;
  RecordItem(view, "export-csv");
  ImGui::SameLine();
  if (ImGui::SmallButton("JSON")) actions.export_quotes = ExportFormat::Json;
  RecordItem(view, "export-json");
  ImGui::SameLine();
  if (ImGui::SmallButton("Copy link")) actions.copy_link = true;
  RecordItem(view, "copy-link");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A link to this view, with its filters");
  if (!view.notice.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, Palette::MutedText());
    ImGui::TextWrapped("%s", view.notice.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace

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

std::string CountryValue(std::size_t slot) {
  const CountryId id = CountryOfSlot(slot);
  return id == kNoCountry ? std::string(kNoCountryValue) : std::string(country_code(id));
}

void PrepareFacets(const Explorer& explorer, ViewState& view) {
  if (view.facets_for == explorer.corpus_generation()) return;
  view.facets_for = explorer.corpus_generation();
  const Corpus& corpus = explorer.corpus();
  PrepareSpeakers(corpus, view.speakers);
  PrepareCountries(corpus, view.countries);
  PrepareSources(corpus, view.sources);
  PrepareArticles(corpus, view.articles);
}

void DrawFacetPanel(const Explorer& explorer, ViewState& view, Actions& actions) {
  PrepareFacets(explorer, view);
  DrawSearchBox(explorer, view, actions);
  DrawResultLine(explorer, view, actions);
  const float facets_top = ImGui::GetCursorPosY();
  ImGui::BeginChild("##facets", ImVec2(0, 0), 0, ImGuiWindowFlags_NavFlattened);  // one navigation with the pane
  DrawListFacet(explorer, view, actions, kListFacets[kSpeakerList]);
  DrawListFacet(explorer, view, actions, kListFacets[kCountryList]);
  DrawKinds(explorer, view, actions);
  DrawListFacet(explorer, view, actions, kListFacets[kSourceList]);
  DrawPublishedHistogram(explorer, view, actions);
  DrawListFacet(explorer, view, actions, kListFacets[kArticleList]);  // last: its 20 rows would push the histogram out of sight
  ImGui::Spacing();
  // Where the data came from, so a link with ?src= cannot pass off quotes as the site's own.
  ImGui::PushStyleColor(ImGuiCol_Text, Palette::MutedText());
  ImGui::TextWrapped("Data: %s", explorer.file_name().c_str());
  ImGui::PopStyleColor();
  DrawExport(explorer, view, actions);
  if (view.can_open_files) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, Palette::MutedText());
    ImGui::TextWrapped("Drop or paste an article's text or page to find its quotes.");
    ImGui::PopStyleColor();
    if (ImGui::SmallButton("Open file…")) actions.open_file = true;
    RecordItem(view, "open-file");
    ImGui::SameLine();
    DrawNewArticle(view, actions);
  }
  view.facets_height = facets_top + ImGui::GetCursorPosY();
  ImGui::EndChild();
}

}  // namespace qe::ui
