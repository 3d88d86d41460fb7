// The engine against independent references written by tests/fixtures/generate_fixtures.py:
// exact mode against mpmath (≥ 50 digits), textbook mode against PyTorch's autograd.
#include "test_util.h"

namespace {

double tolerance(const bp::State& s) { return s.precision == bp::Precision::F64 ? 1e-12 : 1e-5; }

bp::State state_of(const nlohmann::json& c, bp::SoftmaxBackward mode) {
  bp::State s = test::parse_ok(c["state"].dump());
  s.softmax_backward = mode;
  return s;
}

}  // namespace

TEST_CASE("golden fixtures: exact mode matches mpmath, every element within 1e-12 (f32: 1e-5) of its matrix's max") {
  const nlohmann::json fixtures = test::load_fixture("golden.json");
  REQUIRE(fixtures["cases"].size() >= 40);
  for (const auto& c : fixtures["cases"]) {
    CAPTURE(c["name"].get<std::string>());
    const bp::State s = state_of(c, bp::SoftmaxBackward::Exact);
    const bp::Report r = bp::evaluate(s);
    const double tol = tolerance(s);
    for (const auto& item : c["exact"]["forward"].items()) {
      CAPTURE(item.key());
      const bp::NamedMatrix* m = r.find_forward(item.key());
      REQUIRE(m != nullptr);
      if (item.key() == "l" && s.loss_form == bp::LossForm::Naive)
        CHECK(std::abs(r.loss - item.value().get<double>()) <= tol * std::max(1.0, std::abs(r.loss)));  // −log s: absolute error
      else
        CHECK(test::rel_to_max(m->value, test::to_matrix(item.value())) <= tol);
    }
    for (const auto& item : c["exact"]["grad"].items()) {
      CAPTURE(item.key());
      const Eigen::MatrixXd expected = test::to_matrix(item.value());
      CHECK(test::rel_to_max(test::find(r.autodiff, item.key()).value, expected) <= tol);
      CHECK(test::rel_to_max(test::find(r.manual, item.key()).value, expected) <= tol);
    }
    CHECK(r.manual_vs_autodiff.ok);
  }
}

TEST_CASE("golden fixtures: textbook mode reproduces PyTorch, lost components included") {
  const nlohmann::json fixtures = test::load_fixture("golden.json");
  int lost_components = 0;
  for (const auto& c : fixtures["cases"]) {
    CAPTURE(c["name"].get<std::string>());
    const bp::State s = state_of(c, bp::SoftmaxBackward::Textbook);
    const bp::Report r = bp::evaluate(s);
    for (const auto& item : c["torch"]["grad"].items()) {
      CAPTURE(item.key());
      const Eigen::MatrixXd torch = test::to_matrix(item.value());
      const Eigen::MatrixXd exact = test::to_matrix(c["exact"]["grad"][item.key()]);
      const Eigen::MatrixXd& ours = test::find(r.autodiff, item.key()).value;
      CHECK(test::rel_to_max(ours, torch) <= (s.precision == bp::Precision::F64 ? 1e-12 : 1e-4));
      for (Eigen::Index i = 0; i < torch.size(); ++i)
        if (torch(i) == 0 && exact(i) != 0) {  // PyTorch lost it: so must textbook mode
          CHECK(ours(i) == 0);
          ++lost_components;
        }
    }
  }
  CHECK(lost_components > 0);  // the exercise's ∇W1 second row at least
}

TEST_CASE("the exercise: exact to the last digit where PyTorch loses ∇W1's second row") {
  const bp::Report r = bp::evaluate(bp::exercise_state());
  const double s0 = 7.7811322411337966e-20;
  CHECK(r.loss == s0);
  const Eigen::MatrixXd& W1 = test::find(r.autodiff, "W1").value;
  CHECK(W1(1, 0) == -1.5562264482267593e-19);
  CHECK(W1(1, 1) == -1.0115471913473936e-18);
  CHECK(test::find(r.autodiff, "W0").value(0, 0) == 1.2449811585814075e-18);
  CHECK(test::find(r.autodiff, "input").value(1) == doctest::Approx(-2.1787170275174629e-18).epsilon(1e-15));
  CHECK(test::find(r.manual_flat, "W1").value.cols() == 4);  // the exercise's flat 1×4 row
  CHECK(r.manual_vs_autodiff.ok);
  CHECK(r.manual_vs_autodiff.max_rel <= 1e-12);
  CHECK(r.numeric_vs_autodiff.ok);
  CHECK(r.numeric_vs_autodiff.max_rel <= 1e-6);
}
