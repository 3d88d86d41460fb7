// The decision boundary: the network's output over the 2-D input plane (plane.frag), the
// training set's points, and I as a point to drag. Click on empty plane adds a point of the
// chosen class (Shift: the next class), a drag moves a point, a right-click or a long press (or
// a click in Delete mode) deletes one. Alt-drag or a middle-drag pans; − / + / Fit zoom.
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/field_panel.h"
#include "app/panels.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "engine/number_format.h"

namespace app {
namespace {

constexpr float kLongPressSeconds = 0.6f;

ImU32 rgb(const std::array<float, 3>& c, float alpha = 1) {
  return ImGui::ColorConvertFloat4ToU32({c[0], c[1], c[2], alpha});
}
ImU32 outline() {
  return theme::kCanvas.light ? IM_COL32(20, 20, 28, 255) : IM_COL32(245, 245, 250, 255);
}

int class_of(const Eigen::VectorXd& label) {
  Eigen::Index c = 0;
  label.maxCoeff(&c);
  return static_cast<int>(c);
}

// the dataset point (index) or I (PlaneView::kDragInput) under `mouse`, else −1
int hit(const bp::State& s, const FieldImage& image, ImVec2 mouse, float radius) {
  auto near = [&](const Eigen::VectorXd& x) {
    const ImVec2 p = image.to_screen(x(0), x(1));
    const float dx = p.x - mouse.x, dy = p.y - mouse.y;
    return dx * dx + dy * dy <= radius * radius;
  };
  if (near(s.input)) return PlaneView::kDragInput;
  for (int k = static_cast<int>(s.dataset.size()) - 1; k >= 0; --k)  // the one drawn on top first
    if (s.dataset[k].input.size() == 2 && near(s.dataset[k].input)) return k;
  return -1;
}

void zoom(PlaneView& v, double factor) {
  const double cx = (v.window.x0 + v.window.x1) / 2, cy = (v.window.y0 + v.window.y1) / 2;
  const double hx = (v.window.x1 - v.window.x0) / 2 * factor, hy = (v.window.y1 - v.window.y0) / 2 * factor;
  v.window = {cx - hx, cy - hy, cx + hx, cy + hy};
  v.fitted = false;
}

void toolbar(App& app, int classes) {
  PlaneView& v = app.plane;
  ImGui::AlignTextToFramePadding();
  text(tr(S::plane_click_adds));
  for (int c = 0; c < std::min(classes, 8); ++c) {
    ImGui::SameLine();
    ImGui::PushID(c);
    // the label in the text colour (a class colour on a button can be unreadable), the class's
    // colour as a swatch in front of it: filled for the class a click adds
    const auto color = class_color(c);
    const bool chosen = v.new_class == c;
    if (ImGui::SmallButton(("    " + std::to_string(c)).c_str())) v.new_class = c;
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    const float r = (hi.y - lo.y) * 0.3f;
    const ImVec2 centre(lo.x + ImGui::GetStyle().FramePadding.x + r + 1, (lo.y + hi.y) / 2);
    const ImU32 swatch = ImGui::ColorConvertFloat4ToU32(ImVec4(color[0], color[1], color[2], 1));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (chosen) dl->AddCircleFilled(centre, r, swatch);
    dl->AddCircle(centre, r, chosen ? ImGui::GetColorU32(ImGuiCol_Text) : swatch, 0, 1.5f);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", trf(S::plane_class_tip, {{"c", std::to_string(c)}, {"other", std::to_string((c + 1) % classes)}}).c_str());
    ImGui::PopID();
  }
  v.new_class = std::clamp(v.new_class, 0, std::max(classes - 1, 0));
  same_line_or_wrap(button_width(tr(S::plane_delete_mode)) + 30);
  ImGui::Checkbox(tr_id(S::plane_delete_mode, "Delete mode").c_str(), &v.delete_mode);
  const Label fit = tr_id(S::plane_fit, "Fit##plane-fit");
  same_line_or_wrap(button_width("−") + button_width("+") + button_width(fit.c_str()) + 20);
  if (probed_button(app.probe, "−##plane-out")) zoom(v, 2);
  ImGui::SameLine();
  if (probed_button(app.probe, "+##plane-in")) zoom(v, 0.5);
  ImGui::SameLine();
  if (probed_button(app.probe, fit.c_str())) {
    v.fitted = true;
    v.fitted_revision = -1;
  }
}

// presses, drags and deletes on the plane (the image's invisible button)
void interact(App& app, const FieldImage& image, int classes) {
  PlaneView& v = app.plane;
  bp::State& s = app.model.state;
  ImGuiIO& io = ImGui::GetIO();
  const float radius = theme::scaled(9);
  const ImVec2 mouse = io.MousePos;
  const bool pan = image.active && (ImGui::IsMouseDown(ImGuiMouseButton_Middle) ||
                                             (io.KeyAlt && ImGui::IsMouseDown(ImGuiMouseButton_Left)));
  if (pan) {  // the window follows the hand
    const double sx = (v.window.x1 - v.window.x0) / (image.max.x - image.min.x);
    const double sy = (v.window.y1 - v.window.y0) / (image.max.y - image.min.y);
    v.window = {v.window.x0 - io.MouseDelta.x * sx, v.window.y0 + io.MouseDelta.y * sy,
                v.window.x1 - io.MouseDelta.x * sx, v.window.y1 + io.MouseDelta.y * sy};
    v.fitted = false;
    return;
  }
  auto erase = [&](int k) {
    s.dataset.erase(s.dataset.begin() + k);
    app.model.edited();
  };
  if (image.right_clicked) {
    const int k = hit(s, image, mouse, radius);
    if (k >= 0) erase(k);
    return;
  }
  if (image.activated && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    v.press_time = static_cast<float>(ImGui::GetTime());
    v.moved = false;
    const int k = hit(s, image, mouse, radius);
    if (v.delete_mode) {
      if (k >= 0) erase(k);
      v.drag = -1;
      return;
    }
    v.drag = k;
    if (k == -1) {  // a new point of the chosen class (Shift: the next), held for placing
      const auto x = image.from_screen(mouse);
      bp::Sample p{Eigen::Vector2d(x[0], x[1]), Eigen::VectorXd::Zero(s.label.size())};
      p.label(classes > 0 ? (v.new_class + (io.KeyShift ? 1 : 0)) % classes : 0) = 1;
      if (s.dataset.empty()) s.dataset.push_back({s.input, s.label});  // the one sample stays in the set
      s.dataset.push_back(std::move(p));
      v.drag = static_cast<int>(s.dataset.size()) - 1;
      app.model.edited();
    }
  }
  if (v.drag == -1) return;
  if (!image.active) {
    v.drag = -1;
    return;
  }
  if (std::abs(io.MouseDelta.x) + std::abs(io.MouseDelta.y) > 0 &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, theme::scaled(3)))
    v.moved = true;
  if (!v.moved) {
    if (v.drag >= 0 && ImGui::GetTime() - v.press_time > kLongPressSeconds) {  // a long press deletes
      erase(v.drag);
      v.drag = -1;
    }
    return;
  }
  ImVec2 m{std::clamp(mouse.x, image.min.x, image.max.x), std::clamp(mouse.y, image.min.y, image.max.y)};
  const auto x = image.from_screen(m);
  Eigen::VectorXd& target = v.drag == PlaneView::kDragInput ? s.input : s.dataset[v.drag].input;
  if (target(0) != x[0] || target(1) != x[1]) {
    target << x[0], x[1];
    app.model.edited();  // live, as editing I does; History records the drag when it ends
  }
}

void draw_points(App& app, const FieldImage& image) {
  const bp::State& s = app.model.state;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(image.min, image.max, true);
  const float r = theme::scaled(4.5f);
  for (const auto& p : s.dataset) {
    if (p.input.size() != 2) continue;
    const ImVec2 c = image.to_screen(p.input(0), p.input(1));
    dl->AddCircleFilled(c, r, rgb(class_color(class_of(p.label))));
    dl->AddCircle(c, r, outline(), 0, theme::scaled(1.2f));
  }
  const ImVec2 c = image.to_screen(s.input(0), s.input(1));
  const float ri = theme::scaled(7);
  dl->AddCircleFilled(c, ri, rgb(class_color(class_of(s.label))));
  dl->AddCircle(c, ri, outline(), 0, theme::scaled(2));
  dl->AddText({c.x + ri + 2, c.y - ri - 4}, outline(), "I");
  dl->PopClipRect();
  app.probe.add("plane:I", c.x - ri, c.y - ri, 2 * ri, 2 * ri);
}

}  // namespace

