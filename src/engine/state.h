// The network a user edits: the exercise's I, label, W0, W1 (or any MLP of 1–8 layers), and the
// options that choose how it is computed. Plain data in float64; the engine converts on evaluate.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "engine/expected.h"

namespace bp {

enum class Activation { Relu, LeakyRelu, Sigmoid, Tanh, Identity };
enum class Head { SoftmaxCE, Mse };
enum class LossForm { Stable, Naive };
enum class SoftmaxBackward { Exact, Textbook };
enum class Precision { F64, F32 };

inline constexpr int kMaxLayers = 8;   ///< weight matrices W0…W7
inline constexpr int kMaxWidth = 256;  ///< entries of any vector in the network
/// The largest magnitude precision f32 takes: FLT_MAX = 3.4028235e38 as printed to 4 digits; a
/// value between FLT_MAX and it is read as FLT_MAX.
inline constexpr double kFloat32PrintedMax = 3.403e38;
/// softmax_ce labels: entries ≥ −kLabelSlack and |Σ − 1| ≤ kLabelSlack (rounding of a computed label)
inline constexpr double kLabelSlack = 1e-6;

/// One point of a training set: an input like I and its label (the same rules as the state's).
struct Sample {
  Eigen::VectorXd input;
  Eigen::VectorXd label;
};

inline constexpr int kMaxSamples = 1000;  ///< points in a dataset

struct State {
  Eigen::VectorXd input;                               ///< I
  Eigen::VectorXd label;                               ///< y (a distribution for softmax_ce)
  std::vector<Eigen::MatrixXd> weights;                ///< W0 … W_{K−1}; Wk is n_{k+1} × n_k
  std::vector<std::optional<Eigen::VectorXd>> biases;  ///< b0 … b_{K−1}, each optional
  Activation activation = Activation::Relu;
  Head head = Head::SoftmaxCE;
  LossForm loss_form = LossForm::Stable;
  SoftmaxBackward softmax_backward = SoftmaxBackward::Exact;
  Precision precision = Precision::F64;
  /// The training set, "dataset" in the JSON format. Empty: the one sample (I, label) is the
  /// training set. Otherwise training minimises the mean loss over these samples, and (I, label)
  /// is the sample the graph shows.
  std::vector<Sample> dataset;

  int layers() const { return static_cast<int>(weights.size()); }
};

/// The option names used by the JSON format, the CLI and the UI, in enum order.
template <typename E> struct OptionNames;
template <> struct OptionNames<Activation> {
  static constexpr std::string_view key = "activation";
  static constexpr std::array<std::string_view, 5> names = {"relu", "leaky_relu", "sigmoid", "tanh", "identity"};
};
template <> struct OptionNames<Head> {
  static constexpr std::string_view key = "head";
  static constexpr std::array<std::string_view, 2> names = {"softmax_ce", "mse"};
};
template <> struct OptionNames<LossForm> {
  static constexpr std::string_view key = "loss_form";
  static constexpr std::array<std::string_view, 2> names = {"stable", "naive"};
};
template <> struct OptionNames<SoftmaxBackward> {
  static constexpr std::string_view key = "softmax_backward";
  static constexpr std::array<std::string_view, 2> names = {"exact", "textbook"};
};
template <> struct OptionNames<Precision> {
  static constexpr std::string_view key = "precision";
  static constexpr std::array<std::string_view, 2> names = {"f64", "f32"};
};

template <typename E>
std::string_view option_name(E value) { return OptionNames<E>::names[static_cast<int>(value)]; }

template <typename E>
std::optional<E> parse_option(std::string_view text) {
  for (size_t i = 0; i < OptionNames<E>::names.size(); ++i)
    if (OptionNames<E>::names[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

/// Every rule a state must satisfy (shapes, sizes, finite values, a valid label), as one Error
/// naming the first field that breaks one, or nullopt when the state can be evaluated.
std::optional<Error> validate(const State& state);

/// The same network bit for bit: every option, shape and number, the dataset included (−0.0 and
/// 0.0 differ; so do two NaNs of other bits).
bool identical(const State& a, const State& b);

/// The reference exercise: I = [4, 1], label = [0, 1], W0 = [[1, −2], [2, 5]], W1 = [[3, −3], [−1, 1]].
State exercise_state();

/// A reproducible random network (same seed → same numbers on every platform): `layers` weight
/// matrices, hidden and input widths `width`, 2 output classes, weights in multiples of 1/4.
State random_state(uint64_t seed, int layers, int width);

/// The names of the hidden pre-activation and activation of hidden layer i in a network of K
/// layers: the exercise's "h" and "L" when there is one hidden layer, else "h0", "L0", "h1", ….
std::string hidden_pre_name(int i, int layers);
std::string hidden_act_name(int i, int layers);

}  // namespace bp
