// Browser end-to-end test of every screen: the five viewports in the dark and the light theme
// (screenshots into artifacts/), the narrow screen's tab bar reached by touch taps at 390×844,
// and the presentation mode: Ctrl+= (real keyboard input) scales the UI, the scale and theme are
// remembered across a reload, and 8 × 64 at 1920×1080 in it.
//   BACKPROP_WEB_DIR=build/web node --test tests/e2e/screens.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSuite, denseState, frames, openApp, shot } from './browser.mjs';
const VIEWPORTS = [
  { width: 390, height: 844, hasTouch: true },
  { width: 844, height: 390, hasTouch: true },
  { width: 768, height: 1024 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const PANELS = ['Graph', 'Network', 'Results', 'Inspector', 'Explainer', 'Train', 'Sheet'];

const snapshot = (page) => page.evaluate(() => Module.backpropLabMirror.snapshot());
const item = (page, name) => page.evaluate((n) => window.backpropLabTesting.itemRect(n), name);

describe('every screen', () => {
  const suite = browserSuite();

  test('five viewports, dark and light: screenshots, and the narrow ones behind a tab bar', async () => {
    for (const theme of ['dark', 'light']) {
      for (const v of VIEWPORTS) {
        const app = await openApp(suite.env, { ...v, settings: `ui_scale=1 theme=${theme}` });
        await frames(app.page, 4);
        const narrow = v.width < 860;
        assert.equal(!!(await item(app.page, 'screen:Graph')), narrow, `${v.width}×${v.height}: tab bar when narrow`);
        await shot(app.page, `screen-${v.width}x${v.height}-${theme}.png`);
        assert.deepEqual(app.errors, []);
        await app.context.close();
      }
    }
  });

  test('at 390×844 every tab of the tab bar is reached by a tap', async () => {
    const app = await openApp(suite.env, { width: 390, height: 844, hasTouch: true });
    const { page } = app;
    await frames(page, 3);
    for (const panel of [...PANELS.slice(1), 'Graph']) {
      const r = await item(page, `screen:${panel}`);
      assert.ok(r, `the ${panel} tab is drawn`);
      await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
      await frames(page, 3);
      assert.equal((await snapshot(page)).panel, panel, `a tap on ${panel} shows it`);
      await shot(page, `phone-${panel.toLowerCase()}.png`);
    }
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  test('presentation mode: Ctrl+= scales the UI, remembered with the light theme; 8 × 64 at 1920×1080', async () => {
    const app = await openApp(suite.env, { width: 1920, height: 1080, settings: 'ui_scale=1 theme=light' });
    const { page } = app;
    await frames(page, 3);
    await page.mouse.click(960, 540);
    const before = await item(page, 'tab:Results');
    for (let i = 0; i < 4; ++i) {  // 100 % → 200 %, each press held for a frame
      await page.keyboard.down('Control');
      await page.keyboard.down('Equal');
      await frames(page, 1);
      await page.keyboard.up('Equal');
      await page.keyboard.up('Control');
      await frames(page, 1);
    }
    await frames(page, 3);
    assert.equal(await page.evaluate(() => localStorage.getItem('backpropLab.settings')), 'ui_scale=2 theme=light lang=en');
    const after = await item(page, 'tab:Results');
    assert.ok(after.h > 1.8 * before.h, `the tabs grew: ${before.h} → ${after.h} px`);
    assert.equal(await page.evaluate((s) => window.backpropLab.setState(s), denseState({ layers: 8, width: 64, seed: 7 })), '');
    await frames(page, 4);
    await shot(page, 'presentation-1920x1080-8x64-light-200.png');

    await page.reload();  // remembered
    await page.evaluate(() => window.backpropLab.ready);
    await frames(page, 3);
    const again = await item(page, 'tab:Results');
    assert.ok(Math.abs(again.h - after.h) < 1, `the scale is remembered: ${again.h} px`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });
});
