// Browser end-to-end test of the Train tab's shader views in WebGL2 (SwiftShader): the plane's
// pixels, read back through samplePlane at 16 × 16 points, decode to the class probabilities the
// engine computes at each pixel's centre (and getResult agrees with the engine's numbers there),
// for 12 networks of every activation, up to 8 × 64 (and 8 × 64's 32² as the app refines it, part
// by part over frames); the landscape's colours decode to the engine's
// log10 loss; a real mouse drag of I on the plane changes getState().input; screenshots of the
// Train tab at 390×844, 1280×720 and 1920×1080 go to artifacts/.
// Tolerances, for 8-bit colour: |Δp| ≤ 3/255 + 0.01 (a channel's rounding, ×1/0.6 for the mix over
// the background, plus float32), away from the iso-line (the pixel and 2 pixels around it have
// top-two margins ≥ 0.06); |Δ log10 l| ≤ 0.3 away from contour lines.
//   BACKPROP_WEB_DIR=build/web node --test tests/e2e/fields.test.mjs
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { browserSuite, shot, click, frames, itemCentre, openApp, planeNetwork } from './browser.mjs';

const EXERCISE = { input: [4, 1], label: [0, 1], W0: [[1, -2], [2, 5]], W1: [[3, -3], [-1, 1]] };

const network = (seed, layers, width, activation, classes = 2, biases = false) =>
  planeNetwork({ seed, layers, width, activation, classes, biases });

const NETWORKS = [
  ['the exercise', EXERCISE],
  ['1 layer identity, biases', network(1, 1, 2, 'identity', 2, true)],
  ['2 × 4 relu', network(2, 2, 4, 'relu')],
  ['2 × 8 leaky_relu, biases', network(3, 2, 8, 'leaky_relu', 2, true)],
  ['3 × 16 sigmoid, biases', network(4, 3, 16, 'sigmoid', 2, true)],
  ['3 × 16 tanh', network(5, 3, 16, 'tanh')],
  ['4 × 16 relu, biases', network(6, 4, 16, 'relu', 2, true)],
  ['5 × 8 tanh, 3 classes', network(7, 5, 8, 'tanh', 3, true)],
  ['6 × 16 leaky_relu', network(8, 6, 16, 'leaky_relu')],
  ['8 × 16 identity, biases', network(9, 8, 16, 'identity', 2, true)],
  ['8 × 64 relu, biases', network(10, 8, 64, 'relu', 2, true)],
  ['8 × 8 sigmoid', network(11, 8, 8, 'sigmoid')],
];

// the Train tab (or the narrow screen's Train panel) by a real click, until the plane is drawn
async function openTrain(page, tab) {
  for (let i = 0; i < 5; ++i) {
    await click(page, await itemCentre(page, tab));
    await frames(page, 5);
    if (await page.evaluate(() => window.backpropLabTesting.itemRect('plane'))) return;
  }
  throw new Error(`the plane is not drawn after clicking ${tab}`);
}

const samplePlane = (page, points, resolution) =>
  page.evaluate(([p, r]) => JSON.parse(window.backpropLab.samplePlane(p, r)), [points, resolution]);
const sampleLandscape = (page, points) => page.evaluate((p) => JSON.parse(window.backpropLab.sampleLandscape(p)), points);

// p from a pixel: pixel = Σ p_c colour_c, Σ p_c = 1 (2 classes: a projection; 3: least squares)
function decodeP(px, colors, n) {
  const d = (a, b) => a.map((v, i) => v - b[i]);
  const dot = (a, b) => a.reduce((s, v, i) => s + v * b[i], 0);
  const r = d(px.slice(0, 3), colors[n - 1]);
  if (n === 2) {
    const e = d(colors[0], colors[1]);
    const p0 = dot(r, e) / dot(e, e);
    return [p0, 1 - p0];
  }
  const e0 = d(colors[0], colors[2]), e1 = d(colors[1], colors[2]);
  const a = dot(e0, e0), b = dot(e0, e1), c = dot(e1, e1), u = dot(e0, r), v = dot(e1, r), det = a * c - b * b;
  const p0 = (c * u - b * v) / det, p1 = (a * v - b * u) / det;
  return [p0, p1, 1 - p0 - p1];
}
const margin = (p) => {
  const s = [...p].sort((a, b) => b - a);
  return s[0] - s[1];
};

