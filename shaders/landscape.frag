// The loss landscape: each pixel is a pair of values (a, b) of two parameters, the others as they
// are; its colour is log10 of the training-set loss (the mean over the samples) on a sequential
// scale, with a contour line every decade.
// Tiny losses stay: a class's −log s is computed as (top − O_c) + log1p(Σ e^(O_j − top)) over the
// classes j other than the top one, so 1e-20 is 1e-20 and not 1 − 1 = 0. float32 limits: e^x
// underflows below x ≈ −87 (−103 with subnormals), so a loss under ~1e-38 reads as the scale's floor.
// A sample's row (N_ROW entries, four to a texel): its input, then its label; for a small network
// (FOLDED) landscape_fold's constants in place of the input. ONE_SAMPLE (no dataset): in uniforms.
#if ONE_SAMPLE
uniform vec4 u_row[(N_ROW + 3) / 4];
#else
uniform highp sampler2D u_samples;  // RGBA32F: row s = sample s's
uniform int u_sample_count;
#endif
uniform vec2 u_decades;  // log10 of the loss at the scale's ends
// the scale: five colours, low to high, evenly spaced, as a sum of hinges (field_views.cpp):
// stop 0, the first segment's slope, then each next segment's change of slope
uniform vec3 u_hinges[5];
uniform vec4 u_line;
out vec4 frag_color;
const int kRowTexels = (N_ROW + 3) / 4;
#define ROW(i) row[(i) / 4][(i) - ((i) / 4) * 4]  // entry i of a sample's row (i a constant)
#define LABEL(c) ROW(N_ROW - N_OUT + (c))

// log(1 + t) for t ≥ 0, a tiny t kept (log(1 + 1e-20) is 1e-20, not 0)
float log1p_small(float t) { return t < 1e-3 ? t * (1.0 - 0.5 * t) : log(1.0 + t); }

// −Σ_c y_c log s_c of one sample
float sample_loss(float o[kInOut], vec4 row[kRowTexels]) {
#if HEAD == 1
  float sq = 0.0;  // the engine's mse: (1/n) Σ_i (O_i − y_i)²
#define SQUARE(i) { float e = o[i] - LABEL(i); sq += e * e; }
  FOR_OUTPUTS(SQUARE)
  return sq / float(N_OUT);
#elif N_OUT == 2
  // two classes, m = O0 − O1: −log s0 = max(−m, 0) + log(1 + e^−|m|), −log s1 = max(m, 0) + the
  // same log: one exp and one log for both, and a tiny loss (the label's class far ahead) stays
  float m = o[0] - o[1], shared = log1p_small(exp(-abs(m))), y0 = LABEL(0), y1 = LABEL(1);
  return (y0 == 0.0 ? 0.0 : y0 * (max(-m, 0.0) + shared)) + (y1 == 0.0 ? 0.0 : y1 * (max(m, 0.0) + shared));
#else
  // with `top` the largest logit (class k, the first such), −log s_c = (top − O_c) +
  // log(1 + Σ_{j≠k} e^(O_j − top)), so one log serves every class; unrolled, without branches
  float top = o[0];
  int k = 0;
#define ARGMAX(c) k = o[c] > top ? c : k; top = max(top, o[c]);
  FOR_OUTPUTS(ARGMAX)
  float others = 0.0;
#define OTHERS(c) others += c == k ? 0.0 : exp(o[c] - top);
  FOR_OUTPUTS(OTHERS)
  float log_sum = log1p_small(others), loss = 0.0;
#define TERM(c) { float y = LABEL(c); loss += y == 0.0 ? 0.0 : y * (top - o[c] + log_sum); }
  FOR_OUTPUTS(TERM)
  return loss;
#endif
}

vec3 scale_color(float f) {  // f in [0, 1]: the polyline through the stops, without an index
  float x = clamp(f, 0.0, 1.0) * 4.0;
  return u_hinges[0] + u_hinges[1] * x + u_hinges[2] * max(x - 1.0, 0.0) + u_hinges[3] * max(x - 2.0, 0.0) +
         u_hinges[4] * max(x - 3.0, 0.0);
}

void main() {
  vec2 p = pixel_point();
  g_swap_a = p.x;
  g_swap_b = p.y;
  float total = 0.0;
#if ONE_SAMPLE  // no loop and no fetch
  const int count = 1;
  {
    vec4 row[kRowTexels] = u_row;
#else
  int count = u_sample_count;
  for (int s = 0; s < count; ++s) {
    vec4 row[kRowTexels];
#define FETCH(t) row[t] = texelFetch(u_samples, ivec2(t, s), 0);
    FOR_ROW_TEXELS(FETCH)
#endif
    float v[kInOut];
#if FOLDED
    FOLDED_BODY
#else
#define LOAD(i) v[i] = ROW(i);
    FOR_INPUTS(LOAD)
    mlp(v);
#endif
    total += sample_loss(v, row);
  }
  float loss = total / float(count);
  float raw = loss > 0.0 ? log2(loss) * 0.30102999566 : u_decades.x - 1.0;  // log10
  float decade = clamp(raw, u_decades.x, u_decades.y);
  vec3 color = scale_color((decade - u_decades.x) / (u_decades.y - u_decades.x));
  float slope = max(fwidth(decade), 1e-30);
  float line = max(iso_line(decade, 1.0, slope) * 0.45, iso_line(decade, 10.0, slope));
  if (raw != decade) line = 0.0;  // past the scale's ends: flat, no contour
  frag_color = vec4(mix(color, u_line.rgb, line * u_line.a), 1.0);
}
