// The "Answer sheet" tab: one text cell per sheet cell (forward values, the local Jacobians and
// chain products from l backwards, the final gradients), checked as the student types, with the
// answer key, the blank sheet and the sheet JSON as files, and new variants of the exercise.
#include <algorithm>
#include <cfloat>
#include <string>

#include <imgui.h>

#include "app/drawn_text.h"
#include "app/embed.h"
#include "app/logic/i18n.h"
#include "app/logic/math_notation.h"
#include "app/math_text.h"
#include "app/panels.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "coursework/answer_key.h"
#include "coursework/student_variant.h"
#include "engine/state_json.h"
#include "engine/number_format.h"
#include "coursework/sheet_json.h"
#include "coursework/variant.h"

namespace app {
namespace {

constexpr int kMaxCellLines = 8;  // taller text scrolls inside the cell

ImVec4 tint(const ImVec4& c, float alpha) { return ImVec4(c.x, c.y, c.z, alpha); }

// [SECTION] text cells

// a multi-line text field over a std::string, grown as the text grows
int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}

bool input_multiline(const char* id, std::string& text, const ImVec2& size, bool read_only) {
  return ImGui::InputTextMultiline(id, text.data(), text.capacity() + 1, size,
                                   ImGuiInputTextFlags_CallbackResize | (read_only ? ImGuiInputTextFlags_ReadOnly : 0),
                                   resize_callback, &text);
}

// "∇_{W1} O" drawn as ∇ with a lowered, smaller W1, then " O"; plain names ("h") as they are
void notation_label(const std::string& notation, const ImVec4& color) { math_text_colored(color, notation); }

std::string shape_text(const bp::SheetCell& c) {
  if (c.truth.size() == 1) return tr(S::sheet_number);
  if (c.vector) return trf(S::sheet_vector, {{"n", std::to_string(c.truth.size())}});
  return std::to_string(c.truth.rows()) + "×" + std::to_string(c.truth.cols());
}

std::string placeholder(const bp::SheetCell& c) {
  if (c.truth.size() == 1) return tr(S::sheet_hint_number);
  if (c.vector) return tr(S::sheet_hint_vector);
  return tr(S::sheet_hint_matrix);
}

std::string mistake_text(const bp::Verdict& v) {
  if (!v.mistake) return tr(S::sheet_wrong);
  switch (*v.mistake) {
    case bp::Mistake::Shape: return tr(S::sheet_wrong_shape);
    case bp::Mistake::Transposed: return tr(S::sheet_transposed);
    case bp::Mistake::FlattenOrder: return tr(S::sheet_flattened);
    case bp::Mistake::SignFlipped: return tr(S::sheet_sign_flipped);
    case bp::Mistake::Scaled: return trf(S::sheet_scaled, {{"factor", bp::format_number(v.factor.value_or(0), 4)}});
    case bp::Mistake::ReluMask: return tr(S::sheet_relu_mask);
    case bp::Mistake::SoftmaxDiagonalOnly: return tr(S::sheet_softmax_diagonal);
    case bp::Mistake::LabelIgnored: return tr(S::sheet_label_ignored);
    case bp::Mistake::Unknown: break;
  }
  return tr(S::sheet_wrong);
}

std::string notation_of(const bp::AnswerSheet& sheet, const std::string& key) {
  const bp::SheetCell* c = sheet.find(key);
  return c ? c->notation : key;
}

std::string consistent_text(const bp::AnswerSheet& sheet, const bp::Verdict& v) {
  std::string cells;
  for (size_t i = 0; i < v.consistent_with.size(); ++i)
    cells += (i ? ", " : "") + logic::plain_math(notation_of(sheet, v.consistent_with[i]));
  return trf(S::sheet_consistent, {{"cells", cells}});
}

// "∇_L O = W1": the cell's formula is its right answer, shown only with "Reveal answers" on
void formula_line(const bp::SheetCell& c) {
  math_text_colored(theme::kMuted, c.notation + " = " + c.formula);
}

void verdict_tooltip(const AnswerTools& tools, const bp::AnswerSheet& sheet, const bp::SheetCell& c,
                     const bp::Verdict& v) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
  if (v.ok) badge(true, v.consistent_with.empty() ? tr(S::sheet_right) : consistent_text(sheet, v).c_str());
  else badge(false, mistake_text(v).c_str());
  if (!v.message.empty()) text_wrapped(logic::plain_math(v.message));
  if (tools.reveal) formula_line(c);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

ImVec4 kind_color(const bp::SheetCell& c) {
  switch (c.kind) {
    case bp::CellKind::Forward: return theme::kValue;
    case bp::CellKind::Jacobian: return ImGui::GetStyleColorVec4(ImGuiCol_Text);
    default: return theme::kGradient;
  }
}

// one cell: its label, the text field (tinted by the verdict), and the verdict or parse error
void answer_cell(App& app, const bp::AnswerSheet& sheet, const bp::SheetCell& c) {
  logic::Answers& answers = app.answers;
  const bp::Verdict* v = answers.verdict(c.key);
  const std::string* parse_error = answers.parse_error(c.key);
  const bool first_wrong = answers.first_wrong() == c.key;

  ImGui::PushID(c.key.c_str());
  // label row: ✓/✗, notation, shape; the sheet key on the right (the JSON and CLI name)
  if (v) text_colored(v->ok ? theme::kOk : theme::kError, v->ok ? "✓" : "✗");
  else if (parse_error) text_colored(theme::kError, "!");
  else text_colored(theme::kMuted, "○");
  ImGui::SameLine();
  ImGui::BeginGroup();
  notation_label(c.notation, kind_color(c));
  ImGui::SameLine();
  text_colored(theme::kMuted, shape_text(c));
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    if (app.answer_tools.reveal) formula_line(c);
    else text(trf(S::sheet_formula_hidden, {{"cell", logic::plain_math(c.notation)}, {"shape", shape_text(c)}}));
    ImGui::EndTooltip();
  }
  if (first_wrong) {
    ImGui::SameLine();
    text_colored(theme::kError, tr(S::sheet_first_wrong_mark));
  }
  // the sheet key on the right when it fits, else on a line of its own (never under the label)
  const float key_width = ImGui::CalcTextSize(c.key.c_str()).x;
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + key_width > ImGui::GetContentRegionMax().x) ImGui::NewLine();
  else ImGui::SameLine(ImGui::GetContentRegionMax().x - key_width);
  text_colored(theme::kMuted, c.key);

  // the text field
  std::string text = answers.text(c.key);
  const int lines = std::clamp(static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1, 1, kMaxCellLines);
  const ImVec2 size(-FLT_MIN, ImGui::GetTextLineHeight() * static_cast<float>(lines) +
                                  2 * ImGui::GetStyle().FramePadding.y + 1);
  int colors = 0;
  if (v || parse_error) {
    const ImVec4 c2 = v && v->ok ? theme::kOk : theme::kError;
    ImGui::PushStyleColor(ImGuiCol_FrameBg, tint(c2, 0.16f));
    ImGui::PushStyleColor(ImGuiCol_Border, tint(c2, 0.85f));
    colors = 2;
  } else {
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(1, 1, 1, 0.10f));
    colors = 1;
  }
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  ImGui::PushID(app.answer_tools.generation);
  const bool edited = input_multiline("##text", text, size, answers_locked(app)) && !answers_locked(app);
  ImGui::PopID();
  if (edited) {
    answers.set_text(c.key, text);  // re-checks: the verdict and error pointers above are stale
    app.answer_tools.edits_seen = answers.edits();
    v = answers.verdict(c.key);
    parse_error = answers.parse_error(c.key);
  }
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(colors);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  app.probe.add("answer:" + c.key, min.x, min.y, max.x - min.x, max.y - min.y);
  const bool hovered = ImGui::IsItemHovered();
  if (first_wrong)
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 1, min.y - 1), ImVec2(max.x + 1, max.y + 1),
                                        ImGui::GetColorU32(theme::kError), ImGui::GetStyle().FrameRounding, 0, 2.0f);
  if (text.empty() && !ImGui::IsItemActive()) {
    // a long hint is cut at the cell, as typed text would be, and never drawn outside the panel
    const ImVec2 c0 = ImGui::GetWindowDrawList()->GetClipRectMin(), c1 = ImGui::GetWindowDrawList()->GetClipRectMax();
    const ImVec4 clip(std::max(min.x, c0.x), std::max(min.y, c0.y), std::min(max.x, c1.x), std::min(max.y, c1.y));
    draw_text(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(),
              ImVec2(min.x + ImGui::GetStyle().FramePadding.x, min.y + ImGui::GetStyle().FramePadding.y),
              ImGui::GetColorU32(tint(theme::kMuted, 0.55f)), placeholder(c), 0, &clip);
  }

  // what the checker says
  if (parse_error) {
    inline_error(*parse_error);
    const ImVec2 e0 = ImGui::GetItemRectMin(), e1 = ImGui::GetItemRectMax();
    app.probe.add("answer-error:" + c.key, e0.x, e0.y, e1.x - e0.x, e1.y - e0.y);
  } else if (v) {
    if (v->ok && !v->consistent_with.empty()) badge(true, consistent_text(sheet, *v).c_str());
    else if (!v->ok) {
      badge(false, mistake_text(*v).c_str());
      // every wrong cell says why, not only the first; the checker's TeX drawn as notation
      if (!v->message.empty()) note(logic::plain_math(v->message).c_str());
    }
    if (hovered || ImGui::IsItemHovered()) verdict_tooltip(app.answer_tools, sheet, c, *v);
  }
  ImGui::PopID();
  ImGui::Spacing();
}

