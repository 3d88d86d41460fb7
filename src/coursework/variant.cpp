// Variants by rejection sampling, one row at a time: each row of a weight matrix is redrawn until
// its pre-activation lands in the wanted range, given the layer's (already integer) input. Every
// quantity is an int64; the only floating-point step is the final copy of small integers into
// the State's doubles, which is exact.
#include "coursework/variant.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "engine/rng.h"

namespace bp {
namespace {

// the engine's generator (the same sequence everywhere) with the integer draws variants need
class Rng : public SplitMix64 {
 public:
  using SplitMix64::SplitMix64;
  /// an integer in [lo, hi]
  int64_t in(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1)); }
  /// ±{1 … max}
  int64_t nonzero(int64_t max) { return (next() & 1 ? 1 : -1) * in(1, max); }
};

using IntVector = std::vector<int64_t>;
using IntMatrix = std::vector<IntVector>;

constexpr int kRowTries = 400;      // draws per row before the whole network is redrawn
constexpr int kNetworkTries = 10000;

int64_t dot(const IntVector& w, const IntVector& x) {
  int64_t s = 0;
  for (size_t j = 0; j < w.size(); ++j) s += w[j] * x[j];
  return s;
}

bool symmetric(const IntMatrix& m) {
  if (m.size() != m[0].size() || m.size() < 2) return false;
  for (size_t i = 0; i < m.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (m[i][j] != m[j][i]) return false;
  return true;
}

// one row whose product with x satisfies ok(), or an empty row
template <typename Ok>
IntVector draw_row(Rng& rng, const IntVector& x, Ok ok) {
  IntVector w(x.size());
  for (int t = 0; t < kRowTries; ++t) {
    for (int64_t& v : w) v = rng.nonzero(kVariantWeightMax);
    if (ok(dot(w, x))) return w;
  }
  return {};
}

Eigen::MatrixXd to_matrix(const IntMatrix& m) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(m.size()), static_cast<Eigen::Index>(m[0].size()));
  for (size_t i = 0; i < m.size(); ++i)
    for (size_t j = 0; j < m[i].size(); ++j) out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = static_cast<double>(m[i][j]);
  return out;
}

Eigen::VectorXd to_vector(const IntVector& v) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(v.size()));
  for (size_t i = 0; i < v.size(); ++i) out(static_cast<Eigen::Index>(i)) = static_cast<double>(v[i]);
  return out;
}

}  // namespace

Expected<State> make_variant(uint64_t seed, const VariantOptions& o) {
  if (o.layers < 1 || o.layers > kMaxLayers)
    return Error{"layers", "must be 1…" + std::to_string(kMaxLayers) + ", got " + std::to_string(o.layers)};
  if (o.width < 1 || o.width > kVariantMaxWidth)
    return Error{"width", "must be 1…" + std::to_string(kVariantMaxWidth) + " (values to work out by hand), got " +
                              std::to_string(o.width)};
  if (o.dead_relu && o.layers < 2)
    return Error{"dead_relu", "needs a hidden layer: use 2 or more layers"};
  if (o.dead_relu && o.width < 2)
    return Error{"dead_relu", "needs a hidden width of 2 or more (a layer of one dead unit passes nothing on)"};

  if (o.saturated && o.layers == 1 && o.width == 1)
    return Error{"saturated", "needs a hidden layer or an input of width 2 or more (one input entry of at most " +
                                  std::to_string(kVariantInputMax) + " cannot make a logit gap of " +
                                  std::to_string(kVariantSaturatedGap) + ")"};

  const int64_t logit_max = o.saturated ? 60 : 20;
  const int64_t gap_min = o.saturated ? kVariantSaturatedGap : 1, gap_max = o.saturated ? 50 : 3;
  const int classes = 2;
  Rng rng(seed);
  for (int attempt = 0; attempt < kNetworkTries; ++attempt) {
    IntVector input(static_cast<size_t>(o.width));
    for (int64_t& v : input) v = rng.nonzero(kVariantInputMax);
    int dead_layer = -1, dead_unit = -1;
    if (o.dead_relu) {
      dead_layer = static_cast<int>(rng.in(0, o.layers - 2));
      dead_unit = static_cast<int>(rng.in(0, o.width - 1));
    }
    std::vector<IntMatrix> weights;
    IntVector x = input;
    bool ok = true;
    for (int k = 0; ok && k + 1 < o.layers; ++k) {  // hidden layers: h = W·x, L = ReLU(h)
      IntMatrix W;
      IntVector L;
      for (int i = 0; ok && i < o.width; ++i) {
        const bool dead = k == dead_layer && i == dead_unit;
        IntVector row = draw_row(rng, x, [&](int64_t h) {
          return dead ? h <= -1 && h >= -kVariantHiddenMax : h >= 1 && h <= kVariantHiddenMax;
        });
        ok = !row.empty();
        if (ok) {
          L.push_back(dead ? 0 : dot(row, x));
          W.push_back(std::move(row));
        }
      }
      if (ok && symmetric(W)) ok = false;
      if (ok) {
        weights.push_back(std::move(W));
        x = std::move(L);
      }
    }
    if (!ok) continue;
    // the output layer: |O_i| ≤ logit_max, gap_min ≤ |O0 − O1| ≤ gap_max
    IntVector row0 = draw_row(rng, x, [&](int64_t o0) { return std::llabs(o0) <= logit_max; });
    if (row0.empty()) continue;
    const int64_t o0 = dot(row0, x);
    IntVector row1 = draw_row(rng, x, [&](int64_t o1) {
      const int64_t gap = std::llabs(o1 - o0);
      return std::llabs(o1) <= logit_max && gap >= gap_min && gap <= gap_max;
    });
    if (row1.empty()) continue;
    IntMatrix out = {std::move(row0), std::move(row1)};
    if (symmetric(out)) continue;
    weights.push_back(std::move(out));

    State s;
    s.input = to_vector(input);
    for (const IntMatrix& W : weights) {
      s.weights.push_back(to_matrix(W));
      s.biases.emplace_back();
    }
    s.label = Eigen::VectorXd::Zero(classes);
    s.label(static_cast<Eigen::Index>(rng.in(0, classes - 1))) = 1;
    return s;
  }
  return Error{"width", "no variant found for these options (seed " + std::to_string(seed) + ")"};
}

}  // namespace bp
