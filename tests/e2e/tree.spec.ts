// The tree view of the widget (`?mode=tree`), in Chromium, against the
// WAI-ARIA APG Tree View pattern
// (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/). As the APG's own
// regression tests do for its examples, every key press is followed by a
// check of the whole tree: which element has focus, that exactly one
// treeitem is in the tab sequence (tabindex="0") and that it is the focused
// (or last focused) one, that every parent's aria-expanded agrees with its
// group, and which items are visible. The expected state comes from a model
// of the data file that these tests update by hand, key by key, from the
// pattern's text — never from the widget.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectFocusNotLost, gotoChart, labelPattern } from './helpers';

const TREE = '?mode=tree&open=1';
const EXPAND_ALL = 'Tout déplier';
const COLLAPSE_ALL = 'Tout replier';
/** The toolbar's last button, just before the tree. */
const PRINT = 'Imprimer l’organigramme';
const STATUS_EXPANDED = 'Tout est déplié : 45 unités affichées.';
const STATUS_COLLAPSED = 'Tout est replié : seul le premier niveau reste affiché.';

// ---------------------------------------------------------------------------
// The data, and the expected tree computed from it
// ---------------------------------------------------------------------------

type Person = { name: string; role?: string };
type Unit = {
  id?: string;
  parent?: string | null;
  name: string;
  short_name?: string;
  kind?: string;
  description?: string;
  url?: string;
  people?: Person[];
  children?: Unit[];
};

/** One unit as the tree must present it. */
type Node = {
  unit: Unit;
  name: string;
  level: number;
  setsize: number;
  posinset: number;
  parent: Node | null;
  children: Node[];
};

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8')) as T;
}

/** The nodes of a nested-form chart, in document (pre-)order. */
function fromNested(root: Unit): Node[] {
  const out: Node[] = [];
  const visit = (unit: Unit, parent: Node | null, level: number, posinset: number, setsize: number) => {
    const node: Node = { unit, name: unit.name.trim(), level, setsize, posinset, parent, children: [] };
    out.push(node);
    parent?.children.push(node);
    const kids = unit.children ?? [];
    kids.forEach((kid, i) => visit(kid, node, level + 1, i + 1, kids.length));
  };
  visit(root, null, 1, 1, 1);
  return out;
}

/** The nodes of a flat-form chart: siblings keep the file's order. */
function fromFlat(units: Unit[]): Node[] {
  const childrenOf = (id: string | null) => units.filter((u) => (u.parent ?? null) === id);
  const nest = (u: Unit): Unit => ({ ...u, children: childrenOf(u.id!).map(nest) });
  const roots = childrenOf(null);
  expect(roots, 'a flat chart has one root').toHaveLength(1);
  return fromNested(nest(roots[0]));
}

const person = (p: Person) => (p.role ? `${p.role} : ${p.name}` : p.name);
/** A treeitem's name: the unit's name and short name (its label span). */
const labelOf = (u: Unit) => [u.name, u.short_name && `(${u.short_name})`].filter(Boolean).join(' ');
/** A treeitem's description: its people (texts::people). */
const peopleOf = (u: Unit) => (u.people ?? []).map(person).join(' ; ');
/** What Enter on a leaf says (texts::details): its site last, without its scheme. */
const detailsOf = (u: Unit) =>
  [u.name, u.kind, u.description, u.people?.length ? peopleOf(u) : undefined, u.url ? `Site : ${u.url.replace(/^(https?:\/\/|mailto:)/, '')}` : undefined]
    .filter(Boolean)
    .join('. ');

const dinum = readJson<{ title: string; root: Unit }>('../../public/data/dinum-2024.json');
const DINUM = fromNested(dinum.root);

/**
 * What the tree should look like: which branches are expanded, and which
 * item is the tab stop. The tests change it by hand, as the APG says each
 * key should, before checking the page against it.
 */
class Model {
  readonly byName = new Map<string, Node>();
  readonly expanded = new Set<Node>();
  tabStop: Node;

  constructor(readonly nodes: Node[], depth = 2) {
    for (const n of nodes) {
      expect(this.byName.has(n.name), `unit names are unique ("${n.name}")`).toBe(false);
      this.byName.set(n.name, n);
      // The widget's default: the first `depth` levels shown.
      if (n.children.length && n.level < depth) this.expanded.add(n);
    }
    this.tabStop = nodes[0];
  }
  node(name: string): Node {
    const n = this.byName.get(name);
    if (!n) throw new Error(`no unit named "${name}"`);
    return n;
  }
  open(...names: string[]) {
    for (const name of names) {
      expect(this.node(name).children.length, `"${name}" is a parent`).toBeGreaterThan(0);
      this.expanded.add(this.node(name));
    }
  }
  close(...names: string[]) {
    for (const name of names) this.expanded.delete(this.node(name));
  }
  openAll() {
    for (const n of this.nodes) if (n.children.length) this.expanded.add(n);
  }
  isVisible(n: Node): boolean {
    for (let p = n.parent; p; p = p.parent) if (!this.expanded.has(p)) return false;
    return true;
  }
  visible(): string[] {
    return this.nodes.filter((n) => this.isVisible(n)).map((n) => n.name);
  }
  get root(): Node {
    return this.nodes[0];
  }
}

// ---------------------------------------------------------------------------
// Reading the tree from the page, and checking it against the model
// ---------------------------------------------------------------------------

type TreeState = {
  /** `treeitem "Name"` when a treeitem has focus, else `tag "text"` (or `body`). */
  focus: string;
  /** The treeitems with tabindex="0". */
  tabStops: string[];
  /** One line per treeitem: its tabindex, aria-expanded and group. */
  items: string[];
  /** The treeitems rendered (checkVisibility), in document order. */
  visible: string[];
  /** Elements carrying aria-selected (a single-select tree with selection following focus would; this one has none). */
  ariaSelected: number;
};

async function readTree(page: Page): Promise<TreeState> {
  return page.evaluate(() => {
    const nameOf = (li: Element) =>
      (li.querySelector(':scope > .og-item__row > .og-item__label')?.firstChild?.textContent ?? '?').trim();
    const describe = (el: Element | null): string => {
      if (!el) return 'null';
      if (el.getAttribute('role') === 'treeitem') return `treeitem "${nameOf(el)}"`;
      const tag = el.nodeName.toLowerCase();
      if (tag === 'body' || tag === 'html') return tag;
      return `${tag} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}"`;
    };
    const items = [...document.querySelectorAll('[role=treeitem]')];
    return {
      focus: describe(document.activeElement),
      tabStops: items.filter((li) => li.getAttribute('tabindex') === '0').map(nameOf),
      items: items.map((li) => {
        const wrapper = li.querySelector(':scope > .og-children');
        const group = wrapper?.querySelector(':scope > [role=group]');
        const groupState = !wrapper
          ? 'no group'
          : `group ${wrapper.hasAttribute('hidden') ? 'hidden' : 'shown'}${group?.checkVisibility() ? ', rendered' : ''}`;
        return `${nameOf(li)}: tabindex=${li.getAttribute('tabindex')}, aria-expanded=${
          li.getAttribute('aria-expanded') ?? 'none'
        }, ${groupState}`;
      }),
      visible: items.filter((li) => li.checkVisibility()).map(nameOf),
      ariaSelected: document.querySelectorAll('[aria-selected]').length,
    };
  });
}

