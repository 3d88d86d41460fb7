// The `backprop-cli eval` output: one JSON object (see README "Output schema").
#pragma once
#include <string>

#include "engine/evaluate.h"

namespace bp {

/// Matrices as row-major nested arrays, vectors flat, the loss a number; numbers round-trip.
std::string report_to_json(const Report& report, int indent = -1);

}  // namespace bp
