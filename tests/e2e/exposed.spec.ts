// Everything shown reaches assistive technology: after "Tout déplier", every
// unit's name, kind and people are in Chromium's accessibility tree (CDP
// Accessibility.getFullAXTree), without scrolling, in both modes, on the
// DINUM chart and on a generated 2,000-unit chart. Anything that skips
// rendering off-screen content (content-visibility: auto) marks it ignored
// ("notRendered") there, which a screen reader in browse mode cannot read.
import { test, expect, type Page } from '@playwright/test';
import { DINUM_DATA as dinum, generated, gotoChart, unitsOf as units, type ChartData as Data } from './helpers';

/**
 * How many times each text must be exposed at least: names and kinds as
 * text of their own, people's names alone or inside a longer text (the
 * tree says "Chef : Name").
 */
function expectedTexts(data: Data): Map<string, { count: number; exact: boolean }> {
  const counts = new Map<string, { count: number; exact: boolean }>();
  const add = (text: string, exact: boolean) =>
    counts.set(text, { count: (counts.get(text)?.count ?? 0) + 1, exact: exact && (counts.get(text)?.exact ?? true) });
  for (const unit of units(data.root)) {
    add(unit.name, true);
    if (unit.kind) add(unit.kind, true);
    for (const person of unit.people ?? []) add(person.name, false);
  }
  return counts;
}

/**
 * The text of every node Chromium exposes (not ignored), as a screen reader
 * in browse mode reads it: the names of its static text nodes.
 */
async function exposedText(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }>;
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && n.role?.value === 'StaticText')
    .map((n) => String(n.name?.value ?? '').replace(/\s+/g, ' ').trim());
}

/** Texts exposed fewer times than the data shows them: they do not reach assistive technology. */
function missing(expected: Map<string, { count: number; exact: boolean }>, exposed: string[]): string[] {
  const out: string[] = [];
  for (const [text, { count, exact }] of expected) {
    const seen = exposed.filter((e) => e === text || (!exact && e.includes(text))).length;
    if (seen < count) out.push(`${text} (${seen} of ${count})`);
  }
  return out;
}

const charts = [
  { label: 'DINUM chart', data: dinum, src: undefined as string | undefined },
  { label: '2,000-unit chart', data: generated(2000), src: '/test-data/generated-2000.json' },
];

for (const mode of ['list', 'tree'] as const) {
  for (const chart of charts) {
    test(`${mode} mode, ${chart.label}: after "Tout déplier" every name, kind and person is in the accessibility tree without scrolling`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 1280, height: 900 });
      if (chart.src) {
        // By path: a glob would also match the page, whose query names the file.
        await page.route((url) => url.pathname === chart.src, (route) => route.fulfill({ json: chart.data }));
      }
      const query = `?open=1${mode === 'tree' ? '&mode=tree' : ''}${chart.src ? `&src=${chart.src}` : ''}`;
      const ready = await gotoChart(page, query);
      expect(ready.detail).toBe(units(chart.data.root).length);
      await page.getByRole('button', { name: 'Tout déplier', exact: true }).click();
      await expect(page.locator('.og-status[role=status]')).toContainText('Tout est déplié');
      await expect(page.locator('.organigramme .og-children[hidden]')).toHaveCount(0);
      // A large chart is written a slice per frame (filling.spec.ts): read once the last is.
      await expect(page.locator('[data-filling]')).toHaveCount(0);
      const scroll = await page.evaluate(() => window.scrollY);
      const expected = expectedTexts(chart.data);
      // The last unit is far below the fold: its text must be exposed all the same.
      const exposed = await exposedText(page);
      expect(missing(expected, exposed), 'texts shown but absent from the accessibility tree').toEqual([]);
      expect(await page.evaluate(() => window.scrollY), 'nothing scrolled the page meanwhile').toBe(scroll);
      // The check covers what matters: the last unit is far below the fold.
      const last = units(chart.data.root).at(-1)!;
      const top = await page.evaluate((name) => {
        const label = [...document.querySelectorAll('.og-toggle, .og-label, .og-item__label')].find((l) => l.firstChild?.textContent?.trim() === name);
        return label ? label.getBoundingClientRect().top : null;
      }, last.name);
      expect(top, `the last unit, ${last.name}, is below the fold`).toBeGreaterThan(900);
      expect(exposed).toContain(last.name);
    });
  }
}

test('the check fails on content that skips rendering: a control with content-visibility: auto', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoChart(page, '?open=1');
  await page.getByRole('button', { name: 'Tout déplier', exact: true }).click();
  await expect(page.locator('.og-status[role=status]')).toContainText('Tout est déplié');
  // What the widget used to do, forced back on: units below the fold leave the tree.
  await page.addStyleTag({ content: '.organigramme .og-unit { content-visibility: auto; contain-intrinsic-size: auto 5rem; }' });
  await expect
    .poll(async () => missing(expectedTexts(dinum), await exposedText(page)).length, { message: 'units hidden from the tree by content-visibility' })
    .toBeGreaterThan(0);
});
