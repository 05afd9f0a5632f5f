// The ImGui views without a window or GPU: input goes in through ImGuiIO, as a platform
// feeds it, and what comes out are Actions applied to the core's Explorer.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "../../bench/corpus_generator.h"
#include "core/countries.h"
#include "core/explorer.h"
#include "core/format.h"
#include "core/utf8.h"
#include "fixtures.h"
#include "ui/explorer_view.h"
#include "ui/facet_panel.h"
#include "ui/overview.h"
#include "ui/style.h"

namespace {

class HeadlessExplorer {
 public:
  // A display tall enough for long facet lists to fit without scrolling.
  static constexpr ImVec2 kTall{1280, 4000};

  explicit HeadlessExplorer(const std::string& text = qe::test::SeedArticleText(), ImVec2 display = {1280, 800}) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.DisplaySize = display;
    qe::ui::SetupFontsAndStyle(view, 1.0f);
    REQUIRE(explorer.load(text, "corpus.jsonl").empty());
    Frames(3);
  }
  ~HeadlessExplorer() { ImGui::DestroyContext(context_); }

  void Frames(int count) {
    for (int i = 0; i < count; ++i) {
      ImGui::NewFrame();
      qe::ui::Actions actions;
      qe::ui::DrawExplorer(explorer, view, actions);
      ImGui::Render();
      if (qe::ui::ApplyActions(actions, explorer)) view.scroll_list_to_selection = view.scroll_reader_to_selection = true;
    }
  }

  void Click(const std::string& item) {
    REQUIRE_MESSAGE(view.item_rects.count(item), item);
    const qe::ui::ItemRect rect = view.item_rects.at(item);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(rect.x + 8, rect.y + rect.height / 2);
    Frames(1);  // hover first, as a real pointer does (tabs take a click only on what was hovered)
    io.AddMouseButtonEvent(0, true);
    io.AddMouseButtonEvent(0, false);
    Frames(4);  // ImGui takes queued input one change a frame
  }

  void Press(ImGuiKeyChord chord) {
    ImGuiIO& io = ImGui::GetIO();
    const auto key = static_cast<ImGuiKey>(chord & ~ImGuiMod_Mask_);
    if (chord & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    if (chord & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    Frames(5);
  }

  void Type(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    Frames(static_cast<int>(std::strlen(text)) + 2);
  }

  qe::Explorer explorer;
  qe::ui::ViewState view;

 private:
  ImGuiContext* context_;
};

std::vector<std::string> VisibleIds(const qe::Explorer& explorer) {
  std::vector<std::string> ids;
  for (qe::QuoteIndex q : explorer.result().visible) ids.emplace_back(explorer.corpus().quotes.id[q]);
  return ids;
}

// Speaker ids of the speaker rows on screen, top to bottom.
std::vector<std::string> SpeakerRows(const qe::ui::ViewState& view) {
  std::vector<std::pair<float, std::string>> rows;
  for (const auto& [name, rect] : view.item_rects)
    if (name.rfind("speaker:", 0) == 0) rows.emplace_back(rect.y, name.substr(8));
  std::sort(rows.begin(), rows.end());
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.second);
  return ids;
}

const qe::Speaker& SpeakerById(const qe::Explorer& explorer, const std::string& id) {
  return explorer.corpus().speakers[*explorer.corpus().speaker_by_id(id)];
}

std::uint32_t SpeakerCount(const qe::Explorer& explorer, const std::string& id) {
  return explorer.result().speaker_counts[*explorer.corpus().speaker_by_id(id)];
}

// Whether the row's checkbox label was drawn in ImGui's "disabled" (greyed) text colour.
bool DrawnGreyed(const qe::ui::ItemRect& rect) {
  const ImU32 grey = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l)
    for (const ImDrawVert& vertex : data->CmdLists[l]->VtxBuffer)
      if (vertex.col == grey && vertex.pos.x >= rect.x && vertex.pos.x <= rect.x + rect.width &&
          vertex.pos.y >= rect.y && vertex.pos.y <= rect.y + rect.height)
        return true;
  return false;
}

