// Build the report front end into dist/: one script (the app and its
// libraries, bundled by esbuild), one style sheet, and index.html.
// Run with `npm ci && npm run build` (or `make report-assets` from the
// repository root).  The output is committed and compiled into hearsay.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [join(here, 'src/app.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  legalComments: 'eof',
  outfile: join(dist, 'hearsay-report.js'),
  logLevel: 'warning',
});
await build({
  entryPoints: [join(here, 'src/style.css')],
  bundle: true,
  minify: true,
  outfile: join(dist, 'hearsay-report.css'),
  logLevel: 'warning',
});
copyFileSync(join(here, 'src/index.html'), join(dist, 'index.html'));
console.log('report/dist: index.html hearsay-report.js hearsay-report.css');
