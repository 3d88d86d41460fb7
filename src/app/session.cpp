// Share links, the stored session and opened files, in and out of the app.
#include "app/session.h"

#include <cctype>

#include "app/app.h"
#include "app/logic/i18n.h"
#include "coursework/sheet_json.h"
#include "engine/state_json.h"

namespace app {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// the panel in front: on a narrow screen the one shown, on a wide one the right column's tab
Screen front_panel(const App& app) { return app.narrow ? app.screen : app.right_tab; }
Screen default_panel(const App& app) { return app.narrow ? Screen::Graph : Screen::Results; }

void notify(App& app, std::string text, bool error) { app.notice = {std::move(text), error}; }

// an error line without its "error: " (for a sentence in the notice)
std::string reason_of(const std::string& line) { return line.rfind("error: ", 0) == 0 ? line.substr(7) : line; }

}  // namespace

bp::LinkContent session_content(App& app, bool with_answers) {
  bp::LinkContent c;
  c.state = app.model.state;
  if (with_answers) {
    c.student = app.answer_tools.student.data();
    // in the sheet's order when there is one (the order getSheet() lists), else by key
    if (const bp::AnswerSheet* sheet = app.answers.sheet()) {
      for (const auto& cell : sheet->cells)
        if (const std::string& t = app.answers.text(cell.key); !t.empty()) c.answers.emplace_back(cell.key, t);
    }
    for (const auto& [key, text] : app.answers.texts()) {
      bool listed = false;
      for (const auto& a : c.answers) listed = listed || a.first == key;
      if (!listed) c.answers.emplace_back(key, text);
    }
  }
  sync_graph(app.graph, app.model);
  const logic::Stepper& stepper = app.graph.stepper;
  if (stepper.step() != stepper.step_count()) c.view.step = stepper.step();
  const logic::Selection& sel = app.graph.selection;
  if (sel.kind == logic::Selection::Kind::Node) c.view.node = sel.node;
  if (sel.kind == logic::Selection::Kind::Edge) c.view.of = sel.of, c.view.wrt = sel.wrt;
  if (front_panel(app) != default_panel(app)) c.view.tab = lower(screen_name(front_panel(app)));
  return c;
}

std::string open_content(App& app, const bp::LinkContent& c) {
  app.model.replace(c.state);
  sync_answers(app);
  std::map<std::string, std::string> texts;
  for (const auto& [key, text] : c.answers) texts[key] = text;
  app.answers.replace_texts(std::move(texts));
  auto& field = app.answer_tools.student;
  field.fill('\0');
  c.student.copy(field.data(), field.size() - 1);
  std::string notes;
  const auto note = [&](const std::string& s) { notes += (notes.empty() ? "" : "; ") + s; };
  if (const bp::AnswerSheet* sheet = app.answers.sheet())
    for (const auto& [key, text] : c.answers)
      if (!sheet->find(key)) note(trf(S::session_unknown_answer, {{"key", key}}));
  // the view, once the graph follows the new state
  sync_graph(app.graph, app.model);
  logic::Stepper& stepper = app.graph.stepper;
  stepper.pause();
  if (c.view.step && *c.view.step > stepper.step_count()) note(trf(S::session_step_past_end, {{"step", std::to_string(*c.view.step)}}));
  stepper.seek(c.view.step && *c.view.step <= stepper.step_count() ? *c.view.step : stepper.step_count());
  const logic::GraphSnapshot& g = stepper.graph();
  const std::string selected = !c.view.node.empty() ? logic::select_node(app.graph.selection, g, c.view.node)
                                                   : logic::select_edge(app.graph.selection, g, c.view.of, c.view.wrt);
  if (!selected.empty()) note(reason_of(selected));
  if (!c.view.tab.empty()) {
    bool found = false;
    for (Screen s : {Screen::Graph, Screen::Network, Screen::Results, Screen::Inspector, Screen::Explainer, Screen::Sheet, Screen::Train})
      if (lower(screen_name(s)) == c.view.tab) found = focus_panel(app, screen_name(s));
    if (!found) note(trf(S::session_no_panel, {{"tab", c.view.tab}}));
  }
  return notes;
}

std::string link_text(App& app, bool with_answers, std::string_view base) {
  const auto link = bp::share_link(session_content(app, with_answers), base);
  return link ? link.value() : link.error().line();
}

std::string open_link(App& app, std::string_view link, bool replaced_stored) {
  const std::string undo = replaced_stored ? tr(S::session_undo_away) : "";
  const auto content = bp::read_link(link);
  if (!content) {
    open_content(app, {bp::exercise_state(), {}, "", {}});
    notify(app, trf(S::session_link_failed, {{"reason", reason_of(content.error().line())}}) + undo, true);
    return content.error().line();
  }
  const std::string notes = open_content(app, content.value());
  notify(app, (notes.empty() ? std::string(tr(S::session_link_opened)) : trf(S::session_link_opened_but, {{"notes", notes}})) + undo,
         !notes.empty());
  return "";
}

std::string session_json(App& app) {
  const bp::State& s = app.model.state;
  size_t numbers = static_cast<size_t>(s.input.size() + s.label.size());
  for (int k = 0; k < s.layers(); ++k)
    numbers += static_cast<size_t>(s.weights[k].size()) + (s.biases[k] ? static_cast<size_t>(s.biases[k]->size()) : 0);
  return numbers > kMaxStoredParameters ? "" : bp::link_document(session_content(app, true));
}

std::string restore_session(App& app, std::string_view json) {
  const auto content = bp::read_link_document(json);
  if (!content) {
    notify(app, trf(S::session_restore_failed, {{"reason", reason_of(content.error().line())}}), true);
    return content.error().line();
  }
  const std::string notes = open_content(app, content.value());
  notify(app, notes.empty() ? std::string(tr(S::session_restored)) : trf(S::session_restored_but, {{"notes", notes}}), false);
  return "";
}

std::string open_file(App& app, std::string_view text, const std::string& name) {
  const auto sheet = bp::parse_state_or_sheet(text, name);
  if (!sheet) {
    notify(app, trf(S::session_open_failed, {{"name", name}, {"reason", reason_of(sheet.error().line())}}), true);
    return sheet.error().line();
  }
  bp::LinkContent c{sheet.value().state, sheet.value().texts, sheet.value().student, {}};
  const bool is_sheet = sheet.value().answer_sheet;
  // a state file keeps the answers typed so far (they are checked against the new network)
  if (!is_sheet) {
    for (const auto& [key, t] : app.answers.texts()) c.answers.emplace_back(key, t);
    c.student = app.answer_tools.student.data();
  }
  const std::string notes = open_content(app, c);
  const S said = is_sheet ? (notes.empty() ? S::session_opened_sheet : S::session_opened_sheet_but)
                          : (notes.empty() ? S::session_opened : S::session_opened_but);
  notify(app, trf(said, {{"name", name}, {"notes", notes}}), !notes.empty());
  return "";
}

std::string state_file_text(const App& app) { return bp::state_to_json(app.model.state) + "\n"; }

}  // namespace app
