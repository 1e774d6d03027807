// The hearsay report: a single-page app over the data files written by
// `hearsay trace` (docs/report.md).  Data arrive as <script> files that push
// objects onto window.HS_DATA, because pages opened from file:// cannot
// fetch() local files.  Every piece of article text or metadata reaches the
// page through textContent or setAttribute on safe attributes, never as
// HTML; links to outside pages are kept only for http(s) URLs.
//
// The page opens on data/head.js (meta.js without the document table, but
// with the rows of the documents the first screen shows) and
// data/stories-head.js (the first stories); meta.js, stories.js and
// claims.js are loaded when a view needs them, and meta.js after the first
// screen is drawn.
import cytoscape from 'cytoscape';
import { docGraph, truncate } from './docgraph.js';

const D = { meta: null, full: false, families: null, famById: null, shards: new Map(), claims: null, stories: null,
  storiesHead: null };
const pending = new Map();

function absorb(o) {
  if (!o || typeof o !== 'object') return;
  if (o.kind === 'meta') { D.meta = o; D.full = true; }
  else if (o.kind === 'head') { if (!D.meta) D.meta = o; }
  else if (o.kind === 'stories_head') D.storiesHead = o;
  else if (o.kind === 'families') {
    D.families = o.families;
    D.famById = new Map();
    for (const f of o.families) D.famById.set(f[0], f);
  } else if (o.kind === 'shard') {
    const m = new Map();
    for (const d of o.docs) m.set(d.i, d);
    D.shards.set(o.shard, m);
  } else if (o.kind === 'claims') D.claims = o;
  else if (o.kind === 'stories') D.stories = o;
}
const queue = (window.HS_DATA = window.HS_DATA || []);
queue.forEach(absorb);
queue.push = (o) => { absorb(o); Array.prototype.push.call(queue, o); return queue.length; };

function loadScript(src) {
  if (pending.has(src)) return pending.get(src);
  const p = new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('cannot load ' + src));
    document.head.appendChild(s);
  });
  pending.set(src, p);
  return p;
}
// The whole document table (meta.js), for the views that list or look up
// any document.
async function needMeta() {
  if (!D.full) await loadScript('data/meta.js');
}
async function needStories() {
  if (!D.stories && D.meta.optional && D.meta.optional.stories) await loadScript('data/stories.js');
  return D.stories;
}
const storyData = () => D.stories || D.storiesHead;
const pad4 = (n) => String(n).padStart(4, '0');
async function shardOf(i) {
  const s = Math.floor(i / D.meta.shard_docs);
  if (!D.shards.has(s)) await loadScript('data/docs-' + pad4(s) + '.js');
  return D.shards.get(s).get(i);
}
async function families() {
  if (!D.families) await loadScript('data/families.js');
  return D.families;
}
async function family(f) {
  const top = D.meta.top_families.find((x) => x[0] === f);
  if (top) return top;
  await families();
  return D.famById.get(f);
}

// ------------------------------------------------------------- helpers
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  if (attrs) for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'href') e.setAttribute('href', v);
    else e.setAttribute(k, v);
  }
  for (const c of kids.flat()) {
    if (c == null || c === false) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}
const svgNS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(svgNS, tag);
  for (const k in attrs || {}) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), attrs[k]);
    else e.setAttribute(k, attrs[k]);
  }
  for (const c of kids.flat()) if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}
function safeUrl(u) {
  try {
    const x = new URL(u);
    return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : null;
  } catch (e) { return null; }
}
const fmt = (n) => Number(n).toLocaleString('en-US');
const pct = (x) => (x * 100).toFixed(x < 0.1 ? 1 : 0) + '%';
const doc = (i) => {
  const d = D.meta.docs[i];
  return { i, id: d[0], outlet: D.meta.outlets[d[1]][0], outletIx: d[1], date: d[2], title: d[3], url: d[4],
    units: d[5], reused: d[6], group: d[7], nfam: d[8], byline: d[9] || '', textOutlet: d[10] || '' };
};
const docLabel = (d) => d.title || d.id;
const PALETTE = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d',
  '#ea580c', '#4f46e5', '#0d9488', '#9333ea'];
const outletColour = (ix) => PALETTE[ix % PALETTE.length];
const outletName = (ix) => D.meta.outlets[ix][0] || '(no outlet)';

function docLink(i, text) {
  const d = doc(i);
  return el('a', { href: '#/doc/' + i, dir: 'auto', title: d.id }, text || docLabel(d));
}
function outletChip(ix) {
  return el('span', { class: 'chip' }, el('span', { class: 'swatch', style: 'background:' + outletColour(ix) }), outletName(ix));
}
function emptyState(title, text) {
  return el('div', { class: 'empty' }, el('strong', null, title), el('p', null, text));
}
function legend(items) {
  return el('div', { class: 'legend', role: 'note' }, items.map(([cls, label]) =>
    el('span', { class: 'legend-item' }, el('span', { class: 'key ' + cls }, 'text'), label)));
}
function table(headers, rows) {
  return el('table', { class: 'grid' }, el('thead', null, el('tr', null, headers.map((h) => el('th', null, h)))),
    el('tbody', null, rows));
}
function pager(base, page, pages) {
  if (pages <= 1) return document.createDocumentFragment();
  return el('nav', { class: 'pager' },
    page > 0 ? el('a', { href: base + (page - 1) }, '← previous') : el('span', { class: 'dim' }, '← previous'),
    el('span', null, ' page ' + (page + 1) + ' of ' + pages + ' '),
    page + 1 < pages ? el('a', { href: base + (page + 1) }, 'next →') : el('span', { class: 'dim' }, 'next →'));
}

