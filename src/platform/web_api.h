// The browser glue (Emscripten only): C functions behind window.backpropLab (web_api.js) and the
// page-shell hooks. The contract is the README's "JavaScript API".
#pragma once
#include "app/app.h"
#include "platform/platform.h"

namespace platform {

/// Points the JS API at the app; before this (and before the first frame) the API is not ready.
void web_attach(app::App& app);

/// Called after each frame (`presented` of them drawn: platform/frame_look.h); the first resolves
/// backpropLab.ready.
void web_frame_drawn(long frames, long presented);

/// The app the JS API serves (after web_attach); web_share.cpp's functions use it too.
app::App& web_app();

/// Reads the page's URL parameters (location.search: hide=, lock=, …, origin=; app/embed.h) into
/// the app, after init: a scale= or theme= there overrides the remembered one for this page only.
void web_read_embed(app::App& app, Platform& p);

/// Rejects backpropLab.ready with `message`, which the page shell shows.
void web_startup_failed(const char* message);

}  // namespace platform
