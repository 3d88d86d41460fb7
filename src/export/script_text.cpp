// The parts both notebook scripts are made of.
#include "export/script_text.h"

#include <algorithm>
#include <limits>
#include <sstream>

namespace bp::script {

std::string fill(std::string_view text, const Vars& vars) {
  std::string out;
  size_t at = 0;
  for (size_t open; (open = text.find("{{", at)) != std::string_view::npos;) {
    const size_t close = text.find("}}", open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    const std::string_view name = text.substr(open + 2, close - open - 2);
    for (const auto& [key, value] : vars)
      if (key == name) out += value;
    at = close + 2;
  }
  out.append(text.substr(at));
  return out;
}

std::vector<Leaf> leaves(const State& s) {
  // as the engine reads the state in f32: float's largest value stands for up to 3.403e38
  // (kFloat32PrintedMax), which the script's float32 tensor would otherwise round to inf
  const auto in_precision = [&s](Eigen::MatrixXd m) {
    const double max = std::numeric_limits<float>::max();
    if (s.precision == Precision::F32)
      for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = std::clamp(m(i), -max, max);
    return m;
  };
  std::vector<Leaf> out;
  for (int k = 0; k < s.layers(); ++k) {
    out.push_back({"W" + std::to_string(k), in_precision(s.weights[k]), false, true});
    if (s.biases[k]) out.push_back({"b" + std::to_string(k), in_precision(*s.biases[k]), true, true});
  }
  out.push_back({"I", in_precision(s.input), true, true});
  out.push_back({"y", in_precision(s.label), true, false});
  return out;
}

std::string layer_input(int k, int layers) { return k == 0 ? "I" : hidden_act_name(k - 1, layers); }
std::string layer_output(int k, int layers) { return k + 1 == layers ? "O" : hidden_pre_name(k, layers); }

std::string forward_layers(const State& s, const char* (*activation)(Activation), std::string_view after) {
  const int K = s.layers();
  std::string py;
  for (int k = 0; k < K; ++k) {
    const std::string out = layer_output(k, K), i = std::to_string(k);
    py += fill("{{v}} = W{{i}} @ {{x}}{{bias}}\n", {{"v", out}, {"i", i}, {"x", layer_input(k, K)},
                                                    {"bias", s.biases[k] ? " + b" + i : ""}});
    py += fill(after, {{"v", out}});
    if (k + 1 == K) break;
    const std::string act = layer_input(k + 1, K);
    py += act + " = " + fill(activation(s.activation), {{"h", out}}) + "\n" + fill(after, {{"v", act}});
  }
  return py;
}

std::string describe(const State& s) {
  const int K = s.layers();
  std::string widths = std::to_string(s.input.size());
  for (const auto& W : s.weights) widths += " → " + std::to_string(W.rows());
  std::string biases;
  for (int k = 0; k < K; ++k)
    if (s.biases[k]) biases += (biases.empty() ? "" : ", ") + ("b" + std::to_string(k));
  std::string out = std::to_string(K) + (K == 1 ? " layer" : " layers") + " (" + widths + ")";
  if (K > 1) out += ", activation " + std::string(option_name(s.activation));
  out += ", head " + std::string(option_name(s.head));
  if (s.head == Head::SoftmaxCE) out += ", loss_form " + std::string(option_name(s.loss_form));
  out += std::string(", ") + (s.precision == Precision::F64 ? "float64" : "float32");
  return out + ", " + (biases.empty() ? "no biases" : "biases " + biases);
}

std::string comment(const std::string& text) {
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) out += line.empty() ? "#\n" : "# " + line + "\n";
  return out;
}

std::string json_last_line(const std::string& loss, const std::vector<std::pair<std::string, std::string>>& grads) {
  std::string dict;
  for (const auto& [key, expr] : grads) dict += (dict.empty() ? "" : ", ") + ("\"" + key + "\": " + expr);
  return "\n"
         "# The last line: one JSON object, every number with 17 significant digits (json.loads and\n"
         "# JSON.parse read back the same double; a non-finite number is written null).\n"
         "def as_json(x):\n"
         "    if isinstance(x, list):\n"
         "        return \"[\" + \", \".join(as_json(v) for v in x) + \"]\"\n"
         "    return \"%.17g\" % x if math.isfinite(x) else \"null\"\n"
         "\n"
         "grads = {" + dict + "}\n"
         "print('{\"l\": %s, \"grad\": {%s}}' % (as_json(float(" + loss + ")), \", \".join(\n"
         "    '\"%s\": %s' % (name, as_json(g.tolist())) for name, g in grads.items())))\n";
}

}  // namespace bp::script
