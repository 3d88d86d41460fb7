// The Backprop Lab UI: one App, drawn once per frame with Dear ImGui. It knows the engine, ImGui
// and GL (through platform/gl.h) but not SDL or Emscripten: src/platform calls in here.
#pragma once
#include "app/canvas_grid.h"
#include <functional>
#include <array>
#include <optional>
#include <string>

#include "app/field_views.h"
#include "app/frame_stats.h"
#include "app/graph_view.h"
#include "app/history.h"
#include "app/logic/answers.h"
#include "app/logic/embed_params.h"
#include "app/model.h"
#include "app/probe.h"
#include "app/theme.h"
#include "app/training.h"

namespace app {

/// The random-network preset's settings (bp::random_state: same seed, same network everywhere).
struct RandomPreset {
  int seed = 1;
  int layers = 2;
  int width = 4;
};

/// The Answer sheet tab's tools: the variant to load and what the last file or variant action did.
struct AnswerTools {
  int seed = 1;
  bool dead_relu = false;
  std::array<char, 65> student{};  ///< the Name / ID field: the sheet's "student", the handouts' name
  std::string variant_json;        ///< the state "New variant" loaded (handouts name its seed while it is unchanged)
  int variant_seed = 0;
  std::string status;  ///< "Saved …" / "Downloaded …" or an "error: …" line
  long edits_seen = 0;  ///< Answers::edits() after the tab's own last edit
  int generation = 0;   ///< part of the cells' ImGui IDs: a change from elsewhere drops an edit in progress
  bool reveal = false;  ///< "Reveal answers": tooltips show each cell's formula (off: no right answer is shown)
};

/// The panels a narrow screen shows one at a time, in its tab bar's order.
enum class Screen { Graph, Network, Results, Inspector, Explainer, Sheet, Train };

/// One line at the top of the status bar: what opening a link, a file or the stored session did
/// (an error in words when it failed), until the user dismisses it.
struct Notice {
  std::string text;
  bool error = false;
};

struct App {
  Model model;          ///< the network being edited and its evaluation
  FrameStats stats;     ///< CPU time per frame, recorded by the platform layer
  Probe probe;          ///< where cells were drawn in the last frame (browser tests)
  CanvasGrid grid;      ///< the canvas background
  GraphView graph;      ///< the graph canvas: layout, stepper, selection, pan/zoom
  RandomPreset random;
  logic::Answers answers;   ///< the Answer sheet tab: the student's cells and their verdicts
  AnswerTools answer_tools;
  /// Filled in by the platform: saves a text file (the browser downloads it, the desktop writes it
  /// to the current directory) and returns what happened, for the status line ("error: …" on failure).
  std::function<std::string(const std::string& name, const std::string& text)> save_file;
  /// Filled in by the browser: opens its file picker (the file arrives through session.h's
  /// open_file). Empty on the desktop, where Open asks for a path (or a file is dropped).
  std::function<void()> pick_file;
  /// The page's address without its fragment, the base of a share link (the desktop: make
  /// serve's address).
  std::function<std::string()> page_address;
  History history;      ///< undo / redo
  Training training;    ///< the Train tab: optimizer steps, the loss curve
  PlaneView plane;      ///< the Train tab's decision boundary (panel_plane.cpp)
  LandscapeView landscape;  ///< the Train tab's loss landscape (panel_landscape.cpp)
  Notice notice;
  bool link_answers = false;  ///< the last link copied included the Answer sheet's text
  std::array<char, 512> open_path{};  ///< the desktop's Open: the file's path
  /// Filled in by the platform: saves the graph's picture as a PNG at twice the pixels (the
  /// browser renders `svg` into a 2× canvas; the desktop renders the graph area again at 2×).
  /// Returns what happened, or "" when the platform reports it later in GraphView::export_status.
  std::function<std::string(const std::string& name, const std::string& svg)> save_png;
  std::string export_status;  ///< what the Network panel's Export did last ("Saved …" or "error: …")
  /// Filled in by the browser: fetches a language's table and font (lang/ko.txt, lang/ko-font.ttf)
  /// and installs them (i18n.h's set_table, fonts.h's set_language_font); called each frame the
  /// language asked for is not there yet, so it must ignore repeats. Empty natively (compiled in).
  std::function<void(Lang lang)> fetch_language;

  // presentation and layout
  theme::Presentation presentation;  ///< the UI scale and theme asked for (Ctrl+= / Ctrl+−, the status bar)
  theme::Presentation applied{0.0f, false};  ///< what fonts and style were built for (0: not yet)
  float applied_pixel_scale = 0;
  Screen screen = Screen::Graph;  ///< the one panel a narrow screen shows
  Screen right_tab = Screen::Results;  ///< the right column's tab last shown (wide or narrow)
  bool narrow = false;            ///< last frame's layout showed one panel at a time
  std::optional<Screen> focus_request;  ///< bring this panel to the front next frame (keyboard, mirror)
  float status_height = 0;  ///< the status bar's height last frame (it wraps on a narrow screen)

  // a course page's embedding (app/embed.h): hidden panels, lock, start tab and selection, notices
  logic::EmbedParams embed;
  bool embed_started = true;  ///< the start tab and selection were applied (set_embed clears it)
  Lang embed_notices_lang = Lang::En;  ///< the language embed.notices are in
};

/// A panel's name, as on the narrow screen's tab bar: "Graph", "Network", …, "Sheet".
const char* screen_name(Screen s);
/// Brings a panel to the front (a narrow screen shows it; a wide one focuses its window): the
/// accessible mirror's sections call it when the keyboard reaches them. False for no such panel.
bool focus_panel(App& app, const std::string& name);
/// The next (steps = 1) or previous (−1) panel in the tab bar's order comes to the front (the
/// desktop's F6 / Shift+F6; the page's Tab / Shift+Tab move through the mirror's sections).
void cycle_panel(App& app, int steps);

/// Before NewFrame: rebuilds the fonts (at the UI scale × `pixel_scale`) and the style when either
/// changed. True when it did: the renderer must then rebuild its font texture.
bool update_presentation(App& app, float pixel_scale);

/// Style and GL resources; needs ImGui's context and a current GL context. Without GL (a failed
/// shader) the app still runs, with a plain canvas.
void init(App& app);
void shutdown(App& app);

/// Brings the answer sheet up to date with the model (the tab and the canvas's highlight do it
/// each frame, the JS API before reading or writing answers); cheap when nothing changed.
void sync_answers(App& app);

/// Builds the whole UI for one frame, between ImGui::NewFrame() and ImGui::Render().
void frame(App& app);

/// What the frame shows beyond ImGui's draw data, as one number that changes with it: the shader
/// pictures redrawn into the same textures, the canvas grid's placement (drawn by a callback).
/// The platform presents a frame only when this or the draw data changed.
uint64_t offscreen_look(const App& app);

}  // namespace app
