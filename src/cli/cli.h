// backprop-cli's commands and the helpers they share. Every command returns the process's exit
// status; invalid input prints one line "error: <field>: <reason>" on stderr and returns 2.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "coursework/weight_layout.h"
#include "engine/expected.h"

namespace cli {

inline constexpr int kInvalidInput = 2;

using Args = std::vector<std::string>;

int eval(const Args& args);     ///< eval [FILE|-] [--format json|table]
int check(const Args& args);    ///< check [FILE|-] [--format json|table] [--tolerance X]
int variant(const Args& args);  ///< variant --seed N | --student ID [--course KEY] [--dead-relu] [--layers K] [--width W] [--saturated]
int key(const Args& args);      ///< key [FILE|-] [--format markdown|latex] [--blank] [--hide-hints] [--layout L] [--student ID [--course KEY] | --seed N] [--output DIR]

/// Prints e.line() on stderr; returns kInvalidInput.
int fail(const bp::Error& e);

/// The whole of FILE, or of stdin for "-".
bp::Expected<std::string> read_all(const std::string& path);

/// "stdin" for "-", else the path: how documents are named in errors.
inline std::string source_name(const std::string& path) { return path == "-" ? "stdin" : path; }

/// The value after option args[i] (advancing i), or an error naming the option and what it takes.
bp::Expected<std::string> option_value(const Args& args, size_t& i, const std::string& what);

/// Takes arg as the command's FILE; an error when one was given already.
std::optional<bp::Error> set_path(const std::string& command, const std::string& arg, std::string& path,
                                  bool& path_given);

/// The value of --layout (args[i]): row-major or column-major.
bp::Expected<bp::WeightLayout> layout_option(const Args& args, size_t& i);

/// A non-negative decimal integer that fits in 64 bits.
bp::Expected<unsigned long long> parse_unsigned(const std::string& option, const std::string& text);

}  // namespace cli