// log10 l from a landscape pixel: the nearest point of the scale's polyline
function decodeDecade(px, stops, [lo, hi]) {
  let best = Infinity, at = 0;
  for (let i = 0; i < 4; ++i) {
    const a = stops[i], b = stops[i + 1];
    const e = b.map((v, k) => v - a[k]), r = px.slice(0, 3).map((v, k) => v - a[k]);
    const t = Math.min(1, Math.max(0, r.reduce((s, v, k) => s + v * e[k], 0) / e.reduce((s, v) => s + v * v, 0)));
    const dist = r.reduce((s, v, k) => s + (v - t * e[k]) ** 2, 0);
    if (dist < best) [best, at] = [dist, (i + t) / 4];
  }
  return lo + at * (hi - lo);
}

// samplePlane's pixels at planePoints against the engine's p (n classes): ≥ 100 points compared
function comparePlane(name, out, n) {
  let compared = 0, worst = 0;
  for (let k = 0; k < out.pixels.length; k += 5) {
    const engine = out.engine[k];
    if ([0, 1, 2, 3, 4].some((d) => margin(out.engine[k + d]) < 0.06)) continue;  // on or by the iso-line
    const got = decodeP(out.pixels[k], out.colors, n);
    const err = Math.max(...got.map((p, c) => Math.abs(p - engine[c])));
    worst = Math.max(worst, err);
    assert.ok(err <= 3 / 255 + 0.01, `${name} at ${out.centres[k]}: pixel ${out.pixels[k]} → p ${got}, engine ${engine}`);
    ++compared;
  }
  assert.ok(compared >= 100, `${name}: ${compared} points compared`);
  return { compared, worst };
}

// 16 × 16 points of the window, each with its 4 neighbours 2 pixels away (the iso-line check)
function planePoints([x0, y0, x1, y1], resolution) {
  const points = [], px = (x1 - x0) / resolution, py = (y1 - y0) / resolution;
  for (let i = 0; i < 16; ++i)
    for (let j = 0; j < 16; ++j) {
      const x = x0 + ((i + 0.5) / 16) * (x1 - x0), y = y0 + ((j + 0.5) / 16) * (y1 - y0);
      points.push([x, y], [x + 2 * px, y], [x - 2 * px, y], [x, y + 2 * py], [x, y - 2 * py]);
    }
  return points;
}

