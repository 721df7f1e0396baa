// scripts/short-names.mjs, the post-build step that renames the module's
// imports and exports in the wasm and its glue (no browser needed): on a
// module written here byte by byte, with a glue shaped as wasm-bindgen
// writes it, the renamed pair still instantiates and calls across, the
// page's integrity follows both files, and a glue that does not name an
// import leaves every file as it was.
import { test, expect } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAGIC, body, call, name, section, sri, stage as staged, uleb } from './staging';

const script = fileURLToPath(new URL('../../scripts/short-names.mjs', import.meta.url));
const MODULE = './organigramme_bg.js';
// 60 functions (short names of two letters from the 53rd on), one a prefix
// of another, one whose name takes two bytes to say its length; a memory
// with a maximum and a table, as other import kinds.
const FUNCTIONS = [
  ...Array.from({ length: 58 }, (_, i) => `__wbg_f${i}_0123456789abcdef`),
  '__wbg_x', '__wbg_x_y', `__wbg_${'l'.repeat(134)}`,
];
const LONG = FUNCTIONS.length - 1;
const X_Y = FUNCTIONS.indexOf('__wbg_x_y');

/**
 * The imports above; `run` calls the first and the long one, `run_all`
 * the prefixed one, `spare` nothing (the glue never reads it); a custom
 * section.
 */
function module(): Buffer {
  const imports = [
    ...FUNCTIONS.flatMap((f) => [...name(MODULE), ...name(f), 0, 0]),
    ...name(MODULE), ...name('memory'), 2, 1, 1, 2,
    ...name(MODULE), ...name('table'), 1, 0x70, 0, 1,
  ];
  const n = FUNCTIONS.length;
  return Buffer.from([
    ...MAGIC,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [...uleb(n + 2), ...imports]),
    ...section(3, [3, 0, 0, 0]),
    ...section(7, [3, ...name('run'), 0, ...uleb(n), ...name('run_all'), 0, ...uleb(n + 1), ...name('spare'), 0, ...uleb(n + 2)]),
    ...section(10, [3, ...body([...call(0), ...call(LONG)]), ...body(call(X_Y)), ...body([])]),
    ...section(0, [...name('kept'), 1, 2, 3]),
  ]);
}

const glue = (functions: string[]) => `
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
${functions.map((f) => `        ${f}: function() { globalThis.shortNamesCalls.push(${FUNCTIONS.indexOf(f)}); },`).join('\n')}
        memory: new WebAssembly.Memory({ initial: 1, maximum: 2 }),
        table: new WebAssembly.Table({ initial: 1, element: 'anyfunc' }),
    };
    return {
        __proto__: null,
        "${MODULE}": import0,
    };
}
export function imports() { return __wbg_get_imports(); }
export function run(wasm) { wasm.run(); wasm.run(); }
export function runAll(wasm) { wasm.run_all(); }
`;

const stage = (glueText: string) => staged(script, module(), glueText);

test('imports and exports get short names in the module and its glue alike', async () => {
  const { dir, wasm, js, run } = stage(glue(FUNCTIONS));
  try {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bytes = readFileSync(wasm);
    const compiled = new WebAssembly.Module(bytes);
    const imports = WebAssembly.Module.imports(compiled);
    expect(imports.map((i) => i.module)).toEqual(Array(FUNCTIONS.length + 2).fill('a'));
    expect(imports.map((i) => i.name).slice(50, 54)).toEqual(['Y', 'Z', 'aa', 'ab']);
    expect(imports.slice(-3)).toEqual([
      { module: 'a', name: 'ai', kind: 'function' },
      { module: 'a', name: 'aj', kind: 'memory' },
      { module: 'a', name: 'ak', kind: 'table' },
    ]);
    // `run` and `run_all` are read by the glue; `spare` is not, and keeps its name.
    expect(WebAssembly.Module.exports(compiled).map((e) => e.name)).toEqual(['a', 'b', 'spare']);
    expect(Buffer.from(WebAssembly.Module.customSections(compiled, 'kept')[0])).toEqual(Buffer.from([1, 2, 3]));
    const text = readFileSync(js, 'utf8');
    for (const f of FUNCTIONS) expect(text).not.toContain(f);
    expect(text).not.toContain(MODULE);
    expect(text).toContain('wasm.a(); wasm.a();');

    // The renamed glue instantiates the renamed module, and calls cross both
    // ways (imported as .mjs: without a package.json around, .js is CommonJS).
    writeFileSync(join(dir, 'glue.mjs'), text);
    const renamed = await import(pathToFileURL(join(dir, 'glue.mjs')).href);
    const calls: number[] = [];
    (globalThis as { shortNamesCalls?: number[] }).shortNamesCalls = calls;
    const instance = new WebAssembly.Instance(compiled, renamed.imports());
    renamed.run(instance.exports);
    renamed.runAll(instance.exports);
    expect(calls).toEqual([0, LONG, 0, LONG, X_Y]);

    const page = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(page).toContain(`integrity="${sri(bytes)}"`);
    expect(page).toContain(`integrity="${sri(readFileSync(js))}"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a glue without one of the imports fails the build and changes nothing', () => {
  const text = glue(FUNCTIONS.filter((f) => f !== '__wbg_x'));
  const { dir, wasm, js, run } = stage(text);
  try {
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('__wbg_x: is 0 times in the glue, not 1');
    expect(readFileSync(wasm)).toEqual(module());
    expect(readFileSync(js, 'utf8')).toBe(text);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(`integrity="${sri(module())}"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
