// Building the sheet from a Report: nodes from its graph, edges from its local Jacobians (with the
// fused l ← O edge replaced by the exercise's l ← s), and the cells in the order of the work.
#include "coursework/answer_sheet.h"

#include "coursework/words.h"
#include "engine/matrix.h"
#include "engine/network.h"

namespace bp {
namespace {

OpKind op_kind(const std::string& name) {
  for (int k = 0; k < kOpCount; ++k)
    if (name == op_name(static_cast<OpKind>(k))) return static_cast<OpKind>(k);
  return OpKind::Identity;
}

std::string forward_formula(const SheetNode& n) {
  const std::vector<std::string>& in = n.inputs;
  switch (n.op) {
    case OpKind::MatVec: return in[0] + "·" + in[1];
    case OpKind::Add: return in[0] + " + " + in[1];
    case OpKind::Relu: return "ReLU(" + in[0] + ")";
    case OpKind::LeakyRelu: return "LeakyReLU(" + in[0] + ")";
    case OpKind::Sigmoid: return "σ(" + in[0] + ")";
    case OpKind::Tanh: return "tanh(" + in[0] + ")";
    case OpKind::Identity: return in[0];
    case OpKind::Softmax: return "softmax(" + in[0] + ")";
    case OpKind::LogSoftmax: return "log softmax(" + in[0] + ")";
    case OpKind::CrossEntropy: return "−Σ y·log " + in[0];
    case OpKind::SoftmaxCrossEntropy: return sayf(Msg::formula_from_logits, {{"x", in[0]}});
    case OpKind::Mse: return "(1/n)·Σ (" + in[0] + " − y)²";
  }
  return "";
}

std::string jacobian_formula(const SheetEdge& e) {
  const std::string& x = e.args[0];
  switch (e.op) {
    case OpKind::MatVec:
      return e.k == 1 ? e.args[0] : "∂" + e.of + "_i/∂" + e.args[0] + "[i][j] = " + e.args[1] + "_j";
    case OpKind::Add: return say(Msg::formula_identity);
    case OpKind::Relu: return "diag(1[" + x + " > 0])";
    case OpKind::LeakyRelu: return "diag(" + x + " > 0 ? 1 : 0.01)";
    case OpKind::Sigmoid: return "diag(σ(" + x + ")·(1 − σ(" + x + ")))";
    case OpKind::Tanh: return "diag(1 − tanh²(" + x + "))";
    case OpKind::Identity: return say(Msg::formula_identity);
    case OpKind::Softmax: return "diag(" + e.of + ") − " + e.of + " " + e.of + "ᵀ";
    case OpKind::LogSoftmax: return say(Msg::formula_identity) + std::string(" − 1 softmax(") + x + ")ᵀ";
    case OpKind::CrossEntropy: return sayf(Msg::formula_entry_by_entry, {{"x", x}});
    case OpKind::SoftmaxCrossEntropy: return "(s − y)ᵀ";
    case OpKind::Mse: return "2(" + x + " − y)ᵀ / n";
  }
  return "";
}

std::string report_key(const std::string& leaf) { return "grad:" + report_name(leaf); }

}  // namespace

std::string subscript(const std::string& name) {
  // one character (or one character and a prime) reads fine without braces
  return name.size() == 1 ? name : "{" + name + "}";
}

const SheetCell* AnswerSheet::find(std::string_view key) const {
  for (const SheetCell& c : cells)
    if (c.key == key) return &c;
  return nullptr;
}

int AnswerSheet::node_index(std::string_view name) const {
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].name == name) return static_cast<int>(i);
  return -1;
}

Eigen::MatrixXd row_to_shape(const Eigen::MatrixXd& row, const Eigen::MatrixXd& like) {
  if (like.cols() == 1) return row.transpose();
  return unflatten_row_major<double>(row, like.rows(), like.cols());
}

