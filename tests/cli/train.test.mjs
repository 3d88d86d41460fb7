// backprop-cli train, on the real binary: one JSON object {"losses", "state"} whose numbers
// round-trip, an SGD step that is exactly W − lr·∇W of `eval`, and the eval contract for bad options.
//   BACKPROP_CLI=build/native/backprop-cli node --test tests/cli/train.test.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

const CLI = process.env.BACKPROP_CLI;
if (!CLI) throw new Error('set BACKPROP_CLI to the backprop-cli binary');

function run(args, input = '') {
  const r = spawnSync(CLI, args, { input, timeout: 60000, killSignal: 'SIGKILL', encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error && r.error.code !== 'EPIPE') throw r.error;
  return r;
}

function trainOk(state, args) {
  const r = run(['train', '-', ...args], JSON.stringify(state));
  assert.equal(r.status, 0, `exit ${r.status}; stderr: ${r.stderr}`);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^\{.*\}\n$/s, 'one JSON object, one line');
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['losses', 'state']);
  return out;
}

function evalOk(state) {
  const r = run(['eval'], JSON.stringify(state));
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function trainError(args, field, reason, input = JSON.stringify(exercise)) {
  const r = run(['train', ...args], input);
  assert.equal(r.status, 2, `exit ${r.status}; stdout: ${r.stdout.slice(0, 200)}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.ok(lines[0].startsWith(`error: ${field}: `), `expected "error: ${field}: …", got ${lines[0]}`);
  if (reason) assert.match(lines[0], reason);
}

const exercise = JSON.parse(run(['exercise']).stdout);

// a small network with biases and a dataset, where one step visibly moves the weights
const withData = {
  ...exercise,
  W0: [[0.5, -0.25], [0.75, 0.5]], b0: [0.1, -0.2], W1: [[1, -1], [-0.5, 0.25]], b1: [0, 0.3], activation: 'tanh',
  dataset: [
    { input: [1, 2], label: [1, 0] }, { input: [-1, 0.5], label: [0, 1] }, { input: [3, -2], label: [1, 0] },
  ],
};

describe('backprop-cli train', () => {
  test('SGD: one step is exactly W − lr·∇W (eval\'s autodiff) for the single sample', () => {
    const state = { ...withData };
    delete state.dataset;
    const g = evalOk(state).grad.autodiff;
    const out = trainOk(state, ['--optimizer', 'sgd', '--lr', '0.25', '--steps', '1']);
    for (const k of ['W0', 'W1'])
      out.state[k].forEach((row, i) => row.forEach((w, j) => assert.equal(w, state[k][i][j] + -0.25 * g[k][i][j])));
    out.state.b0.forEach((b, i) => assert.equal(b, state.b0[i] + -0.25 * g.b0[i]));
    assert.deepEqual(out.state.input, state.input);  // I is not trained unless asked
    assert.equal(out.losses.length, 2);
    assert.equal(out.losses[0], evalOk(state).forward.l);
    assert.equal(out.losses[1], evalOk(out.state).forward.l);  // round-trips: the same double
  });

  test('every optimizer lowers the mean loss over a dataset, and the dataset comes back', () => {
    for (const args of [['--optimizer', 'sgd'], ['--optimizer', 'momentum', '--momentum', '0.5'],
                        ['--optimizer', 'momentum', '--nesterov'], ['--optimizer', 'adam', '--lr', '0.01'],
                        ['--optimizer', 'adam', '--lr', '0.01', '--betas', '0.8,0.99', '--eps', '1e-6', '--weight-decay', '0.01']]) {
      const out = trainOk(withData, [...args, '--steps', '20']);
      assert.equal(out.losses.length, 21, args.join(' '));
      assert.ok(out.losses[20] < out.losses[0], `${args.join(' ')}: ${out.losses[0]} → ${out.losses[20]}`);
      assert.deepEqual(out.state.dataset, withData.dataset);
    }
  });

  test('the exercise: the loss stays 7.8e-20 (readable, not 0) under SGD; Adam moves it', () => {
    const sgd = trainOk(exercise, ['--steps', '5']);
    assert.equal(sgd.losses[0], 7.781132241133797e-20);
    const adam = trainOk(exercise, ['--optimizer', 'adam', '--lr', '0.1', '--steps', '5']);
    assert.ok(adam.losses[5] < adam.losses[0]);
    assert.notDeepEqual(adam.state.W0, exercise.W0);
  });

  test('--train-input updates I; FILE may be a path; --steps 0 evaluates only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'train-'));
    try {
      const file = join(dir, 'state.json');
      const state = { ...withData };
      delete state.dataset;
      writeFileSync(file, JSON.stringify(state));
      const r = run(['train', file, '--train-input', '--steps', '3']);
      assert.equal(r.status, 0, r.stderr);
      assert.notDeepEqual(JSON.parse(r.stdout).state.input, state.input);
      const zero = trainOk(state, ['--steps', '0']);
      assert.equal(zero.losses.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad options and states follow the eval contract: exit 2, one error line naming the option', () => {
    trainError(['--optimizer', 'rmsprop'], '--optimizer', /unknown value "rmsprop"; expected sgd, momentum or adam/);
    trainError(['--lr'], '--lr', /needs a value/);
    trainError(['--lr', 'fast'], '--lr', /expected a number, got "fast"/);
    trainError(['--lr', '0'], '--lr', /must be a finite number > 0/);
    trainError(['--lr', 'inf'], '--lr');
    trainError(['--steps', '-3'], '--steps', /non-negative integer/);
    trainError(['--steps', '100001'], '--steps', /at most 100000/);
    trainError(['--momentum', '0.5'], '--momentum', /--optimizer momentum/);
    trainError(['--nesterov'], '--nesterov', /--optimizer momentum/);
    trainError(['--optimizer', 'momentum', '--momentum', '1.5'], '--momentum', /\[0, 1\)/);
    trainError(['--optimizer', 'momentum', '--momentum', '0', '--nesterov'], '--nesterov', /momentum > 0/);
    trainError(['--eps', '1e-8'], '--eps', /--optimizer adam/);
    trainError(['--optimizer', 'adam', '--betas', '0.9'], '--betas', /B1,B2/);
    trainError(['--optimizer', 'adam', '--betas', '0.9,1'], '--betas', /\[0, 1\)/);
    trainError(['--weight-decay', '-1'], '--weight-decay', /≥ 0/);
    trainError(['--bogus'], '--bogus', /unknown option/);
    trainError(['-', 'extra'], 'extra', /one FILE/);
    trainError(['--train-input'], '--train-input', /dataset/, JSON.stringify(withData));
    trainError([], 'dataset[0].input', /has 3 entries but I has 2/,
               JSON.stringify({ ...exercise, dataset: [{ input: [1, 2, 3], label: [0, 1] }] }));
    const diverged = run(['train', '--lr', '1e300', '--steps', '50'],
                         JSON.stringify({ ...withData, head: 'mse', activation: 'identity' }));
    assert.equal(diverged.status, 2);
    assert.match(diverged.stderr, /^error: [Wb]\d(\[\d+\])+: after step \d+: .*try a smaller lr\)\n$/);
  });
});
