// Every op's three rules agree with each other: the VJP equals gᵀ·Jacobian, and the Jacobian
// equals central differences of the forward rule. Then the exact/textbook derivative forms.
#include <cmath>
#include <random>

#include "engine/ops.h"
#include "test_util.h"

using bp::Args;
using bp::Derivatives;
using bp::Mat;
using bp::OpKind;

namespace {

using MatD = Mat<double>;

MatD random(Eigen::Index r, Eigen::Index c, std::mt19937& rng, double lo = -2, double hi = 2) {
  std::uniform_real_distribution<double> u(lo, hi);
  return MatD::NullaryExpr(r, c, [&] { return u(rng); });
}

MatD distribution(Eigen::Index n, std::mt19937& rng) {
  MatD p = random(n, 1, rng, 0.1, 1);
  return p / p.sum();
}

// inputs that suit each op (probabilities where the op expects them, no ReLU input near 0)
std::vector<MatD> inputs_for(OpKind op, std::mt19937& rng) {
  switch (op) {
    case OpKind::MatVec: return {random(3, 4, rng), random(4, 1, rng)};
    case OpKind::Add: return {random(3, 1, rng), random(3, 1, rng)};
    case OpKind::CrossEntropy: return {distribution(4, rng), distribution(4, rng)};
    case OpKind::SoftmaxCrossEntropy: return {random(4, 1, rng), distribution(4, rng)};
    case OpKind::Mse: return {random(4, 1, rng), random(4, 1, rng)};
    case OpKind::Relu:
    case OpKind::LeakyRelu: return {(MatD(4, 1) << -1.5, -0.5, 0.7, 1.9).finished()};
    default: return {random(4, 1, rng)};
  }
}

Args<double> args_of(const std::vector<MatD>& x) {
  Args<double> a;
  a.n = static_cast<int>(x.size());
  for (int k = 0; k < a.n; ++k) a.x[k] = &x[k];
  return a;
}

MatD forward(OpKind op, const std::vector<MatD>& x) {
  MatD y;
  bp::op_rule<double>(op).forward(args_of(x), y);
  return y;
}

const OpKind kAllOps[] = {OpKind::MatVec,  OpKind::Add,        OpKind::Relu,         OpKind::LeakyRelu,
                          OpKind::Sigmoid, OpKind::Tanh,       OpKind::Identity,     OpKind::Softmax,
                          OpKind::LogSoftmax, OpKind::CrossEntropy, OpKind::SoftmaxCrossEntropy, OpKind::Mse};

}  // namespace

TEST_CASE("every op: VJP = gᵀ·J and J = finite differences of the forward rule") {
  std::mt19937 rng(7);
  for (OpKind op : kAllOps)
    for (Derivatives d : {Derivatives::Exact, Derivatives::Textbook}) {
      CAPTURE(bp::op_name(op));
      CAPTURE(static_cast<int>(d));
      const auto& rule = bp::op_rule<double>(op);
      std::vector<MatD> x = inputs_for(op, rng);
      REQUIRE(static_cast<int>(x.size()) == rule.arity);
      const MatD y = forward(op, x);
      const MatD g = random(y.rows(), y.cols(), rng);
      for (int k = 0; k < rule.arity; ++k) {
        CAPTURE(k);
        const MatD J = rule.jacobian(args_of(x), y, k, d);
        REQUIRE(J.rows() == y.size());
        REQUIRE(J.cols() == x[k].size());
        MatD vjp = MatD::Zero(x[k].rows(), x[k].cols());
        rule.vjp(args_of(x), y, g, k, d, vjp);
        CHECK(test::rel_to_max(bp::flatten_row_major(vjp), bp::flatten_row_major(g) * J) < 1e-13);

        MatD numeric(J.rows(), J.cols());
        for (Eigen::Index c = 0; c < x[k].size(); ++c) {
          std::vector<MatD> plus = x, minus = x;
          bp::at_row_major(plus[k], c) += 1e-6;
          bp::at_row_major(minus[k], c) -= 1e-6;
          numeric.col(c) = (bp::flatten_row_major(MatD(forward(op, plus))) -
                            bp::flatten_row_major(MatD(forward(op, minus)))).transpose() / 2e-6;
        }
        CHECK(test::rel_to_max(J, numeric) < 1e-7);
      }
    }
}

TEST_CASE("a value's VJP accumulates with += (so fan-out sums)") {
  const MatD x = (MatD(2, 1) << 1, 2).finished();
  const MatD y = forward(OpKind::Identity, {x});
  MatD gx = MatD::Constant(2, 1, 10);
  bp::op_rule<double>(OpKind::Identity).vjp(args_of({x}), y, MatD::Ones(2, 1), 0, Derivatives::Exact, gx);
  CHECK(gx(0) == 11);
}

TEST_CASE("ReLU'(0) = 0 and leaky ReLU'(0) = 0.01, as PyTorch") {
  const std::vector<MatD> zero = {MatD::Zero(1, 1)};
  const MatD y = forward(OpKind::Relu, zero);
  CHECK(bp::op_rule<double>(OpKind::Relu).jacobian(args_of(zero), y, 0, Derivatives::Exact)(0, 0) == 0);
  CHECK(bp::op_rule<double>(OpKind::LeakyRelu).jacobian(args_of(zero), y, 0, Derivatives::Exact)(0, 0) == 0.01);
}

