// backprop-cli check: a student's answer sheet in, a verdict per filled cell out.
// Exit status: 0 every filled cell is right, 1 some are wrong, 2 invalid input.
#include <cmath>
#include <cstdlib>
#include <ostream>
#include <sstream>

#include "cli.h"
#include "coursework/answer_check.h"
#include "engine/number_format.h"
#include "coursework/sheet_json.h"
#include "coursework/words.h"

namespace cli {
namespace {

constexpr int kSomeWrong = 1;

// the code point that starts at s[i] (a stray byte counts as one)
char32_t code_point(const std::string& s, size_t i) {
  const unsigned char c = s[i];
  const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  char32_t cp = extra ? c & (0x3F >> extra) : c;
  for (int k = 1; k <= extra && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

// terminal columns, not bytes: keys like "W0·I" and the verdicts' "×" take one, Hangul two
size_t display_width(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    const char32_t cp = code_point(s, i);
    n += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xAC00 && cp <= 0xD7A3) ? 2 : 1;
  }
  return n;
}

std::string pad(const std::string& s, size_t width) {
  const size_t w = display_width(s);
  return s + std::string(width > w ? width - w : 0, ' ');
}

std::string verdict_text(const bp::Verdict& v) {
  if (v.ok) return v.consistent_with.empty() ? "ok" : "ok (consistent)";
  std::string s(bp::mistake_name(*v.mistake));
  if (v.factor) s += " ×" + bp::format_number(*v.factor);
  return s;
}

std::string table(const bp::CheckResult& r) {
  const std::string cell = bp::say(bp::Msg::cli_col_cell), verdict = bp::say(bp::Msg::cli_col_verdict);
  size_t key_w = display_width(cell), verdict_w = display_width(verdict);
  for (const bp::Verdict& v : r.verdicts) {
    key_w = std::max(key_w, display_width(v.key));
    verdict_w = std::max(verdict_w, display_width(verdict_text(v)));
  }
  std::ostringstream out;
  out << pad(cell, key_w) << "  " << pad(verdict, verdict_w) << "  " << bp::say(bp::Msg::cli_col_message) << "\n";
  for (const bp::Verdict& v : r.verdicts)
    out << pad(v.key, key_w) << "  " << pad(verdict_text(v), verdict_w) << "  " << v.message << "\n";
  if (r.verdicts.empty()) out << bp::say(bp::Msg::cli_no_cell) << "\n";
  out << "\n" << (r.first_wrong ? bp::sayf(bp::Msg::cli_first_wrong, {{"key", *r.first_wrong}}) : bp::say(bp::Msg::cli_all_right))
      << "\n";
  return out.str();
}

}  // namespace

int check(const Args& args, Io io) {
  bool path_given = false;
  std::string path = "-", format = "json";
  bp::CheckOptions options;
  std::optional<bp::WeightLayout> layout_flag;  // overrides the sheet's "layout"
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format") {
      auto v = option_value(args, i, "json or table");
      if (!v) return fail(io, v.error());
      format = v.value();
      if (format != "json" && format != "table")
        return fail(io, {"--format", "unknown value \"" + format + "\"; expected json or table"});
    } else if (args[i] == "--tolerance") {
      auto t = tolerance_option(args, i);
      if (!t) return fail(io, t.error());
      options.tolerance = t.value();
    } else if (args[i] == "--layout") {
      auto layout = layout_option(args, i);
      if (!layout) return fail(io, layout.error());
      layout_flag = layout.value();
    } else if (args[i] == "--lang") {
      if (auto e = lang_option(args, i)) return fail(io, *e);
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return fail(io, {args[i], "unknown option; see backprop-cli --help"});
    } else if (auto e = set_path("check", args[i], path, path_given)) {
      return fail(io, *e);
    }
  }
  const auto text = read_all(path, io);
  if (!text) return fail(io, text.error());
  const auto sheet = bp::parse_sheet(text.value(), source_name(path));
  if (!sheet) return fail(io, sheet.error());
  options.layout = layout_flag.value_or(sheet.value().layout.value_or(bp::WeightLayout::RowMajor));
  const auto result = bp::check_answers(sheet.value().state, sheet.value().answers, options);
  if (!result) return fail(io, result.error());
  io.out << (format == "table" ? table(result.value()) : bp::check_result_to_json(result.value()) + "\n");
  return result.value().all_ok() ? 0 : kSomeWrong;
}

}  // namespace cli
