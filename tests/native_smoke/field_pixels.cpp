// field-pixels: the plane's and the landscape's shaders against the engine, natively (GL 3.3 on
// Mesa under Xvfb). For networks of every activation and depth 1–8 up to 8 × 64 it renders the
// plane offscreen (the app's own Field and plane_samples_json, as the JS API does), decodes the
// class probability from each sampled pixel's colour and compares it with the engine's s at the
// pixel's centre; then the landscape's colour, decoded to log10 of the loss, with the engine's
// loss. Tolerances (8-bit colour): |Δp| ≤ 3/255 + 0.01; |Δ log10 l| ≤ 0.07 beyond what a pixel's
// step changes it (measured: ≤ 0.042), away from the lines.
// Exit 0 when every network passes, 1 otherwise; 77 (skipped) without a GL 3.3 context.
// `field-pixels --bench` times the exercise's redraws instead (make bench-app).
#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/field_views.h"
#include "platform/gl.h"
#include "engine/evaluate.h"
#include "engine/training.h"

namespace {

using nlohmann::json;

struct Rng {  // splitmix64: the same networks every run
  uint64_t x;
  double uniform() {  // [−1, 1)
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return double(z >> 11) / double(1ull << 52) - 1.0;
  }
};

bp::State network(uint64_t seed, int layers, int width, bp::Activation act, int classes, bool biases) {
  Rng rng{seed};
  bp::State s;
  s.input = Eigen::Vector2d(rng.uniform() * 2, rng.uniform() * 2);
  int n_in = 2;
  for (int k = 0; k < layers; ++k) {
    const int n_out = k + 1 == layers ? classes : width;
    const double scale = 2.5 / std::sqrt(double(n_in));  // outputs of order 1–10: p away from 0 and 1
    s.weights.push_back(Eigen::MatrixXd::NullaryExpr(n_out, n_in, [&] { return rng.uniform() * scale; }));
    if (biases) s.biases.push_back(Eigen::VectorXd::NullaryExpr(n_out, [&] { return rng.uniform() * 0.5; }));
    else s.biases.push_back(std::nullopt);
    n_in = n_out;
  }
  s.label = Eigen::VectorXd::Zero(classes);
  s.label(0) = 1;
  s.activation = act;
  return s;
}

Eigen::VectorXd probabilities(bp::State s, double x, double y) {
  s.input = Eigen::Vector2d(x, y);
  const bp::Report r = bp::evaluate(s, {false, false});
  return r.find_forward("s")->value.col(0);
}

double margin(const Eigen::VectorXd& p) {  // top two probabilities apart
  std::vector<double> v(p.data(), p.data() + p.size());
  std::sort(v.rbegin(), v.rend());
  return v[0] - v[1];
}

// p from a pixel: pixel = Σ p_c colour_c with Σ p_c = 1 (least squares for three classes)
Eigen::VectorXd decode_p(const json& px, const json& colors, int n) {
  Eigen::Vector3d c(px[0].get<double>(), px[1].get<double>(), px[2].get<double>());
  auto col = [&](int k) { return Eigen::Vector3d(colors[k][0], colors[k][1], colors[k][2]); };
  Eigen::MatrixXd A(3, n - 1);
  for (int k = 0; k < n - 1; ++k) A.col(k) = col(k) - col(n - 1);
  const Eigen::VectorXd q = A.colPivHouseholderQr().solve(c - col(n - 1));
  Eigen::VectorXd p(n);
  p.head(n - 1) = q;
  p(n - 1) = 1 - q.sum();
  return p;
}

// log10 of the loss from a landscape pixel: the nearest point of the scale's polyline
double decode_decade(const json& px, const json& stops, double lo, double hi) {
  const Eigen::Vector3d c(px[0].get<double>(), px[1].get<double>(), px[2].get<double>());
  double best = 1e30, at = 0;
  for (int i = 0; i < 4; ++i) {
    const Eigen::Vector3d a(stops[i][0], stops[i][1], stops[i][2]), b(stops[i + 1][0], stops[i + 1][1], stops[i + 1][2]);
    const double t = std::clamp((c - a).dot(b - a) / (b - a).squaredNorm(), 0.0, 1.0);
    const double d = (a + t * (b - a) - c).squaredNorm();
    if (d < best) best = d, at = (i + t) / 4;
  }
  return lo + at * (hi - lo);
}

bool check_plane(app::App& a, const bp::State& s, const std::string& name) {
  a.model.replace(s);
  a.plane.fitted = true;
  a.plane.fitted_revision = -1;
  json points = json::array();
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) points.push_back({0, 0});
  // the window is known after the first call: sample a 16 × 16 grid inside it
  json first = json::parse(app::plane_samples_json(a, "[]"));
  if (first.contains("error")) {
    std::printf("FAIL %s: %s\n", name.c_str(), first["error"].get<std::string>().c_str());
    return false;
  }
  const auto w = first["window"];
  const double x0 = w[0], y0 = w[1], x1 = w[2], y1 = w[3];
  points = json::array();
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) points.push_back({x0 + (i + 0.5) / 16 * (x1 - x0), y0 + (j + 0.5) / 16 * (y1 - y0)});
  const json out = json::parse(app::plane_samples_json(a, points.dump()));
  const int n = static_cast<int>(s.label.size()), res = out["resolution"];
  const double px_x = (x1 - x0) / res, px_y = (y1 - y0) / res;
  int compared = 0, bad = 0;
  double worst = 0;
  for (size_t k = 0; k < points.size(); ++k) {
    const double cx = out["centres"][k][0], cy = out["centres"][k][1];
    const Eigen::VectorXd p = probabilities(s, cx, cy);
    // away from the iso-line: the pixel and its neighbours 2 pixels around are clear of it
    bool near_line = false;
    for (auto [dx, dy] : {std::pair{0, 0}, {2, 0}, {-2, 0}, {0, 2}, {0, -2}})
      near_line |= margin(probabilities(s, cx + dx * px_x, cy + dy * px_y)) < 0.06;
    if (near_line) continue;
    const Eigen::VectorXd got = decode_p(out["pixels"][k], out["colors"], n);
    const double err = (got - p).cwiseAbs().maxCoeff();
    ++compared;
    worst = std::max(worst, err);
    if (err > 3.0 / 255 + 0.01) {
      if (++bad <= 3)
        std::printf("  %s at (%.4g, %.4g): engine p0 = %.5f, pixel %s → %.5f\n", name.c_str(), cx, cy, p(0),
                    out["pixels"][k].dump().c_str(), got(0));
    }
  }
  const bool ok = bad == 0 && compared >= 100 && res == 512;
  std::printf("%s plane %s: %d points compared at %d², worst |Δp| = %.4f (512² drawn in %.1f ms)\n", ok ? "ok  " : "FAIL",
              name.c_str(), compared, res, worst, a.plane.field.level_ms(app::Field::kLevels - 1));
  return ok;
}

