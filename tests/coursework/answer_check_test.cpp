// Checking answer sheets: every mistake class diagnosed from a constructed wrong answer, 1e-19
// answers judged correctly, the notebook's printout, consistency credit and first_wrong.
#include "coursework/answer_check.h"
#include "engine/matrix.h"
#include "engine/number_format.h"
#include "coursework/variant.h"
#include "check_cases.h"
#include "test_util.h"

namespace {

using namespace check_cases;

bp::CheckResult check(const bp::State& s, const std::vector<bp::Answer>& answers, double tolerance = 1e-4) {
  bp::CheckOptions o;
  o.tolerance = tolerance;
  auto r = bp::check_answers(s, answers, o);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().line()));
  return r.value();
}

const bp::Verdict& verdict(const bp::CheckResult& r, const std::string& key) {
  for (const bp::Verdict& v : r.verdicts)
    if (v.key == key) return v;
  FAIL("no verdict for " << key);
  return r.verdicts.front();
}

// The one wrong cell's mistake (and the verdict, for more checks).
bp::Verdict diagnosed(const bp::State& s, const bp::Answer& a) {
  const bp::CheckResult r = check(s, {a});
  REQUIRE(r.verdicts.size() == 1);
  CAPTURE(a.key);
  CAPTURE(r.verdicts[0].message);
  CHECK_FALSE(r.verdicts[0].ok);
  CHECK(r.first_wrong == a.key);
  return r.verdicts[0];
}

Eigen::MatrixXd column_major_columns(const Eigen::MatrixXd& J, Eigen::Index r, Eigen::Index c) {
  Eigen::MatrixXd out(J.rows(), J.cols());
  for (Eigen::Index i = 0; i < r; ++i)
    for (Eigen::Index j = 0; j < c; ++j) out.col(j * r + i) = J.col(i * c + j);
  return out;
}

}  // namespace

TEST_CASE("the sheet of the exercise: its keys in the order of the work, in both loss forms") {
  const std::vector<std::string> expected = {"h",      "L",      "O",      "s",      "l",      "J:l/s",
                                             "J:s/O",  "J:l/O",  "grad:O", "J:O/W1", "grad:W1", "J:O/L",
                                             "grad:L", "J:L/h",  "grad:h", "J:h/W0", "grad:W0", "J:h/I",
                                             "grad:input"};
  for (bp::LossForm form : {bp::LossForm::Stable, bp::LossForm::Naive}) {
    bp::State s = bp::exercise_state();
    s.loss_form = form;
    const bp::AnswerSheet sheet = bp::answer_sheet(s, bp::evaluate(s));
    std::vector<std::string> keys;
    for (const bp::SheetCell& c : sheet.cells) keys.push_back(c.key);
    CHECK(keys == expected);
    CHECK(sheet.find("J:l/s")->truth == (Eigen::MatrixXd(1, 2) << 0, -1).finished());
    CHECK_FALSE(sheet.find("J:l/O")->listed);
  }
  const Eigen::MatrixXd w1 = truth(bp::exercise_state(), "grad:W1");
  CHECK(w1(1, 1) == -1.0115471913473936e-18);
}

