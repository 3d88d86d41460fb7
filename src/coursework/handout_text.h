// Every word the handouts print (the answer key and the blank answer sheet, Markdown and LaTeX),
// in one place per document, so that a translation is one more table. Markdown strings are
// written already escaped for CommonMark (∇\_x, not ∇_x, which would open an emphasis).
#pragma once
#include <array>
#include <string>

namespace bp {

/// The strings of one document kind in one language.
struct HandoutText {
  std::string title;       ///< "Backprop exercise"
  std::string kind;        ///< "worked solution" / "answer sheet"
  std::string of_student;  ///< "student " (before an ID)
  std::string of_seed;     ///< "seed " (before a seed)
  std::string name_field, id_field;
  std::string network;     ///< "The network: "
  std::string layout_md_row, layout_md_column, layout_tex_row, layout_tex_column;
  std::string cells_md, cells_tex;  ///< what the cell keys are for
  std::string given, label;
  std::array<std::string, 4> sections;
  std::string col_cell, col_quantity, col_computed, col_shape, col_value;
  std::string a_row, flat_row_major, flat_column_major, flat_row_tex;
  std::string entries;     ///< "entries" (after a count)
  std::string skipped_md, skipped_tex;
  std::string checking_heading, checking_md;  ///< the blank sheet's closing section
};

/// The answer key's strings (English).
const HandoutText& key_text();

/// The blank answer sheet's strings (English).
const HandoutText& sheet_text();

}  // namespace bp
