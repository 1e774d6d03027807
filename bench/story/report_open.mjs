// How long a hearsay report takes to draw its first screen in headless
// Chromium: the page's own "hs-first-render" mark (milliseconds from the
// start of navigation), for RUNS fresh loads of REPORT/index.html, median
// printed.  Uses tests/browser's playwright-core (npm ci there) and the
// system Chromium.
//   node bench/story/report_open.mjs REPORT [RUNS]
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const report = resolve(process.argv[2] || 'report');
const runs = +(process.argv[3] || 3);
const pw = join(ROOT, 'tests/browser/node_modules/playwright-core/index.mjs');
if (!existsSync(pw)) { console.error('run npm ci in tests/browser first'); process.exit(2); }
const { chromium } = await import(pathToFileURL(pw).href);
const b = await chromium.launch({ executablePath: CHROMIUM, headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
const times = [];
for (let i = 0; i < runs; i++) {
  const ctx = await b.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(pathToFileURL(join(report, 'index.html')).href);
  await page.waitForFunction(() => performance.getEntriesByName('hs-first-render').length, null, { timeout: 60000 });
  const t = await page.evaluate(() => performance.getEntriesByName('hs-first-render')[0].startTime);
  const view = await page.evaluate(() => document.body.dataset.view);
  times.push(t);
  console.log(`run ${i + 1}: first screen (${view}) at ${(t / 1000).toFixed(2)} s`);
  await ctx.close();
}
await b.close();
times.sort((x, y) => x - y);
console.log(`median of ${runs}: ${(times[runs >> 1] / 1000).toFixed(2)} s`);
