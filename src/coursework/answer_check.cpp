// The checker's flow: (1) read each filled cell in the cell's shape and compare it with the truth;
// (2) replay the student's work with their own wrong values — forward values, then local
// Jacobians at those values, then the chain products — to get, for every cell, the value that is
// "consistent with your earlier work"; (3) a verdict per cell: right, consistent (credited), or the
// diagnosed mistake (answer_diagnosis). Every replayed value carries the keys of the student's
// wrong cells it depends on, which name the cells in "Consistent with your …".
#include "coursework/answer_check.h"

#include <algorithm>

#include "coursework/words.h"
#include "engine/evaluate.h"
#include "engine/json_read.h"
#include "engine/network.h"
#include "engine/number_format.h"

namespace bp {
namespace {

using Sources = std::vector<std::string>;  // keys of the student's wrong cells, first use first

struct Replayed {
  Eigen::MatrixXd value;
  Sources sources;  // empty: the true value
};

void merge(Sources& into, const Sources& from) {
  for (const std::string& k : from)
    if (std::find(into.begin(), into.end(), k) == into.end()) into.push_back(k);
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// why a key is not a cell of this sheet, with the keys it could have meant
Error key_error(const AnswerSheet& sheet, const std::string& key) {
  const std::string field = "answers." + key;
  const bool jacobian = starts_with(key, "J:"), gradient = starts_with(key, "grad:");
  if (gradient) {
    const int n = sheet.node_index(key.substr(5));
    if (n >= 0 && sheet.nodes[n].computed && sheet.jacobians_skipped.empty())
      return {field, sayf(Msg::error_gradient_is_jacobian,
                          {{"notation", "∇_" + subscript(key.substr(5)) + " l"}, {"cell", "J:l/" + key.substr(5)}})};
    if (key == "grad:I") return {field, say(Msg::error_grad_input)};
  }
  if ((jacobian || gradient) && !sheet.jacobians_skipped.empty())
    return {field, sayf(Msg::error_skipped, {{"why", sheet.jacobians_skipped}})};
  std::vector<std::string> family;
  std::string best;
  size_t best_d = 4;
  for (const SheetCell& c : sheet.cells) {
    const bool same = jacobian ? starts_with(c.key, "J:") : gradient ? starts_with(c.key, "grad:")
                                                                     : c.kind == CellKind::Forward;
    if (same && c.listed) family.push_back(c.key);
    if (const size_t d = detail::edit_distance(key, c.key); d < best_d) best_d = d, best = c.key;
  }
  std::string list;
  for (const std::string& k : family) list += (list.empty() ? "" : ", ") + k;
  const Msg what = jacobian ? Msg::error_not_jacobian : gradient ? Msg::error_not_gradient : Msg::error_not_forward;
  return {field, sayf(what, {{"keys", list}, {"suggestion", best.empty() ? "" : sayf(Msg::error_did_you_mean, {{"key", best}})}})};
}

// "∇_O l and h": the notation of the student's cells a value depends on
std::string cells_of(const AnswerSheet& sheet, const Sources& sources) {
  std::vector<std::string> names;
  for (const std::string& k : sources) names.push_back(sheet.find(k)->notation);
  return say_list(names);
}

Args<double> args_of(const std::vector<std::string>& names, const AnswerSheet& sheet,
                     const std::vector<Replayed>& values) {
  Args<double> a;
  a.n = static_cast<int>(names.size());
  for (int k = 0; k < a.n; ++k) a.x[k] = &values[sheet.node_index(names[k])].value;
  return a;
}

// the weight W (r×c) of a cell J:x/W, or nullptr
const SheetNode* weight_of(const SheetCell& cell, const AnswerSheet& sheet) {
  if (cell.kind != CellKind::Jacobian) return nullptr;
  const int w = sheet.node_index(cell.wrt);
  return w >= 0 && !sheet.nodes[w].computed && sheet.nodes[w].value.cols() > 1 ? &sheet.nodes[w] : nullptr;
}

std::string column_major_flatten_message(const SheetCell& cell, const SheetNode& w) {
  return sayf(Msg::check_flatten_column_major, {{"w", w.name}, {"of", cell.node}, {"rows", std::to_string(w.value.rows())}});
}

// local Jacobians whose rule reads the op's output as well as its inputs
bool reads_output(OpKind op) { return op == OpKind::Softmax || op == OpKind::Sigmoid || op == OpKind::Tanh; }

}  // namespace

Expected<CheckResult> check_answers(const State& state, const std::vector<Answer>& answers,
                                    const CheckOptions& options) {
  return check_answers(answer_sheet(state, evaluate(state)), answers, options);
}

Expected<CheckResult> check_answers(const AnswerSheet& sheet, const std::vector<Answer>& answers,
                                    const CheckOptions& options) {
  const double rtol = options.tolerance;
  if (!(rtol > 0 && rtol < 1))
    return Error{"tolerance", sayf(Msg::error_tolerance, {{"value", format_number(rtol)}})};
  const size_t n_cells = sheet.cells.size();
  auto cell_index = [&](const std::string& key) -> int {
    for (size_t c = 0; c < n_cells; ++c)
      if (sheet.cells[c].key == key) return static_cast<int>(c);
    return -1;
  };

  // [SECTION] 1. the filled cells, in the cell's shape, against the truth
  std::vector<const Answer*> given(n_cells, nullptr);
  for (const Answer& a : answers) {
    const int c = cell_index(a.key);
    if (c < 0) return key_error(sheet, a.key);
    if (given[c]) return Error{"answers." + a.key, say(Msg::error_twice)};
    given[c] = &a;
  }
  // the scale of an all-zero truth: the largest true value of the same kind
  auto group = [](CellKind k) { return k == CellKind::ParamGradient ? CellKind::NodeGradient : k; };
  auto fallback = [&](const SheetCell& cell) {
    double s = 0;
    for (const SheetCell& other : sheet.cells)
      if (group(other.kind) == group(cell.kind) && other.truth.allFinite()) s = std::max(s, other.truth.cwiseAbs().maxCoeff());
    return s;
  };
  std::vector<std::optional<Eigen::MatrixXd>> normalized(n_cells);
  std::vector<bool> right(n_cells, false);
  for (size_t c = 0; c < n_cells; ++c) {
    if (!given[c]) continue;
    normalized[c] = normalize_answer(given[c]->value, sheet.cells[c]);
    if (const SheetNode* w = weight_of(sheet.cells[c], sheet); w && normalized[c])  // judged in row-major from here
      normalized[c] = weight_columns_from(options.layout, *normalized[c], w->value.rows(), w->value.cols());
    right[c] = normalized[c] && close_enough(*normalized[c], sheet.cells[c].truth, rtol, fallback(sheet.cells[c]));
  }
  // what the student's own value of a cell is: their answer when it is wrong (and readable),
  // the truth when it is right, else the replay of their earlier values
  auto own = [&](int c, const Replayed& replayed, const Eigen::MatrixXd& truth) -> Replayed {
    if (c >= 0 && given[c] && normalized[c] && !right[c]) return {*normalized[c], {sheet.cells[c].key}};
    if (c >= 0 && given[c] && right[c]) return {truth, {}};
    return replayed;
  };

  // [SECTION] 2. replay: forward values, local Jacobians, chain products
  std::vector<Replayed> reference(n_cells);
  std::vector<Replayed> node(sheet.nodes.size());
  for (size_t i = 0; i < sheet.nodes.size(); ++i) {
    const SheetNode& n = sheet.nodes[i];
    Replayed replayed{n.value, {}};
    if (n.computed) {
      for (const std::string& in : n.inputs) merge(replayed.sources, node[sheet.node_index(in)].sources);
      if (!replayed.sources.empty()) op_rule<double>(n.op).forward(args_of(n.inputs, sheet, node), replayed.value);
    }
    const int c = n.computed ? cell_index(n.name) : -1;
    if (c >= 0) reference[c] = replayed;
    node[i] = own(c, replayed, n.value);
  }

  std::vector<Replayed> edge(sheet.edges.size());
  std::vector<Eigen::MatrixXd> true_jacobians;
  for (size_t e = 0; e < sheet.edges.size(); ++e) {
    const SheetEdge& E = sheet.edges[e];
    true_jacobians.push_back(E.jacobian);
    Replayed replayed{E.jacobian, {}};
    for (const std::string& a : E.args) merge(replayed.sources, node[sheet.node_index(a)].sources);
    const Replayed& out = node[sheet.node_index(E.of)];
    if (reads_output(E.op)) merge(replayed.sources, out.sources);
    if (!replayed.sources.empty())
      replayed.value = op_rule<double>(E.op).jacobian(args_of(E.args, sheet, node), out.value, E.k, sheet.derivatives);
    const int c = cell_index("J:" + E.of + "/" + E.wrt);
    reference[c] = replayed;
    edge[e] = own(c, replayed, E.jacobian);
  }

  const std::vector<Eigen::MatrixXd> true_rows = chain_rows(sheet, true_jacobians);
  std::vector<Replayed> sum(sheet.nodes.size());       // Σ their ∇_of l · their ∂of/∂n, so far
  std::vector<std::optional<Replayed>> row(sheet.nodes.size());
  auto finish = [&](int n) {  // all consumers of n are summed: fix their ∇_n l
    if (row[n]) return;
    Replayed replayed = sum[n];
    if (replayed.sources.empty()) replayed.value = true_rows[n];
    const SheetNode& N = sheet.nodes[n];
    const int c = cell_index("grad:" + report_name(N.name));
    if (c >= 0 && sheet.cells[c].kind == CellKind::ParamGradient) {
      reference[c] = replayed.sources.empty() ? Replayed{sheet.cells[c].truth, {}}
                                               : Replayed{row_to_shape(replayed.value, N.value), replayed.sources};
      row[n] = replayed;
      return;
    }
    if (c >= 0) reference[c] = replayed;
    if (N.name == "O" && sheet.softmax_head && cell_index("J:l/O") >= 0) reference[cell_index("J:l/O")] = replayed;
    row[n] = own(c, replayed, true_rows[n]);
  };
  if (const int l = sheet.node_index("l"); l >= 0 && !sheet.edges.empty()) row[l] = Replayed{true_rows[l], {}};
  for (size_t e = 0; e < sheet.edges.size(); ++e) {
    const int of = sheet.node_index(sheet.edges[e].of), wrt = sheet.node_index(sheet.edges[e].wrt);
    finish(of);
    Replayed term{row[of]->value * edge[e].value, row[of]->sources};
    merge(term.sources, edge[e].sources);
    if (sum[wrt].value.size() == 0) sum[wrt] = std::move(term);
    else {
      sum[wrt].value += term.value;
      merge(sum[wrt].sources, term.sources);
    }
  }
  for (size_t n = 0; n < sheet.nodes.size(); ++n)
    if (sum[n].value.size()) finish(static_cast<int>(n));
  for (size_t c = 0; c < n_cells; ++c)  // cells the replay did not reach: the truth
    if (reference[c].value.size() == 0) reference[c] = {sheet.cells[c].truth, {}};

  // [SECTION] 3. verdicts, in the sheet's order
  const std::vector<std::vector<Alternative>> alternatives = mistaken_chains(sheet, rtol);
  CheckResult result;
  for (size_t c = 0; c < n_cells; ++c) {
    if (!given[c]) continue;
    const SheetCell& cell = sheet.cells[c];
    const double fb = fallback(cell);
    const Replayed& ref = reference[c];
    const bool self = std::find(ref.sources.begin(), ref.sources.end(), cell.key) != ref.sources.end();
    const bool ref_differs = !ref.sources.empty() && !self && !close_enough(ref.value, cell.truth, rtol, fb);
    Verdict v;
    v.key = cell.key;
    if (right[c]) {
      v.ok = true;
      v.message = say(Msg::check_right);
    } else if (normalized[c] && ref_differs && close_enough(*normalized[c], ref.value, rtol, fb)) {
      v.ok = true;
      v.consistent_with = ref.sources;
      v.message = sayf(ref.sources.size() == 1 ? Msg::check_consistent_one : Msg::check_consistent_many,
                       {{"cells", cells_of(sheet, ref.sources)}});
    } else {
      Diagnosis d = diagnose(given[c]->value, normalized[c], cell.truth, cell, sheet, alternatives[c], rtol, fb);
      if (d.mistake == Mistake::Unknown && ref_differs) {
        Diagnosis own_d = diagnose(given[c]->value, normalized[c], ref.value, cell, sheet, {}, rtol, fb);
        if (own_d.mistake != Mistake::Unknown) {
          own_d.message = sayf(ref.sources.size() == 1 ? Msg::check_compared_one : Msg::check_compared_many,
                               {{"cells", cells_of(sheet, ref.sources)}, {"message", own_d.message}});
          d = own_d;
        }
      }
      if (const SheetNode* w = weight_of(cell, sheet);
          w && d.mistake == Mistake::FlattenOrder && options.layout == WeightLayout::ColumnMajor)
        d.message = column_major_flatten_message(cell, *w);
      v.mistake = d.mistake;
      v.factor = d.factor;
      v.message = d.message;
      if (!result.first_wrong) result.first_wrong = cell.key;
    }
    result.verdicts.push_back(std::move(v));
  }
  return result;
}

}  // namespace bp
