// Validation of a State, the exercise preset and random presets.
#include "engine/state.h"

#include <cstring>

#include <cmath>
#include <limits>
#include <string>

#include "engine/number_format.h"
#include "engine/reasons.h"
#include "engine/rng.h"

namespace bp {
namespace {

std::string indexed(const std::string& name, Eigen::Index i) { return name + "[" + std::to_string(i) + "]"; }

// Every entry finite, and within float32's range when that precision is asked for: up to its
// largest value as printed to 4 significant digits (3.403e38, how NumPy prints it), which the
// engine reads as that largest value (network.cpp saturates).
std::optional<Error> check_values(const std::string& name, const Eigen::MatrixXd& m, bool is_vector,
                                  Precision precision) {
  const double f32_max = std::numeric_limits<float>::max();
  const double f32_limit = kFloat32PrintedMax;
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) {
      const double v = m(i, j);
      const bool finite = std::isfinite(v);
      if (finite && (precision != Precision::F32 || std::abs(v) <= f32_limit)) continue;
      // named only now: a name per entry would cost more than the check
      const std::string field = is_vector ? indexed(name, i) : indexed(indexed(name, i), j);
      if (!finite) return Error{field, why(Why::value_not_finite)};
      return Error{field, why(Why::value_overflows_f32, {{"value", format_number(v)}, {"max", format_number(f32_max)}})};
    }
  return std::nullopt;
}

// `empty` and `too_many` name what is counted (entries, rows, columns) in the catalogue's words
std::optional<Error> check_width(const std::string& field, Eigen::Index n, Why empty, Why too_many) {
  if (n < 1) return Error{field, why(empty)};
  if (n > kMaxWidth) return Error{field, why(too_many, {{"n", std::to_string(n)}, {"max", std::to_string(kMaxWidth)}})};
  return std::nullopt;
}

std::string layer_input_name(int k, int layers) {
  return k == 0 ? "I" : hidden_act_name(k - 1, layers);
}

// A label's values and, for softmax_ce, that it is a distribution (its size is checked before).
std::optional<Error> check_label(const std::string& name, const Eigen::VectorXd& label, const State& s) {
  if (auto e = check_values(name, label, true, s.precision)) return e;
  if (s.head != Head::SoftmaxCE) return std::nullopt;
  // the same slack for an entry below 0 as for the sum: rounding noise of a computed label
  for (Eigen::Index i = 0; i < label.size(); ++i)
    if (label(i) < -kLabelSlack)
      return Error{indexed(name, i), why(Why::label_negative, {{"value", format_number(label(i))}})};
  const double sum = label.sum();
  if (std::abs(sum - 1.0) > kLabelSlack)
    return Error{name, why(Why::label_sum, {{"sum", format_number(sum, 6)}})};
  return std::nullopt;
}

// Every sample shaped like (I, label) and obeying the same rules.
std::optional<Error> check_dataset(const State& s) {
  if (s.dataset.size() > size_t(kMaxSamples))
    return Error{"dataset", why(Why::dataset_too_many, {{"n", std::to_string(s.dataset.size())}, {"max", std::to_string(kMaxSamples)}})};
  for (size_t i = 0; i < s.dataset.size(); ++i) {
    const std::string at = indexed("dataset", static_cast<Eigen::Index>(i));
    const Sample& d = s.dataset[i];
    if (d.input.size() != s.input.size())
      return Error{at + ".input", why(Why::dataset_input_shape, {{"n", std::to_string(d.input.size())}, {"want", std::to_string(s.input.size())}})};
    if (auto e = check_values(at + ".input", d.input, true, s.precision)) return e;
    if (d.label.size() != s.label.size())
      return Error{at + ".label", why(Why::dataset_label_shape, {{"n", std::to_string(d.label.size())}, {"want", std::to_string(s.label.size())}})};
    if (auto e = check_label(at + ".label", d.label, s)) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string hidden_pre_name(int i, int layers) { return layers == 2 ? "h" : "h" + std::to_string(i); }
std::string hidden_act_name(int i, int layers) { return layers == 2 ? "L" : "L" + std::to_string(i); }

std::optional<Error> validate(const State& s) {
  const int K = s.layers();
  if (K < 1) return Error{"W0", why(Why::network_no_weights)};
  if (K > kMaxLayers) return Error{"W" + std::to_string(kMaxLayers), why(Why::network_too_many_layers, {{"max", std::to_string(kMaxLayers)}})};
  if (s.biases.size() != s.weights.size())
    return Error{"b0", "internal: one optional bias per weight matrix expected"};
  if (auto e = check_width("input", s.input.size(), Why::width_empty_entries, Why::width_too_many_entries)) return e;
  if (auto e = check_values("input", s.input, true, s.precision)) return e;

  Eigen::Index n = s.input.size();  // width of the current layer's input
  for (int k = 0; k < K; ++k) {
    const std::string W = "W" + std::to_string(k);
    const Eigen::MatrixXd& w = s.weights[k];
    if (auto e = check_width(W, w.rows(), Why::width_empty_rows, Why::width_too_many_rows)) return e;
    if (auto e = check_width(W, w.cols(), Why::width_empty_columns, Why::width_too_many_columns)) return e;
    if (w.cols() != n)
      return Error{W, why(Why::network_columns, {{"cols", std::to_string(w.cols())}, {"input", layer_input_name(k, K)},
                                                 {"n", std::to_string(n)}, {"w", W}, {"rows", std::to_string(w.rows())}})};
    if (auto e = check_values(W, w, false, s.precision)) return e;
    if (const auto& b = s.biases[k]) {
      const std::string B = "b" + std::to_string(k);
      if (b->size() != w.rows())
        return Error{B, why(Why::network_bias, {{"n", std::to_string(b->size())}, {"w", W}, {"rows", std::to_string(w.rows())}})};
      if (auto e = check_values(B, *b, true, s.precision)) return e;
    }
    n = w.rows();
  }

  if (s.label.size() != n)
    return Error{"label", why(Why::network_label, {{"n", std::to_string(s.label.size())}, {"rows", std::to_string(n)},
                                                   {"w", "W" + std::to_string(K - 1)}})};
  if (auto e = check_label("label", s.label, s)) return e;
  return check_dataset(s);
}

State exercise_state() {
  State s;
  s.input = Eigen::Vector2d(4, 1);
  s.label = Eigen::Vector2d(0, 1);
  s.weights = {(Eigen::MatrixXd(2, 2) << 1, -2, 2, 5).finished(),
               (Eigen::MatrixXd(2, 2) << 3, -3, -1, 1).finished()};
  s.biases.assign(2, std::nullopt);
  return s;
}

State random_state(uint64_t seed, int layers, int width) {
  SplitMix64 rng(seed);
  auto next = [&rng]() { return rng.next(); };
  auto quarter = [&](int lo, int hi) { return (lo + static_cast<int>(next() % uint64_t(hi - lo + 1))) / 4.0; };

  State s;
  s.input = Eigen::VectorXd::NullaryExpr(width, [&] { return quarter(-8, 8); });
  const int classes = 2;
  for (int k = 0; k < layers; ++k) {
    const int rows = k + 1 == layers ? classes : width;
    s.weights.push_back(Eigen::MatrixXd::NullaryExpr(rows, width, [&] { return quarter(-8, 8); }));
    s.biases.push_back(std::nullopt);
  }
  s.label = Eigen::VectorXd::Zero(classes);
  s.label(static_cast<Eigen::Index>(next() % classes)) = 1;
  return s;
}

namespace {

bool same_bits(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<size_t>(a.size())) == 0;
}

}  // namespace

bool identical(const State& a, const State& b) {
  if (a.activation != b.activation || a.head != b.head || a.loss_form != b.loss_form ||
      a.softmax_backward != b.softmax_backward || a.precision != b.precision || a.layers() != b.layers() ||
      !same_bits(a.input, b.input) || !same_bits(a.label, b.label) || a.dataset.size() != b.dataset.size())
    return false;
  for (int k = 0; k < a.layers(); ++k) {
    if (!same_bits(a.weights[k], b.weights[k]) || a.biases[k].has_value() != b.biases[k].has_value()) return false;
    if (a.biases[k] && !same_bits(*a.biases[k], *b.biases[k])) return false;
  }
  for (size_t i = 0; i < a.dataset.size(); ++i)
    if (!same_bits(a.dataset[i].input, b.dataset[i].input) || !same_bits(a.dataset[i].label, b.dataset[i].label))
      return false;
  return true;
}

}  // namespace bp
