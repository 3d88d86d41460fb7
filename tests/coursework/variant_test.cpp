// Variants: deterministic per seed (byte-identical JSON on every platform, checked against a
// committed fixture written by the native build), and their promises hold for 1,000 seeds.
#include <fstream>

#include "coursework/variant.h"
#include "test_util.h"
#include "variant_options.h"

namespace {

bool is_small_integer(double x, int max) { return x == std::floor(x) && std::abs(x) >= 1 && std::abs(x) <= max; }

}  // namespace

TEST_CASE("variant: the same seed gives the same exercise, as in the committed fixture (native and wasm)") {
  const nlohmann::json cases = test::load_fixture("variants.json");
  REQUIRE(cases.size() >= 20);
  for (const auto& c : cases) {
    if (c.contains("student")) continue;  // student_variant_test.cpp
    const uint64_t seed = c["seed"].get<uint64_t>();
    CAPTURE(seed);
    CAPTURE(c["options"].dump());
    const auto s = bp::make_variant(seed, test::options_from(c["options"]));
    REQUIRE(s.ok());
    CHECK(bp::state_to_json(s.value()) == c["json"].get<std::string>());
  }
  CHECK(bp::state_to_json(bp::make_variant(42).value()) == bp::state_to_json(bp::make_variant(42).value()));
  CHECK(bp::state_to_json(bp::make_variant(42).value()) != bp::state_to_json(bp::make_variant(43).value()));
}

TEST_CASE("variant: small integers, no kink, the dead unit when asked, an unsaturated softmax, for 1,000 seeds") {
  const std::vector<bp::VariantOptions> configs = {
      {false, 2, 2, false}, {true, 2, 2, false}, {true, 3, 3, false}, {false, 1, 3, false}, {false, 2, 2, true}};
  for (const bp::VariantOptions& o : configs) {
    for (uint64_t seed = 0; seed < 1000; ++seed) {
      CAPTURE(seed);
      CAPTURE(o.dead_relu);
      CAPTURE(o.layers);
      CAPTURE(o.saturated);
      const auto made = bp::make_variant(seed, o);
      REQUIRE(made.ok());
      const bp::State& s = made.value();
      REQUIRE_FALSE(bp::validate(s).has_value());
      CHECK(s.layers() == o.layers);
      CHECK(s.input.size() == o.width);
      for (Eigen::Index i = 0; i < s.input.size(); ++i) CHECK(is_small_integer(s.input(i), bp::kVariantInputMax));
      for (const Eigen::MatrixXd& W : s.weights) {
        for (Eigen::Index i = 0; i < W.size(); ++i) CHECK(is_small_integer(W(i), bp::kVariantWeightMax));
        if (W.rows() == W.cols() && W.rows() > 1) CHECK_FALSE(W.isApprox(W.transpose()));
      }
      CHECK(s.label.sum() == 1);
      CHECK(s.label.cwiseAbs().maxCoeff() == 1);

      const bp::Report r = bp::evaluate(s);
      int dead = 0;
      for (int k = 0; k + 1 < o.layers; ++k) {
        const Eigen::MatrixXd& h = r.find_forward(bp::hidden_pre_name(k, o.layers))->value;
        for (Eigen::Index i = 0; i < h.size(); ++i) {
          CHECK(is_small_integer(h(i), bp::kVariantHiddenMax));  // never 0: no ReLU kink
          dead += h(i) < 0;
        }
      }
      CHECK(dead == (o.dead_relu ? 1 : 0));
      const Eigen::MatrixXd& O = r.find_forward("O")->value;
      const double gap = std::abs(O(0) - O(1));
      if (o.saturated) {
        CHECK(gap >= bp::kVariantSaturatedGap);
        CHECK(r.find_forward("s")->value.maxCoeff() == 1);  // rounds to 1, as in the exercise
        CHECK(gap <= 50);
      } else {
        CHECK(gap >= 1);
        CHECK(gap <= 3);
        CHECK(r.find_forward("s")->value.minCoeff() > 0.04);  // σ(−3) = 0.047: far from saturation
      }
      CHECK(r.manual_vs_autodiff.ok);
    }
  }
}

TEST_CASE("variant: options out of range or impossible are errors naming the option") {
  auto error_of = [](bp::VariantOptions o) {
    const auto s = bp::make_variant(1, o);
    return s.ok() ? std::string() : s.error().line();
  };
  CHECK(error_of({false, 0, 2, false}).rfind("error: layers: must be 1…8", 0) == 0);
  CHECK(error_of({false, 9, 2, false}).rfind("error: layers:", 0) == 0);
  CHECK(error_of({false, 2, 0, false}).rfind("error: width: must be 1…16", 0) == 0);
  CHECK(error_of({false, 2, 17, false}).rfind("error: width:", 0) == 0);
  CHECK(error_of({true, 1, 2, false}).rfind("error: dead_relu: needs a hidden layer", 0) == 0);
  CHECK(error_of({true, 2, 1, false}).rfind("error: dead_relu: needs a hidden width of 2", 0) == 0);
  CHECK(error_of({false, 1, 1, true}).rfind("error: saturated: needs a hidden layer", 0) == 0);
  for (int layers = 1; layers <= bp::kMaxLayers; ++layers)
    for (int width : {1, 2, 5, 16}) {
      CAPTURE(layers);
      CAPTURE(width);
      CHECK(bp::make_variant(3, {layers > 1 && width > 1, layers, width, false}).ok());
      CHECK(bp::make_variant(3, {false, layers, width, true}).ok() == (layers > 1 || width > 1));
    }
}
