// Model: validate + evaluate on every change, timed, so that a network too big to evaluate on
// every frame of a drag is evaluated when the drag ends.
#include "app/model.h"

#include <chrono>
#include <utility>

#include <nlohmann/json.hpp>

#include "engine/report_json.h"
#include "engine/state_json.h"

namespace app {

void Model::recompute() {
  ++revision;
  stale = false;
  error = bp::validate(state);
  report.reset();
  if (error) return;
  const auto start = std::chrono::steady_clock::now();
  report = bp::evaluate(state);
  evaluation_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void Model::edited() {
  if (evaluation_ms <= kLiveEvaluationMs || !report) {
    recompute();
    return;
  }
  // a big network: forward, autodiff and the Jacobian chain now, so values and gradients follow
  // the drag; the finite differences (most of the cost) when it ends
  ++revision;
  error = bp::validate(state);
  if (error) {
    report.reset();
    return;
  }
  bp::EvaluateOptions live;
  live.numeric = false;
  report = bp::evaluate(state, live);
  stale = true;
}

void Model::settle() {
  if (stale) recompute();
}

void Model::replace(bp::State s) {
  state = std::move(s);
  recompute();
}

std::string Model::set_state_json(std::string_view json) {
  auto parsed = bp::parse_state(json);
  if (!parsed) return parsed.error().line();
  replace(std::move(parsed).value());
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
