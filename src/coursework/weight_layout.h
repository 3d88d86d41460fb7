// The layout a course uses for Jacobians with respect to a weight matrix W (r×c): which column
// of ∂y/∂W holds ∂y/∂W[i][j]. Row-major (the engine's, the default): column i·c + j.
// Column-major (e.g. a handout whose hint writes ∇_{w1} o = [[L0,0,L1,0],[0,L0,0,L1]]): j·r + i.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <Eigen/Dense>

namespace bp {

enum class WeightLayout { RowMajor, ColumnMajor };

/// "row-major" / "column-major".
std::string_view layout_name(WeightLayout layout);

/// The layout named by text, or nullopt.
std::optional<WeightLayout> parse_layout(std::string_view text);

/// A row-major Jacobian J (|y| × r·c) with its columns in `layout` order.
Eigen::MatrixXd weight_columns_to(WeightLayout layout, const Eigen::MatrixXd& J, Eigen::Index r, Eigen::Index c);

/// A Jacobian whose columns are in `layout` order, back in row-major order.
Eigen::MatrixXd weight_columns_from(WeightLayout layout, const Eigen::MatrixXd& J, Eigen::Index r, Eigen::Index c);

}  // namespace bp
