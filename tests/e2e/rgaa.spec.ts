// The proofs the RGAA grid (docs/rgaa.md) names that no other suite gives:
// each in both modes and both layouts, on the DINUM chart, measured in
// Chromium (its accessibility tree through CDP, computed styles, layout).
import { expect, test, type Page } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { DINUM_DATA, expandAll, gotoChart, recordWidgetEvents, unitLabel, unitsOf, waitForWidget, type DataUnit } from './helpers';

const COMBOS = [
  { mode: 'list', layout: 'list' },
  { mode: 'list', layout: 'chart' },
  { mode: 'tree', layout: 'list' },
  { mode: 'tree', layout: 'chart' },
] as const;
type Combo = (typeof COMBOS)[number];

const UNITS = unitsOf(DINUM_DATA.root);
/** Each unit's level (1 for the root), by name. */
const LEVELS = new Map<string, number>();
(function level(unit: DataUnit, depth: number) {
  LEVELS.set(unit.name, depth);
  unit.children?.forEach((child) => level(child, depth + 1));
})(DINUM_DATA.root, 1);

const open = (page: Page, { mode, layout }: Combo, extra = '') => gotoChart(page, `?open=1&mode=${mode}&layout=${layout}${extra}`);

/** Types `query` in the search field (of the chart in `host`) and waits for its results. */
async function showResults(page: Page, query: string, host = '#organigramme'): Promise<void> {
  await page.locator(host).getByRole('searchbox').fill(query);
  await expect(page.locator(`${host} .og-results li`).first()).toBeVisible();
}

/** The element that holds a unit: its list item (list mode) or treeitem (tree mode). */
const UNIT = 'li.og-unit, li[role=treeitem]';
/** What a reader can act on in the widget. */
const CONTROLS = 'button, a[href], input, [role=treeitem]';

type AxNode = { ignored: boolean; role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] };

/** Chromium's accessibility nodes for one element (the first is the element's own). */
async function axOf(page: Page, selector: string): Promise<{ role: string; name: string; props: Record<string, unknown> }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Into shadow roots too (the search results are in one).
    const expression = `(function deep(root, sel) {
      const found = root.querySelector(sel);
      if (found) return found;
      for (const e of root.querySelectorAll('*')) if (e.shadowRoot && deep(e.shadowRoot, sel)) return deep(e.shadowRoot, sel);
      return null;
    })(document, ${JSON.stringify(selector)})`;
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    expect(result.objectId, `no element ${selector}`).toBeTruthy();
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false })) as { nodes: AxNode[] };
    const node = nodes[0];
    return {
      role: String(node.role?.value ?? ''),
      name: String(node.name?.value ?? ''),
      props: Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value.value])),
    };
  } finally {
    await cdp.detach();
  }
}

/** The exposed text of every status and alert region, as Chromium holds it. */
async function liveRegions(page: Page): Promise<{ role: string; live: unknown; text: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: (AxNode & { nodeId: string; childIds?: string[] })[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const text = (n: AxNode & { childIds?: string[] }): string =>
      n.role?.value === 'StaticText' ? String(n.name?.value ?? '') : (n.childIds ?? []).map((id) => byId.get(id)).filter(Boolean).map((c) => text(c!)).join('');
    return nodes
      .filter((n) => !n.ignored && ['status', 'alert'].includes(String(n.role?.value)))
      .map((n) => ({ role: String(n.role!.value), live: n.properties?.find((p) => p.name === 'live')?.value.value, text: text(n).trim() }));
  } finally {
    await cdp.detach();
  }
}

/**
 * Marks the control of the unit named `name` with `data-rgaa="mark"` (for
 * a selector, as CDP wants one): its label in the list, its treeitem in
 * the tree.
 */
async function markUnit(page: Page, name: string, mark: string): Promise<void> {
  await unitLabel(page, name).evaluate((label, mark) => {
    document.querySelectorAll(`[data-rgaa="${mark}"]`).forEach((e) => e.removeAttribute('data-rgaa'));
    (label.closest('[role=treeitem]') ?? label).setAttribute('data-rgaa', mark);
  }, mark);
}

