// The graph canvas' background: a dot at every grid intersection and a faint line every 5th,
// anti-aliased over one device pixel. Positions are framebuffer pixels (gl_FragCoord).
uniform vec2 u_origin;     // a major intersection, moves when the view pans
uniform float u_spacing;   // between dots
uniform float u_pixel;     // one logical pixel in framebuffer pixels (2 on HiDPI)
uniform vec4 u_background;
uniform vec4 u_dot;
uniform vec4 u_line;
out vec4 frag_color;

// distance to the nearest multiple of `period` along each axis
vec2 to_grid(vec2 p, float period) {
  return abs(fract(p / period + 0.5) - 0.5) * period;
}

void main() {
  vec2 p = gl_FragCoord.xy - u_origin;
  vec2 d = to_grid(p, u_spacing);
  float dot_alpha = 1.0 - smoothstep(0.8 * u_pixel, 1.6 * u_pixel, length(d));
  vec2 m = to_grid(p, 5.0 * u_spacing);
  float line_alpha = 1.0 - smoothstep(0.0, u_pixel, min(m.x, m.y));
  vec4 color = mix(u_background, u_line, line_alpha);
  frag_color = mix(color, u_dot, dot_alpha);
}