function expectedTree(model: Model, focus: string): TreeState {
  return {
    focus,
    tabStops: [model.tabStop.name],
    items: model.nodes.map((n) => {
      const tabindex = n === model.tabStop ? '0' : '-1';
      if (!n.children.length) return `${n.name}: tabindex=${tabindex}, aria-expanded=none, no group`;
      const open = model.expanded.has(n);
      const rendered = open && model.isVisible(n) ? ', rendered' : '';
      return `${n.name}: tabindex=${tabindex}, aria-expanded=${open}, group ${open ? 'shown' : 'hidden'}${rendered}`;
    }),
    visible: model.visible(),
    ariaSelected: 0,
  };
}

const item = (name: string) => `treeitem "${name}"`;

/**
 * Checks the whole tree against the model. `focus` names the treeitem that
 * must have focus (it then is the tab stop), or, with `outside`, describes
 * the element outside the tree that must have it (the tab stop unchanged).
 */
async function expectTree(page: Page, model: Model, focus: { item: string } | { outside: string }, why: string) {
  let expected: string;
  if ('item' in focus) {
    model.tabStop = model.node(focus.item);
    expected = item(focus.item);
  } else {
    expected = focus.outside;
  }
  await expect
    .poll(() => readTree(page), { message: why })
    .toEqual(expectedTree(model, expected));
}

type Change = { open?: string[]; close?: string[] };

/**
 * Presses a key. A character that is not on Playwright's US layout ("É",
 * as typed on a French keyboard) goes through the DevTools protocol, which
 * fires a real (trusted) keydown with that `key`: `keyboard.press` does not
 * know it, and `keyboard.type` would insert it as text without any keydown.
 */
