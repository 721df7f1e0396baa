// The chart layout (layout=chart): the same lists drawn as cards joined by
// lines. Geometry is read from Chromium's layout: each card's box (the list
// mode's card is the column of the unit's parts, closed by the item's
// ::before; the tree mode's is the item's row), and each line's box (the
// connectors are borders of the items and of pseudo-elements in flow, whose
// boxes the DevTools protocol gives). The lines must join every parent to
// exactly its own sub-units, and they must show on screen: pixels sampled on
// each line differ from the background, in light, dark and forced colours.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { DINUM_DATA, expandAll, expectNoAxeViolations, gotoChart, unitLabel, unitsOf } from './helpers';

/** What the page is like when the browser prints it (window.print stubbed). */
type Printed = { hidden: number; wide: number; zoom: string };
declare global {
  interface Window {
    __prints?: Printed[];
    __zooms?: string[];
  }
}

type Rect = { left: number; top: number; right: number; bottom: number };
type Card = Rect & { unit: number; parent: number | null; index: number; hanging: boolean };
type Geometry = { cards: Card[]; lines: Rect[]; rtl: boolean };

type Unit = { id: string; name: string; kind?: string; people?: { name: string; role?: string }[]; children?: Unit[] };

/** A chart `depth` levels deep: each level has a branch that goes on, and two leaves. */
function deep(depth: number): { title: string; root: Unit } {
  const level = (n: number): Unit => ({
    id: `d${n}`,
    name: `Niveau ${n}`,
    kind: 'Bureau',
    children:
      n < depth
        ? [level(n + 1), { id: `d${n}-a`, name: `Feuille ${n} A` }, { id: `d${n}-b`, name: `Feuille ${n} B` }]
        : undefined,
  });
  return { title: 'Profond', root: level(1) };
}

/** A wide chart: many branches side by side, each with sub-branches and leaves. */
function wide(branches: number): { title: string; root: Unit } {
  const leaves = (prefix: string, n: number): Unit[] =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, name: `Pôle ${prefix}-${i}`, people: [{ name: `P ${prefix}-${i}`, role: 'Chef' }] }));
  return {
    title: 'Large',
    root: {
      id: 'w',
      name: 'Direction',
      children: Array.from({ length: branches }, (_, b) => ({
        id: `w${b}`,
        name: `Département ${b}`,
        kind: 'Département',
        children: b % 3 === 0 ? leaves(`w${b}`, 4) : [
          { id: `w${b}x`, name: `Bureau ${b}x`, children: leaves(`w${b}x`, 2) },
          { id: `w${b}y`, name: `Bureau ${b}y` },
        ],
      })),
    },
  };
}

/** Serves `data` as the chart's file and opens it in the chart layout. */
async function gotoData(page: Page, data: unknown, query: string): Promise<void> {
  await page.route('**/test-data/generated-chart.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) }));
  await gotoChart(page, `?src=/test-data/generated-chart.json&open=1&layout=chart${query}`);
}

/** The deep and the wide chart of the tests, with the number of units each shows fully expanded. */
const DEEP = { data: deep(12), units: 12 * 3 - 2 };
// The root, 9 departments, 3 × 4 hanging leaves, 6 × (2 offices + 2 leaves).
const WIDE = { data: wide(9), units: 1 + 9 + 3 * 4 + 6 * 4 };

/** A line-drawing pseudo-element's border box, on screen: a unit's ::after or its group's ::before. */
type PseudoBox = { unit: string; owner: 'li' | 'group'; quad: number[] };

/**
 * The border boxes of the pseudo-elements that draw lines. They are not in
 * the DOM, and boxes in flow have no offsets in the computed style: their
 * boxes come from the layout, through the DevTools protocol (the boxes
 * DevTools highlights), in viewport coordinates like getBoundingClientRect.
 */
async function pseudoBoxes(page: Page): Promise<PseudoBox[]> {
  type Node = { nodeId: number; localName?: string; attributes?: string[]; pseudoType?: string; pseudoElements?: Node[]; children?: Node[] };
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: Node };
    const boxes: PseudoBox[] = [];
    const visit = async (node: Node): Promise<void> => {
      const attrs = node.attributes ?? [];
      const attr = (name: string) => (attrs.indexOf(name) % 2 === 0 ? attrs[attrs.indexOf(name) + 1] : undefined);
      const unit = attr('data-unit');
      const owner = node.localName === 'li' ? 'li' : (attr('class') ?? '').split(' ').includes('og-children') ? 'group' : null;
      const which = owner === 'li' ? 'after' : 'before';
      for (const pseudo of unit !== undefined && owner ? node.pseudoElements ?? [] : []) {
        if (pseudo.pseudoType !== which) continue;
        // A pseudo-element that is not rendered has no box.
        const model = await cdp.send('DOM.getBoxModel', { nodeId: pseudo.nodeId }).catch(() => null);
        if (model) boxes.push({ unit: unit!, owner: owner!, quad: model.model.border });
      }
      for (const child of node.children ?? []) await visit(child);
    };
    await visit(root);
    return boxes;
  } finally {
    await cdp.detach();
  }
}

