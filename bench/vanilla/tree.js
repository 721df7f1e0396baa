// The benchmark's baseline: an org chart as a competent front-end developer
// would write it by hand, with no dependency. It fetches the chart's JSON
// (the project's nested form), keeps the hierarchy in plain arrays and shows
// it as a WAI-ARIA APG tree view: role=tree, treeitems with aria-expanded
// (branches only), aria-level, aria-setsize and aria-posinset, one roving
// tabindex, one delegated keydown and one delegated click listener (and
// focusin/focusout, which mark the focused item's row for its focus ring).
//
// Elements are created only when a branch is first shown, built detached
// (one append per branch into the live document) and kept afterwards;
// closing a branch hides its group. Nothing reads layout.
//
// Query: ?src=URL (the data), ?depth=N (levels open at start, default 2:
// the root and its children). When rendered it dispatches a bubbling
// `tree:ready` event on #tree-host (detail: the number of units) and sets
// `window.treeReady`; `window.expandAll()` and `window.vanillaTree` act on it.
(() => {
  'use strict';

  const params = new URLSearchParams(location.search);
  const src = params.get('src') || '/data/dinum-2024.json';
  const depth = Math.max(0, Number(params.get('depth') ?? 2) || 0);
  const host = document.getElementById('tree-host');

  /**
   * One record per unit, in document order (the root is 0): its data, its
   * parent's index (-1 for the root), its children's indices (null for a
   * leaf), its level and position among its siblings, whether it is open,
   * and its elements once created.
   */
  let units = [];
  let tree = null;
  let current = 0; // the unit holding the tree's one tab stop

  function flatten(rootData) {
    const list = [];
    const stack = [{ data: rootData, parent: -1, level: 1, pos: 1, size: 1 }];
    while (stack.length > 0) {
      const u = stack.pop();
      u.index = list.length;
      u.children = null;
      u.expanded = false;
      u.el = null;
      u.group = null;
      list.push(u);
      if (u.parent >= 0) list[u.parent].children.push(u.index);
      const kids = u.data.children;
      if (kids && kids.length > 0) {
        u.children = [];
        u.expanded = u.level <= depth;
        // Pushed last to first, so popped (and numbered) in document order.
        for (let k = kids.length - 1; k >= 0; k--) {
          stack.push({ data: kids[k], parent: u.index, level: u.level + 1, pos: k + 1, size: kids.length });
        }
      }
    }
    return list;
  }

  function span(className, text) {
    const el = document.createElement('span');
    el.className = className;
    el.textContent = text;
    return el;
  }

  /** A unit's treeitem, with its open descendants' groups. */
  function createItem(u) {
    const d = u.data;
    const li = document.createElement('li');
    const id = 'vt' + u.index;
    li.id = id;
    li.setAttribute('role', 'treeitem');
    li.tabIndex = u.index === current ? 0 : -1;
    li.setAttribute('aria-level', u.level);
    li.setAttribute('aria-setsize', u.size);
    li.setAttribute('aria-posinset', u.pos);
    li.setAttribute('aria-labelledby', id + 'n');
    const row = document.createElement('div');
    row.className = 'vt-row';
    const name = span('vt-name', d.name);
    name.id = id + 'n';
    if (d.short_name) name.append(' (' + d.short_name + ')');
    row.appendChild(name);
    if (d.kind) row.appendChild(span('vt-kind', d.kind));
    if (d.people && d.people.length > 0) {
      let text = '';
      for (let i = 0; i < d.people.length; i++) {
        const p = d.people[i];
        if (i > 0) text += ' ; ';
        text += p.role ? p.role + ' : ' + p.name : p.name;
      }
      const people = span('vt-people', text);
      people.id = id + 'p';
      li.setAttribute('aria-describedby', people.id);
      row.appendChild(people);
    }
    if (d.description) row.appendChild(span('vt-desc', d.description));
    li.appendChild(row);
    if (u.children) {
      li.setAttribute('aria-expanded', u.expanded ? 'true' : 'false');
      if (u.expanded) li.appendChild(createGroup(u));
    }
    u.el = li;
    return li;
  }

  /** A branch's group, built detached: the caller appends it once. */
  function createGroup(u) {
    const ul = document.createElement('ul');
    ul.setAttribute('role', 'group');
    for (const c of u.children) ul.appendChild(createItem(units[c]));
    u.group = ul;
    return ul;
  }

  /** Shows a rendered branch's state: its group, created on first opening. */
  function sync(u) {
    u.el.setAttribute('aria-expanded', u.expanded ? 'true' : 'false');
    if (u.expanded && !u.group) u.el.appendChild(createGroup(u));
    else if (u.group) u.group.hidden = !u.expanded;
  }

  function setExpanded(u, open) {
    if (!u.children || u.expanded === open) return;
    u.expanded = open;
    sync(u);
  }

  function focusUnit(u) {
    const previous = units[current];
    if (previous !== u && previous.el) previous.el.tabIndex = -1;
    current = u.index;
    u.el.tabIndex = 0;
    u.el.focus();
  }

  // The visible order, walked on the records, never on the DOM.
  function nextVisible(u) {
    if (u.children && u.expanded) return units[u.children[0]];
    while (u.parent >= 0) {
      const siblings = units[u.parent].children;
      if (u.pos < siblings.length) return units[siblings[u.pos]];
      u = units[u.parent];
    }
    return null;
  }

  function lastVisibleIn(u) {
    while (u.children && u.expanded) u = units[u.children[u.children.length - 1]];
    return u;
  }

  function previousVisible(u) {
    if (u.parent < 0) return null;
    if (u.pos === 1) return units[u.parent];
    return lastVisibleIn(units[units[u.parent].children[u.pos - 2]]);
  }

  const safeLink = /^(https?:|mailto:|\/|\.|#)/i;

  function onKeydown(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const el = event.target.closest('[role="treeitem"]');
    if (!el) return;
    const u = units[Number(el.id.slice(2))];
    let next = null;
    switch (event.key) {
      case 'ArrowDown': next = nextVisible(u); break;
      case 'ArrowUp': next = previousVisible(u); break;
      case 'ArrowRight':
        if (u.children) {
          if (u.expanded) next = units[u.children[0]];
          else setExpanded(u, true);
        }
        break;
      case 'ArrowLeft':
        if (u.children && u.expanded) setExpanded(u, false);
        else if (u.parent >= 0) next = units[u.parent];
        break;
      case 'Home': next = units[0]; break;
      case 'End': next = lastVisibleIn(units[0]); break;
      case 'Enter':
      case ' ':
        if (u.children) setExpanded(u, !u.expanded);
        else if (u.data.url && safeLink.test(u.data.url)) location.assign(u.data.url);
        break;
      default: return;
    }
    event.preventDefault();
    if (next) focusUnit(next);
  }

  // The focus ring is drawn on the row (see the style sheet): marked here
  // for any focus, by key, click, Tab or script.
  function onFocusChange(event) {
    if (event.target.getAttribute('role') === 'treeitem') {
      event.target.firstChild.classList.toggle('vt-focus', event.type === 'focusin');
    }
  }

  function onClick(event) {
    const row = event.target.closest('.vt-row');
    if (!row) return;
    const u = units[Number(row.parentNode.id.slice(2))];
    focusUnit(u);
    setExpanded(u, !u.expanded);
  }

  /** Opens every branch: the state first, then the DOM, each new subtree built detached. */
  function expandAll() {
    if (!tree) return false;
    for (const u of units) if (u.children) u.expanded = true;
    const reveal = (u) => {
      if (!u.children) return;
      const built = u.group !== null;
      sync(u);
      if (built) for (const c of u.children) reveal(units[c]);
    };
    reveal(units[0]);
    return true;
  }

  /** Closes every branch; focus inside a closed branch goes to the root. */
  function collapseAll() {
    if (!tree) return false;
    const focusInside = tree.contains(document.activeElement);
    for (const u of units) {
      if (u.children && u.expanded) {
        u.expanded = false;
        if (u.el) sync(u);
      }
    }
    if (focusInside) {
      focusUnit(units[0]);
    } else if (current !== 0) {
      units[current].el.tabIndex = -1;
      current = 0;
      units[0].el.tabIndex = 0;
    }
    return true;
  }

  function fail(message) {
    host.removeAttribute('aria-busy');
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = message;
    host.replaceChildren(p);
    host.dispatchEvent(new CustomEvent('tree:error', { bubbles: true, detail: message }));
  }

  async function load() {
    let chart;
    try {
      const response = await fetch(src);
      if (!response.ok) return fail(`Impossible de charger ${src} : ${response.status} ${response.statusText}`);
      chart = await response.json();
    } catch (error) {
      return fail(`Impossible de charger ${src} : ${error.message}`);
    }
    if (!chart || typeof chart !== 'object' || !chart.root || typeof chart.root.name !== 'string') {
      return fail(`${src} n’est pas un organigramme (il manque « root »).`);
    }
    units = flatten(chart.root);
    document.getElementById('vt-title').textContent = chart.title || 'Organigramme';
    tree = document.createElement('ul');
    tree.className = 'vt-tree';
    tree.setAttribute('role', 'tree');
    tree.setAttribute('aria-labelledby', 'vt-title');
    if (chart.lang) tree.lang = chart.lang;
    tree.addEventListener('keydown', onKeydown);
    tree.addEventListener('click', onClick);
    tree.addEventListener('focusin', onFocusChange);
    tree.addEventListener('focusout', onFocusChange);
    tree.appendChild(createItem(units[0]));
    host.removeAttribute('aria-busy');
    host.replaceChildren(tree);
    window.treeReady = true;
    host.dispatchEvent(new CustomEvent('tree:ready', { bubbles: true, detail: units.length }));
  }

  document.getElementById('expand-all').addEventListener('click', expandAll);
  document.getElementById('collapse-all').addEventListener('click', collapseAll);
  window.expandAll = expandAll;
  window.vanillaTree = { expandAll, collapseAll, get units() { return units.length; } };
  load();
})();
