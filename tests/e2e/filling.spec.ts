// A chart opened at once is written a slice per frame: the frame after
// "Tout déplier" shows the top of the chart, the rest follows in later
// frames (the scroller carries `data-filling` until the last), and nothing
// a reader does meanwhile finds a unit missing: a key that moves focus to a
// unit not yet written writes its branch first, printing writes everything
// first, closing everything meanwhile leaves every branch closed, and a
// chart destroyed meanwhile stops writing.
import { test, expect, type Page } from '@playwright/test';
import { generated, gotoChart, expectAriaExpandedInSync, type DataUnit } from './helpers';

// Above the eager regime's 2,000 units: branches are written when opened.
const SIZE = 6000;
const data = generated(SIZE);
const SRC = `/test-data/generated-${SIZE}.json`;

/** The units in document order (depth first), as the widget writes them. */
function inOrder(unit: DataUnit, out: DataUnit[] = []): DataUnit[] {
  out.push(unit);
  for (const child of unit.children ?? []) inOrder(child, out);
  return out;
}

async function open(page: Page, mode: 'list' | 'tree') {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.route((url) => url.pathname === SRC, (route) => route.fulfill({ json: data }));
  await gotoChart(page, `?open=1&mode=${mode}&src=${SRC}`);
  await expect(page.locator('[data-filling]'), 'nothing is left to write after the first frame').toHaveCount(0);
}

const UNITS = '#organigramme li[data-unit]';

for (const mode of ['list', 'tree'] as const) {
  test(`${mode} mode: "Tout déplier" shows the top of the chart in the next frame and writes the rest in later frames, to the same chart`, async ({ page }) => {
    await open(page, mode);
    const before = await page.locator(UNITS).count();
    // The click and the frame after it, in the page: no slice can run in between unseen.
    const first = await page.evaluate(async () => {
      (document.querySelector('.og-toolbar > button') as HTMLButtonElement).click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return {
        units: document.querySelectorAll('#organigramme li[data-unit]').length,
        filling: document.querySelector('.og-scroller')!.hasAttribute('data-filling'),
      };
    });
    expect(first.filling, 'the scroller says that units are still being written').toBe(true);
    expect(first.units, 'the first slice is written at once').toBeGreaterThan(before);
    expect(first.units, 'but not the whole chart').toBeLessThan(SIZE / 2);
    await expect(page.locator('[data-filling]')).toHaveCount(0);
    // Every unit, in document order, with its name; every branch open and filled.
    const names = await page.locator(UNITS).evaluateAll((items) =>
      items.map((li) => li.querySelector('.og-toggle, .og-label, .og-item__label')!.firstChild!.textContent!.trim()));
    expect(names).toEqual(inOrder(data.root).map((u) => u.name));
    await expect(page.locator('.og-children[hidden]')).toHaveCount(0);
    await expect(page.locator('.og-children > ul:empty')).toHaveCount(0);
    if (mode === 'list') await expectAriaExpandedInSync(page);
    else await expect(page.locator('[role="treeitem"][aria-expanded="false"]')).toHaveCount(0);
  });

  test(`${mode} mode: End pressed before the last slice focuses the last unit, written for it`, async ({ page }) => {
    await open(page, mode);
    // The list's keys go from branch to branch, the tree's from unit to unit.
    const order = inOrder(data.root);
    const at = mode === 'list' ? order.findLastIndex((u) => u.children?.length) : order.length - 1;
    const last = order[at];
    const focus = mode === 'list' ? '.og-tree .og-toggle' : '[role="treeitem"]';
    // "Tout déplier", then End on the first unit, in one task: before any slice.
    const result = await page.evaluate((focus) => {
      (document.querySelector('.og-toolbar > button') as HTMLButtonElement).click();
      const first = document.querySelector(focus) as HTMLElement;
      first.focus();
      first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
      const active = document.activeElement as HTMLElement;
      return {
        filling: document.querySelector('.og-scroller')!.hasAttribute('data-filling'),
        id: active.id,
        name: (active.matches('[role="treeitem"]') ? active.querySelector('.og-item__label')! : active).textContent,
        units: document.querySelectorAll('#organigramme li[data-unit]').length,
      };
    }, focus);
    expect(result.filling, 'End was pressed while units were still to write').toBe(true);
    expect(result.units).toBeLessThan(SIZE);
    // A unit's index in the arena is its place in document order.
    expect(result).toMatchObject({ id: `og1-t${at}`, name: last.name });
    await expect(page.locator('[data-filling]')).toHaveCount(0);
    await expect(page.locator(UNITS)).toHaveCount(SIZE);
    await expect(page.locator(`#og1-t${at}`)).toBeFocused();
    // Written once: the branch written for End was not written again.
    await expect(page.locator(`li[data-unit="${at}"]`)).toHaveCount(1);
  });
}

