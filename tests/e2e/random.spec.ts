// Property-style random walks over both views of the widget, in Chromium.
//
// For each view (list `?open=1`, tree `?mode=tree&open=1`), each chart (the
// DINUM 2024 chart, a flat sample through `?src=`) and each seed, a seeded
// PRNG picks STEPS actions among: a key press on the focused element, a real
// click on a visible toggle / treeitem, "Tout déplier" / "Tout replier", the
// outer disclosure, an `element.click()` that does not move focus (as an
// assistive technology activates), and a "reload": another chart mounted,
// destroyed and mounted again through the JS API on a second host of the
// same page. After every step the invariants below must hold:
//
//   1. tab stops: in the tree, exactly one treeitem has tabindex="0", and it
//      is rendered (no hidden ancestor) while the disclosure is open; in the
//      list, nothing but native controls is in the tab order;
//   2. focus: a step that starts with focus inside the widget never drops it
//      to the page: it ends on a rendered element, or outside the widget;
//   3. aria-expanded: "true" exactly when the controlled group is shown, on
//      every parent and on the outer disclosure; leaves carry none;
//   4. tree structure: aria-level / aria-setsize / aria-posinset agree with
//      the nesting of the DOM;
//   5. no page error, no console message with "panicked" or "RuntimeError".
//
// A failure prints the seed and the step log. To replay one walk:
//   OG_RANDOM_SEEDS=1234 npx playwright test tests/e2e/random.spec.ts
// (OG_RANDOM_STEPS changes the number of steps; OG_RANDOM_VERBOSE=1 prints
// every walk's log, not only a failing one's.) Type-ahead depends on the
// time between keys (500 ms), so a replay is deterministic except when a
// letter follows another letter closely: the log records where focus was
// before and after each step.
//
// The walks found two widget bugs, now fixed and pinned at the end of this
// file: BUG-1 (focus fell to <body> when the outer disclosure closed without
// focus moving while focus was on "Tout déplier", "Tout replier" or a link
// outside the units) and BUG-2 (a chart mounted through /organigramme.js on
// the standalone page reused the page chart's ids). OG_RANDOM_AVOID_BUG1=1
// keeps the walks away from BUG-1's trigger, for comparison.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gotoChart, mulberry32 } from './helpers';

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

const SEEDS = process.env.OG_RANDOM_SEEDS
  ? process.env.OG_RANDOM_SEEDS.split(',').map((s) => Number(s.trim()) >>> 0)
  : [0x5eed0001, 0x0c0ffee5, 20240917, 7, 31337, 0xdeadbeef];
const STEPS = Number(process.env.OG_RANDOM_STEPS ?? 60);

type Mode = 'list' | 'tree';
type Chart = { name: string; query: string; units: number; letters: string[] };

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8')) as T;
}
type Unit = { name: string; children?: Unit[] };
function names(root: Unit): string[] {
  return [root.name, ...(root.children ?? []).flatMap(names)];
}
/** First letters of the names, lower-cased and without accents: what type-ahead matches. */
const initials = (list: string[]) =>
  [...new Set(list.map((n) => n.normalize('NFD').replace(/\p{M}/gu, '')[0].toLowerCase()))].filter((c) =>
    /[a-z]/.test(c),
  );

const dinumNames = names(readJson<{ root: Unit }>('../../public/data/dinum-2024.json').root);
const FLAT_FILE = 'flat-siblings-order.json';
const flatNames = readJson<{ units: Unit[] }>(`../data/samples/valid/${FLAT_FILE}`).units.map((u) => u.name);

const CHARTS: Chart[] = [
  { name: 'DINUM 2024', query: '', units: dinumNames.length, letters: initials(dinumNames) },
  {
    name: `flat sample ${FLAT_FILE}`,
    query: `&src=/test-data/samples/valid/${FLAT_FILE}`,
    units: flatNames.length,
    letters: initials(flatNames),
  },
];

// ---------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------

class Rng {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
}

// ---------------------------------------------------------------------------
// Page state, read in one go
// ---------------------------------------------------------------------------

