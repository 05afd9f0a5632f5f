// The explorer at corpus scale, measured in Debian's Chromium through the public API, beside
// baselines measured in the same page on the same data: JSON.parse of the same lines, and a
// plain JavaScript loop over integer-coded columns (the filter and every facet's counts)
// and over lower-cased texts (String.includes). Loads are also timed in a fresh browser each,
// as JSON Lines and as one corpus@1 document, with the renderer's peak resident memory
// (VmHWM) against the file's size. Prints medians, p95s and ratios; asserts nothing. The
// corpus is generated here, at run time (never committed).
//
//   node bench/scale/browser_bench.mjs [QUOTES...]     (default 10000 100000; needs ./build-wasm.sh web)
//   node bench/scale/browser_bench.mjs --load-only [QUOTES...]   only the loads and their memory
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { launchBrowser, startServer } = await import(`${ROOT}tests/e2e/harness.mjs`);

import { COUNTRIES, corpus, TYPED } from './corpus.mjs';

// Runs in the page: the explorer and the baselines on the same bytes.
async function measure(url, TYPED) {
  const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
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
  const mirrorTimes = [];
  const hashTimes = [];
  const change = async (filter) => {
    const t = time(() => window.QuoteExplorer.setFilter(filter));
    await idle();
    const work = window.QuoteExplorer.debug.lastWork();
    mirrorTimes.push(work.mirror);
    hashTimes.push(work.hash);
    return t;
  };
  const out = {};
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  out.mb = bytes.length / 1e6;

  let t = performance.now();
  const summary = await window.QuoteExplorer.loadUrl(url);
  out.loadMs = performance.now() - t;
  out.quotes = summary.quotes;

  // Baseline: JSON.parse of every line of the same bytes (decoding included).
  t = performance.now();
  const articles = new TextDecoder().decode(bytes).split('\n').filter(Boolean).map((line) => JSON.parse(line));
  out.parseMs = performance.now() - t;

  // Baseline columns: speaker, country and kind as integers, texts lower-cased.
  const speakerIds = new Map();
  const countryIds = new Map();
  const speakerOf = [];
  const countryOf = [];
  const kindOf = [];
  const texts = [];
  for (const article of articles) {
    const country = new Map(article.speakers.map((s) => [s.id, s.country]));
    for (const q of article.quotes) {
      if (!speakerIds.has(q.speaker)) speakerIds.set(q.speaker, speakerIds.size);
      const c = country.get(q.speaker);
      if (!countryIds.has(c)) countryIds.set(c, countryIds.size);
      speakerOf.push(speakerIds.get(q.speaker));
      countryOf.push(countryIds.get(c));
      kindOf.push(['direct', 'indirect', 'mixed'].indexOf(q.kind));
      texts.push(q.text.toLowerCase());
    }
  }
  const S = Int32Array.from(speakerOf);
  const C = Int32Array.from(countryOf);
  const K = Int32Array.from(kindOf);
  const jsFilter = (speaker, country, kind, matches) => {
    const sc = new Uint32Array(speakerIds.size);
    const cc = new Uint32Array(countryIds.size);
    const kc = new Uint32Array(3);
    const visible = [];
    for (let i = 0; i < S.length; ++i) {
      if (matches && !matches[i]) continue;
      const okS = speaker < 0 || S[i] === speaker;
      const okC = country < 0 || C[i] === country;
      const okK = kind < 0 || K[i] === kind;
      if (okC && okK) sc[S[i]]++;
      if (okS && okK) cc[C[i]]++;
      if (okS && okC) kc[K[i]]++;
      if (okS && okC && okK) visible.push(i);
    }
    return visible.length;
  };

  // Facet changes: a popular speaker, a country, a country and a kind; then cleared.
  const popular = [...speakerIds.keys()].slice(0, 20);
  const facetTimes = [];
  const jsFacetTimes = [];
  for (let round = 0; round < 20; ++round) {
    const speaker = popular[round % popular.length];
    const country = COUNTRY_LIST[round % COUNTRY_LIST.length];
    for (const filter of [{ speakers: [speaker] }, { countries: [country] }, { countries: [country], kinds: ['direct'] }, {}]) {
      facetTimes.push(await change(filter));
      jsFacetTimes.push(time(() => jsFilter(filter.speakers ? speakerIds.get(speaker) : -1,
        filter.countries ? (countryIds.get(country) ?? -2) : -1, filter.kinds ? 0 : -1, null)));
    }
  }
  out.facetP95 = percentile(facetTimes, 0.95);
  out.jsFacetP95 = percentile(jsFacetTimes, 0.95);

  // Keystrokes: "ceasefire talks" typed a letter at a time, three rounds.
  const keyTimes = [];
  const jsKeyTimes = [];
  for (let round = 0; round < 3; ++round) {
    for (let n = 1; n <= TYPED.length; ++n) {
      const text = TYPED.slice(0, n);
      keyTimes.push(await change({ text }));
      jsKeyTimes.push(time(() => {
        const needle = text.toLowerCase();
        const matches = new Uint8Array(texts.length);
        for (let i = 0; i < texts.length; ++i) matches[i] = texts[i].includes(needle) ? 1 : 0;
        jsFilter(-1, -1, -1, matches);
      }));
    }
    await change({});
  }
  out.hashP95 = percentile(hashTimes, 0.95);
  out.mirrorP95 = percentile(mirrorTimes, 0.95);
  out.keyP95 = percentile(keyTimes, 0.95);
  out.keyP50 = percentile(keyTimes, 0.5);
  out.jsKeyP95 = percentile(jsKeyTimes, 0.95);

  window.QuoteExplorer.setFilter({});
  // The first call also grows the wasm heap for its buffers; later ones reuse it.
  out.visibleFirstMs = time(() => window.QuoteExplorer.visibleQuotes());
  out.visibleMs = percentile(Array.from({ length: 5 }, () => time(() => window.QuoteExplorer.visibleQuotes())), 0.5);
  out.visible = window.QuoteExplorer.visibleQuotes().length;
  return out;
}