double loss_at(bp::State s, const app::ParamPick& a, double va, const app::ParamPick& b, double vb) {
  app::set_pick_value(s, a, va);
  app::set_pick_value(s, b, vb);
  return bp::batch_gradient(s).loss;  // the training-set loss: the dataset's mean, or the one sample's
}

constexpr double kDecadeTolerance = 0.07;  // a folded term off by its stored value read 0.085–17

// over the two parameters given, else the app's defaults (W0[0,0] and the last layer's [0,0])
bool check_landscape(app::App& a, const bp::State& s, const std::string& name, std::optional<app::ParamPick> pick_a = {},
                     std::optional<app::ParamPick> pick_b = {}) {
  a.model.replace(s);
  a.landscape.a = pick_a;
  a.landscape.b = pick_b;
  a.landscape.centred = false;
  json first = json::parse(app::landscape_samples_json(a, "[]"));
  if (first.contains("error")) {
    std::printf("FAIL %s: %s\n", name.c_str(), first["error"].get<std::string>().c_str());
    return false;
  }
  const auto w = first["window"];
  const double x0 = w[0], y0 = w[1], x1 = w[2], y1 = w[3];
  json points = json::array();
  for (int i = 0; i < 12; ++i)
    for (int j = 0; j < 12; ++j) points.push_back({x0 + (i + 0.5) / 12 * (x1 - x0), y0 + (j + 0.5) / 12 * (y1 - y0)});
  const json out = json::parse(app::landscape_samples_json(a, points.dump()));
  const int res = out["resolution"];
  const double lo = out["decades"][0], hi = out["decades"][1];
  const double px_x = (x1 - x0) / res, px_y = (y1 - y0) / res;
  const app::ParamPick pa = *a.landscape.a, pb = *a.landscape.b;
  int compared = 0, bad = 0;
  double worst = 0, beyond = 0;
  for (size_t k = 0; k < points.size(); ++k) {
    const double cx = out["centres"][k][0], cy = out["centres"][k][1];
    const double d = std::log10(loss_at(s, pa, cx, pb, cy));
    if (!(d > lo + 0.5 && d < hi - 0.5)) continue;  // past the scale's ends: its floor or ceiling
    double per_px = 0;  // how far a pixel moves the decade: the contour's half-width
    for (auto [dx, dy] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}})
      per_px = std::max(per_px, std::abs(std::log10(loss_at(s, pa, cx + dx * px_x, pb, cy + dy * px_y)) - d));
    if (std::abs(d - std::round(d)) < 2.5 * per_px + 0.05) continue;  // on a contour line
    const double got = decode_decade(out["pixels"][k], out["stops"], lo, hi);
    ++compared;
    worst = std::max(worst, std::abs(got - d));
    beyond = std::max(beyond, std::abs(got - d) - per_px);
    if (std::abs(got - d) > per_px + kDecadeTolerance && ++bad <= 3)
      std::printf("  %s at (%.4g, %.4g): engine log10 l = %.3f, pixel → %.3f\n", name.c_str(), cx, cy, d, got);
  }
  const bool ok = bad == 0 && compared >= 40;
  std::printf("%s landscape %s over %s, %s: %d points compared, worst |Δ log10 l| = %.3f, beyond a pixel's change %.3f\n", ok ? "ok  " : "FAIL",
              name.c_str(), out["a"].get<std::string>().c_str(), out["b"].get<std::string>().c_str(), compared, worst, beyond);
  return ok;
}

