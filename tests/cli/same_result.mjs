// Comparing two `backprop-cli eval` outputs (native and wasm, the app and the CLI): numbers to
// 1e-12 relative to the largest entry of their vector or matrix, everything else exactly.
import assert from 'node:assert/strict';

export const REL = 1e-12;

// Equal JSON values; numbers to 1e-12 relative to the largest entry of the vector or matrix they
// are in (the engine's own agreement measure). Per entry would be too strict: the wasm build's
// libm and summation order differ from the native one in the last bit, and an entry that is the
// difference of larger terms (a gradient of 3e-9 from terms of order 1) magnifies that.
function magnitude(value) {
  if (typeof value === 'number') return Math.abs(value);
  if (Array.isArray(value)) return value.reduce((m, v) => Math.max(m, magnitude(v)), 0);
  return 0;
}

function isNumeric(value) {
  return typeof value === 'number' || (Array.isArray(value) && value.every(isNumeric));
}

export function assertClose(actual, expected, where = '$', scale = null) {
  if (scale === null && isNumeric(expected) && Array.isArray(expected)) {
    scale = Math.max(magnitude(expected), magnitude(actual));
  }
  if (typeof expected === 'number' && typeof actual === 'number') {
    const s = scale ?? Math.max(Math.abs(actual), Math.abs(expected));
    assert.ok(actual === expected || Math.abs(actual - expected) <= REL * s,
      `${where}: ${actual} vs ${expected} (difference ${Math.abs(actual - expected)}, scale ${s})`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${where}: array length`);
    expected.forEach((e, i) => assertClose(actual[i], e, `${where}[${i}]`, scale));
  } else if (expected && typeof expected === 'object') {
    assert.ok(actual && typeof actual === 'object', `${where}: not an object`);
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${where}: keys`);
    for (const k of Object.keys(expected)) assertClose(actual[k], expected[k], `${where}.${k}`);
  } else {
    assert.equal(actual, expected, where);
  }
}

// The web app's getResult() against the CLI's output for the same state. The agreement checks
// max_abs / max_rel measure rounding noise between two gradient methods, which is exactly what
// differs between builds: those two must only land on the same side of the tolerance (`ok`).
export function assertSameResult(appJson, cliJson, where) {
  const app = JSON.parse(appJson), cli = JSON.parse(cliJson);
  for (const result of [app, cli]) {
    for (const check of Object.values(result.check || {})) {
      // ok: every difference within the tolerance or under the method's noise floor
      if (check.ok) {
        assert.ok(check.max_rel <= check.tolerance || check.max_abs <= check.abs_floor,
          `${where}: ok with max_rel ${check.max_rel}, max_abs ${check.max_abs}, floor ${check.abs_floor}`);
      }
      delete check.max_abs;
      delete check.max_rel;
    }
  }
  assertClose(app, cli, where);
}

