// backprop-cli export: the PyTorch and NumPy scripts, run with Debian's /usr/bin/python3
// (python3-torch, python3-numpy), against backprop-cli eval of the same state — the PyTorch
// script's numbers equal the engine's textbook mode, the NumPy script's its exact mode.
// Run by CTest with BACKPROP_CLI set; by hand:
//   BACKPROP_CLI=build/native/backprop-cli node --test tests/cli/export.test.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { randomState } from '../e2e/random_state.mjs';

const CLI = process.env.BACKPROP_CLI;
if (!CLI) throw new Error('set BACKPROP_CLI to the backprop-cli binary');
const PYTHON = process.env.BACKPROP_PYTHON || '/usr/bin/python3';
const HERE = dirname(fileURLToPath(import.meta.url));
const RUNNER = join(HERE, 'run_scripts.py');
const FIXTURES = join(HERE, '..', 'fixtures');
const ACTIVATIONS = ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'identity'];

// Tolerances, relative to the largest |entry| of each gradient. f64: 1e-12, the engine's own
// agreement bound (the scripts sum in other orders and use other libm calls, a few ulps apart).
// f32: 1e-5 — float32's ε is 1.2e-7 (6e-8 per rounding), and up to 8 layers of sums in another
// order (NumPy's and PyTorch's kernels vs the engine's loops) add up a few dozen of those; the
// engine's own f32 agreement bound and the golden fixtures' f32 bound are 1e-5 too.
const tolerance = (state) => (state.precision === 'f32' ? 1e-5 : 1e-12);

function run(cmd, args, input = '') {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 120000, maxBuffer: 256 * 1024 * 1024 });
  // EPIPE: the CLI exited without reading all of stdin (on a bad option), which it may
  if (r.error && r.error.code !== 'EPIPE') throw r.error;
  return r;
}

function cli(args, input = '') {
  const r = run(CLI, args, input);
  assert.equal(r.status, 0, `backprop-cli ${args.join(' ')}: exit ${r.status}; ${r.stderr}`);
  return r.stdout;
}

// the cases: the exercise and 24 random networks — every activation, both heads, both loss
// forms, biases, 1–8 layers, f64 and four in f32 — and the edge states (logit gaps 30…800 in
// f64 and f32, saturated activations, overflow: non-finite numbers are null on both sides)
function cases() {
  const list = [{ name: 'exercise', state: JSON.parse(cli(['exercise'])) }];
  for (let i = 0; i < 24; ++i) {
    const state = randomState(9000 + i, 8);
    state.activation = ACTIVATIONS[i % ACTIVATIONS.length];
    if (state.head === 'softmax_ce') state.loss_form = i % 3 === 0 ? 'naive' : 'stable';
    if (i % 6 === 5) state.precision = 'f32';
    list.push({ name: `random ${i}`, state });
  }
  // f32 reads up to 3.403e38 as float's largest value: the script must not round it to inf
  list.push({ name: 'f32 at its largest', state: { input: [3.403e38, -1], label: [1, 0],
    W0: [[1e-38, 0.5], [0, -2]], precision: 'f32' } });
  for (const c of JSON.parse(readFileSync(join(FIXTURES, 'edge_states.json'), 'utf8')).cases)
    list.push({ name: c.name, state: c.state, edge: true });
  return list;
}

// the engine's gradients under the scripts' names (its "input" is I)
function engineGrads(report, method) {
  const grads = report.grad[method];
  return Object.fromEntries(Object.entries(grads).map(([k, v]) => [k === 'input' ? 'I' : k, v]));
}

const flat = (v) => (Array.isArray(v) ? v.flatMap(flat) : [v]);

// the largest difference relative to its gradient's largest entry; a non-finite entry (null)
// must be one on both sides
function assertGradsClose(actual, expected, tol, where) {
  let largest = 0;
  assert.deepEqual(Object.keys(actual), Object.keys(expected), `${where}: the gradients' names and order`);
  for (const [name, e] of Object.entries(expected)) {
    const a = flat(actual[name]), x = flat(e);
    assert.equal(a.length, x.length, `${where} ${name}: shape`);
    assert.deepEqual(a.map((v) => v === null), x.map((v) => v === null), `${where} ${name}: non-finite entries`);
    const finite = a.map((v, i) => [v, x[i]]).filter(([v]) => v !== null);
    const scale = Math.max(0, ...finite.map(([v, w]) => Math.max(Math.abs(v), Math.abs(w))));
    const worst = Math.max(0, ...finite.map(([v, w]) => Math.abs(v - w)));
    assert.ok(worst <= tol * scale, `${where} ${name}: off by ${worst} of ${scale} (${JSON.stringify(actual[name])} vs ${JSON.stringify(e)})`);
    if (scale > 0) largest = Math.max(largest, worst / scale);
  }
  return largest;
}

