// The key, written from the answer sheet: four sections in the order of the work (forward pass,
// local Jacobians, the chain from l backwards, final gradients), once as Markdown and once as
// LaTeX. The Markdown formulas are the sheet's own; LaTeX gets its own spelling of each.
#include "coursework/answer_key.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include "engine/evaluate.h"
#include "engine/matrix.h"
#include "engine/network.h"
#include "engine/number_format.h"
#include "engine/state_json.h"

namespace bp {
namespace {

// [SECTION] values

// sig 0: every digit (the given network, which the student computes from)
std::string number_text(double x, int sig) { return sig == 0 ? format_round_trip(x) : format_number(x, sig); }

std::string md_value(const Eigen::MatrixXd& m, bool flat, bool blank, int sig) {
  auto entry = [&](Eigen::Index i, Eigen::Index j) { return blank ? std::string("□") : number_text(m(i, j), sig); };
  if (m.size() == 1 && flat) return entry(0, 0);
  if (flat) {
    std::string s = "[";
    for (Eigen::Index i = 0; i < m.size(); ++i) s += (i ? ", " : "") + entry(m.cols() == 1 ? i : 0, m.cols() == 1 ? 0 : i);
    return s + "]";
  }
  std::string s = "[";
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    s += i ? ", [" : "[";
    for (Eigen::Index j = 0; j < m.cols(); ++j) s += (j ? ", " : "") + entry(i, j);
    s += "]";
  }
  return s + "]";
}

std::string tex_number(double x, int sig) {
  if (std::isnan(x)) return "\\mathrm{NaN}";
  if (std::isinf(x)) return x > 0 ? "\\infty" : "-\\infty";
  const std::string s = number_text(x, sig);
  const auto e = s.find('e');
  if (e == std::string::npos) return s;
  return s.substr(0, e) + " \\times 10^{" + s.substr(e + 1) + "}";
}

std::string tex_value(const Eigen::MatrixXd& m, bool flat, bool blank, int sig) {
  auto entry = [&](Eigen::Index i, Eigen::Index j) { return blank ? std::string("\\square") : tex_number(m(i, j), sig); };
  if (m.size() == 1 && flat) return entry(0, 0);
  std::string s = "\\begin{pmatrix} ";
  if (flat) {
    for (Eigen::Index i = 0; i < m.size(); ++i) s += (i ? " & " : "") + entry(m.cols() == 1 ? i : 0, m.cols() == 1 ? 0 : i);
  } else {
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      s += i ? " \\\\ " : "";
      for (Eigen::Index j = 0; j < m.cols(); ++j) s += (j ? " & " : "") + entry(i, j);
    }
  }
  return s + " \\end{pmatrix}";
}

// [SECTION] names and formulas in LaTeX

// "W1" → "W_{1}", "h0" → "h_{0}", "W0·I" → "W_{0} I", "label" → "y"
std::string tex_name(const std::string& name) {
  if (name == "label") return "y";
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    if (name.compare(i, 2, "\xC2\xB7") == 0) {  // "·"
      out += " ";
      i += 2;
      continue;
    }
    size_t j = i;
    while (j < name.size() && std::isalpha(static_cast<unsigned char>(name[j]))) ++j;
    size_t k = j;
    while (k < name.size() && std::isdigit(static_cast<unsigned char>(name[k]))) ++k;
    if (j == i && k == i) {  // anything else: skip it rather than emit what LaTeX cannot read
      ++i;
      continue;
    }
    out += name.substr(i, j - i);
    if (k > j) out += "_{" + name.substr(j, k - j) + "}";
    i = k;
  }
  return out;
}

std::string tex_key(const std::string& key) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    if (key.compare(i, 2, "\xC2\xB7") == 0) {
      out += "\\textperiodcentered{}";
      ++i;
    } else {
      out += key[i];
    }
  }
  return "\\texttt{" + out + "}";
}

std::string tex_nabla(const std::string& wrt, const std::string& of) {
  return "\\nabla_{" + tex_name(wrt) + "} " + tex_name(of);
}