async function pressKey(page: Page, key: string) {
  if (!/^[^\x00-\x7f]$/u.test(key)) {
    await page.keyboard.press(key);
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
  await cdp.detach();
}

/** Presses a key, applies the expected change to the model, then checks the whole tree. */
async function press(page: Page, model: Model, key: string, focus: string, why: string, change: Change = {}) {
  await pressKey(page, key);
  model.open(...(change.open ?? []));
  model.close(...(change.close ?? []));
  await expectTree(page, model, { item: focus }, `after ${key}: ${why}`);
}

/** Presses a key that must move focus out of the tree, to `outside`. */
async function pressOut(page: Page, model: Model, key: string, outside: string, why: string) {
  await page.keyboard.press(key);
  await expectTree(page, model, { outside }, `after ${key}: ${why}`);
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
/** A treeitem's own row: where a click lands on it (its centre may be in its group). */
const row = (page: Page, name: string) =>
  page.locator('[role=treeitem] > .og-item__row').filter({ has: page.locator('.og-item__label').filter({ hasText: labelPattern(name) }) });
const details = (page: Page) => page.locator('section.og-details');
const status = (page: Page) => page.locator('.og-status[role=status]');

/** Opens the tree view and puts focus on "Imprimer l’organigramme", just before the tree. */
async function openTree(page: Page, query = TREE): Promise<void> {
  await gotoChart(page, query);
  await expect(page.getByRole('tree')).toBeVisible();
  await button(page, PRINT).focus();
}

/** Opens the tree view, then tabs into it: focus on the root. */
async function tabIntoTree(page: Page, model: Model, query = TREE): Promise<void> {
  await openTree(page, query);
  await expectTree(page, model, { outside: BEFORE_TREE }, 'focus before the tree');
  await press(page, model, 'Tab', model.root.name, 'Tab enters the tree on the root');
}

// Names used below (DINUM 2024).
const ROOT = 'Direction interministérielle du numérique';
const MISSIONS = 'Missions transversales';
const BUDGET = 'Budget et achats';
const CABINET = 'Cabinet';
const SECRETARIAT = 'Secrétariat';
const CYBER = 'Cellule Cyber';
const ACE = 'Appui, conseil et expertise';
const ISN = 'Incubateur de services numériques';
const BETA = 'Animation beta.gouv.fr';
const ETALAB = 'Etalab';
const DATALAB = 'Datalab';
const ANIMATION = 'Animation';
const ISO = 'Infrastructures et services opérés';
const OPI = 'Opérateur des produits interministériels';
const RHN = 'RH de la filière numérique de l’État';
const CAMPUS = 'Campus du numérique public';
const LEVEL_2 = DINUM[0].children.map((n) => n.name);
const LEVEL_2_PARENTS = DINUM[0].children.filter((n) => n.children.length).map((n) => n.name);
const SOURCE_LINK = 'a "Source"';
/** The details region's last stop, after the unit's own link if it has one. */
const COPY_LINK = 'button "Copier le lien"';
const BEFORE_TREE = `button "${PRINT}"`;

// ---------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------

test('the model: 45 units, the names used here exist', () => {
  const model = new Model(DINUM);
  expect(DINUM).toHaveLength(45);
  for (const name of [ROOT, MISSIONS, BUDGET, CABINET, SECRETARIAT, CYBER, ACE, ISN, BETA, ETALAB, DATALAB, ANIMATION, ISO, OPI, RHN, CAMPUS])
    model.node(name);
  expect(LEVEL_2).toEqual([MISSIONS, CABINET, SECRETARIAT, CYBER, ACE, ISN, ETALAB, ISO, OPI, RHN]);
  expect(model.node(BETA).unit.url).toBe('https://beta.gouv.fr');
  expect(DINUM.at(-1)!.name).toBe(CAMPUS);
});

test('initial state: root expanded, second level collapsed, the root is the one tab stop', async ({ page }) => {
  const ready = await gotoChart(page, TREE);
  expect(ready.detail, 'organigramme:ready carries the number of units').toBe(45);
  const model = new Model(DINUM);
  await expectTree(page, model, { outside: 'body' }, 'after load, nothing focused');
  // Every unit is rendered (eager under 2,000 units), collapsed branches hidden until found.
  await expect(page.locator('[role=treeitem]')).toHaveCount(45);
  await expect(page.locator('[role=treeitem] > .og-children[hidden]')).toHaveCount(LEVEL_2_PARENTS.length);
  for (const hidden of await page.locator('.og-children[hidden]').all()) await expect(hidden).toHaveAttribute('hidden', 'until-found');
});

test('every treeitem has aria-level, aria-setsize and aria-posinset from the data, its label and its people', async ({ page }) => {
  await gotoChart(page, TREE);
  const tree = page.locator('ul[role=tree]');
  await expect(tree).toHaveCount(1);
  // The tree is named by the chart title.
  const titleId = await page.locator('p.og-title').getAttribute('id');
  expect(titleId).toBeTruthy();
  await expect(tree).toHaveAttribute('aria-labelledby', titleId!);
  await expect(page.getByRole('tree', { name: dinum.title, exact: true })).toBeVisible();
  // Collapsed branches are written after the first frame: read them once they are.
  await expect(page.locator('[data-filling]')).toHaveCount(0);
  const rendered = await page.locator('[role=treeitem]').evaluateAll((items) =>
    items.map((li) => {
      const text = (id: string | null) =>
        id === null ? null : (document.getElementById(id)?.textContent ?? '<missing>').replace(/\s+/g, ' ').trim();
      const wrapper = li.querySelector(':scope > .og-children');
      const parentItem = li.parentElement?.closest('[role=treeitem]');
      return {
        name: (li.querySelector(':scope > .og-item__row > .og-item__label')?.firstChild?.textContent ?? '').trim(),
        level: li.getAttribute('aria-level'),
        setsize: li.getAttribute('aria-setsize'),
        posinset: li.getAttribute('aria-posinset'),
        label: text(li.getAttribute('aria-labelledby')),
        description: text(li.getAttribute('aria-describedby')),
        // Structure of the markup: the item's group holds its children's items.
        parent: parentItem ? (parentItem.querySelector(':scope > .og-item__row > .og-item__label')?.firstChild?.textContent ?? '').trim() : null,
        inGroup: li.parentElement?.getAttribute('role') ?? null,
        groupRole: wrapper?.querySelector(':scope > ul')?.getAttribute('role') ?? null,
        idUnique: !!li.id && document.querySelectorAll(`[id="${li.id}"]`).length === 1,
      };
    }),
  );
  expect(rendered).toEqual(
    DINUM.map((n) => ({
      name: n.name,
      level: String(n.level),
      setsize: String(n.setsize),
      posinset: String(n.posinset),
      label: labelOf(n.unit),
      description: n.unit.people?.length ? peopleOf(n.unit) : null,
      parent: n.parent?.name ?? null,
      inGroup: n.parent ? 'group' : 'tree',
      groupRole: n.children.length ? 'group' : null,
      idUnique: true,
    })),
  );
});

test('no aria-selected anywhere, and nothing focusable inside a treeitem but treeitems', async ({ page }) => {
  await gotoChart(page, TREE);
  await button(page, EXPAND_ALL).click();
  await expect(status(page)).toHaveText(STATUS_EXPANDED);
  await expect(page.locator('[aria-selected]')).toHaveCount(0);
  const focusable = await page.locator('ul[role=tree]').evaluate((tree) =>
    [...tree.querySelectorAll('a[href], button, input, select, textarea, summary, iframe, [contenteditable], [tabindex]')]
      .filter((el) => el.getAttribute('role') !== 'treeitem')
      .map((el) => el.outerHTML.slice(0, 100)),
  );
  expect(focusable, 'focusable descendants of the tree other than treeitems').toEqual([]);
  // Every treeitem is focusable by script only, but one.
  const tabindexes = await page.locator('[role=treeitem]').evaluateAll((els) => els.map((el) => el.getAttribute('tabindex')));
  expect(tabindexes.filter((t) => t === '0')).toHaveLength(1);
  expect(tabindexes.filter((t) => t !== '0' && t !== '-1')).toEqual([]);
});

// ---------------------------------------------------------------------------
// Tab and Shift+Tab: the tree is one tab stop
// ---------------------------------------------------------------------------

test('Tab enters on the root, the next Tab leaves the tree, Shift+Tab comes back and leaves backwards', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  // The root has no link: after the tree comes the details region's "Copier
  // le lien", then the footer's source link.
  await pressOut(page, model, 'Tab', COPY_LINK, 'the next Tab leaves the tree');
  await pressOut(page, model, 'Tab', SOURCE_LINK, 'then the source link');
  await pressOut(page, model, 'Shift+Tab', COPY_LINK, 'back');
  await press(page, model, 'Shift+Tab', ROOT, 'Shift+Tab comes back on the tab stop');
  await pressOut(page, model, 'Shift+Tab', BEFORE_TREE, 'Shift+Tab leaves the tree backwards');
  await press(page, model, 'Tab', ROOT, 'Tab enters again on the root');
});

test('Tab comes back to the last focused item; Shift+Tab from any item leaves the tree', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  await press(page, model, 'ArrowDown', MISSIONS, 'down');
  await press(page, model, 'ArrowDown', CABINET, 'down');
  await press(page, model, 'ArrowDown', SECRETARIAT, 'down');
  await pressOut(page, model, 'Tab', COPY_LINK, 'Tab leaves the tree from Secrétariat');
  await press(page, model, 'Shift+Tab', SECRETARIAT, 'back on the last focused item');
  await pressOut(page, model, 'Shift+Tab', BEFORE_TREE, 'Shift+Tab from Secrétariat leaves backwards');
  await press(page, model, 'Tab', SECRETARIAT, 'Tab enters on the last focused item');

  // Deeper: a pole with a link. The details region shows the link, the
  // next stop after the tree.
  for (const name of [CYBER, ACE, ISN]) await press(page, model, 'ArrowDown', name, 'down');
  await press(page, model, 'ArrowRight', ISN, 'opens ISN', { open: [ISN] });
  await press(page, model, 'ArrowRight', BETA, 'first child');
  await expect(details(page).getByRole('link', { name: 'beta.gouv.fr', exact: true })).toBeVisible();
  await pressOut(page, model, 'Tab', 'a "beta.gouv.fr"', 'Tab leaves the tree for the details link');
  await pressOut(page, model, 'Tab', COPY_LINK, 'then "Copier le lien"');
  await pressOut(page, model, 'Tab', SOURCE_LINK, 'then the source link');
  await pressOut(page, model, 'Shift+Tab', COPY_LINK, 'back');
  await pressOut(page, model, 'Shift+Tab', 'a "beta.gouv.fr"', 'back');
  await press(page, model, 'Shift+Tab', BETA, 'back on the pole');
  await pressOut(page, model, 'Shift+Tab', BEFORE_TREE, 'Shift+Tab from a level-3 item leaves backwards');
  await press(page, model, 'Tab', BETA, 'and Tab returns to it');
});

// ---------------------------------------------------------------------------
// Arrow keys, Home, End
// ---------------------------------------------------------------------------

test('Down and Up visit every visible item in order, without wrapping, opening or closing anything', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  for (const name of LEVEL_2) await press(page, model, 'ArrowDown', name, 'next visible item');
  await press(page, model, 'ArrowDown', RHN, 'no wrap past the last item');
  for (const name of [...LEVEL_2].reverse().slice(1)) await press(page, model, 'ArrowUp', name, 'previous visible item');
  await press(page, model, 'ArrowUp', ROOT, 'up to the root');
  await press(page, model, 'ArrowUp', ROOT, 'no wrap before the first item');

  // With Etalab open, its poles are in the visible order.
  await page.getByRole('treeitem', { name: ETALAB, exact: true }).focus();
  await expectTree(page, model, { item: ETALAB }, 'focus() on Etalab');
  await press(page, model, 'Enter', ETALAB, 'opens Etalab', { open: [ETALAB] });
  await press(page, model, 'ArrowDown', DATALAB, 'into the group');
  await press(page, model, 'ArrowDown', ANIMATION, 'next pole');
  await press(page, model, 'ArrowDown', ISO, 'out of the group');
  await press(page, model, 'ArrowUp', ANIMATION, 'back into the group, its last item');
  await press(page, model, 'ArrowUp', DATALAB, 'up');
  await press(page, model, 'ArrowUp', ETALAB, 'up to the parent');
});

