// Browser end-to-end test of links, the stored session, undo/redo and files: a state → getLink()
// → a fresh page opened at the link → getState() is the same text, double for double (51 networks,
// edge values included), and the CLI's `link` gives the same link; hostile links leave the page
// running with a message; a reload brings back an edit and an answer, and a link wins over them;
// 20 mixed edits undone and redone with the real keyboard; Open (file chooser), drop, Save and
// Copy link, clicked in the status bar with the real mouse.
//   BACKPROP_WEB_DIR=build/web BACKPROP_CLI=build/native/backprop-cli node --test tests/e2e/share.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chord, click, drag, frames, itemCentre, openApp, start, textCentre, typeIntoCell } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLI = process.env.BACKPROP_CLI || path.join(HERE, '../../build/native/backprop-cli');
const ARTIFACTS = process.env.BACKPROP_ARTIFACTS || path.join(HERE, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

function cli(args, input) {
  const r = spawnSync(CLI, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}
const api = (page, method, ...args) => page.evaluate(([m, a]) => window.backpropLab[m](...a), [method, args]);
const drawn = (page) => page.evaluate(() => window.backpropLabTesting.drawnText().map((t) => t.text).join('\n'));

// seeded random networks over every option: 1–8 layers, widths 1–64 (a few wide ones), biases,
// and numbers from the edges of float64 among ordinary ones
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const EDGES = [0.1, 1e-300, -0, 5e-324, -5e-324, 2.5, -3, 1e22, 0.30000000000000004, 1 / 3];
function edgeState(seed) {
  const next = generator(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  const f32 = next() < 0.2;
  const number = () => (next() < 0.4 ? (f32 ? pick([0.1, -0, 2.5, 0.5]) : pick(EDGES)) : next() * 8 - 4);
  const layers = int(1, 8);
  const wide = seed % 10 === 0;
  const widths = Array.from({ length: layers }, () => (wide ? int(32, 64) : int(1, 9)));
  widths.push(int(1, 4));
  const head = next() < 0.7 ? 'softmax_ce' : 'mse';
  const state = { input: Array.from({ length: widths[0] }, number) };
  const classes = widths[layers];
  state.label = head === 'softmax_ce' ? Array.from({ length: classes }, (_, i) => (i === classes - 1 ? 1 : 0))
                                      : Array.from({ length: classes }, number);
  for (let k = 0; k < layers; ++k) {
    state[`W${k}`] = Array.from({ length: widths[k + 1] }, () => Array.from({ length: widths[k] }, number));
    state[`b${k}`] = next() < 0.4 ? Array.from({ length: widths[k + 1] }, number) : null;
  }
  state.activation = pick(['relu', 'leaky_relu', 'sigmoid', 'tanh', 'identity']);
  state.head = head;
  state.loss_form = pick(['stable', 'naive']);
  state.softmax_backward = pick(['exact', 'textbook']);
  state.precision = f32 ? 'f32' : 'f64';
  return JSON.stringify(state);  // JSON.stringify writes −0 as 0: the app reads 0 then; fine
}

describe('links, storage, undo and files', () => {
  let env, app, base;

  before(async () => {
    env = await start();
    app = await openApp(env);
    base = env.url.split('#')[0];
  });
  after(async () => env && env.close());

  test('the exercise and 50 random networks: state → link → a fresh page → the same state', async () => {
    const exercise = cli(['exercise']).stdout;
    const viewer = await env.browser.newContext({ viewport: { width: 900, height: 700 } });
    let longest = 0;
    for (let seed = 0; seed <= 50; ++seed) {
      const json = seed === 0 ? exercise : edgeState(seed);
      assert.equal(await api(app.page, 'setState', json), '', `seed ${seed} is a valid state`);
      const state = await api(app.page, 'getState');
      const link = await api(app.page, 'getLink');
      assert.ok(link.startsWith(base + '#1.'), link.slice(0, 80));
      longest = Math.max(longest, link.length);
      // the CLI gives the same link for the same state and base address
      assert.equal(cli(['link', '-', '--base', base], state).stdout, link, `seed ${seed}: CLI link = app link`);
      if (seed === 0) assert.ok(link.length - base.length < 80, `the exercise's link is short (${link.length - base.length} + the address)`);
      const page = await viewer.newPage();
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(link);
      await page.evaluate(() => window.backpropLab.ready);
      assert.equal(await api(page, 'getState'), state, `seed ${seed}: the same state, double for double`);
      assert.equal(page.url(), base, 'the link leaves the address once opened (a reload restores later work)');
      assert.deepEqual(errors, []);
      await page.close();
    }
    console.log(`longest link: ${longest} characters`);
    await viewer.close();
  });

  test('the link carries the stepper, the selection, the tab and (when asked) the answers', async () => {
    const { page } = app;
    assert.equal(await api(page, 'setState', cli(['exercise']).stdout), '');
    assert.equal(await api(page, 'selectNode', 'W0'), '');
    assert.equal(await api(page, 'setAnswer', 'h', '[2, 13]'), '');
    await frames(page, 3);
    const plain = await api(page, 'getLink');
    const withAnswers = await api(page, 'getLink', { answers: true });
    assert.notEqual(plain, withAnswers);
    const viewer = await openApp(env, { width: 1280, height: 800 });
    await viewer.page.goto(withAnswers);
    await viewer.page.evaluate(() => window.backpropLab.ready);
    await frames(viewer.page, 3);
    assert.deepEqual(JSON.parse(await api(viewer.page, 'getView')).selected, { node: 'W0' });
    assert.equal(JSON.parse(await api(viewer.page, 'getSheet')).answers.h, '[2, 13]');
    assert.match(await drawn(viewer.page), /Opened the shared link/);
    await viewer.context.close();
  });

  test('broken, cut and hostile links: the exercise, a message in words, no console error', async () => {
    const good = await api(app.page, 'getLink');
    const fragment = good.split('#')[1];
    const exercise = cli(['exercise']).stdout;
    const nanLink = '#1.' + Buffer.from([5, 1, 0, 5, 1, 5, 9, 1, 2, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f]).toString('base64url');
    const cases = [
      ['#' + fragment.slice(0, fragment.length - 5), /cut|cannot be read/],
      ['#1.BQ%%%garbage', /not one a link uses/],
      ['#9.' + fragment.slice(2), /version 9/],
      ['#hello', /not a Backprop Lab link/],
      ['#1.' + 'A'.repeat(1 << 20), /could not be opened/],
      [nanLink, /not finite/],
    ];
    for (const [hash, message] of cases) {
      const viewer = await openApp(env, { width: 1000, height: 700 });
      await viewer.page.goto(base + hash);
      await viewer.page.evaluate(() => window.backpropLab.ready);
      await frames(viewer.page, 3);
      assert.equal(await api(viewer.page, 'getState'), exercise, `${hash.slice(0, 30)}: the exercise is shown`);
      const text = await drawn(viewer.page);
      assert.match(text, /This link could not be opened/, hash.slice(0, 30));
      assert.match(text, message, hash.slice(0, 30));
      assert.deepEqual(viewer.errors, [], hash.slice(0, 30));
      if (hash === '#hello') fs.writeFileSync(path.join(ARTIFACTS, 'share-bad-link.png'), await viewer.page.screenshot());
      await viewer.context.close();
    }
  });

  test('a reload keeps an edit and an answer; a link wins over them and they are one Undo away', async () => {
    const viewer = await openApp(env, { width: 1280, height: 800 });
    const { page } = viewer;
    await frames(page, 3);
    // Ctrl+click a W0 cell and type, as a person edits it
    // a fresh page has no keyboard focus until it is clicked: Ctrl before the first click would
    // go to no one, as for a person (a click that does not move leaves the cell as it is)
    const cell = await itemCentre(page, 'W0[1,0]');
    await click(page, cell);
    // past ImGui's double-click time (0.3 s): the Ctrl+click that follows is a click of its own
    await page.waitForTimeout(400);
    await typeIntoCell(page, cell, '7.25');
    assert.equal(await api(page, 'setAnswer', 'grad:W1', 'tensor([[1e-19, 2e-19], [3, 4]])'), '');
    const edited = await api(page, 'getState');
    assert.equal(JSON.parse(edited).W0[1][0], 7.25, 'the typed weight');
    // the session is stored within a second of a change
    await page.waitForFunction(() => (localStorage.getItem('backpropLab.session') || '').includes('3, 4]]'));
    await page.reload();
    await page.evaluate(() => window.backpropLab.ready);
    await frames(page, 3);
    assert.equal(await api(page, 'getState'), edited, 'the edit is back');
    assert.equal(JSON.parse(await api(page, 'getSheet')).answers['grad:W1'], 'tensor([[1e-19, 2e-19], [3, 4]])');
    assert.match(await drawn(page), /Restored your work/);
    // a link to the exercise wins, and says so
    const link = cli(['link', '--base', base], cli(['exercise']).stdout).stdout;
    await page.goto(link);
    await page.evaluate(() => window.backpropLab.ready);
    await frames(page, 3);
    assert.equal(await api(page, 'getState'), cli(['exercise']).stdout, 'the link wins');
    assert.match(await drawn(page), /one Undo \(Ctrl\+Z\) away/);
    await page.mouse.move(640, 400);  // over the canvas: nothing is being typed
    await chord(page, 'Control', 'z');
    await frames(page, 2);
    assert.equal(await api(page, 'getState'), edited, 'Undo brings the stored work back');
    await viewer.context.close();
  });

  test('20 mixed edits undone one by one with Ctrl+Z and redone with Ctrl+Shift+Z / Ctrl+Y', async () => {
    const viewer = await openApp(env, { width: 1280, height: 800 });
    const { page } = viewer;
    const snapshot = async () => [await api(page, 'getState'), await api(page, 'getSheet')];
    const points = [await snapshot()];
    for (let i = 0; i < 20; ++i) {
      if (i % 4 === 0) {  // a real drag on a W1 cell: one step for the whole drag
        await drag(page, await itemCentre(page, 'W1[0,1]'), 10, 4);
      } else if (i % 4 === 1) {
        assert.equal(await api(page, 'setAnswer', 'h', `[${i}, 13]`), '');
      } else if (i % 4 === 2) {
        const s = JSON.parse(await api(page, 'getState'));
        s.input[0] = i / 8;
        s.activation = ['relu', 'tanh', 'sigmoid'][i % 3];
        assert.equal(await api(page, 'setState', JSON.stringify(s)), '');
      } else {
        await click(page, await textCentre(page, 'Random network', 'network'));
      }
      await frames(page, 3);
      const point = await snapshot();
      assert.notDeepEqual(point, points[points.length - 1], `edit ${i} changed something`);
      points.push(point);
    }
    await page.mouse.move(640, 300);
    for (let i = 19; i >= 0; --i) {
      await chord(page, 'Control', 'z');
      assert.deepEqual(await snapshot(), points[i], `undo back to point ${i}`);
    }
    for (let i = 1; i <= 20; ++i) {
      await chord(page, ...(i % 2 ? ['Control', 'Shift', 'Z'] : ['Control', 'y']));
      assert.deepEqual(await snapshot(), points[i], `redo forward to point ${i}`);
    }
    assert.deepEqual(viewer.errors, []);
    await viewer.context.close();
  });

  test('Open (file chooser) and a dropped file: a sheet opens with its answers; garbage changes nothing', async () => {
    const viewer = await openApp(env, { width: 1280, height: 800 });
    const { page } = viewer;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backprop-share-'));
    const state = JSON.parse(cli(['exercise']).stdout);
    state.W0[0][0] = 1.5;
    state.b1 = [0.1, -0.25];
    const sheet = JSON.stringify({ state, answers: { h: '[1, 2]' }, student: 's-42' });
    fs.writeFileSync(path.join(dir, 'sheet.json'), sheet);
    const chooser = page.waitForEvent('filechooser');
    await click(page, await itemCentre(page, 'button:Open…'));
    await (await chooser).setFiles(path.join(dir, 'sheet.json'));
    await page.waitForFunction(() => window.backpropLab.getState() !== '' && JSON.parse(window.backpropLab.getSheet()).answers.h === '[1, 2]');
    assert.equal(await api(app.page, 'setState', JSON.stringify(JSON.parse(sheet).state)), '');
    assert.equal(await api(page, 'getState'), await api(app.page, 'getState'), 'the sheet\'s state');
    assert.equal(JSON.parse(await api(page, 'getSheet')).student, 's-42', 'and its student');
    await frames(page, 2);
    assert.match(await drawn(page), /Opened sheet\.json \(an answer sheet\)/);
    const opened = await api(page, 'getState');
    // a dropped file of garbage: the CLI's error line, nothing changed
    const drop = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['not json at all'], 'garbage.json', { type: 'application/json' }));
      return dt;
    });
    await page.dispatchEvent('#canvas', 'dragover', { dataTransfer: drop });
    await page.dispatchEvent('#canvas', 'drop', { dataTransfer: drop });
    await page.waitForFunction(() => window.backpropLabTesting.drawnText().some((t) => t.text.includes('garbage.json')));
    await frames(page, 2);
    const text = await drawn(page);
    assert.match(text, /Could not open garbage\.json: garbage\.json: invalid JSON: expected a value/);
    assert.equal(await api(page, 'getState'), opened, 'nothing changed');
    fs.writeFileSync(path.join(dir, 'garbage.json'), 'not json at all');
    const line = cli(['link', path.join(dir, 'garbage.json')]);
    assert.equal(line.status, 2);
    assert.ok(text.includes(line.stderr.slice('error: '.length).replace(path.join(dir, 'garbage.json'), 'garbage.json')), 'the CLI\'s error line');
    // Save: the state as getState() gives it
    const download = page.waitForEvent('download');
    await click(page, await itemCentre(page, 'button:Save…'));
    await click(page, await textCentre(page, 'State (.json)'));
    const file = await (await download).path();
    assert.equal(fs.readFileSync(file, 'utf8'), opened + '\n');
    fs.writeFileSync(path.join(ARTIFACTS, 'share-opened.png'), await page.screenshot());
    assert.deepEqual(viewer.errors, []);
    await viewer.context.close();
  });

  test('the sheet the browser exports opens in the desktop app: backprop-lab --state FILE and FILE (Xvfb)', async () => {
    const viewer = await openApp(env, { width: 1280, height: 800 });
    const { page } = viewer;
    assert.equal(await api(page, 'setAnswer', 'grad:W1', 'tensor([[ 7.7811e-20,  5.0577e-19],\n [-7.7811e-20, -5.0577e-19]])'), '');
    await click(page, await itemCentre(page, 'tab:Sheet'));
    const header = await itemCentre(page, 'header:Exercise files and variants');
    await click(page, header);
    const download = page.waitForEvent('download');
    await click(page, await itemCentre(page, 'button:Export sheet JSON'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backprop-desktop-'));
    const sheet = path.join(dir, 'backprop-answers.json');
    fs.copyFileSync(await (await download).path(), sheet);
    assert.equal(JSON.parse(fs.readFileSync(sheet, 'utf8')).answers['grad:W1'].slice(0, 20), 'tensor([[ 7.7811e-20');
    const lab = path.join(path.dirname(CLI), 'backprop-lab');
    const desktop = (...args) => spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', lab, ...args],
                                           { encoding: 'utf8', env: { ...process.env, HOME: dir } });
    for (const args of [['--state', sheet], [sheet]]) {
      const r = desktop(...args, '--frames', '5', '--screenshot', path.join(ARTIFACTS, 'share-desktop-sheet.png'));
      assert.equal(r.status, 0, `backprop-lab ${args.join(' ')}: ${r.stderr}`);
    }
    fs.writeFileSync(path.join(dir, 'garbage.json'), '\u0000 garbage');
    const bad = desktop(path.join(dir, 'garbage.json'), '--frames', '1');
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr.trim().split('\n').pop(), cli(['link', path.join(dir, 'garbage.json')]).stderr);
    await viewer.context.close();
  });

  test('Copy link puts the link on the clipboard', async () => {
    const viewer = await openApp(env, { width: 1280, height: 800 });
    await viewer.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page } = viewer;
    await click(page, await itemCentre(page, 'button:Link…'));
    await click(page, await textCentre(page, 'Copy link'));
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('#1.'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await api(page, 'getLink'));
    assert.match(await drawn(page), /Copied the link/);
    await viewer.context.close();
  });
});
