// Snapshots: the app's view of the engine's graph, from a Report or straight from a Graph.
#include "app_test_util.h"

using app::logic::GraphSnapshot;

namespace {

double rel_diff(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  REQUIRE(a.rows() == b.rows());
  REQUIRE(a.cols() == b.cols());
  if (a.size() == 0) return 0;
  const double scale = std::max(a.cwiseAbs().maxCoeff(), b.cwiseAbs().maxCoeff());
  const double diff = (a - b).cwiseAbs().maxCoeff();
  return diff == 0 ? 0 : diff / scale;
}

}  // namespace

TEST_CASE("the exercise: nodes, roles, edges and who carries gradient") {
  const GraphSnapshot g = test::from_report(test::exercise());
  std::vector<std::string> names;
  for (const auto& n : g.nodes) names.push_back(n.name);
  CHECK(names == std::vector<std::string>{"I", "W0", "h", "L", "W1", "O", "label", "s", "l"});
  CHECK(g.root == g.find("l"));
  CHECK(g.nodes[g.find("I")].role == bp::NodeRole::Input);
  CHECK(g.nodes[g.find("W1")].role == bp::NodeRole::Parameter);
  CHECK(g.nodes[g.find("label")].role == bp::NodeRole::Constant);
  CHECK(g.nodes[g.find("h")].op == bp::OpKind::MatVec);
  CHECK(g.nodes[g.find("l")].op == bp::OpKind::SoftmaxCrossEntropy);
  // s is a read-out beside the loss path in the stable form; the label never has a gradient
  CHECK_FALSE(g.nodes[g.find("s")].has_grad);
  CHECK_FALSE(g.nodes[g.find("label")].has_grad);
  for (const char* n : {"I", "W0", "h", "L", "W1", "O", "l"}) {
    CAPTURE(n);
    CHECK(g.nodes[g.find(n)].has_grad);
  }
  CHECK(g.edges.size() == 8);  // h ← W0, I; L ← h; O ← W1, L; s ← O; l ← O, label
  int carrying = 0;
  for (int e = 0; e < static_cast<int>(g.edges.size()); ++e) carrying += g.carries_gradient(e);
  CHECK(carrying == 6);
  CHECK_FALSE(g.carries_gradient(g.find_edge(g.find("O"), g.find("s"))));
  CHECK_FALSE(g.carries_gradient(g.find_edge(g.find("label"), g.find("l"))));
  CHECK(g.nodes[g.find("W0")].value == bp::exercise_state().weights[0]);
  CHECK(g.nodes[g.find("h")].value == Eigen::Vector2d(2, 13));
}

TEST_CASE("Report and Graph give the same snapshot (node_grads agree with graph.backward)") {
  for (bool biases : {false, true})
    for (bp::LossForm form : {bp::LossForm::Stable, bp::LossForm::Naive})
      for (const bp::State& base : {test::exercise(form), bp::random_state(7, 3, 5), bp::random_state(11, 1, 3)}) {
        bp::State s = base;
        s.loss_form = form;
        if (biases) s = test::with_biases(s);
        const GraphSnapshot a = test::from_report(s), b = test::from_network(s);
        REQUIRE(a.nodes.size() == b.nodes.size());
        CHECK(a.root == b.root);
        CHECK(a.edges.size() == b.edges.size());
        for (size_t i = 0; i < a.nodes.size(); ++i) {
          CAPTURE(a.nodes[i].name);
          CHECK(a.nodes[i].name == b.nodes[i].name);
          CHECK(a.nodes[i].role == b.nodes[i].role);
          CHECK(a.nodes[i].op == b.nodes[i].op);
          CHECK(a.nodes[i].inputs == b.nodes[i].inputs);
          CHECK(a.nodes[i].on_loss_path == b.nodes[i].on_loss_path);
          CHECK(a.nodes[i].has_grad == b.nodes[i].has_grad);
          CHECK(rel_diff(a.nodes[i].value, b.nodes[i].value) <= 1e-15);
          CHECK(rel_diff(a.nodes[i].grad, b.nodes[i].grad) <= 1e-15);
        }
      }
}

TEST_CASE("op names map back to ops") {
  for (int k = 0; k < bp::kOpCount; ++k)
    CHECK(app::logic::op_from_name(bp::op_name(static_cast<bp::OpKind>(k))) == static_cast<bp::OpKind>(k));
  CHECK_FALSE(app::logic::op_from_name("conv2d").has_value());
}