/** The chart under test is the one in #organigramme; the API's is in #og-second. */
const CHART = '#organigramme > .organigramme';
const TOGGLES = `${CHART} .og-toggle`;
const ITEMS = `${CHART} [role=treeitem]`;
const ROWS = `${CHART} [role=treeitem] > .og-item__row`;
// "Tout déplier" and "Tout replier": the toolbar's own buttons, not those of
// its groups (the layout switch, the text size).
const TOOLBAR = `${CHART} .og-toolbar > .og-button`;
const LAYOUTS = `${CHART} .og-toolbar .og-button[aria-pressed]`;
const DISCLOSURE = `${CHART} > .og-disclosure`;

type Summary = {
  disclosureOpen: boolean;
  /** Indices, among all `.og-toggle` (list) or all treeitems (tree), of the rendered ones. */
  visibleUnits: number[];
  focusInside: boolean;
  /**
   * Focus is inside the chart region on an element that belongs to no unit
   * ("Tout déplier", "Tout replier", the footer's link, the details
   * region's link): the trigger of BUG-1 below.
   */
  focusOffUnitInRegion: boolean;
  focus: string;
};

async function summary(page: Page, mode: Mode): Promise<Summary> {
  return page.evaluate(
    ({ mode, CHART, TOGGLES, ITEMS, DISCLOSURE }) => {
      const root = document.querySelector(CHART)!;
      const units = [...document.querySelectorAll(mode === 'list' ? TOGGLES : ITEMS)];
      const el = document.activeElement;
      const text = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      const describe = (e: Element | null) => {
        if (!e) return 'null';
        if (e.getAttribute('role') === 'treeitem')
          return `treeitem "${(e.querySelector(':scope > .og-item__row > .og-item__label')?.firstChild?.textContent ?? '?').trim()}"`;
        const tag = e.nodeName.toLowerCase();
        if (tag === 'body' || tag === 'html') return tag;
        return `${tag}${e.id ? '#' + e.id : ''}${e.classList.length ? '.' + [...e.classList].join('.') : ''} "${text(e)}"`;
      };
      return {
        disclosureOpen: document.querySelector(DISCLOSURE)!.getAttribute('aria-expanded') === 'true',
        visibleUnits: units.flatMap((u, i) => (u.checkVisibility() ? [i] : [])),
        focusInside: !!el && root.contains(el),
        focusOffUnitInRegion: !!el && !!el.closest('.og-chart') && root.contains(el) && !el.closest('[data-unit]'),
        focus: describe(el),
      };
    },
    { mode, CHART, TOGGLES, ITEMS, DISCLOSURE },
  );
}

// ---------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------

/**
 * Every invariant, checked in the page; returns the violations (empty when
 * all hold). `startedInside`: focus was inside the widget before the step.
 */
