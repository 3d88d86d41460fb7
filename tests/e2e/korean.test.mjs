// Browser end-to-end test of the Korean UI: lang=ko fetches lang/ko.txt and lang/ko-font.ttf (and
// only then switches; how soon after the font is measured in tests/e2e/bench.mjs), the panels read Korean with nothing
// overlapping or cut off at 1280×720, 390×844 and 1920×1080 (screenshots into artifacts/); lang=en, and an
// English browser without lang=, fetch neither; the status bar's 한국어 fetches them on demand and
// the choice is remembered.
//   BACKPROP_WEB_DIR=build/web node --test tests/e2e/korean.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSuite, click, frames, itemCentre, layoutProblems, shot } from './browser.mjs';

const HANGUL = /[\uAC00-\uD7A3]/;
// the panels whose every string comes from the catalogues (the probe's widget names)
const CONVERTED = new Set(['network', 'status', 'tabs', 'screens', 'Results', 'Inspector', 'Explainer', 'Train', 'Sheet', 'canvas']);

// a page at `query`, recording which lang/ files it fetched
async function open(env, query, { width = 1280, height = 720, ...options } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, ...options });
  const page = await context.newPage();
  const errors = [], fetched = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (r) => r.url().includes('/lang/') && fetched.push(new URL(r.url()).pathname));
  await page.goto(env.url + query);
  await page.evaluate(() => window.backpropLab.ready);
  return { page, context, errors, fetched };
}

const drawn = (page) => page.evaluate(() => window.backpropLabTesting.drawnText());

// waits, in the page at each animation frame, until the app draws Hangul other than the language
// switch's own "한국어" (there in English too); the page's clock then (performance.now())
const untilKorean = (page) =>
  page.waitForFunction(() => window.backpropLabTesting.drawnText().some((t) => t.text !== '한국어' &&
    /[\uAC00-\uD7A3]/.test(t.text)) && performance.now(), null, { polling: 'raf', timeout: 30000 })
    .then((h) => h.jsonValue());

describe('한국어', () => {
  const suite = browserSuite();

  test('lang=ko: the table and the font are fetched, then the UI is Korean', async () => {
    const app = await open(suite.env, '?lang=ko');
    await untilKorean(app.page);
    assert.deepEqual(app.fetched.sort(), ['/lang/ko-font.ttf', '/lang/ko.txt']);
    const texts = await drawn(app.page);
    assert.ok(texts.some((t) => t.widget === 'network' && t.text === '미리 설정'), 'the Network panel is Korean');
    assert.ok(texts.some((t) => t.text === '결과'), 'the Results tab reads 결과');
    // the screen-reader mirror reads Korean too: its headings, sentences and announcements
    await app.page.waitForFunction(() => document.querySelector('#backprop-lab-h-results')?.textContent === '결과',
      null, { timeout: 10000 });
    const mirror = await app.page.evaluate(() => document.getElementById('backprop-lab-text').innerText);
    for (const korean of ['그래프', '손실 ℓ =', '선택한 것이 없습니다.', '답안지', '아직 걸음이 없습니다.'])
      assert.ok(mirror.includes(korean), `the mirror says "${korean}"`);
    for (const english of ['Nothing selected', 'Loss ℓ', 'Stepper', 'No steps yet', 'Answer sheet', 'Gradients', 'agree:'])
      assert.ok(!mirror.includes(english), `no "${english}" left in the mirror`);
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'ko', 'the page says it is Korean (a screen reader\'s voice)');
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  for (const v of [{ width: 1280, height: 720 }, { width: 390, height: 844, hasTouch: true }, { width: 1920, height: 1080 }]) {
    test(`lang=ko at ${v.width}×${v.height}: every converted panel Korean, nothing overlapping or cut off`, async () => {
      const app = await open(suite.env, '?lang=ko', v);
      await untilKorean(app.page);
      const panels = v.width < 860 ? ['Network', 'Results', 'Inspector', 'Explainer', 'Train', 'Sheet']
                                    : ['Inspector', 'Explainer', 'Results', 'Train', 'Sheet'];
      for (const panel of panels) {
        await click(app.page, await itemCentre(app.page, v.width < 860 ? `screen:${panel}` : `tab:${panel}`));
        await frames(app.page, 3);
        const texts = await drawn(app.page);
        const widget = panel === 'Network' ? 'network' : panel;
        assert.ok(texts.some((t) => t.widget === widget && HANGUL.test(t.text)), `${panel} reads Korean`);
        const problems = layoutProblems(texts);
        assert.deepEqual(problems, [], `${v.width}×${v.height} ${panel}`);
        for (const t of texts.filter((t) => CONVERTED.has(t.widget)))
          assert.ok(!/\b(the|and|of|is|not|to)\b/.test(t.text), `no English sentence left: [${t.widget}] "${t.text}"`);
        await shot(app.page, `korean-${v.width}x${v.height}-${panel.toLowerCase()}.png`);
      }
      assert.deepEqual(app.errors, []);
      await app.context.close();
    });
  }

  test('lang=en and an English browser fetch neither file; 한국어 in the status bar fetches them, remembered', async () => {
    const en = await open(suite.env, '?lang=en');
    await frames(en.page, 5);
    assert.deepEqual(en.fetched, [], 'lang=en: nothing from lang/');
    const english = await drawn(en.page);
    assert.ok(english.some((t) => t.text === 'Presets'));
    assert.deepEqual(english.filter((t) => HANGUL.test(t.text)).map((t) => t.text), ['한국어'], 'only the switch in Hangul');
    await en.context.close();

    const app = await open(suite.env, '', { locale: 'en-US' });
    await frames(app.page, 5);
    assert.deepEqual(app.fetched, [], 'an English browser: nothing from lang/');
    await click(app.page, await itemCentre(app.page, 'button:한국어'));
    await untilKorean(app.page);
    assert.deepEqual(app.fetched.sort(), ['/lang/ko-font.ttf', '/lang/ko.txt']);
    await frames(app.page, 2);
    assert.match(await app.page.evaluate(() => localStorage.getItem('backpropLab.settings')), /lang=ko/);
    await app.page.reload();
    await app.page.evaluate(() => window.backpropLab.ready);
    await untilKorean(app.page);  // remembered
    await click(app.page, await itemCentre(app.page, 'button:English'));
    await frames(app.page, 3);
    assert.ok((await drawn(app.page)).some((t) => t.text === 'Presets'), 'back to English');
    await app.page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10000 });
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });
});
