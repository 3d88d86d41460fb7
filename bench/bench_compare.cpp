// backprop-bench-compare: the engine's forward + backward on the networks `make bench-compare`
// compares with its peers (bench/compare.py), natively and as wasm under Node, one JSON line each.
//   backprop-bench-compare            {"name": "exercise", "ns": 1712.3} …
//   backprop-bench-compare --states   {"name": "exercise", "state": {…}} … (the same networks, for the peers)
// The graph is built every iteration, as PyTorch eager does: build_network + backward.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "engine/network.h"
#include "engine/state_json.h"

namespace {

std::vector<std::pair<std::string, bp::State>> networks() {
  std::vector<std::pair<std::string, bp::State>> out = {{"exercise", bp::exercise_state()}};
  for (int width : {16, 64, 256}) out.emplace_back("3 layers × " + std::to_string(width), bp::random_state(1, 3, width));
  return out;
}

// median over 7 rounds of the mean time per iteration, each round at least 50 ms
double ns_per_iteration(const bp::State& s) {
  volatile double sink = 0;
  auto once = [&] {
    bp::Network<double> net = bp::build_network<double>(s);
    net.graph.backward(net.loss);
    sink = sink + net.graph[net.weights[0]].grad(0);
  };
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

}  // namespace

int main(int argc, char** argv) {
  const bool states = argc > 1 && std::string(argv[1]) == "--states";
  for (const auto& [name, state] : networks()) {
    if (states) std::printf("{\"name\": \"%s\", \"state\": %s}\n", name.c_str(), bp::state_to_json(state).c_str());
    else std::printf("{\"name\": \"%s\", \"ns\": %.1f}\n", name.c_str(), ns_per_iteration(state));
    std::fflush(stdout);
  }
  return 0;
}
