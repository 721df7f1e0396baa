// A static server for the end-to-end tests, on 127.0.0.1 only: the release
// build in dist/ at /, and the test data files under /test-data/. Playwright
// starts it before the tests and stops it after.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT || 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

function locate(pathname) {
  const [base, rest] = pathname.startsWith('/test-data/')
    ? [join(root, 'tests/data'), pathname.slice('/test-data/'.length)]
    : [join(root, 'dist'), pathname.slice(1) || 'index.html'];
  const file = resolve(base, normalize(decodeURIComponent(rest)));
  return file.startsWith(base) ? file : null;
}

// A 60 MB data file is generated, not committed: announced with its
// Content-Length, or streamed without one (chunked).
const HUGE = { '/test-data/invalid/huge-60mb.json': true, '/test-data/invalid/huge-60mb-chunked.json': false };
const HUGE_BYTES = 60_000_000;

// `?hold=<key>` holds a download after its first 8 MB until
// `/test-data/release?key=<key>` is asked: a test acts while it is in flight.
const HOLD_BYTES = 8 << 20;
const holds = new Map();
function hold(key) {
  if (!holds.has(key)) {
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    holds.set(key, { released, release });
  }
  return holds.get(key);
}

function serveHuge(res, withLength, held) {
  const head = '{"title": "Énorme", "root": {"name": "R", "description": "';
  const tail = '"}}';
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  if (withLength) headers['content-length'] = String(HUGE_BYTES);
  res.writeHead(200, headers);
  res.write(head);
  const chunk = 'x'.repeat(1 << 20);
  let left = HUGE_BYTES - head.length - tail.length;
  let beforeHold = held ? HOLD_BYTES : Infinity;
  const pump = () => {
    while (left > 0) {
      if (beforeHold <= 0) {
        beforeHold = Infinity;
        return held.then(pump);
      }
      const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
      left -= piece.length;
      beforeHold -= piece.length;
      if (!res.write(piece)) return res.once('drain', pump);
    }
    res.end(tail);
  };
  res.on('error', () => {});
  pump();
}

createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  if (url.pathname in HUGE) {
    const key = url.searchParams.get('hold');
    return serveHuge(res, HUGE[url.pathname], key && hold(key).released);
  }
  if (url.pathname === '/test-data/release') {
    hold(url.searchParams.get('key')).release();
    res.writeHead(204);
    return res.end();
  }
  const file = locate(url.pathname);
  try {
    if (!file || !(await stat(file)).isFile()) throw new Error('not found');
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving on http://127.0.0.1:${port}`));
