// Every word the handouts print (the answer key and the blank answer sheet, Markdown and LaTeX),
// in one struct per document, taken from the coursework catalogue (i18n/<lang>.txt) in the
// process's language. Markdown strings are written already escaped for CommonMark (∇\_x, not ∇_x,
// which would open an emphasis).
#pragma once
#include <array>
#include <string>

namespace bp {

/// The strings of one document kind in the current language. Built per call, never cached: the
/// language can change while the program runs.
struct HandoutText {
  std::string title;       ///< "Backprop exercise"
  std::string kind;        ///< "worked solution" / "answer sheet"
  std::string of_student;  ///< "student {id}"
  std::string of_seed;     ///< "seed {seed}"
  std::string name_field, id_field;
  std::string network;     ///< "The network:"
  std::string layout_md_row, layout_md_column, layout_tex_row, layout_tex_column;
  std::string cells_md, cells_tex;  ///< what the cell keys are for
  std::string given, label;
  std::array<std::string, 4> sections;
  std::string col_cell, col_quantity, col_computed, col_shape, col_value;
  std::string a_row, flat_row_major, flat_column_major, flat_row_tex;
  std::string row_major_tex, column_major_tex;  ///< the MatVec Jacobian's layout note
  std::string skipped_md, skipped_tex;          ///< skipped_md: "… {why}."
  std::string checking_heading, checking_md;    ///< the blank sheet's closing section
  std::string tex_packages;                     ///< the language's LaTeX packages (kotex for Korean)
};

/// The answer key's (blank = false) or the blank answer sheet's strings.
HandoutText handout_text(bool blank);

}  // namespace bp
