// The handouts' words from the catalogue. The key and the sheet share all but their kind.
#include "coursework/handout_text.h"

#include "coursework/words.h"

namespace bp {

HandoutText handout_text(bool blank) {
  HandoutText t;
  t.title = say(Msg::handout_title);
  t.kind = say(blank ? Msg::handout_kind_sheet : Msg::handout_kind_key);
  t.of_student = say(Msg::handout_of_student);
  t.of_seed = say(Msg::handout_of_seed);
  t.name_field = say(Msg::handout_name_field);
  t.id_field = say(Msg::handout_id_field);
  t.network = say(Msg::handout_network);
  t.layout_md_row = say(Msg::handout_md_layout_row);
  t.layout_md_column = say(Msg::handout_md_layout_column);
  t.layout_tex_row = say(Msg::handout_tex_layout_row);
  t.layout_tex_column = say(Msg::handout_tex_layout_column);
  t.cells_md = say(Msg::handout_md_cells);
  t.cells_tex = say(Msg::handout_tex_cells);
  t.given = say(Msg::handout_given);
  t.label = say(Msg::handout_label);
  t.sections = {say(Msg::handout_section_forward), say(Msg::handout_section_local), say(Msg::handout_section_chain),
                say(Msg::handout_section_final)};
  t.col_cell = say(Msg::handout_col_cell);
  t.col_quantity = say(Msg::handout_col_quantity);
  t.col_computed = say(Msg::handout_col_computed);
  t.col_shape = say(Msg::handout_col_shape);
  t.col_value = say(Msg::handout_col_value);
  t.a_row = say(Msg::handout_a_row);
  t.flat_row_major = say(Msg::handout_flat_row_major);
  t.flat_column_major = say(Msg::handout_flat_column_major);
  t.flat_row_tex = say(Msg::handout_tex_flat_row);
  t.row_major_tex = say(Msg::handout_tex_row_major);
  t.column_major_tex = say(Msg::handout_tex_column_major);
  t.skipped_md = say(Msg::handout_md_skipped);
  t.skipped_tex = say(Msg::handout_tex_skipped);
  t.checking_heading = say(Msg::handout_checking_heading);
  t.checking_md = say(Msg::handout_md_checking);
  // pdflatex sets Hangul only through kotex (Debian's texlive-lang-korean)
  if (lang::language() == lang::Lang::Ko && words_installed(lang::Lang::Ko)) t.tex_packages = "\\usepackage{kotex}\n";
  return t;
}

}  // namespace bp