void plane_view(App& app, float width) {
  const bp::State& s = app.model.state;
  const auto why = plane_unavailable(app);
  if (!why) {
    if (app.model.error) note(tr(S::plane_invalid));
    else note(trf(S::plane_not_2d, {{"n", std::to_string(s.input.size())}}).c_str());
    return;
  }
  if (!why->empty()) {
    inline_warning(*why);
    return;
  }
  PlaneView& v = app.plane;
  const int classes = static_cast<int>(s.label.size());
  toolbar(app, classes);
  plane_update(app);
  v.field.advance(field_budget_ms(app));
  const FieldImage image = field_image("##plane", v.field, v.window, width, "I[0]", "I[1]");
  interact(app, image, classes);
  draw_points(app, image);
  app.probe.add("plane", image.min.x, image.min.y, image.max.x - image.min.x, image.max.y - image.min.y);
  if (image.hovered && v.drag == -1) {
    const auto x = image.from_screen(ImGui::GetIO().MousePos);
    ImGui::SetTooltip("%s", trf(S::plane_tip, {{"x", bp::format_number(x[0], 4)}, {"y", bp::format_number(x[1], 4)}}).c_str());
  }
  field_status(v.field, v.rate_shown);
  const std::string set = s.dataset.empty() ? std::string(tr(S::plane_set_one))
                                            : trf(S::plane_set_n, {{"n", std::to_string(s.dataset.size())}});
  if (s.head == bp::Head::Mse) {
    if (s.label.size() > 1) {
      ImGui::SetNextItemWidth(theme::scaled(90));
      ImGui::SliderInt(tr_id(S::plane_output_shown, "output shown").c_str(), &v.mse_output, 0, static_cast<int>(s.label.size()) - 1);
    }
    note(trf(S::plane_mse_note, {{"k", std::to_string(v.mse_output)}, {"set", set}}).c_str());
  } else {
    note(trf(classes == 2 ? S::plane_softmax_note_two : S::plane_softmax_note, {{"set", set}}).c_str());
  }
}

}  // namespace app
