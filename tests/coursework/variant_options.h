// The variant options of a tests/fixtures/variants.json case.
#pragma once
#include <nlohmann/json.hpp>

#include "coursework/variant.h"

namespace test {

inline bp::VariantOptions options_from(const nlohmann::json& j) {
  bp::VariantOptions o;
  o.dead_relu = j.value("dead_relu", false);
  o.layers = j.value("layers", 2);
  o.width = j.value("width", 2);
  o.saturated = j.value("saturated", false);
  return o;
}

}  // namespace test
