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
#include "coursework/handout_text.h"
#include "coursework/sheet_json.h"
#include "coursework/text_escape.h"
#include "coursework/words.h"
#include "engine/state_json.h"

namespace bp {
namespace {

// [SECTION] values

// sig 0: every digit (the given network, which the student computes from)
std::string number_text(double x, int sig) { return sig == 0 ? format_round_trip(x) : format_number(x, sig); }

std::string md_value(const Eigen::MatrixXd& m, bool flat, int sig) {
  auto entry = [&](Eigen::Index i, Eigen::Index j) { return number_text(m(i, j), sig); };
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

std::string tex_value(const Eigen::MatrixXd& m, bool flat, int sig) {
  auto entry = [&](Eigen::Index i, Eigen::Index j) { return tex_number(m(i, j), sig); };
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

// layout_word: the MatVec weight Jacobian's note, "row-major" or "column-major" in the handout's language
std::string tex_formula(const SheetCell& c, const AnswerSheet& sheet, const std::string& layout_word) {
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
                             "_j \\text{ (" + latex_escape(layout_word) + ")}";
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

// a weight Jacobian in the course's layout (the sheet's truth is row-major)
Eigen::MatrixXd in_layout(const SheetCell& c, const AnswerSheet& sheet, WeightLayout layout) {
  const int w = c.kind == CellKind::Jacobian ? sheet.node_index(c.wrt) : -1;
  if (w < 0 || sheet.nodes[w].computed || sheet.nodes[w].value.cols() < 2) return c.truth;
  return weight_columns_to(layout, c.truth, sheet.nodes[w].value.rows(), sheet.nodes[w].value.cols());
}

std::vector<Section> sections(const AnswerSheet& sheet, const HandoutText& t, WeightLayout layout) {
  std::vector<Section> out;
  for (const std::string& title : t.sections) out.push_back({title, {}});
  for (const SheetCell& c : sheet.cells) {
    if (!c.listed) continue;
    switch (c.kind) {
      case CellKind::Forward: out[0].lines.push_back({c.key, &c, c.truth, flat_cell(c), false}); break;
      case CellKind::Jacobian: out[1].lines.push_back({c.key, &c, in_layout(c, sheet, layout), false, false}); break;
      case CellKind::NodeGradient: out[2].lines.push_back({c.key, &c, c.truth, false, false}); break;
      case CellKind::ParamGradient:
        if (!sheet.edges.empty())
          out[2].lines.push_back({"", &c,
                                  layout == WeightLayout::ColumnMajor ? Eigen::MatrixXd(c.truth.reshaped(1, c.truth.size()))
                                                                      : flatten_row_major<double>(c.truth),
                                  false, true});
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

// the formula without its reshaping note (section 3 lists the flat row)
std::string product_formula(const SheetCell& c) { return c.formula.substr(0, c.formula.size() - c.reshape_note.size()); }

std::string shape_of(const Eigen::MatrixXd& m, bool flat) {
  if (flat) return m.size() == 1 ? "1" : std::to_string(m.size());
  return std::to_string(m.rows()) + "×" + std::to_string(m.cols());
}

// "student 20240001", "seed 17" or ""
std::string exercise_name(const KeyOptions& o, const HandoutText& t) {
  if (!o.student.empty()) return lang::fill(t.of_student, {{"id", o.student}});
  if (o.seed) return lang::fill(t.of_seed, {{"seed", std::to_string(*o.seed)}});
  return "";
}

std::string line_formula(const Line& l, const HandoutText& t, WeightLayout layout) {
  const SheetCell& c = *l.cell;
  if (!l.flat_product) return c.formula;
  return product_formula(c) + (c.vector ? t.a_row : layout == WeightLayout::ColumnMajor ? t.flat_column_major
                                                                                        : t.flat_row_major);
}

// Markdown writing space: the value's brackets with room for each entry, in a code block (kept as typed)
std::string md_writing_space(const Eigen::MatrixXd& m, bool flat) {
  const std::string slot(12, ' ');
  if (m.size() == 1 && flat) return slot;
  const Eigen::Index rows = flat ? 1 : m.rows(), cols = flat ? m.size() : m.cols();
  std::string s = flat ? "" : "[";
  for (Eigen::Index i = 0; i < rows; ++i) {
    s += i ? ",\n [" : "[";
    for (Eigen::Index j = 0; j < cols; ++j) s += (j ? "," : "") + slot;
    s += "]";
  }
  return s + (flat ? "" : "]");
}

std::string markdown(const State& state, const AnswerSheet& sheet, const KeyOptions& o) {
  const HandoutText t = handout_text(o.blank);
  std::ostringstream out;
  const std::string name = exercise_name(o, t);
  out << "# " << t.title << (name.empty() ? "" : ", " + markdown_escape(name)) << ": " << t.kind << "\n\n";
  if (o.blank) {
    const std::string line = markdown_escape(std::string(24, '_'));
    out << "**" << t.name_field << ":** " << line << " **" << t.id_field << ":** "
        << (o.student.empty() ? line : markdown_escape(o.student)) << "\n\n";
  }
  out << t.network << " ";
  bool first = true;
  for (const SheetCell& c : sheet.cells)
    if (c.kind == CellKind::Forward)
      out << (first ? "" : ", ") << markdown_escape(c.node) << " = " << markdown_escape(c.formula), first = false;
  out << ".\n\n" << (o.layout == WeightLayout::ColumnMajor ? t.layout_md_column : t.layout_md_row) << " " << t.cells_md
      << "\n\n";
  std::vector<bool> flat;
  const auto leaves = given(sheet, flat);
  out << "## " << t.given << "\n\n| | " << t.col_value << " |\n|---|---|\n";
  for (size_t i = 0; i < leaves.size(); ++i)
    out << "| " << (leaves[i].first == "label" ? markdown_escape(t.label) : markdown_escape(leaves[i].first)) << " | `"
        << md_value(leaves[i].second, flat[i], 0) << "` |\n";
  for (const Section& s : sections(sheet, t, o.layout)) {
    out << "\n## " << s.title << "\n\n";
    if (o.blank) {  // one paragraph and one block of writing space per cell
      for (const Line& l : s.lines) {
        const SheetCell& c = *l.cell;
        out << (l.key.empty() ? "" : "**`" + l.key + "`** — ") << markdown_escape(c.notation);
        if (!o.hide_hints) out << " = " << markdown_escape(line_formula(l, t, o.layout));
        out << " (" << shape_of(l.value, l.flat) << ")\n\n```text\n" << md_writing_space(l.value, l.flat) << "\n```\n\n";
      }
      continue;
    }
    out << "| " << t.col_cell << " | " << t.col_quantity << " | " << t.col_computed << " | " << t.col_shape << " | "
        << t.col_value << " |\n|---|---|---|---|---|\n";
    for (const Line& l : s.lines)
      out << "| " << (l.key.empty() ? "" : "`" + l.key + "`") << " | " << markdown_escape(l.cell->notation) << " | "
          << (o.hide_hints ? "" : markdown_escape(line_formula(l, t, o.layout))) << " | " << shape_of(l.value, l.flat) << " | `"
          << md_value(l.value, l.flat, o.significant) << "` |\n";
  }
  if (!sheet.jacobians_skipped.empty())
    out << "\n" << lang::fill(t.skipped_md, {{"why", markdown_escape(sheet.jacobians_skipped)}}) << "\n";
  if (o.blank)
    out << "\n## " << t.checking_heading << "\n\n" << t.checking_md << "\n\n```json\n"
        << blank_sheet_json(state, sheet, 1, o.student, o.layout) << "\n```\n";
  return out.str();
}

// a box per entry, sized so that a row of the matrix fits the line
std::string tex_writing_space(const Eigen::MatrixXd& m, bool flat) {
  const Eigen::Index rows = flat ? 1 : m.rows(), cols = flat ? m.size() : m.cols();
  // the line less room for the notation, shared by the boxes and what each adds around itself
  const std::string width = cols <= 4 ? "5.5em"
                                      : "\\dimexpr(\\linewidth-12em)/" + std::to_string(cols) +
                                            "-2\\arraycolsep-2\\fboxsep-2\\fboxrule\\relax";
  const std::string box = "\\answerbox{" + width + "}";
  if (m.size() == 1 && flat) return box;
  std::string s = "\\begin{pmatrix} ";
  for (Eigen::Index i = 0; i < rows; ++i) {
    s += i ? " \\\\[0.6ex] " : "";
    for (Eigen::Index j = 0; j < cols; ++j) s += (j ? " & " : "") + box;
  }
  return s + " \\end{pmatrix}";
}

std::string latex(const AnswerSheet& sheet, const KeyOptions& o) {
  const HandoutText t = handout_text(o.blank);
  Eigen::Index max_cols = 10;  // pmatrix's default limit
  for (const SheetCell& c : sheet.cells) max_cols = std::max({max_cols, c.truth.cols(), c.truth.size()});
  std::ostringstream out;
  const std::string name = exercise_name(o, t);
  out << "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n"
      << t.tex_packages << "\\setcounter{MaxMatrixCols}{" << max_cols << "}\n"
         "% a blank answer: a framed box as tall as a line of handwriting\n"
         "\\newcommand{\\answerbox}[1]{\\fbox{\\rule{0pt}{1.5em}\\hspace{#1}}}\n"
         "\\begin{document}\n\\section*{" << latex_escape(t.title) << (name.empty() ? "" : ", " + latex_escape(name)) << ": "
      << latex_escape(t.kind) << "}\n\n";
  if (o.blank)
    out << "\\noindent " << latex_escape(t.name_field) << ": \\rule{7cm}{0.4pt} \\hfill " << latex_escape(t.id_field) << ": "
        << (o.student.empty() ? std::string("\\rule{4cm}{0.4pt}") : latex_escape(o.student)) << "\n\\bigskip\n\n";
  out << t.network << " $";
  bool first = true;
  for (const SheetCell& c : sheet.cells)
    if (c.kind == CellKind::Forward)
      out << (first ? "" : ",\\ ") << tex_name(c.node) << " = " << tex_formula(c, sheet, t.row_major_tex), first = false;
  out << "$.\n\n" << (o.layout == WeightLayout::ColumnMajor ? t.layout_tex_column : t.layout_tex_row) << " "
      << t.cells_tex << "\n\n";
  std::vector<bool> flat;
  const auto leaves = given(sheet, flat);
  out << "\\subsection*{" << latex_escape(t.given) << "}\n\\begin{align*}\n";
  for (size_t i = 0; i < leaves.size(); ++i)
    out << tex_name(leaves[i].first) << " &= " << tex_value(leaves[i].second, flat[i], 0)
        << (i + 1 < leaves.size() ? " \\\\\n" : "\n");
  out << "\\end{align*}\n";
  for (const Section& s : sections(sheet, t, o.layout)) {
    out << "\n\\subsection*{" << latex_escape(s.title) << "}\n";
    for (const Line& l : s.lines) {
      const SheetCell& c = *l.cell;
      const std::string formula =
          tex_formula(c, sheet, o.layout == WeightLayout::ColumnMajor ? t.column_major_tex : t.row_major_tex);
      out << "\\noindent " << (l.key.empty() ? latex_escape(t.flat_row_tex) : tex_key(l.key)) << "\n\\[ " << tex_notation(c)
          << (o.hide_hints ? "" : " = " + formula) << " = "
          << (o.blank ? tex_writing_space(l.value, l.flat) : tex_value(l.value, l.flat, o.significant)) << " \\]\n";
    }
  }
  if (!sheet.jacobians_skipped.empty()) out << "\n" << t.skipped_tex << "\n";
  out << "\\end{document}\n";
  return out.str();
}

}  // namespace

std::string handout_file_name(const KeyOptions& o) {
  std::string name = o.blank ? "backprop-sheet" : "backprop-key";
  std::string id = !o.student.empty() ? "student-" + o.student : o.seed ? "seed-" + std::to_string(*o.seed) : "";
  for (char& c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
  if (!id.empty()) name += "-" + id;
  return name + (o.format == KeyFormat::Latex ? ".tex" : ".md");
}

std::string answer_key(const State& state, const KeyOptions& options) {
  return answer_key(state, answer_sheet(state, evaluate(state)), options);
}

std::string answer_key(const State& state, const AnswerSheet& sheet, const KeyOptions& options) {
  return options.format == KeyFormat::Latex ? latex(sheet, options) : markdown(state, sheet, options);
}

}  // namespace bp
