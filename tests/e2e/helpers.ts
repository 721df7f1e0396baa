// Shared helpers for the end-to-end tests of the widget's list view.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A chart's data as the tests read and write it (data format v1, nested). */
export type DataPerson = { name: string; role?: string };
export type DataUnit = {
  id?: string;
  name: string;
  short_name?: string;
  kind?: string;
  url?: string;
  people?: DataPerson[];
  children?: DataUnit[];
};
export type ChartData = { title: string; lang?: string; root: DataUnit };

/** The DINUM chart the standalone page shows by default. */
export const DINUM_DATA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../public/data/dinum-2024.json', import.meta.url)), 'utf8'),
) as ChartData;

/** `unit` and every unit below it, in document order. */
export function unitsOf(unit: DataUnit, out: DataUnit[] = []): DataUnit[] {
  out.push(unit);
  for (const child of unit.children ?? []) unitsOf(child, out);
  return out;
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** What the init script records of the widget's `organigramme:*` events. */
export type OgEvent = { type: 'ready' | 'error'; detail: unknown; target: string };

declare global {
  interface Window {
    __ogEvents?: OgEvent[];
    /** Targets of the `beforematch` events the browser fired (find-in-page reveals). */
    __ogBeforematch?: string[];
  }
}

/**
 * Records every `organigramme:ready` / `organigramme:error` event (they bubble
 * from the host element) on `window.__ogEvents`, before any page script runs.
 * Idempotent: safe to call more than once on the same page.
 */
export async function recordWidgetEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window.__ogEvents) return;
    window.__ogEvents = [];
    window.__ogBeforematch = [];
    document.addEventListener(
      'beforematch',
      (event) => {
        const target = event.target as Element;
        window.__ogBeforematch!.push(target.id ? `#${target.id}` : target.className);
      },
      true,
    );
    for (const type of ['ready', 'error'] as const) {
      window.addEventListener(`organigramme:${type}`, (event) => {
        const target = event.target as Element | null;
        window.__ogEvents!.push({
          type,
          detail: (event as CustomEvent).detail,
          target: target?.id ? `#${target.id}` : String(target?.nodeName),
        });
      });
    }
  });
}

/** What holds a unit's name: a branch's button, a leaf's label, a treeitem's label. */
export const UNIT_LABELS = '.og-toggle, .og-label, .og-item__label';

/** A unit's label by its name: the name, then its short name in brackets if any. */
export function labelPattern(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\(.+\\))?$`);
}

/** The label of the unit named `name` (its name is its label's first text). */
export const unitLabel = (page: Page, name: string) => page.locator(UNIT_LABELS).filter({ hasText: labelPattern(name) });

/** "Tout déplier" (or "Expand all"), and every branch shown. */
export async function expandAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Tout déplier|Expand all)$/ }).click();
  await expect(page.locator('.og-children[hidden]')).toHaveCount(0);
  await expect(page.locator('[data-filling]')).toHaveCount(0);
}

/** Waits until the widget has dispatched `organigramme:ready` or `organigramme:error`. */
export async function waitForWidget(page: Page): Promise<OgEvent> {
  const handle = await page.waitForFunction(() => window.__ogEvents?.[0] ?? null);
  return (await handle.jsonValue()) as OgEvent;
}

/** Whether this test runs in the Playwright project "chart layout". */
export const inChartLayout = (): boolean => test.info().project.metadata?.layout === 'chart';

/** The chart layout's text size buttons: Tab stops in its toolbar only. */
export const SIZE_BUTTONS = ['Plus petit', 'Plus grand', 'Ajuster à la largeur'];

/**
 * The Playwright project "chart layout" runs the key and focus suites again
 * with `layout=chart` (playwright.config.ts): same DOM, same behaviour.
 */
function withProjectLayout(query: string): string {
  const layout = test.info().project.metadata?.layout as string | undefined;
  if (!layout || /[?&]layout=/.test(query)) return query;
  const [path, hash = ''] = query.split('#');
  const joined = path.includes('?') ? `${path}&layout=${layout}` : `${path}?layout=${layout}`;
  return hash ? `${joined}#${hash}` : joined;
}

/**
 * Opens the standalone page with `query` (default: the outer disclosure
 * open) and waits for the chart to be rendered (`organigramme:ready`).
 */
export async function gotoChart(page: Page, query = '?open=1'): Promise<OgEvent> {
  await recordWidgetEvents(page);
  await page.goto(`/${withProjectLayout(query)}`);
  const event = await waitForWidget(page);
  expect(event, `the widget failed to load ${query}`).toMatchObject({ type: 'ready' });
  await expect(page.locator('#organigramme > .organigramme')).toBeAttached();
  return event;
}

/**
 * Waits until the browser has fired `beforematch` (find-in-page or a text
 * fragment revealing a hidden="until-found" element), and returns the
 * targets, in order. By then the browser has removed their `hidden`, and the
 * widget's handlers have run (its state updates run in microtasks).
 *
 * Use this, not locators, to wait for a text fragment: polling a locator
 * that reads text or accessible names over the hidden subtree (getByRole,
 * hasText) while Chromium has not yet applied the fragment (about 0.5 s
 * after load) keeps Chromium from ever applying it.
 */
export async function waitForBeforematch(page: Page): Promise<string[]> {
  const handle = await page.waitForFunction(() =>
    window.__ogBeforematch?.length ? window.__ogBeforematch : null,
  );
  return (await handle.jsonValue()) as string[];
}

/**
 * Opens the standalone page with `query` and waits for the widget to report
 * a failure (`organigramme:error`).
 */
