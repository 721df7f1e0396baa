// The embed bundle (dist/organigramme.js, organigramme_bg.wasm,
// organigramme.css) on host pages: auto-mount by attribute, the JS API
// (mount, destroy, expandAll, collapseAll, reveal), several charts on one
// page, progressive enhancement and load failures, the strict CSP of
// examples/dinum.html, English, axe, and style isolation.
//
// Test pages live in tests/data/embed/ (served at /test-data/embed/). Every
// wait is on a condition: the bubbling `organigramme:ready` /
// `organigramme:error` events the widget dispatches on its host, recorded by
// an init script (helpers.ts), or a locator assertion.
import { test, expect, type Page, type CDPSession, type ConsoleMessage } from '@playwright/test';
import { duplicateIds, expectNoAxeViolations, recordWidgetEvents, type OgEvent } from './helpers';
import { createHash } from 'node:crypto';

const EMBED = '/test-data/embed';
const DINUM = '/examples/dinum.html';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const WASM_ALERT_FR =
  'L’organigramme interactif n’a pas pu démarrer (WebAssembly indisponible) ; sa version statique suit.';
const WASM_ALERT_EN =
  'The interactive organisation chart could not start (WebAssembly is unavailable); its static version follows.';
/** The branches of the DINUM chart: the root and its eight sub-units with sub-units. */
const DINUM_BRANCHES = 9;

// ---------------------------------------------------------------- helpers

type Problems = { pageErrors: string[]; consoleErrors: ConsoleMessage[] };

/** Records uncaught page errors and console errors from now on. */
function collectProblems(page: Page): Problems {
  const problems: Problems = { pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (e) => problems.pageErrors.push(`${e.name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m);
  });
  return problems;
}

const describeConsole = (ms: ConsoleMessage[]) => ms.map((m) => `${m.text()} (${m.location().url})`);
const isFavicon404 = (m: ConsoleMessage) => /\/favicon\.ico$/.test(m.location().url) && /404/.test(m.text());

/** Waits for the first `organigramme:*` event dispatched on the element `#target`. */
async function eventOn(page: Page, target: string): Promise<OgEvent> {
  const handle = await page.waitForFunction(
    (t) => window.__ogEvents?.find((e) => e.target === t) ?? null,
    target,
  );
  return (await handle.jsonValue()) as OgEvent;
}

async function readyOn(page: Page, target: string): Promise<OgEvent> {
  const event = await eventOn(page, target);
  expect(event, `the chart in ${target} should have rendered`).toMatchObject({ type: 'ready' });
  return event;
}

async function errorOn(page: Page, target: string): Promise<OgEvent> {
  const event = await eventOn(page, target);
  expect(event, `the chart in ${target} should have failed`).toMatchObject({ type: 'error' });
  return event;
}

/** Opens a page with the event recorder installed. */
async function open(page: Page, url: string): Promise<void> {
  await recordWidgetEvents(page);
  await page.goto(url);
}

/** Loads the embed module from the page (it is the same module the page's script tag loaded). */
async function loadModule(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await import('/organigramme.js' as string);
  });
}

/**
 * For every element inside `hostSelector` that points at ids (aria-controls,
 * aria-labelledby, aria-describedby), the ids it names that do not resolve to
 * an element inside the same host.
 */
async function referencesOutside(page: Page, hostSelector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel)!;
    const wrong: string[] = [];
    for (const attr of ['aria-controls', 'aria-labelledby', 'aria-describedby']) {
      for (const el of host.querySelectorAll(`[${attr}]`)) {
        for (const id of el.getAttribute(attr)!.split(/\s+/).filter(Boolean)) {
          const target = document.getElementById(id);
          if (!target || !host.contains(target)) wrong.push(`${attr}="${id}" on ${el.id || el.className}`);
        }
      }
    }
    return wrong;
  }, hostSelector);
}

/** The id of the `[data-organigramme]` / API host holding focus, and the focused element's text. */
async function focusedIn(page: Page): Promise<{ host: string | null; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const host = el?.closest('#list, #tree, #first, #second, #host-a, #host-b, #chart, #organigramme');
    return { host: host?.id ?? null, text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });
}

