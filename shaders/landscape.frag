// The loss landscape: each pixel is a pair of values (a, b) of two parameters inside u_window,
// the others as they are; its colour is log10 of the training-set loss (the mean over the
// samples of u_samples) on a sequential scale, with a contour line every decade.
// Tiny losses stay: cross-entropy is log(1 + Σ_{j≠c} e^(O_j − O_c)) with log1p's series for a
// small sum, so 1e-20 is 1e-20 and not 1 − 1 = 0. float32 limits: e^x underflows below x ≈ −87
// (−103 with subnormals), so a loss under ~1e-38 reads as the scale's floor.
uniform highp sampler2D u_samples;  // R32F: row s = sample s's input (n0 entries), then its label
uniform int u_sample_count;
uniform vec4 u_window;   // a0, b0, a1, b1
uniform vec2 u_size;
uniform vec2 u_decades;  // log10 of the loss at the scale's ends
uniform vec3 u_stops[5]; // the scale, low to high, evenly spaced
uniform vec4 u_line;
out vec4 frag_color;

// top ≤ 0: log(1 + t) for t = Σ_{j≠c} e^(O_j − O_c) ≤ n − 1; top > 0: top + log Σ_j e^(O_j − O_c − top)
float log1p_small(float t) { return t < 1e-3 ? t * (1.0 - 0.5 * t) : log(1.0 + t); }

// −Σ_c y_c log s_c in log-sum-exp form, term by term, unrolled (FOR_OUTPUTS) and without
// branches: both forms of a term are computed and one is selected
#define OTHERS_TOP(c, j) top = j == c ? top : max(top, o[j] - o[c]);
#define SHIFTED(c, j) sum += exp(o[j] - o[c] - top);
#define OTHERS(c, j) t += j == c ? 0.0 : exp(o[j] - o[c]);
// one class's term (one line: GLSL 3.30 has no line continuation)
#define CLASS_TERM(c) { float y = texelFetch(u_samples, ivec2(label0 + c, row), 0).r; float top = -1e38; FOR_OUTPUTS_OF(OTHERS_TOP, c) float sum = 0.0; FOR_OUTPUTS_OF(SHIFTED, c) float t = 0.0; FOR_OUTPUTS_OF(OTHERS, c) float term = top > 0.0 ? top + log(sum) : log1p_small(t); loss += y == 0.0 ? 0.0 : y * term; }
float cross_entropy(float o[kInOut], int row, int label0) {
  float loss = 0.0;
  FOR_OUTPUTS(CLASS_TERM)
  return loss;
}

vec3 scale_color(float f) {  // f in [0, 1]
  float x = clamp(f, 0.0, 1.0) * 4.0;
  int i = int(min(floor(x), 3.0));
  return mix(u_stops[i], u_stops[i + 1], x - float(i));
}

void main() {
  vec2 uv = gl_FragCoord.xy / u_size;
  vec2 p = mix(u_window.xy, u_window.zw, uv);
  g_swap_a = p.x;
  g_swap_b = p.y;
  const int n0 = N_IN;
  const int n = kOutputs;
  float total = 0.0;
  for (int s = 0; s < u_sample_count; ++s) {
    float v[kInOut];
#define LOAD(i) v[i] = texelFetch(u_samples, ivec2(i, s), 0).r;
    FOR_INPUTS(LOAD)
    mlp(v);
#if HEAD == 0
    total += cross_entropy(v, s, n0);
#else
    {
      float sq = 0.0;  // the engine's mse: (1/n) Σ_i (O_i − y_i)²
#define SQUARE(i) { float e = v[i] - texelFetch(u_samples, ivec2(n0 + i, s), 0).r; sq += e * e; }
      FOR_OUTPUTS(SQUARE)
      total += sq / float(n);
    }
#endif
  }
  float loss = total / float(u_sample_count);
  float raw = loss > 0.0 ? log(loss) / log(10.0) : u_decades.x - 1.0;
  float decade = clamp(raw, u_decades.x, u_decades.y);
  vec3 color = scale_color((decade - u_decades.x) / (u_decades.y - u_decades.x));
  float line = max(iso_line(decade, 1.0) * 0.45, iso_line(decade, 10.0));
  if (raw != decade) line = 0.0;  // past the scale's ends: flat, no contour
  frag_color = vec4(mix(color, u_line.rgb, line * u_line.a), 1.0);
}
