// Numbers at the edges of the floating-point range are the same natively and in wasm: every state
// of tests/fixtures/edge_states.json (logit gaps 30…800 in f64 and f32, both loss forms,
// denormals, underflow to 0, overflow to inf) through the native CLI and the wasm CLI under Node,
// compared as the browser test compares the app with the CLI; and every non-finite number of an
// output is named in its `warnings`.
//   BACKPROP_CLI=build/native/backprop-cli BACKPROP_CLI_WASM=build/wasm/backprop-cli.js node --test tests/cli/edges.test.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSameResult } from './same_result.mjs';

const CLI = process.env.BACKPROP_CLI;
const WASM = process.env.BACKPROP_CLI_WASM;
if (!CLI || !WASM) throw new Error('set BACKPROP_CLI (native) and BACKPROP_CLI_WASM (backprop-cli.js)');
const cases = JSON.parse(readFileSync(new URL('../fixtures/edge_states.json', import.meta.url), 'utf8')).cases;

function evalWith(command, args, state) {
  const r = spawnSync(command, [...args, 'eval', '-'], { input: JSON.stringify(state), encoding: 'utf8', timeout: 60000 });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// the names of the matrices holding a null (a non-finite number) in one block of the output
function nonFinite(block, prefix = '') {
  const hasNull = (v) => v === null || (Array.isArray(v) && v.some(hasNull));
  return Object.entries(block || {}).filter(([, v]) => hasNull(v)).map(([k]) => prefix + k);
}

for (const { name, state } of cases) {
  test(name, () => {
    const native = evalWith(CLI, [], state);
    const wasm = evalWith('node', ['--no-experimental-fetch', WASM], state);
    assertSameResult(wasm, native, name);
    const report = JSON.parse(native);
    const named = (n) => report.warnings.some((w) => w.startsWith(n + ' '));
    for (const n of nonFinite(report.forward)) assert.ok(named(n), `${n} is not finite and not in warnings`);
    for (const n of nonFinite(report.grad.autodiff, '∇')) assert.ok(named(n), `${n} (autodiff) is not finite and not in warnings`);
    for (const n of nonFinite(report.grad.manual, '∇')) assert.ok(named(n), `${n} (manual) is not finite and not in warnings`);
    for (const check of Object.values(report.check)) {
      if (!check.ok) assert.match(check.note, /Disagreement: .*(inaccurate|neither is accurate|no method is accurate)/, `${name}: a FAIL names the inaccurate method`);
    }
  });
}
