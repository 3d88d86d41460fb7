// A picture computed per pixel by a fragment shader (the plane's decision boundary, the loss
// landscape), drawn into textures (FBOs) only when what it shows changes, and refined coarse
// first — 16², 32², … 512² — in parts (bands of two rows, or part of one) within a per-frame
// budget, so a big network keeps the app responsive on a software renderer while a fast GPU
// draws it whole.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/state.h"

namespace app {

class Field;

/// One picture: its key (the same key, the same picture: nothing is redrawn), its window (x0, y0,
/// x1, y1: the corners in its coordinates — an input for the plane, two parameters' values for the
/// landscape), its cost per pixel in multiply-adds (to plan the parts), the #define lines its
/// program is compiled with (the network's shape: field_defines) and what sets it up — textures
/// and uniforms — with that program in use.
struct FieldJob {
  uint64_t key = 0;
  std::array<double, 4> window = {0, 0, 1, 1};
  double macs_per_pixel = 1;
  std::string defines;
  std::function<void(Field&)> prepare;
};

/// A parameter as the shaders hold it: a finite float32 (the engine's f32 precision clamps the same way).
float field_float(double v);

/// The landscape's two parameters (layer, row, column; column −1 for a bias), whose values are
/// the pixel's coordinates.
struct FieldSwap {
  std::array<int, 3> a, b;
};

/// The #define lines mlp.glsl needs for `state`'s network: its shape, activation, head, where
/// its parameters live (uniforms for a small network, the texture otherwise), the loops over
/// inputs and outputs unrolled (FOR_INPUTS, FOR_OUTPUTS), a small network's forward pass as
/// straight-line code (MLP_BODY), SWAP (the landscape's parameters; null for the plane) and
/// MARGIN (the plane of two classes: `state` is margin_network's, its one output O0 − O1).
/// The landscape's also: a sample's row length N_ROW, ONE_SAMPLE (no dataset: the row in
/// uniforms) and, for a small network, FOLDED with landscape_fold's FOLDED_BODY.
std::string field_defines(const bp::State& state, const FieldSwap* swap, bool margin = false);

/// A small network's parameters live in uniforms (u_params), a bigger one's in a texture.
bool field_params_in_uniforms(const bp::State& state);
/// Where upload_network puts weight (k, j, i) of a small network (i = −1: bias j): "u_params[n].x".
std::string param_glsl(const bp::State& state, int k, long j, long i);

/// Two classes under softmax: p0 = σ(O0 − O1) depends on the difference alone, so the plane's
/// shader gets the network whose last layer is it, W[0] − W[1] (and b[0] − b[1]), worked out once
/// in float64 instead of two rows and a subtraction per pixel. Null for any other head or width.
std::optional<bp::State> margin_network(const bp::State& state);

class Field {
 public:
  // 16² and 32² first for a big network on a software renderer: a picture within a few frames
  static constexpr int kLevels = 6;
  static constexpr std::array<int, kLevels> kSizes = {16, 32, 64, 128, 256, 512};
  static constexpr int kMaxWidth = 64;  ///< the widest layer the shaders evaluate (mlp.glsl)

  enum class Kind { Plane, Landscape };  ///< plane.frag or landscape.frag
  /// Compiles mlp.glsl + the kind's shader for the exercise's shape (needs a current GL context),
  /// to know the GL can; each job then compiles for its network's shape when that changes. False
  /// when GL fails.
  bool init(Kind kind);
  void shutdown();
  bool ready() const { return gl_ok_; }

  /// Asks for a picture; ignored when it is the one shown or already waiting. A job waits while
  /// the coarsest level of the one in progress is unfinished (a network that trains every frame
  /// then still shows pictures, a few frames behind, instead of restarting forever).
  void request(FieldJob job);
  /// request() would take a job of this key (not the picture shown or drawn, nor the one waiting):
  /// the job, which copies the network, is built only then.
  bool wants(uint64_t key) const;
  /// Draws parts for about `budget_ms` (at least one pixel when there is work); time past the
  /// budget is made up for by the next frames, which then draw nothing.
  void advance(double budget_ms);
  /// Draws the waiting or current picture at once up to `level` (the JS API reads it; the finer
  /// levels follow over the next frames).
  void finish(int level = kLevels - 1);
  /// Level `l` of the current picture is drawn.
  bool has_level(int l) const { return done_[l]; }