async function violations(page: Page, mode: Mode, startedInside: boolean, units: number): Promise<string[]> {
  return page.evaluate(
    ({ mode, startedInside, units, CHART }) => {
      const out: string[] = [];
      const root = document.querySelector(CHART);
      if (!root) return ['the chart is gone from #organigramme'];
      const rendered = (el: Element) => el.checkVisibility();
      const hiddenAncestor = (el: Element) => {
        for (let p: Element | null = el.parentElement; p && p !== root.parentElement; p = p.parentElement)
          if (p.hasAttribute('hidden')) return true;
        return false;
      };
      const nameOf = (el: Element) =>
        (
          (el.querySelector(':scope > .og-item__row > .og-item__label') ?? el).firstChild?.textContent ??
          el.textContent ??
          ''
        )
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 60);
      const disclosure = root.querySelector(':scope > .og-disclosure')!;
      const open = disclosure.getAttribute('aria-expanded') === 'true';

      // (3) The outer disclosure: aria-expanded in sync with its region.
      {
        const id = disclosure.getAttribute('aria-controls');
        const region = id ? document.getElementById(id) : null;
        if (!region || !root.contains(region)) out.push(`(3) the disclosure's aria-controls="${id}" does not resolve inside the chart`);
        else if (open === region.hasAttribute('hidden'))
          out.push(`(3) disclosure aria-expanded=${disclosure.getAttribute('aria-expanded')} but its region ${region.hasAttribute('hidden') ? 'is hidden' : 'is shown'}`);
      }

      if (mode === 'tree') {
        const items = [...root.querySelectorAll('[role=treeitem]')];
        if (items.length !== units) out.push(`treeitems rendered: ${items.length}, units in the data: ${units}`);
        // (1) One tab stop, rendered while the disclosure is open.
        const stops = items.filter((li) => li.getAttribute('tabindex') === '0');
        if (stops.length !== 1) out.push(`(1) ${stops.length} treeitems with tabindex="0": ${stops.map(nameOf).join(', ')}`);
        else if (open && (hiddenAncestor(stops[0]) || !rendered(stops[0])))
          out.push(`(1) the tab stop "${nameOf(stops[0])}" is inside a hidden branch`);
        const others = items.filter((li) => li.getAttribute('tabindex') !== '0' && li.getAttribute('tabindex') !== '-1');
        if (others.length) out.push(`(1) treeitems without tabindex 0/-1: ${others.map(nameOf).join(', ')}`);
        const tree = root.querySelector('[role=tree]')!;
        const tabbable = [...tree.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter(
          (el) => el.getAttribute('role') !== 'treeitem' && (el as HTMLElement).tabIndex >= 0,
        );
        if (tabbable.length) out.push(`(1) Tab stops inside the tree besides treeitems: ${tabbable.map((e) => e.outerHTML.slice(0, 80)).join(', ')}`);

        for (const li of items) {
          // (3) Parents: aria-expanded === "true" iff the group is shown; leaves: none.
          const wrapper = li.querySelector(':scope > .og-children');
          const expanded = li.getAttribute('aria-expanded');
          if (!wrapper) {
            if (expanded !== null) out.push(`(3) leaf "${nameOf(li)}" has aria-expanded="${expanded}"`);
          } else {
            const shown = !wrapper.hasAttribute('hidden');
            if (expanded !== (shown ? 'true' : 'false'))
              out.push(`(3) "${nameOf(li)}" aria-expanded=${expanded} but its group is ${shown ? 'shown' : 'hidden'}`);
            if (!wrapper.querySelector(':scope > ul[role=group]')) out.push(`(4) "${nameOf(li)}" has no role=group list`);
          }
          // (4) aria-level, aria-setsize, aria-posinset from the DOM.
          let depth = 1;
          for (let p = li.parentElement?.closest('[role=treeitem]'); p; p = p.parentElement?.closest('[role=treeitem]')) depth++;
          const list = li.parentElement!;
          const siblings = [...list.children].filter((c) => c.matches('li[role=treeitem]'));
          const expectedList = depth === 1 ? list.matches('ul[role=tree]') : list.matches('ul[role=group]');
          if (!expectedList) out.push(`(4) "${nameOf(li)}" is not directly in a ${depth === 1 ? 'tree' : 'group'}`);
          const got = [li.getAttribute('aria-level'), li.getAttribute('aria-setsize'), li.getAttribute('aria-posinset')];
          const want = [depth, siblings.length, siblings.indexOf(li) + 1].map(String);
          if (got.join() !== want.join())
            out.push(`(4) "${nameOf(li)}" level/setsize/posinset ${got.join('/')} but the DOM says ${want.join('/')}`);
        }
      } else {
        const listUnits = root.querySelectorAll('.og-unit');
        if (listUnits.length !== units) out.push(`units rendered: ${listUnits.length}, units in the data: ${units}`);
        // (1) Nothing but native controls in the tab order.
        const native = 'a[href], button, input, select, textarea, summary';
        const stray = [...root.querySelectorAll('[tabindex]')].filter(
          (el) => !el.matches(native) && (el as HTMLElement).tabIndex >= 0,
        );
        if (stray.length) out.push(`(1) non-native elements in the tab order: ${stray.map((e) => e.outerHTML.slice(0, 80)).join(', ')}`);
        // (3) Toggles: aria-expanded in sync with the list they control; leaves carry none.
        for (const toggle of root.querySelectorAll('.og-toggle')) {
          const id = toggle.getAttribute('aria-controls');
          const group = id ? document.getElementById(id) : null;
          if (!group || !root.contains(group)) {
            out.push(`(3) toggle "${nameOf(toggle)}": aria-controls="${id}" does not resolve inside the chart`);
            continue;
          }
          const shown = !group.hasAttribute('hidden');
          const expanded = toggle.getAttribute('aria-expanded');
          if (expanded !== (shown ? 'true' : 'false'))
            out.push(`(3) toggle "${nameOf(toggle)}" aria-expanded=${expanded} but its list is ${shown ? 'shown' : 'hidden'}`);
          if (group.closest('.og-unit') !== toggle.closest('.og-unit')) out.push(`(3) toggle "${nameOf(toggle)}" controls another unit's list`);
        }
        for (const unit of listUnits) {
          const hasGroup = !!unit.querySelector(':scope > .og-children');
          const head = unit.querySelector(':scope > .og-toggle, :scope > .og-label');
          if (!head) out.push(`(3) a unit without toggle or label: ${unit.outerHTML.slice(0, 80)}`);
          else if (hasGroup !== head.matches('.og-toggle')) out.push(`(3) "${nameOf(head)}": sub-units ${hasGroup} but toggle ${head.matches('.og-toggle')}`);
        }
        const stray2 = [...root.querySelectorAll('[aria-expanded]')].filter((el) => !el.matches('.og-toggle, .og-disclosure'));
        if (stray2.length) out.push(`(3) aria-expanded on non-toggles: ${stray2.map((e) => e.outerHTML.slice(0, 80)).join(', ')}`);
      }

      // (2) Focus never dropped to the page by a step that started inside.
      if (startedInside) {
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement)
          out.push(`(2) focus fell to ${el ? el.nodeName.toLowerCase() : 'null'}`);
        else if (root.contains(el) && !rendered(el))
          out.push(`(2) focus is on a hidden element: ${el.outerHTML.slice(0, 100)}`);
      }
      return out;
    },
    { mode, startedInside, units, CHART },
  );
}

