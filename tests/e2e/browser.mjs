// Shared by the browser test and the benchmark: serve the web app, launch Debian's Chromium
// headless (WebGL2 through SwiftShader), and open the page with its console errors collected.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = process.env.BACKPROP_WEB_DIR || path.join(ROOT, 'build/web');
export const CHROMIUM = process.env.BACKPROP_CHROMIUM || '/usr/bin/chromium';

// Debian's Chromium as root, without a network (no background traffic), with software WebGL2
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

/// Starts the server and the browser (with `extraFlags`); close() stops both.
export async function start(extraFlags = []) {
  if (!fs.existsSync(path.join(WEB_DIR, 'app.wasm'))) throw new Error(`no web build in ${WEB_DIR}`);
  const { server, url } = await serve(WEB_DIR, 0);
  // playwright gives the browser a new, empty profile folder of its own
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, ...extraFlags] });
  return {
    url: url.replace('localhost', '127.0.0.1'),  // IPv4, as the server listens
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/// A new page at the app's URL; `errors` collects console errors and uncaught exceptions.
/// `settings`: the remembered presentation ("ui_scale=2 theme=light") in localStorage before the
/// app starts; other options go to Playwright's context (hasTouch, isMobile).
export async function openApp(env, { width = 1280, height = 800, deviceScaleFactor = 1, settings, ...options } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor, ...options });
  if (settings) {  // on the first load only: a reload finds what the app remembered
    await context.addInitScript((text) => {
      if (localStorage.getItem('backpropLab.settings') === null) localStorage.setItem('backpropLab.settings', text);
    }, settings);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(env.url);
  await page.evaluate(() => window.backpropLab.ready);
  return { page, errors, context };
}

/// Waits until the app has drawn `n` more frames (input is read once per frame).
export async function frames(page, n = 2) {
  const start = await page.evaluate(() => window.backpropLab.frameCount());
  await page.waitForFunction((target) => window.backpropLab.frameCount() >= target, start + n);
}

/// A click as ImGui sees one (it reads input once per frame): move, press and release each in
/// a frame of their own. Two frames after the press: the frame counted first may have begun
/// before the event arrived, and ImGui 1.86 keeps no queue — a press and release seen by the
/// same frame are no press at all (what made the arrow-key test fail on a loaded machine).
export async function click(page, { x, y }) {
  await page.mouse.move(x, y);
  await frames(page, 1);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 2);
}

/// The luminance of a PNG (a screenshot), decoded by the browser itself: { mean, variance } (0–255).
export async function luminance(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, img.width, img.height).data;
    let sum = 0, sq = 0;
    const n = px.length / 4;
    for (let i = 0; i < px.length; i += 4) {
      const y = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
      sum += y;
      sq += y * y;
    }
    return { mean: sum / n, variance: sq / n - (sum / n) ** 2 };
  }, png.toString('base64'));
}

/// A real mouse drag from `at` to the right, `steps` moves of `dx` CSS pixels, a frame each.
export async function drag(page, { x, y }, dx = 12, steps = 5) {
  await page.mouse.move(x, y);
  await frames(page);
  await page.mouse.down();
  await frames(page);
  for (let i = 1; i <= steps; ++i) {
    await page.mouse.move(x + dx * i, y);
    await frames(page);
  }
  await page.mouse.up();
  await frames(page, 2);
}

/// A key held for a frame: a press and release within one frame (as keyboard.press may send
/// them) would be missed, as no person types.
export async function press(page, key) {
  await page.keyboard.down(key);
  await frames(page, 2);  // as click's press: seen by a whole frame before the release
  await page.keyboard.up(key);
  await frames(page, 1);
}

/// Types `text` into a grid cell as a person does: Ctrl+click it (the cell opens for typing),
/// type, Enter.
export async function typeIntoCell(page, at, text) {
  await page.keyboard.down('Control');
  await frames(page);
  await click(page, at);  // the press held over frames: ImGui 1.86 drops a press and release in one frame
  await page.keyboard.up('Control');
  await frames(page);
  await page.keyboard.type(text);
  await frames(page);
  await press(page, 'Enter');  // keyboard.press may send down and up within one frame: no Enter for ImGui
  await frames(page, 2);
}

/// Keys held together for a frame (Ctrl+Z: down in order, up in reverse), as a person presses them.
export async function chord(page, ...keys) {
  for (const k of keys) await page.keyboard.down(k);
  await frames(page);
  for (const k of [...keys].reverse()) await page.keyboard.up(k);
  await frames(page, 2);
}

