// The trained parameters of a state, and reading / writing them by reference.
#include "engine/training.h"

namespace bp {

std::vector<ParameterRef> trained_parameters(const State& state, bool train_input) {
  std::vector<ParameterRef> out;
  for (int k = 0; k < state.layers(); ++k) {
    out.push_back({ParameterRef::Kind::Weight, k, "W" + std::to_string(k)});
    if (state.biases[static_cast<size_t>(k)]) out.push_back({ParameterRef::Kind::Bias, k, "b" + std::to_string(k)});
  }
  if (train_input) out.push_back({ParameterRef::Kind::Input, 0, "I"});
  return out;
}

size_t trained_parameter_count(const State& state, bool train_input) {
  size_t n = train_input ? 1 : 0;
  for (const auto& b : state.biases) n += b ? 2 : 1;
  return n;
}

Eigen::Map<Eigen::MatrixXd> parameter_storage(State& state, const ParameterRef& p) {
  switch (p.kind) {
    case ParameterRef::Kind::Weight: {
      Eigen::MatrixXd& w = state.weights[static_cast<size_t>(p.layer)];
      return {w.data(), w.rows(), w.cols()};
    }
    case ParameterRef::Kind::Bias: {
      Eigen::VectorXd& b = *state.biases[static_cast<size_t>(p.layer)];
      return {b.data(), b.rows(), 1};
    }
    case ParameterRef::Kind::Input: break;
  }
  return {state.input.data(), state.input.rows(), 1};
}

Eigen::MatrixXd parameter_value(const State& state, const ParameterRef& p) {
  switch (p.kind) {
    case ParameterRef::Kind::Weight: return state.weights[static_cast<size_t>(p.layer)];
    case ParameterRef::Kind::Bias: return *state.biases[static_cast<size_t>(p.layer)];
    case ParameterRef::Kind::Input: break;
  }
  return state.input;
}

void set_parameter_value(State& state, const ParameterRef& p, const Eigen::MatrixXd& value) {
  switch (p.kind) {
    case ParameterRef::Kind::Weight: state.weights[static_cast<size_t>(p.layer)] = value; return;
    case ParameterRef::Kind::Bias: state.biases[static_cast<size_t>(p.layer)] = value.col(0); return;
    case ParameterRef::Kind::Input: state.input = value.col(0); return;
  }
}

}  // namespace bp