std::string tex_notation(const SheetCell& c) {
  switch (c.kind) {
    case CellKind::Forward: return tex_name(c.node);
    case CellKind::Jacobian: return tex_nabla(c.wrt, c.node);
    default: return tex_nabla(c.node, "l");
  }
}

const SheetEdge* edge_of(const SheetCell& c, const AnswerSheet& sheet) {
  for (const SheetEdge& e : sheet.edges)
    if (e.of == c.node && e.wrt == c.wrt) return &e;
  return nullptr;
}

std::string tex_product(const SheetCell& c, const AnswerSheet& sheet) {
  std::string s;
  for (const SheetEdge& e : sheet.edges) {
    if (e.wrt != c.node) continue;
    s += s.empty() ? "" : " + ";
    if (e.of != "l") s += tex_nabla(e.of, "l") + " \\, ";
    s += tex_nabla(c.node, e.of);
  }
  return s;
}

std::string tex_formula(const SheetCell& c, const AnswerSheet& sheet) {
  if (c.kind == CellKind::NodeGradient || c.kind == CellKind::ParamGradient) return tex_product(c, sheet);
  if (c.kind == CellKind::Forward) {
    const SheetNode& n = sheet.nodes[sheet.node_index(c.node)];
    const auto in = [&](int k) { return tex_name(n.inputs[k]); };
    switch (n.op) {
      case OpKind::MatVec: return in(0) + " " + in(1);
      case OpKind::Add: return in(0) + " + " + in(1);
      case OpKind::Relu: return "\\mathrm{ReLU}(" + in(0) + ")";
      case OpKind::LeakyRelu: return "\\mathrm{LeakyReLU}(" + in(0) + ")";
      case OpKind::Sigmoid: return "\\sigma(" + in(0) + ")";
      case OpKind::Tanh: return "\\tanh(" + in(0) + ")";
      case OpKind::Identity: return in(0);
      case OpKind::Softmax: return "\\mathrm{softmax}(" + in(0) + ")";
      case OpKind::LogSoftmax: return "\\log \\mathrm{softmax}(" + in(0) + ")";
      case OpKind::CrossEntropy:
      case OpKind::SoftmaxCrossEntropy: return "-\\sum_i y_i \\log s_i";
      case OpKind::Mse: return "\\frac{1}{n} \\sum_i (" + in(0) + "_i - y_i)^2";
    }
    return "";
  }
  const SheetEdge* e = edge_of(c, sheet);
  if (!e) return "(s - y)^\\top";  // the fused l ← O edge
  const std::string x = tex_name(e->args[0]), of = tex_name(e->of);
  switch (e->op) {
    case OpKind::MatVec:
      return e->k == 1 ? x
                       : "\\frac{\\partial " + of + "_i}{\\partial " + x + "[i][j]} = " + tex_name(e->args[1]) +
                             "_j \\text{ (row-major)}";
    case OpKind::Add:
    case OpKind::Identity: return "\\mathrm{Id}";
    case OpKind::Relu: return "\\mathrm{diag}(\\mathbb{1}[" + x + " > 0])";
    case OpKind::LeakyRelu: return "\\mathrm{diag}(" + x + " > 0 \\,?\\, 1 : 0.01)";
    case OpKind::Sigmoid: return "\\mathrm{diag}(\\sigma(" + x + ")(1 - \\sigma(" + x + ")))";
    case OpKind::Tanh: return "\\mathrm{diag}(1 - \\tanh^2 " + x + ")";
    case OpKind::Softmax: return "\\mathrm{diag}(" + of + ") - " + of + " " + of + "^\\top";
    case OpKind::LogSoftmax: return "\\mathrm{Id} - \\mathbf{1}\\, \\mathrm{softmax}(" + x + ")^\\top";
    case OpKind::CrossEntropy: return "\\left(-\\frac{y_i}{" + x + "_i}\\right)_i";
    case OpKind::SoftmaxCrossEntropy: return "(s - y)^\\top";
    case OpKind::Mse: return "\\frac{2}{n} (" + x + " - y)^\\top";
  }
  return "";
}

