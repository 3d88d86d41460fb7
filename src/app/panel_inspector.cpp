// The Inspector tab: the local Jacobian of the selected edge with the gradient row that meets it,
// the whole chain of a selected parameter down to its flat row and reshape, the fused s − y next
// to the separate softmax and CE steps, and the agreement of the three gradient methods.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/logic/i18n.h"
#include "app/widgets.h"
#include "app/logic/chain.h"
#include "app/logic/formula.h"
#include "app/logic/math_notation.h"
#include "app/math_text.h"
#include "app/panels.h"
#include "app/report_text.h"
#include "app/theme.h"
#include "engine/matrix.h"
#include "engine/number_format.h"
#include "engine/ops.h"

namespace app {
namespace {

using logic::GraphSnapshot;

const Eigen::MatrixXd& jacobian_of(GraphView& gv, int edge) {
  auto it = gv.jacobians.find(edge);
  if (it == gv.jacobians.end()) it = gv.jacobians.emplace(edge, logic::local_jacobian(gv.stepper.graph(), edge)).first;
  return it->second;
}

const logic::Chain& chain_for(GraphView& gv, int node) {
  auto it = gv.chains.find(node);
  if (it == gv.chains.end()) it = gv.chains.emplace(node, logic::chain_of(gv.stepper.graph(), node)).first;
  return it->second;
}

std::string dims(const Eigen::MatrixXd& m) { return std::to_string(m.rows()) + "×" + std::to_string(m.cols()); }

// a caption in formula notation with the matrix's shape, then the matrix
void matrix_block(const char* id, const std::string& title, const Eigen::MatrixXd& m, const ImVec4& color) {
  math_text_wrapped_colored(theme::kMuted, title + "  (" + dims(m) + ")");
  ImGui::PushID(id);
  show_matrix(id, m, false, color);
  ImGui::PopID();
}

// numbers side by side while they fit the panel, then on the next line
void flowing_text(bool first, const ImVec4& color, const std::string& s) {
  if (!first) same_line_or_wrap(ImGui::CalcTextSize(s.c_str()).x);
  text_colored(color, s);
}

// [SECTION] one edge
void edge_section(GraphView& gv, int edge, Probe& probe) {
  const GraphSnapshot& g = gv.stepper.graph();
  const auto& se = g.edges[edge];
  const auto& of = g.nodes[se.to];
  const std::string title = logic::partial_symbol(g, edge);
  math_text(trf(S::inspector_local_jacobian, {{"title", title}}));
  {  // for the browser test: the Inspector shows this edge's Jacobian
    const ImVec2 a = ImGui::GetItemRectMin(), z = ImGui::GetItemRectMax();
    probe.add("inspector:" + g.nodes[se.to].name + ">" + g.nodes[se.from].name, a.x, a.y, z.x - a.x, z.y - a.y);
  }
  math_text_wrapped_colored(theme::kMuted, logic::jacobian_rule(g, edge));
  const Eigen::MatrixXd& j = jacobian_of(gv, edge);
  if (j.size() == 0) return;
  matrix_block("J", title, j, theme::kValue);
  if (!of.has_grad || of.grad.size() == 0) {
    note(tr(S::inspector_no_gradient_edge));
    return;
  }
  const Eigen::MatrixXd g_row = bp::flatten_row_major<double>(of.grad);
  const std::string incoming = logic::grad_symbol(g, se.to);
  matrix_block("g", trf(S::inspector_incoming_row, {{"grad", incoming}}), g_row, theme::kGradient);
  const Eigen::MatrixXd product = g_row * j;
  matrix_block("p", incoming + " · " + title, product, theme::kGradient);
  const auto& wrt = g.nodes[se.from];
  if (wrt.value.cols() > 1)
    matrix_block("r", tr(S::inspector_reshaped), bp::unflatten_row_major<double>(product, wrt.value.rows(), wrt.value.cols()),
                 theme::kGradient);
}

// [SECTION] a parameter's whole chain
// the flat row and its row-major reshape, entry k ↔ cell (k / c, k % c) in the same hue
void flat_row_and_reshape(GraphView& gv, int node, const Eigen::MatrixXd& row) {
  const GraphSnapshot& g = gv.stepper.graph();
  const auto& n = g.nodes[node];
  const std::string name = logic::formula_symbol(n.name);
  const int r = static_cast<int>(n.value.rows()), c = static_cast<int>(n.value.cols());
  static const ImVec4 hues[] = {{0.34f, 0.71f, 0.91f, 1}, {0.90f, 0.62f, 0.0f, 1}, {0.0f, 0.62f, 0.45f, 1},
                                {0.80f, 0.47f, 0.65f, 1}, {0.94f, 0.89f, 0.26f, 1}, {0.84f, 0.37f, 0.0f, 1}};
  constexpr int kHued = 16;  // beyond this the grids scroll and hues stop helping
  math_text_wrapped_colored(theme::kGradient, trf(S::inspector_product, {{"grad", logic::grad_symbol(g, node)},
                                                                         {"n", std::to_string(row.cols())}}));
  if (row.cols() <= kHued) {
    for (int k = 0; k < row.cols(); ++k)
      flowing_text(k == 0, hues[k % 6], "[" + std::to_string(k) + "] " + logic::formula_number(row(0, k)));
  } else {
    show_matrix("flat", row, true, theme::kGradient);
  }
  if (c <= 1 || row.cols() != r * c) {
    note(trf(S::inspector_vector_shape, {{"name", display_name(name)}}).c_str());
    return;
  }
  math_text_wrapped_colored(theme::kGradient, trf(S::inspector_reshaped_to, {{"shape", std::to_string(r) + "×" + std::to_string(c)},
                                                                            {"name", name}}));
  const Eigen::MatrixXd shaped = bp::unflatten_row_major<double>(row, r, c);
  if (row.cols() <= kHued) {
    for (int a = 0; a < r; ++a)
      for (int b = 0; b < c; ++b) {
        const int k = a * c + b;
        flowing_text(b == 0, hues[k % 6],
                     "[" + std::to_string(k) + "]→(" + std::to_string(a) + "," + std::to_string(b) + ") " +
                         logic::formula_number(shaped(a, b)));
      }
  } else {
    show_matrix("shaped", shaped, false, theme::kGradient);
  }
  const logic::Chain& chain = chain_for(gv, node);
  const std::string last = chain.factors.empty() ? "" : logic::partial_symbol(g, chain.factors.back().edge);
  text_wrapped_colored(theme::kMuted, trf(S::inspector_why_vector, {{"last", logic::plain_math(last)},
                                                                    {"name", name},
                                                                    {"n", std::to_string(r * c)},
                                                                    {"c", std::to_string(c)}}));
}

void chain_section(GraphView& gv, int node) {
  const GraphSnapshot& g = gv.stepper.graph();
  const auto& n = g.nodes[node];
  math_text(logic::formula_symbol(n.name));
  ImGui::SameLine();
  text_colored(theme::kMuted, dims(n.value));
  if (!n.has_grad) {
    note(tr(n.role == bp::NodeRole::Constant ? S::inspector_constant : S::inspector_off_path));
    show_matrix("value", n.value, n.value.cols() == 1, theme::kValue);
    return;
  }
  const logic::Chain& chain = chain_for(gv, node);
  if (chain.factors.empty()) {
    math_text_colored(theme::kGradient, logic::seed_formula(g));
    return;
  }
  math_text_wrapped(logic::chain_formula(g, node, chain));
  for (size_t i = 0; i < chain.factors.size(); ++i) {
    const logic::ChainFactor& f = chain.factors[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Spacing();
    math_text_wrapped_colored(theme::kValue, trf(S::inspector_factor, {{"i", std::to_string(i + 1)}}) + ": " +
                                                 logic::jacobian_rule(g, f.edge) + "  (" + dims(f.jacobian) + ")");
    show_matrix("J", f.jacobian, false, theme::kValue);
    // after the factor: the product so far is the gradient of the factor's input
    const int wrt = g.edges[f.edge].from;
    math_text_wrapped_colored(theme::kGradient, trf(S::inspector_so_far, {{"grad", logic::grad_symbol(g, wrt)}}) + "  (" +
                                                    dims(f.product) + ")");
    show_matrix("P", f.product, false, theme::kGradient);
    ImGui::PopID();
  }
  if (!chain.broken.empty()) inline_error(trf(S::inspector_chain_stops, {{"why", logic::plain_math(chain.broken)}}));
  ImGui::Separator();
  flat_row_and_reshape(gv, node, chain.factors.back().product);
}

// [SECTION] fused s − y vs the separate softmax and CE steps
void fused_section(const GraphSnapshot& g) {
  int softmax = -1, label = -1;
  for (int i = 0; i < static_cast<int>(g.nodes.size()); ++i) {
    if (g.nodes[i].op && *g.nodes[i].op == bp::OpKind::Softmax) softmax = i;
    if (g.nodes[i].role == bp::NodeRole::Constant) label = i;
  }
  if (softmax < 0 || label < 0 || g.nodes[softmax].inputs.empty()) {
    note(tr(S::inspector_only_softmax));
    return;
  }
  const Eigen::MatrixXd& s = g.nodes[softmax].value;
  const Eigen::MatrixXd& y = g.nodes[label].value;
  const Eigen::MatrixXd& o = g.nodes[g.nodes[softmax].inputs[0]].value;
  // the fused rule as the engine applies it (exact: 1 − s_i as the sum of the others; textbook: s − y)
  bp::Args<double> fused_args;
  fused_args.n = 2;
  fused_args.x[0] = &o;
  fused_args.x[1] = &y;
  const Eigen::MatrixXd no_output = Eigen::MatrixXd::Zero(1, 1);
  const Eigen::MatrixXd fused =
      bp::op_rule<double>(bp::OpKind::SoftmaxCrossEntropy).jacobian(fused_args, no_output, 0, g.derivatives);
  bp::Args<double> ce;
  ce.n = 2;
  ce.x[0] = &s;
  ce.x[1] = &y;
  const Eigen::MatrixXd loss = Eigen::MatrixXd::Zero(1, 1);
  const Eigen::MatrixXd ds = bp::op_rule<double>(bp::OpKind::CrossEntropy).jacobian(ce, loss, 0, g.derivatives);
  bp::Args<double> sm;
  sm.n = 1;
  sm.x[0] = &o;
  const Eigen::MatrixXd dO = bp::op_rule<double>(bp::OpKind::Softmax).jacobian(sm, s, 0, g.derivatives);
  const Eigen::MatrixXd separate = ds * dO;
  matrix_block("fused", tr(g.derivatives == bp::Derivatives::Exact ? S::inspector_fused_exact : S::inspector_fused_textbook),
               fused, theme::kGradient);
  matrix_block("ds", tr(S::inspector_separate), ds, theme::kGradient);
  matrix_block("dO", "· ∂s/∂O = diag(s) − s sᵀ", dO, theme::kValue);
  matrix_block("sep", "= ∇_s l · ∂s/∂O", separate, theme::kGradient);
  const double diff = (fused - separate).cwiseAbs().maxCoeff();
  const double scale = std::max(fused.cwiseAbs().maxCoeff(), separate.cwiseAbs().maxCoeff());
  const bool agree = diff <= 1e-9 * scale || diff == 0;
  const std::string verdict = trf(agree ? S::inspector_forms_agree : S::inspector_forms_differ, {{"diff", bp::format_number(diff, 3)}});
  badge(agree, verdict.c_str());
  if (!agree)
    note(tr(S::inspector_forms_differ_why));
}

// [SECTION] manual, autodiff and numeric side by side
const bp::NamedMatrix* find(const std::vector<bp::NamedMatrix>& list, const std::string& name) {
  for (const auto& m : list)
    if (m.name == name) return &m;
  return nullptr;
}

void agreement_section(const bp::Report& r) {
  const bool ok = r.manual_vs_autodiff.ok && r.numeric_vs_autodiff.ok;
  badge(ok, tr(ok ? S::inspector_methods_agree : S::inspector_methods_disagree));
  for (const bool numeric : {false, true})
    if (const std::string n = agreement_note(r, numeric); !n.empty()) note(n.c_str());
  for (const bp::NamedMatrix& p : r.autodiff) {
    ImGui::PushID(p.name.c_str());
    math_text_colored(theme::kGradient, "∇_{" + std::string(display_name(p.name)) + "} l");
    double max_abs = 0, max_rel = 0;
    for (const auto* list : {&r.manual, &r.numeric}) {
      const bp::NamedMatrix* m = find(*list, p.name);
      if (!m || m->value.size() != p.value.size()) continue;
      for (int i = 0; i < p.value.size(); ++i) {
        const double a = m->value.data()[i], b = p.value.data()[i];
        if (std::isnan(a)) continue;  // not sampled
        const double d = std::abs(a - b);
        max_abs = std::max(max_abs, d);
        const double scale = std::max(std::abs(a), std::abs(b));
        if (scale > 0) max_rel = std::max(max_rel, d / scale);
      }
    }
    const std::string diff = trf(S::inspector_max_diff, {{"abs", bp::format_number(max_abs, 3)}, {"rel", bp::format_number(max_rel, 3)}});
    same_line_or_wrap(ImGui::CalcTextSize(diff.c_str()).x);  // beside ∇W l while it fits
    text_wrapped_colored(theme::kMuted, diff);
    const struct { const char* label; const std::vector<bp::NamedMatrix>& list; } rows[] = {
        {"manual", r.manual}, {"autodiff", r.autodiff}, {"numeric", r.numeric}};
    for (const auto& row : rows) {
      const bp::NamedMatrix* m = find(row.list, p.name);
      if (!m) continue;
      row_label(row.label, theme::kMuted);
      ImGui::PushID(row.label);
      show_matrix(p.name.c_str(), m->value, m->is_vector, theme::kGradient);
      ImGui::PopID();
    }
    ImGui::PopID();
  }
}

}  // namespace

void inspector_tab(App& app) {
  GraphView& gv = app.graph;
  const GraphSnapshot& g = gv.stepper.graph();
  const logic::Selection& sel = gv.selection;
  if (!app.model.report) {  // the graph keeps the last valid numbers; the Inspector shows none
    inline_error(app.model.error ? error_line(*app.model.error) : tr(S::results_not_evaluated));
    note(tr(S::inspector_waiting));
    return;
  }
  if (ImGui::CollapsingHeader(tr_id(S::inspector_selection, "Selection").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    if (sel.kind == logic::Selection::Kind::Edge) {
      const int of = g.find(sel.of), wrt = g.find(sel.wrt);
      const int e = of >= 0 && wrt >= 0 ? g.find_edge(wrt, of) : -1;
      if (e >= 0) edge_section(gv, e, app.probe);
    } else if (sel.kind == logic::Selection::Kind::Node) {
      const int n = g.find(sel.node);
      if (n >= 0) chain_section(gv, n);
    } else {
      note(tr(S::inspector_hint));
    }
    if (sel.kind != logic::Selection::Kind::None && ImGui::SmallButton(tr_id(S::inspector_clear, "Clear selection").c_str())) gv.selection = logic::Selection::none();
  }
  if (ImGui::CollapsingHeader(tr_id(S::inspector_fused_header, "Fused").c_str())) {
    ImGui::Checkbox(tr_id(S::inspector_show_both, "show both").c_str(), &gv.show_fused);
    if (gv.show_fused) fused_section(g);
  }
  if (ImGui::CollapsingHeader(tr_id(S::inspector_agreement, "Agreement").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    if (app.model.report) agreement_section(*app.model.report);
    else inline_error(app.model.error ? error_line(*app.model.error) : tr(S::results_not_evaluated));
  }
}

}  // namespace app
