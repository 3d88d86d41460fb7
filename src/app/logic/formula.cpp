// Formula text per step. The numbers are the engine's: values from the forward pass, gradients
// from its autodiff, local derivatives (1[h>0], diag(s) − s sᵀ, …) from its op rules.
#include "app/logic/formula.h"

#include "app/logic/i18n.h"

#include <vector>

#include "engine/number_format.h"
#include "engine/ops.h"

namespace app::logic {
namespace {

constexpr const char* kMinus = "\xE2\x88\x92";  // −

// code points: one-character names go without braces (∇_h l, ∇_{W1} l)
int text_length(const std::string& s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string sub(const std::string& name) { return text_length(name) == 1 ? name : "{" + name + "}"; }

// a name inside ∂a/∂b or after an operator: a product name "W0·I" gets parentheses
std::string operand(const std::string& name) {
  return name.find("\xC2\xB7") != std::string::npos ? "(" + name + ")" : name;
}

std::string sym(const GraphSnapshot& g, int node) { return formula_symbol(g.nodes[node].name); }

// items joined with ", ", elided in the middle
template <typename F>
std::string join_elided(Eigen::Index n, int max_items, F item) {
  std::string out;
  const bool elide = n > max_items;
  const Eigen::Index head = elide ? std::max(1, max_items - 2) : n;
  for (Eigen::Index i = 0; i < head; ++i) out += (i ? ", " : "") + item(i);
  if (elide) out += ", \xE2\x80\xA6, " + item(n - 1);
  return out;
}

const Eigen::MatrixXd& value_of(const GraphSnapshot& g, int node) { return g.nodes[node].value; }

Eigen::MatrixXd grad_of(const GraphSnapshot& g, int node) {
  const SnapshotNode& n = g.nodes[node];
  if (n.has_grad) return n.grad;
  if (node == g.root) return Eigen::MatrixXd::Ones(1, 1);
  return {};
}

bp::Args<double> args_of(const GraphSnapshot& g, int node) {
  bp::Args<double> a;
  const SnapshotNode& n = g.nodes[node];
  a.n = static_cast<int>(n.inputs.size());
  for (int k = 0; k < a.n && k < 3; ++k) a.x[k] = &g.nodes[n.inputs[k]].value;
  return a;
}

bool rules_apply(const GraphSnapshot& g, int node) {
  const SnapshotNode& n = g.nodes[node];
  if (!n.op || n.inputs.size() > 3 || n.value.size() == 0) return false;
  for (int in : n.inputs)
    if (g.nodes[in].value.size() == 0) return false;
  return true;
}

// f'(x) of an elementwise op: its VJP applied to a gradient of ones
Eigen::MatrixXd elementwise_derivative(const GraphSnapshot& g, int node) {
  const SnapshotNode& n = g.nodes[node];
  if (!rules_apply(g, node)) return {};
  Eigen::MatrixXd d = Eigen::MatrixXd::Zero(n.value.rows(), n.value.cols());
  const Eigen::MatrixXd ones = Eigen::MatrixXd::Ones(n.value.rows(), n.value.cols());
  bp::op_rule<double>(*n.op).vjp(args_of(g, node), n.value, ones, 0, g.derivatives, d);
  return d;
}

// the result of an edge step: this edge's share when several consumers add up, else the total
Eigen::MatrixXd edge_result(const GraphSnapshot& g, int edge, bool accumulates) {
  const int wrt = g.edges[edge].from;
  if (!accumulates && g.nodes[wrt].has_grad) return g.nodes[wrt].grad;
  return edge_contribution(g, edge);
}

std::string v(const Eigen::MatrixXd& m) { return formula_values(m); }

}  // namespace

std::string formula_number(double x) {
  std::string s = bp::format_number(x);
  if (!s.empty() && s[0] == '-') s = kMinus + s.substr(1);
  return s;
}

std::string formula_values(const Eigen::MatrixXd& m, int max_items) {
  if (m.size() == 0) return "?";
  if (m.size() == 1) return formula_number(m(0, 0));
  if (m.cols() == 1 || m.rows() == 1) {
    const Eigen::Index n = m.size();
    return "[" + join_elided(n, max_items, [&](Eigen::Index i) { return formula_number(m(i)); }) + "]";
  }
  const int side = std::max(3, max_items - 2);  // a matrix is elided sooner: rows × columns add up
  return "[" + join_elided(m.rows(), side, [&](Eigen::Index r) {
           return "[" + join_elided(m.cols(), side, [&](Eigen::Index c) { return formula_number(m(r, c)); }) + "]";
         }) + "]";
}

std::string formula_symbol(const std::string& name) { return name == "label" ? "y" : name; }

namespace {
std::string op_label(bp::OpKind op) {
  switch (op) {
    case bp::OpKind::MatVec: return "W·x";
    case bp::OpKind::Add: return "+ b";
    case bp::OpKind::SoftmaxCrossEntropy: return "CE(softmax)";
    case bp::OpKind::CrossEntropy: return "−Σ y·log s";
    case bp::OpKind::LeakyRelu: return "leaky relu";
    default: return bp::op_name(op);
  }
}
}  // namespace

std::string node_title(const SnapshotNode& n) {
  if (n.name == "label") return tr(S::canvas_label_title);
  if (n.op) return n.name + "  " + op_label(*n.op);
  if (n.role == bp::NodeRole::Parameter) return n.name + "  " + tr(S::canvas_parameter);
  if (n.role == bp::NodeRole::Input) return n.name + "  " + tr(S::canvas_input);
  return n.name;
}

std::string operand_symbol(const GraphSnapshot& g, int node) { return operand(sym(g, node)); }

std::string partial_symbol(const GraphSnapshot& g, int of, int wrt) {
  return "\xE2\x88\x82" + operand_symbol(g, of) + "/\xE2\x88\x82" + operand_symbol(g, wrt);
}

std::string grad_symbol(const GraphSnapshot& g, int node) {
  const std::string loss = g.root >= 0 ? g.nodes[g.root].name : "l";
  return "\xE2\x88\x87_" + sub(sym(g, node)) + " " + loss;
}

Eigen::MatrixXd edge_contribution(const GraphSnapshot& g, int edge) {
  const SnapshotEdge& e = g.edges[edge];
  const SnapshotNode& of = g.nodes[e.to];
  const Eigen::MatrixXd upstream = grad_of(g, e.to);
  if (!rules_apply(g, e.to) || upstream.size() != of.value.size()) return {};
  const Eigen::MatrixXd& x = g.nodes[e.from].value;
  Eigen::MatrixXd gx = Eigen::MatrixXd::Zero(x.rows(), x.cols());
  bp::op_rule<double>(*of.op).vjp(args_of(g, e.to), of.value, upstream, e.k, g.derivatives, gx);
  return gx;
}

std::string forward_formula(const GraphSnapshot& g, int node) {
  const SnapshotNode& n = g.nodes[node];
  const std::string y = sym(g, node);
  const std::string result = v(n.value);
  if (!n.op || n.inputs.empty()) return y + " = " + result;
  const std::string a = sym(g, n.inputs[0]);
  const std::string b = n.inputs.size() > 1 ? sym(g, n.inputs[1]) : "";
  switch (*n.op) {
    case bp::OpKind::MatVec:  // the product node of a layer with a bias is already named "W0·I"
      return y == a + "\xC2\xB7" + b ? y + " = " + result : y + " = " + a + "\xC2\xB7" + b + " = " + result;
    case bp::OpKind::Add:
      return y + " = " + a + " + " + b + " = " + v(value_of(g, n.inputs[0])) + " + " + v(value_of(g, n.inputs[1])) +
             " = " + result;
    case bp::OpKind::Relu: return y + " = ReLU(" + a + ") = " + result;
    case bp::OpKind::LeakyRelu: return y + " = LeakyReLU(" + a + ") = " + result;
    case bp::OpKind::Sigmoid: return y + " = \xCF\x83(" + a + ") = " + result;
    case bp::OpKind::Tanh: return y + " = tanh(" + a + ") = " + result;
    case bp::OpKind::Identity: return y + " = " + a + " = " + result;
    case bp::OpKind::Softmax: return y + " = softmax(" + a + ") = " + result;
    case bp::OpKind::LogSoftmax: return y + " = log softmax(" + a + ") = " + result;
    case bp::OpKind::CrossEntropy: return y + " = " + kMinus + "\xCE\xA3 " + b + "\xC2\xB7log " + a + " = " + result;
    case bp::OpKind::SoftmaxCrossEntropy:
      return y + " = " + kMinus + "\xCE\xA3 " + b + "\xC2\xB7log softmax(" + a + ") = " + result;
    case bp::OpKind::Mse: return y + " = (1/n) \xCE\xA3 (" + a + " " + kMinus + " " + b + ")\xC2\xB2 = " + result;
  }
  return y + " = " + result;
}

std::string seed_formula(const GraphSnapshot& g) {
  if (g.root < 0) return "";
  return grad_symbol(g, g.root) + " = " + partial_symbol(g, g.root, g.root) + " = 1";
}

std::string edge_formula(const GraphSnapshot& g, int edge, bool accumulates) {
  const SnapshotEdge& e = g.edges[edge];
  const SnapshotNode& of = g.nodes[e.to];
  const std::string lhs = grad_symbol(g, e.from) + (accumulates ? " += " : " = ");
  const std::string chain = grad_symbol(g, e.to) + " \xC2\xB7 " + partial_symbol(g, e.to, e.from);
  const std::string result = v(edge_result(g, edge, accumulates));
  const std::string upstream = v(grad_of(g, e.to));
  // a loss op written without its ∇_l l = 1 factor when it is the loss itself
  const std::string times_upstream = e.to == g.root ? "" : grad_symbol(g, e.to) + " \xC2\xB7 ";
  if (!of.op) return lhs + chain + " = " + result;
  const std::string x = sym(g, e.from);
  const std::string y = sym(g, e.to);
  auto elementwise = [&](const std::string& derivative) {
    return lhs + grad_symbol(g, e.to) + " \xE2\x8A\x99 " + derivative + " = " + upstream + " \xE2\x8A\x99 " +
           v(elementwise_derivative(g, e.to)) + " = " + result;
  };
  switch (*of.op) {
    case bp::OpKind::MatVec:
      if (e.k == 0) {  // ∂(W·x)/∂W: the outer product of the gradient with x
        const int in = of.inputs[1];
        return lhs + chain + " = " + grad_symbol(g, e.to) + " \xE2\x8A\x97 " + sym(g, in) + " = " + upstream +
               " \xE2\x8A\x97 " + v(value_of(g, in)) + " = " + result;
      } else {  // ∂(W·x)/∂x = W
        const int W = of.inputs[0];
        return lhs + chain + " = " + grad_symbol(g, e.to) + " \xC2\xB7 " + sym(g, W) + " = " + upstream +
               " \xC2\xB7 " + v(value_of(g, W)) + " = " + result;
      }
    case bp::OpKind::Add: return lhs + chain + " = " + grad_symbol(g, e.to) + " = " + result;
    case bp::OpKind::Relu: return elementwise("1[" + x + ">0]");
    case bp::OpKind::LeakyRelu: return elementwise("LeakyReLU\xE2\x80\xB2(" + x + ")");
    case bp::OpKind::Sigmoid: return elementwise("\xCF\x83\xE2\x80\xB2(" + x + ")");
    case bp::OpKind::Tanh: return elementwise("tanh\xE2\x80\xB2(" + x + ")");
    case bp::OpKind::Identity: return lhs + grad_symbol(g, e.to) + " = " + result;
    case bp::OpKind::Softmax: {
      std::string text = lhs + chain + " = " + grad_symbol(g, e.to) + " \xC2\xB7 (diag(" + y + ") " + kMinus + " " + y +
                         " " + y + "\xE1\xB5\x80) = " + upstream + " \xC2\xB7 ";
      if (of.value.size() <= 4 && rules_apply(g, e.to))
        text += v(bp::op_rule<double>(*of.op).jacobian(args_of(g, e.to), of.value, 0, g.derivatives));
      else
        text += "(diag(" + y + ") " + kMinus + " " + y + " " + y + "\xE1\xB5\x80)";
      return text + " = " + result;
    }
    case bp::OpKind::CrossEntropy:
      if (e.k == 0) {
        const int label = of.inputs[1];
        return lhs + chain + " = " + times_upstream + kMinus + sym(g, label) + "/" + x + " = " + kMinus +
               v(value_of(g, label)) + " / " + v(value_of(g, e.from)) + " = " + result;
      }
      break;
    case bp::OpKind::SoftmaxCrossEntropy:
      if (e.k == 0) {
        const int label = of.inputs[1];
        const int s = [&] {  // the softmax read-out s = softmax(O) if the graph has one
          for (const SnapshotEdge& o : g.edges)
            if (o.from == e.from && g.nodes[o.to].op == bp::OpKind::Softmax) return o.to;
          return -1;
        }();
        const std::string s_name = s >= 0 ? sym(g, s) : "softmax(" + x + ")";
        const Eigen::MatrixXd s_value = s >= 0 ? value_of(g, s) : bp::softmax_of<double>(value_of(g, e.from));
        return lhs + chain + " = " + times_upstream + (times_upstream.empty() ? "" : "(") + s_name + " " + kMinus +
               " " + sym(g, label) + (times_upstream.empty() ? "" : ")") + " = " + v(s_value) + " " + kMinus + " " +
               v(value_of(g, label)) + " = " + result;
      }
      break;
    case bp::OpKind::Mse:
      if (e.k == 0) {
        const int label = of.inputs[1];
        return lhs + chain + " = " + times_upstream + "(2/n)(" + x + " " + kMinus + " " + sym(g, label) + ") = (2/" +
               std::to_string(value_of(g, e.from).size()) + ")\xC2\xB7(" + v(value_of(g, e.from)) + " " + kMinus +
               " " + v(value_of(g, label)) + ") = " + result;
      }
      break;
    case bp::OpKind::LogSoftmax: break;
  }
  return lhs + chain + " = " + result;
}

std::string sum_formula(const GraphSnapshot& g, int node) {
  std::vector<int> shares;
  for (int e : g.edges_out_of(node))
    if (g.carries_gradient(e)) shares.push_back(e);
  std::string terms, numbers;
  for (size_t i = 0; i < shares.size(); ++i) {
    const SnapshotEdge& e = g.edges[shares[i]];
    terms += (i ? " + " : "") + grad_symbol(g, e.to) + " \xC2\xB7 " + partial_symbol(g, e.to, node);
    numbers += (i ? " + " : "") + v(edge_contribution(g, shares[i]));
  }
  return grad_symbol(g, node) + " = " + terms + " = " + numbers + " = " + v(grad_of(g, node));
}

}  // namespace app::logic