// [SECTION] the document

struct Line {
  std::string key;  // "" for lines that are not a sheet cell
  const SheetCell* cell;
  Eigen::MatrixXd value;
  bool flat;
  bool flat_product;  // section 3's flat row of a parameter gradient
};

struct Section {
  std::string title;
  std::vector<Line> lines;
};

bool flat_cell(const SheetCell& c) {
  return (c.kind == CellKind::Forward || c.kind == CellKind::ParamGradient) && (c.vector || c.truth.size() == 1);
}

std::vector<Section> sections(const AnswerSheet& sheet) {
  std::vector<Section> out = {{"1. Forward pass", {}},
                              {"2. Local Jacobians", {}},
                              {"3. The chain, from l backwards", {}},
                              {"4. Final gradients", {}}};
  for (const SheetCell& c : sheet.cells) {
    if (!c.listed) continue;
    switch (c.kind) {
      case CellKind::Forward: out[0].lines.push_back({c.key, &c, c.truth, flat_cell(c), false}); break;
      case CellKind::Jacobian: out[1].lines.push_back({c.key, &c, c.truth, false, false}); break;
      case CellKind::NodeGradient: out[2].lines.push_back({c.key, &c, c.truth, false, false}); break;
      case CellKind::ParamGradient:
        if (!sheet.edges.empty()) out[2].lines.push_back({"", &c, flatten_row_major<double>(c.truth), false, true});
        out[3].lines.push_back({c.key, &c, c.truth, flat_cell(c), false});
        break;
    }
  }
  if (out[1].lines.empty()) out.erase(out.begin() + 1, out.begin() + 3);  // too wide for Jacobians
  return out;
}

std::vector<std::pair<std::string, Eigen::MatrixXd>> given(const AnswerSheet& sheet, std::vector<bool>& flat) {
  std::vector<std::pair<std::string, Eigen::MatrixXd>> out;
  for (const SheetNode& n : sheet.nodes)
    if (!n.computed) {
      out.push_back({n.name, n.value});
      flat.push_back(n.value.cols() == 1);
    }
  return out;
}

std::string product_formula(const SheetCell& c) {
  const auto cut = c.formula.find(", reshaped");
  return cut == std::string::npos ? c.formula : c.formula.substr(0, cut);
}

std::string shape_of(const Eigen::MatrixXd& m, bool flat) {
  if (flat) return m.size() == 1 ? "1" : std::to_string(m.size());
  return std::to_string(m.rows()) + "×" + std::to_string(m.cols());
}

std::string markdown(const State& state, const AnswerSheet& sheet, const KeyOptions& o) {
  std::ostringstream out;
  out << "# Backprop exercise: " << (o.blank ? "answer sheet" : "worked solution") << "\n\n";
  out << "The network: ";
  bool first = true;
  for (const SheetCell& c : sheet.cells)
    if (c.kind == CellKind::Forward) out << (first ? "" : ", ") << c.node << " = " << c.formula, first = false;
  out << ".\n\n"
      << "Layout: ∇_x y has one row per entry of y and one column per entry of x; a weight matrix W is "
         "flattened row by row (W[i][j] is column i·cols + j). Vectors are written flat, a 1×n row as [[…]]. "
         "The `cell` column is the key of the answer sheet that `backprop-cli check` reads.\n\n";
  std::vector<bool> flat;
  const auto leaves = given(sheet, flat);
  out << "## Given\n\n| | value |\n|---|---|\n";
  for (size_t i = 0; i < leaves.size(); ++i)
    out << "| " << (leaves[i].first == "label" ? "y (label)" : leaves[i].first) << " | `"
        << md_value(leaves[i].second, flat[i], false, 0) << "` |\n";
  for (const Section& s : sections(sheet)) {
    out << "\n## " << s.title << "\n\n| cell | quantity | computed as | shape | value |\n|---|---|---|---|---|\n";
    for (const Line& l : s.lines) {
      const SheetCell& c = *l.cell;
      const std::string formula =
          l.flat_product ? product_formula(c) + (c.vector ? " (a row)" : " (flat, row by row)") : c.formula;
      out << "| " << (l.key.empty() ? "" : "`" + l.key + "`") << " | " << c.notation << " | " << formula << " | "
          << shape_of(l.value, l.flat) << " | `" << md_value(l.value, l.flat, o.blank, o.significant) << "` |\n";
    }
  }
  if (!sheet.jacobians_skipped.empty())
    out << "\nLocal Jacobians and chain products are not listed: the manual Jacobian chain " << sheet.jacobians_skipped
        << ".\n";
  if (o.blank) {
    out << "\n## Checking your answers\n\nFill in the `answers` (paste a printout or type nested lists; leave a "
           "cell \"\" to skip it), save as `answers.json` and run `backprop-cli check answers.json`.\n\n```json\n"
        << "{\"state\": " << state_to_json(state) << ",\n \"answers\": {";
    bool first_key = true;
    for (const SheetCell& c : sheet.cells)
      if (c.listed) out << (first_key ? "\n  " : ",\n  ") << "\"" << c.key << "\": \"\"", first_key = false;
    out << "\n }}\n```\n";
  }
  return out.str();
}