for (const combo of COMBOS) {
  const title = `${combo.mode} mode, ${combo.layout} layout`;
  const tree = combo.mode === 'tree';

  test(`${title}: expanded states, the focused unit and status messages reach the accessibility tree`, async ({ page }) => {
    await open(page, combo);
    await markUnit(page, 'Etalab', 'etalab');
    const etalab = '[data-rgaa=etalab]';
    expect(await axOf(page, etalab)).toMatchObject({ role: tree ? 'treeitem' : 'button', props: { expanded: false } });
    // By keyboard, as a reader would: in the tree, the arrows; in the list, Tab.
    if (tree) {
      await page.locator('[role=treeitem][tabindex="0"]').focus();
      while (!(await page.locator(etalab).evaluate((e) => e === document.activeElement))) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
    } else {
      await page.locator(etalab).focus();
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await axOf(page, etalab)).props.expanded, 'expanded, in the accessibility tree').toBe(true);
    expect((await axOf(page, etalab)).props.focused, 'the focused unit is the one the tree says').toBe(true);
    if (tree) {
      // The details region follows the focused unit: what the reader tabs to is about Etalab.
      await expect(page.locator('.og-details')).toContainText('Etalab');
    }
    await page.keyboard.press(tree ? 'ArrowLeft' : 'Enter');
    await expect.poll(async () => (await axOf(page, etalab)).props.expanded, 'collapsed again').toBe(false);

    const regions = await liveRegions(page);
    expect(regions.filter((r) => r.role === 'status').length, 'the status regions, in the tree from the start').toBeGreaterThanOrEqual(2);
    expect(regions.every((r) => r.role !== 'status' || r.live === 'polite'), JSON.stringify(regions)).toBe(true);
    await expandAll(page);
    await expect.poll(async () => (await liveRegions(page)).some((r) => r.role === 'status' && /^Tout est déplié : 45 unités/.test(r.text))).toBe(true);
  });

  test(`${title}: every control's accessible name contains its visible label`, async ({ page }) => {
    await open(page, combo);
    await expandAll(page);
    await showResults(page, 'chef');
    const count = await page.locator(`.organigramme :is(${CONTROLS})`).count();
    expect(count).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (let i = 0; i < count; i++) {
      const control = page.locator(`.organigramme :is(${CONTROLS})`).nth(i);
      if (!(await control.isVisible())) continue;
      // The visible label: a field's <label>, a treeitem's label line, else the control's text.
      const visible = await control.evaluate((e) => {
        const text = (n: Element | null) => ((n as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();
        if (e instanceof HTMLInputElement) return text(e.labels?.[0] ?? null);
        if (e.getAttribute('role') === 'treeitem') return text(e.querySelector(':scope > .og-item__row .og-item__label'));
        return text(e);
      });
      await control.evaluate((e) => e.setAttribute('data-rgaa', 'named'));
      const { name } = await axOf(page, '[data-rgaa=named]');
      await control.evaluate((e) => e.removeAttribute('data-rgaa'));
      const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
      if (!visible || !fold(name).includes(fold(visible))) wrong.push(`“${visible}” → name “${name}”`);
    }
    expect(wrong, 'controls whose name does not contain their visible label').toEqual([]);
  });

  test(`${title}: after every action focus is on a visible control or where it was`, async ({ page }) => {
    await open(page, combo);
    const focused = () => page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      const r = e.getBoundingClientRect();
      return { text: (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60), visible: e.checkVisibility() && r.width > 0 && r.height > 0 };
    });
    const expectFocus = async (action: string, text: RegExp) => {
      const now = await focused();
      expect(now, `${action}: focus is lost`).not.toBeNull();
      expect(now!.visible, `${action}: focus is on a hidden element`).toBe(true);
      expect(now!.text, `${action}: focus moved elsewhere`).toMatch(text);
    };
    await markUnit(page, 'Etalab', 'etalab');
    await page.locator('[data-rgaa=etalab]').click();
    await expectFocus('a branch opened by a click', /Etalab/);
    await page.keyboard.press(tree ? 'ArrowLeft' : 'Enter');
    await expectFocus('the branch closed by a key', /Etalab/);
    for (const name of ['Tout déplier', 'Tout replier']) {
      await page.getByRole('button', { name, exact: true }).click();
      await expectFocus(name, new RegExp(name));
    }
    const other = combo.layout === 'list' ? 'Organigramme' : 'Liste';
    await page.getByRole('button', { name: other, exact: true }).click();
    await expectFocus('the layout switch', new RegExp(`^${other}$`));
    await page.getByRole('searchbox').fill('datalab');
    await expectFocus('typing a search', /^$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectFocus('a search result', /Datalab/);
    // The outer disclosure closed by a click: focus on it, not lost in the hidden chart.
    await page.locator('.og-disclosure').click();
    await expectFocus('the disclosure closed', /Version accessible/);
    await page.locator('.og-disclosure').click();
    await expectFocus('the disclosure opened', /Version accessible/);
  });

  test(`${title}: every status message comes from a region present before it, and is said once`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, combo);
    // Every change of a live region's text, and every region that was not there before it spoke.
    await page.evaluate(() => {
      const w = window as unknown as { spoken: string[]; late: string[] };
      w.spoken = [];
      w.late = [];
      const regions = new Set(document.querySelectorAll('[role=status], [role=alert], [aria-live]'));
      const last = new Map<Element, string>();
      new MutationObserver(() => {
        for (const region of document.querySelectorAll('[role=status], [role=alert], [aria-live]')) {
          const text = (region.textContent ?? '').trim();
          if (text === (last.get(region) ?? '')) continue;
          last.set(region, text);
          if (!text) continue;
          w.spoken.push(text);
          if (!regions.has(region)) w.late.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const said = () => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.slice());
    const heard = (action: string, message: RegExp) => expect.poll(async () => (await said()).some((s) => message.test(s)), action).toBe(true);
    const messages = [/^Tout est déplié/, /replié/, /^\d+ résultats?$/, /copié/];
    await page.getByRole('button', { name: 'Tout déplier', exact: true }).click();
    await heard('expand all', messages[0]);
    await page.getByRole('button', { name: 'Tout replier', exact: true }).click();
    await heard('collapse all', messages[1]);
    await page.getByRole('searchbox').pressSequentially('datalab', { delay: 20 });
    await heard('a search', messages[2]);
    await page.getByRole('searchbox').fill('');
    const copy = tree
      ? page.locator('.og-details').getByRole('button', { name: /^Copier le lien/ })
      : page.getByRole('button', { name: /^Copier le lien : Direction interministérielle/ });
    if (tree) await page.locator('[role=treeitem][tabindex="0"]').focus();
    await copy.click();
    await heard('a copied link', messages[3]);
    // Each action said its message once, in order: nothing repeated, nothing between.
    const all = await said();
    expect(all.length, JSON.stringify(all)).toBe(messages.length);
    all.forEach((text, i) => expect(text).toMatch(messages[i]));
    // No region was added to speak.
    expect(await page.evaluate(() => (window as unknown as { late: string[] }).late)).toEqual([]);
  });

  test(`${title}: the HTML is valid and ids are unique across two charts`, async ({ page }) => {
    // A host page with two charts, as a host writes it; then every branch
    // opened and search results shown, and the DOM serialised.
    const chart = (id: string) =>
      `<div id="${id}" data-organigramme data-src="/data/dinum-2024.json" data-open data-mode="${combo.mode}" data-layout="${combo.layout}"><p>Repli</p></div>`;
    await page.route('**/test-data/rgaa-two.html', (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>Deux organigrammes</title>
<link rel="stylesheet" href="/organigramme.css"><script type="module" src="/organigramme.js"></script></head>
<body><main><h1>Deux organigrammes</h1>${chart('first')}${chart('second')}</main></body></html>`,
    }));
    await recordWidgetEvents(page);
    await page.goto('/test-data/rgaa-two.html');
    await expect.poll(() => page.evaluate(() => window.__ogEvents?.filter((e) => e.type === 'ready').length)).toBe(2);
    for (const host of ['#first', '#second']) {
      await page.locator(host).getByRole('button', { name: 'Tout déplier', exact: true }).click();
      await expect(page.locator(`${host} .og-children[hidden]`)).toHaveCount(0);
    }
    await showResults(page, 'chef', '#first');
    const html = await page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`);
    // The search results are in a shadow root, which outerHTML leaves out:
    // each is checked as the body of a page of its own.
    const shadows = await page.evaluate(() => [...document.querySelectorAll('.og-results-panel')].map((p) => p.shadowRoot?.innerHTML ?? ''));
    expect(shadows.filter((inner) => inner.includes('class="og-result"')).length, 'the results shown, in their shadow root').toBe(1);
    const pages = [html, ...shadows.map((inner) => `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>Résultats</title></head><body>${inner}</body></html>`)];
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    const messages: string[] = [];
    for (const [i, text] of pages.entries()) {
      const report = await validator.validateString(text);
      messages.push(...report.results.flatMap((r) => r.messages.map((m) => `${i ? 'results' : 'page'}: ${m.ruleId} at ${m.line}:${m.column}: ${m.message} (${(m.selector ?? '').slice(0, 80)})`)));
    }
    expect(messages, 'html-validate').toEqual([]);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.length, 'ids of two charts').toBeGreaterThan(150);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'ids used twice').toEqual([]);
  });

  test(`${title}: without CSS, the chart reads as nested lists holding every unit and person`, async ({ page }) => {
    await open(page, combo);
    await expandAll(page);
    await page.evaluate(() => {
      document.querySelectorAll('link[rel=stylesheet], style').forEach((e) => e.remove());
      document.adoptedStyleSheets = [];
      document.querySelectorAll('[style]').forEach((e) => e.removeAttribute('style'));
    });
    const text = (await page.locator('#organigramme').innerText()).replace(/\s+/g, ' ');
    let at = 0;
    for (const unit of UNITS) {
      const found = text.indexOf(unit.name, at);
      expect(found, `${unit.name} is readable, after the unit before it`).toBeGreaterThanOrEqual(0);
      at = found;
      for (const person of unit.people ?? []) expect(text, `${person.name} of ${unit.name}`).toContain(person.name);
    }
    // Structure: each unit a list item of a list, inside its parent's list item.
    const depths = await page.locator(UNIT).evaluateAll((items) =>
      items.map((li) => {
        let depth = 0;
        for (let e = li.parentElement; e; e = e.parentElement) if (e.matches('li.og-unit, li[role=treeitem]')) depth++;
        return { list: li.parentElement?.tagName, depth: depth + 1, visible: (li as HTMLElement).checkVisibility() };
      }),
    );
    expect(depths).toHaveLength(UNITS.length);
    expect(depths.map((d, i) => ({ list: d.list, depth: d.depth, visible: d.visible, name: UNITS[i].name }))).toEqual(
      UNITS.map((u) => ({ list: 'UL', depth: LEVELS.get(u.name), visible: true, name: u.name })),
    );
  });

  test(`${title}: with CSS, each unit's nesting in the markup is its level in the chart`, async ({ page }) => {
    await open(page, combo);
    await expandAll(page);
    const units = await page.locator(UNIT).evaluateAll((items) =>
      items.map((li) => {
        let depth = 1;
        for (let e = li.parentElement; e; e = e.parentElement) if (e.matches('li.og-unit, li[role=treeitem]')) depth++;
        return { depth, level: li.getAttribute('aria-level'), list: li.parentElement?.tagName };
      }),
    );
    expect(units.map((u) => u.depth)).toEqual(UNITS.map((u) => LEVELS.get(u.name)));
    expect(units.every((u) => u.list === 'UL')).toBe(true);
    // The tree says each level too, and it is the nesting's.
    if (tree) expect(units.map((u) => Number(u.level))).toEqual(units.map((u) => u.depth));
  });
}

/**
 * What a reader would lose on screen, measured on the widget's text: text
 * cut by an ancestor that hides overflow, text over other text, and a page
 * that scrolls sideways. Text scrolled out of a scrolling region is reachable,
 * not lost; visually hidden text (1 px) is left out.
 */
async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const root = document.querySelector('.organigramme')!;
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      faults.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${window.innerWidth}`);
    }
    type Box = { left: number; top: number; right: number; bottom: number };
    const inter = (a: Box, b: Box): Box => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
    const texts: { text: string; box: Box; node: Text }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data.replace(/\s+/g, ' ').trim();
      const parent = node.parentElement!;
      if (!text || !parent.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width <= 1 || rect.height <= 1) continue;
        let box: Box | null = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
        for (let e: Element | null = parent; e && e !== document.documentElement && box; e = e.parentElement) {
          const style = getComputedStyle(e);
          const overflow = [style.overflowX, style.overflowY];
          if (overflow.every((o) => o === 'visible')) continue;
          const r = e.getBoundingClientRect();
          const inner = { left: r.left + e.clientLeft - 1, top: r.top + e.clientTop - 1, right: r.left + e.clientLeft + e.clientWidth + 1, bottom: r.top + e.clientTop + e.clientHeight + 1 };
          const scrolls = overflow.some((o) => o === 'auto' || o === 'scroll');
          const seen = inter(box, inner);
          if (!scrolls && (seen.left > box.left + 0.5 || seen.right < box.right - 0.5 || seen.top > box.top + 0.5 || seen.bottom < box.bottom - 0.5)) {
            faults.push(`“${text.slice(0, 40)}” is cut by ${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
            box = null;
          } else if (scrolls) {
            // Out of the region's view: reached by scrolling it, over nothing.
            box = seen.right - seen.left > 1 && seen.bottom - seen.top > 1 ? seen : null;
          }
        }
        if (box) texts.push({ text, box, node });
      }
    }
    // Text over other text: sorted by top, each box against those that start above its bottom.
    texts.sort((a, b) => a.box.top - b.box.top);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length && texts[j].box.top < texts[i].box.bottom - 1; j++) {
        if (texts[i].node === texts[j].node) continue;
        const o = inter(texts[i].box, texts[j].box);
        if (o.right - o.left > 1 && o.bottom - o.top > 1) faults.push(`“${texts[i].text.slice(0, 30)}” overlaps “${texts[j].text.slice(0, 30)}”`);
      }
    }
    if (texts.length < 100) faults.push(`only ${texts.length} pieces of text measured`);
    return [...new Set(faults)];
  });
}