test('Right: a closed parent opens and keeps focus, an open parent moves to its first child, a leaf does nothing', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  await press(page, model, 'ArrowRight', MISSIONS, 'the open root: focus to its first child');
  await press(page, model, 'ArrowRight', MISSIONS, 'opens Missions, focus stays', { open: [MISSIONS] });
  await press(page, model, 'ArrowRight', BUDGET, 'open parent: first child');
  await press(page, model, 'ArrowRight', BUDGET, 'leaf: nothing');
  await press(page, model, 'ArrowDown', 'Communication', 'down within the group');
  await press(page, model, 'ArrowRight', 'Communication', 'leaf: nothing');
  // Cabinet is a level-2 leaf.
  await page.getByRole('treeitem', { name: CABINET, exact: true }).focus();
  await expectTree(page, model, { item: CABINET }, 'focus() on Cabinet');
  await press(page, model, 'ArrowRight', CABINET, 'leaf: nothing');
});

test('Left: an open parent closes, a child goes to its parent, the closed root does nothing', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  await press(page, model, 'ArrowDown', MISSIONS, 'down');
  await press(page, model, 'ArrowRight', MISSIONS, 'open', { open: [MISSIONS] });
  await press(page, model, 'ArrowRight', BUDGET, 'first child');
  await press(page, model, 'ArrowDown', 'Communication', 'down');
  await press(page, model, 'ArrowLeft', MISSIONS, 'a leaf child: to its parent, which stays open');
  await press(page, model, 'ArrowLeft', MISSIONS, 'an open parent closes, focus stays', { close: [MISSIONS] });
  await press(page, model, 'ArrowLeft', ROOT, 'a closed parent: to its parent');
  await press(page, model, 'ArrowLeft', ROOT, 'the open root closes', { close: [ROOT] });
  await press(page, model, 'ArrowLeft', ROOT, 'the closed root: nothing');
  await press(page, model, 'ArrowDown', ROOT, 'the closed root is the only item');
  await press(page, model, 'ArrowRight', ROOT, 'opens the root again', { open: [ROOT] });
  await press(page, model, 'ArrowDown', MISSIONS, 'Missions kept its (closed) state');
});

test('Home and End: first and last visible items', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  await press(page, model, 'End', RHN, 'last visible item');
  await press(page, model, 'Home', ROOT, 'first item');
  await press(page, model, 'End', RHN, 'End again');
  await press(page, model, 'ArrowRight', RHN, 'opens RHN', { open: [RHN] });
  await press(page, model, 'Home', ROOT, 'Home');
  await press(page, model, 'End', CAMPUS, 'End: the last pole of the open RHN');
  await press(page, model, 'ArrowLeft', RHN, 'to its parent');
  await press(page, model, 'ArrowUp', OPI, 'up');
  await press(page, model, 'Home', ROOT, 'Home');
  await press(page, model, 'Enter', ROOT, 'closes the root', { close: [ROOT] });
  await press(page, model, 'End', ROOT, 'End with the root closed: the root');
  await press(page, model, 'Home', ROOT, 'Home with the root closed: the root');
});

// ---------------------------------------------------------------------------
// Enter, Space, *
// ---------------------------------------------------------------------------

test('Enter and Space on a parent toggle it, focus stays', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  for (const name of [MISSIONS, CABINET, SECRETARIAT, CYBER, ACE, ISN, ETALAB]) await press(page, model, 'ArrowDown', name, 'down');
  await press(page, model, 'Enter', ETALAB, 'Enter opens', { open: [ETALAB] });
  await press(page, model, 'Enter', ETALAB, 'Enter closes', { close: [ETALAB] });
  await press(page, model, 'Space', ETALAB, 'Space opens', { open: [ETALAB] });
  await press(page, model, 'Space', ETALAB, 'Space closes', { close: [ETALAB] });
  await press(page, model, 'Space', ETALAB, 'Space opens again', { open: [ETALAB] });
  await press(page, model, 'Home', ROOT, 'Home');
  await press(page, model, 'Enter', ROOT, 'Enter closes the root', { close: [ROOT] });
  await press(page, model, 'Space', ROOT, 'Space opens it', { open: [ROOT] });
  await press(page, model, 'End', RHN, 'Etalab kept its open state while hidden');
  // The status is for leaves and the toolbar: toggling says nothing there.
  await expect(status(page)).toHaveText('');
});

test('Enter on a leaf without a link announces its details in the status, focus stays', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  await press(page, model, 'ArrowDown', MISSIONS, 'down');
  await press(page, model, 'ArrowDown', CABINET, 'down to a leaf');
  const cabinet = model.node(CABINET).unit;
  expect(cabinet.url).toBeUndefined();
  await expect(status(page)).toHaveText('');
  await press(page, model, 'Enter', CABINET, 'Enter on a leaf');
  await expect(status(page)).toHaveText(detailsOf(cabinet));
  expect(detailsOf(cabinet)).toContain(cabinet.description!);
  expect(detailsOf(cabinet)).toContain('Cheffe de cabinet : Kim Malgras');
  // Again: the text changes (a no-break space), so it is announced again.
  const first = await status(page).textContent();
  await press(page, model, 'Enter', CABINET, 'Enter again');
  await expect.poll(() => status(page).textContent()).not.toBe(first);
  expect((await status(page).textContent())?.trim()).toBe(detailsOf(cabinet));

  // A pole with a kind and people, but no description.
  await press(page, model, 'ArrowDown', SECRETARIAT, 'down');
  await press(page, model, 'ArrowDown', CYBER, 'down');
  await press(page, model, 'ArrowRight', CYBER, 'open', { open: [CYBER] });
  await press(page, model, 'ArrowRight', 'Conseillers à la sécurité numérique', 'first child');
  await press(page, model, 'Enter', 'Conseillers à la sécurité numérique', 'Enter on a leaf');
  await expect(status(page)).toHaveText(detailsOf(model.node('Conseillers à la sécurité numérique').unit));
  await expect(page).toHaveURL(/\?mode=tree&open=1(&layout=chart)?$/);
});

