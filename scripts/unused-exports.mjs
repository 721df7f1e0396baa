#!/usr/bin/env node
// Trunk post-build step (scripts/post-build.sh), before the short names:
// drops the classes the wasm-bindgen glue exports for wasm-streams, from the
// glue and from the module's exports, then has wasm-opt remove the code only
// they reached. Leptos links wasm-streams in (server_fn's `browser`
// feature, which it always enables), and its `#[wasm_bindgen]` classes are
// exports, kept whether or not anything streams; nothing of ours does: 1.5 KB
// of gzip. Fails, writing nothing, unless the glue defines each class once,
// as wasm-bindgen writes it, and no longer names it or its exports after.
//
//   node scripts/unused-exports.mjs [directory]   (Trunk's staging directory)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reintegrate } from './integrity.mjs';
import { encodeUleb, readUleb, stagedFiles } from './module-files.mjs';

const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

// Trunk optimises a release only; so does this step, after it.
const optimise = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

function fail(why) {
  console.error(`unused-exports: ${why}`);
  process.exit(1);
}

const { wasmPath, gluePath, pagePath } = stagedFiles(fail);

// --- The glue: each class, its `Symbol.dispose` line and its
// FinalizationRegistry; the exports they call are the ones to drop.
const original = readFileSync(gluePath, 'utf8');
let glue = original;
const dropped = new Set();
const cut = (re, what) => {
  const found = [...glue.matchAll(re)];
  if (found.length !== 1) fail(`${what} is ${found.length} times in the glue, not once`);
  for (const [, name] of found[0][0].matchAll(/\bwasm\.(\w+)/g)) dropped.add(name);
  glue = glue.replace(re, '');
};
for (const name of CLASSES) {
  cut(new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\nif \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'gm'), `class ${name}`);
  cut(new RegExp(`^const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n.*\\n.*\\n`, 'gm'), `${name}Finalization`);
}
for (const name of [...CLASSES, ...dropped]) {
  if (new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(glue)) fail(`the glue still names ${name}`);
}

// --- The module's export section without them (the binary format's own
// encoding: unsigned LEB128 sizes, names as a size and UTF-8 bytes).
const wasm = readFileSync(wasmPath);
let at = 8;
const uleb = () => {
  const [value, next] = readUleb(wasm, at);
  at = next;
  return value;
};
const parts = [wasm.subarray(0, 8)];
const missing = new Set(dropped);
while (at < wasm.length) {
  const start = at;
  const id = wasm[at++];
  const end = uleb() + at;
  if (id !== 7) {
    parts.push(wasm.subarray(start, end));
    at = end;
    continue;
  }
  const kept = [];
  for (let i = uleb(); i > 0; i--) {
    const entry = at;
    const length = uleb();
    const name = wasm.subarray(at, at + length).toString('utf8');
    at += length + 1; // the name, then the kind
    uleb(); // the index
    if (missing.delete(name)) continue;
    kept.push(wasm.subarray(entry, at));
  }
  if (at !== end) fail('the export section was not read to its end');
  const body = Buffer.concat([encodeUleb(kept.length), ...kept]);
  parts.push(Buffer.from([7]), encodeUleb(body.length), body);
}
if (missing.size) fail(`the module does not export ${[...missing].join(', ')}`);
let rewritten = Buffer.concat(parts);

if (optimise) {
  // Trunk's own pin (Trunk.toml) holds for its run only: Debian's wasm-opt
  // 108 writes modules that break the app.
  const version = spawnSync('wasm-opt', ['--version'], { encoding: 'utf8' });
  if (!/\bversion 132\b/.test(version.stdout ?? '')) fail(`wasm-opt is not version 132: ${version.stdout || version.error?.message}`);
  const temp = mkdtempSync(join(tmpdir(), 'unused-exports-'));
  try {
    const [input, output] = [join(temp, 'in.wasm'), join(temp, 'out.wasm')];
    writeFileSync(input, rewritten);
    const run = spawnSync('wasm-opt', ['-Oz', input, '-o', output], { encoding: 'utf8' });
    if (run.error || run.status !== 0) fail(`wasm-opt: ${run.error?.message ?? run.stderr}`);
    rewritten = readFileSync(output);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

// --- The page's integrity for both files.
let page = readFileSync(pagePath, 'utf8');
try {
  page = reintegrate(page, wasm, rewritten);
  page = reintegrate(page, Buffer.from(original), Buffer.from(glue));
} catch (error) {
  fail(error.message);
}
writeFileSync(wasmPath, rewritten);
writeFileSync(gluePath, glue);
writeFileSync(pagePath, page);
