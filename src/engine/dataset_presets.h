// Small 2-D training sets in the spirit of TensorFlow Playground, scaled to the exercise's
// weights (inputs within about [−6, 6]), two classes one-hot for softmax_ce: [1, 0] is class 0,
// [0, 1] class 1 (the exercise's label). The same seed gives the same points on every platform:
// only the engine's own generator and +, −, ×, ÷ and sqrt (correctly rounded everywhere) are used.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/state.h"

namespace bp {

enum class DatasetPreset { ExercisePoint, TwoBlobs, Xor, Circle, Spiral };
template <> struct OptionNames<DatasetPreset> {
  static constexpr std::string_view key = "dataset";
  static constexpr std::array<std::string_view, 5> names = {"exercise_point", "two_blobs", "xor", "circle", "spiral"};
};

/// exercise_point: the one sample I = [4, 1], label [0, 1] (the seed is not used);
/// two_blobs: 40 points, class 1 around (3, 1.5) and class 0 around (−3, −1.5);
/// xor: 40 points in [−5, 5]² off the axes, class 1 where x·y > 0 (as the exercise's point);
/// circle: 48 points, class 0 within radius 2.5, class 1 on the ring 3.5…5.5;
/// spiral: 50 points on two interleaved arms (1.75 turns out to radius 5.5), class 0 and 1.
std::vector<Sample> dataset_preset(DatasetPreset kind, uint64_t seed);

}  // namespace bp
