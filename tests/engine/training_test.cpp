// The batch gradient against evaluate()'s autodiff, and the optimizers' updates.
#include <cmath>

#include "engine/dataset_presets.h"
#include "engine/training.h"
#include "test_util.h"

namespace {

using bp::State;


// evaluate()'s autodiff gradient of W0, b0, …, I: what batch_gradient(state, true) must equal
std::vector<Eigen::MatrixXd> autodiff(const State& s) {
  const bp::Report r = bp::evaluate(s, {false, false});
  std::vector<Eigen::MatrixXd> out;
  for (const bp::NamedMatrix& m : r.autodiff) out.push_back(m.value);
  return out;
}

// bit for bit, NaN equal to NaN (the edge states overflow on purpose)
bool identical(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    const double x = a.data()[i], y = b.data()[i];
    if (!(x == y || (std::isnan(x) && std::isnan(y)))) return false;
  }
  return true;
}

void check_equals_autodiff(const State& s, const std::string& what) {
  CAPTURE(what);
  const bp::BatchGradient g = bp::batch_gradient(s, true);
  const std::vector<Eigen::MatrixXd> ref = autodiff(s);
  REQUIRE(g.grads.size() == ref.size());
  for (size_t i = 0; i < ref.size(); ++i) {
    CAPTURE(i);
    CHECK(identical(g.grads[i], ref[i]));
  }
  const double loss = bp::evaluate(s, {false, false}).loss;
  CHECK((g.loss == loss || (std::isnan(g.loss) && std::isnan(loss))));
  REQUIRE(g.sample_losses.size() == 1);
}

// a reproducible bias of n entries, from the engine's own reproducible numbers
Eigen::VectorXd bias(uint64_t seed, int n) { return bp::random_state(seed, 1, n).input; }

State random_network(uint64_t seed, int layers, int width, bool biases) {
  State s = bp::random_state(seed, layers, width);
  if (biases)
    for (int k = 0; k < layers; ++k) s.biases[k] = bias(seed * 31 + k, static_cast<int>(s.weights[k].rows()));
  return s;
}

// the mean of evaluate()'s per-sample gradients over s.dataset
std::vector<Eigen::MatrixXd> mean_of_samples(const State& s) {
  std::vector<Eigen::MatrixXd> sum;
  for (const bp::Sample& d : s.dataset) {
    State one = s;
    one.dataset.clear();
    one.input = d.input;
    one.label = d.label;
    std::vector<Eigen::MatrixXd> g = autodiff(one);
    g.pop_back();  // I: not a parameter of the dataset's loss
    if (sum.empty()) sum = g;
    else
      for (size_t i = 0; i < g.size(); ++i) sum[i] += g[i];
  }
  for (Eigen::MatrixXd& m : sum) m /= static_cast<double>(s.dataset.size());
  return sum;
}

std::vector<bp::Sample> random_samples(uint64_t seed, int n, const State& s) {
  std::vector<bp::Sample> out;
  for (int i = 0; i < n; ++i) {
    const State r = bp::random_state(seed + static_cast<uint64_t>(i), 1, static_cast<int>(s.input.size()));
    out.push_back({r.input, r.label});
  }
  return out;
}

}  // namespace

TEST_CASE("batch gradient: the exercise equals autodiff bit for bit, and the exact gradient") {
  const State s = bp::exercise_state();
  check_equals_autodiff(s, "exercise");
  const bp::BatchGradient g = bp::batch_gradient(s, true);
  const double s0 = 7.7811322411337966e-20;
  CHECK(g.loss == doctest::Approx(s0).epsilon(1e-15));
  CHECK(g.grads[1](0, 0) == doctest::Approx(2 * s0).epsilon(1e-15));   // ∇W1: both rows survive
  CHECK(g.grads[1](1, 1) == doctest::Approx(-13 * s0).epsilon(1e-15));
  CHECK(g.grads[0](0, 0) == doctest::Approx(16 * s0).epsilon(1e-15));   // ∇W0, not PyTorch's 12·s0
  CHECK(g.grads[2](1, 0) == doctest::Approx(-28 * s0).epsilon(1e-15));  // ∇I
  CHECK(bp::batch_gradient(s).grads.size() == 2);  // I only when asked
}

