// Browser test of the `hearsay trace` report, in the system Chromium
// driven by playwright-core (no browser is ever downloaded).
//
//   node report.test.mjs HEARSAY ROOT [OUT_DIR]        the test
//   node report.test.mjs --measure REPORT_DIR [RUNS]    time to first render
//
// The test writes the report of examples/corpus, opens it from file://,
// walks overview -> family -> side by side (and the other views), checks
// there is no console error, that every highlighted passage's text equals
// the bytes at the offsets `hearsay reuse` prints, and that the hostile
// corpus (tests/data/hostile) runs no script.  Screenshots of each view go
// to OUT_DIR/screenshots/ (default: a temporary folder), and their paths
// are printed.  Exit status: 0 pass, 1 fail, 77 skip (no Chromium).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!existsSync(CHROMIUM)) { console.log('SKIP: ' + CHROMIUM + ' not found (apt-get install chromium)'); process.exit(77); }
let chromium;
try { ({ chromium } = await import('playwright-core')); } catch (e) {
  console.log('FAIL: playwright-core is not installed; run npm ci in tests/browser'); process.exit(1);
}

let failures = 0;
const fail = (msg) => { console.log('FAIL: ' + msg); failures++; };
const note = (msg) => console.log('-- ' + msg);

async function browser() {
  const dir = mkdtempSync(join(tmpdir(), 'hearsay-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS,
    viewport: { width: 1360, height: 900 } });
  return { ctx, close: async () => { await ctx.close(); rmSync(dir, { recursive: true, force: true }); } };
}

function watch(page, errors, dialogs) {
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
}
async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 15000 });
}
// The whole document table (data/meta.js, loaded after the first screen).
async function metaDocs(page) {
  await page.waitForFunction(() => (window.HS_DATA || []).some((o) => o.kind === 'meta'), null, { timeout: 15000 });
  return page.evaluate(() => window.HS_DATA.find((o) => o.kind === 'meta').docs);
}
// Record when each script element enters the page (call before goto).
async function watchScripts(page) {
  await page.addInitScript(() => {
    window.__hsScripts = [];
    new MutationObserver((ms) => {
      for (const m of ms) for (const n of m.addedNodes)
        if (n.tagName === 'SCRIPT') window.__hsScripts.push([n.getAttribute('src') || '', performance.now()]);
    }).observe(document, { childList: true, subtree: true });
  });
}
// The data files the page had asked for when its first screen was drawn.
async function firstScreenFiles(page) {
  await page.waitForFunction(() => performance.getEntriesByName('hs-first-render').length, null, { timeout: 15000 });
  return page.evaluate(() => {
    const t = performance.getEntriesByName('hs-first-render')[0].startTime;
    return window.__hsScripts.filter(([src, at]) => at <= t && src.startsWith('data/')).map(([src]) => src.slice(5));
  });
}
// The document graph of the current page: lanes, nodes, edges, edge kinds,
// the headlines listed under it.
async function docGraphState(page) {
  await page.waitForSelector('.doc-graph canvas');
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const b = document.querySelector('.doc-graph');
    return { lanes: +b.dataset.lanes, nodes: +b.dataset.nodes, edges: +b.dataset.edges, kinds: b.dataset.kinds.split(' ').filter(Boolean),
      rows: [...document.querySelectorAll('tr.graph-doc')].map((r) => r.textContent),
      guessed: document.querySelectorAll('tr.graph-doc .date.guessed .mark').length };
  });
}
// Write a plain-text corpus: files = {relative path: text}.
function writeCorpus(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}
async function go(page, url, hash) {
  await page.evaluate(() => { document.body.dataset.ready = ''; });
  await page.evaluate((h) => { location.hash = h; }, hash);
  await ready(page);
  await page.waitForTimeout(50);
}

