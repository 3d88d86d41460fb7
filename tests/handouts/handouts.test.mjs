// The handouts as a course uses them: the Markdown key and blank sheet rendered by a CommonMark
// renderer (markdown-it) say what they mean — no stray emphasis, the notation intact, a block of
// writing space per cell — and the LaTeX documents compile with pdflatex and carry the student.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';

const CLI = process.env.BACKPROP_CLI;
const md = new MarkdownIt();
const work = mkdtempSync(join(tmpdir(), 'handouts-'));
const cli = (...args) => execFileSync(CLI, args, { encoding: 'utf8' });
const text = (html) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const count = (s, what) => s.split(what).length - 1;

// writes the document of `cli(...args)` to WORK/name.tex and compiles it: nonzero status fails the
// test with the log's end; nothing may stick out of the page. The PDF's text layer comes back.
function pdflatex(args, name) {
  const tex = join(work, `${name}.tex`);
  writeFileSync(tex, cli(...args));
  const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-output-directory', work, tex],
                        { encoding: 'utf8' });
  assert.equal(run.status, 0, `pdflatex ${args.join(' ')}:\n${run.stdout.slice(-2000)}`);
  assert.ok(existsSync(join(work, `${name}.pdf`)));
  assert.doesNotMatch(run.stdout, /Overfull \\hbox \((\d{3,}|[3-9]\d)\./, 'nothing sticks out of the page');
  return execFileSync('pdftotext', [join(work, `${name}.pdf`), '-'], { encoding: 'utf8' });
}

const exercise = join(work, 'exercise.json');
writeFileSync(exercise, cli('exercise'));

test('the key renders as tables with the notation intact and no emphasis', () => {
  const html = md.render(cli('key', exercise));
  assert.equal(count(html, '<em>'), 0, 'no italics from ∇_O … ∇_{W1}');
  assert.equal(count(html, '<strong>'), 0);
  assert.equal(count(html, '<table>'), 5, 'Given and the four sections');
  const t = text(html);
  for (const s of ['∇_{W1} O', '∇_O l · ∇_{W1} O', '∇_s l · ∇_O s', 'diag(1[h > 0])', 'diag(s) − s sᵀ',
                   '∂O_i/∂W1[i][j] = L_j', '[[2, 13, 0, 0], [0, 0, 2, 13]]', '7.78113e-20'])
    assert.ok(t.includes(s), `"${s}" survives rendering`);
});