/** Every shown card and every drawn line, in page coordinates. */
async function geometry(page: Page): Promise<Geometry> {
  const boxes = await pseudoBoxes(page);
  return page.evaluate((boxes) => {
    const rect = (r: { left: number; top: number; right: number; bottom: number }) =>
      ({ left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY });
    const chart = document.querySelector('.organigramme')!;
    const rtl = getComputedStyle(chart).direction === 'rtl';
    const cards: Card[] = [];
    const lines: Rect[] = [];
    const items = [...chart.querySelectorAll<HTMLElement>('li.og-unit, li.og-item')].filter((li) => li.getClientRects().length > 0);
    const unitOf = (li: Element | null) => (li ? Number(li.getAttribute('data-unit')) : null);
    const boxOf = (owner: PseudoBox['owner'], unit: string) => {
      const quad = boxes.find((b) => b.owner === owner && b.unit === unit)?.quad;
      if (!quad) return null;
      const xs = [quad[0], quad[2], quad[4], quad[6]];
      const ys = [quad[1], quad[3], quad[5], quad[7]];
      return rect({ left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) });
    };
    /** The lines a box draws: its border sides (computed widths are in the element's CSS px, before the chart's zoom). */
    const sides = (box: Rect | null, s: CSSStyleDeclaration, zoom: number) => {
      if (!box) return;
      const px = (v: string) => (parseFloat(v) || 0) * zoom;
      const { left, top, right, bottom } = box;
      const drawn: Array<[number, Rect]> = [
        [px(s.borderTopWidth), { left, right, top, bottom: top + px(s.borderTopWidth) }],
        [px(s.borderBottomWidth), { left, right, top: bottom - px(s.borderBottomWidth), bottom }],
        [px(s.borderLeftWidth), { left, right: left + px(s.borderLeftWidth), top, bottom }],
        [px(s.borderRightWidth), { left: right - px(s.borderRightWidth), right, top, bottom }],
      ];
      for (const [width, line] of drawn) {
        if (width > 0 && line.right > line.left && line.bottom > line.top) lines.push(line);
      }
    };
    for (const li of items) {
      let box: Rect;
      const row = li.querySelector(':scope > .og-item__row');
      if (row) {
        box = rect(row.getBoundingClientRect());
      } else {
        // The list mode's card: its parts, each as wide as the card, from
        // the first (the button or label, which opens the card's box) down
        // to the item's ::before, which closes it just above the sub-units
        // (or at the item's end, where none are shown).
        const parts = [...li.children].filter((c) => !c.classList.contains('og-children') && c.getClientRects().length > 0);
        const first = rect(parts[0].getBoundingClientRect());
        const group = li.querySelector(':scope > .og-children');
        const end = group && group.getClientRects().length > 0 ? rect(group.getBoundingClientRect()).top : rect(li.getBoundingClientRect()).bottom;
        for (const part of parts) {
          const r = rect(part.getBoundingClientRect());
          if (Math.abs(r.left - first.left) > 1 || Math.abs(r.right - first.right) > 1) throw new Error(`a part of unit ${li.dataset.unit} is not as wide as its card`);
        }
        box = { left: first.left, right: first.right, top: first.top, bottom: end };
      }
      const group = li.parentElement!.parentElement!;
      const parent = group.classList.contains('og-children') ? group.closest('li') : null;
      cards.push({
        ...box,
        unit: unitOf(li)!,
        parent: unitOf(parent),
        index: [...li.parentElement!.children].indexOf(li),
        hanging: group.classList.contains('og-leaves'),
      });
      // The lines: the item's own borders (the bar, the rail), its ::after
      // (a drop, a corner of the bar, a leaf's tick), and its group's
      // ::before (the drop from its card). A closed branch's group
      // (hidden="until-found") keeps a box, but nothing in it is drawn.
      const zoom = (li as Element & { currentCSSZoom: number }).currentCSSZoom;
      sides(rect(li.getBoundingClientRect()), getComputedStyle(li), zoom);
      sides(boxOf('li', li.dataset.unit!), getComputedStyle(li, '::after'), zoom);
      const children = li.querySelector<HTMLElement>(':scope > .og-children');
      if (children && !children.hidden) sides(boxOf('group', li.dataset.unit!), getComputedStyle(children, '::before'), zoom);
    }
    return { cards, lines, rtl };
  }, boxes) as Promise<Geometry>;
}

const touches = (a: Rect, b: Rect, slack = 1) =>
  a.left <= b.right + slack && b.left <= a.right + slack && a.top <= b.bottom + slack && b.top <= a.bottom + slack;
const overlaps = (a: Rect, b: Rect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

/** The geometry every chart must have; `units` is how many are shown. */
function checkGeometry({ cards, lines, rtl }: Geometry, units: number): void {
  expect(cards).toHaveLength(units);
  const byUnit = new Map(cards.map((c) => [c.unit, c]));
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      expect(overlaps(cards[i], cards[j]), `cards ${cards[i].unit} and ${cards[j].unit} overlap`).toBe(false);
    }
  }
  for (const card of cards) {
    if (card.parent === null) continue;
    const parent = byUnit.get(card.parent)!;
    expect(card.top, `card ${card.unit} is below its parent ${card.parent}`).toBeGreaterThanOrEqual(parent.bottom);
  }
  // Siblings keep the data's order: along the line (mirrored in
  // right-to-left), or down the rail when they hang.
  const groups = new Map<number, Card[]>();
  for (const card of cards) {
    if (card.parent !== null) groups.set(card.parent, [...(groups.get(card.parent) ?? []), card]);
  }
  for (const siblings of groups.values()) {
    siblings.sort((a, b) => a.index - b.index);
    for (let k = 1; k < siblings.length; k++) {
      const [before, after] = [siblings[k - 1], siblings[k]];
      if (after.hanging) expect(after.top, `${after.unit} under ${before.unit}`).toBeGreaterThanOrEqual(before.bottom);
      else if (rtl) expect(after.right, `${after.unit} left of ${before.unit}`).toBeLessThanOrEqual(before.left);
      else expect(after.left, `${after.unit} right of ${before.unit}`).toBeGreaterThanOrEqual(before.right);
    }
  }
  // Lines that touch form networks; each network joins one parent's card
  // to exactly its sub-units' cards, and every parent has one.
  const net = lines.map((_, i) => i);
  const find = (i: number): number => (net[i] === i ? i : (net[i] = find(net[i])));
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) if (touches(lines[i], lines[j])) net[find(i)] = find(j);
  }
  const reached = new Map<number, Set<number>>();
  lines.forEach((line, i) => {
    const set = reached.get(find(i)) ?? new Set<number>();
    for (const card of cards) if (touches(line, card)) set.add(card.unit);
    reached.set(find(i), set);
  });
  const networks = [...reached.values()].map((s) => [...s].sort((a, b) => a - b).join(','));
  const expected = [...groups.entries()].map(([parent, children]) => [parent, ...children.map((c) => c.unit)].sort((a, b) => a - b).join(','));
  expect(networks.sort()).toEqual(expected.sort());
}