test('Enter on a leaf with a link says its site among its details and stays on the page; the site is a link of the details region', async ({ page }) => {
  const visited: string[] = [];
  await page.route('https://beta.gouv.fr/**', (route) => {
    visited.push(route.request().url());
    return route.abort();
  });
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  for (const name of [MISSIONS, CABINET, SECRETARIAT, CYBER, ACE, ISN]) await press(page, model, 'ArrowDown', name, 'down');
  await press(page, model, 'ArrowRight', ISN, 'opens ISN', { open: [ISN] });
  await press(page, model, 'ArrowRight', BETA, 'first child: the pole with a link');
  const beta = model.node(BETA).unit;
  expect(beta.url).toBe('https://beta.gouv.fr');
  const address = page.url();
  // A treeitem does not say it is a link (RGAA 7.4): Enter speaks, never leaves.
  await press(page, model, 'Enter', BETA, 'Enter on a leaf with a link');
  await expect(status(page)).toHaveText(detailsOf(beta));
  expect(detailsOf(beta)).toContain('Site : beta.gouv.fr');
  expect(page.url()).toBe(address);
  expect(visited).toEqual([]);
  // The site itself is a real link, in the details region, the next Tab stop.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('href', 'https://beta.gouv.fr');
  await expect(page.locator(':focus')).toHaveRole('link');
  expect(await page.locator(':focus').evaluate((e) => !!e.closest('.og-details'))).toBe(true);
});

test('* opens every sibling of the focused item, focus stays', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  await press(page, model, '*', ROOT, 'the root has no siblings, and is open: nothing');
  await press(page, model, 'ArrowDown', MISSIONS, 'down');
  await press(page, model, 'ArrowDown', CABINET, 'down to a leaf');
  await press(page, model, '*', CABINET, 'opens every parent among Cabinet’s siblings', { open: LEVEL_2_PARENTS });
  await press(page, model, 'ArrowDown', SECRETARIAT, 'down');
  await press(page, model, 'ArrowDown', CYBER, 'down');
  await press(page, model, 'ArrowDown', 'Conseillers à la sécurité numérique', 'Cellule Cyber is open');
  await press(page, model, '*', 'Conseillers à la sécurité numérique', 'siblings are leaves: nothing');
  await press(page, model, 'ArrowLeft', CYBER, 'to the parent');
  await press(page, model, 'ArrowLeft', CYBER, 'close', { close: [CYBER] });
  await press(page, model, 'ArrowUp', SECRETARIAT, 'up');
  await press(page, model, '*', SECRETARIAT, 'opens Cellule Cyber again, the others stay open', { open: [CYBER] });
});

// ---------------------------------------------------------------------------
// Type-ahead
// ---------------------------------------------------------------------------

test.describe('type-ahead', () => {
  // The widget times the typed string with KeyboardEvent.timeStamp, which
  // Playwright's clock controls (it fakes Event.prototype.timeStamp): with
  // the clock paused, keys pressed in a row are simultaneous, and
  // fastForward() is the silence between them. The clock is installed once
  // the chart is ready, not before: the fake clock's timer ids (from 10^12)
  // do not fit the i32 the widget keeps for its fetch timeout, so that timer
  // could not be cleared and would fire into a dropped closure 20 s later.
  async function pauseClock(page: Page) {
    await page.clock.install();
    await page.clock.pauseAt(new Date(Date.now() + 1000));
  }

  test('a letter moves to the next item starting with it; repeated, it cycles and wraps', async ({ page }) => {
    const model = new Model(DINUM);
    await tabIntoTree(page, model);
    await pauseClock(page);
    await press(page, model, 'e', ETALAB, '"e": the only visible item starting with e');
    await page.clock.fastForward(1000);
    await press(page, model, 'c', CABINET, '"c" from Etalab, wrapping: Cabinet');
    await press(page, model, 'c', CYBER, '"cc": the next item starting with c');
    await press(page, model, 'c', CABINET, '"ccc": wraps to the first');
    await page.clock.fastForward(1000);
    await press(page, model, 'i', ISN, '"i"');
    await press(page, model, 'i', ISO, '"ii"');
    await press(page, model, 'i', ISN, '"iii": wraps');
    await page.clock.fastForward(1000);
    await press(page, model, 'z', ISN, 'no item starts with z: focus stays');
    await page.clock.fastForward(1000);
    await press(page, model, 'd', ROOT, '"d": wraps to the root');
  });

  test('case and accents are ignored, in what is typed and in the names', async ({ page }) => {
    const model = new Model(DINUM);
    await tabIntoTree(page, model);
    await pauseClock(page);
    await press(page, model, 'É', ETALAB, '"É" finds Etalab');
    await page.clock.fastForward(1000);
    await press(page, model, 'Home', ROOT, 'Home');
    await press(page, model, 'é', ETALAB, '"é" finds Etalab');
    await page.clock.fastForward(1000);
    await press(page, model, 'Shift+S', SECRETARIAT, '"S" (Shift) finds Secrétariat');
    await page.clock.fastForward(1000);
    for (const key of ['o', 'p', 'e']) await press(page, model, key, OPI, `"ope…" finds Opérateur (typed "${key}")`);
    await page.clock.fastForward(1000);
    await press(page, model, 'Home', ROOT, 'Home');
    for (const [key, name] of [['s', SECRETARIAT], ['e', SECRETARIAT], ['C', SECRETARIAT], ['R', SECRETARIAT]] as const)
      await press(page, model, key, name, `"secr" matches "Secrétariat" (typed "${key}")`);
  });

  test('"et" typed quickly goes to Etalab past "Europe…" and "Expertise…", fully expanded', async ({ page }) => {
    const model = new Model(DINUM);
    await tabIntoTree(page, model);
    await pauseClock(page);
    await button(page, EXPAND_ALL).click();
    await expect(status(page)).toHaveText(STATUS_EXPANDED);
    model.openAll();
    await expectTree(page, model, { outside: `button "${EXPAND_ALL}"` }, 'after "Tout déplier"');
    await pressOut(page, model, 'Tab', `button "${COLLAPSE_ALL}"`, 'Tab');
    await pressOut(page, model, 'Tab', BEFORE_TREE, 'Tab');
    await press(page, model, 'Tab', ROOT, 'back into the tree, on the root');
    await press(page, model, 'e', 'Europe et international', '"e": the first e after the root');
    await press(page, model, 'e', 'Expertise, sécurisation et maîtrise des risques', '"ee": the next');
    await press(page, model, 'e', ETALAB, '"eee": the next');
    await press(page, model, 'e', 'Europe et international', '"eeee": wraps');
    await page.clock.fastForward(1000);
    await press(page, model, 'Home', ROOT, 'Home');
    await press(page, model, 'e', 'Europe et international', '"e"');
    await press(page, model, 't', ETALAB, '"et": Etalab');
    await press(page, model, 'a', ETALAB, '"eta": still Etalab');
  });

  test('the typed string resets after 500 ms of silence', async ({ page }) => {
    const model = new Model(DINUM);
    await tabIntoTree(page, model);
    await pauseClock(page);
    await press(page, model, 'c', CABINET, '"c"');
    await page.clock.fastForward(500);
    await press(page, model, 'e', CYBER, '"ce" 500 ms later: the string goes on, Cellule Cyber');
    await page.clock.fastForward(501);
    await press(page, model, 'c', CABINET, '"c" 501 ms later: a new string, the next c wrapping to Cabinet');
    await page.clock.fastForward(501);
    await press(page, model, 'e', ETALAB, '"e" 501 ms later: a new string (not "ce"), Etalab');
  });

  test('Ctrl+letter and Alt+letter are left to the browser', async ({ page }) => {
    const model = new Model(DINUM);
    await tabIntoTree(page, model);
    await pauseClock(page);
    await press(page, model, 'Control+e', ROOT, 'Ctrl+E: ignored');
    await press(page, model, 'Alt+e', ROOT, 'Alt+E: ignored');
    await press(page, model, 'Control+c', ROOT, 'Ctrl+C: ignored');
    // Nor did they enter the typed string: "c" alone now.
    await press(page, model, 'c', CABINET, '"c" after them: Cabinet');
  });

  test('with the real clock: "et" typed at once reaches Etalab', async ({ page }) => {
    // No clock control here: two keys in a row are well within 500 ms.
    const model = new Model(DINUM);
    await tabIntoTree(page, model);
    await page.keyboard.type('et');
    await expectTree(page, model, { item: ETALAB }, '"et"');
  });
});

