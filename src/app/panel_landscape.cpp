// The loss landscape: the training-set loss over two chosen weights or biases around their
// current values (landscape.frag), on a log scale with a contour every decade, the current
// point, the exact −∇ direction (bp::batch_gradient's two components), and the trajectory of
// the run in progress. A compact grid of every trained parameter picks the two (x, then y).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
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

ImU32 rgb(const std::array<float, 3>& c) { return ImGui::ColorConvertFloat4ToU32({c[0], c[1], c[2], 1}); }
ImU32 marker() { return theme::kCanvas.light ? IM_COL32(15, 15, 20, 255) : IM_COL32(250, 250, 255, 255); }

// one parameter's cells: a click picks it as x or y (whichever is being picked). One button
// for the whole grid and only the visible cells drawn: an 8 × 64 network has ~29 k of them
void pick_grid(App& app, const char* name, int layer, bool bias, int rows, int cols, float width) {
  LandscapeView& v = app.landscape;
  const float cell = std::clamp((width - theme::kLabelWidth) / std::max(cols, 1), theme::scaled(4), theme::scaled(16));
  row_label(name, theme::kValue);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool clicked = ImGui::InvisibleButton(name, {cols * cell, rows * cell});
  app.probe.add(std::string("landscape:") + name, at.x, at.y, cols * cell, rows * cell);
  std::optional<ParamPick> hovered;
  if (ImGui::IsItemHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int r = std::clamp(int((m.y - at.y) / cell), 0, rows - 1), c = std::clamp(int((m.x - at.x) / cell), 0, cols - 1);
    hovered = ParamPick{layer, bias, r, c};
  }
  const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
  const int r0 = std::max(0, int((clip_min.y - at.y) / cell)), r1 = std::min(rows, int((clip_max.y - at.y) / cell) + 1);
  for (int r = r0; r < r1; ++r)
    for (int c = 0; c < cols; ++c) {
      const ParamPick p{layer, bias, r, c};
      const ImVec2 min{at.x + c * cell, at.y + r * cell}, max{min.x + cell - 1, min.y + cell - 1};
      const bool is_a = v.a && *v.a == p, is_b = v.b && *v.b == p;
      ImU32 fill = ImGui::GetColorU32(hovered && *hovered == p ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
      if (is_a) fill = rgb(class_color(0));
      if (is_b) fill = rgb(class_color(1));
      dl->AddRectFilled(min, max, fill);
      if (!is_a && !is_b) continue;
      if (cell >= theme::scaled(10))
        dl->AddText({min.x + cell * 0.25f, min.y + (cell - ImGui::GetTextLineHeight()) / 2}, marker(), is_a ? "x" : "y");
      app.probe.add("landscape:" + p.name(), min.x, min.y, cell - 1, cell - 1);
    }
  if (hovered)
    ImGui::SetTooltip("%s", trf(S::landscape_pick_tip, {{"name", hovered->name()},
                                                       {"value", bp::format_number(pick_value(app.model.state, *hovered), 4)},
                                                       {"axis", v.picking_b ? "y" : "x"}}).c_str());
  if (clicked && hovered) {
    const ParamPick p = *hovered;
    ParamPick& slot = *(v.picking_b ? v.b : v.a);
    ParamPick& other = *(v.picking_b ? v.a : v.b);
    if (other == p) std::swap(*v.a, *v.b);  // picking the other axis's parameter swaps them
    else slot = p;
    v.picking_b = !v.picking_b;
    v.centred = false;
  }
  ImGui::SetCursorScreenPos({at.x - theme::kLabelWidth, at.y + rows * cell + 2});
  ImGui::Dummy({0, 0});
}

void pickers(App& app, float width) {
  const bp::State& s = app.model.state;
  LandscapeView& v = app.landscape;
  ImGui::AlignTextToFramePadding();
  text(tr(S::landscape_click_picks));
  ImGui::SameLine();
  if (ImGui::RadioButton("x", !v.picking_b)) v.picking_b = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("y", v.picking_b)) v.picking_b = true;
  const Label centre = tr_id(S::landscape_centre, "Centre##landscape-centre");
  same_line_or_wrap(button_width("−") + button_width("+") + button_width(centre.c_str()) + 20);
  if (probed_button(app.probe, "−##landscape-out")) v.zoom *= 2, v.centred = false;
  ImGui::SameLine();
  if (probed_button(app.probe, "+##landscape-in")) v.zoom /= 2, v.centred = false;
  ImGui::SameLine();
  if (probed_button(app.probe, centre.c_str())) v.zoom = 1, v.centred = false;
  for (int k = 0; k < s.layers(); ++k) {
    const auto& w = s.weights[k];
    const std::string wn = "W" + std::to_string(k);
    pick_grid(app, wn.c_str(), k, false, static_cast<int>(w.rows()), static_cast<int>(w.cols()), width);
    if (s.biases[k]) {
      const std::string bn = "b" + std::to_string(k);
      pick_grid(app, bn.c_str(), k, true, static_cast<int>(w.rows()), 1, width);
    }
  }
}

