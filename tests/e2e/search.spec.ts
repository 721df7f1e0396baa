// Search: a labelled field in a search landmark, results that update while
// typing, a count announced once typing pauses, and results that open the
// way to their unit and focus it, in both modes and both layouts, and in
// the lazy regime (branches never rendered).
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, generated, gotoChart } from './helpers';

const LABEL = 'Rechercher une unité, une personne ou une fonction';
const field = (page: Page) => page.getByRole('searchbox', { name: LABEL });
const results = (page: Page) => page.getByRole('list', { name: 'Résultats de la recherche' }).getByRole('button');
const searchStatus = (page: Page) => page.getByRole('search').locator('[role=status]');

/**
 * Fakes and pauses the page's clock, once the chart is ready (the widget's
 * fetch timer, set before, keeps its real clock: see tree.spec.ts).
 */
async function pauseClock(page: Page): Promise<void> {
  await page.clock.install();
  await page.clock.pauseAt(new Date(Date.now() + 1000));
}

/** Every text the search's status region took, in order, from now on. */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const status = document.querySelector('.og-search [role=status]')!;
    const seen: string[] = [];
    (window as unknown as { __statusSeen: string[] }).__statusSeen = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { __statusSeen: string[] }).__statusSeen.filter((t) => t !== ''));
}