// 1,500 articles of 8 quotes: about 1,600 speakers, a few quoted a lot, most rarely.
const std::string& GeneratedCorpus() {
  static const std::string text = qe::bench::GenerateCorpusJsonLines(1500, 8);
  return text;
}

// One article quoting 25 people, some with accented names.
std::string ArticleWithManySpeakers() {
  auto article = qe::test::SmallArticle();
  const char* names[] = {"Recep Tayyip Erdoğan", "Radosław Sikorski", "Andrej Babiš", "Emmanuel Macron"};
  auto speaker = article["speakers"][0];
  auto quote = article["quotes"][0];
  for (int i = 0; i < 25; ++i) {
    speaker["id"] = "p" + std::to_string(i);
    speaker["name"] = i < 4 ? std::string(names[i]) : "Person " + std::to_string(i);
    speaker["aliases"] = nlohmann::json::array();
    article["speakers"].push_back(speaker);
    quote["id"] = "x" + std::to_string(i);
    quote["speaker"] = speaker["id"];
    article["quotes"].push_back(quote);
  }
  return article.dump();
}

}  // namespace

TEST_CASE("the explorer view lays out every facet value of the seed article") {
  HeadlessExplorer app;
  for (const char* item : {"search", "clear", "speaker:sergei-lavrov", "speaker:donald-trump", "country:RU",
                           "country:UA", "country:US", "kind:direct", "kind:indirect", "kind:mixed", "quote:0", "copy"})
    CHECK_MESSAGE(app.view.item_rects.count(item) == 1, item);
}

TEST_CASE("clicking facet checkboxes filters; Clear filters resets") {
  HeadlessExplorer app;
  app.Click("speaker:sergei-lavrov");
  CHECK(VisibleIds(app.explorer) == std::vector<std::string>{"q1", "q3", "q4", "q5"});
  app.Click("kind:mixed");
  CHECK(VisibleIds(app.explorer) == std::vector<std::string>{"q1", "q5"});
  app.Click("speaker:sergei-lavrov");
  CHECK(VisibleIds(app.explorer) == std::vector<std::string>{"q1", "q5", "q6"});
  app.Click("clear");
  CHECK(app.explorer.filter().empty());
}

TEST_CASE("Ctrl+F focuses search, typing filters, Esc clears") {
  HeadlessExplorer app;
  app.Press(ImGuiMod_Ctrl | ImGuiKey_F);
  app.Type("threat");
  CHECK(app.explorer.filter().text == "threat");
  CHECK(VisibleIds(app.explorer) == std::vector<std::string>{"q5"});
  app.Press(ImGuiKey_Escape);
  CHECK(app.explorer.filter().text.empty());
}

TEST_CASE("arrow keys and clicks move the selection; the reader follows") {
  HeadlessExplorer app;
  app.Press(ImGuiKey_DownArrow);
  app.Press(ImGuiKey_DownArrow);
  CHECK(app.explorer.selected_row() == std::size_t{2});
  app.Click("quote:6");
  CHECK(app.explorer.corpus().quotes.id[*app.explorer.selected()] == "q7");
  app.Press(ImGuiKey_End);
  CHECK(app.explorer.selected_row() == std::size_t{9});
}

TEST_CASE("Copy quote puts a citation on the clipboard") {
  HeadlessExplorer app;
  app.Click("quote:2");
  app.Click("copy");
  CHECK(std::string(ImGui::GetClipboardText()) ==
        "“This would be absolutely unacceptable for the Russian Federation,” (Sergei Lavrov, Foreign Minister of "
        "Russia), Brussels Morning Newspaper, Lavrov: European troops in Ukraine would be “absolutely unacceptable”");
}

TEST_CASE("a narrow display folds the filters away and stacks the list above the reader") {
  HeadlessExplorer app;
  ImGui::GetIO().DisplaySize = ImVec2(420, 760);
  app.Frames(3);
  CHECK(app.view.item_rects.count("search") == 0);
  REQUIRE(app.view.item_rects.count("quote:0") == 1);
  REQUIRE(app.view.item_rects.count("copy") == 1);
  CHECK(app.view.item_rects.at("copy").y > app.view.item_rects.at("quote:0").y);
}

