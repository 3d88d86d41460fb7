// backprop-lab: the Backprop Lab app, natively (a window) and in the browser (app.js + app.wasm).
// Native: `while (running) frame()`. Web: the browser calls the same frame() on each animation
// frame, so everything it uses lives in static storage (main returns before the first frame).
#include <cstdio>

#include "app/app.h"
#include "app/graph_picture.h"
#include "app/session.h"
#include "platform/platform.h"
#ifdef __EMSCRIPTEN__
#include <emscripten.h>

#include "platform/web_api.h"
#include "platform/web_lang.h"
#else
#include <filesystem>
#include <fstream>

#include "platform/options.h"
#endif

namespace {
app::App g_app;
platform::Platform g_platform;

#ifndef __EMSCRIPTEN__
// the desktop's "download": a file in the current directory
std::filesystem::path in_current_dir(const std::string& name) {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::current_path(ec);
  return ec ? std::filesystem::path(name) : dir / name;
}

std::string save_file(const std::string& name, const std::string& text) {
  const std::filesystem::path path = in_current_dir(name);
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return "error: " + path.string() + ": could not be written";
  return "Saved " + path.string();
}

// "PNG 2×": the platform renders the graph area at twice the pixels in the next frame and says
// what happened on the canvas's status line
std::string save_png(const std::string& name, const std::string&) {
  g_platform.picture_path = in_current_dir(name).string();
  return "";
}
#endif
}  // namespace

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
  (void)argc;
  (void)argv;
  if (!platform::init(g_platform, g_app)) {
    platform::web_startup_failed("Could not start: see the browser console for details.");
    return 1;
  }
  platform::web_attach(g_app);
  platform::web_attach_languages(g_app);
  platform::web_read_embed(g_app, g_platform);
  // hand off control to the browser's loop (requestAnimationFrame); never returns
  emscripten_set_main_loop_arg(platform::frame, &g_platform, 0, true);
  return 0;
#else
  auto options = platform::parse_options(argc, argv);
  if (!options) {
    std::fprintf(stderr, "%s\n", options.error().line().c_str());
    return 2;  // as backprop-cli does for invalid input
  }
  const platform::Options& o = options.value();
  if (o.help) {
    std::fputs(platform::kUsage, stdout);
    return 0;
  }
  if (!o.file_name.empty()) app::open_file(g_app, o.file_text, o.file_name);
  g_platform.width = o.width;
  g_platform.lang = o.lang;
  g_platform.height = o.height;
  if (o.ui_scale || o.light) {  // a flag replaces the remembered presentation for this run
    g_app.presentation.scale = o.ui_scale.value_or(1.0f);
    g_app.presentation.light = o.light.value_or(false);
    g_platform.presentation_given = true;
  }
  if (!o.tab.empty()) {  // "train" → the Train panel, as a course page's tab=train
    std::string panel = o.tab;
    panel[0] = static_cast<char>(panel[0] - 'a' + 'A');
    app::focus_panel(g_app, panel);
  }
  g_app.save_file = save_file;
  g_app.save_png = save_png;
  if (!platform::init(g_platform, g_app)) return 1;
  while (!g_platform.quit && (o.frames == 0 || g_platform.frames < o.frames)) {
    if (!o.screenshot.empty() && g_platform.frames + 1 == o.frames) g_platform.capture_path = o.screenshot;
    if (o.export_picture && g_platform.frames == 2) {  // as "Export picture" → SVG, then PNG 2×
      app::export_picture(g_app, false);
      std::printf("backprop-lab: %s\n", g_app.graph.export_status.c_str());
      if (g_app.graph.export_status.rfind("Saved ", 0) != 0) g_platform.capture_failed = true;
      app::export_picture(g_app, true);
    }
    platform::frame(&g_platform);
  }
  if (o.export_picture) {
    const std::string& status = g_app.graph.export_status;
    std::printf("backprop-lab: %s\n", status.empty() ? "error: the picture was not rendered (give --frames 4 or more)" : status.c_str());
    if (status.rfind("Saved ", 0) != 0) g_platform.capture_failed = true;
  }
  const bool failed = g_platform.capture_failed;
  if (o.frames > 0)
    std::printf("backprop-lab: %ld frames, app CPU per frame %.3f ms median, %.3f ms longest\n", g_platform.frames,
                g_app.stats.median(), g_app.stats.max());
  platform::shutdown(g_platform);
  return failed ? 1 : 0;
#endif
}
