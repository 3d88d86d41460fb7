// The stepper's state machine: step counts and order, position controls, play/tick, and keeping
// the position while the network is edited.
#include "app/logic/stepper.h"
#include "app_test_util.h"

using namespace app::logic;

namespace {

// "F h", "S l", "E O→W1", "+ a": a compact trace of the steps
std::vector<std::string> trace(const Stepper& st) {
  const GraphSnapshot& g = st.graph();
  std::vector<std::string> out;
  for (const Step& s : st.steps()) {
    switch (s.kind) {
      case StepKind::Forward: out.push_back("F " + g.nodes[s.node].name); break;
      case StepKind::Seed: out.push_back("S " + g.nodes[s.node].name); break;
      case StepKind::Edge:
        out.push_back(std::string(s.accumulates ? "E+ " : "E ") + g.nodes[g.edges[s.edge].to].name + "→" +
                      g.nodes[g.edges[s.edge].from].name);
        break;
      case StepKind::Sum: out.push_back("+ " + g.nodes[s.node].name); break;
    }
  }
  return out;
}

Stepper stepper_for(const GraphSnapshot& g) {
  Stepper st;
  st.rebuild(g);
  return st;
}

int node(const Stepper& st, const char* name) {
  const int i = st.graph().find(name);
  REQUIRE(i >= 0);
  return i;
}

int edge(const Stepper& st, const char* from, const char* to) {
  const int e = st.graph().find_edge(node(st, from), node(st, to));
  REQUIRE(e >= 0);
  return e;
}

// the position of the step with this trace entry
int index_of(const Stepper& st, const std::string& entry) {
  const auto t = trace(st);
  const auto it = std::find(t.begin(), t.end(), entry);
  REQUIRE(it != t.end());
  return static_cast<int>(it - t.begin());
}

}  // namespace

TEST_CASE("the exercise, stable loss: 5 forward steps, the seed, 6 edges from l to every leaf") {
  const Stepper st = stepper_for(test::from_report(test::exercise()));
  CHECK(st.forward_step_count() == 5);
  CHECK(st.step_count() == 12);
  CHECK(trace(st) == std::vector<std::string>{"F h", "F L", "F O", "F s", "F l", "S l", "E l→O", "E O→W1", "E O→L",
                                              "E L→h", "E h→W0", "E h→I"});
}

TEST_CASE("the exercise, naive loss: the gradient passes through s, 13 steps") {
  const Stepper st = stepper_for(test::from_report(test::exercise(bp::LossForm::Naive)));
  CHECK(st.forward_step_count() == 5);
  CHECK(trace(st) == std::vector<std::string>{"F h", "F L", "F O", "F s", "F l", "S l", "E l→s", "E s→O", "E O→W1",
                                              "E O→L", "E L→h", "E h→W0", "E h→I"});
}

TEST_CASE("biases and depth: one forward step per computed node, one edge per gradient-carrying edge") {
  for (int layers = 1; layers <= bp::kMaxLayers; ++layers)
    for (bool biases : {false, true}) {
      CAPTURE(layers);
      CAPTURE(biases);
      bp::State s = bp::random_state(40 + layers, layers, 3);
      if (biases) s = test::with_biases(s);
      const GraphSnapshot g = test::from_network(s);
      const Stepper st = stepper_for(g);
      int computed = 0, carrying = 0;
      for (const auto& n : g.nodes) computed += n.role == bp::NodeRole::Computed;
      for (int e = 0; e < static_cast<int>(g.edges.size()); ++e) carrying += g.carries_gradient(e);
      CHECK(st.forward_step_count() == computed);
      CHECK(st.step_count() == computed + 1 + carrying);  // MLPs: no fan-out on the loss path
      // per layer: matvec (+ add) and the activation, then s and l
      CHECK(computed == layers * (biases ? 2 : 1) + (layers - 1) + 2);
      // reverse topological: every edge's consumer already has its gradient when it is stepped
      Stepper walk = st;
      for (int i = st.forward_step_count(); i < st.step_count(); ++i) {
        walk.seek(i);
        const Step& step = st.steps()[i];
        if (step.kind == StepKind::Edge) CHECK(walk.grad_state(g.edges[step.edge].to) == GradState::Complete);
      }
      walk.seek(st.step_count());
      for (int n = 0; n < static_cast<int>(g.nodes.size()); ++n)
        CHECK((walk.grad_state(n) == GradState::Complete) == g.nodes[n].has_grad);
    }
}

