// Extraction speed in the browser: a 2,000-word article (the seed and the team's test
// articles, joined until 2,000 words) extracted by the wasm module in Debian's Chromium,
// against passes over the same text measured in the same page: a JavaScript quotation-mark
// scan (the naive extractor) and JSON.parse of the extractor's own output. Also the whole
// QuoteExplorer.extract call (extract, load, draw). Prints medians and ratios; asserts nothing.
//
//   node bench/extraction/browser_bench.mjs          (needs ./build-wasm.sh web first)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openExplorer } from '../../tests/e2e/harness.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORDS = 2000;
const RUNS = 30;

function article() {
  const dir = join(ROOT, 'tests/data/extraction');
  const files = [join(ROOT, 'assets/articles/lavrov-european-troops.json'),
    ...readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f))];
  const paragraphs = [];
  let words = 0;
  for (const file of files) {
    for (const paragraph of JSON.parse(readFileSync(file, 'utf8')).paragraphs) {
      if (words >= WORDS) break;
      paragraphs.push(paragraph);
      words += paragraph.split(/\s+/).length;
    }
  }
  return { text: paragraphs.join('\n\n'), words };
}

const { text, words } = article();
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await openExplorer(browser, `${server.url}/index.html`);
  const result = await page.evaluate(async ({ text, runs }) => {
    const median = (times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    // Median over `runs` groups of 10 calls: a single fast pass is below the timer's resolution.
    const time = (run) => {
      const times = [];
      for (let i = 0; i < runs; ++i) {
        const start = performance.now();
        for (let j = 0; j < 10; ++j) run();
        times.push((performance.now() - start) / 10);
      }
      return median(times);
    };
    const whole = performance.now();
    await window.QuoteExplorer.extract(text, { title: 'Benchmark' }); // also loads the module
    const first = performance.now() - whole;
    const module = await createQuoteExtractor();
    const bytes = new TextEncoder().encode(text);
    const input = module._malloc(bytes.length);
    module.HEAPU8.set(bytes, input);
    const options = module._malloc(64);
    module.stringToUTF8('{"title":"Benchmark"}', options, 64);
    let output = '';
    const extract = time(() => { output = module.UTF8ToString(module._qe_extract(input, bytes.length, options)); });
    const marks = time(() => { let n = 0; for (const _ of text.matchAll(/“[^”]*”|"[^"]*"/g)) ++n; return n; });
    const parse = time(() => JSON.parse(output));
    const quotes = JSON.parse(output).article.quotes.length;
    const apiTimes = [];
    for (let i = 0; i < 5; ++i) {
      const start = performance.now();
      await window.QuoteExplorer.extract(text, { title: 'Benchmark' });
      apiTimes.push(performance.now() - start);
    }
    return { first, extract, marks, parse, quotes, api: median(apiTimes), bytes: bytes.length };
  }, { text, runs: RUNS });
  const ms = (value) => `${value.toFixed(2).padStart(8)} ms`;
  console.log(`browser extraction (Chromium, wasm): ${words} words, ${result.bytes} bytes, ${result.quotes} quotes`);
  console.log(`  extract (qe_extract, median of ${RUNS} x 10)  ${ms(result.extract)}`);
  console.log(`  QuoteExplorer.extract (extract, load, show) ${ms(result.api)}   first call with download ${ms(result.first)}`);
  console.log(`  baseline: JS quotation-mark scan          ${ms(result.marks)}   extract is ${(result.extract / result.marks).toFixed(1)}x slower`);
  console.log(`  baseline: JSON.parse of the output        ${ms(result.parse)}   extract is ${(result.extract / result.parse).toFixed(1)}x slower`);
  console.log(`  MB/s in the browser: ${(result.bytes / 1e6 / (result.extract / 1000)).toFixed(1)}`);
} finally {
  await browser.close();
  await server.close();
}
