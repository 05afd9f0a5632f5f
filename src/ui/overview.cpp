#include "ui/overview.h"

#include <imgui.h>

#include <algorithm>
#include <numeric>

#include "core/countries.h"
#include "core/format.h"
#include "ui/facet_panel.h"
#include "ui/style.h"

namespace qe::ui {
namespace {

constexpr std::size_t kBarsPerChart = 10;

struct Bar {
  std::string item;   // RecordItem name, "overview-country:RU"
  std::string label;  // what the row says
  std::string value;  // the filter value it toggles
  std::uint32_t count = 0;
  bool ticked = false;
};

struct BarChart {
  const char* title;
  FacetValues facet;
  std::vector<Bar> bars;
  bool any_ticked = false;
};

// One row: the label, the bar, the count; the whole row is the button.
bool DrawBarRow(ViewState& view, const Bar& bar, std::uint32_t highest, bool any_ticked) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = ImGui::GetFrameHeight();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::PushID(bar.item.c_str());
  const bool clicked = ImGui::InvisibleButton("##bar", ImVec2(width, height));
  ImGui::PopID();
  RecordItem(view, bar.item);
  const bool hovered = ImGui::IsItemHovered();
  if (hovered)
    ImGui::SetTooltip("%s: %s. Click to %s.", bar.label.c_str(), Counted(bar.count, "quote", "quotes").c_str(),
                      bar.ticked ? "stop filtering by it" : "filter by it");

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(min.x + width, min.y + height);
  if (hovered) draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_HeaderHovered));
  const std::string count = format_number(bar.count);
  const float count_width = ImGui::CalcTextSize("0,000,000").x;
  const float label_width = width * 0.38f;
  const float text_y = min.y + (height - ImGui::GetTextLineHeight()) * 0.5f;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImVec4 label_clip(min.x, min.y, min.x + label_width - 4.0f, max.y);
  draw->AddText(nullptr, 0.0f, ImVec2(min.x + 2.0f, text_y), text, bar.label.c_str(), nullptr, 0.0f, &label_clip);
  const float bar_left = min.x + label_width, bar_room = std::max(0.0f, width - label_width - count_width - 6.0f);
  const float bar_length = highest ? bar_room * static_cast<float>(bar.count) / static_cast<float>(highest) : 0.0f;
  const ImU32 fill = bar.ticked || !any_ticked ? ImGui::GetColorU32(ImGuiCol_CheckMark)
                                               : (Palette::MutedText() & 0x00FFFFFFu) | 0x80000000u;
  if (bar.count > 0)
    draw->AddRectFilled(ImVec2(bar_left, min.y + height * 0.2f), ImVec2(bar_left + std::max(1.0f, bar_length), max.y - height * 0.2f), fill);
  const float count_x = max.x - ImGui::CalcTextSize(count.c_str()).x - 2.0f;
  draw->AddText(ImVec2(count_x, text_y), bar.count ? text : Palette::MutedText(), count.c_str());
  return clicked;
}

void DrawBarChart(const BarChart& chart, const Filter& filter, ViewState& view, Actions& actions) {
  ImGui::SeparatorText(chart.title);
  std::uint32_t highest = 0;
  for (const Bar& bar : chart.bars) highest = std::max(highest, bar.count);
  for (const Bar& bar : chart.bars)
    if (DrawBarRow(view, bar, highest, chart.any_ticked)) actions.filter = Toggled(filter, chart.facet, bar.value);
}

BarChart CountryChart(const Explorer& explorer, const ViewState& view) {
  const Filter& filter = explorer.filter();
  const std::vector<std::uint32_t>& counts = explorer.result().country_counts;
  std::vector<bool> ticked(counts.size());
  for (std::size_t slot = 0; slot < counts.size(); ++slot) ticked[slot] = Contains(filter.countries, CountryValue(slot));
  BarChart chart{"Quotes per country", &Filter::countries, {}, !filter.countries.empty()};
  for (std::size_t slot : TopValues(counts, ticked, view.countries.name_rank, kBarsPerChart)) {
    const std::string value = CountryValue(slot);
    const CountryId id = slot < country_count() ? static_cast<CountryId>(slot) : kNoCountry;
    chart.bars.push_back({"overview-country:" + value, std::string(country_name(id)), value, counts[slot], ticked[slot]});
  }
  return chart;
}

BarChart SpeakerChart(const Explorer& explorer, const ViewState& view) {
  const Filter& filter = explorer.filter();
  const Corpus& corpus = explorer.corpus();
  const std::vector<std::uint32_t>& counts = explorer.result().speaker_counts;
  std::vector<bool> ticked(counts.size());
  for (std::size_t s = 0; s < counts.size(); ++s) ticked[s] = Contains(filter.speakers, corpus.speakers[s].id);
  BarChart chart{"Most quoted", &Filter::speakers, {}, !filter.speakers.empty()};
  for (std::size_t s : TopValues(counts, ticked, view.speakers.name_rank, kBarsPerChart)) {
    const Speaker& speaker = corpus.speakers[s];
    chart.bars.push_back({"overview-speaker:" + speaker.id, speaker.name, speaker.id, counts[s], ticked[s]});
  }
  return chart;
}

}  // namespace

std::vector<std::size_t> TopValues(const std::vector<std::uint32_t>& counts, const std::vector<bool>& ticked,
                                   const std::vector<std::uint32_t>& name_rank, std::size_t limit) {
  std::vector<std::size_t> values;
  for (std::size_t v = 0; v < counts.size(); ++v)
    if (counts[v] > 0 || ticked[v]) values.push_back(v);
  const auto before = [&](std::size_t a, std::size_t b) {
    const std::uint32_t rank_a = a < name_rank.size() ? name_rank[a] : 0, rank_b = b < name_rank.size() ? name_rank[b] : 0;
    return std::tie(counts[b], rank_a, a) < std::tie(counts[a], rank_b, b);
  };
  const std::size_t top = std::min(limit, values.size());
  std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(top), values.end(), before);
  std::vector<std::size_t> shown(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(top));
  for (std::size_t i = top; i < values.size(); ++i)
    if (ticked[values[i]]) shown.push_back(values[i]);  // ticked beyond the top: still listed, to untick
  std::sort(shown.begin(), shown.end(), before);
  return shown;
}

void DrawOverview(const Explorer& explorer, ViewState& view, Actions& actions) {
  PrepareFacets(explorer, view);
  const Corpus& corpus = explorer.corpus();
  ImGui::PushStyleColor(ImGuiCol_Text, Palette::MutedText());
  ImGui::TextWrapped("%s, %s, %s. Click a bar to filter by it; pick a quote to read it in its article.",
                     Counted(corpus.articles.size(), "article", "articles").c_str(),
                     Counted(corpus.quotes.size(), "quote", "quotes").c_str(),
                     Counted(corpus.speakers.size(), "speaker", "speakers").c_str());
  ImGui::PopStyleColor();
  DrawBarChart(CountryChart(explorer, view), explorer.filter(), view, actions);
  DrawBarChart(SpeakerChart(explorer, view), explorer.filter(), view, actions);
  view.reader_height = ImGui::GetCursorPosY();
}

}  // namespace qe::ui
