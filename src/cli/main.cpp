// backprop-cli: the engine without a UI.
//   backprop-cli eval [FILE|-] [--format json|table]   evaluate a network state (JSON on stdin or FILE)
//   backprop-cli exercise                              print the reference exercise's state
// Invalid input: one line "error: <field>: <reason>" on stderr, nothing on stdout, exit status 2.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "engine/evaluate.h"
#include "engine/report_json.h"
#include "engine/report_table.h"
#include "engine/state_json.h"

namespace {

constexpr int kInvalidInput = 2;

const char* kUsage =
    "usage: backprop-cli eval [FILE|-] [--format json|table]\n"
    "       backprop-cli exercise\n"
    "Evaluates a small network's forward pass and its gradients three ways (Jacobian chain,\n"
    "reverse-mode autodiff, finite differences). See README.md for the JSON formats.\n";

int fail(const bp::Error& e) {
  std::cerr << e.line() << "\n";
  return kInvalidInput;
}

bp::Expected<std::string> read_all(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return bp::Error{path, "is a directory, not a JSON file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return bp::Error{path, std::string("cannot be read (") + std::strerror(errno) + ")"};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int eval(const std::vector<std::string>& args) {
  std::string path = "-", format = "json";
  bool path_given = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format") {
      if (i + 1 == args.size()) return fail({"--format", "needs a value: json or table"});
      format = args[++i];
      if (format != "json" && format != "table")
        return fail({"--format", "unknown value \"" + format + "\"; expected json or table"});
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return fail({args[i], "unknown option; see backprop-cli --help"});
    } else if (path_given) {
      return fail({args[i], "unexpected extra argument; eval reads one FILE (or - for stdin)"});
    } else {
      path = args[i];
      path_given = true;
    }
  }
  const auto text = read_all(path);
  if (!text) return fail(text.error());
  const auto state = bp::parse_state(text.value(), path == "-" ? "stdin" : path);
  if (!state) return fail(state.error());
  const bp::Report report = bp::evaluate(state.value());
  std::cout << (format == "table" ? bp::report_to_table(report) : bp::report_to_json(report) + "\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kInvalidInput;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return 0;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "eval") return eval(rest);
  if (args[0] == "exercise") {
    std::cout << bp::state_to_json(bp::exercise_state()) << "\n";
    return 0;
  }
  std::cerr << "error: command: unknown command \"" << args[0] << "\"; expected eval or exercise\n";
  return kInvalidInput;
}