// -------------------------------------------------------------- measure
if (process.argv[2] === '--measure') {
  const dir = resolve(process.argv[3]);
  const runs = parseInt(process.argv[4] || '3', 10);
  const times = [];
  for (let k = 0; k < runs; k++) {
    const b = await browser();
    const page = await b.ctx.newPage();
    const errors = [];
    watch(page, errors, []);
    const t0 = Date.now();
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await ready(page);
    await page.waitForSelector('.cards, section.story');
    times.push(Date.now() - t0);
    if (errors.length) console.log('console errors: ' + errors.join(' | '));
    await b.close();
  }
  times.sort((a, b) => a - b);
  console.log('time to first render of the default view (Stories or overview), ms: ' + times.join(', ') + '; median ' + times[Math.floor(times.length / 2)]);
  process.exit(0);
}

// ----------------------------------------------------------------- test
const [HEARSAY, ROOT] = process.argv.slice(2).map((p) => resolve(p));
if (!HEARSAY || !ROOT) { console.log('usage: node report.test.mjs HEARSAY ROOT [OUT_DIR]'); process.exit(1); }
const OUT = resolve(process.argv[4] || process.env.OUT_DIR || mkdtempSync(join(tmpdir(), 'hearsay-browser-')));
const SHOTS = join(OUT, 'screenshots');
mkdirSync(SHOTS, { recursive: true });
const shots = [];
async function shot(page, name) {
  const p = join(SHOTS, name + '.png');
  await page.screenshot({ path: p, fullPage: true });
  shots.push(p);
}

// The texts of a corpus folder, by document id, as UTF-8 bytes.
function corpusTexts(dir) {
  const texts = new Map();
  if (dir.endsWith('.jsonl')) {
    for (const line of readFileSync(dir, 'utf8').split('\n')) if (line.trim()) {
      const o = JSON.parse(line);
      texts.set(o.id, Buffer.from(o.text, 'utf8'));
    }
    return texts;
  }
  const walk = (d, rel) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name), r = rel ? rel + '/' + name : name;
      if (statSync(p).isDirectory()) walk(p, r);
      else if (name.endsWith('.jsonl')) {
        for (const line of readFileSync(p, 'utf8').split('\n')) if (line.trim()) {
          const o = JSON.parse(line);
          texts.set(o.id, Buffer.from(o.text, 'utf8'));
        }
      } else if (name.endsWith('.txt')) texts.set(r, readFileSync(p));
    }
  };
  walk(dir, '');
  return texts;
}

