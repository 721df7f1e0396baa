// Deep links: every unit carries its link's id (prefixed with
// data-link-prefix), and a fragment naming a unit, on load or on
// hashchange, reveals and focuses it in the first chart of the page that
// holds it. Unknown ids and hostile fragments do nothing.
import { test, expect, type Page } from '@playwright/test';
import { generated, gotoChart, recordWidgetEvents, waitForWidget } from './helpers';

const datalab = (page: Page) => page.locator('#organigramme .og-label', { hasText: /^Datalab$/ });
const etalabToggle = (page: Page) => page.locator('#organigramme .og-toggle', { hasText: /^Etalab$/ });

/** Page errors and dialogs (an `alert()` a hostile fragment could open). */
function watchProblems(page: Page): { errors: string[]; dialogs: string[] } {
  const problems = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  page.on('dialog', (d) => {
    problems.dialogs.push(d.message());
    void d.dismiss();
  });
  return problems;
}

test.describe('deep links', () => {
  test('every unit carries its link id: the list item, and the tree row', async ({ page }) => {
    await gotoChart(page, '?open=1');
    await expect(page.locator('li.og-unit#etalab-datalab')).toHaveCount(1);
    await expect(page.locator('li.og-unit#dinum')).toHaveCount(1);
    expect(await page.locator('li.og-unit[id]').count()).toBe(45);
    await gotoChart(page, '?open=1&mode=tree');
    await expect(page.locator('[role=treeitem] > .og-item__row#etalab-datalab')).toHaveCount(1);
    // With a prefix, the ids are prefixed.
    await gotoChart(page, '?open=1&link-prefix=org-');
    await expect(page.locator('li.og-unit#org-etalab-datalab')).toHaveCount(1);
    await expect(page.locator('#etalab-datalab')).toHaveCount(0);
  });

  for (const mode of ['list', 'tree'] as const) {
    test(`a page opened on a unit's link reveals and focuses it (${mode} mode, outer disclosure closed)`, async ({ page }) => {
      const problems = watchProblems(page);
      await gotoChart(page, `?mode=${mode}#etalab-datalab`);
      await expect(page.locator('#organigramme .og-disclosure')).toHaveAttribute('aria-expanded', 'true');
      const focused = page.locator(':focus');
      await expect(focused).toContainText('Datalab');
      await expect(focused).toBeInViewport();
      const etalab = mode === 'list' ? etalabToggle(page) : page.locator('[role=treeitem]', { hasText: /^Etalab/ }).first();
      await expect(etalab).toHaveAttribute('aria-expanded', 'true');
      expect(problems.errors).toEqual([]);
    });
  }

  test('a later change of the fragment (a link on the page, or the address) reveals that unit', async ({ page }) => {
    await gotoChart(page, '?open=1');
    await expect(datalab(page)).toBeHidden();
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '#etalab-datalab';
      a.textContent = 'Le Datalab';
      a.id = 'to-datalab';
      document.body.prepend(a);
    });
    await page.locator('#to-datalab').click();
    await expect(datalab(page)).toBeFocused();
    await page.evaluate(() => (location.hash = 'iso-hypervision'));
    await expect(page.locator(':focus')).toHaveText('Hypervision');
  });

  test('with a link prefix, only prefixed fragments name units', async ({ page }) => {
    await gotoChart(page, '?link-prefix=org-#etalab-datalab');
    await expect(page.locator('#organigramme .og-disclosure')).toHaveAttribute('aria-expanded', 'false');
    await page.evaluate(() => (location.hash = 'org-etalab-datalab'));
    await expect(datalab(page)).toBeFocused();
  });

  test('an unknown id, or a hostile fragment, does nothing and shows nothing', async ({ page }) => {
    const problems = watchProblems(page);
    const hostile = [
      '#no-such-unit',
      `#${'a'.repeat(10_000)}`,
      '#%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      '#<script>alert(1)</script>',
      '#etalab-datalab%00',
      '#%0D%0Aetalab-datalab',
      '#etalab-datalab%',
      '#%FF%FE',
      '#javascript:alert(1)',
    ];
    // Opened on a hostile fragment, then each one after the other.
    await gotoChart(page, `?${hostile[1]}`);
    const settled = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    for (const fragment of hostile) {
      await page.evaluate((f) => (location.hash = f), fragment);
      // The hashchange has been handled once a frame has passed after it
      // (the known id at the end shows it is, in that time).
      await settled();
      await expect(page.locator('#organigramme .og-disclosure')).toHaveAttribute('aria-expanded', 'false');
    }
    await expect(page.locator('#organigramme [role=alert]')).toHaveCount(0);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(problems.errors).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    // The same listener, given a known id in the same way, acts in that time.
    await page.evaluate(() => (location.hash = 'etalab-datalab'));
    await settled();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Datalab');
    await expect(page.locator('#organigramme .og-disclosure')).toHaveAttribute('aria-expanded', 'true');
  });

  test('the lazy regime: a unit in a branch never rendered is revealed from its link', async ({ page }) => {
    const data = generated(3000);
    await page.route((url) => url.pathname === '/test-data/generated-3000.json', (route) => route.fulfill({ json: data }));
    await gotoChart(page, '?src=/test-data/generated-3000.json#u2999');
    await expect(page.locator(':focus')).toHaveText('Unité 2999');
    await expect(page.locator(':focus')).toBeInViewport();
  });

  test('two charts of the same data: the first one holds the ids and answers the link', async ({ page }) => {
    await recordWidgetEvents(page);
    await page.goto('/test-data/embed/two-lists.html#etalab-datalab');
    await waitForWidget(page);
    await expect(page.locator('#first .og-label', { hasText: /^Datalab$/ })).toBeFocused();
    await expect(page.locator('#second .og-toggle', { hasText: /^Etalab$/ })).toHaveAttribute('aria-expanded', 'false');
    expect(await page.locator('#first li.og-unit[id]').count()).toBe(45);
    expect(await page.locator('#second li.og-unit[id]').count()).toBe(0);
  });

  test('reveal() changes the URL only when asked to', async ({ page }) => {
    await page.goto('/test-data/embed/blank.html');
    await page.evaluate(async () => {
      const m = await import('/organigramme.js' as string);
      const w = window as unknown as { __og: unknown };
      await new Promise((resolve) => {
        document.getElementById('host-a')!.addEventListener('organigramme:ready', resolve, { once: true });
        w.__og = m.mount(document.getElementById('host-a'), { src: '/data/dinum-2024.json' });
      });
    });
    expect(await page.evaluate('window.__og.reveal("etalab-datalab")')).toBe(true);
    await expect(page.locator('#host-a .og-label', { hasText: /^Datalab$/ })).toBeFocused();
    expect(new URL(page.url()).hash).toBe('');
    const entries = await page.evaluate(() => history.length);
    expect(await page.evaluate('window.__og.reveal("iso-hypervision", { updateUrl: true })')).toBe(true);
    await expect(page.locator(':focus')).toHaveText('Hypervision');
    expect(await page.evaluate(() => location.hash)).toBe('#iso-hypervision');
    expect(await page.evaluate(() => history.length), 'in place: no new history entry').toBe(entries);
  });

  test('the details region copies the current unit\'s link and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoChart(page, '?open=1&mode=tree#etalab-datalab');
    await expect(page.locator(':focus')).toContainText('Datalab');
    const details = page.getByRole('region', { name: 'Détails' });
    await details.getByRole('button', { name: 'Copier le lien' }).click();
    await expect(page.locator('.og-status[role=status]')).toHaveText('Lien vers « Datalab » copié.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(new URL('/?open=1&mode=tree#etalab-datalab', page.url()).href);
  });

  test('without the Clipboard API, the link is shown selected instead', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await gotoChart(page, '?open=1&mode=tree&link-prefix=org-');
    await page.locator('[role=treeitem]', { hasText: /^Etalab/ }).first().focus();
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    const field = page.getByRole('textbox', { name: 'Lien vers l’unité' });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(new URL('/?open=1&mode=tree&link-prefix=org-#org-etalab', page.url()).href);
    expect(await field.evaluate((e: HTMLInputElement) => [e.selectionStart, e.selectionEnd, e.value.length])).toEqual([
      0,
      (await field.inputValue()).length,
      (await field.inputValue()).length,
    ]);
    // Back in the tree and on to the next unit: the details speak of it,
    // without the former unit's link.
    await page.locator('[role=treeitem]', { hasText: /^Etalab/ }).first().focus();
    await page.keyboard.press('ArrowDown');
    const details = page.getByRole('region', { name: 'Détails' });
    await expect(details.locator('.og-details__name')).not.toHaveText(/^Etalab/);
    await expect(field).toHaveCount(0);
    await expect(details.getByRole('button', { name: 'Copier le lien' })).toHaveCount(1);
  });

  for (const layout of ['list', 'chart'] as const) {
    test(`each card of the list view copies its unit's link (${layout} layout)`, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await gotoChart(page, `?open=1&depth=9&layout=${layout}`);
      const buttons = page.locator('#organigramme').getByRole('button', { name: /^Copier le lien : / });
      await expect(buttons).toHaveCount(45);
      const copy = page.getByRole('button', { name: 'Copier le lien : Datalab', exact: true });
      await expect(copy).toHaveText('Copier le lien');
      // In the card, under its name: centred with it in the chart layout,
      // on its line in the list.
      const [button, label] = [await copy.boundingBox(), await datalab(page).boundingBox()];
      if (!button || !label) throw new Error('not rendered');
      expect(button.height).toBeGreaterThanOrEqual(44);
      if (layout === 'chart') {
        expect(Math.abs(button.x + button.width / 2 - (label.x + label.width / 2))).toBeLessThan(2);
        expect(button.y).toBeGreaterThan(label.y);
      } else {
        expect(button.x).toBeGreaterThan(label.x + label.width);
      }
      // By keyboard: focus, Enter.
      await copy.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('.og-status[role=status]')).toHaveText('Lien vers « Datalab » copié.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/?open=1&depth=9&layout=${layout}#etalab-datalab`, page.url()).href);
      await expect(copy).toBeFocused();
      // A click on another card's button, with a prefix.
      await gotoChart(page, `?open=1&depth=9&layout=${layout}&link-prefix=org-`);
      await page.getByRole('button', { name: 'Copier le lien : Etalab', exact: true }).click();
      await expect(page.locator('.og-status[role=status]')).toHaveText('Lien vers « Etalab » copié.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#org-etalab$/);
      // Nothing else happened: Etalab did not toggle.
      await expect(etalabToggle(page)).toHaveAttribute('aria-expanded', 'true');
    });
  }

  test('without the Clipboard API, a card shows its link in place of its button until focus leaves', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await gotoChart(page, '?open=1&depth=9&layout=chart');
    const copy = page.getByRole('button', { name: 'Copier le lien : Datalab', exact: true });
    await copy.click();
    const field = page.getByRole('textbox', { name: 'Lien vers l’unité' });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(new URL('/?open=1&depth=9&layout=chart#etalab-datalab', page.url()).href);
    expect(await field.evaluate((e: HTMLInputElement) => e.selectionEnd - (e.selectionStart ?? 0))).toBe((await field.inputValue()).length);
    await expect(copy).toBeHidden();
    await expect(page.locator('.og-status[role=status]')).toHaveText('');
    // Focus moves on: the button is back, the field gone.
    await page.keyboard.press('Tab');
    await expect(field).toHaveCount(0);
    await expect(copy).toBeVisible();
    // Again, then Shift+Tab: focus goes back, on a control still shown.
    await copy.click();
    await expect(field).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(field).toHaveCount(0);
    await expect(copy).toBeVisible();
    await expect(page.locator('#organigramme :focus')).toBeVisible();
  });
});
