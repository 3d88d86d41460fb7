// Graphs for the app-logic tests: the exercise, random networks, and a graph with fan-out.
#pragma once
#include <cstdint>
#include <optional>

#include <doctest/doctest.h>

#include "app/logic/graph_snapshot.h"
#include "engine/evaluate.h"
#include "engine/network.h"
#include "engine/state.h"

namespace test {

inline bp::State exercise(bp::LossForm form = bp::LossForm::Stable) {
  bp::State s = bp::exercise_state();
  s.loss_form = form;
  return s;
}

/// Gives every layer a bias (b_k = 0.25·(k + 1), …) so the graph gains the "W0·I" product nodes.
inline bp::State with_biases(bp::State s) {
  for (int k = 0; k < s.layers(); ++k)
    s.biases[k] = Eigen::VectorXd::LinSpaced(s.weights[k].rows(), 0.25 * (k + 1), -0.5);
  return s;
}

/// What the app shows: the state evaluated by the engine.
inline app::logic::GraphSnapshot from_report(const bp::State& s) {
  REQUIRE_FALSE(bp::validate(s).has_value());
  return app::logic::snapshot_of(s, bp::evaluate(s));
}

/// The same graph built directly (no Report): cheap enough for 8 layers × 256.
inline app::logic::GraphSnapshot from_network(const bp::State& s) {
  bp::Network<double> net = bp::build_network<double>(s);
  net.graph.backward(net.loss);
  return app::logic::snapshot_of(net.graph, net.loss);
}

/// A graph where one value has two consumers (not an MLP):
///   a = W·x,  b = ReLU(a),  c = a + b,  l = mse(c, y)   →  ∇_a l = ∇_c l·∂c/∂a + ∇_b l·∂b/∂a
inline app::logic::GraphSnapshot fan_out() {
  bp::Graph<double> g;
  Eigen::MatrixXd x(2, 1), W(2, 2), y(2, 1);
  x << 1, 2;
  W << 1, -1, 0.5, 2;
  y << 0, 1;
  const int ix = g.leaf("x", bp::NodeRole::Input, x);
  const int iW = g.leaf("W", bp::NodeRole::Parameter, W);
  const int a = g.apply("a", bp::OpKind::MatVec, {iW, ix});
  const int b = g.apply("b", bp::OpKind::Relu, {a});
  const int c = g.apply("c", bp::OpKind::Add, {a, b});
  const int iy = g.leaf("label", bp::NodeRole::Constant, y);
  const int l = g.apply("l", bp::OpKind::Mse, {c, iy});
  g.backward(l);
  return app::logic::snapshot_of(g, l);
}

}  // namespace test
