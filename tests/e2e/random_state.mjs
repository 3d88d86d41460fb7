// Random network states for the browser test, made in JS (independent of the engine's own
// random_state): 1–4 layers (or up to maxLayers), widths 1–6, weights in quarters, any activation, head and biases,
// in f64 (f32 results depend on the order of sums, which differs between native and wasm builds).
const ACTIVATIONS = ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'identity'];

// mulberry32: a tiny seeded generator, so a failure can be replayed by its seed
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomState(seed, maxLayers = 4) {
  const next = generator(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const quarter = () => int(-12, 12) / 4;
  const vector = (n) => Array.from({ length: n }, quarter);
  const layers = int(1, maxLayers);
  const widths = Array.from({ length: layers }, () => int(1, 6));
  widths.push(int(2, 4));  // classes
  const head = next() < 0.75 ? 'softmax_ce' : 'mse';
  const state = { input: vector(widths[0]) };
  const classes = widths[layers];
  if (head === 'softmax_ce') {
    state.label = Array(classes).fill(0);
    state.label[int(0, classes - 1)] = 1;
  } else {
    state.label = vector(classes);
  }
  for (let k = 0; k < layers; ++k) {
    state[`W${k}`] = Array.from({ length: widths[k + 1] }, () => vector(widths[k]));
    state[`b${k}`] = next() < 0.5 ? vector(widths[k + 1]) : null;
  }
  state.activation = ACTIVATIONS[int(0, ACTIVATIONS.length - 1)];
  state.head = head;
  return state;
}