TEST_CASE("correct answers at the 1e-19 scale pass; 0 for a 1e-19 truth does not") {
  const bp::State s = bp::exercise_state();
  const bp::AnswerSheet sheet = bp::answer_sheet(s, bp::evaluate(s));
  std::vector<bp::Answer> answers;
  for (const bp::SheetCell& c : sheet.cells) {  // every cell, as printed with 5 significant digits
    const Eigen::MatrixXd printed = c.truth.unaryExpr([](double x) { return std::stod(bp::format_number(x, 5)); });
    answers.push_back(answer(c.key, printed));
  }
  const bp::CheckResult r = check(s, answers);
  for (const bp::Verdict& v : r.verdicts) {
    CAPTURE(v.key);
    CAPTURE(v.message);
    CHECK(v.ok);
    CHECK(v.consistent_with.empty());
  }
  CHECK(r.all_ok());
  CHECK(r.verdicts.size() == sheet.cells.size());

  const bp::Verdict zero = diagnosed(s, answer("grad:W1", Eigen::MatrixXd::Zero(2, 2)));
  CHECK(zero.message.find("tiny is not zero") != std::string::npos);
  const bp::Verdict zero_row = diagnosed(s, answer("grad:O", Eigen::MatrixXd::Zero(1, 2)));
  CHECK(zero_row.mistake == bp::Mistake::Unknown);
  // PyTorch's own ∇W1 on this exercise: the second row lost to s1 − 1 = 0
  Eigen::MatrixXd pytorch = truth(s, "grad:W1");
  pytorch.row(1).setZero();
  const bp::Verdict lost = diagnosed(s, answer("grad:W1", pytorch));
  CHECK(lost.mistake == bp::Mistake::Unknown);
  CHECK(lost.message.find("[1][0] and [1][1] are 0") != std::string::npos);
  CHECK(lost.message.find("PyTorch") != std::string::npos);
  // one digit wrong at the fifth significant place of 1e-19 is caught at 1e-5, forgiven at 1e-4
  Eigen::MatrixXd off = truth(s, "grad:W0");
  off(0, 1) *= 1 + 5e-5;
  CHECK(check(s, {answer("grad:W0", off)}).all_ok());
  CHECK_FALSE(check(s, {answer("grad:W0", off)}, 1e-5).all_ok());
}

TEST_CASE("the notebook's W_1.grad printout pasted as ∇_{W1} l: scaled by ½, averaged over a broadcast dimension") {
  const bp::Verdict v = diagnosed(
      bp::exercise_state(),
      pasted("grad:W1", "tensor([[ 7.7811e-20,  5.0577e-19],\n        [-7.7811e-20, -5.0577e-19]])"));
  CHECK(v.mistake == bp::Mistake::Scaled);
  REQUIRE(v.factor.has_value());
  CHECK(*v.factor == 0.5);
  CHECK(v.message.find("half") != std::string::npos);
  CHECK(v.message.find("averaged over a broadcast dimension") != std::string::npos);
  // and W_0.grad the same
  const bp::Verdict w0 = diagnosed(
      bp::exercise_state(), pasted("grad:W0", "tensor([[ 6.2249e-19,  1.5562e-19],\n        [-6.2249e-19, -1.5562e-19]])"));
  CHECK(w0.factor == 0.5);
}

TEST_CASE("mistake class: shape") {
  const bp::State s = bp::exercise_state();
  const Eigen::MatrixXd g = truth(s, "grad:W1");
  // the flat row of the manual chain, in row-major order: right numbers, wrong shape
  const bp::Verdict flat = diagnosed(s, answer("grad:W1", bp::flatten_row_major<double>(g).transpose()));
  CHECK(flat.mistake == bp::Mistake::Shape);
  CHECK(flat.message.find("right numbers in row-major order") != std::string::npos);
  // the notebook's w1_o: a 2×2 where ∂O/∂W1 is 2×4
  const bp::Verdict small = diagnosed(s, pasted("J:O/W1", "[[2, 0], [0, 13]]"));
  CHECK(small.mistake == bp::Mistake::Shape);
  CHECK(small.message.find("2×4") != std::string::npos);
  // a matrix where a vector was expected, and the notebook's per-class loss
  CHECK(diagnosed(s, pasted("h", "[[2, 13], [2, 13]]")).mistake == bp::Mistake::Shape);
  const bp::Verdict loss = diagnosed(s, pasted("l", "tensor([[0., 0.]], grad_fn=<SumBackward1>)"));
  CHECK(loss.mistake == bp::Mistake::Shape);
  CHECK(loss.message.find("one term per class") != std::string::npos);
  // vectors in any orientation are fine
  CHECK(check(s, {pasted("h", "[[2], [13]]"), pasted("grad:O", "[7.7811e-20, -7.7811e-20]")}).all_ok());
}