// ---------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------

const KEYS = ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', ' ', '*', 'letter', 'Tab', 'Shift+Tab'];

type Kind = 'key' | 'click' | 'toolbar' | 'layout' | 'disclosure' | 'atClick' | 'reload';

/** The state of the chart under test, to tell that a reload of another chart left it alone. */
async function fingerprint(page: Page) {
  return page.evaluate(() => ({
    html: document.getElementById('organigramme')!.innerHTML,
    focus: document.activeElement?.id || document.activeElement?.nodeName,
  }));
}

/**
 * Mounts a chart on the second host through the JS API (the embed module),
 * waits for it, destroys it and mounts it again; destroys the previous one
 * first if there is one. Resolves with what went wrong, if anything.
 */
async function reloadSecondChart(page: Page, mode: Mode): Promise<string | null> {
  return page.evaluate(async (mode) => {
    type Handle = { destroy(): void };
    const w = window as unknown as { __ogSecond?: Handle };
    const host = document.getElementById('og-second')!;
    const m = (await import('/organigramme.js' as string)) as {
      mount(el: HTMLElement, o: object): Handle;
    };
    const mountOnce = () =>
      new Promise<Handle>((resolve, reject) => {
        let handle: Handle | undefined;
        const ready = () => {
          cleanup();
          resolve(handle!);
        };
        const error = (e: Event) => {
          cleanup();
          reject(new Error(`organigramme:error ${String((e as CustomEvent).detail)}`));
        };
        const cleanup = () => {
          host.removeEventListener('organigramme:ready', ready);
          host.removeEventListener('organigramme:error', error);
        };
        host.addEventListener('organigramme:ready', ready);
        host.addEventListener('organigramme:error', error);
        handle = m.mount(host, { src: '/data/dinum-2024.json', mode, open: true });
      });
    try {
      w.__ogSecond?.destroy();
      const first = await mountOnce();
      if (!host.querySelector('.organigramme')) return 'the second chart did not render';
      first.destroy();
      if (host.querySelector('.organigramme')) return 'destroy() left the second chart in place';
      w.__ogSecond = await mountOnce();
      if (!host.querySelector('.organigramme')) return 'the second chart did not render again';
      return null;
    } catch (e) {
      return String(e);
    }
  }, mode);
}

