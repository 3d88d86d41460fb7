// The Train tab: watching the network learn. The optimizer's settings, Step / Train / Rewind, the
// last update as a formula with numbers, the loss curve on a log scale, then the plane and the
// landscape views. The run itself (training.h) knows no ImGui.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/logic/formula.h"
#include "app/logic/loss_curve.h"
#include "app/math_text.h"
#include "app/panels.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "engine/number_format.h"

namespace app {
namespace {


// [SECTION] the optimizer's settings (sliders clamp: every value they take is a valid setting)
bool slider(const char* label, double& value, double lo, double hi, const char* format, bool logarithmic,
            const char* help) {
  const ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp | (logarithmic ? ImGuiSliderFlags_Logarithmic : 0);
  const bool changed = ImGui::SliderScalar(label, ImGuiDataType_Double, &value, &lo, &hi, format, flags);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
  return changed;
}

void settings(App& app) {
  bp::OptimizerSettings& s = app.training.settings;
  bool changed = option_combo(tr_id(S::train_optimizer, "optimizer").c_str(), s.kind, tr(S::train_optimizer_tip));
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  changed |= slider(tr_id(S::train_lr, "lr").c_str(), s.lr, 1e-5, 10.0, "%.4g", true, tr(S::train_lr_tip));
  if (s.kind == bp::OptimizerKind::Momentum) {
    changed |= slider(tr_id(S::train_momentum, "momentum").c_str(), s.momentum, 0.0, 0.999, "%.3g", false, tr(S::train_momentum_tip));
    changed |= ImGui::Checkbox("Nesterov", &s.nesterov);
  }
  if (s.kind == bp::OptimizerKind::Adam) {
    changed |= slider("β₁", s.beta1, 0.0, 0.999, "%.4g", false, tr(S::train_beta1_tip));
    changed |= slider("β₂", s.beta2, 0.0, 0.99999, "%.5g", false, tr(S::train_beta2_tip));
    changed |= slider("ε", s.eps, 1e-12, 1e-2, "%.1e", true, tr(S::train_eps_tip));
  }
  changed |= slider(tr_id(S::train_weight_decay, "weight decay").c_str(), s.weight_decay, 0.0, 1.0, "%.4g", true,
                    tr(S::train_weight_decay_tip));
  ImGui::PopItemWidth();
  changed |= ImGui::Checkbox(tr_id(S::train_train_input, "train I too").c_str(), &s.train_input);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr(S::train_train_input_tip));
  if (changed) settings_changed(app.training);
}

// [SECTION] Step / Train / Rewind
void controls(App& app) {
  Training& t = app.training;
  const std::string blocked = training_blocked(t, app.model);
  const bool locked = network_locked(app);
  ImGui::BeginDisabled(!blocked.empty() || locked);
  if (probed_button(app.probe, tr_id(S::train_step, "Step").c_str())) train_step(t, app.model);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(S::train_step_tip));
  const Label run_label = t.running ? tr_id(S::train_pause, "Pause") : tr_id(S::train_run, "▶ Train");
  same_line_or_wrap(button_width(run_label.c_str()));
  if (probed_button(app.probe, run_label.c_str())) {
    if (t.running) train_pause(t);
    else train_start(t, app.model);
  }
  ImGui::EndDisabled();
  ImGui::BeginDisabled(!t.start || locked);
  const Label rewind = tr_id(S::train_rewind, "Rewind");
  same_line_or_wrap(button_width(rewind.c_str()));
  if (probed_button(app.probe, rewind.c_str())) train_rewind(t, app.model);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr(S::train_rewind_tip));
  ImGui::EndDisabled();
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  ImGui::SliderFloat(tr_id(S::train_steps_per_second, "steps per second").c_str(), &t.steps_per_second, 1.0f, 240.0f, "%.0f",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  ImGui::PopItemWidth();
  if (locked) note(tr(S::train_locked));
  else if (!blocked.empty()) inline_error(trf(S::train_cannot, {{"why", blocked}}));
}

// the state of the run in one line: "step 12 · ℓ = 3.2e−5 (the mean over 40 samples)"
void run_line(const App& app) {
  const Training& t = app.training;
  const size_t samples = app.model.state.dataset.size();
  std::string line = t.losses.empty() ? std::string(tr(S::train_no_steps))
                                      : trf(S::train_run_line, {{"step", std::to_string(t.losses.size() - 1)},
                                                                {"loss", logic::formula_number(t.losses.back())}});
  if (samples > 0) line += trf(S::train_mean_over, {{"n", std::to_string(samples)}});
  math_text(line);
}

