// The C side of window.QuoteExplorer (web/app.js): plain C functions over UTF-8 strings and
// JSON, so the JavaScript glue stays small. Returned strings live until the next call.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <new>
#include <nlohmann/json.hpp>

#include "core/export.h"
#include "core/url_hash.h"
#include "platform/web/web_app.h"

namespace qe::web {
namespace {

using json = nlohmann::json;

const char* Returned(std::string text) {
  static std::string buffer;
  buffer = std::move(text);
  return buffer.c_str();
}

json FilterJson(const Filter& filter) {
  return {{"speakers", filter.speakers}, {"countries", filter.countries}, {"kinds", filter.kinds},
          {"text", filter.text}};
}

json SelectedJson() {
  const Explorer& explorer = App().explorer;
  if (!explorer.selected()) return nullptr;
  return json::parse(export_quotes(explorer.corpus(), {*explorer.selected()}, ExportFormat::Json))[0];
}

// clang-format off
EM_JS(void, js_emit, (const char* event, const char* detail), {
  if (Module.qeEmit) Module.qeEmit(UTF8ToString(event), JSON.parse(UTF8ToString(detail)));
});
// clang-format on

void Emit(const char* event, const json& detail) { js_emit(event, detail.dump().c_str()); }

}  // namespace

void PublishChanges(const Filter& filter_before, std::optional<QuoteIndex> selected_before) {
  WebApp& app = App();
  RequestFrames();
  if (app.explorer.filter() != filter_before) Emit("filter", FilterJson(app.explorer.filter()));
  if (app.explorer.selected() != selected_before) {
    app.view.scroll_list_to_selection = app.view.scroll_reader_to_selection = true;
    Emit("select", SelectedJson());
  }
}

void RequestOpenFile() { Emit("open-file", nullptr); }

extern "C" {

// Loads UTF-8 JSON bytes; returns "" on success, else the errors, one per line. On failure
// the explorer keeps what it showed.
EMSCRIPTEN_KEEPALIVE const char* qe_load(const char* bytes, int length, const char* file_name) {
  WebApp& app = App();
  LoadLimits limits;
  limits.max_input_bytes = std::size_t{512} << 20;   // the wasm heap stops at 2 GiB
  limits.max_parse_bytes = std::uint64_t{1} << 30;
  try {
    const auto errors = app.explorer.load(std::string_view(bytes, static_cast<std::size_t>(length)), file_name, limits);
    if (!errors.empty()) return Returned(describe_errors(errors));
  } catch (const std::bad_alloc&) {
    return Returned(std::string(file_name) + ": out of memory while loading; the previous data is kept\n");
  } catch (const std::exception& e) {  // the loader reports errors as values; this is a bug
    return Returned(std::string(file_name) + ": internal error while loading (" + e.what() + "); the previous data is kept\n");
  }
  app.view.error.clear();
  app.view.status.clear();
  app.view.scroll_list_to_selection = app.view.scroll_reader_to_selection = true;
  RequestFrames();
  return Returned("");
}

// Shows a message in the canvas: the loading status, or a load error over the data kept.
EMSCRIPTEN_KEEPALIVE void qe_show_error(const char* message) {
  App().view.error = message;
  RequestFrames();
}

EMSCRIPTEN_KEEPALIVE const char* qe_summary() {
  const Explorer& explorer = App().explorer;
  if (!explorer.has_corpus()) return Returned("null");
  const Corpus& corpus = explorer.corpus();
  json summary = {{"file", explorer.file_name()}, {"articles", corpus.articles.size()},
                  {"speakers", corpus.speakers.size()}, {"quotes", corpus.quotes.size()}};
  if (corpus.articles.size() == 1) summary["title"] = corpus.articles[0].title;
  return Returned(summary.dump());
}

EMSCRIPTEN_KEEPALIVE const char* qe_get_filter() { return Returned(FilterJson(App().explorer.filter()).dump()); }

// Takes {"speakers": [...], "countries": [...], "kinds": [...], "text": "..."}, already
// checked by app.js; replaces the whole filter.
EMSCRIPTEN_KEEPALIVE void qe_set_filter(const char* filter_json) {
  Explorer& explorer = App().explorer;
  const json value = json::parse(filter_json, nullptr, false);
  if (!value.is_object()) return;
  Filter filter;
  filter.speakers = value.value("speakers", std::vector<std::string>{});
  filter.countries = value.value("countries", std::vector<std::string>{});
  filter.kinds = value.value("kinds", std::vector<std::string>{});
  filter.text = value.value("text", std::string{});
  const Filter before = explorer.filter();
  const auto selected = explorer.selected();
  explorer.set_filter(filter);
  PublishChanges(before, selected);
}

EMSCRIPTEN_KEEPALIVE const char* qe_filter_hash() { return Returned(filter_to_hash(App().explorer.filter())); }

EMSCRIPTEN_KEEPALIVE void qe_set_filter_hash(const char* hash) {
  Explorer& explorer = App().explorer;
  const Filter before = explorer.filter();
  const auto selected = explorer.selected();
  explorer.set_filter(filter_from_hash(hash));
  PublishChanges(before, selected);
}

EMSCRIPTEN_KEEPALIVE const char* qe_visible_quotes() {
  const Explorer& explorer = App().explorer;
  if (!explorer.has_corpus()) return Returned("[]");
  return Returned(export_quotes(explorer.corpus(), explorer.result().visible, ExportFormat::Json));
}

// A page of the visible quotes, for the screen-reader list; {"total": n, "quotes": [...]}.
EMSCRIPTEN_KEEPALIVE const char* qe_visible_range(int first, int count) {
  const Explorer& explorer = App().explorer;
  if (!explorer.has_corpus()) return Returned("{\"total\": 0, \"quotes\": []}");
  const auto& visible = explorer.result().visible;
  const auto begin = std::min(visible.size(), static_cast<std::size_t>(std::max(first, 0)));
  const auto end = std::min(visible.size(), begin + static_cast<std::size_t>(std::max(count, 0)));
  const std::vector<QuoteIndex> page(visible.begin() + static_cast<std::ptrdiff_t>(begin),
                                     visible.begin() + static_cast<std::ptrdiff_t>(end));
  return Returned("{\"total\": " + std::to_string(explorer.corpus().quotes.size()) + ", \"visible\": " +
                  std::to_string(visible.size()) + ", \"quotes\": " +
                  export_quotes(explorer.corpus(), page, ExportFormat::Json) + "}");
}

EMSCRIPTEN_KEEPALIVE const char* qe_selected() { return Returned(SelectedJson().dump()); }

// Selects a visible quote by article and quote id; returns 1 if it is now selected.
EMSCRIPTEN_KEEPALIVE int qe_select(const char* article_id, const char* quote_id) {
  Explorer& explorer = App().explorer;
  if (!explorer.has_corpus()) return 0;
  const auto quote = explorer.corpus().find_quote(article_id, quote_id);
  if (!quote) return 0;
  const auto before = explorer.selected();
  explorer.select(*quote);
  PublishChanges(explorer.filter(), before);
  return explorer.selected() == quote;
}

// Where a named widget is, in CSS pixels relative to the canvas, or null if not shown.
EMSCRIPTEN_KEEPALIVE const char* qe_item_rect(const char* name) {
  const auto& rects = App().view.item_rects;
  const auto it = rects.find(name);
  if (it == rects.end()) return Returned("null");
  const double ratio = App().device_pixel_ratio;
  const ui::ItemRect& r = it->second;
  return Returned(json{{"x", r.x / ratio}, {"y", r.y / ratio}, {"width", r.width / ratio},
                       {"height", r.height / ratio}}.dump());
}

// Frames still to draw before the explorer idles: 0 once input and changes are handled.
EMSCRIPTEN_KEEPALIVE int qe_pending_frames() { return App().frames_to_draw; }

EMSCRIPTEN_KEEPALIVE double qe_frames_drawn() { return static_cast<double>(App().frames_drawn); }

}  // extern "C"

}  // namespace qe::web
