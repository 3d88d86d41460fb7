// evaluate() on small states built straight from the bytes (no JSON in the way): widths 1–4,
// 1–3 layers, every option, values from the bytes including 0, ±1e±300, denormals and integers.
// Checked: no sanitizer report; every non-finite number of the report is named in `warnings`;
// the report's JSON reads back.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "contract.h"
#include "engine/evaluate.h"
#include "engine/report_json.h"

namespace {

struct Bytes {
  const uint8_t* p;
  size_t n;
  uint8_t byte() { return n ? (--n, *p++) : 0; }
  double number() {
    switch (byte() % 8) {
      case 0: return static_cast<int8_t>(byte()) / 4.0;  // small integers and quarters, as the presets
      case 1: return std::ldexp(static_cast<int8_t>(byte()) | 1, static_cast<int8_t>(byte()) * 4);  // huge/tiny
      case 2: return 0.0;
      case 3: return std::numeric_limits<double>::denorm_min() * (byte() + 1);
      default: {
        double v = 0;
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits = bits << 8 | byte();
        std::memcpy(&v, &bits, sizeof v);
        return std::isfinite(v) ? v : 1.0;
      }
    }
  }
};

bool names_non_finite(const bp::Report& r, const std::string& name) {
  for (const std::string& w : r.warnings)
    if (w.rfind(name + " ", 0) == 0 || w.find(" " + name + " ") != std::string::npos) return true;
  return false;
}

void require_reported(const bp::Report& r, const std::vector<bp::NamedMatrix>& list, const char* method) {
  for (const bp::NamedMatrix& m : list)
    if (!m.value.allFinite() && !(std::string(method) == "numeric"))
      fuzz::require(names_non_finite(r, m.name) || names_non_finite(r, "∇" + m.name), "a non-finite matrix is named in warnings",
                    std::string(method) + " " + m.name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Bytes b{data, size};
  bp::State s;
  const int layers = 1 + b.byte() % 3;
  int width = 1 + b.byte() % 4;
  s.input = Eigen::VectorXd::NullaryExpr(width, [&] { return b.number(); });
  for (int k = 0; k < layers; ++k) {
    const int rows = 1 + b.byte() % 4;
    s.weights.push_back(Eigen::MatrixXd::NullaryExpr(rows, width, [&] { return b.number(); }));
    if (b.byte() % 2) s.biases.emplace_back(Eigen::VectorXd::NullaryExpr(rows, [&] { return b.number(); }));
    else s.biases.emplace_back();
    width = rows;
  }
  s.activation = static_cast<bp::Activation>(b.byte() % 5);
  s.head = static_cast<bp::Head>(b.byte() % 2);
  s.loss_form = static_cast<bp::LossForm>(b.byte() % 2);
  s.softmax_backward = static_cast<bp::SoftmaxBackward>(b.byte() % 2);
  s.precision = static_cast<bp::Precision>(b.byte() % 2);
  s.label = Eigen::VectorXd::Zero(width);
  if (s.head == bp::Head::SoftmaxCE) s.label(b.byte() % width) = 1;
  else s.label = Eigen::VectorXd::NullaryExpr(width, [&] { return b.number(); });
  if (const auto e = bp::validate(s)) {
    fuzz::check_error_line(e->line(), false);
    return 0;
  }
  const bp::Report r = bp::evaluate(s);
  for (const bp::NamedMatrix& m : r.forward)
    if (!m.value.allFinite()) fuzz::require(names_non_finite(r, m.name), "a non-finite forward value is named", m.name);
  require_reported(r, r.autodiff, "autodiff");
  require_reported(r, r.manual, "manual");
  if (!r.manual_vs_autodiff.ok) fuzz::require(r.manual_vs_autodiff.note.find("Disagreement") != std::string::npos,
                                              "a failed check explains itself", r.manual_vs_autodiff.note);
  if (!r.numeric_vs_autodiff.ok) fuzz::require(r.numeric_vs_autodiff.note.find("Disagreement") != std::string::npos,
                                               "a failed check explains itself", r.numeric_vs_autodiff.note);
  const std::string json = bp::report_to_json(r);
  fuzz::require(fuzz::valid_utf8(json) && nlohmann::json::accept(json), "the report is valid JSON", json);
  return 0;
}
