// Options: errors are bp::Error values, printed by main as "error: <field>: <reason>" (exit 2),
// exactly as backprop-cli prints them.
#include "platform/options.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "coursework/sheet_json.h"

namespace platform {
namespace {

// a state or an answer sheet, read and checked as `backprop-cli eval` / `check` read them
bp::Expected<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return bp::Error{path, std::string("cannot be read (") + std::strerror(errno) + ")"};
  std::ostringstream text;
  text << in.rdbuf();
  if (auto read = bp::parse_state_or_sheet(text.str(), path); !read) return read.error();
  return text.str();
}

}  // namespace

bp::Expected<Options> parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--help" || arg == "-h") {
      o.help = true;
    } else if (arg == "--state" || (arg.size() > 0 && arg[0] != '-')) {  // --state FILE or FILE
      if (arg == "--state" && !has_value) return bp::Error{arg, "needs a file name"};
      if (!o.file_name.empty()) return bp::Error{arg, "one file only (" + o.file_name + " was given already)"};
      o.file_name = arg == "--state" ? argv[++i] : arg;
      auto text = read_file(o.file_name);
      if (!text) return text.error();
      o.file_text = std::move(text).value();
    } else if (arg == "--frames") {
      if (!has_value) return bp::Error{arg, "needs a number of frames"};
      char* end = nullptr;
      o.frames = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || o.frames < 1) return bp::Error{arg, std::string("expected a positive number, got \"") + argv[i] + "\""};
    } else if (arg == "--ui-scale") {
      if (!has_value) return bp::Error{arg, "needs a percentage, 100 to 250"};
      char* end = nullptr;
      const double percent = std::strtod(argv[++i], &end);
      if (*end != '\0' || !(percent >= 100 && percent <= 250))
        return bp::Error{arg, std::string("expected a percentage from 100 to 250, got \"") + argv[i] + "\""};
      o.ui_scale = static_cast<float>(percent / 100);
    } else if (arg == "--theme") {
      const std::string name = has_value ? argv[++i] : "";
      if (name != "light" && name != "dark") return bp::Error{arg, "expected light or dark, got \"" + name + "\""};
      o.light = name == "light";
    } else if (arg == "--lang") {
      const std::string name = has_value ? argv[++i] : "";
      if (name != "ko" && name != "en") return bp::Error{arg, "expected ko or en, got \"" + name + "\""};
      o.lang = app::parse_lang(name, app::Lang::En);
    } else if (arg == "--size") {
      const std::string size = has_value ? argv[++i] : "";
      int w = 0, h = 0;
      char tail = 0;
      if (std::sscanf(size.c_str(), "%dx%d%c", &w, &h, &tail) != 2 || w < 200 || h < 200 || w > 8192 || h > 8192)
        return bp::Error{arg, "expected WIDTHxHEIGHT from 200x200 to 8192x8192, got \"" + size + "\""};
      o.width = w;
      o.height = h;
    } else if (arg == "--tab") {
      static constexpr const char* kTabs[] = {"graph", "network", "results", "inspector", "explainer", "train", "sheet"};
      const std::string name = has_value ? argv[++i] : "";
      bool known = false;
      for (const char* t : kTabs) known = known || name == t;
      if (!known) return bp::Error{arg, "expected graph, network, results, inspector, explainer, train or sheet, got \"" + name + "\""};
      o.tab = name;
    } else if (arg == "--export-picture") {
      o.export_picture = true;
    } else if (arg == "--screenshot") {
      if (!has_value) return bp::Error{arg, "needs a PNG file name"};
      o.screenshot = argv[++i];
    } else {
      return bp::Error{arg, "unknown option; see backprop-lab --help"};
    }
  }
  if (!o.screenshot.empty() && o.frames == 0) o.frames = 1;
  if (o.export_picture && o.frames < 4) o.frames = 4;  // the PNG is rendered in the frame after it is asked
  return o;
}

}  // namespace platform
