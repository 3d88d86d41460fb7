// The dispatcher: one command per call, and the check that its output was really written.
#include <cerrno>
#include <cstring>
#include <ostream>

#include "cli.h"
#include "i18n/catalogue.h"
#include "engine/state.h"
#include "engine/state_json.h"

namespace cli {
namespace {

const char* kUsage =
    "usage: backprop-cli eval [FILE|-] [--format json|table]\n"
    "       backprop-cli exercise\n"
    "       backprop-cli check [FILE|-] [--format json|table] [--tolerance X] [--layout L] [--lang L]\n"
    "       backprop-cli variant --seed N | --student ID [--course KEY] [--dead-relu] [--layers K]\n"
    "                            [--width W] [--saturated]\n"
    "       backprop-cli key [FILE|-] [--format markdown|latex] [--blank] [--hide-hints] [--layout L]\n"
    "                        [--student ID [--course KEY] | --seed N] [--output DIR] [--lang L]\n"
    "       backprop-cli grade SHEETS… [--course KEY] [--format csv|json] [--points FILE] [--tolerance X]\n"
    "                          [--layout L] [--lang L]\n"
    "       backprop-cli report SHEETS… [--course KEY] [--points FILE] [--format html|markdown] [--lang L]\n"
    "       backprop-cli link [FILE|-] [--base URL]\n"
    "       backprop-cli export [FILE|-] [--format pytorch|numpy]\n"
    "       backprop-cli train [FILE|-] [--optimizer sgd|momentum|adam] [--lr X] [--steps N]\n"
    "                          [--momentum B] [--nesterov] [--betas B1,B2] [--eps E] [--weight-decay W]\n"
    "                          [--train-input]\n"
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
    "link      the share link of a state or a sheet (with its answers): opens the app as it is;\n"
    "          --base: the app's address (default http://localhost:8000/)\n"
    "export    a state's (or a sheet's) network as a PyTorch script (its autograd, the default) or a\n"
    "          NumPy script (the Jacobian chain); both print l and every gradient, then one JSON line\n"
    "train     full-batch training with PyTorch's SGD, momentum (optionally Nesterov) or Adam on the\n"
    "          engine's exact gradient, over the state's dataset (or its one sample): the loss before each\n"
    "          step and after the last, and the state after them (defaults: sgd, lr 0.1, 100 steps;\n"
    "          momentum 0.9, betas 0.9,0.999, eps 1e-8, weight decay 0; --train-input also updates I)\n"
    "--lang    en (the default) or ko: the language of check's and grade's messages, of key's handouts and\n"
    "          of the errors they report; JSON keys, field names and mistake codes stay English\n"
    "FILE defaults to stdin. See README.md for the JSON formats.\n";

int exercise(const Args& args, Io io) {
  if (!args.empty())
    return fail(io, {args[0], args[0].size() > 1 && args[0][0] == '-' ? "unknown option; exercise takes none"
                                                                       : "unexpected argument; exercise takes none"});
  io.out << bp::state_to_json(bp::exercise_state()) << "\n";
  return 0;
}

int dispatch(const Args& args, Io io) {
  if (args.empty()) {  // a usage error: the usage goes to stderr
    io.err << kUsage;
    return kInvalidInput;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    io.out << kUsage;
    return 0;
  }
  const Args rest(args.begin() + 1, args.end());
  // --lang says every message in its language, also those about the options before it; the
  // command's own parse still checks the value (and rejects --lang where it does not apply)
  for (size_t i = 0; i + 1 < rest.size(); ++i)
    if (rest[i] == "--lang") set_lang_flag(rest[i + 1]);
  if (args[0] == "eval") return eval(rest, io);
  if (args[0] == "check") return check(rest, io);
  if (args[0] == "variant") return variant(rest, io);
  if (args[0] == "key") return key(rest, io);
  if (args[0] == "grade") return grade(rest, io);
  if (args[0] == "report") return report(rest, io);
  if (args[0] == "exercise") return exercise(rest, io);
  if (args[0] == "link") return link(rest, io);
  if (args[0] == "export") return export_script(rest, io);
  if (args[0] == "train") return train(rest, io);
  return fail(io, {"command", "unknown command \"" + args[0] + "\"; expected eval, exercise, check, variant, key, grade, report, link, export or train"});
}

}  // namespace

int run(const Args& args, Io io) {
  errno = 0;
  bp::lang::set_language(bp::lang::Lang::En);  // each run starts in English; --lang changes it for this run
  const int status = dispatch(args, io);
  io.out.flush();
  if (!io.out) {  // ENOSPC (/dev/full), EPIPE (a closed pipe; SIGPIPE is ignored by main)
    const int e = errno;
    return fail(io, {"stdout", std::string("cannot write the output (") +
                                   (e ? std::strerror(e) : "write failed") + ")"});
  }
  return status;
}

}  // namespace cli