test('the blank sheet: name and ID fields, writing space per cell, the JSON to fill in', () => {
  const markdown = cli('key', '--student', '20240001', '--course', 'k', '--blank');
  const html = md.render(markdown);
  assert.equal(count(html, '<em>'), 0);
  assert.ok(html.startsWith('<h1>Backprop exercise, student 20240001: answer sheet</h1>'));
  assert.ok(html.includes('<strong>Name:</strong> ________________________ <strong>Student ID:</strong> 20240001'));
  const blocks = html.match(/<pre><code class="language-text">[^<]*<\/code><\/pre>/g);
  const cells = markdown.match(/^\*\*`[^`]+`\*\* — /gm);
  assert.ok(cells.length >= 20);
  assert.ok(blocks.length >= cells.length, 'a block of writing space for each cell (and each flat row)');
  assert.ok(blocks.some((b) => b.includes('[[            ,            ,            ,            ],\n [')));
  assert.equal(count(html, '<strong>'), 2 + cells.length, 'bold only for the fields and the cell keys');
  assert.ok(!text(html).match(/\d\.\d{3}/) || text(html).includes('0.'), 'no computed values');
  const json = text(html.match(/<code class="language-json">([^<]*)<\/code>/)[1]);
  const sheet = JSON.parse(json);
  assert.equal(sheet.student, '20240001');
  assert.equal(sheet.answers['grad:W1'], '');
});

test('hints hidden, IDs with Markdown characters, the column-major layout', () => {
  const hidden = text(md.render(cli('key', exercise, '--blank', '--hide-hints')));
  for (const hint of ['−y / s', 'diag(s) − s sᵀ', 'diag(1[h > 0])', '= W1 (', '∇_O l · ∇_{W1} O'])
    assert.ok(!hidden.includes(hint), `no hint "${hint}"`);
  const odd = md.render(cli('key', exercise, '--blank', '--student', 'a_b*c_d'));
  assert.ok(odd.startsWith('<h1>Backprop exercise, student a_b*c_d: answer sheet</h1>'));
  const col = text(md.render(cli('key', exercise, '--layout', 'column-major')));
  assert.ok(col.includes('[[2, 0, 13, 0], [0, 2, 0, 13]]'));
  assert.ok(col.includes('flattened column by column'));
});

test('--output writes the handout under its name, with the seed or the student', () => {
  assert.equal(cli('key', '--seed', '17', '--blank', '--format', 'latex', '--output', work).trim(),
               join(work, 'backprop-sheet-seed-17.tex'));
  assert.equal(cli('key', '--student', 'S 42', '--output', work).trim(), join(work, 'backprop-key-student-S_42.md'));
  assert.ok(readFileSync(join(work, 'backprop-key-student-S_42.md'), 'utf8').startsWith('# Backprop exercise, student S 42:'));
  const bad = spawnSync(CLI, ['key', exercise, '--course', 'k'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^error: --course: derives a student's exercise/);
});

test('LaTeX keys and sheets compile with pdflatex and name the student', () => {
  const deep = join(work, 'deep.json');
  writeFileSync(deep, cli('variant', '--student', 'kim', '--course', 'k', '--layers', '3', '--width', '3', '--dead-relu'));
  const cases = [['key', exercise, '--format', 'latex'],
                 ['key', '--student', '20240001', '--course', 'k', '--blank', '--format', 'latex'],
                 ['key', '--student', '20240001', '--course', 'k', '--format', 'latex', '--layout', 'column-major'],
                 ['key', deep, '--student', 'kim', '--blank', '--hide-hints', '--format', 'latex']];
  cases.forEach((args, i) => {
    const pdf = pdflatex(args, `doc${i}`);
    if (args.includes('--student')) assert.ok(pdf.includes('Backprop exercise, student'), pdf.slice(0, 200));
    if (args.includes('--blank')) assert.ok(pdf.includes('Student ID:'));
  });
});

// [SECTION] Korean (--lang ko): the same documents in the catalogue's Korean

test('--lang ko: the Markdown key and sheet render with Korean headings and the notation intact', () => {
  const html = md.render(cli('key', exercise, '--lang', 'ko'));
  assert.equal(count(html, '<em>'), 0);
  assert.equal(count(html, '<table>'), 5);
  assert.ok(html.startsWith('<h1>역전파 연습: 풀이</h1>'), html.slice(0, 80));
  for (const s of ['<h2>1. 순전파</h2>', '<h2>2. 국소 야코비안</h2>', '<h2>4. 최종 기울기</h2>', '<th>계산 방법</th>'])
    assert.ok(html.includes(s), s);
  const t = text(html);
  for (const s of ['∇_O l · ∇_{W1} O', 'diag(s) − s sᵀ', '−y / s (성분별)', '(행 우선으로 펼침)', '[[2, 13, 0, 0], [0, 0, 2, 13]]'])
    assert.ok(t.includes(s), `"${s}" survives rendering`);
  for (const s of ['Backprop exercise', 'Forward pass', 'entry by entry', 'row by row'])
    assert.ok(!t.includes(s), `no English "${s}"`);
  const sheet = md.render(cli('key', '--student', '20240001', '--course', 'k', '--blank', '--lang', 'ko'));
  assert.ok(sheet.startsWith('<h1>역전파 연습, 학생 20240001: 답안지</h1>'));
  assert.ok(sheet.includes('<strong>이름:</strong> ________________________ <strong>학번:</strong> 20240001'));
  assert.equal(JSON.parse(text(sheet.match(/<code class="language-json">([^<]*)<\/code>/)[1])).student, '20240001');
});

test('--lang ko: LaTeX keys and sheets compile with kotex, keep their Hangul and render to PNG', () => {
  const cases = [['key', exercise, '--format', 'latex', '--lang', 'ko'],
                 ['key', '--student', '20240001', '--course', 'k', '--blank', '--format', 'latex', '--lang', 'ko'],
                 ['key', exercise, '--format', 'latex', '--layout', 'column-major', '--lang', 'ko']];
  cases.forEach((args, i) => {
    // the text layer has the Hangul itself: kotex set real glyphs, not boxes or nothing
    const words = pdflatex(args, `ko${i}`);
    const pdf = join(work, `ko${i}.pdf`);
    assert.ok(words.includes('역전파 연습'), words.slice(0, 200));
    assert.ok(words.includes(args.includes('--blank') ? '학번: 20240001' : '1. 순전파'), words.slice(0, 400));
    if (args.includes('column-major')) assert.ok(words.includes('열 우선'));
    // page 1 as the PNG a person looks at (BACKPROP_HANDOUT_PNG keeps a copy of it)
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, `ko${i}`)]);
    const png = readFileSync(join(work, `ko${i}.png`));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    if (process.env.BACKPROP_HANDOUT_PNG) writeFileSync(`${process.env.BACKPROP_HANDOUT_PNG}-${i}.png`, png);
  });
});