TEST_CASE("mistake class: transposed") {
  const bp::State s = bp::exercise_state();
  const bp::Verdict hint = diagnosed(s, answer("J:O/L", s.weights[1].transpose()));  // the exercise's ∇_L o = W_1^T
  CHECK(hint.mistake == bp::Mistake::Transposed);
  CHECK(hint.message.find("W1ᵀ") != std::string::npos);
  CHECK(diagnosed(s, answer("grad:W1", truth(s, "grad:W1").transpose())).mistake == bp::Mistake::Transposed);
  CHECK(diagnosed(s, answer("J:O/W1", truth(s, "J:O/W1").transpose())).mistake == bp::Mistake::Transposed);
}

TEST_CASE("mistake class: flatten_order (the exercise's hints are column-major)") {
  const bp::State s = bp::exercise_state();
  // ∇_{w1} o = [[L0,0,L1,0],[0,L0,0,L1]] with L = [2, 13]
  const bp::Verdict w1 = diagnosed(s, pasted("J:O/W1", "[[2, 0, 13, 0], [0, 2, 0, 13]]"));
  CHECK(w1.mistake == bp::Mistake::FlattenOrder);
  CHECK(w1.message.find("column by column") != std::string::npos);
  CHECK(w1.message.find("row-major") != std::string::npos);
  // ∇_{w0} h = [[I0,0,I1,0],[0,I0,0,I1]] with I = [4, 1]
  CHECK(diagnosed(s, pasted("J:h/W0", "[[4, 0, 1, 0], [0, 4, 0, 1]]")).mistake == bp::Mistake::FlattenOrder);
  CHECK(column_major_columns(truth(s, "J:O/W1"), 2, 2) == (Eigen::MatrixXd(2, 4) << 2, 0, 13, 0, 0, 2, 0, 13).finished());
  // a flat gradient in column-major order
  const Eigen::MatrixXd g = truth(s, "grad:W0");
  const Eigen::Vector4d col_major(g(0, 0), g(1, 0), g(0, 1), g(1, 1));
  CHECK(diagnosed(s, answer("grad:W0", col_major)).mistake == bp::Mistake::FlattenOrder);
  // a non-square weight: the gradient flattened one way and read back the other
  bp::State wide = bp::exercise_state();
  wide.input = Eigen::Vector3d(4, 1, 2);
  wide.weights[0] = (Eigen::MatrixXd(2, 3) << 1, -2, 1, 2, 5, -1).finished();
  const Eigen::MatrixXd gw = truth(wide, "grad:W0");
  Eigen::MatrixXd mixed(2, 3);
  for (Eigen::Index k = 0; k < 6; ++k) mixed(k / 3, k % 3) = gw(k % 2, k / 2);  // column-major out, row-major in
  CHECK(diagnosed(wide, answer("grad:W0", mixed)).mistake == bp::Mistake::FlattenOrder);
}

TEST_CASE("mistake class: sign_flipped and scaled (½, 2, any constant)") {
  const bp::State s = bp::exercise_state();
  const Eigen::MatrixXd g = truth(s, "grad:W0");
  CHECK(diagnosed(s, answer("grad:W0", -g)).mistake == bp::Mistake::SignFlipped);
  CHECK(diagnosed(s, answer("J:s/O", -truth(s, "J:s/O"))).mistake == bp::Mistake::SignFlipped);
  const bp::Verdict twice = diagnosed(s, answer("grad:W0", 2 * g));
  CHECK(twice.mistake == bp::Mistake::Scaled);
  CHECK(twice.factor == 2.0);
  CHECK(twice.message.find("twice") != std::string::npos);
  const bp::Verdict third = diagnosed(s, answer("grad:input", truth(s, "grad:input") / 3));
  CHECK(third.factor == doctest::Approx(1.0 / 3));
  CHECK(third.message.find("1/3") != std::string::npos);
  const bp::Verdict odd = diagnosed(s, answer("grad:W0", 0.3719 * g));
  CHECK(odd.mistake == bp::Mistake::Scaled);
  CHECK(*odd.factor == doctest::Approx(0.3719).epsilon(1e-6));
  CHECK(odd.message.find("0.3719 times") != std::string::npos);
}

