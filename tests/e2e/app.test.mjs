// Browser end-to-end test of the web app (issue 3): the page loads and draws in headless
// Chromium, window.backpropLab agrees with `backprop-cli eval`, bad input is refused, and real
// mouse and keyboard edits of a W0 cell change the state and the gradients.
//   BACKPROP_WEB_DIR=build/web BACKPROP_CLI=build/native/backprop-cli node --test tests/e2e/
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { drag, frames, luminance, openApp, start, typeIntoCell } from './browser.mjs';
import { randomState } from './random_state.mjs';
import { assertSameResult } from '../cli/same_result.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLI = process.env.BACKPROP_CLI || path.join(HERE, '../../build/native/backprop-cli');
const ARTIFACTS = process.env.BACKPROP_ARTIFACTS || path.join(HERE, 'artifacts');

// `backprop-cli eval` on a state: { status, stdout, stderr }
function cliEval(stateJson) {
  const r = spawnSync(CLI, ['eval', '-'], { input: stateJson, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

async function api(page, method, ...args) {
  return page.evaluate(([m, a]) => window.backpropLab[m](...a), [method, args]);
}

// the centre of a matrix cell as the app drew it (CSS pixels)
async function cellCentre(page, name) {
  const r = await page.evaluate((n) => window.backpropLabTesting.itemRect(n), name);
  assert.ok(r, `${name} is drawn`);
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

describe('web app', () => {
  let env, app;
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    env = await start();
    app = await openApp(env);
  });
  after(async () => {
    if (env) await env.close();
  });

  test('loads, draws frames and is not blank, with no console errors', async () => {
    const { page, errors } = app;
    await frames(page, 5);
    assert.ok((await api(page, 'frameCount')) >= 5);
    const overlayHidden = await page.evaluate(() => document.getElementById('overlay').hidden);
    assert.equal(overlayHidden, true, 'the loading overlay is gone');
    const png = await page.locator('#canvas').screenshot();
    fs.writeFileSync(path.join(ARTIFACTS, 'app.png'), png);
    const { variance } = await luminance(page, png);
    assert.ok(variance > 50, `canvas pixel variance ${variance}`);
    assert.deepEqual(errors, []);
  });

  test('the exercise: getState is the CLI exercise and getResult equals backprop-cli eval', async () => {
    const { page } = app;
    const state = await api(page, 'getState');
    const exercise = spawnSync(CLI, ['exercise'], { encoding: 'utf8' }).stdout;
    assert.deepEqual(JSON.parse(state), JSON.parse(exercise));
    const cli = cliEval(state);
    assert.equal(cli.status, 0, cli.stderr);
    assertSameResult(await api(page, 'getResult'), cli.stdout, 'exercise');
  });

  test('random states: getResult equals backprop-cli eval', async () => {
    const { page } = app;
    for (let seed = 1; seed <= 6; ++seed) {
      const json = JSON.stringify(randomState(seed));
      assert.equal(await api(page, 'setState', json), '', `seed ${seed}`);
      const cli = cliEval(await api(page, 'getState'));
      assert.equal(cli.status, 0, cli.stderr);
      assertSameResult(await api(page, 'getResult'), cli.stdout, `seed ${seed}`);
    }
  });

  test('setState refuses bad input with the CLI error line and keeps the state', async () => {
    const { page } = app;
    const exercise = spawnSync(CLI, ['exercise'], { encoding: 'utf8' }).stdout;
    assert.equal(await api(page, 'setState', exercise), '');
    const before = await api(page, 'getState');
    const bad = [
      '{"input": [4, 1], "label": [0.5, 0.7], "W0": [[1, -2], [2, 5]]}',            // label sum
      '{"input": [4, 1], "label": [0, 1], "W0": [[1, -2, 3], [2, 5, 6]]}',         // shape
      '{"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]], "W2": [[1]]}',  // gap
      '{"input": [4, 1], "label": [0, 1], "W0": [[1, -2], [2, 5]], "activaton": "relu"}',
    ];
    for (const text of bad) {
      const error = await api(page, 'setState', text);
      const cli = cliEval(text);
      assert.equal(cli.status, 2);
      assert.equal(error, cli.stderr, text);
    }
    assert.match(await api(page, 'setState', '{"input": [4, '), /^error: \S+: /);
    assert.match(await api(page, 'setState', ''), /^error: \S+: /);
    assert.equal(await api(page, 'getState'), before, 'state unchanged');
    await frames(page, 2);  // and the app keeps drawing
  });

  test('a real mouse drag on a W0 cell changes the state and the gradients', async () => {
    const { page } = app;
    const exercise = spawnSync(CLI, ['exercise'], { encoding: 'utf8' }).stdout;
    assert.equal(await api(page, 'setState', exercise), '');
    await frames(page, 2);
    const resultBefore = JSON.parse(await api(page, 'getResult'));
    await drag(page, await cellCentre(page, 'W0[0,1]'));
    const w01 = JSON.parse(await api(page, 'getState')).W0[0][1];
    assert.ok(w01 > -2, `W0[0][1] went up from -2 to ${w01}`);
    const resultAfter = JSON.parse(await api(page, 'getResult'));
    assert.notDeepEqual(resultAfter.grad, resultBefore.grad);
  });

  test('Ctrl+click and typing sets a W0 cell', async () => {
    const { page } = app;
    await typeIntoCell(page, await cellCentre(page, 'W0[1,0]'), '3.5');
    assert.equal(JSON.parse(await api(page, 'getState')).W0[1][0], 3.5);
    const cli = cliEval(await api(page, 'getState'));
    assertSameResult(await api(page, 'getResult'), cli.stdout, 'after typing');
    fs.writeFileSync(path.join(ARTIFACTS, 'app-edited.png'), await page.screenshot());
    assert.deepEqual(app.errors, []);
  });

  test('HiDPI: at devicePixelRatio 2 the canvas has twice the pixels', async () => {
    const hidpi = await openApp(env, { width: 1000, height: 700, deviceScaleFactor: 2 });
    await frames(hidpi.page, 3);
    const size = await hidpi.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
    });
    assert.equal(size.width, 2 * size.cssWidth);
    assert.equal(size.height, 2 * size.cssHeight);
    fs.writeFileSync(path.join(ARTIFACTS, 'app-hidpi.png'), await hidpi.page.screenshot());
    assert.deepEqual(hidpi.errors, []);
    await hidpi.context.close();
  });
});

