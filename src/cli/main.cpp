// backprop-cli: the engine without a UI. A dispatcher; each command lives in commands_*.cpp.
//   backprop-cli eval [FILE|-] [--format json|table]      evaluate a network state
//   backprop-cli exercise                                 print the reference exercise's state
//   backprop-cli check [FILE|-] [--format json|table] [--tolerance X]   check an answer sheet
//   backprop-cli variant --seed N | --student ID [--course KEY] [--dead-relu] [--layers K] [--width W] [--saturated]
//   backprop-cli grade SHEETS… / report SHEETS…            gradebook and class report
//   backprop-cli key [FILE|-] [--format markdown|latex] [--blank] [--hide-hints] [--layout L] …
// Invalid input: one line "error: <field>: <reason>" on stderr, nothing on stdout, exit status 2.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "engine/state.h"
#include "engine/state_json.h"

namespace {

const char* kUsage =
    "usage: backprop-cli eval [FILE|-] [--format json|table]\n"
    "       backprop-cli exercise\n"
    "       backprop-cli check [FILE|-] [--format json|table] [--tolerance X] [--layout L]\n"
    "       backprop-cli variant --seed N | --student ID [--course KEY] [--dead-relu] [--layers K]\n"
    "                            [--width W] [--saturated]\n"
    "       backprop-cli key [FILE|-] [--format markdown|latex] [--blank] [--hide-hints] [--layout L]\n"
    "                        [--student ID [--course KEY] | --seed N] [--output DIR]\n"
    "       backprop-cli grade SHEETS… [--course KEY] [--format csv|json] [--points FILE] [--tolerance X]\n"
    "                          [--layout L]\n"
    "       backprop-cli report SHEETS… [--course KEY] [--points FILE] [--format html|markdown]\n"
    "eval      a small network's forward pass and its gradients three ways (Jacobian chain,\n"
    "          reverse-mode autodiff, finite differences)\n"
    "exercise  the reference exercise's state (the input of eval and key)\n"
    "check     a student's answer sheet {\"state\": …, \"answers\": …}: a verdict per filled cell;\n"
    "          exit 0 all right, 1 some wrong, 2 invalid input (tolerance: relative, default 1e-4)\n"
    "variant   a new exercise with small-integer numbers; the same seed gives the same exercise;\n"
    "          --student: one per student ID, keyed by the course's secret --course KEY\n"
    "key       the worked solution of a state or of a sheet's state (--blank: the sheet to fill in)\n"
    "grade     a gradebook of many sheets (files, folders, zip archives): score, first wrong cell, each\n"
    "          cell's mistake, copied/edited exercises and identical wrong answers; exit 1 if a sheet\n"
    "          could not be read\n"
    "report    the class report: mistakes by cell, the score distribution (HTML with SVG, or Markdown)\n"
    "FILE defaults to stdin. See README.md for the JSON formats.\n";

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {  // a usage error: the usage goes to stderr
    std::cerr << kUsage;
    return cli::kInvalidInput;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return 0;
  }
  const cli::Args rest(args.begin() + 1, args.end());
  if (args[0] == "eval") return cli::eval(rest);
  if (args[0] == "check") return cli::check(rest);
  if (args[0] == "variant") return cli::variant(rest);
  if (args[0] == "key") return cli::key(rest);
  if (args[0] == "grade") return cli::grade(rest);
  if (args[0] == "report") return cli::report(rest);
  if (args[0] == "exercise") {
    std::cout << bp::state_to_json(bp::exercise_state()) << "\n";
    return 0;
  }
  std::cerr << "error: command: unknown command \"" << args[0]
            << "\"; expected eval, exercise, check, variant, key, grade or report\n";
  return cli::kInvalidInput;
}
