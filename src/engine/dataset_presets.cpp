// The dataset presets: see dataset_presets.h.
#include "engine/dataset_presets.h"

#include <cmath>

#include "engine/rng.h"

namespace bp {
namespace {

Sample point(double x, double y, int cls) {
  return {Eigen::Vector2d(x, y), cls == 0 ? Eigen::Vector2d(1, 0) : Eigen::Vector2d(0, 1)};
}

// roughly normal, mean 0, spread ±2 (the sum of four uniforms, Irwin–Hall): no log or cos
double bell(SplitMix64& rng) { return rng.uniform() + rng.uniform() + rng.uniform() + rng.uniform() - 2; }

// a point uniform in the ring r_in ≤ r < r_out, by rejection from its bounding square
Sample ring_point(SplitMix64& rng, double r_in, double r_out, int cls) {
  for (;;) {
    const double x = rng.uniform(-r_out, r_out), y = rng.uniform(-r_out, r_out);
    const double r2 = x * x + y * y;
    if (r2 >= r_in * r_in && r2 < r_out * r_out) return point(x, y, cls);
  }
}

std::vector<Sample> two_blobs(SplitMix64& rng) {
  std::vector<Sample> out;
  for (int i = 0; i < 40; ++i) {
    const int cls = i % 2;
    const double cx = cls ? 3 : -3, cy = cls ? 1.5 : -1.5;
    const double x = cx + bell(rng), y = cy + bell(rng);  // in this order (not as two arguments)
    out.push_back(point(x, y, cls));
  }
  return out;
}

std::vector<Sample> xor_set(SplitMix64& rng) {
  std::vector<Sample> out;
  for (int i = 0; i < 40; ++i) {
    const int cls = i % 2;
    // |x|, |y| in [0.5, 5): a margin around the axes; y's sign makes the quadrant of the class
    const double ax = rng.uniform(0.5, 5), ay = rng.uniform(0.5, 5);
    const double x = rng.next() % 2 ? ax : -ax;
    out.push_back(point(x, (x > 0) == (cls == 1) ? ay : -ay, cls));
  }
  return out;
}

std::vector<Sample> circle(SplitMix64& rng) {
  std::vector<Sample> out;
  for (int i = 0; i < 48; ++i) out.push_back(i % 2 ? ring_point(rng, 3.5, 5.5, 1) : ring_point(rng, 0, 2.5, 0));
  return out;
}

std::vector<Sample> spiral(SplitMix64& rng) {
  // 25 points per arm, each turned by 1.75 turns / 24 from the last: cos and sin of that angle
  // (0.4581489286 rad) as constants, so the rotation is arithmetic only
  const double c = 0.8968727415326884, s = 0.44228869021900125;
  std::vector<Sample> arms[2];
  double ux = 1, uy = 0;  // the arm's direction
  for (int i = 0; i < 25; ++i) {
    const double r = 0.5 + 5.0 * i / 24;
    for (int cls = 0; cls < 2; ++cls) {
      const double sign = cls ? -1 : 1;  // the second arm: the first turned by half a turn
      const double x = sign * r * ux + rng.uniform(-0.2, 0.2), y = sign * r * uy + rng.uniform(-0.2, 0.2);
      arms[cls].push_back(point(x, y, cls));
    }
    const double nx = c * ux - s * uy, ny = s * ux + c * uy;
    ux = nx, uy = ny;
  }
  std::vector<Sample> out;
  for (int i = 0; i < 25; ++i) out.push_back(arms[0][i]), out.push_back(arms[1][i]);
  return out;
}

}  // namespace

std::vector<Sample> dataset_preset(DatasetPreset kind, uint64_t seed) {
  SplitMix64 rng(seed);
  switch (kind) {
    case DatasetPreset::ExercisePoint: return {point(4, 1, 1)};
    case DatasetPreset::TwoBlobs: return two_blobs(rng);
    case DatasetPreset::Xor: return xor_set(rng);
    case DatasetPreset::Circle: return circle(rng);
    case DatasetPreset::Spiral: return spiral(rng);
  }
  return {};
}

}  // namespace bp
