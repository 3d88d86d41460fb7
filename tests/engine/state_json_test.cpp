// Reading the state JSON: round trips, defaults, and an error naming the field for each mistake.
#include "test_util.h"

namespace {

std::string error_of(const std::string& json) {
  const auto s = bp::parse_state(json, "stdin");
  return s.ok() ? "" : s.error().line();
}

const std::string kExercise = R"({"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]], "W1": [[3, -3], [-1, 1]])";

std::string exercise_with(const std::string& extra) { return kExercise + ", " + extra + "}"; }

}  // namespace

TEST_CASE("the exercise round-trips through its canonical JSON") {
  const std::string json = bp::state_to_json(bp::exercise_state());
  CHECK(json ==
        R"({"input":[4,1],"label":[0,1],"W0":[[1,-2],[2,5]],"W1":[[3,-3],[-1,1]],"b0":null,"b1":null,)"
        R"("activation":"relu","head":"softmax_ce","loss_form":"stable","softmax_backward":"exact","precision":"f64"})");
  const bp::State s = test::parse_ok(kExercise + "}");  // defaults fill the rest
  CHECK(bp::state_to_json(s) == json);
}

TEST_CASE("options, biases and deeper networks are read") {
  const bp::State s = test::parse_ok(
      R"({"input": [1], "label": [0.5, 0.5], "W0": [[1], [2]], "b0": [0.1, 0.2], "W1": [[1, 1], [1, 1]],
          "W2": [[1, 0], [0, 1]], "b2": null, "activation": "tanh", "head": "softmax_ce", "loss_form": "naive",
          "softmax_backward": "textbook", "precision": "f32"})");
  CHECK(s.layers() == 3);
  CHECK(s.biases[0].has_value());
  CHECK_FALSE(s.biases[2].has_value());
  CHECK(s.activation == bp::Activation::Tanh);
  CHECK(s.precision == bp::Precision::F32);
  const bp::Report r = bp::evaluate(s);
  for (const char* name : {"W0·I", "h0", "L0", "h1", "L1", "O", "s", "l"}) CHECK(r.find_forward(name) != nullptr);
}

TEST_CASE("every kind of bad input names its field") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "error: stdin: is empty"},
      {"  \n", "error: stdin: is empty"},
      {"{", "error: stdin: invalid JSON"},
      {"[1, 2]", "error: stdin: expected one JSON object"},
      {R"({"label": [0, 1], "W0": [[1]]})", "error: input: is missing"},
      {R"({"input": [1], "W0": [[1]]})", "error: label: is missing"},
      {R"({"input": [1], "label": [1]})", "error: W0: is missing"},
      {exercise_with(R"("actvation": "relu")"), "error: actvation: unknown key; did you mean \"activation\"?"},
      {exercise_with(R"("W3": [[1]])"), "error: W2: is missing; weights must be W0, W1, … without gaps"},
      {exercise_with(R"("W8": [[1]])"), "error: W8: too many layers"},
      {exercise_with(R"("b5": [1])"), "error: b5: there is no W5"},
      {R"({"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]], "W1": [[3, -3, 1], [-1, 1, 1]]})",
       "error: W1: has 3 columns but L has 2 entries"},
      {R"({"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5, 6]], "W1": [[3, -3], [-1, 1]]})",
       "error: W0[1]: has 3 entries but row 0 has 2"},
      {R"({"input": [4, 1], "label": [0, 1], "W0": [[1, "a"], [2, 5]], "W1": [[3, -3], [-1, 1]]})",
       "error: W0[0][1]: expected a number, got a string \"a\""},
      {R"({"input": [4, 1e400], "label": [0, 1], "W0": [[1, -2], [2, 5]], "W1": [[3, -3], [-1, 1]]})",
       "error: input[1]: 1e400 overflows float64"},
      {R"({"input": [NaN, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]]})", "error: stdin: invalid JSON"},
      {R"({"input": [], "label": [0, 1], "W0": [[1, -2], [2, 5]]})", "error: input: is empty"},
      {R"({"input": [4, 1], "label": [0, 1], "W0": []})", "error: W0: is empty"},
      {R"({"input": [4, 1], "label": [0, 1], "W0": [[]]})", "error: W0[0]: is empty"},
      {R"({"input": [4, 1], "label": [0, 0, 1], "W0": [[1, -2], [2, 5]], "W1": [[3, -3], [-1, 1]]})",
       "error: label: has 3 entries but the output O has 2"},
      {R"({"input": [4, 1], "label": [-0.5, 1.5], "W0": [[1, -2], [2, 5]], "W1": [[3, -3], [-1, 1]]})",
       "error: label[0]: is -0.5"},
      {R"({"input": [4, 1], "label": [0.5, 0.6], "W0": [[1, -2], [2, 5]], "W1": [[3, -3], [-1, 1]]})",
       "error: label: sums to 1.1"},
      {exercise_with(R"("activation": "rellu")"), "error: activation: unknown value \"rellu\"; expected one of relu"},
      {exercise_with(R"("precision": 64)"), "error: precision: expected a string"},
      {R"({"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]], "W1": [[3e39, -3], [-1, 1]], "precision": "f32"})",
       "error: W1[0][0]: 3e39 overflows float32"},
      {exercise_with(R"("W1": [[1, 1], [1, 1]])"), "error: W1: appears twice"},
      {exercise_with(R"("activation": "re\nlu")"), "error: activation: unknown value \"re\\nlu\""},  // stays one line
      {exercise_with(R"("b0": [1, 2, 3])"), "error: b0: has 3 entries but W0 has 2 rows"},
      {std::string(100000, '['), "error: stdin: invalid JSON"},  // deep nesting: no stack overflow
  };
  for (const auto& c : cases) {
    const std::string& json = c.first;
    const std::string& expected = c.second;
    CAPTURE(json);
    const std::string got = error_of(json);
    CHECK_MESSAGE(got.rfind(expected, 0) == 0, "got: " << got);
  }
}

