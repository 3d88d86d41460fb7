// grade and report end to end: sheets in a folder and in a zip archive (written here with Node's
// zlib, independently of the reader), a missing file and an unreadable sheet; exit statuses; the
// report's HTML numbers equal the gradebook's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';

const CLI = process.env.BACKPROP_CLI;
const run = (...args) => spawnSync(CLI, args, { encoding: 'utf8' });
const work = mkdtempSync(join(tmpdir(), 'grade-'));
const course = 'secret';

// CRC-32 (zlib.crc32 exists from Node 20.15 / 22.2 only)
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => zlibCrc32 ? zlibCrc32(buf) : (buf.reduce((c, b) => crcTable[(c ^ b) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

function zip(files) {  // [{name, data}] → a zip archive, every entry deflated
  const locals = [], centrals = [];
  let offset = 0;
  for (const { name, data } of files) {
    const raw = Buffer.from(data), packed = deflateRawSync(raw), n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(raw), 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(raw.length, 22);
    head.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(crc32(raw), 16); central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24); central.writeUInt16LE(n.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(head, n, packed);
    centrals.push(central, n);
    offset += head.length + n.length + packed.length;
  }
  const dir = Buffer.concat(centrals), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

// a sheet: the student's own exercise with h answered (right, or off by one)
function sheet(id, { wrongH = false, state } = {}) {
  const s = state ?? JSON.parse(execFileSync(CLI, ['variant', '--student', id, '--course', course], { encoding: 'utf8' }));
  const h = JSON.parse(execFileSync(CLI, ['eval', '-'], { input: JSON.stringify(s), encoding: 'utf8' })).forward.h;
  return JSON.stringify({ student: id, state: s, answers: { h: wrongH ? h.map((x) => x + 1) : h } });
}

const folder = join(work, 'class');
mkdirSync(folder);
writeFileSync(join(folder, '1001.json'), sheet('1001'));
writeFileSync(join(folder, '1002.json'), sheet('1002', { wrongH: true }));
writeFileSync(join(folder, 'broken.json'), '{"state": ');
const archive = join(work, 'late.zip');
writeFileSync(archive, zip([{ name: 'late/1003.json', data: sheet('1003') },
                            { name: 'late/1004.json', data: sheet('1004', { state: JSON.parse(sheet('1003')).state }) }]));

test('grade: folder, zip and a missing file, one row each; exit 1 as not all could be read', () => {
  const r = run('grade', folder, archive, join(work, 'absent.json'), '--course', course);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, '');
  const lines = r.stdout.trim().split('\r\n');
  assert.match(lines[0], /^student,source,status,score,max_score,first_wrong,state,copies,error,h,/);
  const rows = Object.fromEntries(lines.slice(1).map((l) => [l.split(',')[1], l.split(',')]));
  assert.deepEqual(rows[join(folder, '1001.json')].slice(2, 7), ['graded', '1', '27', '', 'ok']);
  assert.deepEqual(rows[join(folder, '1002.json')].slice(2, 7), ['graded', '0', '27', 'h', 'ok']);
  assert.equal(rows[join(folder, 'broken.json')][2], 'unreadable');
  assert.equal(rows[`${archive}:late/1003.json`][2], 'graded');
  assert.equal(rows[`${archive}:late/1004.json`][6], 'copied_exercise:1003');
  assert.equal(rows[join(work, 'absent.json')][2], 'missing');
  assert.equal(lines.length, 1 + 6);
});

test('grade: every sheet readable → exit 0; JSON format; a bad points file → exit 2', () => {
  const r = run('grade', join(folder, '1001.json'), archive, '--course', course, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const book = JSON.parse(r.stdout);
  assert.equal(book.sheets, 3);
  assert.equal(book.rows[0].cells.h.verdict, 'ok');
  writeFileSync(join(work, 'points.json'), '{"forward": 5, "consistent": 0.25}');
  const p = JSON.parse(run('grade', join(folder, '1001.json'), '--course', course, '--points', join(work, 'points.json'),
                           '--format', 'json').stdout);
  assert.equal(p.rows[0].score, 5);
  writeFileSync(join(work, 'bad-points.json'), '{"forward": "five"}');
  const bad = run('grade', folder, '--points', join(work, 'bad-points.json'));
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /^error: points\.forward: expected a number from 0 to 1000, got "five"\n$/);
  assert.match(run('grade').stderr, /^error: SHEETS: give the answer sheets to grade/);
  const wrongKey = run('grade', folder, '--course', 'not the key', '--format', 'json');
  assert.ok(JSON.parse(wrongKey.stdout).rows.filter((x) => x.status === 'graded').every((x) => x.state === 'edited'));
});

test('report: self-contained HTML whose numbers are the gradebook\'s, and Markdown', () => {
  const book = JSON.parse(run('grade', folder, archive, '--course', course, '--format', 'json').stdout);
  const r = run('report', folder, archive, '--course', course, '--format', 'html');
  assert.equal(r.status, 1);
  const html = r.stdout;
  assert.match(html, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html, /<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  assert.equal((html.match(/<svg /g) || []).length, 2);
  const n = (name, within = html) => Number(within.match(new RegExp(`data-n="${name}">([^<]+)<`))[1]);
  assert.equal(n('sheets'), book.sheets);
  assert.equal(n('graded'), book.graded);
  assert.equal(n('unreadable'), book.rows.filter((x) => x.status === 'unreadable').length);
  assert.equal(n('copied_exercise'), book.rows.filter((x) => x.state === 'copied_exercise').length);
  const hRow = html.match(/<tr data-cell="h">.*?<\/tr>/)[0];
  const graded = book.rows.filter((x) => x.status === 'graded');
  assert.equal(n('ok', hRow), graded.filter((x) => x.cells.h.verdict === 'ok').length);
  assert.equal(n('answered', hRow), graded.filter((x) => !['empty', 'unreadable'].includes(x.cells.h.verdict)).length);
  assert.equal(n('first_wrong', hRow), graded.filter((x) => x.first_wrong === 'h').length);
  const pct = graded.map((x) => 100 * x.score / x.max_score);
  assert.equal(n('bin0'), pct.filter((p) => p < 10).length);
  const md = run('report', folder, '--course', course, '--format', 'markdown').stdout;
  assert.match(md, /^# Backprop exercise: class report\n/);
  assert.match(md, /\| `h` \| h \| 2 \| 1 \| 0 \| 50 % unknown \(1\) \|/);
});
