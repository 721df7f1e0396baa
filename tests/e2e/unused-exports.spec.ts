// scripts/unused-exports.mjs, the post-build step that drops wasm-streams'
// classes (no browser needed): on a module written here byte by byte, with
// a glue shaped as wasm-bindgen writes it, the classes leave the glue, their
// exports the module, and in a release wasm-opt removes the code only they
// reached; the rest still instantiates and runs, and the page's integrity
// follows both files. A glue without one of the classes fails the build and
// changes nothing. The release build itself ships none of them.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAGIC, body, name, section, sri, stage, uleb } from './staging';

const script = fileURLToPath(new URL('../../scripts/unused-exports.mjs', import.meta.url));
const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const streamExports = (c: string) => [`__wbg_${c.toLowerCase()}_free`, `${c.toLowerCase()}_pull`];

/** `keep` (function 0) returns 42; each class's exports share a function of their own, returning 7. */
function module(): Buffer {
  const exports = [
    ...name('keep'), 0, 0,
    ...CLASSES.flatMap((c, i) => streamExports(c).flatMap((e) => [...name(e), 0, ...uleb(i + 1)])),
  ];
  const functions = CLASSES.length + 1;
  return Buffer.from([
    ...MAGIC,
    ...section(1, [1, 0x60, 0, 1, 0x7f]),
    ...section(3, [functions, ...Array(functions).fill(0)]),
    ...section(7, [1 + 2 * CLASSES.length, ...exports]),
    ...section(10, [functions, ...body([0x41, 42]), ...CLASSES.flatMap(() => body([0x41, 7]))]),
  ]);
}

const streamClass = (c: string) => `export class ${c} {
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        ${c}Finalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.${streamExports(c)[0]}(ptr, 0);
    }
    /**
     * @param {ReadableStreamDefaultController} controller
     */
    pull(controller) {
        const ret = wasm.${streamExports(c)[1]}(this.__wbg_ptr, controller);
        return ret;
    }
}
if (Symbol.dispose) ${c}.prototype[Symbol.dispose] = ${c}.prototype.free;
`;
const registry = (c: string, free: string) => `const ${c}Finalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.${free}(ptr, 1));
`;
const glue = (classes: string[]) => `${classes.map(streamClass).join('\n')}
export function keep() { return wasm.keep(); }
let wasm;
export function init(instance) { wasm = instance.exports; }
${classes.map((c) => registry(c, streamExports(c)[0])).join('')}${registry('Organigramme', 'organigramme_free')}`;

/** How many functions a module's code section holds. */
function functionCount(bytes: Buffer): number {
  let at = 8;
  const read = () => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value += (byte & 127) * 2 ** shift; shift += 7; } while (byte & 128);
    return value;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = read() + at;
    if (id === 10) return read();
    at = end;
  }
  throw new Error('no code section');
}

for (const profile of ['release', 'debug']) {
  test(`wasm-streams' classes leave the glue and the module (${profile})`, async () => {
    const { dir, wasm, js, run } = stage(script, module(), glue(CLASSES), { TRUNK_PROFILE: profile });
    try {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const bytes = readFileSync(wasm);
      const compiled = new WebAssembly.Module(bytes);
      expect(WebAssembly.Module.exports(compiled).map((e) => e.name)).toEqual(['keep']);
      // A release is optimised again: what only the dropped exports reached goes.
      expect(functionCount(bytes)).toBe(profile === 'release' ? 1 : CLASSES.length + 1);
      const text = readFileSync(js, 'utf8');
      expect(text).not.toMatch(/intounderlying/i);
      expect(text).toContain('export function keep()');
      expect(text).toContain(registry('Organigramme', 'organigramme_free'));

      writeFileSync(join(dir, 'glue.mjs'), text);
      const dropped = await import(pathToFileURL(join(dir, 'glue.mjs')).href);
      dropped.init(new WebAssembly.Instance(compiled, {}));
      expect(dropped.keep()).toBe(42);

      const page = readFileSync(join(dir, 'index.html'), 'utf8');
      expect(page).toContain(`integrity="${sri(bytes)}"`);
      expect(page).toContain(`integrity="${sri(readFileSync(js))}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a glue without one of the classes fails the build and changes nothing', () => {
  const text = glue(CLASSES.slice(1));
  const { dir, wasm, js, run } = stage(script, module(), text, { TRUNK_PROFILE: 'release' });
  try {
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('class IntoUnderlyingByteSource is 0 times in the glue, not once');
    expect(readFileSync(wasm)).toEqual(module());
    expect(readFileSync(js, 'utf8')).toBe(text);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(`integrity="${sri(module())}"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the release build ships none of wasm-streams\' classes', () => {
  const glues = readdirSync(dist).filter((f) => /^organigramme(-[0-9a-f]+)?\.js$/.test(f));
  expect(glues).toHaveLength(2);
  for (const file of glues) {
    const text = readFileSync(join(dist, file), 'utf8');
    expect(text).toContain('organigramme');
    expect(text).not.toMatch(/IntoUnderlying/i);
  }
});