/** The WCAG text-spacing overrides (1.4.12), as the usual bookmarklet sets them. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }`;

/**
 * Every contrast under WCAG's minimum in the widget: each visible text on
 * what is behind it (4.5:1, 3:1 when large), every drawn border and line,
 * pseudo-elements' too (3:1), and the focus indicator against the element
 * and its surroundings (3:1).
 */
async function contrastFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    /** The contrast ratio of two computed colours (WCAG 2), alpha ignored. */
    const ratio = (a: string, b: string) => {
      const lum = (c: string) => {
        const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
      };
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100;
    };
    const root = document.querySelector('.organigramme')!;
    const opaque = (c: string) => c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);
    /** The colour behind an element: the first opaque background up its ancestors. */
    const ground = (e: Element | null): string => {
      for (; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (opaque(bg)) return bg;
      }
      return matchMedia('(prefers-color-scheme: dark)').matches ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)';
    };
    const out: string[] = [];
    const check = (what: string, value: number, min: number) => { if (value < min) out.push(`${what}: ${value} < ${min}`); };
    // Text: every visible text node's colour on what is behind it.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const e = n.parentElement!;
      if (!n.textContent!.trim() || !e.checkVisibility()) continue;
      const s = getComputedStyle(e);
      const size = parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      check(`text “${n.textContent!.trim().slice(0, 30)}”`, ratio(s.color, ground(e)), large ? 3 : 4.5);
    }
    // Borders (controls, cards, lines, rails), and the lines drawn by pseudo-elements.
    for (const e of root.querySelectorAll('*')) {
      if (!e.checkVisibility()) continue;
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(e, pseudo);
        if (pseudo && s.content === 'none') continue;
        for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
          const width = parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`));
          const colour = s.getPropertyValue(`border-${side.toLowerCase()}-color`);
          if (width < 1 || s.getPropertyValue(`border-${side.toLowerCase()}-style`) === 'none' || !opaque(colour)) continue;
          check(`border of ${e.tagName.toLowerCase()}.${[...e.classList].join('.')}${pseudo ?? ''}`, ratio(colour, ground(pseudo ? e : e.parentElement)), 3);
        }
      }
    }
    // The focus indicator, against the element's colour and what is around
    // it; a treeitem draws it on its row (.og-focus), not round its subtree.
    // It is an outline, or in the chart's list a border (see the style sheet).
    const focused = document.querySelector('.og-focus') ?? document.activeElement!;
    const s = getComputedStyle(focused);
    const ring = s.outlineStyle !== 'none'
      ? { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor }
      : { style: s.borderTopStyle, width: parseFloat(s.borderTopWidth), color: s.borderTopColor };
    if (ring.style === 'none' || ring.width < 2 || !opaque(ring.color)) out.push(`no focus indicator on ${focused.tagName}`);
    check('focus indicator against the element', ratio(ring.color, ground(focused)), 3);
    check('focus indicator against its surroundings', ratio(ring.color, ground(focused.parentElement)), 3);
    return [...new Set(out)];
  });
}

/** A host page around the widget with a button before and after it: where Tab must lead. */
async function fence(page: Page): Promise<void> {
  await page.evaluate(() => {
    const host = document.querySelector('#organigramme')!;
    const button = (id: string) => Object.assign(document.createElement('button'), { id, type: 'button', textContent: id });
    host.before(button('rgaa-before'));
    host.after(button('rgaa-after'));
  });
}

/** The chart, every branch open and search results shown, between two buttons of the host. */
async function openFenced(page: Page, combo: Combo): Promise<void> {
  await open(page, combo);
  await expandAll(page);
  await fence(page);
  await showResults(page, 'pôle');
}

type Stop = { label: string; result: boolean; box: { left: number; top: number; right: number; bottom: number } };

/**
 * The Tab stops from the button before the widget to the one after it (or
 * 500 presses). Each box is where the stop sits in the page's content, its
 * regions' scrolling undone: where a reader sees it among the others.
 */
async function tabStops(page: Page, key: 'Tab' | 'Shift+Tab'): Promise<Stop[]> {
  const [from, to] = key === 'Tab' ? ['#rgaa-before', 'rgaa-after'] : ['#rgaa-after', 'rgaa-before'];
  await page.locator(from).focus();
  const stops: Stop[] = [];
  for (let i = 0; i < 500; i++) {
    await page.keyboard.press(key);
    const stop = await page.evaluate(() => {
      // The focused element, inside a shadow root too (the search results).
      let e = document.activeElement!;
      while (e.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
      const up = (n: Element) => n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null);
      const r = e.getBoundingClientRect();
      let [x, y] = [scrollX, scrollY];
      for (let p = up(e); p; p = up(p)) [x, y] = [x + p.scrollLeft, y + p.scrollTop];
      const box = { left: r.left + x, top: r.top + y, right: r.right + x, bottom: r.bottom + y };
      const label = `${e.tagName.toLowerCase()} “${(e.getAttribute('aria-label') ?? (e as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)}”`;
      return { id: e.id, label, result: !!e.closest('.og-results'), box };
    });
    if (stop.id === to) return stops;
    stops.push(stop);
  }
  throw new Error(`${key} from ${from} never reached #${to}: ${stops.slice(-5).map((s) => s.label).join(', ')}`);
}

for (const combo of COMBOS) {
  const title = `${combo.mode} mode, ${combo.layout} layout`;
  const tree = combo.mode === 'tree';

  test(`${title}: at 200 % zoom, text-only 200 % and 320 px, nothing is clipped, overlaps or scrolls sideways`, async ({ page }) => {
    const cases = [
      // 1280 × 800 at 200 %: the same CSS pixels as a 640 × 400 window.
      { label: 'browser zoom 200 %', width: 640, height: 400, scale: 2, text: false },
      { label: 'text-only zoom 200 %', width: 1280, height: 800, scale: 1, text: true },
      { label: '320 px', width: 320, height: 640, scale: 1, text: false },
    ];
    for (const { label, width, height, scale, text } of cases) {
      const context = await page.context().browser()!.newContext({ viewport: { width, height }, deviceScaleFactor: scale, baseURL: test.info().project.use.baseURL });
      const zoomed = await context.newPage();
      await open(zoomed, combo);
      if (text) await zoomed.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      await expandAll(zoomed);
      expect(await layoutFaults(zoomed), label).toEqual([]);
      await context.close();
    }
  });

  test(`${title}: with the text-spacing overrides no text is clipped or overlaps`, async ({ page }) => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await open(page, combo);
      await page.addStyleTag({ content: TEXT_SPACING });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.og-tree')!).letterSpacing), 'the overrides apply').not.toBe('normal');
      await expandAll(page);
      expect(await layoutFaults(page), `${width} px`).toEqual([]);
    }
  });

  test(`${title}: contrast of text, controls, borders, lines and the focus indicator, light, dark and forced colours`, async ({ page }) => {
    for (const theme of ['light', 'dark', 'forced colours'] as const) {
      await page.emulateMedia(theme === 'forced colours' ? { forcedColors: 'active', colorScheme: 'light' } : { forcedColors: 'none', colorScheme: theme });
      await open(page, combo);
      await expandAll(page);
      // Keyboard focus on a unit, so that its indicator is drawn.
      await page.getByRole('button', { name: 'Imprimer l’organigramme', exact: true }).focus();
      await page.keyboard.press('Tab');
      const faults = await contrastFaults(page);
      expect(faults, theme).toEqual([]);
    }
  });

  test(`${title}: the Tab order follows the visual order`, async ({ page }) => {
    await openFenced(page, combo);
    const stops = await tabStops(page, 'Tab');
    expect(stops.length, 'Tab stops').toBeGreaterThan(tree ? 8 : 40);
    expect(await page.locator('.organigramme [tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(), 'no positive tabindex').toBe(0);
    // Each stop comes below the one before it, or on its inline end (right,
    // in French). The search results open under their field like a popup:
    // the stop after them follows the field.
    const backwards = stops.slice(1).flatMap((b, i) => {
      const a = stops.slice(0, i + 1).findLast((s) => !s.result || b.result)!.box;
      const below = b.box.top >= a.bottom - 2 || (b.box.top >= a.top - 2 && b.box.left >= a.left - 2);
      const after = b.box.left >= a.right - 2;
      return below || after ? [] : [`${stops[i].label} → ${b.label}`];
    });
    expect(backwards, 'a Tab goes up and back').toEqual([]);
  });

  test(`${title}: no keyboard trap: Tab and Shift+Tab leave the widget from every stop`, async ({ page }) => {
    await openFenced(page, combo);
    // Forward from before the widget reaches after it, and backward the same
    // stops in reverse; but the search results, which close once focus has
    // left the search (they come back with it).
    const forward = await tabStops(page, 'Tab');
    expect(forward.filter((s) => s.result).length, 'the results were Tab stops').toBeGreaterThan(0);
    const backward = await tabStops(page, 'Shift+Tab');
    expect(backward.map((s) => s.label).reverse()).toEqual(forward.filter((s) => !s.result).map((s) => s.label));
    // From inside the tree or the list, after keys that move within it, Tab still leaves.
    const inside = tree ? page.locator('[role=treeitem][tabindex="0"]') : page.locator('.og-toggle').last();
    await inside.focus();
    await page.keyboard.press(tree ? 'End' : 'ArrowUp');
    const left = async (key: string) => {
      for (let i = 0; i < 500; i++) {
        await page.keyboard.press(key);
        const id = await page.evaluate(() => document.activeElement?.id);
        if (id === 'rgaa-after' || id === 'rgaa-before') return id;
      }
      return 'trapped';
    };
    expect(await left('Tab')).toBe('rgaa-after');
    await inside.focus();
    expect(await left('Shift+Tab')).toBe('rgaa-before');
  });

  test(`${title}: every target is at least 24 × 24 CSS px`, async ({ page }) => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await open(page, combo);
      await expandAll(page);
      await showResults(page, 'pôle');
      // A locator reaches into shadow roots (the search results are in one).
      const targets = page.locator('.organigramme :is(button, input, a[href], [role=treeitem] > .og-item__row)');
      expect(await targets.and(page.locator('.og-result')).count(), 'the results are among the targets').toBeGreaterThan(0);
      const small = await targets.evaluateAll((all) =>
        all
          .filter((e) => e.checkVisibility())
          .map((e) => ({ e, r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.width < 24 || r.height < 24)
          .map(({ e, r }) => `${e.tagName.toLowerCase()} “${(e.textContent ?? '').trim().slice(0, 30)}” ${r.width.toFixed(1)}×${r.height.toFixed(1)}`),
      );
      expect(small, `${width} px`).toEqual([]);
    }
  });

  test(`${title}: the focused element is never hidden, by the host's sticky header either`, async ({ page }) => {
    // The example host page, whose header stays at the top as the page scrolls.
    await page.route('**/examples/dinum.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('data-organigramme ', `data-organigramme data-open data-mode="${combo.mode}" data-layout="${combo.layout}" `);
      await route.fulfill({ response, body });
    });
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 700 });
      await recordWidgetEvents(page);
      await page.goto('/examples/dinum.html');
      expect(await waitForWidget(page)).toMatchObject({ type: 'ready' });
      expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).position), 'the host header is sticky').toBe('sticky');
      await expect(page.locator(`.organigramme${combo.layout === 'chart' ? '.og-layout-chart' : ':not(.og-layout-chart)'} ${tree ? '[role=tree]' : '.og-tree:not([role])'}`), 'the mode and layout asked for').toHaveCount(1);
      await expandAll(page);
      const hidden = async () => page.evaluate(() => {
        const e = document.activeElement!;
        const r = e.getBoundingClientRect();
        const header = document.querySelector('.site-header')!.getBoundingClientRect();
        // What of it is on screen: under the header, inside the window and every region that clips it.
        let top = Math.max(r.top, header.bottom), bottom = Math.min(r.bottom, innerHeight), left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
        for (let p = e.parentElement; p; p = p.parentElement) {
          if (getComputedStyle(p).overflowX === 'visible' && getComputedStyle(p).overflowY === 'visible') continue;
          const c = p.getBoundingClientRect();
          top = Math.max(top, c.top); bottom = Math.min(bottom, c.bottom); left = Math.max(left, c.left); right = Math.min(right, c.right);
        }
        const label = (e.getAttribute('aria-label') ?? (e as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return bottom - top < Math.min(r.height, 8) || right - left < Math.min(r.width, 8) ? label : null;
      });
      // Down the whole widget, then back up: Tab in the list, arrows in the tree.
      const problems: string[] = [];
      // The units focus went through (on them or on one of their controls).
      const visited = new Set<string>();
      const step = async (key: string) => {
        await page.keyboard.press(key);
        const where = await hidden();
        if (where) problems.push(`${key} → ${where}`);
        const unit = await page.evaluate(() => document.activeElement?.closest('.organigramme [data-unit]')?.getAttribute('data-unit'));
        if (unit) visited.add(unit);
      };
      const inWidget = () => page.evaluate(() => !!document.activeElement?.closest('.organigramme'));
      const on = (selector: string) => page.evaluate((s) => !!document.activeElement?.matches(s), selector);
      await page.locator('.og-disclosure').focus();
      if (tree) {
        for (let i = 0; i < 20 && !(await on('[role=treeitem]')); i++) await step('Tab');
        for (const key of [...Array(UNITS.length).fill('ArrowDown'), ...Array(UNITS.length).fill('ArrowUp')]) await step(key);
      } else {
        for (let i = 0; i < 300 && (await inWidget()); i++) await step('Tab');
        for (let i = 0; i < 300 && !(await on('.og-disclosure')); i++) await step('Shift+Tab');
      }
      expect(await on('.og-disclosure, [role=treeitem]'), 'the walk went through the widget').toBe(true);
      expect(visited.size, 'the walk went through every unit').toBe(UNITS.length);
      expect(problems, `${width} px`).toEqual([]);
    }
  });
}