/**
 * Runs one random walk and checks the invariants after every step. With
 * `avoidBug1`, the walk never closes the outer disclosure by an
 * `element.click()` while focus is on a control of the region that belongs to
 * no unit (BUG-1, reported below): that step otherwise ends most walks
 * early, and the other invariants deserve the remaining steps.
 */
async function walk(page: Page, mode: Mode, chart: Chart, seed: number, { avoidBug1 }: { avoidBug1: boolean }) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (/panicked|RuntimeError/.test(m.text())) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  // Links (a leaf's default action in the tree, Enter on a link) lead off
  // the test server: "204 No Content" cancels the navigation, the page stays.
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => (route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.abort()),
  );

  const query = `${mode === 'tree' ? '?mode=tree&open=1' : '?open=1'}${chart.query}`;
  await gotoChart(page, query);
  // Focusable elements around the widget, so Tab and Shift+Tab leave it for
  // an element rather than for the browser's UI; and the second host, after
  // them and inert, so that only the API's calls reach the chart in it.
  await page.evaluate(() => {
    const host = document.getElementById('organigramme')!;
    const before = Object.assign(document.createElement('button'), { id: 'rnd-before', textContent: 'Avant' });
    const after = Object.assign(document.createElement('button'), { id: 'rnd-after', textContent: 'Après' });
    const second = Object.assign(document.createElement('div'), { id: 'og-second' });
    second.inert = true;
    host.before(before);
    host.after(after, second);
  });
  await page.locator(DISCLOSURE).focus();

  const rng = new Rng(seed);
  const log: string[] = [
    `seed ${seed} (0x${seed.toString(16)}), ${mode} view, ${chart.name}: ${query}${avoidBug1 ? ', BUG-1 trigger avoided' : ''}`,
  ];
  const fail = (why: string[]) => {
    const message = [`Invariant broken — replay with OG_RANDOM_SEEDS=${seed}`, ...why.map((w) => `  ✗ ${w}`), 'Steps:', ...log].join('\n');
    console.log(message);
    throw new Error(message);
  };

  const initial = await violations(page, mode, true, chart.units);
  if (initial.length) fail([`before any step: ${initial.join('; ')}`]);

  for (let step = 1; step <= STEPS; step++) {
    const s = await summary(page, mode);
    const kinds: Array<readonly [Kind, number]> = [
      ['key', 10],
      ['disclosure', 0.5],
      ['atClick', 2],
      ['reload', 0.35],
    ];
    if (s.disclosureOpen) kinds.push(['click', 3], ['toolbar', 1.5], ['layout', 0.5]);
    const kind = rng.weighted(kinds);
    let what = '';
    switch (kind) {
      case 'key': {
        let key = rng.pick(KEYS);
        if (key === 'letter') key = rng.int(5) === 0 ? rng.pick('abcdefghijklmnopqrstuvwxyz'.split('')) : rng.pick(chart.letters);
        what = `press ${key === ' ' ? 'Space' : key}`;
        await page.keyboard.press(key);
        break;
      }
      case 'click': {
        const i = rng.pick(s.visibleUnits);
        const target = page.locator(mode === 'list' ? TOGGLES : ROWS).nth(i);
        const name = await (mode === 'list' ? target : target.locator('.og-item__label')).textContent();
        what = `click ${mode === 'list' ? 'toggle' : 'treeitem'} #${i} "${name?.replace(/\s+/g, ' ').trim().slice(0, 50)}"`;
        await target.click({ timeout: 5_000 });
        break;
      }
      case 'toolbar': {
        const i = rng.int(2);
        what = `click "${i === 0 ? 'Tout déplier' : 'Tout replier'}"`;
        await page.locator(TOOLBAR).nth(i).click({ timeout: 5_000 });
        break;
      }
      case 'layout': {
        // The same invariants hold in both layouts: only the root's class changes.
        const i = rng.int(2);
        what = `click "${i === 0 ? 'Liste' : 'Organigramme'}"`;
        await page.locator(LAYOUTS).nth(i).click({ timeout: 5_000 });
        break;
      }
      case 'disclosure': {
        what = `click the outer disclosure (${s.disclosureOpen ? 'closes' : 'opens'})`;
        await page.locator(DISCLOSURE).click({ timeout: 5_000 });
        break;
      }
      case 'atClick': {
        // What an assistive technology may activate: any rendered control of the chart.
        const targets: Array<readonly [string, number]> = [];
        if (!(avoidBug1 && s.disclosureOpen && s.focusOffUnitInRegion)) targets.push([DISCLOSURE, 0.5]);
        if (s.disclosureOpen) targets.push([TOOLBAR, 1], [mode === 'list' ? TOGGLES : ITEMS, 3]);
        const selector = rng.weighted(targets);
        const locator = page.locator(selector);
        let index = 0;
        if (selector === TOOLBAR) index = rng.int(2);
        else if (selector !== DISCLOSURE) index = rng.pick(s.visibleUnits);
        const name = (await locator.nth(index).evaluate((el) => {
          const own = el.querySelector(':scope > .og-item__row > .og-item__label');
          return (own ?? el).textContent ?? '';
        })).replace(/\s+/g, ' ').trim().slice(0, 50);
        what = `element.click() without focus on ${selector === ITEMS ? `treeitem #${index}` : selector === TOGGLES ? `toggle #${index}` : selector === TOOLBAR ? 'toolbar button' : 'the disclosure'} "${name}"`;
        await locator.nth(index).evaluate((el) => (el as HTMLElement).click());
        break;
      }
      case 'reload': {
        what = 'reload: mount / destroy / mount a chart on #og-second through the JS API';
        const before = await fingerprint(page);
        const error = await reloadSecondChart(page, mode);
        log.push(`#${step} ${what} | focus ${s.focus}`);
        if (error) fail([`#${step}: the reload step failed: ${error}`]);
        const after = await fingerprint(page);
        if (after.focus !== before.focus) fail([`#${step}: the reload moved focus from ${before.focus} to ${after.focus}`]);
        if (after.html !== before.html) fail([`#${step}: the reload changed the chart under test (its markup differs)`]);
        break;
      }
    }

    if (kind !== 'reload') log.push(`#${step} ${what} | focus ${s.focus} → ${(await summary(page, mode)).focus}`);

    // The step has run (its handlers are synchronous, focus may follow
    // after a microtask): poll until the invariants hold, or report them.
    let last: string[] = [];
    try {
      await expect
        .poll(async () => (last = await violations(page, mode, s.focusInside, chart.units)), { timeout: 2_000, intervals: [0, 20, 50, 100, 250] })
        .toEqual([]);
    } catch {
      fail(last.map((v) => `after #${step}: ${v}`));
    }
    if (problems.length) fail([`after #${step}: (5) ${problems.join('\n    ')}`]);
  }
  await test.info().attach('steps', { body: log.join('\n'), contentType: 'text/plain' });
  if (process.env.OG_RANDOM_VERBOSE) console.log(log.join('\n'));
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

