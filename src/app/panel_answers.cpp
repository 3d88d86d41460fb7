// The "Answer sheet" tab: one text cell per sheet cell (forward values, the local Jacobians and
// chain products from l backwards, the final gradients), checked as the student types, with the
// answer key, the blank sheet and the sheet JSON as files, and new variants of the exercise.
#include <algorithm>
#include <cfloat>
#include <string>

#include <imgui.h>

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

bool input_multiline(const char* id, std::string& text, const ImVec2& size) {
  return ImGui::InputTextMultiline(id, text.data(), text.capacity() + 1, size,
                                   ImGuiInputTextFlags_CallbackResize, resize_callback, &text);
}

// "∇_{W1} O" drawn as ∇ with a lowered, smaller W1, then " O"; plain names ("h") as they are
void notation_label(const std::string& notation, const ImVec4& color) { math_text_colored(color, notation); }

std::string shape_text(const bp::SheetCell& c) {
  if (c.truth.size() == 1) return "number";
  if (c.vector) return std::to_string(c.truth.size()) + "-vector";
  return std::to_string(c.truth.rows()) + "×" + std::to_string(c.truth.cols());
}

std::string placeholder(const bp::SheetCell& c) {
  if (c.truth.size() == 1) return "a number";
  if (c.vector) return "e.g. tensor([…]) or [a, b]";
  return "paste a printout or type [[…], […]]";
}

std::string mistake_text(const bp::Verdict& v) {
  if (!v.mistake) return "wrong";
  switch (*v.mistake) {
    case bp::Mistake::Shape: return "wrong shape";
    case bp::Mistake::Transposed: return "transposed";
    case bp::Mistake::FlattenOrder: return "flattened column by column";
    case bp::Mistake::SignFlipped: return "sign flipped";
    case bp::Mistake::Scaled: return "off by a factor ×" + bp::format_number(v.factor.value_or(0), 4);
    case bp::Mistake::ReluMask: return "ReLU mask";
    case bp::Mistake::SoftmaxDiagonalOnly: return "softmax Jacobian: diagonal only";
    case bp::Mistake::LabelIgnored: return "label ignored";
    case bp::Mistake::Unknown: return "wrong";
  }
  return "wrong";
}

std::string notation_of(const bp::AnswerSheet& sheet, const std::string& key) {
  const bp::SheetCell* c = sheet.find(key);
  return c ? c->notation : key;
}

std::string consistent_text(const bp::AnswerSheet& sheet, const bp::Verdict& v) {
  std::string s = "consistent with your ";
  for (size_t i = 0; i < v.consistent_with.size(); ++i)
    s += (i ? ", " : "") + notation_of(sheet, v.consistent_with[i]);
  return s;
}

void verdict_tooltip(const bp::AnswerSheet& sheet, const bp::SheetCell& c, const bp::Verdict& v) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
  if (v.ok) badge(true, v.consistent_with.empty() ? "right" : consistent_text(sheet, v).c_str());
  else badge(false, mistake_text(v).c_str());
  if (!v.message.empty()) ImGui::TextWrapped("%s", v.message.c_str());
  ImGui::TextDisabled("%s = %s", c.notation.c_str(), c.formula.c_str());
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
  if (v) ImGui::TextColored(v->ok ? theme::kOk : theme::kError, v->ok ? "✓" : "✗");
  else if (parse_error) ImGui::TextColored(theme::kError, "!");
  else ImGui::TextColored(theme::kMuted, "○");
  ImGui::SameLine();
  ImGui::BeginGroup();
  notation_label(c.notation, kind_color(c));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", shape_text(c).c_str());
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::Text("%s = %s", c.notation.c_str(), c.formula.c_str());
    ImGui::EndTooltip();
  }
  if (first_wrong) {
    ImGui::SameLine();
    ImGui::TextColored(theme::kError, "◀ first wrong");
  }
  const float key_width = ImGui::CalcTextSize(c.key.c_str()).x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - key_width));
  ImGui::TextColored(theme::kMuted, "%s", c.key.c_str());

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
  const bool edited = input_multiline("##text", text, size);
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
  if (text.empty() && !ImGui::IsItemActive())
    ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + ImGui::GetStyle().FramePadding.x, min.y + ImGui::GetStyle().FramePadding.y),
                                        ImGui::GetColorU32(tint(theme::kMuted, 0.55f)), placeholder(c).c_str());

  // what the checker says
  if (parse_error) {
    inline_error(*parse_error);
    const ImVec2 e0 = ImGui::GetItemRectMin(), e1 = ImGui::GetItemRectMax();
    app.probe.add("answer-error:" + c.key, e0.x, e0.y, e1.x - e0.x, e1.y - e0.y);
  } else if (v) {
    if (v->ok && !v->consistent_with.empty()) badge(true, consistent_text(sheet, *v).c_str());
    else if (!v->ok) {
      badge(false, mistake_text(*v).c_str());
      if (first_wrong && !v->message.empty()) note(v->message.c_str());
    }
    if (hovered || ImGui::IsItemHovered()) verdict_tooltip(sheet, c, *v);
  }
  ImGui::PopID();
  ImGui::Spacing();
}

// [SECTION] summary and tools

void section(const char* title) {
  ImGui::Spacing();
  ImGui::TextColored(theme::kMuted, "%s", title);
  ImGui::Separator();
}

