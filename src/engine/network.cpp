// State → graph, layer by layer.
#include "engine/network.h"

#include <algorithm>
#include <limits>

#include <string>

namespace bp {

OpKind activation_op(Activation a) {
  switch (a) {
    case Activation::Relu: return OpKind::Relu;
    case Activation::LeakyRelu: return OpKind::LeakyRelu;
    case Activation::Sigmoid: return OpKind::Sigmoid;
    case Activation::Tanh: return OpKind::Tanh;
    case Activation::Identity: break;
  }
  return OpKind::Identity;
}

template <typename T>
std::vector<int> Network<T>::leaves() const {
  std::vector<int> out;
  for (size_t k = 0; k < weights.size(); ++k) {
    out.push_back(weights[k]);
    if (biases[k] >= 0) out.push_back(biases[k]);
  }
  out.push_back(input);
  return out;
}

std::string report_name(const std::string& node_name) { return node_name == "I" ? "input" : node_name; }

// the state's float64 numbers in T; float32 saturates at its largest value, which validate()
// accepts as printed to 4 digits (3.403e38), so the conversion never leaves float's range
template <typename T>
Mat<T> in_precision(const Eigen::MatrixXd& m) {
  return m.unaryExpr([](double v) {
    const double max = std::numeric_limits<T>::max();
    return static_cast<T>(std::clamp(v, -max, max));
  });
}

template <typename T>
Network<T> build_network(const State& s) {
  Network<T> net;
  Graph<T>& g = net.graph;
  g.derivatives = s.softmax_backward == SoftmaxBackward::Exact ? Derivatives::Exact : Derivatives::Textbook;
  const int K = s.layers();

  net.input = g.leaf("I", NodeRole::Input, in_precision<T>(s.input));
  int x = net.input;
  std::string x_name = "I";
  for (int k = 0; k < K; ++k) {
    const std::string idx = std::to_string(k);
    const bool last = k + 1 == K;
    const std::string out_name = last ? "O" : hidden_pre_name(k, K);
    net.weights.push_back(g.leaf("W" + idx, NodeRole::Parameter, in_precision<T>(s.weights[k])));
    net.biases.push_back(-1);
    int z;
    if (s.biases[k]) {
      net.biases.back() = g.leaf("b" + idx, NodeRole::Parameter, in_precision<T>(*s.biases[k]));
      const int product = g.apply("W" + idx + "·" + x_name, OpKind::MatVec, {net.weights.back(), x});
      z = g.apply(out_name, OpKind::Add, {product, net.biases.back()});
    } else {
      z = g.apply(out_name, OpKind::MatVec, {net.weights.back(), x});
    }
    if (last) {
      net.output = z;
    } else {
      net.pre_activations.push_back(z);
      x_name = hidden_act_name(k, K);
      x = g.apply(x_name, activation_op(s.activation), {z});
    }
  }

  net.label = g.leaf("label", NodeRole::Constant, in_precision<T>(s.label));
  if (s.head == Head::Mse) {
    net.loss = g.apply("l", OpKind::Mse, {net.output, net.label});
  } else {
    net.probabilities = g.apply("s", OpKind::Softmax, {net.output});
    net.loss = s.loss_form == LossForm::Naive
                   ? g.apply("l", OpKind::CrossEntropy, {net.probabilities, net.label})
                   : g.apply("l", OpKind::SoftmaxCrossEntropy, {net.output, net.label});
  }
  return net;
}

template Mat<double> in_precision<double>(const Eigen::MatrixXd&);
template Mat<float> in_precision<float>(const Eigen::MatrixXd&);
template struct Network<double>;
template struct Network<float>;
template Network<double> build_network<double>(const State&);
template Network<float> build_network<float>(const State&);

}  // namespace bp
