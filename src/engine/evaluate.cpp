// evaluate(): build the graph in the requested precision, run the three gradient methods, compare.
#include "engine/evaluate.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>

#include "engine/agreement.h"
#include "engine/finite_differences.h"
#include "engine/jacobian_chain.h"
#include "engine/network.h"
#include "engine/reasons.h"
#include "engine/number_format.h"

namespace bp {
namespace {

template <typename T>
Eigen::MatrixXd to_f64(const Mat<T>& m) { return m.template cast<double>(); }

bool is_vector_leaf(const std::string& name) { return name == "I" || name[0] == 'b'; }

bool has_non_finite(const Eigen::MatrixXd& m) { return !m.allFinite(); }

template <typename T>
long count_flags(const std::vector<Mat<T>>& flags, const std::vector<Mat<T>>* except = nullptr) {
  long n = 0;
  for (size_t i = 0; i < flags.size(); ++i)
    for (Eigen::Index k = 0; k < flags[i].size(); ++k)
      n += flags[i](k) != 0 && !(except && (*except)[i](k) != 0);
  return n;
}

std::string entries(long n) { return std::to_string(n) + (n == 1 ? " entry's" : " entries'"); }

// Why finite differences and autodiff disagree: each cause found, with the method it makes inaccurate.
template <typename T>
std::string numeric_explanation(const State& s, const Report& r, const NumericGradients<T>& num,
                                const std::vector<detail::MatrixFailure>& failures) {
  std::vector<std::string> reasons;
  // 0. a non-finite value: the gradient itself overflowed, or x ± δ / l(x ± δ) did
  for (const detail::MatrixFailure& f : failures)
    if (!f.a_finite)
      reasons.push_back("∇" + f.name + " is not finite in autodiff: the backward pass overflowed the " +
                        std::string(option_name(s.precision)) + " range (a non-finite value; autodiff is the inaccurate one)");
  if (const long n = count_flags(num.overflows))
    reasons.push_back(entries(n) + " finite differences overflowed: x ± δ or the loss there is beyond the " +
                      std::string(option_name(s.precision)) + " range (numeric is the inaccurate one)");
  // 1. the naive loss saturated: l and every finite difference are exactly 0
  bool all_zero = true;
  for (const NamedMatrix& m : r.numeric)
    for (Eigen::Index i = 0; i < m.value.size(); ++i)
      if (!std::isnan(m.value(i)) && m.value(i) != 0) all_zero = false;
  if (s.head == Head::SoftmaxCE && s.loss_form == LossForm::Naive && all_zero && std::isfinite(r.loss))
    reasons.push_back(
        "the naive loss −Σ y·log s is flat here: the softmax saturates, s rounds to the label, so l = " +
        format_number(r.loss) +
        " and every finite difference is 0 while the true gradient is not (numeric is the inaccurate one); "
        "loss_form \"stable\" computes l from the logits and agrees");
  // 1b. the naive loss near 0: −log s with s just below 1 keeps only an absolute ε of l
  else if (s.head == Head::SoftmaxCE && s.loss_form == LossForm::Naive && std::isfinite(r.loss) &&
           std::abs(r.loss) < 1e3 * std::numeric_limits<T>::epsilon())
    reasons.push_back("the naive loss −Σ y·log s is computed from s ≈ 1, where log loses all but an absolute ε "
                      "(cancellation: l = " + format_number(r.loss) + " carries an error of ~" +
                      format_number(double(std::numeric_limits<T>::epsilon()), 2) +
                      ", so numeric is the inaccurate one); loss_form \"stable\" computes l from the logits");
  // 2. finite differences across a ReLU kink (not counting the entries that overflowed)
  if (const long kinks = count_flags(num.kinks, &num.overflows))
    reasons.push_back(entries(kinks) +
                      " finite differences moved a pre-activation across 0, the kink of the activation, where "
                      "the derivative jumps (autodiff uses ReLU'(0) = 0; numeric is the inaccurate one there)");
  // 3. the textbook derivatives cancelled
  if (s.softmax_backward == SoftmaxBackward::Textbook)
    reasons.push_back(
        "softmax_backward \"textbook\" computes s − y, diag(s) − s sᵀ, y(1 − y) and 1 − y² as PyTorch does, and "
        "those lose every digit where a probability or an activation rounds to 1 (cancellation: autodiff and the "
        "manual chain are the inaccurate ones); \"exact\" keeps them");
  // 4. float32 range
  if (s.precision == Precision::F32) {
    bool non_finite = false;
    for (const NamedMatrix& m : r.forward) non_finite = non_finite || has_non_finite(m.value);
    if (non_finite) reasons.push_back("a float32 value overflowed (inf/NaN in the forward pass; no method is accurate)");
    else reasons.push_back("float32 finite differences carry rounding error of order ∛ε ≈ 5e-3 relative (numeric is the inaccurate one)");
  }
  if (reasons.empty())
    reasons.push_back(
        "beyond the tolerance and the rounding noise of l in " + detail::failed_names(failures) +
        (r.manual_vs_autodiff.compared && r.manual_vs_autodiff.ok
             ? ": autodiff and the manual chain agree, so numeric is the inaccurate one (the truncation error of a "
               "central difference, O(δ²), where the loss curves fast)"
             : ": no known cause; the truncation error of the finite differences, O(δ²), is the likeliest (numeric "
               "is then the inaccurate one)"));
  std::string text;
  for (const std::string& reason : reasons) text += (text.empty() ? "" : "; ") + reason;
  return text;
}

// One warning per matrix with a non-finite entry, naming it, the method and where the overflow began.
template <typename T>
void warn_non_finite(const State& s, const Graph<T>& g, Report& r) {
  const std::string range = std::string(option_name(s.precision)) + " range";
  for (const NamedMatrix& m : r.forward)
    if (has_non_finite(m.value))
      r.warnings.push_back(m.name + " is not finite (overflow in " + std::string(option_name(s.precision)) +
                           "): gradients through it are meaningless");
  // the backward pass: the first gradient (from l back) that is not finite is where it overflowed
  std::string origin;
  for (int i = g.size() - 1; i >= 0 && origin.empty(); --i)
    if (g[i].role == NodeRole::Computed && g[i].on_loss_path && !g[i].grad.allFinite()) origin = g[i].name;
  for (const NamedMatrix& m : r.node_grads)
    if (has_non_finite(m.value))
      r.warnings.push_back("∇" + m.name + " is not finite (autodiff" +
                           (m.name == origin ? std::string(": the backward pass overflows the ") + range + " here"
                                             : ": computed from ∇" + origin) + ")");
  const auto methods = {std::make_pair("autodiff", &r.autodiff), std::make_pair("manual", &r.manual)};
  for (const auto& [method, list] : methods)
    for (const NamedMatrix& m : *list)
      if (has_non_finite(m.value))
        r.warnings.push_back("∇" + m.name + " (" + method + ") is not finite: " +
                             (origin.empty() ? "an overflow past the " + range : "the backward pass overflowed at ∇" + origin));
}

// manual vs autodiff, once the finite differences (the arbiter when they disagree) are known
void finish_manual(Report& r, const State& s, const std::vector<Eigen::MatrixXd>& floors) {
  if (!r.manual_vs_autodiff.compared) return;
  const detail::Comparison c = detail::compare_methods(r.manual, r.autodiff, manual_tolerance(s.precision), 0, floors, false);
  r.manual_vs_autodiff = c.agreement;
  r.manual_vs_autodiff.note = "hand-derived Jacobian chain vs reverse-mode autodiff, every entry, above the rounding "
                              "noise of their sums (4·n·ε·Σ|terms| per entry, n the entries on the chain)";
  if (!c.agreement.ok)
    r.manual_vs_autodiff.note += ". Disagreement: " + detail::manual_disagreement(c.failures, r.manual, r.autodiff, r.numeric);
}

// One evaluation in phases: forward + autodiff at construction, then the manual chain, then the
// finite differences in chunks, then the comparisons. evaluate() runs them all at once, the app
// spreads them over frames; both end in the same Report.
template <typename T>
class Phased : public Evaluation::Impl {
 public:
  Phased(const State& s, const EvaluateOptions& options) : s_(s), options_(options), net_(build_network<T>(s)) {
    Graph<T>& g = net_.graph;
    g.backward(net_.loss);
    r_.precision = s.precision;
    for (const Node<T>& n : g.nodes()) {
      GraphNodeReport gn{n.name, n.role, n.role == NodeRole::Computed ? op_name(n.op) : "", {}, n.on_loss_path};
      for (int in : n.inputs) gn.inputs.push_back(g[in].name);
      r_.graph.push_back(std::move(gn));
      if (n.role == NodeRole::Computed)
        r_.forward.push_back({n.name, to_f64(n.value), n.value.cols() == 1 && n.name != "l"});
    }
    r_.loss = static_cast<double>(g[net_.loss].value(0));
    for (const Node<T>& n : g.nodes())
      if (n.role == NodeRole::Computed && n.on_loss_path)
        r_.node_grads.push_back({n.name, to_f64(n.grad), n.value.cols() == 1 && n.name != "l"});
    leaves_ = net_.leaves();
    for (int leaf : leaves_)
      r_.autodiff.push_back({report_name(g[leaf].name), to_f64(g[leaf].grad), is_vector_leaf(g[leaf].name)});
    r_.manual_skip = options.manual ? jacobian_chain_skip(g) : ManualSkip{ManualSkip::Reason::Off, "", 0};
    manual_due_ = !r_.manual_skip.skipped();
    if (!manual_due_) {
      r_.manual_vs_autodiff.compared = false;
      r_.manual_vs_autodiff.note = "manual Jacobian chain " + manual_skip_text(r_.manual_skip);
    }
    if (options.numeric) numeric_ = std::make_unique<NumericRun<T>>(net_);
    publish();
  }