TEST_CASE("batch gradient: every edge state equals autodiff bit for bit") {
  const nlohmann::json cases = test::load_fixture("edge_states.json")["cases"];
  REQUIRE(cases.size() > 10);
  for (const auto& c : cases) check_equals_autodiff(test::parse_ok(c["state"].dump()), c["name"].get<std::string>());
}

TEST_CASE("batch gradient: random networks of every activation, head and option equal autodiff bit for bit") {
  int checked = 0;
  uint64_t seed = 1;
  for (int a = 0; a < 5; ++a)
    for (int h = 0; h < 2; ++h)
      for (int option = 0; option < 8; ++option) {
        const int layers = 1 + (option + a) % 4, width = 1 + (seed % 5);
        State s = random_network(seed++, layers, width, option & 1);
        s.activation = static_cast<bp::Activation>(a);
        s.head = static_cast<bp::Head>(h);
        s.loss_form = option & 2 ? bp::LossForm::Naive : bp::LossForm::Stable;
        s.softmax_backward = option & 4 ? bp::SoftmaxBackward::Textbook : bp::SoftmaxBackward::Exact;
        for (bp::Precision p : {bp::Precision::F64, bp::Precision::F32}) {
          s.precision = p;
          check_equals_autodiff(s, "seed " + std::to_string(seed - 1) + " " + std::string(bp::option_name(p)));
          ++checked;
        }
      }
  CHECK(checked == 160);
  // wide layers, where Eigen's products take their vectorised paths
  for (int width : {17, 64, 256}) {
    State s = random_network(900 + width, width == 256 ? 3 : 8, width, true);
    s.activation = bp::Activation::Tanh;
    check_equals_autodiff(s, "width " + std::to_string(width));
  }
}

TEST_CASE("batch gradient: a dataset's gradient is the mean of the samples' gradients") {
  for (int option = 0; option < 12; ++option) {
    State s = random_network(100 + option, 2 + option % 3, 3, option & 1);
    s.activation = static_cast<bp::Activation>(option % 5);
    s.head = option & 2 ? bp::Head::Mse : bp::Head::SoftmaxCE;
    s.precision = option & 4 ? bp::Precision::F32 : bp::Precision::F64;
    s.dataset = random_samples(500 + option, 1 + 7 * option % 50, s);
    CAPTURE(option);
    const bp::BatchGradient g = bp::batch_gradient(s, true);
    const std::vector<Eigen::MatrixXd> ref = mean_of_samples(s);
    REQUIRE(g.grads.size() == ref.size() + 1);
    const double tol = s.precision == bp::Precision::F32 ? 1e-5 : 1e-13;
    for (size_t i = 0; i < ref.size(); ++i) CHECK(test::rel_to_max(g.grads[i], ref[i]) <= tol);
    CHECK(g.grads.back().isZero(0));  // the dataset's loss does not depend on I
    REQUIRE(g.sample_losses.size() == s.dataset.size());
    double sum = 0;
    for (double l : g.sample_losses) sum += l;
    CHECK(g.loss == doctest::Approx(sum / s.dataset.size()).epsilon(tol));
  }
  // 8 × 64 over 50 points: the batch's matrix products against 50 matrix-vector ones
  State deep = random_network(77, 8, 64, true);
  deep.activation = bp::Activation::Tanh;
  for (auto& w : deep.weights) w /= 8;
  deep.dataset = random_samples(3000, 50, deep);
  const bp::BatchGradient g = bp::batch_gradient(deep);
  const std::vector<Eigen::MatrixXd> ref = mean_of_samples(deep);
  for (size_t i = 0; i < ref.size(); ++i) CHECK(test::rel_to_max(g.grads[i], ref[i]) <= 1e-13);
}