/** Pixels in the middle of each line, on a screenshot, are not the background's. */
async function checkLinesShow(page: Page, lines: Rect[]): Promise<void> {
  const shot = await page.screenshot({ fullPage: true });
  const differing = await page.evaluate(async ({ png, lines }) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const at = (x: number, y: number) => [...g.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3)];
    // The background, read just outside the scroller's content.
    const scroller = document.querySelector('.og-scroller')!.getBoundingClientRect();
    const ground = at(scroller.left + scrollX + 4, scroller.top + scrollY + 4);
    // A line shows if a pixel across its middle, from one pixel before its
    // box to its end, is not the background's: layout's fractional offsets
    // and the painter's pixel snapping differ by up to a pixel (seen right
    // to left).
    const differs = (c: number[]) => Math.abs(c[0] - ground[0]) + Math.abs(c[1] - ground[1]) + Math.abs(c[2] - ground[2]) > 90;
    return lines.filter((l) => {
      const [x, y] = [(l.left + l.right) / 2, (l.top + l.bottom) / 2];
      const upright = l.right - l.left < l.bottom - l.top;
      const [from, to] = upright ? [l.left - 1, l.right] : [l.top - 1, l.bottom];
      const across: number[] = [];
      for (let p = from; p <= to; p++) across.push(p);
      return !across.some((p) => differs(upright ? at(p, y) : at(x, p)));
    }).map((l) => JSON.stringify(l));
  }, { png: shot.toString('base64'), lines });
  expect(differing, 'lines that show against the background').toEqual([]);
}

/** A viewport wide enough for the whole chart, so that every line is on screen. */
async function fitViewport(page: Page): Promise<void> {
  // The standalone page's column is 60rem wide: let the chart's region grow.
  await page.addStyleTag({ content: 'main { max-width: none !important; }' });
  const width = await page.evaluate(() => document.querySelector('.og-scroller')!.scrollWidth);
  await page.setViewportSize({ width: Math.max(1280, width + 200), height: 900 });
  await expect.poll(() => page.evaluate(() => {
    const s = document.querySelector('.og-scroller')!;
    return s.scrollWidth <= s.clientWidth;
  })).toBe(true);
}

const DINUM_UNITS = 45;

/** `data` in the chart layout, fully expanded in a viewport that shows all of it, in direction `dir`: its geometry. */
async function drawn(page: Page, data: unknown, mode: string, dir = 'ltr'): Promise<Geometry> {
  await gotoData(page, data, `&mode=${mode}`);
  await page.evaluate((dir) => document.documentElement.setAttribute('dir', dir), dir);
  await expandAll(page);
  await fitViewport(page);
  return geometry(page);
}

/** How far the page and the chart's region scroll sideways. */
function sidewaysScroll(page: Page): Promise<{ page: number; scroller: number }> {
  return page.evaluate(() => {
    const s = document.querySelector('.og-scroller')!;
    return { page: document.documentElement.scrollWidth - innerWidth, scroller: s.scrollWidth - s.clientWidth };
  });
}

/** Cards (each unit's button, label or tree row) that reach past `box`'s sides. */
function cardsOutside(page: Page, box: { left: number; right: number }): Promise<string[]> {
  return page.evaluate((box) =>
    [...document.querySelectorAll('.og-toggle, .og-label, .og-item__row')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5;
      })
      .map((e) => e.textContent!.trim().slice(0, 40)), box);
}

/** How many pairs of consecutive cards sit side by side (the chart) rather than one under the other (the list). */
function cardsSideBySide(page: Page): Promise<number> {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll('.og-toggle, .og-label, .og-item__row')]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => e.getBoundingClientRect());
    return cards.slice(1).filter((r, i) => r.top < cards[i].bottom - 1).length;
  });
}

