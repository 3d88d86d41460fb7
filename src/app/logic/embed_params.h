// The page's query parameters for embedding the app in a course page (README "Embedding in a
// course page"): the panels to hide, whether editing is locked, the start panel and selection,
// the presentation for this page, and the origins the postMessage bridge answers. Parsed in this
// one place from location.search; a parameter that is unknown or bad becomes a notice, never a
// failure, and the rest still applies.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expected.h"

namespace app::logic {

/// What `hide=` can take away, in the order the README lists them.
enum class Part { Network, Results, Inspector, Explainer, Sheet, Stepper, Status, Toolbar, Train };
inline constexpr int kPartCount = 9;
/// "network", "results", …, "toolbar": the names `hide=` takes.
std::string_view part_name(Part p);

/// `lock=1`: the network is read-only (its cells, presets, shape and options, new variants and
/// Clear all); the answers can still be typed. `lock=all`: the answers too.
enum class Lock { None, Network, All };

struct EmbedParams {
  unsigned hidden = 0;  ///< bit `Part` set: that part is not shown
  Lock lock = Lock::None;
  std::string tab;      ///< the panel in front at start: "" or graph|network|results|inspector|explainer|sheet
  std::string select_of, select_wrt;  ///< select=W0 (a node: wrt empty) or select=s/O (the edge ∂s/∂O)
  std::optional<float> scale;   ///< scale=100..250 (percent), as a factor
  std::optional<bool> light;    ///< theme=light|dark
  std::string lang;             ///< lang=en|ko: the UI's language at start ("": the remembered or the browser's)
  bool flow = false;            ///< flow=1: the gradient flow animates from the start
  std::vector<std::string> origins;  ///< origin=: the host origins the bridge answers ("http://host:port")
  std::vector<bp::Error> notices;    ///< one per bad parameter: field = the parameter, reason = why (in the UI's language)
  std::string query;                 ///< as read: its notices are read again when the language changes

  bool hides(Part p) const { return (hidden >> static_cast<unsigned>(p)) & 1u; }
};

/// At most this many notices are kept (one more says how many were left out), and origins.
inline constexpr size_t kMaxNotices = 4, kMaxOrigins = 16;

/// Reads `query` (location.search, with or without its "?"): key=value pairs joined by "&",
/// percent-encoded, "+" a space. Repeated keys: the last wins (a notice says so), except origin,
/// whose values add up.
EmbedParams parse_embed_params(std::string_view query);

/// An origin as the browser writes event.origin ("https://course.example.edu", "http://127.0.0.1:8000"),
/// or an error saying why `text` is not one. The scheme and host are lower-cased, a default port
/// (80 for http, 443 for https) and one trailing "/" are dropped.
bp::Expected<std::string> parse_origin(std::string_view text);

}  // namespace app::logic
