// The right panel: the loss, every forward value (h, L, O, s, l …) and the gradients of every
// weight, bias and the input computed three ways, with how well they agree.
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/logic/math_notation.h"
#include "app/math_text.h"
#include "app/panels.h"
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
  if (m.value.size() == 1) return "scalar";
  if (m.is_vector) return std::to_string(m.value.size()) + "-vector";
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
void agreement(const char* what, const bp::Agreement& a) {
  if (!a.compared) {
    text_colored(theme::kMuted, std::string("– ") + what + ": not compared");
  } else {
    badge(a.ok, what);
    ImGui::Indent();
    note(("max abs " + bp::format_number(a.max_abs, 3) + ", max rel " + bp::format_number(a.max_rel, 3) +
          " (tolerance " + bp::format_number(a.tolerance, 2) + ")").c_str());
    ImGui::Unindent();
  }
  if (!a.note.empty()) {
    ImGui::Indent();
    note(a.note.c_str());
    ImGui::Unindent();
  }
}

void gradients(const bp::Report& r) {
  agreement("manual vs autodiff", r.manual_vs_autodiff);
  agreement("numeric vs autodiff", r.numeric_vs_autodiff);
  if (r.numeric_checked < r.numeric_total)
    note(("numeric: " + std::to_string(r.numeric_checked) + " of " + std::to_string(r.numeric_total) +
          " entries sampled (NaN = not sampled)").c_str());
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
      inline_error(model.error ? model.error->line() : "not evaluated");
      note("The results come back as soon as the network is valid again.");
    } else {
      const bp::Report& r = *model.report;
      math_text("loss l =");
      const std::string loss = bp::format_number(r.loss, 6);
      same_line_or_wrap(ImGui::CalcTextSize(loss.c_str()).x);
      text_colored(theme::kValue, loss);
      const std::string precision = "(" + std::string(bp::option_name(r.precision)) + ")";
      same_line_or_wrap(ImGui::CalcTextSize(precision.c_str()).x);
      text_colored(theme::kMuted, precision);
      if (model.stale) inline_warning("still computing " + model.pending() + "…");
      for (const std::string& w : r.warnings) inline_warning(w);
      if (ImGui::CollapsingHeader("Forward", ImGuiTreeNodeFlags_DefaultOpen)) forward(r);
      if (ImGui::CollapsingHeader("Gradients", ImGuiTreeNodeFlags_DefaultOpen)) gradients(r);
    }
  }
}

}  // namespace app