/**
 * Seeds whose walk, with every kind of step allowed (OG_RANDOM_AVOID_BUG1=0),
 * hits BUG-1, and where. Among 0x5eed0001, 0x0c0ffee5, 20240917, 7, 31337,
 * 0xdeadbeef, 1…6, only these do; the other walks pass with every step allowed.
 */
const BUG1_SEEDS: Array<{ seed: number; modes: Mode[]; where: string }> = [
  {
    seed: 7,
    modes: ['list', 'tree'],
    where: 'step 44 of each walk: #43 click "Tout replier", #44 element.click() on the disclosure',
  },
  {
    seed: 4,
    modes: ['tree'],
    where: 'step 29: #27 Shift+Tab from a treeitem to "Tout replier", #28 "s", #29 element.click() on the disclosure',
  },
];
const AVOID_BUG1 = process.env.OG_RANDOM_AVOID_BUG1 === '1';

for (const mode of ['list', 'tree'] as const) {
  for (const chart of CHARTS) {
    test.describe(`random walk, ${mode} view, ${chart.name}`, () => {
      for (const seed of SEEDS) {
        test(`seed ${seed}: ${STEPS} steps keep the invariants`, async ({ page }) => {
          test.setTimeout(60_000);
          await walk(page, mode, chart, seed, { avoidBug1: AVOID_BUG1 });
        });
      }
      for (const { seed, where } of BUG1_SEEDS.filter((b) => b.modes.includes(mode))) {
        // BUG-1: closing the outer disclosure without moving focus (an
        // assistive technology's or a script's click) while focus is on
        // "Tout déplier" / "Tout replier" / a link of the footer or of the
        // details region drops focus to <body>. See the reproductions below.
        test(`seed ${seed}, every step allowed: keeps the invariants (BUG-1 at ${where})`, async ({ page }) => {
          test.setTimeout(60_000);
          await walk(page, mode, chart, seed, { avoidBug1: false });
        });
      }
    });
  }
}

