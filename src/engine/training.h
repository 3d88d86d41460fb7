// Watching a network learn: the mean loss over a training set and its exact gradient, and the
// optimizers that follow it — SGD, SGD with momentum (optionally Nesterov) and Adam, with PyTorch's
// conventions and defaults — applied to every weight and bias (and to I when asked). Full-batch,
// deterministic, in the state's precision; the gradient is the engine's own exact one.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "engine/expected.h"
#include "engine/state.h"

namespace bp {

enum class OptimizerKind { Sgd, Momentum, Adam };
template <> struct OptionNames<OptimizerKind> {
  static constexpr std::string_view key = "optimizer";
  static constexpr std::array<std::string_view, 3> names = {"sgd", "momentum", "adam"};
};

/// torch.optim.SGD(lr, momentum, nesterov, weight_decay) and torch.optim.Adam(lr, betas, eps,
/// weight_decay): dampening 0, weight decay added to the gradient (L2, not AdamW).
struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::Sgd;
  double lr = 0.1;
  double momentum = 0.9;  ///< Momentum only
  bool nesterov = false;  ///< Momentum only
  double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;  ///< Adam only
  double weight_decay = 0;
  bool train_input = false;  ///< also update I (an adversarial-input lesson); never the label
};

/// The first setting that is out of range ("lr": "must be a finite number > 0", …), or nullopt.
std::optional<Error> validate(const OptimizerSettings& settings);

/// What an optimizer updates, in order: W0, b0 (when present), W1, b1, …, then I when trained.
struct ParameterRef {
  enum class Kind { Weight, Bias, Input } kind = Kind::Weight;
  int layer = 0;     ///< k of Wk / bk (0 for the input)
  std::string name;  ///< "W0", "b0", …, "I"
};
std::vector<ParameterRef> trained_parameters(const State& state, bool train_input);
/// trained_parameters(state, train_input).size(), without building the list.
size_t trained_parameter_count(const State& state, bool train_input);
/// The parameter's numbers in `state`, in place (an n×1 view for a bias or I).
Eigen::Map<Eigen::MatrixXd> parameter_storage(State& state, const ParameterRef& p);
/// The parameter's value in `state` (an n×1 matrix for a bias or I), and its write-back.
Eigen::MatrixXd parameter_value(const State& state, const ParameterRef& p);
void set_parameter_value(State& state, const ParameterRef& p, const Eigen::MatrixXd& value);

/// The training set's loss (the mean over its samples) and its gradient.
struct BatchGradient {
  double loss = 0;                    ///< mean of sample_losses
  std::vector<double> sample_losses;  ///< one per sample of the training set
  std::vector<Eigen::MatrixXd> grads; ///< ∂loss/∂p for p in trained_parameters(state, with_input)
};
/// For a state that passed validate(). Equals evaluate()'s autodiff gradient for a one-sample
/// training set; fast enough to train an 8 × 64 network over 50 points at ≥ 60 steps per second.
BatchGradient batch_gradient(const State& state, bool with_input = false);

/// One optimizer over one run of training: keeps the momentum / Adam moments between steps.
class Optimizer {
 public:
  explicit Optimizer(const OptimizerSettings& settings);
  const OptimizerSettings& settings() const { return settings_; }
  /// One full-batch step in place: the gradient at `state`, then the update of every trained
  /// parameter. Returns that gradient (its loss is the loss before the update).
  BatchGradient step(State& state);
  /// The same with the gradient at `state` already computed (batch_gradient(state, train_input)).
  BatchGradient step(State& state, BatchGradient gradient);
  int steps() const { return steps_; }
  /// Forgets the moments and the step count (as a fresh torch optimizer).
  void reset();

 private:
  OptimizerSettings settings_;
  int steps_ = 0;
  std::vector<Eigen::MatrixXd> first_, second_;  ///< momentum buffers / Adam's m and v
};

/// `steps` updates from `state`: losses l0 … l_steps (the loss before each step, then after the
/// last) and the state after them — what `backprop-cli train` prints.
inline constexpr int kMaxTrainSteps = 100000;  ///< the most steps train() runs in one call

struct TrainResult {
  std::vector<double> losses;
  State state;
};
/// Errors: the settings' or the state's first problem, steps outside 0…kMaxTrainSteps, train_input
/// with a dataset (whose loss does not depend on I), or a step that left a non-finite parameter.
Expected<TrainResult> train(const State& state, const OptimizerSettings& settings, int steps);

}  // namespace bp
