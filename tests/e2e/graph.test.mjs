// Browser end-to-end test of the graph canvas: real keyboard input plays the stepper to
// the end, a screenshot at a mid-backward step, a real mouse drag of a weight on the canvas changes
// the result, a click on an edge selects it and opens its Jacobian in the Inspector, and
// getView / select / selectNode follow the app.
//   BACKPROP_WEB_DIR=build/web node --test tests/e2e/graph.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { click, drag, frames, itemCentre as centre, openApp, press, start } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = process.env.BACKPROP_ARTIFACTS || path.join(HERE, 'artifacts');

const view = async (page) => JSON.parse(await page.evaluate(() => window.backpropLab.getView()));

describe('graph canvas', () => {
  let env, app;
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    env = await start();
    app = await openApp(env);
    await frames(app.page, 3);
  });
  after(async () => {
    if (env) await env.close();
  });

  test('getView starts at the end of the exercise\'s 12 steps: every value and gradient shown', async () => {
    const v = await view(app.page);
    assert.deepEqual({ phase: v.phase, step: v.step, steps: v.steps, playing: v.playing, selected: v.selected },
                     { phase: 'done', step: 12, steps: 12, playing: false, selected: null });
    assert.match(v.formula, /^∇_I l = /);
  });

  test('Space (real keyboard input) plays the stepper to the end', async () => {
    const { page } = app;
    // focus the canvas with a click on empty space (top-left of the graph area)
    const node = await centre(page, 'node:W0');
    await page.mouse.click(node.x, 60);
    await frames(page, 2);
    await press(page, 'Space');
    await frames(page, 2);
    const playing = await view(page);
    assert.equal(playing.playing, true);
    assert.ok(playing.step < 12, 'the replay starts over');
    await page.waitForFunction(() => JSON.parse(window.backpropLab.getView()).phase === 'done', null,
                               { timeout: 30000 });
    const done = await view(page);
    assert.equal(done.step, 12);
    assert.equal(done.playing, false);
    assert.match(done.formula, /∇/);
  });

  test('← steps back into the backward pass; a screenshot at a mid-backward step', async () => {
    const { page } = app;
    for (let i = 0; i < 3; ++i) {
      await press(page, 'ArrowLeft');
      await frames(page, 2);
    }
    const v = await view(page);
    assert.equal(v.phase, 'backward');
    assert.equal(v.step, 9);
    assert.match(v.formula, /^∇_/);
    await frames(page, 3);
    fs.writeFileSync(path.join(ARTIFACTS, 'graph-backward.png'), await page.locator('#canvas').screenshot());
    await press(page, 'ArrowRight');
    await frames(page, 2);
    assert.equal((await view(page)).step, 10);
  });

  test('dragging a weight on the canvas changes getResult()', async () => {
    const { page } = app;
    const before = JSON.parse(await page.evaluate(() => window.backpropLab.getResult()));
    await drag(page, await centre(page, 'canvas:W1[0,0]'), 10);
    const state = JSON.parse(await page.evaluate(() => window.backpropLab.getState()));
    assert.ok(state.W1[0][0] > 3, `W1[0][0] went up from 3 to ${state.W1[0][0]}`);
    const after = JSON.parse(await page.evaluate(() => window.backpropLab.getResult()));
    assert.notDeepEqual(after.forward, before.forward);
    assert.notDeepEqual(after.grad, before.grad);
    // editing keeps the stepper's position
    assert.equal((await view(page)).step, 10);
  });

  test('clicking an edge selects it and the Inspector shows its Jacobian', async () => {
    const { page } = app;
    const { x, y } = await centre(page, 'edge:O>W1');
    await page.mouse.click(x, y);
    await frames(page, 3);
    assert.deepEqual((await view(page)).selected, { of: 'O', wrt: 'W1' });
    assert.ok(await page.evaluate(() => window.backpropLabTesting.itemRect('inspector:O>W1')),
              'the Inspector draws ∂O/∂W1');
    fs.writeFileSync(path.join(ARTIFACTS, 'graph-inspector.png'), await page.locator('#canvas').screenshot());
  });

  test('select and selectNode return "" or an error line', async () => {
    const { page } = app;
    assert.equal(await page.evaluate(() => window.backpropLab.select('s', 'O')), '');
    await frames(page, 2);
    assert.deepEqual((await view(page)).selected, { of: 's', wrt: 'O' });
    assert.ok(await page.evaluate(() => window.backpropLabTesting.itemRect('inspector:s>O')));
    assert.match(await page.evaluate(() => window.backpropLab.select('l', 'W0')), /^error: /);
    assert.deepEqual((await view(page)).selected, { of: 's', wrt: 'O' }, 'unchanged on error');
    assert.equal(await page.evaluate(() => window.backpropLab.selectNode('W1')), '');
    assert.deepEqual((await view(page)).selected, { node: 'W1' });
    await frames(page, 3);
    fs.writeFileSync(path.join(ARTIFACTS, 'graph-chain.png'), await page.locator('#canvas').screenshot());
    assert.match(await page.evaluate(() => window.backpropLab.selectNode('nope')), /^error: node: /);
    assert.equal(await page.evaluate(() => window.backpropLab.selectNode('')), '');
    assert.equal((await view(page)).selected, null);
    await frames(page, 2);
    assert.deepEqual(app.errors, []);
  });

  test('the Explainer tab lists the notebook\'s problems', async () => {
    const { page } = app;
    // back to the exercise (the drag test moved W1[0][0] from 3)
    const state = JSON.parse(await page.evaluate(() => window.backpropLab.getState()));
    state.W1[0][0] = 3;
    assert.equal(await page.evaluate((s) => window.backpropLab.setState(s), JSON.stringify(state)), '');
    await frames(page, 2);
    await click(page, await centre(page, 'tab:Explainer'));
    await frames(page, 1);
    assert.ok(await page.evaluate(() => window.backpropLabTesting.itemRect('explainer')), 'the Explainer shows');
    fs.writeFileSync(path.join(ARTIFACTS, 'graph-explainer.png'), await page.locator('#canvas').screenshot());
    assert.deepEqual(app.errors, []);
  });
});
