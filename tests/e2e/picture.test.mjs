// Browser end-to-end test of the canvas toolbar's "Export picture": a real mouse click on the
// button and on "SVG" downloads backprop-lab-graph.svg, which equals getGraphSVG(), parses as XML
// (the browser's own XML parser) with every node's name and the exercise's numbers, and renders
// as an image in a fresh page (a screenshot that is not blank); "PNG 2×" downloads a PNG of twice
// the SVG's pixels. Also: 8 × 64 and the light theme, and the button stays on the canvas at
// 390×844, 1280×720 and 1920×1080. Pictures go to artifacts/.
//   BACKPROP_WEB_DIR=build/web node --test tests/e2e/picture.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ARTIFACTS, browserSuite, click, denseState, frames, itemCentre, luminance, openApp } from './browser.mjs';


const graphSvg = (page) => page.evaluate(() => window.backpropLab.getGraphSVG());

// the SVG read by the browser's XML parser: its size and the text of every <text>
async function parseSvg(page, svg) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    const root = doc.documentElement;
    return {
      error: error ? error.textContent : null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
    };
  }, svg);
}

// the SVG as an image in a page of its own (a Blob URL, as a browser opens the file); the image's
// screenshot and its natural size
async function renderSvg(context, svg, name) {
  const page = await context.newPage();
  await page.setContent('<!doctype html><body style="margin:0; background:#808080"><img id="picture"></body>');
  const size = await page.evaluate(async (text) => {
    const img = document.getElementById('picture');
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  }, svg);
  const png = await page.locator('#picture').screenshot();
  fs.writeFileSync(path.join(ARTIFACTS, name), png);
  const variance = (await luminance(page, png)).variance;
  await page.close();
  return { ...size, variance };
}

// a PNG's size from its IHDR chunk
function pngSize(buffer) {
  assert.equal(buffer.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG signature');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

// opens the toolbar's menu with the mouse and clicks one of its items; the download that follows
async function exportBy(page, item) {
  await click(page, await itemCentre(page, 'button:Export picture'));
  await frames(page, 2);
  const at = await itemCentre(page, `button:${item}`);
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, at)]);
  return download;
}

