// The current MLP, evaluated per pixel in float32: the engine's forward pass, h = W·x + b, then
// the activation on every layer but the last. The app compiles this body for each network shape
// (field_renderer.cpp defines K_LAYERS, SIZES, STARTS, N_IN, N_OUT, ACTIVATION, HEAD and the
// parameters' home), so
// every loop has constant bounds and a small network unrolls into straight-line code.
//   PARAMS_IN_UNIFORMS 1: a small network's parameters in u_params, packed: layer k's weights
//     row by row from STARTS[k], then its biases;
//   else the RGBA32F texture u_weights (texelFetch): row STARTS[k] + j holds unit j of layer k,
//     its weights four to a texel in texels 0…15 and its bias (0 when there is none) in texel
//     kBiasTexel's x; the inner products are then vec4 dot products (a quarter of the fetches).
// SWAP 1 (the landscape): the two parameters u_swap_a / u_swap_b (layer, row, column; column −1
// for a bias) take the pixel's values g_swap_a / g_swap_b.
const int kLayers = K_LAYERS;
const int kSizes[9] = int[9](SIZES);
const int kStarts[8] = int[8](STARTS);
const int kMaxWidth = 64;
const int kBiasTexel = 16;
const int kOutputs = N_OUT;

#if PARAMS_IN_UNIFORMS
uniform vec4 u_params[PARAM_VEC4S];
float stored(int k, int j, int i) {
  int index = i < 0 ? kStarts[k] + kSizes[k + 1] * kSizes[k] + j : kStarts[k] + j * kSizes[k] + i;
  return u_params[index / 4][index - (index / 4) * 4];
}
#else
uniform highp sampler2D u_weights;
float stored(int k, int j, int i) {
  vec4 t = texelFetch(u_weights, ivec2(i < 0 ? kBiasTexel : i / 4, kStarts[k] + j), 0);
  return i < 0 ? t.x : t[i - (i / 4) * 4];
}
#endif

#if SWAP
uniform ivec3 u_swap_a;
uniform ivec3 u_swap_b;
float g_swap_a = 0.0;
float g_swap_b = 0.0;
float param(int k, int j, int i) {
  ivec3 at = ivec3(k, j, i);
  if (at == u_swap_a) return g_swap_a;
  if (at == u_swap_b) return g_swap_b;
  return stored(k, j, i);
}
#else
float param(int k, int j, int i) { return stored(k, j, i); }
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
#if PARAMS_IN_UNIFORMS || SWAP
void mlp(inout float v[kMaxWidth]) {
  float next[kMaxWidth];
  for (int k = 0; k < kLayers; ++k) {
    for (int j = 0; j < kSizes[k + 1]; ++j) {
      float s = param(k, j, -1);
      for (int i = 0; i < kSizes[k]; ++i) s += param(k, j, i) * v[i];
      next[j] = k + 1 == kLayers ? s : activate(s);
    }
    for (int j = 0; j < kSizes[k + 1]; ++j) v[j] = next[j];
  }
}
#else
void mlp(inout float v[kMaxWidth]) {
  vec4 a[16];  // the layer's input, four to a vec4, zero past its width (the texture's padding is 0 too)
  for (int i = 0; i < 16; ++i) a[i] = vec4(0.0);
  for (int i = 0; i < N_IN; ++i) a[i / 4][i - (i / 4) * 4] = v[i];
  for (int k = 0; k < kLayers; ++k) {
    vec4 b[16];
    for (int i = 0; i < 16; ++i) b[i] = vec4(0.0);
    int row0 = kStarts[k];
    for (int j = 0; j < kSizes[k + 1]; ++j) {
      float s = texelFetch(u_weights, ivec2(kBiasTexel, row0 + j), 0).x;
      for (int i = 0; i < (kSizes[k] + 3) / 4; ++i) s += dot(texelFetch(u_weights, ivec2(i, row0 + j), 0), a[i]);
      b[j / 4][j - (j / 4) * 4] = k + 1 == kLayers ? s : activate(s);
    }
    for (int i = 0; i < 16; ++i) a[i] = b[i];
  }
  for (int j = 0; j < kOutputs; ++j) v[j] = a[j / 4][j - (j / 4) * 4];
}
#endif

// an anti-aliased line where f crosses a multiple of `period` (one pixel wide)
float iso_line(float f, float period) {
  float d = abs(fract(f / period + 0.5) - 0.5) * period;
  float w = max(fwidth(f), 1e-30);
  return 1.0 - smoothstep(0.5, 1.5, d / w);
}