TEST_CASE("fan-out: each share is a += step, then the sum") {
  const Stepper st = stepper_for(test::fan_out());
  CHECK(trace(st) == std::vector<std::string>{"F a", "F b", "F c", "F l", "S l", "E l→c", "E+ c→a", "E c→b",
                                              "E+ b→a", "+ a", "E a→W", "E a→x"});
  Stepper walk = st;
  const int a = node(st, "a");
  walk.seek(index_of(st, "E+ c→a"));
  CHECK(walk.grad_state(a) == GradState::None);
  walk.step_forward();
  CHECK(walk.grad_state(a) == GradState::Partial);
  walk.seek(index_of(st, "+ a"));
  CHECK(walk.grad_state(a) == GradState::Partial);  // both shares in, not yet added
  walk.step_forward();
  CHECK(walk.grad_state(a) == GradState::Complete);
}

TEST_CASE("position: idle → forward → backward → done, and what is known at each step") {
  Stepper st = stepper_for(test::from_report(test::exercise()));
  CHECK(st.step() == 0);
  CHECK(st.phase() == Phase::Idle);
  CHECK(st.current() == nullptr);
  CHECK(st.formula().empty());
  // leaves are known from the start, computed values only after their step
  CHECK(st.value_known(node(st, "W0")));
  CHECK(st.value_known(node(st, "I")));
  CHECK(st.value_known(node(st, "label")));
  CHECK_FALSE(st.value_known(node(st, "h")));
  CHECK_FALSE(st.edge_value_known(edge(st, "W0", "h")));

  CHECK(st.step_forward());
  CHECK(st.step() == 1);
  CHECK(st.phase() == Phase::Forward);
  CHECK(st.current()->kind == StepKind::Forward);
  CHECK(st.current()->node == node(st, "h"));
  CHECK(st.value_known(node(st, "h")));
  CHECK(st.edge_value_known(edge(st, "W0", "h")));
  CHECK(st.edge_value_known(edge(st, "I", "h")));
  CHECK_FALSE(st.value_known(node(st, "L")));

  st.seek(5);  // all forward steps done, l shown
  CHECK(st.phase() == Phase::Forward);
  CHECK(st.value_known(node(st, "l")));
  CHECK(st.grad_state(node(st, "l")) == GradState::None);
  CHECK(st.step_forward());  // the seed
  CHECK(st.phase() == Phase::Backward);
  CHECK(st.grad_state(node(st, "l")) == GradState::Complete);
  CHECK(st.grad_state(node(st, "O")) == GradState::None);
  st.step_forward();
  CHECK(st.grad_state(node(st, "O")) == GradState::Complete);
  CHECK(st.edge_grad_known(edge(st, "O", "l")));
  CHECK_FALSE(st.edge_grad_known(edge(st, "W1", "O")));
  st.step_forward();
  CHECK(st.edge_grad_known(edge(st, "W1", "O")));
  CHECK(st.grad_state(node(st, "W1")) == GradState::Complete);
  CHECK(st.grad_state(node(st, "L")) == GradState::None);

  st.seek(st.step_count());
  CHECK(st.phase() == Phase::Done);
  CHECK_FALSE(st.step_forward());  // at the end
  CHECK(st.step() == 12);
  // never: the read-out s and the label have no gradient, and no gradient flows to them
  CHECK(st.grad_state(node(st, "s")) == GradState::None);
  CHECK(st.grad_state(node(st, "label")) == GradState::None);
  CHECK_FALSE(st.edge_grad_known(edge(st, "O", "s")));
  CHECK_FALSE(st.edge_grad_known(edge(st, "label", "l")));
  CHECK(st.formula() == st.formula_of(11));  // done still shows the last step

  CHECK(st.step_back());
  CHECK(st.step() == 11);
  CHECK(st.phase() == Phase::Backward);
  CHECK(st.grad_state(node(st, "W0")) == GradState::Complete);
  CHECK(st.grad_state(node(st, "I")) == GradState::None);
  st.seek(-3);
  CHECK(st.step() == 0);
  CHECK_FALSE(st.step_back());
  st.seek(99);
  CHECK(st.step() == 12);
  st.reset();
  CHECK(st.step() == 0);
  CHECK(st.phase() == Phase::Idle);
}

