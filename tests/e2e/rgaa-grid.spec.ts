// The RGAA grid (docs/rgaa.md) cannot rot: every official criterion has its
// line, and every test a line names exists. The checker is tested too, on
// grids broken on purpose.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  WCAG_22, checkGrid, criteriaOf, parseGrid, playwrightTests, rustTests, type Criterion, type TestIndex,
} from './rgaa-grid';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');

const COMMITTED = 'tests/rgaa/criteres.json';
/** The official files, where the workspace has them beside the checkout. */
const SHARED = `${root}../shared/rgaa/criteres.json`;

const criteria: Criterion[] = [...criteriaOf(JSON.parse(read(COMMITTED))), ...WCAG_22];

/** Playwright's own list of the suite (both projects), so titles built in loops count. */
function listedTests(): Map<string, Set<string>> {
  // The child must not think it is a worker of this run.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(PW_|PLAYWRIGHT_|TEST_)/.test(key)));
  const report = execFileSync(process.execPath, [`${root}node_modules/@playwright/test/cli.js`, 'test', '--list', '--reporter=json'], {
    cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  return playwrightTests(JSON.parse(report), 'tests/e2e');
}

/** Test names by file: Playwright's listed titles, a Rust file's test functions. */
function repositoryTests(): TestIndex {
  const listed = listedTests();
  return {
    testsIn(file) {
      if (file.endsWith('.rs')) return existsSync(root + file) ? rustTests(read(file)) : undefined;
      return listed.get(file);
    },
  };
}

test('the committed criteria are the 106 of RGAA 4.1.2, as published', () => {
  const rgaa = criteria.filter((criterion) => !criterion.id.startsWith('WCAG'));
  expect(rgaa).toHaveLength(106);
  expect(rgaa.filter((criterion) => criterion.id.startsWith('7.')).map((criterion) => criterion.id)).toEqual(['7.1', '7.2', '7.3', '7.4', '7.5']);
  test.info().annotations.push({ type: 'official copy', description: existsSync(SHARED) ? SHARED : 'not in this workspace' });
  if (existsSync(SHARED)) expect(read(COMMITTED), `${COMMITTED} differs from ${SHARED}`).toBe(readFileSync(SHARED, 'utf8'));
});

test('docs/rgaa.md has a line for every criterion, and every test it names exists', () => {
  const problems = checkGrid(parseGrid(read('docs/rgaa.md')), criteria, repositoryTests());
  expect(problems, problems.join('\n')).toEqual([]);
});

test('the counts docs/rgaa.md and the statement template quote are the grid’s', () => {
  const lines = parseGrid(read('docs/rgaa.md'));
  const count = (wcag: boolean, status: string) => lines.filter((l) => l.id.startsWith('WCAG') === wcag && l.status === status).length;
  const [c, n, a] = ['conforme', 'non conforme', 'non applicable'].map((status) => count(false, status));
  const [wc, wn, wa] = ['conforme', 'non conforme', 'non applicable'].map((status) => count(true, status));
  const grid = read('docs/rgaa.md');
  expect(grid).toContain(`| RGAA 4.1.2 | ${c} | ${n} | ${a} | 106 |`);
  expect(grid).toContain(`| WCAG 2.2 AA, critères absents du RGAA | ${wc} | ${wn} | ${wa} | 3 |`);
  expect(grid.replace(/\s+/g, ' ')).toContain(`Counts: ${c} conforming, ${n} non-conforming, ${a} not applicable`);
  expect(read('docs/declaration-accessibilite.md').replace(/\s+/g, ' ')).toContain(
    `sur les 106 critères du RGAA, conformes : **${c}**, non conformes : **${n}**, non applicables : **${a}**`,
  );
});

test.describe('the checker', () => {
  const two: Criterion[] = [{ id: '7.1', title: 'Chaque script est-il compatible ?' }, { id: 'WCAG 2.5.8', title: 'Target Size (Minimum)' }];
  const index: TestIndex = {
    testsIn: (file) => (file === 'tests/e2e/list.spec.ts' ? new Set(['keys move focus']) : file === 'crates/core/tests/tree_keys.rs' ? new Set(['down_moves']) : undefined),
  };
  const grid = (...rows: string[]) => `| Critère | Intitulé | Statut | Preuves |\n|---|---|---|---|\n${rows.join('\n')}\n`;
  const good = [
    '| 7.1 | Chaque script est-il compatible ? | conforme | liste : `tests/e2e/list.spec.ts` « keys move focus » ; arbre : `crates/core/tests/tree_keys.rs` « down_moves » |',
    '| WCAG 2.5.8 | Target Size (Minimum) | non applicable | Le widget ne dessine aucune cible sous 44 px. |',
  ];
  const check = (markdown: string) => checkGrid(parseGrid(markdown), two, index);

  test('accepts a complete grid and reads its references', () => {
    expect(check(grid(...good))).toEqual([]);
    expect(parseGrid(grid(...good))[0].refs).toEqual([
      { file: 'tests/e2e/list.spec.ts', name: 'keys move focus' },
      { file: 'crates/core/tests/tree_keys.rs', name: 'down_moves' },
    ]);
  });

  test('finds a missing criterion, an unknown or repeated one, and a wrong title', () => {
    expect(check(grid(good[0]))).toEqual(['docs/rgaa.md: no line for WCAG 2.5.8 (Target Size (Minimum))']);
    expect(check(grid(...good, good[1].replace('WCAG 2.5.8', '7.9')))).toEqual(['docs/rgaa.md:5 (7.9): no such criterion']);
    expect(check(grid(...good, good[0]))).toEqual(['docs/rgaa.md:5 (7.1): a second line for this criterion (the first at line 3)']);
    expect(check(grid(good[0].replace('compatible', 'compatible avec'), good[1]))).toEqual([
      'docs/rgaa.md:3 (7.1): the title is not the official one: "Chaque script est-il compatible ?"',
    ]);
  });

  test('finds a test file or name that does not exist, and a conforming line without tests', () => {
    expect(check(grid(good[0].replace('keys move focus', 'keys move'), good[1]))).toEqual([
      'docs/rgaa.md:3 (7.1): tests/e2e/list.spec.ts has no test named "keys move"',
    ]);
    expect(check(grid(good[0].replace('tree_keys.rs', 'gone.rs'), good[1]))).toEqual([
      'docs/rgaa.md:3 (7.1): the test file crates/core/tests/gone.rs does not exist',
    ]);
    expect(check(grid('| 7.1 | Chaque script est-il compatible ? | conforme | Testé à la main. |', good[1]))).toEqual([
      'docs/rgaa.md:3 (7.1): conforme, but names no test',
    ]);
  });

  test('wants a known status, and a reason for the lines that do not conform', () => {
    expect(check(grid(good[0], good[1].replace('non applicable', 'partiel')))).toEqual([
      'docs/rgaa.md:4 (WCAG 2.5.8): the status "partiel" is none of conforme, non conforme, non applicable',
    ]);
    expect(check(grid(good[0], '| WCAG 2.5.8 | Target Size (Minimum) | non conforme | À voir. |'))).toEqual([
      'docs/rgaa.md:4 (WCAG 2.5.8): non conforme, but does not say why or what is missing',
    ]);
  });

  test('reads the test functions of a Rust file, in a proptest! block too', () => {
    const source = '#[test]\nfn plain() {}\n#[wasm_bindgen_test]\nasync fn in_browser() {}\n#[test]\n#[ignore]\nfn ignored() {}\nproptest! {\n    #[test]\n    fn property(x in 0..3) {}\n}\nfn helper() {}\n';
    expect([...rustTests(source)].sort()).toEqual(['ignored', 'in_browser', 'plain', 'property']);
  });
});