// -------------------------------------------------------------- text
// Paint text with layers {start, end, cls, pid?}; overlapping layers
// combine their classes.  Text goes in through text nodes only.
function paint(container, text, layers) {
  const cuts = new Set([0, text.length]);
  for (const l of layers) { cuts.add(Math.max(0, Math.min(text.length, l.start))); cuts.add(Math.max(0, Math.min(text.length, l.end))); }
  const pts = [...cuts].sort((a, b) => a - b);
  const starts = layers.slice().sort((a, b) => a.start - b.start);
  let active = [], k = 0;
  for (let j = 0; j + 1 < pts.length; j++) {
    const a = pts[j], b = pts[j + 1];
    while (k < starts.length && starts[k].start <= a) active.push(starts[k++]);
    active = active.filter((l) => l.end > a);
    const here = active.filter((l) => l.start <= a && l.end >= b);
    const piece = text.slice(a, b);
    if (!here.length) { container.appendChild(document.createTextNode(piece)); continue; }
    const cls = [...new Set(here.map((l) => l.cls))].join(' ');
    const pids = here.filter((l) => l.pid != null).map((l) => l.pid);
    const tag = here.some((l) => l.pid != null) ? 'mark' : 'span';
    const e = el(tag, { class: cls }, piece);
    if (pids.length) e.dataset.pids = pids.join(' ');
    container.appendChild(e);
  }
}

// Word diff of two strings: LCS over words (case-insensitive), after
// trimming the common prefix and suffix.  Returns layers for each side.
function words(s, off) {
  const out = [];
  const re = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;
  let m;
  while ((m = re.exec(s))) out.push({ w: m[0].toLowerCase(), start: off + m.index, end: off + m.index + m[0].length });
  return out;
}
function wordDiff(ta, oa, tb, ob) {
  const A = words(ta, oa), B = words(tb, ob);
  let p = 0;
  while (p < A.length && p < B.length && A[p].w === B[p].w) p++;
  let s = 0;
  while (s < A.length - p && s < B.length - p && A[A.length - 1 - s].w === B[B.length - 1 - s].w) s++;
  const a = A.slice(p, A.length - s), b = B.slice(p, B.length - s);
  const n = a.length, m = b.length;
  const la = [], lb = [];
  if (n * m > 4e6) return { la: [], lb: [], skipped: true };
  const W = m + 1, L = new Uint32Array((n + 1) * W);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i * W + j] = a[i].w === b[j].w ? L[(i + 1) * W + j + 1] + 1 : Math.max(L[(i + 1) * W + j], L[i * W + j + 1]);
  let i = 0, j = 0, ga = [], gb = [];
  const flush = () => {
    const both = ga.length && gb.length;
    for (const x of ga) la.push({ start: x.start, end: x.end, cls: both ? 'w-chg' : 'w-del' });
    for (const x of gb) lb.push({ start: x.start, end: x.end, cls: both ? 'w-chg' : 'w-ins' });
    ga = []; gb = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i].w === b[j].w) { flush(); i++; j++; }
    else if (j >= m || (i < n && L[(i + 1) * W + j] >= L[i * W + j + 1])) ga.push(a[i++]);
    else gb.push(b[j++]);
  }
  flush();
  return { la, lb, skipped: false };
}

// ----------------------------------------------------------- overview
function view_overview(app) {
  const M = D.meta, S = M.stats;
  const share = S.units ? S.reused_units / S.units : 0;
  const card = (label, value, note) => el('div', { class: 'card' }, el('div', { class: 'card-value' }, value), el('div', { class: 'card-label' }, label), note ? el('div', { class: 'card-note' }, note) : null);
  app.append(
    el('h1', null, 'Overview'),
    el('div', { class: 'cards' },
      card('documents', fmt(S.docs)),
      card('outlets', fmt(S.outlets)),
      card('dates', S.date_min ? (S.date_min === S.date_max ? S.date_min : S.date_min + ' – ' + S.date_max) : 'no dates'),
      card('of the text is reused', pct(share), 'found in another document'),
      card('reused passages', fmt(S.cross), fmt(S.internal) + ' repeats inside one document'),
      card('families of copies', fmt(S.families)),
      card('near-duplicate groups', fmt(S.groups || 0))));
  const fams = M.top_families.filter((f) => f[1] >= 2).slice(0, 10);
  app.append(el('h2', null, 'Biggest families'),
    el('p', { class: 'hint' }, 'A family is one text found in several documents. The first publisher is the earliest dated copy.'));
  if (!fams.length) app.append(emptyState('No reuse found', 'No passage of one document was found in another. Try a lower --min-words.'));
  else app.append(table(['family', 'documents', 'first published', 'by', 'first copy'], fams.map((f) => {
    const d = doc(f[2]);
    return el('tr', null, el('td', null, el('a', { href: '#/family/' + f[0] }, '#' + f[0])), el('td', { class: 'num' }, fmt(f[1])),
      el('td', null, d.date || '—'), el('td', null, outletChip(d.outletIx)), el('td', null, docLink(d.i)));
  })));
  // outlets with reuse in / out
  const out = new Map(), inn = new Map();
  for (const e of M.edges) if (e[2]) { out.set(e[0], (out.get(e[0]) || 0) + e[3]); inn.set(e[1], (inn.get(e[1]) || 0) + e[3]); }
  const outlets = M.outlets.map((o, ix) => ix).sort((a, b) => M.outlets[b][1] - M.outlets[a][1]).slice(0, 15);
  app.append(el('h2', null, 'Outlets'), table(['outlet', 'documents', 'passages taken up by later outlets', 'passages taken from earlier outlets'],
    outlets.map((ix) => el('tr', null, el('td', null, outletChip(ix)), el('td', { class: 'num' }, fmt(M.outlets[ix][1])),
      el('td', { class: 'num' }, fmt(out.get(ix) || 0)), el('td', { class: 'num' }, fmt(inn.get(ix) || 0))))));
  if (M.outlets.length > 15) app.append(el('p', { class: 'hint' }, (M.outlets.length - 15) + ' more outlets in the propagation graph.'));
  app.append(el('h2', null, 'Most-cited sources'));
  if (M.optional && M.optional.sources && M.sources && M.sources.length)
    app.append(table(['source', 'type', 'citations', 'documents'], M.sources.slice(0, 10).map((s) => el('tr', null, el('td', { dir: 'auto' }, String(s[0])),
      el('td', null, s[2] != null ? String(s[2]) : ''), el('td', { class: 'num' }, fmt(s[1])), el('td', { class: 'num' }, s[3] != null ? fmt(s[3]) : '')))));
  else app.append(emptyState('No attribution data in this report', 'When hearsay extracts attributions ("…, the ministry said"), the sources cited most often are listed here.'));
}

