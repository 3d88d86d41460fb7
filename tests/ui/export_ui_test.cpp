// The copy menu of every matrix on screen and the Network panel's Export button, with simulated
// mouse input on the headless UI: what lands on the clipboard and in the saved file.
#include <doctest/doctest.h>

#include <string>

#include "export/matrix_literal.h"
#include "export/notebook_script.h"
#include "probe_checks.h"
#include "ui_harness.h"

namespace ui_test {
namespace {

// the centre of the first text `text` drawn by `widget` ("network", "tabs", …) last frame
ImVec2 text_in(Ui& ui, const std::string& widget, const std::string& text) {
  for (const auto& t : ui.texts())
    if (t.widget == widget && t.text == text) return ImVec2(t.x + t.w / 2, t.y + t.h / 2);
  FAIL(text << " is not drawn in " << widget);
  return ImVec2();
}

void right_click(Ui& ui, ImVec2 at) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  ui.frame();
  io.MouseDown[1] = true;
  ui.frame();
  io.MouseDown[1] = false;
  ui.frames(2);
}

std::string clipboard() {
  const char* t = ImGui::GetClipboardText();
  return t ? t : "";
}

}  // namespace

TEST_CASE("right-click or ❐ on a matrix copies it as PyTorch, NumPy, LaTeX or CSV") {
  Ui ui;
  ui.frames(3);
  // a Network editor: right-click W0's cell, then the menu's NumPy entry
  right_click(ui, ui.centre_of("W0[0,0]"));
  CHECK(probe_checks::shows(ui.texts(), "Copy W0 as"));
  ui.click(text_in(ui, "network", "NumPy"));
  CHECK(clipboard() == "np.array([[1.0, -2.0], [2.0, 5.0]], dtype=np.float64)");
  ui.frames(2);
  CHECK_FALSE(probe_checks::shows(ui.texts(), "Copy W0 as"));  // the menu closed

  // the ❐ button (touch screens: no right-click) beside I, the first grid of the panel
  ui.click(text_in(ui, "network", "❐"));
  ui.frames(2);
  CHECK(probe_checks::shows(ui.texts(), "Copy I as"));
  ui.click(text_in(ui, "network", "LaTeX"));
  CHECK(clipboard() == "\\begin{bmatrix} 4 \\\\ 1 \\end{bmatrix}");
  ui.frames(2);

  // the Results panel's gradients: ∇W1 l (autodiff), every digit
  right_click(ui, text_in(ui, "Results", "1.556e-19"));
  ui.click(text_in(ui, "Results", "PyTorch"));
  CHECK(clipboard() == "torch.tensor([[1.5562264482267593e-19, 1.0115471913473936e-18], "
                       "[-1.5562264482267593e-19, -1.0115471913473936e-18]], dtype=torch.float64)");
  ui.frames(2);

  // the Inspector's matrices: ∂h/∂W0 of W0's chain, as CSV
  app::logic::select_node(ui.app->graph.selection, ui.app->graph.stepper.graph(), "W0");
  ui.app->graph.request_tab = app::RightTab::Inspector;
  ui.frames(3);
  const std::string csv = "4,1,0,0\n0,0,4,1\n";
  bool copied = false;
  for (const auto& t : ui.texts()) {  // the first "4" of the Inspector whose menu copies ∂h/∂W0
    if (t.widget != "Inspector" || t.text != "4") continue;
    right_click(ui, ImVec2(t.x + t.w / 2, t.y + t.h / 2));
    ui.click(text_in(ui, "Inspector", "CSV"));
    copied = clipboard() == csv;
    break;
  }
  CHECK_MESSAGE(copied, clipboard());

  // in precision f32 the literals carry float32
  ui.app->model.state.precision = bp::Precision::F32;
  ui.app->model.edited();
  ui.frames(3);
  right_click(ui, ui.centre_of("W1[0,0]"));
  ui.click(text_in(ui, "network", "PyTorch"));
  CHECK(clipboard() == "torch.tensor([[3.0, -3.0], [-1.0, 1.0]], dtype=torch.float32)");
  check_no_asserts();
}

TEST_CASE("Export saves the PyTorch and the NumPy script through save_file, with a status line") {
  Ui ui;
  std::string saved_name, saved_text;
  ui.app->save_file = [&](const std::string& name, const std::string& text) {
    saved_name = name, saved_text = text;
    return "Saved " + name;
  };
  ui.frames(3);
  for (bp::ScriptFormat f : bp::kScriptFormats) {
    ui.click(ui.centre_of_text("Export"));
    ui.frames(2);
    ui.click(text_in(ui, "network", std::string(bp::script_format_title(f))));
    ui.frames(2);
    CHECK(saved_name == bp::script_file_name(f));
    CHECK(saved_text == bp::notebook_script(ui.app->model.state, f));
    CHECK(probe_checks::shows(ui.texts(), "Saved " + std::string(bp::script_file_name(f)), "network"));
  }
  CHECK(saved_name == "backprop-lab-network-numpy.py");

  // an invalid network cannot be exported: the entries are disabled and say why
  ui.app->model.state.label(0) = 0.5;  // sums to 1.5
  ui.app->model.edited();
  saved_name.clear();
  ui.frames(2);
  ui.click(ui.centre_of_text("Export"));
  ui.frames(2);
  CHECK(probe_checks::shows(ui.texts(), "fix them to export it", "network"));
  ui.click(text_in(ui, "network", "PyTorch script (.py)"));
  ui.frames(2);
  CHECK(saved_name.empty());
  check_no_asserts();
}

}  // namespace ui_test
