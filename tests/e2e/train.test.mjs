// Browser end-to-end test of the Train tab, by real mouse and keyboard: Step changes getState()
// by exactly −η·∇ (SGD, every weight), with the gradient the engine reports; Train for a second
// then Pause leaves a loss curve whose last value is getResult()'s loss; Rewind brings back the
// exact start, and Ctrl+Z the trained weights; a preset dataset trains on its mean. Screenshots
// at 390×844, 1280×720 and 1920×1080 go to artifacts/.
//   BACKPROP_WEB_DIR=build/web node --test tests/e2e/train.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSuite, chord, clickItem, frames, openApp, shot } from './browser.mjs';

// the exercise's shape with weights that do not saturate the softmax: a step moves every weight
const MOVING = '{"input": [4, 1], "label": [0, 1], "W0": [[0.1, -0.2], [0.2, 0.05]], "W1": [[0.3, -0.3], [-0.1, 0.1]]}';

const state = async (page) => JSON.parse(await page.evaluate(() => window.backpropLab.getState()));
const training = async (page) => JSON.parse(await page.evaluate(() => window.backpropLab.getTraining()));
const result = async (page) => JSON.parse(await page.evaluate(() => window.backpropLab.getResult()));

async function openTrain(env, viewport) {
  const app = await openApp(env, viewport);
  assert.equal(await app.page.evaluate((s) => window.backpropLab.setState(s), MOVING), '');
  await frames(app.page, 2);
  const narrow = viewport && viewport.width < 860;
  await clickItem(app.page, narrow ? 'screen:Train' : 'tab:Train');
  await frames(app.page, 2);
  return app;
}

describe('the Train tab', () => {
  const suite = browserSuite();

  test('Step with the mouse: every weight moves by exactly −η·∇, the engine\'s own gradient', async () => {
    const { page, errors, context } = await openTrain(suite.env, { width: 1280, height: 720 });
    const was = await state(page);
    const grad = (await result(page)).grad.autodiff;
    await clickItem(page, 'button:Step');
    const now = await state(page);
    const t = await training(page);
    assert.equal(t.steps, 1);
    assert.equal(t.settings.optimizer, 'sgd');
    const lr = t.settings.lr;
    assert.deepEqual(t.last.params.map((p) => p.name), ['W0', 'W1']);
    for (const p of t.last.params) {
      assert.deepEqual(p.before, was[p.name], `${p.name} before the step`);
      assert.deepEqual(p.after, now[p.name], `${p.name} after the step`);
      p.grad.forEach((row, i) => row.forEach((g, j) => {
        assert.equal(now[p.name][i][j], was[p.name][i][j] - lr * g, `${p.name}[${i},${j}] = W − η·∇`);
        // the gradient Step used is the one the Results panel shows (the same engine, one sample)
        assert.ok(Math.abs(g - grad[p.name][i][j]) <= 1e-15 * Math.abs(grad[p.name][i][j]), `${p.name}[${i},${j}] gradient`);
      }));
    }
    assert.deepEqual(now.input, was.input, 'I is not trained');
    assert.equal(t.losses.length, 2);
    assert.ok(t.losses[1] < t.losses[0], `the loss went down: ${t.losses}`);
    await shot(page, 'train-step-1280x720.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Train for a second, Pause: the curve ends in getResult()\'s loss; Rewind is exact; Ctrl+Z brings the run back', async () => {
    const { page, errors, context } = await openTrain(suite.env, { width: 1920, height: 1080 });
    const start = await state(page);
    await clickItem(page, 'button:▶ Train');
    assert.equal((await training(page)).running, true);
    await page.waitForTimeout(1000);
    await clickItem(page, 'button:Pause');
    const t = await training(page);
    assert.equal(t.running, false);
    assert.ok(t.losses.length >= 4, `a second at 20 steps per second: ${t.losses.length - 1} steps`);
    assert.equal(t.losses.length - 1, t.steps);
    assert.equal(t.losses.at(-1), (await result(page)).forward.l, 'the curve\'s last value is the loss');
    for (let i = 1; i < t.losses.length; ++i) assert.ok(t.losses[i] <= t.losses[i - 1], `SGD on one sample: downhill at ${i}`);
    const trained = await state(page);
    assert.notDeepEqual(trained, start);
    // the step under the mouse, readable
    const curve = await page.evaluate(() => window.backpropLabTesting.itemRect('train:loss-curve'));
    assert.ok(curve, 'the loss curve is drawn');
    await page.mouse.move(curve.x + curve.w * 0.7, curve.y + curve.h / 2);
    await frames(page, 3);
    const drawn = await page.evaluate(() => window.backpropLabTesting.drawnText());
    assert.ok(drawn.some((d) => /^step \d+: ℓ = \d/.test(d.text)), 'the hovered step and its loss are shown');
    await shot(page, 'train-curve-1920x1080.png');

    await clickItem(page, 'button:Rewind');
    assert.deepEqual(await state(page), start, 'Rewind: the exact weights before training');
    await page.mouse.move(900, 500);
    await chord(page, 'Control', 'z');
    await frames(page, 3);
    assert.deepEqual(await state(page), trained, 'Ctrl+Z: the trained weights again (the run was one step)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a preset dataset by mouse: the loss is the mean over its samples; the phone shows the tab whole', async () => {
    const { page, errors, context } = await openTrain(suite.env, { width: 390, height: 844, hasTouch: true });
    await clickItem(page, 'button:Load dataset');
    const s = await state(page);
    assert.equal(s.dataset.length, 40);
    assert.deepEqual(s.input, s.dataset[0].input, '(I, label) is the first sample');
    await clickItem(page, 'button:Step');
    const t = await training(page);
    assert.equal(t.steps, 1);
    assert.ok(t.losses[1] < t.losses[0]);
    await shot(page, 'train-dataset-390x844.png');
    const drawn = await page.evaluate(() => window.backpropLabTesting.drawnText());
    const train = drawn.filter((d) => d.widget === 'Train' && d.w > 0);
    for (const d of train) {
      if (d.y >= d.clip[3] || d.y + d.h <= d.clip[1]) continue;  // scrolled out of view
      assert.ok(d.x >= d.clip[0] - 0.5 && d.x + d.w <= d.clip[2] + 0.5 && d.clip[2] <= 390.5, `"${d.text}" is drawn whole on the phone`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
