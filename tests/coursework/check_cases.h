// Answer sheets the checker tests share: cells as a student fills them in, a network with a dead
// ReLU unit, and one sheet per kind of verdict (each mistake class, consistency credit, right), so
// that the English tests (answer_check_test) and the Korean ones (korean_test) judge the same work.
#pragma once
#include <string>
#include <vector>

#include "coursework/answer_check.h"
#include "coursework/variant.h"
#include "engine/matrix.h"
#include "test_util.h"

namespace check_cases {

inline bp::Answer answer(const std::string& key, const Eigen::MatrixXd& value) {
  const bool vector = value.cols() == 1 && value.rows() > 1;
  return {key, {value, value.size() == 1 ? bp::Dims::Scalar : vector ? bp::Dims::Vector : bp::Dims::Matrix}};
}

inline bp::Answer pasted(const std::string& key, const std::string& text) {
  auto parsed = bp::parse_printout(text);
  REQUIRE_MESSAGE(parsed.ok(), text);
  return {key, parsed.value()};
}

inline Eigen::MatrixXd truth(const bp::State& s, const std::string& key) {
  const bp::AnswerSheet sheet = bp::answer_sheet(s, bp::evaluate(s));
  const bp::SheetCell* c = sheet.find(key);
  REQUIRE_MESSAGE(c, "no cell " << key);
  return c->truth;
}

// h = [3, −3]: the second hidden unit is dead; O = [3, 6]: the softmax is not saturated.
inline bp::State dead_unit_state() {
  bp::State s;
  s.input = Eigen::Vector2d(2, 1);
  s.label = Eigen::Vector2d(1, 0);
  s.weights = {(Eigen::MatrixXd(2, 2) << 1, 1, -2, 1).finished(), (Eigen::MatrixXd(2, 2) << 1, -1, 2, 1).finished()};
  s.biases.assign(2, std::nullopt);
  REQUIRE_FALSE(bp::validate(s).has_value());
  return s;
}

struct Case {
  std::string name;
  bp::State state;
  std::vector<bp::Answer> answers;
  bp::CheckOptions options;
};

// One sheet per kind of verdict, as answer_check_test builds them; the first verdict not ok of
// each (or every verdict) is the one the message tests read.
inline std::vector<Case> verdict_cases() {
  const bp::State ex = bp::exercise_state(), dead = dead_unit_state();
  const Eigen::MatrixXd gW1 = truth(ex, "grad:W1"), gW0 = truth(ex, "grad:W0"), sv = truth(dead, "s");
  const Eigen::MatrixXd diag = (sv.array() * (1 - sv.array())).matrix().asDiagonal();
  const Eigen::MatrixXd their_ls = (-truth(ex, "s").array().inverse()).matrix().transpose();
  const Eigen::MatrixXd their_gO = their_ls * truth(ex, "J:s/O");
  const Eigen::MatrixXd their_gW1 = bp::unflatten_row_major<double>(their_gO * truth(ex, "J:O/W1"), 2, 2);
  Eigen::MatrixXd pytorch = gW1;
  pytorch.row(1).setZero();
  bp::CheckOptions column_major;
  column_major.layout = bp::WeightLayout::ColumnMajor;
  const bp::State deep = bp::make_variant(7, {true, 3, 2, false}).value();
  const bool dead_in_0 = (truth(deep, "h0").array() < 0).any();
  const Eigen::MatrixXd other = truth(deep, dead_in_0 ? "h0" : "h1");
  return {
      {"right", ex, {pasted("h", "[2, 13]")}, {}},
      {"zeros", ex, {answer("grad:W1", Eigen::MatrixXd::Zero(2, 2))}, {}},
      {"pytorch zeros", ex, {answer("grad:W1", pytorch)}, {}},
      {"half", ex, {pasted("grad:W1", "tensor([[ 7.7811e-20,  5.0577e-19],\n [-7.7811e-20, -5.0577e-19]])")}, {}},
      {"row-major flat", ex, {answer("grad:W1", bp::flatten_row_major<double>(gW1).transpose())}, {}},
      {"shape", ex, {pasted("J:O/W1", "[[2, 0], [0, 13]]")}, {}},
      {"loss per class", ex, {pasted("l", "tensor([[0., 0.]], grad_fn=<SumBackward1>)")}, {}},
      {"transposed hint", ex, {answer("J:O/L", ex.weights[1].transpose())}, {}},
      {"transposed gradient", ex, {answer("grad:W1", gW1.transpose())}, {}},
      {"flatten order", ex, {pasted("J:O/W1", "[[2, 0, 13, 0], [0, 2, 0, 13]]")}, {}},
      {"flatten gradient", ex, {answer("grad:W0", Eigen::Vector4d(gW0(0, 0), gW0(1, 0), gW0(0, 1), gW0(1, 1)))}, {}},
      {"column-major course", ex, {pasted("J:O/W1", "[[2, 13, 0, 0], [0, 0, 2, 13]]")}, column_major},
      {"sign", ex, {answer("grad:W0", -gW0)}, {}},
      {"twice", ex, {answer("grad:W0", 2 * gW0)}, {}},
      {"a third", ex, {answer("grad:input", truth(ex, "grad:input") / 3)}, {}},
      {"odd factor", ex, {answer("grad:W0", 0.3719 * gW0)}, {}},
      {"relu missing", dead, {answer("J:L/h", Eigen::Matrix2d::Identity())}, {}},
      {"relu inverted", dead, {answer("J:L/h", Eigen::Vector2d(0, 1).asDiagonal().toDenseMatrix())}, {}},
      {"relu down the chain", dead, {answer("grad:input", (truth(dead, "grad:L") * dead.weights[0]).transpose())}, {}},
      {"relu from another tensor", deep,
       {answer(dead_in_0 ? "J:L1/h1" : "J:L0/h0", (other.array() > 0).cast<double>().matrix().asDiagonal())}, {}},
      {"softmax diagonal", dead, {answer("J:s/O", diag)}, {}},
      {"softmax diagonal down the chain", dead, {answer("grad:O", truth(dead, "J:l/s") * diag)}, {}},
      {"label ignored", dead, {answer("J:l/s", (-sv.array().inverse()).matrix().transpose())}, {}},
      {"unknown", ex, {pasted("O", "[5, 7]")}, {}},
      {"one entry off", ex, {pasted("O", "[-33, 12]")}, {}},
      {"consistent", ex, {answer("J:l/s", their_ls), answer("grad:O", their_gO), answer("grad:W1", their_gW1)}, {}},
      {"compared with their own", ex, {answer("grad:O", their_gO), answer("grad:W1", their_gW1.transpose())}, {}},
  };
}

}  // namespace check_cases
