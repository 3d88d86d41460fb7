// The networks of the training budgets, shared by backprop-bench (native) and
// backprop-bench-compare (native and wasm): the exercise, and 8 layers of width 64 on a 2-D
// input over the 50-point spiral (what the app trains on its plane).
#pragma once
#include "engine/dataset_presets.h"
#include "engine/state.h"

namespace bench {

inline bp::State deep_on_spiral() {
  bp::State s = bp::random_state(1, 8, 64);
  s.input = Eigen::Vector2d(4, 1);
  s.weights[0] = bp::random_state(2, 1, 64).weights[0].transpose() / 8;  // 64 × 2
  for (int k = 1; k < 8; ++k) s.weights[k] /= 8;  // keep tanh/ReLU out of saturation
  s.biases.assign(8, std::nullopt);
  s.dataset = bp::dataset_preset(bp::DatasetPreset::Spiral, 1);
  return s;
}

}  // namespace bench