// the log-scale legend: the colour bar with decade labels and a tick at the current loss
void legend(float left, float width, double loss) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float x0 = at.x + left, h = theme::scaled(10);
  const auto stops = landscape_stops();
  for (int i = 0; i < 4; ++i) {
    const float a = x0 + width * i / 4, b = x0 + width * (i + 1) / 4;
    dl->AddRectFilledMultiColor({a, at.y}, {b, at.y + h}, rgb(stops[i]), rgb(stops[i + 1]), rgb(stops[i + 1]),
                                rgb(stops[i]));
  }
  const ImU32 muted = ImGui::ColorConvertFloat4ToU32(theme::kMuted);
  const float y = at.y + h + 1;
  auto at_decade = [&](double d) { return x0 + float((d - kLowDecade) / (kHighDecade - kLowDecade)) * width; };
  for (double d : {kLowDecade, -20.0, kHighDecade}) {
    char label[16];
    std::snprintf(label, sizeof label, "1e%+.0f", d);
    const float tw = ImGui::CalcTextSize(label).x;
    dl->AddText({std::clamp(at_decade(d) - tw / 2, x0, x0 + width - tw), y}, muted, label);
  }
  if (loss > 0 && std::isfinite(loss)) {
    const float x = at_decade(std::clamp(std::log10(loss), kLowDecade, kHighDecade));
    dl->AddTriangleFilled({x, at.y + h}, {x - 5, at.y - 3}, {x + 5, at.y - 3}, marker());
  }
  ImGui::Dummy({left + width, h + ImGui::GetTextLineHeight() + 2});
}

void overlays(App& app, const FieldImage& image) {
  const LandscapeView& v = app.landscape;
  const bp::State& s = app.model.state;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(image.min, image.max, true);
  if (v.trajectory.size() > 1) {
    std::vector<ImVec2> pts;
    pts.reserve(v.trajectory.size());
    for (const auto& p : v.trajectory) pts.push_back(image.to_screen(p[0], p[1]));
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), marker(), 0, theme::scaled(1.5f));
  }
  const double a = pick_value(s, *v.a), b = pick_value(s, *v.b);
  const ImVec2 c = image.to_screen(a, b);
  // −∇: the exact direction (the window is square, so a pixel is the same step along both axes)
  const double gx = -v.gradient[0], gy = -v.gradient[1], norm = std::hypot(gx, gy);
  if (norm > 0 && std::isfinite(norm)) {
    const float len = 0.25f * (image.max.x - image.min.x);
    const ImVec2 d{float(gx / norm) * len, -float(gy / norm) * len};
    const ImVec2 tip{c.x + d.x, c.y + d.y};
    const ImU32 col = ImGui::ColorConvertFloat4ToU32(theme::kGradient);
    dl->AddLine(c, tip, col, theme::scaled(2.5f));
    const ImVec2 u{d.x / len, d.y / len}, n{-u.y, u.x};
    const float hs = theme::scaled(8);
    dl->AddTriangleFilled(tip, {tip.x - u.x * hs + n.x * hs * 0.5f, tip.y - u.y * hs + n.y * hs * 0.5f},
                          {tip.x - u.x * hs - n.x * hs * 0.5f, tip.y - u.y * hs - n.y * hs * 0.5f}, col);
    app.probe.add("landscape:arrow", std::min(c.x, tip.x), std::min(c.y, tip.y), std::abs(d.x), std::abs(d.y));
  }
  dl->AddCircleFilled(c, theme::scaled(5), marker());
  dl->AddCircle(c, theme::scaled(5), IM_COL32(0, 0, 0, 255), 0, 1.5f);
  app.probe.add("landscape:point", c.x - 5, c.y - 5, 10, 10);
  dl->PopClipRect();
}

}  // namespace

void landscape_view(App& app, float width) {
  const std::string why = landscape_unavailable(app);
  if (!why.empty()) {
    note(why.c_str());
    return;
  }
  LandscapeView& v = app.landscape;
  landscape_update(app);
  pickers(app, width);
  v.field.advance(field_budget_ms(app));
  const FieldImage image = field_image("##landscape", v.field, v.window, width, v.a->name(), v.b->name());
  if (image.hovered) {
    const auto p = image.from_screen(ImGui::GetIO().MousePos);
    ImGui::SetTooltip("%s = %s, %s = %s", v.a->name().c_str(), bp::format_number(p[0], 4).c_str(),
                      v.b->name().c_str(), bp::format_number(p[1], 4).c_str());
  }
  overlays(app, image);
  app.probe.add("landscape", image.min.x, image.min.y, image.max.x - image.min.x, image.max.y - image.min.y);
  const auto set = training_set(app.model.state);
  legend(image.min.x - ImGui::GetCursorScreenPos().x, image.max.x - image.min.x, v.loss);
  field_status(v.field, v.rate_shown);
  const std::string samples = set.size() > 1 ? trf(S::landscape_set_mean, {{"n", std::to_string(set.size())}})
                                             : std::string(tr(S::landscape_set_one));
  const std::string line = trf(v.trajectory.size() > 1 ? S::landscape_line_run : S::landscape_line,
                               {{"set", samples}, {"gx", bp::format_number(-v.gradient[0], 3)},
                                {"gy", bp::format_number(-v.gradient[1], 3)}});
  note(line.c_str());
  note(tr(S::landscape_float32));
}

}  // namespace app
