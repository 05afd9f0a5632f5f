// The explorer at corpus scale, measured in Debian's Chromium through the public API, beside
// baselines measured in the same page on the same data: JSON.parse of the same lines, a
// plain JavaScript loop over integer-coded columns (the filter and every facet's counts)
// and over lower-cased texts (String.includes), crossfilter2 (a dimension and a count group
// per facet; a filterFunction for typing) and DuckDB-Wasm (the same JSON Lines as quote rows
// through its JSON reader; GROUP BY counts per facet under the other facets' filter; ILIKE
// for typing).
// Loads are also timed in a fresh browser each, as JSON Lines (served plainly, and with
// `Cache-Control: no-store`) and as one corpus@1 document,
// with the renderer's peak resident memory (VmHWM) against the file's size, and the first
// frame with the data of a page opened on it (?src=). Prints one table per size; asserts
// nothing. The corpus is generated here, at run time (never committed).
//
//   node bench/scale/browser_bench.mjs [QUOTES...]    (default 10000 100000 1000000; needs ./build-wasm.sh web)
//   node bench/scale/browser_bench.mjs --load-only [QUOTES...]   only the loads and their memory
//   node bench/scale/browser_bench.mjs --profile [QUOTES...]     also a CPU profile of facet changes (top functions)
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { launchBrowser, settle, startServer } = await import(`${ROOT}tests/e2e/harness.mjs`);

import { baselineFiles, installed, PREFIX } from './baselines.mjs';
import { COUNTRIES, corpus, TYPED } from './corpus.mjs';

const FACET_ROUNDS = 20; // each: a speaker, a country, a country and a kind, then none
const DUCKDB_FACET_ROUNDS = 5;
const CHANGE_PAUSE_MS = 100; // between facet changes, as a reader clicks (see measure)
const WHEEL_STEPS = 250; // mouse wheel notches over the quote list, 400 px each, one every 8 ms

