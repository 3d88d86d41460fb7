// The stepper: the forward pass node by node, then the backward pass edge by edge from the loss to
// every leaf, as a timeline a student plays, steps and scrubs. No UI: the canvas asks it what is
// filled in so far and the formula bar asks it for the current step's text.
//
// Steps (n in all), for a graph with F computed nodes:
//   Forward  one per computed node, in graph order (h, L, O, s, l): its value becomes known.
//   Seed     ∇_l l = 1: the backward pass starts at the loss.
//   Edge     one per edge carrying gradient, i.e. per (of, wrt) with `of` on the loss path and
//            `wrt` on it and not a constant, consumers in reverse graph order (reverse topological:
//            every consumer of x comes before x's own edges) and each consumer's inputs in
//            argument order (O → W1 before O → L).
//   Sum      after the last Edge into a node that receives gradient from several consumers
//            (fan-out), the sum of their shares: ∇_x l = Σ ∇_c l · ∂c/∂x. Its Edge steps read
//            "∇_x l += …" and show each share.
// The exercise (stable loss): 5 forward + seed + 6 edges (l→O, O→W1, O→L, L→h, h→W0, h→I) = 12;
// naive loss: 5 + 1 + 7 (l→s, s→O, …) = 13. MLPs have no fan-out on the loss path.
//
// Position: step() = how many steps have been applied, 0…n. 0 is idle (nothing computed yet;
// the leaves' values are given), n is done (everything known); otherwise the current step is
// steps()[step() − 1] and the phase is its phase.
#pragma once
#include <climits>
#include <string>
#include <vector>

#include "app/logic/graph_snapshot.h"

namespace app::logic {

enum class Phase { Idle, Forward, Backward, Done };
/// "idle", "forward", "backward", "done" (the JS API's names).
const char* phase_name(Phase p);
/// The same in the UI's language (the timeline, the screen-reader mirror).
const char* phase_text(Phase p);

enum class StepKind { Forward, Seed, Edge, Sum };

struct Step {
  StepKind kind = StepKind::Forward;
  int node = -1;            ///< Forward: the node computed; Seed: l; Edge: the input receiving
                            ///< gradient (wrt); Sum: the node whose shares are added
  int edge = -1;            ///< Edge: the snapshot edge (of = edges[edge].to, wrt = .from)
  bool accumulates = false; ///< Edge into a fan-out node: a share ("+="), completed by a Sum
};

enum class GradState { None, Partial, Complete };

class Stepper {
 public:
  /// Takes a (new) graph and rebuilds the steps, keeping the position: idle stays idle, done
  /// stays done, otherwise the same step (same kind, node and edge, by name) if it still exists,
  /// else the same kind of step for the same node (O → W1 became W1·L → W1 with biases), else the
  /// same index clamped to the new count. Call after every edit: value edits keep the steps and
  /// the index, and the formulas show the new numbers. Keeps playing unless now at the end.
  void rebuild(GraphSnapshot graph);

  const GraphSnapshot& graph() const { return graph_; }
  const std::vector<Step>& steps() const { return steps_; }
  int step() const { return pos_; }
  int step_count() const { return static_cast<int>(steps_.size()); }
  int forward_step_count() const { return forward_count_; }
  Phase phase() const;
  /// The step shown now (steps()[step() − 1]), or nullptr when idle.
  const Step* current() const { return pos_ > 0 ? &steps_[pos_ - 1] : nullptr; }

  // [SECTION] controls
  bool playing() const { return playing_; }
  double speed() const { return speed_; }
  /// Steps per second, clamped to [kMinSpeed, kMaxSpeed].
  void set_speed(double steps_per_second);
  /// Starts playing (from the beginning when done).
  void play();
  void pause() { playing_ = false; }
  void toggle_play() { playing_ ? pause() : play(); }
  /// Advances by speed·dt steps while playing (fractions carry over); stops at the end.
  /// Returns the number of steps taken.
  int tick(double dt);
  /// One step forward / back (pauses: a manual step takes over); false at either end.
  bool step_forward();
  bool step_back();
  /// Back to idle, paused.
  void reset();
  /// Jumps to position i (clamped to 0…n); keeps playing if it was (the scrubbable timeline).
  void seek(int i);

  // [SECTION] what is known at the current position
  /// The node's value is shown: leaves always, computed nodes once their forward step is done.
  bool value_known(int node) const;
  /// Its gradient: Complete once its Edge (or Sum, or for l the Seed) step is done; Partial while
  /// some but not all shares of a fan-out have arrived; None otherwise and for nodes without one.
  GradState grad_state(int node) const;
  /// A value has flowed along the edge (its consumer was computed).
  bool edge_value_known(int edge) const;
  /// Gradient has flowed back along the edge (its Edge step is done).
  bool edge_grad_known(int edge) const;

  // [SECTION] text
  /// The formula bar: the current step's formula, "" when idle; at done, the last step's.
  std::string formula() const;
  /// The formula of step i (0-based).
  std::string formula_of(int i) const;

  static constexpr double kMinSpeed = 0.25, kMaxSpeed = 30, kDefaultSpeed = 2;

 private:
  static constexpr int kNever = INT_MAX;

  GraphSnapshot graph_;
  std::vector<Step> steps_;
  int forward_count_ = 0;
  int pos_ = 0;
  bool playing_ = false;
  double speed_ = kDefaultSpeed;
  double carry_ = 0;  // fraction of a step accumulated by tick()
  // step index after which each thing is known (kNever: never; −1: from the start)
  std::vector<int> value_at_, grad_at_, first_share_at_, edge_grad_at_;
  mutable int cached_pos_ = -1;  // formula cache, by position (rebuild clears it)
  mutable std::string cached_formula_;
};

}  // namespace app::logic
