// landscape_fold: which units change with the pixel (those downstream of a picked parameter),
// the straight-line code of those alone, and each sample's constants from a float64 forward pass.
#include "app/landscape_fold.h"

#include "engine/network.h"
#include "engine/ops.h"

namespace app {
namespace {

// "g_swap_a" / "g_swap_b" where (layer, row, column) is a picked parameter (column −1: the bias)
const char* picked(const FieldSwap& swap, int k, long j, long i) {
  const std::array<int, 3> at = {k, static_cast<int>(j), static_cast<int>(i)};
  return at == swap.a ? "g_swap_a" : at == swap.b ? "g_swap_b" : nullptr;
}

std::string var(int k, long j) { return "x" + std::to_string(k) + "_" + std::to_string(j); }

}  // namespace

LandscapeFold landscape_fold(const bp::State& s, const FieldSwap& swap) {
  LandscapeFold f;
  f.swap = swap;
  auto slot = [&f](int layer, long unit, bool sum) {
    const LandscapeFold::Slot at{layer, static_cast<int>(unit), sum};
    size_t i = 0;
    while (i < f.slots.size() && !(f.slots[i] == at)) ++i;
    if (i == f.slots.size()) f.slots.push_back(at);
    return "ROW(" + std::to_string(i) + ")";
  };
  f.varying.assign(1, std::vector<char>(s.input.size(), 0));
  for (int k = 0; k < s.layers(); ++k) {
    const auto& w = s.weights[k];
    const bool last = k + 1 == s.layers();
    f.varying.emplace_back(w.rows(), 0);
    for (Eigen::Index j = 0; j < w.rows(); ++j) {
      std::string terms;
      if (const char* p = s.biases[k] ? picked(swap, k, j, -1) : nullptr) terms += std::string(" + ") + p;
      for (Eigen::Index i = 0; i < w.cols(); ++i) {
        const bool in = f.varying[k][i];
        if (const char* p = picked(swap, k, j, i)) terms += std::string(" + ") + p + " * " + (in ? var(k, i) : slot(k, i, false));
        else if (in) terms += " + " + param_glsl(s, k, j, i) + " * " + var(k, i);
        else continue;
        f.macs += 1;
      }
      if (terms.empty()) continue;  // the same at every pixel: in a row where a later unit needs it
      f.varying[k + 1][j] = 1;
      const std::string sum = slot(k + 1, j, true) + terms;
      f.body += "float " + var(k + 1, j) + " = " + (last ? sum : "activate(" + sum + ")") + "; ";
    }
  }
  const int K = s.layers();
  for (Eigen::Index j = 0; K && j < s.weights.back().rows(); ++j)
    f.body += "v[" + std::to_string(j) + "] = " + (f.varying[K][j] ? var(K, j) : slot(K, j, false)) + "; ";
  return f;
}

std::vector<float> fold_row(const bp::State& s, const LandscapeFold& f, const bp::Sample& sample) {
  // the forward pass with the stored parameters, in float64: x[k] enters layer k
  std::vector<Eigen::VectorXd> x{sample.input};
  const auto& activation = bp::op_rule<double>(bp::activation_op(s.activation));
  for (int k = 0; k < s.layers(); ++k) {
    bp::Mat<double> h = s.weights[k] * x[k], y;
    if (s.biases[k]) h += *s.biases[k];
    if (k + 1 == s.layers()) {
      x.emplace_back(h);
      continue;
    }
    bp::Args<double> args;
    args.x[0] = &h;
    args.n = 1;
    activation.forward(args, y);
    x.emplace_back(y);
  }
  std::vector<float> row;
  for (const auto& slot : f.slots) {
    if (!slot.sum) {
      row.push_back(field_float(x[slot.layer](slot.unit)));
      continue;
    }
    const int k = slot.layer - 1, j = slot.unit;  // the bias and the terms that are not the pixel's
    const auto& w = s.weights[k];
    double c = s.biases[k] && !picked(f.swap, k, j, -1) ? (*s.biases[k])(j) : 0.0;
    for (Eigen::Index i = 0; i < w.cols(); ++i)
      if (!picked(f.swap, k, j, i) && !f.varying[k][i]) c += w(j, i) * x[k](i);
    row.push_back(field_float(c));
  }
  for (Eigen::Index c = 0; c < sample.label.size(); ++c) row.push_back(field_float(sample.label(c)));
  return row;
}

}  // namespace app
