// The homework notebook's printout, reproduced: its loss of 0 and gradients that are exactly half
// of the true ones ([1,2]-shaped loss, then l.mean()).
#include "test_util.h"

TEST_CASE("float32, naive form: l = 0 as the notebook printed, and its autograd is exactly half of ours") {
  const nlohmann::json nb = test::load_fixture("notebook.json");
  const bp::State s = test::parse_ok(nb["state"].dump());
  REQUIRE(s.precision == bp::Precision::F32);
  REQUIRE(s.loss_form == bp::LossForm::Naive);
  const bp::Report r = bp::evaluate(s);
  CHECK(r.loss == 0);
  CHECK(test::to_matrix(nb["l"]).isZero());
  for (const char* p : {"W0", "W1"}) {
    CAPTURE(p);
    const Eigen::MatrixXd notebook = test::to_matrix(nb[std::string(p) + "_grad"]);
    const Eigen::MatrixXd ours = test::find(r.autodiff, p).value;
    CHECK(test::rel_to_max(notebook, 0.5 * ours) <= 1e-6);
    CHECK(ours(1, 0) != 0);  // not lost in our float32 either
  }
  // and the stable form does not print 0
  bp::State stable = s;
  stable.loss_form = bp::LossForm::Stable;
  CHECK(bp::evaluate(stable).loss == doctest::Approx(7.7811322411337966e-20).epsilon(1e-6));
  // the numeric check sees a flat loss in naive form and says so
  CHECK_FALSE(r.numeric_vs_autodiff.ok);
  CHECK(r.numeric_vs_autodiff.note.find("flat") != std::string::npos);
}