describe('the Train tab\'s shader views', () => {
  const suite = browserSuite();
  let app;
  before(async () => {
    app = await openApp(suite.env, { width: 1280, height: 720 });
    await openTrain(app.page, 'tab:Train');
  });

  test('the plane\'s pixels equal the engine\'s s at ≥ 100 points, 12 networks up to 8 × 64', async () => {
    const { page } = app;
    for (const [name, state] of NETWORKS) {
      const t0 = Date.now();
      assert.equal(await page.evaluate((s) => window.backpropLab.setState(s), JSON.stringify(state)), '', name);
      // SwiftShader evaluates 8 × 64 at ~0.1–0.3 M multiply-adds per ms here: the widest networks are read at 128²
      const resolution = Object.values(state).some((m) => Array.isArray(m) && m.length > 32) ? 128 : 512;
      const first = await samplePlane(page, [], resolution);
      assert.ok(!first.error, `${name}: ${first.error}`);
      assert.equal(first.resolution, resolution, `${name}: the picture at ${resolution}²`);
      const out = await samplePlane(page, planePoints(first.window, first.resolution), resolution);
      const { compared, worst } = comparePlane(name, out, state.label.length);
      // the API's engine values are getResult's s at that input
      const [cx, cy] = out.centres[0];
      assert.equal(await page.evaluate((s) => window.backpropLab.setState(s), JSON.stringify({ ...state, input: [cx, cy] })), '');
      const s = JSON.parse(await page.evaluate(() => window.backpropLab.getResult())).forward.s;
      s.flat().forEach((v, c) => assert.ok(Math.abs(v - out.engine[0][c]) <= 1e-12, `${name}: getResult s = ${s}, engine ${out.engine[0]}`));
      console.log(`${name}: ${compared} points, worst |Δp| = ${worst.toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  });

  test('a big network\'s plane drawn part by part over frames equals the engine: no band or tile left out', async () => {
    const { page } = app;
    const [name, state] = NETWORKS[10];  // 8 × 64: a 32² row is over a frame's budget on SwiftShader
    const rows = await page.evaluate(async (s) => {
      const before = window.backpropLabTesting.fieldStats().plane.key;  // the picture shown until the new one's first level
      if (window.backpropLab.setState(s)) return [];
      const out = [];
      for (let i = 0; i < 900; ++i) {  // frames, until the new picture's 32² is whole (samplePlane would draw it at once)
        await new Promise((r) => requestAnimationFrame(r));
        const p = window.backpropLabTesting.fieldStats().plane;
        if (p.key === before) continue;
        out.push({ parts: p.level_parts[1], done: p.level_done[1] });
        if (p.level_done[1]) break;
      }
      return out;
    }, JSON.stringify(state));
    assert.ok(rows.length && rows.at(-1).done, `${name}: 32² not drawn in ${rows.length} frames`);
    const withParts = rows.filter((r, i) => r.parts > (i ? rows[i - 1].parts : 0)).length, parts = rows.at(-1).parts;
    assert.ok(withParts >= 3, `${name}: 32² was drawn in ${parts} parts in ${withParts} frames (the test needs several)`);
    const first = await samplePlane(page, [], 32);
    assert.equal(first.resolution, 32);
    const { compared, worst } = comparePlane(name, await samplePlane(page, planePoints(first.window, 32), 32), 2);
    console.log(`${name} at 32², drawn over ${rows.length} frames in ${parts} parts in ${withParts} of them: ${compared} points, worst |Δp| = ${worst.toFixed(4)}`);
  });

  test('the landscape\'s colours decode to the engine\'s log10 loss (the exercise\'s 1e-20 plateau too)', async () => {
    const { page } = app;
    // the picks stay while they exist: a 1-layer network sets them to W0[0,0] and W0[0,1], which
    // every network here has, whatever the tests before left
    assert.equal(await page.evaluate((s) => window.backpropLab.setState(s), JSON.stringify(NETWORKS[1][1])), '');
    assert.ok(!(await sampleLandscape(page, [])).error);
    // a small network's landscape is folded (landscape_fold): one sample's row in uniforms, a
    // dataset's rows in the texture; mse and three classes take the shader's other losses
    const steep = (s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, /^[Wb]\d$/.test(k) ? JSON.parse(JSON.stringify(v), (_, x) => (typeof x === 'number' ? 3 * x : x)) : v]));
    const withSet = { ...steep(network(15, 2, 3, 'relu', 2, true)),
      dataset: Array.from({ length: 7 }, (_, i) => ({ input: [0.6 * i - 1.8, (i % 3) - 1], label: i % 2 ? [0, 1] : [1, 0] })) };
    const regression = { ...steep(network(16, 2, 3, 'leaky_relu', 3, true)), head: 'mse', label: [0.5, -1, 2] };
    for (const [name, state] of [NETWORKS[0], NETWORKS[2], ['2 × 4 leaky_relu, 3 classes, biases', network(14, 2, 4, 'leaky_relu', 3, true)],
                                 ['2 × 3 relu over 7 points, biases', withSet], ['2 × 3 leaky_relu, mse, biases', regression]]) {
      assert.equal(await page.evaluate((s) => window.backpropLab.setState(s), JSON.stringify(state)), '', name);
      const first = await sampleLandscape(page, []);
      assert.ok(!first.error, `${name}: ${first.error}`);
      const [x0, y0, x1, y1] = first.window, res = first.resolution, px = (x1 - x0) / res, py = (y1 - y0) / res;
      const points = [];
      for (let i = 0; i < 12; ++i)
        for (let j = 0; j < 12; ++j) {
          const x = x0 + ((i + 0.5) / 12) * (x1 - x0), y = y0 + ((j + 0.5) / 12) * (y1 - y0);
          points.push([x, y], [x + px, y], [x - px, y], [x, y + py], [x, y - py]);
        }
      const out = await sampleLandscape(page, points);
      const [lo, hi] = out.decades;
      let compared = 0, worst = 0;
      const decades = new Set(), engineDecades = [], pixelDecades = [];
      for (let k = 0; k < out.pixels.length; k += 5) {
        const d = Math.log10(out.engine[k]);
        if (!(d > lo + 0.5 && d < hi - 0.5)) continue;  // the scale's floor or ceiling
        const perPixel = Math.max(...[1, 2, 3, 4].map((o) => Math.abs(Math.log10(out.engine[k + o]) - d)));
        if (Math.abs(d - Math.round(d)) < 2.5 * perPixel + 0.05) continue;  // on a contour line
        const got = decodeDecade(out.pixels[k], out.stops, out.decades);
        worst = Math.max(worst, Math.abs(got - d));
        assert.ok(Math.abs(got - d) <= 0.3, `${name} at ${out.centres[k]}: engine log10 l = ${d}, pixel ${out.pixels[k]} → ${got}`);
        decades.add(Math.floor(d));
        engineDecades.push(d);
        pixelDecades.push(got);
        ++compared;
      }
      assert.ok(compared >= 40, `${name}: ${compared} landscape points compared`);
      // the exercise's window spans its 1e-20 plateau up to O(1) losses (≥ 3 decades of colour); a
      // random network's window around its weights can stay within a decade, so there the colours
      // must spread as the loss does (≥ 0.5 decades of it): never one flat colour
      if (state === EXERCISE) assert.ok(decades.size >= 3, `${name}: the colours span ${decades.size} decades (≥ 3)`);
      const spread = (xs) => Math.max(...xs) - Math.min(...xs);
      assert.ok(spread(engineDecades) >= 0.5, `${name}: the loss spans ${spread(engineDecades).toFixed(2)} decades in the window`);
      assert.ok(Math.abs(spread(pixelDecades) - spread(engineDecades)) <= 0.3,
        `${name}: the colours spread over ${spread(pixelDecades).toFixed(2)} decades, the loss over ${spread(engineDecades).toFixed(2)}`);
      console.log(`${name} over ${out.a}, ${out.b}: ${compared} points, ${decades.size} decades (a spread of ${spread(engineDecades).toFixed(2)}), worst |Δ log10 l| = ${worst.toFixed(3)}`);
    }
  });

  test('dragging I on the plane with the mouse changes getState().input', async () => {
    const { page } = app;
    assert.equal(await page.evaluate((s) => window.backpropLab.setState(s), JSON.stringify(EXERCISE)), '');
    await page.waitForFunction(() => window.backpropLabTesting.itemRect('plane'), null, { timeout: 30e3 });
    // scroll until the whole plane is on screen
    for (let i = 0; i < 20; ++i) {
      const r = await page.evaluate(() => window.backpropLabTesting.itemRect('plane'));
      if (r.y >= 0 && r.y + r.h <= 720) break;
      await page.mouse.move(r.x + r.w / 2, 360);
      await page.mouse.wheel(0, r.y > 0 ? 120 : -120);
      await frames(page, 3);
    }
    const at = await itemCentre(page, 'plane:I');
    const { window: w } = await samplePlane(page, []);
    const r = await page.evaluate(() => window.backpropLabTesting.itemRect('plane'));
    const to = { x: at.x - 40, y: at.y + 30 };
    await page.mouse.move(at.x, at.y);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    for (let i = 1; i <= 8; ++i) {
      await page.mouse.move(at.x + ((to.x - at.x) * i) / 8, at.y + ((to.y - at.y) * i) / 8);
      await frames(page, 1);
    }
    await page.mouse.up();
    await frames(page, 3);
    const input = JSON.parse(await page.evaluate(() => window.backpropLab.getState())).input;
    const expected = [w[0] + ((to.x - r.x) / r.w) * (w[2] - w[0]), w[1] + ((r.y + r.h - to.y) / r.h) * (w[3] - w[1])];
    const pixel = (w[2] - w[0]) / r.w;
    assert.ok(Math.abs(input[0] - expected[0]) <= 1.5 * pixel && Math.abs(input[1] - expected[1]) <= 1.5 * pixel,
      `I = ${input}, expected ≈ ${expected} (the mouse's point on the plane)`);
    assert.notDeepEqual(input, EXERCISE.input);
    assert.deepEqual(app.errors, []);
  });

  test('a frame is drawn only when it looks different: each finer picture at once, at rest almost never', async () => {
    const { page } = app;
    await frames(page, 5);
    // frame by frame from a weight's change until both pictures are whole: what was shown, and
    // how many frames were presented (frameStats; the frame function updates both at once)
    const rows = await page.evaluate(async (state) => {
      const t = window.backpropLabTesting, out = [];
      const row = () => {
        const f = t.frameStats(), s = t.fieldStats();
        return { frames: f.frames, presented: f.presented, plane: s.plane.resolution, landscape: s.landscape.resolution,
                 shown: `${s.plane.revision}/${s.landscape.revision}`, refining: s.plane.refining || s.landscape.refining };
      };
      out.push(row());
      if (window.backpropLab.setState(state)) return [];
      for (let i = 0; i < 600 && (out.length < 3 || out.at(-1).refining); ++i) {
        await new Promise((r) => requestAnimationFrame(r));
        out.push(row());
      }
      return out;
    }, JSON.stringify({ ...EXERCISE, W1: [[3.25, -3], [-1, 1]] }));
    assert.ok(rows.length > 2 && !rows.at(-1).refining, `the pictures were not finished: ${JSON.stringify(rows.at(-1))}`);
    // a change: a level finished (the exercise's 512² may come at once, the resolution staying 512)
    const changes = rows.slice(1).filter((r, i) => r.shown !== rows[i].shown);
    assert.ok(rows.at(-1).plane === 512 && changes.length >= 1, `the plane reached ${rows.at(-1).plane}² in ${changes.length} steps`);
    for (let i = 1; i < rows.length; ++i) {
      const [a, b] = [rows[i - 1], rows[i]];
      if (a.shown !== b.shown)
        assert.ok(b.presented > a.presented, `frame ${b.frames}: the plane ${a.plane}² → ${b.plane}², the landscape ${a.landscape}² → ${b.landscape}² (revisions ${a.shown} → ${b.shown}), not presented`);
    }
    assert.ok(rows[1].presented > rows[0].presented, 'the frame after the new weight was not presented');
    // at rest only what changes is drawn: the status bar's frame time, once a second at most
    const stats = () => page.evaluate(() => window.backpropLabTesting.frameStats());
    const before = await stats();
    await frames(page, 60);
    const after = await stats();
    const [ran, presented] = [after.frames - before.frames, after.presented - before.presented];
    console.log(`from the change to 512²: ${rows.length - 1} frames, ${rows.at(-1).presented - rows[0].presented} presented; at rest: ${presented} of ${ran}`);
    assert.ok(ran >= 60 && presented <= 8, `at rest ${presented} of ${ran} frames were presented`);
  });

  test('screenshots of the Train tab: 390×844, 1280×720, 1920×1080', async () => {
    for (const [width, height] of [[390, 844], [1280, 720], [1920, 1080]]) {
      const { page, context, errors } = await openApp(suite.env, { width, height });
      await openTrain(page, width < 600 ? 'screen:Train' : 'tab:Train');
      await frames(page, 10);
      await shot(page, `fields-train-${width}x${height}.png`);
      const plane = await page.evaluate(() => window.backpropLabTesting.itemRect('plane'));
      assert.ok(plane && plane.w >= 240 && Math.abs(plane.w - plane.h) < 1, `${width}×${height}: the plane is ${plane?.w} × ${plane?.h} px`);
      assert.ok(plane.x >= 0 && plane.x + plane.w <= width, `${width}×${height}: the plane fits across the screen`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
});
