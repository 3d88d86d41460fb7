// Answers: the texts are the source of truth; parse errors and verdicts are derived from them and
// the network's sheet, and recomputed together whenever one of those changes.
#include "app/logic/answers.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/json_read.h"

#include "engine/number_format.h"
#include "coursework/printout_parse.h"
#include "coursework/sheet_json.h"
#include "engine/state_json.h"

namespace app::logic {
namespace {

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// the sheet's edge of the first op of `op` kinds on the chain (edges run from l backwards)
std::optional<std::pair<std::string, std::string>> edge_of_op(const bp::AnswerSheet& sheet,
                                                               std::initializer_list<bp::OpKind> ops) {
  for (const bp::SheetEdge& e : sheet.edges)
    if (std::find(ops.begin(), ops.end(), e.op) != ops.end()) return std::make_pair(e.of, e.wrt);
  return std::nullopt;
}

}  // namespace

void Answers::sync(const bp::State& state, const bp::Report* report, const bp::Error* error, long revision) {
  // a new language too: the sheet's formula words and the verdicts are said in it
  if (revision == revision_ && language_ == bp::lang::language()) return;
  revision_ = revision;
  language_ = bp::lang::language();
  sheet_.reset();
  network_error_.reset();
  if (report) sheet_ = bp::answer_sheet(state, *report);
  else network_error_ = error ? *error : bp::Error{"state", "not evaluated"};
  check();
}

const std::string& Answers::text(const std::string& key) const {
  static const std::string kEmpty;
  const auto it = texts_.find(key);
  return it == texts_.end() ? kEmpty : it->second;
}

std::string Answers::set_text(const std::string& key, std::string text) {
  if (sheet_ && !sheet_->find(key)) {
    // the checker's own message for an unknown key ("did you mean …")
    bp::ParsedAnswer dummy{Eigen::MatrixXd::Zero(1, 1), bp::Dims::Scalar};
    const auto r = bp::check_answers(*sheet_, {bp::Answer{key, dummy}}, {tolerance_});
    return r ? bp::Error{"answers." + key, "unknown key"}.line() : r.error().line();
  }
  ++edits_;
  if (text.empty()) texts_.erase(key);
  else texts_[key] = std::move(text);
  check();
  const std::string* e = parse_error(key);
  return e ? bp::Error{"answers." + key, *e}.line() : "";
}

void Answers::clear() {
  ++edits_;
  texts_.clear();
  check();
}

void Answers::replace_texts(std::map<std::string, std::string> texts) {
  ++edits_;
  texts_ = std::move(texts);
  for (auto it = texts_.begin(); it != texts_.end();) it = it->second.empty() ? texts_.erase(it) : std::next(it);
  check();
}

const std::string* Answers::parse_error(const std::string& key) const {
  const auto it = errors_.find(key);
  return it == errors_.end() ? nullptr : &it->second;
}

const bp::Verdict* Answers::verdict(const std::string& key) const {
  if (!result_) return nullptr;
  for (const bp::Verdict& v : result_->verdicts)
    if (v.key == key) return &v;
  return nullptr;
}

std::optional<std::string> Answers::first_wrong() const {
  return result_ ? result_->first_wrong : std::nullopt;
}

std::optional<std::pair<std::string, std::string>> Answers::highlighted_edge() const {
  const auto key = first_wrong();
  if (!key || !sheet_) return std::nullopt;
  const bp::SheetCell* cell = sheet_->find(*key);
  const bp::Verdict* v = verdict(*key);
  if (!cell || !v) return std::nullopt;
  if (cell->kind == bp::CellKind::Jacobian) return std::make_pair(cell->node, cell->wrt);
  if (v->mistake) {  // a value that one mistaken factor explains: that factor's edge
    using bp::OpKind;
    switch (*v->mistake) {
      case bp::Mistake::ReluMask:
        if (auto e = edge_of_op(*sheet_, {OpKind::Relu, OpKind::LeakyRelu})) return e;
        break;
      case bp::Mistake::SoftmaxDiagonalOnly:
        if (auto e = edge_of_op(*sheet_, {OpKind::Softmax})) return e;
        break;
      case bp::Mistake::LabelIgnored:
        if (auto e = edge_of_op(*sheet_, {OpKind::CrossEntropy, OpKind::SoftmaxCrossEntropy})) return e;
        break;
      default:
        break;
    }
  }
  if (cell->kind == bp::CellKind::Forward) return std::nullopt;
  // ∇_x l: the last factor of its chain, the edge into x
  const std::string node = cell->node == "input" ? "I" : cell->node;
  for (const bp::SheetEdge& e : sheet_->edges)
    if (e.wrt == cell->node || e.wrt == node) return std::make_pair(e.of, e.wrt);
  return std::nullopt;
}

std::string Answers::set_tolerance(double tolerance) {
  if (!(tolerance > 0 && tolerance < 1))
    return bp::Error{"tolerance", "must be a number between 0 and 1 (exclusive), got " + bp::format_number(tolerance)}
        .line();
  if (tolerance != tolerance_) {
    tolerance_ = tolerance;
    check();
  }
  return "";
}

Answers::Counts Answers::counts() const {
  Counts c;
  for (const auto& [key, text] : texts_)
    if (!blank(text)) ++c.filled;
  c.unreadable = static_cast<int>(errors_.size());
  if (result_)
    for (const bp::Verdict& v : result_->verdicts) ++(v.ok ? c.ok : c.wrong);
  return c;
}

void Answers::check() {
  errors_.clear();
  result_.reset();
  check_error_.reset();
  std::vector<bp::Answer> answers;
  for (const auto& [key, text] : texts_) {
    if (blank(text)) continue;
    auto parsed = bp::parse_printout(text);
    if (!parsed) {
      errors_[key] = parsed.error().reason;
      continue;
    }
    if (sheet_ && sheet_->find(key)) answers.push_back({key, std::move(parsed).value()});
  }
  if (!sheet_) return;
  auto result = bp::check_answers(*sheet_, answers, {tolerance_});
  if (result) result_ = std::move(result).value();
  else check_error_ = result.error();
}

std::string Answers::sheet_json(const bp::State& state, int indent, const std::string& student) const {
  using Json = nlohmann::ordered_json;  // the sheet's order, as backprop-cli key --blank prints it
  Json out;
  if (!student.empty()) out["student"] = student;
  out["state"] = bp::detail::state_dom(state);
  Json answers = Json::object();
  if (sheet_)
    for (const bp::SheetCell& c : sheet_->cells)
      if (c.listed || !text(c.key).empty()) answers[c.key] = text(c.key);
  out["answers"] = std::move(answers);
  return out.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string Answers::verdicts_json() const {
  const std::optional<bp::Error>& e = network_error_ ? network_error_ : check_error_;
  if (e || !result_) {
    const std::string line = e ? e->line() : "error: answers: not checked";
    return nlohmann::json{{"error", line}}.dump();
  }
  return bp::check_result_to_json(*result_);
}

}  // namespace app::logic