TEST_CASE("optimizers: SGD, momentum, Nesterov and Adam apply PyTorch's update") {
  const State s0 = random_network(7, 2, 3, true);
  const Eigen::MatrixXd g0 = bp::batch_gradient(s0).grads[0];
  const Eigen::MatrixXd w0 = s0.weights[0];

  SUBCASE("sgd with weight decay: p − lr·(g + wd·p)") {
    State s = s0;
    bp::Optimizer opt({bp::OptimizerKind::Sgd, 0.5, 0, false, 0.9, 0.999, 1e-8, 0.25});
    const bp::BatchGradient used = opt.step(s);
    CHECK(identical(used.grads[0], g0));
    CHECK(identical(s.weights[0], w0 + (-0.5) * (g0 + 0.25 * w0)));
    CHECK(opt.steps() == 1);
  }
  SUBCASE("momentum: buf = g, then μ·buf + g; Nesterov steps by g + μ·buf") {
    for (bool nesterov : {false, true}) {
      State s = s0;
      bp::Optimizer opt({bp::OptimizerKind::Momentum, 0.1, 0.5, nesterov});
      opt.step(s);
      const Eigen::MatrixXd w1 = s.weights[0];
      CHECK(identical(w1, w0 + (-0.1) * (nesterov ? Eigen::MatrixXd(g0 + 0.5 * g0) : g0)));
      const Eigen::MatrixXd g1 = bp::batch_gradient(s).grads[0];
      opt.step(s);
      const Eigen::MatrixXd buf = g0 * 0.5 + g1;
      CHECK(test::rel_to_max(s.weights[0], w1 - 0.1 * (nesterov ? Eigen::MatrixXd(g1 + 0.5 * buf) : buf)) <= 1e-15);
    }
  }
  SUBCASE("adam: the first step moves each entry by lr·g/(|g| + eps)") {
    State s = s0;
    bp::Optimizer opt({bp::OptimizerKind::Adam, 0.01});
    opt.step(s);
    const Eigen::MatrixXd expect = w0.array() - 0.01 * g0.array() / (g0.array().abs() + 1e-8);
    CHECK(test::rel_to_max(s.weights[0], expect) <= 1e-15);
    opt.reset();
    CHECK(opt.steps() == 0);
  }
  SUBCASE("f32 states keep float parameters") {
    State s = s0;
    s.precision = bp::Precision::F32;
    bp::Optimizer opt({bp::OptimizerKind::Adam, 0.01});
    opt.step(s);
    CHECK(identical(s.weights[0], s.weights[0].cast<float>().cast<double>()));
  }
}

TEST_CASE("optimizers: the training set, the input and the label") {
  const State start = random_network(5, 2, 3, true);  // (the exercise's ∇I, 1e-18, would not move 4)
  State s = start;
  bp::OptimizerSettings o;
  o.train_input = true;
  const auto params = bp::trained_parameters(s, true);
  REQUIRE(params.size() == 5);
  CHECK(params[1].name == "b0");
  CHECK(params[4].name == "I");
  const Eigen::MatrixXd gI = bp::batch_gradient(s, true).grads[4];
  bp::Optimizer(o).step(s);
  CHECK(identical(s.input, start.input + (-0.1) * gI));  // I moved by −lr·∇I
  CHECK(s.label == start.label);                          // never the label
  s = bp::exercise_state();
  s.dataset = {{Eigen::Vector2d(1, 2), Eigen::Vector2d(1, 0)}};
  auto r = bp::train(s, o, 3);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().field == "train_input");
}

