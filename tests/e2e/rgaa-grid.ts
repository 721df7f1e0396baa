// The RGAA grid of docs/rgaa.md, read and checked against the official
// criteria and the tests it names. Pure functions: the spec feeds them the
// files, and also broken grids, so that the checker itself is tested.

/** A criterion the grid must hold a line for: RGAA's, or a WCAG 2.2 one. */
export type Criterion = { id: string; title: string };

/** A test a line names: its file (from the repository's root) and its name. */
export type TestRef = { file: string; name: string };

export const STATUSES = ['conforme', 'non conforme', 'non applicable'] as const;
export type Status = (typeof STATUSES)[number];

/** One line of the grid. */
export type GridLine = { id: string; title: string; status: string; text: string; refs: TestRef[]; line: number };

/** The WCAG 2.2 AA success criteria that RGAA 4.1.2 (on WCAG 2.1) lacks. */
export const WCAG_22: Criterion[] = [
  { id: 'WCAG 2.4.11', title: 'Focus Not Obscured (Minimum)' },
  { id: 'WCAG 2.5.7', title: 'Dragging Movements' },
  { id: 'WCAG 2.5.8', title: 'Target Size (Minimum)' },
];

/** A title as the grid writes it: the JSON's Markdown links reduced to their text. */
export function plainTitle(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
}

/** Every criterion of `criteres.json`, as `topic.criterion`, in its order. */
export function criteriaOf(json: {
  topics: { number: number; criteria: { criterium: { number: number; title: string } }[] }[];
}): Criterion[] {
  return json.topics.flatMap((topic) =>
    topic.criteria.map(({ criterium }) => ({ id: `${topic.number}.${criterium.number}`, title: plainTitle(criterium.title) })),
  );
}

/** A test named in a cell: `` `path/to/file` « name » ``. */
const REF = /`([^`]+\.(?:ts|rs))`\s*«\s*([^»]+?)\s*»/g;

/**
 * The grid's lines: every table row whose first cell is a criterion number
 * (`7.1`) or a WCAG one (`WCAG 2.4.11`), with four cells.
 */
export function parseGrid(markdown: string): GridLine[] {
  const lines: GridLine[] = [];
  markdown.split('\n').forEach((row, index) => {
    const cells = row.trim().match(/^\|(.*)\|$/)?.[1].split('|').map((cell) => cell.trim());
    if (!cells || !/^(WCAG )?\d+\.\d+(\.\d+)?$/.test(cells[0])) return;
    const [id, title = '', status = '', text = ''] = cells;
    const refs = [...text.matchAll(REF)].map(([, file, name]) => ({ file, name }));
    lines.push({ id, title, status, text, refs, line: index + 1 });
  });
  return lines;
}

/** What the checker knows of the repository: which test names each file holds. */
export type TestIndex = { testsIn(file: string): Set<string> | undefined };

/**
 * Everything wrong with the grid, one message per fault, each saying where:
 * a criterion without a line or with two, a line for no criterion, a title
 * that is not the official one, an unknown status, a conforming line that
 * names no test, a test file or name that does not exist, a line without the
 * reason it does not apply or what it lacks.
 */
export function checkGrid(lines: GridLine[], criteria: Criterion[], tests: TestIndex): string[] {
  const problems: string[] = [];
  const wanted = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const seen = new Map<string, number>();
  for (const line of lines) {
    const at = `docs/rgaa.md:${line.line} (${line.id})`;
    const criterion = wanted.get(line.id);
    if (!criterion) problems.push(`${at}: no such criterion`);
    else if (line.title !== criterion.title) problems.push(`${at}: the title is not the official one: "${criterion.title}"`);
    if (seen.has(line.id)) problems.push(`${at}: a second line for this criterion (the first at line ${seen.get(line.id)})`);
    seen.set(line.id, line.line);
    if (!(STATUSES as readonly string[]).includes(line.status)) {
      problems.push(`${at}: the status "${line.status}" is none of ${STATUSES.join(', ')}`);
    } else if (line.status === 'conforme' && line.refs.length === 0) {
      problems.push(`${at}: conforme, but names no test`);
    } else if (line.status !== 'conforme' && line.text.replace(REF, '').trim().length < 20) {
      problems.push(`${at}: ${line.status}, but does not say why or what is missing`);
    }
    for (const ref of line.refs) {
      const names = tests.testsIn(ref.file);
      if (!names) problems.push(`${at}: the test file ${ref.file} does not exist`);
      else if (!names.has(ref.name)) problems.push(`${at}: ${ref.file} has no test named "${ref.name}"`);
    }
  }
  for (const criterion of criteria) {
    if (!seen.has(criterion.id)) problems.push(`docs/rgaa.md: no line for ${criterion.id} (${criterion.title})`);
  }
  return problems;
}

/**
 * The tests a Rust file declares: functions under `#[test]` (a `proptest!`
 * block's properties have it too) or `#[wasm_bindgen_test]`, other
 * attributes allowed between.
 */
export function rustTests(source: string): Set<string> {
  const attributed = /#\[(?:test|wasm_bindgen_test)\]\s*(?:#\[[^\]]*\]\s*)*(?:async\s+)?fn\s+(\w+)/g;
  return new Set([...source.matchAll(attributed)].map(([, name]) => name));
}

/** A Playwright `--list --reporter=json` report's suite, as far as read here. */
type ListedSuite = { file: string; specs?: { title: string }[]; suites?: ListedSuite[] };

/** The test titles of a `playwright test --list --reporter=json` report, by file under `testDir`. */
export function playwrightTests(report: { suites: ListedSuite[] }, testDir: string): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  const walk = (suite: ListedSuite) => {
    for (const spec of suite.specs ?? []) {
      const file = `${testDir}/${suite.file}`;
      if (!byFile.has(file)) byFile.set(file, new Set());
      byFile.get(file)!.add(spec.title);
    }
    suite.suites?.forEach(walk);
  };
  report.suites.forEach(walk);
  return byFile;
}