TEST_CASE("speakers are listed by count, ties by name: the seed starts with Sergei Lavrov") {
  HeadlessExplorer app;
  CHECK(SpeakerRows(app.view) == std::vector<std::string>{"sergei-lavrov", "donald-trump", "andriy-yermak",
                                                          "russian-government", "volodymyr-zelenskyy"});
  CHECK(app.view.item_rects.count("speaker-search") == 0);  // five speakers need no search box
  CHECK(app.view.item_rects.count("speakers-show-all") == 0);
}

TEST_CASE("values that would show nothing are greyed and listed last") {
  HeadlessExplorer app;
  app.Click("country:RU");
  const auto rows = SpeakerRows(app.view);
  CHECK(rows == std::vector<std::string>{"sergei-lavrov", "russian-government", "andriy-yermak", "donald-trump",
                                         "volodymyr-zelenskyy"});
  CHECK_FALSE(DrawnGreyed(app.view.item_rects.at("speaker:sergei-lavrov")));
  for (const char* zero : {"speaker:andriy-yermak", "speaker:donald-trump", "speaker:volodymyr-zelenskyy"})
    CHECK_MESSAGE(DrawnGreyed(app.view.item_rects.at(zero)), zero);
}

TEST_CASE("a generated corpus shows its top 20 speakers by count; Show all reveals the rest") {
  HeadlessExplorer app(GeneratedCorpus(), HeadlessExplorer::kTall);
  const std::size_t speakers = app.explorer.corpus().speakers.size();
  REQUIRE(speakers > 1000);
  auto rows = SpeakerRows(app.view);
  REQUIRE(rows.size() == 20);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto before = SpeakerCount(app.explorer, rows[i - 1]), after = SpeakerCount(app.explorer, rows[i]);
    CHECK(before >= after);
    if (before == after) CHECK(SpeakerById(app.explorer, rows[i - 1]).name < SpeakerById(app.explorer, rows[i]).name);
  }
  // No speaker left out is quoted more than the last one shown.
  std::uint32_t most_left_out = 0;
  for (qe::SpeakerId s = 0; s < speakers; ++s)
    if (std::find(rows.begin(), rows.end(), app.explorer.corpus().speakers[s].id) == rows.end())
      most_left_out = std::max(most_left_out, app.explorer.result().speaker_counts[s]);
  CHECK(most_left_out <= SpeakerCount(app.explorer, rows.back()));

  CHECK(qe::ui::ShowAllLabel(app.view.speakers, "speaker", "speakers") ==
        "Show all " + qe::format_number(speakers) + " speakers");
  app.Click("speakers-show-all");
  const auto all = SpeakerRows(app.view);
  REQUIRE(all.size() > 20);  // as many as fit: the list is clipped to the window
  CHECK(std::vector<std::string>(all.begin(), all.begin() + 20) == rows);
  CHECK(SpeakerCount(app.explorer, all[20]) <= SpeakerCount(app.explorer, rows.back()));
  CHECK(qe::ui::ShowAllLabel(app.view.speakers, "speaker", "speakers") == "Show the top 20");
}

TEST_CASE("typing in a long facet's search box narrows its list, ignoring case") {
  HeadlessExplorer app(GeneratedCorpus(), HeadlessExplorer::kTall);
  app.Click("speaker-search");
  app.Type("SPEAKER 12");
  const auto rows = SpeakerRows(app.view);
  REQUIRE_FALSE(rows.empty());
  for (const std::string& id : rows)
    CHECK(qe::utf8::fold_for_search(SpeakerById(app.explorer, id).name).find("speaker 12") != std::string::npos);
  CHECK(app.explorer.filter().empty());  // finding a speaker is not filtering quotes
  app.Type("34567");  // "speaker 1234567": nobody
  CHECK(SpeakerRows(app.view).empty());
  CHECK(app.view.item_rects.count("speakers-show-all") == 0);
}