// ---------------------------------------------------------------------------
// Mouse
// ---------------------------------------------------------------------------

test('a click on a parent toggles it and focuses it; on a leaf, focuses and activates it', async ({ page }) => {
  const model = new Model(DINUM);
  await gotoChart(page, TREE);
  await row(page, ETALAB).click();
  model.open(ETALAB);
  await expectTree(page, model, { item: ETALAB }, 'click opens Etalab and focuses it');
  await row(page, ETALAB).click();
  model.close(ETALAB);
  await expectTree(page, model, { item: ETALAB }, 'click closes it');
  await row(page, ETALAB).click();
  model.open(ETALAB);
  await expectTree(page, model, { item: ETALAB }, 'click opens it again');
  await row(page, DATALAB).click();
  await expectTree(page, model, { item: DATALAB }, 'click on a leaf focuses it');
  await expect(status(page)).toHaveText(detailsOf(model.node(DATALAB).unit));
  await row(page, ROOT).click();
  model.close(ROOT);
  await expectTree(page, model, { item: ROOT }, 'click on the root closes it');
  await press(page, model, 'ArrowDown', ROOT, 'the keyboard goes on from the clicked item');
});

// ---------------------------------------------------------------------------
// Focus when a branch holding it collapses
// ---------------------------------------------------------------------------

test.describe('collapsing the branch that holds focus', () => {
  /** Focus on Datalab, inside the open Etalab, by keyboard. */
  async function focusDatalab(page: Page): Promise<Model> {
    const model = new Model(DINUM);
    await tabIntoTree(page, model);
    await press(page, model, 'e', ETALAB, 'type-ahead to Etalab');
    await press(page, model, 'ArrowRight', ETALAB, 'open', { open: [ETALAB] });
    await press(page, model, 'ArrowRight', DATALAB, 'first child');
    return model;
  }

  test('click on the department: it closes and takes focus', async ({ page }) => {
    const model = await focusDatalab(page);
    await row(page, ETALAB).click();
    model.close(ETALAB);
    await expectTree(page, model, { item: ETALAB }, 'Etalab closed, focused');
  });

  test('the department closes without focus moving (assistive technology click): focus to it', async ({ page }) => {
    const model = await focusDatalab(page);
    await row(page, ETALAB).dispatchEvent('click');
    model.close(ETALAB);
    await expectTree(page, model, { item: ETALAB }, 'focus rescued to Etalab');
  });

  test('the root closes without focus moving: focus to the root', async ({ page }) => {
    const model = await focusDatalab(page);
    await row(page, ROOT).dispatchEvent('click');
    model.close(ROOT);
    await expectTree(page, model, { item: ROOT }, 'focus rescued to the root');
  });

  test('"Tout replier" activated without focus moving: focus to the department', async ({ page }) => {
    const model = await focusDatalab(page);
    await button(page, COLLAPSE_ALL).dispatchEvent('click');
    await expect(status(page)).toHaveText(STATUS_COLLAPSED);
    model.close(ETALAB);
    await expectTree(page, model, { item: ETALAB }, 'focus rescued to Etalab');
  });

  test('"Tout replier" clicked: focus stays on the button, not on the page', async ({ page }) => {
    const model = await focusDatalab(page);
    await button(page, COLLAPSE_ALL).click();
    await expect(status(page)).toHaveText(STATUS_COLLAPSED);
    model.close(ETALAB);
    await expect(button(page, COLLAPSE_ALL)).toBeFocused();
    await expectFocusNotLost(page);
    await expect(row(page, DATALAB)).toBeHidden();
  });

  test('"Tout replier" clicked: focus on the button, and Tab comes back to a visible item', async ({ page }) => {
    const model = await focusDatalab(page);
    await button(page, COLLAPSE_ALL).click();
    await expect(status(page)).toHaveText(STATUS_COLLAPSED);
    model.close(ETALAB);
    // The tab stop must not stay on the hidden Datalab: the tree would
    // have no reachable tab stop. Its nearest visible ancestor takes it.
    model.tabStop = model.node(ETALAB);
    await expectTree(page, model, { outside: `button "${COLLAPSE_ALL}"` }, 'focus on "Tout replier", tab stop on Etalab');
    await pressOut(page, model, 'Tab', BEFORE_TREE, 'the toolbar\'s last button');
    await press(page, model, 'Tab', ETALAB, 'Tab enters the tree on Etalab');
  });

  test('keyboard only: Shift+Tab to "Tout replier", Enter, Tab comes back to a visible item', async ({ page }) => {
    const model = await focusDatalab(page);
    await pressOut(page, model, 'Shift+Tab', BEFORE_TREE, 'out of the tree, backwards');
    await pressOut(page, model, 'Shift+Tab', `button "${COLLAPSE_ALL}"`, 'to "Tout replier"');
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(STATUS_COLLAPSED);
    model.close(ETALAB);
    model.tabStop = model.node(ETALAB);
    await expectTree(page, model, { outside: `button "${COLLAPSE_ALL}"` }, 'focus on "Tout replier", tab stop on Etalab');
    await pressOut(page, model, 'Tab', BEFORE_TREE, 'the toolbar\'s last button');
    await press(page, model, 'Tab', ETALAB, 'Tab enters the tree on Etalab, not past it');
  });
});

// ---------------------------------------------------------------------------
// Details region
// ---------------------------------------------------------------------------

