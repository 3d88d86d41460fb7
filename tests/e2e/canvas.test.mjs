// Browser end-to-end test of the graph canvas by mouse, keyboard and touch: the toolbar's "+",
// "−" and "Fit to view" change getView().zoom; "-1.5" typed after a click on a cell never zooms;
// resizing the window refits; the Explainer's "Show ∇W1 ℓ in the Inspector" opens the Inspector;
// the Flow switch animates the gradient; pinch and pan with touch events (CDP). Screenshots in
// tests/e2e/artifacts/canvas-*.png.
//   BACKPROP_WEB_DIR=build/web node --test tests/e2e/canvas.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { click, frames, itemCentre, openApp, press, start } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = process.env.BACKPROP_ARTIFACTS || path.join(HERE, 'artifacts');

const view = async (page) => JSON.parse(await page.evaluate(() => window.backpropLab.getView()));
const shot = async (page, name) =>
  fs.writeFileSync(path.join(ARTIFACTS, `canvas-${name}.png`), await page.locator('#canvas').screenshot());

// the centre of the first drawn text that reads exactly `text` (a button's label), CSS pixels
async function textCentre(page, text) {
  const all = await page.evaluate(() => window.backpropLabTesting.drawnText());
  const t = all.find((r) => r.text === text);
  assert.ok(t, `"${text}" is drawn`);
  return { x: t.x + t.w / 2, y: t.y + t.h / 2 };
}

