// The panels of the app's layout, one file each (panel_network.cpp, panel_results.cpp,
// canvas.cpp, status_bar.cpp). Internal to src/app.
#pragma once
#include "app/app.h"
#include "app/layout.h"

namespace app {

void network_panel(App& app, const Rect& rect);
/// Undo / Redo, Link…, Open…, Save…, Start over: the status bar's buttons (panel_share.cpp).
void share_row(App& app);
/// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ too) when no text field has the keyboard.
void undo_keys(App& app);
/// The presets area's Export button and its popup: PyTorch / NumPy script (panel_export.cpp).
void export_button(App& app);
/// The right column: a tab bar (Results, Inspector, Explainer, …), one line per tab in panel_tabs.cpp.
void right_panel(App& app, const Rect& rect);
/// The width the right column's tab bar needs to show every label (of the tabs shown) whole.
float right_tabs_width(const App& app);
/// A narrow screen's panel: the body of the right column's tab for `screen` alone.
void screen_panel(App& app, const Rect& rect, Screen screen);
void results_tab(App& app);
void inspector_tab(App& app);
void explainer_tab(App& app);
void answers_panel(App& app);  ///< the Answer sheet tab (panel_answers.cpp)
/// The Train tab (panel_train.cpp): optimizer, Step / Train / Rewind, the update formula, the loss
/// curve, then the plane and the landscape views.
void train_tab(App& app);
/// The Train tab's training set (panel_dataset.cpp): presets, the sample the graph shows.
void dataset_section(App& app);
/// The decision boundary over the 2-D input plane with the dataset's points and a draggable I
/// (panel_plane.cpp), `width` logical pixels wide.
void plane_view(App& app, float width);
/// The loss over two chosen parameters around their current values, with −∇ and the trajectory
/// (panel_landscape.cpp).
void landscape_view(App& app, float width);
void canvas_view(App& app, const Rect& rect);
void status_bar(App& app, const Rect& rect);

/// The exercise's name for a report entry: the network input is "I" (JSON "input").
const char* display_name(const std::string& name);

}  // namespace app
