// The decision boundary: each pixel is an input (x, y) = (I[0], I[1]) inside u_window, coloured
// by the network's output there. softmax_ce: the class probabilities mix the classes' colours
// (Σ p_c·colour_c, then mixed over the background by u_strength); the iso-line is where the top
// two probabilities are equal (p = 0.5 with two classes). mse: output u_output on a diverging
// scale over ±u_range, its iso-line at 0.5.
uniform vec4 u_window;     // x0, y0, x1, y1: the target's corners in input coordinates
uniform vec2 u_size;       // the target's pixels
uniform int u_output;      // mse: the output shown
uniform float u_range;     // mse: the value drawn in full colour
uniform vec3 u_colors[8];  // per class (classes past 8 repeat them)
uniform vec3 u_background;
uniform float u_strength;  // how much of a class colour a certain pixel shows
uniform vec4 u_line;
out vec4 frag_color;

void main() {
  vec2 uv = gl_FragCoord.xy / u_size;
  vec2 x = mix(u_window.xy, u_window.zw, uv);
  float v[kInOut];
  v[0] = x.x;
  v[1] = x.y;
  mlp(v);
  vec3 color;
  float margin;  // zero on the iso-line
#if HEAD == 0  // softmax_ce
  {
    float top = v[0];
#define TOP(c) top = max(top, v[c]);
    FOR_OUTPUTS(TOP)
    float sum = 0.0;
#define EXP(c) v[c] = exp(v[c] - top); sum += v[c];  // stable softmax: the largest term is exp(0) = 1
    FOR_OUTPUTS(EXP)
    vec3 mixed = vec3(0.0);
    float p1 = 0.0, p2 = 0.0;  // the two largest probabilities (without branches)
#define MIX(c) { float p = v[c] / sum; mixed += p * u_colors[c - (c / 8) * 8]; float low = min(p, p1); p1 = max(p, p1); p2 = max(p2, low); }
    FOR_OUTPUTS(MIX)
    color = mix(u_background, mixed, u_strength);
    margin = p1 - p2;
  }
#else  // mse
  {
    float value = v[0];  // v[u_output], unrolled: an index known only at run time is slow
#define PICK(c) value = u_output == c ? v[c] : value;
    FOR_OUTPUTS(PICK)
    float t = clamp(value / u_range, -1.0, 1.0);
    color = mix(u_background, t < 0.0 ? u_colors[0] : u_colors[1], u_strength * abs(t));
    margin = value - 0.5;
  }
#endif
  float d = abs(margin);
  float line = 1.0 - smoothstep(0.5, 1.5, d / max(fwidth(margin), 1e-30));
  frag_color = vec4(mix(color, u_line.rgb, line * u_line.a), 1.0);
}
