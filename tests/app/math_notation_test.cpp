// The UI's notation: TeX-like formulas split into runs, and their plain Unicode form.
#include <doctest/doctest.h>

#include "app/logic/math_notation.h"

using app::logic::MathLevel;
using app::logic::parse_math;
using app::logic::plain_math;

TEST_CASE("subscripts and superscripts become runs; braces and markers never survive") {
  const auto runs = parse_math("∇_{W1} l");
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].text == "∇");
  CHECK(runs[1].text == "W1");
  CHECK(runs[1].level == MathLevel::Sub);
  CHECK(runs[2].text == " ℓ");
  CHECK(runs[2].level == MathLevel::Base);

  const auto t = parse_math("W_1^T");
  REQUIRE(t.size() == 3);
  CHECK(t[1].text == "1");
  CHECK(t[2].text == "T");
  CHECK(t[2].level == MathLevel::Super);
  for (const char* tex : {"∇_{W1} l", "∂s/∂O = diag(s) − s s^T", "∇_h l = ∇_L l ⊙ 1[h>0]", "W_{10}^{T}"}) {
    const std::string plain = plain_math(tex);
    CHECK_MESSAGE(plain.find('_') == std::string::npos, plain);
    CHECK_MESSAGE(plain.find('^') == std::string::npos, plain);
    CHECK_MESSAGE(plain.find('{') == std::string::npos, plain);
  }
}

TEST_CASE("the loss l is ℓ, never confusable with the input I; words keep their l") {
  CHECK(plain_math("∇_I l") == "∇I ℓ");
  CHECK(plain_math("l = 7.781e-20") == "ℓ = 7.781e-20");
  CHECK(plain_math("label, log, softmax(l)") == "label, log, softmax(ℓ)");
  // next to ∂ or ∇, and as a subscript
  CHECK(plain_math("∂l/∂O") == "∂ℓ/∂O");
  CHECK(plain_math("∇_l l = ∂l/∂l = 1") == "∇ℓ ℓ = ∂ℓ/∂ℓ = 1");
  CHECK(plain_math("∇_{label} l") == "∇label ℓ");
}

TEST_CASE("plain form uses Unicode scripts where every character has one") {
  CHECK(plain_math("W_1") == "W₁");
  CHECK(plain_math("W_{12}") == "W₁₂");
  CHECK(plain_math("s s^T") == "s sᵀ");
  CHECK(plain_math("∇_{W1} O") == "∇W1 O");  // no subscript capital W in Unicode: inline
  CHECK(plain_math("x_{i") == "x_{i");        // unbalanced: kept as typed
}