// ---------------------------------------------------------- documents
let docFilter = '';
function view_docs(app, page) {
  const M = D.meta;
  const per = 50;
  const q = docFilter.trim().toLowerCase();
  const ids = [];
  for (let i = 0; i < M.docs.length; i++) {
    const d = M.docs[i];
    if (!q || d[0].toLowerCase().includes(q) || d[3].toLowerCase().includes(q) || M.outlets[d[1]][0].toLowerCase().includes(q)) ids.push(i);
  }
  const pages = Math.max(1, Math.ceil(ids.length / per));
  page = Math.min(page, pages - 1);
  const input = el('input', { type: 'search', placeholder: 'filter by title, id or outlet', value: docFilter, 'aria-label': 'filter documents', dir: 'auto' });
  input.addEventListener('change', () => { docFilter = input.value; location.hash = '#/docs/0'; render(); });
  const rows = ids.slice(page * per, page * per + per).map((i) => {
    const d = doc(i);
    return el('tr', null, el('td', { class: 'nowrap' }, d.date || '—'), el('td', null, outletChip(d.outletIx)), el('td', null, docLink(i)),
      el('td', { class: 'num' }, d.units ? pct(d.reused / d.units) : '—'), el('td', { class: 'num' }, fmt(d.nfam)));
  });
  app.append(el('h1', null, 'Documents'), el('div', { class: 'toolbar' }, input, el('span', { class: 'hint' }, fmt(ids.length) + ' documents')),
    ids.length ? table(['date', 'outlet', 'title', 'reused', 'families'], rows) : emptyState('No document matches', 'Change the filter.'),
    pager('#/docs/', page, pages));
}

// ----------------------------------------------------------- timeline
async function view_timeline(app, page) {
  app.append(el('h1', null, 'Timeline'), el('p', { class: 'hint' }, 'Each row is a family of copies of one text; each dot a document carrying it, placed by date and coloured by outlet. The ringed dot is the first publisher.'));
  const fams = (await families()).filter((f) => f[1] >= 2);
  if (!fams.length) { app.append(emptyState('No families', 'No text was found in two documents.')); return; }
  const per = 40, pages = Math.ceil(fams.length / per);
  page = Math.min(page, pages - 1);
  const rows = fams.slice(page * per, page * per + per);
  const t = (s) => (s ? Date.parse(s + 'T00:00:00Z') : NaN);
  let lo = Infinity, hi = -Infinity;
  for (const f of rows) for (const m of f[3]) { const x = t(doc(m[0]).date); if (!isNaN(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); } }
  const undated = !isFinite(lo);
  if (undated) { lo = 0; hi = 1; }
  if (hi === lo) { lo -= 864e5; hi += 864e5; }
  const W = 960, left = 110, right = 30, undatedW = 60, rowH = 22, top = 30;
  const H = top + rows.length * rowH + 10;
  const x1 = W - right - undatedW;
  const X = (x) => left + 10 + ((x - lo) / (hi - lo)) * (x1 - left - 20);
  const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', 'aria-label': 'families over time' });
  // axis: one tick a day for short spans, else about six, on day boundaries
  const day = 864e5, span = Math.round((hi - lo) / day);
  const step = Math.max(1, Math.ceil(span / 6)) * day;
  for (let x = Math.ceil(lo / day) * day; x <= hi && !undated; x += step) {
    const lab = new Date(x).toISOString().slice(0, 10);
    g.append(svg('line', { x1: X(x), x2: X(x), y1: top - 8, y2: H, class: 'tick' }), svg('text', { x: X(x), y: top - 12, class: 'axis', 'text-anchor': 'middle' }, lab));
  }
  g.append(svg('text', { x: W - right - undatedW / 2, y: top - 12, class: 'axis', 'text-anchor': 'middle' }, 'undated'));
  rows.forEach((f, r) => {
    const y = top + r * rowH + rowH / 2;
    const a = svg('a', { href: '#/family/' + f[0] }, svg('text', { x: 4, y: y + 4, class: 'rowlabel' }, '#' + f[0] + ' · ' + f[1] + ' docs'));
    g.append(svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: 'rowline' }), a);
    for (const m of f[3]) {
      const d = doc(m[0]);
      const x = t(d.date);
      const cx = isNaN(x) ? W - right - undatedW / 2 : X(x);
      const first = m[0] === f[2];
      const c = svg('circle', { cx, cy: y, r: first ? 7 : 5, fill: outletColour(d.outletIx), class: first ? 'dot first' : 'dot', tabindex: 0,
        onclick: () => { location.hash = '#/doc/' + d.i; } },
      svg('title', null, (first ? 'first publisher: ' : '') + outletName(d.outletIx) + ' · ' + (d.date || 'undated') + ' · ' + docLabel(d)));
      g.append(c);
    }
  });
  const used = new Set();
  for (const f of rows) for (const m of f[3]) used.add(doc(m[0]).outletIx);
  app.append(el('div', { class: 'legend' }, [...used].slice(0, 30).map(outletChip), el('span', { class: 'legend-item' }, el('span', { class: 'ring' }), 'first publisher')),
    el('div', { class: 'scroll-x' }, g), pager('#/timeline/', page, pages));
}

// -------------------------------------------------------------- graph
let cy = null;
// #/graph and #/graph/story/N: one story's documents, grouped by outlet and
// dated; #/graph/outlets: the outlets.  Without story data, the outlets.
async function view_graph(app, mode, n) {
  const S = storyData();
  if (mode !== 'outlets' && S && S.stories.length) {
    let k = mode === 'story' && n >= 1 ? n : 1;
    if (k > S.stories.length && k <= S.total) await needStories();
    const all = storyData().stories;
    if (k > all.length) k = 1;
    return view_docgraph(app, all[k - 1], all);
  }
  return view_outlet_graph(app);
}