// the loss is a log: its rounding is absolute (PyTorch's log(1 + r) drops an r below ε)
function assertLossClose(actual, expected, tol, where) {
  if (actual === null || expected === null) return assert.equal(actual, expected, `${where} l`);
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${where} l: ${actual} vs ${expected}`);
}

describe('backprop-cli export', () => {
  let dir, all, outputs;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'backprop-export-'));
    all = cases();
    const scripts = [];
    all.forEach((c, i) => {
      const file = join(dir, `state${i}.json`);
      writeFileSync(file, JSON.stringify(c.state));
      c.exact = JSON.parse(cli(['eval', file]));
      c.textbook = JSON.parse(cli(['eval', '-'], JSON.stringify({ ...c.state, softmax_backward: 'textbook' })));
      for (const format of ['pytorch', 'numpy']) {
        c[format] = cli(['export', file, '--format', format]);
        const script = join(dir, `state${i}-${format}.py`);
        writeFileSync(script, c[format]);
        scripts.push(script);
      }
    });
    const r = run(PYTHON, [RUNNER, ...scripts]);
    assert.equal(r.status, 0, `${PYTHON} ${RUNNER}: ${r.stderr}`);
    outputs = new Map(JSON.parse(r.stdout).map((e) => [e.path, e]));
    all.forEach((c, i) => {
      for (const format of ['pytorch', 'numpy']) {
        const e = outputs.get(join(dir, `state${i}-${format}.py`));
        assert.equal(e.error, null, `${c.name} (${format}): ${e.error}`);
        // NumPy warns of an overflow only where the engine's numbers overflow too
        const engine = format === 'pytorch' ? c.textbook : c.exact;
        if (engine.warnings.length === 0) assert.deepEqual(e.warnings, [], `${c.name} (${format}) warned`);
        c[`${format}Out`] = JSON.parse(e.last);  // the last line is one JSON object
      }
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the cases cover every activation, both heads and loss forms, biases, 1 to 8 layers, f32', () => {
    const layers = (s) => Object.keys(s).filter((k) => /^W\d$/.test(k)).length;
    const deep = all.filter((c) => layers(c.state) > 1);
    for (const a of ACTIVATIONS) assert.ok(deep.some((c) => c.state.activation === a), `no hidden layer with ${a}`);
    for (const h of ['softmax_ce', 'mse']) assert.ok(all.some((c) => (c.state.head ?? 'softmax_ce') === h), h);
    assert.ok(all.some((c) => c.state.loss_form === 'naive'));
    assert.ok(all.some((c) => Object.keys(c.state).some((k) => /^b\d$/.test(k) && c.state[k])), 'no bias');
    assert.ok(all.some((c) => layers(c.state) === 1) && all.some((c) => layers(c.state) >= 7), 'layers');
    assert.ok(all.filter((c) => c.state.precision === 'f32' && !c.edge).length >= 3);
    assert.ok(all.filter((c) => !c.edge).length >= 21);
    assert.ok(all.filter((c) => c.edge).length >= 70, 'the edge states');
  });

  test("the PyTorch script prints the engine's textbook-mode numbers", (t) => {
    const worst = { f64: 0, f32: 0 };
    for (const c of all) {
      const tol = tolerance(c.state), p = c.state.precision ?? 'f64';
      worst[p] = Math.max(worst[p], assertGradsClose(c.pytorchOut.grad, engineGrads(c.textbook, 'autodiff'), tol, c.name));
      assertLossClose(c.pytorchOut.l, c.textbook.forward.l, tol, c.name);
    }
    t.diagnostic(`largest relative difference: f64 ${worst.f64}, f32 ${worst.f32}`);
  });

  test("the NumPy script's Jacobian chain gives the engine's exact gradients", (t) => {
    const worst = { f64: 0, f32: 0 };
    for (const c of all) {
      const tol = tolerance(c.state), p = c.state.precision ?? 'f64';
      const method = c.exact.grad.manual && Object.keys(c.exact.grad.manual).length ? 'manual' : 'autodiff';
      worst[p] = Math.max(worst[p], assertGradsClose(c.numpyOut.grad, engineGrads(c.exact, method), tol, c.name));
      const l = c.exact.forward.l;
      if (c.state.loss_form === 'naive') assertLossClose(c.numpyOut.l, l, tol, c.name);  // −log s: absolute
      else if (l === null || c.numpyOut.l === null) assert.equal(c.numpyOut.l, l, `${c.name} l`);
      else assert.ok(Math.abs(c.numpyOut.l - l) <= tol * Math.abs(l), `${c.name} l: ${c.numpyOut.l} vs ${l}`);
    }
    t.diagnostic(`largest relative difference: f64 ${worst.f64}, f32 ${worst.f32}`);
  });

  test("on the exercise PyTorch loses exactly ∇W1's second row and l; the NumPy script keeps every digit", () => {
    const ex = all[0];
    const s0 = 7.7811322411337966e-20;
    const exact = engineGrads(ex.exact, 'autodiff');
    assert.deepEqual(ex.pytorchOut.grad.W1, [exact.W1[0], [0, 0]]);  // s1 − 1 rounds to 0
    assert.ok(exact.W1[1].every((v) => v !== 0));
    assert.ok(ex.pytorchOut.l === 0, `l = ${ex.pytorchOut.l}`);  // log(1 + s0) = log 1 (PyTorch prints −0)
    ex.pytorchOut.grad.W0.flat().forEach((v, i) => {
      assert.ok(Math.abs(v - 0.75 * exact.W0.flat()[i]) <= 1e-15 * Math.abs(v), `W0 is 25 % low: ${v}`);
    });
    assert.equal(ex.numpyOut.l, s0);
    assertGradsClose(ex.numpyOut.grad, {
      W0: [[16 * s0, 4 * s0], [-16 * s0, -4 * s0]],
      W1: [[2 * s0, 13 * s0], [-2 * s0, -13 * s0]],
      I: [-4 * s0, -28 * s0],
    }, 1e-15, 'exercise');
    // the script says so where PyTorch users read it
    assert.match(ex.pytorch, /W1\.grad: 2 of 4 entries come out 0 that are not/);
    assert.match(ex.pytorch, /l: PyTorch prints 0, the exact loss is 7\.78113e-20/);
    assert.match(ex.pytorch, /softmax_backward = textbook/);
  });

  test('the scripts use the exercise names and the explicit Jacobians', () => {
    const np = all[0].numpy;
    for (const line of ['h = W0 @ I', 'L = np.where(h > 0, h, 0)', 'O = W1 @ L', 's = softmax(O)',
      'dL_dh = np.diag((h > 0).astype(dtype))', 'dh_dW0 = d_weight(I, 2)', 'dO_dW1 = d_weight(L, 2)',
      'grad_W1 = (grad_O @ dO_dW1).reshape(2, 2)', 'np.fill_diagonal(ds_dO, s * others(s))'])
      assert.ok(np.includes(line), line);
    const deep = all.find((c) => Object.keys(c.state).includes('W3') && !c.state.W4);
    assert.ok(deep.numpy.includes('h0 = W0 @ I') && deep.numpy.includes('O = W3 @ L2'), 'h0 … L2, O');
    assert.ok(all[0].pytorch.includes('l = F.cross_entropy(O.unsqueeze(0), y.unsqueeze(0))'));
  });

  test('numbers in the scripts read back as the same doubles', () => {
    const state = { input: [0.1, -0, 5e-324, 1e-300], label: [0.3, 0.7],
      W0: [[1 / 3, -2.5e-17, 1e300, 4], [0.7, 2 ** 52 + 1, -1e-5, 123456789.123]] };
    // JSON.stringify writes −0 as 0: the state's text keeps its sign
    const text = JSON.stringify(state).replace('[0.1,0,', '[0.1,-0.0,');
    const script = cli(['export', '-', '--format', 'numpy'], text);
    const file = join(dir, 'numbers.py');
    writeFileSync(file, `${script}\nimport struct\nprint(json.dumps([[struct.pack('>d', v).hex() for v in a.ravel()] for a in (I, W0)]))\n`.replace('import math', 'import json\nimport math'));
    const r = run(PYTHON, [RUNNER, file]);
    const e = JSON.parse(r.stdout)[0];
    assert.equal(e.error, null, e.error);
    const hex = (v) => { const b = Buffer.alloc(8); b.writeDoubleBE(v); return b.toString('hex'); };
    assert.deepEqual(JSON.parse(e.last), [state.input.map(hex), state.W0.flat().map(hex)]);
  });

  test('a sheet is read as its state; bad input and options get the eval contract', () => {
    const exercise = cli(['exercise']);
    const sheet = JSON.stringify({ state: JSON.parse(exercise), answers: {} });
    assert.equal(cli(['export', '-', '--format', 'numpy'], sheet), cli(['export', '-', '--format', 'numpy'], exercise));
    assert.equal(cli(['export', '-'], exercise), cli(['export', '-', '--format', 'pytorch'], exercise));
    for (const [args, input, pattern] of [
      [['export', '-', '--format', 'tensorflow'], exercise, /^error: --format: unknown value "tensorflow"; expected pytorch or numpy\n$/],
      [['export', '-', '--format'], exercise, /^error: --format: /],
      [['export', '-', '--fromat', 'numpy'], exercise, /^error: --fromat: unknown option/],
      [['export', '-'], '{"input": [1], "label": [0.5, 0.7], "W0": [[1], [2]]}', /^error: label: sums to 1\.2/],
      [['export', '-'], 'garbage', /^error: stdin: /],
      [['export', join(dir, 'missing.json')], '', /^error: .*missing\.json: /],
    ]) {
      const r = run(CLI, args, input);
      assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.split('\n').length, 2, 'one line');
    }
  });
});
