// Model: validate + evaluate on every change; the costly parts of a big network's evaluation
// (the manual chain, the finite differences) are spread over the following frames.
#include "app/model.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <utility>

#include <nlohmann/json.hpp>

#include "engine/report_json.h"
#include "engine/state_json.h"

namespace app {

namespace {
double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

void Model::recompute(double budget_ms, bool defer_checks) { start(bp::validate(state), budget_ms, defer_checks); }

void Model::start(std::optional<bp::Error> invalid, double budget_ms, bool defer_checks) {
  ++revision;
  checks_deferred = defer_checks;
  error = std::move(invalid);
  evaluation_.reset();
  report.reset();
  stale = false;
  evaluation_ms = 0;
  if (error) return;
  const auto start = std::chrono::steady_clock::now();
  evaluation_ = std::make_shared<bp::Evaluation>(state, bp::EvaluateOptions{!defer_checks, !defer_checks});  // forward + autodiff
  // and a frame's share of the rest at once: a small network (the exercise) is then complete, as
  // the views (the stepper's Jacobian steps) expect; only a big one arrives in parts
  if (budget_ms > 0) evaluation_->step(budget_ms);  // (a step does at least one unit of work)
  evaluation_ms = ms_since(start);
  refresh();
}

void Model::refresh() {
  report = evaluation_->report();
  stale = !evaluation_->done();
  if (!stale) evaluation_.reset();
}

void Model::advance(double budget_ms) {
  if (!evaluation_) return;
  const auto start = std::chrono::steady_clock::now();
  const bool chain_was_due = evaluation_->chain_due();
  if (budget_ms > 0) evaluation_->step(budget_ms);  // (a step does at least one unit of work)
  evaluation_ms += ms_since(start);
  // a new part came in (the chain, or the finite differences): the views redraw from it
  if (evaluation_->done() || evaluation_->chain_due() != chain_was_due) {
    ++revision;
    refresh();
  }
}

void Model::settle() {
  if (evaluation_) advance(std::numeric_limits<double>::infinity());
}

std::string Model::pending() const { return evaluation_ ? evaluation_->pending() : ""; }

void Model::replace(bp::State s) {
  state = std::move(s);
  recompute();
}

std::string Model::set_state_json(std::string_view json) {
  const auto begin = std::chrono::steady_clock::now();
  auto parsed = bp::parse_state(json);
  if (!parsed) return parsed.error().line();
  state = std::move(parsed).value();
  // parse_state has validated it (for 8 × 256 a second pass would cost a frame); reading a big
  // state took much of this frame already, so its evaluation starts with what is left
  start(std::nullopt, std::max(0.0, kFrameBudgetMs - ms_since(begin)));
  return "";
}

std::string Model::state_json() const { return bp::state_to_json(state); }

std::string Model::result_json() {
  settle();
  if (report) return bp::report_to_json(*report);
  const std::string line = error ? error->line() : "error: state: not evaluated";
  return nlohmann::json{{"error", line}}.dump();
}

}  // namespace app
