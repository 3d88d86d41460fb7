// The loss landscape: each pixel is a pair of values (a, b) of two parameters, the others as they
// are; its colour is log10 of the training-set loss (the mean over the samples of u_samples) on a
// sequential scale, with a contour line every decade.
// Tiny losses stay: a class's −log s is computed as (top − O_c) + log1p(Σ e^(O_j − top)) over the
// classes j other than the top one, so 1e-20 is 1e-20 and not 1 − 1 = 0. float32 limits: e^x
// underflows below x ≈ −87 (−103 with subnormals), so a loss under ~1e-38 reads as the scale's floor.
uniform highp sampler2D u_samples;  // RGBA32F: row s = sample s's input (n0 entries), then its label, four to a texel
uniform int u_sample_count;
uniform vec2 u_decades;  // log10 of the loss at the scale's ends
uniform vec3 u_stops[5]; // the scale, low to high, evenly spaced
uniform vec4 u_line;
out vec4 frag_color;
const int kRowTexels = (N_IN + N_OUT + 3) / 4;
#define ROW(i) row[(i) / 4][(i) - ((i) / 4) * 4]  // entry i of a sample's row (i a constant)

// log(1 + t) for t ≥ 0, a tiny t kept (log(1 + 1e-20) is 1e-20, not 0)
float log1p_small(float t) { return t < 1e-3 ? t * (1.0 - 0.5 * t) : log(1.0 + t); }

// −Σ_c y_c log s_c of one sample: with `top` the largest logit (class k, the first such),
// −log s_c = (top − O_c) + log(1 + Σ_{j≠k} e^(O_j − top)), so one log serves every class;
// unrolled (FOR_OUTPUTS), without branches
float cross_entropy(float o[kInOut], vec4 row[kRowTexels]) {
  float top = o[0];
  int k = 0;
#define ARGMAX(c) k = o[c] > top ? c : k; top = max(top, o[c]);
  FOR_OUTPUTS(ARGMAX)
  float others = 0.0;
#define OTHERS(c) others += c == k ? 0.0 : exp(o[c] - top);
  FOR_OUTPUTS(OTHERS)
  float log_sum = log1p_small(others), loss = 0.0;
#define TERM(c) { float y = ROW(N_IN + c); loss += y == 0.0 ? 0.0 : y * (top - o[c] + log_sum); }
  FOR_OUTPUTS(TERM)
  return loss;
}

vec3 scale_color(float f) {  // f in [0, 1]
  float x = clamp(f, 0.0, 1.0) * 4.0;
  int i = int(min(floor(x), 3.0));
  return mix(u_stops[i], u_stops[i + 1], x - float(i));
}

void main() {
  vec2 p = pixel_point();
  g_swap_a = p.x;
  g_swap_b = p.y;
  const int n = kOutputs;
  float total = 0.0;
  for (int s = 0; s < u_sample_count; ++s) {
    vec4 row[kRowTexels];
#define FETCH(t) row[t] = texelFetch(u_samples, ivec2(t, s), 0);
    FOR_ROW_TEXELS(FETCH)
    float v[kInOut];
#define LOAD(i) v[i] = ROW(i);
    FOR_INPUTS(LOAD)
    mlp(v);
#if HEAD == 0
    total += cross_entropy(v, row);
#else
    {
      float sq = 0.0;  // the engine's mse: (1/n) Σ_i (O_i − y_i)²
#define SQUARE(i) { float e = v[i] - ROW(N_IN + i); sq += e * e; }
      FOR_OUTPUTS(SQUARE)
      total += sq / float(n);
    }
#endif
  }
  float loss = total / float(u_sample_count);
  float raw = loss > 0.0 ? log2(loss) * 0.30102999566 : u_decades.x - 1.0;  // log10
  float decade = clamp(raw, u_decades.x, u_decades.y);
  vec3 color = scale_color((decade - u_decades.x) / (u_decades.y - u_decades.x));
  float slope = max(fwidth(decade), 1e-30);
  float line = max(iso_line(decade, 1.0, slope) * 0.45, iso_line(decade, 10.0, slope));
  if (raw != decade) line = 0.0;  // past the scale's ends: flat, no contour
  frag_color = vec4(mix(color, u_line.rgb, line * u_line.a), 1.0);
}