TEST_CASE("widths over 256 and labels of mse are checked") {
  std::string wide = "[";
  for (int i = 0; i < 257; ++i) wide += (i ? ",1" : "1");
  wide += "]";
  CHECK(error_of(R"({"input": )" + wide + R"(, "label": [1], "W0": [[1]]})").rfind("error: input: has more than 256 entries", 0) == 0);
  // mse takes any real targets
  CHECK(error_of(R"({"input": [1], "label": [-3, 7], "W0": [[1], [2]], "head": "mse"})").empty());
}

TEST_CASE("a dataset is read, validated and written back; without one the schema is unchanged") {
  const bp::State s = test::parse_ok(exercise_with(
      R"("dataset": [{"input": [1, 2], "label": [1, 0]}, {"label": [0, 1], "input": [-3.5, 1e-19]}])"));
  REQUIRE(s.dataset.size() == 2);
  CHECK(s.dataset[1].input(1) == 1e-19);
  const std::string json = bp::state_to_json(s);
  CHECK(json.find(R"("dataset":[{"input":[1,2],"label":[1,0]},{"input":[-3.5,1e-19],"label":[0,1]}])") !=
        std::string::npos);
  CHECK(bp::state_to_json(test::parse_ok(json)) == json);
  CHECK(bp::state_to_json(test::parse_ok(exercise_with(R"("dataset": [])"))).find("dataset") == std::string::npos);

  auto sample = [](const std::string& d) { return error_of(exercise_with(R"("dataset": )" + d)); };
  CHECK(sample(R"({"input": [1, 2]})") ==
        R"(error: dataset: expected an array of samples like [{"input": [4, 1], "label": [0, 1]}], got an object)");
  CHECK(sample("[[1, 2]]").rfind("error: dataset[0]: expected a sample", 0) == 0);
  CHECK(sample(R"([{"input": [1, 2], "label": [0, 1]}, {"input": [1, 2]}])") ==
        "error: dataset[1].label: is missing (a sample has input and label)");
  CHECK(sample(R"([{"input": [1, 2], "label": [0, 1], "lable": 1}])") ==
        "error: dataset[0].lable: unknown key; a sample has input and label");
  CHECK(sample(R"([{"input": [1, 2, 3], "label": [0, 1]}])") ==
        "error: dataset[0].input: has 3 entries but I has 2 (every sample's input is shaped like I)");
  CHECK(sample(R"([{"input": [1, 2], "label": [0]}])").rfind("error: dataset[0].label: has 1 entries but label has 2", 0) == 0);
  CHECK(sample(R"([{"input": [1, "x"], "label": [0, 1]}])") == R"(error: dataset[0].input[1]: expected a number, got a string "x")");
  std::string four = R"([{"input": [1, 2], "label": [0, 1]}, {"input": [1, 2], "label": [0, 1]},
                         {"input": [1, 2], "label": [0, 1]}, {"input": [1, 2], "label": [-0.5, 1.5]}])";
  CHECK(sample(four) == "error: dataset[3].label[0]: is -0.5; softmax_ce needs probabilities, which are ≥ 0");
  CHECK(sample(R"([{"input": [1, 2], "label": [0.5, 0.6]}])").rfind("error: dataset[0].label: sums to 1.1", 0) == 0);
  bp::State f32 = bp::exercise_state();
  f32.precision = bp::Precision::F32;
  f32.dataset = {{Eigen::Vector2d(1, 1e39), Eigen::Vector2d(0, 1)}};
  REQUIRE(bp::validate(f32));
  CHECK(bp::validate(f32)->field == "dataset[0].input[1]");

  std::string many = "[";
  for (int i = 0; i <= bp::kMaxSamples; ++i) many += std::string(i ? "," : "") + R"({"input": [1, 2], "label": [0, 1]})";
  CHECK(sample(many + "]") == "error: dataset: has more than 1000 samples; at most 1000 are allowed");
  bp::State big = bp::exercise_state();
  big.dataset.assign(bp::kMaxSamples + 1, {Eigen::Vector2d(1, 2), Eigen::Vector2d(0, 1)});
  CHECK(bp::validate(big)->field == "dataset");
  big.dataset.pop_back();
  CHECK_FALSE(bp::validate(big));
}
