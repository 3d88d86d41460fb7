// Random networks: autodiff, the Jacobian chain and finite differences agree, in both precisions,
// for every activation and head, with and without biases.
#include <random>

#include "engine/number_format.h"
#include "test_util.h"

namespace {

bp::State random_network(std::mt19937& rng) {
  std::uniform_int_distribution<int> layers(1, 4), width(1, 8), coin(0, 1), act(0, 4);
  bp::State s = bp::random_state(rng(), layers(rng), width(rng));
  std::normal_distribution<double> n(0, 0.5);
  for (auto& W : s.weights) W = W.unaryExpr([&](double) { return n(rng); });
  s.input = s.input.unaryExpr([&](double) { return n(rng) * 2; });
  for (size_t k = 0; k < s.weights.size(); ++k)
    if (coin(rng)) s.biases[k] = Eigen::VectorXd::NullaryExpr(s.weights[k].rows(), [&] { return n(rng); });
  s.activation = static_cast<bp::Activation>(act(rng));
  if (coin(rng)) {
    s.head = bp::Head::Mse;
    s.label = s.label.unaryExpr([&](double) { return n(rng); });
  }
  return s;
}

}  // namespace

TEST_CASE("property: the three gradients agree on random networks") {
  std::mt19937 rng(2024);
  int compared = 0, kinks = 0;
  for (int trial = 0; trial < 200; ++trial) {
    bp::State s = random_network(rng);
    s.precision = trial % 4 == 3 ? bp::Precision::F32 : bp::Precision::F64;
    REQUIRE_FALSE(bp::validate(s).has_value());
    const bp::Report r = bp::evaluate(s);
    CAPTURE(trial);
    CAPTURE(bp::state_to_json(s));
    CAPTURE(r.numeric_vs_autodiff.note);
    CHECK(r.manual_vs_autodiff.ok);
    if (r.numeric_vs_autodiff.note.find("kink") != std::string::npos) {
      ++kinks;  // a finite difference straddled ReLU's corner: explained, not compared
      continue;
    }
    CHECK(r.numeric_vs_autodiff.ok);
    ++compared;
  }
  CHECK(compared > 180);
  MESSAGE("compared " << compared << ", kink crossings explained " << kinks);
}

TEST_CASE("property: a ReLU input exactly at 0 makes the numeric check fail with the kink named") {
  bp::State s = bp::exercise_state();
  s.weights[0](0, 0) = 0.5;  // h0 = 0.5·4 − 2·1 = 0 exactly
  const bp::Report r = bp::evaluate(s);
  CHECK(r.find_forward("h")->value(0) == 0);
  CHECK(r.manual_vs_autodiff.ok);
  CHECK_FALSE(r.numeric_vs_autodiff.ok);
  CHECK(r.numeric_vs_autodiff.note.find("kink") != std::string::npos);
}

TEST_CASE("the largest network samples its numeric check and skips the manual chain") {
  bp::State s = bp::random_state(1, bp::kMaxLayers, bp::kMaxWidth);
  const bp::Report r = bp::evaluate(s);
  CHECK(r.manual_skip.reason == bp::ManualSkip::Reason::TooWide);
  CHECK(bp::manual_skip_text(r.manual_skip).find("has 256 entries; the manual Jacobian chain is limited to width 64") != std::string::npos);
  CHECK_FALSE(r.manual_vs_autodiff.compared);
  CHECK(r.numeric_checked < r.numeric_total);
  CHECK(r.numeric_checked >= bp::kMaxLayers * 8);
  CHECK(r.numeric_vs_autodiff.note.find("sample") != std::string::npos);
}