// [SECTION] the last update, as a formula with numbers
// one parameter's update: its rule, then "= before", "− η·direction", "= after", each a stacked
// matrix with as many entries along a side as the column has room for (the middle elided)
void update_lines(const UpdateTerms& u, float width) {
  math_text(u.rule);
  const float indent = ImGui::GetStyle().IndentSpacing * 0.5f;
  int items = 6;
  for (; items > 3; --items) {
    float widest = 0;
    for (const auto& t : u.terms)
      for (const auto& row : value_rows(t.value, items)) widest = std::max(widest, math_text_size(t.prefix + row).x);
    if (indent + widest <= width) break;
  }
  for (const auto& t : u.terms) {
    const std::vector<std::string> rows = value_rows(t.value, items);
    const float prefix = math_text_size(t.prefix).x;
    for (size_t k = 0; k < rows.size(); ++k) {
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent + (k == 0 ? 0 : prefix));
      math_text(k == 0 ? t.prefix + rows[k] : rows[k]);
    }
  }
}

void last_update(const App& app, float width) {
  const Training& t = app.training;
  if (!t.last) return;
  const StepRecord& r = *t.last;
  const bp::OptimizerSettings& s = t.optimizer->settings();
  math_text_colored(theme::kMuted, trf(S::train_update, {{"step", std::to_string(r.step)},
                                                        {"loss", logic::formula_number(r.loss_before)}}));
  bool changed = false;
  for (size_t i = 0; i < r.params.size(); ++i) {
    const UpdateTerms u = update_terms(r, i, s);
    update_lines(u, width);
    changed = changed || u.changed;
  }
  if (!changed)
    inline_warning(tr(S::train_nothing_changed));
  if (s.kind == bp::OptimizerKind::Momentum)
    note(tr(S::train_momentum_note));
  else if (s.kind == bp::OptimizerKind::Adam)
    note(tr(S::train_adam_note));
  else if (s.weight_decay != 0)
    note(tr(S::train_decay_note));
}

