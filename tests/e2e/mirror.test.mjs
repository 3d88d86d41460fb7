// Browser end-to-end test of the accessible mirror #backprop-lab-text, read as a screen reader
// would (Playwright's ARIA snapshot and role queries): h = [2, 13], ∇W1 ℓ with its four values in
// scientific notation, the stepper's formula after a keyboard step, the Inspector's factors after
// selectNode('W0'), an edit announced in the live region, and Tab / Shift+Tab between panels.
//   BACKPROP_WEB_DIR=build/web node --test tests/e2e/mirror.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { click, frames, openApp, press, start, textCentre } from './browser.mjs';

const POLL_MS = 300;  // the mirror checks for changes every 250 ms

describe('accessible mirror', () => {
  let env, app, mirror;
  before(async () => {
    env = await start();
    app = await openApp(env);
    mirror = app.page.locator('#backprop-lab-text');
    await frames(app.page, 3);
    await app.page.waitForTimeout(POLL_MS);
  });
  after(async () => {
    if (env) await env.close();
  });

  test('the values and gradients, as on screen', async () => {
    const aria = await mirror.ariaSnapshot();
    assert.match(aria, /heading "Graph"/);
    assert.match(aria, /listitem: h = \[2, 13\]; gradient/);
    const w1 = mirror.getByRole('listitem').filter({ hasText: /^∇W1 ℓ = / });
    const text = await w1.textContent();
    const numbers = text.match(/[−-]?\d\.\d+e-\d+/g);
    assert.deepEqual(numbers, ['1.556e-19', '1.012e-18', '−1.556e-19', '−1.012e-18'], text);
    assert.match(await mirror.getByRole('region', { name: 'Results' }).textContent(), /Loss ℓ = 7\.78113e-20/);
  });

  test('the stepper\'s step and formula after a keyboard step', async () => {
    const { page } = app;
    // the stepper rests at the end of its replay: Reset (a real click, which also gives the canvas
    // the keyboard) goes back to the start, so one step shows the first formula
    await click(page, await textCentre(page, 'Reset', 'canvas'));
    await press(page, 'ArrowRight');
    await page.waitForTimeout(POLL_MS);
    const view = JSON.parse(await page.evaluate(() => window.backpropLab.getView()));
    assert.ok(view.step >= 1, `the key stepped (${view.step})`);  // a held key may repeat
    const stepper = await mirror.locator('[data-mirror="stepper"]').textContent();
    assert.ok(stepper.startsWith(`Step ${view.step} of 12 (${view.phase}): `), stepper);
    // the formula bar's text in plain notation (no TeX), with its numbers: e.g. h = W0·I = [2, 13]
    assert.match(stepper, /: \S+ = .+ = .*\d/);
    assert.doesNotMatch(stepper, /_\{|\^\{|\^T/);
    if (view.step === 1) assert.ok(stepper.endsWith('h = W0·I = [2, 13]'), stepper);
  });

  test('the Inspector\'s chain after selectNode(\'W0\')', async () => {
    const { page } = app;
    assert.equal(await page.evaluate(() => window.backpropLab.selectNode('W0')), '');
    await frames(page, 2);
    await page.waitForTimeout(POLL_MS);
    const inspector = mirror.getByRole('region', { name: 'Inspector' });
    const factors = await inspector.getByRole('listitem').allTextContents();
    assert.equal(factors.length, 4, factors.join('\n'));
    assert.match(factors[0], /^∂ℓ\/∂O \(1×2\) = \[7\.781e-20, −7\.781e-20\]/);
    assert.match(factors[2], /^∂L\/∂h \(2×2\) = \[\[1, 0\], \[0, 1\]\]/);
    assert.match(factors[3], /^∂h\/∂W0 \(2×4\) = \[\[4, 1, 0, 0\], \[0, 0, 4, 1\]\]; so ∇W0 ℓ = \[1\.245e-18, 3\.112e-19, −1\.245e-18, −3\.112e-19\]/);
  });

  test('an edit is announced in the polite live region', async () => {
    const { page } = app;
    const live = page.locator('#backprop-lab-live');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    const state = JSON.parse(await page.evaluate(() => window.backpropLab.getState()));
    state.W0[0][1] = -1.5;
    assert.equal(await page.evaluate((s) => window.backpropLab.setState(s), JSON.stringify(state)), '');
    await page.waitForFunction(() => /Changed: loss ℓ = /.test(document.getElementById('backprop-lab-live').textContent),
                               null, { timeout: 5000 });
  });

  test('Tab and Shift+Tab move between the panels', async () => {
    const { page } = app;
    const active = () => page.evaluate(() => document.activeElement.id);
    const panel = () => page.evaluate(() => Module.backpropLabMirror.snapshot().panel);
    await page.keyboard.press('Tab');
    await frames(page, 2);
    const first = await active();
    const order = ['graph', 'network', 'results', 'inspector', 'explainer', 'sheet'];
    const i = order.indexOf(first.replace('backprop-lab-', ''));
    assert.ok(i >= 0, `Tab reaches a panel's section (${first})`);
    await page.keyboard.press('Tab');
    await frames(page, 2);
    assert.equal(await active(), 'backprop-lab-' + order[(i + 1) % 6]);
    assert.equal((await panel()).toLowerCase(), order[(i + 1) % 6]);
    await page.keyboard.press('Shift+Tab');
    await frames(page, 2);
    assert.equal(await active(), 'backprop-lab-' + order[i]);
    assert.deepEqual(app.errors, []);
  });
});