TEST_CASE("play: tick advances at the speed, carries fractions, stops at the end; Play again restarts") {
  Stepper st = stepper_for(test::from_report(test::exercise()));
  CHECK(st.speed() == Stepper::kDefaultSpeed);
  CHECK(st.tick(1.0) == 0);  // not playing
  st.set_speed(4);
  st.play();
  CHECK(st.playing());
  CHECK(st.step() == 0);
  CHECK(st.tick(0.1) == 0);  // 0.4 of a step
  CHECK(st.tick(0.1) == 0);  // 0.8
  CHECK(st.tick(0.1) == 1);  // 1.2 → one step, 0.2 carried
  CHECK(st.step() == 1);
  CHECK(st.tick(0.5) == 2);  // 2.2 → two
  CHECK(st.step() == 3);
  CHECK(st.tick(-1) == 0);
  CHECK(st.tick(std::numeric_limits<double>::quiet_NaN()) == 0);
  st.pause();
  CHECK(st.tick(10) == 0);
  st.toggle_play();
  CHECK(st.playing());
  CHECK(st.tick(100) == 9);  // to the end, and no further
  CHECK(st.phase() == Phase::Done);
  CHECK_FALSE(st.playing());
  st.play();  // from the end: starts over
  CHECK(st.step() == 0);
  CHECK(st.playing());
  CHECK(st.tick(0.25) == 1);
  // a manual step takes over from playing; scrubbing keeps playing
  st.seek(4);
  CHECK(st.playing());
  st.step_forward();
  CHECK_FALSE(st.playing());
  st.play();
  st.step_back();
  CHECK_FALSE(st.playing());
  st.play();
  st.reset();
  CHECK_FALSE(st.playing());
  // speed limits
  st.set_speed(1000);
  CHECK(st.speed() == Stepper::kMaxSpeed);
  st.set_speed(0);
  CHECK(st.speed() == Stepper::kMinSpeed);
}

TEST_CASE("editing while stepping keeps the position and recomputes the formula") {
  bp::State s = test::exercise();
  Stepper st = stepper_for(test::from_report(s));
  const int at = index_of(st, "E O→W1") + 1;
  st.seek(at);
  const std::string before = st.formula();
  CHECK(before.find("[2, 13]") != std::string::npos);  // ∇_O l ⊗ L with L = [2, 13]

  // a value edit: same steps, same position, new numbers
  s.input(1) = 2;  // h = [0, 18]: L = [0, 18]
  st.rebuild(test::from_report(s));
  CHECK(st.step() == at);
  CHECK(st.current()->kind == StepKind::Edge);
  CHECK(st.formula() != before);
  CHECK(st.formula().find("\xE2\x8A\x97 [0, 18] =") != std::string::npos);

  // a shape edit: with biases O → W1 becomes W1·L → W1, the step that brings ∇_{W1} l
  s = test::with_biases(s);
  st.rebuild(test::from_report(s));
  CHECK(trace(st)[st.step() - 1] == "E W1·L→W1");
  st.seek(index_of(st, "E L→h") + 1);  // the same step at another index
  s.biases = {std::nullopt, std::nullopt};
  st.rebuild(test::from_report(s));
  CHECK(st.step() == index_of(st, "E L→h") + 1);
  // naive ↔ stable: l → O is s → O in the naive form (∇_O l arrives from s)
  s = test::exercise();
  st.rebuild(test::from_report(s));
  st.seek(index_of(st, "E l→O") + 1);
  s.loss_form = bp::LossForm::Naive;
  st.rebuild(test::from_report(s));
  CHECK(trace(st)[st.step() - 1] == "E s→O");
  // a step that is gone for good (b0 removed): the same index
  s = test::with_biases(test::exercise());
  st.rebuild(test::from_report(s));
  const int at_b0 = index_of(st, "E h→b0") + 1;
  st.seek(at_b0);
  st.rebuild(test::from_report(test::exercise()));
  CHECK(st.step_count() == 12);  // 18 steps became 12: clamped to the end
  CHECK(st.step() == 12);
  st.rebuild(test::from_report(s));
  st.seek(index_of(st, "F W1·L") + 1);  // position 4
  st.rebuild(test::from_report(test::exercise()));
  CHECK(st.step() == 4);
  // fewer steps than the position: clamped to the end
  st.seek(13);
  st.rebuild(test::from_report(test::exercise()));
  CHECK(st.phase() == Phase::Done);
  CHECK(st.step() == 12);
  // idle stays idle, done stays done
  st.reset();
  st.rebuild(test::from_report(test::with_biases(test::exercise())));
  CHECK(st.phase() == Phase::Idle);
  st.seek(st.step_count());
  st.rebuild(test::from_report(test::exercise()));
  CHECK(st.phase() == Phase::Done);
  // a rebuild while playing keeps playing
  st.reset();
  st.play();
  st.tick(1.0);
  st.rebuild(test::from_report(test::exercise()));
  CHECK(st.playing());
  CHECK(st.step() == 2);
}
