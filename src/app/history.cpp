// Undo/redo: snapshots of the network and the answers, recorded when a change has finished.
#include "app/history.h"

#include <cstring>
#include <utility>

#include "app/app.h"

namespace app {
namespace {

bool same_bits(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<size_t>(a.size())) == 0;
}

bool same_state(const bp::State& a, const bp::State& b) {
  if (a.activation != b.activation || a.head != b.head || a.loss_form != b.loss_form ||
      a.softmax_backward != b.softmax_backward || a.precision != b.precision || a.layers() != b.layers() ||
      !same_bits(a.input, b.input) || !same_bits(a.label, b.label))
    return false;
  for (int k = 0; k < a.layers(); ++k) {
    if (!same_bits(a.weights[k], b.weights[k]) || a.biases[k].has_value() != b.biases[k].has_value()) return false;
    if (a.biases[k] && !same_bits(*a.biases[k], *b.biases[k])) return false;
  }
  if (a.dataset.size() != b.dataset.size()) return false;
  for (size_t i = 0; i < a.dataset.size(); ++i)
    if (!same_bits(a.dataset[i].input, b.dataset[i].input) || !same_bits(a.dataset[i].label, b.dataset[i].label))
      return false;
  return true;
}

std::string student_of(const App& app) { return app.answer_tools.student.data(); }

}  // namespace

size_t Snapshot::bytes() const {
  size_t n = sizeof(double) * static_cast<size_t>(state.input.size() + state.label.size());
  for (const auto& w : state.weights) n += sizeof(double) * static_cast<size_t>(w.size());
  for (const auto& b : state.biases) n += b ? sizeof(double) * static_cast<size_t>(b->size()) : 0;
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
      same_state(app.model.state, current_.state))
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
  const bool state_changed = !same_state(s.state, app.model.state);
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
