// The Train tab's run: the optimizer and its settings, Step / Train / Pause / Rewind, the loss
// per step (the loss curve) and the last step's update, shown as a formula with numbers. The
// plane and landscape views read it (the run id tells them when a trajectory starts over). No ImGui.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "engine/dataset_presets.h"
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
  bool show_sample_losses = false;         ///< the loss curve also draws one line per sample
  std::optional<bp::State> start;          ///< the state the run started from: Rewind's target
  std::optional<StepRecord> last;          ///< the last update, for the formula and the highlight
  long run = 0;                            ///< bumps when a run starts or ends by Rewind / an edit: views restart trajectories
  // the training set's tools (the Train tab): the preset and seed to load, the sample shown
  bp::DatasetPreset preset = bp::DatasetPreset::TwoBlobs;
  int preset_seed = 1;
  int sample = 0;           ///< the dataset's sample that (I, label) was set to last
  std::string dataset_status;  ///< what loading a preset did to the network ("I and O were resized to 2")
  std::optional<bp::State> left;           ///< the state the run's last step left (another change ends the run)
  /// The training-set gradient at `left` (with I when settings.train_input): the curve's last point,
  /// the next step's gradient and the landscape's arrow — one computation for the three.
  std::optional<bp::BatchGradient> ahead;
};

/// The gradient at `state` if the training has it (ahead, computed at this very state), else null.
const bp::BatchGradient* gradient_ahead(const Training& t, const bp::State& state);

}  // namespace app

namespace app {

/// Why a step cannot be taken now ("" when it can): an invalid network (its error), a setting
/// out of range, or "train I too" with a dataset.
std::string training_blocked(const Training& t, const Model& model);
/// One optimizer update of model.state (Step). Starts a run when none is in progress or the
/// state was changed elsewhere since the last step (an edit, undo): the run then starts over
/// from the edited state. Returns "" or why nothing happened.
std::string train_step(Training& t, Model& model);
/// Train / Pause.
void train_start(Training& t, const Model& model);
void train_pause(Training& t);
/// While running: the steps owed for `seconds` of wall time at steps_per_second, at most
/// `budget_ms` of work (the frame stays smooth; Train slows rather than stutters). Pauses with
/// a reason on an error. Returns the steps taken.
int train_advance(Training& t, Model& model, double seconds, double budget_ms);
/// Back to the exact state the run started from (an undo step like any edit); the run ends.
bool train_rewind(Training& t, Model& model);
/// The optimizer's settings changed: the moments start over at the next step (as a new torch
/// optimizer would), the curve goes on.
void settings_changed(Training& t);

/// The JS API's getTraining(): {"run", "steps", "running", "stepsPerSecond", "losses": [l0 … ln]
/// (the training-set loss before each step, then now), "settings": {"optimizer", "lr", "momentum",
/// "nesterov", "betas", "eps", "weight_decay", "train_input"}, "last": null or {"step", "loss",
/// "params": [{"name", "before", "grad", "after"}]}}. Numbers round-trip; NaN/∞ are null.
std::string training_json(const Training& t);

/// The update of one parameter as the app shows it: "W1 ← W1 − η·∇_{W1} l" (SGD) or "… − η·v"
/// (momentum: the buffer v; Adam: its step u; weight decay: g), then its three terms with
/// numbers: = before, − η·direction, = after.
struct UpdateTerms {
  std::string rule;  ///< "W1 ← W1 − η·∇_{W1} l"
  struct Term {
    std::string prefix;  ///< "= ", "− 0.1·"
    Eigen::MatrixXd value;
  };
  std::vector<Term> terms;
  bool changed = false;  ///< some entry moved (a tiny η·∇ can be below the weights' resolution)
};
UpdateTerms update_terms(const StepRecord& r, size_t param, const bp::OptimizerSettings& s);
/// The same on one line: "W1 ← W1 − η·∇_{W1} l = [[…]] − 0.1·[[…]] = [[…]]".
std::string update_formula(const StepRecord& r, size_t param, const bp::OptimizerSettings& s);
/// A value's rows for a formula over several lines: a matrix "[[3, −3]," / " [−1, 1]]", a vector
/// one line "[4, 1]"; at most `max_items` entries along a side (the middle elided with "…").
std::vector<std::string> value_rows(const Eigen::MatrixXd& m, int max_items);

}  // namespace app
