// axe-core over the whole standalone page in tree mode (`?mode=tree`), in
// each state of the tree and at two widths: no violation of WCAG 2.0/2.1/2.2
// A and AA rules, nor of axe's best practices.
import { test, expect, type Page } from '@playwright/test';
import { expandAll, expectNoAxeViolations, gotoChart } from './helpers';

const TREE = '?mode=tree&open=1';

/** Every branch open, as the status says and every treeitem does. */
async function expandTree(page: Page) {
  await expandAll(page);
  await expect(page.locator('.og-status[role=status]')).toHaveText('Tout est déplié : 45 unités affichées.');
  await expect(page.locator('[role=treeitem][aria-expanded=false]')).toHaveCount(0);
}

const STATES: Record<string, (page: Page) => Promise<void>> = {
  collapsed: async (page) => {
    await gotoChart(page, TREE);
    await expect(page.getByRole('tree')).toBeVisible();
    // The default: the root open, the second level closed.
    await expect(page.locator('[role=treeitem][aria-level="1"]')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('[role=treeitem][aria-level="2"][aria-expanded=true]')).toHaveCount(0);
  },
  'fully expanded': async (page) => {
    await gotoChart(page, TREE);
    await expandTree(page);
  },
  // Keyboard focus on a pole with a link: the roving tab stop deep in the
  // tree, its focus outline drawn, the details region showing the link.
  'fully expanded, focus on a pole with a link': async (page) => {
    await gotoChart(page, TREE);
    await expandTree(page);
    await page.keyboard.press('Tab'); // "Tout replier"
    await page.keyboard.press('Tab'); // "Imprimer l’organigramme"
    await page.keyboard.press('Tab'); // the root
    await expect(page.locator('[role=treeitem][aria-level="1"]')).toBeFocused();
    await page.keyboard.type('anim'); // type-ahead: "Animation beta.gouv.fr"
    const pole = page.getByRole('treeitem', { name: 'Animation beta.gouv.fr', exact: true });
    await expect(pole).toBeFocused();
    await expect(page.locator('section.og-details').getByRole('link', { name: 'beta.gouv.fr', exact: true })).toBeVisible();
  },
};

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
];

for (const viewport of VIEWPORTS) {
  for (const [state, reach] of Object.entries(STATES)) {
    test(`axe, tree mode: ${state} at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await reach(page);
      // The whole page: its heading and text, the host and the widget.
      const results = await expectNoAxeViolations(page, `tree mode, ${state}, ${viewport.width} px`);
      const passed = results.passes.map((r) => r.id);
      for (const rule of ['aria-required-children', 'aria-required-parent', 'aria-allowed-attr', 'aria-valid-attr-value'])
        expect(passed, `axe checked ${rule}`).toContain(rule);
    });
  }
}