TEST_CASE("a ticked speaker stays listed when the search that found it is cleared") {
  HeadlessExplorer app(GeneratedCorpus(), HeadlessExplorer::kTall);
  const auto top = SpeakerRows(app.view);
  // The least quoted speaker, far below the top 20.
  qe::SpeakerId rare = 0;
  for (qe::SpeakerId s = 0; s < app.explorer.corpus().speakers.size(); ++s)
    if (app.explorer.result().speaker_counts[s] < app.explorer.result().speaker_counts[rare]) rare = s;
  const std::string id = app.explorer.corpus().speakers[rare].id;
  app.Click("speaker-search");
  app.Type((app.explorer.corpus().speakers[rare].name).c_str());
  app.Click("speaker:" + id);
  CHECK(app.explorer.filter().speakers == std::vector<std::string>{id});
  app.Click("speaker-search");
  app.Press(ImGuiKey_Escape);  // clears the facet's search box
  auto expected = top;
  expected.push_back(id);
  CHECK(SpeakerRows(app.view) == expected);
}

TEST_CASE("the facet search ignores accents: erdogan finds Erdoğan, RADOSLAW finds Radosław") {
  HeadlessExplorer app(ArticleWithManySpeakers(), HeadlessExplorer::kTall);
  REQUIRE(app.view.item_rects.count("speaker-search") == 1);
  app.Click("speaker-search");
  app.Type("erdogan");
  CHECK(SpeakerRows(app.view) == std::vector<std::string>{"p0"});
  app.Press(ImGuiKey_Escape);
  app.Click("speaker-search");
  app.Type("RADOSLAW");
  CHECK(SpeakerRows(app.view) == std::vector<std::string>{"p1"});
  app.Press(ImGuiKey_Escape);
  app.Click("speaker-search");
  app.Type("babiš");
  CHECK(SpeakerRows(app.view) == std::vector<std::string>{"p2"});
}

TEST_CASE("counts read as people write them: 1 quote, 2 quotes, 67,132 of 1,000,000 quotes") {
  CHECK(qe::format_number(0) == "0");
  CHECK(qe::format_number(999) == "999");
  CHECK(qe::format_number(1000) == "1,000");
  CHECK(qe::format_number(67132) == "67,132");
  CHECK(qe::format_number(1000000) == "1,000,000");
  CHECK(qe::format_number(67132) + " of " + qe::format_count(1000000, "quote", "quotes") ==
        "67,132 of 1,000,000 quotes");

  auto one = qe::test::SmallArticle();
  one["quotes"].erase(1);
  HeadlessExplorer single(one.dump());
  CHECK(qe::ui::ResultLine(single.explorer) == "1 quote");

  HeadlessExplorer two(qe::test::SmallArticle().dump());
  CHECK(qe::ui::ResultLine(two.explorer) == "2 quotes");
  two.Click("speaker:minister");
  CHECK(qe::ui::ResultLine(two.explorer) == "1 of 2 quotes");

  HeadlessExplorer generated(GeneratedCorpus());
  CHECK(qe::ui::ResultLine(generated.explorer) == "12,000 quotes");
  generated.Click("speaker:" + SpeakerRows(generated.view).front());
  CHECK(qe::ui::ResultLine(generated.explorer) ==
        qe::format_number(generated.explorer.result().visible.size()) + " of 12,000 quotes");
}

namespace {

// Articles a1…a5 published on 1…5 March 2025 and a6 undated, two quotes each.
std::string DatedCorpus() {
  std::string lines;
  for (int a = 1; a <= 6; ++a) {
    const std::string date = a <= 5 ? ",\"published\":\"2025-03-0" + std::to_string(a) + "\"" : "";
    lines += "{\"format\":\"quote-explorer/article@1\",\"id\":\"a" + std::to_string(a) + "\",\"title\":\"T\"" + date +
             ",\"paragraphs\":[\"One. Two.\"],\"speakers\":[{\"id\":\"s\",\"name\":\"S\",\"country\":\"FR\"}],\"quotes\":["
             "{\"id\":\"q1\",\"speaker\":\"s\",\"kind\":\"direct\",\"text\":\"One\",\"paragraph\":0,\"start\":0,\"end\":3},"
             "{\"id\":\"q2\",\"speaker\":\"s\",\"kind\":\"indirect\",\"text\":\"Two\",\"paragraph\":0,\"start\":5,\"end\":8}]}\n";
  }
  return lines;
}

// Presses at `from` and releases at `to`, both fractions of the chart's width.
void Brush(HeadlessExplorer& ui, float from, float to) {
  REQUIRE(ui.view.item_rects.count("published-chart"));
  const qe::ui::ItemRect chart = ui.view.item_rects.at("published-chart");
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(chart.x + chart.width * from, chart.y + chart.height / 2);
  ui.Frames(2);
  io.AddMouseButtonEvent(0, true);
  ui.Frames(2);
  io.AddMousePosEvent(chart.x + chart.width * to, chart.y + chart.height / 2);
  ui.Frames(2);
  io.AddMouseButtonEvent(0, false);
  ui.Frames(3);
}

}  // namespace

