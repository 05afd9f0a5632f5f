// Browser input to Dear ImGui: mouse, wheel, touch, keyboard, focus and clipboard, all
// registered on the canvas so an embedding page keeps its own keyboard and scrolling.
// ImGui works in framebuffer pixels here: CSS coordinates are scaled by devicePixelRatio.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // HoveredWindow and scroll limits, for wheel pass-through

#include <cfloat>
#include <cstring>
#include <string>

#include "platform/web/web_app.h"

namespace qe::web {
namespace {

std::string g_clipboard;  // last text copied by ImGui or pasted by the browser

// clang-format off
EM_JS(void, js_write_clipboard, (const char* text), {
  const value = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(() => {});
});
// Shows the hidden text field where ImGui's caret is (for IME candidate windows) and focuses
// it while a text field is active; gives focus back to the canvas when editing ends.
EM_JS(void, js_text_input, (int active, double x, double y, double height), {
  const input = document.getElementById('qe-text-input');
  const canvas = document.getElementById('canvas');
  if (!input || !canvas) return;
  if (active) {
    input.style.left = x + 'px';
    input.style.top = y + 'px';
    input.style.height = height + 'px';
    if (document.activeElement !== input) input.focus({preventScroll: true});
  } else if (document.activeElement === input) {
    canvas.focus({preventScroll: true});
  }
});
// Apple keyboards: Cmd is the shortcut key (Cmd+F, Cmd+C in text fields), as ImGui does on
// macOS builds; a browser build has to ask.
EM_JS(int, js_is_apple_platform, (), {
  const platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "";
  return /mac|iphone|ipad|ipod/i.test(platform) ? 1 : 0;
});
// Whether keyboard focus is on the explorer (its canvas or its text field).
EM_JS(int, js_explorer_has_focus, (), {
  const active = document.activeElement;
  return active && (active.id === 'canvas' || active.id === 'qe-text-input') ? 1 : 0;
});
EM_JS(void, js_set_cursor, (const char* selector, const char* cursor), {
  const canvas = document.querySelector(UTF8ToString(selector));
  if (canvas) canvas.style.cursor = UTF8ToString(cursor);
});
// clang-format on

float Ratio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }

ImVec2 CanvasPoint(long css_x, long css_y) {
  return ImVec2(static_cast<float>(css_x) * Ratio(), static_cast<float>(css_y) * Ratio());
}

ImGuiKey KeyFromCode(const char* code) {
  struct Entry {
    const char* code;
    ImGuiKey key;
  };
  static const Entry kKeys[] = {
      {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
      {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
      {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
      {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter},
      {"Escape", ImGuiKey_Escape}, {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
      {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt},
      {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
      {"Minus", ImGuiKey_Minus}, {"Equal", ImGuiKey_Equal}, {"Comma", ImGuiKey_Comma},
      {"Period", ImGuiKey_Period}, {"Slash", ImGuiKey_Slash}, {"Semicolon", ImGuiKey_Semicolon},
      {"Quote", ImGuiKey_Apostrophe}, {"BracketLeft", ImGuiKey_LeftBracket},
      {"BracketRight", ImGuiKey_RightBracket}, {"Backslash", ImGuiKey_Backslash},
      {"Backquote", ImGuiKey_GraveAccent},
  };
  for (const Entry& entry : kKeys)
    if (std::strcmp(entry.code, code) == 0) return entry.key;
  if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && !code[4])
    return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
  if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && !code[6])
    return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
  if (code[0] == 'F' && code[1] >= '1' && code[1] <= '9') {
    const int n = std::atoi(code + 1);
    if (n >= 1 && n <= 12) return static_cast<ImGuiKey>(ImGuiKey_F1 + n - 1);
  }
  return ImGuiKey_None;
}

// One printable character: what `key` holds for text keys ("a", "é", "Я"), unlike named
// keys ("Enter", "ArrowUp").
bool IsPrintable(const char* key) {
  const auto lead = static_cast<unsigned char>(key[0]);
  if (lead < 0x20 || lead == 0x7F) return false;
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::strlen(key) == length;
}

void AddModifiers(ImGuiIO& io, const EmscriptenKeyboardEvent& e) {
  io.AddKeyEvent(ImGuiMod_Ctrl, e.ctrlKey);
  io.AddKeyEvent(ImGuiMod_Shift, e.shiftKey);
  io.AddKeyEvent(ImGuiMod_Alt, e.altKey);
  io.AddKeyEvent(ImGuiMod_Super, e.metaKey);
}

// Letters follow the keyboard layout (Ctrl+F is where F is printed, on Dvorak too); other
// keys follow their position.
ImGuiKey KeyFromEvent(const EmscriptenKeyboardEvent& e) {
  const char c = e.key[0];
  if (c && !e.key[1] && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
    return static_cast<ImGuiKey>(ImGuiKey_A + ((c | 0x20) - 'a'));
  return KeyFromCode(e.code);
}

// Which key presses the browser keeps: copy, cut and paste (so its clipboard events fire),
// its own shortcuts (reload, address bar, dev tools), Tab (no keyboard trap: focus can leave
// the explorer) and function keys. The explorer takes the rest, Ctrl+F included, and Ctrl+S
// while an article is reviewed (it saves the article, not the page).
bool BrowserKeeps(ImGuiKey key, bool command) {
  if (command && key == ImGuiKey_S) return !App().review.has_value();
  if (command) return key != ImGuiKey_F && key != ImGuiKey_A && key != ImGuiKey_Z && key != ImGuiKey_Y;
  return key == ImGuiKey_Tab || (key >= ImGuiKey_F1 && key <= ImGuiKey_F12);
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void*) {
  // keyCode 229: the key belongs to an input method's composition; its text arrives later
  // through the hidden text field (app.js), and Backspace or Enter must not edit ImGui's.
  if (e->keyCode == 229) return EM_FALSE;
  ImGuiIO& io = ImGui::GetIO();
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  AddModifiers(io, *e);
  const ImGuiKey key = KeyFromEvent(*e);
  // Tab is the browser's alone: it moves focus out of the canvas (no keyboard trap), and
  // inside, arrow keys move between controls (explorer_view.cpp), so ImGui never sees it.
  if (key == ImGuiKey_Tab) return EM_FALSE;
  if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
  // Ctrl+Alt is AltGr on Windows: a character (ą, ż, €), not a shortcut.
  const bool command = (e->ctrlKey || e->metaKey) && !(e->ctrlKey && e->altKey);
  if (down && !command && IsPrintable(e->key)) io.AddInputCharactersUTF8(e->key);
  RequestFrames();
  return BrowserKeeps(key, command) ? EM_FALSE : EM_TRUE;
}

constexpr int kImGuiButton[] = {0, 2, 1};  // DOM buttons: left, middle, right

EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  switch (type) {
    case EMSCRIPTEN_EVENT_MOUSELEAVE:
      io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
      break;
    case EMSCRIPTEN_EVENT_MOUSEDOWN:
    case EMSCRIPTEN_EVENT_MOUSEUP: {
      const ImVec2 point = CanvasPoint(e->targetX, e->targetY);
      io.AddMousePosEvent(point.x, point.y);
      if (e->button < 3) io.AddMouseButtonEvent(kImGuiButton[e->button], type == EMSCRIPTEN_EVENT_MOUSEDOWN);
      break;
    }
    default: {
      const ImVec2 point = CanvasPoint(e->targetX, e->targetY);
      io.AddMousePosEvent(point.x, point.y);
    }
  }
  RequestFrames();
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_FALSE : EM_TRUE;  // mousedown: let focus move to the canvas
}

// Releases buttons when the pointer is let go outside the canvas.
EM_BOOL OnDocumentMouseUp(int, const EmscriptenMouseEvent* e, void*) {
  if (e->button < 3 && ImGui::GetIO().MouseDown[kImGuiButton[e->button]]) {
    ImGui::GetIO().AddMouseButtonEvent(kImGuiButton[e->button], false);
    RequestFrames();
  }
  return EM_FALSE;
}

// Whether ImGui will scroll something for this wheel: the first scrollable window under the
// pointer (as ImGui routes the wheel), if it is not already at the end in that direction.
bool ImGuiWillScroll(double delta_y) {
  if (delta_y == 0) return false;  // horizontal: nothing scrolls sideways; keep trackpad back-swipes
  for (ImGuiWindow* window = ImGui::GetCurrentContext()->HoveredWindow; window; window = window->ParentWindow) {
    if (window->ScrollMax.y <= 0.0f) continue;
    return delta_y < 0 ? window->Scroll.y > 0.0f : window->Scroll.y < window->ScrollMax.y;
  }
  return false;
}

// Browsers report wheel deltas in pixels, lines or pages; ImGui wants notches. When nothing
// under the pointer can scroll, the browser keeps the event, so a page embedding the
// explorer scrolls on past it.
EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
  double unit = 1.0 / 100.0;  // Chromium and Firefox: about 100 px a notch
  if (e->deltaMode == DOM_DELTA_LINE) unit = 1.0 / 3.0;
  if (e->deltaMode == DOM_DELTA_PAGE) unit = 1.0;
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMouseWheelEvent(static_cast<float>(-e->deltaX * unit), static_cast<float>(-e->deltaY * unit));
  RequestFrames();
  return ImGuiWillScroll(e->deltaY) ? EM_TRUE : EM_FALSE;
}

// Touch: a tap is a click; a drag scrolls what is under the finger, as on any phone.
struct TouchState {
  bool active = false, dragging = false;
  long start_x = 0, start_y = 0, last_y = 0, last_x = 0;
} g_touch;

EM_BOOL OnTouch(int type, const EmscriptenTouchEvent* e, void*) {
  if (e->numTouches < 1) return EM_FALSE;
  const EmscriptenTouchPoint& touch = e->touches[0];
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  const ImVec2 point = CanvasPoint(touch.targetX, touch.targetY);
  io.AddMousePosEvent(point.x, point.y);
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
    g_touch = {true, false, touch.targetX, touch.targetY, touch.targetY, touch.targetX};
  } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE && g_touch.active) {
    const long dx = touch.targetX - g_touch.start_x, dy = touch.targetY - g_touch.start_y;
    if (dx * dx + dy * dy > 100) g_touch.dragging = true;
    if (g_touch.dragging) {
      const float notch = ImGui::GetFontSize() * 5 / Ratio();  // ImGui scrolls 5 lines a notch
      io.AddMouseWheelEvent(static_cast<float>(touch.targetX - g_touch.last_x) / notch,
                            static_cast<float>(touch.targetY - g_touch.last_y) / notch);
    }
    g_touch.last_x = touch.targetX;
    g_touch.last_y = touch.targetY;
  } else if (type == EMSCRIPTEN_EVENT_TOUCHEND && g_touch.active) {
    if (!g_touch.dragging) {  // queued events trickle over frames, so down+up is one click
      io.AddMouseButtonEvent(0, true);
      io.AddMouseButtonEvent(0, false);
    }
    g_touch.active = false;
  } else if (type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
    g_touch.active = false;
  }
  RequestFrames();
  return EM_TRUE;  // no emulated mouse events, no page scroll under the explorer
}

// Focus moves between the canvas and the hidden text field while editing; only leaving
// both is a focus loss for ImGui (which then releases held keys). Checked on the next frame,
// when the browser has settled where focus went.
bool g_had_focus = false;

EM_BOOL OnFocus(int, const EmscriptenFocusEvent*, void*) {
  RequestFrames();
  return EM_FALSE;
}

void SetImeData(ImGuiViewport*, ImGuiPlatformImeData* data) {
  const double ratio = emscripten_get_device_pixel_ratio();
  js_text_input(data->WantVisible, data->InputPos.x / ratio, data->InputPos.y / ratio, data->InputLineHeight / ratio);
}

const char* GetClipboard(void*) { return g_clipboard.c_str(); }

void SetClipboard(void*, const char* text) {
  g_clipboard = text;
  js_write_clipboard(text);
}

}  // namespace

