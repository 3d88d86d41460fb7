// The training budgets: one optimizer step (the batch gradient, then the update) of the exercise,
// and of 8 × 64 over the 50-point spiral. Budgets are printed by bench_engine.cpp's summary.
#include <benchmark/benchmark.h>

#include "engine/training.h"
#include "training_networks.h"

namespace {

void step(benchmark::State& st, bp::State state, bp::OptimizerKind kind) {
  bp::OptimizerSettings o;
  o.kind = kind;
  o.lr = 1e-3;
  bp::Optimizer optimizer(o);
  for (auto _ : st) {
    bp::BatchGradient g = optimizer.step(state);
    benchmark::DoNotOptimize(g.loss);
    benchmark::ClobberMemory();
  }
}

}  // namespace

BENCHMARK_CAPTURE(step, exercise_sgd, bp::exercise_state(), bp::OptimizerKind::Sgd)->Name("train/exercise/sgd_step/f64");
BENCHMARK_CAPTURE(step, exercise_adam, bp::exercise_state(), bp::OptimizerKind::Adam)->Name("train/exercise/adam_step/f64");
BENCHMARK_CAPTURE(step, deep_sgd, bench::deep_on_spiral(), bp::OptimizerKind::Sgd)
    ->Name("train/8x64_spiral50/sgd_step/f64")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(step, deep_adam, bench::deep_on_spiral(), bp::OptimizerKind::Adam)
    ->Name("train/8x64_spiral50/adam_step/f64")->Unit(benchmark::kMicrosecond);