describe('graph canvas by mouse and keyboard', () => {
  let env, app;
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    env = await start();
    app = await openApp(env, { width: 1280, height: 720 });
    await frames(app.page, 3);
  });
  after(async () => {
    if (env) await env.close();
  });

  test('the first frame shows every value and gradient; getView has the zoom and the visible graph', async () => {
    const v = await view(app.page);
    assert.equal(v.phase, 'done');
    assert.equal(v.step, 12);
    assert.ok(v.zoom > 0.2 && v.zoom <= 1.5, `zoom ${v.zoom}`);
    assert.ok(v.canvas.w > 300 && v.canvas.h > 300, JSON.stringify(v.canvas));
    assert.ok(v.visible.w > 0 && v.visible.h > 0, JSON.stringify(v.visible));
    assert.equal(v.autoFit, true);
    const texts = await app.page.evaluate(() => window.backpropLabTesting.drawnText());
    const canvas = texts.filter((t) => t.widget === 'canvas').map((t) => t.text);
    for (const s of ['13', '−33', '7.781e−20', '1.245e−18']) assert.ok(canvas.includes(s), `${s} on the canvas`);
    assert.ok(!texts.some((t) => /(^|\s)\?(\s|$)/.test(t.text)), 'no "?" placeholder');
    await shot(app.page, 'first-frame');
  });

  test('clicking "+", "−" and "Fit to view" changes the zoom', async () => {
    const { page } = app;
    const fit = (await view(page)).zoom;
    await click(page, await textCentre(page, '+'));
    const zoomed = (await view(page)).zoom;
    assert.ok(zoomed > fit, `+ zooms in: ${fit} → ${zoomed}`);
    await click(page, await textCentre(page, '−'));
    await click(page, await textCentre(page, '−'));
    assert.ok((await view(page)).zoom < zoomed, '− zooms out');
    assert.equal((await view(page)).autoFit, false);
    await click(page, await textCentre(page, 'Fit to view'));
    await frames(page, 2);
    assert.equal((await view(page)).zoom, fit);
    assert.equal((await view(page)).autoFit, true);
  });

  test('typing "-1.5" after clicking a cell never zooms', async () => {
    const { page } = app;
    const before = await view(page);
    await click(page, await itemCentre(page, 'W0[0,1]'));
    for (const ch of '-1.5') await press(page, ch);
    await frames(page, 2);
    assert.equal((await view(page)).zoom, before.zoom);
    // over the canvas, "-" zooms out
    await page.mouse.move(before.canvas.x + before.canvas.w / 2, before.canvas.y + 60);
    await frames(page, 2);
    await page.keyboard.press('-');
    await frames(page, 3);
    assert.ok((await view(page)).zoom < before.zoom, 'the canvas\'s own shortcut');
    await click(page, await textCentre(page, 'Fit to view'));
  });

  test('resizing the window refits the graph', async () => {
    const { page } = app;
    const wide = await view(page);
    await page.setViewportSize({ width: 1000, height: 720 });
    await frames(page, 4);
    const narrow = await view(page);
    assert.ok(narrow.canvas.w < wide.canvas.w, 'the canvas got narrower');
    assert.ok(narrow.zoom < wide.zoom, `refitted: ${wide.zoom} → ${narrow.zoom}`);
    assert.equal(narrow.autoFit, true);
    await page.setViewportSize({ width: 1280, height: 720 });
    await frames(page, 4);
    assert.equal((await view(page)).zoom, wide.zoom);
  });

  test('screenshots at 768×1024 and 1920×1080: the graph fits and refits', async () => {
    const { page } = app;
    for (const [width, height] of [[768, 1024], [1920, 1080]]) {
      await page.setViewportSize({ width, height });
      await frames(page, 4);
      const v = await view(page);
      assert.ok(v.canvas.w > 100 && v.autoFit, `${width}×${height}: ${JSON.stringify(v.canvas)}`);
      await shot(page, `${width}x${height}`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await frames(page, 4);
  });

  test('the Flow switch animates the gradient flowing back', async () => {
    const { page } = app;
    await click(page, await textCentre(page, 'Flow'));
    assert.equal((await view(page)).flow, true);
    await frames(page, 10);
    await shot(page, 'flow');
    await click(page, await textCentre(page, 'Flow'));
    assert.equal((await view(page)).flow, false);
  });

  test('"Show ∇W1 ℓ in the Inspector" (Explainer) opens the Inspector with W1\'s chain', async () => {
    const { page } = app;
    await click(page, await itemCentre(page, 'tab:Explainer'));
    await click(page, await textCentre(page, 'Show ∇W1 ℓ in the Inspector'));
    await frames(page, 2);
    assert.deepEqual((await view(page)).selected, { node: 'W1' });
    const inspector = (await page.evaluate(() => window.backpropLabTesting.drawnText()))
      .filter((t) => t.widget === 'Inspector').map((t) => t.text).join(' ');
    assert.match(inspector, /∇W1 ℓ = ∇ℓ ℓ · ∂ℓ\/∂O · ∂O\/∂W1/);
    assert.match(inspector, /factor 2: ∂O\/∂W1/);
    await shot(page, 'inspector-chain');
    assert.deepEqual(app.errors, []);
  });

  test('arrow keys move between the Network panel\'s weight cells, not the stepper', async () => {
    const { page } = app;
    const before = await view(page);
    await click(page, await itemCentre(page, 'W0[0,0]'));  // the Network panel has the keyboard
    await page.mouse.move(before.canvas.x + before.canvas.w / 2, before.canvas.y + before.canvas.h / 2);
    await frames(page, 2);
    await press(page, 'ArrowRight');  // → W0[0,1]
    await frames(page, 2);
    await press(page, 'Enter');       // type into the focused cell
    await frames(page, 2);
    await page.keyboard.type('7');
    await frames(page, 1);
    await press(page, 'Enter');
    await frames(page, 3);
    const state = JSON.parse(await page.evaluate(() => window.backpropLab.getState()));
    assert.deepEqual(state.W0[0], [1, 7], 'the arrow moved the focus from W0[0,0] to W0[0,1]');
    assert.equal((await view(page)).step, before.step, 'the stepper did not move');
    await page.screenshot({ path: path.join(ARTIFACTS, 'canvas-keyboard-network.png') });
    assert.deepEqual(app.errors, []);
  });
});

// a point of the canvas (CSS pixels) at least 24 px from every node box and from the canvas's edges
async function emptyCanvasPoint(page, canvas) {
  const nodes = await page.evaluate(() => {
    const names = JSON.parse(window.backpropLab.getResult()).graph.nodes.map((n) => n.name);
    return names.map((n) => window.backpropLabTesting.itemRect('node:' + n)).filter(Boolean);
  });
  const margin = 24;
  for (let fy = 0.85; fy >= 0.15; fy -= 0.1)
    for (let fx = 0.1; fx <= 0.9; fx += 0.1) {
      const x = canvas.x + canvas.w * fx, y = canvas.y + canvas.h * fy;
      const clear = nodes.every((r) => x < r.x - margin || x > r.x + r.w + margin || y < r.y - margin || y > r.y + r.h + margin);
      if (clear) return { x, y };
    }
  throw new Error('no empty point on the canvas');
}

// a node whose centre lies well inside the canvas (off its toolbar and legend): its name and centre
async function nodeInView(page, canvas) {
  const nodes = await page.evaluate(() => {
    const names = JSON.parse(window.backpropLab.getResult()).graph.nodes.map((n) => n.name);
    return names.map((n) => ({ name: n, r: window.backpropLabTesting.itemRect('node:' + n) })).filter((n) => n.r);
  });
  for (const { name, r } of nodes) {
    const x = r.x + r.w / 2, y = r.y + r.h / 2;
    if (x > canvas.x + 20 && x < canvas.x + canvas.w - 20 && y > canvas.y + 100 && y < canvas.y + canvas.h - 80)
      return { name, x, y };
  }
  throw new Error('no node in view');
}

