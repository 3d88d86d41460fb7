// The current MLP, evaluated per pixel in float32: the engine's forward pass, h = W·x + b, then
// the activation on every layer but the last. The app compiles this body for each network shape
// (field_renderer.cpp defines K_LAYERS, SIZES, STARTS, N_IN, N_OUT, ACTIVATION, HEAD and the
// parameters' home), so
// every loop has constant bounds; a small network's pass (parameters in uniforms) is written out
// as straight-line code, MLP_BODY, and the loops over inputs and outputs are unrolled by the
// preprocessor (FOR_INPUTS(F) is F(0) F(1) …): software renderers run loops and arrays indexed
// at run time many times slower.
//   PARAMS_IN_UNIFORMS 1: a small network's parameters in u_params, packed: layer k's weights
//     row by row from STARTS[k], then its biases;
//   else the RGBA32F texture u_weights (texelFetch): row STARTS[k] + j holds unit j of layer k,
//     its weights four to a texel in texels 0…15 and its bias (0 when there is none) in texel
//     kBiasTexel's x; the inner products are then vec4 dot products (a quarter of the fetches).
// SWAP 1 (the landscape): the two parameters (layer, row, column; column −1 for a bias) take the
// pixel's values g_swap_a / g_swap_b: compiled into a small network's FOLDED_BODY (the units
// downstream of a pick, landscape_fold.cpp; landscape.frag runs it instead of mlp()), else
// u_swap_a / u_swap_b, the texture's stored values exchanged row by row.
const int kLayers = K_LAYERS;
const int kSizes[9] = int[9](SIZES);
const int kStarts[8] = int[8](STARTS);
const int kMaxWidth = 64;
// v, the pass's input and output, holds max(N_IN, N_OUT) entries: WebGL zero-fills every local
// array, and a software renderer spends a store per entry and pixel on it
const int kInOut = IN_OUT;
const int kBiasTexel = 16;
const int kOutputs = N_OUT;

#if PARAMS_IN_UNIFORMS
uniform vec4 u_params[PARAM_VEC4S];
#else
uniform highp sampler2D u_weights;
#endif

#if SWAP
uniform ivec3 u_swap_a;
uniform ivec3 u_swap_b;
uniform vec2 u_swap_stored;  // the two parameters' stored values (float32), which the pixel's replace
float g_swap_a = 0.0;
float g_swap_b = 0.0;
#endif

float activate(float x) {
#if ACTIVATION == 0
  return max(x, 0.0);  // relu
#elif ACTIVATION == 1
  return x > 0.0 ? x : 0.01 * x;  // leaky_relu, the engine's slope (ops_activation.cpp)
#elif ACTIVATION == 2
  return 1.0 / (1.0 + exp(-x));  // sigmoid: exp(−x) = inf gives 0, no NaN
#elif ACTIVATION == 3
  return tanh(clamp(x, -20.0, 20.0));  // some tanh overflow to NaN past ±44
#else
  return x;  // identity
#endif
}

// v holds the input (n0 entries) and receives the output O (kOutputs entries)
#if PARAMS_IN_UNIFORMS  // a small network: straight-line code (field_renderer.cpp writes MLP_BODY)
void mlp(inout float v[kInOut]) { MLP_BODY }
#else
#if SWAP
// unit j of layer k with a swapped parameter of its own: the stored value's term exchanged for
// the pixel's (a weight's term is its value times its input, a bias's its value)
float swapped(ivec3 at, float value, float stored, int k, int j, vec4 a[16]) {
  if (at.x != k || at.y != j) return 0.0;
  float x = at.z < 0 ? 1.0 : a[at.z / 4][at.z - (at.z / 4) * 4];
  return (value - stored) * x;
}
#endif
void mlp(inout float v[kInOut]) {
  vec4 a[16];  // the layer's input, four to a vec4, zero past its width (the texture's padding is 0 too)
  for (int i = 0; i < 16; ++i) a[i] = vec4(0.0);
#define LOAD_INPUT(i) a[i / 4][i - (i / 4) * 4] = v[i];
  FOR_INPUTS(LOAD_INPUT)
  for (int k = 0; k < kLayers; ++k) {
    vec4 b[16];
    for (int i = 0; i < 16; ++i) b[i] = vec4(0.0);
    int row0 = kStarts[k];
    for (int j = 0; j < kSizes[k + 1]; ++j) {
      float s = texelFetch(u_weights, ivec2(kBiasTexel, row0 + j), 0).x;
      for (int i = 0; i < (kSizes[k] + 3) / 4; ++i) s += dot(texelFetch(u_weights, ivec2(i, row0 + j), 0), a[i]);
#if SWAP
      s += swapped(u_swap_a, g_swap_a, u_swap_stored.x, k, j, a) + swapped(u_swap_b, g_swap_b, u_swap_stored.y, k, j, a);
#endif
      b[j / 4][j - (j / 4) * 4] = k + 1 == kLayers ? s : activate(s);
    }
    for (int i = 0; i < 16; ++i) a[i] = b[i];
  }
#define STORE_OUTPUT(j) v[j] = a[j / 4][j - (j / 4) * 4];
  FOR_OUTPUTS(STORE_OUTPUT)
}
#endif

// The pixel's point in the picture's coordinates: u_map = (x0, y0, and the step a pixel makes in
// x and y), set per level by Field::draw_part (two multiply-adds where mix() and a division took six)
uniform vec4 u_map;
vec2 pixel_point() { return u_map.xy + gl_FragCoord.xy * u_map.zw; }

// an anti-aliased line where f crosses a multiple of `period`, given slope = fwidth(f): one pixel
// wide, full within half a pixel of the crossing, fading out over the next
float iso_line(float f, float period, float slope) {
  float d = abs(fract(f / period + 0.5) - 0.5) * period;
  return clamp(1.5 - d / slope, 0.0, 1.0);
}