// --bench (make bench-app): the exercise's 512² redraws with the programs built (a weight changes
// each time), each timed by Field's read-backs; the median of 15 against the 4 ms budget
void bench(app::App& a) {
  std::printf("fields natively (GL_RENDERER %s): the exercise redrawn at 512², median of 15 redraws\n",
              reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
  std::vector<double> plane, landscape;
  bp::State s = bp::exercise_state();
  for (int i = 0; i < 18; ++i) {
    s.weights[1](0, 0) = 3 + i / 64.0;
    a.model.replace(s);
    app::plane_samples_json(a, "[]");
    a.landscape.centred = true;  // the same window
    app::landscape_samples_json(a, "[]");
    if (i < 3) continue;  // the first compiles
    plane.push_back(a.plane.field.level_ms(app::Field::kLevels - 1));
    landscape.push_back(a.landscape.field.level_ms(app::Field::kLevels - 1));
  }
  for (auto [name, times] : {std::pair{"plane", &plane}, {"landscape", &landscape}}) {
    std::sort(times->begin(), times->end());
    const double median = (*times)[times->size() / 2];
    std::printf("  the exercise, %-9s redrawn at 512²: %.2f ms (%.2f–%.2f)   budget 4 ms: %s\n", name, median, times->front(),
                times->back(), median <= 4 ? "ok" : "OVER");
  }
}

bool check_all(app::App& a);  // every network's plane and landscape against the engine (below main)

}  // namespace

