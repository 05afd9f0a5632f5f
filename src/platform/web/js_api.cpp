// The C side of window.QuoteExplorer (web/app.js) for loading and reviewing: plain C functions
// over UTF-8 strings and JSON, so the JavaScript glue stays small. Returned strings live until
// the next call. The filter, the visible quotes and the mirror are in view_api.cpp.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>

#include "core/export.h"
#include "core/json_text.h"
#include "core/url_hash.h"
#include "platform/web/web_app.h"
#include "ui/review_panel.h"
#include "ui/style.h"

namespace qe::web {
namespace {

using json = nlohmann::json;

// A new article ends the review of the previous one.
void EndReview() {
  WebApp& app = App();
  ui::Actions stop;
  stop.stop_review = true;
  ui::ApplyReviewActions(stop, app.explorer, app.review, app.view);
  PublishReview();
}

}  // namespace

void RequestOpenFile() { Emit("open-file", nullptr); }

// The last load failed on JSON Lines: qe_show_error offers to skip its bad lines.
bool g_failed_load_was_json_lines = false;

void PublishReview() {
  static std::string published = "null";
  WebApp& app = App();
  RequestFrames();
  // The document is ordered_json, so the detail is too: no round trip through a second parse.
  nlohmann::ordered_json detail = nullptr;
  if (app.review) {
    detail = {{"article", app.review->document()},
              {"accepted", app.review->accepted_count()},
              {"quotes", app.review->quote_count()},
              {"canUndo", app.review->can_undo()},
              {"canRedo", app.review->can_redo()}};
  }
  std::string text = detail.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  if (text == published) return;
  published = std::move(text);
  EmitJsonText("review", published.c_str());
}

// clang-format off
EM_JS(void, js_download, (const char* text, const char* file_name, const char* type), {
  if (Module.qeDownload) Module.qeDownload(UTF8ToString(text), UTF8ToString(file_name), UTF8ToString(type));
});
EM_JS(void, js_embed_script_url, (char* buffer, int size), {
  stringToUTF8(new URL('embed.js', location.href).href, buffer, size);
});
// clang-format on

std::string ReviewedArticleId() {
  const WebApp& app = App();
  return app.review ? app.review->document().value("id", "article") : std::string("article");
}

void SaveReviewedArticle() {
  WebApp& app = App();
  if (!app.review) return;
  js_download(app.review->document().dump(2).c_str(), (ReviewedArticleId() + ".json").c_str(), "application/json");
  app.view.review_form.message = "Downloaded " + ReviewedArticleId() + ".json";
  app.view.review_form.message_is_error = false;
  RequestFrames();
}

void RequestExtraction(const std::string& text) { Emit("extract-text", {{"text", text}}); }

void ExportVisibleQuotes(ExportFormat format) {
  WebApp& app = App();
  if (!app.explorer.has_corpus()) return;
  const bool csv = format == ExportFormat::Csv;
  const std::string text = export_quotes(app.explorer.corpus(), app.explorer.result().visible, format);
  js_download(text.c_str(), csv ? "quotes.csv" : "quotes.json", csv ? "text/csv" : "application/json");
  app.view.notice = "Downloaded " + std::string(csv ? "quotes.csv" : "quotes.json") + ".";
  RequestFrames();
}

void RequestCopyLink() {
  Emit("copy-link", nullptr);
  App().view.notice = "Link copied.";
  RequestFrames();
}

void CopyEmbedCode() {
  WebApp& app = App();
  char script[2048] = "";
  js_embed_script_url(script, sizeof script);
  const std::string code = embed_code(ReviewedArticleId() + ".json", script);
  ImGui::SetClipboardText(code.c_str());
  app.view.review_form.message = "Copied the embed code. Put " + ReviewedArticleId() +
                                 ".json beside the story's page, or change data-src to where it lives.";
  app.view.review_form.message_is_error = false;
  RequestFrames();
}

extern "C" {

}  // extern "C"

// Streaming load (web/app.js's loadUrl, files, load()): the work behind js_guard.cpp's
// qe_stream_begin, qe_stream_buffer, qe_stream_feed and qe_stream_finish (which catch
// std::bad_alloc around these), and qe_stream_quotes and qe_stream_cancel below.
namespace {
struct Stream {
  std::unique_ptr<StreamLoader> loader;
  std::string file_name;
  bool skip_invalid = false;
  std::string failure;  // why it stopped (StreamFailed), for qe_stream_finish
  std::vector<char> buffer;
};
Stream g_stream;
}  // namespace

int StreamBegin(const char* file_name, int skip_invalid, double expected_bytes) {
  g_stream = Stream{};
  g_stream.file_name = file_name;
  g_stream.skip_invalid = skip_invalid != 0;
  LoadLimits limits;
  // The wasm heap (2 GiB) is the bound on what loads; the input itself is never held whole,
  // except a single article (or a corpus whose "format" comes last), bounded by
  // max_parse_bytes.
  limits.max_input_bytes = std::numeric_limits<std::size_t>::max();
  limits.max_parse_bytes = std::uint64_t{1} << 30;
  limits.skip_invalid = g_stream.skip_invalid;
  limits.text_index_later = true;  // built while the page is idle (Explorer::do_idle_work)
  g_stream.loader = std::make_unique<StreamLoader>(g_stream.file_name, limits);
  if (expected_bytes > 0) g_stream.loader->expect_bytes(static_cast<std::uint64_t>(expected_bytes));
  return 1;
}

char* StreamBuffer(int size) {
  if (g_stream.buffer.size() < static_cast<std::size_t>(size)) g_stream.buffer.resize(static_cast<std::size_t>(size));
  return g_stream.buffer.data();
}

int StreamFeed(int length) {
  if (!g_stream.loader) return 0;
  return g_stream.loader->feed(std::string_view(g_stream.buffer.data(), static_cast<std::size_t>(length))) ? 1 : 0;
}

const char* StreamFinish() {
  WebApp& app = App();
  g_failed_load_was_json_lines = false;
  if (!g_stream.failure.empty() || !g_stream.loader) {
    if (g_stream.failure.empty()) StreamFailed(nullptr);
    const char* message = Returned(g_stream.failure);
    g_stream = Stream{};
    return message;
  }
  LoadResult loaded = g_stream.loader->finish();
  const bool json_lines = g_stream.loader->json_lines();
  g_stream.loader.reset();
  const auto errors = app.explorer.load(std::move(loaded), g_stream.file_name);
  if (!errors.empty()) {
    g_failed_load_was_json_lines = !g_stream.skip_invalid && json_lines;
    const char* message = Returned(describe_errors(errors));
    g_stream = Stream{};
    return message;
  }
  g_stream = Stream{};
  app.view.error.clear();
  app.view.status.clear();
  app.view.skipped.clear();
  for (const SkippedLine& line : app.explorer.skipped()) app.view.skipped += describe_errors(line.errors);
  app.view.scroll_list_to_selection = app.view.scroll_reader_to_selection = true;
  EndReview();
  RequestFrames();
  return Returned("");
}

bool StreamLoading() { return g_stream.loader != nullptr; }

const char* StreamFailed(const char* what) {
  g_stream.loader.reset();  // what it holds may be half-changed: all of it goes
  g_stream.buffer = {};
  g_failed_load_was_json_lines = false;
  // The loader reports errors as values; anything but running out of memory is a bug.
  g_stream.failure = g_stream.file_name + (what ? ": internal error while loading (" + std::string(what) + ")"
                                                : ": out of memory while loading") + "; the previous data is kept\n";
  return Returned(g_stream.failure);
}

extern "C" {

// Quotes loaded so far.
EMSCRIPTEN_KEEPALIVE double qe_stream_quotes() {
  return g_stream.loader ? static_cast<double>(g_stream.loader->quotes()) : 0.0;
}

// Drops the load in progress and all it read; the explorer keeps what it showed.
EMSCRIPTEN_KEEPALIVE void qe_stream_cancel() { g_stream = Stream{}; }

// Shows a message in the canvas: the loading status, or a load error over the data kept.
// Right after a failed JSON Lines load, the banner offers to load its valid lines.
EMSCRIPTEN_KEEPALIVE void qe_show_error(const char* message) {
  App().view.error = message;
  App().view.error_offers_skip = g_failed_load_was_json_lines;
  g_failed_load_was_json_lines = false;
  RequestFrames();
}

EMSCRIPTEN_KEEPALIVE const char* qe_summary() {
  const Explorer& explorer = App().explorer;
  if (!explorer.has_corpus()) return Returned("null");
  const Corpus& corpus = explorer.corpus();
  json summary = {{"file", explorer.file_name()}, {"articles", corpus.articles.size()},
                  {"speakers", corpus.speakers.size()}, {"quotes", corpus.quotes.size()}};
  if (!explorer.skipped().empty()) {
    json skipped = json::array();
    for (const SkippedLine& line : explorer.skipped()) {
      json messages = json::array();
      for (const LoadError& error : line.errors) messages.push_back(error.to_string());
      skipped.push_back({{"line", line.line}, {"errors", std::move(messages)}});
    }
    summary["skipped"] = std::move(skipped);
  }
  if (corpus.articles.size() == 1) summary["title"] = corpus.articles[0].title;
  return Returned(summary.dump());
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

// The named widget with the keyboard's focus ring (ItemRect names), or "" for none.
EMSCRIPTEN_KEEPALIVE const char* qe_focused_item() { return App().view.focused_item.c_str(); }

// Review (QuoteExplorer.review): each returns "" or why nothing changed.
namespace {
const char* RunReviewAction(ui::Actions actions) {
  WebApp& app = App();
  const Filter before = app.explorer.filter();
  const auto selected = app.explorer.selected();
  const std::uint64_t generation = app.explorer.corpus_generation();
  app.view.review_form.message.clear();
  if (ui::ApplyReviewActions(actions, app.explorer, app.review, app.view)) PublishChanges(before, selected, generation);
  PublishReview();
  RequestFrames();
  return Returned(app.view.review_form.message_is_error ? app.view.review_form.message : "");
}
}  // namespace

EMSCRIPTEN_KEEPALIVE const char* qe_review_start() {
  ui::Actions actions;
  actions.start_review = true;
  return RunReviewAction(actions);
}

EMSCRIPTEN_KEEPALIVE const char* qe_review_stop() {
  ui::Actions actions;
  actions.stop_review = true;
  return RunReviewAction(actions);
}

EMSCRIPTEN_KEEPALIVE const char* qe_review_undo(int redo) {
  ui::Actions actions;
  (redo ? actions.redo : actions.undo) = true;
  return RunReviewAction(actions);
}

// QuoteExplorer.review.edit: one edit as JSON (review::parse_edit), applied like the
// review panel's; "" or why nothing changed.
EMSCRIPTEN_KEEPALIVE const char* qe_review_edit(const char* edit_json) {
  if (!App().review) return Returned("No article is being reviewed: start a review first.");
  std::string why;
  auto edit = review::parse_edit(json_text::parse_value(edit_json).value_or(json()), &why);
  if (!edit) return Returned(why);
  ui::Actions actions;
  actions.edit = std::move(*edit);
  return RunReviewAction(actions);
}

// Resumes a draft kept by the page (article JSON); on failure the explorer keeps what it showed.
EMSCRIPTEN_KEEPALIVE const char* qe_review_resume(const char* article_json) {
  WebApp& app = App();
  std::string why;
  auto session = review::Session::resume(article_json, "the kept draft", app.explorer, &why);
  if (!session) return Returned(why);
  app.review = std::move(session);
  app.explorer.set_review_order(true);
  app.view.review = &*app.review;
  app.view.error.clear();
  app.view.status.clear();
  PublishReview();
  RequestFrames();
  return Returned("");
}

// The article under review as JSON, or "null".
EMSCRIPTEN_KEEPALIVE const char* qe_review_document() {
  const WebApp& app = App();
  return Returned(app.review ? app.review->document().dump() : "null");
}

EMSCRIPTEN_KEEPALIVE void qe_review_save() { SaveReviewedArticle(); }
EMSCRIPTEN_KEEPALIVE void qe_review_copy_embed_code() { CopyEmbedCode(); }

// Theme: 0 light, 1 dark (app.js follows prefers-color-scheme, ?theme= and data-theme).
EMSCRIPTEN_KEEPALIVE void qe_set_theme(int dark) {
  const ui::Theme theme = dark ? ui::Theme::Dark : ui::Theme::Light;
  if (ui::CurrentTheme() == theme) return;
  ui::SetTheme(theme);
  RequestFrames();
}

}  // extern "C"

}  // namespace qe::web
