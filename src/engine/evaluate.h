// One evaluation of a State: forward values, local Jacobians and the gradients of every weight,
// bias and the input computed three ways, with their agreement measured and explained.
// A Report is plain data in float64 (whatever the precision used), shared by CLI, tests and app.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "engine/graph.h"
#include "engine/jacobian_chain.h"
#include "engine/state.h"

namespace bp {

struct NamedMatrix {
  std::string name;       ///< "h", "W0", "input", …
  Eigen::MatrixXd value;  ///< n×1 for vectors, 1×1 for the loss
  bool is_vector = false; ///< printed flat (vectors and biases) rather than as rows
};

struct JacobianReport {
  std::string of, wrt;    ///< ∂of/∂wrt
  Eigen::MatrixXd value;  ///< |of| × |wrt|, row-major layout
};

/// One pairwise comparison of gradient methods, over every weight, bias and the input.
struct Agreement {
  double max_abs = 0;    ///< max |a − b| over all entries
  double max_rel = 0;    ///< max over matrices of max|a − b| / max(|a|, |b|) within that matrix
  double tolerance = 0;  ///< the bound on max_rel for this precision
  double abs_floor = 0;  ///< differences below this are noise of the method (finite differences)
  bool ok = true;        ///< every matrix: max|a − b| ≤ tolerance·max(|a|, |b|) + abs_floor
  bool compared = true;  ///< false when one side was not computed (see the note)
  std::string note;      ///< what was compared, and why they disagree when they do
};

struct GraphNodeReport {
  std::string name;
  NodeRole role = NodeRole::Computed;
  std::string op;                   ///< "" for leaves
  std::vector<std::string> inputs;  ///< node names
  bool on_loss_path = false;
};

struct Report {
  Precision precision = Precision::F64;
  std::vector<NamedMatrix> forward;  ///< every computed node in graph order, ending with l
  double loss = 0;
  std::vector<NamedMatrix> autodiff, manual, manual_flat, numeric;  ///< W0, b0, …, input
  /// ∂l/∂n (autodiff) for every computed node n on the loss path, in graph order: ∇_h l, ∇_L l, …
  std::vector<NamedMatrix> node_grads;
  std::vector<JacobianReport> jacobians;  ///< every local Jacobian, from the loss back
  Agreement manual_vs_autodiff, numeric_vs_autodiff;
  ManualSkip manual_skip;  ///< why manual/jacobians are empty (manual_skip_text says it)
  long numeric_checked = 0, numeric_total = 0;
  double numeric_relative_step = 0;
  std::vector<std::string> warnings;  ///< non-finite values and similar
  std::vector<GraphNodeReport> graph;

  const NamedMatrix* find_forward(const std::string& name) const;
};

/// Which of the costly parts to run. The app skips the finite differences while a big network is
/// being dragged and fills them in when the drag ends.
struct EvaluateOptions {
  bool manual = true;   ///< the Jacobian chain (and the local Jacobians)
  bool numeric = true;  ///< the finite differences
};

/// Evaluates a state that passed validate(); runs in the state's precision.
Report evaluate(const State& state, const EvaluateOptions& options = {});

/// The same evaluation in parts, so that a big network never blocks a frame: the constructor runs
/// the forward pass and autodiff (cheap even for 8 × 256); step() then adds the manual Jacobian
/// chain and the finite differences, about `budget_ms` of work per call (at least one unit: the
/// whole chain, or a few entries). report() is usable at every point — what is not computed yet
/// is not compared, and its note says "being computed" — and equals evaluate() once done().
class Evaluation {
 public:
  explicit Evaluation(const State& state, const EvaluateOptions& options = {});
  ~Evaluation();
  Evaluation(Evaluation&&) noexcept;
  Evaluation& operator=(Evaluation&&) noexcept;
  bool done() const;
  void step(double budget_ms);
  const Report& report() const;
  /// What is still being computed, for the panels ("" when done), e.g. "the finite differences
  /// (120 of 5000 entries)".
  std::string pending() const;
  /// The manual chain is still to come (it arrives whole, in one step).
  bool chain_due() const;

  struct Impl {
    virtual ~Impl() = default;
    virtual bool done() const = 0;
    virtual void step(double budget_ms) = 0;
    virtual const Report& report() const = 0;
    virtual std::string pending() const = 0;
    virtual bool chain_due() const = 0;
  };

 private:
  std::unique_ptr<Impl> impl_;
};

/// The tolerances of the agreement checks (relative to the largest entry of each matrix).
double manual_tolerance(Precision p);
double numeric_tolerance(Precision p);

}  // namespace bp
