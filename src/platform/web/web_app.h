// web_app.h: the one explorer a page runs, shared by the main loop, input and the JS API.
// All browser specifics live in src/platform/web; the core and the views never see them.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/explorer.h"
#include "core/export.h"
#include "core/review.h"
#include "ui/view_state.h"

namespace qe::web {

// Frames drawn after input, a resize or a data change before the loop idles: ImGui settles
// hover and layout over two or three.
inline constexpr int kSettleFrames = 3;

struct WebApp {
  Explorer explorer;
  ui::ViewState view;
  std::optional<review::Session> review;  // while the editor reviews the article shown
  int frames_to_draw = kSettleFrames;  // the loop draws only while this is positive
  std::uint64_t frames_drawn = 0;
  double device_pixel_ratio = 0;  // the page's, as FollowCanvasSize last saw it
  float font_scale = 0;  // what the font atlas was rasterised for
  int framebuffer_width = 0, framebuffer_height = 0;
  std::uint64_t filter_code_warmed = 0;  // the corpus generation whose filters ran once (main.cpp)
};

WebApp& App();

// Whether frames that draw nothing have work to do (main.cpp's Frame): the explorer's idle
// work (Explorer::has_idle_work) or the filter code's first run on a large corpus
// (WarmFilterCode). None while a load streams in: the corpus shown is about to be replaced.
bool HasIdleWork(const WebApp& app);

// Input, a resize or a data change: draw a few frames, then idle.
inline void RequestFrames(int count = kSettleFrames) {
  if (App().frames_to_draw < count) App().frames_to_draw = count;
}

// After anything that may change the explorer's filter or selection: tells JavaScript
// (events "filter" and "select") and redraws. A review edit reloads the article, so the
// same index may hold another quote after it: pass the corpus generation from before too.
void PublishChanges(const Filter& filter_before, std::optional<QuoteIndex> selected_before,
                    std::optional<std::uint64_t> generation_before = std::nullopt);

// After review started, changed or ended: tells JavaScript (event "review": the article being
// reviewed, or null), which keeps the draft in the browser and rebuilds the mirror's facets.
void PublishReview();

// The review toolbar's "Save article JSON" and "Copy embed code".
void SaveReviewedArticle();
void CopyEmbedCode();

// "Find quotes" in the New article box: the page runs the extractor module on the text.
void RequestExtraction(const std::string& text);
// Downloads the visible quotes (quotes.csv or quotes.json, DESIGN.md's quote records).
void ExportVisibleQuotes(ExportFormat format);
// "Copy link": the page copies a link to the full explorer with this view's filter.
void RequestCopyLink();

// Tells JavaScript (Module.qeEmit) about an event: "filter", "select", "review", "open-url"…
void Emit(const char* event, const nlohmann::json& detail);
void EmitJsonText(const char* event, const char* json_text);  // detail already as JSON text

// A string handed to JavaScript; it lives until the next call.
const char* Returned(std::string text);

// "Open file…": asks the page (app.js) to show its file chooser.
void RequestOpenFile();

// Streaming loads (js_api.cpp), called by js_guard.cpp's exports, which catch what these
// throw (std::bad_alloc) and then call StreamFailed: the only code built with exception
// handling, so that no inline function the core shares is instantiated with landing pads
// (Emscripten's exceptions would route its calls through JavaScript).
int StreamBegin(const char* file_name, int skip_invalid, double expected_bytes);  // 1
char* StreamBuffer(int size);                              // where the next `size` bytes go
int StreamFeed(int length);                                // 0 once the load failed
const char* StreamFinish();                                // "" or the errors
const char* StreamFailed(const char* what);                // null: out of memory
bool StreamLoading();                                      // between StreamBegin and its end

// render_bridge.cpp: the font atlas (after it is built or rebuilt) and each frame, to
// web/renderer.js (Module.qeRenderer).
void UploadFontAtlas();
void SubmitFrame(const ImDrawData& draw_data, int width, int height, ImU32 clear_colour);

void InstallInputCallbacks(const char* canvas_selector);  // web_input.cpp
void UpdateMouseCursor(const char* canvas_selector);       // web_input.cpp
void UpdateFocus();                                         // web_input.cpp

}  // namespace qe::web
