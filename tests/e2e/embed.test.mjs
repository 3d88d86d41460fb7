// The app embedded in a course page: URL parameters (hide, lock, tab, select, scale, theme, flow,
// bad ones as a notice) and the postMessage bridge, driven from host pages in iframes only — the
// example course page (web/embed-example.html, same origin), an allowed host on another origin
// and a host whose origin is not allowed (ignored: no answer, no change, no console error).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clickItem, drag, frames, luminance, start } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = process.env.BACKPROP_ARTIFACTS || path.join(HERE, 'artifacts');
const EXERCISE = { input: [4, 1], label: [0, 1], W0: [[1, -2], [2, 5]], W1: [[3, -3], [-1, 1]] };
// ∇W1 ℓ of the exercise, exact (TOOLCHAIN.md), and the notebook's halved one
const GRAD_W1 = '[[1.5562264482267593e-19, 1.0115471913473936e-18], [-1.5562264482267593e-19, -1.0115471913473936e-18]]';
const GRAD_W1_HALF = '[[7.781e-20, 5.0577e-19], [-7.781e-20, -5.0577e-19]]';

// A host page on a server of its own (another origin than the app's): an iframe with the URL it
// is given (?src=…), every message the iframe sends kept in window.received, send() posts to it.
const HOST_PAGE = `<!doctype html><meta charset="utf-8"><title>host</title>
<body style="margin:0"><iframe id="app" style="width:100vw;height:100vh;border:0"></iframe><script>
const frame = document.getElementById('app');
const src = new URL(new URLSearchParams(location.search).get('src'));
window.received = [];
addEventListener('message', (e) => { if (e.source === frame.contentWindow) received.push({ origin: e.origin, data: e.data }); });
window.send = (message) => frame.contentWindow.postMessage(message, src.origin);
frame.src = src.href;
</script></body>`;

function hostServer() {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(HOST_PAGE);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

const shot = async (page, name) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, name), await page.screenshot());
};