// The checks are not vacuous: each invariant reports a tampered DOM.
for (const mode of ['list', 'tree'] as const) {
  test(`${mode} view: the invariant checks report a tampered chart`, async ({ page }) => {
    await gotoChart(page, mode === 'tree' ? '?mode=tree&open=1' : '?open=1');
    const units = CHARTS[0].units;
    await page.locator(DISCLOSURE).focus();
    expect(await violations(page, mode, true, units)).toEqual([]);
    // `how` runs in the page: it gets the chart's root and `arg`, nothing else.
    const tamper = async (how: (root: Element, arg: string) => void, arg = '') => {
      await page.reload();
      // Every unit, the collapsed branches' too (written after the first frame).
      await expect(page.locator(mode === 'tree' ? ITEMS : `${CHART} .og-unit`)).toHaveCount(units);
      await page.locator(DISCLOSURE).focus();
      await page.locator(CHART).evaluate(how, arg);
      return (await violations(page, mode, true, units)).map((v) => v.slice(0, 3));
    };
    // (3) a parent says expanded while its group is hidden.
    expect(await tamper((root) => root.querySelector('[aria-expanded="false"]:not(.og-disclosure)')!.setAttribute('aria-expanded', 'true'))).toContain('(3)');
    // (3) a leaf with aria-expanded.
    const leaf = mode === 'tree' ? '[role=treeitem]:not([aria-expanded])' : '.og-label';
    expect(await tamper((root, sel) => root.querySelector(sel)!.setAttribute('aria-expanded', 'false'), leaf)).toContain('(3)');
    // (1) a second tab stop.
    const stop = mode === 'tree' ? '[role=treeitem][tabindex="-1"]' : '.og-label';
    expect(await tamper((root, sel) => root.querySelector(sel)!.setAttribute('tabindex', '0'), stop)).toContain('(1)');
    // (2) focus on the page.
    expect(await tamper(() => (document.activeElement as HTMLElement | null)?.blur())).toContain('(2)');
    if (mode === 'tree') {
      // (4) a wrong position, and (1) the tab stop in a hidden branch.
      expect(await tamper((root) => root.querySelectorAll('[role=treeitem]')[2].setAttribute('aria-posinset', '9'))).toContain('(4)');
      expect(
        await tamper((root) => {
          root.querySelector('[role=treeitem]')!.setAttribute('tabindex', '-1');
          root.querySelector('.og-children[hidden] [role=treeitem]')!.setAttribute('tabindex', '0');
        }),
      ).toContain('(1)');
    }
  });
}

// ---------------------------------------------------------------------------
// Minimal reproductions of what the walks found
// ---------------------------------------------------------------------------

/** Collects page errors and wasm panics, for the reproductions. */
function panics(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (/panicked|RuntimeError/.test(m.text())) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  return problems;
}

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.nodeName.toLowerCase()} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
  });

