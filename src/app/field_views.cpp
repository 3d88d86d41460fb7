// The two shader views' logic: windows, keys (a hash of what a picture shows), field jobs, the
// landscape's picks, gradient and trajectory, and the JS API's pixel samples.
#include "app/field_views.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include <nlohmann/json.hpp>

#include "engine/json_read.h"

#include "app/app.h"
#include "app/field_panel.h"
#include "app/hash.h"
#include "app/landscape_fold.h"
#include "app/theme.h"
#include "engine/evaluate.h"
#include "engine/training.h"

namespace app {
namespace {

// a picture's key: what it shows (its network, window and theme)
struct PictureKey : Hash {
  void matrix(const Eigen::MatrixXd& m) {
    add(m.rows());
    add(m.cols());
    bytes(m.data(), sizeof(double) * static_cast<size_t>(m.size()));
  }
  void network(const bp::State& s) {
    for (int k = 0; k < s.layers(); ++k) {
      matrix(s.weights[k]);
      add(s.biases[k].has_value());
      if (s.biases[k]) matrix(*s.biases[k]);
    }
    add(s.activation);
    add(s.head);
    add(theme::kCanvas.light);
  }
  void window(const Window2& w) { add(w); }
};

// Okabe–Ito: blue, orange, bluish green, vermilion, sky blue, reddish purple, yellow, grey
constexpr float kClasses[8][3] = {{0.0f, 0.447f, 0.698f}, {0.902f, 0.624f, 0.0f},  {0.0f, 0.620f, 0.451f},
                                  {0.835f, 0.369f, 0.0f}, {0.337f, 0.706f, 0.914f}, {0.800f, 0.475f, 0.655f},
                                  {0.941f, 0.894f, 0.259f}, {0.6f, 0.6f, 0.6f}};
// viridis at 0, ¼, ½, ¾, 1: sequential, colour-blind safe, dark to light in either theme
constexpr float kViridis[5][3] = {{0.267f, 0.005f, 0.329f}, {0.231f, 0.322f, 0.545f}, {0.129f, 0.569f, 0.553f},
                                  {0.369f, 0.788f, 0.384f}, {0.992f, 0.906f, 0.145f}};

std::array<float, 4> line_color() {
  return theme::kCanvas.light ? std::array<float, 4>{0.05f, 0.05f, 0.08f, 0.75f}
                              : std::array<float, 4>{1.0f, 1.0f, 1.0f, 0.7f};
}

// a nice number ≥ x: 1, 2 or 5 × 10^k
double nice_step(double x) {
  const double p = std::pow(10.0, std::floor(std::log10(x)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= x) return m * p;
  return 10 * p;
}

// the square window around [lo, hi] on both axes with a margin, its ends on a grid step
Window2 fit_square(double x_lo, double x_hi, double y_lo, double y_hi) {
  const double extent = std::max({x_hi - x_lo, y_hi - y_lo, 1.0}) * 1.3;
  const double step = nice_step(extent / 8);
  const double half = std::ceil(extent / 2 / step) * step;
  const double cx = std::round((x_lo + x_hi) / 2 / step) * step, cy = std::round((y_lo + y_hi) / 2 / step) * step;
  return {cx - half, cy - half, cx + half, cy + half};
}

// a parameter as mlp.glsl's SWAP names it: (layer, row, column), column −1 for a bias
std::array<int, 3> swap_of(const ParamPick& p) { return {p.layer, p.row, p.bias ? -1 : p.col}; }

bool pick_exists(const bp::State& s, const ParamPick& p) {
  if (p.layer < 0 || p.layer >= s.layers()) return false;
  const auto& w = s.weights[p.layer];
  if (p.bias) return s.biases[p.layer] && p.row >= 0 && p.row < w.rows() && p.col == 0;
  return p.row >= 0 && p.row < w.rows() && p.col >= 0 && p.col < w.cols();
}

std::vector<std::array<double, 2>> read_points(const std::string& json) {
  std::vector<std::array<double, 2>> points;
  // the engine's strict reader (nlohmann's own parser is not in the download)
  bp::detail::Json doc;
  const bp::detail::JsonLimits limits{4, 100000};
  if (bp::detail::read_json(json, limits, doc) || !doc.is_array()) return points;
  for (const auto& p : doc)
    if (p.is_array() && p.size() == 2 && p[0].is_number() && p[1].is_number())
      points.push_back({p[0].get<double>(), p[1].get<double>()});
  return points;
}

// the pixels of a finished field at points of its window, with each pixel's centre and what the
// engine computes there (in float64: the reference the pixels are checked against)
std::string samples_json(Field& field, int resolution, const Window2& w, const std::string& points_json,
                         nlohmann::json out, const std::function<nlohmann::json(double, double)>& engine) {
  int level = Field::kLevels - 1;
  while (level > 0 && Field::kSizes[level] > resolution) --level;
  field.finish(level);
  const std::vector<unsigned char> px = field.read(level);
  const int n = Field::kSizes[level];
  out["window"] = {w.x0, w.y0, w.x1, w.y1};
  out["resolution"] = n;
  out["pixels"] = nlohmann::json::array();
  out["centres"] = nlohmann::json::array();
  out["engine"] = nlohmann::json::array();
  for (const auto& p : read_points(points_json)) {
    const int i = std::clamp(static_cast<int>(std::floor((p[0] - w.x0) / (w.x1 - w.x0) * n)), 0, n - 1);
    const int j = std::clamp(static_cast<int>(std::floor((p[1] - w.y0) / (w.y1 - w.y0) * n)), 0, n - 1);
    const unsigned char* c = px.empty() ? nullptr : &px[(size_t(j) * n + i) * 4];
    out["pixels"].push_back(c ? nlohmann::json{c[0], c[1], c[2], c[3]} : nlohmann::json());
    const double cx = w.x0 + (i + 0.5) / n * (w.x1 - w.x0), cy = w.y0 + (j + 0.5) / n * (w.y1 - w.y0);
    out["centres"].push_back({cx, cy});
    out["engine"].push_back(engine(cx, cy));
  }
  return out.dump();
}

// why a view's picture is not drawn, "" when it is
std::string not_drawn(const bp::State& s, const Field& field, S too_wide) {
  if (network_width(s) > Field::kMaxWidth)
    return trf(too_wide, {{"max", std::to_string(Field::kMaxWidth)}, {"width", std::to_string(network_width(s))}});
  if (!field.ready()) return tr(S::field_no_shaders);
  return "";
}

nlohmann::json color_json(const std::array<float, 3>& c) { return {c[0] * 255, c[1] * 255, c[2] * 255}; }

}  // namespace

double forward_macs(const bp::State& state) {
  double macs = 0;
  for (const auto& w : state.weights) macs += static_cast<double>(w.size() + w.rows());
  return std::max(macs, 1.0);
}

int network_width(const bp::State& state) {
  Eigen::Index width = state.input.size();
  for (const auto& w : state.weights) width = std::max({width, w.rows(), w.cols()});
  return static_cast<int>(width);
}

void fields_init(App& app) {
  app.plane.field.init(Field::Kind::Plane);
  app.landscape.field.init(Field::Kind::Landscape);
}

void fields_shutdown(App& app) {
  app.plane.field.shutdown();
  app.landscape.field.shutdown();
}

std::string ParamPick::name() const {
  return (bias ? "b" : "W") + std::to_string(layer) + "[" + std::to_string(row) +
         (bias ? "]" : "," + std::to_string(col) + "]");
}

std::array<float, 3> field_background() {
  const ImVec4& b = theme::kCanvasBackground;
  return {b.x, b.y, b.z};
}
std::array<float, 3> class_color(int c) {
  const float* k = kClasses[((c % 8) + 8) % 8];
  return {k[0], k[1], k[2]};
}
std::array<float, 3> plane_color(int c) {
  const auto bg = field_background(), k = class_color(c);
  std::array<float, 3> out{};
  for (int i = 0; i < 3; ++i) out[i] = bg[i] + kPlaneStrength * (k[i] - bg[i]);
  return out;
}
std::array<std::array<float, 3>, 5> landscape_stops() {
  std::array<std::array<float, 3>, 5> s{};
  for (int i = 0; i < 5; ++i) s[i] = {kViridis[i][0], kViridis[i][1], kViridis[i][2]};
  return s;
}

std::vector<bp::Sample> training_set(const bp::State& s) {
  if (!s.dataset.empty()) return s.dataset;
  return {bp::Sample{s.input, s.label}};
}

std::optional<std::string> plane_unavailable(const App& app) {
  const bp::State& s = app.model.state;
  if (app.model.error || s.input.size() != 2) return std::nullopt;
  return not_drawn(s, app.plane.field, S::field_too_wide_plane);
}

void plane_update(App& app) {
  PlaneView& v = app.plane;
  const auto why = plane_unavailable(app);
  if (!why || !why->empty()) return;
  const bp::State& s = app.model.state;
  if (v.fitted && v.drag == -1 && v.fitted_revision != app.model.revision) {
    // the points, I and the origin (a lone sample's boundary usually passes between them)
    double x_lo = std::min(s.input(0), 0.0), x_hi = std::max(s.input(0), 0.0);
    double y_lo = std::min(s.input(1), 0.0), y_hi = std::max(s.input(1), 0.0);
    for (const auto& p : s.dataset) {
      if (p.input.size() != 2) continue;
      x_lo = std::min(x_lo, p.input(0)), x_hi = std::max(x_hi, p.input(0));
      y_lo = std::min(y_lo, p.input(1)), y_hi = std::max(y_hi, p.input(1));
    }
    v.window = fit_square(x_lo, x_hi, y_lo, y_hi);
    v.fitted_revision = app.model.revision;
  }
  const int outputs = static_cast<int>(s.weights.back().rows());
  v.mse_output = std::clamp(v.mse_output, 0, outputs - 1);
  double range = 1;
  for (const auto& p : training_set(s)) range = std::max(range, p.label.cwiseAbs().maxCoeff());
  PictureKey h;
  h.network(s);
  h.window(v.window);
  h.add(v.mse_output);
  h.add(range);
  if (!v.field.wants(h.h)) return;
  FieldJob job;
  job.key = h.h;
  std::optional<bp::State> margin = margin_network(s);  // two classes: one output, O0 − O1
  const bp::State& drawn = margin ? *margin : s;
  job.macs_per_pixel = forward_macs(drawn) + 4.0 * outputs;
  job.defines = field_defines(drawn, nullptr, margin.has_value());
  const Window2 w = v.window;
  const int output = v.mse_output;
  job.window = {w.x0, w.y0, w.x1, w.y1};
  job.prepare = [state = margin ? std::move(*margin) : s, output, range](Field& f) {
    f.upload_network(state);
    f.set_int("u_output", output);
    f.set_float("u_range", float(range));
    std::array<float, 24> colors{};  // as a certain pixel shows them: mixed over the background here, not per pixel
    for (int c = 0; c < 8; ++c) {
      const auto k = plane_color(state.head == bp::Head::Mse ? (c == 0 ? 0 : 3) : c);
      std::copy(k.begin(), k.end(), colors.begin() + 3 * c);
    }
    f.set_vec3s("u_colors", colors.data(), 8);
    const std::array<float, 3> step = {colors[0] - colors[3], colors[1] - colors[4], colors[2] - colors[5]};
    f.set_vec3s("u_color_step", step.data(), 1);  // MARGIN: class 0's colour minus class 1's
    f.set_vec3s("u_background", field_background().data(), 1);
    f.set_vec4("u_line", line_color());
  };
  v.field.request(std::move(job));
}

double pick_value(const bp::State& s, const ParamPick& p) {
  return p.bias ? (*s.biases[p.layer])(p.row) : s.weights[p.layer](p.row, p.col);
}
void set_pick_value(bp::State& s, const ParamPick& p, double value) {
  if (p.bias) (*s.biases[p.layer])(p.row) = value;
  else s.weights[p.layer](p.row, p.col) = value;
}

std::string landscape_unavailable(const App& app) {
  const bp::State& s = app.model.state;
  if (app.model.error) return trf(S::landscape_invalid, {{"error", error_line(*app.model.error)}});
  return not_drawn(s, app.landscape.field, S::field_too_wide_landscape);
}

double field_budget_ms(const App& app) { return app.training.running ? kFieldTrainingBudgetMs : kFieldBudgetMs; }

void landscape_update(App& app) {
  LandscapeView& v = app.landscape;
  if (!landscape_unavailable(app).empty()) return;
  const bp::State& s = app.model.state;
  if (!v.a || !pick_exists(s, *v.a)) v.a = ParamPick{0, false, 0, 0}, v.centred = false;
  if (!v.b || !pick_exists(s, *v.b) || *v.b == *v.a) {
    v.b = s.layers() > 1 ? ParamPick{s.layers() - 1, false, 0, 0} : ParamPick{0, false, 0, s.weights[0].cols() > 1 ? 1 : 0};
    if (*v.b == *v.a) v.b = ParamPick{0, false, s.weights[0].rows() > 1 ? 1 : 0, 0};
    v.centred = false;
  }
  const double a = pick_value(s, *v.a), b = pick_value(s, *v.b);
  // recentre when the point nears the window's edge (training walked away)
  const double mx = 0.1 * (v.window.x1 - v.window.x0), my = 0.1 * (v.window.y1 - v.window.y0);
  if (!v.centred || a < v.window.x0 + mx || a > v.window.x1 - mx || b < v.window.y0 + my || b > v.window.y1 - my) {
    const double half = v.zoom * std::max({1.0, std::abs(a), std::abs(b)});
    v.window = {a - half, b - half, a + half, b + half};
    v.centred = true;
  }
  // the trajectory: a point per model change while training runs or a step was taken
  const Training& t = app.training;
  const int step = t.last ? t.last->step : -1;
  if (t.run != v.run) {
    v.trajectory.clear();
    v.run = t.run;
  }
  if ((t.running && v.revision != app.model.revision) || step != v.step) {
    if (v.trajectory.empty() && t.start && pick_exists(*t.start, *v.a) && pick_exists(*t.start, *v.b))
      v.trajectory.push_back({pick_value(*t.start, *v.a), pick_value(*t.start, *v.b)});  // where the run began
    if (t.running || step > 0) v.trajectory.push_back({a, b});
  }
  v.revision = app.model.revision;
  v.step = step;
  if (v.gradient_revision != app.model.revision) {  // the exact gradient of the training-set loss
    const bp::BatchGradient* ahead = gradient_ahead(app.training, s);  // training computed it already
    const bp::BatchGradient g = ahead ? *ahead : bp::batch_gradient(s, false);
    const auto params = bp::trained_parameters(s, false);
    v.gradient = {0, 0};
    v.loss = g.loss;
    for (size_t i = 0; i < params.size() && i < g.grads.size(); ++i) {
      const auto& p = params[i];
      for (int which = 0; which < 2; ++which) {
        const ParamPick& q = which == 0 ? *v.a : *v.b;
        const bool bias = p.kind == bp::ParameterRef::Kind::Bias;
        if (p.kind != bp::ParameterRef::Kind::Input && p.layer == q.layer && bias == q.bias)
          v.gradient[which] = g.grads[i](q.row, q.col);
      }
    }
    v.gradient_revision = app.model.revision;
  }

  const std::vector<bp::Sample> set = training_set(s);
  const int n0 = static_cast<int>(s.input.size()), n_out = static_cast<int>(s.label.size());
  PictureKey h;
  h.network(s);
  h.window(v.window);
  for (const ParamPick& p : {*v.a, *v.b}) {  // field by field: the struct has padding
    h.add(p.layer);
    h.add(p.bias);
    h.add(p.row);
    h.add(p.col);
  }
  for (const auto& p : set) {
    h.matrix(p.input);
    h.matrix(p.label);
  }
  if (!v.field.wants(h.h)) return;
  FieldJob job;
  job.key = h.h;
  const auto ta = swap_of(*v.a), tb = swap_of(*v.b);
  const FieldSwap swap{ta, tb};
  // a sample's row: a small network's constants (landscape_fold), else its input; then its label
  std::optional<LandscapeFold> fold;
  if (field_params_in_uniforms(s)) fold = landscape_fold(s, swap);
  std::vector<float> samples;
  for (const auto& p : set) {
    if (fold) {
      const std::vector<float> row = fold_row(s, *fold, p);
      samples.insert(samples.end(), row.begin(), row.end());
      continue;
    }
    for (int i = 0; i < n0 + n_out; ++i) samples.push_back(static_cast<float>(i < n0 ? p.input(i) : p.label(i - n0)));
  }
  const int width = static_cast<int>(samples.size() / set.size());
  job.macs_per_pixel = ((fold ? fold->macs : forward_macs(s)) + 4.0 * n_out) * static_cast<double>(set.size());
  job.defines = field_defines(s, &swap);  // a small network's picks are compiled in
  job.window = {v.window.x0, v.window.y0, v.window.x1, v.window.y1};
  job.prepare = [state = s, samples = std::move(samples), width, ta, tb, pa = *v.a, pb = *v.b,
                 rows = static_cast<int>(set.size())](Field& f) {
    f.upload_network(state);
    if (state.dataset.size() <= 1) {  // field_defines' ONE_SAMPLE: the row in uniforms
      std::vector<float> row = samples;
      row.resize((row.size() + 3) / 4 * 4, 0.0f);
      f.set_vec4s("u_row", row.data(), static_cast<int>(row.size() / 4));
    } else {
      f.upload_samples(samples, width, rows);
      f.set_int("u_sample_count", rows);
    }
    f.set_ivec3("u_swap_a", ta);
    f.set_ivec3("u_swap_b", tb);
    f.set_vec2("u_swap_stored", field_float(pick_value(state, pa)), field_float(pick_value(state, pb)));
    f.set_vec2("u_decades", float(kLowDecade), float(kHighDecade));
    // the polyline through the stops as hinges: c(x) = stop 0 + Σ_k Δslope_k · max(x − k, 0), x ∈ [0, 4]
    std::array<float, 15> hinges{};
    for (int c = 0; c < 3; ++c) {
      double slope = 0;
      hinges[c] = kViridis[0][c];
      for (int k = 0; k < 4; ++k) {
        const double next = double(kViridis[k + 1][c]) - kViridis[k][c];
        hinges[3 * (k + 1) + c] = float(next - slope);
        slope = next;
      }
    }
    f.set_vec3s("u_hinges", hinges.data(), 5);
    auto line = line_color();
    line[3] = 0.55f;
    f.set_vec4("u_line", line);
  };
  v.field.request(std::move(job));
}

std::string plane_samples_json(App& app, const std::string& points_json, int resolution) {
  const auto why = plane_unavailable(app);
  if (!why) return R"({"error": "the plane needs a valid state with a 2-D input"})";
  if (!why->empty()) return nlohmann::json{{"error", *why}}.dump();
  plane_update(app);
  nlohmann::json out;
  out["head"] = app.model.state.head == bp::Head::Mse ? "mse" : "softmax_ce";
  out["colors"] = nlohmann::json::array();
  for (int c = 0; c < 8; ++c) out["colors"].push_back(color_json(plane_color(c)));
  out["background"] = color_json(field_background());
  const bp::State& s = app.model.state;
  auto engine = [&s](double x, double y) {  // s (softmax_ce) or O (mse) at I = (x, y)
    bp::State at = s;
    at.input = Eigen::Vector2d(x, y);
    const bp::Report r = bp::evaluate(at, {false, false});
    const Eigen::MatrixXd& v = r.find_forward(s.head == bp::Head::Mse ? "O" : "s")->value;
    return nlohmann::json(std::vector<double>(v.data(), v.data() + v.size()));
  };
  return samples_json(app.plane.field, resolution, app.plane.window, points_json, std::move(out), engine);
}

std::string landscape_samples_json(App& app, const std::string& points_json, int resolution) {
  const std::string why = landscape_unavailable(app);
  if (!why.empty()) return nlohmann::json{{"error", why}}.dump();
  landscape_update(app);
  nlohmann::json out;
  out["a"] = app.landscape.a->name();
  out["b"] = app.landscape.b->name();
  out["decades"] = {kLowDecade, kHighDecade};
  out["stops"] = nlohmann::json::array();
  for (const auto& s : landscape_stops()) out["stops"].push_back(color_json(s));
  out["gradient"] = {app.landscape.gradient[0], app.landscape.gradient[1]};
  const bp::State& s = app.model.state;
  const ParamPick a = *app.landscape.a, b = *app.landscape.b;
  auto engine = [&](double x, double y) {  // the training-set loss with a = x, b = y
    bp::State at = s;
    set_pick_value(at, a, x);
    set_pick_value(at, b, y);
    return nlohmann::json(bp::batch_gradient(at).loss);
  };
  return samples_json(app.landscape.field, resolution, app.landscape.window, points_json, std::move(out), engine);
}

}  // namespace app
