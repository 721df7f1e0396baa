// The benchmark's contenders and the probe it puts in every page, shared by
// scripts/bench.mjs (the figures) and bench/trace.mjs (where the time goes).

export const VIEWPORT = { width: 1280, height: 900 };
export const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  // Without the omnibox's WebUI popup, which headless Chromium otherwise
  // loads in a renderer of its own (dozens of modules) while each measured
  // page loads, on the same two cores; Puppeteer turns it off for the same
  // reason.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'],
};

export const data = (size, flat = false) => `/bench-data/units-${size}${flat ? '-flat' : ''}.json`;
const q = encodeURIComponent;

/** "Tout déplier": the toolbar's first own button (the layout switch is a group before it). */
const EXPAND = '#organigramme .og-toolbar > button';

/** The contenders, in the order each round runs them. */
export const ALL = [
  {
    id: 'organigramme-list', label: 'Organigramme, list', codeLabel: 'Organigramme (both views)',
    url: (n) => `/?src=${q(data(n))}&open=1&depth=2`,
    ready: 'organigramme:ready', container: '#organigramme', units: '#organigramme .og-unit',
    expand: EXPAND, focus: '#organigramme .og-tree .og-toggle', keys: true,
    // A person's name, typed key by key (ASCII: the search folds accents).
    search: { field: '#organigramme .og-search__field', text: 'amelie lefevre', results: '#organigramme .og-result' },
  },
  {
    id: 'organigramme-chart', label: 'Organigramme, list, chart layout', sameCodeAs: 'organigramme-list',
    url: (n) => `/?src=${q(data(n))}&open=1&depth=2&layout=chart`,
    ready: 'organigramme:ready', container: '#organigramme', units: '#organigramme .og-unit',
    expand: EXPAND, focus: '#organigramme .og-tree .og-toggle', keys: true,
  },
  {
    id: 'organigramme-tree', label: 'Organigramme, tree', sameCodeAs: 'organigramme-list',
    url: (n) => `/?src=${q(data(n))}&open=1&depth=2&mode=tree`,
    ready: 'organigramme:ready', container: '#organigramme', units: '#organigramme [role="treeitem"]',
    expand: EXPAND, focus: '#organigramme [role="treeitem"]', keys: true,
  },
  {
    id: 'organigramme-flat', label: 'Organigramme, list, flat data', readyOnly: true, sameCodeAs: 'organigramme-list',
    url: (n) => `/?src=${q(data(n, true))}&open=1&depth=2`,
    ready: 'organigramme:ready', container: '#organigramme', units: '#organigramme .og-unit',
  },
  {
    id: 'vanilla', label: 'Vanilla JS tree (baseline)',
    url: (n) => `/bench/vanilla/?src=${q(data(n))}&depth=2`,
    ready: 'tree:ready', container: '#tree-host', units: '#tree-host [role="treeitem"]',
    expand: '#expand-all', focus: '#tree-host [role="treeitem"]', keys: true,
  },
  {
    id: 'd3-org-chart', label: 'd3-org-chart',
    url: (n) => `/bench/d3/?src=${q(data(n))}`,
    ready: 'd3:ready', container: '#chart', units: '#chart g.node',
    expand: '#expand-all', keys: false,
  },
  {
    id: 'static', label: 'Static HTML lists (floor)', allShown: true,
    url: (n) => `/bench-data/static-${n}.html`,
    ready: 'load', container: '#chart', units: '#chart li.st-unit',
  },
];

/**
 * Runs in every page before its own scripts: the next-frame probe, the
 * ready promise (the contender's event, or `load`, then the next frame),
 * the keydown recorder (a capture listener on window: the event's
 * timeStamp, then the next frame, and whether focus moved), and the steps
 * the benchmark, the trace and the A/B share: a click timed to the next
 * frame, and focus before the recorded key presses.
 */
export function probe(readyEvent) {
  const frame = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
  let settle;
  const ready = new Promise((resolve) => { settle = resolve; });
  const onReady = () => {
    const event = performance.now();
    frame().then((at) => settle({ event, at }));
  };
  if (readyEvent === 'load') addEventListener('load', onReady, { once: true });
  else addEventListener(readyEvent, onReady, { once: true, capture: true });
  for (const name of ['organigramme:error', 'tree:error', 'd3:error']) {
    addEventListener(name, (e) => settle({ error: `${name}: ${e.detail}` }), { capture: true });
  }
  const keys = [];
  const waiters = [];
  const bench = {
    ready, frame, keys, recordKeys: false,
    waitKeys: (n) => (keys.length >= n ? Promise.resolve(keys.length) : new Promise((resolve) => waiters.push([n, resolve]))),
    /** Clicks the element `selector` names: the ms from the click to the next frame. */
    clickToFrame: async (selector) => {
      const button = document.querySelector(selector);
      const start = performance.now();
      bench.clickedAt = start;
      button.click();
      return (await frame()) - start;
    },
    /**
     * The ms from the last click to the frame after everything it opened
     * was written: Organigramme writes a large chart a slice per frame,
     * its scroller marked `data-filling` until the last; other contenders
     * write at once, and this is their next frame.
     */
    written: async () => {
      await new Promise((resolve) => {
        if (!document.querySelector('[data-filling]')) return resolve();
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-filling]')) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document, { attributes: true, attributeFilter: ['data-filling'], subtree: true });
      });
      return (await frame()) - bench.clickedAt;
    },
    /** Focuses the element `selector` names, then records key presses from the next frame on: whether it took focus. */
    recordKeysFrom: async (selector) => {
      const el = document.querySelector(selector);
      el.focus();
      await frame();
      bench.recordKeys = true;
      return document.activeElement === el;
    },
  };
  addEventListener('keydown', (e) => {
    if (!bench.recordKeys) return;
    const input = e.timeStamp;
    const handled = performance.now();
    const before = document.activeElement;
    frame().then((end) => {
      const after = document.activeElement;
      keys.push({
        key: e.key, latency: end - input, inputDelay: handled - input,
        moved: after !== before && after !== null && after !== document.body,
        to: after ? (after.id || after.className || after.tagName) : null,
      });
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (keys.length >= waiters[i][0]) { waiters[i][1](keys.length); waiters.splice(i, 1); }
      }
    });
  }, true);
  Object.defineProperty(window, '__bench', { value: bench });
}

