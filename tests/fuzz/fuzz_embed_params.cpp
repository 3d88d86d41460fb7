// The embedding parameters (parse_embed_params, from the page's location.search): any query opens
// the app, with a few bounded one-line notices, origins in the browser's own form and settings
// within their ranges.
#include <algorithm>
#include <cstdint>
#include <string>

#include "app/logic/embed_params.h"
#include "contract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace app::logic;
  const std::string query(reinterpret_cast<const char*>(data), size);
  const EmbedParams p = parse_embed_params(query);
  fuzz::require(p.notices.size() <= kMaxNotices + 1, "at most a few notices", query);
  for (const bp::Error& e : p.notices) {
    fuzz::require(!e.reason.empty(), "a notice says why", query);
    const std::string line = e.line();
    fuzz::check_error_line(line, false);
    fuzz::require(line.size() < 400, "a notice is short", line);
  }
  fuzz::require(p.hidden < (1u << kPartCount), "only known parts are hidden", query);
  if (p.scale) fuzz::require(*p.scale >= 1.0f && *p.scale <= 2.5f, "scale within 100-250 %", query);
  static const char* kTabs[] = {"", "graph", "network", "results", "inspector", "explainer", "sheet"};
  fuzz::require(std::find(std::begin(kTabs), std::end(kTabs), p.tab) != std::end(kTabs), "a known tab", p.tab);
  fuzz::require(p.select_wrt.empty() || !p.select_of.empty(), "an edge has both ends", query);
  fuzz::require(p.select_of.find('/') == std::string::npos && p.select_wrt.find('/') == std::string::npos,
                "selection names hold no slash", query);
  fuzz::require(p.origins.size() <= kMaxOrigins, "a bounded list of origins", query);
  for (const std::string& o : p.origins) {
    const auto again = parse_origin(o);
    fuzz::require(again && again.value() == o, "an origin reads back as itself", o);
    fuzz::require(o.rfind("http://", 0) == 0 || o.rfind("https://", 0) == 0, "an origin is http(s)", o);
    fuzz::require(o.find_first_of("/?#@ ", o.find("//") + 2) == std::string::npos, "an origin has no path", o);
  }
  return 0;
}