test('the details region shows the focused unit and is not a live region', async ({ page }) => {
  const model = new Model(DINUM);
  await tabIntoTree(page, model);
  const region = details(page);
  await expect(page.getByRole('region', { name: 'Détails', exact: true })).toBeVisible();
  // Not announced on every focus move: no aria-live, not status/alert/log,
  // nor inside such a region.
  const live = await region.evaluate((el) =>
    [el, ...el.querySelectorAll('*')]
      .concat((() => {
        const up: Element[] = [];
        for (let p = el.parentElement; p; p = p.parentElement) up.push(p);
        return up;
      })())
      .filter((e) => e.hasAttribute('aria-live') || ['status', 'alert', 'log', 'marquee', 'timer'].includes(e.getAttribute('role') ?? ''))
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(live, 'live regions in or around the details region').toEqual([]);
  await expect(region).not.toHaveAttribute('aria-live');
  await expect(region).not.toHaveAttribute('role', /status|alert|log/);

  // It follows focus through every unit of the expanded chart.
  await button(page, EXPAND_ALL).click();
  await expect(status(page)).toHaveText(STATUS_EXPANDED);
  model.openAll();
  await page.getByRole('treeitem', { name: labelOf(dinum.root), exact: true }).focus();
  for (const [i, n] of DINUM.entries()) {
    if (i > 0) await press(page, model, 'ArrowDown', n.name, 'next unit');
    else await expectTree(page, model, { item: n.name }, 'the root');
    const u = n.unit;
    await expect(region.locator('.og-details__name'), n.name).toHaveText(labelOf(u));
    if (u.kind) await expect(region.locator('.og-kind')).toHaveText(u.kind);
    else await expect(region.locator('.og-kind')).toHaveCount(0);
    if (u.description) await expect(region.locator('.og-desc')).toHaveText(u.description);
    else await expect(region.locator('.og-desc')).toHaveCount(0);
    const people = region.locator('.og-people > li');
    if (u.people?.length) await expect(people).toHaveText((u.people ?? []).map(person));
    else await expect(people).toHaveCount(0);
    if (u.url) {
      await expect(region.getByRole('link')).toHaveAttribute('href', u.url);
      // As the list shows it: without its scheme.
      await expect(region.getByRole('link')).toHaveText(u.url.replace(/^(https?:\/\/|mailto:)/, ''));
    } else await expect(region.getByRole('link')).toHaveCount(0);
  }
});

// ---------------------------------------------------------------------------
// Small screen
// ---------------------------------------------------------------------------

/** Opens the tree, expands everything, and tabs onto the root. */
async function expandedTreeFocusedOnRoot(page: Page): Promise<Model> {
  const model = new Model(DINUM);
  await openTree(page);
  await button(page, EXPAND_ALL).click();
  await expect(status(page)).toHaveText(STATUS_EXPANDED);
  model.openAll();
  await pressOut(page, model, 'Tab', `button "${COLLAPSE_ALL}"`, 'to "Tout replier"');
  await pressOut(page, model, 'Tab', BEFORE_TREE, 'to the toolbar\'s last button');
  await press(page, model, 'Tab', ROOT, 'into the tree');
  return model;
}

test('at 320×640, fully expanded, the focused item is scrolled into view', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const model = await expandedTreeFocusedOnRoot(page);
  await press(page, model, 'End', CAMPUS, 'End: the last unit');
  await expect(row(page, CAMPUS)).toBeInViewport({ ratio: 1 });
  // Down through the tree from the top: each leaf's row comes into view.
  await press(page, model, 'Home', ROOT, 'Home');
  for (const n of DINUM.slice(1)) {
    await press(page, model, 'ArrowDown', n.name, 'down');
    if (!n.children.length) await expect(row(page, n.name), n.name).toBeInViewport({ ratio: 1 });
  }
  // Type-ahead back up the page (real clock: four keys at once).
  await page.keyboard.type('etal');
  await expectTree(page, model, { item: ETALAB }, '"etal"');
  await expect(row(page, ETALAB)).toBeInViewport({ ratio: 1 });
});

for (const viewport of [{ width: 320, height: 640 }, { width: 1280, height: 800 }]) {
  test(`at ${viewport.width}×${viewport.height}, Home and Left to an open parent scroll its row into view`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const model = await expandedTreeFocusedOnRoot(page);
    await press(page, model, 'End', CAMPUS, 'End: the last unit');
    await expect(row(page, CAMPUS)).toBeInViewport({ ratio: 1 });
    await press(page, model, 'Home', ROOT, 'Home');
    await expect(row(page, ROOT), 'the root row after Home').toBeInViewport({ ratio: 1 });
    // From the last pole of ISN (6 poles) to ISN, with Left.
    await page.getByRole('treeitem', { name: 'Accélérateur d\'initiatives citoyennes', exact: true }).focus();
    await expectTree(page, model, { item: 'Accélérateur d\'initiatives citoyennes' }, 'focus() on the last ISN pole');
    await press(page, model, 'ArrowLeft', ISN, 'to its parent');
    await expect(row(page, ISN), 'ISN row after Left').toBeInViewport({ ratio: 1 });
  });
}

// ---------------------------------------------------------------------------
// ARIA snapshots
// ---------------------------------------------------------------------------

test('ARIA snapshot of the tree, collapsed', async ({ page }) => {
  await gotoChart(page, TREE);
  const tree = page.locator('ul[role=tree]');
  await expect(tree).toMatchAriaSnapshot({ name: 'tree-collapsed.aria.yml' });
  // Playwright writes [expanded] for true only, so the file does not pin
  // the closed branches: a template does.
  await expect(tree).toMatchAriaSnapshot(`
    - tree "${dinum.title}":
      - treeitem "${labelOf(dinum.root)}" [expanded] [level=1]:
        - group:
${LEVEL_2.map((name) => {
  const n = DINUM.find((d) => d.name === name)!;
  return `          - treeitem "${labelOf(n.unit)}" ${n.children.length ? '[expanded=false] ' : ''}[level=2]`;
}).join('\n')}
  `);
  const snapshot = readFileSync(test.info().snapshotPath('tree-collapsed.aria.yml', { kind: 'aria' }), 'utf8');
  const missing = DINUM.filter((n) => n.level <= 2).map((n) => labelOf(n.unit)).filter((name) => !snapshot.includes(name));
  expect(missing, 'first- and second-level units absent from the snapshot').toEqual([]);
});

test('ARIA snapshot of the tree, fully expanded', async ({ page }) => {
  await gotoChart(page, TREE);
  await button(page, EXPAND_ALL).click();
  await expect(status(page)).toHaveText(STATUS_EXPANDED);
  await expect(page.locator('.og-children[hidden]')).toHaveCount(0);
  await expect(page.locator('ul[role=tree]')).toMatchAriaSnapshot({ name: 'tree-expanded.aria.yml' });
  const snapshot = readFileSync(test.info().snapshotPath('tree-expanded.aria.yml', { kind: 'aria' }), 'utf8');
  const missing = DINUM.map((n) => n.name).filter((name) => !snapshot.includes(name));
  expect(missing, 'unit names absent from the snapshot').toEqual([]);
});

// ---------------------------------------------------------------------------
// Another chart, in flat form, through ?src=
// ---------------------------------------------------------------------------

