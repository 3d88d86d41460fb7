// --lang: what coursework says to a person in Korean (check's messages and table, key's handouts,
// the error reasons), the contract unchanged: JSON keys, mistake codes, fields and exit statuses
// stay English, and without --lang (or with --lang en) the output is the English one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const CLI = process.env.BACKPROP_CLI;
if (!CLI) throw new Error('set BACKPROP_CLI to the backprop-cli binary');

const run = (args, input = '') => spawnSync(CLI, args, { input, encoding: 'utf8', timeout: 20000 });
const hangul = /[\uAC00-\uD7A3]/;
const exercise = run(['exercise']).stdout;
// ∇_L O = W1ᵀ (the exercise's hint), ∇_s l without the label, a right h
const sheet = `{"state": ${exercise}, "answers": {"h": "[2, 13]", "J:O/L": [[3, -1], [-3, 1]], "J:l/s": "[-1.2852e19, -1]"}}`;

test('check --lang ko: Korean messages, the same verdicts and codes', () => {
  const en = run(['check'], sheet), ko = run(['check', '--lang', 'ko'], sheet);
  assert.equal(en.status, 1);
  assert.equal(ko.status, 1);
  assert.equal(run(['check', '--lang', 'en'], sheet).stdout, en.stdout);
  const e = JSON.parse(en.stdout), k = JSON.parse(ko.stdout);
  assert.deepEqual(Object.keys(k.verdicts), Object.keys(e.verdicts));
  assert.equal(k.first_wrong, e.first_wrong);
  for (const key of Object.keys(e.verdicts)) {
    const { message: em, ...ecode } = e.verdicts[key];
    const { message: km, ...kcode } = k.verdicts[key];
    assert.deepEqual(kcode, ecode, `${key}: ok, mistake, factor, consistent_with as in English`);
    assert.doesNotMatch(em, hangul);
    assert.match(km, hangul, `${key}: ${km}`);
  }
  assert.equal(k.verdicts['J:O/L'].mistake, 'transposed');
  assert.match(k.verdicts['J:O/L'].message, /^전치되었습니다/);
  assert.equal(k.verdicts.h.message, '맞았습니다.');
});

test('check --lang ko --format table: Korean headings and messages, codes as in English', () => {
  const ko = run(['check', '-', '--format', 'table', '--lang', 'ko'], sheet);
  assert.equal(ko.status, 1);
  const lines = ko.stdout.split('\n');
  assert.match(lines[0], /^칸 +판정 +설명$/);
  assert.ok(lines.some((l) => /^J:O\/L +transposed +전치되었습니다/.test(l)), ko.stdout);
  assert.ok(ko.stdout.includes('처음 틀린 칸: J:l/s'), ko.stdout);
  const en = run(['check', '--format', 'table'], sheet);
  assert.match(en.stdout.split('\n')[0], /^cell +verdict +message$/);
});

test('key --lang ko: the Korean handout; --lang en and no --lang the English one', () => {
  const en = run(['key', '-'], exercise).stdout;
  assert.equal(run(['key', '-', '--lang', 'en'], exercise).stdout, en);
  const ko = run(['key', '-', '--lang', 'ko', '--blank', '--format', 'latex'], exercise);
  assert.equal(ko.status, 0);
  assert.ok(ko.stdout.includes('\\usepackage{kotex}'));
  assert.ok(ko.stdout.includes('\\section*{역전파 연습: 답안지}'));
});

test('error reasons in Korean, the field in English; a bad --lang follows the contract', () => {
  const bad = `{"state": ${exercise}, "answers": {"hh": "1"}}`;
  const ko = run(['check', '--lang', 'ko'], bad);
  assert.equal(ko.status, 2);
  assert.match(ko.stderr, /^error: answers\.hh: 알 수 없는 키입니다\. 순전파 값은 h, L, O, s, l입니다 \(혹시 "h"인가요\?\)\n$/);
  for (const [args, reason] of [[['check', '--lang', 'fr'], 'unknown value "fr"; expected en or ko'],
                                [['key', '--lang', 'ko-KR'], 'unknown value "ko-KR"; expected en or ko'],
                                [['grade', 'x.json', '--lang', 'EN'], 'unknown value "EN"; expected en or ko']]) {
    const r = run(args, sheet);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `error: --lang: ${reason}\n`);
  }
  const missing = run(['check', '--lang']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^error: --lang: [^\n]+\n$/);
});

test('--lang ko applies to the options before it, and to JSON syntax errors', () => {
  const early = run(['key', '--student', ' s1', '--lang', 'ko']);
  assert.equal(early.status, 2);
  assert.match(early.stderr, /^error: --student: [^\n]*[\uAC00-\uD7A3][^\n]*\n$/, early.stderr);
  const broken = run(['check', '--lang', 'ko'], '{"state": {"input": [4, 1],\n "label" [0, 1]}}');
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /2번째 줄 10번째 글자: 키 "label" 뒤에 ':'이 와야 하는데 '\['이\(가\) 왔습니다/, broken.stderr);
  const english = run(['check'], '{"state": {"input": [4, 1],\n "label" [0, 1]}}');
  assert.match(english.stderr, /expected ':' after the key "label", got '\[' at line 2, column 10/, english.stderr);
});

test('report --lang ko: the class report in Korean, its numbers and cells as in English', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-ko-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.json'), sheet);
    fs.writeFileSync(path.join(dir, 'b.json'), `{"state": ${exercise}, "answers": {"h": "[2, 13]"}}`);
    const en = run(['report', dir, '--format', 'html']), ko = run(['report', dir, '--format', 'html', '--lang', 'ko']);
    assert.equal(ko.status, en.status);
    assert.doesNotMatch(en.stdout, hangul);
    assert.match(ko.stdout, /<html lang="ko">/);
    assert.match(ko.stdout, /<h1>역전파 연습: 반 전체 보고서<\/h1>/);
    assert.match(ko.stdout, /전치/, 'the mistake named in Korean');
    const numbers = (html) => [...html.matchAll(/data-(?:n|cell)="([^"]+)">?([^<]*)/g)].map((m) => m.slice(1).join('='));
    assert.deepEqual(numbers(ko.stdout), numbers(en.stdout), 'every number and cell where it was');
    const md = run(['report', dir, '--format', 'markdown', '--lang', 'ko']).stdout;
    assert.match(md, /^# 역전파 연습: 반 전체 보고서\n/);
    assert.match(md, /\| 칸 \| 값 \| 답함 \| 맞음 \|/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
