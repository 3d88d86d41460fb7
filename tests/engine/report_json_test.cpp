// The eval output schema: keys, shapes and round-tripping numbers.
#include "engine/report_json.h"
#include "test_util.h"

TEST_CASE("report JSON has the documented blocks, and its numbers round-trip") {
  const bp::Report r = bp::evaluate(bp::exercise_state());
  const nlohmann::json j = nlohmann::json::parse(bp::report_to_json(r));
  for (const char* key : {"forward", "grad", "jacobians", "check", "warnings", "graph"}) CHECK(j.contains(key));
  for (const char* method : {"autodiff", "manual", "manual_flat", "numeric"}) CHECK(j["grad"].contains(method));
  CHECK(j["forward"]["l"].get<double>() == 7.7811322411337966e-20);
  CHECK(j["forward"]["h"] == nlohmann::json::array({2, 13}));
  CHECK(j["grad"]["autodiff"]["W1"][1][1].get<double>() == -1.0115471913473936e-18);
  CHECK(j["grad"]["autodiff"]["input"].size() == 2);
  CHECK(j["grad"]["manual_flat"]["W1"].size() == 4);
  CHECK(j["jacobians"][0]["of"] == "l");
  CHECK(j["jacobians"][0]["wrt"] == "O");
  bool found = false;
  for (const auto& J : j["jacobians"])
    if (J["of"] == "O" && J["wrt"] == "W1") {
      CHECK(J["value"] == nlohmann::json::parse("[[2, 13, 0, 0], [0, 0, 2, 13]]"));  // row-major flatten
      found = true;
    }
  CHECK(found);
  CHECK(j["check"]["manual_vs_autodiff"]["ok"] == true);
  CHECK(j["check"]["numeric_vs_autodiff"]["ok"] == true);
}

TEST_CASE("naive form: the s → l chain is reported, as the exercise writes it") {
  bp::State s = bp::exercise_state();
  s.loss_form = bp::LossForm::Naive;
  const nlohmann::json j = nlohmann::json::parse(bp::report_to_json(bp::evaluate(s)));
  CHECK(j["jacobians"][0]["of"] == "l");
  CHECK(j["jacobians"][0]["wrt"] == "s");
  CHECK(j["jacobians"][0]["value"][0][1].get<double>() == -1.0);  // −y1/s1 with s1 = 1
  CHECK(j["forward"]["l"].get<double>() == 0);
}