TEST_CASE("mistake class: relu_mask (missing, on the wrong side, carried down the chain)") {
  const bp::State s = dead_unit_state();
  const bp::Verdict missing = diagnosed(s, answer("J:L/h", Eigen::Matrix2d::Identity()));
  CHECK(missing.mistake == bp::Mistake::ReluMask);
  CHECK(missing.message.find("h[1] = -3 is ≤ 0") != std::string::npos);
  const bp::Verdict inverted = diagnosed(s, answer("J:L/h", Eigen::Vector2d(0, 1).asDiagonal().toDenseMatrix()));
  CHECK(inverted.mistake == bp::Mistake::ReluMask);
  CHECK(inverted.message.find("wrong side of 0") != std::string::npos);
  // ∇_{W0} l and ∇_I l computed with the dead unit let through
  const Eigen::MatrixXd gL = truth(s, "grad:L");  // 1×2
  const Eigen::MatrixXd no_mask_w0 = gL.transpose() * s.input.transpose();
  CHECK(diagnosed(s, answer("grad:W0", no_mask_w0)).mistake == bp::Mistake::ReluMask);
  CHECK(diagnosed(s, answer("grad:h", gL)).mistake == bp::Mistake::ReluMask);
  const Eigen::MatrixXd no_mask_input = (gL * s.weights[0]).transpose();
  const bp::Verdict input = diagnosed(s, answer("grad:input", no_mask_input));
  CHECK(input.mistake == bp::Mistake::ReluMask);
  CHECK(input.message.find("What the chain gives without the ReLU mask") != std::string::npos);
  // the true values for comparison: the dead unit's row of ∇W0 is 0
  CHECK(truth(s, "grad:W0").row(1).isZero());
}

TEST_CASE("mistake class: relu_mask from another tensor (a deeper network)") {
  const bp::State s = bp::make_variant(7, {true, 3, 2, false}).value();
  const bp::Report r = bp::evaluate(s);
  const Eigen::MatrixXd h0 = r.find_forward("h0")->value, h1 = r.find_forward("h1")->value;
  // the dead unit is in one layer; the other layer's mask differs from it
  const bool dead_in_0 = (h0.array() < 0).any();
  const std::string key = dead_in_0 ? "J:L1/h1" : "J:L0/h0";
  const Eigen::MatrixXd other = dead_in_0 ? h0 : h1;
  const Eigen::MatrixXd wrong_mask = (other.array() > 0).cast<double>().matrix().asDiagonal();
  const bp::Verdict v = diagnosed(s, answer(key, wrong_mask));
  CHECK(v.mistake == bp::Mistake::ReluMask);
  CHECK(v.message.find("taken from") != std::string::npos);
}

TEST_CASE("mistake class: softmax_diagonal_only and label_ignored, and down the chain") {
  const bp::State s = dead_unit_state();
  const Eigen::MatrixXd sv = truth(s, "s");
  const Eigen::MatrixXd diag = (sv.array() * (1 - sv.array())).matrix().asDiagonal();
  const bp::Verdict d = diagnosed(s, answer("J:s/O", diag));
  CHECK(d.mistake == bp::Mistake::SoftmaxDiagonalOnly);
  CHECK(d.message.find("off-diagonal") != std::string::npos);
  CHECK(diagnosed(s, answer("grad:O", truth(s, "J:l/s") * diag)).mistake == bp::Mistake::SoftmaxDiagonalOnly);
  CHECK(diagnosed(s, answer("grad:W1", (truth(s, "J:l/s") * diag).transpose() * truth(s, "L").transpose()))
            .mistake == bp::Mistake::SoftmaxDiagonalOnly);

  const Eigen::MatrixXd minus_inverse = (-sv.array().inverse()).matrix().transpose();
  const bp::Verdict label = diagnosed(s, answer("J:l/s", minus_inverse));
  CHECK(label.mistake == bp::Mistake::LabelIgnored);
  CHECK(label.message.find("without the label") != std::string::npos);
  CHECK(diagnosed(s, answer("grad:O", minus_inverse * truth(s, "J:s/O"))).mistake == bp::Mistake::LabelIgnored);
  // on the exercise too, where −1/s0 is 1.3e19
  const bp::State ex = bp::exercise_state();
  CHECK(diagnosed(ex, pasted("J:l/s", "[-1.2852e19, -1]")).mistake == bp::Mistake::LabelIgnored);
  CHECK(diagnosed(ex, pasted("J:s/O", "[[7.7811e-20, 0], [0, 7.7811e-20]]")).mistake ==
        bp::Mistake::SoftmaxDiagonalOnly);
}

