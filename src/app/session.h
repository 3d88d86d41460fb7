// The app's contents as a share link, a stored session or a file holds them, and opening them:
// the network, the Answer sheet's cells, the Name / ID and where the user was (the stepper, the
// selection, the tab in front). What went wrong (a broken link, a file that is neither a state
// nor a sheet) is said in the notice line of the status bar, in words; the app keeps running.
#pragma once
#include <string>
#include <string_view>

#include "engine/expected.h"
#include "share/share_link.h"

namespace app {

struct App;

/// What a link of the app now holds (the answers only when asked for).
bp::LinkContent session_content(App& app, bool with_answers);
/// Opens contents: the state, the answers (replacing the sheet's), the student and the view.
/// Returns what could not be applied ("" when everything was), e.g. a step past the end.
std::string open_content(App& app, const bp::LinkContent& content);

/// getLink() and "Copy link": `base` + "#1.…", or "error: link: …" when it would be too long.
std::string link_text(App& app, bool with_answers, std::string_view base);
/// Opens a link (the page's address on load). A link that cannot be read opens the exercise and
/// says why in the notice. `replaced_stored`: the browser had kept work of its own (it is one
/// Undo away). Returns "" or the error line.
std::string open_link(App& app, std::string_view link, bool replaced_stored);

/// The browser's storage: the session as the link's JSON document (with the answers and view),
/// and reading it back on load (its failure is a notice; nothing else changes). A network of
/// more than kMaxStoredParameters numbers (its JSON would pass the ~5 MB browsers keep per
/// page) is not stored: session_json returns "".
inline constexpr size_t kMaxStoredParameters = 150'000;
std::string session_json(App& app);
std::string restore_session(App& app, std::string_view json);

/// A file opened (the browser's Open button or a drop, the desktop's FILE / --state / a drop):
/// a state or an answer sheet. Returns "" or the CLI's error line (also in the notice).
std::string open_file(App& app, std::string_view text, const std::string& name);

/// The state as a file (Save): its JSON, as getState() gives it.
std::string state_file_text(const App& app);

}  // namespace app
