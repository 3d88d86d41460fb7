// The formula bar's text: each forward and backward step in the exercise's notation with the
// actual numbers, e.g.  ∇_h l = ∇_L l ⊙ 1[h>0] = [3.112e-19, −3.112e-19] ⊙ [1, 1] = [3.112e-19, −3.112e-19].
// Gradients are rows in the chain (∇_L l = ∇_O l · ∂O/∂L) and shaped like their node in results.
// The label is written y, as in −Σ y·log s. Numbers go through bp::format_number (4 significant
// digits, tiny values in scientific notation, never a misleading 0) with a true minus sign.
#pragma once
#include <string>

#include <Eigen/Dense>

#include "app/logic/graph_snapshot.h"

namespace app::logic {

/// bp::format_number with "−" (U+2212) for a negative sign: −3.112e-19.
std::string formula_number(double x);
/// A value as the exercise writes it: 1×1 → "7.781e-20", n×1 → "[2, 13]", r×c → "[[1, −2], [2, 5]]".
/// More than `max_items` entries of a vector (max_items − 2 along a matrix side) are elided in
/// the middle: "[a, b, c, d, …, z]".
std::string formula_values(const Eigen::MatrixXd& m, int max_items = 6);
/// How a node is written in formulas: its name, "y" for the label.
std::string formula_symbol(const std::string& name);
/// A node's box header on the canvas: "h  W·x", "W0  parameter", "ℓ  CE(softmax)" (as formula
/// text: l is the loss), "y (label)".
std::string node_title(const SnapshotNode& n);
/// A node as an operand: its symbol, a product node "W0·I" in parentheses.
std::string operand_symbol(const GraphSnapshot& g, int node);
/// "∂O/∂W1", "∂h/∂(W0·I)".
std::string partial_symbol(const GraphSnapshot& g, int of, int wrt);
/// "∇_h l", "∇_{W1} l" (l = the snapshot's loss).
std::string grad_symbol(const GraphSnapshot& g, int node);

/// Forward step: "h = W0·I = [2, 13]".
std::string forward_formula(const GraphSnapshot& g, int node);
/// The backward pass starts: "∇_l l = ∂l/∂l = 1".
std::string seed_formula(const GraphSnapshot& g);
/// Gradient along one edge, "∇_{wrt} l = ∇_{of} l · ∂of/∂wrt = … = result". With `accumulates`
/// (the input has several consumers) it reads "∇_x l += …" and the result is this edge's share.
std::string edge_formula(const GraphSnapshot& g, int edge, bool accumulates);
/// The fan-out sum: "∇_x l = ∇_a l · ∂a/∂x + ∇_b l · ∂b/∂x = [p] + [q] = [total]".
std::string sum_formula(const GraphSnapshot& g, int node);

/// This edge's share of its input's gradient, ∇_{of} l · ∂of/∂wrt, shaped like the input, by the
/// engine's own VJP rule (empty if the consumer has no gradient).
Eigen::MatrixXd edge_contribution(const GraphSnapshot& g, int edge);

}  // namespace app::logic