for (const mode of ['list', 'tree'] as const) {
  test.describe(`chart layout, ${mode} mode`, () => {
    test('DINUM: cards never overlap, sit below their parent in order, and lines join each parent to exactly its sub-units', async ({ page }) => {
      await gotoChart(page, `?open=1&layout=chart&mode=${mode}`);
      await expandAll(page);
      await fitViewport(page);
      const geo = await geometry(page);
      checkGeometry(geo, DINUM_UNITS);
      await checkLinesShow(page, geo.lines);
    });

    test('a deep chart and a wide one keep the same geometry, left to right and right to left', async ({ page }) => {
      for (const dir of ['ltr', 'rtl']) {
        const deepGeo = await drawn(page, DEEP.data, mode, dir);
        expect(deepGeo.rtl).toBe(dir === 'rtl');
        checkGeometry(deepGeo, DEEP.units);
        const geo = await drawn(page, WIDE.data, mode, dir);
        expect(geo.rtl).toBe(dir === 'rtl');
        checkGeometry(geo, WIDE.units);
        await checkLinesShow(page, geo.lines);
      }
    });

    test('the deep chart and the wide one keep their geometry and lines in dark and in forced colours', async ({ page }) => {
      for (const media of [{ colorScheme: 'dark' }, { colorScheme: 'light', forcedColors: 'active' }] as const) {
        await page.emulateMedia(media);
        for (const { data, units } of [DEEP, WIDE]) {
          const geo = await drawn(page, data, mode);
          checkGeometry(geo, units);
          await checkLinesShow(page, geo.lines);
        }
      }
    });

    test('a chart above the eager limit draws the branches it writes when they open, with the same geometry', async ({ page }) => {
      // 2,121 units: above 2,000, a branch's sub-units are written only when
      // it opens, and the chart layout must draw them then.
      const leaves = (prefix: string): Unit[] =>
        Array.from({ length: 20 }, (_, l) => ({ id: `${prefix}-${l}`, name: `Pôle ${prefix}-${l}` }));
      const big = {
        title: 'Grand',
        root: {
          id: 'g',
          name: 'Direction',
          children: Array.from({ length: 20 }, (_, d) => ({
            id: `g${d}`,
            name: `Département ${d}`,
            children: Array.from({ length: 5 }, (_, b) => ({ id: `g${d}-${b}`, name: `Bureau ${d}-${b}`, children: leaves(`${d}-${b}`) })),
          })),
        },
      };
      await gotoData(page, big, `&mode=${mode}`);
      await unitLabel(page, 'Département 3').click();
      await unitLabel(page, 'Bureau 3-2').click();
      // The root, its 20 departments, one's 5 offices and one office's 20
      // leaves: written, and nothing else (the lazy regime).
      const shown = 1 + 20 + 5 + 20;
      await expect(page.locator('li[data-unit]')).toHaveCount(shown);
      await fitViewport(page);
      const geo = await geometry(page);
      checkGeometry(geo, shown);
      await checkLinesShow(page, geo.lines);
    });

    test('dark, forced colours and right to left keep the geometry, and the lines show', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await gotoChart(page, `?open=1&layout=chart&mode=${mode}`);
      await expandAll(page);
      await fitViewport(page);
      let geo = await geometry(page);
      checkGeometry(geo, DINUM_UNITS);
      await checkLinesShow(page, geo.lines);

      await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
      geo = await geometry(page);
      checkGeometry(geo, DINUM_UNITS);
      await checkLinesShow(page, geo.lines);

      await page.emulateMedia({ forcedColors: 'none' });
      await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
      await fitViewport(page);
      geo = await geometry(page);
      expect(geo.rtl).toBe(true);
      checkGeometry(geo, DINUM_UNITS);
      await checkLinesShow(page, geo.lines);
    });

    test('at 320 px the chart reflows into the indented list: nothing scrolls sideways, every card is in view, in both directions', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 800 });
      for (const dir of ['ltr', 'rtl']) {
        await gotoChart(page, `?open=1&layout=chart&mode=${mode}`);
        await page.evaluate((dir) => document.documentElement.setAttribute('dir', dir), dir);
        await expandAll(page);
        expect(await sidewaysScroll(page), dir).toEqual({ page: 0, scroller: 0 });
        expect(await cardsOutside(page, { left: 0, right: 320 }), dir).toEqual([]);
        expect(await cardsSideBySide(page), `${dir}: cards side by side`).toBe(0);
      }
    });

    test('in a 320 px column of a 1280 px page the chart reflows too: the widget’s width decides, not the viewport’s', async ({ page }) => {
      await gotoChart(page, `?open=1&layout=chart&mode=${mode}`);
      await expandAll(page);
      // Full width: a chart, with cards side by side.
      expect(await cardsSideBySide(page)).toBeGreaterThan(0);
      // A host page's narrow column: the viewport stays 1280 px wide.
      await page.addStyleTag({ content: '#organigramme { inline-size: 320px; margin-inline-start: auto; }' });
      const column = await page.locator('#organigramme').evaluate((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, viewport: innerWidth };
      });
      expect(column.right - column.left).toBe(320);
      expect(column.viewport).toBe(1280);
      expect(await cardsSideBySide(page)).toBe(0);
      expect(await cardsOutside(page, column)).toEqual([]);
      expect(await sidewaysScroll(page)).toEqual({ page: 0, scroller: 0 });
    });

    test('every unit’s toggle is a target of at least 44 × 44 px, also at the smallest text size and fitted to the width', async ({ page }) => {
      await gotoChart(page, `?open=1&layout=chart&mode=${mode}`);
      await expandAll(page);
      const sizes = () => page.evaluate((mode) =>
        [...document.querySelectorAll(mode === 'tree' ? '[role=treeitem][aria-expanded] > .og-item__row' : '.og-toggle')]
          .map((e) => e.getBoundingClientRect())
          .map((r) => Math.min(r.width, r.height)), mode);
      expect((await sizes()).length).toBe(9);
      expect(Math.min(...(await sizes()))).toBeGreaterThanOrEqual(44);
      for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Plus petit' }).click();
      await expect(page.locator('.og-status[role=status]')).toHaveText('Taille du texte : 50\u00a0%.');
      expect(Math.min(...(await sizes()))).toBeGreaterThanOrEqual(44);
      // Fitted to the width, the chart scaled down: still 44 px on screen.
      await page.getByRole('button', { name: 'Ajuster à la largeur' }).click();
      await expect(page.locator('.og-status[role=status]')).toHaveText(/^Taille du texte : (2\d|3\d|4\d)\u00a0%\.$/);
      expect(Math.min(...(await sizes()))).toBeGreaterThanOrEqual(43.5);
    });

    test('the accessibility tree is the same in both layouts, collapsed and expanded, but for the switch’s state', async ({ page }) => {
      // The whole widget: title, toolbar, status, chart and footer.
      const snapshots = async () => {
        const widget = page.locator('.organigramme');
        const collapsed = await widget.ariaSnapshot();
        await expandAll(page);
        const expanded = await widget.ariaSnapshot();
        return { collapsed, expanded };
      };
      await gotoChart(page, `?open=1&mode=${mode}`);
      const list = await snapshots();
      await gotoChart(page, `?open=1&layout=chart&mode=${mode}`);
      const chart = await snapshots();
      // The switch says which layout is on; nothing else differs.
      expect(chart.expanded).toContain('- button "Organigramme" [pressed]');
      expect(list.expanded).toContain('- button "Liste" [pressed]');
      const unpressed = (snapshot: string) => snapshot.replaceAll(' [pressed]', '');
      expect({ collapsed: unpressed(chart.collapsed), expanded: unpressed(chart.expanded) })
        .toEqual({ collapsed: unpressed(list.collapsed), expanded: unpressed(list.expanded) });
      expect(list.expanded).toContain('- group "Taille":');
      expect(list.expanded).toContain('Datalab');
    });

    test('the layout switch keeps focus, the expanded branches and the current unit, and says its state', async ({ page }) => {
      await gotoChart(page, `?open=1&mode=${mode}`);
      const root = page.locator('.organigramme');
      const list = page.getByRole('button', { name: 'Liste', exact: true });
      const chart = page.getByRole('button', { name: 'Organigramme', exact: true });
      await expect(page.getByRole('group', { name: 'Disposition' })).toBeVisible();
      await expect(list).toHaveAttribute('aria-pressed', 'true');
      await expect(chart).toHaveAttribute('aria-pressed', 'false');
      // Open Etalab and make it the current unit.
      await unitLabel(page, 'Etalab').click();
      const expandedBefore = await page.locator('[aria-expanded="true"]').evaluateAll((e) => e.map((x) => x.id));
      const current = mode === 'tree' ? await page.locator('[role=treeitem][tabindex="0"]').getAttribute('id') : null;
      await chart.focus();
      await page.keyboard.press('Enter');
      await expect(chart).toHaveAttribute('aria-pressed', 'true');
      await expect(list).toHaveAttribute('aria-pressed', 'false');
      await expect(chart).toBeFocused();
      await expect(root).toHaveClass(/og-layout-chart/);
      expect(await page.locator('[aria-expanded="true"]').evaluateAll((e) => e.map((x) => x.id))).toEqual(expandedBefore);
      if (current) await expect(page.locator('[role=treeitem][tabindex="0"]')).toHaveAttribute('id', current);
      // The size controls are in both layouts.
      await expect(page.getByRole('group', { name: 'Taille' })).toBeVisible();
      await page.keyboard.press('Shift+Tab');
      await expect(list).toBeFocused();
      await page.keyboard.press('Space');
      await expect(list).toHaveAttribute('aria-pressed', 'true');
      await expect(root).not.toHaveClass(/og-layout-chart/);
      // The size controls work in the list layout too.
      const size = () => page.locator('.og-scroller').evaluate((s) => parseFloat(getComputedStyle(s).fontSize));
      const base = await size();
      await page.getByRole('group', { name: 'Taille' }).getByRole('button', { name: 'Plus grand' }).click();
      await expect(page.locator('.og-status[role=status]')).toHaveText('Taille du texte : 110\u00a0%.');
      expect(await size()).toBeCloseTo(base * 1.1, 1);
    });
  });
}

