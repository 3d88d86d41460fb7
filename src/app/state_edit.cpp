// Shape edits: see state_edit.h. Vector k of the network sits between W_{k−1} (its rows) and
// W_k (its columns); the input is vector 0 and the output O (with the label) vector K.
#include "app/logic/i18n.h"
#include "app/state_edit.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace app {
namespace {

// new weights: +0.5 / −0.5 in a checkerboard, so a new unit is neither dead nor silent
Eigen::MatrixXd resized_matrix(const Eigen::MatrixXd& m, Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd out(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j)
      out(i, j) = (i < m.rows() && j < m.cols()) ? m(i, j) : ((i + j) % 2 ? -0.5 : 0.5);
  return out;
}

Eigen::VectorXd resized_vector(const Eigen::VectorXd& v, Eigen::Index n, double fill) {
  Eigen::VectorXd out = Eigen::VectorXd::Constant(n, fill);
  const Eigen::Index keep = std::min(n, v.size());
  out.head(keep) = v.head(keep);
  return out;
}

Eigen::VectorXd resized_label(const Eigen::VectorXd& label, bp::Head head, Eigen::Index n) {
  if (head != bp::Head::SoftmaxCE) return resized_vector(label, n, 0.0);
  // a distribution stays one: one-hot on the old most likely class, where it still exists
  Eigen::Index best = 0;
  if (label.size() > 0) label.maxCoeff(&best);
  Eigen::VectorXd out = Eigen::VectorXd::Zero(n);
  out(std::min(best, n - 1)) = 1;
  return out;
}

// the state's label and every sample's label alike
void resize_label(bp::State& s, Eigen::Index n) {
  s.label = resized_label(s.label, s.head, n);
  for (bp::Sample& d : s.dataset) d.label = resized_label(d.label, s.head, n);
}

void normalise(Eigen::VectorXd& label) {
  if (label.size() == 0) return;
  label = label.cwiseMax(0.0);
  const double sum = label.sum();
  if (sum > 0) {
    label /= sum;
  } else {
    label.setZero();
    label(0) = 1;
  }
}

}  // namespace

std::vector<int> layer_widths(const bp::State& s) {
  std::vector<int> n{static_cast<int>(s.input.size())};
  for (const auto& w : s.weights) n.push_back(static_cast<int>(w.rows()));
  return n;
}

void set_width(bp::State& s, int k, int n) {
  const int K = s.layers();
  n = std::clamp(n, 1, bp::kMaxWidth);
  if (k < 0 || k > K) return;
  if (k == 0) {
    s.input = resized_vector(s.input, n, 1.0);
    for (bp::Sample& d : s.dataset) d.input = resized_vector(d.input, n, 1.0);  // samples stay shaped like I
  }
  if (k > 0) {
    auto& w = s.weights[k - 1];
    w = resized_matrix(w, n, w.cols());
    if (auto& b = s.biases[k - 1]) b = resized_vector(*b, n, 0.0);
  }
  if (k < K) {
    auto& w = s.weights[k];
    w = resized_matrix(w, w.rows(), n);
  }
  if (k == K) resize_label(s, n);
}

void set_layers(bp::State& s, int layers) {
  layers = std::clamp(layers, 1, bp::kMaxLayers);
  while (s.layers() < layers) {
    const int K = s.layers();
    const Eigen::Index m = s.weights[K - 1].cols();  // the last hidden (or the input) width
    s.weights.insert(s.weights.begin() + (K - 1), Eigen::MatrixXd::Identity(m, m));
    s.biases.insert(s.biases.begin() + (K - 1), std::nullopt);
  }
  while (s.layers() > layers) {
    const int K = s.layers();
    const Eigen::Index m = s.weights[K - 2].cols();  // what the output layer will read from
    s.weights.erase(s.weights.begin() + (K - 2));
    s.biases.erase(s.biases.begin() + (K - 2));
    auto& out = s.weights.back();
    out = resized_matrix(out, out.rows(), m);
  }
}

void set_bias(bp::State& s, int k, bool enabled) {
  if (k < 0 || k >= s.layers()) return;
  if (!enabled) s.biases[k].reset();
  else if (!s.biases[k]) s.biases[k] = Eigen::VectorXd::Zero(s.weights[k].rows());
}

void normalise_label(bp::State& s) {
  normalise(s.label);
  for (bp::Sample& d : s.dataset) normalise(d.label);
}

bp::Expected<double> parse_cell_text(std::string_view text, const std::string& field) {
  std::string t(text);
  for (size_t at; (at = t.find("\xe2\x88\x92")) != std::string::npos;) t.replace(at, 3, "-");  // U+2212 minus
  const size_t first = t.find_first_not_of(" \t\n"), last = t.find_last_not_of(" \t\n");
  t = first == std::string::npos ? "" : t.substr(first, last - first + 1);
  const std::string shown = "\"" + std::string(text) + "\"";
  if (t.empty()) return bp::Error{field, tr(S::edit_empty)};
  // strtod also reads "nan", "inf" and hex floats: only decimal digits, signs, '.', 'e' pass
  if (t.find_first_not_of("0123456789+-.eE") != std::string::npos) return bp::Error{field, trf(S::edit_not_number, {{"text", shown}})};
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || end == t.c_str()) return bp::Error{field, trf(S::edit_not_number, {{"text", shown}})};
  if (!std::isfinite(v) || (errno == ERANGE && std::abs(v) > 1)) return bp::Error{field, trf(S::edit_beyond, {{"text", shown}})};
  return v;
}

}  // namespace app