test('the checks find what they look for: cut text, text over text, a page wider than the window, a faint text, a faint focus indicator', async ({ page }) => {
  await open(page, COMBOS[0]);
  await expandAll(page);
  await page.getByRole('button', { name: 'Imprimer l’organigramme', exact: true }).focus();
  await page.keyboard.press('Tab');
  expect(await layoutFaults(page), 'the widget as it is').toEqual([]);
  expect(await contrastFaults(page), 'the widget as it is').toEqual([]);
  const faultsWith = async (css: string, faults: (page: Page) => Promise<string[]>) => {
    const style = await page.addStyleTag({ content: css });
    const found = await faults(page);
    await style.evaluate((e) => e.remove());
    return found;
  };
  expect(await faultsWith('.organigramme .og-desc { block-size: 1em; overflow: hidden; }', layoutFaults)).toContainEqual(expect.stringMatching(/is cut by p\.og-desc/));
  expect(await faultsWith('.organigramme .og-kind { margin-inline-start: -4em; }', layoutFaults)).toContainEqual(expect.stringMatching(/overlaps/));
  expect(await faultsWith('.organigramme .og-tree { min-inline-size: 3000px; }', layoutFaults)).toContainEqual(expect.stringMatching(/the page scrolls sideways/));
  expect(await faultsWith('.organigramme .og-kind { color: #bbb; }', contrastFaults)).toContainEqual(expect.stringMatching(/^text “.*”: \d/));
  expect(await faultsWith('.organigramme .og-children > ul { border-inline-start: 2px solid #ddd; }', contrastFaults)).toContainEqual(expect.stringMatching(/^border of ul/));
  expect(await faultsWith('.organigramme :focus-visible { outline-color: #eee !important; border-color: #eee !important; }', contrastFaults)).toContainEqual(expect.stringMatching(/^focus indicator/));
  expect(await faultsWith('.organigramme .og-tree :focus-visible { border-color: transparent !important; }', contrastFaults)).toContainEqual(expect.stringMatching(/^no focus indicator/));
});

