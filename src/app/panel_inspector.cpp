// The Inspector tab: the local Jacobian of the selected edge with the gradient row that meets it,
// the whole chain of a selected parameter down to its flat row and reshape, the fused s − y next
// to the separate softmax and CE steps, and the agreement of the three gradient methods.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/logic/formula.h"
#include "app/panels.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "engine/matrix.h"
#include "engine/number_format.h"
#include "engine/ops.h"

namespace app {
namespace {

using logic::GraphSnapshot;

// ∂(edge's consumer)/∂(edge's input) by the engine's own rule: |of| × |wrt|, row-major entries
Eigen::MatrixXd local_jacobian(const GraphSnapshot& g, int edge) {
  const auto& se = g.edges[edge];
  const auto& n = g.nodes[se.to];
  if (!n.op) return {};
  bp::Args<double> args;
  args.n = static_cast<int>(n.inputs.size());
  for (int k = 0; k < args.n && k < 3; ++k) args.x[k] = &g.nodes[n.inputs[k]].value;
  return bp::op_rule<double>(*n.op).jacobian(args, n.value, se.k, g.derivatives);
}

// Jacobians and chain products per model revision: a 64-wide layer's ∂h/∂W0 is 64 × 4096, too
// costly to rebuild every frame (UI-only state: one Inspector)
struct Cache {
  long revision = -1;
  std::map<int, Eigen::MatrixXd> jacobians;  // by edge
  std::map<int, Eigen::MatrixXd> rows;       // by node: the chain's product
  void at(long r) {
    if (r == revision) return;
    revision = r;
    jacobians.clear();
    rows.clear();
  }
};
Cache g_cache;

const Eigen::MatrixXd& jacobian_of(const GraphSnapshot& g, int edge) {
  auto it = g_cache.jacobians.find(edge);
  if (it == g_cache.jacobians.end()) it = g_cache.jacobians.emplace(edge, local_jacobian(g, edge)).first;
  return it->second;
}

// how the exercise writes this Jacobian
std::string jacobian_rule(const GraphSnapshot& g, int edge) {
  const auto& se = g.edges[edge];
  const auto& n = g.nodes[se.to];
  const std::string of = logic::formula_symbol(n.name), wrt = logic::formula_symbol(g.nodes[se.from].name);
  const std::string d = "∂" + of + "/∂" + wrt + " = ";
  switch (*n.op) {
    case bp::OpKind::MatVec:
      return se.k == 0 ? d + "one row per entry of " + of + ": row i holds " + logic::formula_symbol(g.nodes[n.inputs[1]].name) +
                             "ᵀ in the columns of " + wrt + "'s row i (the exercise's layout)"
                       : d + logic::formula_symbol(g.nodes[n.inputs[0]].name);
    case bp::OpKind::Add: return d + "the identity";
    case bp::OpKind::Relu: return d + "diag(1[" + wrt + ">0])";
    case bp::OpKind::LeakyRelu: return d + "diag(1[" + wrt + ">0] + 0.01·1[" + wrt + "≤0])";
    case bp::OpKind::Sigmoid: return d + "diag(σ(" + wrt + ")·σ(−" + wrt + "))";
    case bp::OpKind::Tanh: return d + "diag(1 − tanh²" + wrt + ")";
    case bp::OpKind::Identity: return d + "the identity";
    case bp::OpKind::Softmax: return d + "diag(s) − s sᵀ";
    case bp::OpKind::LogSoftmax: return d + "I − 1 sᵀ";
    case bp::OpKind::CrossEntropy: return d + "−y/s (a row)";
    case bp::OpKind::SoftmaxCrossEntropy: return d + "s − y (softmax and cross-entropy fused)";
    case bp::OpKind::Mse: return d + "2(O − y)ᵀ/n";
  }
  return d;
}

std::string dims(const Eigen::MatrixXd& m) { return std::to_string(m.rows()) + "×" + std::to_string(m.cols()); }

void matrix_block(const char* id, const char* title, const Eigen::MatrixXd& m, const ImVec4& color) {
  ImGui::TextColored(theme::kMuted, "%s  (%s)", title, dims(m).c_str());
  ImGui::PushID(id);
  show_matrix(id, m, false, color);
  ImGui::PopID();
}

// [SECTION] one edge
void edge_section(const GraphSnapshot& g, int edge, Probe& probe) {
  const auto& se = g.edges[edge];
  const auto& of = g.nodes[se.to];
  const std::string title = "∂" + logic::formula_symbol(of.name) + "/∂" + logic::formula_symbol(g.nodes[se.from].name);
  ImGui::Text("Local Jacobian %s", title.c_str());
  {  // for the browser test: the Inspector shows this edge's Jacobian
    const ImVec2 a = ImGui::GetItemRectMin(), z = ImGui::GetItemRectMax();
    probe.add("inspector:" + g.nodes[se.to].name + ">" + g.nodes[se.from].name, a.x, a.y, z.x - a.x, z.y - a.y);
  }
  note(jacobian_rule(g, edge).c_str());
  const Eigen::MatrixXd& j = jacobian_of(g, edge);
  if (j.size() == 0) return;
  matrix_block("J", title.c_str(), j, theme::kValue);
  if (!of.has_grad || of.grad.size() == 0) {
    note("No gradient reaches this edge: its consumer is off the loss path.");
    return;
  }
  const Eigen::MatrixXd g_row = bp::flatten_row_major<double>(of.grad);
  const std::string incoming = logic::grad_symbol(g, se.to);
  matrix_block("g", (incoming + " (incoming row)").c_str(), g_row, theme::kGradient);
  const Eigen::MatrixXd product = g_row * j;
  const std::string result = incoming + " · " + title;
  matrix_block("p", result.c_str(), product, theme::kGradient);
  const auto& wrt = g.nodes[se.from];
  if (wrt.value.cols() > 1) {
    matrix_block("r", "reshaped row-major", bp::unflatten_row_major<double>(product, wrt.value.rows(), wrt.value.cols()),
                 theme::kGradient);
  }
}

// [SECTION] a parameter's whole chain
void chain_section(const GraphSnapshot& g, int node) {
  const auto& n = g.nodes[node];
  ImGui::Text("%s", n.name.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", dims(n.value).c_str());
  if (!n.has_grad) {
    note(n.role == bp::NodeRole::Constant ? "A constant: no gradient flows into it." : "Off the loss path: no gradient.");
    show_matrix("value", n.value, n.value.cols() == 1, theme::kValue);
    return;
  }
  // the path from this node up to the loss (an MLP has one consumer per node on it)
  std::vector<int> path;
  for (int cur = node, guard = 0; cur != g.root && guard < 64; ++guard) {
    int next = -1;
    for (int e : g.edges_out_of(cur))
      if (g.carries_gradient(e)) { next = e; break; }
    if (next < 0) break;
    path.push_back(next);
    cur = g.edges[next].to;
  }
  std::reverse(path.begin(), path.end());
  std::string chain = logic::grad_symbol(g, node) + " = ∇_l l";
  for (int e : path)
    chain += " · ∂" + logic::formula_symbol(g.nodes[g.edges[e].to].name) + "/∂" + logic::formula_symbol(g.nodes[g.edges[e].from].name);
  ImGui::TextWrapped("%s", chain.c_str());
  const bool cached = g_cache.rows.count(node) > 0;
  Eigen::MatrixXd row = Eigen::MatrixXd::Ones(1, 1);
  int i = 0;
  for (int e : path) {
    const Eigen::MatrixXd& j = jacobian_of(g, e);
    if (j.rows() != row.cols()) break;
    ImGui::PushID(i++);
    if (ImGui::TreeNodeEx("##f", ImGuiTreeNodeFlags_DefaultOpen, "· %s", jacobian_rule(g, e).c_str())) {
      show_matrix("J", j, false, theme::kValue);
      ImGui::TreePop();
    }
    ImGui::PopID();
    if (!cached) row = row * j;
  }
  if (cached) row = g_cache.rows[node];
  else g_cache.rows[node] = row;
  ImGui::Separator();
  const int r = static_cast<int>(n.value.rows()), c = static_cast<int>(n.value.cols());
  ImGui::TextColored(theme::kGradient, "the product: a flat 1×%d row", static_cast<int>(row.cols()));
  // the row-major mapping: entry k ↔ cell (k / c, k % c), the same hue in both
  static const ImVec4 hues[] = {{0.34f, 0.71f, 0.91f, 1}, {0.90f, 0.62f, 0.0f, 1}, {0.0f, 0.62f, 0.45f, 1},
                                {0.80f, 0.47f, 0.65f, 1}, {0.94f, 0.89f, 0.26f, 1}, {0.84f, 0.37f, 0.0f, 1}};
  const int shown = std::min<int>(static_cast<int>(row.cols()), 16);
  for (int k = 0; k < shown; ++k) {
    if (k % 4) ImGui::SameLine();
    ImGui::TextColored(hues[k % 6], "[%d] %s", k, logic::formula_number(row(0, k)).c_str());
  }
  if (shown < row.cols()) ImGui::TextDisabled("… %d more", static_cast<int>(row.cols()) - shown);
  if (c > 1 && row.cols() == r * c) {
    ImGui::TextColored(theme::kGradient, "reshaped row-major to %d×%d, shaped like %s:", r, c, n.name.c_str());
    for (int a = 0; a < std::min(r, 8); ++a) {
      for (int b = 0; b < std::min(c, 8); ++b) {
        if (b) ImGui::SameLine();
        const int k = a * c + b;
        ImGui::TextColored(k < shown ? hues[k % 6] : theme::kGradient, "[%d]→(%d,%d) %s", k, a, b,
                           logic::formula_number(row(0, k)).c_str());
      }
    }
    note(("Why a vector and a matrix? The chain multiplies gradient ROWS by Jacobians, and ∂O/∂" + n.name +
          " has one column per entry of " + n.name + ", so the product is a flat row of " + std::to_string(r * c) +
          " numbers (what the exercise's numpy printed). Entry k is " + n.name + "[k / " + std::to_string(c) + ", k mod " +
          std::to_string(c) + "]: reading it row-major gives the gradient shaped like " + n.name +
          " itself, the matrix autodiff reports. Same numbers, two layouts.").c_str());
  } else {
    note("A vector parameter: its gradient row already has its shape.");
  }
}

// [SECTION] fused s − y vs the separate softmax and CE steps
void fused_section(const GraphSnapshot& g) {
  int softmax = -1, label = -1;
  for (int i = 0; i < static_cast<int>(g.nodes.size()); ++i) {
    if (g.nodes[i].op && *g.nodes[i].op == bp::OpKind::Softmax) softmax = i;
    if (g.nodes[i].role == bp::NodeRole::Constant) label = i;
  }
  if (softmax < 0 || label < 0 || g.nodes[softmax].inputs.empty()) {
    note("Only for the softmax + cross-entropy head.");
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
  matrix_block("fused", g.derivatives == bp::Derivatives::Exact ? "fused: ∇_O l = (s − y)ᵀ, 1 − s_i as Σ_{j≠i} s_j"
                                                                 : "fused: ∇_O l = (s − y)ᵀ (textbook)",
               fused, theme::kGradient);
  matrix_block("ds", "separate: ∇_s l = −y/s", ds, theme::kGradient);
  matrix_block("dO", "· ∂s/∂O = diag(s) − s sᵀ", dO, theme::kValue);
  matrix_block("sep", "= ∇_s l · ∂s/∂O", separate, theme::kGradient);
  const double diff = (fused - separate).cwiseAbs().maxCoeff();
  const double scale = std::max(fused.cwiseAbs().maxCoeff(), separate.cwiseAbs().maxCoeff());
  const bool agree = diff <= 1e-9 * scale || diff == 0;
  const std::string verdict = (agree ? "they agree: max |difference| = " : "they differ: max |difference| = ") +
                              bp::format_number(diff, 3);
  badge(agree, verdict.c_str());
  if (!agree)
    note("They differ: with s1 rounded to 1, one of the forms computes 1 − s1 = 0 in floating point and loses "
         "that entry (softmax_backward = textbook); the exact form keeps it as the sum of the other entries.");
}

// [SECTION] manual, autodiff and numeric side by side
const bp::NamedMatrix* find(const std::vector<bp::NamedMatrix>& list, const std::string& name) {
  for (const auto& m : list)
    if (m.name == name) return &m;
  return nullptr;
}

void agreement_section(const bp::Report& r) {
  const bool ok = r.manual_vs_autodiff.ok && r.numeric_vs_autodiff.ok;
  badge(ok, ok ? "manual, autodiff and numeric agree" : "the methods disagree");
  for (const bp::Agreement* a : {&r.manual_vs_autodiff, &r.numeric_vs_autodiff})
    if (!a->note.empty()) note(a->note.c_str());
  for (const bp::NamedMatrix& p : r.autodiff) {
    ImGui::PushID(p.name.c_str());
    ImGui::TextColored(theme::kGradient, "∇%s l", display_name(p.name));
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
    ImGui::SameLine();
    ImGui::TextDisabled("max abs %s, max rel %s", bp::format_number(max_abs, 3).c_str(), bp::format_number(max_rel, 3).c_str());
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
  g_cache.at(gv.revision);
  const GraphSnapshot& g = gv.stepper.graph();
  const logic::Selection& sel = gv.selection;
  if (ImGui::CollapsingHeader("Selection", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (sel.kind == logic::Selection::Kind::Edge) {
      const int of = g.find(sel.of), wrt = g.find(sel.wrt);
      const int e = of >= 0 && wrt >= 0 ? g.find_edge(wrt, of) : -1;
      if (e >= 0) edge_section(g, e, app.probe);
    } else if (sel.kind == logic::Selection::Kind::Node) {
      const int n = g.find(sel.node);
      if (n >= 0) chain_section(g, n);
    } else {
      note("Click an edge on the graph for its local Jacobian, or a parameter (W0, W1, …) for its whole chain.");
    }
    if (sel.kind != logic::Selection::Kind::None && ImGui::SmallButton("Clear selection")) gv.selection = logic::Selection::none();
  }
  if (ImGui::CollapsingHeader("Fused s − y vs separate steps")) {
    ImGui::Checkbox("show both", &gv.show_fused);
    if (gv.show_fused) fused_section(g);
  }
  if (ImGui::CollapsingHeader("Agreement", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (app.model.report) agreement_section(*app.model.report);
    else inline_error(app.model.error ? app.model.error->line() : "not evaluated");
  }
}

}  // namespace app