// [SECTION] summary and tools

void section(const char* title) {
  ImGui::Spacing();
  text_colored(theme::kMuted, title);
  ImGui::Separator();
}

void summary(const logic::Answers& answers, const bp::AnswerSheet& sheet) {
  const auto n = answers.counts();
  if (n.filled == 0) {
    note(tr(S::sheet_empty_hint));
    return;
  }
  text_colored(theme::kOk, trf(S::sheet_n_right, {{"n", std::to_string(n.ok)}}));
  ImGui::SameLine(0, ImGui::GetFontSize());
  text_colored(n.wrong ? theme::kError : theme::kMuted, trf(S::sheet_n_wrong, {{"n", std::to_string(n.wrong)}}));
  if (n.unreadable) {
    ImGui::SameLine(0, ImGui::GetFontSize());
    text_colored(theme::kError, trf(S::sheet_n_unreadable, {{"n", std::to_string(n.unreadable)}}));
  }
  if (const auto key = answers.first_wrong()) {
    text_colored(theme::kError, tr(S::sheet_first_wrong));
    ImGui::SameLine();
    notation_label(notation_of(sheet, *key), theme::kError);
    if (const auto edge = answers.highlighted_edge()) {
      const std::string where = trf(S::sheet_edge, {{"of", display_name(edge->first)}, {"wrt", display_name(edge->second)}});
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(where.c_str()).x > ImGui::GetContentRegionMax().x) ImGui::NewLine();
      text_colored(theme::kMuted, where);
    }
  } else if (n.unreadable == 0) {
    text_colored(theme::kOk, tr(S::sheet_all_right));
  }
}

