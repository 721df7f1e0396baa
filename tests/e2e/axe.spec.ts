// axe-core over the whole standalone page, in each state of the widget and
// at two widths: no violation of WCAG 2.0/2.1/2.2 A and AA rules, nor of
// axe's best practices.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, gotoChart } from './helpers';

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
    await expect(page.locator('.og-status[role=status]')).toHaveText('Tout est déplié : 45 unités affichées.');
    await expect(page.locator('.og-children[hidden]')).toHaveCount(0);
  },
};

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
];

for (const viewport of VIEWPORTS) {
  for (const [state, reach] of Object.entries(STATES)) {
    test(`axe: ${state} at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await reach(page);
      // The whole page: its heading and text, the host and the widget.
      await expectNoAxeViolations(page, `${state}, ${viewport.width} px`);
    });
  }
}
