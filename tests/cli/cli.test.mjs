// The backprop-cli contract (issue 2, "The CLI contract"), checked on the real binary.
// Run by CTest as `node --test cli.test.mjs` with BACKPROP_CLI set to the binary; by hand:
//   BACKPROP_CLI=build/native/backprop-cli node --test tests/cli/cli.test.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

const CLI = process.env.BACKPROP_CLI;
if (!CLI) throw new Error('set BACKPROP_CLI to the backprop-cli binary');

const kTimeoutMs = 20000;  // per spawn: a hang is a failure, not a stuck test run
const kInvalidInput = 2;

// [SECTION] running the CLI

/// Runs the CLI with args, `input` on stdin; never throws on a non-zero exit.
function run(args, input = '') {
  const r = spawnSync(CLI, args, {
    input,
    timeout: kTimeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (r.error && r.error.code === 'ETIMEDOUT') assert.fail(`backprop-cli ${args.join(' ')} hung (> ${kTimeoutMs} ms)`);
  // EPIPE: the CLI exited without reading all of stdin (e.g. on a bad option), which it may
  if (r.error && r.error.code !== 'EPIPE') throw r.error;
  return r;
}

/// Exit 0, nothing on stderr, and one JSON object on stdout.
function evalOk(state, extraArgs = []) {
  const r = run(['eval', ...extraArgs], typeof state === 'string' ? state : JSON.stringify(state));
  assert.equal(r.signal, null, `killed by ${r.signal}; stderr: ${r.stderr}`);
  assert.equal(r.status, 0, `exit ${r.status}; stderr: ${r.stderr}`);
  assert.equal(r.stderr, '');
  const report = JSON.parse(r.stdout);
  assert.equal(typeof report, 'object');
  assert.ok(report !== null && !Array.isArray(report), 'stdout is one JSON object');
  return report;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/// The bad-input contract: exit 2, nothing on stdout, exactly one line `error: <field>: <reason>`.
/// `field` is the exact field name, or a RegExp of the field names that are acceptable.
function assertInputError(r, field, reasonPattern) {
  assert.equal(r.signal, null, `crashed (signal ${r.signal}); stderr: ${r.stderr.slice(0, 500)}`);
  assert.equal(r.status, kInvalidInput, `exit ${r.status}; stderr: ${r.stderr.slice(0, 500)}`);
  assert.equal(r.stdout, '', 'nothing on stdout');
  assert.match(r.stderr, /\n$/, 'stderr ends with a newline');
  const lines = r.stderr.slice(0, -1).split('\n');
  assert.equal(lines.length, 1, `exactly one line on stderr, got:\n${r.stderr.slice(0, 500)}`);
  const fieldSource = field instanceof RegExp ? field.source : escapeRegExp(field);
  const m = lines[0].match(new RegExp(`^error: (${fieldSource}): (.+)$`));
  assert.ok(m, `expected "error: ${field}: …", got: ${lines[0].slice(0, 300)}`);
  if (reasonPattern) assert.match(m[2], reasonPattern);
}

const evalError = (state, field, reasonPattern) =>
  assertInputError(run(['eval'], typeof state === 'string' ? state : JSON.stringify(state)), field, reasonPattern);

// [SECTION] reference numbers (../shared/TOOLCHAIN.md, 40-digit arithmetic), s0 = 1/(1 + e^44)

const s0 = 7.7811322411337966e-20;
const exact = {
  W1: [[1.5562264482267593e-19, 1.0115471913473936e-18], [-1.5562264482267593e-19, -1.0115471913473936e-18]],
  W0: [[1.2449811585814075e-18, 3.1124528964535186e-19], [-1.2449811585814075e-18, -3.1124528964535186e-19]],
  input: [-3.1124528964535186e-19, -2.1787170275174629e-18],
};

const exercise = {
  input: [4, 1], label: [0, 1], W0: [[1, -2], [2, 5]], W1: [[3, -3], [-1, 1]],
  b0: null, b1: null, activation: 'relu', head: 'softmax_ce',
  loss_form: 'stable', softmax_backward: 'exact', precision: 'f64',
};
const withOptions = (options) => ({ ...exercise, ...options });

const flat = (m) => (Array.isArray(m[0]) ? m.flat() : m);
const maxAbs = (m) => Math.max(...flat(m).map(Math.abs));

/// Every entry of `actual` within rel × (largest |entry| of `expected`) of `expected`, same shape.
function assertClose(actual, expected, rel, what = '') {
  assert.ok(Array.isArray(actual), `${what}: expected an array, got ${JSON.stringify(actual)}`);
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; ++i)
    assert.equal(Array.isArray(actual[i]), Array.isArray(expected[i]), `${what}[${i}]: shape`);
  const a = flat(actual), e = flat(expected);
  assert.equal(a.length, e.length, `${what}: number of entries`);
  const bound = rel * maxAbs(expected);
  for (let i = 0; i < e.length; ++i)
    assert.ok(Math.abs(a[i] - e[i]) <= bound,
      `${what} entry ${i}: got ${a[i]}, expected ${e[i]} (|diff| ${Math.abs(a[i] - e[i])} > ${bound})`);
}

function assertRelClose(actual, expected, rel, what = '') {
  assert.equal(typeof actual, 'number', `${what}: a number`);
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: got ${actual}, expected ${expected}`);
}

// [SECTION] the exercise end to end

describe('exercise → eval', () => {
  test('`exercise` prints the documented default state as one JSON object', () => {
    const r = run(['exercise']);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), exercise);
  });

  let exerciseJson, report;
  before(() => {
    exerciseJson = run(['exercise']).stdout;
    report = evalOk(exerciseJson);
  });

  test('stdout has the documented top-level blocks', () => {
    for (const key of ['forward', 'grad', 'jacobians', 'check']) assert.ok(key in report, key);
    for (const key of ['autodiff', 'manual', 'manual_flat', 'numeric']) assert.ok(key in report.grad, key);
  });

  test('forward values: h = L = [2, 13], O = [-33, 11], s0 and l = 7.7811322411337966e-20', () => {
    const f = report.forward;
    assert.deepEqual(f.h, [2, 13]);
    assert.deepEqual(f.L, [2, 13]);
    assert.deepEqual(f.O, [-33, 11]);
    assert.equal(f.s.length, 2);
    assert.equal(f.s[0], s0);  // the JSON number reads back as exactly this double
    assert.equal(f.s[1], 1);
    assert.equal(f.l, s0);     // stable form: log1p(e^-44), not 0
  });

  test('autodiff and manual gradients are exact (1e-15 of the largest entry)', () => {
    for (const method of ['autodiff', 'manual'])
      for (const p of ['W1', 'W0', 'input']) assertClose(report.grad[method][p], exact[p], 1e-15, `${method}.${p}`);
  });

  test('numeric gradients agree with the exact ones to 1e-6', () => {
    for (const p of ['W1', 'W0', 'input']) assertClose(report.grad.numeric[p], exact[p], 1e-6, `numeric.${p}`);
  });

  test('manual_flat.W1 is the exercise\'s flat row [2s0, 13s0, −2s0, −13s0]', () => {
    assertClose(report.grad.manual_flat.W1, [2 * s0, 13 * s0, -2 * s0, -13 * s0], 1e-15, 'manual_flat.W1');
    assert.ok(!Array.isArray(report.grad.manual_flat.W1[0]), 'flat, not nested');
    assertClose(report.grad.manual_flat.W0, flat(exact.W0), 1e-15, 'manual_flat.W0');
  });

  test('jacobians: ∂O/∂W1 = [[2,13,0,0],[0,0,2,13]] in the row-major layout, ∂h/∂I = W0', () => {
    const find = (of, wrt) => report.jacobians.find((j) => j.of === of && j.wrt === wrt);
    assert.deepEqual(find('O', 'W1')?.value, [[2, 13, 0, 0], [0, 0, 2, 13]]);
    assert.deepEqual(find('h', 'W0')?.value, [[4, 1, 0, 0], [0, 0, 4, 1]]);
    assert.deepEqual(find('h', 'I')?.value, exercise.W0);
    assert.deepEqual(find('O', 'L')?.value, exercise.W1);
    assert.deepEqual(find('L', 'h')?.value, [[1, 0], [0, 1]]);
    assertClose(find('l', 'O')?.value, [[s0, -s0]], 1e-15, '∂l/∂O');
  });

  test('checks pass', () => {
    for (const pair of ['manual_vs_autodiff', 'numeric_vs_autodiff']) {
      const c = report.check[pair];
      assert.equal(c.ok, true, `${pair}: ${JSON.stringify(c)}`);
      assert.equal(typeof c.max_abs, 'number');
      assert.equal(typeof c.max_rel, 'number');
      assert.ok(c.max_rel <= 1e-6, `${pair}.max_rel = ${c.max_rel}`);
    }
    assert.equal(report.check.manual_vs_autodiff.max_rel <= 1e-12, true);
  });

  test('`eval -` and `eval FILE` give the same output as stdin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backprop-cli-'));
    try {
      const path = join(dir, 'exercise.json');
      writeFileSync(path, exerciseJson);
      const fromStdin = run(['eval'], exerciseJson).stdout;
      assert.equal(run(['eval', '-'], exerciseJson).stdout, fromStdin);
      assert.equal(run(['eval', path]).stdout, fromStdin);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('options', () => {
  test('naive loss form: l == 0 and the numeric check fails, saying the loss is flat/saturated', () => {
    const r = evalOk(withOptions({ loss_form: 'naive' }));
    assert.equal(r.forward.l, 0);
    const c = r.check.numeric_vs_autodiff;
    assert.equal(c.ok, false);
    assert.match(c.note, /flat/);
    assert.match(c.note, /saturat/);
    // autodiff through the softmax node is still exact
    for (const p of ['W1', 'W0', 'input']) assertClose(r.grad.autodiff[p], exact[p], 1e-15, `autodiff.${p}`);
  });

  test('softmax_backward textbook: W1 second row exactly 0, W0 = 3/4 of exact (as PyTorch)', () => {
    const r = evalOk(withOptions({ softmax_backward: 'textbook' }));
    for (const method of ['autodiff', 'manual']) {
      const g = r.grad[method];
      assert.ok(g.W1[1][0] === 0 && g.W1[1][1] === 0, `${method}.W1[1] = ${g.W1[1]}`);
      assertClose(g.W1[0], exact.W1[0], 1e-15, `${method}.W1[0]`);
      assertClose(g.W0, exact.W0.map((row) => row.map((x) => 0.75 * x)), 1e-15, `${method}.W0`);
    }
    assert.equal(r.check.numeric_vs_autodiff.ok, false);
    assert.match(r.check.numeric_vs_autodiff.note, /textbook/);
  });

  test('f32: l close to 7.78e-20 and gradients close to exact', () => {
    const r = evalOk(withOptions({ precision: 'f32' }));
    assertRelClose(r.forward.l, s0, 1e-6, 'l');
    for (const p of ['W1', 'W0', 'input']) assertClose(r.grad.autodiff[p], exact[p], 1e-6, `autodiff.${p}`);
    assert.equal(r.check.manual_vs_autodiff.ok, true);
    assert.equal(r.check.numeric_vs_autodiff.ok, true);
  });

  test('mse head: l = ((−33)² + (11 − 1)²)/2 and ∇W1 = 2(O − y)/n · Lᵀ', () => {
    const r = evalOk(withOptions({ head: 'mse' }));
    assert.equal(r.forward.l, 594.5);
    assertClose(r.grad.autodiff.W1, [[-66, -429], [20, 130]], 1e-15, 'autodiff.W1');
    assertClose(r.grad.manual.W1, [[-66, -429], [20, 130]], 1e-15, 'manual.W1');
    assert.equal(r.check.numeric_vs_autodiff.ok, true);
  });

  test('a 3-layer network with biases names its hidden nodes h0, L0, h1, L1', () => {
    const r = evalOk({
      input: [4, 1, 0.5],
      label: [0.25, 0.75],
      W0: [[1, -2, 0.5], [2, 5, -1], [0.5, 0.5, 0.5]], b0: [0.1, -0.2, 0.3],
      W1: [[0.3, -0.3, 0.1], [-0.1, 0.1, 0.2]], b1: [0, 0.5],
      W2: [[1, -1], [0.5, 0.25]], b2: [0.1, 0.1],
      activation: 'tanh',
    });
    for (const name of ['h0', 'L0', 'h1', 'L1', 'O', 's', 'l']) assert.ok(name in r.forward, `forward.${name}`);
    assert.ok(!('h' in r.forward) && !('L' in r.forward), 'no exercise names in a deeper network');
    assert.equal(r.forward.h0.length, 3);
    assert.equal(r.forward.L1.length, 2);
    const leaves = ['W0', 'b0', 'W1', 'b1', 'W2', 'b2', 'input'];
    for (const method of ['autodiff', 'manual', 'numeric']) assert.deepEqual(Object.keys(r.grad[method]), leaves);
    for (let i = 0; i < 3; ++i) assertRelClose(r.forward.L0[i], Math.tanh(r.forward.h0[i]), 1e-15, `L0[${i}]`);
    assert.ok(!Array.isArray(r.grad.autodiff.b0[0]), 'biases are flat vectors');
    assert.ok(r.jacobians.some((j) => j.of === 'h0' && j.wrt === 'b0'), 'a Jacobian with respect to b0');
    assert.equal(r.check.manual_vs_autodiff.ok, true);
    assert.equal(r.check.numeric_vs_autodiff.ok, true);
  });

  test('a 1-layer network (W0 only) works: O = W0·I, l = log1p(e^−11)', () => {
    const r = evalOk({ input: [4, 1], label: [0, 1], W0: [[1, -2], [2, 5]] });
    assert.deepEqual(Object.keys(r.forward), ['O', 's', 'l']);
    assert.deepEqual(r.forward.O, [2, 13]);
    assertRelClose(r.forward.l, Math.log1p(Math.exp(-11)), 1e-14, 'l');
    const t0 = 1 / (1 + Math.exp(11));  // s0 of this network
    assertClose(r.grad.autodiff.W0, [[4 * t0, t0], [-4 * t0, -t0]], 1e-14, 'autodiff.W0');
    assert.deepEqual(Object.keys(r.grad.autodiff), ['W0', 'input']);
    assert.equal(r.check.manual_vs_autodiff.ok, true);
    assert.equal(r.check.numeric_vs_autodiff.ok, true);
  });
});

// [SECTION] --format table

describe('--format table', () => {
  test('prints the sections with readable numbers', () => {
    const r = run(['eval', '--format', 'table'], JSON.stringify(exercise));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    for (const heading of ['Forward values', 'Local Jacobians', 'Gradients', 'Agreement'])
      assert.match(r.stdout, new RegExp(`^${heading}`, 'm'), heading);
    assert.match(r.stdout, /7\.78113e-20/);
    assert.match(r.stdout, /1\.24498e-18/);
    assert.doesNotMatch(r.stdout, /0\.000/, 'tiny numbers are never printed as 0.000');
    assert.doesNotMatch(r.stdout, /^\s*[{[]\s*"/, 'not JSON');
  });

  test('the option may come before the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backprop-cli-'));
    try {
      const path = join(dir, 'exercise.json');
      writeFileSync(path, JSON.stringify(exercise));
      const a = run(['eval', '--format', 'table', path]);
      const b = run(['eval', path, '--format', 'table']);
      assert.equal(a.status, 0, a.stderr);
      assert.equal(a.stdout, b.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--format json is the default', () => {
    assert.equal(run(['eval', '--format', 'json'], JSON.stringify(exercise)).stdout,
      run(['eval'], JSON.stringify(exercise)).stdout);
  });
});

// [SECTION] bad input: exit 2, nothing on stdout, one line `error: <field>: <reason>`

const base = JSON.stringify(exercise).slice(0, -1);  // the exercise without its closing brace
const without = (key) => { const s = { ...exercise }; delete s[key]; return s; };
const wide = (n) => Array.from({ length: n }, (_, i) => ((i % 7) - 3) / 4);

describe('bad input', () => {
  const cases = [
    // [name, stdin text or state object, expected field, reason pattern, options]
    ['invalid JSON', '{"input": [4, 1],', 'stdin', /invalid JSON/],
    ['trailing garbage after the object', `${JSON.stringify(exercise)} {}`, 'stdin', /invalid JSON/],
    ['empty input', '', 'stdin', /empty/],
    ['whitespace only', ' \n\t ', 'stdin', /empty/],
    ['not an object', '[1, 2]', 'stdin', /object/],
    ['missing input', without('input'), 'input', /missing/],
    ['missing label', without('label'), 'label', /missing/],
    ['missing W0', { input: [4, 1], label: [0, 1] }, 'W0', /missing/],
    ['missing W0 with W1 given', { input: [4, 1], label: [0, 1], W1: [[3, -3], [-1, 1]] }, 'W0', /missing/],
    ['unknown key (typo)', `${base}, "actvation": "relu"}`, 'actvation', /unknown key.*"activation"/],
    ['unknown key W00', `${base}, "W00": [[1]]}`, 'W00', /unknown key/],
    ['W1 columns disagree with L', withOptions({ W1: [[3, -3, 1], [-1, 1, 1]] }), 'W1', /3 columns.*L has 2/],
    ['bias length disagrees with rows', withOptions({ b0: [1, 2, 3] }), 'b0', /3 entries.*2 rows/],
    ['label length disagrees with O', withOptions({ label: [0, 0, 1] }), 'label', /3 entries.*O has 2/],
    ['ragged matrix', withOptions({ W0: [[1, -2], [2]] }), 'W0[1]', /1 entr.*row 0 has 2/],
    ['row that is not an array', withOptions({ W0: [[1, -2], 5] }), 'W0[1]', /row/],
    ['non-number', withOptions({ W0: [[1, 'a'], [2, 5]] }), 'W0[0][1]', /number.*string/],
    ['null in a vector', withOptions({ input: [4, null] }), 'input[1]', /number.*null/],
    ['overflowing value 1e400', `${base.replace('"W0":[[1,', '"W0":[[1e400,')}}`, 'W0[0][0]', /overflow/],
    ['overflowing value -1e400', `${base.replace('"W0":[[1,', '"W0":[[-1e400,')}}`, 'W0[0][0]', /overflow/],
    ['overflowing value in the input', '{"input": [4, 1e400], "label": [0, 1], "W0": [[1, -2], [2, 5]]}', 'input[1]',
      /overflow/],
    ['overflowing integer literal (400 digits)', `${base.replace('"W0":[[1,', `"W0":[[1${'0'.repeat(400)},`)}}`,
      'W0[0][0]', /overflow/],
    ['NaN token', `${base.replace('"W0":[[1,', '"W0":[[NaN,')}}`, 'stdin', /invalid JSON/],
    ['Infinity token', `${base.replace('"W0":[[1,', '"W0":[[Infinity,')}}`, 'stdin', /invalid JSON/],
    ['-Infinity token', `${base.replace('"W0":[[1,', '"W0":[[-Infinity,')}}`, 'stdin', /invalid JSON/],
    ['empty input array', withOptions({ input: [] }), 'input', /empty/],
    ['empty label array', withOptions({ label: [] }), 'label', /empty/],
    ['empty matrix', withOptions({ W0: [] }), 'W0', /empty/],
    ['matrix of empty rows', withOptions({ W0: [[], []] }), 'W0[0]', /empty/],
    ['label of the wrong length (short)', withOptions({ label: [1] }), 'label', /1 entr/],
    ['negative label', withOptions({ label: [-0.5, 1.5] }), 'label[0]', /-0\.5/],
    ['label not summing to 1', withOptions({ label: [0.5, 0.6] }), 'label', /sums to 1\.1/],
    ['unknown activation', withOptions({ activation: 'rellu' }), 'activation', /"rellu".*relu/],
    ['unknown head', withOptions({ head: 'softmax' }), 'head', /"softmax"/],
    ['unknown loss_form', withOptions({ loss_form: 'exact' }), 'loss_form', /"exact"/],
    ['unknown softmax_backward', withOptions({ softmax_backward: 'pytorch' }), 'softmax_backward', /"pytorch"/],
    ['unknown precision', withOptions({ precision: 'f16' }), 'precision', /"f16"/],
    ['option that is not a string', withOptions({ precision: 32 }), 'precision', /string/],
    ['more than 8 layers (W8)', withOptions({ W8: [[1]] }), 'W8', /at most 8/],
    ['a bias of a ninth layer (b8)', withOptions({ b8: [1] }), 'b8', /at most 8/],
    ['a gap in the layers', withOptions({ W3: [[1, 1]] }), 'W2', /missing/],
    ['width over 256 (257-wide input)', withOptions({ input: wide(257), W0: [wide(257), wide(257)] }), 'input',
      /more than 256 entries/],
    ['width over 256 (257-wide hidden layer)', withOptions({ W0: Array(257).fill([1, 1]) }), 'W0', /more than 256 entries/],
    ['f32 value above float max', withOptions({ W0: [[1e39, -2], [2, 5]], precision: 'f32' }), 'W0[0][0]',
      /float32/],
    ['an escaped newline in a string stays on one line', withOptions({ activation: 're\nlu' }), 'activation',
      /unknown value/],
  ];
  for (const [name, state, field, reason, options = {}] of cases)
    test(`${name} → error: ${field}: …`, options, () => evalError(state, field, reason));

  test('a nine-layer chain of valid shapes → error: W8: …', () => {
    const state = { input: [1, 1], label: [0, 1] };
    for (let k = 0; k < 9; ++k) state[`W${k}`] = [[1, 0], [0, 1]];
    evalError(state, 'W8', /at most 8/);
  });

  test('nonexistent file → error: <path>: …', () => {
    const path = join(tmpdir(), 'backprop-cli-does-not-exist', 'state.json');
    assertInputError(run(['eval', path]), path, /cannot be read/);
  });

  test('invalid JSON in a file names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backprop-cli-'));
    try {
      const path = join(dir, 'bad.json');
      writeFileSync(path, '{"input": [4, 1],');
      assertInputError(run(['eval', path]), path, /invalid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('unknown command → error: command: …', () => {
    assertInputError(run(['frobnicate']), 'command', /unknown command "frobnicate"/);
  });

  test('unknown --format value → error: --format: …', () => {
    assertInputError(run(['eval', '--format', 'xml'], JSON.stringify(exercise)), '--format', /"xml"/);
  });

  test('--format without a value → error: --format: …', () => {
    assertInputError(run(['eval', '--format'], JSON.stringify(exercise)), '--format', /value/);
  });

  test('unknown option → error: <option>: …', () => {
    assertInputError(run(['eval', '--bogus'], JSON.stringify(exercise)), '--bogus', /unknown option/);
  });
});

// [SECTION] never a crash, never a hang

describe('hostile input', () => {
  test('1 MB of garbage bytes', () => {
    let x = 0x2545f491;  // xorshift32: the same bytes on every run
    const bytes = Buffer.alloc(1 << 20);
    for (let i = 0; i < bytes.length; ++i) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      bytes[i] = x & 0xff;
    }
    assertInputError(run(['eval'], bytes), 'stdin', /invalid JSON/);
  });

  test('1 MB of garbage inside a valid-looking object: refused at the 257th entry', () => {
    assertInputError(run(['eval'], `{"input": [${'1,'.repeat(1 << 19)}`), 'input', /more than 256 entries/);
  });

  test('100000 unclosed [', () => {
    assertInputError(run(['eval'], '['.repeat(100000)), 'stdin', /invalid JSON/);
  });

  // hostile input only has to fail cleanly: any field the parser settles on is fine
  test('100000 nested arrays, closed', () => {
    assertInputError(run(['eval'], '['.repeat(100000) + ']'.repeat(100000)), 'stdin');
  });

  test('100000 nested arrays as a matrix entry, then more keys', () => {
    const nested = '['.repeat(100000) + ']'.repeat(100000);
    assertInputError(run(['eval'], `${base.replace('"W0":[[1,', `"W0":[[${nested},`)}}`), /stdin|W0\[0\]\[0\]/);
  });

  test('100000 nested arrays as the first of two keys', () => {
    assertInputError(run(['eval'], `{"a": ${'['.repeat(100000)}${']'.repeat(100000)}, "b": 1}`), /stdin|a|b/);
  });

  test('100000 nested objects', () => {
    assertInputError(run(['eval'], '{"a":'.repeat(100000) + '1' + '}'.repeat(100000)), /stdin|a/);
  });
});

// [SECTION] the largest network allowed still answers

describe('size limits', () => {
  test('8 layers × 256 wide evaluates; numeric check sampled, manual chain skipped', (t) => {
    let x = 12345;  // small LCG: reproducible weights in (−1/16, 1/16)
    const rand = () => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x / 2 ** 32 - 0.5) / 8; };
    const row = () => Array.from({ length: 256 }, rand);
    const state = { input: Array.from({ length: 256 }, () => rand() * 16), label: [0, 1] };
    for (let k = 0; k < 8; ++k) state[`W${k}`] = Array.from({ length: k === 7 ? 2 : 256 }, row);
    const text = JSON.stringify(state);

    const start = process.hrtime.bigint();
    const r = evalOk(text);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    t.diagnostic(`eval of 8 layers × 256 (${(text.length / 1e6).toFixed(1)} MB of JSON in): ${ms.toFixed(0)} ms wall`);

    const c = r.check.numeric_vs_autodiff;
    assert.equal(c.total, 7 * 256 * 256 + 2 * 256 + 256);
    assert.ok(c.checked > 0 && c.checked < c.total, `checked ${c.checked} of ${c.total}`);
    assert.match(c.note, /sample/);
    assert.equal(r.grad.manual, null);
    assert.equal(r.grad.manual_flat, null);
    assert.equal(typeof r.manual_skipped, 'string');
    assert.match(r.manual_skipped, /64/);
    assert.equal(r.check.manual_vs_autodiff.ok, null);
    assert.deepEqual(Object.keys(r.grad.autodiff), ['W0', 'W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'input']);
    assert.ok(r.grad.autodiff.W0.flat().every(Number.isFinite), 'finite gradients');
    for (const k of [0, 1, 2, 3, 4, 5, 6]) assert.equal(r.forward[`L${k}`].length, 256);
  });
});

// [SECTION] hardening: each defect class found by adversarial use and fuzzing, end to end

describe('hardening', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-cli-'));
  test('write-error class: eval/exercise/check into /dev/full exit 2 with an error line', () => {
    const file = join(dir, 'exercise.json');
    writeFileSync(file, JSON.stringify(exercise));
    const sheet = join(dir, 'sheet.json');
    writeFileSync(sheet, JSON.stringify({ state: exercise, answers: { h: '[2, 13]' } }));
    for (const args of [['eval', file], ['exercise'], ['check', sheet], ['key', file], ['--help']]) {
      const r = spawnSync('sh', ['-c', `"$0" "$@" > /dev/full`, CLI, ...args], { encoding: 'utf8', timeout: kTimeoutMs });
      assert.equal(r.status, kInvalidInput, `${args.join(' ')}: exit ${r.status}, stderr ${r.stderr}`);
      assert.match(r.stderr, /^error: stdout: cannot write the output \(No space left on device\)\n$/);
    }
  });

  test('write-error class: a closed pipe gives an error line and a non-zero status, not a silent death', () => {
    const file = join(dir, 'big.json');
    const big = { input: Array(64).fill(1), label: [0, 1], W0: Array(64).fill(Array(64).fill(0.01)), W1: Array(2).fill(Array(64).fill(0.01)) };
    writeFileSync(file, JSON.stringify(big));
    // `true` exits at once: the CLI's output (≫ the pipe buffer) meets a closed pipe
    const s = spawnSync('bash', ['-c', `"$0" eval "$1" | true; echo "status \${PIPESTATUS[0]}"`, CLI, file], { encoding: 'utf8', timeout: kTimeoutMs });
    assert.match(s.stdout, /^status 2\n$/, `stderr: ${s.stderr}`);
    assert.match(s.stderr, /^error: stdout: cannot write the output \(Broken pipe\)\n$/);
  });

  test('silently-accepted class: exercise --bogus and exercise x are errors', () => {
    assertInputError(run(['exercise', '--bogus']), '--bogus', /unknown option/);
    assertInputError(run(['exercise', 'x']), 'x', /unexpected argument/);
  });

  test('raw-bytes class: a newline or invalid UTF-8 in a command stays one escaped line', () => {
    assertInputError(run(['ev\nal']), 'command', /"ev\\nal"/);
    const r = spawnSync(CLI, [Buffer.from([0x65, 0xff, 0x0a]).toString('latin1')], { encoding: 'buffer', timeout: kTimeoutMs });
    assert.equal(r.status, kInvalidInput);
    const text = r.stderr.toString('utf8');
    assert.ok(!text.includes('\ufffd'), 'valid UTF-8');
    assert.equal(text.split('\n').length, 2, 'one line');
  });

  test('unbounded-echo class: a huge option value gives a bounded error line', () => {
    // Linux caps one argument at 128 KiB (MAX_ARG_STRLEN); the engine's unit tests cut 50 MB
    const r = spawnSync(CLI, ['check', '-', '--tolerance', 'x'.repeat(120000)], { encoding: 'utf8', timeout: kTimeoutMs });
    assert.equal(r.status, kInvalidInput);
    assert.ok(r.stderr.length < 1000, `stderr is ${r.stderr.length} bytes`);
    assert.match(r.stderr, /^error: --tolerance: expected a number between 0 and 1 \(exclusive\), got "x+…\n$/);
  });

  test('input-size class: more than 32 MiB on stdin is refused without reading on', () => {
    assertInputError(run(['eval'], ' '.repeat(32 * 1024 * 1024 + 1)), 'stdin', /larger than 32 MiB, the input size limit/);
  });

  test('NUL-byte class: text after a NUL is refused, not ignored', () => {
    assertInputError(run(['eval'], JSON.stringify(exercise) + '\0garbage'), 'stdin', /NUL byte at byte \d+/);
  });

  test('allocation class: a ragged matrix of 500 KB exits 2 in eval, check and key', () => {
    const state = `{"input": [1, 2], "label": [0, 1], "W0": [[${'0,'.repeat(99999)}0]${',[]'.repeat(100000)}]}`;
    assertInputError(run(['eval'], state), 'W0[0]', /more than 256 entries/);
    assertInputError(run(['key'], state), 'W0[0]', /more than 256 entries/);
    assertInputError(run(['check'], `{"state": ${state}, "answers": {}}`), 'state.W0[0]', /more than 4096 entries/);
  });

  test('linear-time class: 10× the keys take at most 12× the time', () => {
    const sheet = (n) => JSON.stringify({ state: exercise, answers: Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, '1'])) });
    // the median of several runs of each size, so that a busy machine does not decide the ratio;
    // both sizes are far past the key limit, so this measures reading up to it and stopping
    const time = (text) => {
      const runs = [];
      for (let i = 0; i < 5; ++i) {
        const start = process.hrtime.bigint();
        const r = run(['check'], text);
        runs.push(Number(process.hrtime.bigint() - start));
        assert.equal(r.status, kInvalidInput);
      }
      return runs.sort((a, b) => a - b)[2];
    };
    // a document read to its end before it is refused (an unknown key after a long string value)
    const padded = (n) => `{"input": [1], "label": [1], "W0": [[1]], "pad": "${'x'.repeat(n)}"}`;
    const small = time(padded(1 << 20)), large = time(padded(10 << 20));
    assert.ok(large <= 12 * small, `10× the input took ${(large / small).toFixed(1)}× the time`);
    // keys: reading stops at the 4097th key of an object, so 10× the keys cost no more
    const k1 = time(sheet(10000)), k10 = time(sheet(100000));
    assert.ok(k10 <= 12 * k1, `10× the keys took ${(k10 / k1).toFixed(1)}× the time`);
  });

  test('float32-range class: 3.403e38 is float32\'s largest value', () => {
    const r = evalOk(withOptions({ input: [3.403e38, 1], W0: [[1e-38, 0], [0, 1e-38]], precision: 'f32' }));
    assert.ok(Math.abs(r.forward.h[0] - 3.4028234663852886) < 1e-6);
    evalError(withOptions({ input: [3.41e38, 1], precision: 'f32' }), 'input[0]', /overflows float32/);
  });
});

describe('backprop-cli link', () => {
  test('a state and a sheet give a link under the base address; a sheet\'s answers travel with it', () => {
    const state = JSON.stringify(exercise);
    const plain = run(['link', '-'], state);
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /^http:\/\/localhost:8000\/#1\.[A-Za-z0-9_-]+\n$/);
    assert.ok(plain.stdout.length < 100, `the exercise's link is short: ${plain.stdout.length}`);
    const based = run(['link', '--base', 'https://example.org/lab/?lang=en#old'], state);
    assert.equal(based.stdout, plain.stdout.replace('http://localhost:8000/', 'https://example.org/lab/?lang=en'));
    const sheet = run(['link', '-'], JSON.stringify({ state: exercise, answers: { h: '[2, 13]' } }));
    assert.equal(sheet.status, 0, sheet.stderr);
    assert.ok(sheet.stdout.length > plain.stdout.length, 'the answers are in the link');
  });

  test('bad input and options follow the eval contract', () => {
    assertInputError(run(['link', '-'], 'garbage'), 'stdin', /invalid JSON/);
    assertInputError(run(['link', '-'], JSON.stringify({ ...exercise, label: [0.5, 0.7] })), 'label', /sums to 1.2/);
    assertInputError(run(['link', '--base'], '{}'), '--base', /needs a value/);
    assertInputError(run(['link', '--base', 'has space'], '{}'), '--base', /not an address/);
    assertInputError(run(['link', '--frobnicate'], '{}'), '--frobnicate', /unknown option/);
  });
});
