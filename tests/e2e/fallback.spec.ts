// The static fallback that `organigramme export html` writes: the widget's
// own markup, which the widget replaces without anything moving on the page
// (no layout shift, the same pixels), the same elements, classes, ids and
// text as it renders, and readable without JavaScript.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { duplicateIds, recordWidgetEvents, waitForWidget } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The command line's export of the DINUM chart, with `args`. */
function exported(args: string[]): string {
  return execFileSync('cargo', ['run', '-q', '-p', 'organigramme-cli', '--', 'export', 'html', ...args, 'public/data/dinum-2024.json'], {
    cwd: root,
    encoding: 'utf8',
  });
}

/** A host page holding the fallback in its widget's element. */
function hostPage(fallback: string, attributes: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title>
<link rel="stylesheet" href="/organigramme.css"><script type="module" src="/organigramme.js"></script></head>
<body><main><h1>Une page hôte</h1><div id="host" data-organigramme data-src="/data/dinum-2024.json" ${attributes}>${fallback}</div>
<p id="after">Après l’organigramme.</p></main></body></html>`;
}

/** Serves the host page at /host.html, and holds the widget's script until `release()`. */
async function serve(page: Page, html: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname === '/host.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.route((url) => url.pathname === '/organigramme.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Every element of the chart in document order: tag, attributes, own text. */
function describe(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (el: Element) => {
      const attrs = [...el.attributes]
        .filter((a) => !(el.classList.contains('organigramme') && a.name === 'lang'))
        .map((a) => `${a.name}=${a.value}`)
        .sort();
      const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
      out.push(`${el.tagName.toLowerCase()} ${attrs.join(' ')} «${text}»`);
      for (const child of el.children) walk(child);
    };
    walk(document.querySelector('#host > .organigramme')!);
    return out;
  });
}

const CASES = [
  { name: 'open, French', args: ['--open'], attributes: 'data-open="true"' },
  { name: 'closed, English, three levels', args: ['--lang', 'en', '--depth', '3'], attributes: 'data-lang="en" data-depth="3"' },
];

for (const { name, args, attributes } of CASES) {
  test(`the widget replaces its exported fallback without anything moving (${name})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await recordWidgetEvents(page);
    await page.addInitScript(() => {
      (window as unknown as { __shifts: number[] }).__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) {
          (window as unknown as { __shifts: number[] }).__shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await serve(page, hostPage(exported(args), attributes));
    // The module script is held: neither "load" nor DOMContentLoaded come.
    await page.goto('/host.html', { waitUntil: 'commit' });
    // The fallback alone: the widget's script is held back.
    await expect(page.locator('#host .og-tree li.og-unit')).toHaveCount(45);
    const fallback = await describe(page);
    await page.evaluate(() => ((document.querySelector('#host > .organigramme') as unknown as { __fallback: boolean }).__fallback = true));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const before = await page.screenshot({ fullPage: true });
    const after0 = await page.locator('#after').boundingBox();
    release();
    await expect(waitForWidget(page)).resolves.toMatchObject({ type: 'ready' });
    // Replaced, by the widget's own elements, every branch written.
    await expect(page.locator('#host > .organigramme')).toHaveCount(1);
    expect(await page.evaluate(() => (document.querySelector('#host > .organigramme') as unknown as { __fallback?: boolean }).__fallback)).toBeUndefined();
    await expect(page.locator('#host .og-tree li.og-unit')).toHaveCount(45);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await describe(page), 'the same elements, attributes and text').toEqual(fallback);
    expect(await page.locator('#after').boundingBox()).toEqual(after0);
    expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts), 'layout shifts').toEqual([]);
    const after = await page.screenshot({ fullPage: true });
    expect(after.equals(before), 'the same pixels before and after').toBe(true);
  });
}

test('without JavaScript, the fallback is the chart to read, links to units land', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await serve(page, hostPage(exported(['--open']), 'data-open="true"'));
  await page.goto('/host.html#etalab-datalab');
  await expect(page.getByRole('button', { name: 'Direction interministérielle du numérique (DINUM)' })).toBeVisible();
  await expect(page.getByText('Stéphanie Schaer')).toBeVisible();
  // The link to a unit in a collapsed branch: the browser itself reveals
  // it; the other collapsed branches stay in the page, hidden until found.
  await expect(page.locator('li.og-unit#etalab-datalab')).toBeVisible();
  await expect(page.getByText('Ulrich Tan')).toBeVisible();
  await expect(page.locator('li.og-unit#ace-brigade')).toBeAttached();
  await expect(page.locator('li.og-unit#ace-brigade')).toBeHidden();
  await expect(page.locator('#ace-brigade').locator('xpath=ancestor::div[@hidden="until-found"]')).toHaveCount(1);
  await context.close();
});

test('a chart that renders while another chart’s fallback shows takes ids the fallback does not hold, and acts on its own elements', async ({ page }) => {
  // The first chart waits for its data, its fallback (og1's ids) on the
  // page; the second, inline, renders meanwhile.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const inline = JSON.stringify({ title: 'Petit', root: { id: 'p', name: 'Petite unité', children: [{ id: 'q', name: 'Sous-unité', children: [{ id: 'r', name: 'Pôle' }] }] } });
  const html = hostPage(exported([]), '').replace('<p id="after">', `<div id="second" data-organigramme><script type="application/json">${inline}</script></div><p id="after">`);
  await serve(page, html).then((start) => start());
  await page.route((url) => url.pathname === '/data/dinum-2024.json', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/host.html');
  const [first, second] = [page.locator('#host'), page.locator('#second')];
  await expect(second.locator('.og-disclosure')).toBeVisible();
  await expect(first.locator('.og-disclosure')).toHaveAttribute('id', 'og1-disclosure');
  expect(await duplicateIds(page), 'duplicate ids beside the fallback').toEqual([]);
  // The second chart's controls act on the second chart only.
  await second.locator('.og-disclosure').click();
  await expect(second.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'true');
  await second.getByRole('button', { name: 'Tout déplier' }).click();
  await expect(second.locator('.og-status')).toHaveText('Tout est déplié : 3 unités affichées.');
  await expect(first.locator('.og-status')).toHaveText('');
  await expect(first.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'false');
  // The first chart renders in its fallback's place, with ids of its own.
  release();
  await expect(first.locator('.og-disclosure')).not.toHaveAttribute('id', 'og1-disclosure');
  expect(await duplicateIds(page), 'duplicate ids once both render').toEqual([]);
  await first.locator('.og-disclosure').click();
  await expect(first.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'true');
  await first.getByRole('button', { name: 'Tout déplier' }).click();
  await expect(first.locator('.og-status')).toHaveText('Tout est déplié : 45 unités affichées.');
  await expect(second.locator('.og-status')).toHaveText('Tout est déplié : 3 unités affichées.');
});
