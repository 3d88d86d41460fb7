// The current network as a script to run in a notebook: PyTorch (its own autograd numbers) or
// NumPy (the exercise's method: every local Jacobian as a matrix, multiplied along the chain).
// Both end with one line of JSON, {"l": …, "grad": {"W0": [[…]], …, "I": […]}}, so that their
// numbers can be checked mechanically.
#pragma once
#include <array>
#include <string>
#include <string_view>

#include "engine/state.h"

namespace bp {

enum class ScriptFormat { PyTorch, NumPy };

inline constexpr std::array<ScriptFormat, 2> kScriptFormats = {ScriptFormat::PyTorch, ScriptFormat::NumPy};

/// "pytorch" / "numpy": the CLI's --format values.
std::string_view script_format_key(ScriptFormat f);
/// "PyTorch script (.py)" / "NumPy script (.py)": the app's menu entries.
std::string_view script_format_title(ScriptFormat f);
/// "backprop-lab-network.py" / "backprop-lab-network-numpy.py".
std::string_view script_file_name(ScriptFormat f);

/// The script for a valid state (see validate()): Python 3 source, UTF-8.
std::string notebook_script(const State& state, ScriptFormat f);

}  // namespace bp