TEST_CASE("mistake class: unknown, with the entries that are off") {
  const bp::State s = bp::exercise_state();
  const bp::Verdict all = diagnosed(s, pasted("O", "[5, 7]"));
  CHECK(all.mistake == bp::Mistake::Unknown);
  CHECK(all.message.find("not one of the usual slips") != std::string::npos);
  const bp::Verdict one = diagnosed(s, pasted("O", "[-33, 12]"));
  CHECK(one.message.find("Entry [1] differs") != std::string::npos);
}

TEST_CASE("consistency: a step that is right given the student's own wrong values is credited") {
  const bp::State s = bp::exercise_state();
  // ∇_s l without the label, then ∇_O l and ∇_{W1} l computed from it correctly
  const Eigen::MatrixXd their_ls = (-truth(s, "s").array().inverse()).matrix().transpose();
  const Eigen::MatrixXd their_gO = their_ls * truth(s, "J:s/O");
  const Eigen::MatrixXd their_gW1 =
      bp::unflatten_row_major<double>(their_gO * truth(s, "J:O/W1"), 2, 2);
  const bp::CheckResult r = check(s, {answer("grad:W1", their_gW1), answer("grad:O", their_gO), answer("J:l/s", their_ls),
                                      answer("J:s/O", truth(s, "J:s/O"))});
  CHECK(r.first_wrong == "J:l/s");
  CHECK(verdict(r, "J:l/s").mistake == bp::Mistake::LabelIgnored);
  CHECK(verdict(r, "J:s/O").ok);
  const bp::Verdict& gO = verdict(r, "grad:O");
  CHECK(gO.ok);
  CHECK(gO.consistent_with == std::vector<std::string>{"J:l/s"});
  CHECK(gO.message.find("Consistent with your ∇_s l") != std::string::npos);
  const bp::Verdict& gW1 = verdict(r, "grad:W1");
  CHECK(gW1.ok);
  CHECK(gW1.consistent_with == std::vector<std::string>{"grad:O"});
  CHECK_FALSE(r.all_ok());
  // the verdicts come in the sheet's order, whatever the order of the answers
  std::vector<std::string> order;
  for (const bp::Verdict& v : r.verdicts) order.push_back(v.key);
  CHECK(order == std::vector<std::string>{"J:l/s", "J:s/O", "grad:O", "grad:W1"});

  // transposed relative to the student's own ∇_O l: diagnosed against it
  const bp::CheckResult t = check(s, {answer("grad:O", their_gO), answer("grad:W1", their_gW1.transpose())});
  CHECK(verdict(t, "grad:W1").mistake == bp::Mistake::Transposed);
  CHECK(verdict(t, "grad:W1").message.find("Compared with what your ∇_O l gives") != std::string::npos);
}

TEST_CASE("consistency through the forward pass: a wrong h, then L, ∇_h L and O computed from it") {
  const bp::State s = bp::exercise_state();
  const bp::CheckResult r = check(s, {pasted("h", "[2, -13]"), pasted("L", "[2, 0]"), pasted("O", "[6, -2]"),
                                      pasted("J:L/h", "[[1, 0], [0, 0]]"), pasted("J:O/W1", "[[2, 0, 0, 0], [0, 0, 2, 0]]"),
                                      pasted("grad:W0", "[[1, 2], [3, 4]]")});
  CHECK(r.first_wrong == "h");  // forward values come first
  CHECK_FALSE(verdict(r, "h").ok);
  CHECK(verdict(r, "L").consistent_with == std::vector<std::string>{"h"});
  CHECK(verdict(r, "O").consistent_with == std::vector<std::string>{"L"});
  CHECK(verdict(r, "J:L/h").consistent_with == std::vector<std::string>{"h"});
  CHECK(verdict(r, "J:O/W1").consistent_with == std::vector<std::string>{"L"});
  CHECK_FALSE(verdict(r, "grad:W0").ok);
}

