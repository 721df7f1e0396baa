// What the post-build steps that rewrite the module and its glue share
// (scripts/unused-exports.mjs, scripts/short-names.mjs): the standalone
// page's files in Trunk's staging directory, and unsigned LEB128, the
// WebAssembly binary format's encoding of sizes, counts and indices.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The staging directory (Trunk's, or the first argument) and the page's
 * hashed module and glue in it; `fail`s unless there is one of each.
 */
export function stagedFiles(fail) {
  const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
  if (!dir) fail('run by trunk, or given the directory');
  const hashed = (suffix) => {
    const found = readdirSync(dir).filter((f) => new RegExp(`^organigramme-[0-9a-f]+${suffix}$`).test(f));
    if (found.length !== 1) fail(`${found.length} organigramme-*${suffix} in ${dir}`);
    return join(dir, found[0]);
  };
  return { dir, wasmPath: hashed('_bg\\.wasm'), gluePath: hashed('\\.js'), pagePath: join(dir, 'index.html') };
}

/** The number at `bytes[at]`, and where the next field starts. */
export function readUleb(bytes, at) {
  let value = 0, shift = 0, byte;
  do { byte = bytes[at++]; value += (byte & 127) * 2 ** shift; shift += 7; } while (byte & 128);
  return [value, at];
}

export function encodeUleb(value) {
  const out = [];
  do { let byte = value % 128; value = Math.floor(value / 128); if (value) byte |= 128; out.push(byte); } while (value);
  return Buffer.from(out);
}
