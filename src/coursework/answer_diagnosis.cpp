// Mistake classes: each is a transformation of the reference (transpose, permutation, sign,
// factor) or a recomputation of the chain with one local Jacobian replaced by its classic wrong
// version (mistaken_chains); an answer is diagnosed by the first one it matches.
#include "coursework/answer_diagnosis.h"

#include <cmath>
#include <cstdlib>

#include "coursework/weight_layout.h"
#include "engine/matrix.h"
#include "engine/number_format.h"

namespace bp {
namespace {

double max_abs_finite(const Eigen::MatrixXd& m) {
  double s = 0;
  for (Eigen::Index i = 0; i < m.size(); ++i)
    if (std::isfinite(m(i))) s = std::max(s, std::abs(m(i)));
  return s;
}

Eigen::MatrixXd flat_row_major(const Eigen::MatrixXd& m) { return flatten_row_major<double>(m); }

Eigen::MatrixXd flat_col_major(const Eigen::MatrixXd& m) {
  Eigen::MatrixXd row(1, m.size());
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i) row(0, j * m.rows() + i) = m(i, j);
  return row;
}

Eigen::MatrixXd unflatten_col_major(const Eigen::MatrixXd& row, Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = row(0, j * rows + i);
  return m;
}

bool is_matrix(const Eigen::MatrixXd& m) { return m.rows() > 1 && m.cols() > 1; }

std::string shape_text(const Eigen::MatrixXd& m) { return std::to_string(m.rows()) + "×" + std::to_string(m.cols()); }

std::string entry_name(const SheetCell& cell, const Eigen::MatrixXd& ref, Eigen::Index i, Eigen::Index j) {
  if (cell.vector) return "[" + std::to_string(ref.cols() == 1 ? i : j) + "]";
  return "[" + std::to_string(i) + "][" + std::to_string(j) + "]";
}

std::string list_names(const std::vector<std::string>& names) {
  std::string s;
  const size_t shown = std::min<size_t>(names.size(), 4);
  for (size_t i = 0; i < shown; ++i)
    s += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  if (shown < names.size()) s += " and " + std::to_string(names.size() - shown) + " more";
  return s;
}

// The node a Jacobian cell differentiates with respect to, when it is a weight matrix (r, c > 1).
const SheetNode* weight_wrt(const SheetCell& cell, const AnswerSheet& sheet) {
  if (cell.kind != CellKind::Jacobian) return nullptr;
  const int w = sheet.node_index(cell.wrt);
  if (w < 0 || sheet.nodes[w].computed || !is_matrix(sheet.nodes[w].value)) return nullptr;
  return &sheet.nodes[w];
}

const SheetNode* gradient_weight(const SheetCell& cell, const AnswerSheet& sheet) {
  if (cell.kind != CellKind::ParamGradient) return nullptr;
  const int w = sheet.node_index(cell.node);
  if (w < 0 || !is_matrix(sheet.nodes[w].value)) return nullptr;
  return &sheet.nodes[w];
}

const SheetEdge* edge_of(const SheetCell& cell, const AnswerSheet& sheet) {
  for (const SheetEdge& e : sheet.edges)
    if (cell.kind == CellKind::Jacobian && e.of == cell.node && e.wrt == cell.wrt) return &e;
  return nullptr;
}

// "a vector of 2 entries (one per entry of h)", "a 2×4 matrix (rows: O, columns: W1 row by row)"
std::string expected_shape(const SheetCell& cell, const AnswerSheet& sheet) {
  const Eigen::MatrixXd& t = cell.truth;
  const std::string n = std::to_string(t.size());
  switch (cell.kind) {
    case CellKind::Forward:
      return cell.key == "l" ? "one number (the loss)" : "a vector of " + n + " entries (one per entry of " + cell.node + ")";
    case CellKind::NodeGradient:
      return "a row of " + n + " entries (one per entry of " + cell.node + ")";
    case CellKind::ParamGradient:
      if (cell.vector) return "a vector of " + n + " entries (one per entry of " + cell.node + ")";
      return "a " + shape_text(t) + " matrix, the shape of " + cell.node;
    case CellKind::Jacobian:
      return "a " + shape_text(t) + " matrix (rows: the entries of " + cell.node + "; columns: the entries of " +
             cell.wrt + (weight_wrt(cell, sheet) ? ", row by row" : "") + ")";
  }
  return "";
}

std::string transposed_message(const SheetCell& cell, const AnswerSheet& sheet) {
  if (cell.kind == CellKind::Jacobian) {
    std::string m = "Transposed: in the documented layout the rows are the entries of " + cell.node +
                    " and the columns those of " + cell.wrt;
    const SheetEdge* e = edge_of(cell, sheet);
    if (e && e->op == OpKind::MatVec && e->k == 1)
      m += ", so " + cell.notation + " = " + e->args[0] + ", not " + e->args[0] + "ᵀ (the exercise's hint ∇_L o = W_1^T is written in the other layout)";
    return m + ".";
  }
  if (cell.kind == CellKind::ParamGradient)
    return "Transposed: " + cell.notation + " has the shape of " + cell.node + ", its entry [i][j] being ∂l/∂" +
           cell.node + "[i][j].";
  return "Transposed.";
}

std::string flatten_message(const SheetCell& cell, const SheetNode& weight) {
  const std::string& w = weight.name;
  if (cell.kind == CellKind::Jacobian)
    return "Same derivatives, columns in the other order: yours run through " + w +
           " column by column (column-major, like the exercise's hint ∇_{w1} o = [[L0,0,L1,0],[0,L0,0,L1]]), "
           "while the documented layout flattens " + w + " row by row (row-major): ∂" + cell.node + "/∂" + w +
           "[i][j] is column i·" + std::to_string(weight.value.cols()) + " + j.";
  return "The right numbers in the other order: " + w +
         "'s entries were flattened column by column and read back row by row (or the reverse); keep one order, row "
         "by row.";
}

// ½ → 0.5 when k is within the tolerance of a fraction p/q with a small denominator
std::optional<double> simple_factor(double k, double rtol) {
  for (long q = 1; q <= 16; ++q) {
    const double p = std::round(k * static_cast<double>(q));
    if (p == 0 || std::abs(p) > 1024) continue;
    const double f = p / static_cast<double>(q);
    if (std::abs(k - f) <= 4 * rtol * std::abs(k)) return f;
  }
  return std::nullopt;
}

std::string factor_message(double f) {
  if (f == 0.5)
    return "Exactly half of the true value: averaged over a broadcast dimension? (e.g. l.mean() over a "
           "[1,2]-shaped loss, one term per class, divides every gradient by 2).";
  if (f == 2)
    return "Exactly twice the true value: a sum where one term was expected, or the reverse of averaging over a "
           "broadcast dimension (l.mean() over a [1,2]-shaped loss halves a gradient)?";
  const double inv = 1 / f;
  if (f > 0 && inv == std::round(inv) && inv >= 3)
    return "Exactly 1/" + format_number(inv) + " of the true value: averaged over " + format_number(inv) +
           " terms (a .mean() over a broadcast dimension)?";
  if (f > 0 && f == std::round(f) && f >= 3)
    return "Exactly " + format_number(f) + " times the true value: summed over " + format_number(f) +
           " terms where one was expected?";
  if (f < 0) return format_number(f) + " times the true value: the sign and a constant factor are both off.";
  return "Every entry is " + format_number(f) + " times the true value: a constant factor is off.";
}

// [SECTION] shape

Diagnosis shape_diagnosis(const ParsedAnswer& answer, const Eigen::MatrixXd& t, const SheetCell& cell,
                          const AnswerSheet& sheet, double rtol, double fallback) {
  const Eigen::MatrixXd& a = answer.value;
  const std::string got = describe_shape(answer), expected = expected_shape(cell, sheet);
  if (a.size() != t.size()) {
    if (cell.key == "l")
      return {Mistake::Shape, std::nullopt,
              "l is one number, but you gave " + got + ": one term per class? The loss sums them, l = −Σ y_i·log s_i."};
    return {Mistake::Shape, std::nullopt, "Expected " + expected + ", but you gave " + got + "."};
  }
  const Eigen::MatrixXd flat = flat_row_major(a), t_flat = flat_row_major(t);
  if (is_matrix(t)) {
    if (a.rows() == t.cols() && a.cols() == t.rows() && close_enough(a, t.transpose(), rtol, fallback))
      return {Mistake::Transposed, std::nullopt, transposed_message(cell, sheet)};
    if (close_enough(flat, t_flat, rtol, fallback))
      return {Mistake::Shape, std::nullopt,
              "The right numbers in row-major order, but as " + got + ": " + cell.notation + " is " + expected +
                  "; reshape row by row."};
    if (close_enough(flat, flat_col_major(t), rtol, fallback))
      return {Mistake::FlattenOrder, std::nullopt,
              "The right numbers, but flattened column by column (column-major) and as " + got + ": " + cell.notation +
                  " is " + expected + ", read row by row."};
  } else if (close_enough(flat, t_flat, rtol, fallback)) {
    return {Mistake::Shape, std::nullopt, "The right numbers, but as " + got + ": " + cell.notation + " is " + expected + "."};
  } else if (close_enough(flat_col_major(a), t_flat, rtol, fallback)) {
    return {Mistake::FlattenOrder, std::nullopt,
            "The right numbers read column by column, but as " + got + ": " + cell.notation + " is " + expected + "."};
  }
  return {Mistake::Shape, std::nullopt, "Expected " + expected + ", but you gave " + got + "."};
}

// [SECTION] chains with one classic mistake

struct Candidate {
  Mistake mistake;
  Eigen::MatrixXd jacobian;
  std::string factor_message, chain_message;
};

std::string activation_mask(const SheetEdge& e, const std::string& x) {
  return e.op == OpKind::LeakyRelu ? "(" + x + " > 0 ? 1 : 0.01)" : "1[" + x + " > 0]";
}

std::vector<Candidate> candidates(const SheetEdge& e, const AnswerSheet& sheet) {
  std::vector<Candidate> out;
  const Eigen::MatrixXd& J = e.jacobian;
  const std::string notation = "∇_" + subscript(e.wrt) + " " + e.of;
  if (e.op == OpKind::Relu || e.op == OpKind::LeakyRelu) {
    const std::string& x = e.args[0];
    const Eigen::MatrixXd& xv = sheet.nodes[sheet.node_index(x)].value;
    const Eigen::Index n = J.rows();
    const double off = e.op == OpKind::LeakyRelu ? 0.01 : 0.0;
    auto mask_of = [&](const Eigen::MatrixXd& v) {
      Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n, n);
      for (Eigen::Index i = 0; i < n; ++i) m(i, i) = v(i) > 0 ? 1.0 : off;
      return m;
    };
    std::vector<std::string> dead;
    for (Eigen::Index i = 0; i < n; ++i)
      if (!(xv(i) > 0)) dead.push_back(x + "[" + std::to_string(i) + "] = " + format_number(xv(i)));
    const std::string dead_text = list_names(dead) + (dead.size() == 1 ? " is" : " are") + " ≤ 0";
    const std::string mask = activation_mask(e, x);
    out.push_back({Mistake::ReluMask, Eigen::MatrixXd::Identity(n, n),
                   "The ReLU mask is missing: " + dead_text + ", so " + (dead.size() == 1 ? "that unit is" : "those units are") +
                       " dead and " + (dead.size() == 1 ? "its diagonal entry is " : "their diagonal entries are ") +
                       format_number(off) + ".",
                   "What the chain gives without the ReLU mask in " + notation + ": " + dead_text +
                       ", and a dead unit passes no gradient."});
    Eigen::MatrixXd inverted = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index i = 0; i < n; ++i) inverted(i, i) = J(i, i) == 1 ? off : 1.0;
    out.push_back({Mistake::ReluMask, inverted,
                   "The ReLU mask is on the wrong side of 0: 1[" + x + " ≤ 0] instead of " + mask + ".",
                   "What the chain gives with the ReLU mask of " + notation + " on the wrong side of 0 (1[" + x +
                       " ≤ 0] instead of " + mask + ")."});
    out.push_back({Mistake::ReluMask, Eigen::MatrixXd::Identity(n, n) * J(0, 0),
                   "One mask, " + x + "[0]'s, was used for every unit (like `if " + x + "[0] > 0`); each unit needs its own " +
                       mask + ".",
                   "What the chain gives with " + x + "[0]'s ReLU mask used for every unit of " + notation +
                       " (like `if " + x + "[0] > 0`); each unit needs its own mask."});
    for (const SheetNode& other : sheet.nodes)
      if (other.name != x && other.name != e.of && other.name != "label" && other.value.cols() == 1 &&
          other.value.size() == n && (other.computed || other.name == "I"))
        out.push_back({Mistake::ReluMask, mask_of(other.value),
                       "The ReLU mask was taken from " + other.name + " (1[" + other.name + " > 0]) instead of " + x + ".",
                       "What the chain gives with the ReLU mask of " + notation + " taken from " + other.name +
                           " instead of " + x + "."});
  } else if (e.op == OpKind::Softmax) {
    const Eigen::MatrixXd& s = sheet.nodes[sheet.node_index(e.of)].value;
    const std::string factor = "Only the diagonal s_i(1 − s_i): the off-diagonal entries −s_i·s_j are missing (every s_i "
                               "depends on every " + e.wrt + "_j).";
    const std::string chain = "What the chain gives with only the diagonal of " + notation +
                              " (the off-diagonal entries −s_i·s_j are missing).";
    out.push_back({Mistake::SoftmaxDiagonalOnly, Eigen::MatrixXd(J.diagonal().asDiagonal()), factor, chain});
    Eigen::MatrixXd textbook = Eigen::MatrixXd::Zero(J.rows(), J.cols());
    for (Eigen::Index i = 0; i < s.size(); ++i) textbook(i, i) = s(i) * (1 - s(i));
    out.push_back({Mistake::SoftmaxDiagonalOnly, textbook, factor, chain});
  } else if (e.op == OpKind::CrossEntropy && e.k == 0) {
    const Eigen::MatrixXd& s = sheet.nodes[sheet.node_index(e.wrt)].value;
    out.push_back({Mistake::LabelIgnored, (-s.array().inverse()).matrix().transpose(),
                   "−1/s without the label: ∂l/∂s_i = −y_i/s_i, so a class with y_i = 0 gives 0.",
                   "What the chain gives with " + notation + " = −1/s, without multiplying by the label y."});
  }
  return out;
}

}  // namespace

