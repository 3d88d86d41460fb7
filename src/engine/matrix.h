// Dense matrix types shared by the engine, and the one flattening convention it documents.
#pragma once
#include <Eigen/Dense>

namespace bp {

/// Every value in a graph is a dense matrix; vectors are n×1 columns, the loss is 1×1.
template <typename T>
using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

/// Layout of every Jacobian in the engine: rows = entries of the output, columns = entries of
/// the input, both flattened ROW-MAJOR (a weight W[i][j] is column i·cols + j).
template <typename T>
Mat<T> flatten_row_major(const Mat<T>& m) {
  Mat<T> row(1, m.size());
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) row(0, i * m.cols() + j) = m(i, j);
  return row;
}

/// Inverse of flatten_row_major: a 1×(rows·cols) row back to the parameter's shape.
template <typename T>
Mat<T> unflatten_row_major(const Mat<T>& row, Eigen::Index rows, Eigen::Index cols) {
  Mat<T> m(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j) m(i, j) = row(0, i * cols + j);
  return m;
}

/// Entry k of m in row-major order (the order Jacobian columns use).
template <typename T>
T& at_row_major(Mat<T>& m, Eigen::Index k) { return m(k / m.cols(), k % m.cols()); }

}  // namespace bp
