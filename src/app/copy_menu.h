// Copy any matrix or vector on screen: right-click its numbers (or press the small ❐ button at
// the grid's right, for touch screens) and copy it as a PyTorch or NumPy literal, LaTeX
// (bmatrix) or CSV. widgets.cpp's grids call it; the text comes from bp::matrix_literal.
#pragma once
#include <Eigen/Dense>
#include <imgui.h>

#include "engine/state.h"

namespace app {

/// The dtype the Python literals carry: the network's precision (app::frame sets it each frame).
void set_copy_precision(bp::Precision p);

/// The room the ❐ button takes at a grid's right (its width and the spacing before it).
float copy_button_room();

/// After a grid named `name`: the ❐ button at `button_at` (screen position) and the menu, which
/// opens on the button or when `right_clicked` (a cell was right-clicked this frame).
void copy_menu(const char* name, const Eigen::Ref<const Eigen::MatrixXd>& m, bool is_vector, bool right_clicked,
               ImVec2 button_at);

}  // namespace app
