// The d3-org-chart contender: the project's nested JSON (?src=URL) turned
// into the flat rows d3-org-chart takes ({ id, parentId, … }), each unit a
// card with its name, short name, kind, people and description, two levels
// open at start (the root and its children), as its documentation shows.
// Transitions are off (duration 0), so that the first frame after a render
// is the finished chart, not the start of a 400 ms animation.
//
// "Tout déplier" calls chart.expandAll(), which renders by itself (it
// ends with this.render()). When rendered, the page dispatches a bubbling
// `d3:ready` event on #chart (detail: the number of units).
(() => {
  'use strict';

  const params = new URLSearchParams(location.search);
  const src = params.get('src') || '/data/dinum-2024.json';
  const container = document.getElementById('chart');

  const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const esc = (text) => String(text).replace(/[&<>"']/g, (c) => escapes[c]);

  /** Nested units to rows, in document order, ids from their position. */
  function rows(root) {
    const out = [];
    const stack = [[root, null]];
    while (stack.length > 0) {
      const [unit, parentId] = stack.pop();
      const id = 'n' + out.length;
      out.push({
        id,
        parentId,
        name: unit.name,
        shortName: unit.short_name || '',
        kind: unit.kind || '',
        description: unit.description || '',
        people: unit.people || [],
      });
      const kids = unit.children || [];
      for (let k = kids.length - 1; k >= 0; k--) stack.push([kids[k], id]);
    }
    return out;
  }

  function card(d) {
    const u = d.data;
    const people = u.people
      .map((p) => (p.role ? `${esc(p.role)} : ${esc(p.name)}` : esc(p.name)))
      .join(' ; ');
    return `<div class="card">`
      + `<div class="card-name">${esc(u.name)}${u.shortName ? ` (${esc(u.shortName)})` : ''}</div>`
      + (u.kind ? `<div class="card-kind">${esc(u.kind)}</div>` : '')
      + (people ? `<div class="card-people">${people}</div>` : '')
      + (u.description ? `<div class="card-desc">${esc(u.description)}</div>` : '')
      + `</div>`;
  }

  async function load() {
    const response = await fetch(src);
    if (!response.ok) throw new Error(`${src}: ${response.status}`);
    const chartData = await response.json();
    document.getElementById('d3-title').textContent = chartData.title || 'Organigramme';
    const data = rows(chartData.root);
    const chart = new d3.OrgChart()
      .container(container)
      .data(data)
      .svgHeight(container.clientHeight)
      .nodeWidth(() => 260)
      .nodeHeight(() => 150)
      .childrenMargin(() => 40)
      .compactMarginBetween(() => 20)
      .compactMarginPair(() => 60)
      .duration(0)
      .initialExpandLevel(2)
      .nodeContent(card)
      .render();
    document.getElementById('expand-all').addEventListener('click', () => chart.expandAll());
    document.getElementById('collapse-all').addEventListener('click', () => chart.collapseAll());
    window.orgChart = chart;
    container.dispatchEvent(new CustomEvent('d3:ready', { bubbles: true, detail: data.length }));
  }

  load().catch((error) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = String(error.message || error);
    container.replaceChildren(p);
    container.dispatchEvent(new CustomEvent('d3:error', { bubbles: true, detail: p.textContent }));
  });
})();