void tolerance_control(logic::Answers& answers) {
  double t = answers.tolerance();
  const double lo = 1e-10, hi = 1e-1;
  const float slider = ImGui::GetFontSize() * 7;
  ImGui::AlignTextToFramePadding();
  text(tr(S::sheet_tolerance));  // the slider beside it when it fits
  same_line_or_wrap(slider);
  ImGui::SetNextItemWidth(slider);
  if (ImGui::SliderScalar("##tolerance", ImGuiDataType_Double, &t, &lo, &hi, "%.0e",
                          ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
    answers.set_tolerance(t);
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    text(tr(S::sheet_tolerance_rule));
    text(tr(S::sheet_ctrl_click));
    ImGui::EndTooltip();
  }
}

// a button the browser test can find ("button:<label>")
bool button(App& app, const char* label) { return probed_button(app.probe, label); }

void save(App& app, const std::string& name, const std::string& text) {
  AnswerTools& tools = app.answer_tools;
  if (!app.save_file) {
    tools.status = std::string("error: ") + tr(S::sheet_no_saving);
    return;
  }
  tools.status = app.save_file(name, text);
}

// the handouts' options: named by the Name / ID field, else by the seed of an unchanged variant
bp::KeyOptions handout_options(const App& app, std::string& error) {
  bp::KeyOptions key;
  const std::string student(app.answer_tools.student.data());
  if (auto e = student.empty() ? std::nullopt : bp::check_student_id(student)) error = error_line(*e);
  else key.student = student;
  const AnswerTools& tools = app.answer_tools;
  if (key.student.empty() && !tools.variant_json.empty() && tools.variant_json == bp::state_to_json(app.model.state))
    key.seed = static_cast<uint64_t>(tools.variant_seed);
  return key;
}

void files(App& app) {
  const Model& model = app.model;
  const bp::AnswerSheet* sheet = app.answers.sheet();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  ImGui::InputTextWithHint(tr_id(S::sheet_name_id, "Name / ID").c_str(), tr(S::sheet_name_id_hint), app.answer_tools.student.data(),
                           app.answer_tools.student.size());
  std::string error;
  bp::KeyOptions key = handout_options(app, error);
  if (!error.empty()) inline_error(error);
  // a locked course page keeps the answer key out of the students' reach (the blank sheets stay)
  for (bool blank : {false, true})
    for (bp::KeyFormat format : {bp::KeyFormat::Markdown, bp::KeyFormat::Latex}) {
      key.blank = blank;
      key.format = format;
      const bool tex = format == bp::KeyFormat::Latex;
      static const char* const kIds[] = {"Answer key (Markdown)", "Answer key (LaTeX)", "Blank sheet (Markdown)",
                                         "Blank sheet (LaTeX)"};  // the probe's and the tests' names
      static const S kLabels[] = {S::sheet_key_md, S::sheet_key_tex, S::sheet_blank_md, S::sheet_blank_tex};
      const int which = (blank ? 2 : 0) + (tex ? 1 : 0);
      const std::string label = tr_id(kLabels[which], kIds[which]).c_str();
      if (format == bp::KeyFormat::Latex) same_line_or_wrap(button_width(label.c_str()));
      ImGui::BeginDisabled(!sheet || (!blank && network_locked(app)));
      if (button(app, label.c_str())) save(app, bp::handout_file_name(key), bp::answer_key(model.state, *sheet, key));
      ImGui::EndDisabled();
    }
  ImGui::BeginDisabled(!sheet);
  if (button(app, tr_id(S::sheet_export_json, "Export sheet JSON").c_str()))
    save(app, "backprop-answers.json", app.answers.sheet_json(model.state, 1, key.student) + "\n");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    text_wrapped(tr(S::sheet_export_json_tip));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  ImGui::EndDisabled();
}

void variant(App& app) {
  AnswerTools& tools = app.answer_tools;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputInt(tr_id(S::sheet_seed, "seed").c_str(), &tools.seed);
  tools.seed = std::max(tools.seed, 0);
  same_line_or_wrap(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr(S::sheet_dead_relu)).x);
  ImGui::Checkbox(tr_id(S::sheet_dead_relu, "one dead ReLU").c_str(), &tools.dead_relu);
  ImGui::BeginDisabled(network_locked(app));
  const bool pressed = button(app, tr_id(S::sheet_new_variant, "New variant").c_str());
  ImGui::EndDisabled();
  if (pressed && !network_locked(app)) {
    bp::VariantOptions options;
    options.dead_relu = tools.dead_relu;
    auto state = bp::make_variant(static_cast<uint64_t>(tools.seed), options);
    if (!state) {
      tools.status = state.error().line();
    } else {
      tools.variant_json = bp::state_to_json(state.value());
      tools.variant_seed = tools.seed;
      app.model.replace(std::move(state).value());
      app.answers.clear();
      tools.status = trf(tools.dead_relu ? S::sheet_loaded_variant_dead : S::sheet_loaded_variant,
                         {{"seed", std::to_string(tools.seed)}});
    }
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);  // within a phone's width
    if (network_locked(app)) text_wrapped(tr(S::sheet_network_locked));
    text_wrapped(tr(S::sheet_variant_tip));
    text_wrapped(tr(S::sheet_variant_replaces));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void tools_status(const AnswerTools& tools) {
  if (tools.status.empty()) return;
  if (tools.status.rfind("error: ", 0) == 0) inline_error(tr(S::error_prefix) + tools.status.substr(6));
  else note(tools.status.c_str());
}

}  // namespace