TEST_CASE("optimizers: settings out of range are errors naming the setting") {
  auto field = [](bp::OptimizerSettings o) {
    auto e = bp::validate(o);
    return e ? e->field : std::string();
  };
  bp::OptimizerSettings o;
  CHECK(field(o).empty());
  o.lr = 0;
  CHECK(field(o) == "lr");
  o = {};
  o.lr = NAN;
  CHECK(field(o) == "lr");
  o = {bp::OptimizerKind::Momentum};
  o.momentum = 1;
  CHECK(field(o) == "momentum");
  o.momentum = 0;
  o.nesterov = true;
  CHECK(field(o) == "nesterov");
  o = {bp::OptimizerKind::Adam};
  o.beta2 = 1;
  CHECK(field(o) == "beta2");
  o = {bp::OptimizerKind::Adam};
  o.eps = -1;
  CHECK(field(o) == "eps");
  o = {};
  o.weight_decay = -0.1;
  CHECK(field(o) == "weight_decay");
}

TEST_CASE("train: losses before each step and after the last; errors as values") {
  State s = random_network(3, 3, 4, true);
  s.dataset = random_samples(40, 20, s);
  bp::OptimizerSettings o{bp::OptimizerKind::Momentum, 0.05};
  auto r = bp::train(s, o, 25);
  REQUIRE(r.ok());
  REQUIRE(r.value().losses.size() == 26);
  CHECK(r.value().losses.front() == bp::batch_gradient(s).loss);
  CHECK(r.value().losses.back() == bp::batch_gradient(r.value().state).loss);
  CHECK(r.value().losses.back() < r.value().losses.front());
  CHECK(r.value().state.dataset.size() == 20);
  CHECK_FALSE(bp::train(s, o, -1).ok());
  CHECK(bp::train(s, o, bp::kMaxTrainSteps + 1).error().field == "steps");
  // deterministic: the same run twice gives the same numbers
  CHECK(bp::train(s, o, 25).value().losses == r.value().losses);
  // a step that overflows is an error after that step, not a state full of inf
  o.lr = 1e300;
  auto diverged = bp::train(s, o, 50);
  REQUIRE_FALSE(diverged.ok());
  CHECK(diverged.error().reason.find("after step") != std::string::npos);
}

TEST_CASE("dataset presets: valid training sets of a few dozen 2-D points, the same for the same seed") {
  State s = bp::exercise_state();
  for (size_t k = 0; k < bp::OptionNames<bp::DatasetPreset>::names.size(); ++k) {
    const auto kind = static_cast<bp::DatasetPreset>(k);
    CAPTURE(bp::option_name(kind));
    s.dataset = bp::dataset_preset(kind, 1);
    CHECK_FALSE(bp::validate(s));
    const bool single = kind == bp::DatasetPreset::ExercisePoint;
    CHECK((single ? s.dataset.size() == 1 : (s.dataset.size() >= 36 && s.dataset.size() <= 50)));
    int ones = 0;
    for (const bp::Sample& d : s.dataset) {
      CHECK(d.input.cwiseAbs().maxCoeff() <= 6);
      ones += d.label(1) == 1;
    }
    if (!single) CHECK(ones * 2 == static_cast<int>(s.dataset.size()));  // balanced classes
    CHECK(bp::state_to_json(s) == bp::state_to_json(State{s.input, s.label, s.weights, s.biases, s.activation, s.head,
                                                          s.loss_form, s.softmax_backward, s.precision,
                                                          bp::dataset_preset(kind, 1)}));
    if (!single) CHECK(bp::dataset_preset(kind, 2)[0].input != s.dataset[0].input);
  }
  CHECK(bp::dataset_preset(bp::DatasetPreset::ExercisePoint, 9)[0].input == Eigen::Vector2d(4, 1));
  CHECK(bp::parse_option<bp::DatasetPreset>("spiral") == bp::DatasetPreset::Spiral);
  // the numbers themselves are pinned, so another platform or library cannot drift unseen
  const std::vector<bp::Sample> blobs = bp::dataset_preset(bp::DatasetPreset::TwoBlobs, 1);
  CHECK(blobs[0].input == Eigen::Vector2d(-2.27229469692245, -0.8924250406467267));
  const std::vector<bp::Sample> arms = bp::dataset_preset(bp::DatasetPreset::Spiral, 1);
  CHECK(arms[49].input == Eigen::Vector2d(-0.19995432704502972, 5.4234737447658627));
}
