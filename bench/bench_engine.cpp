// backprop-bench: what one step of the engine costs, next to a hand-written loop as the floor.
//   build/native/backprop-bench                     (make bench)
//   build/native/backprop-bench --benchmark_filter=exercise
// After the table it prints each engine timing as a multiple of the hand loop (measured in the same
// run), and the goal: forward + autodiff backward of the exercise under 1 µs.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "engine/evaluate.h"
#include "engine/finite_differences.h"
#include "engine/jacobian_chain.h"
#include "engine/network.h"
#include "engine/state.h"

namespace {

// [SECTION] the floor: the exercise by hand, fixed size, plain scalars
//   h = W0·I,  L = ReLU(h),  O = W1·L,  l = Σ y_i (m − O_i) + log1p(Σ_{j≠k} e^{O_j − m})   (m = O_k = max O)
//   ∂l/∂O_i = s_i Σ_{j≠i} y_j − y_i Σ_{j≠i} s_j   (the engine's exact form: no s_i − 1)

template <typename T>
struct Exercise {
  T I[2] = {4, 1};
  T y[2] = {0, 1};
  T W0[2][2] = {{1, -2}, {2, 5}};
  T W1[2][2] = {{3, -3}, {-1, 1}};
};

template <typename T>
struct HandGrads {
  T l;
  T gW0[2][2], gW1[2][2], gI[2];
};

template <typename T>
inline HandGrads<T> hand_forward_backward(const Exercise<T>& e) {
  HandGrads<T> g;
  T h[2], L[2], O[2];
  for (int i = 0; i < 2; ++i) {
    h[i] = e.W0[i][0] * e.I[0] + e.W0[i][1] * e.I[1];
    L[i] = h[i] > 0 ? h[i] : T(0);
  }
  for (int i = 0; i < 2; ++i) O[i] = e.W1[i][0] * L[0] + e.W1[i][1] * L[1];
  // stable softmax cross-entropy from the logits
  const int k = O[1] > O[0] ? 1 : 0;
  const T m = O[k];
  const T rest = std::exp(O[1 - k] - m);  // the other class's e^{O_j − m}
  g.l = e.y[0] * (m - O[0]) + e.y[1] * (m - O[1]) + (e.y[0] + e.y[1]) * std::log1p(rest);
  const T denom = T(1) + rest;
  T s[2];
  s[k] = T(1) / denom;
  s[1 - k] = rest / denom;
  // two classes: Σ_{j≠0} = entry 1 and vice versa
  const T gO[2] = {s[0] * e.y[1] - e.y[0] * s[1], s[1] * e.y[0] - e.y[1] * s[0]};
  T gh[2];
  for (int j = 0; j < 2; ++j) {
    for (int i = 0; i < 2; ++i) g.gW1[i][j] = gO[i] * L[j];   // ∂l/∂W1 = gO Lᵀ
    const T gL = e.W1[0][j] * gO[0] + e.W1[1][j] * gO[1];   // ∂l/∂L = W1ᵀ gO
    gh[j] = h[j] > 0 ? gL : T(0);                           // d(relu)/dh = 1[h > 0]
  }
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) g.gW0[i][j] = gh[i] * e.I[j];  // ∂l/∂W0 = gh Iᵀ
  for (int j = 0; j < 2; ++j) g.gI[j] = e.W0[0][j] * gh[0] + e.W0[1][j] * gh[1];  // ∂l/∂I = W0ᵀ gh
  return g;
}

