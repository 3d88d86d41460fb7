// Numbers for people: tiny values stay visible, nothing is rounded to a misleading 0.
#include "engine/number_format.h"
#include "test_util.h"

TEST_CASE("format_number keeps any magnitude readable") {
  CHECK(bp::format_number(7.7811322411337966e-20) == "7.781e-20");
  CHECK(bp::format_number(-1.0115471913473936e-18, 3) == "-1.01e-18");
  CHECK(bp::format_number(0.0) == "0");
  CHECK(bp::format_number(-0.0) == "0");
  CHECK(bp::format_number(13) == "13");
  CHECK(bp::format_number(0.25) == "0.25");
  CHECK(bp::format_number(123456.0) == "1.235e5");
  CHECK(bp::format_number(std::nan("")) == "NaN");
  CHECK(bp::format_number(-HUGE_VAL) == "-inf");
}

TEST_CASE("format_round_trip reads back as the same double") {
  for (double x : {7.7811322411337966e-20, 0.1, 1.0 / 3, -2.178717027517463e-18, 1e300, 5e-324}) {
    CAPTURE(x);
    CHECK(std::strtod(bp::format_round_trip(x).c_str(), nullptr) == x);
  }
  CHECK(bp::format_round_trip(0.1) == "0.1");
}

TEST_CASE("format_round_trip_f32 gives a float's shortest digits") {
  for (float x : {0.1f, 1.0f / 3, 7.7811322e-20f, 3.4028235e38f, 1e-45f, -2.5f}) {
    CAPTURE(x);
    CHECK(std::strtof(bp::format_round_trip_f32(x).c_str(), nullptr) == x);
  }
  CHECK(bp::format_round_trip_f32(0.1f) == "0.1");  // not 0.10000000149011612, the double's digits
}