/** Every aria-expanded and hidden state inside a host, to tell whether it changed. */
async function stateOf(page: Page, hostSelector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} [aria-expanded], ${sel} [hidden], ${sel} [role=status]`)].map(
        (el) =>
          `${el.id || el.className}: expanded=${el.getAttribute('aria-expanded')} hidden=${el.getAttribute(
            'hidden',
          )} status=${el.getAttribute('role') === 'status' ? el.textContent : ''}`,
      ),
    hostSelector,
  );
}

/**
 * The event listeners registered on `expression`'s object (and, for a node,
 * on its whole subtree), as comparable strings.
 */
async function listenersOf(cdp: CDPSession, expression: string): Promise<string[]> {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  expect(result.objectId, `${expression} should be an object`).toBeTruthy();
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
    objectId: result.objectId!,
    depth: -1,
    pierce: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
  return listeners
    .map(
      (l) =>
        `${l.type}${l.useCapture ? ' capture' : ''}${l.once ? ' once' : ''} node=${l.backendNodeId ?? '-'} ` +
        `at ${l.scriptId}:${l.lineNumber}:${l.columnNumber}`,
    )
    .sort();
}

async function allListeners(cdp: CDPSession): Promise<Record<string, string[]>> {
  return {
    window: await listenersOf(cdp, 'window'),
    document: await listenersOf(cdp, 'document'),
    host: await listenersOf(cdp, 'document.getElementById("host-a")'),
  };
}

// ------------------------------------------------- 1. auto-mount by attribute

test.describe('auto-mount by attribute', () => {
  test('data-src: the chart replaces the host’s fallback, closed by default', async ({ page }) => {
    await open(page, `${EMBED}/src.html`);
    const ready = await readyOn(page, '#chart');
    expect(ready.detail, 'ready carries the number of units').toBe(45);

    const host = page.locator('#chart');
    await expect(host.locator(':scope > .organigramme')).toHaveCount(1);
    await expect(host).not.toContainText('Repli statique');
    await expect(host).toHaveAttribute('data-organigramme-mounted', '');
    const disclosure = host.locator('.og-disclosure');
    await expect(disclosure).toHaveText('Version accessible de l’organigramme');
    await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    await expect(host.locator('.og-chart')).toHaveAttribute('hidden', 'until-found');
    await expect(host.locator('.og-title')).toBeHidden();
    await disclosure.click();
    await expect(host.locator('.og-chart')).not.toHaveAttribute('hidden');
    await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    await expect(host.locator('.og-title')).toHaveText('Organigramme de la DINUM');
    await expect(host.locator('.og-toggle').first()).toHaveText('Direction interministérielle du numérique (DINUM)');
  });

  test('inline JSON in a <script type="application/json"> child', async ({ page }) => {
    await open(page, `${EMBED}/inline.html`);
    const ready = await readyOn(page, '#chart');
    expect(ready.detail).toBe(5);

    const host = page.locator('#chart');
    await expect(host.locator(':scope > .organigramme')).toHaveCount(1);
    await expect(host.locator('script')).toHaveCount(0);
    await expect(host).not.toContainText('Repli statique');
    await expect(host.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'true');
    await expect(host.locator('.og-title')).toHaveText('Organigramme de la petite équipe');
    await expect(host.locator('.og-toggle')).toHaveText(['Équipe', 'Développement']);
    await expect(host.locator('.og-toggle', { hasText: 'Équipe' })).toHaveAttribute('aria-expanded', 'true');
    await expect(host.locator('.og-footer')).toHaveText('Organigramme daté du 1er mars 2024');
    await host.locator('.og-toggle', { hasText: 'Développement' }).click();
    await expect(host.getByText('Interface', { exact: true })).toBeVisible();
  });

  test('data-open, data-label, data-depth="2" and data-mode="tree"', async ({ page }) => {
    await open(page, `${EMBED}/options.html`);
    for (const id of ['#open', '#label', '#depth', '#tree']) await readyOn(page, id);

    // data-open: the outer disclosure starts open; depth 1: root open, departments closed.
    const opened = page.locator('#open');
    await expect(opened.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'true');
    await expect(opened.locator('.og-chart')).toBeVisible();
    await expect(opened.locator('.og-toggle').first()).toHaveAttribute('aria-expanded', 'true');
    await expect(opened.locator('.og-toggle[aria-expanded="true"]')).toHaveCount(1);
    await expect(opened.getByText('Datalab', { exact: true })).toBeHidden();

    // data-label: the outer button's text; still closed.
    const labelled = page.locator('#label .og-disclosure');
    await expect(labelled).toHaveText('Organigramme de la direction');
    await expect(labelled).toHaveAttribute('aria-expanded', 'false');

    // data-depth="2": the departments are open too.
    const deep = page.locator('#depth');
    await expect(deep.locator('.og-toggle')).toHaveCount(DINUM_BRANCHES);
    await expect(deep.locator('.og-toggle[aria-expanded="false"]')).toHaveCount(0);
    await expect(deep.locator('.og-children[hidden]')).toHaveCount(0);
    await expect(deep.getByText('Datalab', { exact: true })).toBeVisible();

    // data-mode="tree": a role=tree, only in that host.
    const tree = page.locator('#tree');
    await expect(tree.getByRole('tree')).toHaveCount(1);
    await expect(tree.getByRole('treeitem', { name: /^Direction interministérielle du numérique/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(page.getByRole('tree')).toHaveCount(1);
    await expect(page.locator('#open, #label, #depth').locator('[role=treeitem]')).toHaveCount(0);
  });
});

// -------------------------------------------------------- 2. mount / destroy

test.describe('the JS API: mount() and destroy()', () => {
  test('mount, expandAll, collapseAll, reveal, then destroy leaves no trace', async ({ page }) => {
    const problems = collectProblems(page);
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    const cdp = await page.context().newCDPSession(page);

    const originalHtml = await page.locator('#host-a').evaluate((el) => el.innerHTML);
    const listenersBefore = await allListeners(cdp);

    // Before it has rendered, the methods do nothing and say so.
    const early = await page.evaluate(async () => {
      const m = await import('/organigramme.js' as string);
      const handle = m.mount(document.getElementById('host-a'), { src: '/data/dinum-2024.json', open: true });
      (window as unknown as { __og: unknown }).__og = handle;
      return { expandAll: handle.expandAll(), reveal: handle.reveal('etalab-datalab') };
    });
    expect(early).toEqual({ expandAll: false, reveal: false });
    const ready = await readyOn(page, '#host-a');
    expect(ready.detail).toBe(45);
    const host = page.locator('#host-a');
    await expect(host.locator(':scope > .organigramme')).toHaveCount(1);
    await expect(host.locator('.fallback')).toHaveCount(0);
    // Control: while mounted, CDP does see the chart's listeners under the host.
    expect((await allListeners(cdp)).host.join('\n')).toContain('keydown');

    type Handle = { expandAll(): boolean; collapseAll(): boolean; reveal(id: string): boolean; destroy(): void };
    const call = (script: (og: Handle) => unknown) =>
      page.evaluate(`(${script.toString()})(window.__og)`) as Promise<unknown>;

    expect(await call((og) => og.expandAll())).toBe(true);
    await expect(host.locator('.og-toggle')).toHaveCount(DINUM_BRANCHES);
    await expect(host.locator('.og-toggle[aria-expanded="false"]')).toHaveCount(0);
    await expect(host.locator('.og-children[hidden]')).toHaveCount(0);
    await expect(host.locator('.og-status[role=status]')).toHaveText('Tout est déplié : 45 unités affichées.');

    expect(await call((og) => og.collapseAll())).toBe(true);
    await expect(host.locator('.og-status[role=status]')).toHaveText('Tout est replié : seul le premier niveau reste affiché.');
    await expect(host.locator('.og-toggle[aria-expanded="true"]')).toHaveCount(1);
    const etalab = host.locator('.og-toggle', { hasText: /^Etalab$/ });
    await expect(etalab).toHaveAttribute('aria-expanded', 'false');

    expect(await call((og) => og.reveal('etalab-datalab'))).toBe(true);
    await expect(etalab).toHaveAttribute('aria-expanded', 'true');
    const datalab = host.locator('.og-label', { hasText: /^Datalab$/ });
    await expect(datalab).toBeVisible();
    // Focus after reveal() of a hidden unit: see the fixme'd tests below
    // (BUG reveal-focus). Once visible, reveal() does focus it.
    expect(await call((og) => og.reveal('etalab-datalab'))).toBe(true);
    await expect(datalab).toBeFocused();
    expect(await call((og) => og.reveal('no-such-unit'))).toBe(false);
    await expect(datalab).toBeFocused();

    // destroy(): the original children, and nothing else.
    await call((og) => og.destroy());
    expect(await host.evaluate((el) => el.innerHTML)).toBe(originalHtml);
    await expect(page.locator('.organigramme')).toHaveCount(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('[id^="og"]')].map((e) => e.id))).toEqual([]);
    expect(await allListeners(cdp)).toEqual(listenersBefore);
    expect(await call((og) => [og.expandAll(), og.collapseAll(), og.reveal('etalab-datalab')])).toEqual([
      false,
      false,
      false,
    ]);
    expect(await page.evaluate(() => window.__ogEvents!.length), 'no event after ready').toBe(1);

    // Keys and clicks on the page after destroy do nothing harmful: on a
    // button before the host, on the restored fallback's link (no Enter
    // there: it would follow the link), on the page itself.
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'ArrowRight', 'ArrowLeft', 'Escape', '*', 'a'];
    await page.locator('#before').focus();
    for (const key of [...keys, 'Enter', 'Space']) await page.keyboard.press(key);
    await page.keyboard.press('Tab');
    await expect(host.getByRole('link', { name: 'données' })).toBeFocused();
    for (const key of keys) await page.keyboard.press(key);
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('#before')).toBeFocused();
    await host.locator('b').click();
    for (const key of keys) await page.keyboard.press(key);
    await page.locator('#after').click();
    expect(page.url()).toMatch(/\/blank\.html$/);
    expect(await host.evaluate((el) => el.innerHTML)).toBe(originalHtml);
    expect(problems.pageErrors, 'uncaught errors').toEqual([]);
    expect(describeConsole(problems.consoleErrors.filter((m) => !isFavicon404(m))), 'console errors').toEqual([]);
  });

  // reveal() focuses the unit once the branches it opened are shown.
  test('reveal() of a unit in a collapsed branch focuses it', async ({ page }) => {
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    await page.evaluate(async () => {
      const m = await import('/organigramme.js' as string);
      (window as unknown as { __og: unknown }).__og = m.mount(document.getElementById('host-a'), {
        src: '/data/dinum-2024.json',
        open: true,
      });
    });
    await readyOn(page, '#host-a');
    const host = page.locator('#host-a');
    await expect(host.locator('.og-toggle', { hasText: /^Etalab$/ })).toHaveAttribute('aria-expanded', 'false');
    expect(await page.evaluate('window.__og.reveal("etalab-datalab")')).toBe(true);
    await expect(host.locator('.og-toggle', { hasText: /^Etalab$/ })).toHaveAttribute('aria-expanded', 'true');
    const unit = host.locator('.og-label', { hasText: /^Datalab$/ });
    await expect(unit).toBeVisible();
    await expect(unit).toBeFocused();
  });

  test('search() returns the matches over the whole chart, best first, with their paths', async ({ page }) => {
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    const early = await page.evaluate(async () => {
      const m = await import('/organigramme.js' as string);
      const handle = m.mount(document.getElementById('host-a'), { src: '/data/dinum-2024.json' });
      (window as unknown as { __og: unknown }).__og = handle;
      return handle.search('datalab');
    });
    expect(early, 'nothing before the chart has rendered').toEqual([]);
    await readyOn(page, '#host-a');
    // The outer disclosure is closed and Datalab's branch was never opened.
    const found = await page.evaluate('window.__og.search("ETALAB datalab")');
    expect(found).toEqual([
      { id: 'etalab-datalab', name: 'Datalab', path: ['Direction interministérielle du numérique', 'Etalab', 'Datalab'] },
    ]);
    const ranked = (await page.evaluate('window.__og.search("chef pole").map((m) => m.name)')) as string[];
    expect(ranked.length).toBeGreaterThan(20);
    expect(ranked).toContain('Hypervision');
    expect(await page.evaluate('window.__og.search("   ")')).toEqual([]);
  });

  test('search() also searches a chart without a search field (search: false), whose index it builds then', async ({ page }) => {
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    await page.evaluate(async () => {
      const m = await import('/organigramme.js' as string);
      (window as unknown as { __og: unknown }).__og = m.mount(document.getElementById('host-a'), { src: '/data/dinum-2024.json', search: false });
    });
    await readyOn(page, '#host-a');
    await expect(page.locator('#host-a').getByRole('search')).toHaveCount(0);
    const found = await page.evaluate('window.__og.search("ETALAB datalab").map((m) => m.id)');
    expect(found).toEqual(['etalab-datalab']);
  });

  test('a chart can be mounted again after destroy(), with fresh ids', async ({ page }) => {
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    const mountA = () =>
      page.evaluate(async () => {
        const m = await import('/organigramme.js' as string);
        (window as unknown as { __og: unknown }).__og = m.mount(document.getElementById('host-a'), {
          data: { title: 'Petite', root: { id: 'r', name: 'Racine', children: [{ id: 'c', name: 'Enfant' }] } },
          open: true,
        });
      });
    await mountA();
    await readyOn(page, '#host-a');
    const firstIds = await page.locator('#host-a [id]').evaluateAll((els) => els.map((e) => e.id));
    await page.evaluate('window.__og.destroy()');
    await expect(page.locator('#host-a .fallback')).toHaveCount(1);
    await mountA();
    await expect.poll(() => page.evaluate(() => window.__ogEvents!.length)).toBe(2);
    await expect(page.locator('#host-a > .organigramme')).toHaveCount(1);
    await expect(page.locator('#host-a .fallback')).toHaveCount(0);
    const secondIds = await page.locator('#host-a [id]').evaluateAll((els) => els.map((e) => e.id));
    expect(secondIds.length).toBe(firstIds.length);
    // The chart's own ids are fresh; the units' link ids are their data ids, the same.
    const links = ['r', 'c'];
    expect(firstIds.filter((id) => links.includes(id)).sort()).toEqual(links.sort());
    expect(secondIds.filter((id) => firstIds.includes(id)).sort()).toEqual(links.sort());
    await page.locator('#host-a .og-toggle').click();
    await expect(page.locator('#host-a .og-toggle')).toHaveAttribute('aria-expanded', 'false');
    expect(await duplicateIds(page)).toEqual([]);
  });

  test('reveal() on a closed chart opens the outer disclosure and the branch, and focuses the unit', async ({
    page,
  }) => {
    // BUG reveal-focus: see above.
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    await page.evaluate(async () => {
      const m = await import('/organigramme.js' as string);
      (window as unknown as { __og: unknown }).__og = m.mount(document.getElementById('host-a'), {
        src: '/data/dinum-2024.json',
      });
    });
    await readyOn(page, '#host-a');
    const host = page.locator('#host-a');
    await expect(host.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'false');
    expect(await page.evaluate('window.__og.reveal("iso-si-rie")')).toBe(true);
    await expect(host.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'true');
    await expect(host.locator('.og-toggle', { hasText: /^Infrastructures et services opérés/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const unit = host.locator('.og-label', { hasText: /^SI RIE$/ });
    await expect(unit).toBeVisible();
    await expect(unit).toBeFocused();
  });

  test('options from a JS object: data as an object, mode, depth, label and lang', async ({ page }) => {
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    await page.evaluate(async () => {
      const m = await import('/organigramme.js' as string);
      m.mount(document.getElementById('host-a'), {
        data: {
          title: 'Small team',
          lang: 'en',
          root: { id: 'team', name: 'Team', children: [{ id: 'dev', name: 'Development', children: [{ name: 'UI' }] }] },
        },
        mode: 'tree',
        open: true,
        depth: 2,
        label: 'Our team',
        lang: 'en',
      });
      m.mount(document.getElementById('host-b'), { data: '{"title":"Texte","root":{"name":"Racine"}}' });
    });
    expect((await readyOn(page, '#host-a')).detail).toBe(3);
    expect((await readyOn(page, '#host-b')).detail).toBe(1);
    const a = page.locator('#host-a');
    await expect(a.locator('.og-disclosure')).toHaveText('Our team');
    await expect(a.getByRole('tree')).toBeVisible();
    await expect(a.getByRole('treeitem', { name: 'UI' })).toBeVisible();
    await expect(a.getByRole('button', { name: 'Expand all' })).toBeVisible();
    await expect(page.locator('#host-b .og-disclosure')).toHaveText('Version accessible de l’organigramme');
  });

  test('destroy() while the file is loading aborts the request and keeps the fallback', async ({ page }) => {
    const problems = collectProblems(page);
    let requested!: () => void;
    const seen = new Promise<void>((resolve) => (requested = resolve));
    // Never answered: the request stays pending until the widget aborts it.
    await page.route(`**${EMBED}/slow.json`, () => requested());
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    const originalHtml = await page.locator('#host-a').evaluate((el) => el.innerHTML);
    await page.evaluate(async () => {
      const m = await import('/organigramme.js' as string);
      (window as unknown as { __og: unknown }).__og = m.mount(document.getElementById('host-a'), {
        src: '/test-data/embed/slow.json',
      });
    });
    await seen;
    const failed = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/slow.json'));
    await page.evaluate('window.__og.destroy()');
    await failed;
    expect(await page.locator('#host-a').evaluate((el) => el.innerHTML)).toBe(originalHtml);
    expect(await page.evaluate(() => window.__ogEvents), 'neither ready nor error after destroy').toEqual([]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    expect(problems.pageErrors).toEqual([]);
  });

  test('destroyed as its alert\'s "Réessayer" is clicked: the alert goes, the fallback stays, nothing loads', async ({ page }) => {
    const problems = collectProblems(page);
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    const originalHtml = await page.locator('#host-a').evaluate((el) => el.innerHTML);
    await page.evaluate(async () => {
      const w = window as unknown as { __og: { destroy(): void }; __fetches: number };
      // The widget's requests for the file, counted as they are made.
      w.__fetches = 0;
      const fetch = window.fetch;
      window.fetch = (input, init) => {
        if (String(input).endsWith('/missing.json')) w.__fetches += 1;
        return fetch(input, init);
      };
      const m = await import('/organigramme.js' as string);
      w.__og = m.mount(document.getElementById('host-a'), { src: '/test-data/embed/missing.json' });
    });
    const retry = page.locator('#host-a > .og-alert[role="alert"]').getByRole('button', { name: 'Réessayer' });
    await expect(retry).toBeVisible();
    // A host's listener, called before the button's own in the same click.
    await page.evaluate(() => {
      const w = window as unknown as { __og: { destroy(): void } };
      document.addEventListener('click', () => w.__og.destroy(), { capture: true, once: true });
    });
    await retry.click();
    await expect(page.locator('.og-alert')).toHaveCount(0);
    expect(await page.locator('#host-a').evaluate((el) => el.innerHTML)).toBe(originalHtml);
    expect(await page.evaluate(() => (window as unknown as { __fetches: number }).__fetches), 'no retry').toBe(1);
    expect(problems.pageErrors).toEqual([]);
  });
});

// ------------------------------------------------------ 3. two charts, one page

/**
 * The blank page with two DINUM charts mounted by the API, open, their
 * handles as `window.__a` and `window.__b`; returns once both are ready.
 */
async function mountTwo(page: Page): Promise<void> {
    await open(page, `${EMBED}/blank.html`);
    await loadModule(page);
    await page.evaluate(async () => {
      const m = await import('/organigramme.js' as string);
      const w = window as unknown as { __a: unknown; __b: unknown };
      w.__a = m.mount(document.getElementById('host-a'), { src: '/data/dinum-2024.json', open: true });
      w.__b = m.mount(document.getElementById('host-b'), { src: '/data/dinum-2024.json', open: true });
    });
    await readyOn(page, '#host-a');
    await readyOn(page, '#host-b');
}

test.describe('two charts on one page', () => {
  test('a list and a tree: unique ids, references, keys and expand-all stay within each chart', async ({ page }) => {
    await open(page, `${EMBED}/two.html`);
    await readyOn(page, '#list');
    await readyOn(page, '#tree');

    expect(await duplicateIds(page), 'duplicate ids').toEqual([]);
    expect(await referencesOutside(page, '#list'), 'references out of the list chart').toEqual([]);
    expect(await referencesOutside(page, '#tree'), 'references out of the tree chart').toEqual([]);
    const controls = await page.locator('#list .og-toggle').evaluateAll((els) => els.map((e) => e.getAttribute('aria-controls')));
    expect(controls.length).toBe(DINUM_BRANCHES);

    // Keys in the list move within the list.
    const listRoot = page.locator('#list .og-toggle').first();
    await listRoot.focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedIn(page)).toEqual({ host: 'list', text: 'Missions transversales' });
    await page.keyboard.press('End');
    expect((await focusedIn(page)).host).toBe('list');
    await page.keyboard.press('ArrowDown');
    expect((await focusedIn(page)).host, 'ArrowDown at the end of the list does not leave it').toBe('list');

    // Keys in the tree move within the tree.
    const treeRoot = page.locator('#tree [role=treeitem][tabindex="0"]');
    await treeRoot.focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedIn(page)).toMatchObject({ host: 'tree' });
    await expect(page.locator('#tree [role=treeitem]:focus')).toHaveAttribute('aria-level', '2');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    expect((await focusedIn(page)).host).toBe('tree');

    // Expand all in the list leaves the tree untouched, and the other way round.
    const treeBefore = await stateOf(page, '#tree');
    await page.locator('#list').getByRole('button', { name: 'Tout déplier' }).click();
    await expect(page.locator('#list').locator('.og-status[role=status]')).toHaveText('Tout est déplié : 45 unités affichées.');
    await expect(page.locator('#list .og-toggle[aria-expanded="false"]')).toHaveCount(0);
    expect(await stateOf(page, '#tree')).toEqual(treeBefore);
    const listBefore = await stateOf(page, '#list');
    await page.locator('#tree').getByRole('button', { name: 'Tout déplier' }).click();
    await expect(page.locator('#tree').locator('.og-status[role=status]')).toHaveText('Tout est déplié : 45 unités affichées.');
    expect(await stateOf(page, '#list')).toEqual(listBefore);
    expect(await duplicateIds(page), 'duplicate ids once everything is rendered').toEqual([]);
  });

  test('two lists: unique ids, focus never crosses, expand-all is per chart', async ({ page }) => {
    await open(page, `${EMBED}/two-lists.html`);
    await readyOn(page, '#first');
    await readyOn(page, '#second');
    // The collapsed branches are written after the first frame: all 45 units first.
    for (const host of ['#first', '#second']) await expect(page.locator(`${host} .og-unit`)).toHaveCount(45);
    expect(await duplicateIds(page)).toEqual([]);
    expect(await referencesOutside(page, '#first')).toEqual([]);
    expect(await referencesOutside(page, '#second')).toEqual([]);

    await page.locator('#first .og-toggle').first().focus();
    await page.keyboard.press('End');
    expect(await focusedIn(page)).toEqual({ host: 'first', text: 'RH de la filière numérique de l’État (RHN)' });
    await page.keyboard.press('ArrowDown');
    expect(await focusedIn(page)).toEqual({ host: 'first', text: 'RH de la filière numérique de l’État (RHN)' });
    await page.locator('#second .og-toggle').first().focus();
    await page.keyboard.press('ArrowUp');
    expect((await focusedIn(page)).host).toBe('second');
    await page.keyboard.press('ArrowDown');
    expect(await focusedIn(page)).toEqual({ host: 'second', text: 'Missions transversales' });

    const secondBefore = await stateOf(page, '#second');
    await page.locator('#first').getByRole('button', { name: 'Tout déplier' }).click();
    await expect(page.locator('#first .og-toggle[aria-expanded="false"]')).toHaveCount(0);
    expect(await stateOf(page, '#second')).toEqual(secondBefore);
  });

  test('mounted by the API: destroying one leaves the other working', async ({ page }) => {
    const problems = collectProblems(page);
    await mountTwo(page);
    expect(await duplicateIds(page)).toEqual([]);
    expect(await referencesOutside(page, '#host-a')).toEqual([]);
    expect(await referencesOutside(page, '#host-b')).toEqual([]);

    const b = page.locator('#host-b');
    // The collapsed branches are written after the first frame: all 45 units first.
    await expect(b.locator('.og-unit')).toHaveCount(45);
    const bIds = await b.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    await page.evaluate('window.__a.destroy()');
    await expect(page.locator('#host-a .organigramme')).toHaveCount(0);
    await expect(page.locator('#host-a .fallback')).toHaveText('Repli statique A, données.');
    expect(await b.locator('[id]').evaluateAll((els) => els.map((e) => e.id))).toEqual(bIds);

    // The other chart still toggles, by mouse and keyboard, and its API still acts.
    const etalab = b.locator('.og-toggle', { hasText: /^Etalab$/ });
    await expect(etalab).toHaveAttribute('aria-expanded', 'false');
    await etalab.click();
    await expect(etalab).toHaveAttribute('aria-expanded', 'true');
    await expect(b.getByText('Datalab', { exact: true })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(etalab).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowDown');
    expect((await focusedIn(page)).host).toBe('host-b');
    expect(await page.evaluate('window.__b.expandAll()')).toBe(true);
    await expect(b.locator('.og-toggle[aria-expanded="false"]')).toHaveCount(0);
    expect(await page.evaluate('window.__a.expandAll()')).toBe(false);
    expect(problems.pageErrors).toEqual([]);
  });
});

test.describe('charts in shadow roots', () => {
  test('a list and a tree, each in a component’s shadow root: keys, expand all, search and the disclosure work there', async ({ page }) => {
    const problems = collectProblems(page);
    await open(page, `${EMBED}/shadow.html`);
    // Set by the page's module script, which may not have run yet.
    await page.waitForFunction(() => (window as unknown as { shadowEvents?: unknown[] }).shadowEvents?.length === 2);
    const events = await page.evaluate(() => (window as unknown as { shadowEvents: { host: string; type: string }[] }).shadowEvents);
    expect(events.map((e) => e.type)).toEqual(['ready', 'ready']);
    // The page's document holds none of the charts' ids: they are looked up
    // in each chart's shadow root.
    expect(await page.evaluate(() => document.querySelectorAll('[id^="og"]').length)).toBe(0);
    const list = page.locator('#list-host');
    const tree = page.locator('#tree-host');

    // The list: keys move focus, expand all opens every branch.
    await list.locator('.og-toggle').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(list.locator('.og-toggle', { hasText: 'Missions transversales' })).toBeFocused();
    await list.getByRole('button', { name: 'Tout déplier' }).click();
    await expect(list.locator('.og-status[role=status]')).toHaveText('Tout est déplié : 45 unités affichées.');
    await expect(list.locator('.og-toggle[aria-expanded="false"]')).toHaveCount(0);
    await expect(list.getByText('Datalab', { exact: true })).toBeVisible();

    // Its search finds a unit and takes focus to it.
    await list.getByRole('searchbox').fill('datalab');
    const result = list.locator('.og-result').first();
    await expect(result).toContainText('Datalab');
    await result.click();
    await expect(list.locator(':focus')).toHaveText('Datalab');

    // Closed by a script's click on its button while focus is inside it,
    // the chart takes focus to that button.
    const disclosure = list.locator('.og-disclosure');
    await list.locator('.og-toggle').first().focus();
    await disclosure.evaluate((button: HTMLElement) => button.click());
    await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    await expect(disclosure).toBeFocused();

    // The tree: arrow keys move its one tab stop, the details follow.
    const root = tree.locator('[role=treeitem][tabindex="0"]');
    await root.focus();
    await page.keyboard.press('ArrowDown');
    const second = tree.locator('[role=treeitem][aria-level="2"]').first();
    await expect(second).toBeFocused();
    await expect(second).toHaveAttribute('tabindex', '0');
    await expect(tree.locator('.og-details__name')).toHaveText('Missions transversales');
    await page.keyboard.press('ArrowRight');
    await expect(second).toHaveAttribute('aria-expanded', 'true');
    expect(problems.pageErrors).toEqual([]);
  });

  test('a link to a unit opens its branch and focuses it in the shadow root', async ({ page }) => {
    await open(page, `${EMBED}/shadow.html#etalab-datalab`);
    // The first chart mounted gives its units their link ids.
    const unit = page.locator('#list-host li.og-unit#etalab-datalab');
    await expect(unit).toBeVisible();
    await expect(unit.locator('.og-label')).toBeFocused();
  });
});

