// The explorer at corpus scale, measured in Debian's Chromium through the public API, beside
// baselines measured in the same page on the same data: JSON.parse of the same lines, and a
// plain JavaScript loop over integer-coded columns (the filter and every facet's counts)
// and over lower-cased texts (String.includes). Prints medians, p95s and ratios; asserts
// nothing. The corpus is generated here, at run time (never committed).
//
//   node bench/scale/browser_bench.mjs [QUOTES...]     (default 10000 100000; needs ./build-wasm.sh web)
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { launchBrowser, startServer } = await import(`${ROOT}tests/e2e/harness.mjs`);

const COUNTRIES = ['RU', 'UA', 'US', 'GB', 'FR', 'DE', 'PL', 'CN', 'IN', 'BR', 'TR', 'IL', 'IR', 'SA', 'JP', 'KR', 'IT',
  'ES', 'NL', 'BE', 'SE', 'FI', 'NO', 'DK', 'CZ', 'HU', 'RO', 'BG', 'GR', 'EG', 'ZA', 'NG', 'KE', 'MX', 'CA', 'AU',
  'AR', 'CL', 'VN', 'PT'];
const WORDS = ['security', 'guarantees', 'troops', 'ceasefire', 'talks', 'sanctions', 'energy', 'border', 'peace', 'aid',
  'elections', 'economy', 'threat', 'alliance', 'Kyiv', 'Moscow', 'Brussels', 'unacceptable', 'support', 'negotiations'];
const SPEAKERS = 2000;
const QUOTES_PER_ARTICLE = 10;
const TYPED = 'ceasefire talks';

// A deterministic corpus: Zipf-like speakers, each speaking for one country.
function corpus(quotes) {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = [];
  for (let a = 0; a < quotes / QUOTES_PER_ARTICLE; ++a) {
    let paragraph = '';
    const speakers = new Map();
    const items = [];
    for (let q = 0; q < QUOTES_PER_ARTICLE; ++q) {
      const s = Math.floor(random() ** 3 * SPEAKERS);
      const text = Array.from({ length: 8 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
      const start = paragraph.length;
      paragraph += `${text}. `;
      items.push({ id: `q${q}`, speaker: `s${s}`, kind: ['direct', 'indirect', 'mixed'][q % 3], text, paragraph: 0, start, end: start + text.length });
      speakers.set(`s${s}`, { id: `s${s}`, name: `Speaker ${s}`, country: COUNTRIES[s % COUNTRIES.length] });
    }
    lines.push(JSON.stringify({ format: 'quote-explorer/article@1', id: `a${a}`, title: `Article ${a}`,
      paragraphs: [paragraph], speakers: [...speakers.values()], quotes: items }));
  }
  return `${lines.join('\n')}\n`;
}

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

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const files = {};
for (const quotes of sizes.length ? sizes : [10000, 100000]) files[`/bench/corpus-${quotes}.jsonl`] = corpus(quotes);
const server = await startServer(files);
const browser = await launchBrowser();
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
try {
  for (const path of Object.keys(files)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/`);
    await page.evaluate(() => window.QuoteExplorer.ready);
    await page.evaluate(`window.COUNTRY_LIST = ${JSON.stringify(COUNTRIES)}`);
    const r = await page.evaluate(`(${measure.toString().replace(/COUNTRY_LIST/g, 'window.COUNTRY_LIST')})(${JSON.stringify(path)}, ${JSON.stringify(TYPED)})`);
    console.log(`\n${r.quotes.toLocaleString('en-US')} quotes, ${r.mb.toFixed(1)} MB of JSON Lines (Chromium, wasm)`);
    console.log(`  load                  ${(r.mb / (r.loadMs / 1000)).toFixed(1)} MB/s   baseline JSON.parse of the lines ${(r.mb / (r.parseMs / 1000)).toFixed(1)} MB/s   ratio ${(r.parseMs / r.loadMs).toFixed(2)}x`);
    console.log(`  facet change p95      ${fmt(r.facetP95)}   baseline JS columns ${fmt(r.jsFacetP95)}   speed-up ${(r.jsFacetP95 / r.facetP95).toFixed(1)}x`);
    console.log(`  then, when idle: screen-reader mirror p95 ${fmt(r.mirrorP95)}, URL hash p95 ${fmt(r.hashP95)}`);
    console.log(`  keystroke p50 / p95   ${fmt(r.keyP50)} / ${fmt(r.keyP95)}   baseline String.includes + columns p95 ${fmt(r.jsKeyP95)}   speed-up ${(r.jsKeyP95 / r.keyP95).toFixed(1)}x`);
    console.log(`  visibleQuotes()       ${fmt(r.visibleMs)} median of 5 (first call ${fmt(r.visibleFirstMs)}) for ${r.visible.toLocaleString('en-US')} records`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
