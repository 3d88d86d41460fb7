// The engine's own words in the current language. The engine's report (its notes, as the CLI's JSON
// carries them) is English by contract; the app shows it as is in English and rebuilds it from the
// report's numbers in other languages, keeping only a disagreement's details in English.
#pragma once
#include <string>

#include "engine/evaluate.h"

namespace app {

/// What the comparison of manual (numeric = false) or numeric (true) with autodiff covered.
std::string agreement_note(const bp::Report& r, bool numeric);

}  // namespace app