/// The centre of an item the app drew last frame (CSS pixels), via the testing hook.
export async function itemCentre(page, name) {
  const r = await page.evaluate((n) => window.backpropLabTesting.itemRect(n), name);
  if (!r) throw new Error(`${name} is not drawn`);
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/// Clicks an item the app drew (the testing hook's name), scrolling the panel under it (mouse
/// wheel) until it is in view.
export async function clickItem(page, name) {
  const viewport = page.viewportSize();
  for (let i = 0; i < 20; ++i) {
    const r = await page.evaluate((n) => window.backpropLabTesting.itemRect(n), name);
    if (!r) throw new Error(`${name} is not drawn`);
    if (r.y >= 0 && r.y + r.h <= viewport.height - 40) {
      await click(page, { x: r.x + Math.min(20, r.w / 2), y: r.y + r.h / 2 });
      return;
    }
    await page.mouse.move(r.x + 10, viewport.height / 2);
    await page.mouse.wheel(0, r.y > viewport.height / 2 ? 120 : -120);
    await frames(page, 3);
  }
  throw new Error(`${name} never scrolled into view`);
}

/// The centre of the first text the app drew last frame that reads exactly `text` (a button's
/// label), within `widget` when given (the probe's widget: "canvas", "Inspector", …).
export async function textCentre(page, text, widget) {
  const all = await page.evaluate(() => window.backpropLabTesting.drawnText());
  const t = all.find((d) => d.text === text && (widget === undefined || d.widget === widget));
  if (!t) throw new Error(`"${text}" is not drawn`);
  return { x: t.x + t.w / 2, y: t.y + t.h / 2 };
}

// A reproducible dense network as state JSON text: `layers` weight matrices of `width` (the last
// one 2 × width, for the label [0, 1]); entries in multiples of 1/8 in [−1/2, 1/2] (short), or
// every digit of a random double in (−1/2, 1/2), as getState writes random weights.
export function denseState({ layers = 8, width = 64, seed = 12345, short = true } = {}) {
  let x = seed >>> 0;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const entry = () => (short ? Math.round(next() * 4) / 8 : next() / 2);
  const matrix = (r, c) => Array.from({ length: r }, () => Array.from({ length: c }, entry));
  const state = { input: matrix(1, width)[0], label: [0, 1] };
  for (let k = 0; k < layers; ++k) state[`W${k}`] = matrix(k + 1 === layers ? 2 : width, width);
  return JSON.stringify(state);
}

// A reproducible MLP with a 2-D input (the Train tab's plane needs one), as a state object:
// `layers` matrices, hidden width `width`, `classes` outputs, entries scaled by 2.5/√fan-in.
export function planeNetwork({ seed = 7, layers = 2, width = 4, activation = 'relu', classes = 2, biases = false } = {}) {
  let x = seed >>> 0;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const state = { input: [next() * 2, next() * 2], label: Array.from({ length: classes }, (_, i) => (i === 0 ? 1 : 0)), activation };
  let n = 2;
  for (let k = 0; k < layers; ++k) {
    const rows = k + 1 === layers ? classes : width, scale = 2.5 / Math.sqrt(n);
    state[`W${k}`] = Array.from({ length: rows }, () => Array.from({ length: n }, () => next() * scale));
    if (biases) state[`b${k}`] = Array.from({ length: rows }, () => next() * 0.5);
    n = rows;
  }
  return state;
}

export const ARTIFACTS = process.env.BACKPROP_ARTIFACTS || path.join(ROOT, 'tests/e2e/artifacts');

/// A screenshot of the page (or of `locator`) into artifacts/.
export async function shot(page, name, locator) {
  fs.writeFileSync(path.join(ARTIFACTS, name), await (locator ?? page).screenshot());
}

/// The server and browser of one describe block: started before its tests (artifacts/ made),
/// closed after them. Its `env` is the start() result while the tests run.
export function browserSuite() {
  const suite = { env: null };
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    suite.env = await start();
  });
  after(async () => {
    await suite.env?.close();
  });
  return suite;
}

// what a person sees, as the UI tests check it (tests/ui/probe_checks.h): no two visible texts
// overlap, none is cut off left or right by its clip rectangle
export function layoutProblems(texts) {
  const vis = texts.map((t) => ({ t, x0: Math.max(t.x, t.clip[0]), y0: Math.max(t.y, t.clip[1]),
    x1: Math.min(t.x + t.w, t.clip[2]), y1: Math.min(t.y + t.h, t.clip[3]) }))
    .filter((b) => b.x1 - b.x0 > 0.5 && b.y1 - b.y0 > 0.5);
  const out = [];
  for (let i = 0; i < vis.length; ++i) {
    const a = vis[i];
    if (a.t.x < a.t.clip[0] - 0.5 || a.t.x + a.t.w > a.t.clip[2] + 0.5) out.push(`cut off: [${a.t.widget}] "${a.t.text}"`);
    for (let j = i + 1; j < vis.length; ++j) {
      const b = vis[j];
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 1 && h > 1) out.push(`overlap: [${a.t.widget}] "${a.t.text}" and [${b.t.widget}] "${b.t.text}"`);
    }
  }
  return out;
}
