// The document-level propagation graph of one story, laid out without a
// physics simulation so that it reads like a timeline: one horizontal lane
// per outlet (a compound node labelled with the outlet, the first
// publisher's lane on top, the others in the order they first carried the
// story), documents placed left to right by date (undated ones in a last
// column), documents of one outlet and one date stacked in their lane.
// Node labels are the date (with * when it was read from the text or a
// file name rather than the metadata) and the headline.  Edges arrive at a
// document from the documents it took text or a claim from; of the copies
// reaching one document only the `maxCopies` longest are drawn (the others
// are counted in `hidden`), so that a 200-document story stays legible.
// Returns cytoscape elements with preset positions.

const COL_W = 210, ROW_H = 64, LANE_GAP = 46;
const STAGGER = 48; // documents stacked in one cell alternate sideways, so that
                    // an edge between two of them does not pass behind a third

export function truncate(s, n) {
  s = String(s || '');
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

// story: an entry of stories.js; info(i) -> { outletIx, outlet, title };
// opts.maxCopies: copies drawn per document.
export function docGraph(story, info, opts) {
  const maxCopies = (opts && opts.maxCopies) || 3;
  const docs = story.docs.map((d) => ({ i: d[0], date: d[1] || '', source: d[2], headline: d[3], denial: d[4], first: d[5], edges: d[6] }));
  const dates = [...new Set(docs.map((d) => d.date).filter(Boolean))].sort();
  const col = new Map(dates.map((x, k) => [x, k]));
  const undatedCol = dates.length;
  // lanes: outlets in the order of their earliest document, first publisher's on top
  const laneOf = new Map();
  const order = docs.slice().sort((a, b) => (b.first - a.first) || ((a.date || '\uffff') < (b.date || '\uffff') ? -1 : (a.date || '\uffff') > (b.date || '\uffff') ? 1 : a.i - b.i));
  for (const d of order) {
    const o = info(d.i).outletIx;
    if (!laneOf.has(o)) laneOf.set(o, laneOf.size);
  }
  // stack height of each lane: documents sharing an outlet and a column
  const cell = new Map(), laneRows = new Array(laneOf.size).fill(1);
  for (const d of order) {
    const lane = laneOf.get(info(d.i).outletIx), c = d.date ? col.get(d.date) : undatedCol;
    const key = lane + ':' + c, k = cell.get(key) || 0;
    cell.set(key, k + 1);
    d.lane = lane; d.col = c; d.row = k;
    laneRows[lane] = Math.max(laneRows[lane], k + 1);
  }
  const laneY = [];
  let y = 0;
  for (let l = 0; l < laneRows.length; l++) { laneY.push(y); y += laneRows[l] * ROW_H + LANE_GAP; }
  const els = [];
  for (const [o, lane] of laneOf) {
    els.push({ group: 'nodes', data: { id: 'lane' + lane, label: info(order.find((d) => d.lane === lane).i).outlet, outletIx: o, lane: 1 } });
  }
  for (const d of order) {
    const x = info(d.i);
    const guessed = d.date && d.source !== 'metadata';
    const dateText = d.date ? d.date + (guessed ? ' *' : '') : 'undated';
    els.push({ group: 'nodes', data: { id: 'd' + d.i, parent: 'lane' + d.lane, doc: d.i, outletIx: x.outletIx,
      label: dateText + '\n' + truncate(d.headline || x.title, 60), headline: d.headline || x.title, date: d.date,
      guessed: guessed ? 1 : 0, first: d.first ? 1 : 0, denial: d.denial ? 1 : 0 },
    position: { x: d.col * COL_W + (d.row % 2) * STAGGER, y: laneY[d.lane] + d.row * ROW_H } });
  }
  let hidden = 0, k = 0;
  const present = new Set(docs.map((d) => d.i));
  for (const d of docs) {
    const copies = d.edges.filter((e) => e[0] === 'reuse').sort((a, b) => b[3] - a[3]);
    hidden += Math.max(0, copies.length - maxCopies);
    const drawn = d.edges.filter((e) => e[0] !== 'reuse').concat(copies.slice(0, maxCopies));
    for (const e of drawn) {
      if (!present.has(e[1])) continue;
      els.push({ group: 'edges', data: { id: 'x' + (k++), source: 'd' + e[1], target: 'd' + d.i, kind: e[0], order: e[2],
        directed: e[2] === 'dated' ? 1 : 0, words: e[3] || 0, similarity: e[4] || 0, edge: e } });
    }
  }
  return { elements: els, hidden, lanes: laneOf.size, columns: dates.length + (docs.some((d) => !d.date) ? 1 : 0) };
}