  bool done() const override { return finished_; }
  bool chain_due() const override { return manual_due_; }

  void step(double budget_ms) override {
    const auto start = std::chrono::steady_clock::now();
    const auto elapsed_ms = [&] {
      return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    };
    if (manual_due_) {
      run_manual();
      manual_due_ = false;
      if (elapsed_ms() >= budget_ms) return publish();
    }
    // finite differences a few entries at a time until the budget is spent
    bool differenced = false;
    while (numeric_ && !numeric_done_) {
      numeric_done_ = numeric_->step(8);
      differenced = true;
      if (elapsed_ms() >= budget_ms) break;
    }
    // the comparisons (an O(entries) pass of their own, 8 × 256: half a million) get the next
    // step to themselves when this one has spent its budget on finite differences
    if (numeric_ && (!numeric_done_ || (differenced && elapsed_ms() >= budget_ms / 2))) return publish();
    finish();
  }

  // built when asked, not at every step: the app asks once per new part, and for a big network
  // the copy and its comparisons cost more than a step's finite differences
  const Report& report() const override {
    if (shown_stale_) build_shown();
    return shown_;
  }

  std::string pending() const override {
    if (finished_) return "";
    const std::string manual = manual_due_ ? why(Why::pending_manual) : "";
    const std::string numeric =
        numeric_ && !numeric_done_
            ? why(Why::pending_numeric, {{"checked", std::to_string(numeric_->result.checked)},
                                         {"total", std::to_string(numeric_->planned())}})
            : "";
    if (!manual.empty() && !numeric.empty()) return why(Why::pending_both, {{"manual", manual}, {"numeric", numeric}});
    return !manual.empty() ? manual : !numeric.empty() ? numeric : why(Why::pending_comparison);
  }

