// Load failures on the standalone page: each shows one role="alert" in
// French that says what failed and where, above the static fallback (which
// stays), and dispatches a bubbling `organigramme:error` carrying the message.
// Formats: src/texts.rs (fetch_error) and crates/core/src/load/error.rs.
import { test, expect, type Page } from '@playwright/test';
import { gotoChartExpectingError } from './helpers';

const FALLBACK =
  'L’organigramme se charge. S’il ne s’affiche pas, ses données restent lisibles dans le fichier de l’organigramme (JSON).';

/** Loads `?src=…`, then checks the alert, the event and the fallback. */
async function expectLoadError(page: Page, src: string, message: string) {
  const event = await gotoChartExpectingError(page, `?src=${encodeURIComponent(src)}`);
  expect(event.detail, 'organigramme:error carries the message').toBe(message);
  expect(event.target, 'dispatched on the host, bubbling to window').toBe('#organigramme');

  const host = page.locator('#organigramme');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert.locator('p')).toHaveText(message, { useInnerText: true });
  expect(await alert.locator('p').textContent()).toBe(message);
  await expect(alert).toBeVisible();
  // A file fetched from a URL can be tried again.
  await expect(alert.getByRole('button', { name: 'Réessayer' })).toBeVisible();
  // The alert comes first, above the fallback it explains.
  await expect(host.locator(':scope > :first-child')).toHaveAttribute('role', 'alert');
  await expect(host.locator(':scope > p:not([role])')).toHaveText(FALLBACK);
  await expect(host.getByRole('link', { name: 'le fichier de l’organigramme (JSON)' })).toHaveAttribute(
    'href',
    'data/dinum-2024.json',
  );
  // No chart, and only one event.
  await expect(page.locator('.organigramme')).toHaveCount(0);
  expect(await page.evaluate(() => window.__ogEvents)).toHaveLength(1);
}

test('a missing file: 404, named in the alert', async ({ page }) => {
  await expectLoadError(
    page,
    '/test-data/nope.json',
    'Impossible de charger l’organigramme : le fichier « /test-data/nope.json » a répondu 404 Not Found.',
  );
});

test('a JSON syntax error: line and column', async ({ page }) => {
  // tests/data/e2e/trailing-comma.json: a comma after the last member of
  // "root", reported where the parser stops, at the "}" of line 5.
  await expectLoadError(
    page,
    '/test-data/e2e/trailing-comma.json',
    'Le fichier « /test-data/e2e/trailing-comma.json » n’est pas valide — ligne 5, colonne 3 : virgule en trop avant la fermeture.',
  );
});

test('a file against the schema: the JSON path of the fault', async ({ page }) => {
  await expectLoadError(
    page,
    '/test-data/samples/invalid/person-missing-name.json',
    'Le fichier « /test-data/samples/invalid/person-missing-name.json » n’est pas valide — root.people[0] : le champ obligatoire « name » manque.',
  );
});

test('a semantic fault of the flat form: where, and which ids', async ({ page }) => {
  await expectLoadError(
    page,
    '/test-data/samples/invalid-semantic/unknown-parent.json',
    'Le fichier « /test-data/samples/invalid-semantic/unknown-parent.json » n’est pas valide — units[1].parent : le parent « dinsic » n’existe pas.',
  );
});

test('another origin is refused before any request', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await expectLoadError(
    page,
    'http://localhost:1/x.json',
    'Impossible de charger l’organigramme : « http://localhost:1/x.json » n’est pas sur le même site que la page.',
  );
  expect(requests.filter((u) => u.startsWith('http://localhost:1/'))).toEqual([]);
});

test('the default data file, when missing, also leaves the fallback and its link', async ({ page }) => {
  // The page's own fallback link points at the data file: a 404 on it must
  // not hide the page's text.
  await page.route('**/data/dinum-2024.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await gotoChartExpectingError(page, '');
  await expect(page.getByRole('alert').locator('p')).toHaveText(
    'Impossible de charger l’organigramme : le fichier « data/dinum-2024.json » a répondu 404 Not Found.',
  );
  await expect(page.locator('#organigramme > p:not([role])')).toHaveText(FALLBACK);
});

test('a network failure says so', async ({ page }) => {
  await page.route('**/test-data/e2e/unreachable.json', (route) => route.abort('connectionrefused'));
  await expectLoadError(
    page,
    '/test-data/e2e/unreachable.json',
    'Impossible de charger l’organigramme : le fichier « /test-data/e2e/unreachable.json » est inaccessible (erreur réseau).',
  );
});