export async function gotoChartExpectingError(page: Page, query: string): Promise<OgEvent> {
  await recordWidgetEvents(page);
  await page.goto(`/${query}`);
  const event = await waitForWidget(page);
  expect(event, `the widget should have failed on ${query}`).toMatchObject({ type: 'error' });
  return event;
}

type ToggleState = {
  id: string;
  name: string;
  ariaExpanded: string | null;
  controls: string | null;
  controlledExists: boolean;
  controlledHidden: boolean;
  toggleVisible: boolean;
};

/**
 * For every `.og-toggle` in the page: aria-expanded is "true" exactly when
 * the list it controls is shown (no `hidden` attribute on the list, and the
 * toggle itself rendered: not inside a hidden ancestor). Collapsed toggles
 * say "false", never nothing. Leaves (`.og-label`) carry no aria-expanded,
 * and neither does any other element of the tree besides the toggles.
 * The outer disclosure is held to the same rule.
 */
export async function expectAriaExpandedInSync(page: Page): Promise<void> {
  const states: ToggleState[] = await page.evaluate(() => {
    const rendered = (el: Element) => (el as HTMLElement).checkVisibility?.() ?? el.getClientRects().length > 0;
    return [...document.querySelectorAll('.og-toggle, .og-disclosure')].map((toggle) => {
      const controls = toggle.getAttribute('aria-controls');
      const list = controls ? document.getElementById(controls) : null;
      return {
        id: toggle.id,
        name: (toggle.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ariaExpanded: toggle.getAttribute('aria-expanded'),
        controls,
        controlledExists: list !== null,
        controlledHidden: list === null || list.hasAttribute('hidden'),
        toggleVisible: rendered(toggle),
      };
    });
  });
  expect(states.length, 'toggles in the page').toBeGreaterThan(0);
  // For a visible toggle, "its list is shown" is exactly "its list has no
  // `hidden` attribute". A toggle inside a collapsed branch (or the closed
  // disclosure) is not rendered and keeps its own state (expanded under a
  // collapsed ancestor is legitimate): it must still agree with its list's
  // `hidden` attribute, so that it is right the moment it becomes visible.
  const wrong = states.filter(
    (s) => !s.controlledExists || s.ariaExpanded !== (s.controlledHidden ? 'false' : 'true'),
  );
  expect(wrong, 'toggles whose aria-expanded disagrees with what is shown').toEqual([]);

  const stray = await page.evaluate(() =>
    [...document.querySelectorAll('.organigramme [aria-expanded]')]
      .filter((el) => !el.matches('.og-toggle, .og-disclosure'))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(stray, 'elements other than toggles carrying aria-expanded (leaves must not)').toEqual([]);
}

/** Focus is on an element, never dropped to the page (`body`) or lost (`null`). */
export async function expectFocusNotLost(page: Page): Promise<void> {
  const active = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? el.nodeName.toLowerCase() : null;
  });
  expect(active, 'document.activeElement').not.toBeNull();
  expect(active, 'focus fell to the page').not.toBe('body');
  expect(active, 'focus fell to the page').not.toBe('html');
}

/**
 * The focused node of Chromium's accessibility tree, as "role, name": what
 * a screen reader is told when focus moves, shadow roots included.
 */
export async function focusedAx(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] };
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Node[] };
    // The page itself is focused too: the element is what is inside it.
    const focused = nodes.filter(
      (n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    );
    return focused.map((n) => `${n.role?.value ?? ''}, ${n.name?.value ?? ''}`).join(' | ');
  } finally {
    await cdp.detach();
  }
}

/** A short description of the focused element, for assertions and messages. */
export async function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'null';
    const name = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const cls = el.getAttribute('class');
    return `${el.nodeName.toLowerCase()}${cls ? '.' + cls.split(/\s+/).join('.') : ''} "${name}"`;
  });
}

/** The axe rule sets the widget is held to: WCAG 2.0/2.1/2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe over the whole page and asserts zero violations, with one line per
 * violation and node in the failure message; returns the results for further
 * checks. Also asserts axe did look at something.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<AxeResults> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
      ].join('\n'),
    )
    .join('\n');
  expect(results.violations, `axe violations (${label}):\n${report}`).toEqual([]);
  expect(results.passes.length, 'axe looked at the page').toBeGreaterThan(10);
  return results;
}

/** mulberry32: a small, fast, seedable 32-bit generator. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A chart of `count` units, level by level, 3 to 12 sub-units each, 0 to 3 people. */
export function generated(count: number): ChartData {
  // Seeded: the same chart on every run.
  const next = mulberry32(2000);
  const kinds = ['Direction', 'Département', 'Bureau', 'Pôle', 'Équipe', 'Cellule'];
  const root: DataUnit = { id: 'u0', name: 'Unité 0', kind: kinds[0], people: [{ name: 'Personne 0-0', role: 'Directrice' }] };
  const queue: Array<[DataUnit, number]> = [[root, 0]];
  let made = 1;
  while (made < count) {
    const [parent, level] = queue.shift()!;
    parent.children = [];
    for (let k = 3 + Math.floor(next() * 10); k > 0 && made < count; k--, made++) {
      const people = Array.from({ length: Math.floor(next() * 4) }, (_, p) => ({ name: `Personne ${made}-${p}`, role: 'Chef' }));
      const unit: DataUnit = { id: `u${made}`, name: `Unité ${made}`, kind: kinds[Math.min(level + 1, kinds.length - 1)], people };
      parent.children.push(unit);
      queue.push([unit, level + 1]);
    }
  }
  return { title: `Organigramme généré (${count} unités)`, lang: 'fr', root };
}

/** Every id attribute that appears more than once in the document. */
export async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  });
}
