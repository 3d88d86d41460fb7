// C side of window.backpropLab. Strings go out as pointers into static buffers, valid until the
// next call of the same function (web_api.js copies them into JS strings at once).
#include "platform/web_api.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <emscripten.h>
#include <malloc.h>
#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/graph_picture.h"
#include "platform/web_share.h"
#include "app/mirror.h"
#include "app/theme.h"

// calls into web_api.js
EM_JS(void, js_first_frame, (), { Module.backpropLabFirstFrame(); });
EM_JS(void, js_startup_failed, (const char* message), { Module.backpropLabFailed(UTF8ToString(message)); });
EM_JS(void, js_copy, (const char* text), { Module.backpropLabCopy(UTF8ToString(text)); });
EM_JS(void, js_pick_file, (), { Module.backpropLabPickFile(); });
EM_JS(char*, js_location_search, (), {
  const text = String(location.search);
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
});
EM_JS(void, js_download, (const char* name, const char* text), {
  Module.backpropLabDownload(UTF8ToString(name), UTF8ToString(text));
});

EM_JS(void, js_download_png, (const char* name, const char* svg), {
  Module.backpropLabDownloadPng(UTF8ToString(name), UTF8ToString(svg));
});

namespace {
app::App* g_app = nullptr;
long g_frames = 0, g_presented = 0;  // frames run, and of those drawn and presented

const char* keep(std::string& buffer, std::string value) {
  buffer = std::move(value);
  return buffer.c_str();
}
}  // namespace