std::vector<Eigen::MatrixXd> chain_rows(const AnswerSheet& sheet, const std::vector<Eigen::MatrixXd>& jacobians) {
  std::vector<Eigen::MatrixXd> rows(sheet.nodes.size());
  const int loss = sheet.node_index("l");
  if (loss < 0) return rows;
  rows[loss] = Eigen::MatrixXd::Ones(1, 1);  // ∇_l l = 1
  for (size_t e = 0; e < sheet.edges.size(); ++e) {
    const int of = sheet.node_index(sheet.edges[e].of), wrt = sheet.node_index(sheet.edges[e].wrt);
    if (rows[of].size() == 0) continue;
    Eigen::MatrixXd contribution = rows[of] * jacobians[e];
    if (rows[wrt].size() == 0) rows[wrt] = std::move(contribution);
    else rows[wrt] += contribution;  // another path: sum
  }
  return rows;
}

AnswerSheet answer_sheet(const State& state, const Report& report) {
  AnswerSheet sheet;
  sheet.derivatives = state.softmax_backward == SoftmaxBackward::Exact ? Derivatives::Exact : Derivatives::Textbook;
  sheet.softmax_head = state.head == Head::SoftmaxCE;
  sheet.jacobians_skipped = manual_skip_text(report.manual_skip);

  // [SECTION] nodes: leaves from the state, computed values from the report
  for (const GraphNodeReport& g : report.graph) {
    SheetNode n;
    n.name = g.name;
    n.computed = g.role == NodeRole::Computed;
    n.op = op_kind(g.op);
    n.inputs = g.inputs;
    if (n.computed) {
      if (const NamedMatrix* m = report.find_forward(g.name)) n.value = m->value;
    } else if (g.name == "I") {
      n.value = state.input;
    } else if (g.name == "label") {
      n.value = state.label;
    } else {
      const int k = std::stoi(g.name.substr(1));
      n.value = g.name[0] == 'W' ? state.weights[k] : Eigen::MatrixXd(*state.biases[k]);
    }
    sheet.nodes.push_back(std::move(n));
  }

  // [SECTION] edges: the report's local Jacobians, with l ← O replaced by l ← s for softmax_ce
  for (const JacobianReport& J : report.jacobians) {
    const int of = sheet.node_index(J.of);
    if (of < 0) continue;
    SheetEdge e;
    e.of = J.of;
    e.wrt = J.wrt;
    e.op = sheet.nodes[of].op;
    e.args = sheet.nodes[of].inputs;
    for (size_t k = 0; k < e.args.size(); ++k)
      if (e.args[k] == J.wrt) e.k = static_cast<int>(k);
    e.jacobian = J.value;
    if (sheet.softmax_head && e.op == OpKind::SoftmaxCrossEntropy) {
      const SheetNode& s = sheet.nodes[sheet.node_index("s")];
      const SheetNode& label = sheet.nodes[sheet.node_index("label")];
      e.wrt = "s";
      e.op = OpKind::CrossEntropy;
      e.args = {"s", "label"};
      e.k = 0;
      Args<double> a;
      a.n = 2;
      a.x = {&s.value, &label.value, nullptr};
      e.jacobian = op_rule<double>(OpKind::CrossEntropy).jacobian(a, sheet.nodes[of].value, 0, sheet.derivatives);
    }
    sheet.edges.push_back(std::move(e));
  }
  const std::vector<Eigen::MatrixXd> rows = [&] {
    std::vector<Eigen::MatrixXd> J;
    for (const SheetEdge& e : sheet.edges) J.push_back(e.jacobian);
    return chain_rows(sheet, J);
  }();

  // [SECTION] cells: the forward pass
  for (const SheetNode& n : sheet.nodes) {
    if (!n.computed) continue;
    SheetCell c;
    c.key = c.node = c.notation = n.name;
    c.kind = CellKind::Forward;
    c.truth = n.value;
    c.vector = n.name != "l";
    c.formula = forward_formula(n);
    if (n.name == "l" && n.op == OpKind::SoftmaxCrossEntropy) c.formula = "−Σ y·log s";
    sheet.cells.push_back(std::move(c));
  }

  // [SECTION] cells: the chain from l back; a node's product once its last consumer is done
  auto autodiff = [&](const std::string& leaf) -> Eigen::MatrixXd {
    for (const NamedMatrix& m : report.autodiff)
      if (m.name == report_name(leaf)) return m.value;
    return {};
  };
  auto gradient_cell = [&](const std::string& name) {
    const SheetNode& n = sheet.nodes[sheet.node_index(name)];
    std::vector<std::string> terms;
    for (const SheetEdge& e : sheet.edges)
      if (e.wrt == name)
        terms.push_back((e.of == "l" ? "" : "∇_" + subscript(e.of) + " l · ") + "∇_" + subscript(name) + " " + e.of);
    SheetCell c;
    c.node = name;
    c.formula = terms.size() == 1 ? terms[0] : "(" + [&] {
      std::string s;
      for (const std::string& t : terms) s += (s.empty() ? "" : ") + (") + t;
      return s;
    }() + ")";
    c.notation = "∇_" + subscript(name == "I" ? "I" : name) + " l";
    if (!n.computed) {
      c.key = report_key(name);
      c.kind = CellKind::ParamGradient;
      c.truth = autodiff(name);
      c.vector = n.value.cols() == 1;
      if (!c.vector) {
        c.reshape_note = sayf(Msg::formula_reshaped,
                              {{"shape", std::to_string(n.value.rows()) + "×" + std::to_string(n.value.cols())}});
        c.formula += c.reshape_note;
      }
    } else {
      c.key = "grad:" + name;
      c.kind = CellKind::NodeGradient;
      c.truth = rows[sheet.node_index(name)];
      c.vector = true;
    }
    sheet.cells.push_back(std::move(c));
  };
  std::vector<int> consumers(sheet.nodes.size(), 0);
  for (const SheetEdge& e : sheet.edges) ++consumers[sheet.node_index(e.wrt)];
  for (const SheetEdge& e : sheet.edges) {
    SheetCell c;
    c.key = "J:" + e.of + "/" + e.wrt;
    c.kind = CellKind::Jacobian;
    c.node = e.of;
    c.wrt = e.wrt;
    c.truth = e.jacobian;
    c.vector = e.jacobian.rows() == 1 || e.jacobian.cols() == 1;
    c.notation = "∇_" + subscript(e.wrt) + " " + e.of;
    c.formula = jacobian_formula(e);
    sheet.cells.push_back(std::move(c));
    if (sheet.softmax_head && e.of == "s") {  // the fused edge, = ∇_O l, accepted by check
      SheetCell fused;
      fused.key = "J:l/O";
      fused.kind = CellKind::Jacobian;
      fused.node = "l";
      fused.wrt = "O";
      fused.truth = rows[sheet.node_index("O")];
      fused.vector = true;
      fused.notation = "∇_O l";
      fused.formula = say(Msg::formula_fused);
      fused.listed = false;
      sheet.cells.push_back(std::move(fused));
    }
    const int wrt = sheet.node_index(e.wrt);
    if (--consumers[wrt] > 0) continue;
    const bool only_the_loss = [&] {
      for (const SheetEdge& other : sheet.edges)
        if (other.wrt == e.wrt && other.of != "l") return false;
      return true;
    }();
    if (!sheet.nodes[wrt].computed || !only_the_loss) gradient_cell(e.wrt);
  }
  if (sheet.edges.empty()) {  // no Jacobians (too wide): the final gradients only
    for (auto it = report.autodiff.rbegin(); it != report.autodiff.rend(); ++it)
      if (it->name != "input") gradient_cell(it->name);
    gradient_cell("I");
  }
  return sheet;
}

}  // namespace bp