describe('graph canvas by touch at 390×844 (the phone layout, Graph tab)', () => {
  let env, app, cdp;
  before(async () => {
    env = await start();
    app = await openApp(env, { width: 390, height: 844, hasTouch: true });
    cdp = await app.context.newCDPSession(app.page);
    await frames(app.page, 3);
  });
  after(async () => {
    if (env) await env.close();
  });

  const touch = async (type, points) => {
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    await frames(app.page, 1);
  };
  // the phone layout shows the Graph screen: the canvas draws, no Inspector text
  const onGraph = async (page) => {
    const texts = await page.evaluate(() => window.backpropLabTesting.drawnText());
    return texts.some((t) => t.widget === 'canvas') && !texts.some((t) => t.widget === 'Inspector');
  };

  test('two fingers pinch-zoom, then one finger pans, and the Graph screen stays in front', async () => {
    const { page } = app;
    const v0 = await view(page);
    assert.ok(v0.canvas.w >= 380 && v0.canvas.h > 300, `the canvas fills the phone: ${JSON.stringify(v0.canvas)}`);
    // the pinch starts on the graph's boxes: the first finger must not count as a click on a node
    const cx = v0.canvas.x + v0.canvas.w / 2, cy = v0.canvas.y + v0.canvas.h / 2;
    await touch('touchStart', [[cx - 30, cy], [cx + 30, cy]]);
    for (let i = 1; i <= 6; ++i) await touch('touchMove', [[cx - 30 - 8 * i, cy], [cx + 30 + 8 * i, cy]]);
    await touch('touchEnd', []);
    await frames(page, 2);
    const v1 = await view(page);
    assert.ok(v1.zoom > v0.zoom * 1.3, `pinched apart: ${v0.zoom} → ${v1.zoom}`);
    assert.equal(v1.selected, null, 'a pinch selects nothing');
    assert.ok(await onGraph(page), 'the Graph screen is still in front after the pinch');
    await shot(page, 'touch-390x844-pinched');
    // one finger on empty space drags the graph: a point of the canvas away from every node
    const start = await emptyCanvasPoint(page, v1.canvas);
    await touch('touchStart', [[start.x, start.y]]);
    for (let i = 1; i <= 5; ++i) await touch('touchMove', [[start.x + 12 * i, start.y]]);
    await touch('touchEnd', []);
    await frames(page, 2);
    const v2 = await view(page);
    assert.ok(v2.visible.x < v1.visible.x - 5, `panned: visible.x ${v1.visible.x} → ${v2.visible.x}`);
    assert.equal(v2.zoom, v1.zoom);
    // a finger that starts on a box and moves pans too (it is not a tap)
    const box = await nodeInView(page, v2.canvas);
    await touch('touchStart', [[box.x, box.y]]);
    for (let i = 1; i <= 5; ++i) await touch('touchMove', [[box.x, box.y + 10 * i]]);
    await touch('touchEnd', []);
    await frames(page, 2);
    const v3 = await view(page);
    assert.ok(v3.visible.y < v2.visible.y - 5, `panned from a box: visible.y ${v2.visible.y} → ${v3.visible.y}`);
    assert.equal(v3.selected, null);
    assert.ok(await onGraph(page));
    // no hover tooltip stays where the finger left the pointer
    const tips = (await page.evaluate(() => window.backpropLabTesting.drawnText()))
      .filter((t) => /^∇?\S+\[\d+(,\d+)?\] = |click for its whole chain|click for the local Jacobian/.test(t.text));
    assert.deepEqual(tips.map((t) => t.text), [], 'no hover tooltip after a touch');
    await shot(page, 'touch-390x844-panned');
    assert.deepEqual(app.errors, []);
  });

  test('a tap on a node selects it and brings the Inspector to the front', async () => {
    const { page } = app;
    const box = await nodeInView(page, (await view(page)).canvas);
    await page.touchscreen.tap(box.x, box.y);
    await frames(page, 3);
    assert.deepEqual((await view(page)).selected, { node: box.name });
    const inspector = (await page.evaluate(() => window.backpropLabTesting.drawnText()))
      .filter((t) => t.widget === 'Inspector').map((t) => t.text);
    assert.ok(inspector.length > 0, 'the Inspector is in front');
    await shot(page, 'touch-390x844-tap-inspector');
    assert.deepEqual(app.errors, []);
  });
});
