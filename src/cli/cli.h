// backprop-cli's commands and the helpers they share. Every command returns the process's exit
// status; invalid input prints one line "error: <field>: <reason>" on stderr and returns 2.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "engine/expected.h"

namespace cli {

inline constexpr int kInvalidInput = 2;

using Args = std::vector<std::string>;

/// The streams a command reads and writes (the process's own, or strings in the fuzz harnesses).
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

/// The whole CLI: args without the program name. Output that cannot be written (a full disk, a
/// closed pipe) is an error line and status kInvalidInput, never a silent success.
int run(const Args& args, Io io);

int eval(const Args& args, Io io);     ///< eval [FILE|-] [--format json|table]
int check(const Args& args, Io io);    ///< check [FILE|-] [--format json|table] [--tolerance X]
int variant(const Args& args, Io io);  ///< variant --seed N [--dead-relu] [--layers K] [--width W] [--saturated]
int key(const Args& args, Io io);      ///< key [FILE|-] [--format markdown|latex] [--blank]

/// Prints e.line() on io.err; returns kInvalidInput.
int fail(Io io, const bp::Error& e);

/// The whole of FILE, or of io.in for "-"; an error past bp::kMaxInputBytes (read no further).
bp::Expected<std::string> read_all(const std::string& path, Io io);

/// "stdin" for "-", else the path: how documents are named in errors.
inline std::string source_name(const std::string& path) { return path == "-" ? "stdin" : path; }

/// The value after option args[i] (advancing i), or an error naming the option and what it takes.
bp::Expected<std::string> option_value(const Args& args, size_t& i, const std::string& what);

/// Takes arg as the command's FILE; an error when one was given already.
std::optional<bp::Error> set_path(const std::string& command, const std::string& arg, std::string& path,
                                  bool& path_given);

/// A non-negative decimal integer that fits in 64 bits.
bp::Expected<unsigned long long> parse_unsigned(const std::string& option, const std::string& text);

}  // namespace cli