TEST_CASE("first_wrong follows the sheet's order: forward values, then the chain from l back") {
  const bp::State s = bp::exercise_state();
  const bp::CheckResult r = check(s, {pasted("grad:W0", "[[1, 2], [3, 4]]"), pasted("J:O/L", "[[1, 2], [3, 4]]"),
                                      pasted("l", "5")});
  CHECK(r.first_wrong == "l");
  const bp::CheckResult chain = check(s, {pasted("grad:W0", "[[1, 2], [3, 4]]"), pasted("J:O/L", "[[1, 2], [3, 4]]")});
  CHECK(chain.first_wrong == "J:O/L");
  CHECK(check(s, {}).verdicts.empty());
  CHECK(check(s, {}).all_ok());
}

TEST_CASE("every cell's true value passes and its negation fails, on varied networks") {
  std::vector<bp::State> states = {bp::exercise_state(), dead_unit_state()};
  for (uint64_t seed = 0; seed < 12; ++seed) {
    bp::State r = bp::random_state(seed, 1 + static_cast<int>(seed % 4), 1 + static_cast<int>(seed % 5));
    if (seed % 3 == 0) r.biases[0] = Eigen::VectorXd::Constant(r.weights[0].rows(), 0.5);
    if (seed % 4 == 1) r.head = bp::Head::Mse;
    if (seed % 5 == 2) r.activation = bp::Activation::Tanh;
    if (seed % 6 == 3) r.loss_form = bp::LossForm::Naive;
    states.push_back(r);
    states.push_back(bp::make_variant(seed, {seed % 2 == 0, 2 + static_cast<int>(seed % 3), 2 + static_cast<int>(seed % 3), false}).value());
  }
  for (const bp::State& s : states) {
    CAPTURE(bp::state_to_json(s));
    const bp::AnswerSheet sheet = bp::answer_sheet(s, bp::evaluate(s));
    std::vector<bp::Answer> right, negated;
    for (const bp::SheetCell& c : sheet.cells) {
      right.push_back(answer(c.key, c.truth));
      if (!c.truth.isZero(0)) negated.push_back(answer(c.key, -c.truth));
    }
    const bp::CheckResult ok = check(s, right);
    for (const bp::Verdict& v : ok.verdicts) CHECK_MESSAGE(v.ok, v.key << ": " << v.message);
    for (const bp::Answer& a : negated) {
      const bp::CheckResult wrong = check(s, {a});
      CAPTURE(a.key);
      CHECK_FALSE(wrong.all_ok());
    }
  }
}

TEST_CASE("deeper networks and biases name their cells after the report's nodes") {
  const bp::State s = test::parse_ok(
      R"({"input": [1, 2], "label": [0, 1], "W0": [[1, 1], [1, -1]], "b0": [0.5, 3], "W1": [[1, 2], [2, 1]],
          "W2": [[1, -1], [2, 1]]})");
  const bp::AnswerSheet sheet = bp::answer_sheet(s, bp::evaluate(s));
  for (const char* key : {"W0·I", "h0", "L0", "h1", "L1", "J:h0/W0·I", "J:h0/b0", "J:W0·I/W0", "J:h1/L0", "grad:b0",
                          "grad:W2", "grad:L0"})
    CHECK_MESSAGE(sheet.find(key), key);
  const bp::Verdict v = diagnosed(s, answer("grad:b0", -truth(s, "grad:b0")));
  CHECK(v.mistake == bp::Mistake::SignFlipped);
}

