// Checks public/organigramme.schema.json with ajv (no browser needed):
// the published data files and tests/data/samples/valid must validate,
// tests/data/samples/invalid must be rejected, and
// tests/data/samples/invalid-semantic must be ACCEPTED by the schema (those
// rules are only enforced by the Rust validator, see
// crates/core/tests/schema_samples.rs, which reads the same folders).
import { test, expect } from '@playwright/test';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Both packages are CommonJS; depending on the loader the class/plugin is the
// module itself or its `default` export.
const Ajv2020: typeof Ajv2020Module =
  (Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module;
const addFormats: typeof addFormatsModule =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const schemaPath = join(repoRoot, 'public', 'organigramme.schema.json');
const dataDir = join(repoRoot, 'public', 'data');
const samplesDir = join(repoRoot, 'tests', 'data', 'samples');

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
let compiled: Validate | undefined;

function compileSchema(): Validate {
  if (!compiled) {
    // strict: true turns every ajv strict check into an error
    // (unknown keywords, ambiguous types, undefined required properties...).
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    compiled = ajv.compile(readJson(schemaPath) as object) as Validate;
  }
  return compiled;
}

function describeErrors(validate: Validate): string {
  return JSON.stringify(validate.errors ?? [], null, 2);
}

test.describe('organigramme.schema.json', () => {
  test('compiles with ajv (draft 2020-12) in strict mode', () => {
    expect(() => compileSchema()).not.toThrow();
  });
});

const dataFiles = jsonFiles(dataDir);
test.describe('public/data', () => {
  test('holds at least 2 data files', () => {
    expect(dataFiles.length, `JSON files in ${dataDir}`).toBeGreaterThanOrEqual(2);
  });
  for (const name of dataFiles) {
    test(`${name} validates`, () => {
      const validate = compileSchema();
      const ok = validate(readJson(join(dataDir, name)));
      expect(ok, describeErrors(validate)).toBe(true);
    });
  }
});

const minimumCounts = { valid: 12, invalid: 25, 'invalid-semantic': 7, 'refused-links': 10 } as const;

for (const [folder, minimum] of Object.entries(minimumCounts)) {
  const dir = join(samplesDir, folder);
  const files = jsonFiles(dir);
  test.describe(`samples/${folder}`, () => {
    test(`holds at least ${minimum} samples`, () => {
      expect(files.length, `JSON files in ${dir}`).toBeGreaterThanOrEqual(minimum);
    });
    for (const name of files) {
      // refused-links: a good file never has one, though the widget only drops the link.
      if (folder === 'invalid' || folder === 'refused-links') {
        test(`${name} is rejected`, () => {
          const validate = compileSchema();
          expect(validate(readJson(join(dir, name))), 'the schema accepted an invalid sample').toBe(false);
        });
      } else {
        // valid: must pass. invalid-semantic: must pass too, because these
        // rules (unique ids, parent references, depth) are beyond JSON Schema.
        test(`${name} is accepted by the schema`, () => {
          const validate = compileSchema();
          const ok = validate(readJson(join(dir, name)));
          expect(ok, describeErrors(validate)).toBe(true);
        });
      }
    }
  });
}
