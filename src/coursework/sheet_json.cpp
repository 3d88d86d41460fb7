// Reading the sheet strictly (every error names its place) and writing the verdicts.
#include "coursework/sheet_json.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "coursework/student_variant.h"
#include "coursework/words.h"
#include "engine/json_read.h"
#include "engine/state_json.h"

namespace bp {
namespace {

using detail::Json;

// "a string", "an array", …: a JSON value's kind, for messages in the process's language
std::string kind_of(const Json& j) { return detail::json_type_words(j); }

constexpr int kMaxAnswerDepth = 32;
constexpr size_t kMaxAnswerRow = 4096;

// nested arrays of numbers → a vector or matrix, with the same rules as pasted text
bool shape_of(const Json& j, const std::string& path, int depth, std::vector<size_t>& dims, std::vector<double>& values,
              Error& error) {
  dims.clear();
  if (j.is_number()) {
    values.push_back(j.get<double>());
    return true;
  }
  if (!j.is_array()) {
    error = {path, sayf(Msg::sheet_want_number, {{"type", kind_of(j)}})};
    return false;
  }
  if (depth > kMaxAnswerDepth) {
    error = {path, sayf(Msg::sheet_too_deep, {{"n", std::to_string(kMaxAnswerDepth)}})};
    return false;
  }
  if (j.empty()) {
    error = {path, say(Msg::printout_empty)};
    return false;
  }
  std::vector<size_t> first;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string sub = path + "[" + std::to_string(i) + "]";
    std::vector<size_t> d;
    if (!shape_of(j[i], sub, depth + 1, d, values, error)) return false;
    if (i == 0) {
      first = d;
    } else if (d != first) {
      if (j[i].is_array() != j[0].is_array())
        error = {sub, sayf(Msg::sheet_kind_differs, {{"type", kind_of(j[i])}, {"first", kind_of(j[0])}})};
      else if (d.size() != first.size() || d[0] == first[0])
        error = {sub, say(Msg::sheet_nested_differently)};
      else
        error = {sub, sayf(Msg::sheet_row_length,
                           {{"count", sayf(d[0] == 1 ? Msg::printout_entries_one : Msg::printout_entries_many,
                                           {{"n", std::to_string(d[0])}})},
                            {"first", std::to_string(first[0])}})};
      return false;
    }
  }
  dims.push_back(j.size());
  dims.insert(dims.end(), first.begin(), first.end());
  return true;
}

Expected<ParsedAnswer> answer_from_json(const Json& j, const std::string& field) {
  if (j.is_string()) {
    auto parsed = parse_printout(j.get<std::string>());
    if (!parsed) return Error{field, parsed.error().reason};
    return parsed;
  }
  if (!j.is_number() && !j.is_array())
    return Error{field, sayf(Msg::sheet_want_answer, {{"type", kind_of(j)}})};
  std::vector<size_t> dims;
  std::vector<double> values;
  Error error;
  if (!shape_of(j, field, 0, dims, values, error)) return error;
  while (dims.size() > 2 && dims.front() == 1) dims.erase(dims.begin());
  if (dims.size() > 2) return Error{field, sayf(Msg::sheet_too_many_dims, {{"n", std::to_string(dims.size())}})};
  return answer_from(dims, values);
}

}  // namespace

