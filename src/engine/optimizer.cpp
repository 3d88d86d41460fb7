// SGD, momentum and Adam exactly as torch.optim computes them (torch 1.13, _single_tensor_sgd and
// _single_tensor_adam), operation by operation in the same order, for g = ∇p + wd·p:
//   momentum  buf = g (first step), else buf = μ·buf + g;  nesterov: g = g + μ·buf, else g = buf
//   sgd       p = p − lr·g
//   adam      m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g·g;  t = steps so far
//             p = p − (lr / (1 − β1^t)) · m / (sqrt(v) / sqrt(1 − β2^t) + eps)
// The update runs in float64; an f32 state's parameters are then rounded to float, so the state
// holds exactly what the next f32 evaluation computes with.
#include <cmath>
#include <string>

#include "engine/number_format.h"
#include "engine/reasons.h"
#include "engine/training.h"

namespace bp {
namespace {

std::optional<Error> check(const char* field, double v, bool ok, Why rule) {
  if (std::isfinite(v) && ok) return std::nullopt;
  return Error{field, why(Why::optimizer_must, {{"value", format_number(v)}, {"rule", why(rule)}})};
}

}  // namespace

std::optional<Error> validate(const OptimizerSettings& s) {
  if (auto e = check("lr", s.lr, s.lr > 0, Why::optimizer_positive)) return e;
  if (auto e = check("weight_decay", s.weight_decay, s.weight_decay >= 0, Why::optimizer_nonnegative)) return e;
  if (s.kind == OptimizerKind::Momentum) {
    if (auto e = check("momentum", s.momentum, s.momentum >= 0 && s.momentum < 1, Why::optimizer_unit)) return e;
    if (s.nesterov && s.momentum == 0) return Error{"nesterov", why(Why::optimizer_nesterov)};
  }
  if (s.kind == OptimizerKind::Adam) {
    if (auto e = check("beta1", s.beta1, s.beta1 >= 0 && s.beta1 < 1, Why::optimizer_unit)) return e;
    if (auto e = check("beta2", s.beta2, s.beta2 >= 0 && s.beta2 < 1, Why::optimizer_unit)) return e;
    if (auto e = check("eps", s.eps, s.eps >= 0, Why::optimizer_nonnegative)) return e;
  }
  return std::nullopt;
}

Optimizer::Optimizer(const OptimizerSettings& settings) : settings_(settings) {}

void Optimizer::reset() {
  steps_ = 0;
  first_.clear();
  second_.clear();
}

BatchGradient Optimizer::step(State& state) { return step(state, batch_gradient(state, settings_.train_input)); }

BatchGradient Optimizer::step(State& state, BatchGradient grad) {
  const OptimizerSettings& o = settings_;
  const std::vector<ParameterRef> params = trained_parameters(state, o.train_input);
  const bool fresh = first_.size() != params.size();  // the first step (or the network changed shape)
  if (fresh) {
    steps_ = 0;
    first_.assign(params.size(), Eigen::MatrixXd());
    second_.assign(params.size(), Eigen::MatrixXd());
  }
  ++steps_;
  const double t = steps_;
  for (size_t i = 0; i < params.size(); ++i) {
    Eigen::Map<Eigen::MatrixXd> p = parameter_storage(state, params[i]);  // updated in place
    Eigen::MatrixXd g = grad.grads[i];
    if (o.weight_decay != 0) g = g + o.weight_decay * p;
    Eigen::MatrixXd& m = first_[i];
    if (m.size() != g.size()) m.resize(0, 0);  // a shape changed: start this buffer over
    switch (o.kind) {
      case OptimizerKind::Sgd:
        p += (-o.lr) * g;
        break;
      case OptimizerKind::Momentum:
        if (o.momentum == 0) {  // torch: no buffer at all
          p += (-o.lr) * g;
          break;
        }
        if (m.size() == 0) m = g;
        else m = m * o.momentum + g;
        if (o.nesterov) g = g + o.momentum * m;
        else g = m;
        p += (-o.lr) * g;
        break;
      case OptimizerKind::Adam: {
        Eigen::MatrixXd& v = second_[i];
        if (m.size() == 0) m = Eigen::MatrixXd::Zero(g.rows(), g.cols());
        if (v.size() != g.size()) v = Eigen::MatrixXd::Zero(g.rows(), g.cols());
        m = m * o.beta1 + (1 - o.beta1) * g;
        v = v * o.beta2 + (1 - o.beta2) * g.cwiseProduct(g);
        const double step_size = o.lr / (1 - std::pow(o.beta1, t));
        const double bias_correction2_sqrt = std::sqrt(1 - std::pow(o.beta2, t));
        const Eigen::ArrayXXd denom = v.array().sqrt() / bias_correction2_sqrt + o.eps;
        p.array() += (-step_size) * (m.array() / denom);
        break;
      }
    }
    if (state.precision == Precision::F32) p = p.cast<float>().cast<double>();
  }
  return grad;
}

Expected<TrainResult> train(const State& state, const OptimizerSettings& settings, int steps) {
  if (auto e = validate(settings)) return *e;
  if (auto e = validate(state)) return *e;
  if (steps < 0 || steps > kMaxTrainSteps)
    return Error{"steps", why(Why::train_steps, {{"n", std::to_string(steps)}, {"max", std::to_string(kMaxTrainSteps)}})};
  if (settings.train_input && !state.dataset.empty())
    return Error{"train_input", why(Why::train_input_dataset)};
  TrainResult r{{}, state};
  Optimizer optimizer(settings);
  r.losses.reserve(static_cast<size_t>(steps) + 1);
  for (int i = 0; i < steps; ++i) {
    r.losses.push_back(optimizer.step(r.state).loss);
    if (auto e = validate(r.state))
      return Error{e->field, why(Why::train_diverged, {{"step", std::to_string(i + 1)}, {"reason", e->reason}})};
  }
  r.losses.push_back(batch_gradient(r.state).loss);
  return r;
}

}  // namespace bp
