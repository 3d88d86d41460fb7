// The answer sheet of a network: every cell a student can fill in — forward values, local
// Jacobians, chain products, final gradients — with its true value, in the order of the work: the
// forward pass, then the chain from l backwards, each local Jacobian followed by the chain products
// it completes. Shared by the checker (answer_check), the answer key (answer_key) and the UI.
//
// Keys: forward values by node name ("h", "L", "O", "s", "l"; deeper nets "h0", "L0", …; with
// biases also the product node "W0·I"), local Jacobians "J:<of>/<wrt>" in the engine's layout
// (rows = entries of of, columns = entries of wrt, a weight flattened row-major), chain products
// "grad:<node>" = ∇_node l (a 1×n row; only for nodes with more than the loss as consumer, since
// ∇_s l is J:l/s itself), and final gradients "grad:<param>" in the parameter's shape ("grad:W1",
// "grad:b0", "grad:input" for I).
//
// The sheet always follows the exercise's chain l ← s ← O for softmax + cross-entropy. With
// loss_form "stable" the engine's graph has the fused edge l ← O instead; ∂l/∂s = −y/s is then
// taken from the cross-entropy op rule at the engine's s, and "J:l/O" (= ∇_O l) is accepted too.
// The formulas' words ("identity", "entry by entry") are in the language the sheet was built in.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "engine/evaluate.h"
#include "engine/ops.h"
#include "engine/state.h"

namespace bp {

enum class CellKind {
  Forward,        ///< "h": a forward value (a vector; the loss l one number)
  Jacobian,       ///< "J:O/W1": ∂of/∂wrt, |of| × |wrt|
  NodeGradient,   ///< "grad:O": ∇_O l, a chain product, 1 × |O|
  ParamGradient,  ///< "grad:W1", "grad:b0", "grad:input": a final gradient, in the parameter's shape
};

struct SheetCell {
  std::string key;              ///< "h", "J:O/W1", "grad:O", "grad:W1", "grad:input"
  CellKind kind = CellKind::Forward;
  std::string node;             ///< the node ("O", "W1", "I"); for Jacobians the output `of`
  std::string wrt;              ///< Jacobians: the input
  Eigen::MatrixXd truth;        ///< vectors n×1, NodeGradient 1×n, Jacobians |of|×|wrt|, weights r×c
  bool vector = false;          ///< a vector: n×1, 1×n and a flat list are all accepted
  std::string notation;         ///< the exercise's notation: "h", "∇_{W1} O", "∇_O l", "∇_{W1} l"
  std::string formula;          ///< how it is computed: "W0·I", "diag(1[h > 0])", "∇_O l · ∇_{W1} O"
  std::string reshape_note;     ///< the end of `formula` that reshapes a weight's gradient row ("" none)
  bool listed = true;           ///< false for extras that check accepts but the key does not print
};

/// A node of the sheet's graph (leaves: I, W0, b0, …, label).
struct SheetNode {
  std::string name;
  bool computed = false;
  OpKind op = OpKind::Identity;     ///< the engine's forward op (l from O when loss_form is stable)
  std::vector<std::string> inputs;  ///< node names, in the op's argument order
  Eigen::MatrixXd value;            ///< vectors n×1, weights as matrices, l 1×1
};

/// One edge of the chain: ∂of/∂wrt, with the op rule that gives its Jacobian.
struct SheetEdge {
  std::string of, wrt;
  OpKind op = OpKind::Identity;   ///< cross_entropy for the sheet's l ← s edge
  std::vector<std::string> args;  ///< the op's inputs, by node name
  int k = 0;                      ///< wrt == args[k]
  Eigen::MatrixXd jacobian;       ///< its true value
};

struct AnswerSheet {
  std::vector<SheetNode> nodes;   ///< graph order (topological)
  std::vector<SheetEdge> edges;   ///< from l back: every consumer before its inputs
  std::vector<SheetCell> cells;   ///< canonical order (see the top of this file)
  Derivatives derivatives = Derivatives::Exact;
  bool softmax_head = false;
  std::string jacobians_skipped;  ///< why there are no J: / grad:<node> cells ("" when there are)

  const SheetCell* find(std::string_view key) const;  ///< nullptr for an unknown key
  int node_index(std::string_view name) const;         ///< −1 for an unknown name
};

/// The sheet of a valid state, with the true values of `report` (= evaluate(state)).
AnswerSheet answer_sheet(const State& state, const Report& report);

/// ∇_n l for every node, as 1×|n| rows indexed like sheet.nodes (empty where no path reaches l),
/// multiplied along the sheet's edges with the given Jacobians (one per edge, in edge order).
std::vector<Eigen::MatrixXd> chain_rows(const AnswerSheet& sheet, const std::vector<Eigen::MatrixXd>& jacobians);

/// A gradient row (1×|x|) in the shape of node x's value (a weight's r×c, row-major; vectors n×1).
Eigen::MatrixXd row_to_shape(const Eigen::MatrixXd& row, const Eigen::MatrixXd& like);

/// "W1" → "{W1}", "s" → "s": a subscript for ∇ notation.
std::string subscript(const std::string& name);

}  // namespace bp