Expected<Sheet> parse_sheet(std::string_view text, std::string_view source_view) {
  const std::string source(source_view);
  if (auto e = check_input_size(text, source)) return *e;
  if (detail::is_blank(text)) return Error{source, say(Msg::sheet_empty)};
  Json doc;
  // {"answers": {"h": <up to kMaxAnswerDepth levels of arrays>}}
  // an answer's row is at most a Jacobian's width: |wrt| ≤ 64 × 64 entries of a weight
  const detail::JsonLimits limits{2 + kMaxAnswerDepth, kMaxAnswerRow};
  if (const auto f = detail::read_json(text, limits, doc)) {
    if (f->kind == detail::JsonReadFailure::Kind::TooDeep) {  // named by its key: "answers.h"
      const std::string field = f->where.substr(0, f->where.find('['));
      return Error{field.empty() ? source : field, sayf(Msg::sheet_too_deep, {{"n", std::to_string(kMaxAnswerDepth)}})};
    }
    return detail::json_failure_error(*f, source, limits);
  }
  if (!doc.is_object()) return Error{source, sayf(Msg::sheet_not_object, {{"type", kind_of(doc)}})};
  for (const auto& item : doc.items())
    if (item.key() != "state" && item.key() != "answers" && item.key() != "student" && item.key() != "layout")
      return Error{item.key(), say(Msg::sheet_unknown_key)};
  if (!doc.contains("state")) return Error{"state", say(Msg::sheet_missing)};
  if (!doc.contains("answers")) return Error{"answers", say(Msg::sheet_missing_answers)};
  const Json& state_json = doc["state"];
  if (!state_json.is_object())
    return Error{"state", sayf(Msg::sheet_state_not_object, {{"type", kind_of(state_json)}})};
  auto state = parse_state(state_json.dump(), "state");
  if (!state) {
    const Error& e = state.error();
    return Error{e.field == "state" ? e.field : "state." + e.field, e.reason};
  }
  const Json& answers = doc["answers"];
  if (!answers.is_object())
    return Error{"answers", sayf(Msg::sheet_answers_not_object, {{"type", kind_of(answers)}})};

  Sheet sheet;
  sheet.state = std::move(state).value();
  if (doc.contains("student")) {
    if (!doc["student"].is_string())
      return Error{"student", sayf(Msg::sheet_student_not_string, {{"type", kind_of(doc["student"])}})};
    sheet.student = doc["student"].get<std::string>();
    if (auto e = check_student_id(sheet.student)) return *e;
  }
  if (doc.contains("layout")) {
    const Json& l = doc["layout"];
    sheet.layout = l.is_string() ? parse_layout(l.get<std::string>()) : std::nullopt;
    if (!sheet.layout)
      return Error{"layout", sayf(Msg::sheet_bad_layout, {{"got", l.is_string() ? "\"" + l.get<std::string>() + "\"" : kind_of(l)}})};
  }
  for (const auto& item : answers.items()) {
    const Json& v = item.value();
    if (v.is_null() || (v.is_string() && detail::is_blank(v.get<std::string>()))) continue;  // an empty cell
    auto parsed = answer_from_json(v, "answers." + item.key());
    if (!parsed) return parsed.error();
    sheet.texts.emplace_back(item.key(), v.is_string() ? v.get<std::string>() : v.dump());
    sheet.answers.push_back({item.key(), std::move(parsed).value()});
  }
  return sheet;
}

Expected<Sheet> parse_state_or_sheet(std::string_view text, std::string_view source) {
  auto state = parse_state(text, source);
  if (state) return Sheet{std::move(state).value(), {}, {}, "", std::nullopt, false};
  // a sheet's top-level keys are unknown keys of a state: the first the state reader met tells
  const std::string& key = state.error().field;
  if (key == "state" || key == "answers" || key == "student" || key == "layout") return parse_sheet(text, source);
  return state.error();
}

std::string check_result_to_json(const CheckResult& r, int indent) {
  Json verdicts = Json::object();
  for (const Verdict& v : r.verdicts) {
    Json j;
    j["ok"] = v.ok;
    j["mistake"] = v.mistake ? Json(std::string(mistake_name(*v.mistake))) : Json(nullptr);
    j["factor"] = v.factor ? detail::number_json(*v.factor) : Json(nullptr);
    j["message"] = v.message;
    j["consistent_with"] = v.consistent_with;
    verdicts[v.key] = std::move(j);
  }
  Json out;
  out["verdicts"] = std::move(verdicts);
  out["first_wrong"] = r.first_wrong ? Json(*r.first_wrong) : Json(nullptr);
  // user text can reach the messages: never throw on invalid UTF-8
  return out.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string blank_sheet_json(const State& state, const AnswerSheet& sheet, int indent, const std::string& student,
                             WeightLayout layout) {
  Json out;
  if (!student.empty()) out["student"] = student;
  if (layout != WeightLayout::RowMajor) out["layout"] = std::string(layout_name(layout));
  out["state"] = detail::state_dom(state);
  Json answers = Json::object();
  for (const SheetCell& c : sheet.cells)
    if (c.listed) answers[c.key] = "";
  out["answers"] = std::move(answers);
  return out.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace bp
