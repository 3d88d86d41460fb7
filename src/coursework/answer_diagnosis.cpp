// Mistake classes: each is a transformation of the reference (transpose, permutation, sign,
// factor) or a recomputation of the chain with one local Jacobian replaced by its classic wrong
// version (mistaken_chains); an answer is diagnosed by the first one it matches.
#include "coursework/answer_diagnosis.h"

#include <cmath>
#include <cstdlib>

#include "coursework/weight_layout.h"
#include "coursework/words.h"
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

// at most four names, then how many more
std::string list_names(const std::vector<std::string>& names) { return say_list(names, 4); }

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
      return cell.key == "l" ? say(Msg::shape_loss) : sayf(Msg::shape_vector, {{"n", n}, {"node", cell.node}});
    case CellKind::NodeGradient: return sayf(Msg::shape_row, {{"n", n}, {"node", cell.node}});
    case CellKind::ParamGradient:
      if (cell.vector) return sayf(Msg::shape_vector, {{"n", n}, {"node", cell.node}});
      return sayf(Msg::shape_param_matrix, {{"shape", shape_text(t)}, {"node", cell.node}});
    case CellKind::Jacobian:
      return sayf(weight_wrt(cell, sheet) ? Msg::shape_jacobian_weight : Msg::shape_jacobian,
                  {{"shape", shape_text(t)}, {"of", cell.node}, {"wrt", cell.wrt}});
  }
  return "";
}

std::string transposed_message(const SheetCell& cell, const AnswerSheet& sheet) {
  if (cell.kind == CellKind::Jacobian) {
    const SheetEdge* e = edge_of(cell, sheet);
    if (e && e->op == OpKind::MatVec && e->k == 1)
      return sayf(Msg::diag_transposed_matvec,
                  {{"of", cell.node}, {"wrt", cell.wrt}, {"notation", cell.notation}, {"w", e->args[0]}});
    return sayf(Msg::diag_transposed_jacobian, {{"of", cell.node}, {"wrt", cell.wrt}});
  }
  if (cell.kind == CellKind::ParamGradient)
    return sayf(Msg::diag_transposed_gradient, {{"notation", cell.notation}, {"node", cell.node}});
  return say(Msg::diag_transposed);
}

std::string flatten_message(const SheetCell& cell, const SheetNode& weight) {
  const std::string& w = weight.name;
  if (cell.kind == CellKind::Jacobian)  // the hint's braces are math, not a placeholder: passed as a value
    return sayf(Msg::diag_flatten_jacobian, {{"w", w},
                                             {"hint", "∇_{w1} o = [[L0,0,L1,0],[0,L0,0,L1]]"},
                                             {"of", cell.node},
                                             {"cols", std::to_string(weight.value.cols())}});
  return sayf(Msg::diag_flatten_gradient, {{"w", w}});
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
  if (f == 0.5) return say(Msg::diag_half);
  if (f == 2) return say(Msg::diag_twice);
  const double inv = 1 / f;
  if (f > 0 && inv == std::round(inv) && inv >= 3) return sayf(Msg::diag_fraction, {{"k", format_number(inv)}});
  if (f > 0 && f == std::round(f) && f >= 3) return sayf(Msg::diag_multiple, {{"k", format_number(f)}});
  return sayf(f < 0 ? Msg::diag_negative_factor : Msg::diag_factor, {{"k", format_number(f)}});
}

// [SECTION] shape