test.describe('BUG-1 (fixed): the outer disclosure closes without focus moving, focus on a non-unit control inside', () => {
  // The walks of seeds 7 and 4 above, shrunk to two steps. Expected, as when focus is
  // on a unit ("rescue: the outer disclosure closes with focus inside → focus
  // on the disclosure" in list.spec.ts), and per the reducer's rule "focus
  // never falls to the page": focus moves to the disclosure. Actual: the
  // focused control is hidden with the region and focus falls to <body>. The
  // rescue (reduce.rs, rescue_focus) only knows units: focus on these
  // controls is `FocusElsewhere`, so nothing moves it.
  const cases = [
    { mode: 'list', query: '?open=1', control: '"Tout replier"', focus: (page: Page) => page.locator(TOOLBAR).nth(1).click() },
    { mode: 'list', query: '?open=1', control: '"Tout déplier"', focus: (page: Page) => page.locator(TOOLBAR).nth(0).click() },
    { mode: 'list', query: '?open=1', control: 'the footer\'s "Source" link', focus: (page: Page) => page.locator(`${CHART} .og-footer a`).focus() },
    { mode: 'tree', query: '?mode=tree&open=1', control: '"Tout replier"', focus: (page: Page) => page.locator(TOOLBAR).nth(1).click() },
    { mode: 'tree', query: '?mode=tree&open=1', control: 'the footer\'s "Source" link', focus: (page: Page) => page.locator(`${CHART} .og-footer a`).focus() },
    {
      mode: 'tree',
      query: '?mode=tree&open=1',
      control: 'the details region\'s link (of "Animation beta.gouv.fr")',
      focus: async (page: Page) => {
        await page.locator(TOOLBAR).nth(0).click();
        await page.getByRole('treeitem', { name: 'Animation beta.gouv.fr', exact: true }).click();
        await page.locator(`${CHART} .og-details a`).focus();
      },
    },
  ] as const;
  for (const c of cases) {
    test(`${c.mode} view: focus on ${c.control}, element.click() on the disclosure → focus on the disclosure`, async ({ page }) => {
      const problems = panics(page);
      await page.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => (route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.abort()),
      );
      await gotoChart(page, c.query);
      await c.focus(page); // step 1
      await page.locator(DISCLOSURE).evaluate((el) => (el as HTMLElement).click()); // step 2
      await expect(page.locator(DISCLOSURE)).toHaveAttribute('aria-expanded', 'false');
      // Chromium blurs a focused element that stops being rendered at its
      // next rendering update: poll until focus is settled (visible or body).
      await expect
        .poll(() => page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.checkVisibility()))
        .toBe(true);
      await expect.poll(() => activeElement(page), 'focus after the disclosure closed').toBe('button "Version accessible de l’organigramme"');
      expect(problems).toEqual([]);
    });
  }
});

test.describe('BUG-2 (fixed): a chart mounted through /organigramme.js on the standalone page has its own ids', () => {
  // Found while writing the "reload" step. The standalone page runs the
  // trunk bundle (/organigramme-<hash>.js); /organigramme.js is the embed
  // bundle, a second module with its own WebAssembly instance, whose id
  // counter (dom_ids.rs, NEXT_INSTANCE) also starts at 1: both charts use the
  // prefix "og1". dom_ids.rs promises "several charts on one page never share
  // an id". (The same happens when the embed bundle is imported twice under
  // two URLs.) The walks put their second host after the page's chart, where
  // document.getElementById still finds the page's own elements first; here
  // it is placed before it.
  test('mounted before the page’s chart: ids stay unique and ArrowDown in the page’s chart stays in it', async ({ page }) => {
    const problems = panics(page);
    await gotoChart(page, '?open=1');
    const duplicates = await page.evaluate(async () => {
      const host = Object.assign(document.createElement('div'), { id: 'og-second' });
      document.getElementById('organigramme')!.before(host);
      const m = (await import('/organigramme.js' as string)) as { mount(el: HTMLElement, o: object): unknown };
      const ready = new Promise((resolve) => host.addEventListener('organigramme:ready', resolve, { once: true }));
      m.mount(host, { src: '/data/dinum-2024.json', open: true });
      await ready;
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    // Expected: []. Actual: 57 ids (og1-disclosure, og1-chart, og1-t0…).
    expect(duplicates, 'ids shared by the two charts').toEqual([]);
    // The consequence: focus_by_id finds the other chart's element.
    await page.locator(TOGGLES).first().focus();
    await page.keyboard.press('ArrowDown');
    // Expected: "Missions transversales" of #organigramme. Actual: the same
    // toggle of #og-second.
    await expect(page.locator(TOGGLES).nth(1)).toBeFocused();
    expect(problems).toEqual([]);
  });
});