for (const mode of ['list', 'tree'] as const) {
  test(`${mode} mode: what colour tells is told otherwise too: a match, the pressed layout, an open or closed branch`, async ({ page }) => {
    await open(page, { mode, layout: 'list' });
    await showResults(page, 'schaer');
    const cues = await page.evaluate(() => {
      const style = (s: string, pseudo?: string) => getComputedStyle(document.querySelector(s)!, pseudo);
      const mark = document.querySelector('.og-results-panel')!.shadowRoot!.querySelector('.og-results mark')!;
      const [m, around] = [getComputedStyle(mark), getComputedStyle(mark.parentElement!)];
      const row = (open: boolean) =>
        document.querySelector(open ? '.og-toggle[aria-expanded="true"], .og-item__row.og-open' : '.og-toggle[aria-expanded="false"], .og-item__row.og-closed')!;
      return {
        // Something besides colour: a line, a weight or a slant.
        match: m.textDecorationLine !== around.textDecorationLine || m.fontWeight !== around.fontWeight || m.fontStyle !== around.fontStyle,
        pressed: style('.og-button[aria-pressed="true"]', '::before').content,
        unpressed: style('.og-button[aria-pressed="false"]', '::before').content,
        // The chevron turns (its glyph set upright or on its side): a
        // shape, not a colour.
        open: getComputedStyle(row(true), '::before').writingMode,
        closed: getComputedStyle(row(false), '::before').writingMode,
      };
    });
    expect(cues.match, 'a match stands out by more than its colours').toBe(true);
    expect(cues.pressed, 'the pressed layout is ticked').toContain('✓');
    expect(cues.unpressed, 'the other is not').toBe('none');
    expect(cues.open, 'an open branch’s chevron points another way than a closed one’s').not.toBe(cues.closed);
  });
}

