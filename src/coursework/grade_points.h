// How many points each cell of an answer sheet is worth, and what consistency credit earns.
// The points file (JSON, every key optional):
//   {"forward": 1, "jacobian": 1, "chain": 1, "gradient": 2, "consistent": 0.5,
//    "cells": {"grad:W1": 4, "J:s/O": 2}}
// forward/jacobian/chain/gradient: the points of a cell of that kind (forward values, local
// Jacobians J:…, chain products grad:<node>, final gradients grad:<param>); cells: per-key
// overrides; consistent: the fraction of a cell's points that a cell credited as consistent with
// the student's own earlier (wrong) values earns (0…1).
#pragma once
#include <map>
#include <string>
#include <string_view>

#include "coursework/answer_sheet.h"
#include "engine/expected.h"

namespace bp {

struct GradePoints {
  double forward = 1, jacobian = 1, chain = 1, gradient = 2;
  double consistent = 0.5;
  std::map<std::string, double> cells;

  /// The points of a cell.
  double of(const SheetCell& cell) const;
};

/// Reads a points file. Errors name the key ("points.cells.grad:W1", "points.consistent", …).
Expected<GradePoints> parse_points(std::string_view json_text);

}  // namespace bp
