// backprop-cli eval: one network state in, its forward values, Jacobians and gradients out.
#include <ostream>

#include "cli.h"
#include "engine/evaluate.h"
#include "engine/report_json.h"
#include "engine/report_table.h"
#include "engine/state_json.h"

namespace cli {

int eval(const Args& args, Io io) {
  bool path_given = false;
  std::string path = "-", format = "json";
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format") {
      if (i + 1 == args.size()) return fail(io, {"--format", "needs a value: json or table"});
      format = args[++i];
      if (format != "json" && format != "table")
        return fail(io, {"--format", "unknown value \"" + format + "\"; expected json or table"});
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return fail(io, {args[i], "unknown option; see backprop-cli --help"});
    } else if (auto e = set_path("eval", args[i], path, path_given)) {
      return fail(io, *e);
    }
  }
  const auto text = read_all(path, io);
  if (!text) return fail(io, text.error());
  const auto state = bp::parse_state(text.value(), source_name(path));
  if (!state) return fail(io, state.error());
  const bp::Report report = bp::evaluate(state.value());
  io.out << (format == "table" ? bp::report_to_table(report) : bp::report_to_json(report) + "\n");
  return 0;
}

}  // namespace cli
