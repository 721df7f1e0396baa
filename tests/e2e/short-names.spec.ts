// scripts/short-names.mjs, the post-build step that renames the module's
// imports and exports in the wasm and its glue (no browser needed): on a
// module written here byte by byte, with a glue shaped as wasm-bindgen
// writes it, the renamed pair still instantiates and calls across, the
// page's integrity follows both files, and a glue that does not name an
// import leaves every file as it was.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/short-names.mjs', import.meta.url));
const MODULE = './organigramme_bg.js';
const LOG = '__wbg_log_0123456789abcdef';
const INIT = '__wbindgen_init_externref_table';

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 127;
    n >>>= 7;
    if (n) byte |= 128;
    out.push(byte);
  } while (n);
  return out;
};
const name = (s: string) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

/** Two imported functions; `run` calls both; `spare`, which the glue never reads; a custom section. */
function module(): Buffer {
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [2, ...name(MODULE), ...name(LOG), 0, 0, ...name(MODULE), ...name(INIT), 0, 0]),
    ...section(3, [2, 0, 0]),
    ...section(7, [2, ...name('run'), 0, 2, ...name('spare'), 0, 3]),
    ...section(10, [2, 6, 0, 0x10, 0, 0x10, 1, 0x0b, 2, 0, 0x0b]),
    ...section(0, [...name('kept'), 1, 2, 3]),
  ]);
}

const glue = (imports: string[]) => `
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
${imports.map((i, k) => `        ${i}: function() { globalThis.shortNamesCalls.push(${k}); },`).join('\n')}
    };
    return {
        __proto__: null,
        "${MODULE}": import0,
    };
}
export function imports() { return __wbg_get_imports(); }
export function run(wasm) { wasm.run(); }
`;

const sri = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function stage(glueText: string) {
  const dir = mkdtempSync(join(tmpdir(), 'short-names-'));
  const wasm = join(dir, 'organigramme-0123abcd_bg.wasm');
  const js = join(dir, 'organigramme-0123abcd.js');
  writeFileSync(wasm, module());
  writeFileSync(js, glueText);
  const page = `<link rel="modulepreload" href="/organigramme-0123abcd.js" integrity="${sri(readFileSync(js))}">`
    + `<link rel="preload" href="/organigramme-0123abcd_bg.wasm" integrity="${sri(readFileSync(wasm))}">`;
  writeFileSync(join(dir, 'index.html'), page);
  const env = { ...process.env };
  delete env.TRUNK_STAGING_DIR;
  const run = spawnSync(process.execPath, [script, dir], { encoding: 'utf8', env });
  return { dir, wasm, js, run };
}

test('imports and exports get short names in the module and its glue alike', async () => {
  const { dir, wasm, js, run } = stage(glue([LOG, INIT]));
  try {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bytes = readFileSync(wasm);
    const compiled = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(compiled)).toEqual([
      { module: 'a', name: 'a', kind: 'function' },
      { module: 'a', name: 'b', kind: 'function' },
    ]);
    // `run` is read by the glue; `spare` is not, and keeps its name.
    expect(WebAssembly.Module.exports(compiled).map((e) => e.name)).toEqual(['a', 'spare']);
    expect(Buffer.from(WebAssembly.Module.customSections(compiled, 'kept')[0])).toEqual(Buffer.from([1, 2, 3]));
    const text = readFileSync(js, 'utf8');
    expect(text).not.toContain(LOG);
    expect(text).not.toContain(MODULE);

    // The renamed glue instantiates the renamed module, and calls cross both
    // ways (imported as .mjs: without a package.json around, .js is CommonJS).
    writeFileSync(join(dir, 'glue.mjs'), text);
    const renamed = await import(pathToFileURL(join(dir, 'glue.mjs')).href);
    const calls: number[] = [];
    (globalThis as { shortNamesCalls?: number[] }).shortNamesCalls = calls;
    const instance = new WebAssembly.Instance(compiled, renamed.imports());
    renamed.run(instance.exports);
    expect(calls).toEqual([0, 1]);

    const page = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(page).toContain(`integrity="${sri(bytes)}"`);
    expect(page).toContain(`integrity="${sri(readFileSync(js))}"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a glue without one of the imports fails the build and changes nothing', () => {
  const text = glue([LOG]);
  const { dir, wasm, js, run } = stage(text);
  try {
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${INIT}: is 0 times in the glue, not 1`);
    expect(readFileSync(wasm)).toEqual(module());
    expect(readFileSync(js, 'utf8')).toBe(text);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(`integrity="${sri(module())}"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
