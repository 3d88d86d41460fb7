// backprop-bench-compare: the engine's forward + backward on the networks `make bench-compare`
// compares with its peers (bench/compare.py), natively and as wasm under Node, one JSON line each.
//   backprop-bench-compare            {"name": "exercise", "ns": 1712.3} …
//   backprop-bench-compare --states   {"name": "exercise", "state": {…}} … (the same networks, for the peers)
//   backprop-bench-compare --budgets  only the training budgets' lines
// The graph is built every iteration, as PyTorch eager does: build_network + backward. Then the
// training budgets: one optimizer step of the exercise and of 8 × 64 over 50 points.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "engine/network.h"
#include "engine/state_json.h"
#include "engine/training.h"
#include "training_networks.h"

namespace {

std::vector<std::pair<std::string, bp::State>> networks() {
  std::vector<std::pair<std::string, bp::State>> out = {{"exercise", bp::exercise_state()}};
  for (int width : {16, 64, 256}) out.emplace_back("3 layers × " + std::to_string(width), bp::random_state(1, 3, width));
  return out;
}

// median over 7 rounds of the mean time per iteration, each round at least 50 ms
template <typename F>
double median_ns(F once) {
  std::vector<double> rounds;
  for (int r = 0; r < 7; ++r) {
    long n = 0;
    const auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    do {
      once();
      ++n;
      elapsed = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
    } while (elapsed < 5e7);
    rounds.push_back(elapsed / double(n));
  }
  std::sort(rounds.begin(), rounds.end());
  return rounds[rounds.size() / 2];
}

double ns_per_iteration(const bp::State& s) {
  volatile double sink = 0;
  return median_ns([&] {
    bp::Network<double> net = bp::build_network<double>(s);
    net.graph.backward(net.loss);
    sink = sink + net.graph[net.weights[0]].grad(0);
  });
}

// one SGD step (batch gradient + update), as the Train tab runs it
double ns_per_training_step(bp::State s) {
  bp::OptimizerSettings o;
  o.lr = 1e-3;
  bp::Optimizer optimizer(o);
  volatile double sink = 0;
  return median_ns([&] { sink = sink + optimizer.step(s).loss; });
}

}  // namespace

int main(int argc, char** argv) {
  const bool states = argc > 1 && std::string(argv[1]) == "--states";
  const bool budgets_only = argc > 1 && std::string(argv[1]) == "--budgets";
  for (const auto& [name, state] : networks()) {
    if (budgets_only) break;
    if (states) std::printf("{\"name\": \"%s\", \"state\": %s}\n", name.c_str(), bp::state_to_json(state).c_str());
    else std::printf("{\"name\": \"%s\", \"ns\": %.1f}\n", name.c_str(), ns_per_iteration(state));
    std::fflush(stdout);
  }
  if (states) return 0;
  // the training budgets: {"name", "ns", "budget_ns"} (the same lines natively and in wasm)
  const std::pair<const char*, std::pair<bp::State, double>> budgets[] = {
      {"train: exercise, SGD step", {bp::exercise_state(), 1e3}},
      {"train: 8 × 64 over the 50-point spiral, SGD step", {bench::deep_on_spiral(), 2e6}}};
  for (const auto& [name, what] : budgets) {
    std::printf("{\"name\": \"%s\", \"ns\": %.1f, \"budget_ns\": %.0f}\n", name, ns_per_training_step(what.first),
                what.second);
    std::fflush(stdout);
  }
  return 0;
}
