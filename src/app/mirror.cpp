// mirror.h: the snapshot is read from the model (state, report, validate_all), the graph snapshot
// and stepper (logic/), and the answers, never from what a panel drew.
#include "app/mirror.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/logic/formula.h"
#include "app/logic/i18n.h"
#include "app/logic/math_notation.h"
#include "app/panels.h"
#include "coursework/answer_diagnosis.h"
#include "engine/number_format.h"
#include "engine/validate_all.h"

namespace app {
namespace {

using nlohmann::json;

constexpr int kMaxItems = 16;  // entries of a long vector (and matrix side) before "…"

std::string values(const Eigen::MatrixXd& m) { return logic::formula_values(m, kMaxItems); }

std::string symbol(const std::string& name) { return display_name(name); }

// "∂ℓ/∂O": each name on its own, so the loss reads ℓ
std::string partial(const std::string& of, const std::string& wrt) {
  return "∂" + logic::plain_math(symbol(of)) + "/∂" + logic::plain_math(symbol(wrt));
}

std::string grad_label(const std::string& name) { return logic::plain_math("∇_{" + symbol(name) + "} l"); }

json network(const bp::State& s) {
  json out = json::array();
  out.push_back({{"name", "I"}, {"value", values(s.input)}});
  out.push_back({{"name", "label"}, {"value", values(s.label)}});
  for (int k = 0; k < s.layers(); ++k) {
    out.push_back({{"name", "W" + std::to_string(k)}, {"value", values(s.weights[k])}});
    if (s.biases[k]) out.push_back({{"name", "b" + std::to_string(k)}, {"value", values(*s.biases[k])}});
  }
  return out;
}

json nodes(const logic::GraphSnapshot& g) {
  json out = json::array();
  for (const auto& n : g.nodes) {
    json node = {{"name", symbol(n.name)}, {"value", values(n.value)}};
    node["grad"] = n.has_grad ? json(values(n.grad)) : json(nullptr);
    out.push_back(std::move(node));
  }
  return out;
}

const bp::JacobianReport* jacobian(const bp::Report& r, const std::string& of, const std::string& wrt) {
  for (const auto& j : r.jacobians)
    if (j.of == of && j.wrt == wrt) return &j;
  return nullptr;
}

// a parameter's chain from the loss down to it, from the engine's local Jacobians: each factor
// ∂of/∂wrt and the running product ∇_wrt ℓ as a row
json chain(const bp::Report& r, const std::string& node) {
  std::vector<const bp::JacobianReport*> path;  // from the node up to the loss
  for (std::string cur = node; path.size() < r.jacobians.size();) {
    const auto it = std::find_if(r.jacobians.begin(), r.jacobians.end(), [&](const auto& j) { return j.wrt == cur; });
    if (it == r.jacobians.end()) break;
    path.push_back(&*it);
    cur = it->of;
  }
  json factors = json::array();
  Eigen::MatrixXd row = Eigen::MatrixXd::Ones(1, 1);
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const bp::JacobianReport& j = **it;
    if (row.cols() != j.value.rows()) break;
    row = row * j.value;
    factors.push_back({{"name", partial(j.of, j.wrt)},
                       {"shape", std::to_string(j.value.rows()) + "×" + std::to_string(j.value.cols())},
                       {"value", values(j.value)},
                       {"product", grad_label(j.wrt) + " = " + values(row)}});
  }
  return factors;
}

json selection(const App& app) {
  const logic::Selection& s = app.graph.selection;
  const bp::Report* r = app.model.report ? &*app.model.report : nullptr;
  if (s.kind == logic::Selection::Kind::Edge) {
    json out = {{"kind", "edge"}, {"name", partial(s.of, s.wrt)}};
    const bp::JacobianReport* j = r ? jacobian(*r, s.of, s.wrt) : nullptr;
    out["value"] = j ? json(values(j->value)) : json(nullptr);
    return out;
  }
  if (s.kind == logic::Selection::Kind::Node) {
    json out = {{"kind", "node"}, {"name", symbol(s.node)}, {"factors", r ? chain(*r, s.node) : json::array()}};
    if (r)
      for (const auto& g : r->autodiff)
        if (g.name == s.node) out["gradient"] = grad_label(g.name) + " = " + values(g.value);
    return out;
  }
  return {{"kind", "none"}};
}

// `stale`: a drag on a big network is in progress and the finite differences wait for its end
json agreement(const bp::Report& r, bool stale) {
  json out = json::array();
  auto add = [&](const char* what, const bp::Agreement& a, bool waits) {
    const std::string text = waits ? tr(S::mirror_waits) : !a.compared ? tr(S::mirror_not_compared)
                           : trf(a.ok ? S::mirror_agree : S::mirror_disagree,
                                 {{"rel", bp::format_number(a.max_rel, 3)}, {"tol", bp::format_number(a.tolerance, 2)}});
    out.push_back({{"what", what}, {"ok", a.ok}, {"text", text}});
  };
  add(tr(S::mirror_manual_vs_autodiff), r.manual_vs_autodiff, false);
  add(tr(S::mirror_numeric_vs_autodiff), r.numeric_vs_autodiff, stale);
  return out;
}

json verdicts(const logic::Answers& answers) {
  json out = json::array();
  const bp::AnswerSheet* sheet = answers.sheet();
  if (!sheet) return out;
  for (const bp::SheetCell& c : sheet->cells) {
    const std::string cell = logic::plain_math(c.notation);
    if (const std::string* e = answers.parse_error(c.key)) {
      out.push_back({{"key", c.key}, {"cell", cell}, {"ok", false}, {"text", trf(S::mirror_unreadable, {{"error", *e}})}});
    } else if (const bp::Verdict* v = answers.verdict(c.key)) {
      const std::string what = v->ok ? tr(S::mirror_right)
                               : v->mistake ? trf(S::mirror_wrong_code, {{"code", bp::mistake_name(*v->mistake)}})
                                            : tr(S::mirror_wrong);
      out.push_back({{"key", c.key}, {"cell", cell}, {"ok", v->ok}, {"text", what + ". " + logic::plain_math(v->message)}});
    }
  }
  return out;
}

// the Train tab: the run's state in words and the last update's formulas
json training(const Training& t) {
  json out = {{"steps", t.losses.empty() ? 0 : t.losses.size() - 1},
              {"running", t.running},
              {"optimizer", std::string(bp::option_name(t.settings.kind))},
              {"lr", bp::format_number(t.settings.lr, 6)}};
  out["loss"] = t.losses.empty() ? json(nullptr) : json(bp::format_number(t.losses.back(), 6));
  json update = json::array();
  if (t.last && t.optimizer)
    for (size_t i = 0; i < t.last->params.size(); ++i) update.push_back(logic::plain_math(update_formula(*t.last, i, t.optimizer->settings())));
  out["update"] = update;
  return out;
}

// what web/mirror.js says around the numbers, in the UI's language: {name} templates by name
json words() {
  static constexpr std::pair<const char*, S> kWords[] = {
      {"sheet_heading", S::mirror_sheet_heading}, {"not_evaluated_one", S::mirror_not_evaluated_one},
      {"not_evaluated_many", S::mirror_not_evaluated_many}, {"node", S::mirror_node},
      {"node_gradient", S::mirror_node_gradient}, {"stepper", S::mirror_stepper}, {"step_of", S::mirror_step_of},
      {"step_of_formula", S::mirror_step_of_formula}, {"loss", S::mirror_loss}, {"gradients", S::mirror_gradients},
      {"agreement", S::mirror_agreement}, {"nothing_selected", S::mirror_nothing_selected},
      {"selected_edge", S::mirror_selected_edge}, {"selected_edge_value", S::mirror_selected_edge_value},
      {"selected_node", S::mirror_selected_node}, {"selected_node_gradient", S::mirror_selected_node_gradient},
      {"chain", S::mirror_chain}, {"factor", S::mirror_factor}, {"explainer", S::mirror_explainer},
      {"train_running", S::mirror_train_running}, {"train_paused", S::mirror_train_paused},
      {"train_none", S::mirror_train_none}, {"train_optimizer", S::mirror_train_optimizer},
      {"last_update", S::mirror_last_update}, {"no_cell", S::mirror_no_cell}, {"verdict", S::mirror_verdict},
      {"errors_one", S::mirror_errors_one}, {"errors_many", S::mirror_errors_many},
      {"evaluated_again", S::mirror_evaluated_again}, {"changed_loss", S::mirror_changed_loss},
      {"step_short", S::mirror_step_short}, {"step_short_formula", S::mirror_step_short_formula},
      {"selected", S::mirror_selected}, {"sheet_counts", S::mirror_sheet_counts},
      {"training_step", S::mirror_training_step}, {"panel", S::mirror_panel}};
  json out;
  for (const auto& [name, s] : kWords) out[name] = tr(s);
  // each panel's name as its tab reads ("Graph" → "그래프"), keyed by the section's English name
  static constexpr std::pair<const char*, S> kPanels[] = {
      {"Graph", S::panel_graph},         {"Network", S::panel_network}, {"Results", S::panel_results},
      {"Inspector", S::panel_inspector}, {"Explainer", S::panel_explainer}, {"Train", S::panel_train},
      {"Sheet", S::panel_sheet}};
  for (const auto& [name, s] : kPanels) out["panels"][name] = tr(s);
  return out;
}

}  // namespace

