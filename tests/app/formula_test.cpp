// The formula bar's text for every step of the exercise, with the exact numbers the engine gives
// (∇_O l = s − y = [7.781e-20, −7.781e-20], the notebook's gradients ×2, never a misleading 0).
#include "app/logic/formula.h"
#include "app/logic/stepper.h"
#include "app_test_util.h"

using namespace app::logic;

namespace {

std::vector<std::string> formulas(const bp::State& s) {
  Stepper st;
  st.rebuild(test::from_report(s));
  std::vector<std::string> out;
  for (int i = 0; i < st.step_count(); ++i) out.push_back(st.formula_of(i));
  return out;
}

}  // namespace

TEST_CASE("numbers: 4 significant digits, scientific when tiny, a true minus sign") {
  CHECK(formula_number(3.1124528964535187e-19) == "3.112e-19");
  CHECK(formula_number(-3.1124528964535187e-19) == "\xE2\x88\x92" "3.112e-19");
  CHECK(formula_number(-33) == "\xE2\x88\x92" "33");
  CHECK(formula_number(0) == "0");
  CHECK(formula_number(-0.0) == "0");
  CHECK(formula_number(-std::numeric_limits<double>::infinity()) == "\xE2\x88\x92" "inf");
  CHECK(formula_values(Eigen::MatrixXd::Constant(1, 1, 7.781e-20)) == "7.781e-20");
  CHECK(formula_values(Eigen::Vector2d(2, 13)) == "[2, 13]");
  Eigen::MatrixXd W(2, 2);
  W << 1, -2, 2, 5;
  CHECK(formula_values(W) == "[[1, \xE2\x88\x92" "2], [2, 5]]");
  CHECK(formula_values(Eigen::VectorXd::LinSpaced(6, 1, 6)) == "[1, 2, 3, 4, 5, 6]");
  CHECK(formula_values(Eigen::VectorXd::LinSpaced(64, 1, 64)) == "[1, 2, 3, 4, \xE2\x80\xA6, 64]");
  CHECK(formula_values(Eigen::MatrixXd::Identity(64, 64)) ==
        "[[1, 0, \xE2\x80\xA6, 0], [0, 1, \xE2\x80\xA6, 0], \xE2\x80\xA6, [0, 0, \xE2\x80\xA6, 1]]");
  CHECK(formula_values(Eigen::MatrixXd()) == "?");
}

TEST_CASE("the exercise, stable loss: every step's formula with its numbers") {
  const std::vector<std::string> expected = {
      "h = W0·I = [2, 13]",
      "L = ReLU(h) = [2, 13]",
      "O = W1·L = [−33, 11]",
      "s = softmax(O) = [7.781e-20, 1]",
      "l = −Σ y·log softmax(O) = 7.781e-20",
      "∇_l l = ∂l/∂l = 1",
      "∇_O l = ∇_l l · ∂l/∂O = s − y = [7.781e-20, 1] − [0, 1] = [7.781e-20, −7.781e-20]",
      "∇_{W1} l = ∇_O l · ∂O/∂W1 = ∇_O l ⊗ L = [7.781e-20, −7.781e-20] ⊗ [2, 13] = "
      "[[1.556e-19, 1.012e-18], [−1.556e-19, −1.012e-18]]",
      "∇_L l = ∇_O l · ∂O/∂L = ∇_O l · W1 = [7.781e-20, −7.781e-20] · [[3, −3], [−1, 1]] = [3.112e-19, −3.112e-19]",
      "∇_h l = ∇_L l ⊙ 1[h>0] = [3.112e-19, −3.112e-19] ⊙ [1, 1] = [3.112e-19, −3.112e-19]",
      "∇_{W0} l = ∇_h l · ∂h/∂W0 = ∇_h l ⊗ I = [3.112e-19, −3.112e-19] ⊗ [4, 1] = "
      "[[1.245e-18, 3.112e-19], [−1.245e-18, −3.112e-19]]",
      "∇_I l = ∇_h l · ∂h/∂I = ∇_h l · W0 = [3.112e-19, −3.112e-19] · [[1, −2], [2, 5]] = [−3.112e-19, −2.179e-18]",
  };
  const std::vector<std::string> got = formulas(test::exercise());
  REQUIRE(got.size() == expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i] == expected[i]);
  }
}

TEST_CASE("the exercise, naive loss: l prints 0 (s1 rounds to 1) but the gradients do not vanish") {
  const std::vector<std::string> got = formulas(test::exercise(bp::LossForm::Naive));
  REQUIRE(got.size() == 13);
  CHECK(got[4] == "l = −Σ y·log s = 0");
  CHECK(got[6] == "∇_s l = ∇_l l · ∂l/∂s = −y/s = −[0, 1] / [7.781e-20, 1] = [0, −1]");
  CHECK(got[7] ==
        "∇_O l = ∇_s l · ∂s/∂O = ∇_s l · (diag(s) − s sᵀ) = [0, −1] · "
        "[[7.781e-20, −7.781e-20], [−7.781e-20, 7.781e-20]] = [7.781e-20, −7.781e-20]");
  CHECK(got[10] == "∇_h l = ∇_L l ⊙ 1[h>0] = [3.112e-19, −3.112e-19] ⊙ [1, 1] = [3.112e-19, −3.112e-19]");
}