void sync_answers(App& app) {
  const Model& model = app.model;  // a stale report (a drag on a big network) has every sheet value
  app.answers.sync(model.state, model.report ? &*model.report : nullptr, model.error ? &*model.error : nullptr,
                   model.revision);
}

void answers_panel(App& app) {
  Model& model = app.model;
  logic::Answers& answers = app.answers;
  sync_answers(app);
  // a cell being edited keeps its own copy of the text: after a change from elsewhere (the JS API,
  // Clear all, a new variant) it gets a new ID, so the edit in progress ends and shows the change
  if (answers.edits() != app.answer_tools.edits_seen) {
    app.answer_tools.edits_seen = answers.edits();
    ++app.answer_tools.generation;
  }

  const bool tools_open = ImGui::CollapsingHeader(tr_id(S::sheet_files_header, "Exercise files and variants").c_str());
  const ImVec2 h0 = ImGui::GetItemRectMin(), h1 = ImGui::GetItemRectMax();
  app.probe.add("header:Exercise files and variants", h0.x, h0.y, h1.x - h0.x, h1.y - h0.y);
  if (tools_open) {
    files(app);
    variant(app);
    tools_status(app.answer_tools);
    ImGui::Separator();
  }
  const bp::AnswerSheet* sheet = answers.sheet();
  if (!sheet) {
    inline_error(model.error ? error_line(*model.error) : tr(S::sheet_not_evaluated));
    note(tr(S::sheet_comes_back));
    return;
  }
  summary(answers, *sheet);
  tolerance_control(answers);
  same_line_or_wrap(button_width(tr(S::sheet_clear_all)));
  ImGui::BeginDisabled(answers.counts().filled == 0 || network_locked(app));
  if (ImGui::SmallButton(tr_id(S::sheet_clear_all, "Clear all").c_str())) answers.clear();
  ImGui::EndDisabled();
  ImGui::BeginDisabled(network_locked(app));  // a locked course page: no formula (right answer) on hover
  ImGui::Checkbox(tr_id(S::sheet_reveal, "Reveal answers").c_str(), &app.answer_tools.reveal);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::sheet_reveal_tip));
  if (network_locked(app)) app.answer_tools.reveal = false;
  if (answers_locked(app)) note(tr(S::sheet_answers_locked));
  if (answers.check_error()) inline_error(error_line(*answers.check_error()));
  if (!sheet->jacobians_skipped.empty()) inline_warning(sheet->jacobians_skipped);
  ImGui::Separator();

  ImGui::BeginChild("cells");
  bool in_forward = false, in_chain = false;
  for (const bp::SheetCell& c : sheet->cells) {
    if (!c.listed) continue;
    const bool forward = c.kind == bp::CellKind::Forward;
    if (forward && !in_forward) {
      section(tr(S::sheet_section_forward));
      in_forward = true;
    } else if (!forward && !in_chain) {
      section(tr(S::sheet_section_chain));
      in_chain = true;
    }
    answer_cell(app, *sheet, c);
  }
  ImGui::EndChild();
}

}  // namespace app
