// Every error of a state at once, for a UI that shows each one under its field (validate() stops
// at the first). Built on validate() alone, so the rules live in one place.
#pragma once
#include <vector>

#include "engine/expected.h"
#include "engine/state.h"

namespace bp {

/// The errors of `state`, one per field, in validate()'s order; empty when the state can be
/// evaluated. The first is always validate()'s. A shape error ends the list: the checks after it
/// would only repeat it.
std::vector<Error> validate_all(const State& state);

}  // namespace bp