std::string_view mistake_name(Mistake m) {
  static constexpr std::string_view kNames[kMistakeCount] = {
      "shape", "transposed", "flatten_order", "sign_flipped", "scaled", "relu_mask", "softmax_diagonal_only",
      "label_ignored", "unknown"};
  return kNames[static_cast<int>(m)];
}

bool close_enough(const Eigen::MatrixXd& a, const Eigen::MatrixXd& t, double rtol, double fallback_scale) {
  if (a.rows() != t.rows() || a.cols() != t.cols()) return false;
  double scale = max_abs_finite(t);
  if (scale == 0) scale = fallback_scale;
  for (Eigen::Index i = 0; i < t.size(); ++i) {
    if (!std::isfinite(t(i)) || !std::isfinite(a(i))) return false;
    if (std::abs(a(i) - t(i)) > rtol * (std::abs(t(i)) + scale)) return false;
  }
  return true;
}

std::optional<Eigen::MatrixXd> normalize_answer(const ParsedAnswer& answer, const SheetCell& cell) {
  const Eigen::MatrixXd& a = answer.value;
  const Eigen::MatrixXd& t = cell.truth;
  if (a.size() != t.size()) return std::nullopt;
  if (cell.vector || t.size() == 1) {
    if (a.rows() != 1 && a.cols() != 1) return std::nullopt;  // rows of a matrix for a vector
    return Eigen::MatrixXd(a.reshaped(t.rows(), t.cols()));   // one row or column: storage order is the order
  }
  if (answer.dims != Dims::Matrix || a.rows() != t.rows() || a.cols() != t.cols()) return std::nullopt;
  return a;
}

