// What a screen reader says: @guidepup/virtual-screen-reader, a simulator
// that reads the page's accessibility semantics as screen readers do (names,
// roles, states, levels, positions, live regions), driven through the DINUM
// chart in both modes, its spoken phrases compared with committed
// transcripts (`screen-reader.spec.ts-snapshots/*.txt`). A changed
// transcript is a changed experience: read its diff before updating it with
// `--update-snapshots`. Real screen readers: see the manual protocol in
// docs/rgaa.md.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expandAll, focusedAx, gotoChart } from './helpers';

const SIMULATOR = readFileSync(
  fileURLToPath(new URL('../../node_modules/@guidepup/virtual-screen-reader/lib/esm/index.browser.js', import.meta.url)),
  'utf8',
);

type Reader = {
  start(options: { container: Element }): Promise<void>;
  next(): Promise<void>;
  previous(): Promise<void>;
  act(): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  lastSpokenPhrase(): Promise<string>;
  spokenPhraseLog(): Promise<string[]>;
  stop(): Promise<void>;
};
declare global {
  interface Window {
    __reader?: Reader;
  }
}

/**
 * Opens the standalone page with `query` and starts the simulated reader on
 * the widget's element, its cursor before the first item.
 */
async function startReader(page: Page, query: string): Promise<void> {
  await page.route('**/test-reader/virtual.js', (route) => route.fulfill({ contentType: 'text/javascript', body: SIMULATOR }));
  await gotoChart(page, query);
  // Chromium keeps hidden="until-found" content (content-visibility: hidden)
  // out of its accessibility tree, as screen readers then find it; the
  // simulator reads the DOM and its styles, so it is told the same way.
  await page.addStyleTag({ content: '[hidden="until-found"] { display: none !important; }' });
  await page.addScriptTag({ type: 'module', content: "import { virtual } from '/test-reader/virtual.js'; window.__reader = virtual;" });
  await page.waitForFunction(() => window.__reader);
  await page.evaluate(() => window.__reader!.start({ container: document.querySelector('#organigramme')! }));
}

/**
 * Moves the reader item by item (browse mode's Down arrow) from the
 * widget's first item, which it read on starting, to its last; returns
 * what it said.
 */
async function readToEnd(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const reader = window.__reader!;
    const first = (await reader.spokenPhraseLog())[0];
    for (let i = 0; i < 5000; i++) {
      await reader.next();
      // Past the last item, the cursor comes round to the first again.
      if ((await reader.lastSpokenPhrase()) === first) break;
    }
    const log = await reader.spokenPhraseLog();
    return log.slice(0, log.indexOf(first, 1));
  });
}

/** Runs `steps` (reader commands) and returns what the reader said meanwhile, live regions included. */
async function say(page: Page, steps: [keyof Reader, string?][], until?: RegExp): Promise<string[]> {
  return page.evaluate(
    async ({ steps, until }) => {
      const reader = window.__reader!;
      const before = (await reader.spokenPhraseLog()).length;
      for (const [command, arg] of steps) await (reader[command] as (a?: string) => Promise<void>).call(reader, arg);
      // A polite message comes when the widget has it: wait for it, a few seconds at most.
      for (let i = 0; until && i < 100; i++) {
        if ((await reader.spokenPhraseLog()).slice(before).some((p) => new RegExp(until).test(p))) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      return (await reader.spokenPhraseLog()).slice(before);
    },
    { steps, until: until?.source },
  );
}

const transcript = (phrases: string[]) => `${phrases.join('\n')}\n`;

for (const mode of ['list', 'tree'] as const) {
  const query = `?open=1${mode === 'tree' ? '&mode=tree' : ''}`;

  test(`${mode} mode: the collapsed chart, read item by item`, async ({ page }) => {
    await startReader(page, query);
    const said = await readToEnd(page);
    expect(said.length).toBeGreaterThan(20);
    expect(transcript(said)).toMatchSnapshot(`${mode}-collapsed.txt`);
  });

  test(`${mode} mode: the whole chart after "Tout déplier", read item by item`, async ({ page }) => {
    await startReader(page, query);
    await expandAll(page);
    const said = await readToEnd(page);
    // Every unit is read: the last one too.
    expect(said.join('\n')).toContain('Campus du numérique public');
    expect(transcript(said)).toMatchSnapshot(`${mode}-expanded.txt`);
  });

  test(`${mode} mode: the outer disclosure, closed then opened`, async ({ page }) => {
    await startReader(page, mode === 'tree' ? '?mode=tree' : '?');
    // The button (read on starting), activated: its new state is said at
    // once, in the task of the press. Then what it opened, the button again,
    // and what follows.
    const said = [(await page.evaluate(() => window.__reader!.lastSpokenPhrase())), ...(await say(page, [['act'], ['next'], ['previous'], ['next'], ['next']]))];
    expect(said[0]).toMatch(/not expanded/);
    expect(said[1]).toMatch(/^button, Version accessible de l’organigramme, 1 control, expanded$/);
    expect(said[3]).toBe(said[1]);
    expect(transcript(said)).toMatchSnapshot(`${mode}-disclosure.txt`);
  });

  test(`${mode} mode: a search, its count, and a result`, async ({ page }) => {
    await startReader(page, query);
    await page.getByRole('searchbox').focus();
    const typed = await say(page, [['type', 'datalab']], /^polite: \d+ résultat/);
    expect(typed).toContain('polite: 1 résultat');
    // The results are in their panel's shadow root, where this simulator
    // neither reads nor follows focus: there, Chromium's accessibility tree
    // says what a reader is told, and the keys are the browser's own.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedAx(page)).toBe('button, Datalab Direction interministérielle du numérique › Etalab › Datalab');
    const result = `focus: ${await focusedAx(page)}`;
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedAx(page)).toMatch(/, Datalab\b/);
    const unit = `focus: ${await focusedAx(page)}`;
    expect(transcript([...typed, result, unit])).toMatchSnapshot(`${mode}-search.txt`);
  });
}

test('tree mode: keys in the tree, as focus mode reads them', async ({ page }) => {
  await startReader(page, '?open=1&mode=tree');
  await page.locator('[role=treeitem][tabindex="0"]').focus();
  const said = await say(page, [
    ['press', 'ArrowDown'], ['press', 'ArrowDown'], ['press', 'ArrowRight'], ['press', 'ArrowRight'],
    ['press', 'ArrowDown'], ['press', 'ArrowLeft'], ['press', 'End'], ['press', 'Home'], ['press', 'e'],
  ]);
  expect(transcript(said)).toMatchSnapshot('tree-keys.txt');
});