void summary(const logic::Answers& answers, const bp::AnswerSheet& sheet) {
  const auto n = answers.counts();
  if (n.filled == 0) {
    note("Type what you derived by hand into any cell, or paste a notebook printout (tensor(…), array(…), "
         "[[…]]). Each cell is checked as you type.");
    return;
  }
  ImGui::TextColored(theme::kOk, "✓ %d right", n.ok);
  ImGui::SameLine(0, 14);
  ImGui::TextColored(n.wrong ? theme::kError : theme::kMuted, "✗ %d wrong", n.wrong);
  if (n.unreadable) {
    ImGui::SameLine(0, 14);
    ImGui::TextColored(theme::kError, "! %d unreadable", n.unreadable);
  }
  if (const auto key = answers.first_wrong()) {
    ImGui::TextColored(theme::kError, "First wrong factor:");
    ImGui::SameLine();
    notation_label(notation_of(sheet, *key), theme::kError);
    if (const auto edge = answers.highlighted_edge()) {
      ImGui::SameLine();
      ImGui::TextDisabled("(edge %s ← %s)", display_name(edge->first), display_name(edge->second));
    }
  } else if (n.unreadable == 0) {
    ImGui::TextColored(theme::kOk, "Every filled cell is right.");
  }
}

void tolerance_control(logic::Answers& answers) {
  double t = answers.tolerance();
  const double lo = 1e-10, hi = 1e-1;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::SliderScalar("relative tolerance", ImGuiDataType_Double, &t, &lo, &hi, "%.0e",
                          ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
    answers.set_tolerance(t);
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted("|a − t| ≤ tol·|t| + tol·max|t|, entry by entry (as backprop-cli check --tolerance).");
    ImGui::TextUnformatted("Ctrl+click to type a value.");
    ImGui::EndTooltip();
  }
}

// a button the browser test can find ("button:<label>")
bool button(App& app, const char* label) {
  const bool pressed = ImGui::Button(label);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  app.probe.add(std::string("button:") + label, min.x, min.y, max.x - min.x, max.y - min.y);
  return pressed;
}

void save(App& app, const std::string& name, const std::string& text) {
  AnswerTools& tools = app.answer_tools;
  if (!app.save_file) {
    tools.status = "error: saving files is not available here";
    return;
  }
  tools.status = app.save_file(name, text);
}

// the handouts' options: named by the Name / ID field, else by the seed of an unchanged variant
bp::KeyOptions handout_options(const App& app, std::string& error) {
  bp::KeyOptions key;
  const std::string student(app.answer_tools.student.data());
  if (auto e = student.empty() ? std::nullopt : bp::check_student_id(student)) error = e->line();
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
  ImGui::InputTextWithHint("Name / ID", "written on the sheet and the handouts", app.answer_tools.student.data(),
                           app.answer_tools.student.size());
  std::string error;
  bp::KeyOptions key = handout_options(app, error);
  if (!error.empty()) inline_error(error);
  ImGui::BeginDisabled(!sheet);
  for (bool blank : {false, true})
    for (bp::KeyFormat format : {bp::KeyFormat::Markdown, bp::KeyFormat::Latex}) {
      key.blank = blank;
      key.format = format;
      const std::string label = std::string(blank ? "Blank sheet" : "Answer key") +
                                (format == bp::KeyFormat::Latex ? " (LaTeX)" : " (Markdown)");
      if (button(app, label.c_str())) save(app, bp::handout_file_name(key), bp::answer_key(model.state, *sheet, key));
      if (format == bp::KeyFormat::Markdown) ImGui::SameLine();
    }
  if (button(app, "Export sheet JSON"))
    save(app, "backprop-answers.json", app.answers.sheet_json(model.state, 1, key.student) + "\n");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted("The network and your answers: backprop-cli check backprop-answers.json");
    ImGui::EndTooltip();
  }
  ImGui::EndDisabled();
}

void variant(App& app) {
  AnswerTools& tools = app.answer_tools;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputInt("seed", &tools.seed);
  tools.seed = std::max(tools.seed, 0);
  ImGui::SameLine();
  ImGui::Checkbox("one dead ReLU", &tools.dead_relu);
  if (button(app, "New variant")) {
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
      tools.status = "Loaded variant " + std::to_string(tools.seed) + (tools.dead_relu ? " (one dead ReLU)" : "") +
                     "; the sheet was cleared.";
    }
  }
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted("The same exercise as backprop-cli variant --seed N: small integers, every seed the same everywhere.");
    ImGui::TextUnformatted("Replaces the network and clears the sheet.");
    ImGui::EndTooltip();
  }
}

void tools_status(const AnswerTools& tools) {
  if (tools.status.empty()) return;
  if (tools.status.rfind("error: ", 0) == 0) inline_error(tools.status);
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

  const bool tools_open = ImGui::CollapsingHeader("Exercise files and variants");
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
    inline_error(model.error ? model.error->line() : "not evaluated");
    note("The sheet comes back as soon as the network is valid again; what you typed is kept.");
    return;
  }
  summary(answers, *sheet);
  tolerance_control(answers);
  ImGui::SameLine();
  ImGui::BeginDisabled(answers.counts().filled == 0);
  if (ImGui::SmallButton("Clear all")) answers.clear();
  ImGui::EndDisabled();
  if (answers.check_error()) inline_error(answers.check_error()->line());
  if (!sheet->jacobians_skipped.empty()) inline_warning(sheet->jacobians_skipped);
  ImGui::Separator();

  ImGui::BeginChild("cells");
  bool in_forward = false, in_chain = false;
  for (const bp::SheetCell& c : sheet->cells) {
    if (!c.listed) continue;
    const bool forward = c.kind == bp::CellKind::Forward;
    if (forward && !in_forward) {
      section("Forward pass");
      in_forward = true;
    } else if (!forward && !in_chain) {
      section("Chain rule, from l backwards");
      in_chain = true;
    }
    answer_cell(app, *sheet, c);
  }
  ImGui::EndChild();
}

}  // namespace app
