// The "Answer sheet" tab's state, without ImGui: the text the student typed or pasted into each
// cell (kept exactly as typed, readable or not), each cell's parse error, and the verdicts of
// bp::check_answers — the same engine functions `backprop-cli check` uses. Re-checked whenever a
// cell's text, the tolerance or the network changes (nothing is re-checked on an idle frame).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "coursework/answer_check.h"
#include "coursework/answer_sheet.h"
#include "engine/evaluate.h"
#include "engine/state.h"
#include "i18n/catalogue.h"

namespace app::logic {

class Answers {
 public:
  static constexpr double kDefaultTolerance = 1e-4;

  /// Follows the network: with a new `revision` (Model::revision) the sheet is rebuilt from
  /// `report` and the answers are checked again. While the network is invalid `report` is
  /// nullptr and `error` says why (the texts are kept).
  void sync(const bp::State& state, const bp::Report* report, const bp::Error* error, long revision);

  /// The current network's sheet; nullptr while the network is invalid (the texts are kept).
  const bp::AnswerSheet* sheet() const { return sheet_ ? &*sheet_ : nullptr; }

  /// What was typed into a cell ("" for an untouched one).
  const std::string& text(const std::string& key) const;
  /// Replaces a cell's text (kept whatever it is) and checks again. Returns "" or the CLI's error
  /// line: "error: answers.<key>: <what and where>" for text that cannot be read (the text is
  /// still kept) or for a key the sheet does not have (then nothing is stored).
  std::string set_text(const std::string& key, std::string text);
  /// Empties every cell.
  void clear();
  /// Every cell's text, by key (undo, the share link and the browser's storage keep them).
  const std::map<std::string, std::string>& texts() const { return texts_; }
  /// Replaces every cell's text at once (undo/redo, opening a link or a file) and checks again.
  void replace_texts(std::map<std::string, std::string> texts);
  /// Bumps on every set_text and clear: a view that edits a cell in place can tell a change made
  /// elsewhere (the JS API, "Clear all") from its own.
  long edits() const { return edits_; }

  /// Why a cell's text cannot be read (the parser's message, with its column), or nullptr.
  const std::string* parse_error(const std::string& key) const;
  /// The verdict of a filled, readable cell, or nullptr.
  const bp::Verdict* verdict(const std::string& key) const;
  /// The first cell that is not ok, in the order of the work.
  std::optional<std::string> first_wrong() const;
  /// Why nothing could be checked (e.g. a Jacobian cell on a network too wide for Jacobians).
  const std::optional<bp::Error>& check_error() const { return check_error_; }

  /// The graph edge (of, wrt) of the first wrong factor: a local Jacobian's own edge; for a wrong
  /// value whose diagnosis names an op (a missing ReLU mask, the softmax diagonal, the label
  /// ignored) the edge of that op; for a chain product or final gradient the edge into its node.
  /// nullopt when everything filled is right, or the first wrong cell is a forward value.
  std::optional<std::pair<std::string, std::string>> highlighted_edge() const;

  double tolerance() const { return tolerance_; }
  /// 0 < tolerance < 1; returns "" or "error: tolerance: …" (unchanged then).
  std::string set_tolerance(double tolerance);

  /// Cells with text / judged right / judged wrong / unreadable.
  struct Counts {
    int filled = 0, ok = 0, wrong = 0, unreadable = 0;
  };
  Counts counts() const;

  /// The `backprop-cli check` input: {"state": <state>, "answers": {<every listed cell>: text}}, with
  /// "student" first when one is given.
  std::string sheet_json(const bp::State& state, int indent = -1, const std::string& student = "") const;
  /// The `backprop-cli check` output for the readable cells, or {"error": "<line>"} when the
  /// network is invalid or the answers cannot be checked.
  std::string verdicts_json() const;

 private:
  void check();

  std::map<std::string, std::string> texts_;   ///< by key; never dropped, even when unreadable
  std::map<std::string, std::string> errors_;  ///< parse errors by key
  std::optional<bp::AnswerSheet> sheet_;
  std::optional<bp::CheckResult> result_;
  std::optional<bp::Error> check_error_;
  std::optional<bp::Error> network_error_;
  long revision_ = -1;
  bp::lang::Lang language_ = bp::lang::Lang::En;
  long edits_ = 0;
  double tolerance_ = kDefaultTolerance;
};

}  // namespace app::logic
