#include "ui/date_histogram.h"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "core/dates.h"
#include "ui/facet_panel.h"
#include "ui/style.h"

namespace qe::ui {
namespace {

constexpr float kChartHeight = 56.0f;  // CSS pixels

std::string DayLabel(Day day) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const YearMonthDay date = civil_from_day(day);
  char text[32];
  std::snprintf(text, sizeof text, "%d %s %d", date.day, kMonths[date.month - 1], date.year);
  return text;
}

// The bins the filter's range touches (all when it is open); empty (first > last) when it
// selects nothing.
struct BinRange {
  std::int64_t first = 1, last = 0;
  bool contains(std::uint32_t bin) const { return bin >= first && bin <= last; }
};

// The filter's published range, parsed once a frame: its days (absent when open) and bins.
struct SelectedRange {
  std::optional<Day> from, to;
  BinRange bins;
};

SelectedRange Selected(const Filter& filter, const DateBins& bins) {
  SelectedRange range{parse_day(filter.published_from), parse_day(filter.published_to),
                      BinRange{0, static_cast<std::int64_t>(bins.count) - 1}};
  if (!filter.has_published()) return range;
  if ((!filter.published_from.empty() && !range.from) || (!filter.published_to.empty() && !range.to)) {
    range.bins = {};
    return range;
  }
  auto bin = [](std::int64_t b) { return static_cast<std::uint32_t>(b); };
  BinRange& kept = range.bins;
  while (range.from && kept.first <= kept.last && bins.bin_last_day(bin(kept.first)) < *range.from) ++kept.first;
  while (range.to && kept.last >= kept.first && bins.bin_first_day(bin(kept.last)) > *range.to) --kept.last;
  return range;
}

Filter WithBins(const Filter& filter, const DateBins& bins, std::uint32_t first, std::uint32_t last) {
  Filter next = filter;
  next.published_from = format_day(bins.bin_first_day(first));
  next.published_to = format_day(bins.bin_last_day(last));
  return next;
}

std::uint32_t BinAt(float x, float left, float width, std::uint32_t count) {
  const float at = (x - left) / width * static_cast<float>(count);
  return static_cast<std::uint32_t>(std::clamp(at, 0.0f, static_cast<float>(count - 1)));
}

// Bars of every quote per bin (faint), and of those the other filters keep, in the accent
// colour inside the selected range; the brush while dragging.
void DrawBars(const Corpus& corpus, const FilterResult& result, const BinRange& selected, const DateBrush& brush,
              ImVec2 min, ImVec2 size) {
  const DateBins& bins = corpus.published_bins;
  std::uint32_t highest = 1;
  for (std::uint32_t bin = 0; bin < bins.count; ++bin)
    highest = std::max<std::uint32_t>(highest, static_cast<std::uint32_t>(corpus.quotes_by_published.of(bin).size()));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float bar_width = size.x / static_cast<float>(bins.count);
  const float gap = bar_width > 4.0f ? 1.0f : 0.0f;
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_FrameBgHovered);
  const ImU32 accent = ImGui::GetColorU32(ImGuiCol_CheckMark);
  const ImU32 outside = (Palette::MutedText() & 0x00FFFFFFu) | 0x80000000u;  // half as strong
  const float bottom = min.y + size.y;
  for (std::uint32_t bin = 0; bin < bins.count; ++bin) {
    const float x = min.x + bar_width * static_cast<float>(bin);
    const auto total = static_cast<float>(corpus.quotes_by_published.of(bin).size());
    const auto kept = static_cast<float>(result.published_counts[bin]);
    const float scale = size.y / static_cast<float>(highest);
    if (total > 0) draw->AddRectFilled(ImVec2(x, bottom - std::max(1.0f, total * scale)), ImVec2(x + bar_width - gap, bottom), faint);
    if (kept > 0)
      draw->AddRectFilled(ImVec2(x, bottom - std::max(1.0f, kept * scale)), ImVec2(x + bar_width - gap, bottom),
                          selected.contains(bin) ? accent : outside);
  }
  draw->AddLine(ImVec2(min.x, bottom), ImVec2(min.x + size.x, bottom), ImGui::GetColorU32(ImGuiCol_Border));
  if (brush.dragging) {
    const float x0 = min.x + bar_width * static_cast<float>(brush.first());
    const float x1 = min.x + bar_width * static_cast<float>(brush.last() + 1);
    draw->AddRectFilled(ImVec2(x0, min.y), ImVec2(x1, bottom), (accent & 0x00FFFFFFu) | 0x40000000u);
    draw->AddRect(ImVec2(x0, min.y), ImVec2(x1, bottom), accent);
  }
}

