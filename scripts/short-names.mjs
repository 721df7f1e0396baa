#!/usr/bin/env node
// Trunk post-build step (scripts/post-build.sh): gives the WebAssembly
// module's imports and exports short names, in the module and in its
// wasm-bindgen glue alike, and updates the page's subresource integrity
// for both files. wasm-bindgen names each import after its JS function
// plus a 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`), written
// once in each file: some 180 of them, 6.6 KB of gzip, as they compress
// badly. Fails, writing nothing, if the glue does not name each import
// once (as a key of its import object), or reads exports as `wasm[…]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { reintegrate } from './integrity.mjs';
import { encodeUleb, readUleb, stagedFiles } from './module-files.mjs';

function fail(why) {
  console.error(`short-names: ${why}`);
  process.exit(1);
}
const { wasmPath, gluePath, pagePath } = stagedFiles(fail);

// a … z, A … Z, then two letters: 2,756 names.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (i) => {
  if (i >= LETTERS.length * (LETTERS.length + 1)) fail(`more than ${LETTERS.length * (LETTERS.length + 1)} names`);
  return i < LETTERS.length ? LETTERS[i] : LETTERS[Math.floor(i / LETTERS.length) - 1] + LETTERS[i % LETTERS.length];
};
const IMPORT_MODULE = './organigramme_bg.js';

// `needle` in `text`, wherever it is not part of a longer name.
function pattern(needle) {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const after = /[\w$]$/.test(needle) ? '(?![\\w$])' : '';
  return new RegExp(`(?<![\\w$])${escaped}${after}`, 'g');
}
const count = (text, needle) => text.match(pattern(needle))?.length ?? 0;

// `needle` replaced by `by`; fails unless it is there `times` times.
function replace(text, needle, by, where, times) {
  const found = count(text, needle);
  if (found !== times) fail(`${needle} is ${found} times in ${where}, not ${times}`);
  return text.replace(pattern(needle), () => by);
}

// --- The module, read section by section (the binary format's own
// encoding: unsigned LEB128 sizes, names as a size and UTF-8 bytes).
const wasm = readFileSync(wasmPath);
if (!wasm.subarray(0, 8).equals(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))) fail(`${wasmPath} is not a WebAssembly module (version 1)`);
let at = 8;
const uleb = () => {
  const [value, next] = readUleb(wasm, at);
  at = next;
  return value;
};
const encodeName = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encodeUleb(b.length), b]); };
const readName = () => { const n = uleb(); const s = wasm.subarray(at, at + n).toString('utf8'); at += n; return s; };
const limits = () => { const flags = wasm[at++]; uleb(); if (flags & 1) uleb(); };

let glue = readFileSync(gluePath, 'utf8');
const parts = [wasm.subarray(0, 8)];
while (at < wasm.length) {
  const start = at;
  const id = wasm[at++];
  const end = uleb() + at;
  let body = null;
  if (id === 2) {
    // Imports: the glue's import object has one key per import.
    const imports = uleb();
    const out = [encodeUleb(imports)];
    for (let i = 0; i < imports; i++) {
      const module = readName();
      const name = readName();
      const desc = at;
      const kind = wasm[at++];
      if (kind === 0) uleb(); // a function: its type
      else if (kind === 1) { at++; limits(); } // a table: its element type and limits
      else if (kind === 2) limits(); // a memory
      else if (kind === 3) at += 2; // a global: its type and mutability
      else if (kind === 4) { at++; uleb(); } // a tag: its attribute and type
      else fail(`import kind ${kind} not known`);
      if (module !== IMPORT_MODULE) fail(`an import from ${module}`);
      const short = shortName(i);
      glue = replace(glue, `${name}:`, `${short}:`, 'the glue', 1);
      out.push(encodeName('a'), encodeName(short), wasm.subarray(desc, at));
    }
    glue = replace(glue, `"${IMPORT_MODULE}":`, '"a":', 'the glue', 1);
    body = Buffer.concat(out);
  } else if (id === 7) {
    // Exports: the glue reads each as `wasm.<name>` (and never as
    // `wasm[…]`, which fails the step); those it never reads keep their
    // names, for whatever else may, and no short name is one of theirs.
    if (glue.includes('wasm[')) fail('the glue reads an export as wasm[…]');
    const exports = [];
    for (let i = uleb(); i > 0; i--) {
      const name = readName();
      const desc = at;
      at++;
      uleb();
      exports.push({ name, desc: wasm.subarray(desc, at) });
    }
    const kept = new Set(exports.map((e) => e.name).filter((name) => count(glue, `wasm.${name}`) === 0));
    let next = 0;
    const out = [encodeUleb(exports.length)];
    for (const { name, desc } of exports) {
      let short = name;
      if (!kept.has(name)) {
        do short = shortName(next++); while (kept.has(short));
        glue = replace(glue, `wasm.${name}`, `wasm.${short}`, 'the glue', count(glue, `wasm.${name}`));
      }
      out.push(encodeName(short), desc);
    }
    body = Buffer.concat(out);
  }
  if (body && at !== end) fail(`section ${id} was not read to its end`);
  parts.push(body ? Buffer.concat([Buffer.from([id]), encodeUleb(body.length), body]) : wasm.subarray(start, end));
  at = end;
}
const rewritten = Buffer.concat(parts);

// --- The page's integrity for both files.
let page = readFileSync(pagePath, 'utf8');
try {
  page = reintegrate(page, wasm, rewritten);
  page = reintegrate(page, readFileSync(gluePath), Buffer.from(glue));
} catch (error) {
  fail(error.message);
}

writeFileSync(wasmPath, rewritten);
writeFileSync(gluePath, glue);
writeFileSync(pagePath, page);
