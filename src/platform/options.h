// The native app's command line:
//   backprop-lab [FILE.json | --state FILE.json] [--frames N] [--screenshot FILE.png] [--ui-scale P] [--theme T]
//                [--size WxH] [--export-picture] [--tab NAME]
#pragma once
#include <optional>
#include <string>

#include "engine/expected.h"
#include "app/logic/i18n.h"
#include "engine/state.h"

namespace platform {

struct Options {
  std::string file_name;           ///< FILE or --state FILE: a state or an answer sheet
  std::string file_text;           ///< its text, already read and checked (a bad file is an error)
  long frames = 0;                 ///< 0: run until the window is closed
  std::string screenshot;          ///< written after the last frame
  std::optional<float> ui_scale;   ///< --ui-scale PERCENT (100–250), as a factor
  std::optional<bool> light;       ///< --theme light|dark
  int width = 1280, height = 800;  ///< --size WxH: the window's size in logical pixels
  bool export_picture = false;     ///< --export-picture: write backprop-lab-graph.svg and .png, then exit
  std::string tab;                 ///< --tab NAME: the panel in front at the start ("Train")
  std::optional<app::Lang> lang;   ///< --lang ko|en
  bool help = false;
};

inline constexpr const char* kUsage =
    "usage: backprop-lab [FILE.json | --state FILE.json] [--frames N] [--screenshot FILE.png]\n"
    "                    [--ui-scale PERCENT] [--theme light|dark] [--size WxH] [--export-picture]\n"
    "                    [--tab NAME] [--lang ko|en]\n"
    "  FILE, --state FILE start from this network: a state (the `backprop-cli eval` input) or an\n"
    "                     answer sheet (the `check` input: its answers fill the Answer sheet)\n"
    "  --frames N         draw N frames, then exit 0\n"
    "  --screenshot FILE  write what is on screen after the last frame (with --frames; default 1)\n"
    "  --ui-scale PERCENT the UI's size, 100 to 250 (default: the last one chosen, Ctrl+= / Ctrl+-)\n"
    "  --theme NAME       light (for projectors) or dark (default: the last one chosen)\n"
    "  --size WxH         the window's size, e.g. 390x844 (default 1280x800)\n"
    "  --export-picture   write the graph as backprop-lab-graph.svg and .png (2×) into the current\n"
    "                     directory, as Export picture does, then exit (at least 4 frames)\n"
    "  --tab NAME         the panel in front at the start: graph, network, results, inspector,\n"
    "                     explainer, train or sheet (as a course page's tab=)\n"
    "  --lang ko|en       the UI's language: 한국어 or English (default: the last one chosen)\n";

/// Parses argv; reads and checks FILE the way `backprop-cli eval` / `check` do, so a bad file
/// gives the CLI's error line.
bp::Expected<Options> parse_options(int argc, char** argv);

}  // namespace platform
