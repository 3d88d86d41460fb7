// report_text.h: the agreement notes of src/engine/evaluate.cpp, rebuilt from the report.
#include "app/report_text.h"

#include "app/logic/i18n.h"
#include "engine/finite_differences.h"
#include "engine/number_format.h"

namespace app {
namespace {

// the engine's note after its fixed part: ". Disagreement: …" (names and numbers), or ""
std::string disagreement(const std::string& note) {
  constexpr std::string_view kMark = ". Disagreement: ";
  const size_t at = note.find(kMark);
  return at == std::string::npos ? "" : " " + trf(S::report_disagreement, {{"detail", note.substr(at + kMark.size())}});
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

std::string agreement_note(const bp::Report& r, bool numeric) {
  const bp::Agreement& a = numeric ? r.numeric_vs_autodiff : r.manual_vs_autodiff;
  if (!numeric && r.manual_skip.skipped())  // the facts, said now: the note is in the evaluation's language
    return trf(S::report_manual_skipped, {{"why", bp::manual_skip_text(r.manual_skip)}});
  if (language() == Lang::En || a.note.empty()) return a.note;
  if (numeric) {
    if (!a.compared)  // not computed yet, or switched off (evaluate.cpp's build_shown)
      return tr(starts_with(a.note, "finite differences not computed") ? S::report_numeric_off : S::report_numeric_computing);
    const std::string coverage =
        r.numeric_checked == r.numeric_total
            ? trf(S::report_numeric_all, {{"n", std::to_string(r.numeric_total)}})
            : trf(S::report_numeric_sample, {{"checked", std::to_string(r.numeric_checked)},
                                             {"total", std::to_string(r.numeric_total)},
                                             {"min", std::to_string(bp::kNumericMinPerLeaf)}});
    return trf(S::report_numeric, {{"step", bp::format_number(r.numeric_relative_step, 2)}, {"coverage", coverage}}) +
           disagreement(a.note);
  }
  if (!a.compared)
    return tr(S::report_manual_computing);
  return tr(S::report_manual) + disagreement(a.note);
}

}  // namespace app
