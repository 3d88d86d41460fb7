// The contract every fuzz harness checks on top of "no crash, no sanitizer report": what a user
// sees for any input. A violation aborts with the offending text, so libFuzzer keeps the input.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

namespace fuzz {

[[noreturn]] inline void violated(const char* what, const std::string& text) {
  std::fprintf(stderr, "contract violated: %s\n---\n%.2000s\n---\n", what, text.c_str());
  std::abort();
}

inline void require(bool ok, const char* what, const std::string& text = "") {
  if (!ok) violated(what, text);
}

// strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), written apart from
// the engine's own escaping so that the two check each other
inline bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    unsigned long cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < n; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static const unsigned long kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

/// One line "error: <field>: <reason>" (with its newline when `terminated`), valid UTF-8, a
/// non-empty field, no control characters, bounded length.
inline void check_error_line(const std::string& text, bool terminated = true) {
  std::string line = text;
  if (terminated) {
    require(!line.empty() && line.back() == '\n', "error line ends with a newline", text);
    line.pop_back();
  }
  require(line.find('\n') == std::string::npos, "exactly one error line", text);
  require(valid_utf8(line), "error line is valid UTF-8", text);
  for (unsigned char c : line) require(c >= 0x20 && c != 0x7f, "no control characters in the error line", text);
  require(line.rfind("error: ", 0) == 0, "error line starts with \"error: \"", text);
  // the field ends at the first ": ", or is quoted ("…", with \" and \\ inside) when it is empty,
  // starts with a quote or holds ": " itself
  const bool quoted = line.size() > 7 && line[7] == '"';
  size_t sep = std::string::npos;
  if (!quoted) sep = line.find(": ", 7);
  for (size_t i = 8; quoted && i < line.size(); ++i) {
    if (line[i] == '\\') ++i;  // an escaped quote or backslash
    else if (line[i] == '"') {
      if (line.compare(i, 3, "\": ") == 0) sep = i;
      break;
    }
  }
  require(sep != std::string::npos && sep > 7, "error line has a field", text);
  require(quoted || line.compare(7, sep - 7, "\"\"") != 0, "error line has a non-empty field", text);
  require(line.size() <= 7 + bp::kMaxErrorField + bp::kMaxErrorReason + 16, "error line is bounded", text);
}

/// Runs the CLI in-process on `input` as stdin and checks the exit-status contract: 0/1 with
/// output on stdout and nothing on stderr, or 2 with exactly one error line and nothing on stdout.
inline int run_cli(const std::vector<std::string>& args, const std::string& input, std::string* out_text = nullptr) {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int status = cli::run(args, {in, out, err});
  require(status == 0 || status == 1 || status == 2, "exit status 0, 1 or 2", std::to_string(status));
  if (status == 2) {
    require(out.str().empty(), "nothing on stdout on invalid input", out.str());
    check_error_line(err.str());
  } else {
    require(err.str().empty(), "nothing on stderr on success", err.str());
    require(!out.str().empty() && valid_utf8(out.str()), "output is valid UTF-8", out.str());
  }
  if (out_text) *out_text = out.str();
  return status;
}

}  // namespace fuzz