// Outside any timed loop: the floor must compute what the engine computes, or the ratio means nothing.
template <typename T>
void verify_hand_loop_matches_engine(const char* precision) {
  bp::Network<T> net = bp::build_network<T>(bp::exercise_state());
  net.graph.backward(net.loss);
  const HandGrads<T> hand = hand_forward_backward(Exercise<T>{});
  const T tol = 8 * std::numeric_limits<T>::epsilon();
  bool ok = std::abs(net.graph[net.loss].value(0) - hand.l) <= tol * std::abs(hand.l);
  auto same = [&](const bp::Mat<T>& engine, auto at) {
    T scale = engine.cwiseAbs().maxCoeff();
    for (Eigen::Index i = 0; i < engine.rows(); ++i)
      for (Eigen::Index j = 0; j < engine.cols(); ++j) ok = ok && std::abs(engine(i, j) - at(i, j)) <= tol * scale;
  };
  same(net.graph[net.weights[0]].grad, [&](Eigen::Index i, Eigen::Index j) { return hand.gW0[i][j]; });
  same(net.graph[net.weights[1]].grad, [&](Eigen::Index i, Eigen::Index j) { return hand.gW1[i][j]; });
  same(net.graph[net.input].grad, [&](Eigen::Index i, Eigen::Index) { return hand.gI[i]; });
  if (!ok) {
    std::fprintf(stderr, "backprop-bench: the hand-written loop (%s) disagrees with the engine: l %g vs %g, "
                         "gW1[1][1] %g vs %g\n",
                 precision, double(hand.l), double(net.graph[net.loss].value(0)), double(hand.gW1[1][1]),
                 double(net.graph[net.weights[1]].grad(1, 1)));
    std::abort();
  }
}

// [SECTION] benchmarks

template <typename T>
void BM_HandLoop(benchmark::State& st) {
  Exercise<T> e;
  for (auto _ : st) {
    benchmark::DoNotOptimize(e);  // the compiler must assume e changed: no constant folding
    HandGrads<T> g = hand_forward_backward(e);
    benchmark::DoNotOptimize(g);
  }
}

// forward + reverse-mode backward on a graph built once (what a training step over fixed shapes costs)
template <typename T>
void BM_ForwardBackward(benchmark::State& st, bp::State state) {
  bp::Network<T> net = bp::build_network<T>(state);
  for (auto _ : st) {
    net.graph.forward();
    net.graph.backward(net.loss);
    benchmark::DoNotOptimize(net.graph[net.loss].value.data());
    benchmark::DoNotOptimize(net.graph[net.weights[0]].grad.data());
    benchmark::ClobberMemory();
  }
}

template <typename T>
void BM_ForwardOnly(benchmark::State& st, bp::State state) {
  bp::Network<T> net = bp::build_network<T>(state);
  for (auto _ : st) {
    net.graph.forward();
    benchmark::DoNotOptimize(net.graph[net.loss].value.data());
    benchmark::ClobberMemory();
  }
}

template <typename T>
void BM_BackwardOnly(benchmark::State& st, bp::State state) {
  bp::Network<T> net = bp::build_network<T>(state);
  for (auto _ : st) {
    net.graph.backward(net.loss);
    benchmark::DoNotOptimize(net.graph[net.weights[0]].grad.data());
    benchmark::ClobberMemory();
  }
}

// building the graph every step (its forward runs as ops are applied) + backward: PyTorch eager's model
template <typename T>
void BM_BuildForwardBackward(benchmark::State& st) {
  for (auto _ : st) {
    bp::Network<T> net = bp::build_network<T>(bp::exercise_state());
    net.graph.backward(net.loss);
    benchmark::DoNotOptimize(net.graph[net.weights[0]].grad.data());
    benchmark::ClobberMemory();
  }
}

void BM_JacobianChain(benchmark::State& st, bp::State state) {
  bp::Network<double> net = bp::build_network<double>(state);
  for (auto _ : st) {
    bp::JacobianChain<double> chain = bp::jacobian_chain(net.graph, net.loss);
    benchmark::DoNotOptimize(chain.rows.data());
    benchmark::ClobberMemory();
  }
}

void BM_NumericGradients(benchmark::State& st, bp::State state) {
  bp::Network<double> net = bp::build_network<double>(state);
  for (auto _ : st) {
    bp::NumericGradients<double> num = bp::numeric_gradients(net);
    benchmark::DoNotOptimize(num.grads.data());
    benchmark::ClobberMemory();
  }
}

void BM_Evaluate(benchmark::State& st, bp::State state) {
  for (auto _ : st) {
    bp::Report report = bp::evaluate(state);
    benchmark::DoNotOptimize(report.autodiff.data());
    benchmark::ClobberMemory();
  }
}

bp::State mlp3(int width) { return bp::random_state(1, 3, width); }

