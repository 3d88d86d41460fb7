// Matrix grids: rows are clipped with ImGuiListClipper and columns by hand (ImGui tables stop at
// 64 columns; a layer may have 256), so only the visible cells of a 256×256 matrix cost anything.
#include "app/widgets.h"

#include <algorithm>
#include <cstdio>

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
std::string literal_format(double v) {
  std::string s = bp::format_number(v);
  std::string out;
  for (char ch : s) out += ch == '%' ? std::string("%%") : std::string(1, ch);
  return out;
}

void value_tooltip(const char* name, int r, int c, bool is_vector, double v) {
  if (!ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  ImGui::Text("%s = %s", cell_name(name, r, c, is_vector).c_str(), bp::format_round_trip(v).c_str());
  ImGui::EndTooltip();
}

// Lays out the entries of a rows × cols matrix, one grid row per matrix row; a vector is one
// row (never wrapped: that would read as a matrix). Cells are kCellWidth wide, down to
// kMinCellWidth to fit; beyond that the grid scrolls, and only the cells in view are drawn.
// cell(i, j) draws entry (i, j) (j = 0 for vectors).
template <typename Cell>
void grid(const char* id, int rows, int cols, bool is_vector, Cell&& cell) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const int grid_rows = is_vector ? 1 : rows, grid_cols = is_vector ? rows * cols : cols;
  const float cw = std::clamp(avail / static_cast<float>(std::max(grid_cols, 1)), theme::kMinCellWidth, theme::kCellWidth);
  const float rh = ImGui::GetFrameHeightWithSpacing();
  const bool scroll = grid_cols * cw > avail || grid_rows > kMaxVisibleRows;
  if (scroll) {
    const float h = std::min(grid_rows, kMaxVisibleRows) * rh + ImGui::GetStyle().ScrollbarSize;
    ImGui::BeginChild(id, ImVec2(0, h), false, ImGuiWindowFlags_HorizontalScrollbar);
  }
  ImGui::PushID(id);
  const float x0 = ImGui::GetCursorPosX();
  int c0 = 0, c1 = grid_cols;
  if (scroll) {  // columns in view, in the child's own coordinates
    c0 = std::clamp(static_cast<int>(ImGui::GetScrollX() / cw), 0, grid_cols);
    c1 = std::clamp(static_cast<int>((ImGui::GetScrollX() + ImGui::GetWindowWidth()) / cw) + 1, c0, grid_cols);
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
}

// an editable grid over data laid out column-major (Eigen's order): entry (i, j) at i + j·rows
bool edit_grid(const char* name, int rows, int cols, bool is_vector, double* data, Probe& probe) {
  bool changed = false;
  grid(name, rows, cols, is_vector, [&](int i, int j) {
    double& v = data[i + j * rows];
    const std::string format = literal_format(v);
    const float speed = 0.01f * static_cast<float>(std::max(1.0, std::abs(v)));
    changed |= ImGui::DragScalar("##v", ImGuiDataType_Double, &v, speed, nullptr, nullptr, format.c_str(),
                                 ImGuiSliderFlags_NoRoundToFormat);
    const ImVec2 min = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
    probe.add(cell_name(name, i, j, is_vector), min.x, min.y, size.x, size.y);
    value_tooltip(name, i, j, is_vector, v);
  });
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
  grid(name, static_cast<int>(m.rows()), static_cast<int>(m.cols()), is_vector, [&](int i, int j) {
    const double v = is_vector ? m.data()[i] : m(i, j);
    ImGui::AlignTextToFramePadding();  // rows as tall as editable ones, for the clipper
    ImGui::TextColored(color, "%s", bp::format_number(v).c_str());
    value_tooltip(name, i, j, is_vector, v);
  });
}

void row_label(const char* text, const ImVec4& color) {
  const float x = ImGui::GetCursorPosX();
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(color, "%s", text);
  ImGui::SameLine(x + theme::kLabelWidth);
}

void inline_error(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
  ImGui::TextWrapped("✗ %s", text.c_str());
  ImGui::PopStyleColor();
}

void inline_warning(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kWarning);
  ImGui::TextWrapped("! %s", text.c_str());
  ImGui::PopStyleColor();
}

void badge(bool ok, const char* text) {
  ImGui::TextColored(ok ? theme::kOk : theme::kError, "%s %s", ok ? "✓" : "✗", text);
}

void note(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

}  // namespace app
