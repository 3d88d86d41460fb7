// Strict reading of the state JSON: every way it can be wrong gets its own message.
#include "engine/state_json.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/json_read.h"
#include "engine/reasons.h"

namespace bp {
namespace {

using detail::Json;

std::string sub(const std::string& field, size_t i) { return field + "[" + std::to_string(i) + "]"; }

// Why `j` cannot be an entry ("" when it can, and `out` holds it). The caller names the field
// only on failure: an 8 × 256 state has half a million entries, and a name each costs more than
// reading them.
std::string number_problem(const Json& j, double& out) {
  if (!j.is_number()) {
    std::string got = detail::json_type_words(j);
    if (j.is_string()) got += " \"" + j.get<std::string>() + "\"";
    return why(Why::read_not_number, {{"got", got}});
  }
  out = j.get<double>();
  if (std::isnan(out)) return why(Why::read_nan);
  if (std::isinf(out)) return why(Why::read_inf);
  return "";
}

Expected<Eigen::VectorXd> read_vector(const Json& j, const std::string& field) {
  if (!detail::is_array_or_packed(j)) return Error{field, why(Why::read_not_vector, {{"got", detail::json_type_words(j)}})};
  const size_t n = detail::array_size(j);
  if (n == 0) return Error{field, why(Why::read_vector_empty)};
  if (n > size_t(kMaxWidth))
    return Error{field, why(Why::width_too_many_entries, {{"n", std::to_string(n)}, {"max", std::to_string(kMaxWidth)}})};
  Eigen::VectorXd v(static_cast<Eigen::Index>(n));
  if (detail::is_packed_numbers(j)) {  // read, and every entry known to be finite
    detail::copy_packed_numbers(j, v.data());
    return v;
  }
  for (size_t i = 0; i < n; ++i)
    if (auto why = number_problem(j[i], v(static_cast<Eigen::Index>(i))); !why.empty()) return Error{sub(field, i), why};
  return v;
}

Expected<Eigen::MatrixXd> read_matrix(const Json& j, const std::string& field) {
  if (detail::is_packed_numbers(j))  // [1, 2]: numbers where rows belong
    return Error{sub(field, 0), why(Why::read_row_is_number)};
  if (!j.is_array())
    return Error{field, why(Why::read_not_matrix, {{"got", detail::json_type_words(j)}})};
  if (j.empty()) return Error{field, why(Why::read_matrix_empty)};
  const size_t cols = detail::array_size(j[0]);
  // every row's shape first: the matrix is allocated only once it is known to be rectangular
  for (size_t r = 0; r < j.size(); ++r) {
    const std::string row_field = sub(field, r);  // once per row: cheap
    if (!detail::is_array_or_packed(j[r]))
      return Error{row_field, why(Why::read_not_row, {{"got", detail::json_type_words(j[r])}})};
    if (detail::array_size(j[r]) == 0) return Error{row_field, why(Why::read_row_empty)};
    if (detail::array_size(j[r]) != cols)
      return Error{row_field, why(Why::read_ragged, {{"n", std::to_string(detail::array_size(j[r]))}, {"cols", std::to_string(cols)}})};
  }
  if (j.size() > size_t(kMaxWidth) || cols > size_t(kMaxWidth))
    return Error{field, why(Why::read_matrix_too_big, {{"rows", std::to_string(j.size())}, {"cols", std::to_string(cols)},
                                                       {"max", std::to_string(kMaxWidth)}})};
  // row by row, as the rows come (row-major), then into Eigen's column-major order at once
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows(static_cast<Eigen::Index>(j.size()),
                                                                              static_cast<Eigen::Index>(cols));
  for (size_t r = 0; r < j.size(); ++r) {
    double* row = rows.data() + r * cols;
    if (detail::is_packed_numbers(j[r])) {
      detail::copy_packed_numbers(j[r], row);
      continue;
    }
    for (size_t c = 0; c < cols; ++c)
      if (auto why = number_problem(j[r][c], row[c]); !why.empty()) return Error{sub(sub(field, r), c), why};
  }
  return Eigen::MatrixXd(rows);
}

template <typename E>
std::optional<Error> read_option(const Json& obj, E& out) {
  const std::string key(OptionNames<E>::key);
  if (!obj.contains(key)) return std::nullopt;
  std::string allowed;
  for (std::string_view n : OptionNames<E>::names) allowed += (allowed.empty() ? "" : ", ") + std::string(n);
  const Json& j = obj[key];
  if (!j.is_string()) return Error{key, why(Why::read_option_not_string, {{"allowed", allowed}, {"got", detail::json_type_words(j)}})};
  const auto value = parse_option<E>(j.get<std::string>());
  if (!value) return Error{key, why(Why::read_option_unknown, {{"value", j.get<std::string>()}, {"allowed", allowed}})};
  out = *value;
  return std::nullopt;
}

// W<k> or b<k> with k a layer index → k; else −1
int layer_index(const std::string& key, char prefix) {
  if (key.size() < 2 || key[0] != prefix || key.size() > 4) return -1;
  if (!std::all_of(key.begin() + 1, key.end(), ::isdigit) || (key.size() > 2 && key[1] == '0')) return -1;
  return std::stoi(key.substr(1));
}

std::optional<Error> check_keys(const Json& obj) {
  static const std::vector<std::string> fixed = {"input", "label", "activation", "head", "loss_form",
                                                 "softmax_backward", "precision", "dataset"};
  for (const auto& item : obj.items()) {
    const std::string& key = item.key();
    if (std::find(fixed.begin(), fixed.end(), key) != fixed.end()) continue;
    const int w = layer_index(key, 'W'), b = layer_index(key, 'b');
    if (w >= kMaxLayers || b >= kMaxLayers)
      return Error{key, why(Why::network_too_many_layers, {{"max", std::to_string(kMaxLayers)}})};
    if (w >= 0) continue;
    if (b >= 0) {
      if (!item.value().is_null() && !obj.contains("W" + std::to_string(b)))
        return Error{key, why(Why::read_no_weight_for_bias, {{"k", std::to_string(b)}})};
      continue;
    }
    if (key.empty()) return Error{"", why(Why::read_empty_key)};
    std::string best;
    size_t best_d = 3;
    std::vector<std::string> candidates = fixed;
    for (int k = 0; k < kMaxLayers; ++k) {
      candidates.push_back("W" + std::to_string(k));
      candidates.push_back("b" + std::to_string(k));
    }
    for (const std::string& c : candidates)
      if (size_t d = detail::edit_distance(key, c); d < best_d) best_d = d, best = c;
    return Error{key, best.empty() ? why(Why::read_unknown_key) : why(Why::read_did_you_mean, {{"best", best}})};
  }
  return std::nullopt;
}

// "dataset": [{"input": [..], "label": [..]}, …]; shapes and values are validate()'s
std::optional<Error> read_dataset(const Json& obj, State& s) {
  if (!obj.contains("dataset")) return std::nullopt;
  const Json& j = obj["dataset"];
  if (!j.is_array())
    return Error{"dataset", why(Why::read_dataset_not_array, {{"got", detail::json_type_words(j)}})};
  if (j.size() > size_t(kMaxSamples))
    return Error{"dataset", why(Why::dataset_too_many, {{"n", std::to_string(j.size())}, {"max", std::to_string(kMaxSamples)}})};
  s.dataset.reserve(j.size());
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string at = sub("dataset", i);
    const Json& d = j[i];
    if (!d.is_object())
      return Error{at, why(Why::read_not_sample, {{"got", detail::json_type_words(d)}})};
    for (const auto& item : d.items())
      if (item.key() != "input" && item.key() != "label")
        return Error{at + "." + item.key(), why(Why::read_sample_key)};
    for (const char* key : {"input", "label"})
      if (!d.contains(key)) return Error{at + "." + key, why(Why::read_sample_missing)};
    auto input = read_vector(d["input"], at + ".input");
    if (!input) return input.error();
    auto label = read_vector(d["label"], at + ".label");
    if (!label) return label.error();
    s.dataset.push_back({input.value(), label.value()});
  }
  return std::nullopt;
}

// The reader's bounds on arrays: a vector's width, and the dataset's samples.
detail::JsonLimits state_limits(size_t depth) {
  detail::JsonLimits limits{depth, kMaxWidth};
  limits.long_array_key = "dataset";
  limits.long_array_max = kMaxSamples;
  return limits;
}

}  // namespace