test('the search field’s label and hint sit against it, at 1280 and 320 px', async ({ page }) => {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await open(page, COMBOS[0]);
    const [label, field, hint] = await Promise.all(
      ['.og-search__label', '.og-search__field', '.og-search__hint'].map((s) => page.locator(s).evaluate((e) => e.getBoundingClientRect().toJSON())),
    );
    expect(field.top - label.bottom, `${width} px: the label just above the field`).toBeGreaterThanOrEqual(-1);
    expect(field.top - label.bottom, `${width} px: the label just above the field`).toBeLessThan(12);
    expect(Math.abs(field.left - label.left), `${width} px: aligned on its start`).toBeLessThan(2);
    expect(hint.top - field.bottom, `${width} px: the hint just below`).toBeLessThan(12);
    expect(hint.top - field.bottom).toBeGreaterThanOrEqual(-1);
  }
});

test('a search result’s focus ring is drawn whole inside the panel that scrolls', async ({ page }) => {
  await open(page, COMBOS[0]);
  await showResults(page, 'pôle');
  await page.getByRole('searchbox').press('ArrowDown');
  const { ring, panel } = await page.evaluate(() => {
    // The results are in the panel's shadow root.
    const p = document.querySelector('.og-results-panel')!;
    const result = p.shadowRoot!.activeElement ?? document.activeElement!;
    const s = getComputedStyle(result);
    const r = result.getBoundingClientRect();
    // The outline's outer edge: the border box grown by offset and width.
    const grow = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
    const b = p.getBoundingClientRect();
    return {
      ring: { left: r.left - grow, right: r.right + grow, width: parseFloat(s.outlineWidth), style: s.outlineStyle, inResults: !!result.closest('.og-results') },
      panel: { left: b.left + p.clientLeft, right: b.left + p.clientLeft + p.clientWidth },
    };
  });
  expect(ring.inResults, 'Down went to a result').toBe(true);
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.left).toBeGreaterThanOrEqual(panel.left - 0.5);
  expect(ring.right).toBeLessThanOrEqual(panel.right + 0.5);
});

