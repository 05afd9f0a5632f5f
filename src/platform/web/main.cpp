// The explorer in the browser: a loop driven by requestAnimationFrame that draws only after
// input, a resize or a data change (idle pages cost no CPU), at CSS size × devicePixelRatio
// with fonts rasterised at that ratio, so text stays crisp on any screen and after browser
// zoom. Frames go to web/renderer.js (render_bridge.cpp), which draws them with WebGL 2, off
// the page's thread where it can. web/app.js loads the data.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "core/countries.h"
#include "platform/web/web_app.h"
#include "ui/explorer_view.h"
#include "ui/review_panel.h"
#include "ui/style.h"

namespace qe::web {
namespace {

constexpr const char* kCanvas = "#canvas";

// Follows the canvas's CSS box and the device pixel ratio; both can change at any time
// (window resize, zoom, moving to another screen), so they are checked every frame.
void FollowCanvasSize(WebApp& app) {
  double css_width = 0, css_height = 0;
  emscripten_get_element_css_size(kCanvas, &css_width, &css_height);
  const double ratio = emscripten_get_device_pixel_ratio();
  const int width = static_cast<int>(std::lround(css_width * ratio));
  const int height = static_cast<int>(std::lround(css_height * ratio));
  if (ratio != app.device_pixel_ratio) {
    app.device_pixel_ratio = ratio;
    RequestFrames();
  }
  if (width != app.framebuffer_width || height != app.framebuffer_height) {
    app.framebuffer_width = width;
    app.framebuffer_height = height;  // renderer.js sizes the canvas to each frame
    RequestFrames();
  }
}

// An embed tells its host page (embed.js) the height its content needs, so the iframe can
// fit it; app.js posts it to the parent window.
void ReportContentHeight(const WebApp& app) {
  static int reported = 0;
  const int height = static_cast<int>(std::lround(app.view.content_height / app.device_pixel_ratio));
  if (height <= 0 || std::abs(height - reported) < 2) return;
  reported = height;
  EM_ASM({ Module.qeContentHeight && Module.qeContentHeight($0); }, height);
}

// The font atlas holds the glyphs of the text shown so far, rasterised at the device pixel
// ratio: built at the first frame with data (once, for both), rebuilt when either changes.
// Returns true when it built the atlas for a new ratio: the frame then ends there, so that
// rasterising and drawing are two tasks, each shorter (Lighthouse counts a task's time past
// 50 ms as blocking).
bool UpdateFontAtlas(WebApp& app) {
  const auto scale = static_cast<float>(app.device_pixel_ratio);
  if (scale != app.font_scale) {
    ui::AddGlyphsOfText(app.explorer, app.view);
    ui::SetupFontsAndStyle(app.view, scale);
    app.font_scale = scale;
    UploadFontAtlas();
    return true;
  }
  if (ui::UpdateFonts(app.explorer, app.view)) UploadFontAtlas();
  return false;
}

// Until the first data or error arrives, the page's own "Loading…" covers the canvas:
// drawing then would only build a font atlas to throw away.
bool HasContent(const WebApp& app) {
  return app.explorer.has_corpus() || !app.view.error.empty() || app.review.has_value();
}

// Work for the next keystroke and the text index of a corpus just loaded
// (Explorer::do_idle_work) run in frames that draw nothing, a few milliseconds each, so that
// input and drawing never wait behind them for long (the index of a million quotes is about
// three seconds of such work).
constexpr double kIdleWorkMs = 10;

// V8 compiles a wasm function the first time it runs, in its baseline tier, and optimises it
// once it has run a while: at a million quotes the first change to filter by kind took 9 to 23
// ms, the same change afterwards 1 to 4 (docs/performance.md). So once a large corpus is idle,
// the filters a reader is likely to set first run once, unseen, and the code they take is
// compiled and optimised before the first click.
constexpr std::size_t kWarmFilterMinQuotes = 100000;

// Whether the filter code still waits to run once on this corpus.
bool FilterCodeCold(const WebApp& app) {
  return app.explorer.has_corpus() && app.filter_code_warmed != app.explorer.corpus_generation() &&
         app.explorer.corpus().quotes.size() >= kWarmFilterMinQuotes;
}

void WarmFilterCode(WebApp& app) {
  app.filter_code_warmed = app.explorer.corpus_generation();
  const Corpus& corpus = app.explorer.corpus();
  Filter speaker, country, kind, country_and_kind;
  speaker.speakers = {corpus.speakers[corpus.quotes.speaker[0]].id};
  country.countries = {std::string(country_code(corpus.quotes.country[0]))};
  kind.kinds = {std::string(kind_name(QuoteKind::Direct))};
  country_and_kind = country;
  country_and_kind.kinds = kind.kinds;
  for (const Filter* filter : {&speaker, &country, &kind, &country_and_kind}) apply_filter(corpus, *filter);
}

void Frame() {
  WebApp& app = App();
  FollowCanvasSize(app);
  if (app.frames_to_draw <= 0) {
    if (!HasIdleWork(app)) return;
    if (app.explorer.has_idle_work()) app.explorer.do_idle_work(kIdleWorkMs);
    else WarmFilterCode(app);
    return;
  }
  if (!HasContent(app)) {
    app.frames_to_draw = 0;  // nothing pending: the data's arrival asks for frames again
    return;
  }
  if (UpdateFontAtlas(app)) return;  // frames_to_draw is untouched: the next frame draws
  --app.frames_to_draw;

  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(app.framebuffer_width), static_cast<float>(app.framebuffer_height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  static double last_time = emscripten_get_now();
  const double now = emscripten_get_now();
  io.DeltaTime = static_cast<float>(std::max(now - last_time, 1.0) / 1000.0);
  last_time = now;

  UpdateFocus();
  ImGui::NewFrame();
  ui::Actions actions;
  const Filter filter_before = app.explorer.filter();
  const auto selected_before = app.explorer.selected();
  const std::uint64_t generation_before = app.explorer.corpus_generation();
  ui::DrawExplorer(app.explorer, app.view, actions);
  const bool changed = ui::ApplyActions(actions, app.explorer);
  const bool reviewed = ui::ApplyReviewActions(actions, app.explorer, app.review, app.view);
  if (changed || reviewed) PublishChanges(filter_before, selected_before, generation_before);
  if (actions.edit || actions.undo || actions.redo || actions.start_review || actions.stop_review) PublishReview();
  if (actions.save_article) SaveReviewedArticle();
  if (actions.copy_embed_code) CopyEmbedCode();
  if (actions.open_file) RequestOpenFile();
  if (actions.retry_skipping_invalid) Emit("retry-skip-invalid", nullptr);
  if (actions.extract_text) RequestExtraction(*actions.extract_text);
  if (actions.export_quotes) ExportVisibleQuotes(*actions.export_quotes);
  if (actions.copy_link) RequestCopyLink();
  if (actions.open_url) Emit("open-url", {{"url", *actions.open_url}});
  UpdateMouseCursor(kCanvas);
  ImGui::Render();
  if (app.explorer.has_corpus()) ReportContentHeight(app);
  // ImGui feeds queued input one change a frame (fast typing, a click's down and up), so
  // keep drawing until the queue is empty.
  if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) RequestFrames();

  SubmitFrame(*ImGui::GetDrawData(), app.framebuffer_width, app.framebuffer_height, ui::Palette::Background());
  ++app.frames_drawn;
}

}  // namespace

// While a load streams in, its slices have the page: the corpus shown, whose index or search
// this work would finish, is about to be replaced (a second million-quote load ran at two
// thirds of the first's speed beside the first one's index build).
bool HasIdleWork(const WebApp& app) {
  return !StreamLoading() && (app.explorer.has_idle_work() || FilterCodeCold(app));
}

WebApp& App() {
  static WebApp app;
  return app;
}

}  // namespace qe::web

int main() {
  using namespace qe::web;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                 // nothing persists behind the reader's back
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // arrows between controls (explorer_view)
  io.ConfigInputTextCursorBlink = false;    // a blinking caret would keep the loop busy
  io.BackendPlatformName = "quote-explorer-web";
  io.BackendRendererName = "quote-explorer-webgl2";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // renderer.js offsets each command's vertices
  InstallInputCallbacks(kCanvas);
  App().view.status = "Loading…";
  // app.js picks the theme (?theme=, data-theme, prefers-color-scheme) before starting us;
  // later changes arrive through qe_set_theme.
  qe::ui::SetTheme(EM_ASM_INT({ return Module.qeTheme === 'dark' ? 1 : 0; }) ? qe::ui::Theme::Dark : qe::ui::Theme::Light);
  // The full page opens, drops and pastes files (app.js's hidden file input); an explorer
  // embedded beside a story shows only its story.
  App().view.can_open_files = EM_ASM_INT({ return document.documentElement.dataset.mode === 'embed' ? 0 : 1; }) != 0;
  App().view.can_review = App().view.can_open_files;
  App().view.can_export = true;
  App().view.can_open_links = true;
  emscripten_set_main_loop(Frame, 0, false);
  return 0;
}
