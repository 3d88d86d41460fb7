// Helpers shared by the engine tests: fixtures and matrix comparisons.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "engine/evaluate.h"
#include "engine/state_json.h"

namespace test {

inline nlohmann::json load_fixture(const std::string& file) {
  std::ifstream in(std::string(BACKPROP_FIXTURES_DIR) + "/" + file);
  REQUIRE_MESSAGE(in.good(), "cannot open fixture " << file);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

/// A JSON number, vector or matrix as an Eigen matrix (vectors as columns).
inline Eigen::MatrixXd to_matrix(const nlohmann::json& j) {
  if (j.is_number()) return Eigen::MatrixXd::Constant(1, 1, j.get<double>());
  if (!j[0].is_array()) {
    Eigen::MatrixXd v(j.size(), 1);
    for (size_t i = 0; i < j.size(); ++i) v(i) = j[i].get<double>();
    return v;
  }
  Eigen::MatrixXd m(j.size(), j[0].size());
  for (size_t r = 0; r < j.size(); ++r)
    for (size_t c = 0; c < j[r].size(); ++c) m(r, c) = j[r][c].get<double>();
  return m;
}

/// max |a − b| relative to the largest |entry| of b (the fixtures' criterion); 0 when both are 0.
inline double rel_to_max(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  REQUIRE(a.size() == b.size());
  const double scale = std::max(a.cwiseAbs().maxCoeff(), b.cwiseAbs().maxCoeff());
  const double diff = (a.reshaped() - b.reshaped()).cwiseAbs().maxCoeff();
  return diff == 0 ? 0 : diff / scale;
}

inline bp::State parse_ok(const std::string& json) {
  auto s = bp::parse_state(json);
  REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().line()));
  return s.value();
}

inline const bp::NamedMatrix& find(const std::vector<bp::NamedMatrix>& list, const std::string& name) {
  for (const auto& m : list)
    if (m.name == name) return m;
  FAIL("no matrix named " << name);
  return list.front();
}

}  // namespace test
