// Input and option helpers shared by the commands.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <ostream>
#include <limits>

#include "cli.h"
#include "i18n/catalogue.h"
#include "engine/state_json.h"
#include "coursework/sheet_json.h"

namespace cli {

int fail(Io io, const bp::Error& e) {
  io.err << e.line() << "\n";
  return kInvalidInput;
}

namespace {

// at most kMaxInputBytes + 1 bytes, in chunks: a 10 GB stdin is refused without being held
bp::Expected<std::string> read_bounded(std::istream& in, const std::string& name) {
  std::string text;
  char chunk[1 << 16];
  while (in && text.size() <= bp::kMaxInputBytes) {
    in.read(chunk, sizeof chunk);
    text.append(chunk, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return bp::Error{name, "cannot be read"};
  if (auto e = bp::check_input_size(text, name)) return *e;
  return text;
}

}  // namespace

bp::Expected<std::string> read_all(const std::string& path, Io io) {
  if (path == "-") return read_bounded(io.in, "stdin");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return bp::Error{path, "is a directory, not a JSON file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return bp::Error{path, std::string("cannot be read (") + std::strerror(errno) + ")"};
  return read_bounded(in, path);
}

bp::Expected<std::string> option_value(const Args& args, size_t& i, const std::string& what) {
  if (i + 1 == args.size()) return bp::Error{args[i], "needs a value: " + what};
  return args[++i];
}

std::optional<bp::Error> set_path(const std::string& command, const std::string& arg, std::string& path,
                                  bool& path_given) {
  if (path_given)
    return bp::Error{arg, "unexpected extra argument; " + command + " reads one FILE (or - for stdin)"};
  path = arg;
  path_given = true;
  return std::nullopt;
}

bp::Expected<bp::WeightLayout> layout_option(const Args& args, size_t& i) {
  auto v = option_value(args, i, "row-major or column-major");
  if (!v) return v.error();
  if (auto layout = bp::parse_layout(v.value())) return *layout;
  return bp::Error{"--layout", "unknown value \"" + v.value() + "\"; expected row-major or column-major"};
}

std::optional<bp::Error> lang_option(const Args& args, size_t& i) {
  auto v = option_value(args, i, "en or ko");
  if (!v) return v.error();
  if (!set_lang_flag(v.value())) return bp::Error{"--lang", "unknown value \"" + v.value() + "\"; expected en or ko"};
  return std::nullopt;
}

bool set_lang_flag(std::string_view code) {
  // exactly the two codes: parse_lang's leniency ("ko-KR") is for locales, not for a flag
  if (code != "en" && code != "ko") return false;
  bp::lang::set_language(bp::lang::parse_lang(code, bp::lang::Lang::En));
  return true;
}

bp::Expected<double> tolerance_option(const Args& args, size_t& i) {
  auto v = option_value(args, i, "a relative tolerance such as 1e-4");
  if (!v) return v.error();
  char* end = nullptr;
  const double t = std::strtod(v.value().c_str(), &end);
  if (v.value().empty() || *end != '\0' || !(t > 0 && t < 1))
    return bp::Error{"--tolerance", "expected a number between 0 and 1 (exclusive), got \"" + v.value() + "\""};
  return t;
}

bp::Expected<unsigned long long> parse_unsigned(const std::string& option, const std::string& text) {
  const bp::Error bad{option, "expected a non-negative integer, got \"" + text + "\""};
  if (text.empty() || text.size() > 20) return bad;
  unsigned long long v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return bad;
    const unsigned d = static_cast<unsigned>(c - '0');
    if (v > (std::numeric_limits<unsigned long long>::max() - d) / 10)
      return bp::Error{option, "\"" + text + "\" is larger than 18446744073709551615"};
    v = v * 10 + d;
  }
  return v;
}

bp::Expected<bp::Sheet> read_state_or_sheet(const std::string& path, Io io) {
  const auto text = read_all(path, io);
  if (!text) return text.error();
  return bp::parse_state_or_sheet(text.value(), source_name(path));
}

}  // namespace cli
