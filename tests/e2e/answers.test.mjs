// Browser end-to-end test of the Answer sheet tab (issue 5): real keyboard input into the ∇_{W1} l
// cell — the notebook's printout of W1.grad, then the right answer, then garbage — judged as
// `backprop-cli check` judges it, through window.backpropLab.getVerdicts() and getSheet().
//   BACKPROP_WEB_DIR=build/web BACKPROP_CLI=build/native/backprop-cli node --test tests/e2e/answers.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clickItem, frames, openApp, start } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLI = process.env.BACKPROP_CLI || path.join(HERE, '../../build/native/backprop-cli');
const ARTIFACTS = process.env.BACKPROP_ARTIFACTS || path.join(HERE, 'artifacts');

// the notebook's printout of W1.grad, two lines as PyTorch prints it: half the true gradient
const NOTEBOOK_LINES = ['tensor([[ 7.7811e-20,  5.0577e-19],', '        [-7.7811e-20, -5.0577e-19]])'];
const NOTEBOOK = NOTEBOOK_LINES.join('\n');
const GARBAGE = '[[1, 2], [3, x]]';

function cli(args, input) {
  const r = spawnSync(CLI, args, { input, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

async function api(page, method, ...args) {
  return page.evaluate(([m, a]) => window.backpropLab[m](...a), [method, args]);
}

async function itemRect(page, name) {
  return page.evaluate((n) => window.backpropLabTesting.itemRect(n), name);
}

// a key held for one frame: the app reads the keyboard's state once per frame (ImGui 1.86), and
// a key held longer than 0.275 s of slow frames would repeat
async function press(page, key, modifier = null) {
  if (modifier) {
    await page.keyboard.down(modifier);
    await frames(page, 1);
  }
  await page.keyboard.down(key);
  await frames(page, 1);
  await page.keyboard.up(key);
  if (modifier) await page.keyboard.up(modifier);
  await frames(page);
}

async function verdicts(page) {
  return JSON.parse(await api(page, 'getVerdicts'));
}

describe('answer sheet', () => {
  let env, app;
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    env = await start();
    app = await openApp(env);
    const exercise = cli(['exercise']).stdout;
    assert.equal(await api(app.page, 'setState', exercise), '');
    await frames(app.page, 2);
    await clickItem(app.page, 'tab:Sheet');
  });
  after(async () => {
    if (env) await env.close();
  });

  test('an empty sheet: getSheet is the check input with every cell empty, no verdicts', async () => {
    const { page } = app;
    const sheet = JSON.parse(await api(page, 'getSheet'));
    assert.deepEqual(sheet.state, JSON.parse(await api(page, 'getState')));
    assert.equal(sheet.answers['grad:W1'], '');
    assert.ok('J:O/W1' in sheet.answers && 'h' in sheet.answers);
    assert.deepEqual(await verdicts(page), { verdicts: {}, first_wrong: null });
  });

  test('typing the notebook printout into ∇_{W1} l: half the true gradient', async () => {
    const { page } = app;
    await clickItem(page, 'answer:grad:W1');
    await page.keyboard.type(NOTEBOOK_LINES[0]);
    await frames(page);
    await press(page, 'Enter');
    await page.keyboard.type(NOTEBOOK_LINES[1]);
    await frames(page, 3);
    const v = await verdicts(page);
    assert.equal(v.verdicts['grad:W1'].ok, false);
    assert.equal(v.verdicts['grad:W1'].mistake, 'scaled');
    assert.equal(v.verdicts['grad:W1'].factor, 0.5);
    assert.equal(v.first_wrong, 'grad:W1');
    const sheet = await api(page, 'getSheet');
    // the text as typed, line break included; on a loaded machine a frame can outlast ImGui's key
    // repeat delay (0.275 s) while Enter is down, which types a second (blank) line
    assert.equal(JSON.parse(sheet).answers['grad:W1'].replace(/\n+/g, '\n'), NOTEBOOK);
    // the exported sheet is what backprop-cli check reads, with the same verdicts
    const checked = cli(['check', '-'], sheet);
    assert.equal(checked.status, 1, checked.stderr);
    assert.deepEqual(JSON.parse(checked.stdout), v);
    fs.writeFileSync(path.join(ARTIFACTS, 'answers-wrong.png'), await page.screenshot());
  });

  test('a paste into the ∇_{W1} l cell: the same verdict, line break kept', async () => {
    // headless Chromium maps no key to the clipboard: the test fires the "paste" event the
    // browser fires on Ctrl+V, with the printout as its data (Windows line ends, as copied there)
    const { page } = app;
    assert.equal(await api(page, 'setAnswer', 'grad:W1', ''), '');
    await frames(page, 2);
    await clickItem(page, 'answer:grad:W1');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, NOTEBOOK.replace('\n', '\r\n'));
    await frames(page, 3);
    assert.equal(JSON.parse(await api(page, 'getSheet')).answers['grad:W1'], NOTEBOOK);
    const v = await verdicts(page);
    assert.equal(v.verdicts['grad:W1'].mistake, 'scaled');
    assert.equal(v.verdicts['grad:W1'].factor, 0.5);
  });

  test('the right answer typed over it is ok', async () => {
    const { page } = app;
    const truth = JSON.parse(cli(['eval', '-'], await api(page, 'getState')).stdout).grad.autodiff.W1;
    await clickItem(page, 'answer:grad:W1');
    await press(page, 'a', 'Control');
    await press(page, 'Backspace');
    await page.keyboard.type(JSON.stringify(truth));
    await frames(page, 3);
    const v = await verdicts(page);
    assert.equal(v.verdicts['grad:W1'].ok, true, JSON.stringify(v.verdicts['grad:W1']));
    assert.equal(v.first_wrong, null);
    fs.writeFileSync(path.join(ARTIFACTS, 'answers-right.png'), await page.screenshot());
  });

  test('garbage typed: the parse error is shown and the text is kept', async () => {
    const { page } = app;
    await clickItem(page, 'answer:grad:W0');
    await page.keyboard.type(GARBAGE);
    await frames(page, 3);
    assert.ok(await itemRect(page, 'answer-error:grad:W0'), 'the parse error is drawn under the cell');
    const sheet = JSON.parse(await api(page, 'getSheet'));
    assert.equal(sheet.answers['grad:W0'], GARBAGE);
    assert.equal(sheet.answers['grad:W1'] !== '', true, 'the other cell is kept too');
    const v = await verdicts(page);
    assert.equal(v.verdicts['grad:W0'], undefined, 'an unreadable cell has no verdict');
    assert.equal(v.verdicts['grad:W1'].ok, true);
    // the CLI refuses the same text with the same message
    const checked = cli(['check', '-'], JSON.stringify(sheet));
    assert.equal(checked.status, 2);
    assert.equal(await api(page, 'setAnswer', 'grad:W0', GARBAGE), checked.stderr);
    fs.writeFileSync(path.join(ARTIFACTS, 'answers-garbage.png'), await page.screenshot());
    assert.deepEqual(app.errors, []);
  });

  test('files and variants: Export sheet JSON downloads getSheet(); New variant loads backprop-cli variant', async () => {
    const { page } = app;
    await clickItem(page, 'header:Exercise files and variants');
    const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'button:Export sheet JSON')]);
    assert.equal(download.suggestedFilename(), 'backprop-answers.json');
    const saved = fs.readFileSync(await download.path(), 'utf8');
    assert.deepEqual(JSON.parse(saved), JSON.parse(await api(page, 'getSheet')));
    const [key] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'button:Answer key (Markdown)')]);
    assert.equal(fs.readFileSync(await key.path(), 'utf8'), cli(['key', '-'], await api(page, 'getState')).stdout);
    const sheet = await api(page, 'getSheet');
    await clickItem(page, 'button:New variant');
    assert.deepEqual(JSON.parse(await api(page, 'getState')), JSON.parse(cli(['variant', '--seed', '1']).stdout));
    assert.deepEqual(await verdicts(page), { verdicts: {}, first_wrong: null }, 'the sheet was cleared');
    fs.writeFileSync(path.join(ARTIFACTS, 'answers-tools.png'), await page.screenshot());
    assert.equal(await api(page, 'setState', JSON.parse(sheet).state), '');
    await clickItem(page, 'header:Exercise files and variants');  // closed again
    assert.deepEqual(app.errors, []);
  });

  test('setAnswer: verdicts follow, unknown keys are refused, a new network re-checks the same text', async () => {
    const { page } = app;
    assert.equal(await api(page, 'setAnswer', 'grad:W0', ''), '');
    assert.equal(await api(page, 'setAnswer', 'grad:W1', NOTEBOOK), '');
    assert.equal((await verdicts(page)).verdicts['grad:W1'].mistake, 'scaled');
    assert.match(await api(page, 'setAnswer', 'grad:W9', '1'), /^error: answers\.grad:W9: /);
    assert.equal(JSON.parse(await api(page, 'getSheet')).answers['grad:W9'], undefined);
    // another network: the same text, judged against the new gradient; and back
    const state = JSON.parse(await api(page, 'getState'));
    assert.equal(await api(page, 'setState', JSON.stringify({ ...state, W1: [[4, -3], [-1, 1]] })), '');
    assert.notEqual((await verdicts(page)).verdicts['grad:W1'].factor, 0.5);
    assert.equal(await api(page, 'setState', JSON.stringify(state)), '');
    assert.equal(JSON.parse(await api(page, 'getSheet')).answers['grad:W1'], NOTEBOOK);
    assert.equal((await verdicts(page)).verdicts['grad:W1'].factor, 0.5);
    await frames(page, 2);
    assert.deepEqual(app.errors, []);
  });
});