 private:
  void run_manual() {
    const Graph<T>& g = net_.graph;
    const JacobianChain<T> chain = jacobian_chain(g, net_.loss);
    // a sum of n terms is off by at most about n·ε·Σ|terms|; n is bounded by the entries the chain passes
    double terms = 0;
    for (const Node<T>& n : g.nodes())
      if (n.role == NodeRole::Computed) terms += double(n.value.size());
    const double noise = 4 * terms * std::numeric_limits<T>::epsilon();
    for (const LocalJacobian<T>& J : chain.factors) r_.jacobians.push_back({g[J.of].name, g[J.wrt].name, to_f64(J.value)});
    for (int leaf : leaves_) {
      const Node<T>& n = g[leaf];
      const Mat<T> row = chain.rows[leaf].size() ? chain.rows[leaf] : Mat<T>::Zero(1, n.value.size());
      r_.manual.push_back({report_name(n.name), to_f64(unflatten_row_major(row, n.value.rows(), n.value.cols())),
                           is_vector_leaf(n.name)});
      const Mat<T> magnitude = chain.magnitudes[leaf].size() ? chain.magnitudes[leaf] : Mat<T>::Zero(1, n.value.size());
      manual_floors_.push_back(noise * to_f64(unflatten_row_major(magnitude, n.value.rows(), n.value.cols())));
      if (n.role == NodeRole::Parameter && !is_vector_leaf(n.name))
        r_.manual_flat.push_back({n.name, to_f64(row), true});
    }
  }

  void publish() {
    shown_stale_ = true;
    if (!numeric_) finished_ = !manual_due_;
  }

  // the report so far: what is not computed yet is not compared, and its note says so
  void build_shown() const {
    shown_stale_ = false;
    shown_ = r_;
    if (!numeric_) {
      shown_.numeric_vs_autodiff.compared = false;
      shown_.numeric_vs_autodiff.note = "finite differences not computed (switched off for this evaluation)";
    } else {
      shown_.numeric_vs_autodiff.compared = false;
      shown_.numeric_vs_autodiff.note = "finite differences being computed (" + std::to_string(numeric_->result.checked) +
                                        " of " + std::to_string(numeric_->planned()) + " entries)";
    }
    if (manual_due_) {
      shown_.manual_vs_autodiff.compared = false;
      shown_.manual_vs_autodiff.note = "manual Jacobian chain being computed";
    } else {
      finish_manual(shown_, s_, manual_floors_);
    }
    warn_non_finite(s_, net_.graph, shown_);
  }