function trace(corpus, out) {
  execFileSync(HEARSAY, ['trace', '-q', corpus, '-o', out], { stdio: ['ignore', 'pipe', 'inherit'] });
  return pathToFileURL(join(out, 'index.html')).href;
}
function reuse(corpus) {
  return execFileSync(HEARSAY, ['reuse', '--format', 'jsonl', corpus], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

// Every cross passage: open the side-by-side view of its two documents and
// compare the highlighted text, passage by passage, with the source bytes.
async function checkSpans(page, corpus) {
  const texts = corpusTexts(corpus);
  const recs = reuse(corpus).filter((r) => r.kind === 'cross');
  const ids = (await metaDocs(page)).map((d) => d[0]);
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs = new Map();
  for (const r of recs) {
    const k = r.a.doc + '\u0000' + r.b.doc;
    if (!pairs.has(k)) pairs.set(k, []);
    pairs.get(k).push(r);
  }
  let checked = 0;
  for (const list of pairs.values()) {
    const a = index.get(list[0].a.doc), b = index.get(list[0].b.doc);
    if (a == null || b == null) { fail('document missing from the report: ' + list[0].a.doc); continue; }
    await go(page, null, '#/compare/' + a + '/' + b);
    const sides = await page.evaluate(() => {
      const get = (side) => {
        const by = new Map();
        for (const m of document.querySelectorAll(`.doc-text[data-side="${side}"] mark[data-pids]`))
          for (const p of m.dataset.pids.split(' ')) by.set(p, (by.get(p) || '') + m.textContent);
        return [...by.values()];
      };
      return { a: get('a'), b: get('b') };
    });
    const dec = (id, s, e) => texts.get(id).subarray(s, e).toString('utf8');
    const wantA = list.map((r) => dec(r.a.doc, r.a.start, r.a.end)).sort();
    const wantB = list.map((r) => dec(r.b.doc, r.b.start, r.b.end)).sort();
    const same = (x, y) => x.length === y.length && x.every((v, i) => v === y[i]);
    if (!same(sides.a.slice().sort(), wantA)) fail(`left highlights of ${list[0].a.doc} vs ${list[0].b.doc} differ from hearsay reuse:\n  got ${JSON.stringify(sides.a).slice(0, 300)}\n  want ${JSON.stringify(wantA).slice(0, 300)}`);
    if (!same(sides.b.slice().sort(), wantB)) fail(`right highlights of ${list[0].a.doc} vs ${list[0].b.doc} differ from hearsay reuse`);
    checked += list.length;
  }
  return checked;
}

const b = await browser();
try {
  // ---- the example corpus
  const corpus = join(ROOT, 'examples/corpus');
  const url = trace(corpus, join(OUT, 'example-report'));
  note('report of examples/corpus: ' + url);
  const page = await b.ctx.newPage();
  const errors = [], dialogs = [];
  watch(page, errors, dialogs);
  await watchScripts(page);
  await page.goto(url);
  await ready(page);
  note('several stories: the Stories page is the default view, each a dated chain');
  if ((await page.evaluate(() => document.body.dataset.view)) !== 'stories') fail('the default view is not Stories');
  if ((await page.locator('section.story').count()) < 2) fail('fewer than two stories shown');
  if ((await page.locator('.chain li.first').count()) < 2) fail('no first publisher marked in the chains');
  if (!(await page.locator('.chain .date.guessed .mark').count())) fail('no date taken from a file name is marked');
  note('the first screen reads head.js and stories-head.js only; the document table comes after it');
  const early = await firstScreenFiles(page);
  for (const want of ['head.js', 'stories-head.js']) if (!early.includes(want)) fail('first screen did not load data/' + want + ': ' + early.join(', '));
  for (const late of ['meta.js', 'stories.js', 'claims.js']) if (early.includes(late)) fail('data/' + late + ' was loaded before the first screen');
  await shot(page, 'stories');
  await go(page, null, '#/overview');
  const cards = await page.locator('.card').count();
  if (cards < 5) fail('overview shows ' + cards + ' cards');
  await shot(page, 'overview');

  note('overview -> a family -> side by side');
  await page.locator('table.grid a[href^="#/family/"]').first().click();
  await page.waitForSelector('body[data-view="family"][data-ready="1"] .compare-link');
  await shot(page, 'family');
  await page.locator('.compare-link').first().click();
  await page.waitForSelector('body[data-view="compare"] .compare mark');
  await page.waitForTimeout(100);
  const ribbons = await page.locator('svg.gutter path').count();
  if (!ribbons) fail('side by side: no ribbon joins the aligned passages');
  await shot(page, 'compare');

  note('a side-by-side view with word differences');
  // valley-courier's ferry strike story rewrites a harbor-tribune passage
  const ids = (await metaDocs(page)).map((d) => d[0]);
  const ia = ids.indexOf('harbor-tribune/2024-03-03-ferry.txt'), ib = ids.indexOf('valley-courier/2024-03-05-ferry-strike.txt');
  if (ia >= 0 && ib >= 0) {
    await go(page, null, '#/compare/' + ia + '/' + ib);
    const diffs = await page.locator('.w-ins, .w-del, .w-chg').count();
    note('word-level differences marked: ' + diffs);
    await shot(page, 'compare-edited');
  }

  note('documents, a document, timeline, propagation graph, claims');
  await go(page, null, '#/docs');
  await shot(page, 'documents');
  const withReuse = (await metaDocs(page)).findIndex((d) => d[6] > 0);
  await go(page, null, '#/doc/' + withReuse);
  if (!(await page.locator('.doc-text mark').count())) fail('document view: no highlighted passage');
  await shot(page, 'document');
  await go(page, null, '#/timeline');
  if (!(await page.locator('svg.timeline circle.first').count())) fail('timeline: no first publisher marked');
  await shot(page, 'timeline');
  note('propagation graph: documents of the biggest story, in outlet lanes, headlines, marked dates');
  await go(page, null, '#/graph');
  const eg = await docGraphState(page);
  const story1 = await page.evaluate(() => window.HS_DATA.find((o) => o.kind === 'stories_head').stories[0]);
  if (eg.nodes !== story1.docs.length) fail(`graph: ${eg.nodes} document nodes, story 1 has ${story1.docs.length}`);
  if (eg.lanes < 2) fail('graph: documents not grouped into outlet lanes (' + eg.lanes + ')');
  if (!eg.edges) fail('graph: no edge between documents');
  for (const d of story1.docs) if (d[3] && !eg.rows.some((r) => r.includes(d[3]))) fail('graph: headline not shown: ' + d[3]);
  if (!eg.guessed) fail('graph: no mark on a date taken from a file name');
  await shot(page, 'graph');
  await go(page, null, '#/graph/outlets');
  await page.waitForSelector('.graph-wrap canvas');
  await page.waitForTimeout(300);
  await shot(page, 'graph-outlets');
  await go(page, null, '#/claims');
  if (!(await page.locator('ol.copies li').count())) fail('claims page: no claim listed');
  await shot(page, 'claims');

  note('highlighted spans against `hearsay reuse` offsets');
  const n = await checkSpans(page, corpus);
  note(n + ' passages checked');
  if (!n) fail('no passage checked');
  if (errors.length) fail('console errors: ' + errors.join(' | '));
  if (dialogs.length) fail('dialogs opened: ' + dialogs.join(' | '));
  await page.close();

  // ---- one story across three languages (bench/story): the chain, a
  // republication, a retelling in other words, a citation
  note('the story chain of bench/story/corpus.jsonl');
  const surl = trace(join(ROOT, 'bench/story/corpus.jsonl'), join(OUT, 'story-report'));
  const sp = await b.ctx.newPage();
  const serr = [], sdlg = [];
  watch(sp, serr, sdlg);
  await sp.goto(surl);
  await ready(sp);
  // one story since its Arabic and Persian reports join it: the Stories
  // page is not the default view then
  await go(sp, null, '#/stories');
  const chain = await sp.evaluate(() => [...document.querySelectorAll('section.story')][0].textContent);
  for (const want of ['First published by Reuters', 'republished', 'retold in other words', 'cites', 'copied passages from'])
    if (!chain.includes(want)) fail('story chain lacks "' + want + '"');
  await shot(sp, 'story-chain');
  await go(sp, null, '#/graph/story/1');
  const bg = await docGraphState(sp);
  for (const k of ['reuse', 'republication', 'paraphrase', 'citation'])
    if (!bg.kinds.includes(k)) fail('bench story graph: no ' + k + ' edge (' + bg.kinds.join(' ') + ')');
  if (bg.lanes < 5) fail('bench story graph: ' + bg.lanes + ' outlet lanes');
  await shot(sp, 'story-graph');
  if (serr.length) fail('console errors on the story report: ' + serr.join(' | '));
  await sp.close();

  // ---- scraped pages and JSON Lines (bench/story/insulin): the first
  // publisher is a page dated by its header (marked as a text date), the
  // chain and the claims are shown
  note('the story chain of bench/story/insulin');
  const iurl = trace(join(ROOT, 'bench/story/insulin/corpus'), join(OUT, 'insulin-report'));
  const ip = await b.ctx.newPage();
  const ierr = [], idlg = [];
  watch(ip, ierr, idlg);
  await ip.goto(iurl);
  await ready(ip);
  const ichain = await ip.evaluate(() => [...document.querySelectorAll('section.story')][0].textContent);
  for (const want of ['First published by The National', '2023-02-14', 'republished', 'cites', 'copied passages from'])
    if (!ichain.includes(want)) fail('insulin story chain lacks "' + want + '"');
  if (!(await ip.locator('section.story').first().locator('span.date.guessed sup.mark').count()))
    fail('insulin story chain: no mark on the date taken from the page text');
  await shot(ip, 'insulin-chain');
  await go(ip, null, '#/claims');
  if (!(await ip.locator('ol.copies li').count())) fail('insulin claims page: no claim listed');
  await shot(ip, 'insulin-claims');
  await go(ip, null, '#/graph/story/1');
  await shot(ip, 'insulin-graph');
  if (ierr.length) fail('console errors on the insulin report: ' + ierr.join(' | '));
  await ip.close();

  // ---- plain-text files with no outlet, and one outlet: each document
  // stays its own node, the reuse between them is drawn
  const para = 'The river authority said on Monday that the old stone weir below the mill will be rebuilt over the summer, ' +
    'closing the towpath between the two bridges for about eleven weeks while divers inspect the foundations.\n\n';
  const other = (k) => 'Unrelated paragraph number ' + k + ' about something else entirely, with words of its own.\n\n';
  const cases = [
    ['plain text without outlets', { 'a.txt': 'Weir to be rebuilt\n\n' + para + other(1), 'b.txt': 'Towpath closure\n\n' + para + other(2), 'c.txt': 'Mill weir works\n\n' + para + other(3) }],
    ['one outlet', { 'gazette/2024-05-01-weir.txt': 'Weir to be rebuilt\n\n' + para + other(4), 'gazette/2024-05-03-towpath.txt': 'Towpath closure\n\n' + para + other(5),
      'gazette/2024-05-09-mill.txt': 'Mill weir works\n\n' + para + other(6) }],
  ];
  for (const [label, files] of cases) {
    const dir = writeCorpus(mkdtempSync(join(OUT, 'corpus-')), files);
    const purl = trace(dir, join(OUT, 'graph-report-' + label.replace(/ /g, '-')));
    const pp = await b.ctx.newPage();
    const perr = [];
    watch(pp, perr, []);
    await pp.goto(purl + '#/graph');
    await ready(pp);
    const st = await docGraphState(pp);
    note(label + ': ' + JSON.stringify({ lanes: st.lanes, nodes: st.nodes, edges: st.edges }));
    if (st.nodes !== 3) fail(label + ': ' + st.nodes + ' document nodes, 3 expected');
    if (st.lanes !== 1) fail(label + ': ' + st.lanes + ' lanes, 1 expected');
    if (st.edges < 2) fail(label + ': ' + st.edges + ' edges, at least 2 expected');
    for (const h of ['Weir to be rebuilt', 'Towpath closure', 'Mill weir works'])
      if (!st.rows.some((r) => r.includes(h))) fail(label + ': headline "' + h + '" not shown');
    await shot(pp, 'graph-' + label.replace(/ /g, '-'));
    if (perr.length) fail('console errors (' + label + '): ' + perr.join(' | '));
    await pp.close();
  }

  // ---- attributions: annotated wire copy (tests/data/meta)
  note('attributions underlined at the offsets `hearsay meta` prints');
  const metaCorpus = join(ROOT, 'tests/data/meta');
  const murl = trace(metaCorpus, join(OUT, 'meta-report'));
  const mp = await b.ctx.newPage();
  const merr = [], mdlg = [];
  watch(mp, merr, mdlg);
  await mp.goto(murl);
  await ready(mp);
  await go(mp, null, '#/overview');
  const srcRows = await mp.locator('table.grid tr td[dir="auto"]').count();
  if (!srcRows) fail('overview: no most-cited source listed');
  await shot(mp, 'overview-sources');
  const mtexts = corpusTexts(metaCorpus);
  const metas = execFileSync(HEARSAY, ['meta', metaCorpus], { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const mids = (await metaDocs(mp)).map((d) => d[0]);
  let underlined = 0, shotTaken = false;
  for (const r of metas) {
    if (!r.attributions || !r.attributions.length || !mtexts.has(r.doc)) continue;
    const i = mids.indexOf(r.doc);
    if (i < 0) { fail('document missing from the report: ' + r.doc); continue; }
    await go(mp, null, '#/doc/' + i);
    const got = await mp.evaluate(() => [...document.querySelectorAll('.doc-text .attrib')].map((e) => e.textContent).join(''));
    const want = r.attributions.slice().sort((x, y) => x.source_span[0] - y.source_span[0])
      .map((x) => mtexts.get(r.doc).subarray(x.source_span[0], x.source_span[1]).toString('utf8')).join('');
    if (got !== want) fail(`underlined sources of ${r.doc} differ from hearsay meta:\n  got ${JSON.stringify(got).slice(0, 300)}\n  want ${JSON.stringify(want).slice(0, 300)}`);
    const listed = await mp.locator('.doc-side ol.attribs li').count();
    if (listed !== r.attributions.length) fail(`${r.doc}: ${listed} sources listed, ${r.attributions.length} expected`);
    underlined += await mp.locator('.doc-text .attrib').count();
    if (!shotTaken && r.attributions.some((x) => x.denial)) { await shot(mp, 'document-attributions'); shotTaken = true; }
  }
  note(underlined + ' attribution pieces underlined');
  if (!underlined) fail('no attribution underlined in tests/data/meta');
  if (!shotTaken) await shot(mp, 'document-attributions');
  if (merr.length) fail('console errors on the attribution report: ' + merr.join(' | '));
  if (mdlg.length) fail('dialogs opened: ' + mdlg.join(' | '));
  await mp.close();

  // ---- the hostile corpus
  note('hostile corpus runs no script');
  const hostile = join(ROOT, 'tests/data/hostile/hostile.jsonl');
  const hurl = trace(hostile, join(OUT, 'hostile-report'));
  const hp = await b.ctx.newPage();
  const herr = [], hdlg = [];
  watch(hp, herr, hdlg);
  await hp.goto(hurl);
  await ready(hp);
  const nd = (await metaDocs(hp)).length;
  const views = ['#/', '#/stories', '#/overview', '#/claims', '#/docs', '#/timeline', '#/graph', '#/family/0'];
  for (let i = 0; i < nd; i++) views.push('#/doc/' + i);
  for (let i = 0; i < nd; i++) for (let j = 0; j < nd; j++) if (i !== j) views.push('#/compare/' + i + '/' + j);
  for (const v of views) await go(hp, null, v);
  await go(hp, null, '#/doc/0');
  await hp.waitForTimeout(300);
  await shot(hp, 'hostile-document');
  const state = await hp.evaluate(() => ({
    pwned: window.HS_PWNED,
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    imgs: document.querySelectorAll('img, iframe, svg[onload]').length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    text: document.querySelector('.doc-text').textContent,
  }));
  if (state.pwned !== undefined) fail('hostile corpus ran a script: HS_PWNED=' + state.pwned);
  if (hdlg.length) fail('hostile corpus opened a dialog: ' + hdlg.join(' | '));
  if (state.scripts.some((s) => !s || !/^(data\/[a-z0-9-]+\.js|assets\/hearsay-report\.js)$/.test(s))) fail('unexpected script elements: ' + state.scripts.join(', '));
  if (state.imgs) fail('hostile markup became elements');
  if (state.jsLinks) fail('a javascript: link was rendered');
  if (!state.text.includes('<script>window.HS_PWNED=1')) fail('hostile text is not shown as text');
  if (herr.length) fail('console errors on the hostile report: ' + herr.join(' | '));
  const n2 = await checkSpans(hp, hostile);
  note(n2 + ' hostile passages checked');
} catch (e) {
  fail(String(e && e.stack || e));
} finally {
  await b.close();
}
console.log('screenshots:');
for (const s of shots) console.log('  ' + s);
if (failures) { console.log(failures + ' failure(s)'); process.exit(1); }
console.log('ok');
