// evaluate(): build the graph in the requested precision, run the three gradient methods, compare.
#include "engine/evaluate.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/finite_differences.h"
#include "engine/jacobian_chain.h"
#include "engine/network.h"
#include "engine/number_format.h"

namespace bp {
namespace {

template <typename T>
Eigen::MatrixXd to_f64(const Mat<T>& m) { return m.template cast<double>(); }

bool is_vector_leaf(const std::string& name) { return name == "I" || name[0] == 'b'; }

// max |a − b| and the largest entry of either; with `skip_nan_b`, NaN entries of b are entries the
// method did not compute (the numeric sample). Any other NaN or inf makes the difference NaN.
struct Diff {
  double max_abs = 0, scale = 0;
};
Diff diff(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, bool skip_nan_b) {
  Diff d;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    if (skip_nan_b && std::isnan(b(i)) && std::isfinite(a(i))) continue;
    if (!std::isfinite(a(i)) || !std::isfinite(b(i))) {
      d.max_abs = d.scale = std::numeric_limits<double>::quiet_NaN();
      return d;
    }
    d.max_abs = std::max(d.max_abs, std::abs(a(i) - b(i)));
    d.scale = std::max({d.scale, std::abs(a(i)), std::abs(b(i))});
  }
  return d;
}

// Relative to each matrix's own largest entry, so 1e-19 gradients are judged as finely as 1e3
// ones; a matrix that is all zeros is judged against the largest gradient anywhere. `abs_floor`
// forgives differences below the method's own noise (finite differences: rounding of l over 2δ).
Agreement compare(const std::vector<NamedMatrix>& a, const std::vector<NamedMatrix>& b, double tolerance,
                  double abs_floor = 0, bool skip_nan_b = false) {
  Agreement ag;
  ag.tolerance = tolerance;
  ag.abs_floor = abs_floor;
  double global_scale = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const double scale = diff(a[i].value, b[i].value, skip_nan_b).scale;
    if (std::isfinite(scale)) global_scale = std::max(global_scale, scale);
  }
  for (size_t i = 0; i < a.size(); ++i) {
    const Diff d = diff(a[i].value, b[i].value, skip_nan_b);
    if (std::isnan(d.max_abs)) {  // inf/NaN from an overflow: the gradients cannot agree
      ag.max_abs = ag.max_rel = std::numeric_limits<double>::infinity();
      ag.ok = false;
      continue;
    }
    const double scale = d.scale > 0 ? d.scale : global_scale;
    ag.max_abs = std::max(ag.max_abs, d.max_abs);
    if (d.max_abs > 0) ag.max_rel = std::max(ag.max_rel, d.max_abs / scale);
    if (d.max_abs > tolerance * scale + abs_floor) ag.ok = false;
  }
  return ag;
}

bool has_non_finite(const Eigen::MatrixXd& m) { return !m.allFinite(); }

template <typename T>
std::string numeric_explanation(const State& s, const Report& r, const NumericGradients<T>& num) {
  std::vector<std::string> reasons;
  // 1. the naive loss saturated: l and every finite difference are exactly 0
  bool all_zero = true;
  for (const NamedMatrix& m : r.numeric)
    for (Eigen::Index i = 0; i < m.value.size(); ++i)
      if (!std::isnan(m.value(i)) && m.value(i) != 0) all_zero = false;
  if (s.head == Head::SoftmaxCE && s.loss_form == LossForm::Naive && all_zero)
    reasons.push_back(
        "the naive loss −Σ y·log s is flat here: the softmax saturates, s rounds to the label, so l = " +
        format_number(r.loss) +
        " and every finite difference is 0 while the true gradient is not; loss_form \"stable\" computes l "
        "from the logits and agrees");
  // 2. finite differences across a ReLU kink
  long kinks = 0;
  for (const Mat<T>& k : num.kinks) kinks += static_cast<long>(k.sum());
  if (kinks > 0)
    reasons.push_back(std::to_string(kinks) +
                      " entr" + (kinks == 1 ? "y's" : "ies'") +
                      " finite differences moved a pre-activation across 0, the kink of the activation, where "
                      "the derivative jumps (autodiff uses ReLU'(0) = 0)");
  // 3. the textbook derivatives cancelled
  if (s.softmax_backward == SoftmaxBackward::Textbook)
    reasons.push_back(
        "softmax_backward \"textbook\" computes s − y, diag(s) − s sᵀ, y(1 − y) and 1 − y² as PyTorch does, and "
        "those lose every digit where a probability or an activation rounds to 1; \"exact\" keeps them");
  // 4. float32 range
  if (s.precision == Precision::F32) {
    bool non_finite = false;
    for (const NamedMatrix& m : r.forward) non_finite = non_finite || has_non_finite(m.value);
    if (non_finite) reasons.push_back("a float32 value overflowed (inf/NaN in the forward pass)");
    else reasons.push_back("float32 finite differences carry rounding error of order ∛ε ≈ 5e-3 relative");
  }
  if (reasons.empty()) reasons.push_back("disagreement beyond the tolerance with no known cause");
  std::string text;
  for (const std::string& reason : reasons) text += (text.empty() ? "" : "; ") + reason;
  return text;
}