std::vector<std::vector<Alternative>> mistaken_chains(const AnswerSheet& sheet, double rtol) {
  std::vector<std::vector<Alternative>> out(sheet.cells.size());
  std::vector<Eigen::MatrixXd> truth;
  for (const SheetEdge& e : sheet.edges) truth.push_back(e.jacobian);
  for (size_t e = 0; e < sheet.edges.size(); ++e) {
    const SheetEdge& edge = sheet.edges[e];
    std::vector<Eigen::MatrixXd> seen = {edge.jacobian};
    for (const Candidate& cand : candidates(edge, sheet)) {
      bool duplicate = false;
      for (const Eigen::MatrixXd& s : seen) duplicate = duplicate || close_enough(cand.jacobian, s, rtol, 1.0);
      if (duplicate) continue;
      seen.push_back(cand.jacobian);
      std::vector<Eigen::MatrixXd> J = truth;
      J[e] = cand.jacobian;
      const std::vector<Eigen::MatrixXd> rows = chain_rows(sheet, J);
      for (size_t c = 0; c < sheet.cells.size(); ++c) {
        const SheetCell& cell = sheet.cells[c];
        Eigen::MatrixXd value;
        const bool this_factor = cell.kind == CellKind::Jacobian && cell.node == edge.of && cell.wrt == edge.wrt;
        if (this_factor) value = cand.jacobian;
        else if (cell.key == "J:l/O") value = rows[sheet.node_index("O")];
        else if (cell.kind == CellKind::NodeGradient) value = rows[sheet.node_index(cell.node)];
        else if (cell.kind == CellKind::ParamGradient && rows[sheet.node_index(cell.node)].size())
          value = row_to_shape(rows[sheet.node_index(cell.node)], sheet.nodes[sheet.node_index(cell.node)].value);
        if (value.size() != cell.truth.size() || !value.allFinite() || close_enough(value, cell.truth, rtol, 0)) continue;
        out[c].push_back({cand.mistake, value, this_factor ? cand.factor_message : cand.chain_message});
      }
    }
  }
  return out;
}