test('"Tout replier" before the last slice leaves every branch closed, in sync', async ({ page }) => {
  await open(page, 'list');
  await page.evaluate(() => {
    const [expand, collapse] = document.querySelectorAll<HTMLButtonElement>('.og-toolbar > button');
    expand.click();
    collapse.click();
  });
  await expect(page.locator('[data-filling]')).toHaveCount(0);
  await expect(page.locator('.og-toggle[aria-expanded="true"]')).toHaveCount(1);
  await expectAriaExpandedInSync(page);
  // What the root shows: its sub-units, nothing below them.
  const shown = await page.locator(UNITS).evaluateAll((items) => items.filter((li) => !li.closest('[hidden]')).length);
  expect(shown).toBe(1 + data.root.children!.length);
});

test('printing before the last slice prints every unit', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __printed: number[] }).__printed = [];
    window.print = () => (window as unknown as { __printed: number[] }).__printed.push(
      [...document.querySelectorAll('#organigramme li[data-unit]')].filter((li) => !li.closest('[hidden]')).length,
    );
  });
  await open(page, 'list');
  await page.getByRole('button', { name: 'Imprimer l’organigramme' }).click();
  expect(await page.evaluate(() => (window as unknown as { __printed: number[] }).__printed)).toEqual([SIZE]);
});

// Ended before the last slice: by destroy(), or by the host taking the
// chart out of the page without it (were the slices looking for their
// groups forever, the page would hang and the test time out).
for (const end of ['destroy', 'remove'] as const) {
  const how = end === 'destroy' ? 'destroyed' : 'taken out of the page (without destroy())';
  test(`a chart ${how} before the last slice stops writing, without an error`, async ({ page }) => {
    test.setTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.route((url) => url.pathname === SRC, (route) => route.fulfill({ json: data }));
    await page.goto('/test-data/embed/blank.html');
    const left = await page.evaluate(async ([src, end]) => {
      const m = await import('/organigramme.js' as string);
      const [host, other] = [document.getElementById('host-a')!, document.getElementById('host-b')!];
      const original = host.innerHTML;
      const ready = (h: HTMLElement) => new Promise((resolve) => h.addEventListener('organigramme:ready', resolve, { once: true }));
      const handles = [m.mount(host, { src, open: true }), m.mount(other, { src, open: true })];
      await Promise.all([ready(host), ready(other)]);
      // Both charts are opened whole; the other one, left in place, writes
      // its slices to the end, in the time the first one's were due.
      handles.forEach((h) => h.expandAll());
      const filling = !!host.querySelector('[data-filling]');
      const tree = host.querySelector('.og-tree')!;
      const written = tree.querySelectorAll('li[data-unit]').length;
      if (end === 'destroy') handles[0].destroy();
      else host.remove();
      while (other.querySelector('[data-filling]')) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      return {
        filling,
        restored: host.innerHTML === original,
        // The first chart's units, in its tree, wherever the tree now is.
        more: tree.querySelectorAll('li[data-unit]').length - written,
        whole: other.querySelectorAll('li[data-unit]').length,
      };
    }, [SRC, end] as const);
    expect(left.filling, 'ended while units were still to write').toBe(true);
    expect(left.whole, 'the other chart written whole').toBe(SIZE);
    if (end === 'destroy') expect(left.restored, 'the host as it was').toBe(true);
    expect(left.more, 'nothing written once ended').toBe(0);
    expect(errors).toEqual([]);
  });
}

// Opened deep at load, more than one slice is left before the first frame:
// the first frame's slice takes it up, and the slices go on to the end.
for (const size of [1500, 6000]) {
  test(`${size} units opened at every level on load: the first frame shows a slice, the later slices write every unit`, async ({ page }) => {
    const chart = generated(size);
    const src = `/test-data/generated-deep-${size}.json`;
    await page.route((url) => url.pathname === src, (route) => route.fulfill({ json: chart }));
    // What the page holds when the widget says it is ready (before the first frame).
    await page.addInitScript(() => {
      addEventListener('organigramme:ready', () => {
        (window as unknown as { __atReady: unknown }).__atReady = {
          units: document.querySelectorAll('#organigramme li[data-unit]').length,
          filling: !!document.querySelector('[data-filling]'),
        };
      }, { capture: true, once: true });
    });
    await gotoChart(page, `?open=1&depth=99&src=${src}`);
    const atReady = await page.evaluate(() => (window as unknown as { __atReady: { units: number; filling: boolean } }).__atReady);
    expect(atReady.filling, 'more than one slice was left at once').toBe(true);
    expect(atReady.units).toBeLessThan(size);
    await expect(page.locator('[data-filling]')).toHaveCount(0);
    await expect(page.locator(UNITS)).toHaveCount(size);
    await expect(page.locator('.og-children > ul:empty')).toHaveCount(0);
    await expectAriaExpandedInSync(page);
  });
}