TEST_CASE("exact derivatives keep what the textbook forms lose to rounding") {
  const double s0 = 7.7811322411337966e-20;  // softmax([−33, 11])[0]
  const std::vector<MatD> logits = {(MatD(2, 1) << -33, 11).finished()};
  const MatD s = forward(OpKind::Softmax, logits);
  CHECK(s(1) == 1.0);  // rounds to 1: 1 − s1 computed by subtraction is 0

  SUBCASE("softmax Jacobian diagonal s_i(1 − s_i)") {
    const auto& rule = bp::op_rule<double>(OpKind::Softmax);
    CHECK(rule.jacobian(args_of(logits), s, 0, Derivatives::Exact)(1, 1) == doctest::Approx(s0).epsilon(1e-15));
    CHECK(rule.jacobian(args_of(logits), s, 0, Derivatives::Textbook)(1, 1) == 0);
  }
  SUBCASE("fused softmax-cross-entropy: ∂l/∂O = [s0, −s0], textbook s − y = [s0, 0]") {
    const std::vector<MatD> in = {logits[0], (MatD(2, 1) << 0, 1).finished()};
    const MatD l = forward(OpKind::SoftmaxCrossEntropy, in);
    CHECK(l(0) == doctest::Approx(s0).epsilon(1e-15));  // log1p(e^−44), not 0
    const auto& rule = bp::op_rule<double>(OpKind::SoftmaxCrossEntropy);
    const MatD exact = rule.jacobian(args_of(in), l, 0, Derivatives::Exact);
    const MatD textbook = rule.jacobian(args_of(in), l, 0, Derivatives::Textbook);
    CHECK(exact(0, 1) == doctest::Approx(-s0).epsilon(1e-15));
    CHECK(textbook(0, 1) == 0);
    CHECK(textbook(0, 0) == doctest::Approx(s0).epsilon(1e-15));
  }
  SUBCASE("naive cross-entropy on s: l = 0, yet the exact chain still gives ∂l/∂O = [s0, −s0]") {
    const std::vector<MatD> in = {s, (MatD(2, 1) << 0, 1).finished()};
    const MatD l = forward(OpKind::CrossEntropy, in);
    CHECK(l(0) == 0);
    MatD g_s = MatD::Zero(2, 1), g_O = MatD::Zero(2, 1);
    bp::op_rule<double>(OpKind::CrossEntropy).vjp(args_of(in), l, MatD::Ones(1, 1), 0, Derivatives::Exact, g_s);
    bp::op_rule<double>(OpKind::Softmax).vjp(args_of(logits), s, g_s, 0, Derivatives::Exact, g_O);
    CHECK(g_O(0) == doctest::Approx(s0).epsilon(1e-15));
    CHECK(g_O(1) == doctest::Approx(-s0).epsilon(1e-15));
  }
  SUBCASE("log-softmax keeps log s1 = −7.78e-20") {
    const MatD y = forward(OpKind::LogSoftmax, logits);
    CHECK(y(1) == doctest::Approx(-s0).epsilon(1e-15));
    const auto& rule = bp::op_rule<double>(OpKind::LogSoftmax);
    CHECK(rule.jacobian(args_of(logits), y, 0, Derivatives::Exact)(1, 1) == doctest::Approx(s0).epsilon(1e-15));
    CHECK(rule.jacobian(args_of(logits), y, 0, Derivatives::Textbook)(1, 1) == 0);
  }
  SUBCASE("sigmoid'(40) = σ(40)σ(−40) ≈ 4.25e-18, textbook y(1 − y) = 0") {
    const std::vector<MatD> x = {MatD::Constant(1, 1, 40)};
    const MatD y = forward(OpKind::Sigmoid, x);
    const auto& rule = bp::op_rule<double>(OpKind::Sigmoid);
    CHECK(rule.jacobian(args_of(x), y, 0, Derivatives::Exact)(0, 0) ==
          doctest::Approx(std::exp(-40.0) / std::pow(1 + std::exp(-40.0), 2)).epsilon(1e-14));
    CHECK(rule.jacobian(args_of(x), y, 0, Derivatives::Textbook)(0, 0) == 0);
  }
  SUBCASE("tanh'(20) = sech²(20) ≈ 1.7e-17, textbook 1 − y² = 0") {
    const std::vector<MatD> x = {MatD::Constant(1, 1, 20)};
    const MatD y = forward(OpKind::Tanh, x);
    const auto& rule = bp::op_rule<double>(OpKind::Tanh);
    CHECK(rule.jacobian(args_of(x), y, 0, Derivatives::Exact)(0, 0) ==
          doctest::Approx(1 / std::pow(std::cosh(20.0), 2)).epsilon(1e-14));
    CHECK(rule.jacobian(args_of(x), y, 0, Derivatives::Textbook)(0, 0) == 0);
  }
}

TEST_CASE("Σ_{j≠i} s_j without subtraction") {
  const MatD s = (MatD(3, 1) << 1e-30, 1.0, 2e-30).finished();
  const MatD o = bp::sum_of_others(s);
  CHECK(o(1) == doctest::Approx(3e-30).epsilon(1e-15));
  CHECK(o(0) == 1.0);
}
