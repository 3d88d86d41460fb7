// The Train tab's run: the optimizer and its settings, Step / Train / Pause / Rewind, the loss
// per step (the loss curve) and the last step's update, shown as a formula with numbers. The
// plane and landscape views read it (the run id tells them when a trajectory starts over). No ImGui.
#pragma once
#include <optional>
#include <vector>

#include <Eigen/Dense>

#include "engine/state.h"
#include "engine/training.h"

namespace app {

struct Model;

/// The last update: for every trained parameter, its value before, the gradient used and its
/// value after (W ← W − η·∇W l for SGD).
struct StepRecord {
  std::vector<bp::ParameterRef> params;
  std::vector<Eigen::MatrixXd> before, grad, after;
  double loss_before = 0;
  int step = 0;  ///< 1 for the run's first update
};

struct Training {
  bp::OptimizerSettings settings;
  std::optional<bp::Optimizer> optimizer;  ///< the run in progress (its moments); none before the first step
  bool running = false;                    ///< Train: steps every frame at steps_per_second
  float steps_per_second = 20;
  double carry = 0;                        ///< steps owed by the frame clock (fractional)
  std::vector<double> losses;              ///< the training-set loss before each step of the run, then the current one
  std::vector<std::vector<double>> sample_losses;  ///< per step, each sample's loss (when the set has several)
  std::optional<bp::State> start;          ///< the state the run started from: Rewind's target
  std::optional<StepRecord> last;          ///< the last update, for the formula and the highlight
  long run = 0;                            ///< bumps when a run starts or ends by Rewind / an edit: views restart trajectories
  long model_revision = -1;                ///< the Model revision the run's last step left
};

}  // namespace app