void register_benchmarks() {
  using benchmark::RegisterBenchmark;
  const bp::State ex = bp::exercise_state();
  RegisterBenchmark("exercise/hand_loop/f64", BM_HandLoop<double>);
  RegisterBenchmark("exercise/hand_loop/f32", BM_HandLoop<float>);
  RegisterBenchmark("exercise/forward_backward/f64", BM_ForwardBackward<double>, ex);
  RegisterBenchmark("exercise/forward_backward/f32", BM_ForwardBackward<float>, ex);
  RegisterBenchmark("exercise/forward/f64", BM_ForwardOnly<double>, ex);
  RegisterBenchmark("exercise/backward/f64", BM_BackwardOnly<double>, ex);
  RegisterBenchmark("exercise/build_forward_backward/f64", BM_BuildForwardBackward<double>);
  RegisterBenchmark("exercise/build_forward_backward/f32", BM_BuildForwardBackward<float>);
  RegisterBenchmark("exercise/jacobian_chain/f64", BM_JacobianChain, ex);
  RegisterBenchmark("exercise/numeric_gradients/f64", BM_NumericGradients, ex);
  RegisterBenchmark("exercise/evaluate/f64", BM_Evaluate, ex)->Unit(benchmark::kMicrosecond);
  for (int width : {16, 64, 256})
    RegisterBenchmark(("mlp3/forward_backward/f64/width:" + std::to_string(width)).c_str(),
                      BM_ForwardBackward<double>, mlp3(width))
        ->Unit(benchmark::kMicrosecond);
}

// [SECTION] reporting: the table as usual, then the ratios to the hand loop

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  using ConsoleReporter::ConsoleReporter;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.error_occurred) continue;
      // CPU time: on a shared 2-core machine wall time also counts the time other processes held the core
      const double ns = r.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(r.time_unit) * 1e9;
      const std::string name = r.run_name.str();
      if (r.run_type == Run::RT_Aggregate) {
        if (r.aggregate_name == "median") median_[name] = ns;  // with --benchmark_repetitions
      } else {
        auto it = ns_.find(name);
        ns_[name] = it == ns_.end() ? ns : std::min(it->second, ns);  // best of repetitions
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  /// CPU nanoseconds per iteration of a benchmark that ran (the median of its repetitions if it was
  /// repeated), or NaN.
  double ns(const std::string& name) const {
    if (auto it = median_.find(name); it != median_.end()) return it->second;
    auto it = ns_.find(name);
    return it == ns_.end() ? std::nan("") : it->second;
  }

 private:
  std::map<std::string, double> ns_, median_;
};

void print_summary(const RatioReporter& r) {
  constexpr double kGoalNs = 1000;  // the engine's goal: forward + autodiff backward under 1 µs
  std::printf("\nRatios to the hand-written loop (same precision; CPU time per iteration)\n");
  for (const char* p : {"f64", "f32"}) {
    const double floor = r.ns(std::string("exercise/hand_loop/") + p);
    if (std::isnan(floor)) continue;
    for (const char* what : {"forward_backward", "build_forward_backward"}) {
      const std::string name = std::string("exercise/") + what + "/" + p;
      const double t = r.ns(name);
      if (!std::isnan(t))
        std::printf("  %-42s %10.1f ns = %7.1f × hand loop (%.1f ns)\n", name.c_str(), t, t / floor, floor);
    }
  }
  // the training budgets (bench_training.cpp): one step = batch gradient + update
  std::printf("\nTraining budgets (one optimizer step, CPU time)\n");
  for (const auto& [name, budget_ns] : {std::pair<const char*, double>{"train/exercise/sgd_step/f64", 1000},
                                        {"train/8x64_spiral50/sgd_step/f64", 2e6}}) {
    const double t = r.ns(name);
    if (!std::isnan(t))
      std::printf("  %-36s %12.1f ns  budget %9.0f ns  %s\n", name, t, budget_ns, t <= budget_ns ? "MET" : "NOT MET");
  }
  const double fb = r.ns("exercise/forward_backward/f64");
  if (!std::isnan(fb))
    std::printf("\nGoal: exercise forward + autodiff backward under %.0f ns: %.1f ns, %s\n", kGoalNs, fb,
                fb < kGoalNs ? "MET" : "NOT MET");
}

}  // namespace

int main(int argc, char** argv) {
  verify_hand_loop_matches_engine<double>("f64");
  verify_hand_loop_matches_engine<float>("f32");
  register_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter(isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_ColorTabular
                                               : benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  print_summary(reporter);
  benchmark::Shutdown();
  return 0;
}