TEST_CASE("brushing the published histogram filters to the days under the brush; a click picks one day") {
  HeadlessExplorer ui(DatedCorpus(), HeadlessExplorer::kTall);
  REQUIRE(ui.explorer.corpus().published_bins.count == 5);
  Brush(ui, 0.3f, 0.7f);  // bars 2, 3 and 4 of 5
  CHECK(ui.explorer.filter().published_from == "2025-03-02");
  CHECK(ui.explorer.filter().published_to == "2025-03-04");
  CHECK(ui.explorer.result().visible.size() == 6);
  Brush(ui, 0.9f, 0.9f);
  CHECK(ui.explorer.filter().published_from == "2025-03-05");
  CHECK(ui.explorer.filter().published_to == "2025-03-05");
  ui.Click("published-clear");
  CHECK_FALSE(ui.explorer.filter().has_published());
  CHECK(ui.explorer.result().visible.size() == 12);
}

TEST_CASE("a corpus without dates shows no published histogram") {
  HeadlessExplorer ui;
  CHECK(ui.view.item_rects.count("published-chart") == 0);
}

namespace {

// The overview's bars of one chart ("overview-country:" or "overview-speaker:"), top to
// bottom, as the values they filter by.
std::vector<std::string> OverviewBars(const qe::ui::ViewState& view, const std::string& prefix) {
  std::vector<std::pair<float, std::string>> rows;
  for (const auto& [name, rect] : view.item_rects)
    if (name.rfind(prefix, 0) == 0) rows.emplace_back(rect.y, name.substr(prefix.size()));
  std::sort(rows.begin(), rows.end());
  std::vector<std::string> values;
  for (const auto& row : rows) values.push_back(row.second);
  return values;
}

}  // namespace

TEST_CASE("a corpus opens on its overview: the most quoted speakers and countries as bars, by count") {
  HeadlessExplorer ui(GeneratedCorpus(), HeadlessExplorer::kTall);
  CHECK(ui.view.reader_tab == qe::ui::ViewState::ReaderTab::Overview);
  const auto speakers = OverviewBars(ui.view, "overview-speaker:");
  REQUIRE(speakers.size() == 10);
  const auto facet_rows = SpeakerRows(ui.view);  // the speaker facet: by count, ties by name
  CHECK(speakers == std::vector<std::string>(facet_rows.begin(), facet_rows.begin() + 10));
  const auto countries = OverviewBars(ui.view, "overview-country:");
  REQUIRE(countries.size() >= 2);
  const qe::Corpus& corpus = ui.explorer.corpus();
  for (std::size_t i = 1; i < countries.size(); ++i) {
    const auto count = [&](const std::string& code) {
      const auto id = qe::find_country(code);
      return corpus.quotes_by_country.of(id ? qe::country_slot(*id) : qe::country_count()).size();
    };
    CHECK(count(countries[i - 1]) >= count(countries[i]));
  }
}