  unsigned texture() const { return shown_ < 0 ? 0 : textures_[shown_]; }  ///< finest finished level
  int resolution() const { return shown_ < 0 ? 0 : kSizes[shown_]; }
  bool refining() const { return active_ || pending_.prepare != nullptr; }
  uint64_t shown_key() const { return shown_key_; }
  /// The key of the picture being drawn (or, when none is, the last one started): a new job's
  /// levels are has_level's and level_ms's from the frame it starts, while texture() may still
  /// show the picture before it.
  uint64_t key() const { return key_; }
  /// Changes whenever what texture() holds changes (a level finished, or no picture): the same
  /// texture can hold a new picture, which the UI's draw data would not tell.
  uint64_t revision() const { return revision_; }
  /// Level `l`'s pixels (kSizes[l]² RGBA, rows from the bottom: glReadPixels of its framebuffer).
  std::vector<unsigned char> read(int l) const;
  /// Measured: multiply-adds per millisecond (the second fastest of the last parts: what plans the
  /// next ones), and the last part's time (timed by a read-back).
  double rate() const { return rate_; }
  double last_part_ms() const { return last_ms_; }
  /// The GPU time the current picture's level `l` took, summed over its parts (0: not drawn).
  double level_ms(int l) const { return level_ms_[l]; }
  /// The parts the current picture's level `l` was drawn in (each pays its read-backs).
  int level_parts(int l) const { return level_parts_[l]; }

  // for FieldJob::prepare: uniforms of the program in use (a name the program lacks is ignored)
  void set_int(const char* name, int v);
  void set_ivec3(const char* name, const std::array<int, 3>& v);
  void set_float(const char* name, float v);
  void set_vec2(const char* name, float x, float y);
  void set_vec4(const char* name, const std::array<float, 4>& v);
  /// `count` vec3 from `xyz` (3 × count floats)
  void set_vec3s(const char* name, const float* xyz, int count);
  void set_vec4s(const char* name, const float* xyzw, int count);
  /// The network's parameters, where field_defines put them (uniforms or the weight texture); the
  /// network must be at most kMaxWidth wide.
  void upload_network(const bp::State& state);
  /// A second texture (unit 1, u_samples, RGBA32F): `rows` rows of `width` floats, four to a texel.
  void upload_samples(const std::vector<float>& data, int width, int rows);

 private:
  void start(FieldJob job);
  bool use_program(const std::string& defines);
  int uniform(const char* name) const;
  void draw_part(long pixels);  ///< up to `pixels` of the current level, from where it stands

  unsigned program_ = 0, vao_ = 0, weights_ = 0, samples_ = 0;
  const char* body_ = nullptr;
  const char* name_ = "field";
  std::string defines_;  // what program_ was compiled with
  bool gl_ok_ = false;
  std::array<unsigned, kLevels> textures_{}, framebuffers_{};
  FieldJob pending_;
  uint64_t key_ = 0, shown_key_ = 0, revision_ = 0;
  bool has_key_ = false, active_ = false, compiled_ = false;
  double macs_ = 1;
  std::array<double, 4> window_{};
  int level_ = 0, shown_ = -1, first_level_ = 0;
  int row_ = 0, col_ = 0;  // where the current level stands: its band's first row, the band's columns drawn
  double rate_ = 2e6;  // multiply-adds per ms before the first measurement (a slow software renderer)
  std::array<double, 8> rates_{};  // the last parts' measured rates (rate_ plans with the second fastest)
  size_t rates_seen_ = 0;
  double last_ms_ = 0;
  double debt_ = 0;  // ms drawn past the budget, not yet made up for by frames without parts
  double budget_ms_ = 4;  // the last advance()'s: plans a new picture's first level
  std::array<double, kLevels> level_ms_{};
  std::array<int, kLevels> level_parts_{};
  std::array<bool, kLevels> done_{};
};

}  // namespace app