Diagnosis diagnose(const ParsedAnswer& answer, const std::optional<Eigen::MatrixXd>& normalized,
                   const Eigen::MatrixXd& ref, const SheetCell& cell, const AnswerSheet& sheet,
                   const std::vector<Alternative>& alternatives, double rtol, double fallback) {
  if (!normalized) return shape_diagnosis(answer, ref, cell, sheet, rtol, fallback);
  const Eigen::MatrixXd& a = *normalized;
  const double scale = max_abs_finite(ref);
  if (!ref.allFinite())
    return {Mistake::Unknown, std::nullopt, "The true value is not finite here (an overflow), so it cannot be checked."};
  if (scale == 0)
    return {Mistake::Unknown, std::nullopt, "The true value is 0 here, but yours is not."};
  if (a.isZero(0))
    return {Mistake::Unknown, std::nullopt,
            "All zeros, but the true value is not (its largest entry is about " + format_number(scale, 1) +
                "): tiny is not zero."};

  // transposed, then the other flatten order
  if (is_matrix(ref) && ref.rows() == ref.cols() && !close_enough(ref.transpose(), ref, rtol, fallback) &&
      close_enough(a, ref.transpose(), rtol, fallback))
    return {Mistake::Transposed, std::nullopt, transposed_message(cell, sheet)};
  if (const SheetNode* w = weight_wrt(cell, sheet)) {
    // either permutation: the answer may have been read back from either layout
    const Eigen::Index r = w->value.rows(), c = w->value.cols();
    if (close_enough(a, weight_columns_to(WeightLayout::ColumnMajor, ref, r, c), rtol, fallback) ||
        close_enough(a, weight_columns_from(WeightLayout::ColumnMajor, ref, r, c), rtol, fallback))
      return {Mistake::FlattenOrder, std::nullopt, flatten_message(cell, *w)};
  }
  if (const SheetNode* w = gradient_weight(cell, sheet)) {
    const Eigen::Index r = w->value.rows(), c = w->value.cols();
    if (close_enough(a, unflatten_row_major<double>(flat_col_major(ref), r, c), rtol, fallback) ||
        close_enough(a, unflatten_col_major(flat_row_major(ref), r, c), rtol, fallback))
      return {Mistake::FlattenOrder, std::nullopt, flatten_message(cell, *w)};
  }

  // sign, then a simple factor
  if (close_enough(a, -ref, rtol, fallback))
    return {Mistake::SignFlipped, std::nullopt, "The sign is flipped: every entry has the opposite sign of the true value."};
  const Eigen::MatrixXd an = a / scale, rn = ref / scale;  // scaled to 1: no underflow in the products
  const double k = an.cwiseProduct(rn).sum() / rn.squaredNorm();
  const bool proportional = std::isfinite(k) && k != 0 && close_enough(a, k * ref, rtol, fallback);
  if (proportional)
    if (const auto f = simple_factor(k, rtol)) return {Mistake::Scaled, *f, factor_message(*f)};

  // a classic mistake inside the chain
  for (Mistake m : {Mistake::ReluMask, Mistake::SoftmaxDiagonalOnly, Mistake::LabelIgnored})
    for (const Alternative& alt : alternatives)
      if (alt.mistake == m && close_enough(a, alt.value, rtol, fallback)) return {m, std::nullopt, alt.message};

  if (proportional) return {Mistake::Scaled, k, factor_message(k)};

  // unknown: say which entries are off, without giving the answer away
  std::vector<std::string> wrong;
  bool all_zero = true;
  for (Eigen::Index i = 0; i < ref.rows(); ++i)
    for (Eigen::Index j = 0; j < ref.cols(); ++j)
      if (std::abs(a(i, j) - ref(i, j)) > rtol * (std::abs(ref(i, j)) + scale)) {
        wrong.push_back(entry_name(cell, ref, i, j));
        all_zero = all_zero && a(i, j) == 0;
      }
  if (static_cast<Eigen::Index>(wrong.size()) == ref.size())
    return {Mistake::Unknown, std::nullopt,
            "Not the true value, and not one of the usual slips (transposed, flatten order, sign, a constant factor, "
            "the ReLU mask, the softmax Jacobian, the label): recheck how " + cell.notation + " is computed."};
  const std::string entries = (wrong.size() == 1 ? "Entry " : "Entries ") + list_names(wrong);
  if (all_zero) {
    bool saturated = false;
    if (const int s = sheet.node_index("s"); s >= 0 && sheet.softmax_head)
      saturated = sheet.nodes[s].value.maxCoeff() >= 1 - 1e-12;
    return {Mistake::Unknown, std::nullopt,
            entries + (wrong.size() == 1 ? " is" : " are") + " 0, but the true value" + (wrong.size() == 1 ? " is" : "s are") +
                " not: tiny is not zero" +
                (saturated ? " (PyTorch's s − y loses them once a probability rounds to 1; 1 − s_i = Σ_{j≠i} s_j keeps them)"
                           : "") + "."};
  }
  return {Mistake::Unknown, std::nullopt,
          entries + (wrong.size() == 1 ? " differs" : " differ") + " from the true value; the others are right."};
}

}  // namespace bp
