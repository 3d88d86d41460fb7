// Column permutations between the two layouts of a weight Jacobian.
#include "coursework/weight_layout.h"

namespace bp {

std::string_view layout_name(WeightLayout layout) {
  return layout == WeightLayout::ColumnMajor ? "column-major" : "row-major";
}

std::optional<WeightLayout> parse_layout(std::string_view text) {
  if (text == "row-major") return WeightLayout::RowMajor;
  if (text == "column-major") return WeightLayout::ColumnMajor;
  return std::nullopt;
}

namespace {

// moves every column between its row-major place i·c + j and its column-major place j·r + i
Eigen::MatrixXd permute(const Eigen::MatrixXd& J, Eigen::Index r, Eigen::Index c, bool to_column_major) {
  if (J.cols() != r * c) return J;
  Eigen::MatrixXd out(J.rows(), J.cols());
  for (Eigen::Index i = 0; i < r; ++i)
    for (Eigen::Index j = 0; j < c; ++j) {
      const Eigen::Index row_major = i * c + j, column_major = j * r + i;
      out.col(to_column_major ? column_major : row_major) = J.col(to_column_major ? row_major : column_major);
    }
  return out;
}

}  // namespace

Eigen::MatrixXd weight_columns_to(WeightLayout layout, const Eigen::MatrixXd& J, Eigen::Index r, Eigen::Index c) {
  return layout == WeightLayout::RowMajor ? J : permute(J, r, c, true);
}

Eigen::MatrixXd weight_columns_from(WeightLayout layout, const Eigen::MatrixXd& J, Eigen::Index r, Eigen::Index c) {
  return layout == WeightLayout::RowMajor ? J : permute(J, r, c, false);
}

}  // namespace bp