void InstallInputCallbacks(const char* canvas) {
  for (const char* target : {canvas, "#qe-text-input"}) {
    emscripten_set_keydown_callback(target, nullptr, true, OnKey);
    emscripten_set_keyup_callback(target, nullptr, true, OnKey);
    emscripten_set_focus_callback(target, nullptr, true, OnFocus);
    emscripten_set_blur_callback(target, nullptr, true, OnFocus);
  }
  emscripten_set_mousedown_callback(canvas, nullptr, true, OnMouse);
  emscripten_set_mouseup_callback(canvas, nullptr, true, OnMouse);
  emscripten_set_mousemove_callback(canvas, nullptr, true, OnMouse);
  emscripten_set_mouseleave_callback(canvas, nullptr, true, OnMouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, OnDocumentMouseUp);
  emscripten_set_wheel_callback(canvas, nullptr, true, OnWheel);
  emscripten_set_touchstart_callback(canvas, nullptr, true, OnTouch);
  emscripten_set_touchmove_callback(canvas, nullptr, true, OnTouch);
  emscripten_set_touchend_callback(canvas, nullptr, true, OnTouch);
  emscripten_set_touchcancel_callback(canvas, nullptr, true, OnTouch);
  ImGuiIO& io = ImGui::GetIO();
  io.SetPlatformImeDataFn = SetImeData;
  io.ConfigMacOSXBehaviors = js_is_apple_platform();
  io.GetClipboardTextFn = GetClipboard;
  io.SetClipboardTextFn = SetClipboard;
}

