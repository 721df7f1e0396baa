// The README's pictures of the DINUM chart, taken from the release build in
// dist/ (run `trunk build --release` first): each layout, light and dark at
// 1280 px, and at 320 px; the chart layout expanded, and fitted to the
// width. Writes docs/screenshots/*.png.
//   node scripts/screenshots.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = 4175;
const out = `${root}docs/screenshots`;
mkdirSync(out, { recursive: true });

const server = spawn('node', ['tests/e2e/server.mjs'], { cwd: root, env: { ...process.env, PORT: String(port) }, stdio: 'inherit' });
const base = `http://127.0.0.1:${port}`;
for (let tries = 0; ; tries++) {
  try {
    if ((await fetch(`${base}/index.html`)).ok) break;
  } catch {
    if (tries > 100) throw new Error('the test server did not start');
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const shots = [['light', 1280, 'light'], ['dark', 1280, 'dark'], ['320', 320, 'light'], ['fit', 1280, 'light']];
  for (const layout of ['list', 'chart']) {
    for (const [name, width, scheme] of shots.filter(([name]) => layout === 'chart' || name !== 'fit')) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(`${base}/index.html?open=1&layout=${layout}`);
      await page.locator('#organigramme .og-tree li').first().waitFor();
      // The chart layout fully expanded: its hanging groups of leaves, and
      // the whole chart once fitted to the width.
      if (layout === 'chart' && width > 320) {
        await page.getByRole('button', { name: 'Tout déplier' }).click();
        await page.locator('.og-status').filter({ hasText: 'Tout est déplié' }).waitFor();
      }
      if (name === 'fit') {
        await page.getByRole('button', { name: 'Ajuster à la largeur' }).click();
        await page.locator('.og-status').filter({ hasText: 'Taille du texte' }).waitFor();
      }
      const file = `${out}/${layout}-${name}.png`;
      await page.locator('main').screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
