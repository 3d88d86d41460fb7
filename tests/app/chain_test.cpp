// A parameter's whole chain: every factor, the running product after each, for any depth, equal
// to the engine's gradient; labels in the exercise's notation.
#include <string>
#include <vector>

#include "app/logic/chain.h"
#include "app/logic/formula.h"
#include "app_test_util.h"
#include "engine/matrix.h"

using app::logic::Chain;
using app::logic::chain_of;
using app::logic::GraphSnapshot;

namespace {

std::vector<std::string> partials(const GraphSnapshot& g, const Chain& c) {
  std::vector<std::string> out;
  for (const auto& f : c.factors) out.push_back(app::logic::partial_symbol(g, f.edge));
  return out;
}

std::vector<std::string> rules(const GraphSnapshot& g, const Chain& c) {
  std::vector<std::string> out;
  for (const auto& f : c.factors) out.push_back(app::logic::jacobian_rule(g, f.edge));
  return out;
}

// every running product is the engine's gradient of the factor's input, flattened row-major
void check_products(const GraphSnapshot& g, const Chain& c) {
  for (const auto& f : c.factors) {
    const auto& wrt = g.nodes[g.edges[f.edge].from];
    CAPTURE(wrt.name);
    const Eigen::MatrixXd expected = bp::flatten_row_major<double>(wrt.grad);
    REQUIRE(f.product.rows() == 1);
    REQUIRE(f.product.cols() == expected.cols());
    const double scale = std::max(expected.cwiseAbs().maxCoeff(), 1e-300);
    CHECK((f.product - expected).cwiseAbs().maxCoeff() <= 1e-12 * scale);
  }
}

}  // namespace

TEST_CASE("the exercise's chain of W0: four factors, their rules, the products ∇O l, ∇L l, ∇h l, ∇W0 l") {
  const GraphSnapshot g = test::from_report(test::exercise());
  const Chain c = chain_of(g, g.find("W0"));
  CHECK(c.broken.empty());
  CHECK(partials(g, c) == std::vector<std::string>{"∂l/∂O", "∂O/∂L", "∂L/∂h", "∂h/∂W0"});
  CHECK(rules(g, c) == std::vector<std::string>{"∂l/∂O = (s − y)^T  (softmax and cross-entropy fused)",
                                                "∂O/∂L = W1", "∂L/∂h = diag(1[h>0])",
                                                "∂h/∂W0 = row i: I^T in W0's row i"});
  check_products(g, c);
  // the flat row: [16·s0, 4·s0, −16·s0, −4·s0]
  const double s0 = 7.7811322411337966e-20;
  const Eigen::MatrixXd& row = c.factors.back().product;
  REQUIRE(row.cols() == 4);
  CHECK(row(0, 0) == doctest::Approx(16 * s0).epsilon(1e-14));
  CHECK(row(0, 1) == doctest::Approx(4 * s0).epsilon(1e-14));
  CHECK(row(0, 2) == doctest::Approx(-16 * s0).epsilon(1e-14));
  CHECK(row(0, 3) == doctest::Approx(-4 * s0).epsilon(1e-14));
  CHECK(app::logic::chain_formula(g, g.find("W0"), c) == "∇_{W0} l = ∇_l l · ∂l/∂O · ∂O/∂L · ∂L/∂h · ∂h/∂W0");
}

TEST_CASE("chains of W1, the input and every node on the path; the naive loss goes through s") {
  const GraphSnapshot g = test::from_report(test::exercise());
  CHECK(partials(g, chain_of(g, g.find("W1"))) == std::vector<std::string>{"∂l/∂O", "∂O/∂W1"});
  CHECK(partials(g, chain_of(g, g.find("I"))) == std::vector<std::string>{"∂l/∂O", "∂O/∂L", "∂L/∂h", "∂h/∂I"});
  CHECK(chain_of(g, g.root).factors.empty());
  CHECK(chain_of(g, g.find("label")).factors.empty());  // a constant: no gradient
  for (const char* n : {"W1", "I", "h", "L", "O"}) check_products(g, chain_of(g, g.find(n)));
  const GraphSnapshot naive = test::from_report(test::exercise(bp::LossForm::Naive));
  const Chain c = chain_of(naive, naive.find("W0"));
  CHECK(partials(naive, c) == std::vector<std::string>{"∂l/∂s", "∂s/∂O", "∂O/∂L", "∂L/∂h", "∂h/∂W0"});
  CHECK(rules(naive, c)[1] == "∂s/∂O = diag(s) − s s^T");
}

TEST_CASE("three layers and 8 × 64: every factor down to W0, the products equal the engine's gradients") {
  for (const auto& shape : {std::pair{3, 2}, std::pair{3, 5}, std::pair{8, 64}}) {
    const int layers = shape.first, width = shape.second;  // named copies: CAPTURE cannot take bindings
    CAPTURE(layers);
    CAPTURE(width);
    const GraphSnapshot g = test::from_report(bp::random_state(7, layers, width));
    for (int k = 0; k < layers; ++k) {
      const std::string w = "W" + std::to_string(k);
      const Chain c = chain_of(g, g.find(w));
      CAPTURE(w);
      CHECK(c.broken.empty());
      // l → O, then per layer above k: O/L, L/h (two factors each), then the parameter's own edge
      REQUIRE(c.factors.size() == static_cast<size_t>(1 + 2 * (layers - 1 - k) + 1));
      CHECK(app::logic::partial_symbol(g, c.factors.back().edge) ==
            "∂" + (k == layers - 1 ? std::string("O") : "h" + std::to_string(k)) + "/∂" + w);
      check_products(g, c);
      const auto& p = g.nodes[g.find(w)].value;
      CHECK(c.factors.back().product.cols() == p.rows() * p.cols());
    }
  }
}