// The chart as one item: press and drag to brush a range of bins; a click picks one bin.
void HandleBrush(const Explorer& explorer, ViewState& view, Actions& actions, ImVec2 min, ImVec2 size) {
  const DateBins& bins = explorer.corpus().published_bins;
  DateBrush& brush = view.published_brush;
  const std::uint32_t bin = BinAt(ImGui::GetIO().MousePos.x, min.x, size.x, bins.count);
  if (ImGui::IsItemActivated()) brush = {true, bin, bin};
  if (brush.dragging && ImGui::IsItemActive()) brush.focus = bin;
  if (brush.dragging && ImGui::IsItemDeactivated()) {
    brush.dragging = false;
    actions.filter = WithBins(explorer.filter(), bins, brush.first(), brush.last());
  }
  if (ImGui::IsItemHovered() && !brush.dragging) {
    const std::uint32_t quotes = explorer.result().published_counts[bin];
    ImGui::SetTooltip("%s: %s", BinLabel(bins, bin).c_str(), Counted(quotes, "quote", "quotes").c_str());
  }
}

// Under the chart: the range shown and its quotes, undated quotes, and "Clear dates".
void DrawRangeLine(const Explorer& explorer, ViewState& view, Actions& actions, const SelectedRange& selected) {
  const Corpus& corpus = explorer.corpus();
  const DateBins& bins = corpus.published_bins;
  const Filter& filter = explorer.filter();
  std::string line;
  if (!filter.has_published()) {
    line = DayLabel(bins.bin_first_day(0)) + " – " + DayLabel(bins.bin_last_day(bins.count - 1));
  } else if (selected.bins.first > selected.bins.last) {
    line = "No dates selected";
  } else {
    const Day from = selected.from.value_or(bins.bin_first_day(static_cast<std::uint32_t>(selected.bins.first)));
    const Day to = selected.to.value_or(bins.bin_last_day(static_cast<std::uint32_t>(selected.bins.last)));
    line = from == to ? DayLabel(from) : DayLabel(from) + " – " + DayLabel(to);
  }
  const std::uint32_t undated = explorer.result().published_counts[bins.count];
  if (undated > 0) line += " · " + Counted(undated, "undated quote", "undated quotes");
  ImGui::PushStyleColor(ImGuiCol_Text, Palette::MutedText());
  ImGui::TextWrapped("%s", line.c_str());
  ImGui::PopStyleColor();
  if (!filter.has_published()) return;
  if (ImGui::SmallButton("Clear dates")) {
    Filter next = filter;
    next.published_from.clear();
    next.published_to.clear();
    actions.filter = next;
  }
  RecordItem(view, "published-clear");
}

}  // namespace

std::string BinLabel(const DateBins& bins, std::uint32_t bin) {
  const std::string day = DayLabel(bins.bin_first_day(bin));
  return bins.unit == DateBins::Unit::Day ? day : day.substr(day.find(' ') + 1);  // "Mar 2025"
}

void DrawPublishedHistogram(const Explorer& explorer, ViewState& view, Actions& actions) {
  const Corpus& corpus = explorer.corpus();
  if (corpus.published_bins.count == 0) return;
  ImGui::SeparatorText("Published");
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, kChartHeight * view.scale);
  ImGui::InvisibleButton("##published-chart", size);
  RecordItem(view, "published-chart");
  const SelectedRange selected = Selected(explorer.filter(), corpus.published_bins);
  HandleBrush(explorer, view, actions, min, size);
  DrawBars(corpus, explorer.result(), selected.bins, view.published_brush, min, size);
  DrawRangeLine(explorer, view, actions, selected);
}

}  // namespace qe::ui
