// The graph records ops eagerly, runs backward in reverse order and accumulates over consumers.
#include "engine/graph.h"
#include "test_util.h"

using bp::Graph;
using bp::Mat;
using bp::NodeRole;
using bp::OpKind;

TEST_CASE("a value used twice receives both gradient contributions") {
  Graph<double> g;
  const int x = g.leaf("x", NodeRole::Input, (Mat<double>(2, 1) << 1, 2).finished());
  const int y = g.leaf("y", NodeRole::Constant, (Mat<double>(2, 1) << 0, 0).finished());
  const int twice = g.apply("2x", OpKind::Add, {x, x});  // ∂(x + x)/∂x = 2
  const int l = g.apply("l", OpKind::Mse, {twice, y});   // l = (4x0² + 4x1²)/2
  CHECK(g[l].value(0) == doctest::Approx(10));
  g.backward(l);
  CHECK(g[x].grad(0) == doctest::Approx(4));  // ∂l/∂x_i = 4 x_i
  CHECK(g[x].grad(1) == doctest::Approx(8));
  CHECK(g[y].grad.isZero());  // constants receive nothing
}

TEST_CASE("forward() recomputes after a leaf edit; backward() resets gradients first") {
  Graph<double> g;
  const int W = g.leaf("W", NodeRole::Parameter, (Mat<double>(1, 2) << 1, 1).finished());
  const int x = g.leaf("x", NodeRole::Input, (Mat<double>(2, 1) << 3, 4).finished());
  const int y = g.leaf("y", NodeRole::Constant, Mat<double>::Zero(1, 1));
  const int o = g.apply("o", OpKind::MatVec, {W, x});
  const int l = g.apply("l", OpKind::Mse, {o, y});
  g.backward(l);
  g.backward(l);  // twice: no doubling
  CHECK(g[W].grad(0, 0) == doctest::Approx(2 * 7 * 3));
  g[W].value(0, 0) = 0;
  g.forward();
  CHECK(g[o].value(0) == doctest::Approx(4));
  CHECK(g.find("o") == o);
  CHECK(g.find("nope") == -1);
}

TEST_CASE("nodes beside the loss path are marked so") {
  Graph<double> g;
  const int O = g.leaf("O", NodeRole::Input, (Mat<double>(2, 1) << 1, 2).finished());
  const int y = g.leaf("y", NodeRole::Constant, (Mat<double>(2, 1) << 0, 1).finished());
  const int s = g.apply("s", OpKind::Softmax, {O});
  const int l = g.apply("l", OpKind::SoftmaxCrossEntropy, {O, y});
  g.backward(l);
  CHECK(g[O].on_loss_path);
  CHECK_FALSE(g[s].on_loss_path);
}
