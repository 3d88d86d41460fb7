// The English handouts. The key and the sheet share most words; each is its own table.
#include "coursework/handout_text.h"

namespace bp {
namespace {

HandoutText english(const char* kind) {
  HandoutText t;
  t.title = "Backprop exercise";
  t.kind = kind;
  t.of_student = "student ";
  t.of_seed = "seed ";
  t.name_field = "Name";
  t.id_field = "Student ID";
  t.network = "The network: ";
  t.layout_md_row =
      "Layout: ∇\\_x y has one row per entry of y and one column per entry of x; a weight matrix W is flattened row "
      "by row (W[i][j] is column i·cols + j). Vectors are written flat, a 1×n row as [[…]].";
  t.layout_md_column =
      "Layout: ∇\\_x y has one row per entry of y and one column per entry of x; a weight matrix W is flattened "
      "column by column (W[i][j] is column j·rows + i). Vectors are written flat, a 1×n row as [[…]].";
  t.layout_tex_row =
      "Layout: $\\nabla_x y$ has one row per entry of $y$ and one column per entry of $x$; a weight matrix $W$ is "
      "flattened row by row ($W[i][j]$ is column $i \\cdot \\mathrm{cols} + j$).";
  t.layout_tex_column =
      "Layout: $\\nabla_x y$ has one row per entry of $y$ and one column per entry of $x$; a weight matrix $W$ is "
      "flattened column by column ($W[i][j]$ is column $j \\cdot \\mathrm{rows} + i$).";
  t.cells_md = "The `cell` names are the keys of the answer sheet that `backprop-cli check` reads.";
  t.cells_tex = "Each line names its cell of the answer sheet read by \\texttt{backprop-cli check}.";
  t.given = "Given";
  t.label = "y (label)";
  t.sections = {"1. Forward pass", "2. Local Jacobians", "3. The chain, from l backwards", "4. Final gradients"};
  t.col_cell = "cell";
  t.col_quantity = "quantity";
  t.col_computed = "computed as";
  t.col_shape = "shape";
  t.col_value = "value";
  t.a_row = " (a row)";
  t.flat_row_major = " (flat, row by row)";
  t.flat_column_major = " (flat, column by column)";
  t.flat_row_tex = "(flat row)";
  t.entries = "entries";
  t.skipped_md = "Local Jacobians and chain products are not listed: the manual Jacobian chain ";
  t.skipped_tex = "Local Jacobians and chain products are not listed (the network is too wide).";
  t.checking_heading = "Checking your answers";
  t.checking_md =
      "Fill in the `answers` (paste a printout or type nested lists; leave a cell \"\" to skip it), save as "
      "`answers.json` and run `backprop-cli check answers.json`.";
  return t;
}

}  // namespace

const HandoutText& key_text() {
  static const HandoutText t = english("worked solution");
  return t;
}

const HandoutText& sheet_text() {
  static const HandoutText t = english("answer sheet");
  return t;
}

}  // namespace bp
