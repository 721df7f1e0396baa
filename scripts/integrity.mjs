#!/usr/bin/env node
// The page's subresource integrity for a file a post-build step rewrote
// (scripts/short-names.mjs, scripts/minify-glue.sh): the page must name the
// file's former hash exactly once, which then becomes the new one.
//
//   node scripts/integrity.mjs <page> <file as it was> <file as it is>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const attribute = (bytes) => `integrity="sha384-${createHash('sha384').update(bytes).digest('base64')}"`;

/** `page` naming `after`'s hash where it named `before`'s; throws unless it named it once. */
export function reintegrate(page, before, after) {
  const [from, to] = [attribute(before), attribute(after)];
  const found = page.split(from).length - 1;
  if (found !== 1) throw new Error(`the page has ${from} ${found} times, not once`);
  return page.replace(from, () => to);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [page, before, after] = process.argv.slice(2);
  try {
    writeFileSync(page, reintegrate(readFileSync(page, 'utf8'), readFileSync(before), readFileSync(after)));
  } catch (error) {
    console.error(`integrity: ${page}: ${error.message}`);
    process.exit(1);
  }
}
