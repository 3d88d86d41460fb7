// backprop-cli key: the worked solution of a state (or, with --blank, the sheet to fill in). An
// answer sheet is read too: its state is used.
#include <ostream>

#include "cli.h"
#include "engine/answer_key.h"
#include "engine/sheet_json.h"
#include "engine/state_json.h"

namespace cli {

int key(const Args& args, Io io) {
  bool path_given = false;
  std::string path = "-";
  bp::KeyOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format") {
      auto v = option_value(args, i, "markdown or latex");
      if (!v) return fail(io, v.error());
      if (v.value() == "markdown") options.format = bp::KeyFormat::Markdown;
      else if (v.value() == "latex") options.format = bp::KeyFormat::Latex;
      else return fail(io, {"--format", "unknown value \"" + v.value() + "\"; expected markdown or latex"});
    } else if (args[i] == "--blank") {
      options.blank = true;
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return fail(io, {args[i], "unknown option; see backprop-cli --help"});
    } else if (auto e = set_path("key", args[i], path, path_given)) {
      return fail(io, *e);
    }
  }
  const auto text = read_all(path, io);
  if (!text) return fail(io, text.error());
  auto state = bp::parse_state(text.value(), source_name(path));
  if (!state && state.error().field == "state") {  // an answer sheet: its state
    const auto sheet = bp::parse_sheet(text.value(), source_name(path));
    if (!sheet) return fail(io, sheet.error());
    state = sheet.value().state;
  }
  if (!state) return fail(io, state.error());
  io.out << bp::answer_key(state.value(), options);
  return 0;
}

}  // namespace cli
