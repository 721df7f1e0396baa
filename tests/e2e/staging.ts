// For the tests of the post-build steps that rewrite the module and its
// glue (scripts/short-names.mjs, scripts/unused-exports.mjs): a module
// written byte by byte, and a staging directory as Trunk's, with the page's
// integrity for both files, in which a step runs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 127;
    n >>>= 7;
    if (n) byte |= 128;
    out.push(byte);
  } while (n);
  return out;
};
export const name = (s: string) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];
export const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
export const call = (f: number) => [0x10, ...uleb(f)];
/** A function's body: no locals, `code`, `end`. */
export const body = (code: number[]) => [...uleb(code.length + 2), 0, ...code, 0x0b];
export const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export const sri = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** `module` and `glue` staged as Trunk does, then `script` run on them (`env` added). */
export function stage(script: string, module: Buffer, glue: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'post-build-'));
  const wasm = join(dir, 'organigramme-0123abcd_bg.wasm');
  const js = join(dir, 'organigramme-0123abcd.js');
  writeFileSync(wasm, module);
  writeFileSync(js, glue);
  const page = `<link rel="modulepreload" href="/organigramme-0123abcd.js" integrity="${sri(readFileSync(js))}">`
    + `<link rel="preload" href="/organigramme-0123abcd_bg.wasm" integrity="${sri(readFileSync(wasm))}">`;
  writeFileSync(join(dir, 'index.html'), page);
  const environment: Record<string, string | undefined> = { ...process.env, ...env };
  delete environment.TRUNK_STAGING_DIR;
  const run = spawnSync(process.execPath, [script, dir], { encoding: 'utf8', env: environment });
  return { dir, wasm, js, run };
}