test.describe('a chart destroyed while a link is being copied', () => {
  test('the copy, once done, says nothing and breaks nothing: the other chart keeps working', async ({ page }) => {
    const problems = collectProblems(page);
    // The clipboard answers when the test says so.
    await page.addInitScript(() => {
      const w = window as unknown as { __copied?: () => void };
      Object.defineProperty(Navigator.prototype, 'clipboard', {
        get: () => ({ writeText: () => new Promise<void>((resolve) => (w.__copied = resolve)) }),
      });
    });
    await mountTwo(page);
    // What every live region says from now on, and in which host.
    await page.evaluate(() => {
      const said: { host: string | undefined; text: string }[] = ((window as unknown as { __said: unknown }).__said = []);
      new MutationObserver((records) => {
        for (const r of records) {
          const element = r.target instanceof Element ? r.target : r.target.parentElement;
          const region = element?.closest('[role=status], [role=alert], [aria-live]');
          if (region?.textContent) said.push({ host: region.closest('[id^=host-]')?.id, text: region.textContent });
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('#host-a .og-copy-link').first().click();
    await page.waitForFunction(() => typeof (window as unknown as { __copied?: unknown }).__copied === 'function');
    await page.evaluate('window.__a.destroy()');
    await page.evaluate('window.__copied()');
    // The other chart works, and says so: by the time it has, the copy's
    // continuation (a microtask of the call above) has run, and said nothing.
    const etalab = page.locator('#host-b .og-toggle', { hasText: /^Etalab$/ });
    await etalab.click();
    await expect(etalab).toHaveAttribute('aria-expanded', 'true');
    expect(await page.evaluate('window.__b.collapseAll()')).toBe(true);
    await expect(etalab).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#host-b .og-status')).toHaveText(/^Tout est replié/);
    const said = await page.evaluate(() => (window as unknown as { __said: { host?: string; text: string }[] }).__said);
    expect(said.map((s) => s.host)).toContain('host-b');
    expect(said.filter((s) => /copi/i.test(s.text))).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(describeConsole(problems.consoleErrors.filter((m) => !isFavicon404(m)))).toEqual([]);
  });
});

// ---------------------------------------- 4. progressive enhancement, failures

test.describe('progressive enhancement and load failures', () => {
  test('WebAssembly blocked: the static list stays, under a French alert', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await open(page, DINUM);
    const event = await errorOn(page, '#organigramme');
    expect(event.detail).toBe(WASM_ALERT_FR);
    const host = page.locator('#organigramme');
    const alert = page.getByRole('alert');
    await expect(alert).toHaveCount(1);
    await expect(alert).toHaveText(WASM_ALERT_FR);
    await expect(alert).toBeVisible();
    await expect(host.locator(':scope > :first-child')).toHaveAttribute('role', 'alert');
    await expect(host.locator(':scope > ul').first()).toBeVisible();
    await expect(host).toContainText('Datalab, chef de pôle : Ulrich Tan');
    await expect(page.locator('.organigramme')).toHaveCount(0);
  });

  test('the JS module blocked: the static list stays, untouched', async ({ page }) => {
    const original = await (await page.request.get(DINUM)).text();
    await page.route('**/organigramme.js', (route) => route.abort());
    await open(page, DINUM);
    const host = page.locator('#organigramme');
    await expect(host.locator(':scope > ul').first()).toBeVisible();
    await expect(host).toContainText('Datalab, chef de pôle : Ulrich Tan');
    await expect(host).toContainText('Organigramme daté du 17 janvier 2024');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.organigramme')).toHaveCount(0);
    // The host's content is exactly the file's.
    const same = await page.evaluate((html) => {
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      return parsed.getElementById('organigramme')!.innerHTML === document.getElementById('organigramme')!.innerHTML;
    }, original);
    expect(same).toBe(true);
    expect(await page.evaluate(() => window.__ogEvents)).toEqual([]);
  });

  const FAILURES: [string, string, string][] = [
    [
      'a missing file: the URL and 404',
      'missing.html',
      'Impossible de charger l’organigramme : le fichier « /test-data/embed/nope.json » a répondu 404 Not Found.',
    ],
    [
      'a text file: its content type',
      'wrong-type-txt.html',
      'Impossible de charger l’organigramme : le fichier « /test-data/embed/not-json.txt » est de type « text/plain; charset=utf-8 », pas JSON.',
    ],
    [
      'an HTML page: its content type',
      'wrong-type-html.html',
      'Impossible de charger l’organigramme : le fichier « /test-data/embed/blank.html » est de type « text/html; charset=utf-8 », pas JSON.',
    ],
  ];
  for (const [name, file, message] of FAILURES) {
    test(`${name}; the fallback stays under the alert`, async ({ page }) => {
      await open(page, `${EMBED}/${file}`);
      const event = await errorOn(page, '#chart');
      expect(event.detail).toBe(message);
      await expect(page.getByRole('alert').locator('p')).toHaveText(message);
      await expect(page.locator('#chart > :first-child')).toHaveAttribute('role', 'alert');
      await expect(page.locator('#chart > #static')).toBeVisible();
      await expect(page.locator('#static')).toHaveText('Direction : Stéphanie SchaerEtalab : Marielle Chrisment');
      await expect(page.locator('.organigramme')).toHaveCount(0);
    });
  }

  test('invalid JSON: the alert gives the line and column', async ({ page }) => {
    await open(page, `${EMBED}/invalid.html`);
    const event = await errorOn(page, '#chart');
    // tests/data/embed/invalid.json: `"name" "DINUM"` on line 4, the colon
    // missing before the string that starts at column 12.
    expect(event.detail).toMatch(
      /^Le fichier « \/test-data\/embed\/invalid\.json » n’est pas valide — ligne 4, colonne 12 : .+\.$/,
    );
    await expect(page.getByRole('alert').locator('p')).toHaveText(event.detail as string);
    await expect(page.locator('#static')).toBeVisible();
  });

  test('a file that never answers: the alert says 20 seconds (clock fast-forwarded)', async ({ page }) => {
    await page.clock.install();
    let requested!: () => void;
    const seen = new Promise<void>((resolve) => (requested = resolve));
    await page.route(`**${EMBED}/slow.json`, () => requested());
    await open(page, `${EMBED}/slow.html`);
    await seen;
    // The request may be the bundle's preload: the widget's timer starts
    // when it mounts, so wait for that before moving the clock.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('#chart')!.hasAttribute('data-organigramme-mounted')))
      .toBe(true);
    await page.clock.fastForward(19_000);
    expect(await page.evaluate(() => window.__ogEvents), 'no error before 20 s').toEqual([]);
    await expect(page.locator('#static')).toBeVisible();
    await page.clock.fastForward(1_500);
    const event = await errorOn(page, '#chart');
    const message =
      'Impossible de charger l’organigramme : le fichier « /test-data/embed/slow.json » n’a pas répondu en 20 secondes.';
    expect(event.detail).toBe(message);
    await expect(page.getByRole('alert').locator('p')).toHaveText(message);
    await expect(page.locator('#static')).toBeVisible();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
});

// ------------------------------------------------------------------- 5. CSP

test.describe('the strict CSP of examples/dinum.html', () => {
  async function recordViolations(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
  }
  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

  /** Exercises what might need a relaxed policy: open, expand all, collapse all, a click, keys. */
  async function exercise(page: Page): Promise<void> {
    const host = page.locator('#organigramme');
    await host.locator('.og-disclosure').click();
    await host.getByRole('button', { name: 'Tout déplier' }).click();
    await expect(host.locator('.og-status[role=status]')).toHaveText('Tout est déplié : 45 unités affichées.');
    await host.getByRole('button', { name: 'Tout replier' }).click();
    await host.locator('.og-toggle', { hasText: /^Etalab$/ }).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await expect(host.locator('.og-toggle').first()).toBeFocused();
    // The chart layout and its text size (set through the CSSOM).
    await host.getByRole('button', { name: 'Organigramme', exact: true }).click();
    await host.getByRole('button', { name: 'Plus petit' }).click();
    await expect(host.locator('.og-scroller')).toHaveCSS('font-size', /^14\.4/);
    await host.getByRole('button', { name: 'Ajuster à la largeur' }).click();
    await host.getByRole('button', { name: 'Liste', exact: true }).click();
    // The search's results, styled by a constructed style sheet in their
    // shadow root: not an inline style, so the policy lets it apply.
    await host.getByRole('searchbox').fill('datalab');
    const result = host.getByRole('button', { name: /^Datalab Direction/ });
    await expect(result).toBeVisible();
    await expect(result).toHaveCSS('border-bottom-style', 'solid');
  }

  /** A control: an inline script is refused and reported, so the recorder and the policy both work. */
  async function expectPolicyInForce(page: Page): Promise<void> {
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    // The violation event is dispatched asynchronously: wait for it.
    await expect.poll(async () => (await violations(page)).join('\n')).toContain('script-src');
  }

  test('meta CSP: exact policy, no inline script, zero violations, no console error', async ({ page }) => {
    const problems = collectProblems(page);
    await recordViolations(page);
    await open(page, DINUM);
    await readyOn(page, '#organigramme');
    await expect(page.locator('#organigramme > .organigramme')).toHaveCount(1);

    const metas = await page
      .locator('meta[http-equiv="Content-Security-Policy" i]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('content')));
    expect(metas).toEqual([CSP]);
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter((s) => !/^application\/(ld\+)?json$/i.test(s.getAttribute('type') ?? ''))
        .map((s) => s.outerHTML.slice(0, 100)),
    );
    expect(inline, 'inline scripts other than JSON data').toEqual([]);
    const styleAttrs = await page.evaluate(() =>
      [...document.querySelectorAll('[style]')].map((e) => e.outerHTML.slice(0, 100)),
    );
    expect(styleAttrs, 'style attributes (refused by style-src)').toEqual([]);

    await exercise(page);
    expect(await violations(page)).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(describeConsole(problems.consoleErrors.filter((m) => !isFavicon404(m)))).toEqual([]);
    await expectPolicyInForce(page);
  });

  test('the same page with the CSP as an HTTP header: zero violations, chart rendered', async ({ page }) => {
    const problems = collectProblems(page);
    await recordViolations(page);
    await page.route(`**${DINUM}`, async (route) => {
      const response = await route.fetch();
      // The meta tag is taken out, so that the header alone is in force.
      const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
      expect(body).not.toContain('Content-Security-Policy');
      await route.fulfill({
        response,
        body,
        headers: { ...response.headers(), 'content-security-policy': CSP },
      });
    });
    await open(page, DINUM);
    await readyOn(page, '#organigramme');
    await expect(page.locator('#organigramme > .organigramme')).toHaveCount(1);
    await exercise(page);
    expect(await violations(page)).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(describeConsole(problems.consoleErrors.filter((m) => !isFavicon404(m)))).toEqual([]);
    await expectPolicyInForce(page);
  });

  test('the standalone /index.html keeps Trunk’s integrity attributes, and they match', async ({ page }) => {
    await open(page, '/index.html');
    // Trunk's links (the data file's preload is the widget's, without a hash).
    const links = await page.locator('link[rel=stylesheet], link[rel=modulepreload], link[rel=preload]:not([as=fetch][href$=".json"])').evaluateAll(
      (els) => els.map((e) => ({ rel: e.getAttribute('rel'), href: e.getAttribute('href'), integrity: e.getAttribute('integrity') })),
    );
    expect(links.filter((l) => l.rel === 'stylesheet').length).toBeGreaterThanOrEqual(2);
    expect(links.filter((l) => l.rel === 'modulepreload').length).toBe(1);
    expect(links.filter((l) => l.rel === 'preload').length).toBe(1);
    for (const l of links) expect(l.integrity, `${l.rel} ${l.href}`).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    // The hashes match what is served, byte for byte (a preload whose hash
    // does not match is dropped, and the file fetched again without one).
    for (const l of links) {
      const body = await (await page.request.get(new URL(l.href!, page.url()).href)).body();
      expect(l.integrity, `${l.rel} ${l.href}`).toBe(`sha384-${createHash('sha384').update(body).digest('base64')}`);
    }
    await readyOn(page, '#organigramme');
    const sheets = await page.evaluate(() => [...document.styleSheets].filter((s) => s.cssRules.length > 0).length);
    expect(sheets).toBeGreaterThanOrEqual(2);
  });
});

// ------------------------------------------------- the data while the wasm loads

test.describe('the data file is fetched while the WebAssembly loads', () => {
  for (const [page_, host] of [['/index.html', '#organigramme'], [`${EMBED}/src.html`, '#chart']] as const) {
    test(`${page_}: one request for the data, a preload the widget's own fetch takes`, async ({ page }) => {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await open(page, page_);
      await readyOn(page, host);
      const json = requests.filter((u) => new URL(u).pathname.endsWith('.json'));
      expect(json, 'the widget took the preloaded response').toHaveLength(1);
      const preloads = await page.locator('link[rel=preload][as=fetch]').evaluateAll((els) =>
        els.map((e) => (e as HTMLLinkElement).href).filter((h) => h.endsWith('.json')));
      expect(preloads).toEqual(json);
    });
  }
});

test.describe('an async module', () => {
  test('started before the page is parsed, it mounts the charts parsed after it, with one request for the data', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // The parser waits on hold.js until the module has started.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/test-data/embed/hold.js', async (route) => {
      await held;
      await route.fulfill({ contentType: 'text/javascript', body: '' });
    });
    await recordWidgetEvents(page);
    await page.goto(`${EMBED}/async.html`, { waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => (window as { __ogStarted?: string }).__ogStarted ?? null)).toBe('loading');
    expect(await page.locator('#chart').count(), 'the host is not parsed yet').toBe(0);
    release();
    await readyOn(page, '#chart');
    await expect(page.locator('#chart .og-disclosure')).toBeVisible();
    await expect(page.locator('#static')).toHaveCount(0);
    const json = requests.filter((u) => new URL(u).pathname.endsWith('.json'));
    expect(json, 'the widget took the preloaded response').toHaveLength(1);
  });

  test('the standalone page starts its module without waiting for parsing', async ({ page }) => {
    const html = await (await page.request.get('/index.html')).text();
    expect(html.match(/<script type="module"[^>]*>/g)).toEqual(['<script type="module" async>']);
  });
});

// ---------------------------------------------------------------- 6. English

test.describe('English', () => {
  test('data-lang="en" on a French page: English UI, lang="en" on the widget, French data', async ({ page }) => {
    await open(page, `${EMBED}/en.html`);
    await readyOn(page, '#chart');
    const w = page.locator('#chart .organigramme');
    await expect(w).toHaveAttribute('lang', 'en');
    await expect(w.locator('.og-disclosure')).toHaveText('Accessible version of the organisation chart');
    await expect(w.locator('.og-toolbar button')).toHaveText(['List', 'Chart', 'Smaller', 'Larger', 'Fit the width', 'Expand all', 'Collapse all', 'Print the chart']);
    await expect(w.locator('.og-footer')).toHaveText(/^Organisation chart dated 17 January 2024/);
    await expect(w.locator('ul.og-tree')).toHaveAttribute('lang', 'fr');
    await expect(w.locator('.og-title')).toHaveAttribute('lang', 'fr');
    await w.getByRole('button', { name: 'Expand all' }).click();
    await expect(w.locator('.og-status[role=status]')).toHaveText('Everything is expanded: 45 units shown.');
    await w.getByRole('button', { name: 'Collapse all' }).click();
    await expect(w.locator('.og-status[role=status]')).toHaveText('Everything is collapsed: only the first level is shown.');
  });

  test('an English page: English UI, no lang on the widget, French data', async ({ page }) => {
    await open(page, `${EMBED}/en-page.html`);
    await readyOn(page, '#chart');
    const w = page.locator('#chart .organigramme');
    expect(await w.getAttribute('lang')).toBeNull();
    await expect(w.locator('.og-disclosure')).toHaveText('Accessible version of the organisation chart');
    await expect(w.locator('ul.og-tree')).toHaveAttribute('lang', 'fr');
    await expect(w.locator('.og-footer')).toHaveText(/^Organisation chart dated 17 January 2024/);
  });

  test('the host’s nearest lang="en" decides on a French page', async ({ page }) => {
    await open(page, `${EMBED}/en-nearest.html`);
    await readyOn(page, '#chart');
    const w = page.locator('#chart .organigramme');
    await expect(w.locator('.og-disclosure')).toHaveText('Accessible version of the organisation chart');
    await expect(w.locator('.og-toolbar button')).toHaveText(['List', 'Chart', 'Smaller', 'Larger', 'Fit the width', 'Expand all', 'Collapse all', 'Print the chart']);
    // Its nearest lang is already "en", but the page's is "fr": saying it again is harmless.
    await expect(w.locator('ul.og-tree')).toHaveAttribute('lang', 'fr');
  });

  test('a missing file: the alert in English', async ({ page }) => {
    await open(page, `${EMBED}/en-missing.html`);
    const message =
      'The organisation chart could not be loaded: the file “/test-data/embed/nope.json” answered 404 Not Found.';
    expect((await errorOn(page, '#chart')).detail).toBe(message);
    await expect(page.getByRole('alert').locator('p')).toHaveText(message);
    await expect(page.locator('#static')).toBeVisible();
  });

  test('data-lang="fr" on an English page: French UI, lang="fr" on the widget, none on the data', async ({ page }) => {
    await open(page, `${EMBED}/fr-on-en.html`);
    await readyOn(page, '#chart');
    const w = page.locator('#chart .organigramme');
    await expect(w).toHaveAttribute('lang', 'fr');
    await expect(w.locator('.og-disclosure')).toHaveText('Version accessible de l’organigramme');
    expect(await w.locator('ul.og-tree').getAttribute('lang')).toBeNull();
  });

  // The alert speaks the widget's language, and says so when the page differs.
  test('an English alert on a French page carries lang="en"', async ({ page }) => {
    await open(page, `${EMBED}/en-missing.html`);
    await errorOn(page, '#chart');
    await expect(page.getByRole('alert')).toHaveAttribute('lang', 'en');
    // The same for the alert start.js writes when WebAssembly cannot start.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${EMBED}/en.html`);
    expect((await errorOn(page, '#chart')).detail).toBe(WASM_ALERT_EN);
    await expect(page.getByRole('alert')).toHaveAttribute('lang', 'en');
  });

  test('WebAssembly blocked on an English page: the alert in English', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await open(page, `${EMBED}/en-page.html`);
    expect((await errorOn(page, '#chart')).detail).toBe(WASM_ALERT_EN);
    await expect(page.getByRole('alert')).toHaveText(WASM_ALERT_EN);
    await expect(page.locator('#chart')).toContainText('Fallback');
  });
});

// -------------------------------------------------------------------- 7. axe

test.describe('axe on examples/dinum.html', () => {
  test('axe: the widget rendered, closed', async ({ page }) => {
    await open(page, DINUM);
    await readyOn(page, '#organigramme');
    await expect(page.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'false');
    await expectNoAxeViolations(page, 'embed');
  });

  test('axe: the widget open and fully expanded', async ({ page }) => {
    await open(page, DINUM);
    await readyOn(page, '#organigramme');
    await page.locator('.og-disclosure').click();
    await page.getByRole('button', { name: 'Tout déplier' }).click();
    await expect(page.locator('.og-status[role=status]')).toHaveText('Tout est déplié : 45 unités affichées.');
    await expect(page.locator('.og-children[hidden]')).toHaveCount(0);
    await expectNoAxeViolations(page, 'embed');
  });

  test('axe: WebAssembly blocked, static fallback and alert', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await open(page, DINUM);
    await errorOn(page, '#organigramme');
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, 'embed');
  });
});