Diagnosis shape_diagnosis(const ParsedAnswer& answer, const Eigen::MatrixXd& t, const SheetCell& cell,
                          const AnswerSheet& sheet, double rtol, double fallback) {
  const Eigen::MatrixXd& a = answer.value;
  const std::string got = describe_shape(answer), expected = expected_shape(cell, sheet);
  auto says = [&](Msg m) { return sayf(m, {{"got", got}, {"notation", cell.notation}, {"expected", expected}}); };
  if (a.size() != t.size()) return {Mistake::Shape, std::nullopt, says(cell.key == "l" ? Msg::diag_loss_shape : Msg::diag_shape)};
  const Eigen::MatrixXd flat = flat_row_major(a), t_flat = flat_row_major(t);
  if (is_matrix(t)) {
    if (a.rows() == t.cols() && a.cols() == t.rows() && close_enough(a, t.transpose(), rtol, fallback))
      return {Mistake::Transposed, std::nullopt, transposed_message(cell, sheet)};
    if (close_enough(flat, t_flat, rtol, fallback)) return {Mistake::Shape, std::nullopt, says(Msg::diag_row_major_shape)};
    if (close_enough(flat, flat_col_major(t), rtol, fallback))
      return {Mistake::FlattenOrder, std::nullopt, says(Msg::diag_column_major_shape)};
  } else if (close_enough(flat, t_flat, rtol, fallback)) {
    return {Mistake::Shape, std::nullopt, says(Msg::diag_right_numbers_shape)};
  } else if (close_enough(flat_col_major(a), t_flat, rtol, fallback)) {
    return {Mistake::FlattenOrder, std::nullopt, says(Msg::diag_column_read_shape)};
  }
  return {Mistake::Shape, std::nullopt, says(Msg::diag_shape)};
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
    const bool one = dead.size() == 1;
    const std::string dead_list = list_names(dead), mask = activation_mask(e, x);
    out.push_back({Mistake::ReluMask, Eigen::MatrixXd::Identity(n, n),
                   sayf(one ? Msg::diag_relu_missing_one : Msg::diag_relu_missing_many,
                        {{"dead", dead_list}, {"off", format_number(off)}}),
                   sayf(one ? Msg::chain_relu_missing_one : Msg::chain_relu_missing_many,
                        {{"notation", notation}, {"dead", dead_list}})});
    Eigen::MatrixXd inverted = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index i = 0; i < n; ++i) inverted(i, i) = J(i, i) == 1 ? off : 1.0;
    auto says = [&](Msg m, const std::string& other = "") {
      return sayf(m, {{"notation", notation}, {"x", x}, {"mask", mask}, {"other", other}});
    };
    out.push_back({Mistake::ReluMask, inverted, says(Msg::diag_relu_inverted), says(Msg::chain_relu_inverted)});
    out.push_back({Mistake::ReluMask, Eigen::MatrixXd::Identity(n, n) * J(0, 0), says(Msg::diag_relu_first),
                   says(Msg::chain_relu_first)});
    for (const SheetNode& other : sheet.nodes)
      if (other.name != x && other.name != e.of && other.name != "label" && other.value.cols() == 1 &&
          other.value.size() == n && (other.computed || other.name == "I"))
        out.push_back({Mistake::ReluMask, mask_of(other.value), says(Msg::diag_relu_other, other.name),
                       says(Msg::chain_relu_other, other.name)});
  } else if (e.op == OpKind::Softmax) {
    const Eigen::MatrixXd& s = sheet.nodes[sheet.node_index(e.of)].value;
    const std::string factor = sayf(Msg::diag_softmax_diagonal, {{"wrt", e.wrt}});
    const std::string chain = sayf(Msg::chain_softmax_diagonal, {{"notation", notation}});
    out.push_back({Mistake::SoftmaxDiagonalOnly, Eigen::MatrixXd(J.diagonal().asDiagonal()), factor, chain});
    Eigen::MatrixXd textbook = Eigen::MatrixXd::Zero(J.rows(), J.cols());
    for (Eigen::Index i = 0; i < s.size(); ++i) textbook(i, i) = s(i) * (1 - s(i));
    out.push_back({Mistake::SoftmaxDiagonalOnly, textbook, factor, chain});
  } else if (e.op == OpKind::CrossEntropy && e.k == 0) {
    const Eigen::MatrixXd& s = sheet.nodes[sheet.node_index(e.wrt)].value;
    out.push_back({Mistake::LabelIgnored, (-s.array().inverse()).matrix().transpose(),
                   say(Msg::diag_label_ignored), sayf(Msg::chain_label_ignored, {{"notation", notation}})});
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
  if (!ref.allFinite()) return {Mistake::Unknown, std::nullopt, say(Msg::diag_not_finite)};
  if (scale == 0) return {Mistake::Unknown, std::nullopt, say(Msg::diag_true_zero)};
  if (a.isZero(0))
    return {Mistake::Unknown, std::nullopt, sayf(Msg::diag_all_zeros, {{"scale", format_number(scale, 1)}})};

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
    return {Mistake::SignFlipped, std::nullopt, say(Msg::diag_sign)};
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
    return {Mistake::Unknown, std::nullopt, sayf(Msg::diag_unknown, {{"notation", cell.notation}})};
  const bool one = wrong.size() == 1;
  const std::string entries = list_names(wrong);
  if (all_zero) {
    bool saturated = false;
    if (const int s = sheet.node_index("s"); s >= 0 && sheet.softmax_head)
      saturated = sheet.nodes[s].value.maxCoeff() >= 1 - 1e-12;
    return {Mistake::Unknown, std::nullopt,
            sayf(one ? Msg::diag_zero_one : Msg::diag_zero_many,
                 {{"entries", entries}, {"note", saturated ? say(Msg::diag_saturated_note) : ""}})};
  }
  return {Mistake::Unknown, std::nullopt, sayf(one ? Msg::diag_differ_one : Msg::diag_differ_many, {{"entries", entries}})};
}

}  // namespace bp
