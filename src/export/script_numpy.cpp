// The NumPy script: the exercise's own method. Every local Jacobian is an explicit matrix
// (∂s/∂O = diag(s) − s sᵀ, ∂L/∂h = diag(1[h > 0]), ∂h/∂W0 with Iᵀ in row i, …), multiplied along
// the chain from l back; each weight's flat 1×(n·m) row is reshaped row-major. The formulas are
// the engine's exact ones (src/engine/ops_*.cpp), so the gradients equal Backprop Lab's.
#include "export/matrix_literal.h"
#include "export/notebook_script.h"
#include "export/script_text.h"

namespace bp {
namespace {

const char* kHelpers = R"(
def show(name, value):
    print("%s %s =" % (name, "x".join(str(n) for n in np.shape(value)) or "scalar"))
    print(value)


def softmax(x):
    e = np.exp(x - x.max())
    return e / e.sum()


def others(v):
    """Σ_{j≠i} v_j for every i, as a prefix plus a suffix sum: 1 − s_i written this way keeps
    s_i's complement even when s_i rounds to 1 (1 − s_i itself would be 0 there)."""
    prefix = np.concatenate((np.zeros(1, dtype), np.cumsum(v)[:-1]))
    suffix = np.concatenate((np.cumsum(v[::-1])[::-1][1:], np.zeros(1, dtype)))
    return prefix + suffix


def d_weight(x, n):
    """∂(W·x)/∂W for an n×m matrix W flattened row-major: n × (n·m), row i holds xᵀ in the
    columns of W's row i (i·m … i·m + m − 1)."""
    m = x.size
    J = np.zeros((n, n * m), dtype)
    for i in range(n):
        J[i, i * m:(i + 1) * m] = x
    return J
)";

const char* kSigmoid = R"(

def sigmoid(x):
    """1/(1 + e^−x) in two branches, so that e^−x never overflows (np.where computes both: the
    branch not taken may overflow, harmlessly)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))
)";

const char* kTanh = R"(

def d_tanh(x):
    """tanh′ = 1/cosh²x, not 1 − tanh² (which rounds to 0); cosh overflows to inf where the true
    slope underflows, giving its limit 0."""
    with np.errstate(over="ignore"):
        c = np.cosh(x)
    return 1 / (c * c)
)";

// f(h) and the local Jacobian ∂L/∂h = diag(f′(h)) of a hidden layer, exact as the engine's
const char* activation(Activation a) {
  switch (a) {
    case Activation::Relu: return "np.where({{h}} > 0, {{h}}, 0).astype(dtype)";
    case Activation::LeakyRelu: return "np.where({{h}} > 0, {{h}}, dtype(0.01) * {{h}})";
    case Activation::Sigmoid: return "sigmoid({{h}})";
    case Activation::Tanh: return "np.tanh({{h}})";
    case Activation::Identity: break;
  }
  return "{{h}}";
}

const char* activation_jacobian(Activation a) {
  switch (a) {
    case Activation::Relu: return "np.diag(({{h}} > 0).astype(dtype))  # diag(1[{{h}} > 0])";
    case Activation::LeakyRelu: return "np.diag(np.where({{h}} > 0, 1, 0.01).astype(dtype))  # diag(1 or 0.01)";
    case Activation::Sigmoid:
      return "np.diag(sigmoid({{h}}) * sigmoid(-{{h}}))  # σ′ = σ(x)σ(−x), not σ(1 − σ): no 1 − σ that rounds to 0";
    case Activation::Tanh: return "np.diag(d_tanh({{h}}))  # tanh′ = 1/cosh²";
    case Activation::Identity: break;
  }
  return "np.eye({{h}}.size, dtype=dtype)";
}

// one layer's chain, from ∇_out l back: ∂out/∂W (and ∂out/∂b), then ∂out/∂x and ∂x/∂pre
const char* kWeight = R"(
d{{out}}_dW{{i}} = d_weight({{x}}, {{n}})  # ∂{{out}}/∂W{{i}}: {{n}}×{{nm}}, row i holds {{x}}ᵀ
show("∂{{out}}/∂W{{i}}", d{{out}}_dW{{i}})
grad_W{{i}} = (grad_{{out}} @ d{{out}}_dW{{i}}).reshape({{n}}, {{m}})  # the flat 1×{{nm}} row, reshaped row-major
show("∇_W{{i}} l", grad_W{{i}})
)";
const char* kBias = R"(d{{out}}_db{{i}} = np.eye({{n}}, dtype=dtype)  # ∂{{out}}/∂b{{i}} = identity
grad_b{{i}} = (grad_{{out}} @ d{{out}}_db{{i}}).reshape(-1)
show("∇_b{{i}} l", grad_b{{i}})
)";
const char* kInput = R"(d{{out}}_d{{x}} = W{{i}}  # ∂{{out}}/∂{{x}} = W{{i}}
show("∂{{out}}/∂{{x}}", d{{out}}_d{{x}})
grad_{{x}} = grad_{{out}} @ d{{out}}_d{{x}}
show("∇_{{x}} l", grad_{{x}})
)";
const char* kActivationBack = R"(d{{x}}_d{{h}} = {{J}}
show("∂{{x}}/∂{{h}}", d{{x}}_d{{h}})
grad_{{h}} = grad_{{x}} @ d{{x}}_d{{h}}
show("∇_{{h}} l", grad_{{h}})
)";

// the loss l from O and y, and the first row of the chain, grad_O = ∇_O l
std::string head(const State& s) {
  if (s.head == Head::Mse)
    return "n = dtype(O.size)\n"
           "l = np.sum((O - y) ** 2) / n  # (1/n) Σ (O − y)²\n"
           "show(\"l\", l)\n\n"
           "# backward, from l\n"
           "dl_dO = (dtype(2) / n * (O - y)).reshape(1, -1)  # ∂l/∂O = 2(O − y)ᵀ/n\n"
           "show(\"∂l/∂O\", dl_dO)\n"
           "grad_O = dl_dO\n";
  std::string py =
      "s = softmax(O)\n"
      "show(\"s\", s)\n"
      "# ∂s/∂O = diag(s) − s sᵀ, its diagonal s_i(1 − s_i) written s_i Σ_{j≠i} s_j (others)\n"
      "ds_dO = -np.outer(s, s)\n"
      "np.fill_diagonal(ds_dO, s * others(s))\n";
  if (s.loss_form == LossForm::Naive)
    return py +
           "with np.errstate(divide=\"ignore\", invalid=\"ignore\"):\n"
           "    l = -np.sum(np.where(y != 0, y * np.log(s), 0))  # −Σ y·log s, the exercise's formula (0·log 0 = 0)\n"
           "    dl_ds = np.where(y != 0, -y / s, 0).astype(dtype).reshape(1, -1)  # ∂l/∂s = −y/s\n"
           "show(\"l\", l)\n\n"
           "# backward, from l: every local Jacobian, then the chain product it completes\n"
           "show(\"∂l/∂s\", dl_ds)\n"
           "show(\"∂s/∂O\", ds_dO)\n"
           "grad_O = dl_ds @ ds_dO  # ∇_O l = ∂l/∂s · ∂s/∂O\n"
           "show(\"∇_O l\", grad_O)\n";
  return py +
         "# l = −Σ y·log s in the stable form, from the logits: with m = max O (at k),\n"
         "# l = Σ y_i (m − O_i) + Σy·log1p(Σ_{j≠k} e^{O_j − m})  (every term ≥ 0; log(1 + 1e-19) would give 0)\n"
         "k = int(np.argmax(O))\n"
         "m = O[k]\n"
         "rest = np.sum(np.delete(np.exp(O - m), k))\n"
         "l = np.sum(y * (m - O)) + y.sum() * np.log1p(rest)\n"
         "show(\"l\", l)\n\n"
         "# backward, from l: every local Jacobian, then the chain product it completes\n"
         "# ∂l/∂O = (∂l/∂s · ∂s/∂O, fused) = s − y, written s_i Σ_{j≠i} y_j − y_i Σ_{j≠i} s_j so that\n"
         "# no component is lost where s_i rounds to 1 (PyTorch's s − y gives 0 there)\n"
         "show(\"∂s/∂O\", ds_dO)\n"
         "dl_dO = (s * others(y) - y * others(s)).reshape(1, -1)\n"
         "show(\"∂l/∂O\", dl_dO)\n"
         "grad_O = dl_dO\n";
}

}  // namespace

std::string numpy_script(const State& s) {
  const int K = s.layers();
  const bool f64 = s.precision == Precision::F64;
  std::string py = script::comment(
      "Backprop Lab: this network in NumPy, by the exercise's own method — every local Jacobian as a\n"
      "matrix, multiplied along the chain from l back, each weight's flat 1×(n·m) row reshaped\n"
      "row-major. The formulas are Backprop Lab's exact ones, so the gradients are its exact gradients\n"
      "(also where PyTorch's s − y loses a component). Run: python3 " +
      std::string(script_file_name(ScriptFormat::NumPy)) + "\n"
      "Network: " + script::describe(s) + ".\n"
      "Layout: a Jacobian ∂a/∂b has a row per entry of a and a column per entry of b (a matrix b\n"
      "flattened row-major); ∇_b l is the 1×|b| row ∂l/∂b.\n"
      "The last line printed is one JSON object: {\"l\": …, \"grad\": {\"W0\": [[…]], …, \"I\": […]}}.");
  py += "import math\n\nimport numpy as np\n\n";
  py += std::string("dtype = np.") + (f64 ? "float64" : "float32") + "\n\n";
  py += "# I, the parameters and y: every number reads back as exactly the one Backprop Lab uses\n";
  for (const script::Leaf& leaf : script::leaves(s))
    py += leaf.name + " = np.array(" + python_list(leaf.value, leaf.vector, s.precision) + ", dtype)" +
          (leaf.name == "y" ? "  # the label\n" : "\n");
  py += kHelpers;
  if (s.activation == Activation::Sigmoid && K > 1) py += kSigmoid;
  if (s.activation == Activation::Tanh && K > 1) py += kTanh;

  py += "\n\n# forward\n" + script::forward_layers(s, activation, "show(\"{{v}}\", {{v}})\n");
  py += head(s);

  for (int k = K - 1; k >= 0; --k) {
    const script::Vars vars = {{"out", script::layer_output(k, K)}, {"x", script::layer_input(k, K)},
                               {"i", std::to_string(k)}, {"n", std::to_string(s.weights[k].rows())},
                               {"m", std::to_string(s.weights[k].cols())}, {"nm", std::to_string(s.weights[k].size())}};
    py += script::fill(kWeight, vars);
    if (s.biases[k]) py += script::fill(kBias, vars);
    py += script::fill(kInput, vars);
    if (k > 0) {
      const std::string h = script::layer_output(k - 1, K);
      py += script::fill(kActivationBack, {{"x", script::layer_input(k, K)}, {"h", h},
                                           {"J", script::fill(activation_jacobian(s.activation), {{"h", h}})}});
    }
  }
  py += "grad_I = grad_I.reshape(-1)\n";

  std::vector<std::pair<std::string, std::string>> grads;
  for (const script::Leaf& leaf : script::leaves(s))
    if (leaf.parameter) grads.push_back({leaf.name, "grad_" + leaf.name});
  return py + script::json_last_line("l", grads);
}

}  // namespace bp