describe('embedding in a course page', () => {
  let env, good, bad, appOrigin;
  before(async () => {
    env = await start();
    appOrigin = new URL(env.url).origin;
    good = await hostServer();
    bad = await hostServer();
  });
  after(async () => {
    good.server.close();
    bad.server.close();
    await env.close();
  });

  // a page at `url` with its console errors (of every frame) collected
  async function open(url, { width = 1280, height = 720, settings, ...options } = {}) {
    const context = await env.browser.newContext({ viewport: { width, height }, ...options });
    if (settings) await context.addInitScript((text) => localStorage.setItem('backpropLab.settings', text), settings);
    const page = await context.newPage();
    const errors = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(url);
    return { page, errors, context };
  }
  // the app itself at index.html?query, top-level
  async function openApp(query, options) {
    const opened = await open(env.url + 'index.html' + query, options);
    await opened.page.evaluate(() => window.backpropLab.ready);
    await frames(opened.page, 3);
    return opened;
  }
  // the app's frame inside a host page, once it runs
  async function appFrame(page) {
    let frame;
    await page.waitForFunction(() => true);
    for (let i = 0; i < 100 && !frame; ++i) {
      frame = page.frames().find((f) => f.url().startsWith(appOrigin + '/index.html'));
      if (!frame) await page.waitForTimeout(100);
    }
    assert.ok(frame, 'the app is in an iframe');
    await frame.waitForFunction(() => window.backpropLab && window.backpropLab.frameCount() > 2);
    return frame;
  }
  // a real click into the Answer sheet's ∇W1 ℓ cell and "1" typed: what the sheet then holds
  async function typeAnswer(page) {
    await clickItem(page, 'tab:Sheet');
    await clickItem(page, 'answer:grad:W1');
    await page.keyboard.type('1');
    await frames(page, 3);
    return JSON.parse(await page.evaluate(() => window.backpropLab.getSheet())).answers['grad:W1'];
  }
  const drawn = async (target) => (await target.evaluate(() => window.backpropLabTesting.drawnText())).map((t) => t.text);
  // the host sends one call and waits for its answer (the message with its id)
  async function hostCall(page, id, call, ...args) {
    await page.evaluate((m) => window.send(m), { type: 'backpropLab', id, call, args });
    const handle = await page.waitForFunction((n) => window.received.find((r) => r.data.id === n), id);
    return (await handle.jsonValue()).data;
  }
  const eventOf = async (page, name, after = 0) =>
    (await (await page.waitForFunction(([e, n]) => window.received.slice(n).find((r) => r.data.event === e), [name, after])).jsonValue()).data;

  test('the example course page: hidden panels, a live "your answers" box and a button that loads a state', async () => {
    const { page, errors, context } = await open(env.url + 'embed-example.html');
    const app = await appFrame(page);
    await page.waitForFunction(() => document.getElementById('bridge').textContent === 'The lab is ready.');
    await frames(app, 3);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the app takes neither the focus nor the scroll of the page');
    assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.id), 'lab');
    const texts = await drawn(app);
    for (const tab of ['Results', 'Inspector', 'Explainer']) assert.ok(!texts.includes(tab), `hide=…: no ${tab} tab`);
    assert.ok(!texts.some((t) => t.startsWith('frame ') || t === 'A+'), 'hide=status: no status bar');
    assert.ok(texts.includes('Locked: this course page shows the network read-only.'), 'lock=1 says so');
    assert.ok(texts.includes('Sheet'), 'the sheet is there');
    assert.equal((await page.locator('#answers li').first().textContent()).trim(), '∇W1 ℓ—');
    // the page's own bridge client (its call()) types an answer: the box follows verdictsChanged
    assert.equal(await page.evaluate((t) => call('setAnswer', 'grad:W1', t), GRAD_W1_HALF), '');
    await page.waitForFunction(() => document.querySelector('#answers li').textContent.includes('✗'));
    assert.match(await page.locator('#answers li').first().textContent(), /scaled/);
    assert.equal(await page.evaluate((t) => call('setAnswer', 'grad:W1', t), GRAD_W1), '');
    await page.waitForFunction(() => document.querySelector('#answers li').textContent.includes('✓'));
    assert.equal(await page.locator('#score').textContent(), '1 of 3 right');
    await shot(page, 'embed-example-1280x720.png');
    // Exercise B through the bridge: the app's state is the page's
    await page.click('#load-b');
    await page.waitForFunction(() => document.getElementById('bridge').textContent.includes('is loaded'));
    assert.deepEqual(JSON.parse(await app.evaluate(() => window.backpropLab.getState())).W0, [[1, -2], [-2, 5]]);
    await page.waitForFunction(() => document.getElementById('network').textContent === 'W0 = [[1, -2], [-2, 5]]');  // stateChanged
    await page.setViewportSize({ width: 390, height: 844 });
    await frames(app, 4);
    await shot(page, 'embed-example-390x844.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an allowed host on another origin drives the app by postMessage only', async () => {
    const src = `${env.url}index.html?origin=${encodeURIComponent(good.origin)}`;
    const { page, errors, context } = await open(`${good.origin}/?src=${encodeURIComponent(src)}`);
    await appFrame(page);
    const ready = await eventOf(page, 'ready');
    assert.equal(ready.type, 'backpropLab');
    assert.ok((await page.evaluate(() => window.received)).every((r) => r.origin === appOrigin));
    // setState → its answer, then stateChanged with the same state, which getState returns
    const state = { ...EXERCISE, W0: [[1.5, -2], [2, 5]] };
    let n = (await page.evaluate(() => window.received.length));
    assert.deepEqual(await hostCall(page, 1, 'setState', JSON.stringify(state)), { type: 'backpropLab', id: 1, result: '' });
    const changed = await eventOf(page, 'stateChanged', n);
    const got = await hostCall(page, 2, 'getState');
    assert.equal(changed.state, got.result);
    assert.deepEqual(JSON.parse(got.result).W0, state.W0);
    // back to the exercise; an answer → verdictsChanged, the same as getVerdicts
    assert.equal((await hostCall(page, 3, 'setState', EXERCISE)).result, '');
    n = await page.evaluate(() => window.received.length);
    assert.equal((await hostCall(page, 4, 'setAnswer', 'grad:W1', GRAD_W1)).result, '');
    const verdicts = await eventOf(page, 'verdictsChanged', n);
    assert.equal(JSON.parse(verdicts.verdicts).verdicts['grad:W1'].ok, true);
    assert.equal((await hostCall(page, 5, 'getVerdicts')).result, verdicts.verdicts);
    assert.match((await hostCall(page, 6, 'getSheet')).result, /"grad:W1"/);
    // a bad call is an error answer, not a throw
    assert.match((await hostCall(page, 7, 'eval', 'x')).error, /^error: call: "eval" is not one of getState, /);
    assert.match((await hostCall(page, 8, 'setState')).result, /^error: json: /);
    await shot(page, 'embed-host-1280x720.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a host whose origin is not allowed gets no answer and changes nothing', async () => {
    const src = `${env.url}index.html?origin=${encodeURIComponent(good.origin)}`;  // not bad.origin
    const { page, errors, context } = await open(`${bad.origin}/?src=${encodeURIComponent(src)}`);
    const app = await appFrame(page);
    const before = await app.evaluate(() => window.backpropLab.getState());
    await page.evaluate((s) => {
      window.send({ type: 'backpropLab', id: 1, call: 'setState', args: [s] });
      window.send({ type: 'backpropLab', id: 2, call: 'getState', args: [] });
      window.send({ type: 'backpropLab', id: 3, call: 'setAnswer', args: ['grad:W1', '1'] });
    }, JSON.stringify({ ...EXERCISE, W0: [[9, 9], [9, 9]] }));
    await frames(app, 10);
    await page.waitForTimeout(1000);  // four of the bridge's looks for changes
    assert.deepEqual(await page.evaluate(() => window.received), [], 'no answer and no event');
    assert.equal(await app.evaluate(() => window.backpropLab.getState()), before);
    assert.equal(JSON.parse(await app.evaluate(() => window.backpropLab.getSheet())).answers['grad:W1'], '');
    // without origin= the bridge is off, for an allowed-looking host as well
    const off = await open(`${good.origin}/?src=${encodeURIComponent(env.url + 'index.html')}`);
    await appFrame(off.page);
    await off.page.evaluate(() => window.send({ type: 'backpropLab', id: 1, call: 'getState', args: [] }));
    await off.page.waitForTimeout(800);
    assert.deepEqual(await off.page.evaluate(() => window.received), []);
    assert.deepEqual([...errors, ...off.errors], []);
    await off.context.close();
    await context.close();
  });

  test('hide=…: the wide layout gives the room to the graph, the narrow tab bar and the mirror leave them out', async () => {
    const all = 'network,results,inspector,explainer,sheet,train,stepper,status,toolbar';
    const { page, errors, context } = await openApp('?hide=' + all);
    const texts = await drawn(page);
    for (const gone of ['Presets', 'Results', 'Inspector', 'Explainer', 'Sheet', 'Train', 'Show all', 'Fit to view', 'Flow', 'A+'])
      assert.ok(!texts.includes(gone), `no "${gone}"`);
    assert.ok(!texts.some((t) => t.startsWith('✓ evaluated')), 'no status line');
    assert.ok(texts.includes('W0  parameter') && texts.includes('s  softmax'), 'the graph is drawn');
    const view = JSON.parse(await page.evaluate(() => window.backpropLab.getView()));
    assert.equal(view.canvas.w, 1280, 'the canvas takes the whole width');
    assert.equal(view.canvas.h, 720, 'and the whole height');
    for (const name of ['network', 'results', 'inspector', 'explainer', 'sheet', 'train'])
      assert.equal(await page.locator('#backprop-lab-' + name).getAttribute('hidden'), '', `mirror: no ${name} section`);
    assert.equal(await page.locator('#backprop-lab-graph').getAttribute('hidden'), null);
    assert.equal(await page.locator('[data-mirror=stepper]').count(), 0);
    await shot(page, 'embed-hide-all-1280x720.png');
    await context.close();

    // some panels: the rest stays, and the narrow tab bar has only theirs
    const some = await openApp('?hide=network,sheet,explainer', { width: 390, height: 844, hasTouch: true, isMobile: true });
    const tabs = (await some.page.evaluate(() => window.backpropLabTesting.drawnText())).filter((t) => t.widget === 'screens').map((t) => t.text);
    assert.deepEqual(tabs, ['Graph', 'Results', 'Inspector', 'Train']);
    await shot(some.page, 'embed-hide-390x844.png');
    // Tab (the mirror's sections) cycles past what is hidden
    const visited = [];
    for (let i = 0; i < 4; ++i) {
      await some.page.keyboard.press('Tab');
      visited.push(await some.page.evaluate(() => document.activeElement.id));
    }
    assert.deepEqual(visited, ['backprop-lab-graph', 'backprop-lab-results', 'backprop-lab-inspector', 'backprop-lab-train']);
    await some.context.close();
    const wide = await openApp('?hide=network,sheet,explainer', { width: 1280, height: 720 });
    const wideTexts = await drawn(wide.page);
    assert.ok(wideTexts.includes('Results') && wideTexts.includes('Inspector') && !wideTexts.includes('Sheet'));
    const canvas = JSON.parse(await wide.page.evaluate(() => window.backpropLab.getView())).canvas;
    assert.equal(canvas.x, 0, 'no network column: the canvas starts at the left edge');
    await shot(wide.page, 'embed-hide-1280x720.png');
    assert.deepEqual([...errors, ...some.errors, ...wide.errors], []);
    await wide.context.close();
  });

  test('lock=1: a real drag or Ctrl+click on a cell changes nothing; the answers can still be typed', async () => {
    const { page, errors, context } = await openApp('?lock=1', { width: 1280, height: 800 });
    // the sheet's cells still take typing (lock=all: below)
    assert.equal(await typeAnswer(page), '1');
    const before = await page.evaluate(() => window.backpropLab.getState());
    assert.ok((await drawn(page)).includes('Locked: this course page shows the network read-only.'));
    for (const cell of ['W0[0,1]', 'canvas:W0[0,1]', 'canvas:I[0]']) {
      const r = await page.evaluate((n) => window.backpropLabTesting.itemRect(n), cell);
      assert.ok(r, `${cell} is drawn`);
      const x = r.x + r.w / 2, y = r.y + r.h / 2;
      await drag(page, { x, y }, 15);
      await page.keyboard.down('Control');
      await page.mouse.click(x, y);
      await frames(page);
      await page.keyboard.up('Control');
      await page.keyboard.type('7');
      await page.keyboard.press('Enter');
      await frames(page, 2);
      assert.equal(await page.evaluate(() => window.backpropLab.getState()), before, `${cell} is locked`);
    }
    assert.deepEqual(errors, []);
    await context.close();
    const all = await openApp('?lock=all', { width: 1280, height: 800 });
    assert.equal(await typeAnswer(all.page), '');
    assert.ok((await drawn(all.page)).includes('Locked: this course page shows the answers read-only.'));
    assert.deepEqual(all.errors, []);
    await all.context.close();
  });

  test('tab, select, scale, theme and flow: for this page only, the remembered settings untouched', async () => {
    const { page, errors, context } = await openApp('?tab=inspector&select=s/O&scale=150&theme=light&flow=1',
      { width: 1280, height: 720, settings: 'ui_scale=2 theme=dark' });
    const view = JSON.parse(await page.evaluate(() => window.backpropLab.getView()));
    assert.deepEqual(view.selected, { of: 's', wrt: 'O' });
    assert.equal(view.flow, true);
    const texts = await drawn(page);
    assert.ok(texts.includes('150 %'), 'scale=150 (not the remembered 200 %)');
    const snapshot = await page.evaluate(() => Module.backpropLabMirror.snapshot());
    assert.equal(snapshot.panel, 'Inspector');
    await page.keyboard.down('Control');
    await page.keyboard.press('=');  // a change on this page is not remembered either
    await page.keyboard.up('Control');
    await frames(page, 3);
    assert.ok((await drawn(page)).includes('175 %'));
    assert.equal(await page.evaluate(() => localStorage.getItem('backpropLab.settings')), 'ui_scale=2 theme=dark');
    // the light theme: a light page
    const png = await page.screenshot();
    const light = (await luminance(page, png)).mean;
    assert.ok(light > 170, `mean luminance ${light} of a light page`);
    await context.close();
    // narrow: the start tab is the screen in front
    const narrow = await openApp('?tab=sheet', { width: 390, height: 844 });
    assert.equal((await narrow.page.evaluate(() => Module.backpropLabMirror.snapshot())).panel, 'Sheet');
    assert.ok((await drawn(narrow.page)).includes('Clear all'));
    assert.deepEqual([...errors, ...narrow.errors], []);
    await narrow.context.close();
  });

  test('bad parameters: the app opens with a notice naming each, and no console error', async () => {
    const { page, errors, context } = await openApp('?hide=netwrk&scale=999&colour=red&select=Q&origin=*');
    const texts = await drawn(page);
    for (const line of [
      'URL parameter hide: "netwrk" is not a panel; known: network, results, inspector, explainer, sheet, stepper, status, toolbar',
      'URL parameter scale: "999" is not a whole percentage from 100 to 250',
      'URL parameter colour: unknown parameter, ignored; known: hide, lock, tab, select, scale, theme, flow, origin',
      'URL parameter origin: "*" would answer any page; name the host page\'s origin',
    ]) assert.ok(texts.some((t) => t.includes(line.slice(0, 40))), `notice: ${line}\n${texts.filter((t) => t.startsWith('! URL')).join('\n')}`);
    assert.ok(texts.some((t) => t.includes('URL parameter select: no node named')), 'a selection of no node');
    assert.ok(texts.includes('W0'), 'the app runs');
    await shot(page, 'embed-bad-params-1280x720.png');
    const { x, y } = await (async () => {
      const t = (await page.evaluate(() => window.backpropLabTesting.drawnText())).find((d) => d.text === 'Dismiss');
      return { x: t.x + t.w / 2, y: t.y + t.h / 2 };
    })();
    await page.mouse.move(x, y);
    await frames(page);
    await page.mouse.down();
    await frames(page);
    await page.mouse.up();
    await frames(page, 3);
    assert.ok(!(await drawn(page)).some((t) => t.includes('URL parameter')), 'dismissed');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
