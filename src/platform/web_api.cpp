// C side of window.backpropLab. Strings go out as pointers into static buffers, valid until the
// next call of the same function (web_api.js copies them into JS strings at once).
#include "platform/web_api.h"

#include <cstdio>
#include <string>

#include <emscripten.h>

// calls into web_api.js
EM_JS(void, js_first_frame, (), { Module.backpropLabFirstFrame(); });
EM_JS(void, js_startup_failed, (const char* message), { Module.backpropLabFailed(UTF8ToString(message)); });

namespace {
app::App* g_app = nullptr;
long g_frames = 0;

const char* keep(std::string& buffer, std::string value) {
  buffer = std::move(value);
  return buffer.c_str();
}
}  // namespace

namespace platform {

void web_attach(app::App& app) { g_app = &app; }

void web_frame_drawn(long frames) {
  g_frames = frames;
  if (frames == 1) js_first_frame();
}

void web_startup_failed(const char* message) {
  js_startup_failed(message);
}

}  // namespace platform

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* lab_get_state() {
  static std::string out;
  return keep(out, g_app->model.state_json());
}

EMSCRIPTEN_KEEPALIVE const char* lab_set_state(const char* json) {
  static std::string out;
  return keep(out, g_app->model.set_state_json(json));
}

EMSCRIPTEN_KEEPALIVE const char* lab_get_result() {
  static std::string out;
  return keep(out, g_app->model.result_json());
}

EMSCRIPTEN_KEEPALIVE double lab_frame_count() { return static_cast<double>(g_frames); }

// testing hook: {"x":…, "y":…, "w":…, "h":…} in CSS pixels, or "" when not drawn last frame
EMSCRIPTEN_KEEPALIVE const char* lab_item_rect(const char* name) {
  static std::string out;
  const auto item = g_app->probe.find(name);
  if (!item) return keep(out, "");
  char buf[160];
  std::snprintf(buf, sizeof buf, "{\"x\": %.2f, \"y\": %.2f, \"w\": %.2f, \"h\": %.2f}", item->x, item->y, item->w,
                item->h);
  return keep(out, buf);
}

// benchmark hook: the app's CPU time per frame (see app/frame_stats.h) and the last evaluation's
EMSCRIPTEN_KEEPALIVE const char* lab_frame_stats() {
  static std::string out;
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "{\"frames\": %ld, \"samples\": %d, \"median_ms\": %.4f, \"last_ms\": %.4f, \"evaluation_ms\": %.4f}",
                g_frames, g_app->stats.count(), g_app->stats.median(), g_app->stats.last(), g_app->model.evaluation_ms);
  return keep(out, buf);
}

}  // extern "C"