TEST_CASE("textbook derivatives lose ∇_O l's second entry, as PyTorch's F.cross_entropy does") {
  bp::State s = test::exercise();
  s.softmax_backward = bp::SoftmaxBackward::Textbook;
  const std::vector<std::string> got = formulas(s);
  CHECK(got[6] == "∇_O l = ∇_l l · ∂l/∂O = s − y = [7.781e-20, 1] − [0, 1] = [7.781e-20, 0]");
  const std::string lost = "= [[1.556e-19, 1.012e-18], [0, 0]]";
  CHECK(got[7].compare(got[7].size() - lost.size(), lost.size(), lost) == 0);
}

TEST_CASE("float32, as the notebook ran it: the same tiny gradients") {
  bp::State s = test::exercise(bp::LossForm::Naive);
  s.precision = bp::Precision::F32;
  const std::vector<std::string> got = formulas(s);
  CHECK(got[4] == "l = −Σ y·log s = 0");
  CHECK(got[9].find("= [3.112e-19, −3.112e-19]") != std::string::npos);
}

TEST_CASE("biases, other activations and the MSE head") {
  bp::State s = test::with_biases(test::exercise());
  s.head = bp::Head::Mse;
  s.activation = bp::Activation::Sigmoid;
  const std::vector<std::string> got = formulas(s);
  CHECK(got[0] == "W0·I = [2, 13]");  // the product node is already named for its formula
  CHECK(got[1] == "h = W0·I + b0 = [2, 13] + [0.25, −0.5] = [2.25, 12.5]");
  CHECK(got[2] == "L = σ(h) = [0.9047, 1]");
  CHECK(got[5] == "l = (1/n) Σ (O − y)² = 1.009");
  CHECK(got[7] == "∇_O l = ∇_l l · ∂l/∂O = (2/n)(O − y) = (2/2)·([0.214, −0.4047] − [0, 1]) = [0.214, −1.405]");
  CHECK(got[8] == "∇_{W1·L} l = ∇_O l · ∂O/∂(W1·L) = ∇_O l = [0.214, −1.405]");
  CHECK(got[9] == "∇_{b1} l = ∇_O l · ∂O/∂b1 = ∇_O l = [0.214, −1.405]");
  // σ'(12.5) = 3.7e-6: small, shown, not 0
  CHECK(got[12] == "∇_h l = ∇_L l ⊙ σ′(h) = [2.047, −2.047] ⊙ [0.08626, 3.727e-6] = [0.1765, −7.627e-6]");
  s.activation = bp::Activation::Tanh;
  CHECK(formulas(s)[12].rfind("∇_h l = ∇_L l ⊙ tanh′(h) = ", 0) == 0);
  s.activation = bp::Activation::LeakyRelu;
  s.input << -4, 3;  // h = [−10, 7] + b0: the first unit leaks
  CHECK(formulas(s)[12].find("⊙ [0.01, 1] =") != std::string::npos);
  s.activation = bp::Activation::Identity;
  CHECK(formulas(s)[12].rfind("∇_h l = ∇_L l = ", 0) == 0);
}

TEST_CASE("fan-out: each share, then their sum") {
  Stepper st;
  st.rebuild(test::fan_out());
  CHECK(st.formula_of(6) == "∇_a l += ∇_c l · ∂c/∂a = ∇_c l = [−1, 8]");
  CHECK(st.formula_of(8) == "∇_a l += ∇_b l ⊙ 1[a>0] = [−1, 8] ⊙ [0, 1] = [0, 8]");
  CHECK(st.formula_of(9) == "∇_a l = ∇_b l · ∂b/∂a + ∇_c l · ∂c/∂a = [0, 8] + [−1, 8] = [−1, 16]");
  CHECK(st.formula_of(10) == "∇_W l = ∇_a l · ∂a/∂W = ∇_a l ⊗ x = [−1, 16] ⊗ [1, 2] = [[−1, −2], [16, 32]]");
}

TEST_CASE("wide networks: long vectors and matrices are elided, the bar stays one line") {
  Stepper st;
  st.rebuild(test::from_network(bp::random_state(9, 8, 256)));
  for (int i = 0; i < st.step_count(); ++i) {
    CAPTURE(i);
    const std::string f = st.formula_of(i);
    CHECK_FALSE(f.empty());
    CHECK(f.size() < 400);
    CHECK(f.find('\n') == std::string::npos);
  }
}
