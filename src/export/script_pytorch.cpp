// The PyTorch script: the network's tensors, the forward pass written the way PyTorch users
// write it, .backward(), and what PyTorch's own numbers lose on this network and why.
#include <algorithm>
#include <cmath>

#include "engine/evaluate.h"
#include "engine/number_format.h"
#include "export/matrix_literal.h"
#include "export/notebook_script.h"
#include "export/script_text.h"

namespace bp {
namespace {

const char* kWhySoftmax =
    "- softmax + cross-entropy: PyTorch's backward computes ∇_O l = s − y. Where a class's\n"
    "  probability s_k rounds to 1 (a saturated softmax), s_k − 1 gives 0 instead of the true\n"
    "  −Σ_{j≠k} s_j, and that component of ∇_O l is lost, with all that the chain carries from it\n"
    "  (on the exercise: ∇W1 l's second row is 0 and ∇W0 l is 25 % low). Backprop Lab computes\n"
    "  1 − s_k as Σ_{j≠k} s_j (softmax_backward = exact); its softmax_backward = textbook mode\n"
    "  computes s − y as PyTorch does and reproduces these numbers.\n"
    "- the loss: log-softmax takes log(Σ_j e^{O_j − max O}) = log(1 + tiny), and 1 + tiny rounds to\n"
    "  1, so a loss of 1e-19 prints as 0 (exact: log1p of the other terms). loss_form naive,\n"
    "  −Σ y·log(softmax(O)), is the exercise's formula: log(s_k) of an s_k that rounded to 1 is 0.\n";
const char* kWhySaturating =
    "- sigmoid and tanh: PyTorch's backward uses y(1 − y) and 1 − y², which become 0 once y\n"
    "  rounds to 1 (exact: σ(x)σ(−x) and 1/cosh²x; softmax_backward = textbook reproduces them).\n";

// Why PyTorch's numbers can differ, for what this network uses ("" when nothing can).
std::string why(const State& s) {
  std::string out;
  if (s.head == Head::SoftmaxCE) out += kWhySoftmax;
  if (s.layers() > 1 && (s.activation == Activation::Sigmoid || s.activation == Activation::Tanh))
    out += kWhySaturating;
  return out.empty() ? "" : "Where PyTorch's numbers differ from the exact ones, and why\n" + out + "\n";
}

const NamedMatrix* find(const std::vector<NamedMatrix>& v, const std::string& name) {
  for (const auto& m : v)
    if (m.name == name) return &m;
  return nullptr;
}

// PyTorch's log-softmax loss, Σ y_i (m − O_i) + Σy·log(Σ_j e^{O_j − m}), in the state's precision
template <typename T>
double torch_like_loss(const Eigen::MatrixXd& O, const Eigen::VectorXd& y) {
  T m = static_cast<T>(O(0));
  for (Eigen::Index j = 1; j < O.size(); ++j) m = std::max(m, static_cast<T>(O(j)));
  T sum = 0, linear = 0, total = 0;
  for (Eigen::Index j = 0; j < O.size(); ++j) {
    const T o = static_cast<T>(O(j)), yj = static_cast<T>(y(j));
    sum += std::exp(o - m), linear += yj * (m - o), total += yj;
  }
  return static_cast<double>(linear + total * std::log(sum));
}

// [a, b, …] to 5 digits (row-major), for a comment
std::string flat(const Eigen::MatrixXd& m) {
  std::string out;
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) out += (out.empty() ? "" : ", ") + format_number(m(i, j), 5);
  return "[" + out + "]";
}

// What PyTorch will print differently from the exact numbers on this network, one line each.
std::string differences(const State& state) {
  State exact = state, textbook = state;
  exact.softmax_backward = SoftmaxBackward::Exact;
  textbook.softmax_backward = SoftmaxBackward::Textbook;
  const EvaluateOptions cheap{false, false};  // the forward pass and autodiff are all it needs
  const Report e = evaluate(exact, cheap), t = evaluate(textbook, cheap);
  std::string out;
  if (state.head == Head::SoftmaxCE) {
    const NamedMatrix* O = e.find_forward("O");
    State stable = exact;
    stable.loss_form = LossForm::Stable;
    const double exact_loss = evaluate(stable, cheap).loss;
    const double torch_loss = state.loss_form == LossForm::Naive ? t.loss
                              : state.precision == Precision::F64 ? torch_like_loss<double>(O->value, state.label)
                                                                  : torch_like_loss<float>(O->value, state.label);
    if (std::abs(torch_loss - exact_loss) > 1e-6 * std::abs(exact_loss))
      out += "- l: PyTorch prints " + format_number(torch_loss, 6) + ", the exact loss is " +
             format_number(exact_loss, 6) + "\n";
  }
  for (const NamedMatrix& g : e.autodiff) {
    const NamedMatrix* p = find(t.autodiff, g.name);
    if (!p) continue;
    const std::string name = g.name == "input" ? "I" : g.name;
    const double scale = g.value.cwiseAbs().maxCoeff();
    long lost = 0;
    double worst = 0;
    for (Eigen::Index i = 0; i < g.value.size(); ++i) {
      if (p->value(i) == 0 && g.value(i) != 0) ++lost;
      if (scale > 0) worst = std::max(worst, std::abs(p->value(i) - g.value(i)) / scale);
    }
    if (lost)
      out += "- " + name + ".grad: " + std::to_string(lost) + " of " + std::to_string(g.value.size()) +
             " entries come out 0 that are not" + (g.value.size() <= 8 ? " (exact: " + flat(g.value) + ")" : "") + "\n";
    else if (worst > 1e-6)
      out += "- " + name + ".grad: off by up to " + format_number(100 * worst, 3) + " % of its largest entry\n";
  }
  if (out.empty()) return "On this network PyTorch's numbers agree with the exact ones (to 1e-6 of each gradient's largest entry).\n";
  return "On this network (softmax_backward = exact vs PyTorch, by Backprop Lab when it wrote this script):\n" + out;
}

const char* activation(Activation a) {
  switch (a) {
    case Activation::Relu: return "torch.relu({{h}})";
    case Activation::LeakyRelu: return "F.leaky_relu({{h}}, 0.01)";
    case Activation::Sigmoid: return "torch.sigmoid({{h}})";
    case Activation::Tanh: return "torch.tanh({{h}})";
    case Activation::Identity: break;
  }
  return "{{h}}";
}

}  // namespace

