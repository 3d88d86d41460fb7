// backprop-cli link: the share link of a state or an answer sheet (with its answers), the same
// text the app's "Copy link" and getLink() give for it.
#include <ostream>

#include "cli.h"
#include "share/share_link.h"

namespace cli {

int link(const Args& args, Io io) {
  bool path_given = false;
  std::string path = "-", base(bp::kDefaultLinkBase);
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--base") {
      if (i + 1 == args.size()) return fail(io, {"--base", "needs a value: the app's address, e.g. https://example.org/lab/"});
      base = args[++i];
      if (base.empty() || base.find_first_of(" \t\r\n") != std::string::npos)  // a '#…' is dropped
        return fail(io, {"--base", "\"" + base + "\" is not an address (it is empty or has spaces)"});
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return fail(io, {args[i], "unknown option; see backprop-cli --help"});
    } else if (auto e = set_path("link", args[i], path, path_given)) {
      return fail(io, *e);
    }
  }
  const auto sheet = read_state_or_sheet(path, io);
  if (!sheet) return fail(io, sheet.error());
  const auto url = bp::share_link({sheet.value().state, sheet.value().texts, sheet.value().student, {}}, base);
  if (!url) return fail(io, url.error());
  io.out << url.value() << "\n";
  return 0;
}

}  // namespace cli