// [SECTION] the loss curve
void loss_curve(App& app, float width) {
  Training& t = app.training;
  const bool per_sample = !t.sample_losses.empty();
  if (per_sample) ImGui::Checkbox(tr_id(S::train_per_sample, "per-sample losses").c_str(), &t.show_sample_losses);
  const float height = std::max(theme::scaled(120.0f), std::min(width * 0.5f, theme::scaled(220.0f)));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##loss-curve", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  app.probe.add("train:loss-curve", origin.x, origin.y, width, height);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float font = ImGui::GetFontSize();
  const ImU32 axis_color = theme::u32(theme::kMuted);
  // room for the decade labels on the left and the step count under the plot
  const float left = ImGui::CalcTextSize("10⁻³⁰⁰").x + theme::scaled(6), bottom = font * 1.4f;
  const ImVec2 lo(origin.x + left, origin.y + font * 0.5f), hi(origin.x + width - theme::scaled(4), origin.y + height - bottom);
  dl->AddRect(lo, hi, axis_color);
  if (t.losses.empty()) {
    // wrapped within the box (a narrow panel shows it in two lines), each line centred
    const std::string_view empty = tr(S::train_curve_empty);
    ImFont* f = ImGui::GetFont();
    const float wrap = hi.x - lo.x - theme::scaled(12), line = ImGui::GetTextLineHeight();
    std::vector<std::string_view> lines;
    for (const char *s = empty.data(), *end = s + empty.size(); s < end;) {
      const char* e = f->CalcWordWrapPositionA(font / f->FontSize, s, end, wrap);
      if (e == s) {  // not even a word fits: say nothing rather than cut one
        lines.clear();
        break;
      }
      lines.emplace_back(s, static_cast<size_t>(e - s));
      for (s = e; s < end && *s == ' ';) ++s;
    }
    if (!lines.empty() && lines.size() * line < hi.y - lo.y)
      for (size_t i = 0; i < lines.size(); ++i) {
        const float w = ImGui::CalcTextSize(lines[i].data(), lines[i].data() + lines[i].size()).x;
        const float y = (lo.y + hi.y - lines.size() * line) / 2 + i * line;
        draw_text(dl, f, font, ImVec2((lo.x + hi.x - w) / 2, y), axis_color, lines[i]);
      }
    return;
  }
  std::vector<const std::vector<double>*> series{&t.losses};
  std::vector<std::vector<double>> columns;  // per-sample series, one per sample
  if (per_sample && t.show_sample_losses) {
    const size_t n = t.sample_losses.front().size();
    columns.assign(n, {});
    for (const auto& step : t.sample_losses)
      for (size_t i = 0; i < n && i < step.size(); ++i) columns[i].push_back(step[i]);
    for (const auto& c : columns) series.push_back(&c);
  }
  const int max_ticks = std::max(2, static_cast<int>((hi.y - lo.y) / (font * 1.6f)));
  const logic::LogAxis axis = logic::log_axis(series, max_ticks);
  auto at = [&](const logic::CurvePoint& p) {
    return ImVec2(lo.x + static_cast<float>(p.x) * (hi.x - lo.x), hi.y - static_cast<float>(p.y) * (hi.y - lo.y));
  };
  for (int e : axis.ticks) {
    const float y = hi.y - static_cast<float>(logic::log_position(axis, std::pow(10.0, e))) * (hi.y - lo.y);
    dl->AddLine(ImVec2(lo.x, y), ImVec2(hi.x, y), theme::u32(theme::kMuted, 0.25f));
    draw_math(dl, ImVec2(origin.x, y - font * 0.5f), font, axis_color, logic::decade_label(e));
  }
  const std::string steps = trf(S::train_n_steps, {{"n", std::to_string(t.losses.size() - 1)}});
  draw_text(dl, ImGui::GetFont(), font, ImVec2(hi.x - ImGui::CalcTextSize(steps.c_str()).x, hi.y + font * 0.2f), axis_color, steps);
  draw_text(dl, ImGui::GetFont(), font, ImVec2(lo.x, hi.y + font * 0.2f), axis_color, "0");
  dl->PushClipRect(lo, hi, true);
  const int pixels = static_cast<int>(hi.x - lo.x);
  for (size_t s = 1; s < series.size(); ++s) {
    std::vector<ImVec2> line;
    for (const auto& p : logic::curve_points(axis, *series[s], pixels)) line.push_back(at(p));
    dl->AddPolyline(line.data(), static_cast<int>(line.size()), theme::u32(theme::kValue, 0.45f), 0, 1.0f);
  }
  std::vector<ImVec2> line;
  for (const auto& p : logic::curve_points(axis, t.losses, pixels)) line.push_back(at(p));
  if (line.size() == 1) dl->AddCircleFilled(line[0], theme::scaled(3), theme::u32(theme::kGradient));
  dl->AddPolyline(line.data(), static_cast<int>(line.size()), theme::u32(theme::kGradient), 0, theme::scaled(2));
  dl->PopClipRect();
  if (hovered) {  // the step under the pointer, readable
    const double x = (ImGui::GetIO().MousePos.x - lo.x) / std::max(1.0f, hi.x - lo.x);
    const int step = logic::step_at(x, t.losses.size());
    const logic::CurvePoint p{t.losses.size() > 1 ? static_cast<double>(step) / static_cast<double>(t.losses.size() - 1) : 0.0,
                              logic::log_position(axis, t.losses[step])};
    dl->AddLine(ImVec2(at(p).x, lo.y), ImVec2(at(p).x, hi.y), theme::u32(theme::kMuted, 0.6f));
    dl->AddCircle(at(p), theme::scaled(4), theme::u32(theme::kGradient), 0, 2.0f);
    ImGui::BeginTooltip();
    math_text(trf(S::train_curve_point, {{"step", std::to_string(step)}, {"loss", bp::format_number(t.losses[step], 17)}}));
    if (axis.has_nonpositive && !(t.losses[step] > 0)) text(tr(S::train_zero_floor));
    ImGui::EndTooltip();
  }
}

}  // namespace

void train_tab(App& app) {
  const float width = ImGui::GetContentRegionAvail().x;
  if (ImGui::CollapsingHeader(tr_id(S::train_header_optimizer, "Optimizer").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) settings(app);
  if (ImGui::CollapsingHeader(tr_id(S::train_header_set, "Training set").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) dataset_section(app);
  controls(app);
  run_line(app);
  last_update(app, width);
  if (ImGui::CollapsingHeader(tr_id(S::train_header_curve, "Loss curve").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) loss_curve(app, width);
  if (ImGui::CollapsingHeader(tr_id(S::train_header_plane, "Decision boundary").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) plane_view(app, width);
  if (ImGui::CollapsingHeader(tr_id(S::train_header_landscape, "Loss landscape").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) landscape_view(app, width);
}

}  // namespace app
