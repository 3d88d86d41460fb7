// The grading benchmark: backprop-cli grade's work (read, check, score, verify the exercise, look
// for identical wrong answers) for classes of 100, 1,000 and 10,000 sheets — 1 in 4 with a
// mistake. The budget: 1,000 sheets in ≤ 2 s, time linear in the number of sheets (BigO below).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "class_sample.h"
#include "coursework/grade.h"
#include "coursework/student_variant.h"
#include "engine/evaluate.h"

namespace {

std::vector<bp::GradeDocument> class_of(int n) {
  std::vector<bp::GradeDocument> docs;
  for (int i = 0; i < n; ++i) {
    const std::string id = std::to_string(30000000 + i);
    const bp::State st = bp::make_student_variant(id, "bench").value();
    const bp::AnswerSheet sheet = bp::answer_sheet(st, bp::evaluate(st));
    sample::Json a = sample::right_answers(sheet);
    if (i % 4 == 1) a["grad:W1"] = sample::matrix_json(0.5 * sheet.find("grad:W1")->truth, false);
    docs.push_back({id + ".json", sample::sheet_text(id, st, a), ""});
  }
  return docs;
}

void BM_Grade(benchmark::State& state) {
  const std::vector<bp::GradeDocument> docs = class_of(static_cast<int>(state.range(0)));
  bp::GradeOptions o;
  o.course = "bench";
  for (auto _ : state) benchmark::DoNotOptimize(bp::grade_sheets(docs, o));
  state.SetComplexityN(state.range(0));
  state.counters["sheets/s"] = benchmark::Counter(static_cast<double>(state.range(0)), benchmark::Counter::kIsIterationInvariantRate);
  state.SetLabel("budget: 1,000 sheets ≤ 2 s");
}

BENCHMARK(BM_Grade)->Name("grade/sheets")->Arg(100)->Arg(1000)->Arg(10000)->Iterations(1)->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace
