// What the app shows: the network being edited, why it cannot be evaluated (if so), and its
// evaluation. Every change goes through here, so the panels and the JS API agree. No ImGui.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/evaluate.h"
#include "engine/expected.h"
#include "engine/state.h"

namespace app {

struct Model {
  /// An edit re-evaluates at once when evaluating takes at most this long (the exercise: ~20 µs);
  /// a bigger network (8 layers × 64: ~50 ms natively) re-evaluates when the drag ends instead.
  static constexpr double kLiveEvaluationMs = 8.0;

  bp::State state = bp::exercise_state();  ///< what the user edits; may be invalid mid-edit
  std::optional<bp::Error> error;          ///< why `state` cannot be evaluated (nullopt: valid)
  std::optional<bp::Report> report;        ///< evaluate(state) while the state is valid
  bool stale = false;                      ///< `report` lacks the finite differences (a drag in progress)
  double evaluation_ms = 0;                ///< how long the last evaluation took
  long revision = 0;                       ///< bumps on every change; views cache on it

  Model() { recompute(); }

  /// After changing `state` in place: validates and re-evaluates now.
  void recompute();
  /// After a UI edit of `state`: re-evaluates now if that is quick; else evaluates everything but
  /// the finite differences now and marks the report stale until settle().
  void edited();
  /// Evaluates a stale report; the UI calls it when no widget is held, the JS API before reading.
  void settle();
  /// Replaces the whole state (a preset, the JS API).
  void replace(bp::State s);

  /// The JS API and the CLI's formats: state JSON in, "" or the CLI's "error: …" line out; on
  /// error the state is unchanged.
  std::string set_state_json(std::string_view json);
  std::string state_json() const;
  /// `backprop-cli eval` output for the current state, or {"error": "<line>"} while it is invalid.
  std::string result_json();
};

}  // namespace app
