// The landscape of a small network, folded: across the picture only the two picked parameters
// change, so every unit that depends on neither has the same value at every pixel. The CPU works
// those out once per sample, in float64 (fold_row); the shader evaluates only the units
// downstream of a pick (FOLDED_BODY), each from the constant part of its sum. The exercise over
// W0[0,0] and W1[0,0] keeps three of its six units and four of its eight multiply-adds per pixel.
#pragma once
#include <string>
#include <vector>

#include "app/field_renderer.h"
#include "engine/state.h"

namespace app {

struct LandscapeFold {
  struct Slot {  // a number the same at every pixel, in a sample's row (ROW(i) in landscape.frag)
    int layer;   // 0: the input
    int unit;
    bool sum;    // the constant part of the unit's sum (its bias and terms of constant inputs), else its value
    bool operator==(const Slot& o) const { return layer == o.layer && unit == o.unit && sum == o.sum; }
  };
  FieldSwap swap;
  std::vector<Slot> slots;                  ///< a sample's row: these, then its label
  std::vector<std::vector<char>> varying;   ///< per layer (0: the input) and unit: changes with the pixel
  std::string body;                         ///< FOLDED_BODY: v[] = O, from ROW(i), u_params and g_swap_a / g_swap_b
  double macs = 0;                          ///< multiply-adds left per pixel and sample
};

/// The fold of `state` (its parameters in uniforms: field_params_in_uniforms) over `swap`'s two
/// parameters.
LandscapeFold landscape_fold(const bp::State& state, const FieldSwap& swap);

/// A sample's row for the folded shader: the slots' values (field_float), then its label.
std::vector<float> fold_row(const bp::State& state, const LandscapeFold& fold, const bp::Sample& sample);

}  // namespace app
