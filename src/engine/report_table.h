// The `--format table` view of a Report: aligned, human-readable matrices for a terminal.
#pragma once
#include <string>

#include "engine/evaluate.h"

namespace bp {

std::string report_to_table(const Report& report, int significant = 6);

}  // namespace bp