// -------------------------------------------------------------- 8. isolation

test.describe('style isolation', () => {
  test('under the host’s reset: the host’s font, 24×24 targets, a visible focus outline', async ({ page }) => {
    await open(page, DINUM);
    await readyOn(page, '#organigramme');
    const host = page.locator('#organigramme');
    // Keyboard only, so that :focus-visible applies.
    await host.locator('.og-disclosure').focus();
    await page.keyboard.press('Enter');
    await expect(host.locator('.og-disclosure')).toHaveAttribute('aria-expanded', 'true');

    const fonts = await page.evaluate(() => ({
      body: getComputedStyle(document.body).fontFamily,
      toggle: getComputedStyle(document.querySelector('.og-toggle')!).fontFamily,
      disclosure: getComputedStyle(document.querySelector('.og-disclosure')!).fontFamily,
      button: getComputedStyle(document.querySelector('.og-button')!).fontFamily,
      search: getComputedStyle(document.querySelector('.og-search__field')!).fontFamily,
    }));
    expect(fonts.body).toContain('Marianne');
    expect(fonts).toEqual({ body: fonts.body, toggle: fonts.body, disclosure: fonts.body, button: fonts.body, search: fonts.body });

    await host.getByRole('button', { name: 'Tout déplier' }).click();
    await expect(host.locator('.og-children[hidden]')).toHaveCount(0);
    const small = await host.locator('button').evaluateAll((els) =>
      els
        .map((e) => ({ text: (e.textContent ?? '').trim(), r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ text, r }) => `${text}: ${r.width}×${r.height}`),
    );
    expect(small, 'buttons under 24×24').toEqual([]);

    // Tab from the disclosure: the search field (named by its label), the
    // layout switch, the text size, "Tout déplier", "Tout replier", "Imprimer
    // l’organigramme", then the root toggle.
    await host.locator('.og-disclosure').focus();
    const stops = [
      'Rechercher une unité, une personne ou une fonction',
      'Liste',
      'Organigramme',
      'Plus petit',
      'Plus grand',
      'Ajuster à la largeur',
      'Tout déplier',
      'Tout replier',
      'Imprimer l’organigramme',
      'Direction interministérielle du numérique (DINUM)',
    ];
    for (const expected of stops) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
        // An outline, or inside the chart a border of an opaque colour.
        const outline = s.outlineStyle !== 'none';
        return {
          text: (label ?? el.textContent ?? '').trim(),
          visible: el.matches(':focus-visible'),
          style: outline ? s.outlineStyle : s.borderTopColor.startsWith('rgb(') ? s.borderTopStyle : 'none',
          width: parseFloat(outline ? s.outlineWidth : s.borderTopWidth),
        };
      });
      expect(focus.text).toBe(expected);
      expect(focus.visible).toBe(true);
      expect(focus.style, `${expected}: ring style`).not.toBe('none');
      expect(focus.width, `${expected}: ring width`).toBeGreaterThanOrEqual(2);
    }
  });

  test('the widget’s CSS does not leak onto the host’s own buttons, lists and text', async ({ page }) => {
    const PROPS = [
      'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'color', 'background-color',
      'margin-top', 'margin-left', 'padding-top', 'padding-left', 'border-top-width', 'border-top-style',
      'border-top-color', 'list-style-type', 'min-height', 'min-width', 'box-sizing', 'text-align', 'cursor',
      'outline-style', 'text-decoration-line', 'display', 'width', 'height', 'overflow-wrap',
    ];
    const read = (p: Page) =>
      p.evaluate((props) => {
        const out: Record<string, Record<string, string>> = {};
        // body and main grow with the chart: their size is left out.
        for (const sel of ['h1', '#plain-button', '#plain-list', '#plain-list li', '#plain-link', '#plain-text']) {
          const s = getComputedStyle(document.querySelector(sel)!);
          out[sel] = Object.fromEntries(props.map((prop) => [prop, s.getPropertyValue(prop)]));
        }
        for (const sel of ['body', 'main']) {
          const s = getComputedStyle(document.querySelector(sel)!);
          out[sel] = Object.fromEntries(
            props.filter((p) => p !== 'height').map((prop) => [prop, s.getPropertyValue(prop)]),
          );
        }
        return out;
      }, PROPS);

    await page.goto(`${EMBED}/isolation-bare.html`);
    const bare = await read(page);
    await open(page, `${EMBED}/isolation.html`);
    await readyOn(page, '#chart');
    expect(await read(page)).toEqual(bare);

    // Structurally: every selector of organigramme.css is scoped to the widget's classes.
    const unscoped = await page.evaluate(() => {
      const sheet = [...document.styleSheets].find((s) => s.href?.endsWith('/organigramme.css'))!;
      const out: string[] = [];
      // The selectors of a list, split at its top-level commas (not those of :is() or :not()).
      const selectors = (list: string) => {
        const parts = [''];
        let depth = 0;
        for (const c of list) {
          depth += c === '(' ? 1 : c === ')' ? -1 : 0;
          if (c === ',' && depth === 0) parts.push('');
          else parts[parts.length - 1] += c;
        }
        return parts;
      };
      const walk = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule) {
            for (const part of selectors(rule.selectorText)) if (!/\.(organigramme|og-)/.test(part)) out.push(part.trim());
          } else if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
        }
      };
      walk(sheet.cssRules);
      return out;
    });
    expect(unscoped, 'selectors not scoped under .organigramme or an og- class').toEqual([]);
  });

  test('a host’s DSFR tokens colour the widget', async ({ page }) => {
    await open(page, `${EMBED}/dsfr.html`);
    await readyOn(page, '#chart');
    const colours = await page.evaluate(() => ({
      toggle: getComputedStyle(document.querySelector('.og-toggle')!).color,
      // An action button (the pressed layout button inverts the colours).
      button: getComputedStyle(document.querySelector('.og-button:not([aria-pressed="true"])')!).color,
      text: getComputedStyle(document.querySelector('.organigramme')!).color,
      background: getComputedStyle(document.querySelector('.organigramme')!).backgroundColor,
    }));
    expect(colours).toEqual({
      toggle: 'rgb(18, 52, 86)',
      button: 'rgb(18, 52, 86)',
      text: 'rgb(32, 32, 32)',
      background: 'rgb(250, 250, 250)',
    });
  });
});