std::string mirror_key(const App& app) {
  const logic::Selection& s = app.graph.selection;
  return std::to_string(app.model.revision) + "|" + std::to_string(app.graph.stepper.step()) + "|" + s.of + ">" + s.wrt +
         "|" + s.node + "|" + std::to_string(app.answers.edits()) + "|" + screen_name(app.screen) + "|" +
         std::to_string(app.training.run) + "." + std::to_string(app.training.losses.size()) + (app.training.running ? "r" : "") +
         lang_code(language());  // a language switch rewrites every word
}

std::string mirror_json(App& app) {
  const Model& m = app.model;  // not settled: a drag on a big network keeps its pace
  sync_graph(app.graph, m);
  sync_answers(app);
  json out;
  out["panel"] = screen_name(app.screen);
  out["words"] = words();
  out["lang"] = lang_code(language());  // the page's lang: a screen reader picks its voice by it
  json errors = json::array();
  if (m.error)
    for (const bp::Error& e : bp::validate_all(m.state)) errors.push_back(e.line());
  out["errors"] = errors;
  out["network"] = network(m.state);
  const logic::Stepper& st = app.graph.stepper;
  out["stepper"] = {{"step", st.step()}, {"steps", st.step_count()}, {"phase", logic::phase_text(st.phase())},
                    {"formula", logic::plain_math(st.formula())}};
  if (m.report) {  // no stale numbers while the state is invalid
    const bp::Report& r = *m.report;
    out["loss"] = bp::format_number(r.loss, 6);
    out["nodes"] = nodes(st.graph());
    json grads = json::array();
    for (const auto& g : r.autodiff) grads.push_back({{"name", grad_label(g.name)}, {"value", values(g.value)}});
    out["gradients"] = grads;
    out["agreement"] = agreement(r, m.stale);
  } else {
    out["loss"] = nullptr;
    out["nodes"] = out["gradients"] = out["agreement"] = json::array();
  }
  out["training"] = training(app.training);
  out["selection"] = selection(app);
  out["verdicts"] = verdicts(app.answers);
  json hidden = json::array();  // what a course page hid (hide=…): no section, no text of it
  for (int i = 0; i < logic::kPartCount; ++i)
    if (app.embed.hides(static_cast<logic::Part>(i))) hidden.push_back(std::string(logic::part_name(static_cast<logic::Part>(i))));
  out["hidden"] = hidden;
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace app