TEST_CASE("bad answer sheets are errors that name the cell") {
  const bp::State s = bp::exercise_state();
  auto error_of = [&](const std::vector<bp::Answer>& answers, double tol = 1e-4) {
    bp::CheckOptions o;
    o.tolerance = tol;
    auto r = bp::check_answers(s, answers, o);
    return r.ok() ? std::string() : r.error().line();
  };
  CHECK(error_of({pasted("J:O/W2", "1")}).find("error: answers.J:O/W2: not a local Jacobian of this network; they are "
                                                "J:l/s, J:s/O, J:O/W1") == 0);
  CHECK(error_of({pasted("J:O/W2", "1")}).find("did you mean \"J:O/W1\"?") != std::string::npos);
  CHECK(error_of({pasted("grad:s", "1")}) == "error: answers.grad:s: ∇_s l is the local Jacobian J:l/s; answer it there");
  CHECK(error_of({pasted("grad:I", "1")}).find("\"grad:input\"") != std::string::npos);
  CHECK(error_of({pasted("hh", "1")}).find("error: answers.hh: unknown key; the forward values are h, L, O, s, l") == 0);
  CHECK(error_of({pasted("h", "1"), pasted("h", "2")}) == "error: answers.h: is given twice");
  CHECK(error_of({}, 0).find("error: tolerance: must be a number between 0 and 1") == 0);
  CHECK(error_of({}, 1.5).find("error: tolerance:") == 0);
  // too wide for Jacobians: the final gradients can still be checked
  const bp::State wide = bp::random_state(1, 2, 65);
  auto r = bp::check_answers(wide, {answer("J:h/W0", Eigen::MatrixXd::Zero(1, 1))});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason.find("not computed for this network") != std::string::npos);
  const bp::AnswerSheet sheet = bp::answer_sheet(wide, bp::evaluate(wide));
  CHECK(check(wide, {answer("grad:W1", sheet.find("grad:W1")->truth)}).all_ok());
}

TEST_CASE("a course's layout: column-major weight Jacobians are right there, and row-major is flatten_order") {
  const bp::State s = bp::exercise_state();
  bp::CheckOptions col;
  col.layout = bp::WeightLayout::ColumnMajor;
  const auto judged = [&](const std::string& key, const std::string& text) {
    auto r = bp::check_answers(s, {pasted(key, text)}, col);
    REQUIRE(r.ok());
    return r.value().verdicts.at(0);
  };
  CHECK(judged("J:O/W1", "[[2, 0, 13, 0], [0, 2, 0, 13]]").ok);  // the handout's hint, L = [2, 13]
  CHECK(judged("J:h/W0", "[[4, 0, 1, 0], [0, 4, 0, 1]]").ok);
  const bp::Verdict row = judged("J:O/W1", "[[2, 13, 0, 0], [0, 0, 2, 13]]");
  CHECK(row.mistake == bp::Mistake::FlattenOrder);
  CHECK(row.message.find("this course's layout flattens W1 column by column") != std::string::npos);
  // the layout concerns weight Jacobians only: ∇_L O = W1 either way; gradients keep W's shape
  CHECK(judged("J:O/L", "[[3, -3], [-1, 1]]").ok);
  CHECK(judged("grad:W1", "[[1.55623e-19, 1.01155e-18], [-1.55623e-19, -1.01155e-18]]").ok);
  // a non-square weight (2×3), each layout's answer diagnosed in the other
  bp::State wide = bp::exercise_state();
  wide.input = Eigen::Vector3d(4, 1, 2);
  wide.weights[0] = (Eigen::MatrixXd(2, 3) << 1, -2, 1, 2, 5, -1).finished();
  const Eigen::MatrixXd rm = truth(wide, "J:h/W0");
  const Eigen::MatrixXd cm = bp::weight_columns_to(bp::WeightLayout::ColumnMajor, rm, 2, 3);
  CHECK(cm.row(0) == Eigen::RowVectorXd((Eigen::RowVectorXd(6) << 4, 0, 1, 0, 2, 0).finished()));
  CHECK(bp::weight_columns_from(bp::WeightLayout::ColumnMajor, cm, 2, 3) == rm);
  auto in = [&](const bp::CheckOptions& o, const Eigen::MatrixXd& a) {
    auto r = bp::check_answers(wide, {answer("J:h/W0", a)}, o);
    REQUIRE(r.ok());
    return r.value().verdicts.at(0);
  };
  CHECK(in(col, cm).ok);
  CHECK(in(col, rm).mistake == bp::Mistake::FlattenOrder);
  CHECK(in({}, rm).ok);
  CHECK(in({}, cm).mistake == bp::Mistake::FlattenOrder);
}
