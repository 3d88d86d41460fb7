// The worked solution of a network, for TAs: every forward value, every local Jacobian, each chain
// product and the final gradients, in the exercise's notation (∇_s l, ∇_O s, ∇_{W1} O, …) and in
// the order of the work; each line names its answer-sheet key, so a student's sheet and the key
// line up. The blank variant has the same structure with empty cells (the given network stays).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "coursework/answer_sheet.h"
#include "coursework/weight_layout.h"
#include "engine/state.h"

namespace bp {

enum class KeyFormat {
  Markdown,  ///< headings and tables; values as nested lists `[[1, 2], [3, 4]]` (pasteable into check)
  Latex,     ///< a complete LaTeX document (amsmath, amssymb) with pmatrix values
};

struct KeyOptions {
  KeyFormat format = KeyFormat::Markdown;
  /// the sheet to hand out: name and ID fields, writing space instead of numbers (boxes sized to
  /// each matrix in LaTeX, a bracketed grid in Markdown); Markdown adds the sheet JSON for check
  bool blank = false;
  int significant = 6;   ///< significant digits of the numbers
  std::string student;   ///< names the exercise (heading, file name, the sheet's ID field); "" none
  std::optional<uint64_t> seed;  ///< names a --seed variant when there is no student
  bool hide_hints = false;       ///< leave the "computed as" column empty
  WeightLayout layout = WeightLayout::RowMajor;  ///< how weight Jacobians and flat rows are laid out
};

/// The handout's file name: backprop-key.md, backprop-sheet-student-20240001.tex,
/// backprop-key-seed-17.md (characters other than letters, digits, '.', '-' become '_').
std::string handout_file_name(const KeyOptions& options);

/// The key of a valid state (evaluates it).
std::string answer_key(const State& state, const KeyOptions& options = {});

/// The key from a sheet already built for this state.
std::string answer_key(const State& state, const AnswerSheet& sheet, const KeyOptions& options = {});

}  // namespace bp