const KIND_COLOUR = { reuse: '#64748b', republication: '#d97706', paraphrase: '#7c3aed', citation: '#2563eb' };
function view_docgraph(app, story, all) {
  const first = doc(story.first);
  const pick = el('select', { 'aria-label': 'story', class: 'story-pick' },
    all.slice(0, 200).map((x) => el('option', { value: String(x.n), selected: x.n === story.n ? 'selected' : null },
      'Story ' + x.n + ' (' + x.docs.length + ' documents): ' + truncate(docLabel(doc(x.first)), 70))));
  pick.addEventListener('change', () => { location.hash = '#/graph/story/' + pick.value; });
  app.append(el('h1', null, 'Propagation of a story'),
    el('div', { class: 'toolbar' }, pick, el('a', { href: '#/graph/outlets' }, 'outlets only')),
    el('p', { class: 'hint' }, 'Each box is one document, labelled with its date and headline, in the lane of its outlet; time runs left to right. ' +
      'An arrow goes from the document a passage or claim was taken from to the document that carried it later (grey: copied passages, thicker for more words; orange: republication; violet: retold in other words; blue: citation); lines without an arrow join documents of the same date or undated ones. ' +
      'Dates marked * were found in the text or a file name, not in the metadata. Drag, scroll to zoom, click a document or an arrow.'));
  const info = (i) => { const d = doc(i); return { outletIx: d.outletIx, outlet: outletName(d.outletIx), title: docLabel(d) }; };
  const g = docGraph(story, info, { maxCopies: 3 });
  const nEdges = g.elements.filter((e) => e.group === 'edges').length;
  const box = el('div', { class: 'graph-wrap doc-graph', 'data-story': story.n, 'data-lanes': g.lanes, 'data-nodes': story.docs.length, 'data-edges': nEdges,
    'data-kinds': [...new Set(g.elements.filter((e) => e.group === 'edges').map((e) => e.data.kind))].sort().join(' ') });
  const side = el('aside', { class: 'graph-side' },
    el('p', null, 'Story ' + story.n + ': ' + story.docs.length + ' documents, ' + g.lanes + (g.lanes === 1 ? ' outlet' : ' outlets') + '; first published by ',
      outletChip(first.outletIx), ' ', docLink(first.i)),
    g.hidden ? el('p', { class: 'hint' }, g.hidden + ' shorter copies are not drawn (at most three copies reach each document); the story page lists them all.') : null,
    el('p', { class: 'hint' }, 'Click a document or an arrow.'));
  app.append(el('div', { class: 'graph-layout' }, box, side));
  // the nodes as a list too: readable without the canvas
  app.append(el('h2', null, 'Documents of this story'), table(['date', 'outlet', 'headline'], story.docs.map((d) =>
    el('tr', { class: d[5] ? 'first-row graph-doc' : 'graph-doc' }, el('td', { class: 'nowrap' }, dateCell(d[1], d[2])),
      el('td', null, outletChip(doc(d[0]).outletIx)), el('td', null, docLink(d[0], d[3] || docLabel(doc(d[0]))), d[5] ? el('span', { class: 'tag first' }, 'first') : null)))));
  const maxW = Math.max(1, ...g.elements.filter((e) => e.group === 'edges').map((e) => e.data.words));
  for (const e of g.elements) {
    if (e.group === 'nodes' && !e.data.lane) e.data.colour = outletColour(e.data.outletIx);
    if (e.group === 'edges') { e.data.w = e.data.kind === 'reuse' ? 1 + 5 * Math.sqrt(e.data.words / maxW) : 2.5; e.data.colour = KIND_COLOUR[e.data.kind] || '#64748b'; }
  }
  if (cy) cy.destroy();
  cy = cytoscape({
    container: box, elements: g.elements, wheelSensitivity: 0.3, maxZoom: 1.5, layout: { name: 'preset', padding: 24 },
    style: [
      { selector: 'node[lane = 1]', style: { shape: 'round-rectangle', 'background-color': '#f1f5f9', 'border-width': 1, 'border-color': '#cbd5e1',
        label: 'data(label)', 'text-valign': 'top', 'text-halign': 'center', 'font-size': 13, 'font-weight': 600, color: '#334155', padding: 14,
        'font-family': 'system-ui, sans-serif' } },
      { selector: 'node[doc]', style: { shape: 'round-rectangle', width: 180, height: 44, 'background-color': '#ffffff', 'border-width': 2,
        'border-color': 'data(colour)', label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': 172, 'font-size': 10, 'text-valign': 'center',
        'text-halign': 'center', color: '#1f2937', 'font-family': 'system-ui, "Noto Sans Arabic", sans-serif' } },
      { selector: 'node[guessed = 1]', style: { 'border-style': 'dashed', 'background-color': '#fffbeb' } },
      { selector: 'node[first = 1]', style: { 'border-width': 4 } },
      { selector: 'node[denial = 1]', style: { 'background-color': '#fef2f2' } },
      { selector: 'edge', style: { width: 'data(w)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.75 } },
      { selector: 'edge[directed = 1]', style: { 'target-arrow-shape': 'triangle' } },
      { selector: 'edge[kind = "paraphrase"]', style: { 'line-style': 'dotted' } },
      { selector: 'edge[kind = "citation"]', style: { 'line-style': 'dashed' } },
      { selector: ':selected', style: { 'line-color': '#d97706', 'target-arrow-color': '#d97706', 'border-color': '#d97706' } },
    ],
  });
  cy.on('tap', 'node[doc]', (ev) => {
    const i = ev.target.data('doc'), d = doc(i), sd = story.docs.find((x) => x[0] === i);
    side.replaceChildren(el('h3', { dir: 'auto' }, docLink(i, sd[3] || docLabel(d))), el('p', null, outletChip(d.outletIx), ' ', dateCell(sd[1], sd[2]),
      sd[5] ? el('span', { class: 'tag first' }, 'first') : null, sd[4] ? el('span', { class: 'tag denial' }, 'denial') : null),
    el('ul', { class: 'arrivals' }, sd[6].map(edgeItem)));
  });
  cy.on('tap', 'edge', (ev) => {
    const e = ev.target.data('edge'), to = ev.target.data('target').slice(1);
    side.replaceChildren(el('h3', null, KIND_TEXT[e[0]] || e[0]), el('ul', { class: 'arrivals' }, edgeItem(e)),
      el('p', null, 'to ', docLink(Number(to))),
      e[0] === 'reuse' || e[0] === 'republication' ? el('a', { href: '#/compare/' + e[1] + '/' + to, class: 'compare-link' }, 'side by side') : null);
  });
}

function view_outlet_graph(app) {
  const M = D.meta;
  app.append(el('h1', null, 'Propagation between outlets'),
    el('p', { class: 'hint' }, 'An arrow goes from the outlet that published a passage first to the outlet that carried it later; thicker arrows stand for more passages. Dashed lines join outlets that published the same text on the same day (or undated). Drag nodes, scroll to zoom, click an arrow for examples.'));
  const edges = M.edges.slice().sort((a, b) => b[3] - a[3]).slice(0, 400);
  if (!edges.length) { app.append(emptyState('No reuse between outlets', 'No passage was found in documents of two different outlets.')); return; }
  const box = el('div', { class: 'graph-wrap' });
  const side = el('aside', { class: 'graph-side' }, el('p', { class: 'hint' }, 'Click an outlet or an arrow.'));
  app.append(el('div', { class: 'graph-layout' }, box, side));
  const used = new Set();
  for (const e of edges) { used.add(e[0]); used.add(e[1]); }
  const maxP = Math.max(...edges.map((e) => e[3]));
  const maxD = Math.max(...[...used].map((ix) => M.outlets[ix][1]));
  const els = [];
  for (const ix of used) els.push({ data: { id: 'o' + ix, label: outletName(ix), ix, size: 18 + 40 * Math.sqrt(M.outlets[ix][1] / maxD), colour: outletColour(ix) } });
  edges.forEach((e, k) => els.push({ data: { id: 'e' + k, source: 'o' + e[0], target: 'o' + e[1], k, w: 1 + 9 * Math.sqrt(e[3] / maxP), directed: e[2] } }));
  if (cy) cy.destroy();
  cy = cytoscape({
    container: box, elements: els, wheelSensitivity: 0.3,
    layout: used.size <= 150 ? { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 120 } : { name: 'circle' },
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(label)', 'font-size': 12, color: '#1f2937', 'text-valign': 'bottom', 'text-margin-y': 4, 'font-family': 'system-ui, sans-serif' } },
      { selector: 'edge', style: { width: 'data(w)', 'line-color': '#94a3b8', 'target-arrow-color': '#94a3b8', 'curve-style': 'bezier', 'arrow-scale': 0.9, opacity: 0.8 } },
      { selector: 'edge[directed = 1]', style: { 'target-arrow-shape': 'triangle' } },
      { selector: 'edge[directed = 0]', style: { 'line-style': 'dashed' } },
      { selector: ':selected', style: { 'line-color': '#d97706', 'target-arrow-color': '#d97706', 'border-width': 3, 'border-color': '#d97706' } },
    ],
  });
  cy.on('tap', 'edge', (ev) => {
    const e = edges[ev.target.data('k')];
    side.replaceChildren(el('h3', null, outletName(e[0]) + (e[2] ? ' → ' : ' — ') + outletName(e[1])),
      el('p', null, fmt(e[3]) + ' passages, ' + fmt(e[4]) + ' words'), el('h4', null, 'Examples'),
      el('ul', { class: 'plain' }, e[5].map(([a, b]) => el('li', null, el('a', { href: '#/compare/' + a + '/' + b }, 'compare'), ' ', docLink(a), ' → ', docLink(b)))));
  });
  cy.on('tap', 'node', (ev) => {
    const ix = ev.target.data('ix');
    const outs = edges.filter((e) => e[0] === ix), ins = edges.filter((e) => e[1] === ix);
    side.replaceChildren(el('h3', null, outletName(ix)), el('p', null, fmt(M.outlets[ix][1]) + ' documents'),
      el('p', null, 'taken up by: ' + (outs.map((e) => outletName(e[1]) + ' (' + e[3] + ')').join(', ') || 'none')),
      el('p', null, 'takes from: ' + (ins.map((e) => outletName(e[0]) + ' (' + e[3] + ')').join(', ') || 'none')));
  });
}

// ------------------------------------------------------------- family
async function view_family(app, f) {
  const fam = await family(f);
  if (!fam) { app.append(emptyState('No such family', 'Family #' + f + ' is not in this report.')); return; }
  const members = fam[3].slice().sort((a, b) => (doc(a[0]).date || '9999').localeCompare(doc(b[0]).date || '9999') || a[0] - b[0]);
  const first = fam[2];
  const fm = fam[3].find((m) => m[0] === first);
  const sd = await shardOf(first);
  app.append(el('h1', null, 'Family #' + f), el('p', { class: 'hint' }, fmt(fam[1]) + ' documents carry this text. First published by ' + outletName(doc(first).outletIx) + (doc(first).date ? ' on ' + doc(first).date : '') + '.'));
  const q = sd ? sd.text.slice(fm[1], Math.min(fm[2], fm[1] + 600)) + (fm[2] - fm[1] > 600 ? ' …' : '') : '';
  app.append(el('blockquote', { class: 'excerpt', dir: 'auto' }, q));
  if (members.length > 300) app.append(el('p', { class: 'hint' }, 'The 300 earliest of ' + fmt(members.length) + ' documents are listed.'));
  app.append(table(['date', 'outlet', 'document', 'copy', ''], members.slice(0, 300).map((m) => {
    const d = doc(m[0]);
    return el('tr', { class: m[0] === first ? 'first-row' : null }, el('td', { class: 'nowrap' }, d.date || '—'), el('td', null, outletChip(d.outletIx)),
      el('td', null, docLink(d.i), m[0] === first ? el('span', { class: 'badge' }, 'first') : null),
      el('td', { class: 'num' }, fmt(m[2] - m[1]) + ' chars'),
      el('td', null, m[0] !== first ? el('a', { href: '#/compare/' + first + '/' + m[0] + '/' + f, class: 'compare-link' }, 'side by side with the first') : null));
  })));
}

// ----------------------------------------------------------- document
function spanLayers(sd, filter) {
  const layers = [];
  sd.spans.forEach((s, k) => {
    if (filter && !filter(s)) return;
    layers.push({ start: s[0], end: s[1], cls: s[2] === sd.i ? 'reuse-int' : 'reuse', pid: k });
  });
  // attribution fields: start, end, source, normalized, type, cue,
  // content_start, content_end, denial (UTF-16 offsets, like spans)
  for (const a of sd.attributions || []) layers.push({ start: a[0], end: a[1], cls: a[8] ? 'attrib attrib-denial' : 'attrib' });
  for (const b of sd.boilerplate || []) layers.push({ start: b[0], end: b[1], cls: 'boiler' });
  return layers;
}
async function view_doc(app, i) {
  if (!(i >= 0 && i < D.meta.stats.docs)) { app.append(emptyState('No such document', '')); return; }
  const d = doc(i), sd = await shardOf(i);
  const u = safeUrl(d.url);
  app.append(el('h1', { dir: 'auto' }, docLabel(d)),
    el('p', { class: 'meta-line' }, outletChip(d.outletIx), ' ', d.date || 'undated', ' · ', el('code', { dir: 'auto' }, d.id),
      u ? el('span', null, ' · ', el('a', { href: u, rel: 'noopener noreferrer nofollow', target: '_blank', dir: 'auto' }, 'original')) : null,
      d.byline ? el('span', { dir: 'auto' }, ' · ' + d.byline) : null,
      ' · ', d.units ? pct(d.reused / d.units) + ' reused' : 'empty'));
  const items = [['reuse', 'found in another document'], ['reuse-int', 'repeated inside this document']];
  if (sd.attributions) items.push(['attrib', 'attribution (cited source)']);
  if (sd.attributions && sd.attributions.some((a) => a[8])) items.push(['attrib attrib-denial', 'denial']);
  if (sd.boilerplate) items.push(['boiler', 'boilerplate']);
  app.append(legend(items));
  const text = el('div', { class: 'doc-text', dir: 'auto', lang: '' });
  paint(text, sd.text, spanLayers(sd));
  const list = el('ol', { class: 'copies' });
  const byStart = sd.spans.map((s, k) => [s, k]).sort((a, b) => a[0][0] - b[0][0]);
  for (const [s, k] of byStart) {
    const o = doc(s[2]);
    list.append(el('li', { id: 'copy-' + k, 'data-pid': k },
      el('span', { class: 'copy-range' }, fmt(s[7]) + ' words, ' + Math.round(s[6] * 100) + '% similar'), ' ',
      s[2] === i ? 'repeated in this document' : el('span', null, 'in ', outletChip(o.outletIx), ' ', o.date || '', ' ', docLink(o.i)), ' ',
      s[2] !== i ? el('a', { href: '#/compare/' + i + '/' + s[2], class: 'compare-link' }, 'side by side') : null, ' ',
      el('a', { href: '#/family/' + s[5] }, 'family #' + s[5])));
  }
  text.addEventListener('click', (ev) => {
    const m = ev.target.closest('mark');
    if (!m) return;
    list.querySelectorAll('.active').forEach((x) => x.classList.remove('active'));
    for (const k of m.dataset.pids.split(' ')) {
      const li = document.getElementById('copy-' + k);
      if (li) { li.classList.add('active'); li.scrollIntoView({ block: 'nearest' }); }
    }
  });
  app.append(el('div', { class: 'doc-layout' }, text,
    el('aside', { class: 'doc-side' }, el('h3', null, 'Other copies (' + sd.spans.length + ')'), sd.spans.length ? list : el('p', { class: 'hint' }, 'No passage of this document was found elsewhere.'),
      sd.attributions ? attribList(sd) : null)));
}
function attribList(sd) {
  const a = sd.attributions;
  if (!a.length) return el('div', null, el('h3', null, 'Sources cited (0)'), el('p', { class: 'hint' }, 'No attribution found in this document.'));
  return el('div', null, el('h3', null, 'Sources cited (' + a.length + ')'), el('ol', { class: 'copies attribs' }, a.map((x) =>
    el('li', { class: x[8] ? 'denial' : null }, el('strong', null, el('bdi', null, String(x[3] || x[2]))),
      x[2] !== x[3] ? el('span', null, ' (', el('bdi', null, String(x[2])), ')') : null, ' · ', String(x[4]), ' · “', el('bdi', null, String(x[5])), '”',
      x[8] ? el('span', { class: 'badge denial' }, 'denial') : null))));
}

// ------------------------------------------------------- side by side
async function view_compare(app, a, b, fam) {
  if (!(a >= 0 && a < D.meta.stats.docs && b >= 0 && b < D.meta.stats.docs)) { app.append(emptyState('No such documents', '')); return; }
  const [sa, sb] = await Promise.all([shardOf(a), shardOf(b)]);
  const da = doc(a), db = doc(b);
  let pairs = sa.spans.map((s, k) => ({ s, k })).filter((x) => x.s[2] === b && (a !== b));
  if (fam != null && pairs.some((x) => x.s[5] === fam)) pairs.sort((x, y) => (y.s[5] === fam) - (x.s[5] === fam));
  pairs.sort((x, y) => x.s[0] - y.s[0]);
  app.append(el('h1', null, 'Side by side'), legend([['reuse', 'aligned passage'], ['w-del', 'only on the left'], ['w-ins', 'only on the right'], ['w-chg', 'changed words']]));
  if (!pairs.length) { app.append(emptyState('No shared passage', 'These two documents share no passage.')); }
  const la = [], lb = [];
  pairs.forEach((x, n) => {
    const s = x.s;
    la.push({ start: s[0], end: s[1], cls: 'reuse c' + (n % 6), pid: n });
    lb.push({ start: s[3], end: s[4], cls: 'reuse c' + (n % 6), pid: n });
    const dff = wordDiff(sa.text.slice(s[0], s[1]), s[0], sb.text.slice(s[3], s[4]), s[3]);
    la.push(...dff.la);
    lb.push(...dff.lb);
  });
  const col = (d, sd, layers, side) => {
    const t = el('div', { class: 'doc-text', dir: 'auto', 'data-side': side });
    paint(t, sd.text, layers);
    return el('section', { class: 'col' }, el('h2', { dir: 'auto' }, docLink(d.i)), el('p', { class: 'meta-line' }, outletChip(d.outletIx), ' ', d.date || 'undated'), t);
  };
  const left = col(da, sa, la, 'a'), right = col(db, sb, lb, 'b');
  const gutter = svg('svg', { class: 'gutter' });
  const wrap = el('div', { class: 'compare' }, left, el('div', { class: 'gutter-box' }, gutter), right);
  app.append(el('p', { class: 'hint' }, pairs.length + ' aligned passage' + (pairs.length === 1 ? '' : 's') + '. ' + pairs.map((x) => x.s[7] + ' words at ' + Math.round(x.s[6] * 100) + '%').join('; ')), wrap);
  const draw = () => {
    const box = wrap.querySelector('.gutter-box').getBoundingClientRect();
    gutter.setAttribute('width', box.width);
    gutter.setAttribute('height', box.height);
    gutter.replaceChildren();
    pairs.forEach((x, n) => {
      const ma = left.querySelectorAll(`mark[data-pids~="${n}"]`), mb = right.querySelectorAll(`mark[data-pids~="${n}"]`);
      if (!ma.length || !mb.length) return;
      const ya0 = ma[0].getBoundingClientRect().top - box.top, ya1 = ma[ma.length - 1].getBoundingClientRect().bottom - box.top;
      const yb0 = mb[0].getBoundingClientRect().top - box.top, yb1 = mb[mb.length - 1].getBoundingClientRect().bottom - box.top;
      const w = box.width;
      gutter.append(svg('path', { d: `M0 ${ya0} C${w / 2} ${ya0} ${w / 2} ${yb0} ${w} ${yb0} L${w} ${yb1} C${w / 2} ${yb1} ${w / 2} ${ya1} 0 ${ya1} Z`, class: 'ribbon c' + (n % 6) }));
    });
  };
  requestAnimationFrame(draw);
  window.addEventListener('resize', draw);
  cleanup = () => window.removeEventListener('resize', draw);
}

// ------------------------------------------------------------- stories
// Each story as its dated chain of documents, read top to bottom: who
// published first, and for each later document the edges that reach it
// (copied passages, republication, retelling in other words with what
// changed, citation).  A date taken from the text or a file name, not
// from metadata, is marked.
const KIND_TEXT = {
  reuse: 'copied passages from', republication: 'republished', paraphrase: 'retold in other words',
  citation: 'cites',
};
function dateCell(date, source) {
  if (!date) return el('span', { class: 'date undated', title: 'no date known' }, 'undated');
  if (source === 'metadata') return el('span', { class: 'date' }, date);
  return el('span', { class: 'date guessed', title: 'date found in the ' + (source === 'name' ? 'file name' : 'text') + ', not in the metadata' },
    date, el('sup', { class: 'mark' }, '*'));
}
function changesText(ch) {
  if (!Array.isArray(ch) || !ch.length) return null;
  return ch.map((c) => String(c.kind).replace('_', '/') + ': ' + (c.from || []).join(', ') + ' → ' + (c.to || []).join(', ')).join('; ');
}
const SHOWN_COPIES = 3;
function edgeItem(e) {
  const [kind, from, order, words, sim, ftext, ttext, ch, cited] = e;
  const src = doc(from);
  const who = [outletName(src.outletIx), ' (', src.date || 'undated', ')'];
  const note = order === 'dated' ? null : el('span', { class: 'hint' }, order === 'tie' ? ' same date: order unknown' : ' undated: order unknown');
  if (kind === 'citation') return el('li', { class: 'edge citation' }, 'cites ', String(cited || ''), ' — ', docLink(from, outletName(src.outletIx)), note);
  if (kind === 'paraphrase') {
    const c = changesText(ch);
    return el('li', { class: 'edge paraphrase' }, 'retold in other words from ', docLink(from, who.join('')), note,
      el('blockquote', { dir: 'auto' }, String(ftext || '')), el('blockquote', { dir: 'auto' }, String(ttext || '')),
      c ? el('div', { class: 'changes' }, 'changed: ', c) : null);
  }
  return el('li', { class: 'edge ' + kind }, KIND_TEXT[kind] + ' ', docLink(from, who.join('')),
    kind === 'reuse' ? ' — ' + fmt(words) + ' words, similarity ' + Number(sim).toFixed(2) : '', note);
}
function storyBlock(s) {
  const first = doc(s.first);
  const sec = el('section', { class: 'story', 'data-story': s.n });
  sec.append(el('h2', { dir: 'auto' }, 'Story ' + s.n + ': ', docLabel(first)),
    el('p', { class: 'hint' }, s.docs.length + ' documents, ' + s.outlets.length + ' outlets, ' +
      (s.date_from ? s.date_from + (s.date_to !== s.date_from ? ' – ' + s.date_to : '') : 'undated') +
      '. First published by ' + outletName(first.outletIx) + (s.tie ? ' (another document has the same first date: a tie, not a guess)' : '') + '. ',
      el('a', { href: '#/graph/story/' + s.n, class: 'graph-link' }, 'graph of this story')));
  const ol = el('ol', { class: 'chain' });
  for (const d of s.docs) {
    const [i, date, source, headline, denial, isFirst, edges] = d;
    const x = doc(i);
    const li = el('li', { class: isFirst ? 'first' : '' },
      el('div', { class: 'node' }, dateCell(date, source), ' ', outletChip(x.outletIx), ' ', docLink(i, headline || x.id),
        isFirst ? el('span', { class: 'tag first' }, 'first') : null, denial ? el('span', { class: 'tag denial' }, 'denial') : null));
    const ul = el('ul', { class: 'arrivals' });
    // retellings, citations and republications first, then the longest
    // copies; past SHOWN_COPIES copies the rest wait behind a toggle
    const sorted = edges.slice().sort((a, b) => (a[0] === 'reuse') - (b[0] === 'reuse') || b[3] - a[3]);
    const copies = sorted.filter((e) => e[0] === 'reuse');
    const shown = sorted.filter((e) => e[0] !== 'reuse').concat(copies.slice(0, SHOWN_COPIES));
    for (const e of shown) ul.append(edgeItem(e));
    if (copies.length > SHOWN_COPIES) {
      const rest = copies.slice(SHOWN_COPIES);
      const more = el('details', { class: 'more-edges' }, el('summary', null, 'copied passages from ' + rest.length + ' more documents'));
      more.addEventListener('toggle', () => {
        if (more.open && more.children.length === 1) more.append(el('ul', { class: 'arrivals' }, rest.map(edgeItem)));
      });
      ul.append(el('li', { class: 'edge more' }, more));
    }
    if (edges.length) li.append(ul);
    ol.append(li);
  }
  sec.append(ol);
  return sec;
}
function view_stories(app) {
  app.append(el('h1', null, 'Stories'));
  const S = storyData();
  if (!S || !S.stories.length) {
    app.append(emptyState('No stories', 'No two documents share passages or state the same claim.'));
    return;
  }
  app.append(el('p', { class: 'hint' }, fmt(S.total) + ' stories, largest first. Dates marked * were found in the text or a file name, not in the metadata.'));
  const list = el('div');
  let shown = 0;
  const more = el('button', { type: 'button' }, 'more stories');
  const step = async () => {
    let all = storyData().stories;
    if (shown + 20 > all.length && storyData() === D.storiesHead) {
      more.disabled = true;
      await Promise.all([needMeta(), needStories()]);
      more.disabled = false;
      all = storyData().stories;
    }
    const next = all.slice(shown, shown + 20);
    next.forEach((x) => list.append(storyBlock(x)));
    shown += next.length;
    if (shown >= S.total || !next.length) more.remove();
  };
  more.addEventListener('click', step);
  app.append(list, more);
  // stories off screen are not laid out (content-visibility in the style sheet)
  const first = S.stories.slice(0, 20);
  first.forEach((x) => list.append(storyBlock(x)));
  shown = first.length;
  if (shown >= S.total) more.remove();
}

// ------------------------------------------------------------- claims
async function view_claims(app) {
  app.append(el('h1', null, 'Claims'));
  if (!D.claims && D.meta.optional && D.meta.optional.claims) { try { await loadScript('data/claims.js'); } catch (e) { /* shown as empty */ } }
  if (!D.claims || !D.claims.claims || !D.claims.claims.length) {
    app.append(emptyState('No claim data in this report', 'When hearsay extracts claims, this page lists each claim with the documents that make it, and a search box.'));
    return;
  }
  const input = el('input', { type: 'search', placeholder: 'search claims', 'aria-label': 'search claims', dir: 'auto' });
  const list = el('ol', { class: 'copies' });
  const show = () => {
    const q = input.value.trim().toLowerCase();
    list.replaceChildren(...D.claims.claims.filter((c) => !q || String(c[0]).toLowerCase().includes(q)).slice(0, 200)
      .map((c) => el('li', { dir: 'auto' }, String(c[0]), ' ', (c[1] || []).slice(0, 8).map((i) => docLink(i, '[' + outletName(doc(i).outletIx) + ']')))));
  };
  input.addEventListener('input', show);
  app.append(input, list);
  show();
}

// ------------------------------------------------------------- router
let cleanup = null;
async function render() {
  const app = document.getElementById('app');
  if (cleanup) { cleanup(); cleanup = null; }
  if (!D.meta) { app.replaceChildren(emptyState('No report data', 'data/head.js is missing; run hearsay trace again.')); return; }
  const parts = (location.hash.replace(/^#\/?/, '') || '').split('/');
  const n = (k) => { const v = parseInt(parts[k], 10); return isNaN(v) ? 0 : v; };
  const fresh = el('div', { class: 'view' });
  app.replaceChildren(fresh);
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('current', a.getAttribute('href').split('/')[1] === (parts[0] || '')));
  try {
    // every view but the first screen's may show any document
    if (parts[0] && parts[0] !== 'stories' && parts[0] !== 'overview') await needMeta();
    switch (parts[0]) {
      case 'docs': view_docs(fresh, n(1)); break;
      case 'timeline': await view_timeline(fresh, n(1)); break;
      case 'graph': await view_graph(fresh, parts[1] || '', n(2)); break;
      case 'family': await view_family(fresh, n(1)); break;
      case 'doc': await view_doc(fresh, n(1)); break;
      case 'compare': await view_compare(fresh, n(1), n(2), parts[3] != null ? n(3) : null); break;
      case 'claims': await view_claims(fresh); break;
      case 'stories': view_stories(fresh); break;
      case 'overview': view_overview(fresh); break;
      default:
        if (storyData() && storyData().total > 1) { view_stories(fresh); parts[0] = 'stories'; } else view_overview(fresh);
    }
  } catch (e) {
    fresh.append(emptyState('Could not show this page', String(e && e.message)));
  }
  document.body.dataset.view = parts[0] || 'overview';
  document.body.dataset.ready = '1';
}

async function start() {
  if (D.meta) {
    document.getElementById('report-title').textContent = D.meta.title;
    document.title = D.meta.title;
    if (D.meta.optional && D.meta.optional.stories && !D.storiesHead && !D.stories) {
      // the first stories; a report without stories-head.js reads them all
      try { await loadScript('data/stories-head.js'); } catch (e) {
        try { await loadScript('data/stories.js'); } catch (e2) { /* shown as empty */ }
      }
    }
  }
  window.addEventListener('hashchange', () => { window.scrollTo(0, 0); render(); });
  await render();
  performance.mark('hs-first-render');
  // the whole document table, once the page has loaded and is idle
  const later = () => setTimeout(() => { if (D.meta && !D.full) needMeta().catch(() => {}); }, 500);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
start();
