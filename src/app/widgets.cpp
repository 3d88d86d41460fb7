// Matrix grids: rows are clipped with ImGuiListClipper and columns by hand (ImGui tables stop at
// 64 columns; a layer may have 256), so only the visible cells of a 256×256 matrix cost anything.
#include "app/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

#include "app/copy_menu.h"
#include "app/drawn_text.h"
#include "app/state_edit.h"
#include "app/theme.h"
#include "engine/number_format.h"

namespace app {
namespace {

constexpr int kMaxVisibleRows = 8;

std::string cell_name(const char* name, int r, int c, bool is_vector) {
  char buf[64];
  if (is_vector) std::snprintf(buf, sizeof buf, "%s[%d]", name, r);
  else std::snprintf(buf, sizeof buf, "%s[%d,%d]", name, r, c);
  return buf;
}

// ImGui treats the format as printf text; a literal with no conversion is shown as is
std::string literal_format(const std::string& s) {
  std::string out;
  for (char ch : s) out += ch == '%' ? std::string("%%") : std::string(1, ch);
  return out;
}

void value_tooltip(const char* name, int r, int c, bool is_vector, double v) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;  // a locked cell shows its value too
  ImGui::BeginTooltip();
  text(cell_name(name, r, c, is_vector) + " = " + bp::format_round_trip(v));
  ImGui::EndTooltip();
}

// [SECTION] typing a number into a cell
// Ctrl+click, double-click or Enter on a cell opens a text field over it (ImGui's own one would
// store NaN for "abc"); Enter or leaving the field stores a number, anything else is refused:
// the old value stays and the reason shows under the grid.
struct Typing {
  ImGuiID id = 0;  // the cell being typed into (0: none)
  char buffer[96] = {};
  bool opened = false;  // the field still needs the keyboard focus
};
struct Refusal {
  std::string grid;  // "W0"
  std::string message;
};
Typing g_typing;
std::optional<Refusal> g_refusal;

bool wants_typing() {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemHovered() && (ImGui::IsMouseDoubleClicked(0) || (io.KeyCtrl && ImGui::IsMouseClicked(0)))) return true;
  return ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
}

// the open text field of cell `id`; true when it stored a new value in v
bool typed_cell(const char* grid_name, const std::string& cell, double& v) {
  if (g_typing.opened) ImGui::SetKeyboardFocusHere();
  const bool enter = ImGui::InputText("##typed", g_typing.buffer, sizeof g_typing.buffer,
                                      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  const bool opened = g_typing.opened;
  g_typing.opened = false;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    g_typing.id = 0;
    return false;
  }
  if (!enter && (opened || ImGui::IsItemActive())) return false;
  g_typing.id = 0;  // Enter, a click elsewhere or Tab: the text is done
  auto parsed = parse_cell_text(g_typing.buffer, cell);
  if (!parsed) {
    g_refusal = Refusal{grid_name, parsed.error().field + ": " + parsed.error().reason + "; kept " +
                                       bp::format_round_trip(v)};
    return false;
  }
  if (g_refusal && g_refusal->grid == grid_name) g_refusal.reset();
  if (parsed.value() == v) return false;
  v = parsed.value();
  return true;
}

// the number with as many significant digits (4 down to 2) as fit `width`: never cut, never
// overlapping its neighbour (the full value is in the tooltip)
std::string fitted_number(double v, float width) {
  std::string s = bp::format_number(v);
  for (int digits = 3; digits >= 2 && ImGui::CalcTextSize(s.c_str()).x > width; --digits) s = bp::format_number(v, digits);
  return s;
}

// records the text ImGui centred in the last item's frame (a drag cell)
void record_centred(const std::string& s) {
  const ImVec2 a = ImGui::GetItemRectMin(), z = ImGui::GetItemRectMax();
  const ImVec2 size = ImGui::CalcTextSize(s.c_str());
  const ImVec2 at((a.x + z.x - size.x) / 2, (a.y + z.y - size.y) / 2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  record_text(s, at, ImVec2(at.x + size.x, at.y + size.y), dl->GetClipRectMin(), dl->GetClipRectMax());
}

// Lays out the entries of a rows × cols matrix, one grid row per matrix row; a vector is one
// row (never wrapped: that would read as a matrix). Cells are kCellWidth wide, down to
// kMinCellWidth to fit; beyond that the grid scrolls, and only the cells in view are drawn.
// cell(i, j) draws entry (i, j) (j = 0 for vectors). `data` is the matrix in Eigen's column-major
// order, for the copy menu (right-click a cell, or the ❐ button right of the first row).
template <typename Cell>
void grid(const char* id, int rows, int cols, bool is_vector, const double* data, Cell&& cell) {
  const float avail = ImGui::GetContentRegionAvail().x - copy_button_room();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  bool right_clicked = false;
  const int grid_rows = is_vector ? 1 : rows, grid_cols = is_vector ? rows * cols : cols;
  const float cw = std::clamp(avail / static_cast<float>(std::max(grid_cols, 1)), theme::scaled(theme::kMinCellWidth),
                              theme::scaled(theme::kCellWidth));
  const float rh = ImGui::GetFrameHeightWithSpacing();
  const bool scroll = grid_cols * cw > avail || grid_rows > kMaxVisibleRows;
  if (scroll) {
    const float h = std::min(grid_rows, kMaxVisibleRows) * rh + ImGui::GetStyle().ScrollbarSize;
    ImGui::BeginChild(id, ImVec2(avail, h), false, ImGuiWindowFlags_HorizontalScrollbar);
  }
  ImGui::PushID(id);
  const float x0 = ImGui::GetCursorPosX();
  int c0 = 0, c1 = grid_cols;
  if (scroll) {  // the columns wholly in view (a number cut at the edge would read as another)
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float view0 = ImGui::GetScrollX() + ImGui::GetWindowContentRegionMin().x - x0;
    const float view1 = ImGui::GetScrollX() + ImGui::GetWindowContentRegionMax().x - x0;
    c0 = std::clamp(static_cast<int>(std::ceil(view0 / cw - 1e-3f)), 0, grid_cols);
    c1 = std::clamp(static_cast<int>(std::floor((view1 + spacing) / cw + 1e-3f)), c0, grid_cols);
  }
  ImGuiListClipper clipper;
  clipper.Begin(grid_rows, rh);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      bool drawn = false;
      for (int c = c0; c < c1; ++c) {
        const int k = r * grid_cols + c;
        if (!drawn) ImGui::SetCursorPosX(x0 + c * cw);
        else ImGui::SameLine(x0 + c * cw);
        drawn = true;
        ImGui::PushID(k);
        ImGui::SetNextItemWidth(cw - ImGui::GetStyle().ItemSpacing.x);
        if (is_vector) cell(k, 0);
        else cell(r, c);
        right_clicked |= ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Right);
        ImGui::PopID();
      }
      if (!drawn) ImGui::NewLine();
    }
  }
  if (scroll) {  // the content is as wide as every column, even those not drawn
    ImGui::SetCursorPosX(x0 + grid_cols * cw);
    ImGui::Dummy(ImVec2(0, 0));
  }
  ImGui::PopID();
  if (scroll) ImGui::EndChild();
  copy_menu(id, Eigen::Map<const Eigen::MatrixXd>(data, rows, cols), is_vector, right_clicked,
            ImVec2(top.x + avail + ImGui::GetStyle().ItemSpacing.x, top.y));
}

