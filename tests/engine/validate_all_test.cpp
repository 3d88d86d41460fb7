// validate_all: every error of a state, one per field, the first exactly validate()'s.
#include <cmath>
#include <limits>

#include <doctest/doctest.h>

#include "engine/validate_all.h"

TEST_CASE("validate_all lists the error of every field, in validate()'s order") {
  bp::State s = bp::exercise_state();
  CHECK(bp::validate_all(s).empty());

  s.input(1) = std::numeric_limits<double>::quiet_NaN();
  s.weights[1](0, 0) = std::numeric_limits<double>::infinity();
  s.label = Eigen::Vector2d(0.5, 0.7);
  const auto errors = bp::validate_all(s);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].line() == bp::validate(s)->line());
  CHECK(errors[0].field.rfind("input", 0) == 0);
  CHECK(errors[1].field.rfind("W1", 0) == 0);
  CHECK(errors[2].field == "label");
  CHECK(errors[2].reason.find("sums to 1.2") != std::string::npos);
}

TEST_CASE("validate_all stops at a shape error, which later checks would only repeat") {
  bp::State s = bp::exercise_state();
  s.weights[1] = Eigen::MatrixXd::Ones(2, 3);  // W1 reads 3 entries, L has 2
  s.label = Eigen::Vector2d(-1, 2);
  const auto errors = bp::validate_all(s);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line() == bp::validate(s)->line());
  CHECK(errors[0].field == "W1");
}
