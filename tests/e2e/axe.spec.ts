// axe-core over the whole standalone page, in each state of the widget and
// at two widths: no violation of WCAG 2.0/2.1/2.2 A and AA rules, nor of
// axe's best practices.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { gotoChart } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

const STATES: Record<string, (page: Page) => Promise<void>> = {
  'disclosure closed': async (page) => {
    await gotoChart(page, '');
    await expect(page.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'false');
  },
  'open, collapsed': async (page) => {
    await gotoChart(page, '?open=1');
    await expect(page.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'true');
  },
  'fully expanded': async (page) => {
    await gotoChart(page, '?open=1');
    await page.getByRole('button', { name: 'Tout déplier', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Tout est déplié : 45 unités affichées.');
    await expect(page.locator('.og-children[hidden]')).toHaveCount(0);
  },
};

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
];

/** One line per violation and node, readable in a failure message. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
      ].join('\n'),
    )
    .join('\n');
}

for (const viewport of VIEWPORTS) {
  for (const [state, reach] of Object.entries(STATES)) {
    test(`axe: ${state} at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await reach(page);
      // The whole page: its heading and text, the host and the widget.
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const report = describe(results.violations);
      if (report) console.log(`axe violations (${state}, ${viewport.width} px):\n${report}`);
      expect(results.violations, report).toEqual([]);
      // Sanity: axe did look at the widget.
      expect(results.passes.length).toBeGreaterThan(10);
    });
  }
}
