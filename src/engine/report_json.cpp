// Report → JSON, in the documented key order.
#include "engine/report_json.h"

#include "engine/json_numbers.h"

namespace bp {
namespace {

using detail::Json;

Json named_json(const NamedMatrix& m) {
  if (m.name == "l" && m.value.size() == 1) return detail::number_json(m.value(0));
  return m.is_vector ? detail::vector_json(m.value) : detail::matrix_json(m.value);
}

Json block_json(const std::vector<NamedMatrix>& list) {
  Json j = Json::object();
  for (const NamedMatrix& m : list) j[m.name] = named_json(m);
  return j;
}

Json agreement_json(const Agreement& a) {
  Json j;
  j["max_abs"] = a.compared ? detail::number_json(a.max_abs) : Json(nullptr);
  j["max_rel"] = a.compared ? detail::number_json(a.max_rel) : Json(nullptr);
  j["tolerance"] = a.tolerance;
  j["abs_floor"] = a.abs_floor;
  j["ok"] = a.compared ? Json(a.ok) : Json(nullptr);
  j["note"] = a.note;
  return j;
}

const char* role_name(NodeRole r) {
  switch (r) {
    case NodeRole::Input: return "input";
    case NodeRole::Parameter: return "parameter";
    case NodeRole::Constant: return "constant";
    default: return "computed";
  }
}

}  // namespace

std::string report_to_json(const Report& r, int indent) {
  Json j;
  j["forward"] = block_json(r.forward);
  Json& grad = j["grad"];
  grad["autodiff"] = block_json(r.autodiff);
  const bool manual = !r.manual_skip.skipped();
  grad["manual"] = manual ? block_json(r.manual) : Json(nullptr);
  grad["manual_flat"] = manual ? block_json(r.manual_flat) : Json(nullptr);
  grad["numeric"] = r.numeric.empty() ? Json(nullptr) : block_json(r.numeric);
  grad["nodes"] = block_json(r.node_grads);
  j["jacobians"] = Json::array();
  for (const JacobianReport& J : r.jacobians)
    j["jacobians"].push_back({{"of", J.of}, {"wrt", J.wrt}, {"value", detail::matrix_json(J.value)}});
  Json& check = j["check"];
  check["manual_vs_autodiff"] = agreement_json(r.manual_vs_autodiff);
  check["numeric_vs_autodiff"] = agreement_json(r.numeric_vs_autodiff);
  check["numeric_vs_autodiff"]["checked"] = r.numeric_checked;
  check["numeric_vs_autodiff"]["total"] = r.numeric_total;
  if (!manual) j["manual_skipped"] = manual_skip_text(r.manual_skip);
  j["warnings"] = r.warnings;
  j["precision"] = std::string(option_name(r.precision));
  Json nodes = Json::array();
  for (const GraphNodeReport& n : r.graph)
    nodes.push_back({{"name", n.name}, {"role", role_name(n.role)}, {"op", n.op}, {"inputs", n.inputs},
                     {"on_loss_path", n.on_loss_path}});
  j["graph"] = {{"nodes", nodes}};
  return j.dump(indent);
}

}  // namespace bp