// Chromium's renderer processes started by this node process, and their peak resident set.
function rendererPeakBytes() {
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
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    peak = Math.max(peak, Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) * 1024);
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
    const r = await page.evaluate(async (url) => {
      const t = performance.now();
      const summary = await window.QuoteExplorer.loadUrl(url);
      return { ms: performance.now() - t, quotes: summary.quotes };
    }, path);
    return { ...r, peak: rendererPeakBytes(), before };
  } finally {
    await browser.close();
  }
}

const loadOnly = process.argv.includes('--load-only');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const files = {};
const documents = {};
for (const quotes of sizes.length ? sizes : [10000, 100000]) {
  files[`/bench/corpus-${quotes}.jsonl`] = corpus(quotes);
  documents[`/bench/corpus-${quotes}.jsonl`] = `/bench/corpus-${quotes}.json`;
  files[`/bench/corpus-${quotes}.json`] = corpus(quotes, { document: true });
}
// Served with their Content-Length, as a static file server sends them (the loader reserves
// the corpus's columns from it).
const served = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, Buffer.from(text)]).map(([path, body]) => [path, (request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  response.end(body);
}]));
const server = await startServer(served);
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const mbOf = (path) => Buffer.byteLength(files[path]) / 1e6;
try {
  for (const path of Object.keys(documents)) {
    const lines = await timedLoad(server, path);
    const document = await timedLoad(server, documents[path]);
    const mb = mbOf(path);
    console.log(`\n${lines.quotes.toLocaleString('en-US')} quotes, ${mb.toFixed(1)} MB of JSON Lines, ${mbOf(documents[path]).toFixed(1)} MB as one corpus@1 document (Chromium, wasm, a fresh browser each)`);
    for (const [name, r, size] of [['JSON Lines', lines, mb], ['corpus@1 document', document, mbOf(documents[path])]]) {
      console.log(`  load ${name.padEnd(18)} ${(size / (r.ms / 1000)).toFixed(1)} MB/s (${fmt(r.ms)})   renderer peak ${(r.peak / 1e6).toFixed(0)} MB = ${(r.peak / 1e6 / size).toFixed(2)}x the file (${(r.before / 1e6).toFixed(0)} MB before the load)`);
    }
    if (loadOnly) continue;
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/`);
    await page.evaluate(() => window.QuoteExplorer.ready);
    await page.evaluate(`window.COUNTRY_LIST = ${JSON.stringify(COUNTRIES)}`);
    const r = await page.evaluate(`(${measure.toString().replace(/COUNTRY_LIST/g, 'window.COUNTRY_LIST')})(${JSON.stringify(path)}, ${JSON.stringify(TYPED)})`);
    console.log(`  load (same page as the baselines) ${(r.mb / (r.loadMs / 1000)).toFixed(1)} MB/s   baseline JSON.parse of the lines ${(r.mb / (r.parseMs / 1000)).toFixed(1)} MB/s   ratio ${(r.parseMs / r.loadMs).toFixed(2)}x`);
    console.log(`  facet change p95      ${fmt(r.facetP95)}   baseline JS columns ${fmt(r.jsFacetP95)}   speed-up ${(r.jsFacetP95 / r.facetP95).toFixed(1)}x`);
    console.log(`  then, when idle: screen-reader mirror p95 ${fmt(r.mirrorP95)}, URL hash p95 ${fmt(r.hashP95)}`);
    console.log(`  keystroke p50 / p95   ${fmt(r.keyP50)} / ${fmt(r.keyP95)}   baseline String.includes + columns p95 ${fmt(r.jsKeyP95)}   speed-up ${(r.jsKeyP95 / r.keyP95).toFixed(1)}x`);
    console.log(`  visibleQuotes()       ${fmt(r.visibleMs)} median of 5 (first call ${fmt(r.visibleFirstMs)}) for ${r.visible.toLocaleString('en-US')} records`);
    await browser.close();
  }
} finally {
  await server.close();
}