template <typename T>
Report evaluate_as(const State& s, const EvaluateOptions& options) {
  Report r;
  r.precision = s.precision;
  Network<T> net = build_network<T>(s);
  Graph<T>& g = net.graph;
  g.backward(net.loss);

  for (const Node<T>& n : g.nodes()) {
    GraphNodeReport gn{n.name, n.role, n.role == NodeRole::Computed ? op_name(n.op) : "", {}, n.on_loss_path};
    for (int in : n.inputs) gn.inputs.push_back(g[in].name);
    r.graph.push_back(std::move(gn));
    if (n.role == NodeRole::Computed)
      r.forward.push_back({n.name, to_f64(n.value), n.value.cols() == 1 && n.name != "l"});
  }
  r.loss = static_cast<double>(g[net.loss].value(0));
  for (const NamedMatrix& m : r.forward)
    if (has_non_finite(m.value))
      r.warnings.push_back(m.name + " is not finite (overflow in " + std::string(option_name(s.precision)) +
                           "): gradients through it are meaningless");

  for (const Node<T>& n : g.nodes())
    if (n.role == NodeRole::Computed && n.on_loss_path)
      r.node_grads.push_back({n.name, to_f64(n.grad), n.value.cols() == 1 && n.name != "l"});
  const std::vector<int> leaves = net.leaves();
  for (int leaf : leaves)
    r.autodiff.push_back({report_name(g[leaf].name), to_f64(g[leaf].grad), is_vector_leaf(g[leaf].name)});

  // manual: the Jacobian chain, independent of the VJP rules
  r.manual_skipped = options.manual ? jacobian_chain_skip_reason(g) : "not computed (switched off for this evaluation)";
  if (r.manual_skipped.empty()) {
    const JacobianChain<T> chain = jacobian_chain(g, net.loss);
    for (const LocalJacobian<T>& J : chain.factors) r.jacobians.push_back({g[J.of].name, g[J.wrt].name, to_f64(J.value)});
    for (int leaf : leaves) {
      const Node<T>& n = g[leaf];
      const Mat<T> row = chain.rows[leaf].size() ? chain.rows[leaf] : Mat<T>::Zero(1, n.value.size());
      r.manual.push_back({report_name(n.name), to_f64(unflatten_row_major(row, n.value.rows(), n.value.cols())),
                          is_vector_leaf(n.name)});
      if (n.role == NodeRole::Parameter && !is_vector_leaf(n.name))
        r.manual_flat.push_back({n.name, to_f64(row), true});
    }
    r.manual_vs_autodiff = compare(r.manual, r.autodiff, manual_tolerance(s.precision));
    r.manual_vs_autodiff.note = "hand-derived Jacobian chain vs reverse-mode autodiff, every entry";
  } else {
    r.manual_vs_autodiff.compared = false;
    r.manual_vs_autodiff.note = "manual Jacobian chain " + r.manual_skipped;
  }

  // numeric: finite differences
  if (!options.numeric) {
    r.numeric_vs_autodiff.compared = false;
    r.numeric_vs_autodiff.note = "finite differences not computed (switched off for this evaluation)";
    return r;
  }
  NumericGradients<T> num = numeric_gradients(net);
  for (size_t i = 0; i < leaves.size(); ++i)
    r.numeric.push_back({report_name(g[leaves[i]].name), to_f64(num.grads[i]), is_vector_leaf(g[leaves[i]].name)});
  r.numeric_checked = num.checked;
  r.numeric_total = num.total;
  r.numeric_relative_step = num.relative_step;
  // rounding noise of a difference quotient: ~ε·|l| / δ, with δ ≥ ∛ε (a safety factor of 10)
  const double eps = std::numeric_limits<T>::epsilon();
  const double noise = 10 * eps * std::abs(r.loss) / num.relative_step;
  r.numeric_vs_autodiff = compare(r.autodiff, r.numeric, numeric_tolerance(s.precision), noise, true);
  std::string coverage =
      num.checked == num.total
          ? "all " + std::to_string(num.total) + " entries"
          : "a deterministic sample of " + std::to_string(num.checked) + " of " + std::to_string(num.total) +
                " entries (evenly spaced, at least " + std::to_string(kNumericMinPerLeaf) +
                " per matrix: the network is too large to perturb every entry within budget)";
  r.numeric_vs_autodiff.note = "central differences, step " + format_number(num.relative_step, 2) +
                               "·max(1,|x|), " + coverage;
  if (!r.numeric_vs_autodiff.ok)
    r.numeric_vs_autodiff.note += ". Disagreement: " + numeric_explanation(s, r, num);
  return r;
}

}  // namespace

const NamedMatrix* Report::find_forward(const std::string& name) const {
  for (const NamedMatrix& m : forward)
    if (m.name == name) return &m;
  return nullptr;
}

double manual_tolerance(Precision p) { return p == Precision::F64 ? 1e-12 : 1e-5; }
double numeric_tolerance(Precision p) { return p == Precision::F64 ? 1e-6 : 2e-2; }

Report evaluate(const State& state, const EvaluateOptions& options) {
  return state.precision == Precision::F32 ? evaluate_as<float>(state, options) : evaluate_as<double>(state, options);
}

}  // namespace bp