describe('a browser without WebGL 2', () => {
  test('gets a clear message instead of the app', async () => {
    const env = await start(['--disable-3d-apis']);
    try {
      const page = await env.browser.newPage();
      await page.goto(env.url);
      const status = page.locator('#status');
      await status.waitFor();
      assert.match(await status.textContent(), /no WebGL 2/);
      assert.equal(await page.evaluate(() => typeof window.backpropLab), 'undefined', 'the app was not loaded');
      // in the language the app would start in: a Korean browser, lang= over it, a remembered choice
      const korean = await env.browser.newContext({ locale: 'ko-KR' });
      const ko = await korean.newPage();
      await ko.goto(env.url);
      assert.match(await ko.locator('#status').textContent(), /^이 브라우저에는 .*WebGL 2가 없습니다/);
      assert.equal(await ko.evaluate(() => document.documentElement.lang), 'ko');
      await ko.goto(env.url + '?lang=en');
      assert.match(await ko.locator('#status').textContent(), /no WebGL 2/);
      await ko.evaluate(() => localStorage.setItem('backpropLab.settings', 'ui_scale=1 theme=dark lang=en'));
      await ko.goto(env.url);
      assert.match(await ko.locator('#status').textContent(), /no WebGL 2/, 'the remembered English');
      await korean.close();
    } finally {
      await env.close();
    }
  });
});