// The structure of other valid samples, nested and flat, as the tree shows it.
for (const file of [
  'all-fields-flat.json',
  'all-fields-nested.json',
  'flat-child-before-parent.json',
  'minimal-flat.json',
  'minimal-nested.json',
  'nested-eight-levels.json',
  'nested-without-ids.json',
  'people-without-role.json',
  'unicode-names.json',
]) {
  test(`?src= ${file}: aria-level, aria-setsize, aria-posinset, names and descriptions from the data`, async ({ page }) => {
    const data = readJson<{ title: string; root?: Unit; units?: Unit[] }>(`../data/samples/valid/${file}`);
    const nodes = data.root ? fromNested(data.root) : fromFlat(data.units!);
    await gotoChart(page, `${TREE}&src=/test-data/samples/valid/${file}`);
    await expect(page.getByRole('tree', { name: data.title.trim(), exact: true })).toBeVisible();
    // Collapsed branches are written after the first frame: read them once they are.
    await expect(page.locator('[data-filling]')).toHaveCount(0);
    const rendered = await page.locator('[role=treeitem]').evaluateAll((items) =>
      items.map((li) => {
        const text = (id: string | null) =>
          id === null ? null : (document.getElementById(id)?.textContent ?? '<missing>').replace(/\s+/g, ' ').trim();
        return {
          name: (li.querySelector(':scope > .og-item__row > .og-item__label')?.firstChild?.textContent ?? '').trim(),
          level: li.getAttribute('aria-level'),
          setsize: li.getAttribute('aria-setsize'),
          posinset: li.getAttribute('aria-posinset'),
          label: text(li.getAttribute('aria-labelledby')),
          description: text(li.getAttribute('aria-describedby')),
          expandable: li.hasAttribute('aria-expanded'),
        };
      }),
    );
    expect(rendered).toEqual(
      nodes.map((n) => ({
        name: n.name,
        level: String(n.level),
        setsize: String(n.setsize),
        posinset: String(n.posinset),
        label: labelOf(n.unit),
        description: n.unit.people?.length ? peopleOf(n.unit) : null,
        expandable: n.children.length > 0,
      })),
    );
    await expect(page.locator('[role=treeitem][tabindex="0"]')).toHaveCount(1);
    await expect(page.locator('[aria-selected]')).toHaveCount(0);
  });
}

test('?src= a flat sample: structure and keyboard', async ({ page }) => {
  const file = 'flat-siblings-order.json';
  const flat = readJson<{ title: string; units: Unit[] }>(`../data/samples/valid/${file}`);
  const nodes = fromFlat(flat.units);
  const model = new Model(nodes);
  const query = `${TREE}&src=/test-data/samples/valid/${file}`;
  await openTree(page, query);
  await expect(page.getByRole('tree', { name: flat.title, exact: true })).toBeVisible();
  // Collapsed branches are written after the first frame: read them once they are.
  await expect(page.locator('[data-filling]')).toHaveCount(0);
  const attrs = await page.locator('[role=treeitem]').evaluateAll((els) =>
    els.map((li) => ({
      name: (li.querySelector(':scope > .og-item__row > .og-item__label')?.firstChild?.textContent ?? '').trim(),
      level: li.getAttribute('aria-level'),
      setsize: li.getAttribute('aria-setsize'),
      posinset: li.getAttribute('aria-posinset'),
    })),
  );
  expect(attrs).toEqual(
    nodes.map((n) => ({ name: n.name, level: String(n.level), setsize: String(n.setsize), posinset: String(n.posinset) })),
  );

  const [racine, troisieme, premier, petit, deuxieme] = nodes.map((n) => n.name);
  expect([racine, troisieme, premier, petit, deuxieme]).toEqual([
    'Racine',
    'Troisième par l’alphabet, premier dans la liste',
    'Premier par l’alphabet, deuxième dans la liste',
    'Petit-enfant',
    'Deuxième par l’alphabet, troisième dans la liste',
  ]);
  await expectTree(page, model, { outside: BEFORE_TREE }, 'before the tree');
  await press(page, model, 'Tab', racine, 'Tab enters on the root');
  await press(page, model, 'ArrowDown', troisieme, 'file order, not alphabetical');
  await press(page, model, 'ArrowDown', premier, 'down');
  await press(page, model, 'ArrowDown', deuxieme, 'Premier is closed: past its child');
  await press(page, model, 'ArrowDown', deuxieme, 'no wrap');
  await press(page, model, 'ArrowUp', premier, 'up');
  await press(page, model, 'ArrowRight', premier, 'opens', { open: [premier] });
  await press(page, model, 'ArrowRight', petit, 'first child');
  await press(page, model, 'ArrowRight', petit, 'leaf: nothing');
  await press(page, model, 'ArrowDown', deuxieme, 'down out of the group');
  await press(page, model, 'Home', racine, 'Home');
  await press(page, model, 'End', deuxieme, 'End');
  await press(page, model, 'p', premier, '"p" wraps to Premier');
  await press(page, model, 'p', petit, '"pp" cycles to Petit-enfant');
  await press(page, model, 'ArrowLeft', premier, 'to the parent');
  await press(page, model, 'ArrowLeft', premier, 'closes', { close: [premier] });
  await press(page, model, 'ArrowUp', troisieme, 'up');
  await press(page, model, '*', troisieme, 'opens its sibling parents', { open: [premier] });
  await press(page, model, 'Enter', troisieme, 'Enter on a leaf');
  await expect(status(page)).toHaveText(troisieme);
  await expect(details(page).locator('.og-details__name')).toHaveText(troisieme);
  await press(page, model, 'ArrowLeft', racine, 'to the root');
  await press(page, model, 'Enter', racine, 'closes the root', { close: [racine] });
  await pressOut(page, model, 'Shift+Tab', BEFORE_TREE, 'Shift+Tab leaves backwards');
  await press(page, model, 'Tab', racine, 'Tab returns on the root');
});

test('the focus ring is on the focused item’s row, and on no other row, as focus moves by keyboard', async ({ page }) => {
  await gotoChart(page, TREE);
  await page.getByRole('button', { name: EXPAND_ALL, exact: true }).click();
  await expect(page.locator('.og-status[role=status]')).toHaveText(STATUS_EXPANDED);
  // By keyboard, so that the item matches :focus-visible.
  await page.getByRole('button', { name: PRINT, exact: true }).focus();
  await page.keyboard.press('Tab');
  const ringed = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.og-item__row')]
        .filter((row) => {
          // An outline, or in the chart's list a border of an opaque colour.
          const s = getComputedStyle(row);
          if (s.outlineStyle !== 'none') return parseFloat(s.outlineWidth) >= 2;
          return parseFloat(s.borderTopWidth) >= 2 && s.borderTopColor.startsWith('rgb(');
        })
        .map((row) => ({ own: row.parentElement === document.activeElement, name: row.querySelector('.og-item__label')?.firstChild?.textContent })),
    );
  await expect(page.locator('[role=treeitem]').first()).toBeFocused();
  expect(await ringed()).toEqual([{ own: true, name: 'Direction interministérielle du numérique' }]);
  for (const name of ['Missions transversales', 'Budget et achats']) {
    await page.keyboard.press('ArrowDown');
    expect(await ringed()).toEqual([{ own: true, name }]);
  }
  // Leaving the tree takes the ring away.
  await page.keyboard.press('Shift+Tab');
  expect(await ringed()).toEqual([]);
});
