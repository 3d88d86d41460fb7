// The worked solution of a network, for TAs: every forward value, every local Jacobian, each chain
// product and the final gradients, in the exercise's notation (∇_s l, ∇_O s, ∇_{W1} O, …) and in
// the order of the work; each line names its answer-sheet key, so a student's sheet and the key
// line up. The blank variant has the same structure with empty cells (the given network stays).
#pragma once
#include <string>

#include "coursework/answer_sheet.h"
#include "engine/state.h"

namespace bp {

enum class KeyFormat {
  Markdown,  ///< headings and tables; values as nested lists `[[1, 2], [3, 4]]` (pasteable into check)
  Latex,     ///< a complete LaTeX document (amsmath, amssymb) with pmatrix values
};

struct KeyOptions {
  KeyFormat format = KeyFormat::Markdown;
  bool blank = false;    ///< cells to fill in (□) instead of numbers; markdown adds the sheet JSON for check
  int significant = 6;   ///< significant digits of the numbers
};

/// The key of a valid state (evaluates it).
std::string answer_key(const State& state, const KeyOptions& options = {});

/// The key from a sheet already built for this state.
std::string answer_key(const State& state, const AnswerSheet& sheet, const KeyOptions& options = {});

}  // namespace bp