test('no unit is a paint layer of its own: in the chart layout each group of sub-units is one, in the list layout nothing is', async ({ page }) => {
  // Chromium walks every paint layer at each key press: with one per unit
  // (a positioned unit, a turned chevron), a press with 100,000 open units
  // took 350 to 580 ms, against about 20 ms with one per group. What makes
  // a box (or a pseudo-element) a paint layer, in Chromium's terms:
  const layered = () => page.evaluate(() => {
    const found: string[] = [];
    for (const e of document.querySelectorAll('.og-tree *')) {
      for (const which of [null, '::before', '::after']) {
        const s = getComputedStyle(e, which);
        if (which && s.content === 'none') continue;
        const why = [
          s.position !== 'static' && `position: ${s.position}`,
          [s.transform, s.translate, s.rotate, s.scale, s.filter, s.clipPath].some((v) => v !== 'none') && 'a transform, filter or clip',
          parseFloat(s.opacity) < 1 && 'opacity',
          s.willChange !== 'auto' && 'will-change',
          s.isolation === 'isolate' && 'isolation',
          s.mixBlendMode !== 'normal' && 'a blend mode',
          /paint|layout|strict|content/.test(s.contain) && `contain: ${s.contain}`,
          (s.overflowX !== 'visible' || s.overflowY !== 'visible') && 'overflow',
        ].filter(Boolean);
        if (why.length) found.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')}${which ?? ''}: ${why.join(', ')}`);
      }
    }
    return found;
  });
  for (const mode of ['list', 'tree']) {
    for (const layout of ['list', 'chart']) {
      await gotoChart(page, `?open=1&layout=${layout}&mode=${mode}`);
      await expandAll(page);
      const groups = await page.locator('.og-tree .og-children').count();
      const found = await layered();
      if (layout === 'list') {
        expect(found, `${mode} mode, list layout`).toEqual([]);
      } else {
        expect(found.filter((f) => !/^div\.og-children(\.og-leaves)?: position: relative$/.test(f)), `${mode} mode, chart layout`).toEqual([]);
        expect(found, `${mode} mode, chart layout: one layer per group`).toHaveLength(groups);
      }
    }
  }
});

test('with reduced motion nothing in the widget moves', async ({ page }) => {
  const moving = () => page.evaluate(() =>
    [...document.querySelectorAll('.organigramme, .organigramme *')].flatMap((e) =>
      [null, '::before', '::after'].filter((which) => {
        const s = getComputedStyle(e, which);
        return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none';
      }).map((which) => `${e.className}${which ?? ''}`)));
  await gotoChart(page, '?open=1&layout=chart');
  expect(await moving(), 'something moves without the preference (else this test proves nothing)').not.toEqual([]);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await moving()).toEqual([]);
});

