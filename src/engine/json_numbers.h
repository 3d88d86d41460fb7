// Engine-internal helpers shared by the JSON readers and writers (not part of the public API).
#pragma once
#include <cmath>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

namespace bp::detail {

using Json = nlohmann::ordered_json;

/// A number as JSON: integral values as integers (4, not 4.0), others round-trip exactly
/// (nlohmann prints the shortest text that reads back as the same double); NaN/inf → null.
inline Json number_json(double x) {
  if (!std::isfinite(x)) return nullptr;
  if (x == std::floor(x) && std::abs(x) < 9007199254740992.0 && !(x == 0 && std::signbit(x)))
    return static_cast<long long>(x);
  return x;
}

/// A vector as a flat array.
inline Json vector_json(const Eigen::MatrixXd& v) {
  Json a = Json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(number_json(v(i)));
  return a;
}

/// A matrix as row-major nested arrays.
inline Json matrix_json(const Eigen::MatrixXd& m) {
  Json rows = Json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    Json row = Json::array();
    for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(number_json(m(i, j)));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace bp::detail
