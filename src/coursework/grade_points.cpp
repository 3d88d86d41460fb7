// The points file: a flat JSON object read strictly (unknown keys and bad numbers are errors).
#include "coursework/grade_points.h"

#include <cmath>

#include "engine/json_read.h"

namespace bp {

double GradePoints::of(const SheetCell& cell) const {
  if (const auto it = cells.find(cell.key); it != cells.end()) return it->second;
  switch (cell.kind) {
    case CellKind::Forward: return forward;
    case CellKind::Jacobian: return jacobian;
    case CellKind::NodeGradient: return chain;
    case CellKind::ParamGradient: return gradient;
  }
  return 0;
}

Expected<GradePoints> parse_points(std::string_view text) {
  detail::Json doc;
  if (detail::is_blank(text)) return Error{"points", "is empty; expected a JSON object such as {\"gradient\": 2}"};
  const detail::JsonLimits limits{3, 64, 64};  // one flat object of a few numbers
  if (const auto f = detail::read_json(text, limits, doc)) {
    if (f->kind == detail::JsonReadFailure::Kind::DuplicateKey) return Error{"points." + f->where, "appears twice"};
    return Error{"points", "invalid JSON: " + f->message};
  }
  if (!doc.is_object()) return Error{"points", std::string("expected a JSON object, got ") + detail::json_type_name(doc)};
  GradePoints p;
  auto number = [](const detail::Json& j, const std::string& field, double max) -> Expected<double> {
    if (!j.is_number() || !std::isfinite(j.get<double>()) || j.get<double>() < 0 || j.get<double>() > max)
      return Error{field, "expected a number from 0 to " + std::string(max == 1 ? "1" : "1000") + ", got " + j.dump()};
    return j.get<double>();
  };
  for (const auto& item : doc.items()) {
    const std::string field = "points." + item.key();
    double* target = item.key() == "forward"      ? &p.forward
                     : item.key() == "jacobian"   ? &p.jacobian
                     : item.key() == "chain"      ? &p.chain
                     : item.key() == "gradient"   ? &p.gradient
                     : item.key() == "consistent" ? &p.consistent
                                                  : nullptr;
    if (target) {
      auto v = number(item.value(), field, item.key() == "consistent" ? 1 : 1000);
      if (!v) return v.error();
      *target = v.value();
    } else if (item.key() == "cells") {
      if (!item.value().is_object())
        return Error{field, std::string("expected an object of cell points, got ") + detail::json_type_name(item.value())};
      for (const auto& cell : item.value().items()) {
        auto v = number(cell.value(), field + "." + cell.key(), 1000);
        if (!v) return v.error();
        p.cells[cell.key()] = v.value();
      }
    } else {
      return Error{field, "unknown key; expected forward, jacobian, chain, gradient, consistent or cells"};
    }
  }
  return p;
}

}  // namespace bp