// Runs in the page: the explorer and the in-page baselines on the same bytes.
async function measure({ url, typed, countries, prefix, withLibraries }) {
  const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
  const summary = (values) => ({ p50: percentile(values, 0.5), p95: percentile(values, 0.95) });
  const time = (fn) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  // A change: setFilter, which returns once the core has filtered and counted and the events
  // have fired; what the page defers until it is idle (the screen-reader mirror, the URL
  // hash) is reported on its own.
  const idle = () => new Promise((resolve) => {
    const tick = () => (window.QuoteExplorer.debug.pendingFrames() === 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  });
  // Changes come CHANGE_PAUSE_MS apart, as from a reader clicking: back to back, each would
  // start while the last one's frame is still being drawn, and without a GPU (SwiftShader, as
  // here) that drawing shares the machine's cores with the page. Back-to-back changes are
  // measured too, and printed.
  const pause = () => new Promise((resolve) => setTimeout(resolve, CHANGE_PAUSE_MS_));
  const mirrorTimes = [];
  const hashTimes = [];
  const change = async (filter, { paced = true } = {}) => {
    const t = time(() => window.QuoteExplorer.setFilter(filter));
    await idle();
    const work = window.QuoteExplorer.debug.lastWork();
    mirrorTimes.push(work.mirror);
    hashTimes.push(work.hash);
    if (paced) await pause();
    return t;
  };
  const out = {};
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  out.mb = bytes.length / 1e6;

  let t = performance.now();
  const loaded = await window.QuoteExplorer.loadUrl(url);
  out.loadMs = performance.now() - t;
  out.quotes = loaded.quotes;

  // Baseline: JSON.parse of every line of the same bytes (decoding included).
  t = performance.now();
  let articles = new TextDecoder().decode(bytes).split('\n').filter(Boolean).map((line) => JSON.parse(line));
  out.parseMs = performance.now() - t;

  // Baseline columns: speaker, country, kind and article as integers, texts lower-cased. Every
  // baseline counts the facets that have more than one value in this corpus, as the explorer
  // does: speaker, country, kind and article (its source and date facets hold one value each).
  const speakerIds = new Map();
  const countryIds = new Map();
  const speakerOf = [];
  const countryOf = [];
  const kindOf = [];
  const articleOf = [];
  const texts = [];
  for (const [a, article] of articles.entries()) {
    const country = new Map(article.speakers.map((s) => [s.id, s.country]));
    for (const q of article.quotes) {
      if (!speakerIds.has(q.speaker)) speakerIds.set(q.speaker, speakerIds.size);
      const c = country.get(q.speaker);
      if (!countryIds.has(c)) countryIds.set(c, countryIds.size);
      speakerOf.push(speakerIds.get(q.speaker));
      countryOf.push(countryIds.get(c));
      kindOf.push(['direct', 'indirect', 'mixed'].indexOf(q.kind));
      articleOf.push(a);
      texts.push(q.text.toLowerCase());
    }
  }
  articles = null;
  const S = Int32Array.from(speakerOf);
  const C = Int32Array.from(countryOf);
  const K = Int32Array.from(kindOf);
  const A = Int32Array.from(articleOf);
  const articleCount = articleOf.length ? articleOf[articleOf.length - 1] + 1 : 0;
  const jsFilter = (speaker, country, kind, matches) => {
    const sc = new Uint32Array(speakerIds.size);
    const cc = new Uint32Array(countryIds.size);
    const kc = new Uint32Array(3);
    const ac = new Uint32Array(articleCount);
    const visible = [];
    for (let i = 0; i < S.length; ++i) {
      if (matches && !matches[i]) continue;
      const okS = speaker < 0 || S[i] === speaker;
      const okC = country < 0 || C[i] === country;
      const okK = kind < 0 || K[i] === kind;
      if (okC && okK) sc[S[i]]++;
      if (okS && okK) cc[C[i]]++;
      if (okS && okC) kc[K[i]]++;
      if (okS && okC && okK) {
        ac[A[i]]++;
        visible.push(i);
      }
    }
    return visible.length;
  };

  // crossfilter2: one dimension and one count group per facet, over quote indexes.
  let cf = null;
  if (withLibraries) {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${prefix}/crossfilter2/crossfilter.min.js`;
      script.onload = resolve;
      script.onerror = () => reject(new Error('crossfilter2 did not load'));
      document.head.append(script);
    });
    t = performance.now();
    const all = window.crossfilter(Array.from({ length: S.length }, (_, i) => i));
    const dims = { speaker: all.dimension((i) => S[i]), country: all.dimension((i) => C[i]), kind: all.dimension((i) => K[i]),
      article: all.dimension((i) => A[i]), text: all.dimension((i) => texts[i]) };
    const groups = [dims.speaker.group(), dims.country.group(), dims.kind.group(), dims.article.group()];
    const visible = all.groupAll();
    cf = { dims, groups, visible, buildMs: performance.now() - t };
  }
  // A crossfilter change: the filters set, then what a view reads: every facet's counts and
  // how many quotes are visible.
  const cfRead = () => {
    for (const group of cf.groups) group.all();
    return cf.visible.value();
  };
  const cfFilter = (speaker, country, kind) => {
    for (const [dim, value] of [[cf.dims.speaker, speaker], [cf.dims.country, country], [cf.dims.kind, kind]]) {
      if (value < 0 && value !== -2) dim.filterAll();
      else dim.filterExact(value);
    }
    return cfRead();
  };

  // Facet changes: a popular speaker, a country, a country and a kind; then cleared. They
  // start once the page is idle after the load, as a reader looks at the corpus before a
  // first click (the explorer runs its filter code once meanwhile: main.cpp, WarmFilterCode).
  await idle();
  const popular = [...speakerIds.keys()].slice(0, 2 * FACET_ROUNDS_);
  const roundOf = (round) => {
    const speaker = popular[round % popular.length];
    const country = countries[round % countries.length];
    return [{ speakers: [speaker] }, { countries: [country] }, { countries: [country], kinds: ['direct'] }, {}];
  };
  const filters = [];
  for (let round = 0; round < FACET_ROUNDS_; ++round) filters.push(...roundOf(round));
  const coded = (filter) => [filter.speakers ? speakerIds.get(filter.speakers[0]) : -1,
    filter.countries ? (countryIds.get(filter.countries[0]) ?? -2) : -1, filter.kinds ? 0 : -1];
  const facetTimes = [];
  const jsFacetTimes = [];
  const cfFacetTimes = [];
  for (const filter of filters) {
    facetTimes.push(await change(filter));
    jsFacetTimes.push(time(() => jsFilter(...coded(filter), null)));
    if (cf) cfFacetTimes.push(time(() => cfFilter(...coded(filter))));
  }
  out.facet = summary(facetTimes);
  // Back to back, on the next rounds' speakers and countries (so that none was seen before).
  const backToBack = [];
  for (let round = FACET_ROUNDS_; round < 2 * FACET_ROUNDS_; ++round) {
    for (const filter of roundOf(round)) backToBack.push(await change(filter, { paced: false }));
  }
  out.facetBackToBack = summary(backToBack);
  // By the kind of change (the filters come in rounds of four), to see which one sets the p95.
  out.facetByChange = ['a speaker', 'a country', 'a country and a kind', 'none'].map((name, i) => ({
    name, ...summary(facetTimes.filter((_, j) => j % 4 === i)),
  }));
  out.jsFacet = summary(jsFacetTimes);
  if (cf) out.cfFacet = summary(cfFacetTimes);
  if (cf) cfFilter(-1, -1, -1);

  // Keystrokes: "ceasefire talks" typed a letter at a time, three rounds.
  const keyTimes = [];
  const jsKeyTimes = [];
  const cfKeyTimes = [];
  for (let round = 0; round < 3; ++round) {
    for (let n = 1; n <= typed.length; ++n) {
      const text = typed.slice(0, n);
      keyTimes.push(await change({ text }));
      const needle = text.toLowerCase();
      jsKeyTimes.push(time(() => {
        const matches = new Uint8Array(texts.length);
        for (let i = 0; i < texts.length; ++i) matches[i] = texts[i].includes(needle) ? 1 : 0;
        jsFilter(-1, -1, -1, matches);
      }));
      if (cf) {
        cfKeyTimes.push(time(() => {
          cf.dims.text.filterFunction((value) => value.includes(needle));
          cfRead();
        }));
      }
    }
    await change({});
    if (cf) cf.dims.text.filterAll();
  }
  out.hash = summary(hashTimes);
  out.mirror = summary(mirrorTimes);
  out.key = summary(keyTimes);
  out.jsKey = summary(jsKeyTimes);
  if (cf) out.cfKey = summary(cfKeyTimes);
  if (cf) out.cfBuildMs = cf.buildMs;

  window.QuoteExplorer.setFilter({});
  // The first call also grows the wasm heap for its buffers; later ones reuse it.
  out.visibleFirstMs = time(() => window.QuoteExplorer.visibleQuotes());
  out.visibleMs = percentile(Array.from({ length: 5 }, () => time(() => window.QuoteExplorer.visibleQuotes())), 0.5);
  out.visible = window.QuoteExplorer.visibleQuotes().length;
  out.filters = filters;
  return out;
}

// Runs in the page: DuckDB-Wasm (its worker, off the main thread) on the same JSON Lines.
async function measureDuckdb({ url, typed, prefix, filters }) {
  const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
  const summary = (values) => ({ p50: percentile(values, 0.5), p95: percentile(values, 0.95) });
  const dist = `${prefix}/@duckdb/duckdb-wasm/dist`;
  const duckdb = await import(`${dist}/duckdb-browser.mjs`);
  const worker = new Worker(`${dist}/duckdb-browser-eh.worker.js`);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(`${dist}/duckdb-eh.wasm`);
  const out = {};
  try {
    // DuckDB's read_json is an extension, fetched from the network on first use; offline,
    // the lines are flattened here to one JSON array of quote rows, which the JSON reader
    // built into DuckDB-Wasm (insertJSONFromPath) loads. The load time covers both.
    const text = await (await fetch(url)).text();
    const t = performance.now();
    let rows = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      const article = JSON.parse(line);
      const country = new Map(article.speakers.map((s) => [s.id, s.country]));
      for (const q of article.quotes) {
        rows.push({ article: article.id, speaker: q.speaker, country: country.get(q.speaker) ?? null, kind: q.kind, text: q.text });
      }
    }
    await db.registerFileText('rows.json', JSON.stringify(rows));
    rows = null;
    const conn = await db.connect();
    await conn.insertJSONFromPath('rows.json', { name: 'quotes' });
    await db.dropFile('rows.json');
    out.loadMs = performance.now() - t;
    out.rows = Number((await conn.query('SELECT count(*) AS n FROM quotes')).toArray()[0].n);

    const quoted = (value) => `'${value.replaceAll("'", "''")}'`;
    // What a view needs after a change: each facet's counts under the other facets, and how
    // many quotes are visible.
    const view = async (filter) => {
      const conditions = {
        speaker: filter.speakers ? `speaker = ${quoted(filter.speakers[0])}` : '',
        country: filter.countries ? `country = ${quoted(filter.countries[0])}` : '',
        kind: filter.kinds ? `kind = ${quoted(filter.kinds[0])}` : '',
        text: filter.text ? `text ILIKE ${quoted(`%${filter.text}%`)}` : '',
      };
      const where = (except) => {
        const parts = Object.entries(conditions).filter(([key, sql]) => key !== except && sql).map(([, sql]) => sql);
        return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
      };
      for (const facet of ['speaker', 'country', 'kind', 'article']) {
        (await conn.query(`SELECT ${facet}, count(*) AS n FROM quotes ${where(facet)} GROUP BY ${facet}`)).toArray();
      }
      return Number((await conn.query(`SELECT count(*) AS n FROM quotes ${where('')}`)).toArray()[0].n);
    };
    const timed = async (filter) => {
      const started = performance.now();
      await view(filter);
      return performance.now() - started;
    };
    const facetTimes = [];
    for (const filter of filters) facetTimes.push(await timed(filter));
    out.facet = summary(facetTimes);
    const keyTimes = [];
    for (let n = 1; n <= typed.length; ++n) keyTimes.push(await timed({ text: typed.slice(0, n) }));
    out.key = summary(keyTimes);
    await conn.close();
  } catch (error) {
    out.error = String(error && error.message ? error.message : error);
  } finally {
    await db.terminate();
    worker.terminate();
  }
  return out;
}

// Chromium's renderer processes started by this node process, and their peak resident set
// (VmHWM): that counts the pages of Chromium's own code and libraries mapped from disk (about
// 110 MB, shared with every Chromium process, as much in an about:blank page), so the load
// also samples the renderers' private memory (RssAnon, what Chrome's task manager calls the
// memory footprint) every 50 ms while it runs.
function rendererPeakBytes() { return rendererMemory('VmHWM'); }

function rendererMemory(field) {
  const parent = new Map();
  const args = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      args.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8'));
    } catch {}
  }
  const ours = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let peak = 0;
  for (const [pid, cmdline] of args) {
    if (!cmdline.includes('--type=renderer') || !ours(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      peak = Math.max(peak, Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)[1]) * 1024);
    } catch {}
  }
  return peak;
}