test('the options: ?layout=, data-layout, the JS option, and data-layout-switch="false" hides the switch', async ({ page }) => {
  await gotoChart(page, '?open=1&layout=chart');
  await expect(page.locator('.organigramme')).toHaveClass(/og-layout-chart/);
  await page.goto('/test-data/embed/layout.html');
  await expect(page.locator('#host-a .organigramme')).toHaveClass(/og-layout-chart/);
  await page.evaluate(async () => {
    const m = await import('/organigramme.js' as string);
    m.mount(document.getElementById('host-b'), { src: '/data/dinum-2024.json', open: true, layout: 'chart', layoutSwitch: true });
  });
  await expect(page.locator('#host-b .organigramme')).toHaveClass(/og-layout-chart/);
  await expect(page.locator('#host-a').getByRole('group', { name: 'Layout' })).toHaveCount(0);
  await expect(page.locator('#host-b').getByRole('group', { name: 'Layout' })).toBeVisible();
  await expect(page.locator('#host-b').getByRole('button', { name: 'Chart', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('the size controls change the text size, say it, and fit the chart to its region', async ({ page }) => {
  await gotoChart(page, '?open=1&layout=chart');
  await expandAll(page);
  const scroller = page.locator('.og-scroller');
  const status = page.locator('.og-status[role=status]');
  const size = () => scroller.evaluate((s) => parseFloat(getComputedStyle(s).fontSize));
  const measure = () => scroller.evaluate((s) => ({
    wide: s.scrollWidth,
    room: s.clientWidth,
    scale: getComputedStyle(s.firstElementChild!).zoom,
    transform: getComputedStyle(s.firstElementChild!).transform,
  }));
  // Fully expanded, the DINUM chart is a few screens wide, not dozens.
  const full = await measure();
  expect(full.wide / full.room, `${full.wide} px in ${full.room} px`).toBeGreaterThan(1);
  expect(full.wide / full.room, `${full.wide} px in ${full.room} px`).toBeLessThanOrEqual(4);
  const base = await size();
  await page.getByRole('button', { name: 'Plus petit' }).click();
  expect(await size()).toBeCloseTo(base * 0.9, 1);
  await expect(status).toHaveText('Taille du texte : 90\u00a0%.');
  await page.getByRole('button', { name: 'Plus grand' }).click();
  await page.getByRole('button', { name: 'Plus grand' }).click();
  expect(await size()).toBeCloseTo(base * 1.1, 1);
  // Fit: the whole chart in its region, text still text (no transform):
  // below the smallest step the tree is scaled with CSS zoom.
  await page.getByRole('button', { name: 'Ajuster à la largeur' }).click();
  await expect(status).toHaveText(/^Taille du texte : \d+\u00a0%\.$/);
  const percent = Number((await status.textContent())!.match(/\d+/)![0]);
  const fitted = await measure();
  expect(fitted.wide, `${fitted.wide} px in ${fitted.room} px at ${percent} %`).toBeLessThanOrEqual(fitted.room);
  expect(percent).toBeGreaterThanOrEqual(Math.floor((100 * full.room) / full.wide) - 2);
  expect(percent).toBeLessThan(50);
  expect(fitted.scale).toBe(String(percent / 50));
  expect(await size()).toBeCloseTo(base / 2, 1);
  expect(fitted.transform).toBe('none');
  // Its targets keep their size on screen: buttons 44 px, links 24 px.
  const small = await scroller.evaluate((s) => [...s.querySelectorAll('button, a[href]')]
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return Math.min(r.width, r.height) < (e.nodeName === 'A' ? 24 : 44) - 0.5;
    }).length);
  expect(small, 'targets smaller than their size once fitted').toBe(0);
  // The fitted chart keeps its geometry, cards and lines.
  checkGeometry(await geometry(page), DINUM_UNITS);
  // "Plus grand" goes back to the smallest step, the chart unscaled.
  await page.getByRole('button', { name: 'Plus grand' }).click();
  await expect(status).toHaveText('Taille du texte : 50\u00a0%.');
  expect((await measure()).scale).toBe('1');
});

test('a chart too wide to fit at the smallest size says that it still scrolls', async ({ page }) => {
  await gotoData(page, wide(150), '');
  await expandAll(page);
  await page.getByRole('button', { name: 'Ajuster à la largeur' }).click();
  await expect(page.locator('.og-status[role=status]'))
    .toHaveText('Taille du texte : 28\u00a0%. L’organigramme reste plus large que sa zone : faites-la défiler.');
  const region = await page.locator('.og-scroller').evaluate((s) => ({ wide: s.scrollWidth, room: s.clientWidth }));
  expect(region.wide).toBeGreaterThan(region.room);
});

test('a chart wider than its region opens on its root card, also after the switch; the page does not scroll', async ({ page }) => {
  const rootInRegion = () => page.evaluate(() => {
    const region = document.querySelector('.og-scroller')!;
    const card = document.querySelector('.og-tree > li > :is(.og-toggle, .og-item__row)')!.getBoundingClientRect();
    const box = region.getBoundingClientRect();
    return { wide: region.scrollWidth > region.clientWidth, inside: card.left >= box.left && card.right <= box.right, pageScroll: scrollY };
  });
  await gotoChart(page, '?open=1&layout=chart&depth=2');
  expect(await rootInRegion()).toEqual({ wide: true, inside: true, pageScroll: 0 });
  // The region that scrolls is a landmark named by the chart's title.
  await expect(page.getByRole('region', { name: 'Organigramme de la DINUM', exact: true })).toHaveClass(/\bog-scroller\b/);
  await gotoChart(page, '?open=1&mode=tree&depth=2');
  await page.getByRole('button', { name: 'Organigramme', exact: true }).click();
  await expect.poll(rootInRegion).toEqual({ wide: true, inside: true, pageScroll: 0 });
});

test('keys, type-ahead and search move focus through the chart, and the focused card is in view in its region', async ({ page }) => {
  const focusedCard = () => page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    const element = focused.querySelector<HTMLElement>(':scope > .og-item__row') ?? focused;
    const card = element.getBoundingClientRect();
    const region = document.querySelector('.og-scroller')!.getBoundingClientRect();
    const inside = card.left >= region.left - 1 && card.right <= region.right + 1 && card.top >= 0 && card.bottom <= innerHeight;
    // Nothing covers it (WCAG 2.4.11): what is drawn at five points of it
    // (inside its rounded corners) is the card itself.
    const points = [[0.5, 0.5], [0.2, 0.2], [0.8, 0.2], [0.2, 0.8], [0.8, 0.8]]
      .map(([x, y]) => [card.left + x * card.width, card.top + y * card.height]);
    const covered = points.flatMap(([x, y]) => {
      const top = document.elementFromPoint(x, y);
      return top && (element === top || element.contains(top)) ? [] : [`${top?.nodeName}.${top?.className}`];
    });
    return { id: focused.id, text: focused.textContent!.trim(), inside, covered };
  });
  const expectInView = async (what: string) => {
    const state = await focusedCard();
    expect(state.inside, `${what}: the focused card ${state.id} is in view`).toBe(true);
    expect(state.covered, `${what}: points of the focused card ${state.id} under something else`).toEqual([]);
    return state;
  };
  for (const mode of ['list', 'tree']) {
    await gotoChart(page, `?open=1&layout=chart&mode=${mode}`);
    await expandAll(page);
    await page.locator(mode === 'tree' ? '[role=treeitem]' : '.og-toggle').first().focus();
    const seen = new Set<string>();
    for (let i = 0; i < 44; i++) {
      await page.keyboard.press('ArrowDown');
      seen.add((await expectInView(`${mode}, ArrowDown`)).id);
    }
    // List mode moves between the 9 branches only; the tree through every unit.
    expect(seen.size).toBe(mode === 'tree' ? 44 : 8);
    await page.keyboard.press('Home');
    expect((await expectInView(`${mode}, Home`)).text).toMatch(/^Direction interministérielle/);
    await page.keyboard.press('End');
    expect((await expectInView(`${mode}, End`)).text).toMatch(mode === 'tree' ? /^Campus du numérique public/ : /^RH de la filière/);
    if (mode === 'tree') {
      // Type-ahead: the tree's (the list of disclosures has none).
      await page.keyboard.press('Home');
      await page.keyboard.type('o');
      expect((await expectInView(`${mode}, type-ahead`)).text).toMatch(/^Opérateur des produits/);
    }
    // A search result, far from where focus was.
    await page.getByRole('searchbox').fill('campus');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect((await expectInView(`${mode}, search`)).text).toMatch(/^Campus du numérique public/);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 320]) {
    test(`axe finds nothing in the chart layout, ${scheme}, ${width} px, collapsed and expanded`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const mode of ['list', 'tree']) {
        await gotoChart(page, `?open=1&layout=chart&mode=${mode}`);
        for (const state of ['collapsed', 'expanded']) {
          if (state === 'expanded') await expandAll(page);
          await expectNoAxeViolations(page, `chart layout, ${mode} mode, ${state}, ${scheme}, ${width} px`);
        }
      }
    });
  }
}

