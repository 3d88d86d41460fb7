// Snapshots: the engine's Report (or Graph) as one table of nodes and edges.
#include "app/logic/graph_snapshot.h"

#include <cctype>
#include <string>

#include "engine/network.h"

namespace app::logic {
namespace {

const bp::NamedMatrix* find_named(const std::vector<bp::NamedMatrix>& list, const std::string& name) {
  for (const bp::NamedMatrix& m : list)
    if (m.name == name) return &m;
  return nullptr;
}

// "W3" → 3, anything else → −1
int layer_index(const std::string& name, char prefix) {
  if (name.size() < 2 || name[0] != prefix) return -1;
  for (size_t i = 1; i < name.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return -1;
  return std::stoi(name.substr(1));
}

// The leaves build_network makes: I, label, W<k>, b<k> (the Report holds computed values only)
Eigen::MatrixXd leaf_value(const bp::State& s, const std::string& name) {
  if (name == "I") return s.input;
  if (name == "label") return s.label;
  const int w = layer_index(name, 'W');
  if (w >= 0 && w < s.layers()) return s.weights[w];
  const int b = layer_index(name, 'b');
  if (b >= 0 && b < static_cast<int>(s.biases.size()) && s.biases[b]) return *s.biases[b];
  return {};
}

void finish(GraphSnapshot& g) {
  for (int i = 0; i < static_cast<int>(g.nodes.size()); ++i) {
    const SnapshotNode& n = g.nodes[i];
    for (int k = 0; k < static_cast<int>(n.inputs.size()); ++k) g.edges.push_back({n.inputs[k], i, k});
    if (n.on_loss_path) g.root = i;
  }
}

}  // namespace

int GraphSnapshot::find(std::string_view name) const {
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
    if (nodes[i].name == name) return i;
  return -1;
}

int GraphSnapshot::find_edge(int from, int to) const {
  for (int e = 0; e < static_cast<int>(edges.size()); ++e)
    if (edges[e].from == from && edges[e].to == to) return e;
  return -1;
}

std::vector<int> GraphSnapshot::edges_into(int node) const {
  std::vector<int> out;
  for (int e = 0; e < static_cast<int>(edges.size()); ++e)
    if (edges[e].to == node) out.push_back(e);
  return out;
}

std::vector<int> GraphSnapshot::edges_out_of(int node) const {
  std::vector<int> out;
  for (int e = 0; e < static_cast<int>(edges.size()); ++e)
    if (edges[e].from == node) out.push_back(e);
  return out;
}

bool GraphSnapshot::carries_gradient(int edge) const {
  const SnapshotNode& of = nodes[edges[edge].to];
  const SnapshotNode& wrt = nodes[edges[edge].from];
  return of.on_loss_path && wrt.on_loss_path && wrt.role != bp::NodeRole::Constant;
}

std::optional<bp::OpKind> op_from_name(std::string_view name) {
  for (int k = 0; k < bp::kOpCount; ++k)
    if (name == bp::op_name(static_cast<bp::OpKind>(k))) return static_cast<bp::OpKind>(k);
  return std::nullopt;
}

GraphSnapshot snapshot_of(const bp::State& state, const bp::Report& report) {
  GraphSnapshot g;
  g.derivatives =
      state.softmax_backward == bp::SoftmaxBackward::Exact ? bp::Derivatives::Exact : bp::Derivatives::Textbook;
  for (const bp::GraphNodeReport& r : report.graph) {
    SnapshotNode n;
    n.name = r.name;
    n.role = r.role;
    n.on_loss_path = r.on_loss_path;
    if (r.role == bp::NodeRole::Computed) {
      n.op = op_from_name(r.op);
      if (const bp::NamedMatrix* v = find_named(report.forward, r.name)) n.value = v->value;
      if (const bp::NamedMatrix* d = find_named(report.node_grads, r.name)) n.grad = d->value;
    } else {
      n.value = leaf_value(state, r.name);
      if (const bp::NamedMatrix* d = find_named(report.autodiff, bp::report_name(r.name))) n.grad = d->value;
    }
    n.has_grad = n.on_loss_path && n.role != bp::NodeRole::Constant && n.grad.size() == n.value.size() &&
                 n.value.size() > 0;
    if (!n.has_grad) n.grad.resize(0, 0);
    for (const std::string& in : r.inputs) n.inputs.push_back(g.find(in));  // inputs precede their consumer
    g.nodes.push_back(std::move(n));
  }
  finish(g);
  return g;
}

template <typename T>
GraphSnapshot snapshot_of(const bp::Graph<T>& graph, int root) {
  GraphSnapshot g;
  g.derivatives = graph.derivatives;
  for (int i = 0; i < graph.size(); ++i) {
    const bp::Node<T>& src = graph[i];
    SnapshotNode n;
    n.name = src.name;
    n.role = src.role;
    if (src.role == bp::NodeRole::Computed) n.op = src.op;
    n.inputs = src.inputs;
    n.on_loss_path = src.on_loss_path && i <= root;
    n.value = src.value.template cast<double>();
    n.has_grad = n.on_loss_path && n.role != bp::NodeRole::Constant;
    if (n.has_grad) n.grad = src.grad.template cast<double>();
    g.nodes.push_back(std::move(n));
  }
  finish(g);
  return g;
}

template GraphSnapshot snapshot_of<double>(const bp::Graph<double>&, int);
template GraphSnapshot snapshot_of<float>(const bp::Graph<float>&, int);

}  // namespace app::logic
