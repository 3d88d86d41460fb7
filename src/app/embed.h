// The app embedded in a course page: what the page's URL parameters (logic/embed_params.h) do to
// the UI. Hidden panels are neither drawn nor reached by the keyboard; a lock makes the network
// (and with lock=all the answers) read-only; the start tab and selection apply on the first frame;
// each bad parameter is one notice line above the status bar.
#pragma once
#include "app/app.h"

namespace app {

/// Takes the page's parameters: the presentation (scale, theme) and the flow switch at once; the
/// tab and the selection on the first frame, when the graph exists.
void set_embed(App& app, logic::EmbedParams params);
/// The tab and selection asked for, once (frame() calls it); a selection that names no node or
/// edge of the graph adds a notice.
void start_embed(App& app);

/// Whether a narrow screen's panel (and the mirror's section of it) is shown; the graph always is.
bool shows(const App& app, Screen s);
bool shows(const App& app, logic::Part p);
/// lock=1 or lock=all: the network cannot be edited in the UI (the JS API and bridge still can).
bool network_locked(const App& app);
/// lock=all: the answers cannot be typed either.
bool answers_locked(const App& app);

/// The notices' lines (wrapped, in the warning colour, with a "Dismiss" button); nothing without
/// notices. Drawn in the bottom bar, whether or not the status bar is hidden.
void embed_notices(App& app);

}  // namespace app
