// The decision boundary: each pixel is an input (x, y) = (I[0], I[1]), coloured by the network's
// output there. softmax_ce: the class probabilities mix the classes' colours (Σ p_c·colour_c); the
// iso-line is where the top two classes tie (p = 0.5 with two), found on the logits, which cross
// there smoothly where the probabilities jump (a saturated boundary would draw a dashed line).
// Two classes (MARGIN): the network's one output is O0 − O1 (margin_network), p0 = σ(O0 − O1).
// mse: output u_output on a diverging scale over ±u_range, its iso-line at 0.5.
// A software renderer pays for every operation at every pixel: what depends only on uniforms is
// worked out on the CPU (the class colours come already mixed over the background).
uniform int u_output;      // mse: the output shown
uniform float u_range;     // mse: the value drawn in full colour
uniform vec3 u_colors[8];  // per class, as a certain pixel shows it (classes past 8 repeat them)
uniform vec3 u_color_step; // MARGIN: u_colors[0] − u_colors[1]
uniform vec3 u_background;
uniform vec4 u_line;
out vec4 frag_color;

void main() {
  vec2 x = pixel_point();
  float v[kInOut];
  v[0] = x.x;
  v[1] = x.y;
  mlp(v);
  vec3 color;
  float margin, slope;  // zero on the iso-line, and its change over a pixel
#if MARGIN  // softmax_ce of two classes: v[0] = O0 − O1, p0 = 1 / (1 + e^(O1 − O0)), one exp
  {
    margin = v[0];
    color = u_colors[1] + u_color_step * (1.0 / (1.0 + exp(-margin)));
    slope = fwidth(margin);
  }
#elif HEAD == 0  // softmax_ce
  {
    float top = v[0], second = -3.4e38;  // the two largest logits (without branches)
#define TOP(c) second = c == 0 ? second : max(second, min(top, v[c])); top = max(top, v[c]);
    FOR_OUTPUTS(TOP)
    float sum = 0.0;
    vec3 mixed = vec3(0.0);
#define MIX(c) { float e = exp(v[c] - top); sum += e; mixed += e * u_colors[c - (c / 8) * 8]; }  // stable: the largest is e^0
    FOR_OUTPUTS(MIX)
    color = mixed * (1.0 / sum);
    margin = top - second;  // ≥ 0: its slope from both logits', as a tie is a kink of it
    slope = fwidth(top) + fwidth(second);
  }
#else  // mse
  {
    float value = v[0];  // v[u_output], unrolled: an index known only at run time is slow
#define PICK(c) value = u_output == c ? v[c] : value;
    FOR_OUTPUTS(PICK)
    float t = clamp(value / u_range, -1.0, 1.0);
    color = mix(u_background, t < 0.0 ? u_colors[0] : u_colors[1], abs(t));
    margin = value - 0.5;
    slope = fwidth(margin);
  }
#endif
  float line = clamp(1.5 - abs(margin) / max(slope, 1e-30), 0.0, u_line.a);  // iso_line's, at 0 only, × u_line.a
  frag_color = vec4(mix(color, u_line.rgb, line), 1.0);
}
