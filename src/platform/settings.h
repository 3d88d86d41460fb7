// The remembered presentation (UI scale, theme): the browser's localStorage, or on the desktop a
// one-line file in $XDG_CONFIG_HOME/backprop-lab/ (~/.config/backprop-lab/). The text is
// app::theme::settings_text's.
#pragma once
#include <string>

namespace platform {

/// The remembered settings text, "" when none.
std::string load_settings();
/// Remembers `text`; failing silently (a read-only home, private browsing) keeps the app running.
void save_settings(const std::string& text);

}  // namespace platform