void UpdateFocus() {
  const bool focused = js_explorer_has_focus();
  if (focused != g_had_focus) ImGui::GetIO().AddFocusEvent(focused);
  g_had_focus = focused;
}

void UpdateMouseCursor(const char* canvas) {
  static ImGuiMouseCursor shown = ImGuiMouseCursor_COUNT;
  const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
  if (cursor == shown) return;
  shown = cursor;
  const char* css = "default";
  switch (cursor) {
    case ImGuiMouseCursor_TextInput: css = "text"; break;
    case ImGuiMouseCursor_Hand: css = "pointer"; break;
    case ImGuiMouseCursor_ResizeEW: css = "ew-resize"; break;
    case ImGuiMouseCursor_ResizeNS: css = "ns-resize"; break;
    case ImGuiMouseCursor_NotAllowed: css = "not-allowed"; break;
    default: break;
  }
  js_set_cursor(canvas, css);
}

// Called by app.js with text the hidden field received without a key press that ImGui saw:
// an input method's composed text, or a phone keyboard's word.
extern "C" EMSCRIPTEN_KEEPALIVE void qe_input_text(const char* text) {
  ImGui::GetIO().AddInputCharactersUTF8(text);
  RequestFrames();
}

// Called by app.js from the document's paste event, before ImGui handles Ctrl+V.
extern "C" EMSCRIPTEN_KEEPALIVE void qe_paste(const char* text) {
  g_clipboard = text;
  RequestFrames();
}

}  // namespace qe::web
