// What a share link holds: the whole state, optionally the answer sheet's text, and where the
// user was (the stepper's position, the selection, the panel in front). The app's "Copy link",
// getLink() and `backprop-cli link` all build it here, so the same state gives the same link.
//   {"state": {<the eval input; options at their default and absent biases left out>},
//    "answers": {"grad:W1": "tensor(…)", …}, "student": "…",
//    "view": {"step": 3, "selected": {"node": "W0"} | {"of": "s", "wrt": "O"}, "tab": "inspector"}}
// Only "state" is required; empty answers, a default view are left out.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/expected.h"
#include "engine/state.h"

namespace bp {

/// Where the user was. Defaults (nothing) are what a page opens with: the stepper at its end,
/// nothing selected, the default panel.
struct LinkView {
  std::optional<int> step;  ///< the stepper's position (0 = nothing computed yet)
  std::string node;         ///< a selected node ("W0"), or
  std::string of, wrt;      ///< a selected edge wrt → of
  std::string tab;          ///< the panel in front: "graph", "network", "results", "inspector", "explainer", "sheet"
  bool operator==(const LinkView& o) const { return step == o.step && node == o.node && of == o.of && wrt == o.wrt && tab == o.tab; }
};

using AnswerTexts = std::vector<std::pair<std::string, std::string>>;  ///< sheet key → text, in order

struct LinkContent {
  State state;
  AnswerTexts answers;  ///< only the filled cells
  std::string student;
  LinkView view;
};

/// The link's JSON document (above) for these contents.
std::string link_document(const LinkContent& content);

/// `base` + "#" + the encoded document (link_codec.h). `base` is the page's address without a
/// fragment (a '#…' in it is dropped). Errors: "link: …" when the link would be too long.
Expected<std::string> share_link(const LinkContent& content, std::string_view base);

/// The address `backprop-cli link` uses without --base: `make serve`'s page.
inline constexpr std::string_view kDefaultLinkBase = "http://localhost:8000/";

/// Reads a link's fragment (or a whole address: everything up to the first '#' is ignored) back.
/// Every error is one line saying what was wrong in words, starting with "link", e.g.
/// "error: link: character 12 ('%') is not one a link uses …" or
/// "error: link.state.label: sums to 1.2; …".
Expected<LinkContent> read_link(std::string_view link);
/// The same for the document's JSON text itself (the browser keeps the session that way).
Expected<LinkContent> read_link_document(std::string_view json_text);

}  // namespace bp
