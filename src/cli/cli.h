// backprop-cli's commands and the helpers they share. Every command returns the process's exit
// status; invalid input prints one line "error: <field>: <reason>" on stderr and returns 2.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coursework/grade.h"
#include "coursework/sheet_json.h"
#include "coursework/weight_layout.h"
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
int check(const Args& args, Io io);    ///< check [FILE|-] [--format json|table] [--tolerance X] [--layout L] [--lang L]
int variant(const Args& args, Io io);  ///< variant --seed N | --student ID [--course KEY] [--dead-relu] [--layers K] [--width W] [--saturated]
int key(const Args& args, Io io);      ///< key [FILE|-] [--format markdown|latex] [--blank] [--hide-hints] [--layout L] [--student ID [--course KEY] | --seed N] [--output DIR] [--lang L]
int grade(const Args& args, Io io);    ///< grade SHEETS… [--course KEY] [--format csv|json] [--points FILE] [--tolerance X] [--layout L] [--lang L]
int report(const Args& args, Io io);   ///< report SHEETS… [--course KEY] [--points FILE] [--format html|markdown] …
int link(const Args& args, Io io);     ///< link [FILE|-] [--base URL]
int export_script(const Args& args, Io io);  ///< export [FILE|-] [--format pytorch|numpy]
int train(const Args& args, Io io);    ///< train [FILE|-] [--optimizer sgd|momentum|adam] [--lr X] [--steps N] …

/// What grade and report share: the sheets' paths and the grading options.
struct GradeRun {
  std::vector<std::string> paths;
  bp::GradeOptions options;
};

/// Reads one grading option (or a SHEETS path) at args[i]; an exit status when it is invalid.
std::optional<int> grade_option(const Args& args, size_t& i, GradeRun& run, Io io);

/// Grades run.paths (after the options were read): the rows, and the exit status (0 when every
/// sheet could be read, 1 otherwise), or 2 with an error when no sheets were given.
int grade_run(const GradeRun& run, const std::string& what, std::vector<bp::GradeRow>& rows, Io io);

/// The documents behind SHEETS: files, every .json/.zip under a folder, the .json entries of a zip.
std::vector<bp::GradeDocument> collect_sheets(const std::vector<std::string>& paths, Io io);

/// Prints e.line() on io.err; returns kInvalidInput.
int fail(Io io, const bp::Error& e);

/// The whole of FILE, or of io.in for "-"; an error past bp::kMaxInputBytes (read no further).
bp::Expected<std::string> read_all(const std::string& path, Io io);

/// Reads FILE (or io.in for "-"): a state (the eval input) or an answer sheet (the check input),
/// bp::parse_state_or_sheet; the reader's error for neither. For key, export and link.
bp::Expected<bp::Sheet> read_state_or_sheet(const std::string& path, Io io);

/// "stdin" for "-", else the path: how documents are named in errors.
inline std::string source_name(const std::string& path) { return path == "-" ? "stdin" : path; }

/// The value after option args[i] (advancing i), or an error naming the option and what it takes.
bp::Expected<std::string> option_value(const Args& args, size_t& i, const std::string& what);

/// Takes arg as the command's FILE; an error when one was given already.
std::optional<bp::Error> set_path(const std::string& command, const std::string& arg, std::string& path,
                                  bool& path_given);

/// The value of --layout (args[i]): row-major or column-major.
bp::Expected<bp::WeightLayout> layout_option(const Args& args, size_t& i);

/// The value of --lang (args[i]), en or ko: the language of what coursework says to a person (messages,
/// handouts); the JSON keys, field names and mistake codes stay English. Sets it for the process.
std::optional<bp::Error> lang_option(const Args& args, size_t& i);
/// --lang's value: sets the language and true for "en" or "ko", else false and nothing changes.
bool set_lang_flag(std::string_view code);

/// The value of --tolerance (args[i]): a number strictly between 0 and 1.
bp::Expected<double> tolerance_option(const Args& args, size_t& i);

/// A non-negative decimal integer that fits in 64 bits.
bp::Expected<unsigned long long> parse_unsigned(const std::string& option, const std::string& text);

}  // namespace cli
