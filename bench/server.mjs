// The benchmark's static server, on 127.0.0.1 only, started and stopped by
// scripts/bench.mjs: the release build in dist/ (or the bench's copy of it) at /, the contenders' pages
// of bench/ under /bench/, the generated data and static pages of
// target/bench/data/ under /bench-data/, and the three files of d3 and
// d3-org-chart that the d3 page loads, from node_modules, under /vendor/.
// Every response is `no-store`, and every browser is fresh anyway.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
};

/** The files of node_modules the d3 page may load, and nothing else of it. */
export const VENDOR = {
  'd3.min.js': 'node_modules/d3/dist/d3.min.js',
  'd3-flextree.min.js': 'node_modules/d3-flextree/build/d3-flextree.min.js',
  'd3-org-chart.min.js': 'node_modules/d3-org-chart/build/d3-org-chart.min.js',
};

const mounts = [
  ['/bench-data/', join(root, 'target/bench/data')],
  ['/bench/', join(root, 'bench')],
  ['/', join(root, 'dist')],
];

/**
 * Serves `/` from `dir` in place of dist/: scripts/bench.mjs serves a copy
 * taken when it starts, so that a release rebuilt meanwhile (the tests build
 * their own) cannot change the contender halfway through a run.
 */
export function serveSiteFrom(dir) {
  mounts[mounts.length - 1][1] = resolve(dir);
}

/** The file served at `pathname`, or null. */
export function locate(pathname) {
  if (pathname.startsWith('/vendor/')) {
    const file = VENDOR[pathname.slice('/vendor/'.length)];
    return file ? join(root, file) : null;
  }
  const [prefix, base] = mounts.find(([p]) => pathname.startsWith(p));
  let rest = decodeURIComponent(pathname.slice(prefix.length));
  if (rest === '' || rest.endsWith('/')) rest += 'index.html';
  const file = resolve(base, normalize(rest));
  return file === base || file.startsWith(base + sep) ? file : null;
}

/** Starts the server on `port` (0: any free port); resolves to its base URL and a stop function. */
export function start(port = 0) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = locate(url.pathname);
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${server.address().port}`;
      done({ base, stop: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) });
    });
  });
}

// `node bench/server.mjs [port]` serves until interrupted, to look at the pages by hand.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { base } = await start(Number(process.argv[2] || 4176));
  console.log(`serving on ${base}`);
}