test.describe('search', () => {
  test('a labelled field with a hint, in a named search landmark, and an empty status from the start', async ({ page }) => {
    await gotoChart(page);
    const landmark = page.getByRole('search', { name: 'Recherche dans l’organigramme : Organigramme de la DINUM' });
    await expect(landmark).toHaveCount(1);
    await expect(landmark.getByText(LABEL, { exact: true })).toBeVisible();
    await expect(field(page)).toBeVisible();
    await expect(field(page)).toHaveAccessibleDescription('Les résultats s’affichent pendant la saisie.');
    await expect(landmark.getByText('Les résultats s’affichent pendant la saisie.')).toBeVisible();
    await expect(searchStatus(page)).toHaveCount(1);
    await expect(searchStatus(page)).toHaveText('');
    await expect(results(page)).toHaveCount(0);
  });

  // The landmark is a form (Chromium's autofill then looks through it
  // alone at each keystroke, not through the whole page), never submitted.
  test('Enter in the field submits nothing: the page stays, with the field, its text and the results', async ({ page }) => {
    await gotoChart(page);
    const url = page.url();
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await expect(page.getByRole('search').evaluate((e) => e.tagName)).resolves.toBe('FORM');
    await field(page).fill('datalab');
    await expect(results(page)).toHaveCount(1);
    await field(page).press('Enter');
    await expect(field(page)).toBeFocused();
    await expect(field(page)).toHaveValue('datalab');
    await expect(results(page)).toHaveCount(1);
    expect(page.url()).toBe(url);
    expect(navigations).toBe(0);
  });

  // The announcement waits for a pause in typing: the page's clock is
  // paused, so that the pause is the test's to make, not a sleep.
  test('typing shows results at once and announces their count once, when typing pauses', async ({ page }) => {
    await gotoChart(page);
    await pauseClock(page);
    const seen = await recordStatus(page);
    const chartTop = () => page.locator('.og-scroller').evaluate((e) => e.getBoundingClientRect().top);
    const top = await chartTop();
    await field(page).pressSequentially('hypervis');
    await expect(results(page)).toHaveCount(1);
    expect(await seen(), 'nothing while typing').toEqual([]);
    expect(await chartTop(), 'the results float over the chart: it does not move').toBe(top);
    await page.clock.runFor(1000);
    await expect(searchStatus(page)).toHaveText('1 résultat');
    expect(await seen(), 'one announcement, after the pause').toEqual(['1 résultat']);
    const result = results(page).first();
    await expect(result.locator('mark')).toHaveText(['Hypervis']);
    await expect(result).toContainText('Direction interministérielle du numérique › Infrastructures et services opérés › Hypervision');
    // A person who matched is shown with their role, marked.
    await field(page).fill('chef pole hypervision');
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).first().locator('.og-result__person')).toHaveText('Chef de pôle : Mouhamad Sidibé');
    await expect(results(page).first().locator('mark')).toHaveText(['Hypervision', 'Chef', 'pôle']);
  });

  test('no result is said with the query; an emptied field says nothing', async ({ page }) => {
    await gotoChart(page);
    await pauseClock(page);
    await field(page).fill('xyzzy');
    await page.clock.runFor(1000);
    await expect(searchStatus(page)).toHaveText('Aucun résultat pour « xyzzy »');
    await expect(results(page)).toHaveCount(0);
    const seen = await recordStatus(page);
    await field(page).fill('etal');
    await field(page).fill('');
    await expect(searchStatus(page)).toHaveText('');
    await page.clock.runFor(1000);
    expect(await seen()).toEqual([]);
    await expect(results(page)).toHaveCount(0);
  });

  test('nothing is announced once the field has lost focus', async ({ page }) => {
    await gotoChart(page);
    await pauseClock(page);
    const seen = await recordStatus(page);
    await field(page).fill('etalab');
    await page.getByRole('button', { name: 'Tout déplier' }).focus();
    await page.clock.runFor(1000);
    expect(await seen()).toEqual([]);
    // The results went with focus, and come back with it.
    await expect(page.locator('.og-results-panel')).toBeHidden();
    await field(page).focus();
    await expect(results(page)).toHaveCount(1);
  });

  test('Escape in the field clears it; Down goes to the first result, Up back to the field', async ({ page }) => {
    await gotoChart(page);
    await field(page).fill('pôle');
    await expect(results(page).first()).toBeVisible();
    const count = await results(page).count();
    expect(count).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    await expect(results(page).nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results(page).nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(results(page).nth(count - 1)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(results(page).nth(0)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(field(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(field(page)).toBeFocused();
    await expect(field(page)).toHaveValue('pôle');
    await page.keyboard.press('Escape');
    await expect(field(page)).toHaveValue('');
    await expect(results(page)).toHaveCount(0);
  });

  for (const mode of ['list', 'tree'] as const) {
    for (const layout of ['list', 'chart'] as const) {
      test(`a result opens every ancestor and focuses its unit, in view (${mode} mode, ${layout} layout)`, async ({ page }) => {
        await gotoChart(page, `?open=1&mode=${mode}&layout=${layout}`);
        await field(page).fill('datalab');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        const focused = page.locator(':focus');
        await expect(focused).toContainText('Datalab');
        await expect(focused).toHaveAttribute('id', /-t\d+$/);
        const etalab = page.locator(mode === 'list' ? '.og-toggle' : '[role=treeitem]', { hasText: /^Etalab/ }).first();
        await expect(etalab).toHaveAttribute('aria-expanded', 'true');
        await expect(focused).toBeInViewport();
        // The results, which float over the chart, are gone: they cover nothing.
        await expect(page.locator('.og-results-panel')).toBeHidden();
        await field(page).focus();
        await expect(results(page)).toHaveCount(1);
      });
    }
  }

  // Safari does not focus a clicked button: were focus to leave the field
  // on the press, the results would go before the click.
  test('a press on a result keeps focus in the field until the click', async ({ page }) => {
    await gotoChart(page);
    await field(page).fill('ulrich');
    const box = (await results(page).first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await expect(field(page)).toBeFocused();
    await expect(results(page)).toHaveCount(1);
    await page.mouse.up();
    await expect(page.locator(':focus')).toHaveText('Datalab');
  });

  test('a click on a result works as Enter does', async ({ page }) => {
    await gotoChart(page);
    await field(page).fill('ulrich');
    await results(page).first().click();
    await expect(page.locator(':focus')).toHaveText('Datalab');
  });

  test('the lazy regime: a unit in a branch never rendered is found, opened to and focused', async ({ page }) => {
    const data = generated(3000);
    await page.route((url) => url.pathname === '/test-data/generated-3000.json', (route) => route.fulfill({ json: data }));
    await gotoChart(page, '?open=1&src=/test-data/generated-3000.json');
    await expect(page.locator('.og-label', { hasText: /^Unité 2999$/ })).toHaveCount(0);
    await field(page).fill('unité 2999');
    await expect(results(page).first()).toContainText('Unité 2999');
    await expect(results(page)).toHaveCount(1);
    await results(page).first().press('Enter');
    await expect(page.locator(':focus')).toHaveText('Unité 2999');
    await expect(page.locator(':focus')).toBeInViewport();
    // More than 50 matches: 50 shown, the rest counted.
    await field(page).fill('unité');
    await expect(results(page)).toHaveCount(50);
    await expect(page.getByText('2950 autres résultats : précisez la recherche.')).toBeVisible();
    await expect(searchStatus(page)).toHaveText('3000 résultats');
  });

  test('in English', async ({ page }) => {
    await gotoChart(page, '?open=1&lang=en');
    const search = page.getByRole('searchbox', { name: 'Search a unit, a person or a role' });
    await expect(search).toHaveAccessibleDescription('Results update as you type.');
    await search.fill('hypervision');
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('button')).toHaveCount(1);
    await expect(searchStatus(page)).toHaveText('1 result');
    await search.fill('xyzzy');
    await expect(searchStatus(page)).toHaveText('No result for “xyzzy”');
  });

  test('data-search="false" (here ?search=false) has no search', async ({ page }) => {
    await gotoChart(page, '?open=1&search=false');
    await expect(page.getByRole('search')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Tout déplier' })).toBeVisible();
  });

  // The results are in a shadow root (see src/components/search.rs), out
  // of the page's style sheet's reach: they bring their own rules.
  for (const constructable of [true, false]) {
    test(`the results are styled by their own rules, ${constructable ? 'a constructed style sheet' : 'a <style> element where the browser builds no style sheet'}`, async ({ page }) => {
      if (!constructable) {
        // As in Safari before 16.4, whose CSSStyleSheet cannot be constructed.
        await page.addInitScript(() => {
          window.CSSStyleSheet = function () {
            throw new TypeError('Illegal constructor');
          } as unknown as typeof CSSStyleSheet;
        });
      }
      await gotoChart(page);
      await field(page).fill('chef pole');
      await expect(results(page).first()).toBeVisible();
      const styled = await results(page).first().evaluate((button) => {
        const root = button.getRootNode() as ShadowRoot;
        const mark = button.querySelector('mark')!;
        return {
          sheets: root.adoptedStyleSheets.length,
          styles: root.querySelectorAll('style').length,
          // 44 px targets, a bottom rule, no list bullets, and the match underlined.
          height: button.getBoundingClientRect().height,
          border: getComputedStyle(button).borderBottomStyle,
          bullets: getComputedStyle(button.closest('ul')!).listStyleType,
          underline: getComputedStyle(mark).textDecorationLine,
        };
      });
      expect(styled).toMatchObject(constructable ? { sheets: 1, styles: 0 } : { sheets: 0, styles: 1 });
      expect(styled.height).toBeGreaterThanOrEqual(44);
      expect(styled).toMatchObject({ border: 'solid', bullets: 'none', underline: 'underline' });
    });
  }

  test('axe: no violations with results shown, in both layouts', async ({ page }) => {
    for (const layout of ['list', 'chart']) {
      await gotoChart(page, `?open=1&layout=${layout}`);
      await field(page).fill('chef');
      await expect(searchStatus(page)).toHaveText(/\d+ résultats/);
      await expectNoAxeViolations(page, `results shown, ${layout} layout`);
    }
  });

  test('the organigramme:search event gives the count of each search', async ({ page }) => {
    await gotoChart(page);
    await page.evaluate(() => {
      const counts: number[] = [];
      (window as unknown as { __counts: number[] }).__counts = counts;
      document.getElementById('organigramme')!.addEventListener('organigramme:search', (e) => counts.push((e as CustomEvent).detail));
    });
    await field(page).fill('datalab');
    await field(page).fill('xyzzy');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __counts: number[] }).__counts)).toEqual([1, 0]);
  });
});
