// backprop-cli export: the network of a state (or of an answer sheet) as a PyTorch or a NumPy
// script that prints l and every gradient, ending with one line of JSON.
#include <ostream>

#include "cli.h"
#include "export/notebook_script.h"

namespace cli {

int export_script(const Args& args, Io io) {
  bool path_given = false;
  std::string path = "-";
  bp::ScriptFormat format = bp::ScriptFormat::PyTorch;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format") {
      auto v = option_value(args, i, "pytorch or numpy");
      if (!v) return fail(io, v.error());
      bool known = false;
      for (bp::ScriptFormat f : bp::kScriptFormats)
        if (bp::script_format_key(f) == v.value()) format = f, known = true;
      if (!known) return fail(io, {"--format", "unknown value \"" + v.value() + "\"; expected pytorch or numpy"});
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return fail(io, {args[i], "unknown option; see backprop-cli --help"});
    } else if (auto e = set_path("export", args[i], path, path_given)) {
      return fail(io, *e);
    }
  }
  const auto read = read_state_or_sheet(path, io);
  if (!read) return fail(io, read.error());
  io.out << bp::notebook_script(read.value().state, format);
  return 0;
}

}  // namespace cli
