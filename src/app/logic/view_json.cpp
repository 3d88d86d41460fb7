// Selection checks and the getView() JSON.
#include "app/logic/view_json.h"

#include "app/logic/i18n.h"

#include <nlohmann/json.hpp>

namespace app::logic {
namespace {

std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }

std::string node_list(const GraphSnapshot& g) {
  std::string out;
  for (const SnapshotNode& n : g.nodes) out += (out.empty() ? "" : ", ") + n.name;
  return out;
}

std::string no_such_node(const GraphSnapshot& g, const std::string& field, const std::string& name) {
  return "error: " + field + ": " + trf(S::select_no_node, {{"name", quoted(name)}, {"nodes", node_list(g)}});
}

}  // namespace

std::string check_edge(const GraphSnapshot& g, const std::string& of, const std::string& wrt) {
  const int to = g.find(of);
  if (to < 0) return no_such_node(g, "of", of);
  const int from = g.find(wrt);
  if (from < 0) return no_such_node(g, "wrt", wrt);
  if (g.find_edge(from, to) >= 0) return "";
  const SnapshotNode& n = g.nodes[to];
  if (n.inputs.empty())
    return "error: wrt: " + trf(S::select_leaf, {{"wrt", quoted(wrt)}, {"of", quoted(of)}});
  std::string inputs;
  for (int in : n.inputs) inputs += (inputs.empty() ? "" : ", ") + g.nodes[in].name;
  return "error: wrt: " + trf(S::select_not_input, {{"wrt", quoted(wrt)}, {"of", quoted(of)}, {"inputs", inputs}});
}

std::string check_node(const GraphSnapshot& g, const std::string& name) {
  return g.find(name) >= 0 ? "" : no_such_node(g, "node", name);
}

std::string select_edge(Selection& selection, const GraphSnapshot& g, const std::string& of, const std::string& wrt) {
  if (of.empty() && wrt.empty()) {
    selection = Selection::none();
    return "";
  }
  std::string error = check_edge(g, of, wrt);
  if (error.empty()) selection = Selection::edge(of, wrt);
  return error;
}

std::string select_node(Selection& selection, const GraphSnapshot& g, const std::string& name) {
  if (name.empty()) {
    selection = Selection::none();
    return "";
  }
  std::string error = check_node(g, name);
  if (error.empty()) selection = Selection::node_named(name);
  return error;
}

bool drop_stale_selection(Selection& selection, const GraphSnapshot& g) {
  const bool stale = (selection.kind == Selection::Kind::Edge && !check_edge(g, selection.of, selection.wrt).empty()) ||
                     (selection.kind == Selection::Kind::Node && !check_node(g, selection.node).empty());
  if (stale) selection = Selection::none();
  return stale;
}

std::string view_json(const Stepper& stepper, const Selection& selection, const CanvasInfo* canvas) {
  nlohmann::ordered_json j;
  j["phase"] = phase_name(stepper.phase());
  j["step"] = stepper.step();
  j["steps"] = stepper.step_count();
  j["playing"] = stepper.playing();
  switch (selection.kind) {
    case Selection::Kind::None: j["selected"] = nullptr; break;
    case Selection::Kind::Edge: j["selected"] = {{"of", selection.of}, {"wrt", selection.wrt}}; break;
    case Selection::Kind::Node: j["selected"] = {{"node", selection.node}}; break;
  }
  j["formula"] = stepper.formula();
  if (canvas) {
    auto rect = [](const Rect& r) { return nlohmann::ordered_json{{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}; };
    j["zoom"] = canvas->zoom;
    j["canvas"] = rect(canvas->screen);
    j["visible"] = rect(canvas->visible);
    j["autoFit"] = canvas->auto_fit;
    j["flow"] = canvas->flow;
  }
  return j.dump();
}

}  // namespace app::logic
