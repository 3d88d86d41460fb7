// Small widgets shared by the panels: matrix grids (editable or read-only) whose numbers go
// through bp::format_number, inline messages and pass/fail badges.
#pragma once
#include <string>

#include <Eigen/Dense>
#include <imgui.h>

#include "app/probe.h"
#include "engine/state.h"

namespace app {

/// An editable grid of numbers: drag a cell, or Ctrl+click / double-click it to type a value.
/// A vector is one row, a matrix keeps its rows. Cells are named "<name>[i,j]" ("<name>[i]" for
/// vectors) in tooltips and in the probe. Returns true when a value changed.
bool edit_matrix(const char* name, Eigen::MatrixXd& m, bool is_vector, Probe& probe);
bool edit_vector(const char* name, Eigen::VectorXd& v, Probe& probe);

/// The same grid, read-only, in one colour; hovering a cell shows its full-precision value.
void show_matrix(const char* name, const Eigen::MatrixXd& m, bool is_vector, const ImVec4& color);

/// The name column left of a grid: `text` in `color`, then the cursor moves to the grid's column.
void row_label(const char* text, const ImVec4& color);

/// A message under the field it is about (wrapped, in the error colour, with a ✗).
void inline_error(const std::string& text);
void inline_warning(const std::string& text);

/// SameLine() when an item `width` wide still fits on this row (after `spacing`, default the
/// style's), else the item starts a new row: nothing runs past the panel's edge.
void same_line_or_wrap(float width, float spacing = -1.0f);
/// The width of a Button(label).
float button_width(const char* label);
/// A Button whose rectangle the probe records as "button:<label>", or "button:<id>" for a label
/// "text##id" / "text###id" (browser tests click it).
bool probed_button(Probe& probe, const char* label);

/// A combo over an engine option (relu, softmax_ce, sgd, …), named as in the JSON format and the
/// CLI, with `help` as its tooltip. True when the user picked another value.
template <typename E>
bool option_combo(const char* label, E& value, const char* help) {
  bool changed = false;
  const auto& names = bp::OptionNames<E>::names;
  const std::string current(bp::option_name(value));
  if (ImGui::BeginCombo(label, current.c_str())) {
    for (size_t i = 0; i < names.size(); ++i) {
      const std::string name(names[i]);
      const bool selected = static_cast<size_t>(value) == i;
      if (ImGui::Selectable(name.c_str(), selected) && !selected) {
        value = static_cast<E>(i);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
  return changed;
}

/// "✓ text" in the ok colour or "✗ text" in the error colour.
void badge(bool ok, const char* text);

/// Text in the muted colour, wrapped.
void note(const char* text);

}  // namespace app
