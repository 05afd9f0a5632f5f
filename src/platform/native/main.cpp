// quote-explorer: the explorer as a native GLFW + OpenGL 3 app, for development.
//
//   quote-explorer [FILE] [--frames N] [--screenshot PATH] [--size WxH] [--scale S] [--theme light|dark]
//
// FILE defaults to the seed article; dropping a file on the window loads it. A .txt, .html
// or .htm file is an article's text: its quotes are extracted (src/extract) and the result
// opens in review mode (Ctrl+S saves the reviewed article as JSON beside the text file, or
// over the JSON file it came from). --frames N
// draws N frames and exits (after saving --screenshot PATH as PNG): the smoke test's mode.
// Idle costs nothing: the loop sleeps in glfwWaitEvents until input arrives (once the
// explorer's idle work for the next keystroke is done).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/explorer.h"
#include "core/export.h"
#include "extract/extract.h"
#include "platform/native/png_writer.h"
#include "ui/explorer_view.h"
#include "ui/review_panel.h"
#include "ui/style.h"

namespace {

// Work for the next keystroke (Explorer::do_idle_work) between frames: the loop polls instead
// of sleeping until it is done.
constexpr double kIdleWorkMs = 4;

struct Options {
  std::string file = QE_DEFAULT_ARTICLE;
  int frames = 0;  // 0: run until the window closes
  std::string screenshot;
  int width = 1280, height = 800;
  float scale = 0;  // 0: the monitor's content scale
  qe::ui::Theme theme = qe::ui::Theme::Light;
};

bool ParseOptions(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--frames" && has_value) options.frames = std::atoi(argv[++i]);
    else if (arg == "--screenshot" && has_value) options.screenshot = argv[++i];
    else if (arg == "--scale" && has_value) options.scale = static_cast<float>(std::atof(argv[++i]));
    else if (arg == "--theme" && has_value && (std::string_view(argv[i + 1]) == "light" || std::string_view(argv[i + 1]) == "dark"))
      options.theme = std::string_view(argv[++i]) == "dark" ? qe::ui::Theme::Dark : qe::ui::Theme::Light;
    else if (arg == "--size" && has_value && std::sscanf(argv[++i], "%dx%d", &options.width, &options.height) == 2) continue;
    else if (!arg.empty() && arg[0] != '-') options.file = arg;
    else {
      std::cerr << "usage: quote-explorer [FILE] [--frames N] [--screenshot PATH] [--size WxH] [--scale S] [--theme light|dark]\n";
      return false;
    }
  }
  return true;
}

struct App {
  qe::Explorer explorer;
  qe::ui::ViewState view;
  std::optional<qe::review::Session> review;
};

bool EndsWith(std::string text, std::string_view suffix) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void ShowError(App& app, std::string message) {
  app.view.error = std::move(message);
  if (!app.view.error.empty() && app.view.error.back() != '\n') app.view.error += '\n';
  std::cerr << app.view.error;
}

// Shows `json` (article or corpus JSON) named `name`; `extracted` opens it in review mode.
// A failure keeps what was shown and says why in the banner.
void Show(App& app, const std::string& json, const std::string& name, bool extracted) {
  const auto errors = app.explorer.load(json, name);
  app.view.error = qe::describe_errors(errors);
  if (!errors.empty()) {
    std::cerr << app.view.error;
    return;
  }
  qe::ui::Actions review;
  review.stop_review = true;  // the session belonged to the previous article
  qe::ui::ApplyReviewActions(review, app.explorer, app.review, app.view);
  review = {};
  review.start_review = extracted;  // a proposal: the editor checks it before use
  qe::ui::ApplyReviewActions(review, app.explorer, app.review, app.view);
}

void Extract(App& app, const std::string& text, const std::string& name, qe::extract::InputFormat format) {
  qe::extract::Options options;
  options.format = format;
  options.generator = "quote-explorer";
  const qe::extract::ExtractResult extracted = qe::extract::extract_article(text, name, options);
  if (!extracted.ok()) {
    ShowError(app, extracted.error ? extracted.error->to_string() : name + ": no article found");
    return;
  }
  Show(app, extracted.article->dump(), name, /*extracted=*/true);
}