namespace platform {

void web_attach(app::App& app) {
  g_app = &app;
  // the page's clipboard: Ctrl+C in a text field copies to it; Ctrl+V pastes through the browser's
  // paste event (lab_paste), so ImGui's own paste reads nothing (SDL's clipboard is not the page's)
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = [](void*, const char* text) { js_copy(text); };
  io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
  app.pick_file = [] { js_pick_file(); };
  app.page_address = [] { return web_page_address(); };
  app.save_file = [](const std::string& name, const std::string& text) {
    js_download(name.c_str(), text.c_str());
    return "Downloaded " + name;
  };
  app.save_png = [](const std::string& name, const std::string& svg) {
    js_download_png(name.c_str(), svg.c_str());
    return "";  // the page renders it asynchronously and reports through lab_export_status
  };
}

app::App& web_app() { return *g_app; }

void web_frame_drawn(long frames, long presented) {
  g_frames = frames;
  g_presented = presented;
  if (frames == 1) js_first_frame();
}

void web_read_embed(app::App& app, Platform& p) {
  char* search = js_location_search();
  app::logic::EmbedParams params = app::logic::parse_embed_params(search);
  std::free(search);
  if (params.scale || params.light) p.remember_presentation = false;  // this page's, not the user's
  app::set_embed(app, std::move(params));
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

// texts arrive with their length in bytes: a "\u0000" inside is the text's, not its end
EMSCRIPTEN_KEEPALIVE const char* lab_set_state(const char* json, int length) {
  static std::string out;
  return keep(out, g_app->model.set_state_json(std::string(json, static_cast<size_t>(length))));
}

EMSCRIPTEN_KEEPALIVE const char* lab_get_result() {
  static std::string out;
  return keep(out, g_app->model.result_json());
}

// the answer sheet (README "JavaScript API": getSheet, setAnswer, getVerdicts)
EMSCRIPTEN_KEEPALIVE const char* lab_get_sheet() {
  static std::string out;
  g_app->model.settle();
  app::sync_answers(*g_app);
  return keep(out, g_app->answers.sheet_json(g_app->model.state, -1, g_app->answer_tools.student.data()));
}

EMSCRIPTEN_KEEPALIVE const char* lab_set_answer(const char* key, int key_length, const char* text, int text_length) {
  static std::string out;
  g_app->model.settle();
  app::sync_answers(*g_app);
  return keep(out, g_app->answers.set_text(std::string(key, static_cast<size_t>(key_length)),
                                           std::string(text, static_cast<size_t>(text_length))));
}

EMSCRIPTEN_KEEPALIVE const char* lab_get_verdicts() {
  static std::string out;
  g_app->model.settle();
  app::sync_answers(*g_app);
  return keep(out, g_app->answers.verdicts_json());
}

// a paste event's text, typed into the text field being edited (if any); line breaks as \n
EMSCRIPTEN_KEEPALIVE void lab_paste(const char* text) {
  if (!ImGui::GetCurrentContext() || !ImGui::GetIO().WantTextInput) return;
  std::string clean;
  for (const char* p = text; *p; ++p)
    if (*p != '\r') clean += *p;
    else if (p[1] != '\n') clean += '\n';
  ImGui::GetIO().AddInputCharactersUTF8(clean.c_str());
}

EMSCRIPTEN_KEEPALIVE double lab_frame_count() { return static_cast<double>(g_frames); }

// the graph canvas (README "JavaScript API"): the stepper's position and the selection
EMSCRIPTEN_KEEPALIVE const char* lab_get_view() {
  static std::string out;
  app::sync_graph(g_app->graph, g_app->model);
  return keep(out, app::graph_view_json(g_app->graph));
}

EMSCRIPTEN_KEEPALIVE const char* lab_select(const char* of, const char* wrt) {
  static std::string out;
  app::sync_graph(g_app->graph, g_app->model);
  std::string error = app::logic::select_edge(g_app->graph.selection, g_app->graph.stepper.graph(), of, wrt);
  if (error.empty() && !g_app->graph.selection.of.empty()) g_app->graph.request_tab = app::RightTab::Inspector;
  return keep(out, std::move(error));
}

EMSCRIPTEN_KEEPALIVE const char* lab_select_node(const char* name) {
  static std::string out;
  app::sync_graph(g_app->graph, g_app->model);
  std::string error = app::logic::select_node(g_app->graph.selection, g_app->graph.stepper.graph(), name);
  if (error.empty() && !g_app->graph.selection.node.empty()) g_app->graph.request_tab = app::RightTab::Inspector;
  return keep(out, std::move(error));
}

// the Train tab's run (README "JavaScript API": getTraining)
EMSCRIPTEN_KEEPALIVE const char* lab_get_training() {
  static std::string out;
  return keep(out, app::training_json(g_app->training));
}

// the graph as an SVG document (README "JavaScript API": getGraphSVG), "" while the state is invalid
EMSCRIPTEN_KEEPALIVE const char* lab_get_graph_svg() {
  static std::string out;
  return keep(out, app::graph_picture_svg(*g_app));
}

// the Train tab's shader views read back (README "JavaScript API": samplePlane, sampleLandscape)
EMSCRIPTEN_KEEPALIVE const char* lab_sample_plane(const char* json, int length, int resolution) {
  static std::string out;
  g_app->model.settle();
  return keep(out, app::plane_samples_json(*g_app, std::string(json, static_cast<size_t>(length)), resolution));
}

EMSCRIPTEN_KEEPALIVE const char* lab_sample_landscape(const char* json, int length, int resolution) {
  static std::string out;
  g_app->model.settle();
  return keep(out, app::landscape_samples_json(*g_app, std::string(json, static_cast<size_t>(length)), resolution));
}

// what became of the PNG the page rendered ("Downloaded …" or "error: …"), for the canvas's status line
EMSCRIPTEN_KEEPALIVE void lab_export_status(const char* text) {
  g_app->graph.export_status = text;
  g_app->graph.export_status_time = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0;
}

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

// the accessible mirror (web/mirror.js): a cheap key, and the snapshot when the key changed
EMSCRIPTEN_KEEPALIVE const char* lab_mirror_key() {
  static std::string out;
  return keep(out, app::mirror_key(*g_app));
}

EMSCRIPTEN_KEEPALIVE const char* lab_mirror() {
  static std::string out;
  return keep(out, app::mirror_json(*g_app));
}

// the postMessage bridge (web/bridge.js): the origins it answers (a JSON array; [] = off), and
// whether the evaluation is still coming in over the next frames (the bridge then waits with
// getVerdicts, which would finish it at once)
EMSCRIPTEN_KEEPALIVE const char* lab_embed_origins() {
  static std::string out;
  std::string json = "[";
  for (const std::string& o : g_app->embed.origins) json += (json.size() > 1 ? ",\"" : "\"") + o + "\"";  // parse_origin: no quotes
  return keep(out, json + "]");
}

EMSCRIPTEN_KEEPALIVE int lab_evaluating() { return g_app->model.pending().empty() ? 0 : 1; }

// whether a text field of the app has the keyboard (then Tab is the field's, not the panels')
EMSCRIPTEN_KEEPALIVE int lab_typing() { return ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput ? 1 : 0; }

// the keyboard reached a panel's section of the mirror: that panel comes to the front
EMSCRIPTEN_KEEPALIVE int lab_focus_panel(const char* name) { return app::focus_panel(*g_app, name) ? 1 : 0; }

// presentation keys the page took from the browser (Ctrl+= / Ctrl+− would zoom the page)
EMSCRIPTEN_KEEPALIVE void lab_ui_scale_step(int steps) {
  auto& p = g_app->presentation;
  p = steps == 0 ? app::theme::Presentation{1.0f, p.light} : app::theme::step_scale(p, steps);
}

// testing hook: every piece of text drawn last frame (app/drawn_text.h)
EMSCRIPTEN_KEEPALIVE const char* lab_drawn_text() {
  static std::string out;
  return keep(out, app::drawn_text_json(g_app->probe));
}

// benchmark hook: the app's CPU time per frame (see app/frame_stats.h) and the last evaluation's
EMSCRIPTEN_KEEPALIVE const char* lab_frame_stats() {
  static std::string out;
  char buf[400];
  // heap_bytes: what malloc has handed out and not had back (wasm memory only ever grows, in steps)
  std::snprintf(buf, sizeof buf,
                "{\"frames\": %ld, \"presented\": %ld, \"samples\": %d, \"median_ms\": %.4f, \"max_ms\": %.4f, \"last_ms\": %.4f, "
                "\"evaluation_ms\": %.4f, \"evaluating\": %s, \"heap_bytes\": %zu}",
                g_frames, g_presented, g_app->stats.count(), g_app->stats.median(), g_app->stats.max(), g_app->stats.last(),
                g_app->model.evaluation_ms, g_app->model.pending().empty() ? "false" : "true",
                static_cast<size_t>(mallinfo().uordblks));
  return keep(out, buf);
}

// benchmark hook: the shader views' pictures (resolution shown, refining, the key of the picture
// being drawn and its levels done, GPU ms and parts per level, measured rate, the revision of
// what is shown: it changes with every level finished)
EMSCRIPTEN_KEEPALIVE const char* lab_field_stats() {
  static std::string out;
  std::string json = "{";
  const std::pair<const char*, const app::Field*> fields[] = {{"plane", &g_app->plane.field},
                                                              {"landscape", &g_app->landscape.field}};
  for (const auto& [name, field] : fields) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "%s\"%s\": {\"resolution\": %d, \"refining\": %s, \"macs_per_ms\": %.0f, \"last_part_ms\": %.3f, \"level_ms\": [",
                  json.size() > 1 ? ", " : "", name, field->resolution(), field->refining() ? "true" : "false", field->rate(),
                  field->last_part_ms());
    json += buf;
    for (int l = 0; l < app::Field::kLevels; ++l) {  // coarsest to finest (Field::kSizes)
      std::snprintf(buf, sizeof buf, "%s%.3f", l ? ", " : "", field->level_ms(l));
      json += buf;
    }
    json += "], \"level_parts\": [";
    for (int l = 0; l < app::Field::kLevels; ++l) json += (l ? ", " : "") + std::to_string(field->level_parts(l));
    json += "], \"level_done\": [";
    for (int l = 0; l < app::Field::kLevels; ++l) json += std::string(l ? ", " : "") + (field->has_level(l) ? "true" : "false");
    std::snprintf(buf, sizeof buf, "], \"key\": \"%016llx\", \"revision\": %llu}", static_cast<unsigned long long>(field->key()),
                  static_cast<unsigned long long>(field->revision()));
    json += buf;
  }
  return keep(out, json + "}");
}

}  // extern "C"