// One load in a fresh browser: wall time through loadUrl, and the renderer's peak memory.
async function timedLoad(server, path) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/`);
    await page.evaluate(() => window.QuoteExplorer.ready);
    const before = rendererPeakBytes();
    const privateBefore = rendererMemory('RssAnon');
    let privatePeak = privateBefore;
    const sampler = setInterval(() => { privatePeak = Math.max(privatePeak, rendererMemory('RssAnon')); }, 50);
    // The load ends when loadUrl resolves; the memory is read once the page is idle, as the
    // text index is built after the load.
    const r = await page.evaluate(async (url) => {
      const t = performance.now();
      const summary = await window.QuoteExplorer.loadUrl(url);
      const ms = performance.now() - t;
      await new Promise((resolve) => {
        const tick = () => (window.QuoteExplorer.debug.pendingFrames() === 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      });
      return { ms, idleMs: performance.now() - t, quotes: summary.quotes };
    }, path).finally(() => clearInterval(sampler));
    privatePeak = Math.max(privatePeak, rendererMemory('RssAnon'));
    return { ...r, peak: rendererPeakBytes(), before, privatePeak, privateBefore };
  } finally {
    await browser.close();
  }
}

// A page opened on the corpus (?src=): from navigation to the first frame drawn with its
// data (QuoteExplorer.debug.firstFrameMs), and the renderer's peak memory by then.
async function firstFrame(server, path) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/?src=${encodeURIComponent(path)}`);
    const ms = await page.evaluate(() => window.QuoteExplorer.ready.then(() => window.QuoteExplorer.debug.firstFrameMs()));
    return { ms, peak: rendererPeakBytes() };
  } finally {
    await browser.close();
  }
}

