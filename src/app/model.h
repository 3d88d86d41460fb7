// What the app shows: the network being edited, why it cannot be evaluated (if so), and its
// evaluation. Every change goes through here, so the panels and the JS API agree. No ImGui.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <memory>

#include "engine/evaluate.h"
#include "engine/expected.h"
#include "engine/state.h"

namespace app {

struct Model {
  /// Evaluation work per frame: every change evaluates forward + autodiff at once (8 × 256:
  /// well under a millisecond); the manual chain and the finite differences of a big network
  /// follow over the next frames, about this much per frame, so no frame freezes.
  static constexpr double kFrameBudgetMs = 8.0;
  /// The same while ▶ Train runs: every step starts the evaluation again; the exercise's chain and
  /// finite differences finish within a fraction of this.
  static constexpr double kTrainingBudgetMs = 1.0;
  /// While ▶ Train runs a network with more weights (entries) than this, its chain and finite differences
  /// wait for the pause: they would start again at every step and never finish, and the chain alone
  /// (8 × 64: 16 MB of local Jacobians) costs more than a frame.
  static constexpr long kDeferChecksAbove = 2000;

  bp::State state = bp::exercise_state();  ///< what the user edits; may be invalid mid-edit
  std::optional<bp::Error> error;          ///< why `state` cannot be evaluated (nullopt: valid)
  std::optional<bp::Report> report;        ///< evaluate(state) while the state is valid (partial while stale)
  bool stale = false;                      ///< `report` lacks parts still being computed (see pending())
  double evaluation_ms = 0;                ///< CPU time of the current state's evaluation so far
  long revision = 0;                       ///< bumps on every change; views cache on it
  bool checks_deferred = false;            ///< `report` has forward + autodiff only (see recompute)

  Model() { recompute(); }

  /// After changing `state` in place: validates and starts the evaluation (forward + autodiff now,
  /// and `budget_ms` of the rest).
  /// `defer_checks`: forward + autodiff only, the chain and the finite differences switched off
  /// (checks_deferred), until the next recompute without it.
  void recompute(double budget_ms = kFrameBudgetMs, bool defer_checks = false);
  /// After a UI edit of `state`: the same (kept for the call sites of edits).
  void edited() { recompute(); }
  /// One frame's share of the evaluation (the app calls it every frame).
  void advance(double budget_ms = kFrameBudgetMs);
  /// Finishes the evaluation now; the JS API's readers call it, so they see the whole result.
  void settle();
  /// What is still being computed ("" when nothing), e.g. "the finite differences (120 of 5000 entries)".
  std::string pending() const;
  /// Replaces the whole state (a preset, the JS API).
  void replace(bp::State s);

  /// The JS API and the CLI's formats: state JSON in, "" or the CLI's "error: …" line out; on
  /// error the state is unchanged.
  std::string set_state_json(std::string_view json);
  std::string state_json() const;
  /// `backprop-cli eval` output for the current state, or {"error": "<line>"} while it is invalid.
  std::string result_json();

 private:
  // evaluates `state` unless it is invalid: forward + autodiff, then `budget_ms` of the rest
  void start(std::optional<bp::Error> invalid, double budget_ms, bool defer_checks = false);
  void refresh();  // report, stale and revision from the evaluation in progress
  std::shared_ptr<bp::Evaluation> evaluation_;  // in progress (shared: Model stays copyable)
};

}  // namespace app