TEST_CASE("clicking a bar of the overview filters by its value; clicking it again stops") {
  HeadlessExplorer ui(GeneratedCorpus(), HeadlessExplorer::kTall);
  const std::string country = OverviewBars(ui.view, "overview-country:").at(1);
  ui.Click("overview-country:" + country);
  CHECK(ui.explorer.filter().countries == std::vector<std::string>{country});
  CHECK(ui.view.reader_tab == qe::ui::ViewState::ReaderTab::Overview);  // filtering is not picking
  // The country chart keeps every country (its own choice does not narrow it); the speaker
  // chart now counts that country's quotes only.
  CHECK(OverviewBars(ui.view, "overview-country:").size() >= 2);
  const std::string speaker = OverviewBars(ui.view, "overview-speaker:").at(0);
  CHECK(SpeakerCount(ui.explorer, speaker) > 0);
  ui.Click("overview-speaker:" + speaker);
  CHECK(ui.explorer.filter().speakers == std::vector<std::string>{speaker});
  ui.Click("overview-country:" + country);
  CHECK(ui.explorer.filter().countries.empty());
  CHECK(ui.explorer.filter().speakers == std::vector<std::string>{speaker});
}

TEST_CASE("picking a quote shows its article; the Overview tab brings the charts back") {
  HeadlessExplorer ui(GeneratedCorpus(), HeadlessExplorer::kTall);
  CHECK(ui.view.item_rects.count("copy") == 0);
  ui.Click("quote:2");
  CHECK(ui.view.reader_tab == qe::ui::ViewState::ReaderTab::Article);
  CHECK(ui.view.item_rects.count("copy") == 1);
  CHECK(OverviewBars(ui.view, "overview-speaker:").empty());
  ui.Click("tab-overview");
  CHECK(ui.view.reader_tab == qe::ui::ViewState::ReaderTab::Overview);
  CHECK(OverviewBars(ui.view, "overview-speaker:").size() == 10);
  ui.Press(ImGuiKey_DownArrow);
  CHECK(ui.view.reader_tab == qe::ui::ViewState::ReaderTab::Article);
}

TEST_CASE("a single article has no overview: the reader shows it at once") {
  HeadlessExplorer ui;
  CHECK(ui.view.item_rects.count("tab-overview") == 0);
  CHECK(ui.view.item_rects.count("copy") == 1);
}

TEST_CASE("a chart lists the largest counts, ticked values beyond them, never values without quotes") {
  const std::vector<std::uint32_t> counts = {5, 0, 9, 5, 1, 0};
  const std::vector<std::uint32_t> name_rank = {3, 0, 1, 2, 4, 5};  // 3 sorts before 0 by name
  CHECK(qe::ui::TopValues(counts, std::vector<bool>(6), name_rank, 3) == std::vector<std::size_t>{2, 3, 0});
  CHECK(qe::ui::TopValues(counts, {false, true, false, false, true, false}, name_rank, 2) ==
        std::vector<std::size_t>{2, 3, 4, 1});
  CHECK(qe::ui::TopValues(counts, std::vector<bool>(6), name_rank, 10).size() == 4);
}

TEST_CASE("the keyboard alone reaches the facets and back: arrows cross panes, Space ticks, the list keeps its keys") {
  HeadlessExplorer app;
  app.Press(ImGuiKey_DownArrow);
  CHECK(app.explorer.selected_row() == std::size_t{1});
  CHECK(app.view.focused_item == "quote:1");  // the focus ring is on the selected quote
  app.Press(ImGuiKey_LeftArrow);
  REQUIRE(app.view.focused_item.rfind("speaker:", 0) == 0);  // the facet beside it
  const std::string speaker = app.view.focused_item.substr(8);
  app.Press(ImGuiKey_Space);
  CHECK(app.explorer.filter().speakers == std::vector<std::string>{speaker});
  app.Press(ImGuiKey_DownArrow);  // within the facets, arrows move between checkboxes
  CHECK(app.view.focused_item != "speaker:" + speaker);
  CHECK(app.explorer.filter().speakers == std::vector<std::string>{speaker});
  app.Press(ImGuiKey_RightArrow);
  REQUIRE(app.view.focused_item.rfind("quote:", 0) == 0);
  const auto row = app.explorer.selected_row();
  app.Press(ImGuiKey_DownArrow);
  CHECK(app.explorer.selected_row() != row);  // back in the list, arrows move the selection
  CHECK(app.view.focused_item == "quote:" + std::to_string(*app.explorer.selected_row()));
}
