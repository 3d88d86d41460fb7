// Edge magnitudes on a log scale: the exercise's 1e-19 gradients spread over the whole range.
#include "app/logic/gradient_scale.h"
#include "app_test_util.h"

using namespace app::logic;

TEST_CASE("the exercise: every gradient edge visible, ordered by magnitude; no-gradient edges marked") {
  const GraphSnapshot g = test::from_report(test::exercise());
  const std::vector<EdgeMagnitude> m = edge_gradient_magnitudes(g);
  REQUIRE(m.size() == g.edges.size());
  auto at = [&](const char* from, const char* to) { return m[g.find_edge(g.find(from), g.find(to))]; };
  CHECK(at("O", "l").max_abs == doctest::Approx(7.7811322411337966e-20));
  CHECK(at("O", "l").t == 0);  // the smallest
  CHECK(at("I", "h").max_abs == doctest::Approx(2.1787e-18).epsilon(1e-4));
  CHECK(at("I", "h").t == 1);  // the largest
  const std::pair<const char*, const char*> middle[] = {{"W1", "O"}, {"L", "O"}, {"h", "L"}, {"W0", "h"}};
  for (const auto& edge : middle) {
    CAPTURE(edge.first);
    const EdgeMagnitude e = at(edge.first, edge.second);
    CHECK(e.carries);
    CHECK_FALSE(e.zero);
    CHECK(e.t > 0);
    CHECK(e.t < 1);
  }
  CHECK(at("W1", "O").t > at("L", "O").t);  // 1.0e-18 > 3.1e-19
  CHECK_FALSE(at("O", "s").carries);
  CHECK(at("O", "s").zero);
  CHECK_FALSE(at("label", "l").carries);
}

TEST_CASE("dead units carry exactly zero; fan-out edges carry their share") {
  bp::State s = test::exercise();
  s.input << -4, 1;  // h = [−6, −3]: both ReLUs dead, nothing reaches W0 or I
  const GraphSnapshot g = test::from_report(s);
  const std::vector<EdgeMagnitude> m = edge_gradient_magnitudes(g);
  const EdgeMagnitude W0 = m[g.find_edge(g.find("W0"), g.find("h"))];
  CHECK(W0.carries);
  CHECK(W0.zero);
  CHECK(W0.t == 0);

  const GraphSnapshot f = test::fan_out();
  const std::vector<EdgeMagnitude> fm = edge_gradient_magnitudes(f);
  CHECK(fm[f.find_edge(f.find("a"), f.find("b"))].max_abs == 8);   // [0, 8]
  CHECK(fm[f.find_edge(f.find("a"), f.find("c"))].max_abs == 8);   // [−1, 8]
  CHECK(fm[f.find_edge(f.find("W"), f.find("a"))].max_abs == 32);  // [[−1, −2], [16, 32]]
}