  void finish() {
    if (!numeric_) return publish();
    const Graph<T>& g = net_.graph;
    const NumericGradients<T>& num = numeric_->result;
    Report& r = r_;
    for (size_t i = 0; i < leaves_.size(); ++i)
      r.numeric.push_back({report_name(g[leaves_[i]].name), to_f64(num.grads[i]), is_vector_leaf(g[leaves_[i]].name)});
    r.numeric_checked = num.checked;
    r.numeric_total = num.total;
    r.numeric_relative_step = num.relative_step;
    // rounding noise of a difference quotient: ~ε·|l| / δ, with δ ≥ ∛ε (a safety factor of 10);
    // a loss in the denormal range is rounded to a multiple of the smallest denormal instead
    const double eps = std::numeric_limits<T>::epsilon();
    const double l_noise = std::max(eps * std::abs(r.loss), double(std::numeric_limits<T>::denorm_min()));
    const double noise = 10 * l_noise / num.relative_step;
    const detail::Comparison numeric = detail::compare_methods(r.autodiff, r.numeric, numeric_tolerance(s_.precision), noise, {}, true);
    r.numeric_vs_autodiff = numeric.agreement;
    std::string coverage =
        num.checked == num.total
            ? "all " + std::to_string(num.total) + " entries"
            : "a deterministic sample of " + std::to_string(num.checked) + " of " + std::to_string(num.total) +
                  " entries (evenly spaced, at least " + std::to_string(kNumericMinPerLeaf) +
                  " per matrix: the network is too large to perturb every entry within budget)";
    r.numeric_vs_autodiff.note = "central differences, step " + format_number(num.relative_step, 2) +
                                 "·max(1,|x|), " + coverage;
    if (r.manual_vs_autodiff.compared) finish_manual(r, s_, manual_floors_);  // before: its verdict is evidence below
    if (!r.numeric_vs_autodiff.ok)
      r.numeric_vs_autodiff.note += ". Disagreement: " + numeric_explanation(s_, r, num, numeric.failures);
    warn_non_finite(s_, g, r);
    for (size_t i = 0; i < leaves_.size(); ++i)
      if (count_flags(std::vector<Mat<T>>{num.overflows[i]}))
        r.warnings.push_back("∇" + report_name(g[leaves_[i]].name) +
                             " (numeric) has entries whose finite differences overflowed (x ± δ or l(x ± δ) beyond the " +
                             std::string(option_name(s_.precision)) + " range)");
    shown_ = std::move(r_);  // r_ is done with
    shown_stale_ = false;
    finished_ = true;
  }

  State s_;
  EvaluateOptions options_;
  Network<T> net_;
  std::vector<int> leaves_;
  Report r_;
  mutable Report shown_;             // r_ as report() shows it (see build_shown)
  mutable bool shown_stale_ = true;
  std::vector<Eigen::MatrixXd> manual_floors_;  // per entry: the rounding noise either method can have
  std::unique_ptr<NumericRun<T>> numeric_;
  bool manual_due_ = false, numeric_done_ = false, finished_ = false;
};

}  // namespace

const NamedMatrix* Report::find_forward(const std::string& name) const {
  for (const NamedMatrix& m : forward)
    if (m.name == name) return &m;
  return nullptr;
}

double manual_tolerance(Precision p) { return p == Precision::F64 ? 1e-12 : 1e-5; }
double numeric_tolerance(Precision p) { return p == Precision::F64 ? 1e-6 : 2e-2; }

Evaluation::Evaluation(const State& state, const EvaluateOptions& options)
    : impl_(state.precision == Precision::F32 ? std::unique_ptr<Impl>(new Phased<float>(state, options))
                                              : std::unique_ptr<Impl>(new Phased<double>(state, options))) {}
Evaluation::~Evaluation() = default;
Evaluation::Evaluation(Evaluation&&) noexcept = default;
Evaluation& Evaluation::operator=(Evaluation&&) noexcept = default;
bool Evaluation::done() const { return impl_->done(); }
void Evaluation::step(double budget_ms) { impl_->step(budget_ms); }
const Report& Evaluation::report() const { return impl_->report(); }
std::string Evaluation::pending() const { return impl_->pending(); }
bool Evaluation::chain_due() const { return impl_->chain_due(); }

Report evaluate(const State& state, const EvaluateOptions& options) {
  Evaluation e(state, options);
  while (!e.done()) e.step(std::numeric_limits<double>::infinity());
  return e.report();
}

}  // namespace bp
