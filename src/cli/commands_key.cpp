// backprop-cli key: the worked solution of a state (or, with --blank, the sheet to fill in). An
// answer sheet is read too: its state is used.
#include <iostream>

#include "cli.h"
#include "coursework/answer_key.h"
#include "coursework/sheet_json.h"
#include "engine/state_json.h"

namespace cli {

int key(const Args& args) {
  bool path_given = false;
  std::string path = "-";
  bp::KeyOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format") {
      auto v = option_value(args, i, "markdown or latex");
      if (!v) return fail(v.error());
      if (v.value() == "markdown") options.format = bp::KeyFormat::Markdown;
      else if (v.value() == "latex") options.format = bp::KeyFormat::Latex;
      else return fail({"--format", "unknown value \"" + v.value() + "\"; expected markdown or latex"});
    } else if (args[i] == "--blank") {
      options.blank = true;
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return fail({args[i], "unknown option; see backprop-cli --help"});
    } else if (auto e = set_path("key", args[i], path, path_given)) {
      return fail(*e);
    }
  }
  const auto text = read_all(path);
  if (!text) return fail(text.error());
  auto state = bp::parse_state(text.value(), source_name(path));
  if (!state && state.error().field == "state") {  // an answer sheet: its state
    const auto sheet = bp::parse_sheet(text.value(), source_name(path));
    if (!sheet) return fail(sheet.error());
    state = sheet.value().state;
  }
  if (!state) return fail(state.error());
  std::cout << bp::answer_key(state.value(), options);
  return 0;
}

}  // namespace cli