describe('graph picture', () => {
  const suite = browserSuite();

  test('Export picture → SVG by mouse: the download is getGraphSVG(), XML with every name and number, renders', async () => {
    const app = await openApp(suite.env, { width: 1280, height: 800 });
    const { page, context } = app;
    await frames(page, 3);
    const svg = await graphSvg(page);
    const download = await exportBy(page, 'SVG');
    assert.equal(download.suggestedFilename(), 'backprop-lab-graph.svg');
    const saved = fs.readFileSync(await download.path(), 'utf8');
    assert.equal(saved, svg, 'the downloaded file is getGraphSVG()');
    fs.writeFileSync(path.join(ARTIFACTS, 'picture-exercise-dark.svg'), saved);

    const parsed = await parseSvg(page, saved);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, 'svg');
    for (const want of ['W0  parameter', 'W1  parameter', 'h  W·x', 'L  relu', 'O  W·x', 's  softmax', 'ℓ  CE(softmax)',
                        'I  input', 'y (label)', '7.781e−20', '1.556e−19', '−1.012e−18', '1.245e−18', '−2.179e−18', '−33']) {
      assert.ok(parsed.texts.includes(want), `the picture shows "${want}"`);
    }
    const shown = await renderSvg(context, saved, 'picture-exercise-dark.png');
    assert.deepEqual({ width: shown.width, height: shown.height }, { width: parsed.width, height: parsed.height });
    assert.ok(shown.variance > 50, `the rendered picture's pixel variance ${shown.variance}`);
    const status = await page.evaluate(() => window.backpropLabTesting.drawnText().map((t) => t.text));
    assert.ok(status.includes('Downloaded backprop-lab-graph.svg'), 'the canvas says what it did');
    assert.deepEqual(app.errors, []);
    await context.close();
  });

  test('Export picture → PNG 2× by mouse: twice the SVG\'s pixels, not blank', async () => {
    const app = await openApp(suite.env, { width: 1280, height: 800 });
    const { page, context } = app;
    await frames(page, 3);
    const parsed = await parseSvg(page, await graphSvg(page));
    const download = await exportBy(page, 'PNG 2×');
    assert.equal(download.suggestedFilename(), 'backprop-lab-graph.png');
    const png = fs.readFileSync(await download.path());
    fs.writeFileSync(path.join(ARTIFACTS, 'picture-exercise-2x.png'), png);
    assert.deepEqual(pngSize(png), { width: 2 * parsed.width, height: 2 * parsed.height });
    const variance = (await luminance(page, png)).variance;
    assert.ok(variance > 50, `the PNG's pixel variance ${variance}`);
    await page.waitForFunction((w) => window.backpropLabTesting.drawnText().some((t) => t.text.startsWith(`Downloaded backprop-lab-graph.png (${w}×`)),
                               2 * parsed.width);
    assert.deepEqual(app.errors, []);
    await context.close();
  });

  test('8 × 64 and the light theme: well-formed, heat-strips, rendered', async () => {
    const app = await openApp(suite.env, { width: 1920, height: 1080, settings: 'ui_scale=1 theme=light' });
    const { page, context } = app;
    await frames(page, 3);
    const exercise = await graphSvg(page);
    fs.writeFileSync(path.join(ARTIFACTS, 'picture-exercise-light.svg'), exercise);
    // the light canvas: a white-ish background (the first rect), near-black names
    const background = /<rect x="0" y="0" width="[\d.]+" height="[\d.]+" fill="#([0-9a-f]{6})"/.exec(exercise);
    assert.ok(background, 'a background rect');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(background[1].slice(i, i + 2), 16));
    assert.ok(0.299 * r + 0.587 * g + 0.114 * b > 200, `a light background, got #${background[1]}`);
    const light = await renderSvg(context, exercise, 'picture-exercise-light.png');
    assert.ok(light.variance > 50, `the light picture's pixel variance ${light.variance}`);

    assert.equal(await page.evaluate((s) => window.backpropLab.setState(s), denseState({ layers: 8, width: 64 })), '');
    await frames(page, 3);
    const dense = await graphSvg(page);
    const parsed = await parseSvg(page, dense);
    assert.equal(parsed.error, null);
    for (let k = 0; k < 8; ++k) assert.ok(parsed.texts.some((t) => t.startsWith(`W${k}  parameter`)), `W${k} is named`);
    assert.ok((dense.match(/<rect /g) || []).length > 8 * 256, 'heat-strips: a rect per block');
    const shown = await renderSvg(context, dense, 'picture-8x64-light.png');
    assert.ok(shown.variance > 50, `the 8 × 64 picture's pixel variance ${shown.variance}`);
    assert.deepEqual(app.errors, []);
    await context.close();
  });

  test('the button stays whole on the canvas at 390×844, 1280×720 and 1920×1080', async () => {
    for (const v of [{ width: 390, height: 844, hasTouch: true }, { width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      const app = await openApp(suite.env, v);
      await frames(app.page, 4);
      const button = await app.page.evaluate(() => window.backpropLabTesting.itemRect('button:Export picture'));
      const canvas = JSON.parse(await app.page.evaluate(() => window.backpropLab.getView())).canvas;
      assert.ok(button, `${v.width}×${v.height}: the button is drawn`);
      assert.ok(button.x >= canvas.x && button.x + button.w <= canvas.x + canvas.w + 0.5 && button.y >= canvas.y,
                `${v.width}×${v.height}: the button ${JSON.stringify(button)} lies on the canvas ${JSON.stringify(canvas)}`);
      fs.writeFileSync(path.join(ARTIFACTS, `picture-toolbar-${v.width}x${v.height}.png`), await app.page.screenshot());
      await app.context.close();
    }
  });
});