// JSON loads as is; article text (.txt) and pages (.html, .htm) are extracted first.
void LoadFile(App& app, const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    ShowError(app, path + ": cannot open the file");
    return;
  }
  std::stringstream text;
  text << file.rdbuf();
  const bool html = EndsWith(path, ".html") || EndsWith(path, ".htm");
  if (html || EndsWith(path, ".txt"))
    Extract(app, text.str(), path, html ? qe::extract::InputFormat::Html : qe::extract::InputFormat::Text);
  else
    Show(app, text.str(), path, /*extracted=*/false);
}

// Ctrl+S: the reviewed article as JSON, over the JSON file it came from or beside its text.
void SaveArticle(App& app) {
  if (!app.review) return;
  std::string path = app.explorer.file_name();
  if (!EndsWith(path, ".json")) path = path.substr(0, path.find_last_of('.')) + ".json";
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << app.review->document().dump(2) << '\n';
  qe::ui::ReviewForm& form = app.view.review_form;
  form.message_is_error = !file.good();
  form.message = file.good() ? "Saved to " + path : "Could not write " + path;
}

void OnDrop(GLFWwindow* window, int count, const char** paths) {
  if (count > 0) LoadFile(*static_cast<App*>(glfwGetWindowUserPointer(window)), paths[0]);
}

void SaveScreenshot(GLFWwindow* window, const std::string& path) {
  int width, height;
  glfwGetFramebufferSize(window, &width, &height);
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  std::vector<std::uint8_t> flipped(pixels.size());  // GL rows run bottom-up
  const std::size_t stride = static_cast<std::size_t>(width) * 4;
  for (int y = 0; y < height; ++y)
    std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(stride * (height - 1 - y)), stride,
                flipped.begin() + static_cast<std::ptrdiff_t>(stride * y));
  if (!qe::native::WritePng(path, width, height, flipped)) std::cerr << "quote-explorer: cannot write " << path << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, options)) return 2;
  glfwSetErrorCallback([](int code, const char* message) { std::cerr << "GLFW error " << code << ": " << message << "\n"; });
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* window = glfwCreateWindow(options.width, options.height, "Quote Explorer", nullptr, nullptr);
  if (!window) return 1;
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // arrows between controls (explorer_view)
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330");

  App app;
  float scale = options.scale;
  if (scale <= 0) glfwGetWindowContentScale(window, &scale, nullptr);
  qe::ui::SetTheme(options.theme);
  qe::ui::SetupFontsAndStyle(app.view, scale);
  glfwSetWindowUserPointer(window, &app);
  glfwSetDropCallback(window, OnDrop);
  app.view.can_review = true;
  LoadFile(app, options.file);

  std::uint64_t frames_drawn = 0;  // the backend makes its font texture in the first frame
  for (int frame = 0; !glfwWindowShouldClose(window); ++frame, ++frames_drawn) {
    if (options.frames > 0 || app.explorer.has_idle_work()) glfwPollEvents();
    else glfwWaitEventsTimeout(frame < 3 ? 0.0 : 0.5);  // a few frames to settle, then sleep
    app.explorer.do_idle_work(kIdleWorkMs);
    if (qe::ui::UpdateFonts(app.explorer, app.view) && frames_drawn > 0) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    qe::ui::Actions actions;
    qe::ui::DrawExplorer(app.explorer, app.view, actions);
    const bool changed = qe::ui::ApplyActions(actions, app.explorer);
    const bool reviewed = qe::ui::ApplyReviewActions(actions, app.explorer, app.review, app.view);
    if (changed || reviewed) {
      app.view.scroll_list_to_selection = app.view.scroll_reader_to_selection = true;
      frame = 0;
    }
    if (actions.save_article) SaveArticle(app);
    if (actions.extract_text) Extract(app, *actions.extract_text, "pasted text", qe::extract::InputFormat::Text);
    if (actions.copy_embed_code && app.review) {
      const std::string id = app.review->document().value("id", "article");
      ImGui::SetClipboardText(qe::embed_code(id + ".json", "embed.js").c_str());
      app.view.review_form.message = "Copied the embed code: put " + id + ".json and embed.js beside your page.";
    }
    ImGui::Render();
    int width, height;
    glfwGetFramebufferSize(window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::ColorConvertU32ToFloat4(qe::ui::Palette::Background());
    glClearColor(background.x, background.y, background.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (options.frames > 0 && frame + 1 >= options.frames) {
      if (!options.screenshot.empty()) SaveScreenshot(window, options.screenshot);
      break;
    }
    glfwSwapBuffers(window);
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return app.explorer.has_corpus() ? 0 : 1;
}