std::string pytorch_script(const State& s) {
  const bool f64 = s.precision == Precision::F64;
  std::string py = script::comment(
      "Backprop Lab: this network in PyTorch — the same tensors, the forward pass, .backward(), and\n"
      "PyTorch's own numbers for l and every gradient. Run: python3 " + std::string(script_file_name(ScriptFormat::PyTorch)) + "\n"
      "Network: " + script::describe(s) + ".\n"
      "The last line printed is one JSON object: {\"l\": …, \"grad\": {\"W0\": [[…]], …, \"I\": […]}}.\n\n" +
      why(s) + differences(s));
  py += "import math\n\nimport torch\nimport torch.nn.functional as F\n\n";
  py += std::string("dtype = torch.") + (f64 ? "float64" : "float32") + "\n\n";
  py += "# I, the parameters and y: every number reads back as exactly the one Backprop Lab uses\n";
  for (const script::Leaf& leaf : script::leaves(s))
    py += leaf.name + " = torch.tensor(" + python_list(leaf.value, leaf.vector, s.precision) + ", dtype=dtype" +
          (leaf.parameter ? ", requires_grad=True" : "") + ")" + (leaf.name == "y" ? "  # the label\n" : "\n");

  py += "\n# forward\n" + script::forward_layers(s, activation, "");
  if (s.head == Head::Mse) {
    py += "l = F.mse_loss(O, y)  # (1/n) Σ (O − y)²\n";
  } else {
    py += "s = torch.softmax(O, dim=0)\n";
    py += s.loss_form == LossForm::Stable
              ? "l = F.cross_entropy(O.unsqueeze(0), y.unsqueeze(0))  # from the logits; y as class probabilities\n"
              : "seen = y != 0  # 0·log 0 counts as 0: classes with y = 0 are left out\n"
                "l = -(y[seen] * torch.log(s[seen])).sum()  # −Σ y·log s, the exercise's formula\n";
  }
  py += "\n# backward: fills .grad of every tensor made with requires_grad=True\nl.backward()\n\n";
  py += "print(\"l =\", l.item())\n";
  std::vector<std::pair<std::string, std::string>> grads;
  for (const script::Leaf& leaf : script::leaves(s))
    if (leaf.parameter) {
      py += "print(\"" + leaf.name + ".grad =\", " + leaf.name + ".grad)\n";
      grads.push_back({leaf.name, leaf.name + ".grad"});
    }
  return py + script::json_last_line("l", grads);
}

}  // namespace bp
