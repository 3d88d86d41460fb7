// The formats' names and the one entry point over script_pytorch.cpp and script_numpy.cpp.
#include "export/notebook_script.h"

namespace bp {

std::string pytorch_script(const State& s);  // script_pytorch.cpp
std::string numpy_script(const State& s);    // script_numpy.cpp

std::string_view script_format_key(ScriptFormat f) { return f == ScriptFormat::PyTorch ? "pytorch" : "numpy"; }

std::string_view script_format_title(ScriptFormat f) {
  return f == ScriptFormat::PyTorch ? "PyTorch script (.py)" : "NumPy script (.py)";
}

std::string_view script_file_name(ScriptFormat f) {
  return f == ScriptFormat::PyTorch ? "backprop-lab-network.py" : "backprop-lab-network-numpy.py";
}

std::string notebook_script(const State& s, ScriptFormat f) {
  return f == ScriptFormat::PyTorch ? pytorch_script(s) : numpy_script(s);
}

}  // namespace bp
