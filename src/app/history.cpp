// Undo/redo: snapshots of the network and the answers, recorded when a change has finished.
#include "app/history.h"

#include <utility>

#include "app/app.h"

namespace app {
namespace {

std::string student_of(const App& app) { return app.answer_tools.student.data(); }

}  // namespace

size_t Snapshot::bytes() const {
  size_t n = sizeof(double) * static_cast<size_t>(state.input.size() + state.label.size());
  for (const auto& w : state.weights) n += sizeof(double) * static_cast<size_t>(w.size());
  for (const auto& b : state.biases) n += b ? sizeof(double) * static_cast<size_t>(b->size()) : 0;
  for (const auto& d : state.dataset) n += sizeof(double) * static_cast<size_t>(d.input.size() + d.label.size());
  for (const auto& [key, text] : answers) n += key.size() + text.size() + 64;
  return n + student.size() + sizeof(Snapshot);
}

Snapshot snapshot_of(const App& app) { return {app.model.state, app.answers.texts(), student_of(app)}; }

void History::restart(const App& app) {
  undo_.clear();
  redo_.clear();
  current_ = snapshot_of(app);
  revision_ = app.model.revision;
  edits_ = app.answers.edits();
  started_ = true;
}

void History::track(App& app, bool editing) {
  if (!started_) return restart(app);
  // the revision also moves while a big network's evaluation comes in, and the Name / ID field
  // is plain text: compare the contents, but only when something may have changed
  const bool moved = app.model.revision != revision_ || app.answers.edits() != edits_ || student_of(app) != current_.student;
  if (!moved || editing) return;
  revision_ = app.model.revision;
  edits_ = app.answers.edits();
  // compared in place: a copy of an 8 × 256 network costs more than the comparison
  if (app.answers.texts() == current_.answers && student_of(app) == current_.student &&
      bp::identical(app.model.state, current_.state))
    return;
  undo_.push_back(std::move(current_));
  current_ = snapshot_of(app);
  redo_.clear();
  size_t bytes = current_.bytes();
  for (const Snapshot& s : undo_) bytes += s.bytes();
  while (undo_.size() > kMaxSteps || (undo_.size() > 1 && bytes > kMaxBytes)) {
    bytes -= undo_.front().bytes();
    undo_.pop_front();
  }
}

void History::restore(App& app, Snapshot s) {
  const bool state_changed = !bp::identical(s.state, app.model.state);
  if (state_changed) app.model.replace(s.state);
  if (s.answers != app.answers.texts()) app.answers.replace_texts(s.answers);
  auto& field = app.answer_tools.student;
  field.fill('\0');
  s.student.copy(field.data(), field.size() - 1);
  current_ = std::move(s);
  revision_ = app.model.revision;
  edits_ = app.answers.edits();
}

void History::undo(App& app) {
  track(app, false);  // a change not recorded yet (typed this frame) is the step undone
  if (undo_.empty()) return;
  Snapshot back = std::move(undo_.back());
  undo_.pop_back();
  redo_.push_back(std::move(current_));
  restore(app, std::move(back));
}

void History::redo(App& app) {
  track(app, false);  // a change since the undo drops the redo steps
  if (redo_.empty()) return;
  Snapshot forward = std::move(redo_.back());
  redo_.pop_back();
  undo_.push_back(std::move(current_));
  restore(app, std::move(forward));
}

}  // namespace app