std::string latex(const AnswerSheet& sheet, const KeyOptions& o) {
  Eigen::Index max_cols = 10;  // pmatrix's default limit
  for (const SheetCell& c : sheet.cells) max_cols = std::max({max_cols, c.truth.cols(), c.truth.size()});
  std::ostringstream out;
  out << "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\setcounter{MaxMatrixCols}{" << max_cols
      << "}\n\\begin{document}\n\\section*{Backprop exercise: " << (o.blank ? "answer sheet" : "worked solution")
      << "}\n\nThe network: $";
  bool first = true;
  for (const SheetCell& c : sheet.cells)
    if (c.kind == CellKind::Forward)
      out << (first ? "" : ",\\ ") << tex_name(c.node) << " = " << tex_formula(c, sheet), first = false;
  out << "$.\n\nLayout: $\\nabla_x y$ has one row per entry of $y$ and one column per entry of $x$; a weight matrix "
         "$W$ is flattened row by row ($W[i][j]$ is column $i \\cdot \\mathrm{cols} + j$). Each line names its cell "
         "of the answer sheet read by \\texttt{backprop-cli check}.\n\n";
  std::vector<bool> flat;
  const auto leaves = given(sheet, flat);
  out << "\\subsection*{Given}\n\\begin{align*}\n";
  for (size_t i = 0; i < leaves.size(); ++i)
    out << tex_name(leaves[i].first) << " &= " << tex_value(leaves[i].second, flat[i], false, 0)
        << (i + 1 < leaves.size() ? " \\\\\n" : "\n");
  out << "\\end{align*}\n";
  for (const Section& s : sections(sheet)) {
    out << "\n\\subsection*{" << s.title << "}\n";
    for (const Line& l : s.lines) {
      const SheetCell& c = *l.cell;
      out << "\\noindent " << (l.key.empty() ? "(flat row)" : tex_key(l.key)) << "\n\\[ " << tex_notation(c) << " = "
          << tex_formula(c, sheet) << " = " << tex_value(l.value, l.flat, o.blank, o.significant) << " \\]\n";
    }
  }
  if (!sheet.jacobians_skipped.empty())
    out << "\nLocal Jacobians and chain products are not listed (the network is too wide).\n";
  out << "\\end{document}\n";
  return out.str();
}

}  // namespace

std::string answer_key(const State& state, const KeyOptions& options) {
  return answer_key(state, answer_sheet(state, evaluate(state)), options);
}

std::string answer_key(const State& state, const AnswerSheet& sheet, const KeyOptions& options) {
  return options.format == KeyFormat::Latex ? latex(sheet, options) : markdown(state, sheet, options);
}

}  // namespace bp
