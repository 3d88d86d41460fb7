// backprop-cli: the engine without a UI (the commands: run.cpp, commands_*.cpp).
//   backprop-cli eval [FILE|-] [--format json|table]      evaluate a network state
//   backprop-cli exercise                                 print the reference exercise's state
//   backprop-cli check [FILE|-] [--format json|table] [--tolerance X]   check an answer sheet
//   backprop-cli variant --seed N | --student ID [--course KEY] [--dead-relu] [--layers K] [--width W] [--saturated]
//   backprop-cli grade SHEETS… / report SHEETS…            gradebook and class report
//   backprop-cli key [FILE|-] [--format markdown|latex] [--blank] [--hide-hints] [--layout L] …
//   backprop-cli export [FILE|-] [--format pytorch|numpy]             the network as a notebook script
// Invalid input: one line "error: <field>: <reason>" on stderr, nothing on stdout, exit status 2.
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"

int main(int argc, char** argv) {
#ifdef SIGPIPE
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes a write error we report, not a silent death
#endif
  std::ios::sync_with_stdio(false);
  return cli::run(cli::Args(argv + 1, argv + argc), {std::cin, std::cout, std::cerr});
}