test('the title is a heading of the level the host gives, else a paragraph that does not look like one', async ({ page }) => {
  // The example host page gives level 3, under its "Notre organisation".
  await recordWidgetEvents(page);
  await page.goto('/examples/dinum.html');
  expect(await waitForWidget(page)).toMatchObject({ type: 'ready' });
  await page.locator('.og-disclosure').click();
  expect(await axOf(page, '.og-title')).toMatchObject({ role: 'heading', name: 'Organigramme de la DINUM', props: { level: 3 } });
  await expect(page.getByRole('heading', { level: 3, name: 'Organigramme de la DINUM' })).toBeVisible();
  // Without a level (the standalone page's data-heading="2" undone by the
  // query), or with one out of range: a paragraph, in the text's own weight and size.
  for (const query of ['?open=1&heading=', '?open=1&heading=7']) {
    await gotoChart(page, query);
    expect((await axOf(page, '.og-title')).role, query).toBe('paragraph');
    const [title, text] = await page.evaluate(() =>
      ['.og-title', '.og-footer'].map((s) => {
        const style = getComputedStyle(document.querySelector(s)!);
        return { weight: style.fontWeight, size: style.fontSize };
      }),
    );
    expect(title, `${query}: it does not look like a heading`).toEqual({ weight: '400', size: text.size });
  }
  await gotoChart(page, '?open=1');
  expect(await axOf(page, '.og-title'), 'the standalone page’s level 2').toMatchObject({ role: 'heading', props: { level: 2 } });
});
