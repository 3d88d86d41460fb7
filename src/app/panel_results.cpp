// The right panel: the loss, every forward value (h, L, O, s, l …) and the gradients of every
// weight, bias and the input computed three ways, with how well they agree.
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/logic/i18n.h"
#include "app/logic/math_notation.h"
#include "app/math_text.h"
#include "app/panels.h"
#include "app/report_text.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "engine/number_format.h"

namespace app {
namespace {

const bp::NamedMatrix* find(const std::vector<bp::NamedMatrix>& list, const std::string& name) {
  for (const auto& m : list)
    if (m.name == name) return &m;
  return nullptr;
}

std::string shape_text(const bp::NamedMatrix& m) {
  if (m.value.size() == 1) return tr(S::results_scalar);
  if (m.is_vector) return trf(S::results_vector, {{"n", std::to_string(m.value.size())}});
  return std::to_string(m.value.rows()) + "×" + std::to_string(m.value.cols());
}

// [SECTION] forward values
void forward(const bp::Report& r) {
  for (const bp::NamedMatrix& m : r.forward) {
    row_label(logic::plain_math(display_name(m.name)).c_str(), theme::kValue);  // l reads ℓ
    show_matrix(m.name.c_str(), m.value, m.is_vector, theme::kValue);
  }
}

// [SECTION] gradients
void agreement(S what, const bp::Report& r, bool numeric) {
  const bp::Agreement& a = numeric ? r.numeric_vs_autodiff : r.manual_vs_autodiff;
  if (!a.compared) {
    text_colored(theme::kMuted, trf(S::results_not_compared, {{"what", tr(what)}}));
  } else {
    badge(a.ok, tr(what));
    ImGui::Indent();
    note(trf(S::results_agreement, {{"abs", bp::format_number(a.max_abs, 3)},
                                    {"rel", bp::format_number(a.max_rel, 3)},
                                    {"tol", bp::format_number(a.tolerance, 2)}}).c_str());
    ImGui::Unindent();
  }
  if (!a.note.empty()) {
    ImGui::Indent();
    note(agreement_note(r, numeric).c_str());
    ImGui::Unindent();
  }
}

void gradients(const bp::Report& r) {
  agreement(S::results_manual_vs_autodiff, r, false);
  agreement(S::results_numeric_vs_autodiff, r, true);
  if (r.numeric_checked < r.numeric_total)
    note(trf(S::results_sampled, {{"checked", std::to_string(r.numeric_checked)},
                                  {"total", std::to_string(r.numeric_total)}}).c_str());
  ImGui::Separator();

  struct Method {
    const char* label;
    const std::vector<bp::NamedMatrix>& list;
  };
  const Method methods[] = {{"autodiff", r.autodiff}, {"manual", r.manual}, {"numeric", r.numeric}};
  for (const bp::NamedMatrix& p : r.autodiff) {
    math_text_colored(theme::kGradient, std::string("∇_{") + display_name(p.name) + "} l");
    ImGui::SameLine();
    text_colored(theme::kMuted, shape_text(p));
    for (const Method& method : methods) {
      const bp::NamedMatrix* m = find(method.list, p.name);
      if (!m) continue;
      row_label(method.label, theme::kMuted);
      ImGui::PushID(method.label);
      show_matrix(p.name.c_str(), m->value, m->is_vector, theme::kGradient);
      ImGui::PopID();
    }
  }
}

}  // namespace

void results_tab(App& app) {
  {
    const Model& model = app.model;
    if (!model.report) {
      inline_error(model.error ? error_line(*model.error) : tr(S::results_not_evaluated));
      note(tr(S::results_waiting));
    } else {
      const bp::Report& r = *model.report;
      math_text(tr(S::results_loss));
      const std::string loss = bp::format_number(r.loss, 6);
      same_line_or_wrap(ImGui::CalcTextSize(loss.c_str()).x);
      text_colored(theme::kValue, loss);
      const std::string precision = "(" + std::string(bp::option_name(r.precision)) + ")";
      same_line_or_wrap(ImGui::CalcTextSize(precision.c_str()).x);
      text_colored(theme::kMuted, precision);
      if (model.stale) inline_warning(trf(S::results_still_computing, {{"what", model.pending()}}));
      if (model.checks_deferred) note(tr(S::results_checks_deferred));
      for (const std::string& w : r.warnings) inline_warning(w);
      if (ImGui::CollapsingHeader(tr_id(S::results_forward, "Forward").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) forward(r);
      if (ImGui::CollapsingHeader(tr_id(S::results_gradients, "Gradients").c_str(), ImGuiTreeNodeFlags_DefaultOpen))
        gradients(r);
    }
  }
}

}  // namespace app
