// Undo and redo over everything a user changes: the network (cell edits, drags, shape, options,
// presets, variants, a link or a file opened) and the Answer sheet's cells (typing, Clear all).
// A change is recorded once it is finished — a drag or a text field being typed into is one step
// when it ends — by comparing what the app holds after each frame with the last recorded point.
#pragma once
#include <deque>
#include <map>
#include <string>

#include "engine/state.h"

namespace app {

struct App;

/// One point of the history: what undo brings back.
struct Snapshot {
  bp::State state;
  std::map<std::string, std::string> answers;  ///< the Answer sheet's texts by key
  std::string student;                         ///< the Name / ID field
  size_t bytes() const;                        ///< about what it holds in memory
};

class History {
 public:
  /// At most this many steps back, and at most kMaxBytes of snapshots (the oldest go first: an
  /// 8 × 256 network is ~4 MB a step, so 12 of its steps; the browser's memory is not endless).
  static constexpr size_t kMaxSteps = 200;
  static constexpr size_t kMaxBytes = size_t(48) << 20;

  /// After each frame: records the last point as a step when the app's contents changed and no
  /// edit is in progress (`editing`: a widget is active, a cell is being dragged).
  void track(App& app, bool editing);
  /// Forgets every step: the current contents become the start (a session restored on load).
  void restart(const App& app);
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  size_t undo_steps() const { return undo_.size(); }
  size_t redo_steps() const { return redo_.size(); }
  void undo(App& app);
  void redo(App& app);

 private:
  void restore(App& app, Snapshot s);
  std::deque<Snapshot> undo_, redo_;
  Snapshot current_;     ///< the last recorded point (what the app held then)
  bool started_ = false;
  long revision_ = -1;   ///< Model::revision at current_ (a cheap test before comparing)
  long edits_ = -1;      ///< Answers::edits() at current_
};

/// Captures what undo would bring back.
Snapshot snapshot_of(const App& app);

}  // namespace app
