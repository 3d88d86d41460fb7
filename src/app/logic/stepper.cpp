// The step list and the position on it.
#include "app/logic/stepper.h"

#include "app/logic/i18n.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/logic/formula.h"

namespace app::logic {
namespace {

// a step by names, to find it again after the graph was rebuilt
struct StepKey {
  StepKind kind;
  std::string node, of;
  int k = -1;
  bool operator==(const StepKey& o) const { return kind == o.kind && node == o.node && of == o.of && k == o.k; }
};

StepKey key_of(const GraphSnapshot& g, const Step& s) {
  StepKey key{s.kind, g.nodes[s.node].name, "", -1};
  if (s.edge >= 0) {
    key.of = g.nodes[g.edges[s.edge].to].name;
    key.k = g.edges[s.edge].k;
  }
  return key;
}

std::vector<Step> build_steps(const GraphSnapshot& g, int& forward_count) {
  std::vector<Step> steps;
  const int n = static_cast<int>(g.nodes.size());
  for (int i = 0; i < n; ++i)
    if (g.nodes[i].role == bp::NodeRole::Computed) steps.push_back({StepKind::Forward, i, -1, false});
  forward_count = static_cast<int>(steps.size());
  if (g.root < 0) return steps;

  steps.push_back({StepKind::Seed, g.root, -1, false});
  std::vector<int> shares(n, 0), arrived(n, 0);
  for (int e = 0; e < static_cast<int>(g.edges.size()); ++e)
    if (g.carries_gradient(e)) ++shares[g.edges[e].from];
  for (int of = g.root; of >= 0; --of) {  // reverse topological: all consumers before their inputs
    if (!g.nodes[of].on_loss_path || g.nodes[of].role != bp::NodeRole::Computed) continue;
    for (int e : g.edges_into(of)) {
      if (!g.carries_gradient(e)) continue;
      const int wrt = g.edges[e].from;
      steps.push_back({StepKind::Edge, wrt, e, shares[wrt] > 1});
      if (shares[wrt] > 1 && ++arrived[wrt] == shares[wrt]) steps.push_back({StepKind::Sum, wrt, -1, false});
    }
  }
  return steps;
}

}  // namespace

const char* phase_text(Phase p) {
  switch (p) {
    case Phase::Idle: return tr(S::stepper_idle);
    case Phase::Forward: return tr(S::stepper_forward);
    case Phase::Backward: return tr(S::stepper_backward);
    case Phase::Done: break;
  }
  return tr(S::stepper_done);
}

const char* phase_name(Phase p) {
  switch (p) {
    case Phase::Idle: return "idle";
    case Phase::Forward: return "forward";
    case Phase::Backward: return "backward";
    case Phase::Done: break;
  }
  return "done";
}

void Stepper::rebuild(GraphSnapshot graph) {
  const int old_count = step_count();
  const bool was_done = old_count > 0 && pos_ == old_count;
  const bool had_key = pos_ > 0 && !was_done;
  StepKey key{};
  if (had_key) key = key_of(graph_, steps_[pos_ - 1]);

  graph_ = std::move(graph);
  steps_ = build_steps(graph_, forward_count_);
  const int n = step_count();
  if (pos_ == 0) {
    // idle stays idle
  } else if (was_done) {
    pos_ = n;
  } else {
    // the same step; else the step that brings gradient to the same node (O → W1 became
    // W1·L → W1 when biases were switched on); else the same index
    int found = -1;
    for (int i = 0; i < n && found < 0; ++i)
      if (key_of(graph_, steps_[i]) == key) found = i;
    for (int i = 0; i < n && found < 0; ++i)
      if (steps_[i].kind == key.kind && graph_.nodes[steps_[i].node].name == key.node) found = i;
    pos_ = found >= 0 ? found + 1 : std::min(pos_, n);
  }
  if (pos_ == n) playing_ = false;

  // when each node and edge becomes known
  const int nodes = static_cast<int>(graph_.nodes.size());
  value_at_.assign(nodes, -1);
  grad_at_.assign(nodes, kNever);
  first_share_at_.assign(nodes, kNever);
  edge_grad_at_.assign(graph_.edges.size(), kNever);
  for (int i = 0; i < n; ++i) {
    const Step& s = steps_[i];
    switch (s.kind) {
      case StepKind::Forward: value_at_[s.node] = i; break;
      case StepKind::Seed: grad_at_[s.node] = i; break;
      case StepKind::Edge:
        edge_grad_at_[s.edge] = i;
        first_share_at_[s.node] = std::min(first_share_at_[s.node], i);
        if (!s.accumulates) grad_at_[s.node] = i;
        break;
      case StepKind::Sum: grad_at_[s.node] = i; break;
    }
  }
  cached_pos_ = -1;
}

Phase Stepper::phase() const {
  if (pos_ == 0) return Phase::Idle;
  if (pos_ == step_count()) return Phase::Done;
  return steps_[pos_ - 1].kind == StepKind::Forward ? Phase::Forward : Phase::Backward;
}

void Stepper::set_speed(double steps_per_second) {
  if (std::isnan(steps_per_second)) return;
  speed_ = std::clamp(steps_per_second, kMinSpeed, kMaxSpeed);
}

void Stepper::play() {
  if (step_count() == 0) return;
  if (pos_ == step_count()) pos_ = 0;
  playing_ = true;
  carry_ = 0;
}

int Stepper::tick(double dt) {
  if (!playing_ || !(dt > 0)) return 0;
  carry_ += dt * speed_;
  int taken = 0;
  while (carry_ >= 1 && pos_ < step_count()) {
    ++pos_;
    ++taken;
    carry_ -= 1;
  }
  if (pos_ == step_count()) {
    playing_ = false;
    carry_ = 0;
  }
  return taken;
}

bool Stepper::step_forward() {
  playing_ = false;
  if (pos_ >= step_count()) return false;
  ++pos_;
  return true;
}

bool Stepper::step_back() {
  playing_ = false;
  if (pos_ <= 0) return false;
  --pos_;
  return true;
}

void Stepper::reset() {
  playing_ = false;
  carry_ = 0;
  pos_ = 0;
}

void Stepper::seek(int i) {
  pos_ = std::clamp(i, 0, step_count());
  carry_ = 0;
  if (pos_ == step_count()) playing_ = false;
}

bool Stepper::value_known(int node) const { return node >= 0 && node < (int)value_at_.size() && value_at_[node] < pos_; }

GradState Stepper::grad_state(int node) const {
  if (node < 0 || node >= static_cast<int>(grad_at_.size())) return GradState::None;
  if (grad_at_[node] < pos_) return GradState::Complete;
  if (first_share_at_[node] < pos_) return GradState::Partial;
  return GradState::None;
}

bool Stepper::edge_value_known(int edge) const {
  return edge >= 0 && edge < static_cast<int>(graph_.edges.size()) && value_known(graph_.edges[edge].to);
}

bool Stepper::edge_grad_known(int edge) const {
  return edge >= 0 && edge < static_cast<int>(edge_grad_at_.size()) && edge_grad_at_[edge] < pos_;
}

std::string Stepper::formula_of(int i) const {
  if (i < 0 || i >= step_count()) return "";
  const Step& s = steps_[i];
  switch (s.kind) {
    case StepKind::Forward: return forward_formula(graph_, s.node);
    case StepKind::Seed: return seed_formula(graph_);
    case StepKind::Edge: return edge_formula(graph_, s.edge, s.accumulates);
    case StepKind::Sum: break;
  }
  return sum_formula(graph_, s.node);
}

std::string Stepper::formula() const {
  if (cached_pos_ != pos_) {
    cached_formula_ = pos_ > 0 ? formula_of(pos_ - 1) : "";
    cached_pos_ = pos_;
  }
  return cached_formula_;
}

}  // namespace app::logic