int main(int argc, char** argv) {
  const bool benchmark = argc > 1 && std::string(argv[1]) == "--bench";
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    std::printf("skipped: no video: %s\n", SDL_GetError());
    return 77;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_Window* window = SDL_CreateWindow("field-pixels", 0, 0, 64, 64, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
  SDL_GLContext context = window ? SDL_GL_CreateContext(window) : nullptr;
  if (!context) {
    std::printf("skipped: no GL 3.3 context: %s\n", SDL_GetError());
    return 77;
  }
  auto a = std::make_unique<app::App>();
  app::fields_init(*a);
  bool ok = a->plane.field.ready() && a->landscape.field.ready();
  if (!ok) std::printf("FAIL: the field shaders did not compile\n");
  if (ok && benchmark) bench(*a);
  else if (ok) ok = check_all(*a);
  app::fields_shutdown(*a);
  a.reset();
  SDL_GL_DeleteContext(context);
  SDL_DestroyWindow(window);
  SDL_Quit();
  if (benchmark) return ok ? 0 : 1;
  std::printf(ok ? "field-pixels: every network matches the engine\n" : "field-pixels: FAILED\n");
  return ok ? 0 : 1;
}

namespace {

bool check_all(app::App& a) {
  bool ok = true;
  using A = bp::Activation;
  struct Case {
    const char* name;
    int layers, width;
    A act;
    int classes;
    bool biases;
  };
  const Case cases[] = {
      {"1 layer identity", 1, 2, A::Identity, 2, true}, {"2 × 4 relu", 2, 4, A::Relu, 2, false},
      {"2 × 8 leaky_relu", 2, 8, A::LeakyRelu, 2, true}, {"3 × 16 sigmoid", 3, 16, A::Sigmoid, 2, true},
      {"3 × 16 tanh", 3, 16, A::Tanh, 2, false},          {"4 × 32 relu", 4, 32, A::Relu, 2, true},
      {"5 × 8 tanh, 3 classes", 5, 8, A::Tanh, 3, true},  {"6 × 32 leaky_relu", 6, 32, A::LeakyRelu, 2, false},
      {"8 × 16 identity", 8, 16, A::Identity, 2, true},   {"8 × 64 relu", 8, 64, A::Relu, 2, true},
      {"8 × 32 tanh", 8, 32, A::Tanh, 2, false},
  };
  uint64_t seed = 11;
  bp::State exercise = bp::exercise_state();
  ok &= check_plane(a, exercise, "the exercise");
  for (const Case& c : cases) ok &= check_plane(a, network(seed++, c.layers, c.width, c.act, c.classes, c.biases), c.name);
  ok &= check_landscape(a, exercise, "the exercise");
  ok &= check_landscape(a, network(3, 2, 4, A::Tanh, 2, true), "2 × 4 tanh");
  ok &= check_landscape(a, network(5, 3, 8, A::Sigmoid, 3, true), "3 × 8 sigmoid, 3 classes");
  bp::State with_set = network(6, 2, 8, A::Relu, 2, true);  // the mean over a dataset of 6 points
  for (int k = 0; k < 6; ++k) {
    Eigen::VectorXd label = Eigen::VectorXd::Zero(2);
    label(k % 2) = 1;
    with_set.dataset.push_back({Eigen::Vector2d(0.5 * k - 1.2, k % 3 - 1.0), label});
  }
  ok &= check_landscape(a, with_set, "2 × 8 relu over 6 points");
  // picks anywhere: what the shader evaluates per pixel is what depends on them (landscape_fold)
  using P = app::ParamPick;
  // steep: parameters ×3, so that the loss spans decades over the window and a term folded wrongly
  // (a shift of the picture by a stored weight) is seen beyond the colours' tolerance
  auto steep = [](bp::State s) {
    for (auto& w : s.weights) w *= 3;
    for (auto& b : s.biases)
      if (b) *b *= 3;
    return s;
  };
  const bp::State deep = steep(network(7, 3, 5, A::LeakyRelu, 2, true));
  ok &= check_landscape(a, deep, "3 × 5 leaky_relu, an earlier layer's pick second", P{2, false, 1, 3}, P{0, false, 2, 1});
  ok &= check_landscape(a, deep, "3 × 5 leaky_relu, one layer's bias and weight", P{1, true, 2, 0}, P{1, false, 4, 2});
  ok &= check_landscape(a, deep, "3 × 5 leaky_relu, one unit's weight and bias", P{1, false, 3, 0}, P{1, true, 3, 0});
  ok &= check_landscape(a, deep, "3 × 5 leaky_relu, both outputs' biases", P{2, true, 0, 0}, P{2, true, 1, 0});
  ok &= check_landscape(a, steep(with_set), "2 × 8 relu over 6 points, W1[0,3] and W1[1,3]", P{1, false, 0, 3}, P{1, false, 1, 3});
  bp::State regression = steep(network(8, 2, 6, A::Sigmoid, 3, true));  // mse: three outputs against a real-valued label
  regression.head = bp::Head::Mse;
  regression.label = Eigen::Vector3d(0.5, -1.0, 2.0);
  ok &= check_landscape(a, regression, "2 × 6 sigmoid, mse", P{0, false, 3, 1}, P{1, true, 2, 0});
  return ok;
}

}  // namespace