// an editable grid over data laid out column-major (Eigen's order): entry (i, j) at i + j·rows
bool edit_grid(const char* name, int rows, int cols, bool is_vector, double* data, Probe& probe) {
  bool changed = false;
  grid(name, rows, cols, is_vector, data, [&](int i, int j) {
    double& v = data[i + j * rows];
    const std::string cell = cell_name(name, i, j, is_vector);
    const ImGuiID id = ImGui::GetID("##v");
    if (g_typing.id == id) {
      changed |= typed_cell(name, cell, v);
    } else {
      const std::string shown = fitted_number(v, ImGui::CalcItemWidth() - 2 * ImGui::GetStyle().FramePadding.x);
      const float speed = 0.01f * static_cast<float>(std::max(1.0, std::abs(v)));
      if (ImGui::DragScalar("##v", ImGuiDataType_Double, &v, speed, nullptr, nullptr, literal_format(shown).c_str(),
                            ImGuiSliderFlags_NoRoundToFormat | ImGuiSliderFlags_NoInput)) {
        changed = true;
        if (g_refusal && g_refusal->grid == name) g_refusal.reset();
      }
      record_centred(shown);
      if (wants_typing()) {
        g_typing.id = id;
        g_typing.opened = true;
        std::snprintf(g_typing.buffer, sizeof g_typing.buffer, "%s", bp::format_round_trip(v).c_str());
      }
    }
    const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
    probe.add(cell, min.x, min.y, size.x, size.y);
    value_tooltip(name, i, j, is_vector, v);
  });
  if (g_refusal && g_refusal->grid == name) inline_error(g_refusal->message);
  return changed;
}

}  // namespace

bool edit_matrix(const char* name, Eigen::MatrixXd& m, bool is_vector, Probe& probe) {
  return edit_grid(name, static_cast<int>(m.rows()), static_cast<int>(m.cols()), is_vector, m.data(), probe);
}

bool edit_vector(const char* name, Eigen::VectorXd& v, Probe& probe) {
  return edit_grid(name, static_cast<int>(v.size()), 1, true, v.data(), probe);
}

void show_matrix(const char* name, const Eigen::MatrixXd& m, bool is_vector, const ImVec4& color) {
  grid(name, static_cast<int>(m.rows()), static_cast<int>(m.cols()), is_vector, m.data(), [&](int i, int j) {
    const double v = is_vector ? m.data()[i] : m(i, j);
    ImGui::AlignTextToFramePadding();  // rows as tall as editable ones, for the clipper
    text_colored(color, fitted_number(v, ImGui::CalcItemWidth()));
    value_tooltip(name, i, j, is_vector, v);
  });
}

void row_label(const char* text, const ImVec4& color) {
  const float x = ImGui::GetCursorPosX();
  ImGui::AlignTextToFramePadding();
  text_colored(color, text);
  ImGui::SameLine(x + theme::scaled(theme::kLabelWidth));
}

void inline_error(const std::string& s) { text_wrapped_colored(theme::kError, "✗ " + s); }

void inline_warning(const std::string& s) { text_wrapped_colored(theme::kWarning, "! " + s); }

void badge(bool ok, const char* s) {
  text_wrapped_colored(ok ? theme::kOk : theme::kError, std::string(ok ? "✓ " : "✗ ") + s);
}

void same_line_or_wrap(float width, float spacing) {
  ImGui::SameLine(0, spacing);
  const float x = ImGui::GetCursorPosX() + width;
  if (x > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void note(const char* s) { text_wrapped_colored(theme::kMuted, s); }

bool probed_button(Probe& probe, const char* label) {
  const bool pressed = ImGui::Button(label);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  // named by what follows "##" when the label is a symbol ("↶##Undo" is "button:Undo")
  const char* id = std::strstr(label, "##");
  if (id) id += id[2] == '#' ? 3 : 2;  // "###Id" (tr_id) too
  probe.add(std::string("button:") + (id ? id : label), min.x, min.y, max.x - min.x, max.y - min.y);
  return pressed;
}

}  // namespace app