// A CPU profile (Chrome DevTools Protocol) of the facet changes alone: the functions with
// the most self time. Wasm functions have names only in a build with a name section.
async function profileFacetChanges(page, filters) {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 50 });
  await session.send('Profiler.start');
  await page.evaluate((list) => {
    for (let i = 0; i < 5; ++i) for (const filter of list) window.QuoteExplorer.setFilter(filter);
  }, filters);
  const { profile } = await session.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const interval = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  for (const id of profile.samples) {
    const frame = byId.get(id).callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? frame.url.split('/').pop() : ''}`.trim();
    self.set(name, (self.get(name) || 0) + interval);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`  CPU profile of ${5 * filters.length} setFilter calls (${total.toFixed(0)} ms sampled), top self time:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${name}`);
  }
}

// Times every requestAnimationFrame callback of the page (the explorer's frames among them),
// so that a frame's main-thread cost is measured in the page. Installed before it loads.
function timeAnimationFrames() {
  window.animationFrameMs = [];
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => request((time) => {
    const start = performance.now();
    callback(time);
    window.animationFrameMs.push(performance.now() - start);
  });
}

// The quote list scrolled with the mouse wheel over every quote (no filter), through the
// browser's input pipeline (DevTools protocol) at 125 notches a second, faster than a display
// draws: frames the explorer drew a second meanwhile (a display shows 60), and the main
// thread's time per frame (animation frame callbacks of 0.1 ms or more: idle ones do nothing).
async function measureScrolling(page) {
  await page.evaluate(() => window.QuoteExplorer.setFilter({}));
  await settle(page);
  const list = await page.evaluate(() => window.QuoteExplorer.debug.itemRect('quote:0'));
  await page.mouse.move(list.x + 40, list.y + 10);
  await settle(page);
  const framesBefore = await page.evaluate(() => {
    window.animationFrameMs.length = 0;
    return window.QuoteExplorer.debug.framesDrawn();
  });
  const session = await page.context().newCDPSession(page);
  const wheel = { type: 'mouseWheel', x: list.x + 40, y: list.y + 10, deltaX: 0, deltaY: 400 };
  const started = performance.now();
  await Promise.all(Array.from({ length: WHEEL_STEPS }, (_, step) => new Promise((resolve, reject) => {
    setTimeout(() => session.send('Input.dispatchMouseEvent', wheel).then(resolve, reject), step * 8);
  })));
  const seconds = (performance.now() - started) / 1000;
  const [drawn, animationFrames] = await page.evaluate(() => [window.QuoteExplorer.debug.framesDrawn(), window.animationFrameMs.length]);
  await settle(page);
  const times = (await page.evaluate(() => window.animationFrameMs)).filter((ms) => ms >= 0.1).sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(times.length * p))];
  const scrolledAway = await page.evaluate(() => window.QuoteExplorer.debug.itemRect('quote:0') === null);
  return { fps: (drawn - framesBefore) / seconds, animationFrames: animationFrames / seconds, wheels: WHEEL_STEPS / seconds, p50: at(0.5), p95: at(0.95), scrolledAway };
}

// A corpus served with its Content-Length, as a static file server sends it (the loader
// reserves the corpus's columns from it); `headers` added, such as Cache-Control.
function withContentLength(body, headers = {}) {
  return (request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length, ...headers });
    response.end(body);
  };
}

const loadOnly = process.argv.includes('--load-only');
const profiling = process.argv.includes('--profile');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const withLibraries = installed();
if (!withLibraries) console.log('(crossfilter2 and DuckDB-Wasm are not installed: run ./build-wasm.sh deps; their columns stay empty)');
const fmt = (ms) => (ms === undefined ? '–' : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const pair = (s) => (s ? `${fmt(s.p50)} / ${fmt(s.p95)}` : '–');
const ratio = (base, ours) => (base && ours ? `${(base / ours).toFixed(1)}x` : '–');
const load = () => `load average ${loadavg().map((n) => n.toFixed(1)).join(', ')}`;

for (const quotes of sizes.length ? sizes : [10000, 100000, 1000000]) {
  // One size at a time: a million quotes is 282 MB of JSON Lines, and as much again as a document.
  const lines = `/bench/corpus-${quotes}.jsonl`;
  const documentPath = `/bench/corpus-${quotes}.json`;
  const files = { [lines]: corpus(quotes), [documentPath]: corpus(quotes, { document: true }), ...(withLibraries ? baselineFiles() : {}) };
  // The JSON Lines also as a server sending `Cache-Control: no-store` (as tools/serve.py does
  // for a large corpus): Chromium then does not copy the download into chunks on its
  // garbage-collected heap first (docs/performance.md, "Chromium's copy of a download").
  const linesNoStore = `/bench/corpus-${quotes}-no-store.jsonl`;
  const linesBody = Buffer.from(files[lines]);
  const server = await startServer({ ...files, [lines]: withContentLength(linesBody),
    [linesNoStore]: withContentLength(linesBody, { 'Cache-Control': 'no-store' }),
    [documentPath]: withContentLength(Buffer.from(files[documentPath])) });
  const mbOf = (path) => Buffer.byteLength(files[path]) / 1e6;
  try {
    const linesLoad = await timedLoad(server, lines);
    const noStoreLoad = await timedLoad(server, linesNoStore);
    const documentLoad = await timedLoad(server, documentPath);
    const mb = mbOf(lines);
    console.log(`\n${linesLoad.quotes.toLocaleString('en-US')} quotes, ${mb.toFixed(1)} MB of JSON Lines, ${mbOf(documentPath).toFixed(1)} MB as one corpus@1 document (Chromium, wasm; ${load()} on ${(await import('node:os')).cpus().length} cores)`);
    for (const [name, r, size] of [['JSON Lines', linesLoad, mb], ['JSON Lines, no-store', noStoreLoad, mb], ['corpus@1 document', documentLoad, mbOf(documentPath)]]) {
      console.log(`  load ${name.padEnd(20)} ${(size / (r.ms / 1000)).toFixed(1)} MB/s (${fmt(r.ms)}; idle, text index built, after ${fmt(r.idleMs)})   renderer peak ${(r.peak / 1e6).toFixed(0)} MB = ${(r.peak / 1e6 / size).toFixed(2)}x the file (${(r.before / 1e6).toFixed(0)} MB before the load); private ${(r.privatePeak / 1e6).toFixed(0)} MB = ${(r.privatePeak / 1e6 / size).toFixed(2)}x (${(r.privateBefore / 1e6).toFixed(0)} MB before)`);
    }
    if (loadOnly) continue;
    const first = await firstFrame(server, lines);
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(timeAnimationFrames);
    await page.goto(`${server.url}/`);
    await page.evaluate(() => window.QuoteExplorer.ready);
    const source = measure.toString().replaceAll('FACET_ROUNDS_', String(FACET_ROUNDS)).replace('CHANGE_PAUSE_MS_', String(CHANGE_PAUSE_MS));
    const r = await page.evaluate(`(${source})(${JSON.stringify({ url: lines, typed: TYPED, countries: COUNTRIES, prefix: PREFIX, withLibraries })})`);
    const duck = withLibraries
      ? await page.evaluate(measureDuckdb, { url: lines, typed: TYPED, prefix: PREFIX, filters: r.filters.slice(0, 4 * DUCKDB_FACET_ROUNDS) })
      : null;
    const scrolling = await measureScrolling(page);
    const peak = rendererPeakBytes();
    if (profiling) await profileFacetChanges(page, r.filters.slice(0, 4));
    await browser.close();
    if (duck && duck.error) console.log(`  DuckDB-Wasm failed: ${duck.error}`);
    const row = (...cells) => console.log(`  | ${cells.join(' | ')} |`);
    console.log(`  Same page, same data (${load()}); ms p50 / p95:`);
    row('', 'Quote Explorer (wasm)', 'JS columns', 'crossfilter2', 'DuckDB-Wasm', 'JSON.parse');
    row('---', '---', '---', '---', '---', '---');
    row('load', `${(r.mb / (r.loadMs / 1000)).toFixed(1)} MB/s`, '', cfCell(r.cfBuildMs, 'build'), duck && duck.loadMs ? `${(r.mb / (duck.loadMs / 1000)).toFixed(1)} MB/s` : '–',
      `${(r.mb / (r.parseMs / 1000)).toFixed(1)} MB/s`);
    row('facet change (setFilter)', pair(r.facet), pair(r.jsFacet), pair(r.cfFacet), pair(duck && duck.facet), '');
    row('facet change p95 speed-up of Quote Explorer', '', ratio(r.jsFacet.p95, r.facet.p95), ratio(r.cfFacet && r.cfFacet.p95, r.facet.p95),
      ratio(duck && duck.facet && duck.facet.p95, r.facet.p95), '');
    row('keystroke', pair(r.key), pair(r.jsKey), pair(r.cfKey), pair(duck && duck.key), '');
    row('keystroke p95 speed-up of Quote Explorer', '', ratio(r.jsKey.p95, r.key.p95), ratio(r.cfKey && r.cfKey.p95, r.key.p95),
      ratio(duck && duck.key && duck.key.p95, r.key.p95), '');
    console.log(`  facet change by filter: ${r.facetByChange.map((c) => `${c.name} ${pair(c)}`).join(', ')}; back to back (no pause between changes) ${pair(r.facetBackToBack)}`);
    console.log(`  then, when idle: screen-reader mirror ${pair(r.mirror)}, URL hash ${pair(r.hash)}`);
    console.log(`  visibleQuotes()       ${fmt(r.visibleMs)} median of 5 (first call ${fmt(r.visibleFirstMs)}) for ${r.visible.toLocaleString('en-US')} records`);
    console.log(`  scrolling the list (${WHEEL_STEPS} wheel notches at ${scrolling.wheels.toFixed(0)} a second${scrolling.scrolledAway ? '' : ', but it did not move'}): ${scrolling.fps.toFixed(0)} frames drawn a second (the browser ran ${scrolling.animationFrames.toFixed(0)} animation frames a second; a display shows 60); main thread per frame ${fmt(scrolling.p50)} / ${fmt(scrolling.p95)}`);
    console.log(`  first frame with the data (?src=, fresh browser) ${fmt(first.ms)}, renderer peak by then ${(first.peak / 1e6).toFixed(0)} MB; renderer peak of the baselines' page ${(peak / 1e6).toFixed(0)} MB`);
  } finally {
    await server.close();
  }
}

function cfCell(ms, what) {
  return ms === undefined ? '–' : `${what} ${fmt(ms)}`;
}