std::optional<Error> check_input_size(std::string_view text, const std::string& source) {
  if (text.size() <= kMaxInputBytes) return std::nullopt;
  return Error{source, why(Why::read_too_large, {{"mib", std::to_string(kMaxInputBytes >> 20)}})};
}

Expected<State> parse_state(std::string_view text, std::string_view source_view) {
  const std::string source(source_view);
  if (auto e = check_input_size(text, source)) return *e;
  if (detail::is_blank(text))
    return Error{source, why(Why::read_empty)};
  Json obj;
  // a state is 3 levels deep ({"W0": [[…]]}) and no vector is wider than kMaxWidth: far deeper
  // or longer input is refused before it is built
  detail::JsonLimits limits = state_limits(32);
  limits.pack_numbers = true;
  if (const auto f = detail::read_json(text, limits, obj)) {
    if (f->kind == detail::JsonReadFailure::Kind::TooDeep)
      return Error{source, why(Why::read_too_deep_state)};
    if (f->kind == detail::JsonReadFailure::Kind::TooLong && f->where == "dataset")
      return Error{f->where, why(Why::read_too_many_samples, {{"max", std::to_string(kMaxSamples)}})};
    if (f->kind == detail::JsonReadFailure::Kind::TooLong)
      return Error{f->where, why(Why::read_too_many_entries, {{"max", std::to_string(kMaxWidth)}})};
    return detail::json_failure_error(*f, source, limits);
  }
  if (!obj.is_object()) return Error{source, why(Why::read_not_object, {{"got", detail::json_type_words(obj)}})};
  if (auto e = check_keys(obj)) return *e;
  for (const char* key : {"input", "label", "W0"})
    if (!obj.contains(key)) return Error{key, why(Why::read_missing)};

  State s;
  auto input = read_vector(obj["input"], "input");
  if (!input) return input.error();
  s.input = input.value();
  auto label = read_vector(obj["label"], "label");
  if (!label) return label.error();
  s.label = label.value();

  int layers = 0;
  while (layers < kMaxLayers && obj.contains("W" + std::to_string(layers))) ++layers;
  for (int k = layers + 1; k < kMaxLayers; ++k)
    if (obj.contains("W" + std::to_string(k)))
      return Error{"W" + std::to_string(layers), why(Why::read_gap, {{"k", std::to_string(k)}})};
  for (int k = 0; k < layers; ++k) {
    const std::string W = "W" + std::to_string(k), B = "b" + std::to_string(k);
    auto w = read_matrix(obj[W], W);
    if (!w) return w.error();
    s.weights.push_back(w.value());
    s.biases.emplace_back();
    if (obj.contains(B) && !obj[B].is_null()) {
      auto b = read_vector(obj[B], B);
      if (!b) return b.error();
      s.biases.back() = b.value();
    }
  }
  if (auto e = read_option(obj, s.activation)) return *e;
  if (auto e = read_option(obj, s.head)) return *e;
  if (auto e = read_option(obj, s.loss_form)) return *e;
  if (auto e = read_option(obj, s.softmax_backward)) return *e;
  if (auto e = read_option(obj, s.precision)) return *e;
  if (auto e = read_dataset(obj, s)) return *e;
  if (auto e = validate(s)) return *e;
  return s;
}

std::string state_to_json(const State& s) {
  using namespace detail;
  Json j;
  j["input"] = vector_json(s.input);
  j["label"] = vector_json(s.label);
  for (int k = 0; k < s.layers(); ++k) j["W" + std::to_string(k)] = matrix_json(s.weights[k]);
  for (int k = 0; k < s.layers(); ++k)
    j["b" + std::to_string(k)] = s.biases[k] ? vector_json(*s.biases[k]) : Json(nullptr);
  j["activation"] = std::string(option_name(s.activation));
  j["head"] = std::string(option_name(s.head));
  j["loss_form"] = std::string(option_name(s.loss_form));
  j["softmax_backward"] = std::string(option_name(s.softmax_backward));
  j["precision"] = std::string(option_name(s.precision));
  if (!s.dataset.empty()) {
    Json samples = Json::array();
    for (const Sample& d : s.dataset) samples.push_back(Json{{"input", vector_json(d.input)}, {"label", vector_json(d.label)}});
    j["dataset"] = std::move(samples);
  }
  return j.dump();
}

namespace detail {
Json state_dom(const State& state) {
  Json j;
  read_json(state_to_json(state), state_limits(8), j);  // always valid: ours
  return j;
}
}  // namespace detail

}  // namespace bp