/** Each page's text in a PDF, in the order Chromium wrote it (-raw: a card's lines together), spaces collapsed. */
function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f').map((p) => p.replace(/\s+/g, ' '));
}

/** Words of a PDF that reach past their page's right or bottom edge (cut off on paper). */
function wordsPastEdge(file: string): string[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return xml.split('<page ').slice(1).flatMap((p) => {
    const [, width, height] = p.match(/width="([\d.]+)" height="([\d.]+)"/)!.map(Number);
    return [...p.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)]
      .filter(([, x, y]) => Number(x) > width + 0.5 || Number(y) > height + 0.5)
      .map(([, , , word]) => word);
  });
}

/** The longest run of dark pixels along a row of page `n` of a PDF, rendered in grey at 50 dpi, as a share of the page's width. */
function longestDarkRun(file: string, n: number): number {
  const pgm = execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', String(n), '-l', String(n), '-singlefile', file]);
  // "P5 <width> <height> 255", one whitespace, then one byte per pixel.
  const header = pgm.subarray(0, 32).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+255\s/)!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let longest = 0;
  for (let y = 0; y < height; y++) {
    let run = 0;
    for (let x = 0; x < width; x++) {
      run = pixels[y * width + x] < 200 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
  }
  return longest / width;
}

test.describe('print', () => {
  test('"Imprimer l’organigramme" prints every branch open, the chart sized to the page, then puts everything back', async ({ page }) => {
    // What the page is like when the browser prints it.
    await page.addInitScript(() => {
      window.__prints = [];
      window.print = () => {
        const region = document.querySelector<HTMLElement>('.og-scroller')!;
        window.__prints!.push({
          hidden: document.querySelectorAll('.organigramme .og-children[hidden]').length,
          wide: document.querySelector('.og-tree')!.getBoundingClientRect().width,
          zoom: region.style.zoom,
        });
      };
    });
    for (const [mode, layout] of [['list', 'list'], ['list', 'chart'], ['tree', 'list'], ['tree', 'chart']]) {
      await gotoChart(page, `?open=1&mode=${mode}&layout=${layout}`);
      await unitLabel(page, 'Etalab').click();
      // The toolbar's last button.
      await expect(page.locator('.og-toolbar > button').last()).toHaveText('Imprimer l’organigramme');
      const expanded = () => page.locator('[aria-expanded="true"]').evaluateAll((e) => e.map((x) => x.id));
      const before = await expanded();
      const print = page.getByRole('button', { name: 'Imprimer l’organigramme' });
      await print.click();
      const prints = await page.evaluate(() => window.__prints!);
      expect(prints, `${mode} mode, ${layout} layout`).toHaveLength(1);
      expect(prints[0].hidden, `${layout}: branches still closed when printing`).toBe(0);
      if (layout === 'chart') {
        // Scaled (CSS zoom, text stays text) to a landscape page: 960 px.
        expect(prints[0].zoom, JSON.stringify(prints[0])).toMatch(/^\d+%$/);
        expect(prints[0].wide, JSON.stringify(prints[0])).toBeLessThanOrEqual(961);
      } else {
        expect(prints[0].zoom).toBe('');
      }
      expect(await expanded()).toEqual(before);
      expect(await page.locator('.og-scroller').evaluate((e) => (e as HTMLElement).style.zoom), 'the screen size is back').toBe('');
      await expect(page.locator('.og-status[role=status]')).toHaveText('L’organigramme entier a été envoyé à l’impression.');
      await expect(print).toBeFocused();
    }
  });

  test('printed from the browser (as from its menu), the PDF holds every unit’s and person’s name as text; the chart, sized to landscape pages, is not cut and its lines reach the paper', async ({ page }, testInfo) => {
    const names = unitsOf(DINUM_DATA.root).flatMap((u) => [u.name, ...(u.people ?? []).map((p) => p.name)]);
    for (const [mode, layout] of [['list', 'list'], ['list', 'chart'], ['tree', 'chart']]) {
      await gotoChart(page, `?open=1&mode=${mode}&layout=${layout}`);
      await expandAll(page);
      // No button and no size set by hand: the browser's print fires
      // beforeprint, and the widget sizes the chart to the page then.
      await page.evaluate(() => {
        const region = document.querySelector<HTMLElement>('.og-scroller')!;
        window.__zooms = [];
        addEventListener('beforeprint', () => window.__zooms!.push(region.style.zoom));
        addEventListener('afterprint', () => window.__zooms!.push(region.style.zoom));
      });
      const file = testInfo.outputPath(`dinum-${mode}-${layout}.pdf`);
      await page.pdf({ path: file, preferCSSPageSize: true });
      const zooms = await page.evaluate(() => window.__zooms!);
      expect(zooms, `${mode} mode, ${layout} layout: the region's zoom while printing, then after`).toEqual([layout === 'chart' ? expect.stringMatching(/^\d+%$/) : '', '']);
      expect(wordsPastEdge(file), `${mode} mode, ${layout} layout: words cut at the page's edge`).toEqual([]);
      const pages = pdfPages(file);
      const text = pages.join(' ');
      const missing = names.filter((name) => !text.includes(name));
      expect(missing, `${mode} mode, ${layout} layout: names missing from the PDF`).toEqual([]);
      if (layout !== 'chart') continue;
      // The chart layout prints its chart on landscape pages (the host's
      // heading before it keeps the host's page).
      const sizes = [...execFileSync('pdfinfo', ['-f', '1', '-l', String(pages.length), file], { encoding: 'utf8' })
        .matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map(([, , w, h]) => Number(w) > Number(h));
      const units = unitsOf(DINUM_DATA.root);
      const portrait = pages.flatMap((p, i) => (units.some((u) => p.includes(u.name)) && !sizes[i] ? [i + 1] : []));
      expect(portrait, 'pages of the chart not in landscape').toEqual([]);
      expect(sizes.filter((landscape) => landscape).length).toBeGreaterThan(0);
      // The lines are on paper: the bar that joins the root to its ten
      // departments crosses most of the page the root's card is on.
      const rootPage = pages.findIndex((p) => p.includes(units[0].name)) + 1;
      expect(longestDarkRun(file, rootPage), 'the longest line on the root’s page, as a share of its width').toBeGreaterThan(0.6);
    }
  });

  test('a chart taller than a page prints on several pages without splitting a card', async ({ page }, testInfo) => {
    // 12 levels, each card with two people: names no other name contains.
    const level = (n: number): Unit => {
      const tag = String.fromCharCode(65 + n);
      return {
        id: `t${n}`,
        name: `Niveau ${tag}`,
        people: [{ name: `Cheffe ${tag}`, role: 'Cheffe' }, { name: `Adjoint ${tag}`, role: 'Adjoint' }],
        children: n < 12 ? [level(n + 1)] : undefined,
      };
    };
    const root = level(1);
    for (const mode of ['list', 'tree']) {
      await gotoData(page, { title: 'Haut', root }, `&mode=${mode}`);
      await expandAll(page);
      const file = testInfo.outputPath(`tall-${mode}.pdf`);
      await page.pdf({ path: file, preferCSSPageSize: true });
      const pages = pdfPages(file);
      const units = unitsOf(root);
      expect(pages.filter((p) => units.some((u) => p.includes(u.name))).length, `${mode}: pages with units`).toBeGreaterThan(1);
      const split = units
        .filter((u) => !pages.some((p) => p.includes(u.name) && u.people!.every((person) => p.includes(person.name))))
        .map((u) => u.name);
      expect(split, `${mode}: cards split across pages`).toEqual([]);
    }
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`contrast, ${scheme}: text at least 4.5:1, lines, card borders and the focus ring at least 3:1`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const mode of ['list', 'tree']) {
      await gotoChart(page, `?open=1&layout=chart&mode=${mode}`);
      await expandAll(page);
      // Keyboard focus on the first unit, so that its ring is drawn.
      await page.getByRole('button', { name: 'Imprimer l’organigramme' }).focus();
      await page.keyboard.press('Tab');
      // The ring is there to be measured: on the root unit, drawn.
      const ring = await page.evaluate(() => {
        const focused = document.querySelector('.og-focus') ?? document.activeElement!;
        const style = getComputedStyle(focused);
        return { unit: focused.closest('[data-unit]')?.getAttribute('data-unit'), style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(ring, `${mode}, ${scheme}: the ring`).toEqual({ unit: '0', style: 'solid', width: 3 });
      const ratios = await page.evaluate(() => {
        const rgb = (c: string) => c.match(/[\d.]+/g)!.slice(0, 3).map(Number);
        const lum = (c: string) => {
          const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ratio = (a: string, b: string) => {
          const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
          return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100;
        };
        const style = (s: string, pseudo?: string) => getComputedStyle(document.querySelector(s)!, pseudo);
        const ground = style('.organigramme').backgroundColor;
        const row = document.querySelector('.og-item__row');
        const card = row ? getComputedStyle(row) : style('.og-unit', '::before');
        const focused = document.querySelector('.og-focus') ?? document.activeElement!;
        return {
          name: ratio(style('.og-tree > li > :is(.og-toggle, .og-item__row)').color, card.backgroundColor),
          kind: ratio(style('.og-kind').color, card.backgroundColor),
          count: ratio(style('.og-count').color, card.backgroundColor),
          description: ratio(style('.og-desc, .og-item__people').color, card.backgroundColor),
          line: ratio(style('.og-children > ul > li', '::after').borderTopColor, ground),
          border: ratio(card.borderTopColor, ground),
          ring: Math.min(ratio(getComputedStyle(focused).outlineColor, ground), ratio(getComputedStyle(focused).outlineColor, card.backgroundColor)),
        };
      });
      for (const [what, value] of Object.entries(ratios)) {
        expect(value, `${mode}, ${scheme}: ${what}`).toBeGreaterThanOrEqual(['line', 'border', 'ring'].includes(what) ? 3 : 4.5);
      }
    }
  });
}

test('the host decides the theme with the DSFR attributes, over the reader’s preference', async ({ page }) => {
  const colours = () => page.evaluate(() => {
    const s = getComputedStyle(document.querySelector('.organigramme')!);
    return { background: s.backgroundColor, text: s.color };
  });
  const LIGHT = { background: 'rgb(255, 255, 255)', text: 'rgb(22, 22, 22)' };
  const DARK = { background: 'rgb(22, 22, 22)', text: 'rgb(206, 206, 206)' };
  await page.emulateMedia({ colorScheme: 'light' });
  await gotoChart(page, '?open=1&layout=chart');
  expect(await colours()).toEqual(LIGHT);
  for (const attribute of ['data-fr-theme', 'data-fr-scheme']) {
    await page.evaluate((a) => document.documentElement.setAttribute(a, 'dark'), attribute);
    expect(await colours(), `${attribute}="dark"`).toEqual(DARK);
    await page.evaluate((a) => document.documentElement.removeAttribute(a), attribute);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await colours(), 'the reader prefers dark').toEqual(DARK);
  await page.evaluate(() => document.documentElement.setAttribute('data-fr-scheme', 'light'));
  expect(await colours(), 'the host says light').toEqual(LIGHT);
});
