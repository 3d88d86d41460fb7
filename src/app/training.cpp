// training.h: a run is the optimizer's moments plus the curve, tied to the Model revision its
// last step left; any other change of the state (an edit, undo, a link) starts the next run over.
#include "app/training.h"

#include <algorithm>
#include <chrono>

#include "app/logic/formula.h"
#include "app/logic/i18n.h"
#include "app/model.h"
#include "engine/json_numbers.h"

namespace app {
namespace {

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// the curve's last point is the loss of the state as it is now
void set_current(Training& t, double loss, const std::vector<double>& samples) {
  if (t.losses.empty()) t.losses.push_back(loss);
  else t.losses.back() = loss;
  if (samples.size() > 1) {
    if (t.sample_losses.size() < t.losses.size()) t.sample_losses.resize(t.losses.size());
    t.sample_losses.back() = samples;
  }
}

// the curve's last point, from the gradient at the state (kept: the next step and the landscape use it)
void measure_current(Training& t, const bp::State& state) {
  t.ahead = bp::batch_gradient(state, t.settings.train_input);
  set_current(t, t.ahead->loss, t.ahead->sample_losses);
}

// a run starts from the state as it is: the curve starts with its loss
void begin_run(Training& t, const Model& model) {
  t.optimizer.emplace(t.settings);
  t.start = model.state;
  t.losses.clear();
  t.sample_losses.clear();
  t.last.reset();
  ++t.run;
  t.left = model.state;  // the run is this state's now (measure_current's gradient is of it)
  measure_current(t, model.state);
}

// settings_changed() drops the moments only: the run and its curve go on
bool run_is_current(const Training& t, const Model& model) { return t.left && bp::identical(*t.left, model.state); }

// one update of model.state without re-evaluating it (Train takes several per frame); the
// curve's new last point is left for measure_current. "" or why the step failed.
std::string step_once(Training& t, Model& model) {
  if (!run_is_current(t, model)) begin_run(t, model);  // the first step, or the state was changed elsewhere
  if (!t.optimizer) t.optimizer.emplace(t.settings);
  StepRecord r;
  r.params = bp::trained_parameters(model.state, t.settings.train_input);
  for (const auto& p : r.params) r.before.push_back(bp::parameter_value(model.state, p));
  const bp::BatchGradient* ahead = gradient_ahead(t, model.state);
  const bp::BatchGradient g = ahead ? t.optimizer->step(model.state, std::move(*t.ahead)) : t.optimizer->step(model.state);
  t.ahead.reset();
  r.grad = g.grads;
  for (const auto& p : r.params) r.after.push_back(bp::parameter_value(model.state, p));
  r.loss_before = g.loss;
  r.step = t.optimizer->steps();
  t.last = std::move(r);
  set_current(t, g.loss, g.sample_losses);  // the loss before the update, now from the step itself
  t.losses.push_back(g.loss);               // a place for the loss after it
  if (g.sample_losses.size() > 1) t.sample_losses.push_back(g.sample_losses);
  t.left = model.state;
  if (auto invalid = bp::validate(model.state)) {  // the update overflowed (a huge η): the run stops
    t.running = false;
    t.losses.pop_back();
    if (t.sample_losses.size() > t.losses.size()) t.sample_losses.pop_back();
    return invalid->line();
  }
  return "";
}

// after the steps of a click or a frame: the panels and the curve's last point follow
void settle_steps(Training& t, Model& model, bool ok) {
  t.left = model.state;  // (measure_current's gradient is of this state)
  long weights = 0;
  for (const Eigen::MatrixXd& w : model.state.weights) weights += static_cast<long>(w.size());
  const bool big = weights > Model::kDeferChecksAbove;
  model.recompute(t.running ? Model::kTrainingBudgetMs : Model::kFrameBudgetMs, t.running && big);
  if (ok) measure_current(t, model.state);
}

}  // namespace

const bp::BatchGradient* gradient_ahead(const Training& t, const bp::State& state) {
  if (!t.ahead || !t.left || !bp::identical(*t.left, state)) return nullptr;
  const size_t want = bp::trained_parameter_count(state, t.settings.train_input);
  return t.ahead->grads.size() == want ? &*t.ahead : nullptr;  // the same "train I too" as now
}

std::string training_blocked(const Training& t, const Model& model) {
  if (model.error) return error_line(*model.error);
  if (auto e = bp::validate(t.settings)) return error_line(*e);
  if (t.settings.train_input && !model.state.dataset.empty())
    return tr(S::train_input_with_dataset);
  return "";
}

std::string train_step(Training& t, Model& model) {
  if (std::string why = training_blocked(t, model); !why.empty()) return why;
  const std::string failed = step_once(t, model);
  settle_steps(t, model, failed.empty());
  return failed;
}

void train_start(Training& t, const Model& model) {
  if (!training_blocked(t, model).empty()) return;
  t.running = true;
  t.carry = 1;  // the first step at once: Train answers the click
}

void train_pause(Training& t) {
  t.running = false;
  t.carry = 0;
}

int train_advance(Training& t, Model& model, double seconds, double budget_ms) {
  if (!t.running) {
    if (model.checks_deferred && !model.error) model.recompute();  // paused: the chain and the finite differences now
    return 0;
  }
  if (!training_blocked(t, model).empty()) {
    t.running = false;
    return 0;
  }
  t.carry = std::min(t.carry + seconds * t.steps_per_second, 1000.0);
  const auto begin = std::chrono::steady_clock::now();
  int steps = 0;
  bool ok = true;
  while (t.carry >= 1) {
    if (!step_once(t, model).empty()) {
      ok = false;
      break;
    }
    t.carry -= 1;
    ++steps;
    if (ms_since(begin) > budget_ms) {  // the frame's share is spent: what is owed beyond it is dropped
      t.carry = std::min(t.carry, 1.0);
      break;
    }
  }
  if (steps > 0 || !ok) settle_steps(t, model, ok);
  return steps;
}

bool train_rewind(Training& t, Model& model) {
  if (!t.start) return false;
  t.running = false;
  t.carry = 0;
  model.replace(*t.start);
  t.optimizer.reset();
  t.last.reset();
  t.losses.clear();
  t.sample_losses.clear();
  t.left.reset();  // the next Step starts a fresh run from here
  ++t.run;
  if (!model.error) measure_current(t, model.state);
  return true;
}

std::string training_json(const Training& t) {
  using bp::detail::Json;
  using bp::detail::number_json;
  Json j;
  j["run"] = t.run;
  j["steps"] = t.optimizer ? t.optimizer->steps() : 0;
  j["running"] = t.running;
  j["stepsPerSecond"] = number_json(t.steps_per_second);
  Json losses = Json::array();
  for (double l : t.losses) losses.push_back(number_json(l));
  j["losses"] = std::move(losses);
  const bp::OptimizerSettings& s = t.settings;
  j["settings"] = {{"optimizer", std::string(bp::option_name(s.kind))}, {"lr", number_json(s.lr)},
                   {"momentum", number_json(s.momentum)},  {"nesterov", s.nesterov},
                   {"betas", {number_json(s.beta1), number_json(s.beta2)}}, {"eps", number_json(s.eps)},
                   {"weight_decay", number_json(s.weight_decay)}, {"train_input", s.train_input}};
  if (!t.last) {
    j["last"] = nullptr;
  } else {
    Json params = Json::array();
    for (size_t i = 0; i < t.last->params.size(); ++i)
      params.push_back({{"name", t.last->params[i].name}, {"before", bp::detail::matrix_json(t.last->before[i])},
                        {"grad", bp::detail::matrix_json(t.last->grad[i])}, {"after", bp::detail::matrix_json(t.last->after[i])}});
    j["last"] = {{"step", t.last->step}, {"loss", number_json(t.last->loss_before)}, {"params", std::move(params)}};
  }
  return j.dump();
}

void settings_changed(Training& t) { t.optimizer.reset(); }

UpdateTerms update_terms(const StepRecord& r, size_t i, const bp::OptimizerSettings& s) {
  const std::string& name = r.params[i].name;
  UpdateTerms u;
  std::string direction;
  Eigen::MatrixXd d;
  if (s.kind == bp::OptimizerKind::Sgd && s.weight_decay == 0) {
    direction = "∇_{" + name + "} l";
    d = r.grad[i];
  } else {
    // what the optimizer moved along: (before − after) / η, the momentum buffer or Adam's step
    direction = s.kind == bp::OptimizerKind::Adam ? "u" : s.kind == bp::OptimizerKind::Momentum ? "v" : "g";
    d = (r.before[i] - r.after[i]) / s.lr;
  }
  u.rule = name + " ← " + name + " − η·" + direction;
  u.terms = {{"= ", r.before[i]}, {"− " + logic::formula_number(s.lr) + "·", d}, {"= ", r.after[i]}};
  u.changed = (r.before[i].array() != r.after[i].array()).any();
  return u;
}

std::string update_formula(const StepRecord& r, size_t i, const bp::OptimizerSettings& s) {
  const UpdateTerms u = update_terms(r, i, s);
  std::string out = u.rule;
  for (const auto& t : u.terms) out += " " + t.prefix + logic::formula_values(t.value);
  return out;
}

std::vector<std::string> value_rows(const Eigen::MatrixXd& m, int max_items) {
  if (m.cols() == 1) return {logic::formula_values(m, max_items)};
  const int side = std::max(1, max_items - 2);  // as formula_values elides a matrix side
  std::vector<Eigen::Index> rows;
  if (m.rows() <= side) {
    for (Eigen::Index i = 0; i < m.rows(); ++i) rows.push_back(i);
  } else {
    for (Eigen::Index i = 0; i < side - 1; ++i) rows.push_back(i);
    rows.push_back(-1);  // "…"
    rows.push_back(m.rows() - 1);
  }
  std::vector<std::string> out;
  for (size_t k = 0; k < rows.size(); ++k) {
    std::string row = rows[k] < 0 ? "…" : logic::formula_values(m.row(rows[k]).transpose(), side);
    out.push_back((k == 0 ? "[" : " ") + row + (k + 1 == rows.size() ? "]" : ","));
  }
  return out;
}

}  // namespace app
