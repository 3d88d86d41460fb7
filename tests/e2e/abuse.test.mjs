// The JS API under abuse: non-string arguments, 10 MB strings, deep nesting, a NUL inside a text,
// and 8 × 256 networks set in a loop for 60 s. The page stays alive (frames keep coming, no
// console errors, no exception out of the API), every answer is a bounded error line or "", and
// the heap in use stops growing.
//   BACKPROP_WEB_DIR=build/web node --test tests/e2e/abuse.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { denseState, frames, openApp, start } from './browser.mjs';

const LOOP_SECONDS = Number(process.env.BACKPROP_ABUSE_SECONDS || 60);

const isErrorLine = (s, field) => typeof s === 'string' && s.length < 1000 && !s.includes('\n') &&
  (field ? s.startsWith(`error: ${field}: `) : /^error: \S.*: /.test(s));

describe('the API under abuse', () => {
  let env, app;
  before(async () => {
    env = await start();
    app = await openApp(env);
    await frames(app.page, 3);
  });
  after(async () => {
    if (env) await env.close();
  });

  test('non-strings: setState and setAnswer return an error line, never throw', async () => {
    const results = await app.page.evaluate(() => {
      const lab = window.backpropLab;
      const cyclic = {};
      cyclic.self = cyclic;
      const calls = {
        undefined: () => lab.setState(undefined),
        symbol: () => lab.setState(Symbol('s')),
        function: () => lab.setState(() => 1),
        bigint: () => lab.setState(10n),
        cyclic: () => lab.setState(cyclic),
        number: () => lab.setState(5),
        null: () => lab.setState(null),
        keyNumber: () => lab.setAnswer(5, '1'),
        keyUndefined: () => lab.setAnswer(undefined, '1'),
        textObject: () => lab.setAnswer('grad:W1', { a: 1 }),
        textSymbol: () => lab.setAnswer('grad:W1', Symbol('t')),
        textUndefined: () => lab.setAnswer('h'),
      };
      const out = {};
      for (const [name, call] of Object.entries(calls)) {
        try { out[name] = call(); } catch (e) { out[name] = 'THREW ' + e; }
      }
      out.state = lab.getState();
      return out;
    });
    for (const name of ['undefined', 'symbol', 'function', 'bigint', 'cyclic']) assert.ok(isErrorLine(results[name], 'json'), `${name}: ${results[name]}`);
    for (const name of ['number', 'null']) assert.ok(isErrorLine(results[name]), `${name}: ${results[name]}`);
    for (const name of ['keyNumber', 'keyUndefined']) assert.ok(isErrorLine(results[name], 'key'), `${name}: ${results[name]}`);
    for (const name of ['textObject', 'textSymbol', 'textUndefined']) assert.ok(isErrorLine(results[name]), `${name}: ${results[name]}`);
    assert.equal(JSON.parse(results.state).W0[0][0], 1, 'the state is unchanged');
    assert.deepEqual(app.errors, []);
  });

  test('10 MB strings, deep nesting, a NUL, a 1 MB key: bounded error lines', async () => {
    const r = await app.page.evaluate(() => {
      const lab = window.backpropLab;
      const big = 'x'.repeat(10 << 20);
      return {
        garbage: lab.setState(big),
        padded: lab.setState('{"input": [1], "label": [1], "W0": [[1]], "pad": "' + big + '"}'),
        deep: lab.setState('['.repeat(1 << 20)),
        answerBig: lab.setAnswer('grad:W1', '1 '.repeat(5 << 20)),
        answerNul: lab.setAnswer('l', '2\u000013'),
        stateNul: lab.setState(lab.getState() + '\u0000'),
        keyBig: lab.setAnswer('k'.repeat(1 << 20), '1'),
      };
    });
    assert.ok(isErrorLine(r.garbage, 'json'), r.garbage);
    assert.ok(isErrorLine(r.padded, 'pad'), r.padded);
    assert.ok(isErrorLine(r.deep, 'json'), r.deep);
    assert.ok(isErrorLine(r.answerBig, 'answers.grad:W1'), r.answerBig);
    assert.match(r.answerNul, /^error: answers\.l: unexpected control character 0x00 at column 2/);
    assert.match(r.stateNul, /^error: json: invalid JSON: a NUL byte at byte \d+/);
    assert.ok(isErrorLine(r.keyBig), r.keyBig.slice(0, 300));
    await frames(app.page, 2);
    assert.deepEqual(app.errors, []);
  });

  test(`8 × 256 networks in a loop for ${LOOP_SECONDS} s: setState returns "", frames go on, memory stops growing`, async () => {
    const page = app.page;
    // the heap in use (malloc's count), not the wasm memory's size: that only grows, in steps
    const memory = () => page.evaluate(() => window.backpropLabTesting.frameStats().heap_bytes);
    const samples = [];
    const setMs = [];
    const end = Date.now() + LOOP_SECONDS * 1000;
    for (let i = 0; Date.now() < end; ++i) {
      const json = denseState({ layers: 8, width: 256, seed: i });
      const r = await page.evaluate((text) => {
        const t0 = performance.now();
        const error = window.backpropLab.setState(text);
        return { error, ms: performance.now() - t0 };
      }, json);
      assert.equal(r.error, '', `seed ${i}`);
      setMs.push(r.ms);
      await frames(page, 2);  // the page draws while the rest of the evaluation runs over frames
      if (i % 4 === 3) assert.equal(JSON.parse(await page.evaluate(() => window.backpropLab.getResult())).forward.O.length, 2);
      samples.push({ t: Date.now(), bytes: await memory() });
    }
    assert.ok(samples.length >= 12, `only ${samples.length} rounds in ${LOOP_SECONDS} s`);
    // what is in use depends on how far the latest network's evaluation has got; a leak (an 8 × 256
    // state is ~4 MB) adds up round after round. So: the last quarter's peak within 25 % of the
    // earlier rounds' peak
    const quarter = Math.floor(samples.length * 3 / 4);
    const peak = Math.max(...samples.slice(0, quarter).map((s) => s.bytes));
    const latePeak = Math.max(...samples.slice(quarter).map((s) => s.bytes));
    const last = samples[samples.length - 1].bytes;
    const mib = (b) => (b / 2 ** 20).toFixed(1);
    assert.ok(latePeak <= 1.25 * peak, `the heap in use still grows: ${mib(peak)} MiB at most before the last quarter ` +
              `of the loop, ${mib(latePeak)} MiB in it (${samples.map((s) => mib(s.bytes)).join(' ')})`);
    setMs.sort((a, b) => a - b);
    const median = setMs[Math.floor(setMs.length / 2)];
    console.log(`# ${samples.length} networks; setState median ${median.toFixed(1)} ms (max ${setMs[setMs.length - 1].toFixed(1)}); heap in use ${mib(last)} MiB (peak ${mib(Math.max(peak, latePeak))})`);
    const before = await page.evaluate(() => window.backpropLab.frameCount());
    await frames(page, 5);
    assert.ok(await page.evaluate(() => window.backpropLab.frameCount()) > before, 'the page still draws');
    assert.deepEqual(app.errors, []);
  });
});
